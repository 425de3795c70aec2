"""Issue 12, outcome defects 1, 5, 6, 7 and 9: each test cites the rules.md
sentence or china-lists.csv row it is derived from, and uses the project's own
list files where the defect was in the data (lists/)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import pytest

from screening.lists.importers.project_yaml import parse_dir
from screening.service.screen import ScreeningResult
from screening.rules.triggers import is_military_user

from .factory import entry, ev, finding, hit, lockheed_mfc, rel, rules_fired, run, sdn, smic

LISTS_DIR = Path(__file__).resolve().parents[2] / "lists"


@lru_cache(maxsize=1)
def _project_entries() -> dict:
    return {e.id: e for e in parse_dir(LISTS_DIR)}


@pytest.fixture(scope="module")
def real_screener_factory(tmp_path_factory):
    """A screener over a fresh database holding the project's lists."""
    from screening.service.screen import Screener, open_screener

    path = tmp_path_factory.mktemp("defects") / "screening.db"
    store = open_screener(str(path)).store
    return lambda: Screener(store)


def project(entry_id: str):
    """An entry of the project's own lists/ tree, as the importer reads it."""
    return _project_entries()[entry_id]


# --- Defect 1: semiconductor end users are not military users -------------------
# rules.md §3.1: "Semiconductors are case-by-case, not presumptively denied ... The
# US-style DENY applies only where a military or WMD end use/user is present."
# rules.md §2.3: No. 46 Art. 1 covers "US military users or military end uses".

@pytest.mark.parametrize("key", ["intel", "micron-technology", "samsung-electronics"])
def test_semiconductor_end_user_is_case_by_case_not_military(key):
    det = run([hit(project(f"cn-semiconductor-end-users:{key}"))], on="2026-12-05")
    fired = rules_fired(det)
    assert "CN-46-A1" not in fired and "CN-61-A2" not in fired
    assert fired == {"CN-61-A4": "CASE_BY_CASE"}
    assert det.outcome == "CASE_BY_CASE"


def test_no_semiconductor_category_entry_counts_as_a_military_user():
    # The category's criterion names "military_ai" as an end use (No. 61 Art. 4);
    # that fact is not the military end-user category.
    semis = [e for e in _project_entries().values() if e.list_id == "cn-semiconductor-end-users"]
    assert semis
    assert not [e.id for e in semis if is_military_user(e)]


def test_samsung_memory_end_use_with_terbium_is_case_by_case():
    # rules.md §8.5 worked example 3: a Korean memory maker building >= 256-layer NAND,
    # buying China-origin Tb: CN-18 LICENCE-REQUIRED; with No. 61 active, CASE-BY-CASE.
    det = run([hit(project("cn-semiconductor-end-users:samsung-electronics"))], on="2026-12-05",
              context={"item": "Tb", "end_use": "memory_ge_256_layers"})
    assert det.outcome == "CASE_BY_CASE"
    assert rules_fired(det)["CN-18"] == "LICENSE_REQUIRED"
    assert "CN-61-A2" not in rules_fired(det)


def test_a_military_category_entry_is_still_a_military_user():
    det = run([hit(project("cn-military-end-users:lockheed-martin-missiles-and-fire-control"))],
              on="2026-12-05")
    assert rules_fired(det)["CN-46-A1"] == "PROHIBITED"


# --- Defect 6: UEL measures are those the notices imposed on the party ----------
# china-lists.csv, PVH Group: "Listed 2025-02-04 (〔2025〕4号) ...; that notice imposes no
# specific measure (it says corresponding measures will be taken under the relevant laws)."

def test_pvh_listing_without_measures_is_review_with_the_reason():
    det = run([hit(project("cn-uel:pvh-group"))], on="2026-12-05")
    f = finding(det, "CN-UEL")
    assert det.outcome == "REVIEW" and f.outcome == "REVIEW" and f.status == "active"
    assert "imposed no specific measure" in f.reason
    assert "banned" not in f.reason
    assert f.effective_from == "2025-02-04"  # the party's listing date, not the 2020 Provisions


# china-lists.csv, Illumina: "Measure added 2025-03-04 by 〔2025〕6号: ban on exporting gene
# sequencers to China ... STOPPED (停止) from 2025-11-10 ... The local texts do not say the
# 〔2025〕4号 listing itself was revoked."

def test_illumina_listing_stands_after_its_measure_stopped():
    f = finding(run([hit(project("cn-uel:illumina"))], on="2026-12-05"), "CN-UEL")
    assert f.status == "active" and f.outcome == "REVIEW"
    assert "No longer in force" not in f.reason
    assert "gene sequencers" in f.reason and "stopped from 2025-11-10" in f.reason
    assert "listing (不可靠实体清单工作机制公告〔2025〕4号) stands" in f.reason
    assert f.effective_from == "2025-02-04"


def test_illumina_measure_in_force_between_the_notices():
    f = finding(run([hit(project("cn-uel:illumina"))], on="2025-06-01"), "CN-UEL")
    assert f.status == "active" and "may not export gene sequencers to China" in f.reason
    assert f.outcome == "REVIEW"  # a ban on its own exports to China does not bar selling to it


# china-lists.csv, Skydio: "Measures (〔2025〕7号): ban on China-related import/export; ban on
# new investment in China." rules.md §8.5: under `literal` the UEL ban is back, PROHIBITED.

def test_skydio_finding_names_its_own_measures_and_listing_date():
    f = finding(run([hit(project("cn-uel:skydio"))], on="2026-12-05"), "CN-UEL")
    assert f.outcome == "PROHIBITED"
    assert "banned from China-related import and export" in f.reason
    assert "banned from new investment in China" in f.reason
    assert f.effective_from == "2025-04-04"


def test_techinsights_measures_include_the_domestic_transaction_ban():
    # china-lists.csv, TechInsights (〔2025〕10号): Chinese parties may not transact or cooperate.
    f = finding(run([hit(project("cn-uel:techinsights"))], on="2026-12-05"), "CN-UEL")
    assert f.outcome == "PROHIBITED"
    assert "may not transact or cooperate" in f.reason


# --- Defect 7: dates said once, and said of the right thing ---------------------
# rules.md §2.3: No. 46 Art. 1 / the Control List measures are not suspended; §6: the
# Control List Ann. 21 batch is "suspended one year from 2025-11-10". rules.md §8.4:
# under `literal` a suspension ends on its last day.

def test_a_never_suspended_rule_says_it_was_the_listing_that_was_suspended():
    f = finding(run([hit(project("cn-control:cubic"))], on="2026-12-05",
                    context={"item": "Ga"}), "CN-ECL")
    assert f.outcome == "PROHIBITED"
    assert "in force again after the listing's suspension ended on 2026-11-10" in f.reason
    assert "rule's suspension" not in f.reason


def test_skydio_removed_control_list_card_has_one_consistent_status():
    # china-lists.csv, Skydio (Control List, 〔2025〕13号): "lifted/stopped ... effective ~2025-11-10".
    det = run([hit(project("cn-control:skydio"))], on="2026-12-05")
    for f in det.findings:
        assert f.status == "removed" and f.outcome == "CLEAR"
        assert "No longer in force" in f.reason
        assert "in force again" not in f"{f.reason} {f.assumption or ''}"


def test_a_suspension_that_stands_on_its_own_is_not_called_an_extension():
    # A listing suspended past the day rests on no after-horizon assumption, even when the
    # rule (No. 61 Art. 2) is in force only by the `literal` reading.
    watch = entry("cn-watch", "Acme Watch KK", countries=["JP"], history=[
        ev("2026-02-24", "listed"), ev("2026-06-01", "suspended", until="2027-06-30")])
    f = finding(run([hit(watch)], on="2026-12-05", context={"item": "Tb"}), "CN-61-A2")
    assert f.outcome == "REVIEW" and f.status == "suspended"
    assert f.reason.startswith("Suspended until 2027-06-30")
    assert "extended" not in f.reason and not f.past_horizon


# --- Defect 9: words that mislead ------------------------------------------------

def result(det, name="Acme"):
    """The rendered result dict of a determination (what the CLI, API and UI show)."""
    return ScreeningResult(query={"name": name}, hits=[], determination=det).to_dict()


def no_policy_el(name="Beijing Acme Institute", key="acme"):
    return entry("us-el", name, id=f"us-el:{key}", countries=["CN"], listed_on="2020-06-05",
                 citation="85 FR 34495")


def test_license_required_for_an_entity_list_party_is_not_no_adverse_finding():
    # rules.md §7.1: "A licence is required ... whenever the listed entity is a party ...
    # No licence exceptions except as stated in the entry." ("Presumption of approval" -> LICENCE-REQUIRED)
    approval = entry("us-el", "Beijing Acme Institute", id="us-el:acme", countries=["CN"],
                     listed_on="2020-06-05", citation="85 FR 34495", policy_text="Presumption of approval.")
    d = result(run([hit(approval)], on="2026-12-05"))
    assert d["outcome"] == "LICENSE_REQUIRED"
    assert d["summary"]["code"] == "license_required_party"
    assert "no adverse" not in d["summary"]["text"]
    assert "no licence exception" in d["summary"]["text"]


def test_license_required_for_the_item_alone_says_so():
    # rules.md §8.2 LICENCE-REQUIRED: "controlled item, no adverse party or use" (No. 18 item).
    d = result(run([], on="2026-12-05", party_keys=["name:acme"], context={"item": "Tb"}))
    assert d["outcome"] == "LICENSE_REQUIRED"
    assert d["summary"]["code"] == "license_required_item"


def test_no_message_in_any_language_says_no_adverse_finding_for_every_licence():
    from web.i18n import table

    for key, texts in table().items():
        if key.startswith("summary_licen"):
            assert "no adverse" not in texts["en"], key


def test_a_missing_review_policy_is_said_once():
    f = finding(run([hit(no_policy_el())], on="2026-12-05"), "US-EL")
    assert f.reason.count("licence review policy") == 1
    assert "(the source gives no licence review policy)" not in f.reason


def test_a_mixed_policy_is_said_once():
    # rules.md §7.1: SMIC "presumption of denial for items uniquely required ...; case-by-case for
    # all other items" (mixed, item-dependent).
    f = finding(run([hit(smic())], on="2026-12-05"), "US-EL")
    assert f.outcome == "CASE_BY_CASE" and f.partial
    assert "mixed policy: the outcome depends on the item" not in f.reason


def test_outcome_labels_spell_the_outcome_codes():
    # One spelling: the outcome code LICENSE_REQUIRED; prose says "licence".
    from screening.rules.findings import OUTCOMES
    from web.i18n import outcome_label

    assert [outcome_label(o) for o in OUTCOMES] == list(OUTCOMES)


def test_exact_match_first_then_severity_then_strength():
    # Huawei's first finding must be Huawei Technologies Co., Ltd. itself (issue 12 defect 9).
    q = "Huawei Technologies Co., Ltd."
    own = entry("us-el", q, id="us-el:huawei", countries=["CN"], listed_on="2019-05-16",
                policy_text="Presumption of denial", policy="PRESUMPTION_OF_DENIAL")
    tech = entry("us-el", "Huawei Tech Investment Limited", id="us-el:a-huawei-tech", countries=["CN"],
                 policy_text="Presumption of denial", policy="PRESUMPTION_OF_DENIAL")
    weak = entry("us-el", "Huawei Technologies R&D UK", id="us-el:b-huawei-rd", countries=["GB"],
                 policy_text="Presumption of denial", policy="PRESUMPTION_OF_DENIAL")
    hits = [replace(hit(tech, score=0.87), query_name=q), replace(hit(weak, score=0.9), query_name=q),
            replace(hit(own, score=1.0), query_name=q, matched_name="Huawei Technologies Co., Ltd")]
    det = run(hits, on="2026-12-05")
    order = [f.entry_id for f in det.findings if f.rule == "US-EL"]
    assert order == ["us-el:huawei", "us-el:b-huawei-rd", "us-el:a-huawei-tech"]
    assert det.findings[0].exact and det.to_dict()["findings"][0]["exact"] is True


def test_findings_are_not_cut_at_twenty(tmp_path):
    # Issue 12: "Huawei's first finding is 'Huawei Tech Investment Limited'" and findings were
    # capped at 20. On the project lists plus the 2026 CSL, Huawei has more than 20 hits.
    from click.testing import CliRunner

    from screening.cli import cli
    from screening.service.screen import open_screener
    from tests.conftest import shared_path

    csl, db = shared_path("data", "derived", "csl-2026.csv"), tmp_path / "screening.db"
    res = CliRunner().invoke(cli, ["lists", "update", "us-csl", "--file", str(csl), "--db", str(db)])
    assert res.exit_code == 0, res.output
    d = open_screener(str(db)).check("Huawei Technologies Co., Ltd.", as_of="2026-12-05").to_dict()
    assert len(d["hits"]) > 20 and len(d["findings"]) > 20 and "hits_truncated" not in d
    first = d["findings"][0]
    assert first["party"] == "Huawei Technologies Co., Ltd." and first["exact"] is True


def test_a_cut_is_said(real_screener_factory, monkeypatch):
    from screening import settings

    monkeypatch.setattr(settings, "MAX_HITS", 2)
    d = real_screener_factory().check("Lockheed Martin", as_of="2026-12-05").to_dict()
    assert len(d["hits"]) == 2 and d["hits_truncated"] is True
    assert any("strongest hits were kept" in n for n in d["notes"])


# --- What else a compliance officer expects of each result ----------------------

def test_next_steps_name_the_authority_and_route():
    # rules.md §7.1 (BIS licence, no licence exceptions), §7.3 (OFAC authorisation),
    # §3.2 (Control List: "in special circumstances apply to MOFCOM").
    el = entry("us-el", "Acme EL Co", id="us-el:acme", countries=["CN"],
               policy_text="Presumption of denial", policy="PRESUMPTION_OF_DENIAL")
    steps = " ".join(result(run([hit(el)], on="2026-12-05"))["next_steps"])
    assert "apply to BIS for a licence" in steps and "expect a presumption of denial" in steps
    assert "No licence exception applies to an Entity List party unless its entry says so" in steps
    sdn_steps = " ".join(result(run([hit(sdn("Acme Blocked LLC", "acme"))], on="2026-12-05",
                                    context={"us_person": True}))["next_steps"])
    assert "OFAC issues a specific licence" in sdn_steps
    cn_steps = " ".join(result(run([hit(project("cn-control:cubic"))], on="2026-12-05"))["next_steps"])
    assert "MOFCOM" in cn_steps


def test_next_steps_say_what_to_resolve():
    # rules.md §7.2 Red Flag 29: a listed owner with an unknown share must be resolved.
    owner = smic()
    det = run([], on="2026-12-05", entries=[owner], party_keys=["name:acme sub"],
              relationships=[rel(owner.id, "name:acme sub", None)], context={"subject_to_ear": True})
    steps = " ".join(result(det)["next_steps"])
    assert "Red Flag 29" in steps
    assert "To settle the answer, give" in steps


def test_findings_grouped_by_regime_and_party_all_kept():
    hits = [hit(e) for e in lockheed_mfc()] + [hit(no_policy_el("Lockheed Martin Missiles and Fire Control"))]
    d = result(run(hits, on="2026-12-05"))
    groups = d["regimes"]
    assert [g["regime"] for g in groups] == ["CN", "US"]  # most severe regime first
    assert groups[0]["outcome"] == "PROHIBITED" and groups[0]["summary"].startswith("China: PROHIBITED")
    listed = sorted(i for g in groups for p in g["parties"] for i in p["findings"])
    assert listed == list(range(len(d["findings"])))


def test_horizon_note_under_literal_after_2026_11_10():
    # rules.md "How current this is": "No source was found saying what happened on or after
    # 2026-11-10"; §2.3: No. 72 suspends No. 46 Art. 2 until 2026-11-27.
    after = result(run([hit(project("cn-uel:skydio"))], on="2026-12-05"))
    note = " ".join(after["notes"])
    assert "not confirmed by any source" in note and "2026-11-27" in note and "literal" in note
    before = result(run([hit(project("cn-uel:skydio"))], on="2026-11-01"))
    assert not any("no public source" in n for n in before["notes"])


def test_unknown_origin_says_china_origin_was_assumed_and_the_other_answer():
    # rules.md §3.2: UEL bans China-related import/export; the rule requires a China-origin item.
    d = result(run([hit(project("cn-uel:skydio"))], on="2026-12-05"))
    assert d["if_not_china_origin"] == {"outcome": "CLEAR", "rules_dropped": ["CN-UEL"]}
    assert any("China origin was assumed" in n and "CLEAR" in n for n in d["notes"])
    given = result(run([hit(project("cn-uel:skydio"))], on="2026-12-05", context={"item_origin": "CN"}))
    assert "if_not_china_origin" not in given
