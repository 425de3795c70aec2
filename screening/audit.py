"""The audit trail: every screening and every review decision, hash-chained.

Each record stores the user, the time, what was done, the outcome, the list
versions in force and the date assumption used, plus the sha256 of the previous
record. A record's own hash covers all of its fields and that previous hash, so
editing, deleting or reordering any record breaks the chain from there on, and
:meth:`AuditLog.verify` says where. The hash of the newest record is also kept
in ``meta`` (``audit_head``) so a truncated tail shows too.

Appending takes SQLite's write lock (``BEGIN IMMEDIATE``) before reading the
previous hash, so concurrent writers, threads or processes, still form one chain.
"""

from __future__ import annotations

import csv
import fcntl
import hashlib
import hmac
import json
import logging
import os
import queue
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import IO

from . import settings
from .connections import close_thread_connections, connection
from .errors import Unavailable
from .store import Store

#: ``prev_hash`` of the first record.
GENESIS = "0" * 64

#: The fields a record's hash covers, in this order.
HASHED_FIELDS = ("seq", "at", "user", "action", "subject", "outcome", "as_of", "assumption",
                 "list_versions", "detail", "prev_hash")

#: Columns of ``audit export``.
EXPORT_COLUMNS = HASHED_FIELDS + ("hash",)

#: ``meta`` key holding the newest record's hash.
HEAD_KEY = "audit_head"

#: Prefix of keyed record hashes (:func:`record_hash`).
KEYED = "hmac-sha256:"

#: ``action`` of a record written in place of one that could not be stored as it was.
ERROR_ACTION = "audit-error"


def unwritten_path(db_path: str) -> str:
    """Where a stopping process saves the audit events it could not write."""
    return db_path + ".audit-unwritten.jsonl"

#: Writers queue on these locks rather than in SQLite's busy handler, which sleeps
#: 1, 2, 5, 10... ms between retries and would add that to requests under load:
#: a thread lock within a process, an ``flock`` on ``<db>.audit-lock`` between
#: processes (``screening serve --processes``). Both wake the next writer at once.
_WRITE_LOCK = threading.Lock()
_lock_files: dict[tuple[int, str], int] = {}  # (pid, db path) -> open lock file descriptor


@contextmanager
def _writer_lock(path: str | None) -> Iterator[None]:
    """Exclusive right to append, across threads and processes."""
    with _WRITE_LOCK:
        if not path or path == ":memory:":
            yield
            return
        key = (os.getpid(), path)  # a forked child opens its own: flock is per open file
        fd = _lock_files.get(key)
        if fd is None:
            fd = _lock_files[key] = os.open(path + ".audit-lock", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _now() -> str:
    """UTC time with milliseconds (records of one second stay distinguishable)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _dump(value: object) -> str | None:
    """Canonical JSON for the structured columns (None stays None)."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def record_hash(record: dict, key: bytes | None = None) -> str:
    """The hash of a record (a row of ``audit_log``) over :data:`HASHED_FIELDS`.

    With ``key``: ``hmac-sha256:<hex>``, HMAC-SHA256 keyed with the audit key,
    which only the service holds: whoever can write to the database cannot
    recompute it. Without: the plain sha256 hex of records written before the
    chain was keyed.
    """
    payload = json.dumps([record.get(k) for k in HASHED_FIELDS], ensure_ascii=False,
                         separators=(",", ":")).encode("utf-8")
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return KEYED + hmac.new(key, payload, hashlib.sha256).hexdigest()


def head_value(seq: int, last_hash: str, key: bytes | None) -> str:
    """The ``audit_head`` marker: ``seq:hash``, plus ``#mac`` when keyed (truncation is detected)."""
    value = f"{seq}:{last_hash}"
    if key is None:
        return value
    return value + "#" + hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Event:
    """One thing to log. ``detail`` is any JSON-able dict (query, decision...)."""

    action: str  # "screen", "decision", "bulk", ...
    user: str
    subject: str | None = None  # the party name, entry id, file name
    outcome: str | None = None
    as_of: str | None = None
    assumption: str | None = None  # after-horizon assumption used
    list_versions: dict | None = None
    detail: dict | None = None
    ref: str = field(default_factory=lambda: uuid.uuid4().hex[:16])  # correlation id, in detail
    at: str = field(default_factory=lambda: _now())  # when it happened (written moments later)


def screening_event(result: dict, user: str, *, via: str, action: str = "screen") -> Event:
    """The audit event for one screening result dict (``ScreeningResult.to_dict()``)."""
    query = result.get("query") or {}
    detail = {
        "via": via,
        "query": {k: v for k, v in query.items() if v not in (None, [], {})},
        "findings": [[f.get("rule"), f.get("outcome"), f.get("status")]
                     for f in result.get("findings", [])],
        "hits": [[h.get("entry_id"), h.get("score"), h.get("strength")]
                 for h in result.get("hits", [])],
        "cleared": [[c.get("entry_id"), c.get("status", "cleared"), c.get("decision_id")]
                    for c in result.get("cleared", [])],
    }
    return Event(action=action, user=user, subject=query.get("name"),
                 outcome=result.get("outcome"), as_of=result.get("as_of"),
                 assumption=result.get("after_horizon"),
                 list_versions=result.get("list_versions"), detail=detail)


@dataclass
class VerifyReport:
    """What :meth:`AuditLog.verify` found."""

    ok: bool
    records: int
    message: str
    bad_seq: int | None = None


class AuditLog:
    """The ``audit_log`` table of one store.

    Records are keyed with :func:`screening.settings.audit_key` (``keyed=False``
    writes the plain sha256 chain of earlier versions; tests of old logs only).
    """

    def __init__(self, store: Store, *, keyed: bool = True) -> None:
        self.store = store
        self.keyed = keyed
        self._key: bytes | None = None

    @property
    def key(self) -> bytes | None:
        """The audit key (read on first use), or None for an unkeyed log."""
        if self.keyed and self._key is None:
            self._key = settings.audit_key(self.store.path)
        return self._key if self.keyed else None

    def append(self, event: Event) -> int:
        """Append one event; returns its sequence number."""
        return self.append_many([event])[0]

    def append_many(self, events: Iterable[Event]) -> list[int]:
        """Append events in one transaction (a batch of 1,000 is one commit)."""
        events = list(events)
        if not events:
            return []
        conn = connection(self.store)
        with _writer_lock(self.store.path):
            return self._append(conn, events)

    def _append(self, conn: sqlite3.Connection, events: list[Event]) -> list[int]:
        key = self.key
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute(
                "select seq, hash from audit_log order by seq desc limit 1").fetchone()
            seq, prev = (row[0], row[1]) if row else (0, GENESIS)
            if key is not None and row is not None and not prev.startswith(KEYED):
                prev = self._seal(conn, key) or prev
            out = []
            for ev in events:
                seq += 1
                rec = {"seq": seq, "at": ev.at, "user": ev.user, "action": ev.action,
                       "subject": ev.subject, "outcome": ev.outcome, "as_of": ev.as_of,
                       "assumption": ev.assumption,
                       "list_versions": _dump(ev.list_versions),
                       "detail": _dump({**(ev.detail or {}), "ref": ev.ref}),
                       "prev_hash": prev}
                rec["hash"] = prev = record_hash(rec, key)
                conn.execute(
                    f"insert into audit_log ({', '.join(EXPORT_COLUMNS)})"
                    f" values ({', '.join('?' for _ in EXPORT_COLUMNS)})",
                    [rec[k] for k in EXPORT_COLUMNS])
                out.append(seq)
            conn.execute("insert or replace into meta (key, value) values (?, ?)",
                         [HEAD_KEY, head_value(seq, prev, key)])
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        return out

    def seal(self) -> int:
        """Key the records written before the audit key (see :meth:`_seal`); returns how many."""
        key = self.key
        if key is None:
            return 0
        conn = connection(self.store)
        with _writer_lock(self.store.path):
            conn.execute("BEGIN IMMEDIATE")
            try:
                last = conn.execute(
                    "select hash from audit_log order by seq desc limit 1").fetchone()
                sealed = 0
                if last is not None and not last[0].startswith(KEYED):
                    sealed = conn.execute("select count(*) from audit_log").fetchone()[0]
                    if self._seal(conn, key) is None:
                        sealed = 0
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
        return sealed

    def _seal(self, conn: sqlite3.Connection, key: bytes) -> str | None:
        """Re-hash an unkeyed chain with the key, in the caller's transaction; the new last hash.

        The plain sha256 chain of an older version is verified first and sealed
        only when intact (a broken one is left as it is, for verify to report).
        From then on every record is keyed, so a chain recomputed without the
        key, even one rewritten to look older, fails :meth:`verify`.
        """
        cur = conn.execute("select * from audit_log order by seq")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
        prev = GENESIS
        for rec in rows:
            if rec["prev_hash"] != prev or record_hash(rec) != rec["hash"]:
                logging.getLogger(__name__).error(
                    "audit record %s predates the audit key and does not verify; "
                    "the old records are left unsealed", rec["seq"])
                return None
            prev = rec["hash"]
        prev = GENESIS
        for rec in rows:
            rec["prev_hash"] = prev
            rec["hash"] = prev = record_hash(rec, key)
            conn.execute("update audit_log set prev_hash = ?, hash = ? where seq = ?",
                         [rec["prev_hash"], rec["hash"], rec["seq"]])
        if rows:
            conn.execute("insert or replace into meta (key, value) values (?, ?)",
                         [HEAD_KEY, head_value(rows[-1]["seq"], prev, key)])
        logging.getLogger(__name__).warning("sealed %s audit records written before the "
                                            "audit key", len(rows))
        return prev

    def records(self, since: str | None = None, until: str | None = None) -> Iterator[dict]:
        """Records in order, optionally those at or after ``since`` / before ``until`` (ISO)."""
        sql, params = "select * from audit_log", []
        where = []
        if since:
            where.append("at >= ?")
            params.append(since)
        if until:
            where.append("at < ?")
            params.append(until)
        if where:
            sql += " where " + " and ".join(where)
        cur = connection(self.store).execute(sql + " order by seq", params)
        cols = [d[0] for d in cur.description]
        for row in cur:
            yield dict(zip(cols, row))

    def verify(self) -> VerifyReport:
        """Recompute the chain; report the first record that does not fit.

        Every record must carry a keyed hash (:func:`record_hash`), checked with
        the audit key: a chain recomputed by someone without the key fails, and
        so does one rewritten as plain sha256. Records of an older, unkeyed
        version are keyed by :meth:`seal` (the server does it at start, ``audit
        verify`` before checking). The head marker's MAC catches records cut
        from the end. A sound chain is still not OK when records were lost:
        some were written as ``audit-error`` records, or a stopping server saved
        unwritten ones to :func:`unwritten_path`.
        """
        key = self.key
        prev, expected_seq, n, errors = GENESIS, 1, 0, []
        for rec in self.records():
            n += 1
            if rec["seq"] != expected_seq:
                return VerifyReport(False, n, f"record {expected_seq} is missing "
                                    f"(next is {rec['seq']})", expected_seq)
            if rec["prev_hash"] != prev:
                return VerifyReport(False, n, f"record {rec['seq']} does not follow record "
                                    f"{rec['seq'] - 1} (previous hash differs)", rec["seq"])
            if key is not None and not str(rec["hash"]).startswith(KEYED):
                return VerifyReport(False, n, f"record {rec['seq']} is not keyed: the chain "
                                    "was recomputed without the audit key", rec["seq"])
            if record_hash(rec, key) != rec["hash"]:
                hint = " (or this is not the audit key it was written with)" if n == 1 else ""
                return VerifyReport(False, n, f"record {rec['seq']} was altered "
                                    f"(its content does not match its hash){hint}", rec["seq"])
            if rec["action"] == ERROR_ACTION:
                errors.append(rec["seq"])
            prev, expected_seq = rec["hash"], expected_seq + 1
        head = connection(self.store).execute(
            "select value from meta where key = ?", [HEAD_KEY]).fetchone()
        if head is not None:
            if head[0] != head_value(n, prev, key):
                return VerifyReport(False, n, f"the log ends at record {n} but the head marker "
                                    f"says record {head[0].partition(':')[0]} or was forged: "
                                    "records were removed from the end", n + 1)
        elif n:
            return VerifyReport(False, n, "the head marker is missing", None)
        return self._losses(n, errors) or VerifyReport(True, n, f"{n} records, chain intact")

    def _losses(self, n: int, errors: list[int]) -> VerifyReport | None:
        """The report for an unbroken chain that still lost records, or None."""
        lost = []
        if errors:
            shown = ", ".join(str(s) for s in errors[:10]) + (" ..." if len(errors) > 10 else "")
            lost.append(f"{len(errors)} record(s) could not be stored as submitted and were "
                        f"written as {ERROR_ACTION} records (seq {shown})")
        path = unwritten_path(self.store.path) if self.store.path else None
        if path and os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                count = sum(1 for _ in f)
            lost.append(f"{count} record(s) were never written (saved in {path})")
        if not lost:
            return None
        return VerifyReport(False, n, f"{n} records, chain unbroken, but records were lost: "
                            + "; ".join(lost), errors[0] if errors else None)

    def export_csv(self, out: IO[str], since: str | None = None,
                   until: str | None = None) -> int:
        """Write records as CSV (header + one row per record); returns the row count."""
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS)
        n = 0
        for rec in self.records(since, until):
            writer.writerow(["" if rec[k] is None else rec[k] for k in EXPORT_COLUMNS])
            n += 1
        return n


class AuditUnavailable(Unavailable):
    """The audit log cannot be written: the request must not be answered as if it were (503)."""


#: Seconds between two attempts to write to a database that refused a write (doubling to 10).
RETRY_S = 0.5


def store_fault(exc: BaseException) -> bool:
    """True when ``exc`` is the database refusing writes (locked, read-only, full, I/O, corrupt).

    Anything else raised while appending comes from the records themselves
    (text that cannot be encoded...): retrying them would fail forever.
    """
    return isinstance(exc, (sqlite3.OperationalError, OSError)) or type(exc) is sqlite3.DatabaseError


def _printable(value: object) -> str | None:
    """``value`` as text that can always be stored (lone surrogates become ``\\udxxx``)."""
    if value is None:
        return None
    return str(value).encode("utf-8", "backslashreplace").decode("utf-8")


def error_event(ev: Event, exc: BaseException) -> Event:
    """What is written instead of an event that cannot be stored as it is.

    Same time, user, ref and outcome; the subject escaped; ``action`` is
    ``audit-error`` and ``detail`` names the original action and the error.
    """
    return Event(action=ERROR_ACTION, user=_printable(ev.user) or "?",
                 subject=_printable(ev.subject), outcome=_printable(ev.outcome),
                 as_of=_printable(ev.as_of), assumption=_printable(ev.assumption),
                 detail={"action": _printable(ev.action),
                         "error": _printable(f"{type(exc).__name__}: {exc}")[:300]},
                 ref=ev.ref, at=ev.at)


class _Ticket:
    """One submission: set when its events are written, or failed with the reason."""

    __slots__ = ("done", "error")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.error: str | None = None

    def finish(self, error: str | None = None) -> None:
        self.error = error
        self.done.set()


class AuditWriter:
    """Appends events from a background thread, many per transaction (group commit).

    Request threads hand their events over; with ``wait=True`` they then wait
    until their own events are committed (the commit is shared by every request
    queued meanwhile, so waiting costs one group commit, not one lock per
    request). A screening is thus never answered before its record is written.

    The writer cannot wedge: an event that cannot be stored as it is (text that
    cannot be encoded) is written as an ``audit-error`` record with the same ref
    (:func:`error_event`); a database that refuses writes (locked, read-only,
    full) sets :attr:`fault`, fails the waiting requests (503,
    :class:`AuditUnavailable`), refuses new ones, and is retried with backoff
    until it accepts the queued records again, which clears the fault.
    :meth:`flush` waits until everything submitted is written (shutdown, tests);
    what is still queued when a process stops is saved by :meth:`abandon` to
    ``<db>.audit-unwritten.jsonl``, which ``audit verify`` reports.
    A forked process gets its own queue and thread.
    """

    #: Most events written in one transaction.
    MAX_BATCH = 1000

    def __init__(self, log: AuditLog, wait_s: float = 10.0) -> None:
        self.log = log
        self.wait_s = wait_s
        self.fault: str | None = None  # why the database refused the last write
        self.fault_since: str | None = None
        self.error_records = 0  # events written as audit-error records by this process
        self._pid: int | None = None
        self._queue: queue.SimpleQueue[tuple[Event, _Ticket]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._pending = 0
        self._inflight: list[tuple[Event, _Ticket]] = []
        self._writing_since = 0.0  # monotonic start of the write in progress (0: none)
        self._idle = threading.Condition()

    def submit(self, events: Iterable[Event], *, wait: bool = False) -> list[str]:
        """Queue events for writing; returns their refs.

        ``wait=True``: return only once they are written; raise
        :class:`AuditUnavailable` (nothing queued) while the log is faulted, or
        when they are not written within ``wait_s`` seconds.
        """
        events = list(events)
        if wait:
            self.check()
        ticket = _Ticket()
        self._ensure_thread()
        with self._idle:
            self._pending += len(events)
        for ev in events:
            self._queue.put((ev, ticket))
        if wait and events:
            if not ticket.done.wait(self.wait_s):
                raise self._unavailable(f"not written within {self.wait_s:.0f} s"
                                        + (f": {self.fault}" if self.fault else ""))
            if ticket.error:
                raise self._unavailable(ticket.error)
        return [ev.ref for ev in events]

    def check(self) -> None:
        """Raise :class:`AuditUnavailable` while the log cannot be written (before acting)."""
        if self.fault:
            raise self._unavailable()

    def _unavailable(self, why: str | None = None) -> AuditUnavailable:
        return AuditUnavailable(
            f"the audit log cannot be written ({why or self.fault}); nothing was recorded as "
            "answered, try again later", retry_after=5)

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until every submitted event is written; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def health(self) -> dict:
        """``{"ok", "pending"[, "error", "since"]}`` for the health check.

        Not OK while the database refuses writes, or while one write has been
        waiting for it longer than a request waits for its record.
        """
        out: dict = {"ok": self.fault is None, "pending": self._pending}
        waiting = time.monotonic() - self._writing_since if self._writing_since else 0.0
        if self.fault:
            out.update(error=self.fault, since=self.fault_since)
        elif waiting > self.wait_s:
            out.update(ok=False, error=f"an audit write has waited {waiting:.0f} s for the "
                                      "database (locked by another process?)")
        if self.error_records:
            out["error_records"] = self.error_records
        return out

    def abandon(self) -> int:
        """Save what is still queued next to the database (a stopping process); returns how many."""
        items = list(self._inflight)
        while True:
            try:
                items.append(self._queue.get_nowait())
            except queue.Empty:
                break
        if not items or not self.log.store.path or self.log.store.path == ":memory:":
            return len(items)
        with open(unwritten_path(self.log.store.path), "a", encoding="utf-8") as f:
            for ev, _ in items:
                f.write(json.dumps({"ref": ev.ref, "at": ev.at, "action": ev.action,
                                    "user": _printable(ev.user),
                                    "subject": _printable(ev.subject)}) + "\n")
        return len(items)

    def _ensure_thread(self) -> None:
        if self._pid == os.getpid() and self._thread is not None and self._thread.is_alive():
            return
        with self._idle:
            if self._pid != os.getpid():  # new process: the parent's queue and thread are not ours
                self._queue, self._pending, self._pid = queue.SimpleQueue(), 0, os.getpid()
                self._inflight = []
            if self._thread is None or not self._thread.is_alive() or self._thread.ident is None:
                self._thread = threading.Thread(target=self._run, name="audit-writer", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            batch = [self._queue.get()]
            while len(batch) < self.MAX_BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._inflight = batch
            self._write(list(batch))
            self._inflight = []
            with self._idle:
                self._pending -= len(batch)
                self._idle.notify_all()

    def _write(self, items: list[tuple[Event, _Ticket]]) -> None:
        """Write ``items``; retry only while the database itself refuses writes."""
        delay, todo = RETRY_S, list(items)
        while True:
            self._writing_since = time.monotonic()
            try:
                self._append(todo)
            except Exception as exc:  # store_fault: _append handles record problems itself
                close_thread_connections()  # reopen next time: permissions may be fixed by then
                if self.fault is None:
                    self.fault_since = _now()
                self.fault = f"{type(exc).__name__}: {exc}"
                logging.getLogger(__name__).error("audit log cannot be written: %s; "
                                                  "retrying in %.1f s", self.fault, delay)
                for _, ticket in items:
                    ticket.finish(self.fault)
                time.sleep(delay)
                delay = min(2 * delay, 10.0)
                continue
            self.fault = self.fault_since = None
            self._writing_since = 0.0
            for _, ticket in items:
                if not ticket.done.is_set():
                    ticket.finish()
            return

    def _append(self, items: list[tuple[Event, _Ticket]]) -> None:
        """Append items (removing them from ``items`` as they are written).

        All in one transaction; when that fails because of a record, one by
        one, each record that cannot be stored replaced by its error record.
        """
        try:
            self.log.append_many([ev for ev, _ in items])
            items.clear()
            return
        except Exception as exc:
            if store_fault(exc):
                raise
        while items:
            ev, _ = items[0]
            try:
                self.log.append(ev)
            except Exception as exc:
                if store_fault(exc):
                    raise
                logging.getLogger(__name__).error("audit record %s cannot be stored (%s); "
                                                  "writing an audit-error record", ev.ref, exc)
                self.log.append(error_event(ev, exc))
                self.error_records += 1
            items.pop(0)
