"""Speed and memory on the full lists: index build, warm single-search latency,
pickling (shipping a Matcher to a worker).

Targets: build <= 10 s, median search <= 5 ms, p99 <= 50 ms, RSS <= 1.5 GB.

    .venv/bin/python bench/match_speed.py
"""

from __future__ import annotations

import pickle
import random
import time

from match_common import YENTE, full_entries, read_names, rss_mb

from screening.matching import Matcher

#: Queries timed: a mix of list names (hits), perturbed names and negatives.
N_QUERIES = 2000


def main() -> None:
    entries = full_entries()
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
    times = []
    for q in queries:
        t = time.perf_counter()
        matcher.search(q)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    pct = lambda p: times[min(len(times) - 1, int(p / 100 * len(times)))]  # noqa: E731
    print(f"search latency ms over {len(times)} queries: p50 {pct(50):.2f}  p95 {pct(95):.2f}  p99 {pct(99):.2f}  max {times[-1]:.2f}")
    print(f"peak RSS: {rss_mb():.0f} MB")
    t0 = time.perf_counter()
    blob = pickle.dumps(matcher)
    t1 = time.perf_counter()
    pickle.loads(blob)
    t2 = time.perf_counter()
    print(f"pickle: {len(blob) / 1e6:.1f} MB in {t1 - t0:.2f} s; unpickle (rebuilds the index) {t2 - t1:.2f} s")


if __name__ == "__main__":
    main()
