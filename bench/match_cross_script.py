"""Watchman's cross-script pairs: every pair must reach its minimum score.

``watchman/cross_script_pairs.csv`` (``Query,Expected Match,Min Score,Description``,
``#`` comments; Min Score on a 0-1 scale) scored with :func:`compare`.

    .venv/bin/python bench/match_cross_script.py
"""

from __future__ import annotations

import csv

from match_common import SHARED, need

from screening.matching import compare


def main() -> None:
    path = need(SHARED / "watchman" / "cross_script_pairs.csv")
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.reader(lines))
    ok = 0
    for query, expected, min_score, desc in rows:
        score, _ = compare(query, expected)
        passed = score >= float(min_score)
        ok += passed
        print(f"{'ok  ' if passed else 'FAIL'} {query} -> {expected}: {score:.3f} (min {float(min_score):.2f}) {desc}")
    print(f"{ok}/{len(rows)} pairs reach their minimum score")


if __name__ == "__main__":
    main()
