"""API: the review queue and the screening history, for reviewer keys, validated against the
OpenAPI document; a REVIEW answer from the API lands in the queue and in the history."""

from __future__ import annotations

import pytest

from tests.web.conftest import api_key, make_app
from tests.web.test_api import Api

#: Skydio under the "flag" assumption: REVIEW, would be PROHIBITED (rules.md §9, Skydio).
SKYDIO = {"name": "Skydio Inc.", "as_of": "2026-12-05", "after_horizon": "flag"}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("desk-api")
    return make_app(tmp / "screening.db", tmp, RATE_LIMIT=1_000_000)


@pytest.fixture(scope="module")
def keys(app):
    return {role: api_key(app, role, name=f"{role}-{n}")
            for n, role in enumerate(["screener", "reviewer", "admin"])}


def test_review_answer_is_queued_decided_with_four_eyes_and_then_cleared(app, keys):
    crm, rita, ada = (Api(app, keys[r]) for r in ("screener", "reviewer", "admin"))
    first = crm.call("POST", "/api/v1/screen", "ScreeningResult", json=SKYDIO)
    assert first["outcome"] == "REVIEW"
    crm.call("GET", "/api/v1/reviews", None, 403)
    listing = rita.call("GET", "/api/v1/reviews?q=skydio", "ReviewList")
    (item,) = listing["items"]
    assert item["would_be"] == "PROHIBITED" and item["via"] == "api"
    rita.call("POST", f"/api/v1/reviews/{item['id']}/assign", "ReviewItem",
              json={"assignee": "apikey:reviewer-1"})
    rita.call("POST", f"/api/v1/reviews/{item['id']}/comment", "ReviewItem",
              json={"text": "customer is Skydio Logistics, Ohio"})
    pending = rita.call("POST", f"/api/v1/reviews/{item['id']}/decision", "ReviewItem",
                        json={"decision": "false_positive", "reason": "different company"})
    assert pending["status"] == "pending"
    rita.call("POST", f"/api/v1/reviews/{item['id']}/decision", None, 403,
              json={"decision": "false_positive", "reason": "again"})
    done = ada.call("POST", f"/api/v1/reviews/{item['id']}/decision", "ReviewItem",
                    json={"decision": "false_positive", "reason": "confirmed"})
    assert done["status"] == "closed"
    assert [e["kind"] for e in done["events"]] == [
        "opened", "assign", "comment", "cleared-first", "confirmed"]
    again = crm.call("POST", "/api/v1/screen", "ScreeningResult", json=SKYDIO)
    assert {c["status"] for c in again["cleared"]} == {"cleared"}
    assert again["outcome"] != "REVIEW"
    rita.call("GET", "/api/v1/reviews/999999", None, 404)
    rita.call("GET", "/api/v1/reviews?status=bogus", None, 422)
    rita.call("POST", f"/api/v1/reviews/{item['id']}/decision", None, 400, data="x",
              headers={"Content-Type": "application/json"})


def test_history_search_and_open_as_answered(app, keys):
    crm, rita = Api(app, keys["screener"]), Api(app, keys["reviewer"])
    resp = crm.client.post("/api/v1/screen", json={"name": "Siemens AG", "as_of": "2026-12-05"},
                           headers=crm.headers)
    ref = resp.headers["X-Audit-Ref"]
    crm.call("GET", "/api/v1/history", None, 403)
    found = rita.call("GET", "/api/v1/history?name=SIEMENS&via=api", "HistoryList")
    assert [r["audit_ref"] for r in found["items"]] == [ref]
    kept = rita.call("GET", f"/api/v1/history/{ref}", "HistoryRow")
    assert kept["result"] == resp.json and kept["intact"] is True
    rita.call("GET", "/api/v1/history/nope", None, 404)
    rita.call("GET", "/api/v1/history?since=yesterday", None, 422)


def test_the_paths_are_in_the_generated_document(app, keys):
    doc = Api(app, keys["reviewer"]).doc
    assert {"/api/v1/reviews", "/api/v1/reviews/{review_id}/decision",
            "/api/v1/history"} <= set(doc["paths"])
