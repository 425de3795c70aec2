"""Fit the name model of ``screening.matching.fitted`` and cross-validate it.

The model is a logistic regression (scikit-learn, bench extra only; the
service reads the coefficients, never sklearn) over the five signals of
:mod:`screening.matching.fitted`, fitted on the derived pairs of
``bench/derive_pairs.py`` where the model may speak (:func:`fitted.why_silent`
is None). For every pair, the pair of name forms with the best word alignment
that the model may score is used.

The probability that maps to the match threshold (``match_probability``) is
chosen by cross-validation inside the training folds: for each held-out
training fold, fit on the others and count pairs called a match by either the
hand-set features (score >= 0.85 without the model) or the model; the cut with
the best mean F1 over the sets wins (near-ties, within 0.005, go to the
higher cut: fewer false positives). The reporting folds are not looked at
unless ``--report`` is given, which prints them once.

    .venv/bin/python bench/fit_model.py [--derived DIR] [--write] [--report]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

import numpy as np

from match_common import ROOT  # noqa: F401  (puts the project on sys.path)
from match_pairs import DERIVED, pair_rows, schema_of
from screening.evaluation import _prf, _truthy
from screening.matching import compare, fitted, form_pairs
from screening.matching.config import WEIGHTS_FILE, default_config

TRAIN, REPORT = (0, 1, 2), (3, 4)
CUTS = (0.5, 0.6, 0.7, 0.8, 0.9)
#: Cuts whose inner-CV mean F1 is within this of the best count as tied.
TIE = 0.005
MATCH = 0.85
SETS = ("cn_sanctions", "csl", "milcorps", "sdn", "senzing")


def signals(name1: str, name2: str, schema: str | None) -> tuple[float, ...] | None:
    """The signals of the best-aligned pair of forms the model may score, or None."""
    best: tuple[float, tuple[float, ...]] | None = None
    for _, pair in form_pairs(name1, name2, schema):
        if fitted.why_silent(pair) is None:
            values = fitted.signal_values(pair)
            if best is None or values[0] > best[0]:
                best = (values[0], values)
    return None if best is None else best[1]


def load(derived: Path) -> list[dict]:
    """Every derived pair with its set, fold, label, base score and signals."""
    base = default_config().override({"weights": {"fitted_similarity": 0.0}})
    out = []
    for name in SETS:
        path = derived / f"{name}.csv"
        if not path.exists():
            continue
        for r in pair_rows(path):
            a, b, s = r["name1"].strip(), r["name2"].strip(), schema_of(r)
            out.append({
                "set": name, "fold": int(r["fold"]), "label": _truthy(r.get("is_match")),
                "base": compare(a, b, s, base)[0], "x": signals(a, b, s),
            })
    return out


def fit(rows: list[dict]):
    """Logistic regression on the rows the model may score."""
    from sklearn.linear_model import LogisticRegression

    use = [r for r in rows if r["x"] is not None]
    X = np.array([r["x"] for r in use])
    y = np.array([r["label"] for r in use])
    return LogisticRegression(C=1.0, max_iter=5000).fit(X, y), len(use)


def predict(model, rows: list[dict], cut: float) -> list[bool]:
    """Match calls: the hand-set features, or the model's probability at ``cut``."""
    out = []
    for r in rows:
        p = model.predict_proba(np.array([r["x"]]))[0, 1] if r["x"] is not None else 0.0
        out.append(r["base"] >= MATCH or p >= cut)
    return out


def f1_by_set(rows: list[dict], calls: list[bool]) -> dict[str, dict]:
    """Precision / recall / F1 per set."""
    out = {}
    for name in SETS:
        pairs = [(1.0 if c else 0.0, r["label"]) for r, c in zip(rows, calls) if r["set"] == name]
        if pairs:
            out[name] = _prf(pairs, 0.5)
    return out


def choose_cut(rows: list[dict]) -> tuple[float, dict[float, float]]:
    """The cut with the best mean F1 over the sets, by leave-one-fold-out inside ``rows``."""
    folds = sorted({r["fold"] for r in rows})
    mean_f1 = {}
    for cut in CUTS:
        calls: list[bool] = []
        held: list[dict] = []
        for k in folds:
            model, _ = fit([r for r in rows if r["fold"] != k])
            test = [r for r in rows if r["fold"] == k]
            calls += predict(model, test, cut)
            held += test
        by_set = f1_by_set(held, calls)
        mean_f1[cut] = sum(v["f1"] for v in by_set.values()) / len(by_set)
    best = max(mean_f1.values())
    # near-ties go to the higher cut: fewer false positives for the same F1
    return max(c for c, v in mean_f1.items() if v >= best - TIE), mean_f1


def write_block(model, cut: float, n: int, inner: dict[float, float]) -> None:
    """Replace the ``fitted_model`` block at the end of the weights table."""
    names = [s.__name__ for s in fitted.SIGNALS]
    lines = [
        "# The fitted name model (screening.matching.fitted), written by bench/fit_model.py --write.",
        "fitted_model:",
        "  method: logistic regression over the signals where the model may speak (bench/fit_model.py)",
        f"  date: {dt.date.today().isoformat()}",
        f"  data: bench/derive_pairs.py sets ({', '.join(SETS)}), folds {list(TRAIN)}, {n} pairs",
        "  # match_probability chosen by leave-one-fold-out inside the training folds (mean F1 over the sets):",
        "  inner_cv_mean_f1: {" + ", ".join(f"{c}: {v:.3f}" for c, v in inner.items()) + "}",
        f"  match_probability: {cut}",
        f"  match_score: {MATCH}",
        f"  intercept: {model.intercept_[0]:.4f}",
        "  coefficients:",
    ] + [f"    {n_}: {c:.4f}" for n_, c in zip(names, model.coef_[0])]
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    text = re.split(r"\n# The fitted name model .*", text, maxsplit=1)[0].rstrip("\n")
    WEIGHTS_FILE.write_text(text + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--derived", type=Path, default=DERIVED)
    parser.add_argument("--write", action="store_true", help="store the fit in the weights table")
    parser.add_argument("--report", action="store_true", help="print the reporting folds 3-4 once")
    args = parser.parse_args()
    rows = load(args.derived)
    train = [r for r in rows if r["fold"] in TRAIN]
    cut, inner = choose_cut(train)
    model, n = fit(train)
    names = [s.__name__ for s in fitted.SIGNALS]
    print(f"fitted on folds {list(TRAIN)}: {n} pairs the model may score")
    print("  inner CV mean F1 by cut: " + ", ".join(f"{c}: {v:.3f}" for c, v in inner.items()) + f" -> {cut}")
    print("  intercept {:.3f}; ".format(model.intercept_[0]) + ", ".join(f"{a} {b:+.3f}" for a, b in zip(names, model.coef_[0])))
    if args.report:
        test = [r for r in rows if r["fold"] in REPORT]
        base = f1_by_set(test, [r["base"] >= MATCH for r in test])
        new = f1_by_set(test, predict(model, test, cut))
        print(f"report on folds {list(REPORT)}: F1 without -> with the model")
        for name in new:
            print(f"  {name:<14} {base[name]['f1']:.3f} -> {new[name]['f1']:.3f}  (P {new[name]['precision']:.3f} R {new[name]['recall']:.3f})")
    if args.write:
        write_block(model, cut, n, inner)
        print(f"wrote the fitted_model block of {WEIGHTS_FILE}")


if __name__ == "__main__":
    main()
