"""Browser tests: the real app (waitress, real screener, China lists) in headless Chromium.

They log in, screen a Chinese name and see the finding, record a false positive
and see it remembered, upload a file and download the result, switch to Chinese.
Screenshots go to tests/screenshots/ (gitignored).
"""

from __future__ import annotations

import csv
import io
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
#: The skip reason of every browser test; tests/conftest.py repeats it in the summary.
NO_CHROMIUM = ("BROWSER TESTS SKIPPED: no Chromium at /usr/bin/chromium. Install it with "
               "`apt-get install -y chromium` (.ci/run does) to run them")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The real app served by waitress on a free loopback port, in a thread."""
    from waitress import create_server

    from tests.web.conftest import make_app

    tmp = tmp_path_factory.mktemp("browser")
    app = make_app(tmp / "screening.db", tmp)
    from web.server import waitress_options

    # the serve command's own options (poll(), not select(): a long test session has
    # opened more than 1,024 descriptors by the time this module runs)
    srv = create_server(app, host="127.0.0.1", port=0, **{**waitress_options(4), "ident": "test"})
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}", app
    srv.close()
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@contextmanager
def checked_page(browser, base: str, expected: tuple[str, ...] = ()):
    """A page on ``base`` whose console must stay free of errors (CSP violations,
    script errors) other than those containing one of ``expected``."""
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900},
                                  accept_downloads=True, locale="en-GB")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert [e for e in errors if not any(x in e for x in expected)] == [], errors


@pytest.fixture
def page(browser, server):
    base, _ = server
    with checked_page(browser, base) as pg:
        yield pg


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def sign_in(page, user: str = "rita") -> None:
    from tests.web.conftest import PASSWORDS

    page.goto("/screen")
    assert "/login" in page.url
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORDS[user])
    shot(page, "01-login")
    page.click("button[type=submit]")
    page.wait_for_url("**/screen")


def test_login_and_screen_chinese_name(page):
    sign_in(page)
    page.fill("input[name=name]", "洛克希德·马丁公司")
    page.fill("input[name=as_of]", "2026-11-22")
    shot(page, "02-screen-form")
    page.click("#screen-submit")
    page.wait_for_url("**/result?q=*")
    badge = page.locator(".result-head .badge")
    assert badge.get_attribute("data-outcome") == "PROHIBITED"
    findings = page.locator("article.finding")
    assert findings.count() >= 1
    assert "CN-UEL" in page.locator("section.card", has=findings.first).inner_text()
    assert page.locator("#assumption").inner_text().count("literal") == 1
    assert page.locator("article.hit").count() >= 1
    shot(page, "03-result-prohibited")


def test_false_positive_is_remembered(page):
    sign_in(page)
    page.fill("input[name=name]", "Huntington Ingalls")
    page.fill("input[name=country]", "IT")
    page.fill("input[name=as_of]", "2026-11-22")
    page.click("#screen-submit")
    page.wait_for_url("**/result?q=*")
    hits = page.locator("article.hit")
    before = hits.count()
    assert before >= 1
    first = hits.first
    entry_id = first.get_attribute("data-entry")
    first.locator("details.review summary").click()
    first.locator("input[value=false_positive]").check()
    first.locator("input[name=reason]").fill("Huntington Ingalls Trattoria, Milan: a restaurant")
    shot(page, "04-decision-form")
    first.locator("button[type=submit]").click()
    page.wait_for_url("**/result?q=*")
    assert "cleared by rita on" in page.locator("ul.cleared").inner_text()
    assert page.locator(f"article.hit[data-entry='{entry_id}']").count() == 0
    shot(page, "05-cleared")
    # screening the same counterparty again, from a fresh form, still remembers it
    page.goto("/screen")
    page.fill("input[name=name]", "huntington  ingalls")
    page.fill("input[name=country]", "it")
    page.fill("input[name=as_of]", "2026-11-22")
    page.click("#screen-submit")
    page.wait_for_url("**/result?q=*")
    assert "cleared by rita on" in page.locator("ul.cleared").inner_text()


def upload_bulk(page, tmp_path, rows: list[list[str]], as_of: str = "2026-11-22") -> None:
    """Sign in, upload ``rows`` as a CSV on the Bulk page and wait for the job page."""
    sign_in(page)
    page.click("text=Bulk")
    src = tmp_path / "customers.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    page.set_input_files("input[name=file]", str(src))
    page.fill("input[name=as_of]", as_of)
    page.click("#bulk-submit")
    page.wait_for_url("**/bulk/*")


def test_upload_and_download(page, tmp_path):
    upload_bulk(page, tmp_path, [["Customer Name", "Country"], ["Skydio", "US"],
                                 ["洛克希德·马丁公司", "US"], ["Acme Bakery GmbH", "DE"],
                                 ["Nice Noodles Pte Ltd", "SG"]])
    page.wait_for_selector("#download-link", state="visible", timeout=60_000)
    assert page.locator("svg.chart .bar").count() >= 1
    shot(page, "06-bulk-done")
    with page.expect_download() as dl:
        page.click("#download-link")
    out = Path(dl.value.path()).read_bytes().decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0][:2] == ["Customer Name", "Country"]
    outcome = table[0].index("outcome")
    assert table[2][outcome] == "PROHIBITED"
    assert len(table) == 5


def test_chinese_ui_entry_and_lists(page):
    sign_in(page)
    page.click("#lang-zh")
    assert page.locator("h1").inner_text() == "筛查交易对方"
    page.fill("input[name=name]", "斯凯迪奥")
    page.fill("input[name=as_of]", "2026-11-22")
    page.click("#screen-submit")
    page.wait_for_url("**/result?q=*")
    assert page.locator(".result-head .badge").inner_text().startswith("禁止")
    shot(page, "07-result-zh")
    page.locator("article.hit a.listed-name").first.click()
    page.wait_for_url("**/entries/**")
    assert page.locator("table.history tbody tr").count() >= 1
    shot(page, "08-entry-zh")
    page.click("nav >> text=名单")
    page.wait_for_url("**/lists")
    page.wait_for_selector("#list-cn-uel", timeout=10_000)
    assert page.locator("#list-cn-uel").count() == 1
    shot(page, "09-lists-zh")


def test_ownership_path_diagram(page):
    sign_in(page)
    page.click("summary:has-text('Transaction')")
    page.fill("input[name=name]", "Acme Defense Sub KK")
    page.fill("input[name=country]", "JP")
    page.fill("input[name=as_of]", "2026-11-22")
    page.fill("input[name=item]", "Tb")
    page.fill("textarea[name=owners]", "Lockheed Martin=60")
    page.click("#screen-submit")
    page.wait_for_url("**/result?q=*")
    diagram = page.locator("figure.ownership svg").first
    assert diagram.is_visible()
    labels = diagram.locator("text.pct").all_text_contents()
    assert "60%" in labels
    assert "Lockheed Martin" in diagram.text_content()
    diagram.scroll_into_view_if_needed()
    shot(page, "10-ownership-path")
