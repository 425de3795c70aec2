"""China's lists, each derived from a row of china-lists.csv or a sentence of rules.md §§3.2, 6, 8.2, 8.4.

Every scenario screens a real name against the project's real lists (and the 2026
US CSL) through the one screening core, as ``screening check NAME --as-of DAY``
would. Row numbers are line numbers in china-lists.csv (the header is line 1).
"""

from __future__ import annotations

import pytest

from .conftest import fired, outcomes, screen

pytestmark = pytest.mark.shared


# ------------------------------------------------------------------ UEL

def test_uel_lockheed_martin_corporation_trade_ban_is_prohibited(csl_screener):
    """china-lists.csv row 7, Lockheed Martin Corporation, UEL 2023-02-16: "Measures (〔2023〕1号): ban on
    China-related import/export ... No suspension/stop/removal". rules.md §8.2 PROHIBITED: "active UEL
    import/export ban"."""
    r = screen(csl_screener, "Lockheed Martin Corporation")
    assert r["outcome"] == "PROHIBITED"
    assert "PROHIBITED" in outcomes(r, "CN-UEL")


def test_uel_lockheed_martin_corporation_the_day_before_its_listing(csl_screener):
    """Row 7: date_added 2023-02-16. The day before, no UEL measure applies to it (and No. 46, of
    2024-12-03, and Control List Ann. 1/2025 did not exist yet)."""
    r = screen(csl_screener, "Lockheed Martin Corporation", on="2023-02-15")
    assert "PROHIBITED" not in outcomes(r, "CN-UEL")
    assert r["outcome"] != "PROHIBITED"


def test_uel_pvh_listing_without_measures_is_review(csl_screener):
    """Row 35, PVH Group, 〔2025〕4号: "that notice imposes no specific measure (it says corresponding
    measures will be taken under the relevant laws)". Issue 12: "A listing without measures is REVIEW
    with that explanation"."""
    r = screen(csl_screener, "PVH Group")
    assert r["outcome"] == "REVIEW"
    assert outcomes(r, "CN-UEL") == {"REVIEW"}


def test_uel_pvh_finding_is_effective_from_its_listing_date(csl_screener):
    """Row 35: date_added 2025-02-04. Issue 12: "The finding's effective_from is the party's listing
    date, not the date of the UEL Provisions"."""
    r = screen(csl_screener, "PVH Group")
    assert {f["effective_from"] for f in fired(r, "CN-UEL")} == {"2025-02-04"}


def test_uel_illumina_listing_stands_after_the_sequencer_ban_stopped(csl_screener):
    """Row 34, Illumina, Inc.: "the gene-sequencer ban ended on 2025-11-10. The local texts do not say
    the 〔2025〕4号 listing itself was revoked." Its 〔2025〕4号 listing imposed no specific measure, so
    on 2026-12-05 it is a standing listing without measures: REVIEW, never "removed"."""
    r = screen(csl_screener, "Illumina, Inc.")
    uel = fired(r, "CN-UEL")
    assert uel and all(f["status"] != "removed" for f in uel)
    assert r["outcome"] == "REVIEW"


def test_uel_executive_with_entry_ban_only_is_not_a_trade_ban(csl_screener):
    """Row 5, James Donald Taiclet: "PERSON (senior executive): entry ban / work & residence permits
    revoked". rules.md §1 lists these as separate Art. 10 measures from "restrict or prohibit
    China-related import/export". Reading taken: an entry ban alone does not prohibit a deal, so the
    listing is flagged for REVIEW, not PROHIBITED."""
    r = screen(csl_screener, "James Donald Taiclet")
    assert fired(r, "CN-UEL")
    assert r["outcome"] == "REVIEW"


@pytest.mark.parametrize("on,horizon,expected", [
    pytest.param("2025-04-20", "literal", "PROHIBITED", id="row56-before-suspension-2025-05-14"),
    pytest.param("2026-06-01", "literal", "REVIEW", id="row56-suspended-one-year-from-2025-11-10"),
    pytest.param("2026-11-10", "literal", "REVIEW", id="rules8.4-2026-11-10-last-suspended-day"),
    pytest.param("2026-11-11", "literal", "PROHIBITED", id="rules8.4-literal-ban-back-2026-11-11"),
    pytest.param("2026-11-22", "extended", "REVIEW", id="rules8.5-skydio-extended-REVIEW"),
    pytest.param("2026-11-22", "flag", "REVIEW", id="rules8.5-skydio-flag-REVIEW"),
])
def test_uel_april_4_batch_skydio_around_its_suspension(csl_screener, on, horizon, expected):
    """Row 56, Skydio Inc., 〔2025〕7号: "暂停 (suspended) for 90 days from 2025-05-14; 继续暂停 ... for 1
    year from 2025-11-10 ... Status after 2026-11-10 NOT VERIFIED." rules.md §8.5: "Under `literal` the
    UEL ban is back, giving PROHIBITED. Under `extended` or `flag` the result is REVIEW." §8.4: "treat
    2026-11-10 as the last suspended day (China)". (On 2025-04-20 Control List Ann. 13 also applies.)"""
    r = screen(csl_screener, "Skydio Inc.", on=on, horizon=horizon)
    assert r["outcome"] == expected
    if expected == "REVIEW":
        assert [f["would_be"] for f in fired(r, "CN-UEL")] == ["PROHIBITED"]


def test_uel_skydio_card_states_one_consistent_status(csl_screener):
    """Row 130 (Skydio on Control List Ann. 13): "Measures reported lifted ... effective ~2025-11-10".
    Issue 12 defect 7: a card must not say both "No longer in force" and "treated as in force again":
    one finding, one consistent status."""
    r = screen(csl_screener, "Skydio Inc.", on="2026-12-05")
    for f in r["findings"]:
        text = f["reason"].lower()
        assert not ("no longer in force" in text and "in force again" in text), f["reason"]


@pytest.mark.parametrize("on,uel_active", [
    pytest.param("2025-04-20", True, id="row57-effective-2025-04-10"),
    pytest.param("2025-06-01", False, id="row57-paused-from-2025-05-14"),
    pytest.param("2025-09-01", False, id="row57-stopped-from-2025-08-12"),
])
def test_uel_april_10_batch_cyberlux_paused_then_stopped(csl_screener, on, uel_active):
    """Row 57, Cyberlux Corporation, 〔2025〕8号: "暂停 (suspended) from 2025-05-14 (no duration stated);
    停止 (measures stopped) from 2025-08-12". rules.md §8.2: a hit on a suspended measure is REVIEW."""
    r = screen(csl_screener, "Cyberlux Corporation", on=on)
    assert ("PROHIBITED" in outcomes(r, "CN-UEL")) is uel_active


@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-11-09", "PROHIBITED", id="row38-last-day-before-stop"),
    pytest.param("2025-11-10", None, id="row38-measures-stopped-from-2025-11-10"),
])
def test_uel_march_4_batch_exovera_stopped_2025_11_10(csl_screener, on, expected):
    """Row 38, Exovera, 〔2025〕5号 (and rules.md §6: "Mar-4 batch (UEL 〔2025〕5号 and 6号): measures
    stopped from 2025-11-10"). Its Control List Ann. 22 listing (row 152) stopped 2025-08-12."""
    r = screen(csl_screener, "Exovera", on=on)
    if expected:
        assert r["outcome"] == expected and "PROHIBITED" in outcomes(r, "CN-UEL")
    else:
        assert "PROHIBITED" not in outcomes(r, "CN-UEL")
        assert r["outcome"] != "PROHIBITED"


def test_uel_october_batch_named_techinsights_branch_is_prohibited(csl_screener):
    """Row 83, TechInsights Japan KK: "Named branch of TechInsights Inc. (item 14 of 〔2025〕10号, listed
    '及其分支机构')". rules.md §8.3: "Match the named subsidiaries directly"."""
    r = screen(csl_screener, "TechInsights Japan KK")
    assert r["outcome"] == "PROHIBITED"
    assert "PROHIBITED" in outcomes(r, "CN-UEL")


def test_uel_october_batch_unnamed_techinsights_subsidiary_is_review(csl_screener):
    """rules.md §8.3: "The listing 'and its branches/subsidiaries' is explicit for TechInsights ... For
    other unnamed subsidiaries return REVIEW." "TechInsights Brasil Ltda" is named nowhere in row 82's
    notice."""
    r = screen(csl_screener, "TechInsights Brasil Ltda")
    assert r["outcome"] == "REVIEW"


# --------------------------------------------------------------- Control List

def test_control_list_ann1_lockheed_martin_corporation_is_prohibited(csl_screener):
    """Row 106, Lockheed Martin Corporation, MOFCOM 2025 No. 1: "Dual-use items may not be exported to
    the entity". rules.md §8.2 PROHIBITED: "active China Control List (dual-use items)"."""
    r = screen(csl_screener, "Lockheed Martin Corporation")
    assert "PROHIBITED" in outcomes(r, "CN-ECL")


@pytest.mark.parametrize("on,listed", [
    pytest.param("2026-06-21", False, id="row203-day-before-2026-06-22"),
    pytest.param("2026-06-22", True, id="row203-listed-2026-06-22"),
])
def test_control_list_mp_materials_from_its_listing_day(csl_screener, on, listed):
    """Row 203, MP Materials Corp., 2026-06-22: "In force (no suspension found)"."""
    r = screen(csl_screener, "MP Materials Corp.", on=on)
    assert ("PROHIBITED" in outcomes(r, "CN-ECL")) is listed


@pytest.mark.parametrize("on,listed", [
    pytest.param("2026-02-23", False, id="row179-day-before"),
    pytest.param("2026-03-01", True, id="row179-listed-2026-02-24"),
])
def test_control_list_japan_2026_no11_jaxa(csl_screener, on, listed):
    """Row 179, Japan Aerospace Exploration Agency, MOFCOM 2026 No. 11 (2026-02-24): "Export operators may
    not export dual-use items to the entity, and foreign organisations and individuals may not ..."."""
    r = screen(csl_screener, "Japan Aerospace Exploration Agency", on=on)
    assert ("PROHIBITED" in outcomes(r, "CN-ECL")) is listed


@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-04-20", "PROHIBITED", id="ann22-active-from-2025-04-10"),
    pytest.param("2025-06-01", "REVIEW", id="ann22-suspended-2025-05-14"),
    pytest.param("2025-09-01", "CLEAR", id="ann22-stopped-2025-08-12"),
])
def test_control_list_ann22_echodyne_suspended_then_stopped(csl_screener, on, expected):
    """Row 151, Echodyne, MOFCOM 2025 No. 22; rules.md §6: "Ann. 22 (12): suspended 2025-05-14, stopped
    2025-08-12". Once stopped, the listing no longer restricts anything."""
    r = screen(csl_screener, "Echodyne", on=on)
    assert r["outcome"] == expected


@pytest.mark.parametrize("on,horizon,expected", [
    pytest.param("2025-04-20", "literal", "PROHIBITED", id="ann21-active-from-2025-04-04"),
    pytest.param("2026-06-01", "literal", "REVIEW", id="ann21-suspended-one-year-from-2025-11-10"),
    pytest.param("2026-11-10", "literal", "REVIEW", id="ann21-2026-11-10-last-suspended-day"),
    pytest.param("2026-11-11", "literal", "PROHIBITED", id="ann21-literal-after-horizon"),
    pytest.param("2026-11-22", "extended", "REVIEW", id="ann21-extended"),
    pytest.param("2026-11-22", "flag", "REVIEW", id="ann21-flag"),
])
def test_control_list_ann21_coalition_around_its_suspension(csl_screener, on, horizon, expected):
    """Row 133, Coalition For A Prosperous America, MOFCOM 2025 No. 21: "Suspended 90 days from
    2025-05-14; suspension extended 90 days from 2025-08-12; suspended for one year from 2025-11-10
    (to ~2026-11-10). Status after 2026-11-10 NOT VERIFIED." rules.md §8.4: "Ann. 21: suspended to
    ~2026-11-10, then UNKNOWN"; literal takes the instrument at its word."""
    r = screen(csl_screener, "Coalition For A Prosperous America", on=on, horizon=horizon)
    assert r["outcome"] == expected


@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-06-01", "PROHIBITED", id="ann13-active-2025-03-04"),
    pytest.param("2026-12-05", "CLEAR", id="ann13-lifted-nov-2025"),
])
def test_control_list_ann13_sourcemap_lifted(csl_screener, on, expected):
    """Row 131, Sourcemap, Inc., MOFCOM 2025 No. 13: "Measures reported lifted/stopped for these 15 US
    entities ... effective ~2025-11-10". A lifted listing is not a suspension: it does not come back
    under `literal`."""
    r = screen(csl_screener, "Sourcemap, Inc.", on=on)
    assert r["outcome"] == expected


# ------------------------------------------------------------------ Watch List

@pytest.mark.parametrize("on,horizon,expected", [
    pytest.param("2026-02-23", "literal", "CLEAR", id="row258-day-before-listing"),
    pytest.param("2026-06-01", "literal", "CASE_BY_CASE", id="rules8.2-watch-list-while-no61-inactive"),
    pytest.param("2026-11-10", "literal", "CASE_BY_CASE", id="rules8.4-2026-11-10-no61-last-suspended-day"),
    pytest.param("2026-11-11", "literal", "PRESUMPTION_OF_DENIAL", id="rules8.4-no61-literal-from-2026-11-11"),
    pytest.param("2026-12-05", "literal", "PRESUMPTION_OF_DENIAL", id="rules8.2-no61-art2-watch-list-party"),
    pytest.param("2026-12-05", "extended", "CASE_BY_CASE", id="extended-no61-still-suspended"),
])
def test_watch_list_tdk(csl_screener, on, horizon, expected):
    """Row 258, TDK Corporation, watch list 2026-02-24: "individual licence with risk-assessment report +
    written no-military-use commitment". rules.md §8.2: CASE-BY-CASE for "China Watch List while No. 61
    is inactive"; DENY-PRESUMED for "No. 61 Art. 2 (... Control/Watch-List party ...)"."""
    r = screen(csl_screener, "TDK Corporation", on=on, horizon=horizon)
    assert r["outcome"] == expected


# ---------------------------------------------------------- MOFCOM countermeasures

@pytest.mark.parametrize("on,horizon,expected", [
    pytest.param("2025-10-20", "literal", "PROHIBITED", id="row286-listed-2025-10-14"),
    pytest.param("2026-06-01", "literal", "REVIEW", id="row286-suspended-one-year-from-2025-11-10"),
    pytest.param("2026-12-05", "literal", "PROHIBITED", id="row286-literal-after-horizon"),
    pytest.param("2026-12-05", "extended", "REVIEW", id="row286-extended"),
])
def test_countermeasures_hanwha_philly_shipyard(csl_screener, on, horizon, expected):
    """Row 286, Hanwha Philly Shipyard Inc., MOFCOM Order 2025 No. 6: "Countermeasures SUSPENDED for one
    year from 2025-11-10 (MOFCOM Order 2025 No. 7). Status after 2026-11-10 NOT VERIFIED." rules.md
    §8.2 PROHIBITED: "active MOFCOM AFSL countermeasures"."""
    r = screen(csl_screener, "Hanwha Philly Shipyard Inc.", on=on, horizon=horizon)
    assert r["outcome"] == expected
    assert fired(r, "CN-CM")


@pytest.mark.parametrize("on,expected", [
    pytest.param("2026-01-01", "PROHIBITED", id="row283-in-force"),
    pytest.param("2026-04-24", "CLEAR", id="row283-cancelled-2026-04-24"),
])
def test_countermeasures_lithuanian_bank_cancelled(csl_screener, on, expected):
    """Row 283, UAB Urbo Bankas, MOFCOM Order 2025 No. 5: "Countermeasures CANCELLED by MOFCOM Order 2026
    No. 1 effective 2026-04-24"."""
    assert screen(csl_screener, "UAB Urbo Bankas", on=on)["outcome"] == expected


@pytest.mark.parametrize("on,expected", [
    pytest.param("2026-08-04", "CLEAR", id="row289-day-before"),
    pytest.param("2026-08-05", "PROHIBITED", id="row289-order-2026-no2"),
])
def test_countermeasures_altana_from_2026_08_05(csl_screener, on, expected):
    """Row 289, Altana Technologies, Inc., MOFCOM Order 2026 No. 2, 2026-08-05: "In force as of source
    snapshot"."""
    assert screen(csl_screener, "Altana Technologies, Inc.", on=on)["outcome"] == expected


# ------------------------------------------------------------------ name matching

@pytest.mark.parametrize("name,row", [
    pytest.param("斯凯迪奥公司", 56, id="row56-name_zh-simplified"),
    pytest.param("洛克希德·馬丁公司", 7, id="row7-name_zh-in-traditional-script"),
    pytest.param("LOCKHEED MARTIN CORP", 7, id="row7-case-and-legal-form"),
])
def test_listed_party_is_found_by_chinese_name_script_and_legal_form(csl_screener, name, row):
    """rules.md §8.3: "Name match against china-lists.csv: name_en, aliases and name_zh, normalised (case,
    punctuation, Co./Ltd./Inc., LLC, traditional ↔ simplified). An exact or high-confidence match on an
    active listing gives that list's outcome." Rows 56 (Skydio, 斯凯迪奥公司) and 7 (Lockheed Martin
    Corporation, 洛克希德·马丁公司), both UEL, on 2026-12-05 under `literal`."""
    r = screen(csl_screener, name)
    assert r["outcome"] == "PROHIBITED"
    assert "PROHIBITED" in outcomes(r, "CN-UEL")


def test_lower_confidence_match_is_review_with_what_it_would_be(csl_screener):
    """rules.md §8.3: "A lower-confidence match gives REVIEW"; §8.2 REVIEW: "fuzzy or alias hit". "Skydio
    Robotics Ltd" is not the listed Skydio, Inc. (row 56) but close to it: REVIEW, saying it would be
    PROHIBITED if confirmed (Skydio's UEL ban is back on 2026-12-05 under `literal`)."""
    r = screen(csl_screener, "Skydio Robotics Ltd")
    assert r["outcome"] == "REVIEW"
    uel = [f for f in fired(r, "CN-UEL") if f["outcome"] == "REVIEW"]
    assert uel and uel[0]["would_be"] == "PROHIBITED"


@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-10-08", None, id="no61-art2-day-before-2025-10-09"),
    pytest.param("2025-10-20", "PRESUMPTION_OF_DENIAL", id="no61-art2-in-force-2025-10-09-to-11-06"),
    pytest.param("2025-11-07", "REVIEW", id="no61-art2-suspended-from-2025-11-07"),
])
def test_no61_art2_control_list_party_in_its_first_window(csl_screener, on, expected):
    """rules.md §2.2: "Parts of these [No. 61, No. 62] were in force from 2025-10-09 to 2025-11-07 before
    being suspended"; §8.4 "CN-61-A1(3), A2, A3, A4 | 2025-10-09 | 2025-11-07 → 2026-11-10". Lockheed Martin
    Corporation (Control List Ann. 1/2025, row 106) buying China-origin Tb."""
    r = screen(csl_screener, "Lockheed Martin Corporation", on=on, context={"item": "Tb", "item_origin": "CN"})
    mine = [f["outcome"] for f in fired(r, "CN-61-A2")
            if f["party"] == "Lockheed Martin Corporation" and f["basis"] == "list" and f["outcome"] != "CLEAR"]
    assert (mine[0] if mine else None) == expected


@pytest.mark.parametrize("name,announcement", [
    pytest.param("Boeing Defense, Space & Security", "〔2024〕2号", id="row10-2024-no2"),
    pytest.param("General Dynamics Land Systems", "〔2024〕1号", id="row12-2024-no1"),
    pytest.param("Skydio Inc.", "〔2025〕7号", id="row56-2025-no7"),
])
def test_uel_finding_cites_the_party_own_announcement(csl_screener, name, announcement):
    """rules.md §6: "The 2024-05-20 batch is two announcements (〔2024〕1号 and 2号)"; china-lists.csv rows 10
    (Boeing Defense, Space & Security: 〔2024〕2号), 12 (General Dynamics Land Systems: 〔2024〕1号) and 56
    (Skydio: 〔2025〕7号)."""
    r = screen(csl_screener, name)
    cited = [f["citation"] or "" for f in fired(r, "CN-UEL") if f["basis"] == "list" and f["outcome"] != "CLEAR"]
    assert cited and all(announcement in c for c in cited), cited


@pytest.mark.parametrize("on,expected", [
    pytest.param("2025-05-13", "PROHIBITED", id="row46-day-before-suspension"),
    pytest.param("2025-05-14", "REVIEW", id="row46-suspended-90-days-from-2025-05-14"),
])
def test_uel_april_4_batch_suspension_starts_2025_05_14(csl_screener, on, expected):
    """Row 46, BRINC Drones,Inc., 〔2025〕7号: "暂停 (suspended) for 90 days from 2025-05-14"."""
    r = screen(csl_screener, "BRINC Drones,Inc.", on=on)
    assert {f["outcome"] for f in fired(r, "CN-UEL") if f["basis"] == "list"} == {expected}


@pytest.mark.parametrize("horizon", ["extended", "flag"])
def test_horizon_assumption_leaves_never_suspended_listings_alone(csl_screener, horizon):
    """rules.md §8.4: `extended` and `flag` are about measures whose status after 2026-11-10 is unknown; row
    203, MP Materials Corp. (Control List 2026-06-22): "In force (no suspension found)". Under either
    assumption it stays PROHIBITED on 2026-12-05."""
    r = screen(csl_screener, "MP Materials Corp.", horizon=horizon)
    assert r["outcome"] == "PROHIBITED"
    assert "PROHIBITED" in outcomes(r, "CN-ECL")
