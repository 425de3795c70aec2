"""Where the screening runs: in this process, or in worker processes forked from it.

An engine takes batches of distinct :class:`~screening.bulk.rows.Query` and
returns one small cells dict per query. The pipeline keeps at most
``engine.capacity`` batches in flight and collects them in submission order.

The local engine builds nothing in its workers: the parent's screener (the
matcher's index, the rules, the ownership graph) is inherited through ``fork``
and shared copy-on-write. Freezing the heap (:func:`screening.heap.frozen_heap`)
before the fork keeps the garbage collector from walking (and so copying) those
pages in the children, and makes each ``check`` cheaper. Only queries and answers cross the process boundary.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import sqlite3
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .. import settings
from ..errors import BadInput, ScreeningError
from ..heap import collect_young_less_often, freeze_young_survivors, frozen_heap
from .rows import Answer, Checker, Query, screen_queries

#: Batches in flight per worker: one running, one queued, so no worker waits.
IN_FLIGHT_PER_WORKER = 2


class Engine:
    """Runs batches of queries. Subclasses set ``name``, ``workers`` and ``capacity``."""

    name = "engine"
    workers = 1
    capacity = 1

    def submit(self, queries: Sequence[Query]) -> Any:
        """Start screening ``queries``; returns a handle for :meth:`wait`."""
        raise NotImplementedError

    def wait(self, handle: Any) -> list[Answer]:
        """The cells of each query of the batch, in order."""
        raise NotImplementedError

    def close(self, cancel: bool = False) -> None:
        """Release workers; ``cancel`` drops queued batches (an interrupted run)."""

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.close(cancel=exc_type is not None)


class SerialEngine(Engine):
    """Screens in the calling process (one core). Used for ``--workers 1``."""

    name = "serial"

    def __init__(self, screener: Checker) -> None:
        self.screener = screener
        self._frozen = frozen_heap()
        self._frozen.__enter__()

    def close(self, cancel: bool = False) -> None:
        self._frozen.__exit__(None, None, None)

    def submit(self, queries: Sequence[Query]) -> list[Answer]:
        return screen_batch(self.screener, queries)

    def wait(self, handle: list[Answer]) -> list[Answer]:
        return handle


def screen_batch(screener: Checker, queries: Sequence[Query]) -> list[Answer]:
    """:func:`screen_queries`, then freeze what the batch left alive (the matcher's
    caches) so later full collections do not rescan it (:func:`freeze_young_survivors`)."""
    answers = screen_queries(screener, queries)
    freeze_young_survivors()
    return answers


#: The parent's screener; forked workers inherit it (never pickled).
_SCREENER: Checker | None = None


def _reopen_store(screener: object) -> None:
    """Give a forked child its own SQLite connection (a connection must not cross a fork)."""
    store = getattr(screener, "store", None)
    db = getattr(store, "db", None)
    path = getattr(store, "path", None)
    if db is None or not path or path == ":memory:" or not os.path.exists(path):
        return
    db.conn = sqlite3.connect(path, check_same_thread=False, timeout=30)


def _init_worker() -> None:
    """Runs once in each forked worker: Ctrl-C is the parent's business; reopen the store;
    collect the young generations less often (:func:`~screening.heap.collect_young_less_often`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _reopen_store(_SCREENER)
    collect_young_less_often()


def _screen_batch(queries: Sequence[Query]) -> list[Answer]:
    assert _SCREENER is not None, "worker started without a screener"
    return screen_batch(_SCREENER, queries)


def _ready() -> int:
    return os.getpid()


class LocalEngine(Engine):
    """``workers`` processes forked from this one, sharing its screener copy-on-write."""

    name = "local"

    def __init__(self, screener: Checker, workers: int) -> None:
        global _SCREENER
        if "fork" not in mp.get_all_start_methods():
            raise BadInput("the local engine needs fork (Linux); use --workers 1 or --engine dask")
        _SCREENER = screener
        self.workers = workers
        self.capacity = IN_FLIGHT_PER_WORKER * workers
        with frozen_heap():
            self._pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"),
                                             initializer=_init_worker)
            # With fork, every worker is started on the first submit: do it now, frozen,
            # so the children inherit a heap their garbage collector never scans.
            self._pool.submit(_ready).result()

    def submit(self, queries: Sequence[Query]) -> Future:
        return self._pool.submit(_screen_batch, list(queries))

    def wait(self, handle: Future) -> list[Answer]:
        try:
            return handle.result()
        except BrokenProcessPool:
            raise ScreeningError("a worker process died (out of memory?); the rows done so far "
                                 "are saved: run the same command with --resume") from None

    def close(self, cancel: bool = False) -> None:
        if cancel:
            for proc in list(getattr(self._pool, "_processes", {}).values()):
                proc.terminate()
        self._pool.shutdown(wait=True, cancel_futures=cancel)


def default_workers() -> int:
    """``SCREENING_WORKERS``, else the number of cores."""
    return max(1, int(getattr(settings, "WORKERS", 0) or os.cpu_count() or 1))
