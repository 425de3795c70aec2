"""Faults around the service: a read-only database, a write lock held by another process,
kill -9 in the middle of an audit flush. Each must end in a clear error (503 with
Retry-After, one CLI line), never a traceback, a hang or an answer without its record."""

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
from click.testing import CliRunner

from screening import settings
from screening.service.audit import AuditLog, Event
from screening.cli import cli
from screening.lists.store import open_store
from tests.web.conftest import api_key, cheap_password_hashes, fake_app  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]


def read_only(monkeypatch) -> None:
    """Open every new SQLite connection read-only, as on a read-only file or mount.

    (chmod cannot make a file read-only for root, who runs CI.)
    """
    real = sqlite3.connect

    def connect(path, *args, **kw):
        if str(path) == ":memory:" or str(path).startswith("file:"):
            return real(path, *args, **kw)
        return real(f"file:{path}?mode=ro", *args, uri=True, **kw)

    monkeypatch.setattr(sqlite3, "connect", connect)


@pytest.fixture
def api(fake_app):  # noqa: F811
    client = fake_app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {api_key(fake_app, 'reviewer')}"
    return client


DECISION = {"name": "Skydio Inc.", "entry_id": "cn-uel:skydio", "decision": "false_positive",
            "reason": "different company, checked the registry"}


# ------------------------------------------------------------ read-only database
def test_read_only_database_screening_is_503_and_health_says_why(fake_app, api,  # noqa: F811
                                                                 monkeypatch):
    read_only(monkeypatch)
    resp = api.post("/api/v1/screen", json={"name": "Skydio Inc."})
    assert resp.status_code == 503, resp.get_data(as_text=True)
    assert resp.headers["Retry-After"] and "audit log cannot be written" in resp.json["error"]
    health = fake_app.test_client().get("/api/v1/health")
    assert health.status_code == 503 and health.json["status"] == "degraded"
    assert "readonly" in health.json["audit"]["error"]
    monkeypatch.undo()  # the database is writable again: the service recovers by itself
    writer = fake_app.extensions["screening"].audit_writer
    assert writer.flush(timeout=15)
    resp = api.post("/api/v1/screen", json={"name": "Skydio Inc."})
    assert resp.status_code == 200
    assert fake_app.test_client().get("/api/v1/health").json["status"] == "ok"
    assert AuditLog(fake_app.extensions["screening"].store).verify().ok


@pytest.mark.parametrize("args", [["lists", "status"], ["check", "Skydio"],
                                  ["users", "add", "zed", "--password", "long password 1"]])
def test_read_only_database_cli_says_so_in_one_line(db_path, monkeypatch, args):
    open_store(db_path).db.conn.close()  # exists, migrated, no lists yet
    read_only(monkeypatch)
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert res.output.strip().splitlines()[-1].startswith("error: the database is read-only")


def test_read_only_database_serve_says_so_in_one_line(db_path, monkeypatch):
    open_store(db_path).db.conn.close()
    read_only(monkeypatch)
    monkeypatch.setenv("SCREENING_ADMIN_PASSWORD", "admin password 123")
    res = CliRunner().invoke(cli, ["serve", "--port", "1"])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.output
    assert res.output.strip().splitlines()[-1].startswith("error: the database is read-only")


# ------------------------------------------------------------------ held write lock
@pytest.fixture
def held_lock(fake_app):  # noqa: F811
    """Another process's write transaction on the database (a list update, a backup...)."""
    conn = sqlite3.connect(fake_app.config["DB_PATH"], timeout=1)
    conn.execute("BEGIN IMMEDIATE")
    yield conn
    conn.rollback()
    conn.close()


def test_decision_during_a_held_lock_is_a_quick_503(fake_app, api, held_lock,  # noqa: F811
                                                    monkeypatch):
    monkeypatch.setattr(settings, "WRITE_WAIT_S", 0.3)
    start = time.monotonic()
    resp = api.post("/api/v1/decisions", json=DECISION)
    assert resp.status_code == 503, resp.get_data(as_text=True)
    assert time.monotonic() - start < 5
    assert int(resp.headers["Retry-After"]) > 0 and "busy" in resp.json["error"]


def test_sign_in_during_a_held_lock_is_a_quick_503_page(fake_app, held_lock,  # noqa: F811
                                                         monkeypatch):
    from tests.web.conftest import PASSWORDS, csrf_of

    monkeypatch.setattr(settings, "WRITE_WAIT_S", 0.3)
    client = fake_app.test_client()
    token = csrf_of(client.get("/login").get_data(as_text=True))
    start = time.monotonic()
    resp = client.post("/login", data={"username": "sam", "password": PASSWORDS["sam"],
                                       "csrf_token": token})
    assert resp.status_code == 503 and time.monotonic() - start < 5
    assert resp.headers["Retry-After"] and "busy" in resp.get_data(as_text=True)


def test_screening_during_a_held_lock_is_answered_and_audited(fake_app, api,  # noqa: F811
                                                               held_lock):
    """A list update holds the write lock: screenings are still answered at once, their
    records fsync'ed to the journal, and in the log once the lock is released."""
    start = time.monotonic()
    resp = api.post("/api/v1/screen", json={"name": "Skydio Inc."})
    assert resp.status_code == 200 and time.monotonic() - start < 5
    health = fake_app.test_client().get("/api/v1/health").json
    assert health["status"] == "ok" and health["audit"]["journaled"] == 1
    held_lock.rollback()
    assert fake_app.extensions["screening"].audit_writer.flush(timeout=20)
    log = AuditLog(fake_app.extensions["screening"].store)
    assert [json.loads(r["detail"])["ref"] for r in log.records()] == [
        resp.headers["X-Audit-Ref"]]
    assert log.verify().ok


# ------------------------------------------------------------- kill -9 in a flush
WRITER = """
import sys
from screening.service.audit import AuditLog, Event
from screening.lists.store import open_store
log = AuditLog(open_store(sys.argv[1]))
print("ready", flush=True)
while True:
    log.append_many(Event("screen", "api", subject=f"party {i}") for i in range(2000))
"""


@pytest.mark.slow
def test_kill_9_during_audit_flushes_never_breaks_the_chain(db_path):
    """Kill a process in the middle of writing audit batches, three times; the chain holds."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCREENING_DB": str(db_path)}
    for delay in (0.3, 0.7, 1.1):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path)], env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        log = AuditLog(open_store(db_path))
        report = log.verify()
        assert report.ok, report.message
        assert report.records % 2000 == 0  # whole batches or nothing
    log.append(Event("screen", "api", subject="after the kills"))
    assert log.verify().ok
    assert json.loads(list(log.records())[-1]["detail"])["ref"]
