"""``/result.pdf``: the PDF screening record of a result page (issue 16 item 4).

Takes the same signed query as ``/result`` (``?q=...``), screens it again through
the one core and puts that screening on record (``via="ui"``) like the page
does; the PDF (:mod:`screening.service.report`) names that record.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request

from screening.service.report import pdf_record, review_decisions
from screening.service.reviews import ReviewQueue

from . import screening_view
from .auth import signed_in
from .state import state
from .ui import decode_query

bp = Blueprint("report", __name__)


@bp.get("/result.pdf")
def result_pdf() -> Any:
    """The PDF record of the query in ``q`` (downloaded as a file)."""
    party = decode_query(request.args.get("q", ""))
    st = state()
    user = signed_in().label
    result, ref = screening_view.screen(st, party, user, via="ui")
    q = result.get("query") or {}
    pdf = pdf_record(result, user=user, audit_ref=ref,
                     decisions=review_decisions(st.decisions, result),
                     queue=ReviewQueue(st.store, st.audit_writer, st.decisions)
                     .for_party(q.get("name") or "", q.get("country")))
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="screening-record-{ref}.pdf"'})
