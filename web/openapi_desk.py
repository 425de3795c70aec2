"""OpenAPI schemas and paths of the review queue and the screening history (reviewer keys).

Merged into :func:`web.openapi.openapi_document`; written by hand like its other
response schemas, and validated against real responses by the API tests.
"""

from __future__ import annotations

from .openapi import NULLABLE_STR, STR_LIST, _error, _obj, _ok, _ref

NULLABLE_NUM = {"type": ["number", "null"]}


def _resp(description: str, schema: str | None = None) -> dict:
    return _ok(schema, description) if schema else _error(description)


SCHEMAS: dict[str, dict] = {
    "ReviewEvent": _obj(["at", "user", "kind"], {
        "at": {"type": "string"}, "user": {"type": "string"},
        "kind": {"type": "string", "description": "opened, refreshed, reopened, assign, comment, "
                                                  "escalate, cleared-first, confirmed, true_match, "
                                                  "false_positive"},
        "text": NULLABLE_STR}),
    "ReviewItem": _obj(["id", "name", "status", "entry_ids", "evidence", "audit_ref",
                        "screenings", "needs_second"], {
        "id": {"type": "integer"}, "fingerprint": {"type": "string"},
        "name": {"type": "string"}, "country": NULLABLE_STR,
        "status": {"enum": ["open", "pending", "escalated", "closed"],
                   "description": "pending: cleared once, waits for a second reviewer"},
        "would_be": {**NULLABLE_STR, "description": "the most severe outcome a confirmed match "
                                                    "would give (four eyes when PROHIBITED or "
                                                    "PRESUMPTION_OF_DENIAL)"},
        "regimes": NULLABLE_STR, "lists": NULLABLE_STR, "top_score": NULLABLE_NUM,
        "entry_ids": STR_LIST,
        "evidence": {"type": "object", "description": "hits, findings, query, audit_ref, via"},
        "evidence_hash": NULLABLE_STR, "audit_ref": {"type": "string"}, "via": NULLABLE_STR,
        "opened_at": NULLABLE_STR, "updated_at": NULLABLE_STR,
        "screenings": {"type": "integer"}, "assignee": NULLABLE_STR,
        "first_by": NULLABLE_STR, "first_reason": NULLABLE_STR, "decision": NULLABLE_STR,
        "decided_by": NULLABLE_STR, "decided_at": NULLABLE_STR,
        "needs_second": {"type": "boolean"},
        "events": {"type": "array", "items": _ref("ReviewEvent")}}),
    "ReviewList": _obj(["count", "items"], {
        "count": {"type": "integer"}, "items": {"type": "array", "items": _ref("ReviewItem")}}),
    "ReviewComment": _obj(["text"], {"text": {"type": "string", "minLength": 1}}, extra=False),
    "ReviewAssign": _obj(["assignee"], {"assignee": NULLABLE_STR}, extra=False),
    "ReviewDecision": _obj(["decision", "reason"], {
        "decision": {"enum": ["true_match", "false_positive", "escalate"]},
        "reason": {"type": "string", "minLength": 1},
        "expires_on": NULLABLE_STR}, extra=False),
    "HistoryRow": _obj(["audit_ref", "at", "user", "kind"], {
        "id": {"type": "integer"}, "audit_ref": {"type": "string"}, "at": {"type": "string"},
        "user": {"type": "string"}, "via": NULLABLE_STR,
        "kind": {"enum": ["screen", "bulk", "bulk-row"]},
        "row": {"type": ["integer", "null"], "description": "the input line of a bulk row"},
        "name": NULLABLE_STR, "country": NULLABLE_STR, "outcome": NULLABLE_STR,
        "as_of": NULLABLE_STR, "list_versions": {"type": ["object", "null"]},
        "result_sha256": {**NULLABLE_STR, "description": "equals the audit record's "
                                                         "result_sha256 (bulk: output_sha256)"},
        "result": {"type": "object", "description": "the answer as given (GET one only)"},
        "intact": {"type": "boolean"},
        "flagged": {"type": "array", "items": {"type": "object"}}}),
    "HistoryList": _obj(["count", "items"], {
        "count": {"type": "integer"}, "items": {"type": "array", "items": _ref("HistoryRow")}}),
}

_ID = {"name": "review_id", "in": "path", "required": True, "schema": {"type": "integer"}}
_REF = {"name": "ref", "in": "path", "required": True, "schema": {"type": "string"}}


def _query(*names: str, number: tuple[str, ...] = ()) -> list[dict]:
    return [{"name": n, "in": "query", "required": False,
             "schema": {"type": "number"} if n in number else {"type": "string"}} for n in names]


def paths(common: dict, unstorable: dict, write: dict) -> dict:
    """The paths, with the document's shared error responses."""
    forbidden = {"403": _resp("the key's role is not reviewer or admin")}
    base = {**common, **unstorable, **forbidden}

    def change(body: str, summary: str) -> dict:
        return {"post": {
            "summary": summary, "parameters": [_ID],
            "requestBody": {"required": True,
                            "content": {"application/json": {"schema": _ref(body)}}},
            "responses": {"200": _resp("the item as it is now", "ReviewItem"),
                          "400": _resp("malformed body"),
                          "404": _resp("no such review item"),
                          "422": _resp("missing text or reason, unknown decision, item closed"),
                          **base, **write}}}

    return {
        "/api/v1/reviews": {"get": {
            "summary": "The review queue (reviewer keys); default: items not closed",
            "parameters": _query("q", "status", "list", "regime", "assignee", "min_score",
                                 "max_score", "min_age_days", "max_age_days",
                                 number=("min_score", "max_score", "min_age_days",
                                         "max_age_days")),
            "responses": {"200": _resp("matching items", "ReviewList"),
                          "422": _resp("unknown status or a filter that is not a number"),
                          **base}}},
        "/api/v1/reviews/{review_id}": {"get": {
            "summary": "One review item with its evidence and trail", "parameters": [_ID],
            "responses": {"200": _resp("the item", "ReviewItem"),
                          "404": _resp("no such review item"), **base}}},
        "/api/v1/reviews/{review_id}/comment": change("ReviewComment", "Comment on an item"),
        "/api/v1/reviews/{review_id}/assign": change("ReviewAssign", "Assign an item"),
        "/api/v1/reviews/{review_id}/decision": change(
            "ReviewDecision", "Decide: true match, false positive (four eyes on potential "
                              "PROHIBITED / PRESUMPTION_OF_DENIAL matches) or escalate"),
        "/api/v1/history": {"get": {
            "summary": "Past screenings (reviewer keys), newest first",
            "parameters": _query("name", "since", "until", "user", "outcome", "via", "limit"),
            "responses": {"200": _resp("matching screenings", "HistoryList"),
                          "422": _resp("a date or limit that cannot be read"), **base}}},
        "/api/v1/history/{ref}": {"get": {
            "summary": "One screening as it was answered",
            "parameters": [_REF, {"name": "row", "in": "query", "required": False,
                                  "schema": {"type": "integer"}}],
            "responses": {"200": _resp("the kept answer", "HistoryRow"),
                          "404": _resp("no such screening in the history"),
                          "422": _resp("the stored answer cannot be read"), **base}}},
    }
