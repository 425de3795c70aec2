"""Memory stays flat while a 1,000,000-row file streams through `screening screen`.

Target (issue: bulk screening): the file is never loaded whole (chunked reading and
writing, bounded in-flight work, resume state and de-duplication answers on disk),
so resident memory at 90% of the run is about what it is at 10%.

The input (built in a temporary folder, never committed) pairs first and last names
of the shared yente synthetic negatives at random, so nearly every row is a distinct
query and the de-duplication store grows to ~1M answers. The CLI runs in a
subprocess; its process tree is sampled every 0.5 s for RSS and PSS, together with
the rows done (read from the resume state file).

    .venv/bin/python bench/bulk_1m_memory.py [--rows 1000000] [--full-lists] [--workers 2]

``--full-lists`` also imports the CSL (slower: the matcher's per-row cost grows with
the lists); the default screens against the project's China lists only, since what
is measured here is the pipeline's memory, not the index's.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
YENTE = ROOT / ".." / "shared" / "data" / "yente" / "candidate_generation_benchmark"
CSL = ROOT / ".." / "shared" / "data" / "derived" / "csl-2026.csv"
SCREENING = [sys.executable, "-m", "screening.cli"]
#: Sampling period, seconds.
SAMPLE_EVERY = 0.5
#: Progress points reported (fraction of rows done).
MARKS = (0.1, 0.25, 0.5, 0.75, 0.9)


def build_input(dest: Path, rows: int, seed: int = 11) -> None:
    """``rows`` people: a random first name with a random last name, and a country."""
    firsts, lasts, countries = [], [], []
    for name in ("negatives_global.csv.gz", "negatives_us.csv.gz"):
        with gzip.open(YENTE / name, "rt", encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                firsts.append(r["first_name"])
                lasts.append(r["last_name"])
                countries.append(r["nationality"])
    rng = random.Random(seed)
    with open(dest, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["customer_id", "full_name", "nationality"])
        for i in range(rows):
            w.writerow([i, f"{rng.choice(firsts)} {rng.choice(lasts)}", rng.choice(countries)])


def tree_memory(proc: psutil.Process) -> tuple[int, int, int]:
    """Summed RSS and PSS of ``proc`` and its descendants, and the RSS of ``proc`` alone
    (the pipeline: reading, de-duplication, writing), in bytes."""
    rss = pss = own = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0, 0
    for p in procs:
        try:
            m = p.memory_full_info()
            rss += m.rss
            pss += getattr(m, "pss", m.rss)
            if p.pid == proc.pid:
                own = m.rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return rss, pss, own


def rows_done(state: Path) -> int:
    try:
        return json.loads(state.read_text())["rows_done"]
    except (OSError, ValueError, KeyError):
        return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int)
    ap.add_argument("--full-lists", action="store_true")
    ap.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = ap.parse_args()
    if not YENTE.exists():
        raise SystemExit(f"needs {YENTE} (shared data absent)")
    tmp = tempfile.TemporaryDirectory(prefix="bulk-1m-")
    work = args.keep or Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SCREENING_DB": str(work / "bench.db"), "PYTHONPATH": str(ROOT)}
    src, out = work / "million.csv", work / "million.screened.csv"
    t0 = time.perf_counter()
    build_input(src, args.rows)
    print(f"input: {args.rows:,} rows, {src.stat().st_size / 2**20:.0f} MB, "
          f"built in {time.perf_counter() - t0:.0f} s", flush=True)
    if args.full_lists:
        subprocess.run(SCREENING + ["lists", "update", "us-csl", "--file", str(CSL)], env=env,
                       check=True, capture_output=True)
    subprocess.run(SCREENING + ["lists", "status"], env=env, check=True, capture_output=True)

    cmd = SCREENING + ["screen", str(src), "-o", str(out), "--as-of", "2026-11-22", "--json"]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    state = out.with_name(out.name + ".screening-state.json")
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    samples: list[tuple[float, int, int, int, int]] = []  # (s, rows done, rss, pss, parent rss)
    while proc.poll() is None:
        rss, pss, own = tree_memory(root)
        samples.append((time.perf_counter() - t0, rows_done(state), rss, pss, own))
        time.sleep(SAMPLE_EVERY)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"screen failed ({proc.returncode}):\n{stderr}")
    summary = json.loads(stdout)
    with open(out, "rb") as f:
        lines = sum(1 for _ in f)

    mb = 2**20
    print(f"{summary['rows']:,} rows in {wall:.0f} s ({summary['rows'] / wall:,.0f} rows/s), "
          f"{summary['screened']:,} distinct queries, output {lines - 1:,} data lines, "
          f"{out.stat().st_size / mb:.0f} MB")
    print("rows done   tree RSS MB   tree PSS MB   pipeline process RSS MB")
    for mark in MARKS:
        target = mark * args.rows
        s = next((s for s in samples if s[1] >= target), samples[-1])
        print(f"{mark:>8.0%}   {s[2] / mb:>11.0f}   {s[3] / mb:>11.0f}   {s[4] / mb:>23.0f}")
    peak_rss = max(s[2] for s in samples) / mb
    peak_pss = max(s[3] for s in samples) / mb
    first = next(s for s in samples if s[1] >= MARKS[0] * args.rows)
    last = next((s for s in samples if s[1] >= MARKS[-1] * args.rows), samples[-1])
    print(f"peak: RSS {peak_rss:.0f} MB, PSS {peak_pss:.0f} MB; "
          f"growth from 10% to 90% of rows: RSS {(last[2] - first[2]) / mb:+.0f} MB, "
          f"PSS {(last[3] - first[3]) / mb:+.0f} MB, pipeline process RSS "
          f"{(last[4] - first[4]) / mb:+.0f} MB")


if __name__ == "__main__":
    main()
