"""Speed and memory on the full lists: index build, warm single-search latency,
pickling (shipping a Matcher to a worker).

Targets: build <= 10 s, median search <= 5 ms, p99 <= 50 ms, RSS <= 1.5 GB; issue 14
asks for p50 <= 1 ms, p99 <= 15 ms and RSS <= 600 MB. The slowest 1 % of the queries are
then searched again and their CPU time printed (best of five): a steadier view of the
tail than the p99 of one pass.

    .venv/bin/python bench/match_speed.py
"""

from __future__ import annotations

import pickle
import random
import time

from match_common import YENTE, full_entries, read_names, rss_mb

from screening.matching import Matcher, native

#: Queries timed: a mix of list names (hits), perturbed names and negatives.
N_QUERIES = 2000


def tail_cpu(slowest: list[str], matcher: Matcher, repeats: int = 5) -> None:
    """The slowest 1 % of the queries again, as CPU time, best of ``repeats``: the
    p99's cost without the wall clock's noise (other jobs on a shared machine move the
    p99 by 10-40 % between runs of the same code). Caches are warm by now, so this is
    the matching's own cost of the tail, not its first look-up of new words."""
    best = float("inf")
    for _ in range(repeats):
        c0 = time.process_time()
        for q in slowest:
            matcher.search(q)
        best = min(best, time.process_time() - c0)
    print(f"slowest 1 % ({len(slowest)} queries) again, CPU ms per query, best of {repeats}: "
          f"{best / max(len(slowest), 1) * 1000:.2f}")


def main() -> None:
    entries = full_entries()
    print(f"matcher build: {native.MODE}")  # compiled or from source (screening/matching/native.py)
    print(f"entries: {len(entries)}  (RSS after parsing {rss_mb():.0f} MB)")
    t0, c0 = time.perf_counter(), time.process_time()
    matcher = Matcher(entries)
    build, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"index build: {build:.2f} s wall ({cpu:.2f} s CPU), {len(matcher.index.forms)} name forms, {len(matcher.index.postings)} keys")
    rng = random.Random(7)
    listed = [e.name for e in rng.sample(entries, N_QUERIES // 2)]
    negatives = rng.sample(read_names(YENTE / "negatives_global.csv.gz"), N_QUERIES // 4)
    typos = []
    for name in rng.sample(listed, N_QUERIES // 4):
        chars = list(name)
        if len(chars) > 4:
            i = rng.randrange(1, len(chars) - 1)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        typos.append("".join(chars))
    queries = listed + negatives + typos
    rng.shuffle(queries)
    for q in queries[:200]:  # warm caches
        matcher.search(q)
    timed_queries = []
    for q in queries:
        t = time.perf_counter()
        matcher.search(q)
        timed_queries.append(((time.perf_counter() - t) * 1000, q))
    times = sorted(ms for ms, _ in timed_queries)
    pct = lambda p: times[min(len(times) - 1, int(p / 100 * len(times)))]  # noqa: E731
    print(f"search latency ms over {len(times)} queries: p50 {pct(50):.2f}  p95 {pct(95):.2f}  p99 {pct(99):.2f}  max {times[-1]:.2f}")
    tail_cpu([q for _, q in sorted(timed_queries)[-len(times) // 100 :]], matcher)
    print(f"peak RSS: {rss_mb():.0f} MB")
    t0 = time.perf_counter()
    blob = pickle.dumps(matcher)
    t1 = time.perf_counter()
    pickle.loads(blob)
    t2 = time.perf_counter()
    print(f"pickle: {len(blob) / 1e6:.1f} MB in {t1 - t0:.2f} s; unpickle (rebuilds the index) {t2 - t1:.2f} s")


if __name__ == "__main__":
    main()
