"""Every China list: UEL, Control List, Watch List, countermeasures, and the two
end-user categories; possible matches; listings whose measures do not bind trade."""

from __future__ import annotations

from .factory import (
    finding, hanwha, hit, japan_mod, jp_control, jp_watch, lithuanian_bank, lockheed_mfc, rules_fired, run,
    tsmc, uel_executive, uel_march_batch,
)


def test_control_list_japanese_entity_after_listing():
    det = run([hit(jp_control())], on="2026-06-01")
    assert det.outcome == "PROHIBITED"
    assert finding(det, "CN-ECL").citation == "MOFCOM Announcement 2026 No. 11"


def test_control_list_does_not_reach_a_non_controlled_item():
    det = run([hit(jp_control())], on="2026-06-01", context={"item": "La oxide", "item_origin": "CN"})
    ecl = finding(det, "CN-ECL")
    assert (ecl.outcome, ecl.status) == ("CLEAR", "not_applicable")
    assert "is not a China-controlled dual-use item" in ecl.reason
    assert det.outcome == "CLEAR"


def test_control_list_does_not_reach_foreign_items_without_china_content():
    det = run([hit(jp_control())], context={"item": "Dy oxide", "item_origin": "foreign", "cn_origin_share": 0.0})
    ecl = finding(det, "CN-ECL")
    assert (ecl.status, ecl.depends_on) == ("not_applicable", ["made_with_cn_technology"])
    assert det.outcome == "CLEAR"
    made_with = run([hit(jp_control())], context={"item": "Dy oxide", "item_origin": "foreign",
                                                  "made_with_cn_technology": True})
    assert made_with.outcome == "PROHIBITED"  # No. 61 Art. 1(2) brings it in (literal, 2026-11-22)


def test_watch_list_while_no61_suspended_is_case_by_case():
    det = run([hit(jp_watch())], on="2026-06-01")
    assert det.outcome == "CASE_BY_CASE"
    assert rules_fired(det) == {"CN-EWL": "CASE_BY_CASE", "CN-61-A2": "REVIEW"}


def test_watch_list_with_no61_active_is_presumption_of_denial():
    assert run([hit(jp_watch())], on="2026-11-22", horizon="literal").outcome == "PRESUMPTION_OF_DENIAL"
    assert run([hit(jp_watch())], on="2026-11-22", horizon="extended").outcome == "CASE_BY_CASE"


def test_watch_list_before_listing_is_clear():
    assert run([hit(jp_watch())], on="2026-01-15").outcome == "CLEAR"


def test_countermeasures_hanwha_suspended_then_literal_prohibited():
    assert run([hit(hanwha())], on="2025-10-20").outcome == "PROHIBITED"
    assert run([hit(hanwha())], on="2026-06-01").outcome == "REVIEW"
    assert run([hit(hanwha())], on="2026-11-22", horizon="literal").outcome == "PROHIBITED"
    assert run([hit(hanwha())], on="2026-11-22", horizon="flag").outcome == "REVIEW"


def test_countermeasures_cancelled_bank_is_clear_after_cancellation():
    assert run([hit(lithuanian_bank())], on="2026-01-01").outcome == "PROHIBITED"
    after = run([hit(lithuanian_bank())], on="2026-05-01")
    assert after.outcome == "CLEAR"
    assert finding(after, "CN-CM").reason.startswith("No longer in force")


def test_uel_march_batch_stopped_from_2025_11_10():
    assert run([hit(uel_march_batch())], on="2025-06-01").outcome == "PROHIBITED"
    assert run([hit(uel_march_batch())], on="2026-11-22").outcome == "CLEAR"


def test_uel_executive_with_entry_ban_only_is_review_not_trade_ban():
    f = finding(run([hit(uel_executive())]), "CN-UEL")
    assert f.outcome == "REVIEW"
    assert "do not restrict trade" in f.reason


def test_japanese_military_user_category_is_prohibited_by_2026_no1():
    det = run([hit(japan_mod())], on="2026-06-01")
    assert det.outcome == "PROHIBITED"
    assert rules_fired(det) == {"CN-2026-1": "PROHIBITED", "CN-61-A2": "REVIEW"}
    assert finding(run([hit(japan_mod())], on="2025-12-01"), "CN-2026-1").status == "not_yet_effective"


def test_semiconductor_category_case_by_case_when_no61_active():
    ctx = {"item": "Tb", "item_origin": "CN"}
    assert run([hit(tsmc())], context=ctx, horizon="literal").outcome == "CASE_BY_CASE"
    extended = run([hit(tsmc())], context=ctx, horizon="extended")
    assert extended.outcome == "LICENSE_REQUIRED"
    assert finding(extended, "CN-61-A4").would_be == "CASE_BY_CASE"


def test_possible_match_never_yields_the_listed_outcome():
    det = run([hit(e, "review") for e in lockheed_mfc()])
    assert det.outcome == "REVIEW"
    uel = finding(det, "CN-UEL")
    assert (uel.outcome, uel.would_be, uel.basis) == ("REVIEW", "PROHIBITED", "possible_match")
    assert uel.reason.startswith("Possible match to Lockheed Martin Missiles and Fire Control "
                                 "(Unreliable Entity List (不可靠实体清单)), which would be PROHIBITED")


def test_possible_match_to_a_removed_listing_is_informational():
    det = run([hit(uel_march_batch(), "review")], on="2026-11-22")
    assert det.outcome == "CLEAR"


def test_possible_match_to_a_suspended_listing_keeps_both_doubts():
    from .factory import skydio

    f = finding(run([hit(e, "review") for e in skydio()], on="2026-06-01"), "CN-UEL")
    assert (f.outcome, f.would_be, f.status) == ("REVIEW", "PROHIBITED", "suspended")
    assert f.reason.startswith("Suspended until 2026-11-10, otherwise prohibited: possible match to Skydio, Inc.; ")
