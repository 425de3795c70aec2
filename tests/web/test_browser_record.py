"""Browser tests of the record pages (issue 16 items 4-6), in headless Chromium.

The hit filter's score slider hides weaker hits; "Download PDF" brings a PDF whose
text holds the outcome; a bulk job's non-CLEAR table links each row to its result.
The harness (server, browser, page, sign-in) is tests/web/test_browser.py's.
"""

from __future__ import annotations

from pathlib import Path

from tests.web.test_browser import (browser, page, pytestmark, server, shot,  # noqa: F401
                                    sign_in, upload_bulk)


def screen(page, name: str, as_of: str = "2026-12-05") -> None:
    page.fill("input[name=name]", name)
    page.fill("input[name=as_of]", as_of)
    page.click("#screen-submit")
    page.wait_for_url("**/result?q=*")


def visible_scores(page) -> list[int]:
    return [int(h.get_attribute("data-score")) for h in page.locator("article.hit").all()
            if h.is_visible()]


def test_score_slider_and_list_filter_hide_hits(page):
    sign_in(page)
    screen(page, "Lockheed Martin")
    assert page.locator("#hit-filter").is_visible()  # shown by app.js
    scores = visible_scores(page)
    assert len(scores) >= 2 and len(set(scores)) >= 2, scores
    cut = sorted(set(scores))[-1]  # keep only the strongest
    page.locator("#min-score").fill(str(cut))
    assert page.locator("#min-score-value").inner_text() == str(cut)
    kept = visible_scores(page)
    assert kept and all(s >= cut for s in kept) and len(kept) < len(scores)
    for hit in page.locator("article.hit").all():
        if int(hit.get_attribute("data-score")) < cut:
            assert hit.is_hidden()
    shot(page, "21-hits-filtered")
    page.locator("#min-score").fill("0")
    assert len(visible_scores(page)) == len(scores)
    # unticking a list hides its hits and only those
    first_list = page.locator("article.hit").first.get_attribute("data-list")
    page.locator(f"#hit-filter input[name=list][value='{first_list}']").uncheck()
    for hit in page.locator("article.hit").all():
        assert hit.is_visible() == (hit.get_attribute("data-list") != first_list)


def test_download_pdf(page):
    import pypdf

    sign_in(page)
    screen(page, "Skydio Inc.")
    assert page.locator(".result-head .badge").get_attribute("data-outcome") == "PROHIBITED"
    with page.expect_download() as dl:
        page.click("#pdf-link")
    assert dl.value.suggested_filename.endswith(".pdf")
    reader = pypdf.PdfReader(Path(dl.value.path()))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Outcome: PROHIBITED" in text and "Skydio Inc." in text


def test_bulk_non_clear_table_row_opens_its_result(page, tmp_path):
    upload_bulk(page, tmp_path, [["Customer Name", "Country"], ["Acme Bakery GmbH", "DE"],
                                 ["Skydio", "US"], ["Nice Noodles Pte Ltd", "SG"],
                                 ["洛克希德·马丁公司", "US"]])
    page.wait_for_selector("#row-table", state="visible", timeout=60_000)
    table = page.locator("#row-table tbody tr")
    names = table.locator("a.row-result").all_inner_texts()
    assert "Skydio" in names and "洛克希德·马丁公司" in names
    assert "Acme Bakery GmbH" not in names and "Nice Noodles Pte Ltd" not in names
    review = table.first.locator("a.row-review").get_attribute("href")
    assert review.startswith("/reviews?q=")
    shot(page, "22-bulk-non-clear")
    # filter by outcome, without JavaScript help: a plain GET form
    page.select_option("#row-outcome", "PROHIBITED")
    page.click("#row-filter button[type=submit]")
    page.wait_for_url("**outcome=PROHIBITED*")
    outcomes = page.locator("#row-table tbody tr").evaluate_all(
        "rows => rows.map(r => r.getAttribute('data-outcome'))")
    assert outcomes and set(outcomes) == {"PROHIBITED"}
    row = page.locator("#row-table tbody tr").first
    name = row.locator("a.row-result").inner_text()
    row.locator("a.row-result").click()
    page.wait_for_url("**/result?q=*")
    assert page.locator("#result-name").inner_text().startswith(name)
    assert page.locator(".result-head .badge").get_attribute("data-outcome") == "PROHIBITED"
    assert "2026-11-22" in page.locator(".result-head .facts").inner_text()


def test_print_shows_every_finding_without_nav_or_forms(page):
    sign_in(page)
    screen(page, "Lockheed Martin")
    closed = page.locator("details.party:not([open]) article.finding").first
    assert closed.count() == 1 and not closed.is_visible()  # collapsed on screen
    page.emulate_media(media="print")
    assert closed.is_visible()  # expanded on paper
    assert page.locator("header.top").is_hidden() and page.locator("#hit-filter").is_hidden()
    assert page.locator("form.decision-form").first.is_hidden()
    after = page.locator("dd.citation a[href^='http']").first.evaluate(
        "a => getComputedStyle(a, '::after').content")
    assert "http" in after  # the citation's URL is printed
    shot(page, "23-print")
