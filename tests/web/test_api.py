"""API v1: each endpoint, each error status, authentication, rate limits, a batch of 1,000,
with every response validated against the served OpenAPI document."""

from __future__ import annotations

import json

import jsonschema
from click.testing import CliRunner
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from screening.cli import cli
from screening.lists.store import open_store
from tests.web.conftest import FakeScreener, api_key, make_app, seed


def validator_for(doc: dict, schema: str) -> jsonschema.Draft202012Validator:
    """A validator for ``#/components/schemas/<schema>`` of the OpenAPI document."""
    resource = Resource.from_contents(doc, default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:openapi", resource)
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:openapi#/components/schemas/{schema}"}, registry=registry)


class Api:
    """A test client that sends the key and validates bodies against the OpenAPI schemas."""

    def __init__(self, app, key: str) -> None:
        self.client = app.test_client()
        self.headers = {"Authorization": f"Bearer {key}"}
        self.doc = self.client.get("/api/v1/openapi.json", headers=self.headers).json

    def call(self, method: str, path: str, schema: str | None, status: int = 200, **kw):
        resp = self.client.open(path, method=method, headers={**self.headers, **kw.pop("headers", {})},
                                **kw)
        assert resp.status_code == status, resp.get_data(as_text=True)
        body = resp.json
        validator_for(self.doc, schema or "Error").validate(body)
        if status >= 400:
            assert body["status"] == status and body["error"]
        return body


@pytest.fixture
def api(fake_app):
    return Api(fake_app, api_key(fake_app, "reviewer"))


@pytest.fixture(scope="session")
def real_api_key(real_app):
    return api_key(real_app, "reviewer", name="crm-real")


@pytest.fixture
def real_api(real_app, real_api_key):
    return Api(real_app, real_api_key)


# ------------------------------------------------------------------ openapi
def test_openapi_document_is_valid_openapi_31(api):
    doc = api.doc
    assert doc["openapi"] == "3.1.0"
    assert set(doc["paths"]) >= {"/api/v1/health", "/api/v1/screen", "/api/v1/screen/batch",
                                 "/api/v1/lists", "/api/v1/entries/{entry_id}",
                                 "/api/v1/decisions", "/api/v1/openapi.json",
                                 "/api/v1/reviews", "/api/v1/reviews/{review_id}",
                                 "/api/v1/reviews/{review_id}/comment",
                                 "/api/v1/reviews/{review_id}/assign",
                                 "/api/v1/reviews/{review_id}/decision",
                                 "/api/v1/history", "/api/v1/history/{ref}"}
    assert {"/api/v1/counterparties", "/api/v1/alerts"} <= set(doc["paths"])
    for name, schema in doc["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema)


# ------------------------------------------------------------ real screener
def test_screen_chinese_name(real_api):
    body = real_api.call("POST", "/api/v1/screen", "ScreeningResult",
                         json={"name": "洛克希德·马丁公司", "as_of": "2026-11-22"})
    assert body["outcome"] == "PROHIBITED"
    assert body["after_horizon"] == "literal"
    rules = {f["rule"] for f in body["findings"] if f["outcome"] == "PROHIBITED"}
    assert "CN-UEL" in rules
    assert any(f["citation"] for f in body["findings"])


def test_screen_matches_cli_result(real_api, real_app):
    body = real_api.call("POST", "/api/v1/screen", "ScreeningResult",
                         json={"name": "Skydio Inc.", "as_of": "2026-11-22",
                               "after_horizon": "extended"})
    res = CliRunner().invoke(cli, ["check", "Skydio Inc.", "--as-of", "2026-11-22",
                                   "--after-horizon", "extended", "--json",
                                   "--db", real_app.config["DB_PATH"]])
    assert res.exit_code == 0, res.output
    direct = json.loads(res.output)
    for key in ("query", "outcome", "findings", "hits", "after_horizon", "as_of", "depends_on",
                "list_versions"):
        assert body[key] == direct[key], key


def test_screen_with_context(real_api):
    body = real_api.call("POST", "/api/v1/screen", "ScreeningResult",
                         json={"name": "Samsung Electronics", "country": "KR",
                               "as_of": "2026-11-22",
                               "context": {"item": "Tb", "end_use": "memory_ge_256_layers",
                                           "item_origin": "CN"}})
    assert body["query"]["context"]["item"]
    assert body["outcome"] != "CLEAR"
    assert "CN-61-A4" in {f["rule"] for f in body["findings"]}  # >= 256-layer memory end use


def test_screen_with_destination(real_api):
    # rules.md §2.3: No. 46 Art. 2 (Ga/Ge/Sb to the US) revives 2026-11-28 under `literal`.
    body = real_api.call("POST", "/api/v1/screen", "ScreeningResult",
                         json={"name": "Acme Optics Inc.", "as_of": "2026-12-05",
                               "context": {"item": "gallium", "destination": "US"}})
    assert body["query"]["context"]["destination"] == "US"
    assert body["outcome"] == "PRESUMPTION_OF_DENIAL"
    assert "CN-46-A2" in {f["rule"] for f in body["findings"]}
    doc = real_api.doc["components"]["schemas"]["Context"]["properties"]["destination"]
    assert "No. 46 Art. 2" in doc["description"]


def test_batch_of_1000(real_api):
    names = ["Skydio Inc.", "洛克希德·马丁公司", "Acme Bakery GmbH", "Samsung Electronics"]
    parties = [{"name": names[i % 4] if i % 10 else f"Customer number {i}"} for i in range(1000)]
    body = real_api.call("POST", "/api/v1/screen/batch", "BatchResult",
                         json={"parties": parties, "as_of": "2026-11-22"})
    assert body["count"] == len(body["results"]) == 1000
    assert [r["query"]["name"] for r in body["results"]] == [p["name"] for p in parties]
    assert sum(body["counts"].values()) == 1000
    assert body["results"][1]["outcome"] == "PROHIBITED"


def test_entry(real_api):
    body = real_api.call("GET", "/api/v1/entries/cn-uel:skydio", "EntryDetail")
    assert body["entry"]["list_id"] == "cn-uel"
    assert any(n["script"] == "Hani" for n in body["entry"]["names"])
    assert body["entry"]["status_history"]


def test_lists(real_api):
    body = real_api.call("GET", "/api/v1/lists", "Lists")
    ids = {row["id"] for row in body["lists"]}
    assert {"cn-uel", "cn-control", "cn-watch"} <= ids
    assert body["total"] == sum(row["entries"] for row in body["lists"])
    with_changes = real_api.call("GET", "/api/v1/lists?changes=1", "Lists")
    assert all("changes" in row for row in with_changes["lists"])


def test_decision_then_cleared(real_api):
    party = {"name": "Huntington Ingalls Industries", "country": "US", "as_of": "2026-11-22"}
    first = real_api.call("POST", "/api/v1/screen", "ScreeningResult", json=party)
    hit = first["hits"][0]
    d = real_api.call("POST", "/api/v1/decisions", "Decision", status=201, json={
        "name": party["name"], "country": party["country"], "entry_id": hit["entry_id"],
        "decision": "false_positive", "reason": "same name, a florist in Ohio, not the shipbuilder"})
    assert d["user"] == "apikey:crm-real" and d["entry_hash"]
    again = real_api.call("POST", "/api/v1/screen", "ScreeningResult", json=party)
    assert hit["entry_id"] not in [h["entry_id"] for h in again["hits"]], again["cleared"]
    cleared = [c for c in again["cleared"] if c["entry_id"] == hit["entry_id"]]
    assert cleared[0]["status"] == "cleared" and cleared[0]["by"] == "apikey:crm-real"


# ----------------------------------------------------------- error statuses
def test_400_not_json(api):
    api.call("POST", "/api/v1/screen", None, status=400, data="name=x",
             headers={"Content-Type": "text/plain"})


def test_400_broken_json(api):
    api.call("POST", "/api/v1/screen", None, status=400, data="{not json",
             headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("body", [[], {"name": 5}, {"name": "x", "aliases": "y"},
                                  {"name": "x", "context": "item=Tb"}])
def test_400_wrong_types(api, body):
    api.call("POST", "/api/v1/screen", None, status=400, json=body)


@pytest.mark.parametrize("body,word", [
    ({"name": ""}, "name"), ({"country": "CN"}, "name"),
    ({"name": "x", "as_of": "22/11/2026"}, "as_of"),
    ({"name": "x", "after_horizon": "maybe"}, "after_horizon"),
    ({"name": "x", "colour": "red"}, "unknown field"),
])
def test_422_unusable(real_api, body, word):
    err = real_api.call("POST", "/api/v1/screen", None, status=422, json=body)
    assert word in err["error"]


def test_422_unknown_context_field(real_api):
    err = real_api.call("POST", "/api/v1/screen", None, status=422,
                        json={"name": "x", "context": {"colour": "red"}})
    assert "colour" in err["error"]


def test_401_bad_keys(fake_app):
    client = fake_app.test_client()
    for header in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer "},
                   {"Authorization": "Bearer scr_not-a-real-key"}):
        resp = client.post("/api/v1/screen", json={"name": "x"}, headers=header)
        assert resp.status_code == 401, header
        assert resp.json["error"]


def test_401_revoked_key(fake_app):
    key = api_key(fake_app, name="old-crm")
    fake_app.extensions["screening"].accounts.revoke_api_keys("old-crm")
    resp = fake_app.test_client().get("/api/v1/lists", headers={"Authorization": f"Bearer {key}"})
    assert resp.status_code == 401


def test_403_screener_key_cannot_decide(fake_app):
    api = Api(fake_app, api_key(fake_app, "screener"))
    err = api.call("POST", "/api/v1/decisions", None, status=403, json={
        "name": "Skydio Inc.", "entry_id": "cn-uel:skydio", "decision": "false_positive",
        "reason": "x"})
    assert "reviewer" in err["error"]


def test_404_entry(api):
    api.call("GET", "/api/v1/entries/cn-uel:no-such-party", None, status=404)


def test_404_unknown_path(api):
    api.call("GET", "/api/v1/nothing-here", None, status=404)


def test_404_decision_on_unknown_entry(api):
    api.call("POST", "/api/v1/decisions", None, status=404, json={
        "name": "x", "entry_id": "cn-uel:nope", "decision": "false_positive", "reason": "x"})


@pytest.mark.parametrize("body", [
    {"name": "x", "entry_id": "cn-uel:skydio", "decision": "maybe", "reason": "x"},
    {"name": "x", "entry_id": "cn-uel:skydio", "decision": "false_positive", "reason": ""},
    {"name": "x", "entry_id": "cn-uel:skydio", "decision": "false_positive", "reason": "x",
     "expires_on": "2001-01-01"},
    {"name": "x", "decision": "false_positive", "reason": "x"},
])
def test_422_bad_decisions(api, body):
    api.call("POST", "/api/v1/decisions", None, status=422, json=body)


def test_405_wrong_method(api):
    api.call("GET", "/api/v1/screen", None, status=405)


def test_413_batch_too_large(api):
    err = api.call("POST", "/api/v1/screen/batch", None, status=413,
                   json={"parties": [{"name": f"p{i}"} for i in range(1001)]})
    assert "1000" in err["error"]


def test_413_body_too_large(db_path, tmp_path):
    seed(open_store(db_path))
    app = make_app(db_path, tmp_path, MAX_CONTENT_LENGTH=1000,
                   SCREENER_FACTORY=lambda p: FakeScreener(open_store(p)))
    api = Api(app, api_key(app))
    api.call("POST", "/api/v1/screen", None, status=413, json={"name": "x" * 2000})


def test_batch_422_names_the_party(api):
    err = api.call("POST", "/api/v1/screen/batch", None, status=422,
                   json={"parties": [{"name": "ok"}, {"name": ""}]})
    assert "parties[1]" in err["error"]


def test_batch_400_shapes(api):
    api.call("POST", "/api/v1/screen/batch", None, status=400, json={"parties": "x"})
    api.call("POST", "/api/v1/screen/batch", None, status=400, json={"parties": []})
    api.call("POST", "/api/v1/screen/batch", None, status=400, json={"parties": [{"name": "a"}],
                                                                      "extra": 1})


def test_429_rate_limit(db_path, tmp_path):
    seed(open_store(db_path))
    app = make_app(db_path, tmp_path, RATE_LIMIT=3,
                   SCREENER_FACTORY=lambda p: FakeScreener(open_store(p)))
    api = Api(app, api_key(app))  # fetching openapi.json needs no key: no token taken
    for _ in range(3):
        api.call("GET", "/api/v1/lists", "Lists")
    resp = api.client.get("/api/v1/lists", headers=api.headers)
    assert resp.status_code == 429
    assert int(resp.headers["Retry-After"]) >= 1
    validator_for(api.doc, "Error").validate(resp.json)
    other = Api.__new__(Api)  # another key has its own bucket
    other.client, other.headers, other.doc = app.test_client(), {
        "Authorization": f"Bearer {api_key(app, name='other')}"}, api.doc
    other.call("GET", "/api/v1/lists", "Lists")


def test_screen_audited(api, fake_app):
    resp = api.client.post("/api/v1/screen", json={"name": "Skydio Inc."}, headers=api.headers)
    ref = resp.headers["X-Audit-Ref"]
    fake_app.extensions["screening"].audit_writer.flush()
    rec = [r for r in fake_app.extensions["screening"].audit.records() if f'"ref":"{ref}"' in r["detail"]][0]
    assert (rec["action"], rec["user"], rec["subject"], rec["outcome"], rec["assumption"]) == (
        "screen", "apikey:crm-reviewer", "Skydio Inc.", "PROHIBITED", "literal")
    assert '"cn-uel":1' in rec["list_versions"]


# ------------------------------------------------------- per-call matcher config
def test_screen_config_overrides_the_matcher_for_one_call(real_api):
    party = {"name": "Skydio Inc.", "as_of": "2026-11-22"}
    plain = real_api.call("POST", "/api/v1/screen", "ScreeningResult", json=party)
    assert plain["hits"] and "config" not in plain["query"]
    from screening.matching.algorithm import FEATURES
    off = {"weights": {ft.name: 0 for ft in FEATURES if not ft.qualifier}}  # every main feature
    body = real_api.call("POST", "/api/v1/screen", "ScreeningResult", json={**party, "config": off})
    assert body["hits"] == []
    assert body["query"]["config"] == off  # the audit record shows the call was not screened as usual
    again = real_api.call("POST", "/api/v1/screen", "ScreeningResult", json=party)
    assert len(again["hits"]) == len(plain["hits"])


@pytest.mark.parametrize("config,word", [
    ({"weights": {"no_such_feature": 1}}, "no_such_feature"),
    ({"match_threshold": 0.5}, "review_threshold"),
])
def test_422_bad_config(real_api, config, word):
    err = real_api.call("POST", "/api/v1/screen", None, status=422, json={"name": "x", "config": config})
    assert word in err["error"]

@pytest.mark.parametrize("body", [{"name": "Acme", "as_of": ""},
                                  {"name": "Acme", "after_horizon": ""}])
def test_empty_as_of_or_horizon_is_422_as_the_schema_says(api, body):
    api.call("POST", "/api/v1/screen", None, status=422, json=body)
    api.call("POST", "/api/v1/screen/batch", None, status=422,
             json={"parties": [{"name": "Acme"}], **{k: v for k, v in body.items() if k != "name"}})


@pytest.mark.parametrize("value, valid", [
    ("0000-00-00", False), ("2026-00-10", False), ("2026-13-01", False), ("2026-11-32", False),
    ("0000-01-01", False), ("2026-11-22x", False), ("", False),
    ("2026-11-22", True), ("0001-01-01", True), ("2027-02-28", True)])
def test_date_schema_accepts_only_dates_the_server_can_accept(api, value, valid):
    """The Party.as_of pattern must not accept what the server rejects (0000-00-00 was)."""
    schema = {**api.doc["components"]["schemas"]["Party"]["properties"]["as_of"]}
    assert jsonschema.Draft202012Validator(schema).is_valid(value) is valid
    if valid:
        api.call("POST", "/api/v1/screen", "ScreeningResult", json={"name": "Acme", "as_of": value})


def test_a_20_mb_batch_is_refused_before_it_is_read(api):
    alias = "A" * 999
    party = {"name": "Acme", "aliases": [alias] * 50}
    body = json.dumps({"parties": [party] * 400})  # 20 MB, every field within its own bounds
    assert len(body) > 20_000_000
    resp = api.client.post("/api/v1/screen/batch", data=body, content_type="application/json",
                           headers=api.headers)
    assert resp.status_code == 413, resp.get_data(as_text=True)[:300]


def test_a_batch_with_too_many_names_is_413(api):
    party = {"name": "Acme", "aliases": [f"alias {i}" for i in range(50)]}
    body = api.call("POST", "/api/v1/screen/batch", None, status=413,
                    json={"parties": [party] * 100})
    assert "5,100 names" in body["error"]
