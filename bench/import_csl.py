"""Time the list importers (parsing only, no database) on the shared data files.

The full CSL (derived/csl-2026.csv, 24,667 rows) must parse well inside the 20 s
budget of a whole `screening lists update` (issue 2); bench/lists_update.py
times the update including the database write.

    .venv/bin/python bench/import_csl.py [--runs 3] [--file PATH --format csl-csv]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from screening.lists.importers import detect_format, parse_file

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
#: (file, importer options) timed by default.
DEFAULT_FILES: tuple[tuple[str, dict], ...] = (
    ("derived/csl-2026.csv", {}),
    ("watchman/csl.csv", {"strict": False}),  # the extract's last row is truncated
    ("ofac_sdn_gitscrape/2024-05-03/sdn.csv.gz", {}),
    ("watchman/cons_prim.csv", {}),
    ("yente/zala/entities.ftm.json", {}),
)


def time_file(path: Path, runs: int, format: str | None, options: dict) -> tuple[int, list[float]]:
    """Parse ``path`` ``runs`` times; return (records, seconds per run)."""
    times: list[float] = []
    count = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        count = sum(1 for _ in parse_file(path, format, **options))
        times.append(time.perf_counter() - t0)
    return count, times


def main() -> None:
    """Print one line per file: format, records, min/median/max seconds, rows/s."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--file", type=Path, help="time only this file")
    ap.add_argument("--format", help="importer name (default: detected)")
    args = ap.parse_args()
    jobs = [(args.file, {})] if args.file else [(DATA / rel, opts) for rel, opts in DEFAULT_FILES]
    for path, options in jobs:
        if not path.exists():
            print(f"{path}: missing, skipped")
            continue
        fmt = args.format or detect_format(path)
        count, times = time_file(path, args.runs, fmt, options)
        best = min(times)
        print(f"{path.name:<22} {fmt:<10} records={count:<6} min={best:.2f}s "
              f"median={statistics.median(times):.2f}s max={max(times):.2f}s  {count / best:,.0f} rec/s")


if __name__ == "__main__":
    main()
