"""The serve, users, apikeys and audit commands."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening.service.accounts import Accounts
from screening.service.audit import AuditLog, Event
from screening.cli import cli
from screening.lists.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_users_add(db_path):
    res = run("users", "add", "alice", "--role", "reviewer", "--password", "a long password",
              "--db", str(db_path))
    assert res.exit_code == 0, res.output
    user = Accounts(open_store(db_path)).authenticate("alice", "a long password")
    assert user.role == "reviewer"
    assert "alice" in run("users", "list", "--db", str(db_path)).output


def test_users_add_prompts_for_password(db_path):
    res = run("users", "add", "bob", "--db", str(db_path),
              input="another long password\nanother long password\n")
    assert res.exit_code == 0, res.output
    assert Accounts(open_store(db_path)).authenticate("bob", "another long password")


def test_users_add_rejects_short_password(db_path):
    res = run("users", "add", "carol", "--password", "short", "--db", str(db_path))
    assert res.exit_code == 2 and "at least 10 characters" in res.output


def test_apikeys_create_prints_key_last(db_path):
    res = run("apikeys", "create", "crm", "--role", "reviewer", "--db", str(db_path))
    assert res.exit_code == 0
    key = res.output.strip().splitlines()[-1]
    principal = Accounts(open_store(db_path)).verify_api_key(key)
    assert (principal.name, principal.role) == ("crm", "reviewer")
    assert key not in open(db_path, "rb").read().decode("latin-1")  # stored hashed only
    listing = run("apikeys", "list", "--db", str(db_path)).output
    assert "crm" in listing and key not in listing
    assert run("apikeys", "revoke", "crm", "--db", str(db_path)).exit_code == 0
    assert Accounts(open_store(db_path)).verify_api_key(key) is None


def test_audit_verify_and_tamper(db_path):
    log = AuditLog(open_store(db_path))
    for i in range(3):
        log.append(Event("screen", "alice", subject=f"p{i}", outcome="CLEAR"))
    res = run("audit", "verify", "--db", str(db_path))
    assert res.exit_code == 0 and "3 records, chain intact" in res.output
    store = open_store(db_path)
    store.db.execute("update audit_log set outcome = 'REVIEW' where seq = 2")
    store.db.conn.commit()
    res = CliRunner().invoke(cli, ["audit", "verify", "--db", str(db_path)])
    assert res.exit_code == 1
    assert "record 2 was altered" in res.output


def test_audit_export(db_path, tmp_path):
    log = AuditLog(open_store(db_path))
    log.append(Event("screen", "alice", subject="华为技术有限公司", outcome="REVIEW",
                     list_versions={"us-el": 3}))
    res = run("audit", "export", "--db", str(db_path))
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert rows[0]["subject"] == "华为技术有限公司" and rows[0]["user"] == "alice"
    out = tmp_path / "audit.csv"
    assert run("audit", "export", "-o", str(out), "--db", str(db_path)).exit_code == 0
    assert "华为技术有限公司" in out.read_text(encoding="utf-8")
    assert run("audit", "export", "--since", "2999-01-01", "--db", str(db_path)).output.count(
        "\n") == 1  # header only


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_serve(env: dict, port: int, *args: str) -> subprocess.Popen:
    """`screening serve --port PORT ARGS` in a subprocess, output captured as text."""
    return subprocess.Popen([sys.executable, "-m", "screening.cli", "serve", "--port", str(port),
                             *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def wait_healthy(port: int) -> dict | None:
    """The health document once the server answers (up to 30 s), else None."""
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health") as r:
                return json.loads(r.read())
        except OSError:
            time.sleep(0.1)
    return None


@pytest.mark.slow
def test_serve_fresh_install(tmp_path):
    """`screening serve` on an empty database: China lists loaded, first admin created once."""
    port = free_port()
    env = {**os.environ, "SCREENING_DB": str(tmp_path / "fresh.db")}
    env.pop("SCREENING_ADMIN_PASSWORD", None)
    proc = start_serve(env, port)
    try:
        health = wait_healthy(port)
        assert health and health["entries"] > 200 and health["lists"] >= 4
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login") as r:
            assert r.status == 200
    finally:
        proc.terminate()
        out = proc.communicate(timeout=10)[0]
    line = [x for x in out.splitlines() if "first account" in x][0]
    password = line.split("password ")[1].split()[0]
    assert Accounts(open_store(tmp_path / "fresh.db")).authenticate("admin", password)


@pytest.mark.slow
def test_serve_two_processes_share_the_rate_limit(tmp_path):
    """`--processes 2`: both workers answer, and a key's rate limit is shared between them."""
    db = tmp_path / "multi.db"
    key = Accounts(open_store(db)).create_api_key("crm")
    port = free_port()
    env = {**os.environ, "SCREENING_DB": str(db), "SCREENING_RATE_LIMIT": "6",
           "SCREENING_ADMIN_PASSWORD": "a long admin password"}
    proc = start_serve(env, port, "--processes", "2")
    try:
        wait_healthy(port)
        workers = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        assert len(workers) == 2
        codes = []
        for _ in range(10):  # a new connection each time: the kernel spreads them over workers
            req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/lists",
                                         headers={"Authorization": f"Bearer {key}"})
            try:
                with urllib.request.urlopen(req) as r:
                    codes.append(r.status)
            except urllib.error.HTTPError as e:
                codes.append(e.code)
        assert codes[:6] == [200] * 6 and set(codes[6:]) == {429}
    finally:
        proc.terminate()
        out = proc.communicate(timeout=20)[0]
    assert proc.returncode == 0, out
    assert out.count("serving on") == 1


@pytest.mark.slow
@pytest.mark.parametrize("processes", ["1", "2"])
def test_serve_writes_queued_audit_records_on_stop(tmp_path, processes):
    db = tmp_path / "stop.db"
    key = Accounts(open_store(db)).create_api_key("crm")
    port = free_port()
    env = {**os.environ, "SCREENING_DB": str(db), "SCREENING_ADMIN_PASSWORD": "a long admin password"}
    proc = start_serve(env, port, "--processes", processes)
    try:
        wait_healthy(port)
        body = json.dumps({"parties": [{"name": f"Customer {i}"} for i in range(200)]}).encode()
        req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/screen/batch", data=body,
                                     headers={"Authorization": f"Bearer {key}",
                                              "Content-Type": "application/json"})
        assert urllib.request.urlopen(req).status == 200
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert proc.returncode == 0, out
    log = AuditLog(open_store(db))
    assert len([r for r in log.records() if r["action"] == "screen"]) == 200
    assert log.verify().ok


def test_serve_on_a_busy_port_is_one_clear_line(db_path):
    """`scripts/serve` on a taken port: no 'serving on', no traceback, exit 1."""
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        res = CliRunner().invoke(cli, ["serve", "--port", str(port)])
    assert res.exit_code == 1, res.output
    assert res.output.strip().splitlines() == [
        f"error: port {port} on 127.0.0.1 is already in use (another server running?); "
        "stop it or choose another --port"]
