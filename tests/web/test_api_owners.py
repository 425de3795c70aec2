"""Declared owners through `/api/v1/screen` (issue 12, defect 3 end to end from the API)."""

from __future__ import annotations

from tests.web.conftest import api_key


def screen(app, party: dict) -> dict:
    client = app.test_client()
    resp = client.post("/api/v1/screen", json=party,
                       headers={"Authorization": f"Bearer {api_key(app, 'screener')}"})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.json


def finding(body: dict, rule: str) -> dict:
    return next(f for f in body["findings"] if f["rule"] == rule)


def test_owner_on_several_lists_holds_its_share_once(real_app):
    # rules.md §8.2: "25-49% listed ownership" is REVIEW; Lockheed Martin Corporation is one
    # owner although it is on the UEL, the Control List and the military-user category.
    body = screen(real_app, {"name": "Acme Widgets GmbH", "as_of": "2026-12-05",
                             "context": {"item": "Dy"},
                             "owners": [{"name": "Lockheed Martin Corporation", "percent": 40}]})
    f = finding(body, "CN-61-A2")
    assert (f["outcome"], f["would_be"]) == ("REVIEW", "PRESUMPTION_OF_DENIAL")
    assert "40 %" in f["reason"]


def test_owner_by_entry_id_and_owners_aggregate(real_app):
    # rules.md §7.2 "Ownership aggregates across owners"; No. 61 Art. 2 applies at ≥ 50 % (§3.1).
    body = screen(real_app, {"name": "Acme Widgets GmbH", "as_of": "2026-12-05",
                             "context": {"item": "Dy"},
                             "owners": [{"name": "cn-control:lockheed-martin", "percent": 30},
                                        {"name": "Raytheon Missiles & Defense", "percent": 25}]})
    f = finding(body, "CN-61-A2")
    assert f["outcome"] == "PRESUMPTION_OF_DENIAL"
    assert "55 %" in f["reason"]


def test_unknown_owner_id_is_refused(real_app):
    client = real_app.test_client()
    resp = client.post("/api/v1/screen",
                       json={"name": "Acme Widgets GmbH", "owners": [{"name": "cn-control:nope", "percent": 60}]},
                       headers={"Authorization": f"Bearer {api_key(real_app, 'screener')}"})
    assert resp.status_code == 422
    assert "no entry with this id is in force" in resp.json["error"]
