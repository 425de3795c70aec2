"""Screen one uploaded file for the UI with :func:`screening.bulk.screen_file`, with progress.

The UI gets exactly the output of ``screening screen`` (same columns, same
formula neutralising, same encodings). The bulk package saves its run state
(rows done, counts per outcome) after every chunk; a small watcher thread reads
that state file and reports progress to the job, so the page can draw it.
Screening runs in-process (``workers=1``): forking worker processes from a
multi-threaded web server is not safe.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
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
             after_horizon: str | None = None, progress: Progress | None = None) -> dict:
    """Screen ``src`` into ``dst``; returns ``{"rows", "counts", "errors", "after_horizon"}``."""
    total = inspect_input(src).approx_rows
    if progress:
        progress(0, total, {}, 0)
    stop = threading.Event()
    watcher = None
    if progress:
        watcher = threading.Thread(target=_watch, args=(dst, total, progress, stop),
                                   name="bulk-progress", daemon=True)
        watcher.start()
    try:
        summary = screen_file(src, dst, screener=screener, as_of=as_of,
                              after_horizon=after_horizon, engine="local", workers=1,
                              chunk_rows=CHUNK_ROWS, progress=False)
    finally:
        stop.set()
        if watcher is not None:
            watcher.join()
    if not summary.accounted:
        raise ScreeningError(f"{summary.rows_read:,} rows read but {summary.rows_screened:,} "
                             f"screened and {summary.errors:,} in error")
    counts = dict(summary.outcomes)
    result = {"rows": summary.rows, "counts": counts, "errors": summary.errors}
    if progress:
        progress(summary.rows, summary.rows, counts, summary.errors)
    return result


def _watch(dst: Path, total: int | None, progress: Progress, stop: threading.Event) -> None:
    """Report the bulk run's saved state until ``stop`` is set."""
    sfile = state_path(dst)
    while not stop.wait(WATCH_EVERY_S):
        state = RunState.load(sfile)
        if state is not None:
            progress(state.rows_done, total, dict(state.outcomes), state.errors)
