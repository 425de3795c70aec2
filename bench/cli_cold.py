"""Time a cold `screening check NAME`: a fresh process per run, on the lists in a database.

Target (issue 15 item 6): at most 1.5 s wall on the 2-core machine with the
full CSL loaded. Load it once first:

    export SCREENING_DB=/tmp/me/screening.db
    .venv/bin/screening lists update us-csl --file ../shared/data/derived/csl-2026.csv
    .venv/bin/python bench/cli_cold.py [--runs 10] [--name "Huawei Technologies"]

The first run after an update writes the index snapshot (<db>.index); it is
timed apart (``--no-warm`` includes it). Names are cycled over the runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SCREENING = Path(sys.executable).with_name("screening")
NAMES = ["Huawei Technologies", "成都海光集成电路设计有限公司", "Ротенберг Аркадий Романович",
         "Jane Example Trading Ltd", "Hikvision Robotics"]


def run_once(name: str, db: str | None) -> float:
    """Wall seconds of one `screening check NAME` in a fresh process."""
    cmd = [str(SCREENING), "check", name, "--as-of", "2026-11-22"]
    if db:
        cmd += ["--db", db]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--name", action="append", help="Name to check (repeatable; default: a mix).")
    ap.add_argument("--db", help="Database (default: $SCREENING_DB).")
    ap.add_argument("--no-warm", action="store_true", help="Do not run (and time) a first check apart.")
    args = ap.parse_args()
    names = args.name or NAMES
    if not args.no_warm:
        print(f"first check (writes the snapshot if missing): {run_once(names[0], args.db):.2f}s")
    times = [run_once(names[i % len(names)], args.db) for i in range(args.runs)]
    load = os.getloadavg()
    print(f"runs={args.runs} min={min(times):.2f}s median={statistics.median(times):.2f}s "
          f"max={max(times):.2f}s  (target <= 1.5 s)  load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
