"""Writing the audit log from request threads: group commit, a journal, no wedging.

:class:`AuditWriter` appends events from one background thread, many per
transaction. A request hands its events over and, with ``wait=True``, returns
only once they are durable: committed to the log, or, while another process
holds the database's write lock (a list update), appended and fsync'ed to this
process's journal ``<db>.audit-journal-<pid>.jsonl``, from which the writer
moves them into the log as soon as the lock is free. A process killed
meanwhile leaves its journal behind; :func:`recover_journals` (server start,
``screening audit verify``) writes what it holds, so an answered screening is
never without its record.

The writer cannot wedge: an event that cannot be stored as it is (text that
cannot be encoded) is written as an ``audit-error`` record with the same ref
(:func:`error_event`); a database that refuses writes (read-only, full, I/O
error) sets :attr:`AuditWriter.fault`: waiting requests fail with 503
(:class:`AuditUnavailable`), new ones are refused, the health check shows it,
and the queued events are retried with backoff until the database takes them.
"""

from __future__ import annotations

import dataclasses
import fcntl
import glob
import json
import logging
import os
import queue
import sqlite3
import threading
import time
from collections.abc import Iterable
from typing import IO

from screening.service.audit import ERROR_ACTION, AuditLog, Event, _now
from screening.connections import close_thread_connections, connection
from screening.errors import Unavailable

log = logging.getLogger(__name__)

#: Seconds between two attempts to write to a database that refused a write (doubling to 10).
RETRY_S = 0.5

#: Seconds the writer waits for another process's write lock before journaling what is
#: queued (and between two journalings while the lock is held).
LOCK_WAIT_S = 0.2


class AuditUnavailable(Unavailable):
    """The audit log cannot be written: the request must not be answered as if it were (503)."""


def locked(exc: BaseException) -> bool:
    """True when SQLite only said another connection holds the write lock (it will pass)."""
    text = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in text or "busy" in text)


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
                         "error": (_printable(f"{type(exc).__name__}: {exc}") or "")[:300]},
                 ref=ev.ref, at=ev.at)


def append_events(audit: AuditLog, events: list[Event], busy_s: float | None = None) -> int:
    """Append events, one transaction; on a record problem one by one, writing error records.

    Written events are removed from ``events`` (so a retry after a store fault
    does not write them twice). Store faults are raised. Returns the number of
    error records written.
    """
    try:
        audit.append_many(events, busy_s=busy_s)
        events.clear()
        return 0
    except Exception as exc:
        if store_fault(exc):
            raise
    errors = 0
    while events:
        ev = events[0]
        try:
            audit.append_many([ev], busy_s=busy_s)
        except Exception as exc:
            if store_fault(exc):
                raise
            log.error("audit record %s cannot be stored (%s); writing an audit-error record",
                      ev.ref, exc)
            audit.append_many([error_event(ev, exc)], busy_s=busy_s)
            errors += 1
        events.pop(0)
    return errors


# ------------------------------------------------------------------- journal
def journal_path(db_path: str | None, pid: int | None = None) -> str:
    """This process's journal (``pid`` None: the glob pattern of every process's journal)."""
    return f"{db_path}.audit-journal-{'*' if pid is None else pid}.jsonl"


def _read_journal(f: IO[str]) -> list[Event]:
    f.seek(0)
    events = []
    for line in f:
        try:
            events.append(Event(**json.loads(line)))
        except (ValueError, TypeError):  # a line cut by a crash mid-write was never acknowledged
            continue
    return events


def recover_journals(audit: AuditLog) -> int:
    """Write the events left in the journals of processes that died; returns how many.

    A journal still locked by its (live) process is left alone. Events already
    in the log (the process died between its commit and clearing the journal)
    are recognised by their ref and skipped.
    """
    path = audit.store.path
    if not path or path == ":memory:":
        return 0
    written = 0
    for name in glob.glob(journal_path(path)):
        with open(name, "a+", encoding="utf-8") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # its process is alive and owns it
            events = _read_journal(f)
            if events:
                done = _recent_refs(audit, len(events) + 100)
                todo = []
                for ev in events:  # once per ref, in journal order
                    if ev.ref not in done:
                        done.add(ev.ref)
                        todo.append(ev)
                written += len(todo)
                append_events(audit, todo)
                log.warning("wrote %s audit records left in %s", written, name)
            os.unlink(name)
    return written


def _recent_refs(audit: AuditLog, n: int) -> set[str]:
    rows = connection(audit.store).execute(
        "select detail from audit_log order by seq desc limit ?", [n]).fetchall()
    return {json.loads(d or "{}").get("ref") for (d,) in rows}


def pending_in_journals(db_path: str | None) -> int:
    """Events waiting in journals (a live process's, or a dead one's not yet recovered)."""
    if not db_path or db_path == ":memory:":
        return 0
    total = 0
    for name in glob.glob(journal_path(db_path)):
        try:
            with open(name, encoding="utf-8") as f:
                total += sum(1 for _ in f)
        except OSError:
            continue
    return total


class _Ticket:
    """One submission: set when its events are durable, or failed with the reason."""

    __slots__ = ("done", "error")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.error: str | None = None

    def finish(self, error: str | None = None) -> None:
        if not self.done.is_set():
            self.error = error
            self.done.set()


class AuditWriter:
    """Appends events from a background thread (see the module docstring).

    :meth:`flush` waits until everything submitted is in the log (shutdown,
    tests); what is still queued when a stopping process gives up waiting is
    put in its journal by :meth:`abandon`. A forked process gets its own queue,
    thread and journal.
    """

    #: Most events written in one transaction.
    MAX_BATCH = 1000

    def __init__(self, audit: AuditLog, wait_s: float = 10.0) -> None:
        self.log = audit
        self.wait_s = wait_s
        self.fault: str | None = None  # why the database refused the last write
        self.fault_since: str | None = None
        self.error_records = 0  # events written as audit-error records by this process
        self.journaled = 0  # events that went through the journal (database locked)
        self._pid: int | None = None
        self._queue: queue.SimpleQueue[tuple[Event, _Ticket]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._journal: IO[str] | None = None
        self._pending = 0
        self._inflight: list[tuple[Event, _Ticket]] = []
        self._idle = threading.Condition()

    def submit(self, events: Iterable[Event], *, wait: bool = False) -> list[str]:
        """Queue events for writing; returns their refs.

        ``wait=True``: return only once they are durable (in the log or the
        journal); raise :class:`AuditUnavailable` (nothing queued) while the log
        is faulted, or when they are not durable within ``wait_s`` seconds.
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
        """Wait until every submitted event is in the log; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def health(self) -> dict:
        """``{"ok", "pending", "journaled"[, "error", "since", "error_records"]}``."""
        out: dict = {"ok": self.fault is None, "pending": self._pending,
                     "journaled": self.journaled}
        if self.fault:
            out.update(error=self.fault, since=self.fault_since)
        if self.error_records:
            out["error_records"] = self.error_records
        return out

    def abandon(self) -> int:
        """Journal what is still queued (a stopping process); returns how many events."""
        items = list(self._inflight) + self._take_queued()
        if items and self.log.store.path and self.log.store.path != ":memory:":
            self._write_journal([ev for ev, _ in items], fresh=False)
        return len(items)

    # --------------------------------------------------------------- thread
    def _ensure_thread(self) -> None:
        if self._pid == os.getpid() and self._thread is not None and self._thread.is_alive():
            return
        with self._idle:
            if self._pid != os.getpid():  # new process: the parent's queue and thread are not ours
                self._queue, self._pending, self._pid = queue.SimpleQueue(), 0, os.getpid()
                self._inflight, self._journal = [], None
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
            self._write(batch)
            self._inflight = []
            with self._idle:
                self._pending -= len(batch)
                self._idle.notify_all()

    def _write(self, items: list[tuple[Event, _Ticket]]) -> None:
        """Write ``items``: journal them while the lock is held elsewhere, retry store faults."""
        delay, todo, journaled = RETRY_S, [ev for ev, _ in items], False
        while True:
            try:
                self.error_records += append_events(self.log, todo, busy_s=LOCK_WAIT_S)
            except Exception as exc:  # a store fault: append_events handles record problems
                if locked(exc) and self.log.store.path not in (None, ":memory:"):
                    # durable in the journal: the requests may be answered, and so may those
                    # queued meanwhile, which join this batch (extending ``items`` in place)
                    new = items if not journaled else self._take_queued()
                    if new is not items:
                        items.extend(new)
                        todo.extend(ev for ev, _ in new)
                    self._write_journal([ev for ev, _ in new], fresh=not journaled)
                    journaled = True
                    self.journaled += len(new)
                    for _, ticket in new:
                        ticket.finish()
                    continue  # the write itself waited LOCK_WAIT_S: no sleep needed
                close_thread_connections()  # reopen next time: permissions may be fixed by then
                if self.fault is None:
                    self.fault_since = _now()
                self.fault = f"{type(exc).__name__}: {exc}"
                log.error("audit log cannot be written: %s; retrying in %.1f s", self.fault,
                          delay)
                for _, ticket in items:
                    ticket.finish(self.fault)
                time.sleep(delay)
                delay = min(2 * delay, 10.0)
                continue
            if journaled:
                self._clear_journal()
            self.fault = self.fault_since = None
            for _, ticket in items:
                ticket.finish()
            return

    def _take_queued(self) -> list[tuple[Event, _Ticket]]:
        """Everything queued now (the writer journals it while the lock is held elsewhere)."""
        out = []
        while True:
            try:
                out.append(self._queue.get_nowait())
            except queue.Empty:
                return out

    def _write_journal(self, events: list[Event], *, fresh: bool) -> None:
        """Append events to this process's journal and fsync (``fresh``: replace its content)."""
        if self._journal is None:
            self._journal = open(journal_path(self.log.store.path, os.getpid()), "a+",
                                 encoding="utf-8")
            fcntl.flock(self._journal, fcntl.LOCK_EX)  # held while this process lives
        if fresh:
            self._journal.truncate(0)
        self._journal.seek(0, os.SEEK_END)
        for ev in events:
            self._journal.write(json.dumps(dataclasses.asdict(ev), default=str) + "\n")
        self._journal.flush()
        os.fsync(self._journal.fileno())

    def _clear_journal(self) -> None:
        if self._journal is not None:
            self._journal.truncate(0)
            self._journal.flush()
            os.fsync(self._journal.fileno())
