"""Every door audits through one function: the CLI's `check` and `screen` too (issue 15 item 2)."""

from __future__ import annotations

import csv
import getpass
import io
import json

from click.testing import CliRunner

from screening.cli import cli


def invoke(*args: str) -> str:
    res = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def exported(db_path) -> list[dict]:
    out = invoke("audit", "export", "--db", str(db_path))
    return list(csv.DictReader(io.StringIO(out)))


def test_check_then_audit_export_shows_the_screening(db_path):
    result = json.loads(invoke("check", "Skydio Inc.", "--as-of", "2026-11-22", "--json",
                               "--db", str(db_path)))
    (rec,) = exported(db_path)
    assert rec["action"] == "screen" and rec["subject"] == "Skydio Inc."
    assert rec["user"] == getpass.getuser()
    assert rec["outcome"] == result["outcome"] and rec["as_of"] == "2026-11-22"
    assert json.loads(rec["list_versions"]) == result["list_versions"]
    detail = json.loads(rec["detail"])
    assert detail["via"] == "cli"
    assert len(detail["result_sha256"]) == 64
    assert "OK" in invoke("audit", "verify", "--db", str(db_path))


def test_screen_writes_one_record_for_the_run_with_the_output_hash(tmp_path, db_path):
    src = tmp_path / "in.csv"
    src.write_text("name\nSkydio Inc.\nAcme Trading GmbH\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    invoke("screen", str(src), "-o", str(out), "--as-of", "2026-11-22", "--workers", "1",
           "--db", str(db_path))
    (rec,) = exported(db_path)
    assert rec["action"] == "bulk" and rec["subject"] == "in.csv"
    assert rec["as_of"] == "2026-11-22" and rec["assumption"] == "literal"
    detail = json.loads(rec["detail"])
    assert detail["via"] == "cli-bulk" and detail["rows"] == 2 and detail["status"] == "done"
    import hashlib

    assert detail["output_sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert json.loads(rec["list_versions"])
