"""Screening history in the browser (``/history``) and for the CRM (``/api/v1/history``).

Signed-in users only: reviewers and admins see every screening, screeners
their own (:func:`screening.service.history.visible_to`). An answer opens in
the result page's own template, marked "as answered on …".
"""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, Response, g, jsonify, render_template, request

from screening.errors import Forbidden
from screening.service.history import History, Search, visible_to

from . import svg
from .api import bp as api_bp
from .auth import signed_in
from .state import state

bp = Blueprint("history", __name__)


def history() -> History:
    return History(state().store)


@bp.get("/history")
def index() -> Any:
    """Search past screenings; each links to the answer as it was given."""
    search = Search.from_args(request.args)
    rows = history().search(search, only_user=visible_to(signed_in()))
    return render_template("history.html", rows=rows, f=request.args,
                           everyone=visible_to(signed_in()) is None)


@bp.get("/history.csv")
def export() -> Any:
    """The search as CSV (every matching row, not only the first page)."""
    buf = io.StringIO()
    history().export_csv(buf, Search.from_args(request.args), only_user=visible_to(signed_in()))
    return Response(buf.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=history.csv"})


@bp.get("/history/<ref>")
def answer(ref: str) -> Any:
    """One screening as answered (``?row=N``: a flagged row of a bulk file)."""
    row = request.args.get("row", type=int)
    kept = history().get(ref, row, only_user=visible_to(signed_in()))
    if kept["kind"] == "bulk":
        return render_template("history_bulk.html", h=kept)
    r = kept["result"]
    paths = [svg.path_layout(f["path"]) if f.get("path") else None for f in r.get("findings", [])]
    return render_template("result.html", r=r, q=None, audit_ref=ref, paths=paths, svg=svg,
                           can_review=False, answered=kept)


@api_bp.get("/history")
def api_search() -> Any:
    """Past screenings (reviewer keys): ``name``, ``since``, ``until``, ``user``, ``outcome``, ``via``."""
    _reviewer_key()
    rows = history().search(Search.from_args(request.args))
    return jsonify({"count": len(rows), "items": rows})


@api_bp.get("/history/<ref>")
def api_answer(ref: str) -> Any:
    """One kept answer: the history row plus ``result``, the dict as it was answered."""
    _reviewer_key()
    return jsonify(history().get(ref, request.args.get("row", type=int)))


def _reviewer_key() -> None:
    if not g.user.can("reviewer"):
        raise Forbidden(f"API key {g.user.name!r} has role {g.user.role}; the screening "
                        "history needs reviewer")
