"""Fault tests: kill -9 in the middle of a list update and of a bulk run.

A list update killed at any point leaves the database intact and either the
previous lists or the complete new ones in force, never a mix. A bulk run of a
hostile file killed mid-way and resumed gives the file an uninterrupted run
gives, with every row accounted for.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.bulk.test_resume_after_kill import run_and_kill
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]
#: Fractions of a full update's duration at which the update is killed.
KILL_AT = (0.2, 0.5, 0.75, 0.95)


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "screening.cli", *args]


def env_for(db: Path, **extra: str) -> dict:
    # No background `lists index` after an update: it would load the project lists
    # into these databases at moments of its own, and outlive the kill (its own session).
    return {**os.environ, "SCREENING_DB": str(db), "PYTHONPATH": str(ROOT),
            "SCREENING_INDEX_SNAPSHOT": "0", **extra}


def copy_db(src: Path, dst: Path) -> None:
    """A consistent copy of ``src`` with what its WAL holds (``shutil.copy`` takes the main file only)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def lists_in_force(db: Path) -> dict[str, tuple[int, int]]:
    """``{list id: (version seq, entries)}`` straight from SQLite, plus an integrity check."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        rows = conn.execute(
            "select l.id, v.seq, v.count, (select count(*) from entries e where e.version_id = v.id)"
            " from lists l join list_versions v on v.id = l.current_version").fetchall()
    finally:
        conn.close()
    for list_id, _, count, stored in rows:
        assert count == stored, f"{list_id}: version says {count} entries, {stored} stored"
    return {r[0]: (r[1], r[2]) for r in rows}


@pytest.mark.shared
@pytest.mark.slow
def test_kill_9_during_lists_update_keeps_previous_lists(tmp_path):
    watchman = shared_path("data", "watchman", "csl.csv")
    csl_2026 = shared_path("data", "derived", "csl-2026.csv")
    base = tmp_path / "base.db"
    subprocess.run(cli("lists", "update", "us-csl", "--file", str(watchman),
                       "--accept-cut-last-row"), env=env_for(base), check=True,
                   capture_output=True)
    before = lists_in_force(base)
    assert before["us-sdn"][1] == 1737

    # the complete update, timed, gives the "after" state
    done = tmp_path / "done.db"
    copy_db(base, done)
    t0 = time.monotonic()
    subprocess.run(cli("lists", "update", "us-csl", "--file", str(csl_2026)),
                   env=env_for(done), check=True, capture_output=True)
    full = time.monotonic() - t0
    after = lists_in_force(done)
    assert after["us-sdn"][1] == 19249

    outcomes = []
    for i, frac in enumerate(KILL_AT):
        db = tmp_path / f"kill{i}.db"
        copy_db(base, db)
        proc = subprocess.Popen(cli("lists", "update", "us-csl", "--file", str(csl_2026)),
                                env=env_for(db), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(full * frac)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        state = lists_in_force(db)  # opens the WAL left behind: recovery happens here
        assert state in (before, after), f"killed at {frac:.0%}: a mix of versions {state}"
        outcomes.append("before" if state == before else "after")
    assert "before" in outcomes, outcomes  # at least one kill landed before the commit
    # the next update runs normally on a database recovered from a kill
    res = subprocess.run(cli("lists", "update", "us-csl", "--file", str(csl_2026)),
                         env=env_for(tmp_path / "kill0.db"), capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert {k: v[1] for k, v in lists_in_force(tmp_path / "kill0.db").items()} == \
        {k: v[1] for k, v in after.items()}


# ------------------------------------------------------------------------- bulk
ROWS = 9_000


def hostile_input(path: Path) -> tuple[Path, int]:
    """A CSV with a stray quote, a multi-line address, short rows and bad bytes
    spread through it; returns (path, data rows as the reader counts them)."""
    lines = ["id,name,country,address"]
    rows = 0
    for i in range(ROWS):
        if i % 1000 == 17:
            lines.append(f'{i},"Stray quote {i},US,Main Street')  # never closed
        elif i % 1000 == 400:
            lines.append(f'{i},Skydio Inc.,US,"3000 Clearview Way\nSan Mateo, CA"')  # two lines
        elif i % 1000 == 600:
            lines.append(f"{i},short row")
        else:
            lines.append(f"{i},Customer {i} Trading Co,{'CN' if i % 2 else 'US'},Road {i}")
        rows += 1
    data = ("\n".join(lines) + "\n").encode("utf-8")
    data = data.replace(b"Customer 4242 Trading", b"Customer \xff\xfe Trading")
    path.write_bytes(data)
    return path, rows


@pytest.fixture(scope="module")
def china_db(tmp_path_factory):
    from screening.service.screen import open_screener

    path = tmp_path_factory.mktemp("faults") / "screening.db"
    open_screener(str(path))
    return path


@pytest.mark.slow
def test_kill_9_during_bulk_run_then_resume_accounts_for_every_row(tmp_path, china_db):
    src, n_rows = hostile_input(tmp_path / "hostile.csv")
    full, part = tmp_path / "full.csv", tmp_path / "part.csv"
    args = ("--as-of", "2026-11-22", "--json", "--workers", "2")
    env = env_for(china_db)
    res = subprocess.run(cli("screen", str(src), "-o", str(full), *args), env=env,
                         capture_output=True, text=True, check=True)
    whole = json.loads(res.stdout)
    assert whole["accounted"] and whole["rows_read"] == n_rows
    assert whole["errors"] == 9 * 2 + 1  # a stray quote and a short row per 1000; bad bytes

    done = run_and_kill(cli("screen", str(src), "-o", str(part), *args), env, part, 2_000)
    assert 2_000 <= done < n_rows

    res = subprocess.run(cli("screen", str(src), "-o", str(part), "--resume", *args),
                         env=env, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["resumed_rows"] == done
    assert summary["accounted"], summary
    assert (summary["rows_read"], summary["rows"]) == (n_rows, n_rows)
    assert (summary["errors"], summary["outcomes"]) == (whole["errors"], whole["outcomes"])
    assert part.read_bytes() == full.read_bytes()
