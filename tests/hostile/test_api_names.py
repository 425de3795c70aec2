"""Hostile names through the JSON API: each gets a clear 4xx (or an answer), never a 5xx,
and the next normal request is still answered and audited."""

from __future__ import annotations

import json
from json import dumps

import pytest

from screening.service.audit import AuditLog
from tests.hostile.names import ACCEPTABLE, UNSTORABLE
from tests.web.conftest import api_key, cheap_password_hashes, fake_app  # noqa: F401 (fixtures)


class Client:
    """Posts JSON as a real client does: ``\\ud800`` escapes, never raw surrogates."""

    def __init__(self, app) -> None:
        self.client = app.test_client()
        self.client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {api_key(app, 'reviewer')}"

    def post(self, path: str, json: object = None, **kw):
        if json is not None:
            kw.update(data=dumps(json), content_type="application/json")
        return self.client.post(path, **kw)


@pytest.fixture
def api(fake_app):  # noqa: F811
    return Client(fake_app)


def audited(app, ref: str) -> bool:
    """True when a record with this ref is in the audit log (it must be, once answered)."""
    return any(json.loads(r["detail"]).get("ref") == ref
               for r in AuditLog(app.extensions["screening"].store).records())


def assert_next_request_served_and_audited(app, api) -> None:
    resp = api.post("/api/v1/screen", json={"name": "Skydio Inc."})
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert resp.json["outcome"] == "PROHIBITED"
    assert audited(app, resp.headers["X-Audit-Ref"])


@pytest.mark.parametrize("text", [t for _, t in UNSTORABLE], ids=[i for i, _ in UNSTORABLE])
def test_unstorable_name_is_422_naming_the_field(fake_app, api, text):  # noqa: F811
    resp = api.post("/api/v1/screen", json={"name": text})
    assert resp.status_code == 422, resp.get_data(as_text=True)
    assert "body.name" in resp.json["error"] and "U+" in resp.json["error"]
    assert resp.json["detail"] == {"field": "body.name"}
    assert_next_request_served_and_audited(fake_app, api)


@pytest.mark.parametrize("body, field", [
    ({"name": "Acme", "aliases": ["ok", "bad \ud800"]}, "body.aliases[1]"),
    ({"name": "Acme", "country": "C\x00N"}, "body.country"),
    ({"name": "Acme", "context": {"item": "Tb\udc00"}}, "body.context.item"),
    ({"name": "Acme", "owners": [{"name": "\ud83d", "percent": 50}]}, "body.owners[0].name"),
    ({"name": "Acme", "\ud800": 1}, "body (a key)"),
])
def test_unstorable_text_anywhere_in_the_body_is_422(fake_app, api, body, field):  # noqa: F811
    resp = api.post("/api/v1/screen", json=body)
    assert resp.status_code == 422, resp.get_data(as_text=True)
    assert resp.json["detail"]["field"] == field


def test_unstorable_party_in_a_batch_names_its_index(fake_app, api):  # noqa: F811
    resp = api.post("/api/v1/screen/batch",
                    json={"parties": [{"name": "Acme"}, {"name": "x\ud800"}]})
    assert resp.status_code == 422
    assert resp.json["detail"]["field"] == "body.parties[1].name"
    assert_next_request_served_and_audited(fake_app, api)


def test_unstorable_decision_reason_is_422_and_nothing_recorded(fake_app, api):  # noqa: F811
    resp = api.post("/api/v1/decisions", json={
        "name": "Skydio Inc.", "entry_id": "cn-uel:skydio", "decision": "false_positive",
        "reason": "checked \ud800"})
    assert resp.status_code == 422
    assert fake_app.extensions["screening"].decisions.history() == []


def test_poison_name_does_not_stop_auditing(fake_app, api):  # noqa: F811
    """The reported attack: one lone surrogate, then every later screening went unaudited."""
    assert api.post("/api/v1/screen", json={"name": "Poison \ud800 Ltd"}).status_code == 422
    refs = []
    for name in ("Skydio Inc.", "Acme Trading", "斯凯迪奥公司"):
        resp = api.post("/api/v1/screen", json={"name": name})
        assert resp.status_code == 200
        refs.append(resp.headers["X-Audit-Ref"])
    assert all(audited(fake_app, ref) for ref in refs)
    report = AuditLog(fake_app.extensions["screening"].store).verify()
    assert report.ok and report.records == 3, report.message


@pytest.mark.parametrize("text", [t for _, t in ACCEPTABLE], ids=[i for i, _ in ACCEPTABLE])
def test_awkward_but_valid_name_is_answered_or_refused_cleanly(fake_app, api, text):  # noqa: F811
    resp = api.post("/api/v1/screen", json={"name": text})
    assert resp.status_code in (200, 422), resp.get_data(as_text=True)
    if resp.status_code == 200:
        assert audited(fake_app, resp.headers["X-Audit-Ref"])
    else:
        assert resp.json["error"]
    assert_next_request_served_and_audited(fake_app, api)


def test_100k_character_name_is_refused_before_screening(fake_app, api):  # noqa: F811
    resp = api.post("/api/v1/screen", json={"name": "A" * 100_000})
    assert resp.status_code == 422
    assert "at most 1,000" in resp.json["error"]


def test_deeply_nested_json_is_400(fake_app, api):  # noqa: F811
    body = '{"name": "Acme", "context": ' + "[" * 5000 + "]" * 5000 + "}"
    resp = api.post("/api/v1/screen", data=body, content_type="application/json")
    assert resp.status_code == 400, resp.get_data(as_text=True)
    assert "nested" in resp.json["error"]
    moderately = '{"name": "Acme", "context": ' + "[" * 100 + "]" * 100 + "}"
    resp = api.post("/api/v1/screen", data=moderately, content_type="application/json")
    assert resp.status_code == 400 and "nested" in resp.json["error"]
    assert_next_request_served_and_audited(fake_app, api)
