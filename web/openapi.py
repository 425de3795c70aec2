"""The OpenAPI 3.1 document of ``/api/v1`` (served at ``/api/v1/openapi.json``).

Its schemas are JSON Schema 2020-12. The request schemas are generated from the
request model (:mod:`screening.service.request`); the API tests validate real responses
against the response schemas, so the document cannot silently drift from the code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from screening.service.request import DATE_PATTERN, json_schemas

NULLABLE_STR = {"type": ["string", "null"]}
DATE = {"type": "string", "format": "date", "pattern": DATE_PATTERN}
NULLABLE_DATE = {"type": ["string", "null"], "format": "date", "pattern": DATE_PATTERN}
STR_LIST = {"type": "array", "items": {"type": "string"}}
OUTCOME = {"type": "string", "pattern": "^[A-Z][A-Z_-]+$",
           "description": "PROHIBITED, DENY-PRESUMED, CASE-BY-CASE, LICENCE-REQUIRED, REVIEW or "
                          "CLEAR (rules.md §8.2), most severe first"}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(required: list[str], props: dict, extra: bool = True) -> dict:
    return {"type": "object", "required": required, "properties": props,
            "additionalProperties": extra}


#: Chinese beside the English of what the service writes (the English fields are unchanged).
ZH_TEXT = "the same text in Chinese (screening/texts.py)"

#: Response schemas (written here) and the request's (generated from
#: :class:`screening.service.request.ScreeningRequest`: Party, BatchRequest, Context, Owner, MatchConfig).
SCHEMAS: dict[str, dict] = {
    "Error": _obj(["error", "status"], {
        "error": {"type": "string", "description": "what went wrong, in one sentence"},
        "status": {"type": "integer"},
        "detail": {"type": "object"},
    }, extra=False),
    "PathStep": _obj(["entity"], {
        "entity": {"type": "string"}, "name": NULLABLE_STR,
        "percent": {"type": ["number", "null"],
                    "description": "this step's share in the next step (null: unknown)"},
        "role": NULLABLE_STR,
    }),
    "Finding": _obj(["rule", "outcome", "reason"], {
        "rule": {"type": "string"}, "outcome": OUTCOME, "regime": NULLABLE_STR,
        "reason": {"type": "string"}, "citation": NULLABLE_STR,
        "effective_from": NULLABLE_STR, "effective_to": NULLABLE_STR,
        "status": NULLABLE_STR, "assumption": NULLABLE_STR, "entry_id": NULLABLE_STR,
        "would_be": {"type": ["string", "null"]},
        "depends_on": STR_LIST,
        "path": {"type": "array", "items": _ref("PathStep")},
        "score": {"type": "number", "description": "match strength of the hit it rests on"},
        "exact": {"type": "boolean", "description": "the listed name is the name screened"},
        "reason_key": {"type": "string", "description": "the key of the reason's template"},
        "reason_zh": {"type": "string", "description": ZH_TEXT},
        "assumption_zh": {"type": "string", "description": ZH_TEXT},
    }),
    "Hit": _obj(["entry_id", "list", "name", "matched_name", "score", "strength"], {
        "entry_id": {"type": "string"}, "list": {"type": "string"}, "name": {"type": "string"},
        "matched_name": {"type": "string"}, "query_name": NULLABLE_STR,
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "strength": {"enum": ["match", "review"]},
        "features": {"type": "object", "additionalProperties": {"type": "number"}},
        "explanation": STR_LIST, "explanation_zh": STR_LIST,
        "type": {"type": "string"}, "countries": STR_LIST,
    }),
    "Cleared": _obj(["entry_id", "decision", "by", "on", "status"], {
        "entry_id": {"type": "string"}, "name": {"type": "string"},
        "matched_name": NULLABLE_STR,
        "decision": {"enum": ["true_match", "false_positive"]},
        "by": {"type": "string"}, "on": DATE, "reason": {"type": "string"},
        "expires_on": NULLABLE_DATE, "decision_id": {"type": "integer"},
        "status": {"enum": ["cleared", "reopened", "expired"],
                   "description": "cleared: hit removed; reopened: the entry changed since the "
                                  "decision, hit raised again; expired: decision too old"},
        "note": {"type": "string"},
    }),
    "ScreeningResult": _obj(
        ["query", "outcome", "as_of", "after_horizon", "findings", "hits", "cleared",
         "list_versions"], {
            "query": _obj(["name"], {"name": {"type": "string"}}),
            "outcome": OUTCOME,
            "as_of": DATE,
            "after_horizon": {"enum": ["literal", "extended", "flag"],
                              "description": "date assumption used after 2026-11-10"},
            "findings": {"type": "array", "items": _ref("Finding")},
            "depends_on": STR_LIST,
            "hits": {"type": "array", "items": _ref("Hit")},
            "affiliates": {"type": "array", "items": {"type": "object"}},
            "cleared": {"type": "array", "items": _ref("Cleared")},
            "list_versions": {"type": "object", "additionalProperties": {"type": "integer"}},
            "screened_at": {"type": "string"},
            "summary": _obj(["code", "text"], {"code": {"type": "string"}, "text": {"type": "string"},
                                               "text_zh": {"type": "string"}}),
            "next_steps_zh": {**STR_LIST, "description": ZH_TEXT},
            "notes_zh": {**STR_LIST, "description": ZH_TEXT},
            "next_steps": {**STR_LIST, "description": "authority and route per outcome (MOFCOM, "
                                                      "BIS, OFAC), and what to resolve"},
            "regimes": {"type": "array", "description": "findings grouped by regime and listed "
                        "party (indexes into findings), most severe first",
                        "items": _obj(["regime", "outcome", "summary", "parties"], {
                            "regime": {"type": "string"}, "title": {"type": "string"},
                            "outcome": OUTCOME, "findings": {"type": "integer"},
                            "summary": {"type": "string"}, "summary_zh": {"type": "string"},
                            "title_zh": {"type": "string"},
                            "parties": {"type": "array", "items": _obj(["party", "findings"], {
                                "party": {"type": "string"}, "outcome": OUTCOME,
                                "entry_ids": STR_LIST,
                                "findings": {"type": "array", "items": {"type": "integer"}}})}})},
            "notes": {**STR_LIST, "description": "assumptions the answer rests on: after-horizon "
                                                 "reading, China origin assumed, hits cut"},
            "if_not_china_origin": _obj(["outcome"], {"outcome": OUTCOME,
                                                      "rules_dropped": STR_LIST}),
            "hits_truncated": {"type": "boolean"},
        }),
    "BatchResult": _obj(["count", "counts", "results"], {
        "count": {"type": "integer"},
        "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
        "results": {"type": "array", "items": _ref("ScreeningResult")},
    }, extra=False),
    "ListStatus": _obj(["id", "title", "regime", "version", "entries", "imported_at"], {
        "id": {"type": "string"}, "title": {"type": "string"}, "regime": {"type": "string"},
        "version": {"type": "integer"}, "entries": {"type": "integer"},
        "source": NULLABLE_STR, "location": NULLABLE_STR, "format": NULLABLE_STR,
        "sha256": NULLABLE_STR, "imported_at": {"type": "string"}, "fetched_at": NULLABLE_STR,
        "authority": NULLABLE_STR, "url": NULLABLE_STR,
        "changes": {"type": ["object", "null"]},
    }),
    "Lists": _obj(["lists", "total"], {
        "lists": {"type": "array", "items": _ref("ListStatus")},
        "total": {"type": "integer"},
    }, extra=False),
    "Name": _obj(["value", "kind"], {
        "value": {"type": "string"}, "kind": {"type": "string"}, "script": {"type": "string"},
        "lang": NULLABLE_STR}),
    "StatusEvent": _obj(["date", "status"], {
        "date": {"type": "string"}, "status": {"type": "string"}, "citation": {"type": "string"},
        "url": NULLABLE_STR, "until": NULLABLE_STR, "horizon": {"type": "boolean"},
        "note": NULLABLE_STR, "confidence": NULLABLE_STR}),
    "Entry": _obj(["id", "list_id", "type", "names"], {
        "id": {"type": "string"}, "list_id": {"type": "string"}, "type": {"type": "string"},
        "names": {"type": "array", "items": _ref("Name")},
        "countries": STR_LIST, "addresses": STR_LIST,
        "identifiers": {"type": "array", "items": {"type": "object"}},
        "programs": STR_LIST, "citation": NULLABLE_STR, "listed_on": NULLABLE_STR,
        "source_url": NULLABLE_STR, "license_requirement": NULLABLE_STR,
        "license_policy": NULLABLE_STR, "license_policy_text": NULLABLE_STR,
        "status_history": {"type": "array", "items": _ref("StatusEvent")},
    }),
    "Edge": _obj(["owner", "owned", "percent"], {
        "owner": {"type": "string"}, "owned": {"type": "string"},
        "percent": {"type": ["number", "null"]}, "owner_name": NULLABLE_STR,
        "owned_name": NULLABLE_STR, "source": NULLABLE_STR, "relation": NULLABLE_STR}),
    "EntryDetail": _obj(["entry", "name", "list", "versions", "owners", "owned"], {
        "entry": _ref("Entry"), "name": {"type": "string"},
        "list": _obj(["id", "title"], {"id": {"type": "string"}, "title": {"type": "string"}}),
        "source_url": NULLABLE_STR, "content_hash": {"type": "string"},
        "versions": {"type": "array", "items": _obj(
            ["list_id", "version", "content_hash"],
            {"list_id": {"type": "string"}, "version": {"type": "integer"},
             "imported_at": {"type": "string"}, "content_hash": {"type": "string"}})},
        "owners": {"type": "array", "items": _ref("Edge")},
        "owned": {"type": "array", "items": _ref("Edge")},
    }, extra=False),
    "DecisionRequest": _obj(["name", "entry_id", "decision", "reason"], {
        "name": {"type": "string", "description": "the counterparty as it was screened"},
        "country": NULLABLE_STR,
        "entry_id": {"type": "string"},
        "decision": {"enum": ["true_match", "false_positive"]},
        "reason": {"type": "string", "minLength": 1},
        "expires_on": NULLABLE_DATE,
    }, extra=False),
    "Decision": _obj(["id", "fingerprint", "name", "entry_id", "entry_hash", "decision",
                      "reason", "user", "created_at", "expires_on"], {
        "id": {"type": "integer"}, "fingerprint": {"type": "string"},
        "name": {"type": "string"}, "country": NULLABLE_STR, "entry_id": {"type": "string"},
        "entry_hash": {"type": "string", "description": "content hash of the entry decided on"},
        "decision": {"enum": ["true_match", "false_positive"]},
        "reason": {"type": "string"}, "user": {"type": "string"},
        "created_at": {"type": "string"}, "expires_on": NULLABLE_DATE,
    }, extra=False),
    "Health": _obj(["status"], {
        "status": {"enum": ["ok", "degraded"],
                   "description": "degraded: the audit log cannot be written, screenings get 503"},
        "entries": {"type": "integer"}, "lists": {"type": "integer"},
        "audit": _obj(["ok"], {"ok": {"type": "boolean"}, "pending": {"type": "integer"},
                               "error": {"type": "string"}, "since": {"type": "string"},
                               "error_records": {"type": "integer"}})}),
    **json_schemas(),
}

#: Monitoring (issue 16 item 2): counterparties and their alerts.
SCHEMAS.update({
    "Counterparty": _obj(["id", "name", "active", "added_at"], {
        "id": {"type": "integer"}, "name": {"type": "string"}, "country": NULLABLE_STR,
        "ref": {**NULLABLE_STR, "description": "the CRM's id of the counterparty"},
        "request": {"type": ["object", "null"], "description": "the party as monitored"},
        "added_at": {"type": "string"}, "added_by": NULLABLE_STR, "active": {"type": "boolean"},
        "removed_at": NULLABLE_STR,
        "outcome": {"type": ["string", "null"], "description": "of the last screening"},
        "list_versions": {"type": ["object", "null"],
                          "description": "list versions of the last screening"},
        "as_of": NULLABLE_STR, "result_sha256": NULLABLE_STR, "audit_ref": NULLABLE_STR,
        "screened_at": NULLABLE_STR,
        "checked_versions": {"type": ["object", "null"],
                             "description": "list versions its answer is known to hold for"},
        "valid_from": NULLABLE_STR, "valid_until": NULLABLE_STR,
        "result": {"oneOf": [_ref("ScreeningResult"), {"type": "null"}]},
    }),
    "Counterparties": _obj(["counterparties", "count"], {
        "counterparties": {"type": "array", "items": _ref("Counterparty")},
        "count": {"type": "integer"}, "total": {"type": "integer"},
    }, extra=False),
    "CounterpartyRequest": _obj(["party"], {
        "party": _ref("Party"),
        "ref": {**NULLABLE_STR, "maxLength": 200,
                "description": "the CRM's id; adding a ref again updates that counterparty"},
    }, extra=False),
    "Alert": _obj(["id", "counterparty_id", "created_at", "new_outcome", "delivery"], {
        "id": {"type": "integer"}, "counterparty_id": {"type": "integer"},
        "name": NULLABLE_STR, "ref": NULLABLE_STR, "created_at": {"type": "string"},
        "old_outcome": NULLABLE_STR, "new_outcome": {"type": "string"},
        "added": {"type": "array", "items": {"type": "object"},
                  "description": "findings the new answer has and the old had not"},
        "removed": {"type": "array", "items": {"type": "object"}},
        "as_of": NULLABLE_STR, "list_versions": {"type": "object"}, "audit_ref": NULLABLE_STR,
        "reason": {**NULLABLE_STR, "description": "list change, date or full"},
        "delivery": _obj(["state", "attempts"], {
            "state": {"enum": ["off", "pending", "retrying", "delivered", "failed"]},
            "attempts": {"type": "integer"}, "last_error": NULLABLE_STR,
            "next_try": NULLABLE_STR, "delivered_at": NULLABLE_STR}),
    }),
    "Alerts": _obj(["alerts", "count"], {
        "alerts": {"type": "array", "items": _ref("Alert")}, "count": {"type": "integer"},
    }, extra=False),
})


def _error(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(schema: str, description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": _ref(schema)}}}


COMMON_ERRORS = {
    "401": _error("missing, malformed, unknown or revoked API key"),
    "429": _error("rate limit exceeded; see the Retry-After header"),
}

#: Any request whose path or query string holds text that cannot be stored (NUL, lone
#: surrogates, control characters, non-characters) is refused before anything else.
UNSTORABLE = {"422": _error("the path or query string holds text that cannot be stored "
                            "(NUL, a control character, a non-character)")}

#: Where the request writes the audit log or the database.
WRITE_ERRORS = {
    "503": _error("the audit log or the database cannot be written now; nothing was "
                  "recorded, see the Retry-After header"),
}


def _body(schema: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema)}}}


#: ``limit`` and ``offset`` of a listing.
PAGE_PARAMETERS = [
    {"name": "limit", "in": "query", "required": False,
     "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 100}},
    {"name": "offset", "in": "query", "required": False,
     "schema": {"type": "integer", "minimum": 0, "default": 0}},
]


def monitor_paths() -> dict:
    """The monitoring operations (:mod:`web.monitor_api`)."""
    bad_page = _error("limit or offset out of range, or text that cannot be stored")
    return {
        "/api/v1/counterparties": {
            "get": {
                "summary": "Monitored counterparties with their last outcome (any key)",
                "parameters": [*PAGE_PARAMETERS, {
                    "name": "q", "in": "query", "required": False, "schema": {"type": "string"},
                    "description": "name or CRM ref contains"}],
                "responses": {"200": _ok("Counterparties", "newest first"),
                              "422": bad_page, **COMMON_ERRORS}},
            "post": {
                "summary": "Monitor a party and screen it now (any key; audited via monitor)",
                "requestBody": _body("CounterpartyRequest"),
                "responses": {
                    "201": _ok("Counterparty", "the counterparty with its first result"),
                    "400": _error("malformed body or a field of the wrong type"),
                    "422": _error("the party is unusable, or already monitored without a ref"),
                    **COMMON_ERRORS, **WRITE_ERRORS}}},
        "/api/v1/alerts": {"get": {
            "summary": "Alerts raised by changed outcomes, newest first (any key)",
            "parameters": [*PAGE_PARAMETERS, {
                "name": "since", "in": "query", "required": False, "schema": {"type": "string"},
                "description": "raised at or after this ISO date or time (UTC)"}],
            "responses": {"200": _ok("Alerts", "old -> new outcome, findings changed, "
                                     "webhook delivery state"),
                          "422": bad_page, **COMMON_ERRORS}}},
    }


@lru_cache(maxsize=1)
def openapi_document() -> dict:
    """The whole OpenAPI 3.1 document."""
    from . import openapi_desk
    try:
        app_version = version("screening")
    except PackageNotFoundError:
        app_version = "0"
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "screening API",
            "version": app_version,
            "description": "Restricted-party screening against China's MOFCOM lists and 2025 "
                           "rare-earth regime and the US lists. Every screening result is the "
                           "same object `screening check --json` prints.",
        },
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {
                "type": "http", "scheme": "bearer",
                "description": "An API key from `screening apikeys create NAME`"}},
            "schemas": {**SCHEMAS, **openapi_desk.SCHEMAS},
        },
        "paths": {
            "/api/v1/health": {"get": {
                "summary": "Liveness (no authentication)", "security": [],
                "responses": {"200": _ok("Health", "the service is up"),
                              "503": _ok("Health", "up, but the audit log cannot be written"),
                              **UNSTORABLE}}},
            "/api/v1/screen": {"post": {
                "summary": "Screen one party",
                "requestBody": _body("Party"),
                "responses": {
                    "200": _ok("ScreeningResult", "the determination, findings and hits"),
                    "400": _error("body is not JSON or a field has the wrong type"),
                    "422": _error("name missing, bad date, unknown context field, text "
                                  "that cannot be stored (NUL, lone surrogate...)"),
                    **COMMON_ERRORS, **WRITE_ERRORS}}},
            "/api/v1/screen/batch": {"post": {
                "summary": "Screen up to 1,000 parties",
                "requestBody": _body("BatchRequest"),
                "responses": {
                    "200": _ok("BatchResult", "one result per party, in order"),
                    "400": _error("malformed body"),
                    "413": _error("more than 1,000 parties, more than 5,000 names with "
                                  "aliases and owners, or a body over 5 MB"),
                    "422": _error("a party is unusable (its index is in the message)"),
                    **COMMON_ERRORS, **WRITE_ERRORS}}},
            "/api/v1/lists": {"get": {
                "summary": "The lists in force",
                "parameters": [{"name": "changes", "in": "query", "required": False,
                                "schema": {"enum": ["0", "1"]},
                                "description": "1: include changes since the previous version"}],
                "responses": {"200": _ok("Lists", "each list with version and counts"),
                              **COMMON_ERRORS, **UNSTORABLE}}},
            "/api/v1/entries/{entry_id}": {"get": {
                "summary": "One listed entry",
                "parameters": [{"name": "entry_id", "in": "path", "required": True,
                                "schema": {"type": "string"}, "example": "cn-uel:skydio"}],
                "responses": {"200": _ok("EntryDetail", "the entry in force"),
                              "404": _error("no such entry in force"), **COMMON_ERRORS,
                              **UNSTORABLE}}},
            "/api/v1/decisions": {"post": {
                "summary": "Record a review decision on a hit (reviewer keys)",
                "requestBody": _body("DecisionRequest"),
                "responses": {"201": _ok("Decision", "the stored decision"),
                              "400": _error("malformed body"),
                              "403": _error("the key's role cannot record decisions"),
                              "404": _error("no such entry in force"),
                              "422": _error("unknown decision, no reason, expiry in the past"),
                              **COMMON_ERRORS, **WRITE_ERRORS}}},
            "/api/v1/openapi.json": {"get": {
                "summary": "This document (no authentication)", "security": [],
                "responses": {"200": {"description": "OpenAPI 3.1",
                                      "content": {"application/json": {}}},
                              **UNSTORABLE}}},
            **openapi_desk.paths(COMMON_ERRORS, UNSTORABLE, WRITE_ERRORS),

            **monitor_paths(),
        },
    }
