"""Pages of the review queue and the history: who sees what, links, CSV (Flask test client)."""

from __future__ import annotations

import csv
import io
import re
import time

import pytest

from tests.web.conftest import csrf_of, login, make_app


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("desk-ui")
    return make_app(tmp / "screening.db", tmp)


def screen(client, name: str, horizon: str = "flag") -> str:
    page = client.get("/screen").get_data(as_text=True)
    resp = client.post("/screen", data={"name": name, "as_of": "2026-12-05",
                                        "after_horizon": horizon, "csrf_token": csrf_of(page)})
    return client.get(resp.headers["Location"]).get_data(as_text=True)


def test_queue_pages_are_for_reviewers_and_linked_from_a_review_result(app):
    rita = app.test_client()
    login(rita, "rita")
    html = screen(rita, "Skydio Inc.")
    assert 'id="review-queue-link"' in html and 'id="nav-reviews"' in html
    queue = rita.get("/reviews?q=skydio").get_data(as_text=True)
    item_id = re.search(r'class="review-link">(\d+)<', queue).group(1)
    page = rita.get(f"/reviews/{item_id}").get_data(as_text=True)
    assert "cn-uel:skydio" in page and 'data-status="open"' in page
    resp = rita.post(f"/reviews/{item_id}/comment", data={"text": "checking",
                                                          "csrf_token": csrf_of(page)})
    assert resp.status_code == 303
    assert "checking" in rita.get(f"/reviews/{item_id}").get_data(as_text=True)
    sam = app.test_client()
    login(sam, "sam")
    assert sam.get("/reviews").status_code == 403
    assert 'id="nav-reviews"' not in sam.get("/screen").get_data(as_text=True)


def test_history_screeners_see_their_own_reviewers_all(app):
    sam, rita = app.test_client(), app.test_client()
    login(sam, "sam")
    login(rita, "rita")
    screen(sam, "Acme Bakery GmbH")
    screen(rita, "Nice Noodles Pte Ltd")
    own = sam.get("/history").get_data(as_text=True)
    assert "Acme Bakery GmbH" in own and "Nice Noodles" not in own
    every = rita.get("/history").get_data(as_text=True)
    assert "Acme Bakery GmbH" in every and "Nice Noodles" in every
    link = re.search(r'href="(/history/[0-9a-f]+)"[^>]*>Nice Noodles', every).group(1)
    assert sam.get(link).status_code == 404
    opened = rita.get(link).get_data(as_text=True)
    assert 'id="answered-on"' in opened and "matches its audit hash" in opened
    table = list(csv.DictReader(io.StringIO(
        rita.get("/history.csv?name=noodles").get_data(as_text=True))))
    assert [r["name"] for r in table] == ["Nice Noodles Pte Ltd"]
    assert app.test_client().get("/history").status_code == 302  # signed out: to the login


def test_an_uploaded_file_keeps_its_non_clear_rows_in_the_history(fake_app):
    """The job's child sends the flagged rows back; the one bulk record carries them."""
    from screening.service.history import History, Search

    st = fake_app.extensions["screening"]
    job = st.jobs.submit("b.csv", io.BytesIO(b"name,country\nSkydio Inc.,US\nAcme,DE\n"), "rita",
                         as_of="2026-11-22", after_horizon=None)
    st.jobs.wait(job.id)
    for _ in range(100):  # the job is saved as done a moment before its record is submitted
        st.audit_writer.flush()
        rows = History(st.store).search(Search(via="ui-bulk"))
        if rows:
            break
        time.sleep(0.1)
    assert sorted((r["kind"], r["name"], r["outcome"]) for r in rows) == [
        ("bulk", "b.csv", None), ("bulk-row", "Skydio Inc.", "PROHIBITED")]
    kept = History(st.store).get(rows[0]["audit_ref"], 2)
    assert kept["intact"] and kept["result"]["hits"][0]["entry_id"] == "cn-uel:skydio"
