"""``screening history`` and ``screening reviews``: thin commands over the same services."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from screening.cli import cli
from screening.service.audit import AuditLog, record_screenings
from tests.service.desk_fixtures import answer, seed


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_history_search_csv_and_open(store):
    (ref,) = record_screenings(AuditLog(store), "sam", via="api", results=[answer()])
    record_screenings(AuditLog(store), "tom", via="ui", results=[answer("Siemens AG",
                                                                         outcome="CLEAR")])
    table = list(csv.DictReader(io.StringIO(run("history", "--name", "skydio", "--csv"))))
    assert [(r["name"], r["user"], r["via"], r["audit_ref"]) for r in table] == [
        ("Skydio Inc.", "sam", "api", ref)]
    found = json.loads(run("history", "--outcome", "clear", "--json"))
    assert [r["name"] for r in found["items"]] == ["Siemens AG"]
    assert json.loads(run("history", "--ref", ref))["result"]["outcome"] == "REVIEW"


def test_reviews_list_and_decide_with_four_eyes(store, monkeypatch):
    seed(store)
    record_screenings(AuditLog(store), "sam", via="cli", results=[answer()])
    (item,) = json.loads(run("reviews", "list", "--json"))["items"]
    monkeypatch.setattr("screening.cli_desk.cli_user", lambda: "rita")
    assert "pending" in run("reviews", "decide", str(item["id"]), "--decision", "false_positive",
                            "--reason", "not them")
    again = CliRunner().invoke(cli, ["reviews", "decide", str(item["id"]), "--decision",
                                     "false_positive", "--reason", "still not them"])
    assert again.exit_code == 1 and "four eyes" in again.output
    monkeypatch.setattr("screening.cli_desk.cli_user", lambda: "ada")
    assert "closed" in run("reviews", "decide", str(item["id"]), "--decision", "false_positive",
                           "--reason", "agreed")
    assert json.loads(run("reviews", "list", "--json", "--status", "closed"))["count"] == 1


def test_the_commands_run_under_python_dash_m(db_path):
    """cli.py registers them at its end: `python -m screening.cli` must not import it twice."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "screening.cli", "reviews", "list", "--json",
                          "--db", str(db_path)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["count"] == 0
