"""The scheduled-job wrappers: scripts/screen_folder.py and scripts/refresh_and_rescreen.py."""

from __future__ import annotations

import csv
import importlib.util
import os
import sqlite3
import time
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


def load(name: str):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


screen_folder = load("screen_folder")
refresh = load("refresh_and_rescreen")


@pytest.fixture
def own_db(real_db, tmp_path) -> Path:
    """A copy of the session database this test may change (lists get updated)."""
    dest = tmp_path / "own.db"
    src, dst = sqlite3.connect(real_db), sqlite3.connect(dest)
    src.backup(dst)
    src.close()
    dst.close()
    return dest


def outcomes(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [r["outcome"] for r in csv.DictReader(f)]


def test_pending_skips_done_settling_and_foreign_files(tmp_path):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    outbox.mkdir()
    old = time.time() - 60
    for name in ("a.csv", "b.xlsx", "c.csv", "notes.pdf", "~$b.xlsx", "d.screened.csv"):
        (inbox / name).write_text("name\nAcme\n")
        os.utime(inbox / name, (old, old))
    (outbox / "a.screened.csv").write_text("done")  # newer than a.csv: done
    (outbox / "c.screened.csv").write_text("partial")
    (outbox / "c.screened.csv.screening-state.json").write_text("{}")  # interrupted: resume
    (inbox / "e.csv").write_text("name\nstill arriving\n")
    assert [p.name for p in screen_folder.pending(inbox, outbox)] == ["b.xlsx", "c.csv"]
    assert screen_folder.output_for(inbox / "客户.xlsx", outbox) == outbox / "客户.screened.xlsx"


def test_screen_folder_one_pass(tmp_path, real_db):
    inbox, outbox = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    (inbox / "good.csv").write_text("客户名称\nLockheed Martin Corporation\nAcme Trading GmbH\n",
                                    encoding="gb18030")
    (inbox / "bad.csv").write_text("Kunde\nAcme\n", encoding="utf-8")
    rc = screen_folder.main([str(inbox), str(outbox), "--settle", "0", "--db", str(real_db),
                             "--as-of", "2026-11-22", "--workers", "1"])
    assert rc == 1  # one file failed
    assert outcomes(outbox / "good.screened.csv")[1] == "CLEAR"
    assert "--name-col" in (outbox / "bad.csv.error.txt").read_text()
    assert screen_folder.pending(inbox, outbox, settle=0) == [inbox / "bad.csv"]


def test_refresh_rescreens_only_when_something_changed(tmp_path, own_db, capsys):
    src = tmp_path / "customers.csv"
    src.write_text("name,country\nLockheed Martin Corporation,US\nAcme Trading GmbH,DE\n")
    out = tmp_path / "screened.csv"
    args = [str(src), "-o", str(out), "--db", str(own_db), "--no-update", "--workers", "1",
            "--as-of", "2026-11-22"]
    assert refresh.main(args) == 0
    assert "first screening of this file" in capsys.readouterr().out
    assert refresh.marker_path(out).exists()
    assert refresh.main(args) == 0
    assert "nothing to do" in capsys.readouterr().out

    own = tmp_path / "deny.csv"  # a company's own list naming the second customer
    own.write_text("name,country\nAcme Trading GmbH,DE\n")
    changes = tmp_path / "changed.csv"
    rc = refresh.main([str(src), "-o", str(out), "--db", str(own_db), "--workers", "1",
                       "--as-of", "2026-11-22", "--update", f"my-deny-list={own}",
                       "--changes", str(changes)])
    text = capsys.readouterr().out
    assert rc == 0, text
    assert "1 rows changed outcome" in text
    assert outcomes(out)[1] != "CLEAR"
    with open(changes, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["row", "previous_outcome", "outcome", "cells"]
    assert rows[1][:2] == ["2", "CLEAR"]


def test_failed_update_is_reported_and_previous_lists_kept(tmp_path, own_db, capsys):
    src = tmp_path / "c.csv"
    src.write_text("name\nAcme\n")
    rc = refresh.main([str(src), "-o", str(tmp_path / "o.csv"), "--db", str(own_db),
                       "--workers", "1", "--update", f"us-csl={tmp_path / 'missing.csv'}"])
    assert rc == 1
    assert "us-csl: update failed:" in capsys.readouterr().out
    assert (tmp_path / "o.csv").exists()

