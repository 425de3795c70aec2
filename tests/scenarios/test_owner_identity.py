"""Who an owner is (issue 12, defects 2-4): owners named in the ownership data, one
declared owner counted once, and the most restrictive owner's policy.

Each test cites the rules.md sentence it relies on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from screening.rules.ownership import OwnershipGraph
from screening.rules.determination import determine

from .factory import RULES, entry, finding, hit, huawei, jp_control, nwpu, rel, sdn

EAR = {"subject_to_ear": True}
US_PERSON = {"us_person": True}
HUAWEI_NAME = "Huawei Technologies Co., Ltd."


def screen(*, relationships=(), owners=(), names=None, context=None, on="2026-12-05",
           party="name:acme sub ltd", entries=()):
    """Determine for an unlisted party with ownership data and/or declared owners.

    ``names`` maps an owner name to the matcher's hits on it (the lists in force).
    """
    by_id = {e.id: e for e in entries}
    resolve = {} if names is None else {"resolve_name": lambda name: list(names.get(name, []))}
    return determine(hits=[], context=None if context is None else _ctx(context),
                     as_of=date.fromisoformat(on), horizon="literal", rulebook=RULES,
                     ownership=OwnershipGraph(relationships), party_keys=[party],
                     lookup_entry=by_id.get, declared_owners=list(owners), **resolve)


def _ctx(d):
    from screening.rules.context import TransactionContext

    return TransactionContext.from_dict(d)


def named(owner_name: str, owned: str, percent):
    """An ownership-CSV row whose owner is given by name (docs/own-lists.md)."""
    return rel("name:" + " ".join(owner_name.casefold().split()), owned, percent, owner_name=owner_name)


def no_policy(e):
    """The same Entity-List entry as the CSL gives it today: no licence review policy."""
    return replace(e, license_policy=None, license_policy_text=None, license_policy_partial=False)


# ---------------------------------------------------------------- defect 2: owner by name

def test_owner_named_in_ownership_data_is_resolved_at_match_strength():
    # rules.md §7.2: an entity "owned ... ≥ 50 % by one or more parties on the Entity List" is
    # subject to the same licence requirement and review policy; §8.3: an exact or
    # high-confidence name match "gives that list's outcome".
    det = screen(relationships=[named(HUAWEI_NAME, "name:acme sub ltd", 60)],
                 names={HUAWEI_NAME: [hit(huawei())]}, context=EAR)
    f = finding(det, "US-AFFIL")
    assert (det.outcome, f.outcome, f.status) == ("PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL", "active")
    assert f.path[0]["name"] == HUAWEI_NAME and f.path[0]["role"] == "listed"


def test_owner_name_with_only_a_review_strength_match_is_review_not_clear():
    # rules.md §8.3: "A lower-confidence match gives REVIEW"; §8.2 REVIEW: "fuzzy or alias hit".
    det = screen(relationships=[named("Huawei Tech Holdings", "name:acme sub ltd", 60)],
                 names={"Huawei Tech Holdings": [hit(huawei(), "review")]}, context=EAR)
    f = finding(det, "US-AFFIL")
    assert (det.outcome, f.outcome, f.would_be) == ("REVIEW", "REVIEW", "PRESUMPTION_OF_DENIAL")
    assert f.reason.startswith(f"An owner only possibly matches {HUAWEI_NAME}: confirm who the owner is")
    assert f.path[0]["role"] == "possibly listed"


def test_owner_name_is_resolved_against_the_lists_in_force_when_screened():
    # The same ownership row, before and after the owner is listed: the answer follows the lists.
    rows = [named(HUAWEI_NAME, "name:acme sub ltd", 60)]
    assert screen(relationships=rows, names={}, context=EAR).outcome == "CLEAR"
    assert screen(relationships=rows, names={HUAWEI_NAME: [hit(huawei())]},
                  context=EAR).outcome == "PRESUMPTION_OF_DENIAL"


def test_owner_given_by_id_and_by_name_in_the_data_holds_its_share_once():
    # rules.md §7.3: blocked when owned "in the aggregate ... 50 % or more by one or more blocked
    # persons": one person's 30 % recorded twice is still 30 %, i.e. 25-49 % -> REVIEW (§8.2).
    bank = sdn("Bank Rossiya", "bank-rossiya")
    det = screen(relationships=[rel(bank.id, "name:acme sub ltd", 30),
                                named("Bank Rossiya", "name:acme sub ltd", 30)],
                 names={"Bank Rossiya": [hit(bank, score=1.0)]}, context=US_PERSON, entries=[bank])
    f = finding(det, "OFAC-50")
    assert (det.outcome, f.outcome, f.would_be) == ("REVIEW", "REVIEW", "PROHIBITED")
    assert "30 %" in f.reason


# ------------------------------------------------------- defect 3: one owner counted once

def test_declared_owner_matching_two_sdn_entries_holds_its_share_once():
    # rules.md §7.3 "in the aggregate ... by one or more blocked persons" adds up persons, not
    # candidate entries; §8.2: "25-49% listed ownership" is REVIEW.
    bank, rossita = sdn("BANK ROSSIYA", "16681"), sdn("ROSSITA BANK", "51760")
    det = screen(owners=[{"name": "Bank Rossiya", "percent": 30,
                          "hits": [hit(bank, score=1.0), hit(rossita, score=0.89)]}],
                 context=US_PERSON)
    f = finding(det, "OFAC-50")
    assert (det.outcome, f.outcome) == ("REVIEW", "REVIEW")
    assert "30 %" in f.reason and "60 %" not in f.reason
    assert "ROSSITA" not in f.reason  # a weaker candidate is not who the owner is


def test_declared_owner_listed_on_several_china_lists_holds_its_share_once():
    # No. 61 Art. 2 (rules.md §3.1) covers subsidiaries a Control/Watch-List party holds ≥ 50 %:
    # one party on two lists holding 40 % is 40 %, a review item (§8.2), not 80 %.
    mhi = jp_control()
    on_watch_list = replace(mhi, id="cn-watch:mhi", list_id="cn-watch")
    det = screen(owners=[{"name": mhi.name, "percent": 40,
                          "hits": [hit(mhi, score=1.0), hit(on_watch_list, score=1.0)]}],
                 context={"item": "Dy", "item_origin": "CN"})
    f = finding(det, "CN-61-A2")
    assert (f.outcome, f.would_be) == ("REVIEW", "PRESUMPTION_OF_DENIAL")
    assert det.outcome == "LICENSE_REQUIRED"  # the No. 18 item licence (CN-18), not a denial
    # ... while two different listed owners still aggregate (§7.2: "Ownership aggregates across owners").
    other = jp_control("Kawasaki Heavy Industries, Ltd.", "khi")
    det = screen(owners=[{"name": mhi.name, "percent": 40, "hits": [hit(mhi, score=1.0)]},
                         {"name": other.name, "percent": 20, "hits": [hit(other, score=1.0)]}],
                 context={"item": "Dy", "item_origin": "CN"})
    assert finding(det, "CN-61-A2").outcome == "PRESUMPTION_OF_DENIAL"


def test_declared_owner_and_the_same_owner_in_the_data_count_once():
    # rules.md §7.3 again: the declared 30 % and the imported 30 % are one holding.
    bank, rossita = sdn("BANK ROSSIYA", "16681"), sdn("ROSSITA BANK", "51760")
    det = screen(relationships=[rel(bank.id, "name:acme sub ltd", 30)], entries=[bank, rossita],
                 owners=[{"name": "Bank Rossiya", "percent": 30,
                          "hits": [hit(bank, score=1.0), hit(rossita, score=0.89)]}],
                 context=US_PERSON)
    assert (det.outcome, finding(det, "OFAC-50").outcome) == ("REVIEW", "REVIEW")


# -------------------------------------------- defect 4: the most restrictive owner's policy

def smic_el():
    return entry("us-el", "Semiconductor Manufacturing International Corporation (SMIC)",
                 id="us-el:13044381a91b8fb22211f4bb9736001cd57559ae", countries=["CN"],
                 citation="85 FR 83420, 12/22/20", fdp="5")


def hikvision_el():
    return entry("us-el", "Hangzhou Hikvision Digital Technology Co., Ltd.",
                 id="us-el:147edaa2cf6bfe08917194806c81adb9ccf53e7a", countries=["CN"],
                 citation="84 FR 54004, 10/9/19.; 85 FR 34505, 6/5/20.; 85 FR 44161, 7/22/20")


def test_affiliate_of_owners_without_a_stated_policy_is_not_a_presumption_of_approval():
    # rules.md §7.2: the affiliate "is subject to the same licence requirement, licence-exception
    # limits and review policy as its owners. If owners differ, the most restrictive applies."
    # The CSL gives SMIC and Hikvision no policy: their 55 % affiliate cannot be LICENSE_REQUIRED;
    # it takes the presumption of denial assumed for an entry without one (rules.md §7.1: "most
    # China tech, military and HPC entries"; rules.yaml outcome_if_no_policy, session 24).
    a, b = smic_el(), hikvision_el()
    det = screen(relationships=[rel(a.id, "name:acme jv", 30), rel(b.id, "name:acme jv", 25)],
                 entries=[a, b], party="name:acme jv", context=EAR)
    f = finding(det, "US-AFFIL")
    assert "55 %" in f.reason
    assert (det.outcome, f.outcome, f.partial) == ("PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL", False)
    assert "does not give" in f.reason
    # "the most restrictive applies": with NWPU (presumption of denial) as an owner, its policy decides.
    a, b = no_policy(smic_el()), nwpu()
    det = screen(relationships=[rel(a.id, "name:acme jv", 30), rel(b.id, "name:acme jv", 25)],
                 entries=[a, b], party="name:acme jv", context=EAR)
    f = finding(det, "US-AFFIL")
    assert (f.outcome, f.partial) == ("PRESUMPTION_OF_DENIAL", False)
    assert "does not give" not in f.reason
