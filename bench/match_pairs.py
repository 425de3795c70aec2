"""Labelled name pairs (``bench/pairs/*.csv``): F1 per file, every error listed.

The same report as ``screening bench pairs`` (:func:`screening.bench.pairs_report`)
for each file, plus a one-line summary table and, with ``--errors``, every pair
misclassified at the match threshold (or at review strength for non-matches).

    .venv/bin/python bench/match_pairs.py [files ...] [--errors]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from match_common import ROOT

from screening import settings
from screening.bench import _read_rows, pairs_report
from screening.matching import compare


def _errors(path: Path) -> list[str]:
    """Lines for each pair on the wrong side of a threshold."""
    out = []
    for row in _read_rows(path):
        label = row["is_match"].strip() == "1"
        score, _ = compare(row["name1"], row["name2"], (row.get("schema") or "").strip() or None)
        if label and score < settings.MATCH_THRESHOLD:
            out.append(f"  FN {score:.3f} [{row.get('category', '')}] {row['name1']!r} vs {row['name2']!r}")
        elif not label and score >= settings.REVIEW_THRESHOLD:
            out.append(f"  FP {score:.3f} [{row.get('category', '')}] {row['name1']!r} vs {row['name2']!r}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="pair CSVs (default: bench/pairs/*.csv)")
    parser.add_argument("--errors", action="store_true", help="list every misclassified pair")
    args = parser.parse_args()
    files = [Path(f) for f in args.files] or sorted((ROOT / "bench" / "pairs").glob("*.csv"))
    print(f"{'file':<28} {'n':>4}  F1@match  F1@review  best")
    for path in files:
        r = pairs_report(path)
        best = r["best"]
        print(
            f"{path.name:<28} {r['n']:>4}  {r['f1']:.4f}    {r['review']['f1']:.4f}     "
            f"{best['f1']:.4f}@{best['threshold']:.2f}   (P {r['precision']:.4f} R {r['recall']:.4f})"
        )
        if args.errors:
            for line in _errors(path):
                print(line)


if __name__ == "__main__":
    main()
