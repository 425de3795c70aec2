"""Hostile names through the UI's Screen form: a clear 4xx page or a result, never a 5xx,
and the next normal screening is still shown and audited."""

from __future__ import annotations

import json
import re

import pytest

from screening.service.audit import AuditLog
from tests.hostile.names import ACCEPTABLE, UNSTORABLE
from tests.web.conftest import cheap_password_hashes, csrf_of, fake_app, login  # noqa: F401

#: What a browser can send in a form: no lone surrogates (UTF-8 cannot carry them).
FORM_UNSTORABLE = [(i, t) for i, t in UNSTORABLE if not re.search("[\ud800-\udfff]", t)]


@pytest.fixture
def rita(fake_app):  # noqa: F811
    client = fake_app.test_client()
    login(client, "rita")
    return client


def post_screen(client, name: str):
    token = csrf_of(client.get("/screen").get_data(as_text=True))
    return client.post("/screen", data={"csrf_token": token, "name": name})


def audited(app, ref: str) -> bool:
    return any(json.loads(r["detail"]).get("ref") == ref
               for r in AuditLog(app.extensions["screening"].store).records())


def assert_next_screening_shown_and_audited(app, client) -> None:
    resp = post_screen(client, "Skydio Inc.")
    assert resp.status_code == 303
    page = client.get(resp.headers["Location"]).get_data(as_text=True)
    assert 'data-outcome="PROHIBITED"' in page
    ref = re.search(r"<code>([0-9a-f]{16})</code>", page).group(1)
    assert audited(app, ref)


@pytest.mark.parametrize("text", [t for _, t in FORM_UNSTORABLE],
                         ids=[i for i, _ in FORM_UNSTORABLE])
def test_unstorable_name_in_the_form_is_a_422_page(fake_app, rita, text):  # noqa: F811
    resp = post_screen(rita, text)
    assert resp.status_code == 422
    assert "name contains U+" in resp.get_data(as_text=True)
    assert_next_screening_shown_and_audited(fake_app, rita)


def test_surrogate_bytes_in_a_form_post_are_not_a_5xx(fake_app, rita):  # noqa: F811
    """A raw UTF-16 surrogate encoded as bytes (CESU-8) decodes to U+FFFD, never to a surrogate."""
    token = csrf_of(rita.get("/screen").get_data(as_text=True))
    resp = rita.post("/screen", data=f"csrf_token={token}&name=Poison%20%ED%A0%80%20Ltd",
                     content_type="application/x-www-form-urlencoded")
    assert resp.status_code in (303, 422)
    assert_next_screening_shown_and_audited(fake_app, rita)


@pytest.mark.parametrize("text", [t for _, t in ACCEPTABLE], ids=[i for i, _ in ACCEPTABLE])
def test_awkward_name_in_the_form_is_shown_or_refused_cleanly(fake_app, rita, text):  # noqa: F811
    resp = post_screen(rita, text)
    assert resp.status_code in (303, 422), resp.status_code
    if resp.status_code == 303:
        assert rita.get(resp.headers["Location"]).status_code == 200
    assert_next_screening_shown_and_audited(fake_app, rita)


def test_unstorable_decision_reason_is_a_422_page(fake_app, rita):  # noqa: F811
    resp = post_screen(rita, "Skydio Inc.")
    q = resp.headers["Location"].split("q=")[1]
    token = csrf_of(rita.get(resp.headers["Location"]).get_data(as_text=True))
    resp = rita.post("/decisions", data={"csrf_token": token, "q": q,
                                         "entry_id": "cn-uel:skydio", "decision": "false_positive",
                                         "reason": "checked\x00"})
    assert resp.status_code == 422
    assert fake_app.extensions["screening"].decisions.history() == []


def test_nul_in_a_query_string_is_a_422_page(fake_app, rita):  # noqa: F811
    resp = rita.get("/lists?changes=%00")
    assert resp.status_code == 422
