"""The review queue in the browser (``/reviews``) and for the CRM (``/api/v1/reviews``).

Reviewers and admins only. The pages and the API call the same
:class:`screening.service.reviews.ReviewQueue`: assign, comment, decide (true
match, false positive, escalate; four eyes on potential PROHIBITED /
PRESUMPTION_OF_DENIAL matches). Everything is audited there.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, jsonify, redirect, render_template, request, url_for

from screening import settings
from screening.connections import busy_timeout
from screening.errors import BadInput, Forbidden
from screening.service.reviews import DECISIONS, STATUS_FILTERS, ReviewQueue

from .api import bp as api_bp
from .api import json_body
from .auth import requires, signed_in
from .state import state

bp = Blueprint("reviews", __name__)

#: Query parameters the queue is filtered by (pages and API alike).
FILTERS = ("q", "status", "list", "regime", "min_score", "max_score", "min_age_days",
           "max_age_days", "assignee")


def queue() -> ReviewQueue:
    """The queue of this app's store; changes are audited through the app's audit writer."""
    st = state()
    return ReviewQueue(st.store, st.audit_writer, st.decisions)


def filters(args: Any) -> dict:
    """The filters given in ``args`` (empty ones dropped)."""
    return {k: args.get(k) for k in FILTERS if args.get(k)}


def act(review_id: int, user: str, action: str, form: Any, *, via: str) -> dict:
    """Run one change on an item: ``comment``, ``assign`` or ``decision`` (503 when locked)."""
    q = queue()
    with busy_timeout(state().store, settings.WRITE_WAIT_S):
        if action == "comment":
            return q.comment(review_id, user, _str(form, "text"), via=via)
        if action == "assign":
            return q.assign(review_id, user, _str(form, "assignee"), via=via)
        return q.decide(review_id, user, _str(form, "decision"), _str(form, "reason"), via=via,
                        expires_on=_str(form, "expires_on") or None)


def _str(form: Any, key: str) -> str:
    value = form.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise BadInput(f"{key} must be a string")
    return value


# -------------------------------------------------------------------- pages
@bp.get("/reviews")
@requires("reviewer")
def index() -> Any:
    """The queue, filterable (``?q=NAME&status=open...``)."""
    chosen = filters(request.args)
    return render_template("reviews.html", items=queue().search(chosen), f=chosen,
                           statuses=list(STATUS_FILTERS))


@bp.get("/reviews/<int:review_id>")
@requires("reviewer")
def item(review_id: int) -> Any:
    """One item: evidence, trail, assign / comment / decide forms."""
    return render_template("review.html", i=queue().get(review_id), decisions=DECISIONS,
                           me=signed_in().label)


@bp.post("/reviews/<int:review_id>/<any(comment, assign, decision):action>")
@requires("reviewer")
def change(review_id: int, action: str) -> Any:
    """A form on the item page; back to the item."""
    act(review_id, signed_in().label, action, request.form, via="ui")
    return redirect(url_for("reviews.item", review_id=review_id), code=303)


# ---------------------------------------------------------------------- API
def _reviewer() -> str:
    """The API principal's label; 403 unless it has the reviewer role."""
    if not g.user.can("reviewer"):
        raise Forbidden(f"API key {g.user.name!r} has role {g.user.role}; the review queue "
                        "needs reviewer")
    return g.user.label


@api_bp.get("/reviews")
def api_list() -> Any:
    """The queue (filters as query parameters; default: items not closed)."""
    _reviewer()
    items = queue().search(filters(request.args))
    return jsonify({"count": len(items), "items": items})


@api_bp.get("/reviews/<int:review_id>")
def api_item(review_id: int) -> Any:
    """One item with its evidence and trail."""
    _reviewer()
    return jsonify(queue().get(review_id))


@api_bp.post("/reviews/<int:review_id>/<any(comment, assign, decision):action>")
def api_change(review_id: int, action: str) -> Any:
    """Comment, assign or decide; the item as it is now."""
    user = _reviewer()
    body = json_body()
    if not isinstance(body, dict):
        raise BadInput("body must be a JSON object")
    return jsonify(act(review_id, user, action, body, via="api"))
