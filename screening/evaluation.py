"""Benchmark harness behind ``screening bench pairs`` and ``screening bench search``.

* :func:`pairs_report` scores labelled name pairs (``name1,name2,is_match``,
  optional ``schema``; other columns ignored) with :func:`screening.matching.compare`
  and reports precision, recall and F1 at the match and review thresholds and
  at the best threshold.
* :func:`search_report` runs ``query,expected`` rows (``expected``: ``|``-separated
  acceptable names of the entry that must be found; empty: nothing may be
  found) through a matcher or screener and reports recall at review strength,
  false positives and latency percentiles.
* :func:`format_report` renders either report as text.
"""

from __future__ import annotations

import csv
import time
from pathlib import Path
from typing import Any, Iterable

from screening import settings

#: Threshold grid scanned for the best F1.
THRESHOLD_STEPS = [round(0.50 + 0.01 * i, 2) for i in range(50)]


def _truthy(value: str | None) -> bool:
    """CSV truth values: 1, true, yes, y, match."""
    return str(value or "").strip().lower() in ("1", "true", "yes", "y", "match", "t")


def _read_rows(path: Path | str) -> list[dict[str, str]]:
    """Rows of a CSV file, skipping blank and ``#`` comment lines."""
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.lstrip().startswith("#")]
    return list(csv.DictReader(lines))


def _prf(scores: list[tuple[float, bool]], threshold: float) -> dict[str, Any]:
    """Precision, recall, F1 and the confusion counts at ``threshold``."""
    tp = sum(1 for s, y in scores if y and s >= threshold)
    fp = sum(1 for s, y in scores if not y and s >= threshold)
    fn = sum(1 for s, y in scores if y and s < threshold)
    tn = len(scores) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def pairs_report(path: Path | str, *, show_errors: int = 10) -> dict[str, Any]:
    """Score every labelled pair of ``path`` and summarise.

    Returns a dict with ``n``, ``threshold``, ``precision``, ``recall``, ``f1``
    (at the match threshold), ``review`` and ``best`` (same keys) and
    ``errors`` (the worst misclassified pairs at the match threshold).
    """
    from screening.matching import compare

    rows = _read_rows(path)
    scored: list[tuple[float, bool]] = []
    details = []
    t0 = time.perf_counter()
    for row in rows:
        name1 = (row.get("name1") or "").strip()
        name2 = (row.get("name2") or "").strip()
        if not name1 or not name2:
            continue
        label = _truthy(row.get("is_match"))
        schema = (row.get("schema") or "").strip() or None
        score, _ = compare(name1, name2, schema)
        scored.append((score, label))
        details.append((name1, name2, label, score, row.get("category", "")))
    elapsed = time.perf_counter() - t0
    match_t = settings.MATCH_THRESHOLD
    report: dict[str, Any] = {"kind": "pairs", "file": str(path), "n": len(scored)}
    report.update(_prf(scored, match_t))
    report["review"] = _prf(scored, settings.REVIEW_THRESHOLD)
    best = max((_prf(scored, t) for t in THRESHOLD_STEPS), key=lambda r: (r["f1"], -abs(r["threshold"] - match_t)))
    report["best"] = best
    report["ms_per_pair"] = round(elapsed / max(len(scored), 1) * 1000, 3)
    errors = [d for d in details if d[2] != (d[3] >= match_t)]
    errors.sort(key=lambda d: -abs(d[3] - match_t))
    report["errors"] = [
        {"name1": a, "name2": b, "is_match": y, "score": round(s, 4), "category": c}
        for a, b, y, s, c in errors[:show_errors]
    ]
    return report


def _search(target: Any, query: str) -> list[Any]:
    """Hits of a Matcher (``search``) or a Screener (``check``/``screen``) for ``query``."""
    if hasattr(target, "search"):
        return list(target.search(query))
    if hasattr(target, "matcher"):
        return list(target.matcher.search(query))
    raise TypeError(f"cannot search with {type(target).__name__}")


def _names_of(hit: Any) -> set[str]:
    """Every name of a hit's entry, folded for comparison with ``expected``."""
    entry = hit.entry
    names = {n.value for n in entry.names} | {hit.matched_name}
    return {" ".join(n.casefold().split()) for n in names}


def _percentile(values: list[float], pct: float) -> float:
    """The ``pct`` percentile (nearest rank) of ``values``."""
    if not values:
        return 0.0
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(pct / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def search_report(target: Any, path: Path | str, *, show_errors: int = 10) -> dict[str, Any]:
    """Run every ``query,expected`` row of ``path`` and summarise.

    Args:
        target: a :class:`screening.matching.Matcher`, or a screener exposing
            ``.matcher``.
        path: CSV with ``query`` and ``expected`` columns.

    Returns:
        ``n``, ``positives``, ``found``, ``recall``, ``negatives``,
        ``false_positives`` (negatives with any hit), ``wrong_top`` (positives
        whose best hit is another entry), ``latency_ms`` {p50, p95, p99, max}
        and ``misses``.
    """
    rows = _read_rows(path)
    latencies: list[float] = []
    positives = found = negatives = false_pos = wrong_top = 0
    misses: list[dict[str, Any]] = []
    for row in rows:
        query = (row.get("query") or "").strip()
        if not query:
            continue
        expected = {" ".join(e.casefold().split()) for e in (row.get("expected") or "").split("|") if e.strip()}
        t0 = time.perf_counter()
        hits = _search(target, query)
        latencies.append((time.perf_counter() - t0) * 1000)
        if expected:
            positives += 1
            ok = [h for h in hits if _names_of(h) & expected]
            if ok:
                found += 1
                if not (_names_of(hits[0]) & expected) and hits[0].score > ok[0].score:
                    wrong_top += 1
            elif len(misses) < show_errors:
                misses.append({"query": query, "expected": row.get("expected"), "got": [h.matched_name for h in hits[:3]]})
        else:
            negatives += 1
            if hits:
                false_pos += 1
                if len(misses) < show_errors:
                    misses.append({"query": query, "expected": "", "got": [h.matched_name for h in hits[:3]]})
    return {
        "kind": "search",
        "file": str(path),
        "n": positives + negatives,
        "positives": positives,
        "found": found,
        "recall": round(found / positives, 4) if positives else 1.0,
        "negatives": negatives,
        "false_positives": false_pos,
        "wrong_top": wrong_top,
        "latency_ms": {
            "p50": round(_percentile(latencies, 50), 3),
            "p95": round(_percentile(latencies, 95), 3),
            "p99": round(_percentile(latencies, 99), 3),
            "max": round(max(latencies), 3) if latencies else 0.0,
        },
        "misses": misses,
    }


def _lines_pairs(r: dict[str, Any]) -> Iterable[str]:
    """Text lines of a pairs report."""
    yield f"{r['file']}: {r['n']} pairs ({r['ms_per_pair']} ms/pair)"
    for label, part in (("match", r), ("review", r["review"]), ("best", r["best"])):
        yield (
            f"  {label:<6} threshold {part['threshold']:.2f}: precision {part['precision']:.4f}"
            f"  recall {part['recall']:.4f}  F1 {part['f1']:.4f}"
            f"  (tp {part['tp']}, fp {part['fp']}, fn {part['fn']}, tn {part['tn']})"
        )
    for e in r.get("errors", []):
        kind = "missed" if e["is_match"] else "false match"
        yield f"  {kind}: {e['name1']!r} vs {e['name2']!r} score {e['score']:.3f} [{e['category']}]"


def _lines_search(r: dict[str, Any]) -> Iterable[str]:
    """Text lines of a search report."""
    lat = r["latency_ms"]
    yield f"{r['file']}: {r['n']} queries"
    yield f"  recall at review strength: {r['recall']:.4f} ({r['found']}/{r['positives']})"
    yield f"  false positives: {r['false_positives']} of {r['negatives']} negative queries"
    yield f"  best hit not the expected entry: {r['wrong_top']}"
    yield f"  latency ms: p50 {lat['p50']}  p95 {lat['p95']}  p99 {lat['p99']}  max {lat['max']}"
    for m in r.get("misses", []):
        what = "miss" if m["expected"] else "false positive"
        yield f"  {what}: {m['query']!r} expected {m['expected']!r} got {m['got']}"


def format_report(report: dict[str, Any]) -> str:
    """Render a pairs or search report as readable text."""
    lines = _lines_pairs(report) if report.get("kind") == "pairs" else _lines_search(report)
    return "\n".join(lines)
