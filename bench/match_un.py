"""Recall on perturbed UN sanctions names (yente candidate-generation benchmark).

Each row of ``positives_un_treated.csv`` (typos, reordering, dropped parts) is
searched against a Matcher built from the matching ``positives_un_untreated.csv``
rows plus the full lists; it counts as found when its own entry is among the
hits at review strength or above. Target: recall >= 0.97.

    .venv/bin/python bench/match_un.py [--show N]
"""

from __future__ import annotations

import argparse
import time

from match_common import YENTE, full_entries, need, read_names

from screening.matching import Matcher
from screening.types import Entry, Name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=20, help="misses to print")
    args = parser.parse_args()
    treated = read_names(need(YENTE / "positives_un_treated.csv"))
    untreated = read_names(need(YENTE / "positives_un_untreated.csv"))
    assert len(treated) == len(untreated)
    un = [
        Entry(id=f"un:{i}", list_id="un", type="person", names=[Name(n)])
        for i, n in enumerate(untreated)
    ]
    matcher = Matcher(un + full_entries())
    found = top1 = 0
    misses = []
    t0 = time.perf_counter()
    for i, q in enumerate(treated):
        hits = matcher.search(q, limit=50)
        ids = [h.entry.id for h in hits]
        if f"un:{i}" in ids:
            found += 1
            top1 += ids[0] == f"un:{i}" or hits[0].score == hits[ids.index(f'un:{i}')].score
        else:
            from screening.matching import compare

            misses.append((q, untreated[i], compare(q, untreated[i], "person")[0]))
    elapsed = time.perf_counter() - t0
    n = len(treated)
    print(f"rows: {n}")
    print(f"recall at review strength: {found / n:.4f} ({found}/{n})")
    print(f"found with the top score: {top1 / n:.4f}")
    print(f"mean search latency: {elapsed / n * 1000:.2f} ms")
    for q, u, s in misses[: args.show]:
        print(f"  miss: {q!r} vs {u!r} compare={s:.3f}")


if __name__ == "__main__":
    main()
