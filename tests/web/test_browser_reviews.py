"""Browser tests of the desk (issue 16 items 1, 3): the review queue with four eyes, and the
screening history (search → open → CSV), in headless Chromium against the real app.

rules.md §8.2: "**REVIEW** | potential match or unresolved risk; human decision": the queue is
where that decision is taken; clearing a potential PROHIBITED match takes two reviewers.
"""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest

from tests.web.conftest import PASSWORDS
from tests.web.test_browser import ARGS, CHROMIUM, browser, checked_page, shot  # noqa: F401 (fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's chromium at /usr/bin/chromium "
                              "(apt-get install -y chromium)"),
]

#: A second reviewer (rita is the first).
ROB = ("rob", "second reviewer pw 1")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real app (real screener, project lists) on waitress, with a second reviewer."""
    from waitress import create_server

    from tests.web.conftest import make_app
    from web.server import waitress_options

    tmp = tmp_path_factory.mktemp("browser-desk")
    app = make_app(tmp / "screening.db", tmp)
    app.extensions["screening"].accounts.add_user(*ROB, "reviewer")
    srv = create_server(app, host="127.0.0.1", port=0, **{**waitress_options(4), "ident": "test"})
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    srv.close()
    thread.join(timeout=5)


@pytest.fixture
def page(browser, server):  # noqa: F811
    # the one refused confirmation is an expected 403; nothing else may fail
    with checked_page(browser, server, expected=("status of 403",)) as pg:
        yield pg


def sign_in(page, user: str, password: str | None = None) -> None:
    page.goto("/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password or PASSWORDS[user])
    page.click("button[type=submit]")
    page.wait_for_url("**/screen")


def sign_out(page) -> None:
    page.click("header form button[type=submit]")
    page.wait_for_url("**/login*")


def screen_skydio(page) -> None:
    """Skydio under the 'flag' assumption: REVIEW, would be PROHIBITED (rules.md §9)."""
    page.goto("/screen")
    page.fill("input[name=name]", "Skydio Inc.")
    page.fill("input[name=as_of]", "2026-12-05")
    page.select_option("select[name=after_horizon]", "flag")
    page.click("#screen-submit")
    page.wait_for_url("**/result?q=*")


def decide(page, decision: str, reason: str) -> None:
    page.check(f"#decision-form input[value={decision}]")
    page.fill("#decision-form input[name=reason]", reason)
    page.click("#decide-submit")
    page.wait_for_load_state()


def test_queue_decide_and_second_reviewer(page):
    sign_in(page, "rita")
    screen_skydio(page)
    assert page.locator(".result-head .badge").get_attribute("data-outcome") == "REVIEW"
    page.click("#review-queue-link")
    page.wait_for_url("**/reviews?q=*")
    rows = page.locator("#review-table tbody tr")
    assert rows.count() == 1
    shot(page, "desk-01-queue")
    rows.first.locator("a.review-link").click()
    page.wait_for_url("**/reviews/*")
    item_url = page.url
    assert "PROHIBITED" in page.locator(".facts").inner_text()
    decide(page, "false_positive", "Skydio Logistics LLC, Ohio: a freight firm")
    assert page.locator("#review-status").get_attribute("data-status") == "pending"
    assert "second, different reviewer" in page.locator("#pending-note").inner_text()
    shot(page, "desk-02-pending")
    decide(page, "false_positive", "confirming my own clearance")  # four eyes: refused
    assert "four eyes" in page.locator("p.error").inner_text()
    page.goto(item_url)
    assert page.locator("#review-status").get_attribute("data-status") == "pending"
    sign_out(page)
    sign_in(page, *ROB)
    page.click("#nav-reviews")
    page.select_option("select[name=status]", "pending")
    page.click("#review-filter-submit")
    page.locator("#review-table a.review-link").first.click()
    page.wait_for_url("**/reviews/*")
    decide(page, "false_positive", "agreed: a freight firm, not the drone maker")
    assert page.locator("#review-status").get_attribute("data-status") == "closed"
    assert [k for k in page.locator("#trail li").evaluate_all(
        "els => els.map(e => e.dataset.kind)")][-2:] == ["cleared-first", "confirmed"]
    shot(page, "desk-03-confirmed")
    screen_skydio(page)
    assert "cleared by rob on" in page.locator("ul.cleared").inner_text()
    assert page.locator(".result-head .badge").get_attribute("data-outcome") != "REVIEW"
    shot(page, "desk-04-cleared")


def test_history_search_open_and_csv(page):
    sign_in(page, "rita")
    screen_skydio(page)
    page.click("#nav-history")
    page.wait_for_url("**/history")
    page.fill("#history-filters input[name=name]", "ＳＫＹＤＩＯ")  # width-folded
    page.select_option("#history-filters select[name=via]", "ui")
    page.click("#history-submit")
    page.wait_for_url("**/history?*")
    links = page.locator("#history-table a.history-link")
    assert links.count() >= 1
    shot(page, "desk-05-history")
    links.first.click()
    page.wait_for_url("**/history/*")
    assert "As answered on" in page.locator("#answered-on").inner_text()
    assert page.locator("#result-name").inner_text().startswith("Skydio Inc.")
    page.go_back()
    with page.expect_download() as dl:
        page.click("#history-csv")
    table = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text("utf-8"))))
    assert table and all(r["name"] == "Skydio Inc." and r["via"] == "ui" for r in table)
