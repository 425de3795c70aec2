"""Labelled name pairs: our precision / recall / F1 beside yente's logic-v2, per file.

Every file of ``bench/pairs`` (ours) and every derived set of ``--derived``
(``bench/derive_pairs.py``, default ``/tmp/derived-pairs``) is scored in one
run: our ``compare()`` at the match threshold (``SCREENING_MATCH_THRESHOLD``,
0.85) beside nomenklatura's ``LogicV2`` at yente's match threshold 0.7
(:mod:`logic_v2`; needs the bench extra). ``--folds 3,4`` keeps only the rows
of those folds in files that have a ``fold`` column (the derived sets); our own
files have none and are reported whole. ``--by-category`` adds the share of
each category called a match by each matcher. With ``--errors``, every pair we
misclassify at the match threshold (or at review strength for non-matches).

    .venv/bin/python bench/match_pairs.py [files ...] [--derived DIR] [--folds 3,4] [--by-category] [--errors]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from match_common import ROOT

import logic_v2
from screening import settings
from screening.evaluation import _prf, _read_rows, _truthy
from screening.matching import compare

DERIVED = Path("/tmp/derived-pairs")


def pair_rows(path: Path, folds: set[int] | None = None) -> list[dict[str, str]]:
    """The labelled rows of ``path`` (only the given folds when it has a ``fold`` column)."""
    rows = [r for r in _read_rows(path) if (r.get("name1") or "").strip() and (r.get("name2") or "").strip()]
    if folds is not None and rows and "fold" in rows[0]:
        rows = [r for r in rows if int(r["fold"]) in folds]
    return rows


def schema_of(row: dict[str, str]) -> str | None:
    """The row's schema cell, or None."""
    return (row.get("schema") or "").strip() or None


def ours(row: dict[str, str]) -> float:
    """Our score of one row."""
    return compare(row["name1"].strip(), row["name2"].strip(), schema_of(row))[0]


def theirs(row: dict[str, str]) -> float:
    """logic-v2's score of one row."""
    return logic_v2.score(row["name1"].strip(), row["name2"].strip(), schema_of(row))


def evaluate(rows: list[dict[str, str]], scorer, threshold: float) -> dict:
    """Precision / recall / F1 of ``scorer`` at ``threshold``, plus ms per pair."""
    t0 = time.perf_counter()
    scored = [(scorer(r), _truthy(r.get("is_match"))) for r in rows]
    out = _prf(scored, threshold)
    out["ms"] = (time.perf_counter() - t0) / max(len(rows), 1) * 1000
    out["scores"] = [s for s, _ in scored]
    return out


def _errors(rows: list[dict[str, str]], scores: list[float]) -> list[str]:
    """Lines for each pair on the wrong side of a threshold."""
    out = []
    for row, score in zip(rows, scores):
        label = _truthy(row.get("is_match"))
        where = f"[{row.get('category', '')}] {row['name1']!r} vs {row['name2']!r}"
        if label and score < settings.MATCH_THRESHOLD:
            out.append(f"  FN {score:.3f} {where}")
        elif not label and score >= settings.REVIEW_THRESHOLD:
            out.append(f"  FP {score:.3f} {where}")
    return out


def by_category(rows: list[dict[str, str]], ours_s: list[float], lv2_s: list[float] | None) -> list[str]:
    """Per category: pairs, label, and the share each matcher calls a match (recall for
    positives, false-positive rate for negatives)."""
    groups: dict[tuple[str, bool], list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault((row.get("category", ""), _truthy(row.get("is_match"))), []).append(i)
    out = []
    for (cat, label), ix in sorted(groups.items(), key=lambda kv: (not kv[0][1], kv[0][0])):
        ours_share = sum(ours_s[i] >= settings.MATCH_THRESHOLD for i in ix) / len(ix)
        line = f"    {cat or '-':<24} {'pos' if label else 'neg'} {len(ix):>5}  ours {ours_share:.3f}"
        if lv2_s is not None:
            line += f"   logic-v2 {sum(lv2_s[i] >= logic_v2.THRESHOLD for i in ix) / len(ix):.3f}"
        out.append(line)
    return out


def default_files(derived: Path) -> list[Path]:
    """Our sets (``bench/pairs``, its held-out split) and the derived sets, if present."""
    pairs = ROOT / "bench" / "pairs"
    return sorted(pairs.glob("*.csv")) + sorted((pairs / "heldout").glob("*.csv")) + sorted(derived.glob("*.csv"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="pair CSVs (default: bench/pairs, its heldout/, and --derived)")
    parser.add_argument("--derived", type=Path, default=DERIVED, help="directory of derived sets")
    parser.add_argument("--folds", help="comma-separated folds to report (derived sets)")
    parser.add_argument("--no-logic-v2", action="store_true", help="skip nomenklatura")
    parser.add_argument("--errors", action="store_true", help="list every pair we misclassify")
    parser.add_argument("--by-category", action="store_true", help="share called a match, per category")
    args = parser.parse_args()
    folds = {int(f) for f in args.folds.split(",")} if args.folds else None
    files = [Path(f) for f in args.files] or default_files(args.derived)
    m, t = settings.MATCH_THRESHOLD, logic_v2.THRESHOLD
    print(f"ours at {m:.2f}, logic-v2 (nomenklatura LogicV2, yente's default) at {t:.2f}" + (f"; folds {sorted(folds)}" if folds else ""))
    print(f"{'file':<26} {'n':>5}  {'ours P':>6} {'R':>6} {'F1':>6}   {'lv2 P':>6} {'R':>6} {'F1':>6}   {'dF1':>6}  ms/pair ours lv2")
    for path in files:
        rows = pair_rows(path, folds)
        a = evaluate(rows, ours, m)
        b = None if args.no_logic_v2 else evaluate(rows, theirs, t)
        name = path.name if path.parent.name != "heldout" else f"heldout/{path.name}"
        line = f"{name:<26} {len(rows):>5}  {a['precision']:>6.3f} {a['recall']:>6.3f} {a['f1']:>6.3f}"
        if b:
            line += f"   {b['precision']:>6.3f} {b['recall']:>6.3f} {b['f1']:>6.3f}   {a['f1'] - b['f1']:>+6.3f}  {a['ms']:.2f} {b['ms']:.2f}"
        print(line, flush=True)
        if args.by_category:
            for line in by_category(rows, a["scores"], b["scores"] if b else None):
                print(line)
        if args.errors:
            for err in _errors(rows, a["scores"]):
                print(err)


if __name__ == "__main__":
    main()
