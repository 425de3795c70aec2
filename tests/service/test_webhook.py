"""Alert delivery: a signed JSON POST, retried with exponential backoff, state in the DB."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from screening import settings
from screening.lists.store import open_store
from screening.service.alerts import alert_rows, raise_alerts
from screening.service.monitor import Monitor, Screened
from screening.service.webhook import deliver, signature

SECRET = "s3cret-for-tests"


class Receiver:
    """A local HTTP server that fails the first ``fail`` POSTs (500) and records every one."""

    def __init__(self, fail: int = 0, delay: float = 0.0) -> None:
        self.fail, self.delay, self.calls = fail, delay, []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.calls.append((dict(self.headers), body))
                time.sleep(receiver.delay)
                ok = len(receiver.calls) > receiver.fail
                self.send_response(204 if ok else 500)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(settings, "WEBHOOK_SECRET", SECRET)
    monkeypatch.setattr(settings, "WEBHOOK_BACKOFF_S", 60.0)
    monkeypatch.setattr(settings, "WEBHOOK_MAX_ATTEMPTS", 4)
    return open_store(tmp_path / "screening.db")


def one_alert(store) -> int:
    """An alert as a rescreen raises it (a counterparty going CLEAR -> PROHIBITED)."""
    with store.db.conn as conn:
        conn.execute("insert into counterparties (id, name, ref, request, added_at, active)"
                     " values (7, 'Skydio Inc.', 'CRM-7', '{}', '2026-11-01', 1)")
    new = {"outcome": "PROHIBITED", "as_of": "2026-11-20", "list_versions": {"cn-uel": 1},
           "findings": [{"rule": "CN-UEL", "entry_id": "cn-uel:skydio", "outcome": "PROHIBITED"}]}
    (alert_id,) = raise_alerts(store, [(Screened(7, {"name": "Skydio Inc."}, new, "ref1"),
                                        {"outcome": "REVIEW", "findings": []})], "date")
    return alert_id


def test_an_alert_is_posted_signed_and_retried_with_backoff(store, monkeypatch):
    receiver = Receiver(fail=2)
    monkeypatch.setattr(settings, "WEBHOOK_URL", receiver.url)
    try:
        one_alert(store)
        t0 = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
        first = deliver(store, now=t0)
        (a,) = alert_rows(store)
        assert first.retrying and a["delivery"]["state"] == "retrying"
        assert a["delivery"]["attempts"] == 1 and "500" in a["delivery"]["last_error"]
        assert a["delivery"]["next_try"] == (t0 + timedelta(seconds=60)).isoformat()
        assert deliver(store, now=t0 + timedelta(seconds=30)).retrying == []  # backoff holds
        deliver(store, now=t0 + timedelta(seconds=61))  # second failure: waits 120 s now
        (a,) = alert_rows(store)
        assert a["delivery"]["next_try"] == (t0 + timedelta(seconds=61 + 120)).isoformat()
        done = deliver(store, now=t0 + timedelta(seconds=200))
        (a,) = alert_rows(store)
        assert done.delivered and a["delivery"]["state"] == "delivered"
        assert a["delivery"]["attempts"] == 3 and len(receiver.calls) == 3
    finally:
        receiver.close()
    headers, body = receiver.calls[-1]
    stamp = headers["X-Screening-Timestamp"]
    expected = hmac.new(SECRET.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    assert headers["X-Screening-Signature"] == "sha256=" + expected == signature(SECRET, stamp, body)
    sent = json.loads(body)
    assert sent["event"] == "counterparty.outcome_changed"
    assert sent["alert"]["old_outcome"] == "REVIEW" and sent["alert"]["new_outcome"] == "PROHIBITED"
    assert sent["alert"]["ref"] == "CRM-7" and sent["alert"]["added"][0]["rule"] == "CN-UEL"


def test_delivery_gives_up_after_the_last_attempt_and_says_why(store, monkeypatch):
    monkeypatch.setattr(settings, "WEBHOOK_URL", "http://127.0.0.1:9/refused")
    one_alert(store)
    for _ in range(4):
        deliver(store, ignore_backoff=True)
    (a,) = alert_rows(store)
    assert a["delivery"]["state"] == "failed" and a["delivery"]["attempts"] == 4
    assert "refused" in a["delivery"]["last_error"].lower() or "errno" in a["delivery"]["last_error"].lower()


def test_a_slow_webhook_never_holds_a_rescreen_long(store, monkeypatch):
    receiver = Receiver(delay=3.0)
    monkeypatch.setattr(settings, "WEBHOOK_URL", receiver.url)
    monkeypatch.setattr(settings, "WEBHOOK_TIMEOUT_S", 0.3)
    try:
        for _ in range(3):
            one_alert_more(store)
        start = time.monotonic()
        done = deliver(store, budget_s=0.5)
        assert time.monotonic() - start < 2.0
        assert done.delivered == [] and done.left >= 1 and len(done.retrying) <= 2
    finally:
        receiver.close()


def one_alert_more(store) -> None:
    """Another alert on the same counterparty."""
    row = store.db.execute("select count(*) from counterparties").fetchone()
    if not row[0]:
        one_alert(store)
        return
    raise_alerts(store, [(Screened(7, {"name": "Skydio Inc."}, {"outcome": "CLEAR"}, "r"),
                          {"outcome": "PROHIBITED"})], "list change")


def test_no_webhook_configured_marks_alerts_off(store, monkeypatch):
    monkeypatch.setattr(settings, "WEBHOOK_URL", None)
    one_alert(store)
    assert alert_rows(store)[0]["delivery"]["state"] == "off"
    assert not deliver(store).configured
    assert Monitor(store).count() == 1
