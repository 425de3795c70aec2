"""Re-screen the monitored counterparties a list change or the date can affect.

Counterparties are grouped by the list versions they were last checked against.
For each group, the diff of entries to the versions in force
(:func:`screening.service.affected.list_change`) selects the counterparties to
screen again (:func:`screening.service.affected.affected`); when the diff cannot
be known or is larger than the group, the whole group is screened (the
fallback). Counterparties whose date window (:func:`~screening.service.affected.date_window`)
no longer holds the day are screened too. Every screening is audited
(``via="monitor"``); every changed outcome raises an alert; then the webhook
gets the due alerts, within its time budget.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from screening.lists.store import Store
from screening.rules.dates import parse_date
from screening.service.affected import affected, date_window, list_change, outside
from screening.service.alerts import raise_alerts
from screening.service.monitor import Monitor, Screened, basis_token, dump
from screening.service.webhook import Delivery, deliver

#: Counterparties screened and stored per transaction.
BATCH = 500

#: Why a counterparty was screened again.
LIST_CHANGE, DATE, FULL = "list change", "date", "full"


@dataclass
class Rescreen:
    """What one re-screen did."""

    as_of: str
    counterparties: int = 0
    screened: int = 0
    reasons: Counter = field(default_factory=Counter)
    fallbacks: list[str] = field(default_factory=list)  # why a group was screened whole
    changes: int = 0  # entries in the list diffs looked at
    alerts: list[int] = field(default_factory=list)
    seconds: float = 0.0
    delivery: Delivery | None = None
    phases: dict = field(default_factory=dict)  # seconds: select, screen, mark, deliver

    def to_dict(self) -> dict:
        return {"as_of": self.as_of, "counterparties": self.counterparties,
                "screened": self.screened, "reasons": dict(self.reasons),
                "fallbacks": self.fallbacks, "entries_changed": self.changes,
                "alerts": self.alerts, "seconds": round(self.seconds, 2),
                "phases": {k: round(v, 2) for k, v in self.phases.items()},
                "delivery": self.delivery.to_dict() if self.delivery else None}

    def summary(self) -> str:
        why = ", ".join(f"{n} for {r}" for r, n in sorted(self.reasons.items())) or "none affected"
        lines = [f"{self.screened} of {self.counterparties} counterparties re-screened as of "
                 f"{self.as_of} ({why}) in {self.seconds:.1f} s; {len(self.alerts)} alert(s)"]
        lines += [f"full re-screen: {f}" for f in self.fallbacks]
        if self.delivery is not None and (self.alerts or self.delivery.delivered
                                          or self.delivery.retrying or self.delivery.failed):
            lines.append(self.delivery.summary())
        return "\n".join(lines)


def rescreen(store: Store, screener: Any, user: str, *, as_of: str | None = None,
             full: bool = False, monitor: Monitor | None = None, send: bool = True,
             max_diff: int | None = None) -> Rescreen:
    """Screen again the active counterparties whose answer may have changed."""
    started = time.monotonic()
    monitor = monitor or Monitor(store)
    day = parse_date(as_of).isoformat()
    report = Rescreen(as_of=day)
    current, basis = dict(screener.list_versions), basis_token(store)
    rows = store.db.execute(
        "select id, request, checked_versions, basis, valid_from, valid_until"
        " from counterparties where active = 1 order by id").fetchall()
    report.counterparties = len(rows)
    todo: dict[int, str] = {}
    groups: dict[tuple[str | None, str | None], list[tuple[int, dict]]] = defaultdict(list)
    for cp_id, request, checked, cp_basis, lo, hi in rows:
        party = json.loads(request)
        groups[(checked, cp_basis)].append((cp_id, party))
        if outside(day, lo, hi):
            todo[cp_id] = DATE
    for (checked, cp_basis), parties in groups.items():
        group_ids, reason = _group_todo(store, report, parties, checked, cp_basis, current,
                                        basis, full, max_diff)
        for cp_id in group_ids:
            todo.setdefault(cp_id, reason)
    report.phases["select"] = time.monotonic() - started
    parties_by_id = {i: p for ps in groups.values() for i, p in ps}
    window = date_window(screener.rulebook, screener.entries.get)
    ids = sorted(todo)
    for i in range(0, len(ids), BATCH):
        chunk = ids[i:i + BATCH]
        screened = monitor.screen(screener, [(c, parties_by_id[c]) for c in chunk], user, as_of=day)
        by_reason: dict[str, list[Screened]] = defaultdict(list)
        for s in screened:
            by_reason[todo[s.id]].append(s)
        for reason, items in by_reason.items():
            report.reasons[reason] += len(items)
            changed = monitor.save(items, current, window=window, reason=reason)
            report.alerts += raise_alerts(store, changed, reason)
    report.screened = len(ids)
    report.phases["screen"] = time.monotonic() - started - report.phases["select"]
    with store.db.conn as conn:  # the others were checked against the versions in force
        conn.execute("update counterparties set checked_versions = ?, basis = ? where active = 1",
                     [dump(current), basis])
    report.phases["mark"] = time.monotonic() - started - sum(report.phases.values())
    if send:
        report.delivery = deliver(store)
        report.phases["deliver"] = time.monotonic() - started - sum(report.phases.values())
    report.seconds = time.monotonic() - started
    return report


def _group_todo(store: Store, report: Rescreen, parties: list[tuple[int, dict]],
                checked: str | None, cp_basis: str | None, current: dict, basis: str,
                full: bool, max_diff: int | None) -> tuple[set[int], str]:
    """The counterparties of one group (same versions checked against) to screen again,
    and why."""
    every = {i for i, _ in parties}
    if full:
        return every, FULL
    if checked is None:
        report.fallbacks.append(f"{len(parties)} counterparties never checked against a version")
        return every, FULL
    if cp_basis != basis:
        report.fallbacks.append(f"{len(parties)} counterparties: the rules or the ownership "
                                "relationships changed")
        return every, FULL
    old = json.loads(checked)
    if old == current:
        return set(), LIST_CHANGE
    change = list_change(store, old, current, max_diff)
    if change is None:
        report.fallbacks.append(f"{len(parties)} counterparties: the list diff is too big or a "
                                "version they were checked against is no longer kept")
        return every, FULL
    report.changes += change.size
    if change.size > len(parties):  # screening each is cheaper than indexing them
        report.fallbacks.append(f"{len(parties)} counterparties: {change.size} entries changed, "
                                "more than there are counterparties to screen")
        return every, FULL
    return affected(store, change, parties), LIST_CHANGE
