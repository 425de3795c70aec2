"""Time `screening lists update us-csl --file derived/csl-2026.csv` into a fresh database.

Target (issue 2): the 24,667-row file is imported (parsed, checked, written, put in
force) in at most 20 s on the 2-core machine.

    .venv/bin/python bench/lists_update.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from screening.lists.update import update
from screening.lists.store import open_store

CSL = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "derived" / "csl-2026.csv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--file", type=Path, default=CSL)
    args = ap.parse_args()
    times = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "bench.db")
            t0 = time.perf_counter()
            report = update(store, "us-csl", file=args.file)
            times.append(time.perf_counter() - t0)
    print(report.summary())
    print(f"runs={args.runs} min={min(times):.2f}s median={statistics.median(times):.2f}s "
          f"max={max(times):.2f}s  (target <= 20 s)")


if __name__ == "__main__":
    main()
