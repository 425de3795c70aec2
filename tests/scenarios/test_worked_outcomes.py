"""rules.md §8.5: every worked outcome (as of 2026-11-22, ``literal`` unless stated),
plus the end-to-end results the CLI must give (the lead's checks), at the engine level."""

from __future__ import annotations

from .factory import (
    finding, hit, jp_control, lockheed_mfc, mp_materials, nwpu, rel, rules_fired, run, skydio, smic,
)


# --- 1. Lockheed Martin Missiles and Fire Control buying China-origin Dy oxide: PROHIBITED

def test_lockheed_mfc_dy_oxide_is_prohibited_on_three_grounds():
    det = run([hit(e) for e in lockheed_mfc()], context={"item": "Dy oxide", "item_origin": "CN"})
    assert det.outcome == "PROHIBITED"
    fired = rules_fired(det)
    assert fired["CN-UEL"] == "PROHIBITED"
    assert fired["CN-ECL"] == "PROHIBITED"
    assert fired["CN-46-A1"] == "PROHIBITED"
    assert finding(det, "CN-UEL").citation.startswith("UEL Working Mechanism Announcement 2025 No. 1")
    assert finding(det, "CN-18").outcome == "LICENSE_REQUIRED"


def test_lockheed_mfc_without_context_assumes_china_origin_dual_use():
    det = run([hit(e) for e in lockheed_mfc()])
    assert det.outcome == "PROHIBITED"
    f = finding(det, "CN-46-A1")
    assert f.depends_on == ["item", "item_origin"]
    assert "assumed a China-controlled dual-use item" in f.assumption
    assert "item" in det.depends_on and "end_use" in det.depends_on


# --- 2. 60 %-owned subsidiary of a Japanese Control-List entity, EU-made NdFeB magnets, 0.5 % China-origin Tb

MAGNETS = {"item": "NdFeB magnet", "item_origin": "EU", "cn_origin_share": "0.5%"}


def _jp_subsidiary(horizon="literal", context=MAGNETS):
    parent = jp_control()
    return run([], horizon=horizon, context=context, entries=[parent], party_keys=["name:mhi precision kk"],
               relationships=[rel(parent.id, "name:mhi precision kk", 60)])


def test_jp_subsidiary_magnets_literal_is_presumption_of_denial():
    det = _jp_subsidiary()
    assert det.outcome == "PRESUMPTION_OF_DENIAL"
    assert rules_fired(det) == {"CN-61-A2": "PRESUMPTION_OF_DENIAL", "CN-61-A1-1": "LICENSE_REQUIRED"}
    a2 = finding(det, "CN-61-A2")
    assert a2.basis == "ownership"
    assert [(s["name"], s["percent"]) for s in a2.path] == [
        ("Mitsubishi Heavy Industries, Ltd.", 60), ("mhi precision kk", None)]
    assert "literal" in a2.assumption
    assert "the foreign-made item is brought into China's controls by CN-61-A1-1" in a2.notes


def test_jp_subsidiary_magnets_extended_is_review():
    det = _jp_subsidiary("extended")
    assert det.outcome == "REVIEW"
    assert finding(det, "CN-61-A2").would_be == "PRESUMPTION_OF_DENIAL"
    assert finding(det, "CN-61-A1-1").would_be == "LICENSE_REQUIRED"


def test_jp_subsidiary_magnets_for_japanese_military_use_is_prohibited():
    det = _jp_subsidiary(context={**MAGNETS, "end_use": "military", "destination": "JP"})
    assert det.outcome == "PROHIBITED"
    assert finding(det, "CN-2026-1").outcome == "PROHIBITED"


# --- 3. Korean memory maker (not listed), >= 256-layer NAND, China-origin Tb

NAND = {"item": "Tb", "item_origin": "CN", "end_use": "memory_ge_256_layers", "destination": "KR"}


def test_korean_memory_maker_while_no61_suspended_is_licence_required():
    det = run([], on="2026-06-01", context=NAND)
    assert det.outcome == "LICENSE_REQUIRED"
    assert finding(det, "CN-18").outcome == "LICENSE_REQUIRED"
    assert finding(det, "CN-61-A4").outcome == "REVIEW"


def test_korean_memory_maker_with_no61_active_is_case_by_case():
    det = run([], on="2026-11-22", context=NAND)
    assert det.outcome == "CASE_BY_CASE"
    assert finding(det, "CN-61-A4").outcome == "CASE_BY_CASE"


# --- 4. Skydio: UEL Apr-4 batch (suspension lapses 2026-11-10) and Control List Ann. 13 (lifted)

def test_skydio_literal_is_prohibited():
    det = run([hit(e) for e in skydio()], horizon="literal")
    assert det.outcome == "PROHIBITED"
    assert finding(det, "CN-UEL").past_horizon is True
    assert finding(det, "CN-ECL").status == "removed"
    assert det.assumption == "literal"


def test_skydio_extended_is_review():
    det = run([hit(e) for e in skydio()], horizon="extended")
    assert det.outcome == "REVIEW"
    assert finding(det, "CN-UEL").would_be == "PROHIBITED"
    assert det.assumption == "extended"


def test_skydio_flag_is_review_status_unverified():
    det = run([hit(e) for e in skydio()], horizon="flag")
    assert det.outcome == "REVIEW"
    uel = finding(det, "CN-UEL")
    assert uel.status == "unknown"
    assert uel.reason.startswith("Status unverified past 2026-11-10")


def test_skydio_inside_the_suspension_is_review():
    assert run([hit(e) for e in skydio()], on="2026-06-01").outcome == "REVIEW"


# --- 5. Unlisted Chinese subsidiary 60 % owned by SMIC, item subject to the EAR

def _smic_sub(horizon):
    owner = smic()
    return run([], horizon=horizon, context={"subject_to_ear": True}, entries=[owner],
               party_keys=["name:smic sub"], relationships=[rel(owner.id, "name:smic sub", 60)])


def test_smic_subsidiary_literal_takes_smic_mixed_policy():
    det = _smic_sub("literal")
    affil = finding(det, "US-AFFIL")
    assert det.outcome == "CASE_BY_CASE"
    assert (affil.outcome, affil.partial, affil.policy) == ("CASE_BY_CASE", True, "PRESUMPTION_OF_DENIAL")
    assert "10 nanometers and below" in affil.policy_text
    assert affil.path[0]["entity"] == "us-el:smic" and affil.path[0]["percent"] == 60


def test_smic_subsidiary_extended_is_review():
    det = _smic_sub("extended")
    assert det.outcome == "REVIEW"
    assert finding(det, "US-AFFIL").would_be == "CASE_BY_CASE"


# --- The lead's end-to-end expectations, at the engine level

def test_mp_materials_listed_2026_06_22():
    assert run([hit(mp_materials())], on="2026-11-22").outcome == "PROHIBITED"
    before = run([hit(mp_materials())], on="2026-01-01")
    assert before.outcome == "CLEAR"
    assert finding(before, "CN-ECL").status == "not_yet_effective"


def test_northwestern_polytechnical_university_presumption_of_denial():
    det = run([hit(nwpu())])
    el = finding(det, "US-EL")
    assert det.outcome == "PRESUMPTION_OF_DENIAL"
    assert el.citation.startswith("66 FR 24266")
    assert el.policy_text == "Presumption of denial."
    assert (el.nexus_unknown, el.depends_on) == (True, ["subject_to_ear"])
