"""Ownership through the rules: the BIS Affiliates rule, OFAC 50 %, No. 61 Art. 2,
declared owners, unknown shares, cycles, name-only affiliates, and the real ZALA graph."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from screening.types import Entry, Relationship

from .factory import (
    entry, finding, hikvision, hit, huawei, jp_control, jp_watch, nwpu, rel, rules_fired, run, sdn, smic,
    techinsights,
)

EAR = {"subject_to_ear": True}
US_PERSON = {"us_person": True}


def test_affiliates_rule_multi_level_chain():
    # NWPU (EL) owns 100 % of a holding, which owns 55 % of the party.
    owner = nwpu()
    det = run([], context=EAR, entries=[owner], party_keys=["name:xian aero parts co"],
              relationships=[rel(owner.id, "name:nwpu holding", 100), rel("name:nwpu holding", "name:xian aero parts co", 55)])
    f = finding(det, "US-AFFIL")
    assert (det.outcome, f.outcome) == ("PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL")
    assert [(s["role"], s["percent"]) for s in f.path] == [("listed", 100), ("caught", 55), ("party", None)]
    assert "Path: Northwestern Polytechnical University (listed) --100%--> nwpu holding (caught) --55%--> " \
           "xian aero parts co." in f.reason


@pytest.mark.parametrize("on, horizon, outcome", [
    ("2025-09-01", "literal", "CLEAR"),                  # before the Affiliates rule (2025-09-29)
    ("2025-10-15", "literal", "PRESUMPTION_OF_DENIAL"),  # in force
    ("2026-06-01", "literal", "REVIEW"),                 # suspended 2025-11-10 .. 2026-11-09
    ("2026-11-10", "literal", "PRESUMPTION_OF_DENIAL"),  # re-imposed by its own text
    ("2026-11-10", "extended", "REVIEW"),
    ("2026-11-10", "flag", "REVIEW"),
])
def test_affiliates_rule_over_time(on, horizon, outcome):
    owner = huawei()
    det = run([], on=on, horizon=horizon, context=EAR, entries=[owner], party_keys=["name:hw device sub"],
              relationships=[rel(owner.id, "name:hw device sub", 51)])
    assert det.outcome == outcome


def test_tgl7_reported_while_in_force():
    owner = huawei()
    det = run([], on="2025-10-15", context=EAR, entries=[owner], party_keys=["name:hw sub"],
              relationships=[rel(owner.id, "name:hw sub", 51)])
    assert finding(det, "US-TGL7").outcome == "REVIEW"
    later = run([], on="2026-11-22", context=EAR, entries=[owner], party_keys=["name:hw sub"],
                relationships=[rel(owner.id, "name:hw sub", 51)])
    assert finding(later, "US-TGL7").status == "expired"


def test_affiliates_rule_takes_the_most_restrictive_owner_policy():
    # 30 % Hikvision (mixed) + 30 % NWPU (presumption of denial): aggregated 60 %, NWPU's policy.
    a, b = hikvision(), nwpu()
    det = run([], context=EAR, entries=[a, b], party_keys=["name:jv"],
              relationships=[rel(a.id, "name:jv", 30), rel(b.id, "name:jv", 30)])
    f = finding(det, "US-AFFIL")
    assert (f.outcome, f.partial) == ("PRESUMPTION_OF_DENIAL", False)
    assert len(f.paths) == 2


def test_ofac_25_plus_25_blocks():
    a, b = sdn("Alpha Holding JSC", "alpha"), sdn("Beta Invest OOO", "beta")
    det = run([], context=US_PERSON, entries=[a, b], party_keys=["name:gamma llc"],
              relationships=[rel(a.id, "name:gamma llc", 25), rel(b.id, "name:gamma llc", 25)])
    f = finding(det, "OFAC-50")
    assert (det.outcome, f.outcome) == ("PROHIBITED", "PROHIBITED")
    assert "50 % owned by blocked persons (Alpha Holding JSC, Beta Invest OOO)" in f.reason


def test_ofac_does_not_multiply_through_unblocked_intermediate():
    a = sdn("Alpha Holding JSC", "alpha")
    det = run([], context=US_PERSON, entries=[a], party_keys=["name:delta"],
              relationships=[rel(a.id, "name:mid", 40), rel("name:mid", "name:delta", 100)])
    assert det.outcome == "CLEAR"


def test_listed_owner_with_unknown_share_is_red_flag_29_review():
    owner = nwpu()
    det = run([], context=EAR, entries=[owner], party_keys=["name:unknown share co"],
              relationships=[rel(owner.id, "name:unknown share co", None)])
    f = finding(det, "US-AFFIL")
    assert (det.outcome, f.would_be) == ("REVIEW", "PRESUMPTION_OF_DENIAL")
    assert "Red Flag 29" in f.reason
    assert "ownership_percent" in f.depends_on


def test_listed_minority_25_to_49_is_review():
    owner = sdn("Alpha Holding JSC", "alpha")
    det = run([], context=US_PERSON, entries=[owner], party_keys=["name:minority co"],
              relationships=[rel(owner.id, "name:minority co", 30)])
    assert finding(det, "OFAC-50").outcome == "REVIEW"


def test_listed_minority_below_25_is_informational():
    owner = sdn("Alpha Holding JSC", "alpha")
    det = run([], context=US_PERSON, entries=[owner], party_keys=["name:small stake co"],
              relationships=[rel(owner.id, "name:small stake co", 10)])
    assert det.outcome == "CLEAR"
    assert finding(det, "OFAC-50").outcome == "CLEAR"


def test_control_without_ownership_is_review():
    owner = sdn("Alpha Holding JSC", "alpha")
    det = run([], context=US_PERSON, entries=[owner], party_keys=["name:managed co"],
              relationships=[rel(owner.id, "name:managed co", None, relation="control")])
    assert "act with caution" in finding(det, "OFAC-50").reason


def test_ownership_cycle_terminates():
    owner = jp_control()
    det = run([], context={"item": "Dy", "item_origin": "CN"}, entries=[owner], party_keys=["name:a kk"],
              relationships=[rel(owner.id, "name:b kk", 60), rel("name:b kk", "name:a kk", 70),
                             rel("name:a kk", "name:b kk", 20)])
    assert finding(det, "CN-61-A2").outcome == "PRESUMPTION_OF_DENIAL"


def test_no61_article2_fifty_percent_rule_for_control_and_watch_lists():
    a, b = jp_control(), jp_watch()
    det = run([], entries=[a, b], party_keys=["name:kk"],
              relationships=[rel(a.id, "name:kk", 25), rel(b.id, "name:kk", 25)])
    assert det.outcome == "PRESUMPTION_OF_DENIAL"
    assert run([], horizon="extended", entries=[a, b], party_keys=["name:kk"],
               relationships=[rel(a.id, "name:kk", 25), rel(b.id, "name:kk", 25)]).outcome == "REVIEW"


def test_declared_owner_with_match_hit():
    owner = smic()
    det = run([], context=EAR, party_keys=["name:new fab co"],
              owners=[{"name": "SMIC", "percent": "60%", "hits": [hit(owner)]}])
    f = finding(det, "US-AFFIL")
    assert (f.outcome, f.partial) == ("CASE_BY_CASE", True)
    assert f.path[0]["name"] == "SMIC"


def test_declared_owner_with_only_a_possible_match_is_review():
    owner = smic()
    det = run([], context=EAR, party_keys=["name:new fab co"],
              owners=[{"name": "S.M.I.C. Holdings", "percent": 60, "hits": [hit(owner, "review")]}])
    f = finding(det, "US-AFFIL")
    assert (f.outcome, f.would_be) == ("REVIEW", "CASE_BY_CASE")


def test_declared_owner_with_unknown_percent():
    owner = nwpu()
    det = run([], context=EAR, party_keys=["name:x"], owners=[{"name": "NWPU", "percent": None, "hits": [hit(owner)]}])
    assert finding(det, "US-AFFIL").outcome == "REVIEW"


def test_declared_owner_bad_percent_is_422():
    from screening.errors import Invalid

    with pytest.raises(Invalid, match="percent must be a number"):
        run([], party_keys=["name:x"], owners=[{"name": "NWPU", "percent": "most", "hits": []}])


# ----------------------------------------------------------- possible affiliates by name

def affiliate(e: Entry, marker: str):
    return SimpleNamespace(entry=e, shared_tokens=[e.name.split()[0].lower()], marker=marker)


def test_hikvision_robotics_is_a_possible_affiliate_not_a_match():
    det = run([], context=EAR, party_keys=["name:hikvision robotics"],
              affiliates=[affiliate(hikvision(), "Robotics")])
    f = finding(det, "US-AFFIL")
    assert (det.outcome, f.basis, f.would_be) == ("REVIEW", "affiliate_name", "CASE_BY_CASE")
    assert f.reason.startswith("Possible affiliate of Hangzhou Hikvision Digital Technology Co., Ltd., "
                               "ownership unknown")


def test_huawei_thailand_possible_affiliate_under_extended_is_still_review():
    det = run([], horizon="extended", party_keys=["name:huawei technologies (thailand) co., ltd."],
              affiliates=[affiliate(huawei(), "(Thailand)")])
    assert finding(det, "US-AFFIL").status == "suspended"
    assert det.outcome == "REVIEW"


def test_sdn_affiliate_by_name_under_ofac_50():
    det = run([], context=US_PERSON, party_keys=["name:kalashnikov trading"],
              affiliates=[affiliate(sdn("JSC Kalashnikov Concern", "kalashnikov"), "Trading")])
    assert finding(det, "OFAC-50").outcome == "REVIEW"


def test_techinsights_unnamed_branch_is_review_under_uel():
    det = run([], party_keys=["name:techinsights gmbh"], affiliates=[affiliate(techinsights(), "GmbH")])
    f = finding(det, "CN-UEL")
    assert (det.outcome, f.would_be) == ("REVIEW", "PROHIBITED")
    assert "together with its branches" in f.reason


def test_uel_listing_without_branches_is_named_as_a_possible_parent():
    # Issue 12 defect 8: a listed parent whose distinctive name the query carries is an
    # affiliate basis; the finding says the listing names the parent alone (no branches clause).
    plain = entry("cn-uel", "Epirus, Inc.", measures=["prohibit_import_export"])
    det = run([], party_keys=["name:epirus labs"], affiliates=[affiliate(plain, "Labs")])
    assert det.outcome == "REVIEW"
    reason = " ".join(f.reason for f in det.findings if f.outcome == "REVIEW")
    assert "Epirus, Inc." in reason and "names it alone" in reason
    assert "together with its branches" not in reason


def test_name_affiliate_ignored_when_ownership_is_known():
    owner = hikvision()
    det = run([], context=EAR, entries=[owner], party_keys=["name:hikvision robotics"],
              affiliates=[affiliate(owner, "Robotics")],
              relationships=[rel("name:someone else", "name:hikvision robotics", 100)])
    assert det.outcome == "CLEAR"


# ----------------------------------------------------------- the real ZALA Aero graph

ZALA = ("data", "yente", "zala", "entities.ftm.json")


def _zala(shared_dir: Path) -> tuple[list[Entry], list[Relationship]]:
    path = shared_dir.joinpath(*ZALA)
    if not path.exists():
        pytest.skip("needs ../shared/data/yente/zala/entities.ftm.json")
    from screening.lists.importers import ftm

    items = list(ftm.parse(path))
    entries = [i for i in items if isinstance(i, Entry)]
    rels = [i for i in items if isinstance(i, Relationship)]
    # FtM parties on the OFAC SDN list count as us-sdn entries.
    sdns = [replace(e, list_id="us-sdn") for e in entries if "us_ofac_sdn" in e.extra.get("datasets", [])]
    return sdns, rels


CST = "ftm:NK-abdzbEBkqyT29GyREbiURZ"  # LLC CST (ZALA Aero Group)


@pytest.mark.shared
def test_zala_cst_is_blocked_through_kalashnikov_and_zakharov(shared_dir):
    sdns, rels = _zala(shared_dir)
    det = run([], context=US_PERSON, entries=sdns, relationships=rels, party_keys=[CST])
    f = finding(det, "OFAC-50")
    assert (det.outcome, f.outcome) == ("PROHIBITED", "PROHIBITED")
    owners = {(p[0]["name"], p[0]["percent"]) for p in f.paths}
    assert owners == {("JSC Kalashnikov Concern", 49.0), ("Alexander Vyacheslavovich ZAKHAROV", 51.0)}
    assert f.reason.startswith("LLC CST is 100 % owned by blocked persons")


@pytest.mark.shared
def test_zala_cst_with_only_kalashnikov_blocked_is_review(shared_dir):
    sdns, rels = _zala(shared_dir)
    kalashnikov = [e for e in sdns if e.id == "ftm:NK-nR5AXM9AVPq4pQaSPSaVam"]
    det = run([], context=US_PERSON, entries=kalashnikov, relationships=rels, party_keys=[CST])
    f = finding(det, "OFAC-50")
    assert (f.outcome, f.would_be) == ("REVIEW", "PROHIBITED")
    assert "49 %" in f.reason


@pytest.mark.shared
def test_zala_aero_jsc_unknown_share_only_while_in_force(shared_dir):
    sdns, rels = _zala(shared_dir)
    party = "ftm:NK-cPks3aTbes8k4aCerfBAzN"  # ZALA AERO JSC: Zakharov, share not given, 2024-03-22..06-24
    inside = run([], on="2024-05-01", context=US_PERSON, entries=sdns, relationships=rels, party_keys=[party])
    assert "Red Flag 29" in finding(inside, "OFAC-50").reason
    later = run([], on="2026-11-22", context=US_PERSON, entries=sdns, relationships=rels, party_keys=[party])
    assert rules_fired(later) == {}


def test_name_affiliate_ignored_when_the_party_is_itself_on_that_list():
    det = run([hit(hikvision())], context=EAR, affiliates=[affiliate(huawei(), "Technologies")])
    assert [f.rule for f in det.findings] == ["US-EL"]
