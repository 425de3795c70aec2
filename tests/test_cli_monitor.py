"""Issue 16's monitoring example, run as written by a user on a fresh database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, db: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "SCREENING_DB": str(db), "PYTHONPATH": str(ROOT),
           "SCREENING_INDEX_SNAPSHOT": "0"}
    env.pop("SCREENING_WEBHOOK_URL", None)
    return subprocess.run([sys.executable, "-m", "screening.cli", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def ok(res: subprocess.CompletedProcess) -> str:
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_the_issue_example_raises_one_alert_for_npu_and_none_for_siemens(tmp_path):
    """The CSL extract ends in a cut-off row: its update is refused unless the user says
    the file is known to be cut (--accept-cut-last-row, which names the dropped row)."""
    csl = shared_path("data", "watchman", "csl.csv")
    db = tmp_path / "fresh.db"
    ok(run("lists", "update", "project", db=db))
    ok(run("counterparties", "add", "Northwestern Polytechnical University", "--ref", "CRM-1", db=db))
    ok(run("counterparties", "add", "Siemens AG", "--ref", "CRM-2", db=db))
    refused = run("lists", "update", "us-csl", "--file", str(csl), db=db)
    assert refused.returncode != 0 and "--accept-cut-last-row" in refused.stderr
    out = ok(run("lists", "update", "us-csl", "--file", str(csl), "--accept-cut-last-row", db=db))
    assert "dropped the cut-off last row" in out and "1 alert(s)" in out  # rescreened at once
    assert "0 of 2 counterparties re-screened" in ok(run("counterparties", "rescreen", db=db))
    alerts = json.loads(ok(run("alerts", "list", "--json", db=db)))["alerts"]
    assert [(a["name"], a["ref"], a["old_outcome"], a["new_outcome"]) for a in alerts] == [
        ("Northwestern Polytechnical University", "CRM-1", "CLEAR", "PRESUMPTION_OF_DENIAL")]
    assert {f["rule"] for f in alerts[0]["added"]} == {"US-EL"}
    listed = json.loads(ok(run("counterparties", "list", "--json", db=db)))["counterparties"]
    assert {c["name"]: c["outcome"] for c in listed} == {
        "Northwestern Polytechnical University": "PRESUMPTION_OF_DENIAL", "Siemens AG": "CLEAR"}
    assert all(c["checked_versions"]["us-el"] == 1 for c in listed)


def test_no_rescreen_leaves_it_to_the_command_and_remove_stops_monitoring(tmp_path):
    deny = tmp_path / "deny.csv"
    deny.write_text("name,id\nZephyrine Quantum Widgetry Limited,Z1\n", encoding="utf-8")
    db = tmp_path / "fresh.db"
    ok(run("counterparties", "add", "Zephyrine Quantum Widgetry Ltd", "--ref", "CRM-2", db=db))
    out = ok(run("lists", "update", "acme-deny", "--file", str(deny), "--no-rescreen", db=db))
    assert "re-screened" not in out
    assert "1 of 1 counterparties re-screened" in ok(run("counterparties", "rescreen", db=db))
    assert "CLEAR -> " in ok(run("alerts", "list", db=db))
    assert "no longer monitored" in ok(run("counterparties", "remove", "CRM-2", db=db))
    assert "Zephyrine" not in ok(run("counterparties", "list", db=db))
    assert "Zephyrine" in ok(run("counterparties", "list", "--all", db=db))


def test_import_reports_bad_rows_and_exits_one(tmp_path):
    src = tmp_path / "crm.csv"
    src.write_text("Customer Name,Country,CRM ID\nTechInsights Inc.,CA,A-1\n,CN,A-2\n"
                   "Amber Valley Widgets,DE,A-3\n", encoding="utf-8")
    res = run("counterparties", "import", str(src), "--json", db=tmp_path / "s.db")
    assert res.returncode == 1
    report = json.loads(res.stdout)
    assert report["rows"] == 3 and report["monitored"] == 2
    assert report["not_monitored"] == [{"line": 3, "error": "name is empty"}]
    assert sum(report["outcomes"].values()) == 2 and report["outcomes"].get("CLEAR") == 1
