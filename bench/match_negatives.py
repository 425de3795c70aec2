"""False positives and throughput on 100,000 synthetic people (yente negatives).

None of ``negatives_global.csv.gz`` / ``negatives_us.csv.gz`` is a listed
person. Screens every row against the full lists and reports the share of rows
with a ``match`` hit (target <= 0.1%) and with any hit at review strength
(target <= 1%), plus single-process throughput.

    .venv/bin/python bench/match_negatives.py [--limit N] [--show N] [--family-first]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from match_common import YENTE, full_entries, need, read_names, rss_mb

from screening.matching import Matcher
from screening.types import detect_script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="rows per file (0 = all)")
    parser.add_argument("--show", type=int, default=15, help="false positives to print")
    parser.add_argument("--profile", action="store_true", help="cProfile the screening loop")
    parser.add_argument("--dump", help="write every row with a hit to this TSV (query, hit, score, strength, script)")
    parser.add_argument("--by-script", action="store_true", help="also time each row and sum CPU by script")
    parser.add_argument("--family-first", action="store_true",
                        help='write each Latin name "FAMILY, Given ..." (last word first), as lists do: the rules '
                             "that read marked family names only act on such queries")
    args = parser.parse_args()
    names: list[str] = []
    for f in ("negatives_global.csv.gz", "negatives_us.csv.gz"):
        rows = read_names(need(YENTE / f))
        names.extend(rows[: args.limit] if args.limit else rows)
    if args.family_first:
        names = [family_first(n) for n in names]
    t0 = time.perf_counter()
    matcher = Matcher(full_entries())
    print(f"index built in {time.perf_counter() - t0:.2f} s (incl. parsing the lists)")
    queries = [{"name": n} for n in names]
    t0 = time.perf_counter()
    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
    results = list(matcher.search_many(queries))
    elapsed = time.perf_counter() - t0
    if args.profile:
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    n = len(names)
    match_rows = [(q, h) for q, h in zip(names, results) if h and h[0].strength == "match"]
    review_rows = [(q, h) for q, h in zip(names, results) if h]
    print(f"rows: {n}")
    print(f"rows with a match hit: {len(match_rows)} ({len(match_rows) / n:.4%})  target <= 0.1%")
    print(f"rows with any hit (review or match): {len(review_rows)} ({len(review_rows) / n:.4%})  target <= 1%")
    print(f"screening time: {elapsed:.2f} s = {elapsed / n * 1000:.3f} ms/row (one process)")
    print(f"peak RSS: {rss_mb():.0f} MB")
    if args.by_script:
        cpu: Counter[str] = Counter()
        for n in names:
            c = time.process_time()
            matcher.search(n)
            cpu[detect_script(n)] += time.process_time() - c
        print("CPU by query script, s (second pass, caches warm): " + ", ".join(f"{k} {v:.2f}" for k, v in cpu.most_common()))
    lists = Counter(h[0].entry.list_id for _, h in review_rows)
    print(f"hits by list: {dict(lists.most_common())}")
    scripts = Counter(detect_script(q) for q, _ in match_rows)
    print(f"match hits by query script: {dict(scripts.most_common())}")
    for q, h in (match_rows + review_rows)[: args.show]:
        print(f"  {q!r} -> {h[0].matched_name!r} {h[0].score:.3f} {h[0].strength}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for q, h in review_rows:
                fh.write(f"{q}\t{h[0].matched_name}\t{h[0].score:.3f}\t{h[0].strength}\t{detect_script(q)}\n")


def family_first(name: str) -> str:
    """ "Maria Lopez Garcia" -> "GARCIA, Maria Lopez" for Latin-script names of two words or more."""
    words = name.split()
    if len(words) < 2 or detect_script(name) != "Latn":
        return name
    return f"{words[-1].upper()}, {' '.join(words[:-1])}"


if __name__ == "__main__":
    main()
