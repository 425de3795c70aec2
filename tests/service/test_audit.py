"""The hash-chained audit log: append, verify, detect tampering, export."""

from __future__ import annotations

import csv
import io
import json
import time

import pytest

from screening.service.audit import AuditLog, Event, screening_event


def filled(store, n=5) -> AuditLog:
    log = AuditLog(store)
    for i in range(n):
        log.append(Event("screen", "alice", subject=f"party {i}", outcome="CLEAR",
                         as_of="2026-11-22", assumption="literal",
                         list_versions={"cn-uel": 1}, detail={"i": i}))
    return log


def test_append_and_verify(store):
    log = filled(store)
    report = log.verify()
    assert (report.ok, report.records) == (True, 5)
    assert [r["seq"] for r in log.records()] == [1, 2, 3, 4, 5]


def test_empty_log_verifies(store):
    assert AuditLog(store).verify().ok


def test_edit_is_detected(store):
    log = filled(store)
    store.db.execute("update audit_log set outcome = 'PROHIBITED' where seq = 3")
    store.db.conn.commit()
    report = log.verify()
    assert (report.ok, report.bad_seq) == (False, 3)
    assert "altered" in report.message


def test_edit_with_rehash_breaks_the_link(store):
    from screening.service.audit import record_hash

    log = filled(store)
    rec = [r for r in log.records() if r["seq"] == 2][0]
    rec["user"] = "mallory"
    store.db.execute("update audit_log set user = ?, hash = ? where seq = 2",
                     ["mallory", record_hash(rec, log.key)])  # even with the key
    store.db.conn.commit()
    report = log.verify()
    assert (report.ok, report.bad_seq) == (False, 3)


def recompute_chain(store, key=None) -> None:
    """What an attacker with write access to the database does after an edit."""
    from screening.service.audit import GENESIS, HEAD_KEY, head_value, record_hash

    conn = store.db.conn
    prev = GENESIS
    rows = conn.execute("select * from audit_log order by seq")
    cols = [d[0] for d in rows.description]
    for row in rows.fetchall():
        rec = dict(zip(cols, row), prev_hash=prev)
        rec["hash"] = prev = record_hash(rec, key)
        conn.execute("update audit_log set prev_hash = ?, hash = ? where seq = ?",
                     [rec["prev_hash"], rec["hash"], rec["seq"]])
    conn.execute("update meta set value = ? where key = ?",
                 [head_value(rec["seq"], prev, key), HEAD_KEY])
    conn.commit()


@pytest.mark.parametrize("attacker_key", [None, b"a guessed key"])
def test_a_recomputed_chain_is_detected(store, attacker_key):
    """Edit record 50, recompute every later hash and the head marker: verify still fails."""
    log = AuditLog(store)
    log.append_many(Event("screen", "api", subject=f"party {i}") for i in range(60))
    store.db.execute("update audit_log set outcome = 'CLEAR' where seq = 50")
    recompute_chain(store, attacker_key)
    report = log.verify()
    assert not report.ok and report.bad_seq == 1, report.message


def test_the_key_lives_outside_the_database_in_a_0600_file(store, tmp_path):
    import os

    log = AuditLog(store)
    log.append(Event("screen", "api", subject="x"))
    path = tmp_path / "instance" / "audit_key"
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert path.read_text().strip().encode() == log.key
    assert next(log.records())["hash"].startswith("hmac-sha256:")


def test_a_key_file_others_can_read_is_refused(store, tmp_path):
    from screening.errors import ScreeningError

    AuditLog(store).append(Event("screen", "api", subject="x"))
    (tmp_path / "instance" / "audit_key").chmod(0o644)
    with pytest.raises(ScreeningError, match="chmod 600"):
        AuditLog(store).verify()


def test_unkeyed_records_of_an_older_version_are_sealed_then_verify(store):
    """Records written before the key (plain sha256) are verified, then re-hashed with the key."""
    old = AuditLog(store, keyed=False)
    old.append_many(Event("screen", "api", subject=f"old {i}") for i in range(3))
    assert old.verify().ok
    log = AuditLog(store)
    assert log.verify().bad_seq == 1  # not sealed yet: indistinguishable from a rewrite
    assert log.seal() == 3
    assert log.seal() == 0
    log.append(Event("screen", "api", subject="new"))
    assert log.verify().ok
    assert [r["subject"] for r in log.records()] == ["old 0", "old 1", "old 2", "new"]


def test_appending_seals_an_older_log_but_never_a_tampered_one(store):
    old = AuditLog(store, keyed=False)
    old.append_many(Event("screen", "api", subject=f"old {i}") for i in range(3))
    store.db.execute("update audit_log set subject = 'edited' where seq = 2")
    store.db.conn.commit()
    log = AuditLog(store)
    log.append(Event("screen", "api", subject="new"))  # seals nothing: the old chain is broken
    assert log.verify().bad_seq == 1


def test_deleted_record_is_detected(store):
    log = filled(store)
    store.db.execute("delete from audit_log where seq = 2")
    store.db.conn.commit()
    assert log.verify().bad_seq == 2


def test_truncated_tail_is_detected(store):
    log = filled(store)
    store.db.execute("delete from audit_log where seq = 5")
    store.db.conn.commit()
    report = log.verify()
    assert not report.ok and "removed from the end" in report.message


def test_append_many_continues_chain(store):
    log = filled(store, 2)
    seqs = log.append_many([Event("screen", "api", subject=str(i)) for i in range(1000)])
    assert seqs[0] == 3 and seqs[-1] == 1002
    assert log.verify().ok


def test_export_csv(store):
    log = filled(store, 3)
    buf = io.StringIO()
    assert log.export_csv(buf) == 3
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["subject"] for r in rows] == ["party 0", "party 1", "party 2"]
    assert rows[1]["prev_hash"] == rows[0]["hash"]
    assert rows[0]["list_versions"] == '{"cn-uel":1}'


def test_screening_event_from_result_dict():
    result = {"query": {"name": "Skydio Inc.", "country": None, "aliases": []},
              "outcome": "PROHIBITED", "as_of": "2026-11-22", "after_horizon": "literal",
              "findings": [{"rule": "CN-UEL", "outcome": "PROHIBITED", "status": "active"}],
              "hits": [{"entry_id": "cn-uel:skydio", "score": 1.0, "strength": "match"}],
              "cleared": [], "list_versions": {"cn-uel": 2}}
    ev = screening_event(result, "alice", via="ui")
    assert (ev.subject, ev.outcome, ev.assumption, ev.list_versions) == (
        "Skydio Inc.", "PROHIBITED", "literal", {"cn-uel": 2})
    assert ev.detail["query"] == {"name": "Skydio Inc."}
    assert ev.detail["findings"] == [["CN-UEL", "PROHIBITED", "active"]]


def test_concurrent_writers_form_one_chain(store):
    """Threads in this process and a forked process append at once; the chain holds."""
    import multiprocessing
    import threading

    log = AuditLog(store)

    def write(tag: str) -> None:
        for i in range(40):
            log.append(Event("screen", tag, subject=str(i)))

    child = multiprocessing.get_context("fork").Process(target=write, args=("child",))
    child.start()
    threads = [threading.Thread(target=write, args=(f"t{n}",)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    child.join()
    assert child.exitcode == 0
    report = log.verify()
    assert (report.ok, report.records) == (True, 7 * 40)


def test_writer_appends_in_background_in_order(store):
    from screening.service.audit_writer import AuditWriter

    log = AuditLog(store)
    writer = AuditWriter(log)
    refs = writer.submit(Event("screen", "api", subject=str(i)) for i in range(300))
    refs += writer.submit([Event("decision", "rita", subject="x")])
    assert writer.flush(timeout=10)
    recs = list(log.records())
    assert [r["subject"] for r in recs] == [str(i) for i in range(300)] + ["x"]
    assert [json.loads(r["detail"])["ref"] for r in recs] == refs
    assert log.verify().ok


def test_event_time_is_when_it_happened(store):
    ev = Event("screen", "api", subject="x", at="2026-11-22T10:00:00.000+00:00")
    AuditLog(store).append(ev)
    assert next(AuditLog(store).records())["at"] == "2026-11-22T10:00:00.000+00:00"


def test_writer_writes_an_unstorable_event_as_an_error_record_and_carries_on(store):
    """A record that cannot be encoded is never retried forever: it becomes an error record."""
    from screening.service.audit import ERROR_ACTION
    from screening.service.audit_writer import AuditWriter

    log = AuditLog(store)
    writer = AuditWriter(log, wait_s=5)
    writer.submit([Event("screen", "api", subject="Poison \ud800 Ltd")], wait=True)
    writer.submit([Event("screen", "api", subject="Acme")], wait=True)
    recs = list(log.records())
    assert [r["action"] for r in recs] == [ERROR_ACTION, "screen"]
    assert recs[0]["subject"] == "Poison \\ud800 Ltd"
    assert json.loads(recs[0]["detail"])["action"] == "screen"
    report = log.verify()
    assert not report.ok and "intact" not in report.message
    assert "written as audit-error records (seq 1)" in report.message


def test_writer_faults_and_refuses_while_the_database_refuses_writes(store, monkeypatch):
    """A locked / read-only database: waiting requests fail (503), health shows it, then recovery."""
    import sqlite3

    from screening.service import audit_writer
    from screening.service.audit_writer import AuditUnavailable, AuditWriter

    log = AuditLog(store)
    writer = AuditWriter(log, wait_s=5)
    monkeypatch.setattr(audit_writer, "RETRY_S", 0.05)
    real = log.append_many
    broken = [True]

    def append_many(events, busy_s=None):
        if broken[0]:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real(events, busy_s)

    monkeypatch.setattr(log, "append_many", append_many)
    with pytest.raises(AuditUnavailable) as exc:
        writer.submit([Event("screen", "api", subject="one")], wait=True)
    assert exc.value.status == 503 and exc.value.detail["retry_after"]
    assert writer.health()["ok"] is False and "readonly" in writer.health()["error"]
    with pytest.raises(AuditUnavailable):  # refused at once, nothing queued
        writer.submit([Event("screen", "api", subject="two")], wait=True)
    broken[0] = False
    assert writer.flush(timeout=5)
    assert writer.health()["ok"] is True
    assert [r["subject"] for r in log.records()] == ["one"]  # queued record written on recovery
    writer.submit([Event("screen", "api", subject="three")], wait=True)
    assert log.verify().ok


def test_a_stopping_server_journals_what_it_could_not_write(store):
    """Queued events a stopping process gives up on go to its journal; verify says so,
    and the next start (or `audit verify`) writes them."""
    from screening.service.audit_writer import AuditWriter, recover_journals

    log = AuditLog(store)
    log.append(Event("screen", "api", subject="written"))
    writer = AuditWriter(log)
    writer._queue.put((Event("screen", "api", subject="queued"), None))  # never started
    assert writer.abandon() == 1
    report = log.verify()
    assert not report.ok and "1 acknowledged record(s) are not in the log yet" in report.message
    writer._journal.close()  # the process ends: its lock on the journal goes
    assert recover_journals(log) == 1
    assert [r["subject"] for r in log.records()] == ["written", "queued"]
    assert log.verify().ok


def test_a_held_write_lock_journals_the_batch_and_answers(store, tmp_path):
    """Another process's write lock (a list update): the request is answered once its events
    are fsync'ed to the journal; they reach the log when the lock is released."""
    import sqlite3

    from screening.service.audit_writer import AuditWriter, pending_in_journals

    log = AuditLog(store)
    log.append(Event("screen", "api", subject="before"))
    other = sqlite3.connect(store.path)
    other.execute("BEGIN IMMEDIATE")
    writer = AuditWriter(log, wait_s=5)
    start = time.monotonic()
    for i in range(4):  # later requests join the journaled batch: none waits for the lock
        writer.submit([Event("screen", "api", subject=f"during the lock {i}")], wait=True)
    assert time.monotonic() - start < 4
    assert pending_in_journals(store.path) == 4 and writer.health()["ok"]
    other.rollback()
    assert writer.flush(timeout=10)
    assert pending_in_journals(store.path) == 0
    assert [r["subject"] for r in log.records()] == [
        "before", *(f"during the lock {i}" for i in range(4))]
    assert log.verify().ok


KILLED_WRITER = """
import sqlite3, sys
from screening.service.audit import AuditLog, Event
from screening.service.audit_writer import AuditWriter
from screening.lists.store import open_store
log = AuditLog(open_store(sys.argv[1]))
lock = sqlite3.connect(sys.argv[1])
lock.execute("BEGIN IMMEDIATE")  # as a list update would
AuditWriter(log, wait_s=5).submit([Event("screen", "api", subject="acknowledged")], wait=True)
print("answered", flush=True)
sys.stdin.read()
"""


def test_kill_9_after_an_acknowledged_write_loses_nothing(store):
    """The record was only in the journal when the process was killed: recovery writes it."""
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    from screening.service.audit_writer import recover_journals

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, store.path],
                            env={**os.environ, "PYTHONPATH": str(root)},
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "answered"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    log = AuditLog(store)
    assert not log.verify().ok
    assert recover_journals(log) == 1
    assert [r["subject"] for r in log.records()] == ["acknowledged"]
    assert log.verify().ok
