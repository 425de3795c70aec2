"""Monitoring in the web app: /counterparties and /alerts pages, the API, the OpenAPI document."""

from __future__ import annotations

import pytest

from screening.lists.store import open_store
from screening.lists.update import update
from screening.service.rescreen import rescreen
from screening.service.screen import Screener
from tests.web.conftest import api_key, csrf_of, login, make_app
from web.openapi import openapi_document


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("monitor-web")
    return make_app(tmp / "screening.db", tmp)


def auth(key: str) -> dict:
    return {"Authorization": f"Bearer {key}"}


def test_the_api_adds_and_lists_counterparties_and_a_reviewer_reads_alerts(app):
    client = app.test_client()
    sam = auth(api_key(app, "screener", name="crm-sam"))
    resp = client.post("/api/v1/counterparties", headers=sam,
                       json={"party": {"name": "TechInsights Inc.", "country": "CA"},
                             "ref": "API-1"})
    assert resp.status_code == 201, resp.get_json()
    cp = resp.get_json()
    assert cp["ref"] == "API-1" and cp["outcome"] != "CLEAR"
    assert cp["result"]["query"]["name"] == "TechInsights Inc." and cp["audit_ref"]
    rita = auth(api_key(app, "reviewer", name="crm-rita"))
    listed = client.get("/api/v1/counterparties?q=API-1", headers=rita).get_json()
    assert [c["id"] for c in listed["counterparties"]] == [cp["id"]]
    body = client.get("/api/v1/alerts", headers=rita).get_json()
    assert body == {"alerts": [], "count": 0}
    assert client.get("/api/v1/alerts?limit=0", headers=rita).status_code == 422
    # a digit str.isdigit takes and int() refuses: a 422, not a 500 (the schema fuzzer, session 28)
    assert client.get("/api/v1/alerts?limit=\u00b2", headers=rita).status_code == 422
    assert client.get("/api/v1/counterparties?offset=\u00b9", headers=rita).status_code == 422
    assert client.get("/api/v1/alerts").status_code == 401
    bad = client.post("/api/v1/counterparties", headers=sam, json={"party": {"name": ""}})
    assert bad.status_code == 422
    assert client.post("/api/v1/counterparties", headers=sam,
                       json={"party": {"name": "x"}, "extra": 1}).status_code == 400


def test_the_operations_are_in_the_openapi_document():
    paths = openapi_document()["paths"]
    assert set(paths["/api/v1/counterparties"]) == {"get", "post"}
    assert "200" in paths["/api/v1/alerts"]["get"]["responses"]
    assert "Alert" in openapi_document()["components"]["schemas"]


def test_add_a_counterparty_in_the_ui_then_an_alert_shows_after_a_list_change(app, tmp_path):
    client = app.test_client()
    login(client, "sam")
    page = client.get("/counterparties")
    assert page.status_code == 200 and 'id="cp-add-form"' in page.get_data(as_text=True)
    assert client.get("/counterparties?page=\u00b2").status_code == 200  # not a page number: the first page
    resp = client.post("/counterparties", data={
        "name": "Quasimodo Lanternworks Ltd", "ref": "UI-1", "csrf_token": csrf_of(page.get_data(as_text=True))})
    assert resp.status_code == 303
    detail = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert "Quasimodo Lanternworks Ltd" in detail and 'data-outcome="CLEAR"' in detail
    assert "/history?q=Quasimodo" in detail and 'id="cp-screen-again"' in detail

    store = open_store(app.config["DB_PATH"])
    deny = tmp_path / "deny.csv"
    deny.write_text("name,id\nQuasimodo Lanternworks Limited,QL\n", encoding="utf-8")
    update(store, "acme-deny", file=str(deny))
    report = rescreen(store, Screener(store), "cron")
    assert len(report.alerts) == 1
    alerts = client.get("/alerts").get_data(as_text=True)
    assert "Quasimodo Lanternworks Ltd" in alerts and "UI-1" in alerts
    assert 'data-delivery="off"' in alerts


def test_import_a_file_in_the_ui_reports_every_row(app):
    client = app.test_client()
    login(client, "sam")
    page = client.get("/counterparties").get_data(as_text=True)
    data = {"csrf_token": csrf_of(page),
            "file": (__import__("io").BytesIO(
                "name,country,ref\nOrmolu Tidewater Plc,GB,F-1\n,CN,F-2\n".encode()), "crm.csv")}
    resp = client.post("/counterparties/import", data=data, content_type="multipart/form-data",
                       follow_redirects=True)
    text = resp.get_data(as_text=True)
    assert "2 rows: 1 monitored, 1 not monitored" in text and "name is empty" in text
    assert "Ormolu Tidewater Plc" in text
