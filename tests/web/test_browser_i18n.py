"""Browser tests of the Chinese UI: no English reason text, list headers on one line.

Same harness as tests/web/test_browser.py (the real app in waitress, headless
Chromium); screenshots go to tests/screenshots/ (gitignored).
"""

from __future__ import annotations

import pytest

from tests.web.test_browser import (  # noqa: F401
    CHROMIUM, NO_CHROMIUM, browser, page, server, shot, sign_in)
from tests.web.test_i18n_results import english_left, source_words

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=NO_CHROMIUM),
]

#: The parts of the result page the service writes, and what kind of text each is.
PARTS = {"#summary": "summary", "p.reason": "reason", "dd.assumption": "assumption",
         "details.regime > summary": "regime", "#next-steps li": "step or note",
         "ul.explain li": "explanation"}

#: Lines a header's text takes (one rect per line of its text node).
LINES_JS = """el => { const r = document.createRange(); r.selectNodeContents(el);
  return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size; }"""


def test_chinese_result_has_no_english_reason_text(page):
    sign_in(page)
    page.click("#lang-zh")
    assert page.locator("h1").inner_text() == "筛查交易对方"
    page.click("summary:has-text('交易信息')")
    page.fill("input[name=name]", "Skydio Inc.")
    page.fill("input[name=as_of]", "2026-11-22")
    page.fill("input[name=item]", "Tb")
    page.click("#screen-submit")
    page.wait_for_url("**/result?q=*")
    for sel in ("details.regime", "details.party"):  # open every group, so all text is rendered
        for el in page.locator(f"{sel}:not([open]) > summary").all():
            el.click()
    shot(page, "i18n-01-result-zh")
    result = page.request.get(page.locator("#json-link").get_attribute("href")).json()
    data = source_words(result)
    seen = 0
    for selector, kind in PARTS.items():
        for text in page.locator(selector).all_inner_texts():
            seen += 1
            assert not english_left(text, data, kind), (kind, text)
    assert page.locator("p.reason").count() == len(result["findings"]) >= 3
    assert seen > 10
    assert "不可靠实体清单" in page.locator("p.reason").first.inner_text()


def test_chinese_lists_headers_stay_on_one_line(page):
    sign_in(page)
    page.click("#lang-zh")
    page.click("nav >> text=名单")
    page.wait_for_url("**/lists")
    page.wait_for_selector("#list-cn-uel", timeout=10_000)
    shot(page, "i18n-02-lists-zh")
    headers = page.locator("#lists-table thead th")
    assert headers.count() == 7
    lines = {h.inner_text(): h.evaluate(LINES_JS) for h in headers.all()}
    assert "条目数" in lines and "版本" in lines
    assert all(n == 1 for n in lines.values()), lines
