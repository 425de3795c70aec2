"""US lists: Entity List review policies (denial, case-by-case, mixed, none), nexus,
FDP footnotes, §744.8 SDNs, OFAC, and the other CSL lists."""

from __future__ import annotations

import pytest

from .factory import entry, ev, finding, hikvision, huawei, hit, nwpu, run, sdn, smic


def test_entity_list_without_nexus_keeps_its_outcome_and_says_so():
    det = run([hit(nwpu())])
    assert det.outcome == "PRESUMPTION_OF_DENIAL"
    assert finding(det, "US-EL").nexus_unknown is True
    assert "subject_to_ear" in det.depends_on


def test_entity_list_with_item_not_subject_to_ear_is_informational():
    det = run([hit(nwpu())], context={"subject_to_ear": False})
    el = finding(det, "US-EL")
    assert (det.outcome, el.status) == ("CLEAR", "not_applicable")
    assert "not subject to the EAR" in el.reason


def test_entity_list_with_fdp_footnote_still_applies_to_foreign_made_items():
    el = finding(run([hit(huawei())], context={"subject_to_ear": False}), "US-EL")
    assert (el.outcome, el.nexus_unknown, el.fdp_footnote) == ("PRESUMPTION_OF_DENIAL", True, "1")
    assert el.to_dict()["us_fdp_applies"] is True


def test_policy_of_denial_maps_to_presumption_of_denial_and_says_policy_of_denial():
    e = entry("us-el", "Rosoboronexport", countries=["RU"], policy_text="Policy of denial for all items subject to the EAR.",
              policy="POLICY_OF_DENIAL")
    el = finding(run([hit(e)], context={"subject_to_ear": True}), "US-EL")
    assert (el.outcome, el.policy) == ("PRESUMPTION_OF_DENIAL", "POLICY_OF_DENIAL")
    assert "a policy of denial" in el.reason


def test_case_by_case_policy():
    e = entry("us-el", "Example Electronics Ltd.", countries=["CN"], policy_text="Case-by-case review.",
              policy="CASE_BY_CASE")
    assert run([hit(e)], context={"subject_to_ear": True}).outcome == "CASE_BY_CASE"


def test_policy_parsed_from_text_when_not_normalised():
    e = entry("us-el", "Parsed Policy Co.", policy_text="Presumption of denial.")
    assert finding(run([hit(e)]), "US-EL").policy == "PRESUMPTION_OF_DENIAL"


def test_entry_without_policy_says_so():
    el = finding(run([hit(entry("us-el", "No Policy Trading Co.", countries=["CN"]))]), "US-EL")
    # rules.md §7.1: "Presumption of denial: most China tech, military and HPC entries",
    # assumed until checked; §8.2: an EL party is never "no adverse party"
    assert el.outcome == "PRESUMPTION_OF_DENIAL"
    assert "no licence review policy stated in the source" in el.reason
    assert el.policy is None


def test_smic_mixed_policy_without_item_is_case_by_case_partial():
    el = finding(run([hit(smic())], context={"subject_to_ear": True}), "US-EL")
    assert (el.outcome, el.partial) == ("CASE_BY_CASE", True)
    assert "item" in el.depends_on


@pytest.mark.parametrize("item, outcome, partial", [
    ("1A004.c", "CASE_BY_CASE", False),          # named in the case-by-case clause
    ("2D983", "CASE_BY_CASE", False),
    ("3A090", "PRESUMPTION_OF_DENIAL", False),   # "all other items"
    (None, "CASE_BY_CASE", True),                # item unknown: mixed
])
def test_hikvision_mixed_policy_resolved_by_eccn(item, outcome, partial):
    ctx = {"subject_to_ear": True} | ({"item": item} if item else {})
    el = finding(run([hit(hikvision())], context=ctx), "US-EL")
    assert (el.outcome, el.partial) == (outcome, partial)


def test_sdn_with_us_person_is_prohibited_without_is_clear():
    e = sdn("JSC Kalashnikov Concern", "kalashnikov")
    assert run([hit(e)], context={"us_person": True}).outcome == "PROHIBITED"
    assert run([hit(e)], context={"us_person": False}).outcome == "CLEAR"
    unknown = finding(run([hit(e)]), "OFAC-SDN")
    assert (unknown.outcome, unknown.nexus_unknown) == ("PROHIBITED", True)


def test_sdn_under_744_8_program_needs_a_bis_licence_even_without_us_person():
    e = sdn("Proliferator Trading LLC", "prolif", programs=["NPWMD"])
    det = run([hit(e)], context={"us_person": False, "subject_to_ear": True})
    f = finding(det, "US-744-8")
    assert (det.outcome, f.policy) == ("PRESUMPTION_OF_DENIAL", "POLICY_OF_DENIAL")


def test_military_end_user_list_is_presumption_of_denial():
    e = entry("us-meu", "Aviation Industry Corporation of China Xi'an Aircraft", countries=["CN"])
    assert run([hit(e)], context={"subject_to_ear": True}).outcome == "PRESUMPTION_OF_DENIAL"


@pytest.mark.parametrize("list_id, context, outcome", [
    ("us-dpl", {"subject_to_ear": True}, "PROHIBITED"),
    ("us-uvl", {"subject_to_ear": True}, "REVIEW"),
    ("us-ssi", {"us_person": True}, "REVIEW"),
    ("us-cmic", {"us_person": True}, "REVIEW"),
    ("us-plc", {"us_person": True}, "REVIEW"),
    ("us-mbs", {"us_person": True}, "REVIEW"),
    ("us-cap", {"us_person": True}, "REVIEW"),
    ("us-fse", {"us_person": True}, "PROHIBITED"),
    ("us-isn", {}, "REVIEW"),
    ("us-dtc", {}, "REVIEW"),
    ("us-dtc", {"item": "USML Category IV parts"}, "PROHIBITED"),
    ("acme-own-blocklist", {}, "REVIEW"),
])
def test_other_csl_lists_and_own_lists(list_id, context, outcome):
    e = entry(list_id, "Example Party Ltd.")
    assert run([hit(e)], context=context).outcome == outcome


def test_isn_sanction_naming_exports_is_presumption_of_denial():
    e = entry("us-isn", "Example Missile Parts Co.", measures=["Denial of export licences for USML items"])
    assert run([hit(e)]).outcome == "PRESUMPTION_OF_DENIAL"


def test_removed_dpl_denial_order_is_informational():
    e = entry("us-dpl", "Expired Denial Co.", history=[ev("2015-01-01", "listed"),
                                                       ev("2020-01-01", "removed")])
    assert run([hit(e)], context={"subject_to_ear": True}).outcome == "CLEAR"


def test_china_and_us_findings_are_both_reported():
    party = [hit(huawei()), hit(entry("cn-control", "Huawei Technologies Co., Ltd.", countries=["CN"],
                                      history=[ev("2026-06-22", "listed")]))]
    det = run(party, context={"subject_to_ear": True})
    assert {f.regime for f in det.findings if f.outcome != "CLEAR"} == {"CN", "US"}
    assert det.outcome == "PROHIBITED"


def test_possible_match_to_a_review_type_list_does_not_say_would_be_review():
    f = finding(run([hit(entry("us-cmic", "HUAWEI TECHNOLOGIES CO., LTD."), "review")]), "US-CMIC")
    assert (f.outcome, f.would_be) == ("REVIEW", None)
    assert f.reason.startswith("Possible match to HUAWEI TECHNOLOGIES CO., LTD. "
                               "(Non-SDN Chinese Military-Industrial Complex Companies (OFAC)): ")
