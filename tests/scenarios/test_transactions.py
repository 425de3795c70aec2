"""Transaction screening: items, the 0.1 % rule, Chinese technology, end uses, the
humanitarian exemption, and what a result says when facts are missing."""

from __future__ import annotations

import pytest

from .factory import finding, hit, japan_mod, rules_fired, run


def test_no_party_no_context_is_clear_and_lists_the_missing_facts():
    det = run([])
    assert (det.outcome, det.findings) == ("CLEAR", [])
    assert det.depends_on == ["item", "end_use", "chinese_person_services"]


@pytest.mark.parametrize("share, fires", [("0.5%", True), ("0.1%", True), ("0.099%", False), ("0", False)])
def test_the_0_1_percent_rule(share, fires):
    det = run([], context={"item": "sputtering target", "item_origin": "foreign", "cn_origin_share": share})
    assert ("CN-61-A1-1" in rules_fired(det)) is fires


def test_foreign_magnet_without_share_depends_on_it():
    det = run([], context={"item": "rare-earth magnet", "item_origin": "foreign"})
    assert det.outcome == "CLEAR"
    assert "cn_origin_share" in det.depends_on


def test_humanitarian_end_use_needs_no_no61_licence():
    det = run([], context={"item": "NdFeB magnet", "item_origin": "foreign", "cn_origin_share": "0.5%",
                           "end_use": "humanitarian"})
    assert det.outcome == "CLEAR"
    assert finding(det, "CN-61-A1-1").status == "exempt"


def test_humanitarian_does_not_lift_no18():
    det = run([], context={"item": "Dy oxide", "item_origin": "CN", "end_use": "humanitarian"})
    assert rules_fired(det) == {"CN-18": "LICENSE_REQUIRED"}


def test_made_abroad_with_chinese_technology():
    det = run([], context={"item": "Dy-Fe alloy", "item_origin": "DE", "made_with_cn_technology": "yes"})
    assert rules_fired(det) == {"CN-61-A1-2": "LICENSE_REQUIRED"}
    assert run([], on="2026-06-01", context={"item": "Dy-Fe alloy", "item_origin": "DE",
                                             "made_with_cn_technology": True}).outcome == "REVIEW"


def test_chinese_person_services_no62():
    assert run([], context={"chinese_person_services": True}).outcome == "LICENSE_REQUIRED"
    assert run([], on="2026-06-01", context={"chinese_person_services": True}).outcome == "REVIEW"


def test_rare_earth_technology_catalogue_not_suspended():
    det = run([], on="2026-06-01", context={"item": "technology", "item_origin": "CN"})
    assert rules_fired(det) == {"CN-TECH-CATALOGUE": "LICENSE_REQUIRED", "CN-62": "REVIEW"}


def test_wmd_end_use():
    det = run([], context={"item": "Sc", "item_origin": "CN", "end_use": "wmd"})
    assert finding(det, "CN-61-A3").outcome == "PRESUMPTION_OF_DENIAL"


def test_military_end_use_in_japan_is_prohibited():
    det = run([], on="2026-03-01", context={"item": "Dy", "item_origin": "CN", "end_use": "military",
                                            "destination": "JP"})
    assert det.outcome == "PROHIBITED"
    assert run([], on="2025-12-01", context={"item": "Dy", "item_origin": "CN", "end_use": "military",
                                             "destination": "JP"}).outcome == "LICENSE_REQUIRED"


def test_military_end_user_in_the_us_is_prohibited():
    det = run([], context={"item": "Tb", "item_origin": "CN", "end_user_military": True, "destination": "US"})
    assert finding(det, "CN-46-A1").outcome == "PROHIBITED"


def test_military_end_user_without_country_depends_on_destination():
    det = run([], context={"item": "Tb", "item_origin": "CN", "end_user_military": True})
    assert "CN-46-A1" not in rules_fired(det)
    assert finding(det, "CN-61-A2").outcome == "PRESUMPTION_OF_DENIAL"  # any overseas military user
    assert "destination" in det.depends_on


def test_graphite_to_the_us_is_case_by_case():
    det = run([], on="2025-06-01", context={"item": "graphite anode material", "item_origin": "CN",
                                            "destination": "US"})
    assert finding(det, "CN-46-A2").outcome == "CASE_BY_CASE"


def test_party_country_stands_in_for_destination():
    # Japan's Ministry of Defense, military end use: CN-2026-1 via the party and via the end use.
    det = run([hit(japan_mod())], context={"item": "Dy", "item_origin": "CN", "end_use": "military"})
    assert det.outcome == "PROHIBITED"


def test_item_not_controlled_clears_item_based_party_rules():
    det = run([hit(japan_mod())], context={"item": "cerium oxide", "item_origin": "CN"})
    assert finding(det, "CN-2026-1").status == "not_applicable"
    assert det.outcome == "CLEAR"


def test_unrecognised_item_is_assumed_controlled_and_says_so():
    f = finding(run([hit(japan_mod())], context={"item": "widget assembly", "item_origin": "CN"}), "CN-2026-1")
    assert f.outcome == "PROHIBITED"
    assert "item 'widget assembly' not recognised: assumed a China-controlled dual-use item" in f.assumption


def test_result_dict_states_assumption_and_every_finding():
    d = run([hit(japan_mod())], horizon="flag").to_dict()
    assert (d["assumption"], d["as_of"], d["outcome"], d["hard_stop"]) == ("flag", "2026-11-22", "PROHIBITED", True)
    rules = {f["rule"]: f for f in d["findings"]}
    assert rules["CN-61-A2"]["status"] == "unknown"
    assert rules["CN-61-A2"]["would_be"] == "PRESUMPTION_OF_DENIAL"
    assert set(rules["CN-2026-1"]) >= {"rule", "outcome", "regime", "reason", "citation", "effective_from",
                                       "effective_to", "status", "assumption", "depends_on"}
