"""Alerts: a monitored counterparty's outcome changed.

Each alert names the counterparty, the old and the new outcome and the findings
added and removed, and carries its webhook delivery state
(:mod:`screening.service.webhook`): ``pending`` (to send), ``retrying`` (a POST
failed; ``next_try`` says when again), ``delivered``, ``failed`` (gave up after
``SCREENING_WEBHOOK_MAX_ATTEMPTS``), or ``off`` (no webhook was configured).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from screening import settings
from screening.lists.store import Store, utcnow
from screening.service.monitor import Screened, dump, finding_key

#: Columns of an alert row, in order.
COLUMNS = ("id", "counterparty_id", "name", "ref", "created_at", "old_outcome", "new_outcome",
           "added", "removed", "as_of", "list_versions", "audit_ref", "reason", "delivery",
           "attempts", "last_error", "next_try", "delivered_at")

#: What a finding looks like inside an alert.
FINDING_FIELDS = ("rule", "entry_id", "party", "outcome", "status", "reason", "citation")


def finding_changes(old: dict, new: dict) -> tuple[list[dict], list[dict]]:
    """(findings added, findings removed) from ``old`` to ``new`` result."""
    before = {finding_key(f): f for f in old.get("findings") or []}
    after = {finding_key(f): f for f in new.get("findings") or []}

    def brief(f: dict) -> dict:
        return {k: f.get(k) for k in FINDING_FIELDS if f.get(k) is not None}

    return ([brief(after[k]) for k in sorted(set(after) - set(before))],
            [brief(before[k]) for k in sorted(set(before) - set(after))])


def raise_alerts(store: Store, changed: Sequence[tuple[Screened, dict]], reason: str) -> list[int]:
    """One alert per counterparty whose outcome changed; returns their ids."""
    delivery = "pending" if settings.WEBHOOK_URL else "off"
    ids = []
    with store.db.conn as conn:
        for s, old in changed:
            added, removed = finding_changes(old, s.result)
            ref = conn.execute("select ref from counterparties where id = ?", [s.id]).fetchone()
            cur = conn.execute(
                "insert into alerts (counterparty_id, name, ref, created_at, old_outcome,"
                " new_outcome, added, removed, as_of, list_versions, audit_ref, reason,"
                " delivery, attempts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                [s.id, s.party["name"], ref[0] if ref else None, utcnow(), old.get("outcome"),
                 s.result["outcome"], dump(added), dump(removed), s.result.get("as_of"),
                 dump(s.result.get("list_versions") or {}), s.audit_ref, reason, delivery])
            ids.append(int(cur.lastrowid or 0))
    return ids


def alert_rows(store: Store, *, since: str | None = None, counterparty: int | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict]:
    """Alerts, newest first; ``since``: created at or after (ISO date or time, UTC)."""
    sql = f"select {', '.join(COLUMNS)} from alerts where 1 = 1"
    params: list[Any] = []
    if since:
        sql += " and created_at >= ?"
        params.append(since)
    if counterparty is not None:
        sql += " and counterparty_id = ?"
        params.append(counterparty)
    sql += " order by id desc"
    if limit is not None:
        sql += " limit ? offset ?"
        params += [limit, offset]
    return [alert_dict(r) for r in store.db.execute(sql, params).fetchall()]


def get_alert(store: Store, alert_id: int) -> dict | None:
    row = store.db.execute(f"select {', '.join(COLUMNS)} from alerts where id = ?",
                           [alert_id]).fetchone()
    return alert_dict(row) if row else None


def alert_dict(row: Sequence[Any]) -> dict:
    """An alert row as JSON: findings and versions parsed, delivery grouped."""
    d = dict(zip(COLUMNS, row))
    for k in ("added", "removed", "list_versions"):
        d[k] = json.loads(d[k]) if d[k] else ([] if k != "list_versions" else {})
    d["delivery"] = {"state": d["delivery"], "attempts": d.pop("attempts") or 0,
                     "last_error": d.pop("last_error"), "next_try": d.pop("next_try"),
                     "delivered_at": d.pop("delivered_at")}
    return d


def payload(alert: dict) -> dict:
    """The JSON a webhook receives for one alert (no delivery state)."""
    return {"event": "counterparty.outcome_changed",
            "alert": {k: v for k, v in alert.items() if k != "delivery"}}
