"""The request is declared once (screening.service.request): every field reaches the screener through
every door, the CLI, the API, the Screen form and bulk files (issue 15 item 1).

Nothing here names a field by hand: the tests iterate the model, so a field added to it
and not to a door fails here.
"""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from screening.bulk import screen_file
from screening.cli import cli
from screening.service.request import ScreeningRequest, column_key, doors, from_json
from screening.lists.store import open_store
from tests.web.conftest import FakeResult, FakeScreener, api_key, csrf_of, login, make_app, seed
from web.openapi import openapi_document

#: A value per field kind, as each door takes it: (API / JSON, CLI args, form text, bulk cell).
SAMPLES = {
    "name": ("Acme", None, "Acme", "Acme"),
    "country": ("DE", ["DE"], "DE", "DE"),
    "aliases": (["Acme GmbH"], ["Acme GmbH"], "Acme GmbH", "Acme GmbH"),
    "address": ("Berlin", ["Berlin"], "Berlin", "Berlin"),
    "schema": ("Company", ["Company"], "Company", "Company"),
    "as_of": ("2026-11-22", ["2026-11-22"], "2026-11-22", "2026-11-22"),
    "after_horizon": ("flag", ["flag"], "flag", None),
    "owners": ([{"name": "Holdco", "percent": 60}], ["Holdco=60"], "Holdco=60", "Holdco=60"),
    "config": ({"match_threshold": 0.9, "review_threshold": 0.7},
               ['{"match_threshold": 0.9, "review_threshold": 0.7}'],
               '{"match_threshold": 0.9, "review_threshold": 0.7}', None),
    "cn_origin_share": ("0.5%", ["0.5%"], "0.5%", "0.5%"),
    "end_use": ("military", ["military"], "military", "military"),
    "item_origin": ("JP", ["JP"], "JP", "JP"),
    "destination": ("US", ["US"], "US", "US"),
    "item": ("Tb", ["Tb"], "Tb", "Tb"),
}
TRISTATE = (True, [], "yes", "yes")


def sample(path: str, door, i: int):
    leaf = path.rsplit(".", 1)[-1]
    return (TRISTATE if door.kind == "tristate" else SAMPLES[leaf])[i]


class Recorder(FakeScreener):
    """Remembers the keyword arguments of every check."""

    calls: list[dict] = []

    def check(self, name, **kwargs):
        Recorder.calls.append({"name": name, **kwargs})
        config = kwargs.pop("config", None)
        result = super().check(name, **kwargs)
        return FakeResult({**result.data, "query": {**result.data["query"], "config": config}})


def reached(call: dict, path: str) -> bool:
    """True when the screener was given a value for ``path``."""
    if path.startswith("context."):
        return bool((call.get("context") or {}).get(path.split(".", 1)[1]) not in (None, ""))
    return call.get(path) not in (None, "", (), [])


FIELDS = [pytest.param(p, d, id=p) for p, d in doors() if p != "name"]


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One seeded database and one app for the whole module (an app holds ~20 files open)."""
    tmp = tmp_path_factory.mktemp("request-model")
    db = tmp / "screening.db"
    seed(open_store(db))
    app = make_app(db, tmp, SCREENER_FACTORY=lambda p: Recorder(open_store(p)))
    return db, app, Recorder(open_store(db))


def test_every_model_field_has_a_door_and_a_sample():
    paths = [p for p, _ in doors()]
    assert paths[0] == "name" and len(paths) == len(set(paths))
    assert {p.rsplit(".", 1)[-1] for p, d in doors() if d.kind != "tristate"} <= set(SAMPLES)


def test_openapi_party_is_the_model():
    schemas = openapi_document()["components"]["schemas"]
    props = schemas["Party"]["properties"]
    top = [info.alias or name for name, info in ScreeningRequest.model_fields.items()]
    assert list(props) == top
    context = [p.split(".", 1)[1] for p, _ in doors() if p.startswith("context.")]
    assert list(schemas["Context"]["properties"]) == context


@pytest.mark.parametrize("path,door", FIELDS)
def test_cli_check_takes_every_field(shared, monkeypatch, path, door):
    db_path, _, screener = shared
    monkeypatch.setattr("screening.service.screen.open_screener", lambda p, **kw: screener)
    Recorder.calls = []
    args = [f"--{door.cli}", *sample(path, door, 1)] if door.kind != "tristate" else [f"--{door.cli}"]
    res = CliRunner().invoke(cli, ["check", "Acme", "--json", "--db", str(db_path), *args])
    assert res.exit_code == 0, res.output
    assert reached(Recorder.calls[-1], path)


@pytest.mark.parametrize("path,door", FIELDS)
def test_api_takes_every_field(shared, path, door):
    from tests.web.test_api import Api

    _, app, _ = shared
    Recorder.calls = []
    value = sample(path, door, 0)
    body = {"name": "Acme"}
    if path.startswith("context."):
        body["context"] = {path.split(".", 1)[1]: value}
    else:
        body[path] = value
    Api(app, api_key(app)).call("POST", "/api/v1/screen", "ScreeningResult", json=body)
    assert reached(Recorder.calls[-1], path)


@pytest.mark.parametrize("path,door", FIELDS)
def test_screen_form_takes_every_field(shared, path, door):
    _, app, _ = shared
    client = app.test_client()
    login(client, "sam")
    page = client.get("/screen").get_data(as_text=True)
    token = csrf_of(page)
    leaf = path.rsplit(".", 1)[-1]
    assert f'name="{leaf}"' in page
    Recorder.calls = []
    resp = client.post("/screen", data={"csrf_token": token, "name": "Acme",
                                        leaf: sample(path, door, 2)}, follow_redirects=True)
    assert resp.status_code == 200, resp.get_data(as_text=True)[:500]
    assert reached(Recorder.calls[-1], path)


@pytest.mark.parametrize("path,door", FIELDS)
def test_bulk_takes_every_field(tmp_path, shared, path, door):
    """Per-row fields by their first header (and its --*-col option), the others per run."""
    _, _, screener = shared
    Recorder.calls = []
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    cell = sample(path, door, 3)
    key = column_key(path, door)
    params = {p.name for p in cli.commands["screen"].params}
    if door.per_row:
        assert f"{key}_col" in params
        with open(src, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([["name", door.headers[0]], ["Acme", cell]])
        summary = screen_file(src, out, screener=screener, workers=1, progress=False)
        assert summary.columns[key] == door.headers[0]
    else:
        assert path.rsplit(".", 1)[-1] in params
        src.write_text("name\nAcme\n", encoding="utf-8")
        value = sample(path, door, 0)
        summary = screen_file(src, out, screener=screener, workers=1, progress=False,
                              **{path: value})
    assert summary.errors == 0
    assert reached(Recorder.calls[-1], path)


def test_model_validation_is_the_api_validation():
    assert from_json({"name": "Acme", "context": {"endUse": "defence", "cn_share": "0.5%"}})[
        "context"] == {"end_use": "military", "cn_origin_share": 0.005}
    with pytest.raises(Exception, match="body.as_of"):
        from_json({"name": "Acme", "as_of": "2026-02-30"})
    assert json.dumps(openapi_document())  # the generated document is plain JSON
