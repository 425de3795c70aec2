"""Issue 12, outcome defects 1, 5, 6, 7 and 9: each test cites the rules.md
sentence or china-lists.csv row it is derived from, and uses the project's own
list files where the defect was in the data (lists/)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from screening.importers.project_yaml import parse_dir
from screening.triggers import is_military_user

from .factory import entry, ev, finding, hit, rules_fired, run

LISTS_DIR = Path(__file__).resolve().parents[2] / "lists"


@lru_cache(maxsize=1)
def _project_entries() -> dict:
    return {e.id: e for e in parse_dir(LISTS_DIR)}


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
