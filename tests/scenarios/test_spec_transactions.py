"""Transaction context: items, origin, the 0.1 % de minimis, end uses, destination, item suspensions.

Derived from rules.md §§2, 3.1, 4, 5, 8.2 and 8.4. The buyers are unlisted names, so
each outcome comes from the transaction facts alone (real lists, real core).
"""

from __future__ import annotations

import pytest

from .conftest import fired, outcomes, screen

pytestmark = pytest.mark.shared

BUYER = "Nordlicht Magnetics GmbH"  # an unlisted German buyer


@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-04-03", "CLEAR", id="no18-day-before-2025-04-04"),
    pytest.param("2025-04-04", "LICENSE_REQUIRED", id="no18-effective-on-publication"),
    pytest.param("2026-12-05", "LICENSE_REQUIRED", id="no18-in-force-not-suspended"),
])
def test_no18_terbium_needs_a_licence_from_2025_04_04(csl_screener, on, expected):
    """rules.md §2.1: "Terbium (Tb) | No. 18 | ... | 2025-04-04 | In force"; §8.2 LICENCE-REQUIRED:
    "China-origin No. 18 items"."""
    r = screen(csl_screener, BUYER, on=on, context={"item": "Tb", "item_origin": "CN", "end_use": "civil"})
    assert r["outcome"] == expected


@pytest.mark.parametrize("item", ["1C902", "gadolinium", "Dy oxide", "Sm-Co magnet material", "钇"])
def test_no18_items_by_code_name_and_script(csl_screener, item):
    """rules.md §2.1: Sm (1C902), Gd, Dy oxide, "Sm-Co permanent-magnet materials", Y are No. 18 items;
    §8.2 LICENCE-REQUIRED "China-origin No. 18 items"."""
    r = screen(csl_screener, BUYER, on="2026-06-01", context={"item": item, "item_origin": "CN"})
    assert r["outcome"] == "LICENSE_REQUIRED"
    assert outcomes(r, "CN-18") == {"LICENSE_REQUIRED"}


def test_lanthanum_is_not_element_controlled(csl_screener):
    """rules.md §2.1: "Not element-controlled: La, Ce, Pr, Nd, Pm"."""
    r = screen(csl_screener, BUYER, on="2026-06-01", context={"item": "La", "item_origin": "CN", "end_use": "civil"})
    assert r["outcome"] == "CLEAR"


@pytest.mark.parametrize("on,horizon,expected", [
    pytest.param("2026-06-01", "literal", "REVIEW", id="no57-suspended-before-it-took-effect"),
    pytest.param("2026-12-05", "literal", "LICENSE_REQUIRED", id="no57-literal-after-2026-11-10"),
    pytest.param("2026-12-05", "extended", "REVIEW", id="no57-extended"),
])
def test_no57_holmium_around_ann70(csl_screener, on, horizon, expected):
    """rules.md §2.1: "Holmium (Ho) | MOFCOM/GAC 2025 No. 57 | ... | Suspended before it took effect: Ann.
    70, 2025-11-07 to 2026-11-10. After that date: unverified"; §8.2 REVIEW: "hit on a suspended measure"."""
    r = screen(csl_screener, BUYER, on=on, horizon=horizon, context={"item": "Ho", "item_origin": "CN"})
    assert r["outcome"] == expected


def test_ytterbium_not_yttrium_is_the_fifth_no57_element(csl_screener):
    """rules.md §2.1 press correction: "the fifth element added by No. 57 is ytterbium". Yb on 2026-12-05
    (literal) needs a No. 57 licence; it is not a No. 18 item."""
    r = screen(csl_screener, BUYER, context={"item": "ytterbium", "item_origin": "CN"})
    assert outcomes(r, "CN-57") == {"LICENSE_REQUIRED"}
    assert not fired(r, "CN-18") or "LICENSE_REQUIRED" not in outcomes(r, "CN-18")


@pytest.mark.parametrize("item,rule", [
    pytest.param("synthetic diamond micropowder", "CN-55", id="no55-superhard"),
    pytest.param("lithium-ion battery cells 320 Wh/kg", "CN-58", id="no58-batteries"),
])
def test_no55_no58_items_after_horizon_literal(csl_screener, item, rule):
    """rules.md §2.2: Nos. 55 and 58 were "due to take effect 2025-11-08, and suspended on 2025-11-07
    'until 2026-11-10'"; §8.4 "CN-55/56/57/58 | 2025-11-08 | 2025-11-07 → 2026-11-10 | after: UNKNOWN",
    which `literal` treats as active: LICENCE-REQUIRED."""
    r = screen(csl_screener, BUYER, context={"item": item, "item_origin": "CN"})
    assert outcomes(r, rule) == {"LICENSE_REQUIRED"}


# ------------------------------------------------------------ No. 61 Art. 1(1)

MAGNET = {"item": "NdFeB magnet", "item_origin": "EU"}


@pytest.mark.parametrize("share,expected", [
    pytest.param("0.1%", "LICENSE_REQUIRED", id="share-0.1pct-equals-threshold"),
    pytest.param("0.5%", "LICENSE_REQUIRED", id="share-0.5pct"),
    pytest.param("0.09%", "CLEAR", id="share-0.09pct-below-threshold"),
])
def test_no61_art1_1_de_minimis_threshold(csl_screener, share, expected):
    """rules.md §4: "where the Part I content is ≥ 0.1 % of the value of the Part II item"; "trigger if
    `>= 0.001`". EU-made NdFeB magnet (Annex 1 Part II), 2026-12-05 under `literal`."""
    r = screen(csl_screener, BUYER, context={**MAGNET, "cn_origin_share": share})
    assert r["outcome"] == expected


@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-11-01", "CLEAR", id="art1-1-not-yet-effective-2025-12-01"),
    pytest.param("2026-06-01", "REVIEW", id="art1-1-suspended"),
    pytest.param("2026-11-10", "REVIEW", id="art1-1-2026-11-10-last-suspended-day"),
    pytest.param("2026-11-11", "LICENSE_REQUIRED", id="art1-1-literal-from-2026-11-11"),
])
def test_no61_art1_1_never_took_effect(csl_screener, on, expected):
    """rules.md §4: "1(1) de minimis | ... | 2025-12-01 | Never took effect: suspended 2025-11-07 →
    2026-11-10"; §8.4: "treat 2026-11-10 as the last suspended day (China)", `literal` afterwards."""
    r = screen(csl_screener, BUYER, on=on, context={**MAGNET, "cn_origin_share": "0.5%"})
    assert r["outcome"] == expected


def test_no61_art1_2_foreign_item_made_with_chinese_technology(csl_screener):
    """rules.md §4: "1(2) FDP analogue | Annex 1 items produced overseas using China-origin technology for
    ... magnet manufacturing" (effective 2025-12-01, suspended to 2026-11-10: active under `literal`)."""
    r = screen(csl_screener, BUYER, context={"item": "Sm-Co magnet", "item_origin": "DE",
                                              "made_with_cn_technology": True})
    assert outcomes(r, "CN-61-A1-2") == {"LICENSE_REQUIRED"}
    assert r["outcome"] == "LICENSE_REQUIRED"


def test_no61_art1_3_reexport_in_force_window(csl_screener):
    """rules.md §4: "1(3) re-export | China-origin Annex 1 items re-exported by overseas parties |
    2025-10-09 | In force 2025-10-09 → 2025-11-07, then suspended". On 2025-10-20 the re-export rule
    applies."""
    r = screen(csl_screener, BUYER, on="2025-10-20", context={"item": "Tb", "item_origin": "CN"})
    assert outcomes(r, "CN-61-A1-3") == {"LICENSE_REQUIRED"}


# ------------------------------------------------------------ end uses

@pytest.mark.parametrize("end_use", ["wmd", "terrorism", "military"])
def test_no61_art3_end_uses_presumption_of_denial_when_active(csl_screener, end_use):
    """rules.md §3.1 Art. 3: "End uses (actual or possible): WMD and their delivery systems; terrorism;
    military use or enhancing military potential: in principle not approved | DENY-PRESUMED". Buyer in
    Germany (not US/JP), 2026-12-05 `literal`."""
    r = screen(csl_screener, BUYER, context={"item": "Tb", "item_origin": "CN", "end_use": end_use,
                                              "destination": "DE"})
    assert r["outcome"] == "PRESUMPTION_OF_DENIAL"
    assert "PRESUMPTION_OF_DENIAL" in outcomes(r, "CN-61-A3")


def test_no61_art3_while_suspended_is_review_on_top_of_no18(csl_screener):
    """rules.md §8.3: "elif st == SUSPENDED: findings.append(("REVIEW", rule, f"suspended; would be
    {rule.outcome}"))"; CN-18 stays LICENCE-REQUIRED."""
    r = screen(csl_screener, BUYER, on="2026-06-01",
               context={"item": "Tb", "item_origin": "CN", "end_use": "wmd", "destination": "DE"})
    assert r["outcome"] == "LICENSE_REQUIRED"
    assert [f["would_be"] for f in fired(r, "CN-61-A3")] == ["PRESUMPTION_OF_DENIAL"]


def test_flag_horizon_makes_no61_art3_a_review(csl_screener):
    """rules.md §8.4: `flag` (emit REVIEW) for measures whose status after 2026-11-10 is unknown."""
    r = screen(csl_screener, BUYER, horizon="flag",
               context={"item": "Tb", "item_origin": "CN", "end_use": "wmd", "destination": "DE"})
    assert outcomes(r, "CN-61-A3") == {"REVIEW"}
    assert r["outcome"] == "LICENSE_REQUIRED"


def test_humanitarian_end_use_is_never_denied(csl_screener):
    """rules.md §3.1 (spokesperson): "Emergency medical care, public-health emergencies, disaster relief and
    similar humanitarian end uses need no licence ... humanitarian → NO-LICENCE". No No. 61 finding may
    be adverse for a humanitarian end use."""
    r = screen(csl_screener, BUYER, context={"item": "NdFeB magnet", "item_origin": "EU",
                                              "cn_origin_share": "0.5%", "end_use": "humanitarian"})
    for rule in ("CN-61-A1-1", "CN-61-A3", "CN-61-A4"):
        assert not (outcomes(r, rule) - {"CLEAR"}), rule


# ------------------------------------------------------------ 2024 No. 46 Art. 2 (destination)

@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-11-08", "PRESUMPTION_OF_DENIAL", id="no72-day-before-suspension-2025-11-09"),
    pytest.param("2026-06-01", "REVIEW", id="no72-suspended"),
    pytest.param("2026-11-27", "REVIEW", id="no72-2026-11-27-last-suspended-day"),
    pytest.param("2026-11-28", "PRESUMPTION_OF_DENIAL", id="no72-revives-2026-11-28"),
])
def test_no46_art2_gallium_to_the_us_around_no72(csl_screener, on, expected):
    """rules.md §2.3: "Art. 2: Ga, Ge, Sb and superhard-material exports to the US 'in principle not
    permitted' ... suspended 2025-11-09 → 2026-11-27 by Ann. 2025 No. 72 ... it revives 2026-11-28 unless
    extended." Issue 12: "... --item gallium --destination US --as-of 2026-12-05 gives
    PRESUMPTION_OF_DENIAL"."""
    r = screen(csl_screener, "Acme Optics Inc.", on=on,
               context={"item": "gallium", "item_origin": "CN", "destination": "US"})
    assert [f["outcome"] for f in fired(r, "CN-46-A2")] == [expected]


@pytest.mark.parametrize("item", ["antimony", "synthetic diamond micropowder", "germanium"])
def test_no46_art2_other_items_to_the_us(csl_screener, item):
    """rules.md §2.3: "Art. 2: Ga, Ge, Sb and superhard-material exports to the US 'in principle not
    permitted'", revived 2026-11-28: on 2026-12-05 (`literal`) a presumption of denial."""
    r = screen(csl_screener, "Acme Anodes Inc.", context={"item": item, "item_origin": "CN", "destination": "US"})
    assert [f["outcome"] for f in fired(r, "CN-46-A2")] == ["PRESUMPTION_OF_DENIAL"]


def test_no46_art2_does_not_reach_other_destinations(csl_screener):
    """rules.md §2.3: Art. 2 covers exports "to the US" only. China-origin germanium to Germany on
    2026-12-05 raises no No. 46 Art. 2 finding."""
    r = screen(csl_screener, BUYER, context={"item": "germanium", "item_origin": "CN", "destination": "DE"})
    assert not (outcomes(r, "CN-46-A2") - {"CLEAR"})


def test_gallium_to_germany_still_needs_a_dual_use_licence(csl_screener):
    """rules.md §2.3: "Ga/Ge (Aug 2023), graphite (Dec 2023), Sb (Sept 2024) and similar items are now in
    the unified dual-use list (licence required)." China-origin gallium to a German buyer therefore needs
    at least a MOFCOM licence (LICENCE-REQUIRED), whatever No. 46 Art. 2 says about the US."""
    r = screen(csl_screener, BUYER, on="2026-06-01",
               context={"item": "gallium", "item_origin": "CN", "destination": "DE"})
    assert r["outcome"] == "LICENSE_REQUIRED"


@pytest.mark.parametrize("item,rule,on,expected", [
    pytest.param("gallium", "CN-DUL-GA-GE", "2023-07-31", "CLEAR", id="ga-before-aug-2023"),
    pytest.param("germanium", "CN-DUL-GA-GE", "2023-08-01", "LICENSE_REQUIRED", id="ge-from-aug-2023"),
    pytest.param("graphite", "CN-DUL-GRAPHITE", "2023-11-30", "CLEAR", id="graphite-before-dec-2023"),
    pytest.param("graphite", "CN-DUL-GRAPHITE", "2026-06-01", "LICENSE_REQUIRED", id="graphite-2026"),
    pytest.param("antimony", "CN-DUL-SB", "2024-09-14", "CLEAR", id="sb-before-sept-2024"),
    pytest.param("antimony", "CN-DUL-SB", "2026-12-05", "LICENSE_REQUIRED", id="sb-after-horizon"),
])
def test_dual_use_list_items_outside_the_us_by_date(csl_screener, item, rule, on, expected):
    """rules.md §2.3: "Ga/Ge (Aug 2023), graphite (Dec 2023), Sb (Sept 2024) and similar items are now in
    the unified dual-use list (licence required)." Outside the US (No. 46 Art. 2 does not reach Germany)
    the licence requirement alone decides: nothing before the control month, LICENCE-REQUIRED after."""
    r = screen(csl_screener, BUYER, on=on, context={"item": item, "item_origin": "CN", "destination": "DE"})
    assert r["outcome"] == expected
    assert outcomes(r, rule) - {"CLEAR"} == ({expected} - {"CLEAR"})


@pytest.mark.parametrize("on,overall,a2", [
    pytest.param("2025-06-01", "PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL", id="art2-in-force"),
    pytest.param("2026-06-01", "LICENSE_REQUIRED", "REVIEW", id="art2-suspended-licence-still-needed"),
    pytest.param("2026-11-28", "PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL", id="art2-revived"),
])
def test_gallium_to_the_us_keeps_its_licence_while_art2_is_suspended(csl_screener, on, overall, a2):
    """rules.md §2.3: No. 46 Art. 2 "is suspended 2025-11-09 → 2026-11-27 by Ann. 2025 No. 72" and the
    items "are now in the unified dual-use list (licence required)": while Art. 2 is suspended a
    China-origin gallium export to the US still needs a MOFCOM licence (not CLEAR, not only REVIEW)."""
    r = screen(csl_screener, "Acme Optics Inc.", on=on,
               context={"item": "gallium", "item_origin": "CN", "destination": "US"})
    assert r["outcome"] == overall
    assert outcomes(r, "CN-46-A2") == {a2}
    assert outcomes(r, "CN-DUL-GA-GE") == {"LICENSE_REQUIRED"}


def test_non_china_origin_gallium_needs_no_mofcom_licence(csl_screener):
    """rules.md §2.3 controls China's exports: gallium of Japanese origin to Germany is not caught by the
    unified dual-use list entry (licence required) for China-origin items."""
    r = screen(csl_screener, BUYER, on="2026-06-01",
               context={"item": "gallium", "item_origin": "JP", "destination": "DE"})
    assert r["outcome"] == "CLEAR"


# ------------------------------------------------------------ origin

def test_foreign_origin_terbium_without_share_is_not_a_no18_item(csl_screener):
    """rules.md §2.1 and §8.2: LICENCE-REQUIRED for "China-origin No. 18 items"; a Tb item of Australian
    origin (no China-origin content given) is not caught by No. 18."""
    r = screen(csl_screener, BUYER, on="2026-06-01", context={"item": "Tb", "item_origin": "AU"})
    assert not (outcomes(r, "CN-18") - {"CLEAR"})
    assert r["outcome"] == "CLEAR"


def test_origin_unknown_says_china_origin_was_assumed(csl_screener):
    """rules.md §8.3: "return the finding with nexus_unknown=true" (the same honesty for origin); issue 12:
    "Where origin is unknown, the result says that China origin was assumed"."""
    r = screen(csl_screener, BUYER, on="2026-06-01", context={"item": "Tb"})
    cn18 = fired(r, "CN-18")
    assert cn18 and "item_origin" in cn18[0]["depends_on"]
    assert "china-origin" in (cn18[0]["assumption"] or "").lower()


def test_origin_unknown_says_what_a_non_china_item_would_get(csl_screener):
    """Issue 12: "Where origin is unknown, the result says that China origin was assumed, and which answer
    a non-China-origin item would get." For Tb to an unlisted buyer that answer is CLEAR (rules.md §2.1:
    No. 18 covers China-origin items). The CN-18 finding says it too, and so does the result."""
    r = screen(csl_screener, BUYER, on="2026-06-01", context={"item": "Tb"})
    text = " ".join((f["assumption"] or "") + " " + f["reason"] for f in fired(r, "CN-18")).lower()
    assert "non-china" in text or "not of china origin" in text or "foreign-origin" in text
    assert "clear" in text
    assert r["if_not_china_origin"]["outcome"] == "CLEAR"
    assert any("china origin was assumed" in n.lower() and "CLEAR" in n for n in r["notes"])


# ------------------------------------------------------------ No. 62

@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-10-20", "LICENSE_REQUIRED", id="no62-effective-2025-10-09"),
    pytest.param("2026-06-01", "REVIEW", id="no62-suspended-by-ann70"),
    pytest.param("2026-12-05", "LICENSE_REQUIRED", id="no62-literal-after-horizon"),
])
def test_no62_chinese_person_supporting_overseas_magnet_project(csl_screener, on, expected):
    """rules.md §5: "If a Chinese person or entity provides technology or services to an overseas rare-earth
    or magnet project and No. 62 is active, the outcome is LICENCE-REQUIRED"; "Effective 2025-10-09.
    Suspended 2025-11-07 → 2026-11-10 (Ann. 70)"."""
    r = screen(csl_screener, BUYER, on=on,
               context={"item": "NdFeB magnet manufacturing technology", "chinese_person_services": True,
                        "item_origin": "DE"})
    assert [f["outcome"] for f in fired(r, "CN-62")] == [expected]


# ------------------------------------------------------------ more item and end-use rules

def test_no56_rare_earth_equipment_after_horizon_literal(csl_screener):
    """rules.md §2.2: "No. 56, rare-earth equipment and raw/auxiliary materials: ... jet mills, and others",
    suspended by Ann. 70 "until 2026-11-10"; `literal` treats it as active afterwards."""
    r = screen(csl_screener, BUYER, context={"item": "jet mill for NdFeB powder", "item_origin": "CN"})
    assert outcomes(r, "CN-56") == {"LICENSE_REQUIRED"}


def test_no61_art4_military_ai_end_use_is_case_by_case(csl_screener):
    """rules.md §3.1 Art. 4: "... or R&D of AI with potential military use: case-by-case"; No. 61 active on
    2026-12-05 under `literal`."""
    r = screen(csl_screener, BUYER, context={"item": "Tb", "item_origin": "CN", "end_use": "military_ai",
                                              "destination": "DE"})
    assert r["outcome"] == "CASE_BY_CASE"
    assert "CASE_BY_CASE" in outcomes(r, "CN-61-A4")


def test_no46_art2_graphite_to_the_us_gets_stricter_review(csl_screener):
    """rules.md §2.3: "graphite to the US gets stricter end-user/end-use review" (Art. 2, revived 2026-11-28).
    Reading taken: a stricter individual review is CASE-BY-CASE, not a presumption of denial."""
    r = screen(csl_screener, "Acme Anodes Inc.", context={"item": "graphite", "item_origin": "CN",
                                                           "destination": "US"})
    assert [f["outcome"] for f in fired(r, "CN-46-A2")] == ["CASE_BY_CASE"]


def test_technology_catalogue_holds_while_no62_is_suspended(csl_screener):
    """rules.md §2.3: "The Catalogue of Technologies Prohibited/Restricted from Export has covered rare-earth
    extraction, separation and magnet technology since the Dec 2023 revision ... not suspended"; §5: "The
    2023 technology catalogue restrictions stay in force". Exporting China's magnet-making technology on
    2026-06-01 (No. 62 suspended) still needs a licence."""
    r = screen(csl_screener, BUYER, on="2026-06-01",
               context={"item": "NdFeB magnet manufacturing technology", "item_origin": "CN"})
    assert any(f["outcome"] == "LICENSE_REQUIRED" for f in fired(r, "CN-TECH-CATALOGUE"))
    assert r["outcome"] == "LICENSE_REQUIRED"


def test_rare_earth_technology_is_not_an_annex1_item_for_re_export(csl_screener):
    """rules.md §4, Art. 1(3): "China-origin Annex 1 items re-exported by overseas parties"; Annex 1
    Part I is metals, alloys and oxides, Part II "rare-earth permanent-magnet materials, rare-earth
    sputtering targets" (goods). Technology is No. 62's ("1E902.a, technology ... magnet
    manufacturing", §5) and the catalogue's (§2.3). China-origin magnet technology on 2026-12-05
    (`literal`): CN-62 and CN-TECH-CATALOGUE licences, but no Art. 1(3) re-export finding."""
    r = screen(csl_screener, "Scen Quince Works Co", country="DE",
               context={"item": "rare-earth magnet technology", "item_origin": "CN"})
    assert outcomes(r, "CN-61-A1-3") <= {"CLEAR"}
    assert outcomes(r, "CN-62") == {"LICENSE_REQUIRED"}
    assert outcomes(r, "CN-TECH-CATALOGUE") == {"LICENSE_REQUIRED"}


def test_china_origin_magnet_goods_still_need_the_re_export_licence(csl_screener):
    """The same day, China-origin NdFeB magnets (Annex 1 Part II goods): Art. 1(3) LICENCE-REQUIRED."""
    r = screen(csl_screener, "Scen Quince Works Co", country="DE",
               context={"item": "NdFeB magnet", "item_origin": "CN"})
    assert outcomes(r, "CN-61-A1-3") == {"LICENSE_REQUIRED"}
