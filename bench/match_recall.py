"""Candidate-generation recall against exhaustive scoring.

For a sample of queries (perturbed UN names, list names with typos, Chinese
names, negatives), scores every list name exhaustively and checks that each
entry reaching review strength is also returned through the index. Target:
recall >= 99.5%.

    .venv/bin/python bench/match_recall.py [--n 300]
"""

from __future__ import annotations

import argparse
import random
import time

from match_common import YENTE, full_entries, read_names

from screening.matching import Matcher, _query_forms
from screening.matching.algorithm import score_pair
from screening.matching.features import Pair
from screening.matching.index import entry_schema


def exhaustive(matcher: Matcher, query: str) -> set[int]:
    """Entry indexes at review strength when every list form is scored."""
    index = matcher.index
    found: set[int] = set()
    for _, qform in _query_forms([query], None, index.idf):
        for cform in index.forms:
            if cform.entry in found:
                continue
            entry = index.entries[cform.entry]
            pair = Pair(qform, cform, entry_countries=tuple(entry.countries), entry_type=entry_schema(entry))
            if score_pair(pair)[0] >= matcher.review_threshold:
                found.add(cform.entry)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="queries (exhaustive scoring is slow)")
    args = parser.parse_args()
    rng = random.Random(11)
    entries = full_entries()
    matcher = Matcher(entries)
    treated = read_names(YENTE / "positives_un_treated.csv")
    negatives = read_names(YENTE / "negatives_global.csv.gz")
    listed = [e.name for e in rng.sample(entries, args.n)]
    typos = []
    for name in listed:
        chars = list(name)
        if len(chars) > 5:
            del chars[rng.randrange(1, len(chars) - 1)]
        typos.append("".join(chars))
    chinese = [n.value for e in entries for n in e.names if n.kind == "chinese"]
    queries = (
        rng.sample(treated, args.n // 2) + typos[: args.n // 2] + rng.sample(chinese, min(args.n // 4, len(chinese)))
        + rng.sample(negatives, args.n // 4)
    )
    total = got = 0
    lost = []
    t0 = time.perf_counter()
    for q in queries:
        want = exhaustive(matcher, q)
        have = {e.id for e in (h.entry for h in matcher.search(q, limit=1000))}
        for idx in want:
            total += 1
            if entries[idx].id in have:
                got += 1
            else:
                lost.append((q, entries[idx].name))
    print(f"queries: {len(queries)} ({time.perf_counter() - t0:.0f} s)")
    print(f"entries at review strength by exhaustive scoring: {total}")
    print(f"of which found through the index: {got} = {got / max(total, 1):.4%}")
    for q, name in lost[:15]:
        print(f"  lost: {q!r} -> {name!r}")


if __name__ == "__main__":
    main()
