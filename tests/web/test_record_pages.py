"""The complete result page, its PDF and the entry page (issue 16 items 4 and 5)."""

from __future__ import annotations

import io
import json
import re

import pytest

from screening import settings
from tests.web.conftest import login
from tests.web.test_ui import screen


@pytest.fixture(scope="module")
def rita(rita_module):
    return rita_module


def test_result_page_has_pdf_button_score_and_list_filter(rita):
    html, url = screen(rita, name="Skydio Inc.", as_of="2026-12-05")
    token = url.split("q=", 1)[1]
    assert f'href="/result.pdf?q={token}" id="pdf-link"' in html
    form = re.search(r'<form class="hit-filter" id="hit-filter" hidden>.*?</form>', html, re.S)
    assert form, "the filter is hidden until app.js shows it (no JS: every hit shows)"
    assert 'type="range" id="min-score"' in form.group(0)
    lists = set(re.findall(r'data-list="([^"]+)"', html))
    assert lists == set(re.findall(r'name="list" value="([^"]+)" checked', form.group(0)))
    assert re.findall(r'<article class="hit" id="hit-\d+" data-entry="[^"]+" data-score="(\d+)"', html)


def test_findings_ordered_by_severity_then_score(rita):
    _, url = screen(rita, name="Skydio Inc.", as_of="2026-12-05")
    data = rita.get(url + "&format=json").json
    html = rita.get(url).get_data(as_text=True)
    shown = re.findall(r'<article class="finding">\s*<header><span class="badge [^"]*" '
                       r'data-outcome="(\w+)"', html)
    assert len(shown) == len(data["findings"])  # none cut, each once
    from screening.rules.findings import severity

    # the first party's findings: most severe first (PROHIBITED before the CLEAR history)
    assert shown == sorted(shown, key=severity)
    assert shown[0] == "PROHIBITED" and "CLEAR" in shown


def test_finding_order_is_severity_then_score():
    from screening.render import finding_groups

    findings = [{"outcome": "CLEAR", "score": 0.99}, {"outcome": "PROHIBITED", "score": 0.8},
                {"outcome": "REVIEW", "score": 0.9}, {"outcome": "PROHIBITED", "score": 0.95},
                {"outcome": "PROHIBITED"}]
    result = {"findings": findings, "regimes": [
        {"regime": "CN", "parties": [{"party": "A", "findings": [0, 1, 2, 3, 4]}]}]}
    assert finding_groups(result)[0]["parties"][0]["findings"] == [3, 1, 4, 2, 0]
    assert result["regimes"][0]["parties"][0]["findings"] == [0, 1, 2, 3, 4]  # not mutated


def test_a_hit_cap_is_said_on_the_page(rita, monkeypatch):
    monkeypatch.setattr(settings, "MAX_HITS", 1)
    html, _ = screen(rita, name="Lockheed Martin", as_of="2026-12-05")
    assert 'id="hits-cut"' in html and "SCREENING_MAX_HITS" in html
    monkeypatch.setattr(settings, "MAX_HITS", 200)
    html, _ = screen(rita, name="Lockheed Martin", as_of="2026-12-05")
    assert 'id="hits-cut"' not in html


def test_result_pdf_is_the_audited_record(rita, real_app):
    pypdf = pytest.importorskip("pypdf")
    html, url = screen(rita, name="Skydio Inc.", as_of="2026-12-05")
    resp = rita.get(url.replace("/result?", "/result.pdf?"))
    assert resp.status_code == 200 and resp.mimetype == "application/pdf"
    assert "attachment" in resp.headers["Content-Disposition"]
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(resp.data)).pages)
    assert "Outcome: PROHIBITED" in text and "Screened by: rita" in text
    ref = re.search(r"Audit reference: (\w+)", text).group(1)
    st = real_app.extensions["screening"]
    st.audit_writer.flush()
    rec = [r for r in st.audit.records() if ref in (r["detail"] or "")]
    assert rec and json.loads(rec[0]["detail"])["via"] == "ui" and rec[0]["user"] == "rita"


def test_result_pdf_needs_the_users_own_token(real_app, rita):
    _, url = screen(rita, name="Skydio Inc.", as_of="2026-12-05")
    other = real_app.test_client()
    login(other, "sam")
    assert other.get(url.replace("/result?", "/result.pdf?")).status_code == 400
    assert real_app.test_client().get(url.replace("/result?", "/result.pdf?")).status_code == 302


def test_print_stylesheet(real_app):
    css = real_app.test_client().get("/static/style.css").get_data(as_text=True)
    printed = css[css.index("@media print"):]
    assert "header.top" in printed and "form" in printed  # no nav, no forms
    assert "details-content" in printed  # findings expanded
    assert 'attr(href)' in printed  # citation URLs written out


def test_entry_page_at_entry_url_with_versions(rita):
    html = rita.get("/entry/cn-uel:skydio").get_data(as_text=True)
    assert 'id="entry-name"' in html and "Skydio" in html
    assert 'id="entry-versions"' in html and 'class="ver-added"' in html
    assert "ev-listed" in html  # dated status history from lists/*.yaml


def test_entry_page_lists_ownership_edges_both_ways(fake_app, store):
    from screening.types import Relationship

    store.put_relationships("test", [
        Relationship(owner="cn-uel:skydio", owned="cn-control:hygon", percent=60.0, source="test",
                     owner_name="Skydio Inc.", owned_name="Hygon"),
        Relationship(owner="name:acme holdings", owned="cn-uel:skydio", percent=None, source="test",
                     owner_name="Acme Holdings", owned_name="Skydio Inc.")])
    client = fake_app.test_client()
    login(client, "rita")
    html = client.get("/entry/cn-uel:skydio").get_data(as_text=True)
    owns = re.search(r'<tr class="edge-owns">.*?</tr>', html, re.S).group(0)
    assert 'href="/entries/cn-control:hygon"' in owns and "60.0%" in owns
    owned_by = re.search(r'<tr class="edge-owned_by">.*?</tr>', html, re.S).group(0)
    assert "Acme Holdings" in owned_by and "unknown" in owned_by


def test_hit_filter_script_is_served(real_app):
    js = real_app.test_client().get("/static/app.js").get_data(as_text=True)
    assert 'getElementById("hit-filter")' in js and "beforeprint" in js
