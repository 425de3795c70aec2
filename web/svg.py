"""Layouts for the small inline SVG drawings: ownership paths and outcome bar charts.

Functions here only compute coordinates and labels; the templates draw them
(``templates/_svg.html``), so every label goes through Jinja's escaping.
"""

from __future__ import annotations

from typing import Any

#: Box size and gaps of an ownership diagram, in SVG user units.
BOX_W, BOX_H, GAP_X, GAP_Y, MARGIN = 220, 54, 90, 26, 10

#: Characters of a name shown in a box before it is shortened.
NAME_CHARS = 30

#: Bar chart geometry.
BAR_H, BAR_GAP, LABEL_W, CHART_W = 22, 8, 150, 520

#: Order of outcomes in charts (most severe first); others follow alphabetically.
OUTCOME_ORDER = ("PROHIBITED", "DENY-PRESUMED", "PRESUMPTION_OF_DENIAL", "CASE-BY-CASE",
                 "CASE_BY_CASE", "LICENCE-REQUIRED", "LICENSE_REQUIRED", "REVIEW", "CLEAR")


def short(text: str | None, n: int = NAME_CHARS) -> str:
    """``text`` cut to ``n`` characters with an ellipsis."""
    text = text or ""
    return text if len(text) <= n else text[: n - 1] + "…"


def percent_label(value: float | None) -> str:
    """``60%``, ``25.5%``, or ``?%`` when the share is unknown."""
    if value is None:
        return "?%"
    return f"{value:g}%"


def path_layout(path: list[dict]) -> dict:
    """A left-to-right chain: listed owner -> ... -> the party, edges labelled with shares.

    Each step of ``path`` is ``{"entity", "name", "percent", "role"?}``; a step's
    ``percent`` is its share in the next step.
    """
    boxes, edges = [], []
    for i, step in enumerate(path):
        x = MARGIN + i * (BOX_W + GAP_X)
        boxes.append({"x": x, "y": MARGIN, "w": BOX_W, "h": BOX_H,
                      "label": short(step.get("name") or step.get("entity")),
                      "title": step.get("name") or step.get("entity") or "",
                      "role": step.get("role") or "", "entity": step.get("entity") or ""})
        if i < len(path) - 1:
            edges.append({"x1": x + BOX_W, "x2": x + BOX_W + GAP_X,
                          "y": MARGIN + BOX_H / 2, "label": percent_label(step.get("percent"))})
    width = 2 * MARGIN + max(1, len(path)) * BOX_W + max(0, len(path) - 1) * GAP_X
    return {"boxes": boxes, "edges": edges, "width": width, "height": BOX_H + 2 * MARGIN}


def star_layout(center: str, owners: list[dict], owned: list[dict]) -> dict:
    """The entry in the middle, its owners above and the parties it owns below."""
    cols = max(1, len(owners), len(owned))
    width = 2 * MARGIN + cols * BOX_W + (cols - 1) * 20
    rows_y = {"owners": MARGIN, "center": MARGIN + BOX_H + 3 * GAP_Y,
              "owned": MARGIN + 2 * (BOX_H + 3 * GAP_Y)}
    cx = width / 2 - BOX_W / 2
    boxes: list[dict[str, Any]] = [{"x": cx, "y": rows_y["center"], "w": BOX_W, "h": BOX_H, "label": short(center),
                                    "title": center, "role": "entry", "entity": ""}]
    edges: list[dict[str, Any]] = []

    def row(items: list[dict], y: float, kind: str) -> None:
        total_w = len(items) * BOX_W + (len(items) - 1) * 20
        x0 = width / 2 - total_w / 2
        for i, rel in enumerate(items):
            x = x0 + i * (BOX_W + 20)
            other = rel["owner"] if kind == "owners" else rel["owned"]
            name = (rel.get("owner_name") if kind == "owners" else rel.get("owned_name")) or other
            boxes.append({"x": x, "y": y, "w": BOX_W, "h": BOX_H, "label": short(name),
                          "title": name, "role": rel.get("relation") or "ownership",
                          "entity": other})
            top, bottom = (y + BOX_H, rows_y["center"]) if kind == "owners" else (
                rows_y["center"] + BOX_H, y)
            edges.append({"x1": x + BOX_W / 2, "y1": top, "x2": width / 2, "y2": bottom,
                          "label": percent_label(rel.get("percent")),
                          "lx": (x + BOX_W / 2 + width / 2) / 2, "ly": (top + bottom) / 2})
            if kind == "owned":
                edges[-1].update(x1=width / 2, y1=top, x2=x + BOX_W / 2, y2=bottom)

    row(owners, rows_y["owners"], "owners")
    row(owned, rows_y["owned"], "owned")
    height = rows_y["owned"] + BOX_H + MARGIN if owned else rows_y["center"] + BOX_H + MARGIN
    if not owners:  # shift everything up
        for b in boxes:
            b["y"] -= BOX_H + 3 * GAP_Y
        for e in edges:
            e["y1"] -= BOX_H + 3 * GAP_Y
            e["y2"] -= BOX_H + 3 * GAP_Y
            e["ly"] -= BOX_H + 3 * GAP_Y
        height -= BOX_H + 3 * GAP_Y
    return {"boxes": boxes, "edges": edges, "width": width, "height": height}


def bar_layout(counts: dict[str, int]) -> dict:
    """Horizontal bars, one per outcome, most severe first."""
    order = [o for o in OUTCOME_ORDER if o in counts] + sorted(
        o for o in counts if o not in OUTCOME_ORDER)
    top = max(counts.values(), default=0) or 1
    bars = []
    for i, outcome in enumerate(order):
        n = counts[outcome]
        w = (CHART_W - LABEL_W - 60) * n / top
        bars.append({"outcome": outcome, "count": n, "y": i * (BAR_H + BAR_GAP),
                     "x": LABEL_W, "w": max(w, 2 if n else 0), "h": BAR_H})
    height = max(1, len(bars)) * (BAR_H + BAR_GAP)
    return {"bars": bars, "width": CHART_W, "height": height, "label_w": LABEL_W}


#: Feature names that count against a match even when their value is positive.
PENALTY_WORDS = ("disagree", "mismatch", "penalty", "conflict")


def feature_chips(features: dict[str, float]) -> list[dict]:
    """The signals of a hit worth showing: agreeing ones first, then penalties; zeros dropped.

    ``kind`` is ``pos`` (agrees), ``weak`` (agrees a little, below 0.5) or ``neg``
    (a penalty: a negative value or a name like ``country_disagrees``).
    """
    chips = []
    for name, value in features.items():
        if not value:
            continue
        penalty = value < 0 or any(w in name for w in PENALTY_WORDS)
        kind = "neg" if penalty else ("pos" if value >= 0.5 else "weak")
        chips.append({"name": name, "value": value, "kind": kind})
    order = {"pos": 0, "weak": 1, "neg": 2}
    return sorted(chips, key=lambda c: (order[c["kind"]], -abs(c["value"])))


def outcome_class(outcome: str | None) -> str:
    """CSS class of an outcome badge: ``o-prohibited``, ``o-case-by-case``..."""
    return "o-" + (outcome or "unknown").lower().replace("_", "-")
