"""Plain-text rendering of a screening result dict (the CLI's default output).

It renders the same dict the API returns as JSON; nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Iterable

from .rules.findings import severity


def render_text(d: dict) -> str:
    """A readable, terminal-friendly summary of ``ScreeningResult.to_dict()``."""
    q = d["query"]
    lines = [
        f"{d['outcome']}  {q['name']}" + (f" ({q['country']})" if q.get("country") else ""),
        f"as of {d.get('as_of')}, after-horizon assumption: {d.get('after_horizon')}",
    ]
    if d.get("summary"):
        lines.append(d["summary"]["text"])
    findings = d.get("findings") or []
    ungrouped: list[dict] = [{"summary": "", "parties": [{"findings": range(len(findings))}]}]
    for group in finding_groups(d) or ungrouped:
        lines.append("")
        lines.append(f"Findings, {group['summary']}" if group["summary"] else "Findings:")
        for i in (i for p in group["parties"] for i in p["findings"]):
            f = findings[i]
            lines.append(f"  [{f.get('outcome')}] {f.get('regime', '')} {f.get('rule', '')}: "
                         f"{f.get('reason', '')}")
            if f.get("citation"):
                lines.append(f"      citation: {f['citation']}")
            if f.get("path"):
                path = " <- ".join(
                    f"{p.get('name') or p.get('entity')}"
                    + (f" ({p['percent']}%)" if p.get("percent") is not None else "")
                    for p in f["path"])
                lines.append(f"      ownership: {path}")
            if f.get("depends_on"):
                lines.append(f"      depends on: {', '.join(f['depends_on'])}")
    if d.get("hits"):
        lines.append("")
        lines.append("Hits:")
        for h in d["hits"]:
            lines.append(f"  {h['score']:.2f} {h['strength']:6} {h['list']:26} {h['name']}"
                         + (f"  (matched: {h['matched_name']})"
                            if h.get("matched_name") and h["matched_name"] != h["name"] else ""))
    if d.get("cleared"):
        lines.append("")
        for c in d["cleared"]:
            lines.append(f"  cleared: {c.get('entry_id')} by {c.get('by')} on {c.get('on')}")
    if d.get("depends_on"):
        lines.append("")
        lines.append("Depends on transaction context: " + ", ".join(d["depends_on"]))
    for title, key in (("Next steps:", "next_steps"), ("Notes:", "notes")):
        if d.get(key):
            lines.append("")
            lines.append(title)
            lines.extend(f"  - {text}" for text in d[key])
    return "\n".join(lines)


def finding_order(d: dict, indices: Iterable[int]) -> list[int]:
    """Finding indices ordered by severity (most severe first), then score (highest first)."""
    findings = d.get("findings") or []
    return sorted(indices, key=lambda i: (severity(findings[i].get("outcome") or "CLEAR"),
                                          -float(findings[i].get("score") or 0.0), i))


def finding_groups(d: dict) -> list[dict]:
    """The result's ``regimes`` with each party's findings in :func:`finding_order`.

    Every finding appears exactly once; the page, the PDF and the text render the same order.
    """
    return [{**g, "parties": [{**p, "findings": finding_order(d, p["findings"])}
                              for p in g["parties"]]}
            for g in d.get("regimes") or []]
