"""US lists: Entity List (policies, FDP footnotes, nexus), MEU, OFAC SDN, DPL, ISN, DTC, CMIC.

Derived from rules.md §§7.1, 7.3, 8.2, 8.3 and us-entity-examples.csv. Parties are
real CSL rows: ``derived/csl-2026.csv`` (the issue-12 database) and, where a licence
review policy string is needed, ``watchman/csl.csv`` (which carries them).
"""

from __future__ import annotations

import json

import pytest

from .conftest import at_least, fired, outcomes, screen

pytestmark = pytest.mark.shared

EAR = {"subject_to_ear": True}


# ------------------------------------------------ Entity List review policy (watchman CSL strings)

@pytest.mark.parametrize("name,expected", [
    pytest.param("Northwestern Polytechnical University", "PRESUMPTION_OF_DENIAL",
                 id="policy-'Presumption of denial.'"),
    pytest.param("Sichuan University", "CASE_BY_CASE", id="policy-'Case-by-case basis'"),
    pytest.param("Federal Security Service (FSB)", "PRESUMPTION_OF_DENIAL",
                 id="policy-'Policy of denial. See 746.8(b)'"),
    pytest.param("Irum Mehboob Raja", "LICENSE_REQUIRED", id="policy-'Presumption of approval for EAR99 items'"),
])
def test_entity_list_policy_parser_rule(watchman_screener, name, expected):
    """rules.md §7.1 "Parser rule: if the string contains `policy of denial`, use POLICY-OF-DENIAL.
    Otherwise, if it contains `presumption of denial`, use DENY-PRESUMED ... Otherwise, if it contains
    `case-by-case`, use CASE-BY-CASE. Otherwise, if it contains `presumption of approval`, use
    LICENCE-REQUIRED." (§8.2 maps policy of denial into the DENY-PRESUMED row.)"""
    r = screen(watchman_screener, name, on="2026-06-01", context=EAR)
    assert expected in outcomes(r, "US-EL")


def test_entity_list_policy_of_denial_is_named_as_such(watchman_screener):
    """rules.md §7.1: "`Policy of denial`: stricter (some Russia/Iran/MEU-type entries)" — the finding must
    say policy of denial, not only "presumption of denial"."""
    r = screen(watchman_screener, "Federal Security Service (FSB)", on="2026-06-01", context=EAR)
    el = [f for f in fired(r, "US-EL") if f["party"] == "Federal Security Service (FSB)"]
    assert el and "policy of denial" in (el[0]["reason"] + " " + (el[0]["policy_text"] or "")).lower()


def test_entity_list_does_not_apply_to_items_not_subject_to_the_ear(watchman_screener):
    """rules.md §7.1: "This applies only to items subject to the EAR (US nexus)." NWPU has no FDP footnote,
    so an item declared not subject to the EAR raises no adverse Entity List finding."""
    r = screen(watchman_screener, "Northwestern Polytechnical University", on="2026-06-01",
               context={"subject_to_ear": False})
    assert not (outcomes(r, "US-EL") - {"CLEAR", "REVIEW"})


def test_entity_list_without_nexus_data_says_nexus_unknown(csl_screener):
    """rules.md §8.3: "Without nexus data, return the finding with `nexus_unknown=true`"."""
    r = screen(csl_screener, "Northwestern Polytechnical University")
    el = fired(r, "US-EL")
    assert el and all(f["nexus_unknown"] for f in el)
    assert at_least(r["outcome"], "LICENSE_REQUIRED")


# ------------------------------------------------ FDP footnotes (csl-2026)

@pytest.mark.parametrize("name,footnote", [
    pytest.param("Huawei Technologies Co., Ltd.", "1", id="us-entity-examples-row2-huawei-footnote-1"),
    pytest.param("Cambricon Technologies Corporation Limited", "4", id="us-entity-examples-row11-cambricon-footnote-4"),
])
def test_entity_list_fdp_footnote_is_flagged(csl_screener, name, footnote):
    """rules.md §7.1: "FN 1: Huawei FDP"; "FN 4: ... First assigned Dec 2022 to 21 AI-chip entities (e.g.
    Cambricon)"; "When the FDP footnote is present, flag `us_fdp_applies`"."""
    r = screen(csl_screener, name)
    el = [f for f in fired(r, "US-EL") if f["party"] == name]
    assert el, [f["party"] for f in fired(r, "US-EL")]
    assert el[0].get("us_fdp_applies") is True and el[0].get("fdp_footnote") == footnote


def test_entity_list_fdp_party_is_caught_for_a_foreign_made_item(csl_screener):
    """rules.md §7.1: footnotes "extend 'items subject to the EAR' to foreign-made direct products"; FN 1
    (Huawei FDP, §734.9(e)(1)). Without a nexus answer, the Huawei EL finding stands (licence required)."""
    r = screen(csl_screener, "Huawei Technologies Co., Ltd.", context={"item": "EAR99", "item_origin": "TW"})
    assert at_least(r["outcome"], "LICENSE_REQUIRED")
    assert any(f.get("us_fdp_applies") for f in fired(r, "US-EL"))


# ------------------------------------------------ OFAC SDN

def test_sdn_with_us_person_is_prohibited(csl_screener):
    """rules.md §7.3: "Consequence: US persons may not deal with the entity at all without OFAC
    authorisation. Tool outcome: PROHIBITED (US-person nexus)." BANK ROSSIYA (SDN 16681)."""
    r = screen(csl_screener, "Bank Rossiya", context={"us_person": True})
    assert r["outcome"] == "PROHIBITED"
    assert {f["outcome"] for f in fired(r, "OFAC-SDN") if f.get("entry_id") == "us-sdn:16681"} == {"PROHIBITED"}


def test_sdn_without_nexus_data_is_flagged_nexus_unknown(csl_screener):
    """rules.md §8.3: "OFAC applies only with a US-person or US nexus. Without nexus data, return the finding
    with `nexus_unknown=true`"."""
    r = screen(csl_screener, "Bank Rossiya")
    sdn = fired(r, "OFAC-SDN")
    assert sdn and all(f["nexus_unknown"] for f in sdn)


def test_sdn_without_any_us_nexus_is_not_an_ofac_prohibition(csl_screener):
    """rules.md §8.3: "OFAC applies only with a US-person or US nexus." No US person, item not subject to the
    EAR: OFAC's prohibition does not reach the deal."""
    r = screen(csl_screener, "Bank Rossiya", context={"us_person": False, "subject_to_ear": False})
    assert "PROHIBITED" not in outcomes(r, "OFAC-SDN")


# ------------------------------------------------ other CSL lists

@pytest.mark.parametrize("name,rule", [
    pytest.param("Academy of Aerospace Solid Propulsion Technology (AASPT)", "US-MEU", id="meu-supp7"),
    pytest.param("ADT Analog and Digital Technik", "US-DPL", id="dpl"),
    pytest.param("Xi’an Longde Technology Development Company Limited", "US-ISN", id="isn"),
    pytest.param("A & C International Trade, Inc.", "US-DTC", id="dtc"),
    pytest.param("China Aviation Engine Group Co., Ltd", "US-CMIC", id="cmic"),
])
def test_every_csl_list_hit_is_reported(csl_screener, name, rule):
    """rules.md §8.2: "Always return all findings, not just the maximum"; REVIEW at least for a "potential
    match or unresolved risk; human decision". rules.md gives no outcome of its own for DPL, ISN, DTC and
    CMIC; the reading taken is that an exact hit on any CSL list yields that list's finding, at least
    REVIEW, never CLEAR."""
    r = screen(csl_screener, name, context=EAR)
    assert fired(r, rule), [f["rule"] for f in r["findings"]]
    assert not ({f["outcome"] for f in fired(r, rule)} <= {"CLEAR"})
    assert at_least(r["outcome"], "REVIEW")


def test_meu_party_needs_a_licence(csl_screener):
    """rules.md §7.2 names "the MEU List (Supp. 7)" beside the Entity List as a list whose parties carry a
    licence requirement; §7.1 "Policy of denial: stricter (some ... MEU-type entries)". Reading: an MEU
    party, item subject to the EAR, is at least LICENCE-REQUIRED."""
    r = screen(csl_screener, "Academy of Aerospace Solid Propulsion Technology (AASPT)", context=EAR)
    assert at_least(r["outcome"], "LICENSE_REQUIRED")


def test_cxmt_reported_but_unconfirmed_is_never_a_denial(csl_screener):
    """us-entity-examples.csv row 10, ChangXin Memory Technologies (CXMT): "Do NOT treat as listed unless the
    live CSL shows it; a screening hit on 'CXMT' should be REVIEW, not DENY." csl-2026 does not list it."""
    r = screen(csl_screener, "ChangXin Memory Technologies", context=EAR)
    assert r["outcome"] not in ("PROHIBITED", "PRESUMPTION_OF_DENIAL")


# ------------------------------------------------ wording and ordering (issue 12 defect 9)

def test_exact_match_comes_first(csl_screener):
    """rules.md §8.3: "An exact or high-confidence match on an active listing gives that list's outcome";
    issue 12 defect 9: "The exact match should come first"."""
    r = screen(csl_screener, "Huawei Technologies Co., Ltd.")
    assert r["findings"][0]["party"] == "Huawei Technologies Co., Ltd."


def test_reason_does_not_repeat_itself(csl_screener):
    """rules.md §7.1: the licence review policy column is reported once; issue 12 defect 9: "A reason repeats
    itself (... no licence review policy stated in the source. (the source gives no licence review
    policy))"."""
    r = screen(csl_screener, "Huawei Technologies Co., Ltd.")
    for f in fired(r, "US-EL"):
        assert f["reason"].lower().count("licence review policy") <= 1, f["reason"]


def test_findings_are_never_silently_cut(csl_screener):
    """rules.md §8.2: "Always return all findings, not just the maximum." Huawei matches more Entity List
    entries than 20; either all are returned or the result says how many more there are."""
    r = screen(csl_screener, "Huawei Technologies Co., Ltd.")
    total_keys = {"findings_total", "findings_omitted", "more_findings", "findings_more"}
    assert len(r["findings"]) > 20 or total_keys & set(r)


@pytest.mark.parametrize("on,expected", [
    pytest.param("2017-05-25", None, id="el-entry-day-before-its-start-date"),
    pytest.param("2017-05-26", "PRESUMPTION_OF_DENIAL", id="el-entry-from-its-start-date"),
])
def test_entity_list_entry_applies_from_its_own_date(watchman_screener, on, expected):
    """rules.md §8.4: "US-EL-<entry> | FR date per entry | - | use the live CSL". Micado (Pakistan) has
    start_date 2017-05-26 and policy "Presumption of denial." in watchman/csl.csv."""
    r = screen(watchman_screener, "Micado", on=on, context=EAR)
    mine = [f["outcome"] for f in fired(r, "US-EL") if f["party"] == "Micado" and f["outcome"] != "CLEAR"]
    assert (mine[0] if mine else None) == expected


# ------------------------------------------------ the four brief categories (rules.md §8.2)

@pytest.mark.parametrize("name,context,flags", [
    pytest.param("Bank Rossiya", {"us_person": True}, {"hard_stop": True}, id="prohibited-hard-stop"),
    pytest.param("Nordlicht Magnetics GmbH", {"item": "Tb", "item_origin": "CN"},
                 {"hard_stop": False, "licence_required": True}, id="licence-required-flag"),
    pytest.param("Nordlicht Magnetics GmbH", None,
                 {"hard_stop": False, "licence_required": False, "review_required": False}, id="clear-no-flags"),
])
def test_four_category_flags(csl_screener, name, context, flags):
    """rules.md §8.2: "If the product needs only the four brief categories: PROHIBITED → DENY-PRESUMED with
    hard_stop=true; LICENCE-REQUIRED → CLEAR with licence_required=true.\""""
    r = screen(csl_screener, name, on="2026-06-01", context=context)
    assert {k: r[k] for k in flags} == flags


@pytest.mark.parametrize("name,context,words", [
    pytest.param("Bank Rossiya", {"us_person": True}, ("specific licen",), id="ofac-specific-licence"),
    pytest.param("Huawei Technologies Co., Ltd.", EAR, ("licence exception", "license exception"),
                 id="el-no-licence-exception"),
])
def test_next_steps_name_the_route(csl_screener, name, context, words):
    """rules.md §7.1: "No licence exceptions except as stated in the entry"; §7.3: "US persons may not deal
    with the entity at all without OFAC authorisation". Issue 12: next steps per outcome give "which
    authority and route (MOFCOM licence application, BIS licence, OFAC specific licence)" and "that no
    licence exception applies to an Entity List party unless its entry says so"."""
    text = json.dumps(screen(csl_screener, name, context=context), ensure_ascii=False).lower()
    assert any(w in text for w in words)


# ------------------------------------------------ us-entity-examples.csv rows on the 2026 CSL

US_EXAMPLES = [  # (row, name as written in us-entity-examples.csv); rows 4, 9 and 19 describe several names
    (2, "Huawei Technologies Co., Ltd."), (3, "HiSilicon Technologies Co., Ltd."),
    (5, "Semiconductor Manufacturing International Corporation (SMIC)"),
    (6, "Semiconductor Manufacturing International (Beijing) Corporation"),
    (7, "SMIC Northern Integrated Circuit Manufacturing (Beijing) Co. Ltd."),
    (8, "Semiconductor Manufacturing South China Corporation"),
    (10, "Ningbo Semiconductor International Corporation (NSI)"),
    (11, "Yangtze Memory Technologies Co., Ltd. (YMTC)"), (13, "Cambricon Technologies Corporation Limited"),
    (14, "Shanghai Micro Electronics Equipment (Group) Co., Ltd. (SMEE)"),
    (15, "Hangzhou Hikvision Digital Technology Co., Ltd."), (16, "Zhejiang Dahua Technology Co., Ltd."),
    (17, "iFLYTEK Co., Ltd."), (18, "Inspur Group Co., Ltd."),
    (20, "Higon (Tianjin Haiguang Advanced Technology Investment Co., Ltd.)"),
    (21, "Tianjin Phytium Information Technology Co., Ltd."), (22, "Shanghai Fudan Microelectronics Group Co., Ltd."),
]


@pytest.mark.parametrize("row,name", [pytest.param(r, n, id=f"us-examples-row{r}") for r, n in US_EXAMPLES])
def test_us_entity_example_needs_a_bis_licence(csl_screener, row, name):
    """us-entity-examples.csv rows listed "BIS Entity List", "For all items subject to the EAR"; rules.md §7.1:
    "A licence is required for the items in the entity's 'License Requirement' column ... whenever the listed
    entity is a party". On the 2026 CSL each is a match-strength Entity List hit and at least LICENCE-REQUIRED."""
    r = screen(csl_screener, name, context=EAR)
    assert any(h["strength"] == "match" and h["list"] == "us-el" for h in r["hits"])
    assert at_least(r["outcome"], "LICENSE_REQUIRED")


# ------------------------------------------------ an entry without a stated policy (direct and affiliate)

def test_entity_list_party_without_policy_and_its_affiliate_get_the_same_answer(csl_screener):
    """rules.md §7.2: the affiliate is "subject to the same licence requirement, licence-exception limits and
    review policy as its owners"; §7.1: "Presumption of denial: most China tech, military and HPC entries";
    §8.2 LICENCE-REQUIRED means "no adverse party or use, normal review". The 2026 CSL states no policy for
    Northwestern Polytechnical University: screened directly, or as the owner of 60 % of a Chinese company,
    the answer is the same assumed PRESUMPTION_OF_DENIAL, and never "no adverse finding"."""
    direct = screen(csl_screener, "Northwestern Polytechnical University", context=EAR)
    own = [f for f in fired(direct, "US-EL") if f["party"] == "Northwestern Polytechnical University"]
    assert own and not own[0]["policy_text"]
    affiliate = screen(csl_screener, "Scen Quince Works Co", country="CN", context=EAR,
                       owners=[{"name": "Northwestern Polytechnical University", "percent": 60}])
    inherited = [f for f in fired(affiliate, "US-AFFIL") if f["basis"] == "ownership"]
    assert [own[0]["outcome"], inherited[0]["outcome"]] == ["PRESUMPTION_OF_DENIAL", "PRESUMPTION_OF_DENIAL"]
    assert own[0]["partial"] == inherited[0]["partial"]
    for r in (direct, affiliate):
        assert "no adverse" not in r["summary"]["text"]
        assert any("no licence review policy" in s for s in r["next_steps"])
        # the next step says what the outcome assumes (it said "expect case-by-case review"
        # under a presumption of denial: helper-78's review)
        assert any("a presumption of denial is assumed" in s for s in r["next_steps"])
        assert not any("case-by-case" in s for s in r["next_steps"])


@pytest.mark.parametrize("item, outcome, partial", [
    pytest.param("1A004", "CASE_BY_CASE", True, id="1A004-paragraph-untold"),
    pytest.param("1A004.c", "CASE_BY_CASE", False, id="1A004.c-named"),
    pytest.param("1A004.a", "PRESUMPTION_OF_DENIAL", False, id="1A004.a-all-other"),
])
def test_hikvision_policy_needs_the_paragraph_it_names(item, outcome, partial):
    """rules.md §7.1, Hikvision: "Case-by-case review for ECCNs 1A004.c, 1A004.d, ...; presumption of
    denial for all other items" (us-entity-examples.csv row 15). An item given as "1A004" may be
    1A004.c (case-by-case) or 1A004.a (presumption of denial): the policy stays mixed
    (CASE-BY-CASE, partial: rules.md §8.2 "item-dependent (mixed) entries when the item is unknown")
    until the paragraph is known. Rule level: no CSL file at hand carries this policy."""
    from .factory import hikvision, hit, run

    det = run([hit(hikvision())], context={"subject_to_ear": True, "item": item})
    el = [f for f in det.findings if f.rule == "US-EL"][0]
    assert (el.outcome, el.partial) == (outcome, partial)


# ------------------------------------------------ the listing date: an entry's first Federal Register notice

@pytest.mark.parametrize("on, expected", [
    pytest.param("2019-05-01", "CLEAR", id="before-the-listing"),
    pytest.param("2019-06-01", "PRESUMPTION_OF_DENIAL", id="after-the-listing"),
])
def test_entity_list_listing_starts_on_its_federal_register_date(csl_screener, on, expected):
    """rules.md §8.4: "US-EL-<entry> | FR date per entry"; us-entity-examples.csv: Huawei
    Technologies Co., Ltd., "BIS Entity List,2019-05-16". The CSL gives the Entity List no
    start date; the citation "84 FR 22963, 5/21/19" dates it. Before session 24 a screening as
    of 2019-05-01 found Huawei listed (helper-76's review)."""
    r = screen(csl_screener, "Huawei Technologies Co., Ltd.", on=on, context=EAR)
    own = [f for f in fired(r, "US-EL") if f["party"] == "Huawei Technologies Co., Ltd."]
    assert own and {f["outcome"] for f in own} == {expected}


# ------------------------------------------------ reported, not listed: CXMT

@pytest.mark.parametrize("name", ["ChangXin Memory Technologies", "CXMT", "长鑫存储技术有限公司"])
def test_cxmt_is_a_review_item_not_a_denial(csl_screener, name):
    """us-entity-examples.csv, ChangXin Memory Technologies (CXMT): "Do NOT treat as listed
    unless the live CSL shows it; a screening hit on 'CXMT' should be REVIEW, not DENY."
    rules.md §8.2 REVIEW: "CXMT-type 'reported but unconfirmed'". It came out CLEAR before
    session 24 (helper-76's review)."""
    r = screen(csl_screener, name, context=EAR)
    assert outcomes(r, "US-EL-REPORTED") == {"REVIEW"}
    assert not fired(r, "US-EL")
    assert r["outcome"] == "REVIEW"


def test_cxmt_needs_an_item_subject_to_the_ear(csl_screener):
    """rules.md §8.3: "US rules apply only if the item is subject to the EAR (or the FDP footnote
    applies)." A listed party gets no US-EL finding then; a reported one gets none either
    (helper-78's review: it stayed REVIEW)."""
    r = screen(csl_screener, "CXMT", context={"subject_to_ear": False})
    assert "REVIEW" not in outcomes(r, "US-EL-REPORTED")
    assert r["outcome"] == "CLEAR"
