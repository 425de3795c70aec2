"""Military and advanced-semiconductor end users (rules.md §§2.3, 3.1, 8.2, 8.5; issue 12 defect 1).

The two categories are separate facts: No. 46 Art. 1 and No. 61 Art. 2 reach
*military* users; No. 61 Art. 4 puts advanced-semiconductor end uses under
*case-by-case* review. Screened through the real core with the project's lists.
"""

from __future__ import annotations

import pytest

from .conftest import fired, outcomes, screen

pytestmark = pytest.mark.shared

@pytest.mark.parametrize("name", [
    pytest.param("Intel Corporation", id="intel"),
    pytest.param("Micron Technology, Inc.", id="micron"),
])
def test_semiconductor_end_user_is_not_a_military_user(csl_screener, name):
    """rules.md §2.3: "Art. 1: no dual-use items to US military users or military end uses"; §3.1:
    "Semiconductors are case-by-case, not presumptively denied ... The US-style DENY applies only where a
    military or WMD end use/user is present." Neither Intel nor Micron is a military user."""
    r = screen(csl_screener, name)
    assert not fired(r, "CN-46-A1")
    assert "PRESUMPTION_OF_DENIAL" not in outcomes(r, "CN-61-A2")
    assert r["outcome"] not in ("PROHIBITED", "PRESUMPTION_OF_DENIAL")


def test_samsung_256_layer_memory_after_horizon_is_case_by_case(csl_screener):
    """rules.md §3.1 Art. 4: "R&D/production of ... ≥ 256-layer memory ...: case-by-case"; §8.5: "A Korean
    memory maker (non-listed) building ≥ 256-layer NAND, buying China-origin Tb: CN-18 LICENCE-REQUIRED.
    With No. 61 active, CASE-BY-CASE." On 2026-12-05 under `literal` No. 61 is active again."""
    r = screen(csl_screener, "Samsung Electronics Co., Ltd.",
               context={"item": "Tb", "item_origin": "CN", "end_use": "memory_ge_256_layers", "destination": "KR"})
    assert r["outcome"] == "CASE_BY_CASE"
    assert "CASE_BY_CASE" in outcomes(r, "CN-61-A4")


def test_samsung_256_layer_memory_while_no61_suspended_is_licence_required(csl_screener):
    """rules.md §8.5 worked example 3: "buying China-origin Tb: CN-18 LICENCE-REQUIRED" while No. 61 is
    suspended (2025-11-07 → 2026-11-10); Art. 4 is then only a REVIEW note."""
    r = screen(csl_screener, "Samsung Electronics Co., Ltd.", on="2026-06-01",
               context={"item": "Tb", "item_origin": "CN", "end_use": "memory_ge_256_layers", "destination": "KR"})
    assert r["outcome"] == "LICENSE_REQUIRED"
    assert outcomes(r, "CN-18") == {"LICENSE_REQUIRED"}


def test_intel_advanced_logic_under_extended_is_licence_required(csl_screener):
    """rules.md §8.4 `extended` ("assume suspensions rolled over"): No. 61 Art. 4 stays suspended, so
    Intel buying China-origin Tb for ≤ 14 nm logic needs the No. 18 licence only (LICENCE-REQUIRED)."""
    r = screen(csl_screener, "Intel Corporation", horizon="extended",
               context={"item": "Tb", "item_origin": "CN", "end_use": "logic_le_14nm", "destination": "US"})
    assert r["outcome"] == "LICENSE_REQUIRED"


def test_lockheed_mfc_buying_dy_oxide_is_prohibited_on_three_grounds(csl_screener):
    """rules.md §8.5 worked example 1: "Lockheed Martin Missiles and Fire Control, buying China-origin Dy
    oxide: PROHIBITED (UEL, Control List Ann. 1/2025, 2024 No. 46 Art. 1 US military user)"
    (as of 2026-11-22, literal)."""
    r = screen(csl_screener, "Lockheed Martin Missiles and Fire Control", on="2026-11-22",
               context={"item": "Dy oxide", "item_origin": "CN"})
    assert r["outcome"] == "PROHIBITED"
    for rule in ("CN-UEL", "CN-ECL", "CN-46-A1"):
        assert "PROHIBITED" in outcomes(r, rule), rule


def test_us_military_user_ban_holds_while_no61_is_suspended(csl_screener):
    """rules.md §3.1: while No. 61 is suspended "the US military user ban (2024 No. 46 Art. 1) ... stay[s]
    fully in force"; §8.4 CN-46-A1 has no suspension."""
    r = screen(csl_screener, "Lockheed Martin Missiles and Fire Control", on="2026-06-01",
               context={"item": "Dy oxide", "item_origin": "CN"})
    assert "PROHIBITED" in outcomes(r, "CN-46-A1")


@pytest.mark.parametrize("name", [
    pytest.param("Lockheed Martin Corporation", id="row7-lockheed"),
    pytest.param("Lockheed Martin Missiles and Fire Control", id="row19-lmfc"),
])
def test_never_suspended_rule_is_not_said_to_be_in_force_again(csl_screener, name):
    """rules.md §8.4: CN-46-A1 "2024-12-03 | - | open" (never suspended); row 7: "No suspension/stop/removal".
    Issue 12 defect 7: "In force again after its suspension ended on 2026-11-10" must not be printed for
    rules that were never suspended."""
    r = screen(csl_screener, name, context={"item": "Dy oxide", "item_origin": "CN"})
    for f in fired(r, "CN-46-A1") + fired(r, "CN-UEL") + fired(r, "CN-18"):
        assert "suspension ended" not in f["reason"], f["reason"]


def test_semiconductor_user_findings_do_not_invent_a_suspension_for_no18(csl_screener):
    """rules.md §8.4: CN-18 "2025-04-04 | - | open" and CN-46-A1 "2024-12-03 | - | open": neither was ever
    suspended, so no finding of theirs may speak of a suspension that ended."""
    r = screen(csl_screener, "Intel Corporation", context={"item": "Tb", "item_origin": "CN"})
    for f in fired(r, "CN-18") + fired(r, "CN-46-A1"):
        assert "suspension ended" not in f["reason"], f["reason"]


@pytest.mark.parametrize("on,expected", [
    pytest.param("2026-01-05", False, id="no1-2026-day-before-2026-01-06"),
    pytest.param("2026-02-01", True, id="no1-2026-in-force"),
])
def test_japan_military_end_use_ban_from_2026_01_06(csl_screener, on, expected):
    """rules.md §2.3: "MOFCOM Ann. 2026 No. 1 (2026-01-06), Japan. Bans all dual-use exports to Japanese
    military users, military end uses ... In force (no suspension found)." An unlisted Japanese buyer,
    China-origin Dy, military end use, destination JP."""
    r = screen(csl_screener, "Kansai Precision Works KK", on=on,
               context={"item": "Dy", "item_origin": "CN", "end_use": "military", "destination": "JP"})
    assert ("PROHIBITED" in outcomes(r, "CN-2026-1")) is expected
    assert (r["outcome"] == "PROHIBITED") is expected


def test_japanese_military_user_known_by_its_own_country(csl_screener):
    """rules.md §2.3: "MOFCOM Ann. 2026 No. 1 (2026-01-06), Japan. Bans all dual-use exports to **Japanese
    military users**". The party's country (JP) makes it Japanese; without a destination the finding
    still fires and the result says it depends on the destination. Before: PRESUMPTION_OF_DENIAL only."""
    r = screen(csl_screener, "Kansai Precision Works KK", country="JP",
               context={"item": "Dy", "item_origin": "CN", "end_user_military": True})
    assert r["outcome"] == "PROHIBITED"
    assert "PROHIBITED" in outcomes(r, "CN-2026-1")
    assert "destination" in r["depends_on"]


def test_us_military_end_use_by_unlisted_buyer_is_prohibited(csl_screener):
    """rules.md §2.3: "Art. 1: no dual-use items to US military users or military end uses. This article
    remains in force". §8.2 PROHIBITED: "2024 No. 46 Art. 1 (US military user + dual-use)"."""
    r = screen(csl_screener, "Prairie Avionics LLC", on="2026-06-01",
               context={"item": "Tb", "item_origin": "CN", "end_use": "military", "destination": "US"})
    assert r["outcome"] == "PROHIBITED"
    assert "PROHIBITED" in outcomes(r, "CN-46-A1")


@pytest.mark.parametrize("on,horizon,expected", [
    pytest.param("2026-06-01", "literal", "LICENSE_REQUIRED", id="no61-suspended-cn18-only"),
    pytest.param("2026-12-05", "literal", "PRESUMPTION_OF_DENIAL", id="no61-art2-active-literal"),
])
def test_other_overseas_military_user_under_no61_art2(csl_screener, on, horizon, expected):
    """rules.md §3.1 Art. 2: "Applications for exports to overseas military users ... are in principle not
    approved | DENY-PRESUMED", in No. 61, "suspended (2025-11-07 → 2026-11-10)"; CN-18 still needs a
    licence. A German military end user (not US, not Japan) buying China-origin Tb."""
    r = screen(csl_screener, "Wehrtechnik Nord GmbH", on=on, horizon=horizon,
               context={"item": "Tb", "item_origin": "CN", "end_user_military": True, "destination": "DE"})
    assert r["outcome"] == expected
    assert not fired(r, "CN-46-A1") or "PROHIBITED" not in outcomes(r, "CN-46-A1")


@pytest.mark.parametrize("name", [
    pytest.param("Samsung Electronics Co., Ltd.", id="samsung"),
    pytest.param("Intel Corporation", id="intel"),
])
def test_chip_maker_with_a_stated_civil_end_use_is_not_an_art4_case(csl_screener, name):
    """rules.md §3.1 Art. 4: "最终用途为研发、生产14纳米及以下逻辑芯片或者256层及以上存储芯片 ... 逐案审批"
    (the *end use* is R&D/production of advanced chips: case-by-case); the spokesperson row:
    "other civil → LICENCE-REQUIRED (normal review)". A chip maker buying China-origin Dy oxide for a
    stated civil end use on 2026-12-05 (`literal`) needs the No. 18 licence, not Art. 4 review.
    Reading taken: the semiconductor category stands in for an end use only when none is stated."""
    r = screen(csl_screener, name,
               context={"item": "Dy oxide", "item_origin": "CN", "end_use": "civil"})
    assert r["outcome"] == "LICENSE_REQUIRED", r["findings"]
    assert "CASE_BY_CASE" not in outcomes(r, "CN-61-A4")


def test_chip_maker_with_a_stated_art4_end_use_stays_case_by_case(csl_screener):
    """The same party and item with end use ≥ 256-layer memory: Art. 4 case-by-case (§8.5 example 3)."""
    r = screen(csl_screener, "Samsung Electronics Co., Ltd.",
               context={"item": "Dy oxide", "item_origin": "CN", "end_use": "memory_ge_256_layers"})
    assert r["outcome"] == "CASE_BY_CASE"


def test_a_military_user_in_china_is_not_an_overseas_military_user(csl_screener):
    """rules.md §3.1 Art. 2: "对向境外军事用户的出口申请 ... 原则上不予许可" (exports to *overseas*
    military users). A military end user in China, buying China-origin Dy oxide on 2026-12-05
    (`literal`), is not one: No. 18 licence, no Art. 2 presumption of denial."""
    r = screen(csl_screener, "Scen Quince Works Co", context={
        "item": "Dy oxide", "item_origin": "CN", "end_user_military": True, "destination": "CN"})
    assert "PRESUMPTION_OF_DENIAL" not in outcomes(r, "CN-61-A2")
    assert r["outcome"] == "LICENSE_REQUIRED", r["findings"]


def test_an_overseas_military_user_is_still_presumptively_denied(csl_screener):
    """The same buyer in Germany: Art. 2 presumption of denial (No. 61 active again under `literal`)."""
    r = screen(csl_screener, "Scen Quince Works Co", context={
        "item": "Dy oxide", "item_origin": "CN", "end_user_military": True, "destination": "DE"})
    assert r["outcome"] == "PRESUMPTION_OF_DENIAL"


# ------------------------------------------- how sure the military end-user category is (helper-76)

def test_a_military_user_by_an_uncertain_reading_is_a_review_item(csl_screener):
    """rules.md §3.1: "military user" has no definition in the announcement. The category
    rates Sierra Nevada Corporation (a defence contractor with a civil space business) low;
    its Art. 1 finding was PROHIBITED before session 24. Its UEL listing (〔2025〕8号) was
    stopped on 2025-08-12 (china-lists.csv), so on 2025-09-01 only the category speaks."""
    r = screen(csl_screener, "Sierra Nevada Corporation", on="2025-09-01",
               context={"item": "Tb", "end_use": "civil"})
    assert outcomes(r, "CN-46-A1") == {"REVIEW"}
    assert r["outcome"] != "PROHIBITED"


def test_a_declared_civil_end_user_of_a_defence_manufacturer_is_a_review_item(csl_screener):
    """rules.md §3.1: "military user" has no definition in the announcement. Shield AI (a
    maker of military drones, rated medium) screened with the end user declared not military:
    PROHIBITED before session 24, whatever the declaration."""
    ctx = {"item": "Tb", "end_use": "civil", "end_user_military": False}
    r = screen(csl_screener, "Shield AI,Inc.", context=ctx)
    assert outcomes(r, "CN-46-A1") == {"REVIEW"}
    # without the declaration the defence manufacturer stays a military user
    r = screen(csl_screener, "Shield AI,Inc.", context={"item": "Tb"})
    assert outcomes(r, "CN-46-A1") == {"PROHIBITED"}


def test_a_state_military_body_is_a_military_user_whatever_is_declared(csl_screener):
    """rules.md §2.3: "Art. 1: no dual-use items to US military users or military end uses". The
    category rates armed forces and defence ministries high: a declaration that the end user
    is not military does not make the US Department of Defense a civil user."""
    r = screen(csl_screener, "United States Department of Defense",
               context={"item": "Tb", "end_user_military": False})
    assert outcomes(r, "CN-46-A1") == {"PROHIBITED"}


def test_a_drone_maker_for_the_us_army_is_a_military_user(csl_screener):
    """rules.md §8.2 PROHIBITED: "2024 No. 46 Art. 1 (US military user + dual-use)". Red Cat
    Holdings ("Drone maker supplying the US Army") was rated low, which made it a review
    item with a false "civil business" reason (helper-78's review); it is rated medium now."""
    r = screen(csl_screener, "Red Cat Holdings, Inc.", on="2026-03-01", context={"item": "Tb"})
    assert outcomes(r, "CN-46-A1") == {"PROHIBITED"}
