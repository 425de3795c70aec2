"""Dated status: is a measure (or a listing) in force on a given day?

One function, :func:`status_on`, answers this for both kinds of dated thing the
service knows:

* a **rule** from ``rules.yaml`` (effective_from, suspensions, effective_to), and
* a **list entry's** own ``status_history`` (listed, suspended, resumed, removed),
  e.g. the UEL batch of 2025-04-04 (Skydio and ten others), suspended from
  2025-05-14 and, since 2025-11-10, "for one year", i.e. until 2026-11-10.

Dates past the known horizon (rules.md §8.4): no source says what happened on or
after 2026-11-10, when several one-year suspensions end. A suspension whose end
lies past that horizon carries ``horizon: true`` and the caller picks how to read
it:

``literal``  the instrument is taken at its word: the suspension ends on its last
             day and the measure is in force again the day after (the default,
             the compliance reading of rules.md §8.4);
``extended`` the suspension is assumed to have been rolled over: still suspended;
``flag``     the status is unknown, and findings say "status unverified".

Day conventions: ``until`` is the **last suspended day** (inclusive). China's
"until 2026-11-10" is read as 2026-11-10 suspended, 2026-11-11 in force; BIS
states 2026-11-09 as its last suspended day and re-imposes on 2026-11-10.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from screening import settings
from screening.errors import Invalid
from screening.types import StatusEvent

#: How to read dates past the known horizon (rules.md §8.4), default first.
HORIZONS = ("literal", "extended", "flag")

#: A requested day as the one date parser accepts it.
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: The statuses :func:`status_on` returns.
ACTIVE = "active"
SUSPENDED = "suspended"
NOT_YET_EFFECTIVE = "not_yet_effective"
EXPIRED = "expired"  # a rule past its effective_to
REMOVED = "removed"  # a list entry taken off its list, or its measures stopped
UNKNOWN = "unknown"  # past the horizon under ``flag``
STATUSES = (ACTIVE, SUSPENDED, NOT_YET_EFFECTIVE, EXPIRED, REMOVED, UNKNOWN)

#: Statuses that make a finding informational only (the outcome is not raised).
INFORMATIONAL = (NOT_YET_EFFECTIVE, EXPIRED, REMOVED)

#: Event kinds that (re)start a measure.
_STARTS = ("listed", "resumed")


@dataclass(frozen=True)
class StatusAt:
    """The status of one dated thing on one day, with the event that decided it."""

    status: str
    event: StatusEvent | None = None
    past_horizon: bool = False  # the answer rests on the after-horizon assumption
    since: str | None = None  # ISO date the status began (when known)
    until: str | None = None  # last day of the suspension the status rests on
    label: str | None = None  # what this is the status of: "rule", "listing", a rule id ...

    @property
    def informational(self) -> bool:
        """True when the measure does not bind on that day (not yet, expired, removed)."""
        return self.status in INFORMATIONAL


def to_date(value: str | date | None) -> date | None:
    """An ISO ``YYYY-MM-DD`` string (or a date) as a ``date``; None stays None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip()[:10])


def parse_date(value: str | date | None, *, default: date | None = None,
               field: str = "as_of") -> date:
    """THE parser of a requested day (``as_of`` from the CLI, the API, the form, bulk).

    Accepts exactly ``YYYY-MM-DD`` naming a real calendar day, a ``date`` (or
    ``datetime``), or None / empty for ``default`` (today). Anything else
    (``22/11/2026``, ``2026-11-22T10:00``, ``2026-2-3``, ``2026-02-30``) raises
    :class:`~screening.errors.Invalid` (422) naming ``field``.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return default or date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not _ISO_DAY.match(text):
        raise Invalid(f"{field} is not a date: {text!r} (use YYYY-MM-DD, e.g. 2026-11-22)",
                      field=field)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid(f"{field} is not a real date: {text!r}", field=field) from None


def check_horizon(value: str | None) -> str:
    """THE after-horizon validator: ``literal``, ``extended`` or ``flag`` (rules.md §8.4).

    None or empty means ``$SCREENING_AFTER_HORIZON``, else ``literal``.
    """
    value = (value or settings.AFTER_HORIZON or HORIZONS[0]).strip().lower()
    if value not in HORIZONS:
        raise Invalid(f"after-horizon must be one of {', '.join(HORIZONS)}, not {value!r}",
                      field="after_horizon")
    return value


def rule_events(
    effective_from: str | None,
    effective_to: str | None,
    suspensions: Iterable[dict],
) -> list[StatusEvent]:
    """Turn a rule's dates into the same event history list entries carry.

    ``effective_to`` is the last day in force, so the rule ends (``removed``,
    reported as ``expired``) the day after. A rule with no ``effective_from`` has
    been in force for as long as matters here.
    """
    events: list[StatusEvent] = []
    if effective_from:
        events.append(StatusEvent(date=str(effective_from), status="listed"))
    for s in suspensions:
        events.append(StatusEvent(
            date=str(s["from"]), status="suspended",
            until=str(s["to"]) if s.get("to") else None,
            horizon=bool(s.get("horizon", False)),
            citation=s.get("citation", "") or "",
            url=s.get("url"),
            note=s.get("note"),
        ))
    if effective_to:
        last = to_date(effective_to)
        assert last is not None  # effective_to is not empty
        end = last + timedelta(days=1)
        events.append(StatusEvent(date=end.isoformat(), status="removed", note="expired"))
    return events


def status_on(
    events: Iterable[StatusEvent],
    on: date,
    horizon: str = "literal",
    *,
    listed_on: str | None = None,
) -> StatusAt:
    """The status on day ``on`` of anything with a dated event history.

    Events are applied in date order. ``listed``/``resumed`` start the measure,
    ``suspended`` opens a suspension that lasts to its ``until`` (inclusive; no
    ``until`` means open-ended), ``removed`` ends the measure. A ``listed`` event
    does not cancel an earlier suspension still running, so a measure suspended
    before it took effect (No. 57: due 2025-11-08, suspended 2025-11-07) is
    suspended from its effective date on. With no ``listed`` event at all the
    measure is taken as in force from ``listed_on`` (or always).
    """
    ordered = sorted(events, key=lambda e: e.date)
    has_start = any(e.status in _STARTS for e in ordered)
    base = NOT_YET_EFFECTIVE if has_start else ACTIVE
    base_event: StatusEvent | None = next((e for e in ordered if e.status in _STARTS), None)
    since: str | None = None
    if not has_start and listed_on:
        start = to_date(listed_on)
        base = NOT_YET_EFFECTIVE if start and on < start else ACTIVE
        since = listed_on
    suspension: StatusEvent | None = None
    for ev in ordered:
        if to_date(ev.date) > on:  # type: ignore[operator]
            break
        if ev.status == "listed":
            base, base_event, since = ACTIVE, ev, ev.date
        elif ev.status == "resumed":
            base, base_event, since, suspension = ACTIVE, ev, ev.date, None
        elif ev.status == "suspended":
            suspension = ev
        elif ev.status == "removed":
            base, base_event, since, suspension = REMOVED, ev, ev.date, None
    if base == REMOVED and base_event is not None and base_event.note == "expired":
        return StatusAt(EXPIRED, base_event, since=since)
    if base != ACTIVE or suspension is None:
        return StatusAt(base, base_event, since=since)
    return _suspension_status(suspension, on, horizon, since)


def _suspension_status(ev: StatusEvent, on: date, horizon: str, since: str | None) -> StatusAt:
    """Status inside or after a suspension, applying the horizon assumption."""
    until = to_date(ev.until)
    if until is None or on <= until:
        return StatusAt(SUSPENDED, ev, since=ev.date, until=ev.until)
    if not ev.horizon:  # ended on a known date: in force again
        return StatusAt(ACTIVE, ev, since=(until + timedelta(days=1)).isoformat(), until=ev.until)
    if horizon == "extended":
        return StatusAt(SUSPENDED, ev, past_horizon=True, since=ev.date, until=ev.until)
    if horizon == "flag":
        return StatusAt(UNKNOWN, ev, past_horizon=True, since=ev.until, until=ev.until)
    return StatusAt(ACTIVE, ev, past_horizon=True, since=(until + timedelta(days=1)).isoformat(),
                    until=ev.until)


#: When statuses combine (a rule's own status, the listing's, a gate rule's), the
#: first of these present wins: anything informational ends the matter, then
#: unknown, then suspended; only all-active is active.
_COMBINE_ORDER = (NOT_YET_EFFECTIVE, EXPIRED, REMOVED, UNKNOWN, SUSPENDED, ACTIVE)


def combine(*parts: StatusAt) -> StatusAt:
    """The status of a finding that needs several dated things to be in force at once.

    E.g. a UEL hit needs the UEL rule *and* the entry's listing; an item brought
    into scope by No. 61 Art. 1(1) also needs that article.
    """
    if not parts:
        return StatusAt(ACTIVE)
    past = [p for p in parts if p.past_horizon]
    for status in _COMBINE_ORDER:
        for p in parts:
            if p.status == status:
                if past and not p.past_horizon and p.status == ACTIVE:
                    return past[0]  # all active, one of them only by the after-horizon reading
                return p  # a suspension or removal that stands on its own rests on no assumption
    return parts[0]
