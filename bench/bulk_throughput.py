"""Bulk throughput: 100,000 rows through `screening screen` against the full lists.

Targets: >= 3,000 rows/s end to end on the 2-core machine (issue: bulk screening; 100,000
rows in <= 33 s), raised to >= 4,000 rows/s by issue 14 ("speed does not regress"), with
peak resident memory <= 2 GB, children included.

The input is built in a temporary folder from the shared yente benchmark files
(never committed): the two 50,000-row synthetic negative files with the 684 UN
positives (untreated) mixed in, column ``full_name``. The lists are the CSL
(``derived/csl-2026.csv`` via ``screening lists update us-csl --file``) plus the
project's China lists. The CLI runs in a subprocess; its process tree (parent and
workers) is sampled every 0.1 s for resident memory (RSS) and every second for
proportional memory (PSS, which counts pages shared by the forked workers once).

Before the timed run the index snapshot is written (``screening lists index``), as
the background refresh that ``lists update`` starts does within ~20 s of an update:
the run then loads the index like any bulk run after that. ``--fresh-index`` keeps
the older set-up, where the run starts right after the update and builds the index
itself while the detached refresh builds it too (at nice 19).

    .venv/bin/python bench/bulk_throughput.py [--rows 100000] [--workers 2] [--keep DIR]
        [--fresh-index] [--profile 5000] [--pipeline-only]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared" / "data"
YENTE = SHARED / "yente" / "candidate_generation_benchmark"
CSL = SHARED / "derived" / "csl-2026.csv"
SCREENING = [sys.executable, "-m", "screening.cli"]
#: Memory sampling period, seconds (RSS); PSS every PSS_EVERY samples.
SAMPLE_EVERY = 0.1
PSS_EVERY = 10
#: Fixed date, so runs are comparable.
AS_OF = "2026-11-22"


def _matcher_build() -> str:
    """Which build of the matcher the screening subprocess runs (screening/matching/native.py)."""
    code = "import screening.matching.native as n; print(n.MODE)"
    return subprocess.run(SCREENING[:1] + ["-c", code], capture_output=True, text=True, cwd=ROOT).stdout.strip()


def build_input(dest: Path, rows: int, seed: int = 7) -> dict:
    """Negatives (global + US) with the UN positives spread through them, ``rows`` rows."""
    negatives: list[list[str]] = []
    header: list[str] = []
    for name in ("negatives_global.csv.gz", "negatives_us.csv.gz"):
        with gzip.open(YENTE / name, "rt", encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            negatives.extend(reader)
    with open(YENTE / "positives_un_untreated.csv", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        positives = list(reader)
    rng = random.Random(seed)
    n_pos = min(len(positives), rows)
    body = negatives[: rows - n_pos] + positives[:n_pos]
    rng.shuffle(body)
    with open(dest, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(body)
    distinct = len({r[0] for r in body})
    return {"rows": len(body), "positives": n_pos, "distinct_names": distinct}


class TreeSampler(threading.Thread):
    """Peak summed RSS (every 0.1 s) and PSS (every 1 s) of a process and its descendants.

    RSS comes from /proc/PID/statm (cheap); PSS needs /proc/PID/smaps_rollup, which
    costs more, so it is read less often to keep the sampler from slowing the run.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.root = psutil.Process(pid)
        self.peak_rss = self.peak_pss = 0
        self.peak_procs = 0
        self.stop = threading.Event()

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.NoSuchProcess:
                return
            rss = pss = 0
            full = n % PSS_EVERY == 0
            for p in procs:
                try:
                    if full:
                        m = p.memory_full_info()
                        pss += getattr(m, "pss", m.rss)
                    else:
                        m = p.memory_info()
                    rss += m.rss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
            self.peak_rss = max(self.peak_rss, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_procs = max(self.peak_procs, len(procs))
            n += 1
            time.sleep(SAMPLE_EVERY)


def children_cpu() -> float:
    """CPU seconds (user + system) of every waited-for descendant so far."""
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_measured(cmd: list[str], env: dict) -> tuple[float, float, TreeSampler, str]:
    """Run ``cmd``; wall time, CPU time of the tree, memory sampler and stdout."""
    cpu0 = children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err}")
    return wall, children_cpu() - cpu0, sampler, out


#: Functions whose share of the per-row time --profile reports: (file suffix, name, label).
PROFILED = (
    ("matching/__init__.py", "search", "Matcher.search"),
    ("matching/__init__.py", "find_affiliates", "Matcher.find_affiliates"),
    ("rules.py", "determine", "rules.determine"),
    ("screen.py", "to_dict", "ScreeningResult.to_dict"),
    ("bulk/rows.py", "result_cells", "bulk result_cells"),
)


def profile_rows(db: Path, src: Path, n: int) -> None:
    """Where one row's time goes: CPU ms/row of check on fresh names, then a profile split."""
    import cProfile
    import pstats

    from screening.bulk.engine import frozen_heap
    from screening.bulk.pipeline import build_screener
    from screening.bulk.rows import result_cells

    with open(src, encoding="utf-8", newline="") as f:
        names = [r[0] for r in csv.reader(f)][1:]
    a, b = names[:n], names[n:2 * n]
    screener = build_screener(str(db))
    with frozen_heap():  # as in the workers
        t0 = time.process_time()
        for name in a:
            result_cells(screener.check(name, as_of=AS_OF).to_dict())
        per_row = (time.process_time() - t0) / len(a) * 1e3
        prof = cProfile.Profile()
        prof.enable()
        for name in b:
            result_cells(screener.check(name, as_of=AS_OF).to_dict())
        prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(v[3] for k, v in stats.items() if k[2] == "check" and k[0].endswith("screen.py"))
    total += sum(v[3] for k, v in stats.items() if k[2] == "result_cells")
    total += sum(v[3] for k, v in stats.items() if k[2] == "to_dict" and k[0].endswith("screen.py"))
    print(f"check + to_dict + result_cells: {per_row:.3f} ms CPU per row "
          f"({len(a):,} fresh names, GC frozen, no profiler)")
    for suffix, func, label in PROFILED:
        t = sum(v[3] for k, v in stats.items() if k[2] == func and k[0].endswith(suffix))
        print(f"  {label:26} {100 * t / total:5.1f} % of the row's time (cProfile, {len(b):,} other names)")


class _NoOpResult:
    def to_dict(self) -> dict:
        return {"outcome": "CLEAR", "hits": [], "findings": []}


class NoOpScreener:
    """Answers CLEAR at once: what is left is the bulk pipeline's own cost."""

    data_version = "no-op"

    def check(self, name, country=None, aliases=(), as_of=None, **kw):  # noqa: ANN001
        return _NoOpResult()


def pipeline_only(src: Path, out: Path) -> None:
    """The pipeline's cost per row with a no-op screener, on one core (serial engine)."""
    from screening.bulk import screen_file

    cpu0 = time.process_time()
    summary = screen_file(src, out, screener=NoOpScreener(), workers=1, as_of=AS_OF,
                          progress=False)
    cpu = time.process_time() - cpu0
    print(f"pipeline only (no-op screener, 1 core): {summary.rows:,} rows in "
          f"{summary.seconds:.1f} s, {cpu / summary.rows * 1e6:.0f} µs CPU per row")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=None, help="default: every core")
    ap.add_argument("--engine", default="local")
    ap.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    ap.add_argument("--fresh-index", action="store_true",
                    help="Screen right after the update, before the index snapshot exists.")
    ap.add_argument("--pipeline-only", action="store_true",
                    help="Also time the pipeline alone, with a no-op screener.")
    ap.add_argument("--profile", type=int, metavar="N",
                    help="Also profile N rows in-process: where a row's time goes.")
    args = ap.parse_args()
    for p in (YENTE, CSL):
        if not p.exists():
            raise SystemExit(f"needs {p} (shared data absent)")
    tmp = tempfile.TemporaryDirectory(prefix="bulk-bench-")
    work = args.keep or Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SCREENING_DB": str(work / "bench.db"), "PYTHONPATH": str(ROOT)}
    src = work / "customers.csv"
    facts = build_input(src, args.rows)
    t0 = time.perf_counter()
    # Without --fresh-index the update starts no detached refresh (it would compete with
    # the timed run); the snapshot is written here instead, before the clock starts.
    update_env = env if args.fresh_index else {**env, "SCREENING_INDEX_SNAPSHOT": "0"}
    subprocess.run(SCREENING + ["lists", "update", "us-csl", "--file", str(CSL)], env=update_env,
                   check=True, capture_output=True)
    subprocess.run(SCREENING + ["lists", "status"], env=env, check=True, capture_output=True)
    if not args.fresh_index:
        subprocess.run(SCREENING + ["lists", "index"], env=env, check=True, capture_output=True)
    load = time.perf_counter() - t0
    snapshot_before = (work / "bench.db.index").exists()
    cmd = SCREENING + ["screen", str(src), "-o", str(work / "screened.csv"), "--as-of", AS_OF,
                       "--engine", args.engine, "--json"]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    load_before = round(os.getloadavg()[0], 2)  # other jobs on the machine skew wall time
    wall, cpu, mem, out = run_measured(cmd, env)
    summary = json.loads(out)
    report = {
        **facts,
        "lists_loaded_s": round(load, 1),
        "wall_s": round(wall, 2),
        "rows_per_s_end_to_end": round(facts["rows"] / wall),
        "cpu_s_tree": round(cpu, 1),
        "load_average_1min_before": load_before,
        "load_average_1min_after": round(os.getloadavg()[0], 2),
        "screen_phase_s": summary["seconds"],
        "screener_build_s": summary["build_seconds"],
        "index_snapshot_before_run": snapshot_before,
        "outcomes": summary["outcomes"],
        "errors": summary["errors"],
        "distinct_queries": summary["screened"],
        "workers": summary["workers"],
        "matcher_build": _matcher_build(),
        "peak_rss_tree_mb": round(mem.peak_rss / 2**20),
        "peak_pss_tree_mb": round(mem.peak_pss / 2**20),
        "processes": mem.peak_procs,
    }
    print(json.dumps(report, indent=1))
    if args.profile:
        profile_rows(work / "bench.db", src, args.profile)
    if args.pipeline_only:
        pipeline_only(src, work / "no-op.csv")
    print(f"{facts['rows']:,} rows in {wall:.1f} s = {facts['rows'] / wall:,.0f} rows/s end to end "
          f"(target >= 4,000, issue 14); peak RSS (tree) {report['peak_rss_tree_mb']} MB, "
          f"PSS {report['peak_pss_tree_mb']} MB (target <= 2048)")


if __name__ == "__main__":
    main()
