"""`screening screen --resume` after the process was killed mid-run (SIGKILL, no cleanup)."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from screening.bulk.state import state_path

AS_OF = "2026-11-22"
#: Rows in the file: enough for a run of several seconds, so the kill lands mid-run.
ROWS = 12_000
#: Kill once the state file says at least this many rows are done.
KILL_AFTER = 2_000


def make_input(path: Path) -> Path:
    with open(path, "w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow(["客户编号", "客户名称", "国家"])
        for i in range(ROWS):
            name = (f"北京华科{i}电子有限公司" if i % 3 == 0 else
                    "Lockheed Martin Corporation" if i % 97 == 0 else
                    f"Shenzhen Xinda {i} Trading Co Ltd")
            w.writerow([i, name, "CN" if i % 2 else "US"])
    return path


def screen_cmd(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "screening.cli", "screen", str(src), "-o", str(out),
            "--as-of", AS_OF, "--json", *extra]


def rows_done(out: Path) -> int:
    try:
        return json.loads(state_path(out).read_text())["rows_done"]
    except (OSError, ValueError, KeyError):
        return 0


def run_and_kill(cmd: list[str], env: dict, out: Path, after_rows: int) -> int:
    """Start ``cmd``; SIGKILL it and its workers once ``after_rows`` rows are done.
    Returns the rows done by then, as the resume state says."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while rows_done(out) < after_rows:
        assert proc.poll() is None, "the run finished before it could be killed"
        assert time.monotonic() < deadline, "no progress within 120 s"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, no cleanup
    proc.wait()
    return rows_done(out)


@pytest.mark.slow
def test_resume_after_kill_gives_the_uninterrupted_file(tmp_path, real_db):
    env = {**os.environ, "SCREENING_DB": str(real_db),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    src = make_input(tmp_path / "customers.csv")
    full, part = tmp_path / "full.csv", tmp_path / "part.csv"

    subprocess.run(screen_cmd(src, full), env=env, check=True, capture_output=True)

    done = run_and_kill(screen_cmd(src, part), env, part, KILL_AFTER)
    assert KILL_AFTER <= done < ROWS

    res = subprocess.run(screen_cmd(src, part, "--resume"), env=env, check=True,
                         capture_output=True, text=True)
    summary = json.loads(res.stdout)
    assert summary["resumed_rows"] == done
    assert summary["rows"] == ROWS
    assert summary["screened"] < ROWS - done + 1  # finished rows were not screened again
    assert part.read_bytes() == full.read_bytes()
    assert not state_path(part).exists()


def test_resume_refuses_a_different_date(tmp_path, real_db):
    env = {**os.environ, "SCREENING_DB": str(real_db),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    src = tmp_path / "c.csv"
    src.write_text("name\nAcme\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    state_path(out).write_text(json.dumps({
        "input_sha256": "0" * 64, "options": {}, "rows_done": 1, "output_offset": 10,
        "outcomes": {}, "errors": 0, "screened": 1, "format": 1}))
    out.write_text("name,outcome\n")
    res = subprocess.run(screen_cmd(src, out, "--resume"), env=env, capture_output=True,
                         text=True)
    assert res.returncode == 2
    assert res.stderr.strip() == ("error: the input file changed since the interrupted run; "
                                  "run again without --resume")
