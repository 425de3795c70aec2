"""The console entry point: exit codes and output survive the fast exit (no heap teardown)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, db: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "SCREENING_DB": str(db), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "screening.cli", *args], env=env,
                          capture_output=True, text=True, timeout=120)


def test_success_prints_and_exits_zero(tmp_path):
    res = run("--version", db=tmp_path / "s.db")
    assert res.returncode == 0 and "screening, version" in res.stdout


def test_usage_error_exits_two_with_its_message(tmp_path):
    res = run("no-such-command", db=tmp_path / "s.db")
    assert res.returncode == 2 and "No such command" in res.stderr


def test_screening_error_exits_nonzero_with_one_line(tmp_path):
    res = run("check", "Huawei", "--as-of", "2026-02-30", db=tmp_path / "s.db")
    assert res.returncode not in (0, None)
    assert "2026-02-30" in res.stderr


def test_written_output_is_complete(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text('name\n"Lockheed Martin Missiles and Fire Control"\nJohn Smith\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    res = run("screen", str(src), "-o", str(out), "--as-of", "2026-11-22", db=tmp_path / "s.db")
    assert res.returncode == 0, res.stderr
    assert "2 rows screened" in res.stdout
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 3 and lines[1].startswith("Lockheed Martin Missiles and Fire Control,PROHIBITED")
