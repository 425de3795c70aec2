"""The PDF screening record for the audit file (issue 16 item 4).

:func:`pdf_record` renders one result dict (``ScreeningResult.to_dict()``) with
what the audit log holds about it: the query, the outcome, each finding with its
reason and citation, the hits with their scores, the list versions, the day and
the after-horizon assumption, the user, the time, the audit reference, the
result's hash (the ``result_sha256`` of its audit record) and the review
decisions behind it (:func:`review_decisions`).

It uses fpdf2 (pure Python) with two TrueType fonts from ``settings.PDF_FONT``
and ``settings.PDF_CJK_FONT``; the second supplies the Chinese glyphs the first
lacks, so names and MOFCOM citations in Chinese are written as text, not boxes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from screening import settings
from screening.errors import ScreeningError
from screening.render import finding_groups
from screening.service.audit import result_hash
from screening.service.decisions import DecisionBook

#: Page body width in mm (A4 minus the margins).
BODY_W = 180.0


def review_decisions(book: DecisionBook, result: dict) -> list[dict]:
    """The review decisions behind a result: the false positives the screening
    applied, reopened or found expired (``result["cleared"]``) and the true-match
    decisions recorded for the counterparty on the hits it raised."""
    out = [dict(c) for c in result.get("cleared") or []]
    query = result.get("query") or {}
    listed = {h["entry_id"]: h["name"] for h in result.get("hits") or []}
    for d in book.latest(query.get("name") or "", query.get("country"), list(listed)).values():
        if d["decision"] == "true_match":
            out.append({"entry_id": d["entry_id"], "name": listed[d["entry_id"]],
                        "decision": "true_match",
                        "status": "true match", "by": d["user"], "on": (d["created_at"] or "")[:10],
                        "reason": d["reason"], "expires_on": d["expires_on"],
                        "decision_id": d["id"]})
    return out


def fonts() -> tuple[Path, Path]:
    """The two font files; a clear error naming the Debian packages when one is missing."""
    main, cjk = Path(settings.PDF_FONT), Path(settings.PDF_CJK_FONT)
    for path, package in ((main, "fonts-dejavu-core"), (cjk, "fonts-droid-fallback")):
        if not path.is_file():
            raise ScreeningError(f"PDF font {path} not found: install {package} or set "
                                 f"SCREENING_PDF_FONT / SCREENING_PDF_CJK_FONT")
    return main, cjk


class _Record(FPDF):
    """An A4 page with the record's footer (audit reference, page number)."""

    ref = ""

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("body", size=7)
        self.cell(0, 5, f"Audit record {self.ref} · page {self.page_no()}/{{nb}}", align="C")

    def line_of(self, text: str, size: float = 9, h: float = 4.6, bold: bool = False) -> None:
        """One wrapped paragraph."""
        self.set_font("body", "B" if bold and "bodyB" in self.fonts else "", size=size)
        self.multi_cell(BODY_W, h, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def heading(self, text: str) -> None:
        self.ln(2)
        self.line_of(text, size=12, h=7, bold=True)
        y = self.get_y()
        self.line(self.l_margin, y, self.l_margin + BODY_W, y)
        self.ln(1)

    def facts(self, rows: Iterable[tuple[str, Any]]) -> None:
        """Label / value lines; empty values are left out."""
        for label, value in rows:
            if value in (None, "", [], {}):
                continue
            self.line_of(f"{label}: {value}")


def _new_pdf(ref: str) -> _Record:
    main, cjk = fonts()
    pdf = _Record(format="A4")
    pdf.ref = ref
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=16)
    pdf.add_font("body", "", str(main))
    bold = main.with_name(f"{main.stem}-Bold{main.suffix}")  # DejaVuSans-Bold.ttf beside it
    if bold.is_file():
        pdf.add_font("body", "B", str(bold))
    pdf.add_font("cjk", "", str(cjk))
    pdf.set_fallback_fonts(["cjk"], exact_match=False)
    pdf.set_title("Screening record")
    pdf.set_creator("screening")
    pdf.add_page()
    return pdf


def pdf_record(result: dict, *, user: str, audit_ref: str,
               decisions: Sequence[dict] | None = None,
               queue: Sequence[dict] | None = None) -> bytes:
    """The PDF record of one screening (``decisions``: default ``result["cleared"]``;
    ``queue``: the party's review-queue items, :meth:`ReviewQueue.for_party`)."""
    pdf = _new_pdf(audit_ref)
    q = result.get("query") or {}
    pdf.line_of("Screening record", size=16, h=9, bold=True)
    pdf.line_of(f"{result.get('outcome')}  —  {q.get('name')}", size=14, h=8, bold=True)
    if result.get("summary"):
        pdf.line_of(result["summary"].get("text", ""))

    pdf.heading("Query")
    context = q.get("context") or {}
    pdf.facts([("Name", q.get("name")), ("Country", q.get("country_input") or q.get("country")),
               ("Aliases", " · ".join(q.get("aliases") or [])), ("Address", q.get("address")),
               ("Kind of party", q.get("schema")),
               ("Owners", "; ".join(f"{o.get('name')} ({o.get('percent')}%)"
                                    for o in q.get("owners") or [])),
               ("Transaction context", ", ".join(f"{k}={v}" for k, v in context.items()
                                                 if v not in (None, "", [], {})))])

    pdf.heading("Record")
    pdf.facts([("Outcome", result.get("outcome")), ("As of", result.get("as_of")),
               ("After-horizon assumption", result.get("after_horizon")),
               ("Screened by", user), ("Screened at", result.get("screened_at")),
               ("Audit reference", audit_ref), ("Result hash (sha256)", result_hash(result)),
               ("List versions", ", ".join(f"{k} v{v}" for k, v in
                                           sorted((result.get("list_versions") or {}).items())))])

    _findings(pdf, result)
    _hits(pdf, result)
    _decisions(pdf, result.get("cleared") if decisions is None else decisions)
    if queue:
        _queue(pdf, queue)
    for title, key in (("Next steps", "next_steps"), ("Notes and assumptions", "notes")):
        if result.get(key):
            pdf.heading(title)
            for text in result[key]:
                pdf.line_of(f"• {text}")
    return bytes(pdf.output())


def _findings(pdf: _Record, result: dict) -> None:
    findings = result.get("findings") or []
    pdf.heading(f"Findings ({len(findings)})")
    if not findings:
        pdf.line_of("No findings.")
    for group in finding_groups(result):
        pdf.line_of(group.get("summary") or group.get("regime") or "", size=10, h=5.5)
        for party in group["parties"]:
            for i in party["findings"]:
                f = findings[i]
                pdf.ln(1)
                pdf.line_of(f"[{f.get('outcome')}] {f.get('regime') or ''} {f.get('rule') or ''}"
                            f" — {f.get('party') or ''}", size=9.5, h=5, bold=True)
                pdf.line_of(f.get("reason") or "")
                pdf.facts([("Citation", f.get("citation")), ("Source", f.get("url")),
                           ("Status", f.get("status")),
                           ("Effective", (f"{f.get('effective_from') or '…'} → "
                                          f"{f.get('effective_to') or '…'}")
                            if f.get("effective_from") or f.get("effective_to") else None),
                           ("Assumption", f.get("assumption")), ("Entry", f.get("entry_id")),
                           ("Depends on", ", ".join(f.get("depends_on") or []))])


def _hits(pdf: _Record, result: dict) -> None:
    hits = result.get("hits") or []
    pdf.heading(f"Hits ({len(hits)})")
    if result.get("hits_truncated"):
        pdf.line_of(f"Only the {len(hits)} strongest hits were kept (SCREENING_MAX_HITS); "
                    "weaker ones were cut.")
    if not hits:
        pdf.line_of("No hits.")
    for h in hits:
        matched = h.get("matched_name")
        pdf.line_of(f"{float(h.get('score') or 0):.2f}  {h.get('strength')}  {h.get('list')}  "
                    f"{h.get('name')}  ({h.get('entry_id')})"
                    + (f"  matched: {matched}" if matched and matched != h.get("name") else ""))


def _queue(pdf: _Record, items: Sequence[dict]) -> None:
    """The party's review-queue items: status, what the match would be, and each step."""
    pdf.heading("Review queue")
    for item in items:
        pdf.line_of(f"Item {item.get('id')}: {item.get('status')}"
                    + (f", decision {item['decision']}" if item.get("decision") else "")
                    + (f" (would be {item['would_be']})" if item.get("would_be") else "")
                    + f", opened {(item.get('opened_at') or '')[:10]}", bold=True)
        for ev in item.get("events") or []:
            pdf.line_of(f"    {(ev.get('at') or '')[:16]}  {ev.get('user')}  {ev.get('kind')}"
                        + (f": {ev['text']}" if ev.get("text") else ""))


def _decisions(pdf: _Record, decisions: Sequence[dict] | None) -> None:
    pdf.heading("Review decisions")
    if not decisions:
        pdf.line_of("No review decision applies to this screening.")
    for d in decisions or []:
        what = d.get("status") or d.get("decision")
        pdf.line_of(f"{what}: {d.get('name')} ({d.get('entry_id')}) "
                    f"by {d.get('by')} on {d.get('on')}"
                    + (f", expires {d['expires_on']}" if d.get("expires_on") else "")
                    + (f" — {d['reason']}" if d.get("reason") else ""))
