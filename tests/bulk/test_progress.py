"""The progress bar."""

from __future__ import annotations

import io

from screening.bulk.progress import Progress, format_eta, render_bar


def test_format_eta():
    assert format_eta(65) == "0:01:05"
    assert format_eta(3725.4) == "1:02:05"
    assert format_eta(float("inf")) == "--:--"


def test_render_bar():
    line = render_bar(42_000, 100_000, 3150.0, width=100)
    assert line.endswith("  42%  42,000/100,000 rows  3,150 rows/s  ETA 0:00:18")
    assert line.startswith("[" + "#" * 12 + "." * 18 + "]")  # 30-character bar, 42% filled
    assert len(line) <= 99
    assert render_bar(500, None, 10.0) == "500 rows  10 rows/s"


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_quiet_unless_a_terminal():
    plain = io.StringIO()
    p = Progress(100, stream=plain)
    p.update(50)
    p.close()
    assert plain.getvalue() == ""
    tty = Tty()
    p = Progress(100, stream=tty)
    p.update(50)
    p.close()
    first, last = tty.getvalue().split("\r")[1:]
    assert first.startswith("[") and "  50%  50/100 rows  " in first
    assert "100%  50/50 rows" in last and last.endswith("\n")
    assert last.rstrip().endswith("ETA 0:00:00")  # padded with blanks over a longer line
