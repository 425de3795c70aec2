"""One SQLite connection per thread for the review, audit and account tables.

The web app serves requests on several threads. ``Store.db`` is a single shared
connection, fine for the single-threaded CLI but not for concurrent transactions
(the audit chain needs ``BEGIN IMMEDIATE``; a decision written on one thread
must not be committed by another). :func:`connection` gives each thread its own
connection to the same database file; an in-memory store has only one
connection, so it is returned as is. A forked child (``screening serve
--processes``) never reuses a connection it inherited.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from .lists.store import Store

#: Seconds a writer waits for another writer's lock before SQLite gives up.
BUSY_TIMEOUT_S = 30.0

_local = threading.local()


def connection(store: Store) -> sqlite3.Connection:
    """This thread's connection to ``store``'s database (created on first use)."""
    path = store.path
    if not path or path == ":memory:":
        return store.db.conn
    conns: dict[str, sqlite3.Connection] | None = getattr(_local, "conns", None)
    if conns is None or getattr(_local, "pid", None) != os.getpid():
        # first use on this thread, or a forked child: never use a parent's connection
        conns = _local.conns = {}
        _local.pid = os.getpid()
    conn = conns.get(path)
    if conn is None:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        conn.execute("pragma synchronous = normal")
        conns[path] = conn
    return conn


@contextmanager
def busy_timeout(store: Store, seconds: float) -> Iterator[None]:
    """Within the block, this thread's writes wait at most ``seconds`` for another writer.

    For web requests: a list update holding the write lock should cost a quick
    503 with Retry-After, not a request hanging for :data:`BUSY_TIMEOUT_S`.
    """
    conn = connection(store)
    conn.execute(f"pragma busy_timeout = {int(seconds * 1000)}")
    try:
        yield
    finally:
        conn.execute(f"pragma busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")


def close_thread_connections() -> None:
    """Close this thread's connections (for threads that end, e.g. bulk jobs)."""
    conns: dict[str, sqlite3.Connection] = getattr(_local, "conns", None) or {}
    for conn in conns.values():
        conn.close()
    conns.clear()
