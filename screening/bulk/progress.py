"""A small progress bar on stderr: rows done, rows per second, ETA. Silent unless a terminal."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO

#: Seconds between redraws.
REDRAW = 0.25
#: Characters of the bar itself (less on a narrow terminal).
BAR_WIDTH = 30


def format_eta(seconds: float) -> str:
    """``0:01:05`` style; ``--:--`` when unknown."""
    if seconds < 0 or seconds != seconds or seconds == float("inf"):
        return "--:--"
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def render_bar(done: int, total: int | None, rate: float, width: int = 80) -> str:
    """One line: ``[####....]  42%  42,000/100,000 rows  3,150 rows/s  ETA 0:00:18``."""
    if total and total >= done:
        frac = done / total if total else 1.0
        eta = format_eta((total - done) / rate) if rate > 0 else "--:--"
        tail = f" {frac:4.0%}  {done:,}/{total:,} rows  {rate:,.0f} rows/s  ETA {eta}"
        bar_w = max(10, min(BAR_WIDTH, width - len(tail) - 3))
        filled = int(bar_w * frac)
        return f"[{'#' * filled}{'.' * (bar_w - filled)}]{tail}"[:width - 1]
    return f"{done:,} rows  {rate:,.0f} rows/s"[:width - 1]


class Progress:
    """Call :meth:`update` with the number of rows done; :meth:`close` at the end."""

    def __init__(self, total: int | None, *, start: int = 0, stream: TextIO | None = None,
                 enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total
        self.start_rows = start  # rows done by an earlier, resumed run
        self.t0 = time.monotonic()
        self._last = 0.0
        self._width = 0
        self.done = start

    @property
    def rate(self) -> float:
        """Rows per second in this run (resumed rows excluded)."""
        elapsed = time.monotonic() - self.t0
        return (self.done - self.start_rows) / elapsed if elapsed > 0 else 0.0

    def update(self, done: int) -> None:
        """Record progress; redraw at most every :data:`REDRAW` seconds."""
        self.done = done
        now = time.monotonic()
        if self.enabled and now - self._last >= REDRAW:
            self._last = now
            width = shutil.get_terminal_size((80, 20)).columns
            total = max(self.total, done) if self.total else None
            line = render_bar(done, total, self.rate, width)
            self.stream.write("\r" + line.ljust(self._width))  # blank out a longer last line
            self._width = len(line)
            self.stream.flush()

    def close(self) -> None:
        """Draw the final state and end the line."""
        if self.enabled:
            self._last = 0.0
            self.total = self.done
            self.update(self.done)
            self.stream.write("\n")
            self.stream.flush()
