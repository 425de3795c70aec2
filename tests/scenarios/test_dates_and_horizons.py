"""The same party or item across time: before 2025-10-09, inside the suspensions, and
after 2026-11-10 under each after-horizon assumption."""

from __future__ import annotations

import pytest

from .factory import finding, hit, lockheed_mfc, rules_fired, run, skydio


@pytest.mark.parametrize("on, horizon, outcome", [
    ("2024-06-01", "literal", "CLEAR"),        # before any listing
    ("2025-03-01", "literal", "PROHIBITED"),   # UEL and Control List since 2025-01-02
    ("2025-10-20", "literal", "PROHIBITED"),   # No. 61 briefly in force too
    ("2026-06-01", "literal", "PROHIBITED"),   # No. 61 suspended; UEL / CL / No. 46 Art. 1 are not
    ("2026-11-22", "extended", "PROHIBITED"),  # nothing of Lockheed's hangs on the horizon
    ("2026-11-22", "flag", "PROHIBITED"),
])
def test_lockheed_mfc_over_time(on, horizon, outcome):
    assert run([hit(e) for e in lockheed_mfc()], on=on, horizon=horizon).outcome == outcome


def test_lockheed_mfc_no61_article2_tracks_the_suspension():
    assert finding(run([hit(e) for e in lockheed_mfc()], on="2025-03-01"), "CN-61-A2").status == "not_yet_effective"
    assert finding(run([hit(e) for e in lockheed_mfc()], on="2025-10-20"), "CN-61-A2").outcome == "PRESUMPTION_OF_DENIAL"
    assert finding(run([hit(e) for e in lockheed_mfc()], on="2026-06-01"), "CN-61-A2").outcome == "REVIEW"


@pytest.mark.parametrize("on, horizon, outcome, uel, ecl", [
    ("2025-04-20", "literal", "PROHIBITED", "PROHIBITED", "PROHIBITED"),  # both in force
    ("2025-06-01", "literal", "PROHIBITED", "REVIEW", "PROHIBITED"),      # UEL paused 2025-05-14
    ("2025-12-01", "literal", "REVIEW", "REVIEW", "CLEAR"),               # CL lifted 2025-11-10
    ("2026-11-10", "literal", "REVIEW", "REVIEW", "CLEAR"),               # last suspended day
    ("2026-11-11", "literal", "PROHIBITED", "PROHIBITED", "CLEAR"),
    ("2026-11-11", "extended", "REVIEW", "REVIEW", "CLEAR"),
    ("2026-11-11", "flag", "REVIEW", "REVIEW", "CLEAR"),
])
def test_skydio_over_time(on, horizon, outcome, uel, ecl):
    det = run([hit(e) for e in skydio()], on=on, horizon=horizon)
    assert (det.outcome, finding(det, "CN-UEL").outcome, finding(det, "CN-ECL").outcome) == (outcome, uel, ecl)


@pytest.mark.parametrize("on, horizon, outcome", [
    ("2025-10-20", "literal", "CLEAR"),             # No. 57 due 2025-11-08: not yet in force
    ("2026-06-01", "literal", "REVIEW"),            # suspended before it took effect
    ("2026-11-22", "literal", "LICENSE_REQUIRED"),  # taken at its word: in force again
    ("2026-11-22", "extended", "REVIEW"),
    ("2026-11-22", "flag", "REVIEW"),
])
def test_holmium_no57_over_time(on, horizon, outcome):
    det = run([], on=on, horizon=horizon, context={"item": "holmium oxide", "item_origin": "CN"})
    assert det.outcome == outcome
    assert finding(det, "CN-57").rule == "CN-57"


def test_holmium_flag_says_status_unverified():
    f = finding(run([], horizon="flag", context={"item": "Ho", "item_origin": "CN"}), "CN-57")
    assert (f.status, f.would_be) == ("unknown", "LICENSE_REQUIRED")
    assert f.assumption.startswith("flag:")


@pytest.mark.parametrize("on, outcome", [
    ("2025-03-01", "CLEAR"),             # No. 18 took effect on 2025-04-04
    ("2025-05-01", "LICENSE_REQUIRED"),
    ("2026-06-01", "LICENSE_REQUIRED"),  # No. 18 was never suspended
])
def test_terbium_no18_over_time(on, outcome):
    assert run([], on=on, context={"item": "1C904", "item_origin": "CN"}).outcome == outcome


def test_no61_article1_3_was_in_force_for_four_weeks():
    inside = run([], on="2025-10-20", context={"item": "Dy", "item_origin": "CN"})
    assert rules_fired(inside) == {"CN-18": "LICENSE_REQUIRED", "CN-61-A1-3": "LICENSE_REQUIRED"}
    after = run([], on="2025-11-07", context={"item": "Dy", "item_origin": "CN"})
    assert finding(after, "CN-61-A1-3").status == "suspended"


@pytest.mark.parametrize("on, horizon, outcome", [
    ("2025-10-20", "literal", "PRESUMPTION_OF_DENIAL"),  # No. 61 Art. 3 in force
    ("2026-03-01", "literal", "LICENSE_REQUIRED"),       # suspended: REVIEW sits below CN-18's licence
    ("2026-11-22", "literal", "PRESUMPTION_OF_DENIAL"),
    ("2026-11-22", "extended", "LICENSE_REQUIRED"),
    ("2026-11-22", "flag", "LICENSE_REQUIRED"),
])
def test_military_end_use_for_terbium_over_time(on, horizon, outcome):
    det = run([], on=on, horizon=horizon, context={"item": "Tb", "item_origin": "CN", "end_use": "military"})
    assert det.outcome == outcome


def test_suspended_review_is_kept_under_a_licence_outcome():
    det = run([], on="2026-03-01", context={"item": "Tb", "item_origin": "CN", "end_use": "military"})
    assert det.review_required is True
    assert finding(det, "CN-61-A3").would_be == "PRESUMPTION_OF_DENIAL"


# rules.md §2.3: Ga "now in the unified dual-use list (licence required)", so while No. 46 Art. 2 is
# suspended the export still needs a licence (LICENSE_REQUIRED) and Art. 2 itself is a REVIEW finding.
@pytest.mark.parametrize("on, horizon, outcome, art2", [
    ("2025-06-01", "literal", "PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL"),  # 2024 No. 46 Art. 2 in force
    ("2026-11-22", "literal", "LICENSE_REQUIRED", "REVIEW"),  # suspended until 2026-11-27, all readings
    ("2026-11-22", "extended", "LICENSE_REQUIRED", "REVIEW"),
    ("2026-12-15", "literal", "PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL"),  # revives 2026-11-28
    ("2026-12-15", "extended", "LICENSE_REQUIRED", "REVIEW"),
])
def test_gallium_to_the_us_over_time(on, horizon, outcome, art2):
    det = run([], on=on, horizon=horizon, context={"item": "gallium", "item_origin": "CN", "destination": "US"})
    assert det.outcome == outcome
    assert finding(det, "CN-46-A2").outcome == art2
