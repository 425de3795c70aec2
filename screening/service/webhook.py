"""Alert delivery to ``SCREENING_WEBHOOK_URL``: signed JSON POSTs, retried with backoff.

Each alert is POSTed alone as JSON (:func:`screening.service.alerts.payload`)
with two headers::

    X-Screening-Timestamp: 1764912000
    X-Screening-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">

keyed with ``SCREENING_WEBHOOK_SECRET``. The receiver recomputes the HMAC over
the timestamp, a dot and the raw body, compares in constant time, and refuses
old timestamps (a replayed request). Any 2xx answer delivers the alert; anything
else (an error status, a refused connection, no answer within
``SCREENING_WEBHOOK_TIMEOUT_S``) is retried after ``SCREENING_WEBHOOK_BACKOFF_S``
seconds, doubling each time, until ``SCREENING_WEBHOOK_MAX_ATTEMPTS`` attempts,
then the alert is ``failed``. The state lives in the ``alerts`` table, so
``screening alerts deliver`` (cron) picks up where a rescreen stopped; a
rescreen itself spends at most ``SCREENING_WEBHOOK_BUDGET_S`` delivering.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from screening import settings
from screening.lists.store import Store
from screening.service.alerts import alert_rows, get_alert, payload

#: States an alert is sent from.
DUE_STATES = ("pending", "retrying")
#: Longest error message kept for an alert.
ERROR_CHARS = 300


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex>``: HMAC-SHA256 of ``timestamp.body`` keyed with ``secret``."""
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body,
                   hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def post(url: str, body: bytes, secret: str | None, timeout: float) -> None:
    """POST one signed body; raises ``OSError`` (``URLError``, ``HTTPError``) on failure."""
    timestamp = str(int(time.time()))
    headers = {"Content-Type": "application/json", "User-Agent": "screening-webhook",
               "X-Screening-Timestamp": timestamp}
    if secret:
        headers["X-Screening-Signature"] = signature(secret, timestamp, body)
    req = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (configured URL)
        if not 200 <= resp.status < 300:
            raise urllib.error.HTTPError(url, resp.status, resp.reason, resp.headers, None)


def _iso(t: datetime) -> str:
    return t.replace(microsecond=0).isoformat()


@dataclass
class Delivery:
    """What one delivery run did."""

    delivered: list[int] = field(default_factory=list)
    retrying: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    left: int = 0  # due alerts not tried (time budget spent)
    configured: bool = True

    def to_dict(self) -> dict:
        return {"configured": self.configured, "delivered": len(self.delivered),
                "retrying": len(self.retrying), "failed": len(self.failed), "left": self.left}

    def summary(self) -> str:
        if not self.configured:
            return "webhook: not configured (SCREENING_WEBHOOK_URL)"
        return (f"webhook: {len(self.delivered)} delivered, {len(self.retrying)} to retry, "
                f"{len(self.failed)} failed" + (f", {self.left} left for later" if self.left else ""))


def deliver(store: Store, *, budget_s: float | None = None, now: datetime | None = None,
            ignore_backoff: bool = False) -> Delivery:
    """Send every due alert, oldest first, until done or ``budget_s`` seconds are spent."""
    url = settings.WEBHOOK_URL
    out = Delivery(configured=bool(url))
    if not url:
        return out
    now = now or datetime.now(timezone.utc)
    sql = (f"select id from alerts where delivery in ({', '.join('?' for _ in DUE_STATES)})"
           + ("" if ignore_backoff else " and (next_try is null or next_try <= ?)")
           + " order by id")
    params = [*DUE_STATES] + ([] if ignore_backoff else [_iso(now)])
    due = [r[0] for r in store.db.execute(sql, params).fetchall()]
    deadline = time.monotonic() + (settings.WEBHOOK_BUDGET_S if budget_s is None else budget_s)
    for n, alert_id in enumerate(due):
        if time.monotonic() >= deadline:
            out.left = len(due) - n
            break
        _attempt(store, alert_id, url, now, out)
    return out


def _attempt(store: Store, alert_id: int, url: str, now: datetime, out: Delivery) -> None:
    """POST one alert and store the outcome of the attempt."""
    alert = get_alert(store, alert_id)
    if alert is None:
        return
    attempts = alert["delivery"]["attempts"] + 1
    body = json.dumps(payload(alert), ensure_ascii=False, sort_keys=True).encode("utf-8")
    try:
        post(url, body, settings.WEBHOOK_SECRET, settings.WEBHOOK_TIMEOUT_S)
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts are OSErrors
        error = f"{type(exc).__name__}: {exc}"[:ERROR_CHARS]
        if attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
            state, next_try = "failed", None
            out.failed.append(alert_id)
        else:
            state = "retrying"
            next_try = _iso(now + timedelta(seconds=settings.WEBHOOK_BACKOFF_S * 2 ** (attempts - 1)))
            out.retrying.append(alert_id)
        with store.db.conn as conn:
            conn.execute("update alerts set delivery = ?, attempts = ?, last_error = ?,"
                         " next_try = ? where id = ?", [state, attempts, error, next_try, alert_id])
        return
    with store.db.conn as conn:
        conn.execute("update alerts set delivery = 'delivered', attempts = ?, next_try = null,"
                     " delivered_at = ? where id = ?", [attempts, _iso(now), alert_id])
    out.delivered.append(alert_id)


def failures(store: Store) -> list[dict]:
    """Alerts whose delivery failed or is being retried, newest first."""
    return [a for a in alert_rows(store) if a["delivery"]["state"] in ("retrying", "failed")]
