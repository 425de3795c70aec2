"""Ownership: the BIS Affiliates rule, OFAC's 50 % rule and No. 61 Art. 2's 50 % extension.

Derived from rules.md §§3.1, 7.2, 7.3, 8.2, 8.3, 8.4 and 8.5. Edges are imported
from CSV the way ``screening ownership import`` does (owners given by entry id and
by name, see tests/scenarios/conftest.py), or declared with the query the way
``screening check NAME --owner "OWNER=PERCENT"`` does. The most-restrictive-policy
case is also checked at rule level with the SMIC and Hikvision policies of
us-entity-examples.csv, which no available CSL file carries.
"""

from __future__ import annotations

import pytest

from .conftest import SEVERITY, at_least, fired, outcomes, screen
from .factory import hikvision, rel, rules_fired, run, smic

pytestmark = pytest.mark.shared

EAR = {"subject_to_ear": True}
US_PERSON = {"us_person": True}


def worst_by_ownership(result: dict, rule: str) -> str | None:
    """The most severe outcome among a rule's ownership-based findings (None when there are none)."""
    found = [f["outcome"] for f in fired(result, rule) if f["basis"] == "ownership"]
    return min(found, key=SEVERITY.index) if found else None


# ------------------------------------------------------------ BIS Affiliates rule: dates

@pytest.mark.parametrize("on,horizon,active", [
    pytest.param("2025-10-15", "literal", True, id="affil-effective-2025-09-29"),
    pytest.param("2026-06-01", "literal", False, id="affil-suspended-2025-11-10"),
    pytest.param("2026-11-09", "literal", False, id="affil-2026-11-09-last-suspended-day"),
    pytest.param("2026-11-10", "literal", True, id="affil-reimposed-2026-11-10-literal"),
    pytest.param("2026-11-22", "extended", False, id="affil-extended"),
    pytest.param("2026-11-22", "flag", False, id="affil-flag"),
])
def test_affiliates_rule_smic_60_percent_subsidiary_by_id(csl_screener, on, horizon, active):
    """rules.md §7.2: "effective 2025-09-29"; "Phase I suspends all Affiliates-rule changes 2025-11-10 →
    2026-11-09. In Phase II the suspended text is re-imposed on 2026-11-10 'absent a future extension'";
    §8.4 "2026-11-09 as the last suspended day (BIS, stated)"; §8.2 REVIEW: "affiliate of a listed party
    while the Affiliates rule is suspended". §8.5: "An unlisted Chinese subsidiary 60% owned by SMIC ...
    under `literal` the Affiliates rule is active ... Under `extended` it is REVIEW." Owner given by id."""
    r = screen(csl_screener, "Scen Alder Works Co", on=on, horizon=horizon, context=EAR)
    affil = fired(r, "US-AFFIL")
    assert affil
    if active:
        assert at_least(r["outcome"], "LICENSE_REQUIRED")
        assert any(at_least(f["outcome"], "LICENSE_REQUIRED") for f in affil)
    else:
        assert r["outcome"] == "REVIEW"


def test_affiliates_rule_aggregates_two_entity_list_owners_by_id(csl_screener):
    """rules.md §7.2: "owned, directly or indirectly, individually or in the aggregate, ≥ 50% by one or more
    parties on the Entity List"; "Ownership aggregates across owners and lists." SMIC 30 % + Hikvision
    25 % = 55 %."""
    r = screen(csl_screener, "Scen Birch Works Co", context=EAR)
    affil = [f for f in fired(r, "US-AFFIL") if f["basis"] == "ownership"]
    assert affil and at_least(affil[0]["outcome"], "LICENSE_REQUIRED")
    assert "55" in affil[0]["reason"]


def test_affiliates_rule_order_of_owners_does_not_matter(csl_screener):
    """rules.md §7.2 "in the aggregate" (issue 12: "the order of owners never changes the outcome"): the same
    two declared owners in either order give the same outcome."""
    a = screen(csl_screener, "Scen Quince Works Co", context=EAR,
               owners=[{"name": "Hangzhou Hikvision Digital Technology Co., Ltd.", "percent": 25},
                       {"name": "Semiconductor Manufacturing International Corporation (SMIC)", "percent": 30}])
    b = screen(csl_screener, "Scen Quince Works Co", context=EAR,
               owners=[{"name": "Semiconductor Manufacturing International Corporation (SMIC)", "percent": 30},
                       {"name": "Hangzhou Hikvision Digital Technology Co., Ltd.", "percent": 25}])
    assert a["outcome"] == b["outcome"]


def test_red_flag_29_listed_owner_with_unknown_share_is_review(csl_screener):
    """rules.md §7.2: "Red Flag 29: if the exporter knows a party has one or more EL/MEU owners but cannot
    determine the percentage, it must resolve the red flag"; §8.3 "If a listed owner exists but the % is
    unknown, return REVIEW (Red Flag 29)"."""
    r = screen(csl_screener, "Scen Cedar Works Co", context=EAR)
    assert r["outcome"] == "REVIEW"
    assert outcomes(r, "US-AFFIL") == {"REVIEW"}


def test_entity_list_owner_below_50_percent_is_review(csl_screener):
    """rules.md §8.2 REVIEW: "25-49% listed ownership". Huawei (Entity List) holds 30 %."""
    r = screen(csl_screener, "Scen Dogwood Works Co", context=EAR)
    assert r["outcome"] == "REVIEW"
    assert worst_by_ownership(r, "US-AFFIL") == "REVIEW"


def test_owner_imported_by_name_is_resolved_to_the_listed_entry(csl_screener):
    """docs/own-lists.md: "owner: ... a listed entry's id ... or a name"; rules.md §7.2 (≥ 50 % by an
    Entity-List party, re-imposed 2026-11-10 under `literal`). Issue 12: `"Huawei Technologies Co.,
    Ltd.",Acme Sub Ltd,60` then `screening check "Acme Sub Ltd"` must not be CLEAR."""
    r = screen(csl_screener, "Acme Sub Ltd", context=EAR)
    assert r["outcome"] != "CLEAR"
    assert fired(r, "US-AFFIL")


# ------------------------------------------------------------ most restrictive owner's policy

def test_affiliates_rule_inherits_the_owner_policy_presumption_of_denial(watchman_screener):
    """rules.md §7.2: "subject to the same licence requirement, licence-exception limits and review policy as
    its owners". NWPU ("Presumption of denial.") owns 60 %; 2026-12-05 `literal`."""
    r = screen(watchman_screener, "Scen Oak Works Co", context=EAR)
    assert r["outcome"] == "PRESUMPTION_OF_DENIAL"


def test_affiliates_rule_inherits_the_owner_policy_case_by_case(watchman_screener):
    """rules.md §7.2 (same licence review policy as its owner): Sichuan University ("Case-by-case basis")
    owns 60 %."""
    r = screen(watchman_screener, "Scen Pine Works Co", context=EAR)
    assert r["outcome"] == "CASE_BY_CASE"


def test_affiliates_rule_most_restrictive_owner_policy_real_lists(watchman_screener):
    """rules.md §7.2: "If owners differ, the most restrictive applies." Sichuan University (case-by-case) 30 %
    + NWPU (presumption of denial) 25 % = 55 %: presumption of denial."""
    r = screen(watchman_screener, "Scen Poplar Works Co", context=EAR)
    assert r["outcome"] == "PRESUMPTION_OF_DENIAL"


def test_affiliates_rule_smic_and_hikvision_by_id_most_restrictive_of_the_owners(csl_screener):
    """rules.md §7.2: the affiliate "is subject to the same licence requirement ... and review policy as its
    owners. If owners differ, the most restrictive applies." Issue 12 defect 4 (SMIC 30 % + Hikvision 25 %
    by entry id). Reading: whatever the 2026 CSL lets the tool say about each owner when it is screened
    itself, the 55 % affiliate gets at least the most severe of those two outcomes. The 2026 CSL states
    no review policy for either owner, so the affiliate may be stricter (CASE_BY_CASE, partial: an
    unknown policy is not read as normal review for a party that no licence exception reaches)."""
    joint = screen(csl_screener, "Scen Birch Works Co", context=EAR)
    own = [screen(csl_screener, n, context=EAR)["outcome"] for n in
           ("Semiconductor Manufacturing International Corporation (SMIC)",
            "Hangzhou Hikvision Digital Technology Co., Ltd.")]
    worst = min(own, key=SEVERITY.index)
    affil = [f["outcome"] for f in fired(joint, "US-AFFIL") if f["basis"] == "ownership"]
    assert affil and SEVERITY.index(min(affil, key=SEVERITY.index)) <= SEVERITY.index(worst)


def test_affiliates_rule_smic_and_hikvision_most_restrictive_policy():
    """us-entity-examples.csv rows 5 (SMIC: "Presumption of denial for items uniquely required for the
    production of semiconductors at advanced technology nodes ...; case-by-case review for all other items")
    and 14 (Hikvision: "Case-by-case review for ECCNs 1A004.c, ... presumption of denial for all other
    items"); rules.md §7.2: "If owners differ, the most restrictive applies." 30 % + 25 % by entry id, an
    item of ECCN 3B001 (not in Hikvision's case-by-case list, not SMIC's node-specific one): Hikvision's
    presumption of denial wins. Rule level: no CSL file at hand carries these two policies."""
    owners = [smic(), hikvision()]
    det = run([], on="2026-12-05", context={**EAR, "item": "3B001"}, entries=owners,
              party_keys=["name:joint co"],
              relationships=[rel(owners[0].id, "name:joint co", 30), rel(owners[1].id, "name:joint co", 25)])
    assert rules_fired(det)["US-AFFIL"] == "PRESUMPTION_OF_DENIAL"


def test_affiliates_rule_smic_subsidiary_worked_example_5():
    """rules.md §8.5: "An unlisted Chinese subsidiary 60% owned by SMIC, item subject to the EAR: under
    `literal` the Affiliates rule is active and gives DENY-PRESUMED / CASE-BY-CASE (mixed, SMIC policy)."
    §8.2 CASE-BY-CASE: "item-dependent (mixed) entries when the item is unknown". Rule level, SMIC's
    policy from us-entity-examples.csv row 5."""
    owner = smic()
    det = run([], on="2026-11-22", context=EAR, entries=[owner], party_keys=["name:smic sub"],
              relationships=[rel(owner.id, "name:smic sub", 60)])
    f = [x for x in det.findings if x.rule == "US-AFFIL"][0]
    assert f.outcome in ("PRESUMPTION_OF_DENIAL", "CASE_BY_CASE") and f.partial


# ------------------------------------------------------------ OFAC 50 % rule

@pytest.mark.parametrize("name,expected", [
    pytest.param("Scen Elm Works Co", "PROHIBITED", id="sdn-60pct-blocked"),
    pytest.param("Scen Ginkgo Works Co", "PROHIBITED", id="two-sdns-25pct-each-blocked"),
    pytest.param("Scen Hazelnut Works Co", "PROHIBITED", id="chain-through-blocked-intermediate"),
    pytest.param("Scen Fir Works Co", "REVIEW", id="sdn-30pct-review"),
    pytest.param("Scen Sorrel Works Co", "REVIEW", id="control-without-ownership-review"),
])
def test_ofac_50_percent_rule(csl_screener, name, expected):
    """rules.md §7.3: "an entity owned in the aggregate, directly or indirectly, 50% or more by one or more
    blocked persons is itself blocked ... Example: two SDNs with 25% each block the entity"; "If A (blocked)
    owns ≥ 50% of B, B is blocked. If B owns ≥ 50% of C, C is blocked"; "an entity controlled by an SDN but
    not 50%-owned is not automatically blocked ... (tool: REVIEW)"; §8.2 REVIEW "25-49% listed ownership".
    Owners BANK ROSSIYA (us-sdn:16681) and ROSSITA BANK (us-sdn:51760), given by id; US person involved."""
    r = screen(csl_screener, name, context=US_PERSON)
    assert r["outcome"] == expected
    assert worst_by_ownership(r, "OFAC-50") == expected


def test_ofac_50_no_multiplying_through_an_unblocked_intermediate(csl_screener):
    """rules.md §7.3: "Indirect ownership counts through blocked intermediates only. Do not multiply
    percentages through a non-blocked intermediate." The SDN holds 40 % of the middle company (not
    blocked), which holds 100 % of the leaf: the leaf is not blocked."""
    r = screen(csl_screener, "Scen Juniperberry Works Co", context=US_PERSON)
    assert r["outcome"] != "PROHIBITED"


def test_declared_owner_counted_once_bank_rossiya_30(csl_screener):
    """rules.md §8.2 REVIEW: "25-49% listed ownership". Issue 12: `--owner "Bank Rossiya=30"` ... "One declared
    owner holds its declared share once. Several candidate entries are alternatives for who that owner is,
    not extra holdings." → REVIEW, not PROHIBITED."""
    r = screen(csl_screener, "Scen Redbud Works Co", context=US_PERSON,
               owners=[{"name": "Bank Rossiya", "percent": 30}])
    assert r["outcome"] == "REVIEW"
    assert worst_by_ownership(r, "OFAC-50") == "REVIEW"


def test_declared_owner_bank_rossiya_60_is_blocked(csl_screener):
    """rules.md §7.3: "owned ... 50% or more by one or more blocked persons is itself blocked"; "Tool outcome:
    PROHIBITED (US-person nexus)"."""
    r = screen(csl_screener, "Scen Redbud Works Co", context=US_PERSON,
               owners=[{"name": "Bank Rossiya", "percent": 60}])
    assert r["outcome"] == "PROHIBITED"
    assert worst_by_ownership(r, "OFAC-50") == "PROHIBITED"


def test_declared_owner_counted_once_lockheed_40(csl_screener):
    """rules.md §3.1: No. 61 Art. 2 reaches Control-List parties' subsidiaries "in which they hold ≥ 50%";
    §8.2 REVIEW "25-49% listed ownership". Lockheed Martin Corporation (Control List Ann. 1/2025, row 106)
    declared at 40 % holds 40 %, once: REVIEW, and no finding speaks of more than 40 %."""
    r = screen(csl_screener, "Scen Rowan Works Co",
               owners=[{"name": "Lockheed Martin Corporation", "percent": 40}])
    assert r["outcome"] == "REVIEW"
    assert not any("100" in f["reason"] or "80" in f["reason"] for f in r["findings"])


# ------------------------------------------------------------ China: No. 61 Art. 2 50 % extension

@pytest.mark.parametrize("name,on,horizon,expected", [
    pytest.param("Scen Larch Works Co", "2026-12-05", "literal", "PRESUMPTION_OF_DENIAL", id="ecl-60pct-no61-active"),
    pytest.param("Scen Larch Works Co", "2026-06-01", "literal", "REVIEW", id="ecl-60pct-no61-suspended"),
    pytest.param("Scen Larch Works Co", "2026-12-05", "extended", "REVIEW", id="ecl-60pct-extended"),
    pytest.param("Scen Linden Works Co", "2026-12-05", "literal", "REVIEW", id="ecl-40pct-below-50"),
    pytest.param("Scen Tupelo Works Co", "2026-12-05", "literal", "PRESUMPTION_OF_DENIAL", id="watch-60pct-no61-active"),
])
def test_no61_art2_fifty_percent_subsidiary_of_control_or_watch_list_party(csl_screener, name, on, horizon,
                                                                           expected):
    """rules.md §8.3: "China 50% rule (No. 61 Art. 2 only): counterparty ≥ 50% held by a Control- or
    Watch-List party gives DENY-PRESUMED if No. 61 is active. Otherwise REVIEW." Owners Lockheed Martin
    Corporation (Control List, row 106) and TDK Corporation (Watch List, row 258), given by id; item
    China-origin Tb."""
    r = screen(csl_screener, name, on=on, horizon=horizon, context={"item": "Tb", "item_origin": "CN",
                                                                    "end_use": "civil", "destination": "DE"})
    assert worst_by_ownership(r, "CN-61-A2") == expected


def test_no61_art2_fifty_percent_extension_does_not_reach_military_users(csl_screener):
    """rules.md §3.1: "The 50% affiliate extension in Art. 2 applies only to Control-List and Watch-List
    parties, not to 'military users'." A 60 % subsidiary of a military-category party that is on no
    Control/Watch list (Shield AI's Control-List listing was lifted in Nov 2025, row 129) gets no
    ownership-based No. 61 Art. 2 presumption of denial."""
    r = screen(csl_screener, "Scen Spruce Works Co", context={"item": "Tb", "item_origin": "CN", "destination": "DE"},
               owners=[{"name": "Shield AI, Inc.", "percent": 60}])
    assert "PRESUMPTION_OF_DENIAL" not in {f["outcome"] for f in fired(r, "CN-61-A2") if f["basis"] == "ownership"}


# ------------------------------------------------------------ worked example 2 (Japanese Control-List parent)

JP_MAGNETS = {"item": "NdFeB magnet", "item_origin": "EU", "cn_origin_share": "0.5%"}
MHI_AERO = [{"name": "Mitsubishi Heavy Industries Aero Engines, Ltd.", "percent": 60}]


@pytest.mark.parametrize("horizon,expected", [
    pytest.param("literal", "PRESUMPTION_OF_DENIAL", id="rules8.5-example2-literal"),
    pytest.param("extended", "REVIEW", id="rules8.5-example2-extended"),
])
def test_japanese_control_list_subsidiary_buying_eu_magnets(csl_screener, horizon, expected):
    """rules.md §8.5: "A 60%-owned subsidiary of a Japanese Control-List entity, buying EU-made NdFeB magnets
    with 0.5% China-origin Tb by value: No. 61 Art. 1(1) + Art. 2 gives DENY-PRESUMED. Under `extended` it
    is REVIEW (suspended)." Parent: Mitsubishi Heavy Industries Aero Engines, Ltd. (row 183, MOFCOM 2026
    No. 11), declared with the query; as of 2026-11-22."""
    r = screen(csl_screener, "Scen Tamarack Works KK", on="2026-11-22", horizon=horizon,
               context=JP_MAGNETS, owners=MHI_AERO)
    assert r["outcome"] == expected


def test_japanese_control_list_subsidiary_for_japanese_military_use(csl_screener):
    """rules.md §8.5 example 2: "CN-2026-1 may also give PROHIBITED if the end use is Japanese military";
    §2.3: 2026 No. 1 "In force (no suspension found)"."""
    r = screen(csl_screener, "Scen Tamarack Works KK", on="2026-11-22",
               context={**JP_MAGNETS, "end_use": "military", "destination": "JP"}, owners=MHI_AERO)
    assert r["outcome"] == "PROHIBITED"
    assert "PROHIBITED" in outcomes(r, "CN-2026-1")


def test_tgl7_expired_never_authorises_after_2025_11_28(csl_screener):
    """rules.md §7.2: "TGL No. 7 ... ran until ~2025-11-28/12-01, and is expired"; §8.4 "US-TGL7 | 2025-09-29
    | - | expired ~2025-11-28". On 2026-12-05 no TGL 7 finding may be active for SMIC's 60 % subsidiary."""
    r = screen(csl_screener, "Scen Alder Works Co", context=EAR)
    assert all(f["outcome"] == "CLEAR" for f in fired(r, "US-TGL7"))


# ------------------------------------------------------------ more aggregation cases

def test_declared_entity_list_owner_holds_its_declared_share_once(csl_screener):
    """rules.md §7.2 ("owned ... individually or in the aggregate, ≥ 50%"): the share counted is the share
    held. Issue 12 defect 3: "One declared owner holds its declared share once." Huawei declared at 60 %
    makes the party 60 % owned, not 100 %."""
    r = screen(csl_screener, "Scen Umbrella Works Co", context=EAR,
               owners=[{"name": "Huawei Technologies Co., Ltd.", "percent": 60}])
    affil = [f for f in fired(r, "US-AFFIL") if f["basis"] == "ownership"]
    assert affil and "60 %" in affil[0]["reason"] and "100 %" not in affil[0]["reason"]


def test_red_flag_sdn_owner_with_unknown_share_is_review(csl_screener):
    """rules.md §8.3: "OFAC: same aggregation on SDNs gives PROHIBITED"; with the share unknown the owner is
    an unresolved red flag: §8.2 REVIEW "listed owner with % unknown (BIS Red Flag 29 analogue)"."""
    r = screen(csl_screener, "Scen Violet Works Co", context=US_PERSON,
               owners=[{"name": "Bank Rossiya", "percent": None}])
    assert r["outcome"] == "REVIEW"
    assert worst_by_ownership(r, "OFAC-50") == "REVIEW"


def test_affiliates_rule_meu_owner(csl_screener):
    """rules.md §7.2: the Affiliates rule covers entities ≥ 50 % owned by parties "on the Entity List, the MEU
    List (Supp. 7), or SDNs under the programs in §744.8(a)(1)". AASPT (MEU list) owns 60 %; 2026-12-05
    `literal`."""
    r = screen(csl_screener, "Scen Walnut Works Co", context=EAR,
               owners=[{"name": "Academy of Aerospace Solid Propulsion Technology (AASPT)", "percent": 60}])
    assert worst_by_ownership(r, "US-AFFIL") in ("PRESUMPTION_OF_DENIAL", "CASE_BY_CASE", "LICENSE_REQUIRED")


def test_affiliates_rule_aggregates_across_lists(csl_screener):
    """rules.md §7.2: "Ownership aggregates across owners and lists." Huawei (Entity List) 30 % + AASPT (MEU
    list) 25 % = 55 % ≥ 50 %: the Affiliates rule applies (2026-12-05 `literal`)."""
    r = screen(csl_screener, "Scen Yew Works Co", context=EAR,
               owners=[{"name": "Huawei Technologies Co., Ltd.", "percent": 30},
                       {"name": "Academy of Aerospace Solid Propulsion Technology (AASPT)", "percent": 25}])
    assert worst_by_ownership(r, "US-AFFIL") in ("PRESUMPTION_OF_DENIAL", "CASE_BY_CASE", "LICENSE_REQUIRED")


# ------------------------------------------------------------ who counts as an owner, and who is caught

def test_affiliates_rule_reaches_foreign_entities_only(csl_screener):
    """rules.md §7.2: "Rule: any foreign entity owned, directly or indirectly, ... ≥ 50% by one or more parties
    on the Entity List ...". A US company (country US) 60 % owned by Northwestern Polytechnical University
    is not caught by the Affiliates rule (its own US-person obligations are another matter)."""
    r = screen(csl_screener, "Scen Umbrella Works Co", country="US", context=EAR,
               owners=[{"name": "Northwestern Polytechnical University", "percent": 60}])
    assert worst_by_ownership(r, "US-AFFIL") in (None, "CLEAR", "REVIEW")


@pytest.mark.parametrize("country", ["CN", "DE"])
def test_affiliates_rule_still_reaches_a_foreign_party(csl_screener, country):
    """rules.md §7.2: "Rule: any foreign entity owned ... ≥ 50% by one or more parties on the Entity List
    ...". The same 60 % NWPU-owned company incorporated in China or Germany is caught (2026-12-05
    `literal`), and its finding does not depend on the party's country."""
    r = screen(csl_screener, "Scen Umbrella Works Co", country=country, context=EAR,
               owners=[{"name": "Northwestern Polytechnical University", "percent": 60}])
    caught = [f for f in fired(r, "US-AFFIL") if f["basis"] == "ownership"]
    assert caught and at_least(caught[0]["outcome"], "CASE_BY_CASE")
    assert "country" not in caught[0]["depends_on"]


def test_affiliates_rule_party_country_unknown_is_said(csl_screener):
    """rules.md §7.2: the rule reaches "any foreign entity". With no country given the finding is kept
    (the party may well be foreign) but says it assumed a foreign entity and depends on the country."""
    r = screen(csl_screener, "Scen Umbrella Works Co", context=EAR,
               owners=[{"name": "Northwestern Polytechnical University", "percent": 60}])
    caught = [f for f in fired(r, "US-AFFIL") if f["basis"] == "ownership"]
    assert caught and at_least(caught[0]["outcome"], "CASE_BY_CASE")
    assert "country" in caught[0]["depends_on"]
    assert "foreign" in (caught[0]["assumption"] or "").lower()
    assert "country" in r["depends_on"]


def test_affiliates_rule_does_not_reach_a_puerto_rico_company(csl_screener):
    """rules.md §7.2: "any foreign entity": a company incorporated in Puerto Rico (a US territory, ISO PR)
    is not foreign to the United States."""
    r = screen(csl_screener, "Scen Umbrella Works Co", country="PR", context=EAR,
               owners=[{"name": "Northwestern Polytechnical University", "percent": 60}])
    assert worst_by_ownership(r, "US-AFFIL") in (None, "CLEAR")


def test_affiliates_rule_counts_only_section_744_8_sdns(csl_screener):
    """rules.md §7.2: owners count when on the Entity List, the MEU List "or SDNs under the programs in
    §744.8(a)(1)". BANK ROSSIYA is an SDN under UKRAINE-EO13661 only: its 60 % brings the OFAC 50 % rule,
    not the Affiliates rule."""
    r = screen(csl_screener, "Scen Violet Works Co", context={**EAR, **US_PERSON},
               owners=[{"name": "Bank Rossiya", "percent": 60}])
    assert worst_by_ownership(r, "US-AFFIL") in (None, "CLEAR")
    assert worst_by_ownership(r, "OFAC-50") == "PROHIBITED"


def test_ofac_50_counts_only_blocked_owners(csl_screener):
    """rules.md §7.3: "owned in the aggregate ... 50% or more by one or more blocked persons". Northwestern
    Polytechnical University is on the Entity List, not blocked: its 60 % does not block the company."""
    r = screen(csl_screener, "Scen Violet Works Co", context={**EAR, **US_PERSON},
               owners=[{"name": "Northwestern Polytechnical University", "percent": 60}])
    assert worst_by_ownership(r, "OFAC-50") in (None, "CLEAR")
    assert r["outcome"] != "PROHIBITED"
