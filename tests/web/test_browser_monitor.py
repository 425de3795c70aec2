"""Browser test of monitoring: add a counterparty in the UI -> a list update -> rescreen ->
the alert is visible in the UI (headless Chromium, the real app, as tests/web/test_browser.py)."""

from __future__ import annotations

from screening.lists.store import open_store
from screening.lists.update import update
from screening.service.rescreen import rescreen
from screening.service.screen import Screener
from tests.web.test_browser import browser, page, pytestmark, server, shot, sign_in  # noqa: F401


def test_add_counterparty_then_list_update_then_alert_in_the_ui(page, server, tmp_path):
    _, app = server
    sign_in(page, "sam")
    page.click("#nav-counterparties")
    page.wait_for_url("**/counterparties")
    page.fill("#cp-add-form input[name=name]", "Quasimodo Lanternworks Ltd")
    page.fill("#cp-add-form input[name=ref]", "CRM-77")
    page.click("#cp-add-submit")
    page.wait_for_url("**/counterparties/*")
    assert page.locator("h1 .badge").get_attribute("data-outcome") == "CLEAR"
    shot(page, "20-counterparty-added")

    store = open_store(app.config["DB_PATH"])  # the company's own deny list gains the party
    deny = tmp_path / "deny.csv"
    deny.write_text("name,id\nQuasimodo Lanternworks Limited,QL\n", encoding="utf-8")
    update(store, "acme-deny", file=str(deny))
    assert len(rescreen(store, Screener(store), "cron").alerts) == 1

    page.click("#nav-alerts")
    page.wait_for_url("**/alerts")
    row = page.locator("tr.alert", has_text="Quasimodo Lanternworks Ltd")
    assert row.count() == 1 and "CRM-77" in row.inner_text()
    assert row.locator(".badge").first.get_attribute("data-outcome") == "CLEAR"
    assert row.get_attribute("data-new") != "CLEAR"
    assert "+ OWN-LIST Quasimodo Lanternworks Limited" in row.inner_text()
    shot(page, "21-alert")
    row.locator("a").first.click()
    page.wait_for_url("**/counterparties/*")
    assert page.locator("h1 .badge").get_attribute("data-outcome") != "CLEAR"
    assert page.locator("#cp-history tbody tr").count() == 2
    shot(page, "22-counterparty-history")
