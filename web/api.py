"""The JSON API for the CRM: ``/api/v1``, authenticated with ``Authorization: Bearer KEY``.

Every response body is the same dict the CLI prints with ``--json``. Errors are
``{"error": message, "status": code}`` (see :mod:`web.errors`). Each key has a
token bucket of ``RATE_LIMIT`` requests per minute (429 with ``Retry-After``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, jsonify, request

from screening import settings
from screening.service.audit import decision_event
from screening.connections import busy_timeout
from screening.service.request import BATCH_SHARED
from screening.errors import BadInput, Forbidden, Invalid, RateLimited, TooLarge, Unauthorized

from . import boundary, screening_view
from .openapi import openapi_document
from .state import state, store
from .views import entry_view, lists_view

bp = Blueprint("api", __name__, url_prefix="/api/v1")

#: Names screened for one batch at most (parties + aliases + owners): bounds its cost.
BATCH_NAMES = 5000

#: Endpoints answered without a key: liveness, and the OpenAPI document (it holds no data).
PUBLIC = {"api.health", "api.openapi"}


@bp.before_request
def authenticate() -> None:
    """Bearer key check and rate limit for every endpoint but the health check and the spec."""
    # a JSON body larger than this is a 413 before it is read (uploads go to the UI)
    request.max_content_length = min(int(settings.API_MAX_BODY_MB * 1024 * 1024),
                                     current_app.config["MAX_CONTENT_LENGTH"] or 1 << 62)
    if request.endpoint in PUBLIC:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if not header:
        raise Unauthorized("missing Authorization header; send 'Authorization: Bearer <API key>'")
    if scheme.lower() != "bearer" or not key.strip():
        raise Unauthorized("the Authorization header must be 'Bearer <API key>'")
    principal = state().accounts.verify_api_key(key.strip())
    if principal is None:
        raise Unauthorized("unknown or revoked API key")
    g.user = principal
    wait = state().limiter.take(principal.id)
    if wait > 0:
        retry = state().limiter.retry_after(wait)
        raise RateLimited(f"rate limit of {state().limiter.capacity:.0f} requests per minute "
                          f"exceeded; retry in {retry} s", retry_after=retry)


def json_body() -> Any:
    """The request's JSON body; 400 when it is missing or not JSON."""
    if not request.is_json:
        raise BadInput("send a JSON body with Content-Type: application/json")
    try:
        data = request.get_json(silent=True)
    except RecursionError:  # json's own nesting limit (~1,000 levels)
        raise BadInput(f"the JSON body is nested more than {boundary.MAX_DEPTH} levels deep")
    if data is None:
        raise BadInput("the request body is not valid JSON")
    return boundary.check_json(data)


@bp.get("/health")
def health() -> Any:
    """Liveness, what is loaded and whether the audit log is writable (no authentication).

    503 with ``status: degraded`` while the audit log cannot be written: the
    service then refuses screenings rather than answer them unrecorded.
    """
    st = state()
    screener = st.screener
    audit = st.audit_writer.health()
    body = {"status": "ok" if audit["ok"] else "degraded",
            "entries": len(getattr(screener, "entries", {}) or {}),
            "lists": len(getattr(screener, "list_versions", {}) or {}), "audit": audit}
    return body, 200 if audit["ok"] else 503


@bp.post("/screen")
def screen() -> Any:
    """Screen one party (optional ``context``, ``as_of``, ``after_horizon``, ``owners``)."""
    party = screening_view.party_from_json(json_body())
    result, ref = screening_view.screen(state(), party, g.user.label, via="api")
    resp = jsonify(result)
    resp.headers["X-Audit-Ref"] = ref
    return resp


@bp.post("/screen/batch")
def screen_batch() -> Any:
    """Screen up to ``BATCH_LIMIT`` parties; shared ``as_of`` / ``after_horizon`` / ``context``."""
    body = json_body()
    if not isinstance(body, dict):
        raise BadInput("body must be a JSON object with a 'parties' array")
    parties = body.get("parties")
    if not isinstance(parties, list):
        raise BadInput("'parties' must be an array of party objects")
    limit = int(current_app.config["BATCH_LIMIT"])
    if len(parties) > limit:
        raise TooLarge(f"{len(parties)} parties in one batch; at most {limit}")
    if not parties:
        raise BadInput("'parties' is empty")
    shared = {k: body[k] for k in BATCH_SHARED if k in body}
    extra = sorted(set(body) - {"parties", *shared})
    if extra:
        raise BadInput(f"unknown field(s) {', '.join(extra)}; known: parties, "
                       f"{', '.join(BATCH_SHARED)}")
    checked = [screening_view.party_from_json({**shared, **p} if isinstance(p, dict) else p,
                                     where=f"parties[{i}]")
               for i, p in enumerate(parties)]
    names = sum(1 + len(p.get("aliases", ())) + len(p.get("owners", ())) for p in checked)
    if names > BATCH_NAMES:
        raise TooLarge(f"{names:,} names (parties, aliases and owners) in one batch; at most "
                       f"{BATCH_NAMES:,}: split it")
    results, refs = screening_view.screen_many(state(), checked, g.user.label, via="api-batch")
    counts: dict[str, int] = {}
    for r in results:
        counts[r["outcome"]] = counts.get(r["outcome"], 0) + 1
    resp = jsonify({"count": len(results), "counts": counts, "results": results})
    resp.headers["X-Audit-Ref"] = f"{refs[0]}..{refs[-1]}"
    return resp


@bp.get("/lists")
def lists() -> Any:
    """Each list in force: version, entry count, when imported, and the total."""
    return lists_view(store(), changes=request.args.get("changes") == "1")


@bp.get("/entries/<path:entry_id>")
def entry(entry_id: str) -> Any:
    """One listed entry: names, dates, status history, versions, ownership edges."""
    return entry_view(store(), entry_id)


@bp.post("/decisions")
def decisions() -> Any:
    """Record a review decision (reviewer or admin keys only)."""
    if not g.user.can("reviewer"):
        raise Forbidden(f"API key {g.user.name!r} has role {g.user.role}; "
                        "recording decisions needs reviewer")
    body = json_body()
    if not isinstance(body, dict):
        raise BadInput("body must be a JSON object")
    for key in ("name", "entry_id", "decision", "reason"):
        if key in body and not isinstance(body[key], str):
            raise BadInput(f"{key} must be a string")
    for key in ("country", "expires_on"):
        if body.get(key) is not None and not isinstance(body[key], str):
            raise BadInput(f"{key} must be a string or null")
    if not body.get("entry_id"):
        raise Invalid("entry_id is required")
    st = state()
    st.audit_writer.check()  # no decision is stored that could not be put on record
    with busy_timeout(st.store, settings.WRITE_WAIT_S):  # locked: 503, not a hang
        d = st.decisions.record(body.get("name", ""), body.get("country"), body["entry_id"],
                                body.get("decision", ""), body.get("reason", ""), g.user.label,
                                expires_on=body.get("expires_on"))
    st.audit_writer.submit([decision_event(d, via="api")], wait=True)  # on record before confirmed
    return jsonify(d), 201


@bp.get("/openapi.json")
def openapi() -> Any:
    """The OpenAPI 3.1 description of this API (no authentication, like the health check)."""
    return openapi_document()
