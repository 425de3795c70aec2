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
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import IO, Protocol

from screening import settings
from screening.connections import busy_timeout, connection
from screening.lists.store import Store

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


#: Writers queue on these locks rather than in SQLite's busy handler, which sleeps
#: 1, 2, 5, 10... ms between retries and would add that to requests under load:
#: a thread lock within a process, an ``flock`` on ``<db>.audit-lock`` between
#: processes (``screening serve --processes``). Both wake the next writer at once.
_WRITE_LOCK = threading.Lock()
_lock_files: dict[tuple[int, str], int] = {}  # (pid, db path) -> open lock file descriptor


@contextmanager
def _writer_lock(path: str | None, wait_s: float | None = None) -> Iterator[None]:
    """Exclusive right to append, across threads and processes.

    ``wait_s``: give up after this long, raising ``sqlite3.OperationalError``
    (locked) as SQLite would, so that a writer waiting for another process's
    writer journals its batch instead (:mod:`screening.service.audit_writer`).
    """
    with _WRITE_LOCK:
        if not path or path == ":memory:":
            yield
            return
        key = (os.getpid(), path)  # a forked child opens its own: flock is per open file
        fd = _lock_files.get(key)
        if fd is None:
            fd = _lock_files[key] = os.open(path + ".audit-lock", os.O_RDWR | os.O_CREAT, 0o600)
        if wait_s is None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:
            _flock_within(fd, wait_s)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _flock_within(fd: int, wait_s: float) -> None:
    """``flock`` ``fd`` exclusively, polling for at most ``wait_s`` seconds."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise sqlite3.OperationalError("database is locked (by another process's "
                                               "audit writer)") from None
            time.sleep(0.005)


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
    #: Not hashed: the answers to keep in the screening history, written in the same
    #: transaction as the record (:func:`screening.service.history.keep`).
    keep: dict | None = None


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
    detail["result_sha256"] = result_hash(result)
    return Event(action=action, user=user, subject=query.get("name"),
                 outcome=result.get("outcome"), as_of=result.get("as_of"),
                 assumption=result.get("after_horizon"),
                 list_versions=result.get("list_versions"), detail=detail,
                 keep={"result": result})


def decision_event(d: dict, *, via: str) -> Event:
    """The audit event for a recorded decision."""
    return Event(action="decision", user=d["user"], subject=d["name"],
                 outcome=d["decision"],
                 detail={"via": via, "decision_id": d["id"], "entry_id": d["entry_id"],
                         "entry_hash": d["entry_hash"], "country": d["country"],
                         "reason": d["reason"], "expires_on": d["expires_on"]})


def result_json(result: dict) -> str:
    """A result dict as the canonical JSON its hash is taken over."""
    return _dump(result) or ""


def result_hash(result: dict | str) -> str:
    """sha256 of a result dict as canonical JSON (or of that JSON): proves which answer was given."""
    text = result if isinstance(result, str) else result_json(result)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def file_sha256(path: str | os.PathLike[str] | None) -> str | None:
    """sha256 of a file's bytes (None when there is no such file)."""
    if path is None or not os.path.exists(path):
        return None
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class BulkRun:
    """What a bulk run's single audit record says (one record per file, not per row).

    ``output_sha256`` covers every row's answer: the output file is the result.
    """

    filename: str
    input_path: str
    output_path: str | None
    as_of: str | None
    after_horizon: str | None
    list_versions: dict | None
    status: str = "done"  # done | failed
    rows: int = 0
    counts: dict = field(default_factory=dict)
    errors: int = 0
    message: str | None = None
    job: str | None = None  # the web job id
    #: ``(line, result JSON)`` of each non-CLEAR row, kept in the screening history
    #: (CLEAR rows stay provable through ``output_sha256``).
    flagged: Sequence[tuple[int, str]] = field(default_factory=list, repr=False)


def bulk_event(run: BulkRun, user: str, *, via: str) -> Event:
    """The audit event of one bulk run (``screening screen`` or an uploaded file)."""
    detail = {"via": via, "status": run.status, "rows": run.rows, "counts": run.counts,
              "errors": run.errors, "message": run.message,
              "input_sha256": file_sha256(run.input_path)}
    if run.job is not None:
        detail["job"] = run.job
    if run.status == "done":
        detail["output_sha256"] = file_sha256(run.output_path)
    return Event(action="bulk", user=user, subject=run.filename, as_of=run.as_of,
                 assumption=run.after_horizon, list_versions=run.list_versions,
                 detail=detail, keep={"rows": [list(r) for r in run.flagged]})


class AuditSink(Protocol):
    """Where events go: an :class:`AuditLog` (CLI) or a :class:`~.audit_writer.AuditWriter`."""

    def submit(self, events: Iterable[Event], *, wait: bool = False) -> list[str]: ...


def record_screenings(sink: AuditSink, user: str, *, via: str,
                      results: Iterable[dict] = (), run: BulkRun | None = None,
                      wait: bool = True) -> list[str]:
    """Put screenings on record: THE one way every door (CLI, API, UI, bulk) audits.

    ``results`` are ``ScreeningResult.to_dict()`` answers, one record each, with
    the user, the list versions and the result's hash; ``run`` is a whole bulk
    file, one record. Returns the records' refs once they are durable; raises
    when they cannot be (then the answers must not be given). ``wait=False``
    only queues them (a background job whose file is already written).
    """
    events = [screening_event(r, user, via=via) for r in results]
    if run is not None:
        events.append(bulk_event(run, user, via=via))
    return sink.submit(events, wait=wait)


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

    def submit(self, events: Iterable[Event], *, wait: bool = True) -> list[str]:
        """Append ``events`` now (an :class:`AuditSink`, like the web's background writer)."""
        events = list(events)
        self.append_many(events)
        return [ev.ref for ev in events]

    def append(self, event: Event) -> int:
        """Append one event; returns its sequence number."""
        return self.append_many([event])[0]

    def append_many(self, events: Iterable[Event], busy_s: float | None = None) -> list[int]:
        """Append events in one transaction (a batch of 1,000 is one commit).

        ``busy_s``: wait at most this long for another process's write lock
        (default :data:`screening.connections.BUSY_TIMEOUT_S`), then raise
        ``sqlite3.OperationalError`` (database is locked).
        """
        events = list(events)
        if not events:
            return []
        with _writer_lock(self.store.path, busy_s):
            if busy_s is None:
                return self._append(connection(self.store), events)
            with busy_timeout(self.store, busy_s):
                return self._append(connection(self.store), events)

    def _append(self, conn: sqlite3.Connection, events: list[Event]) -> list[int]:
        key = self.key
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute(
                "select seq, hash from audit_log order by seq desc limit 1").fetchone()
            seq, prev = (row[0], row[1]) if row else (0, GENESIS)
            if key is not None and row is not None and not prev.startswith(KEYED):
                prev = self._seal(conn, key) or prev
            out: list[int] = []
            kept: list[Event] = []
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
                if ev.keep is not None:
                    kept.append(ev)
            if kept:  # same transaction: a kept answer exists exactly when its record does
                from screening.service.history import keep

                keep(conn, kept)
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
        last = conn.execute("select hash from audit_log order by seq desc limit 1").fetchone()
        if last is None or last[0].startswith(KEYED):
            return 0  # nothing to seal: no write lock taken (a list update may hold it)
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
        from the end. A sound chain is still not OK when records are missing
        from it: some were written as ``audit-error`` records, or acknowledged
        ones still wait in a journal (:mod:`screening.service.audit_writer`).
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
        """The report for an unbroken chain that still lacks records, or None."""
        from screening.service.audit_writer import journal_path, pending_in_journals

        lost = []
        if errors:
            shown = ", ".join(str(s) for s in errors[:10]) + (" ..." if len(errors) > 10 else "")
            lost.append(f"{len(errors)} record(s) could not be stored as submitted and were "
                        f"written as {ERROR_ACTION} records (seq {shown})")
        waiting = pending_in_journals(self.store.path)
        if waiting:
            lost.append(f"{waiting} acknowledged record(s) are not in the log yet but in "
                        f"{journal_path(self.store.path)} (a server writes them when the "
                        "database is free; `screening audit verify` does for a stopped one)")
        if not lost:
            return None
        return VerifyReport(False, n, f"{n} records, chain unbroken, but: " + "; ".join(lost),
                            errors[0] if errors else None)

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
