"""Monitoring over the API: ``GET/POST /api/v1/counterparties`` and ``GET /api/v1/alerts``.

Any key may read both and add a counterparty (adding screens it, as ``POST
/screen`` does, and puts the screening on record via ``monitor``). Removing one
is left to the UI and the CLI.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, request

from screening import settings
from screening.connections import busy_timeout
from screening.errors import BadInput, Invalid
from screening.service.alerts import alert_rows
from screening.service.monitor import Monitor, party_of
from screening.text import ascii_digits

from .api import authenticate, json_body
from .state import state, store

bp = Blueprint("monitor_api", __name__, url_prefix="/api/v1")
bp.before_request(authenticate)

#: Most rows one GET returns.
PAGE_MAX = 1000


def monitor() -> Monitor:
    """The counterparties of this request's store, audited by the app's writer."""
    return Monitor(store(), sink=state().audit_writer)


def page() -> tuple[int, int]:
    """``limit`` (1..:data:`PAGE_MAX`, default 100) and ``offset`` (>= 0) of a listing."""
    out = []
    for key, default, lo, hi in (("limit", 100, 1, PAGE_MAX), ("offset", 0, 0, 10**9)):
        text = request.args.get(key, str(default))
        if not ascii_digits(text) or not lo <= int(text) <= hi:
            raise Invalid(f"{key} must be a whole number from {lo} to {hi}", field=key)
        out.append(int(text))
    return out[0], out[1]


@bp.get("/counterparties")
def counterparties() -> Any:
    """Monitored counterparties, newest first, with their last outcome (``q``: name or ref)."""
    limit, offset = page()
    m = monitor()
    rows = m.rows(q=request.args.get("q") or None, limit=limit, offset=offset)
    return {"counterparties": rows, "count": len(rows), "total": m.count()}


@bp.post("/counterparties")
def add_counterparty() -> Any:
    """Monitor one party (``{"party": {...}, "ref": "CRM-1"}``) and screen it now."""
    body = json_body()
    if not isinstance(body, dict):
        raise BadInput("body must be a JSON object with a 'party' object")
    extra = sorted(set(body) - {"party", "ref"})
    if extra:
        raise BadInput(f"unknown field(s) {', '.join(extra)}; known: party, ref")
    if "party" not in body:
        raise Invalid("party is required", field="party")
    ref = body.get("ref")
    if ref is not None and not isinstance(ref, str):
        raise BadInput("ref must be a string or null")
    if not isinstance(body["party"], dict):
        raise BadInput("party must be a JSON object")
    party = party_of(body["party"])
    st = state()
    st.audit_writer.check()  # nothing is monitored that could not be put on record
    m = monitor()
    with busy_timeout(m.store, settings.WRITE_WAIT_S):
        cp = m.add(st.screener, party, g.user.label, ref=(ref or "").strip() or None)
    return jsonify(cp), 201


@bp.get("/alerts")
def alerts() -> Any:
    """Alerts, newest first: old -> new outcome, findings added and removed, delivery state."""
    limit, offset = page()
    rows = alert_rows(store(), since=request.args.get("since") or None, limit=limit,
                      offset=offset)
    return {"alerts": rows, "count": len(rows)}
