"""Screen one uploaded file for the UI with :func:`screening.bulk.screen_file`, with progress.

The UI gets exactly the output of ``screening screen`` (same columns, same
formula neutralising, same encodings). The bulk package saves its run state
(rows done, counts per outcome) after every chunk; a small watcher thread reads
that state file and reports progress to the job, so the page can draw it.

:func:`run_file_in_child` (what the server uses) screens in a spawned child
process at a lower CPU priority, with its own screener built from the same
database: a job's CPU work no longer competes with API requests for the
server's GIL (figures in docs/benchmarks.md, "API latency during a bulk job").
The child is spawned (fork + exec), never
forked from the multi-threaded server, and exits when the server does.
:func:`run_file` is the screening itself, run inside that child.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from screening.bulk import screen_file
from screening.bulk.io import inspect_input
from screening.bulk.state import RunState, state_path
from screening.errors import ScreeningError

#: Progress callback: (rows done, rows total or None, counts per outcome, errors).
Progress = Callable[[int, "int | None", dict[str, int], int], None]

#: Rows per chunk: the state file (and so the progress bar) moves every this many rows.
CHUNK_ROWS = 200

#: Seconds between two reads of the state file.
WATCH_EVERY_S = 0.3


def run_file(screener: Any, src: Path, dst: Path, *, as_of: str | None = None,
             after_horizon: str | None = None) -> dict:
    """Screen ``src`` into ``dst``; returns ``{"rows", "counts", "errors"}``.

    Raises :class:`ScreeningError` unless every row read was screened or reported.
    """
    summary = screen_file(src, dst, screener=screener, as_of=as_of,
                          after_horizon=after_horizon, engine="local", workers=1,
                          chunk_rows=CHUNK_ROWS, progress=False)
    if not summary.accounted:
        raise ScreeningError(f"{summary.rows_read:,} rows read but {summary.rows_screened:,} "
                             f"screened and {summary.errors:,} in error")
    return {"rows": summary.rows, "counts": dict(summary.outcomes), "errors": summary.errors,
            "flagged": summary.flagged}


@contextmanager
def _watching(dst: Path, total: int | None, progress: Progress | None) -> Iterator[None]:
    """Report the saved state of the run writing ``dst`` while the block runs."""
    if progress is None:
        yield
        return
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(dst, total, progress, stop),
                               name="bulk-progress", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        stop.set()
        watcher.join()


def _watch(dst: Path, total: int | None, progress: Progress, stop: threading.Event) -> None:
    """Report the bulk run's saved state until ``stop`` is set."""
    sfile = state_path(dst)
    while not stop.wait(WATCH_EVERY_S):
        state = RunState.load(sfile)
        if state is not None:
            progress(state.rows_done, total, dict(state.outcomes), state.errors)


#: Niceness added to the child that screens a job where SCHED_IDLE is not available.
CHILD_NICE = 19

#: Seconds between two checks, in the child, that the server is still there.
PARENT_CHECK_S = 1.0


def run_file_in_child(factory: Callable[[str], Any], db_path: str, src: Path, dst: Path, *,
                      as_of: str | None = None, after_horizon: str | None = None,
                      progress: Progress | None = None) -> dict:
    """:func:`run_file` in a spawned child with ``factory(db_path)`` as its screener.

    Returns the :func:`run_file` result plus ``pid`` (the child's), ``list_versions``
    and ``data_version`` (the lists the child screened against). Raises
    :class:`ScreeningError` (with ``pid`` and ``list_versions`` in its ``detail``
    when known) when the file fails or the child dies (killed, out of memory...):
    a failure ends the job, never the server.
    """
    total = inspect_input(src).approx_rows
    if progress:
        progress(0, total, {}, 0)
    ctx = multiprocessing.get_context("spawn")  # fork + exec: safe from a threaded server
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, name="bulk-job", daemon=True,
                        args=(factory, db_path, str(src), str(dst), as_of, after_horizon,
                              send, os.getpid()))
    try:
        with _watching(dst, total, progress):
            child.start()
            send.close()  # only the child writes: EOF when it exits without a reply
            try:
                reply = receive.recv()
            except EOFError:
                reply = None
            child.join()
    finally:
        send.close()
        receive.close()
        if child.is_alive():
            child.kill()
            child.join()
    if reply is None:
        raise ScreeningError(f"the screening process ended without a result "
                             f"(exit code {child.exitcode})")
    if "error" in reply:  # the job's record still names the lists used
        raise ScreeningError(reply["error"], pid=reply["pid"],
                             list_versions=reply["list_versions"])
    if progress:
        progress(reply["rows"], reply["rows"], reply["counts"], reply["errors"])
    return reply


def _child(factory: Callable[[str], Any], db_path: str, src: str, dst: str, as_of: str | None,
           after_horizon: str | None, conn: Any, parent_pid: int) -> None:
    """Child entry point: build a screener, screen the file, send one reply, exit."""
    _lower_priority()
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    screener = None
    try:
        screener = factory(db_path)
        reply = run_file(screener, Path(src), Path(dst), as_of=as_of, after_horizon=after_horizon)
    except ScreeningError as exc:
        reply = {"error": exc.message}
    except Exception as exc:  # reported to the job; the traceback goes to the server's log
        traceback.print_exc(file=sys.stderr)
        reply = {"error": f"{type(exc).__name__}: {exc}"}
    reply.update(pid=os.getpid(), list_versions=getattr(screener, "list_versions", None),
                 data_version=getattr(screener, "data_version", None))
    conn.send(reply)
    conn.close()


def _lower_priority() -> None:
    """Run on the CPU time nobody else wants (Linux SCHED_IDLE), else at the lowest niceness.

    Measured with nice 10: a request arriving while the job ran still waited for
    the scheduler to preempt the job (API p95 35 -> 60 ms); a SCHED_IDLE task is
    preempted at once by any normal one and only takes the cores' idle time.
    """
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        os.nice(CHILD_NICE)


def _exit_with_parent(parent_pid: int) -> None:
    """End this child when the server that started it is gone (even after kill -9)."""
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)
