"""Monitored counterparties: added and screened, re-screened only when a list change or
the date can change their answer, alerts on every changed outcome."""

from __future__ import annotations

import json

import pytest

from screening.lists.store import open_store
from screening.lists.update import ensure_project_lists, update
from screening.service.alerts import alert_rows
from screening.service.audit import AuditLog
from screening.service.counterparty_file import read_parties
from screening.service.monitor import Monitor, party_of
from screening.service.rescreen import rescreen
from screening.service.screen import Screener

#: Made-up company names nothing on the lists resembles.
BYSTANDERS = [f"{a} {b} Widgets {n} GmbH" for n, (a, b) in enumerate(
    [(a, b) for a in ("Amber", "Birch", "Cobalt", "Dune", "Ember") for b in
     ("Valley", "Harbour", "Meadow", "Summit", "Grove", "Canyon")])]

OWN_V1 = "name,id\nQuillfeather Orbital Dynamics Ltd,Q1\n"
OWN_V2 = OWN_V1 + "Zephyrine Quantum Widgetry Limited,Z1\n"


def own_list(tmp_path, store, text: str) -> None:
    path = tmp_path / "deny.csv"
    path.write_text(text, encoding="utf-8")
    update(store, "acme-deny", file=str(path))


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "screening.db")
    ensure_project_lists(s)
    return s


def monitored(store, names, as_of="2026-11-01"):
    monitor = Monitor(store)
    monitor.add_many(Screener(store), [(party_of({"name": n}), f"CRM-{i}") for i, n in
                                       enumerate(names)], "tester", as_of=as_of)
    return monitor


def test_adding_screens_at_once_and_audits_via_monitor(store):
    monitor = monitored(store, ["TechInsights Inc."])
    (cp,) = monitor.rows()
    assert cp["outcome"] != "CLEAR" and cp["ref"] == "CRM-0" and cp["as_of"] == "2026-11-01"
    assert "cn-uel" in cp["list_versions"] and len(cp["result_sha256"]) == 64
    (rec,) = [r for r in AuditLog(store).records() if r["action"] == "screen"]
    detail = json.loads(rec["detail"])
    assert detail["via"] == "monitor" and detail["ref"] == cp["audit_ref"]
    assert detail["result_sha256"] == cp["result_sha256"]
    assert monitor.result(cp["id"])["outcome"] == cp["outcome"]
    assert [h["reason"] for h in monitor.history(cp["id"])] == ["added"]


def test_a_list_change_rescreens_only_the_counterparties_it_can_affect(store, tmp_path):
    own_list(tmp_path, store, OWN_V1)
    monitor = monitored(store, BYSTANDERS + ["Zephyrine Quantum Widgetry Ltd"])
    zephyr = monitor.find("CRM-%d" % len(BYSTANDERS))
    assert zephyr["outcome"] == "CLEAR"
    assert rescreen(store, Screener(store), "cron", as_of="2026-11-01").screened == 0

    own_list(tmp_path, store, OWN_V2)  # one entry added, named like one counterparty
    report = rescreen(store, Screener(store), "cron", as_of="2026-11-01")
    assert report.fallbacks == [] and report.changes == 1
    assert report.screened == 1 and dict(report.reasons) == {"list change": 1}
    (alert,) = alert_rows(store)
    assert alert["counterparty_id"] == zephyr["id"] and alert["old_outcome"] == "CLEAR"
    assert alert["new_outcome"] != "CLEAR" and alert["added"][0]["entry_id"] == "acme-deny:Z1"
    assert alert["removed"] == [] and alert["delivery"]["state"] == "off"
    assert [h["reason"] for h in monitor.history(zephyr["id"])] == ["added", "list change"]

    own_list(tmp_path, store, OWN_V1)  # removed again: found through the entry it rested on
    report = rescreen(store, Screener(store), "cron", as_of="2026-11-01")
    assert report.screened == 1
    latest = alert_rows(store)[0]
    assert latest["new_outcome"] == "CLEAR" and latest["removed"][0]["entry_id"] == "acme-deny:Z1"


def test_a_diff_too_big_falls_back_to_a_full_rescreen(store, tmp_path):
    own_list(tmp_path, store, OWN_V1)
    monitored(store, BYSTANDERS[:3])
    own_list(tmp_path, store, OWN_V2)
    report = rescreen(store, Screener(store), "cron", as_of="2026-11-01", max_diff=0)
    assert report.screened == 3 and dict(report.reasons) == {"full": 3}
    assert "too big" in report.fallbacks[0]


def test_a_suspension_running_out_rescreens_by_the_date_alone(store):
    """Skydio's UEL listing is suspended until 2026-11-10: REVIEW before, PROHIBITED after."""
    monitor = monitored(store, ["Skydio Inc."] + BYSTANDERS[:5], as_of="2026-11-01")
    skydio = monitor.find("CRM-0")
    assert skydio["outcome"] == "REVIEW" and skydio["valid_until"] is not None
    assert skydio["valid_until"] <= "2026-11-11"
    assert all(r["valid_until"] is None for r in monitor.rows() if r["id"] != skydio["id"])

    early = rescreen(store, Screener(store), "cron", as_of="2026-11-02")
    assert early.screened == 0 and alert_rows(store) == []
    later = rescreen(store, Screener(store), "cron", as_of="2026-11-20")
    assert later.screened == 1 and dict(later.reasons) == {"date": 1}
    (alert,) = alert_rows(store)
    assert (alert["name"], alert["old_outcome"], alert["new_outcome"]) == (
        "Skydio Inc.", "REVIEW", "PROHIBITED")


def test_a_ref_added_again_updates_and_a_name_twice_is_refused(store):
    monitor = Monitor(store)
    screener = Screener(store)
    first = monitor.add(screener, party_of({"name": "Amber Valley Widgets"}), "t", ref="CRM-9")
    again = monitor.add(screener, party_of({"name": "Amber Valley Widgets AG"}), "t", ref="CRM-9")
    assert first["id"] == again["id"] and monitor.count() == 1
    monitor.add(screener, party_of({"name": "Birch Meadow"}), "t")
    skipped: list = []
    monitor.add_many(screener, [(party_of({"name": "Birch Meadow"}), None)], "t", skipped=skipped)
    assert skipped and "already monitored" in skipped[0][1]
    monitor.remove("CRM-9")
    assert monitor.count() == 1 and len(monitor.rows(active=False)) == 2


def test_a_file_is_read_like_bulk_and_every_row_accounted_for(tmp_path):
    path = tmp_path / "customers.csv"
    path.write_text("客户名称,国家,CRM ID,end use\nAmber Valley Widgets,DE,C-1,\n,CN,C-2,\n"
                    "Birch Meadow Ltd,China,C-3,military\nCobalt Summit,US,C-4,nonsense\n",
                    encoding="utf-8")
    rows = read_parties(path)
    assert rows.rows == 4
    assert [(p["name"], p.get("country"), ref) for _, p, ref in rows.parties][:2] == [
        ("Amber Valley Widgets", "DE", "C-1"), ("Birch Meadow Ltd", "China", "C-3")]
    assert rows.parties[1][1]["context"] == {"end_use": "military"}
    assert [line for line, _ in rows.errors] == [3, 5]
    assert "name is empty" in rows.errors[0][1] and "end" in rows.errors[1][1]


def test_new_ownership_relationships_rescreen_everyone(store):
    from screening.types import Relationship

    monitored(store, BYSTANDERS[:2])
    store.put_relationships("crm-owners", [Relationship(
        owner="cn-uel:skydio", owned="name:amber valley widgets 0 gmbh", percent=60.0,
        source="crm-owners")])
    report = rescreen(store, Screener(store), "cron", as_of="2026-11-01")
    assert report.screened == 2 and "ownership" in report.fallbacks[0]
    assert rescreen(store, Screener(store), "cron", as_of="2026-11-01").screened == 0


def test_the_counterparty_name_index_is_kept_and_reused(store, tmp_path, monkeypatch):
    from screening.service import affected

    own_list(tmp_path, store, OWN_V1)
    monitor = monitored(store, BYSTANDERS[:4] + ["Zephyrine Quantum Widgetry Ltd"])
    own_list(tmp_path, store, OWN_V2)
    assert rescreen(store, Screener(store), "cron", as_of="2026-11-01").screened == 1
    path = affected.index_path(store)
    assert path is not None and path.exists()

    def no_build(*args, **kwargs):
        raise AssertionError("the kept index was not used")

    monkeypatch.setattr(affected, "Matcher", no_build)
    found = affected.by_names(monitor.parties(), [affected.counterparty_entry(0, {
        "name": "Zephyrine Quantum Widgetry Limited"})], path)
    assert found == {monitor.find("CRM-4")["id"]}


def test_an_id_is_in_ascii_digits(store):
    """"²" is a digit to str.isdigit and int() refuses it: not found, not a ValueError."""
    from screening.errors import NotFound

    with pytest.raises(NotFound):
        Monitor(store).remove("\u00b2")
