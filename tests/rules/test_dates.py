"""status_on: the one dated-status function for rules and list entries."""

from __future__ import annotations

from datetime import date

import pytest

from screening.rules.dates import (
    StatusAt,
    check_horizon,
    combine,
    parse_date,
    rule_events,
    status_on,
)
from screening.errors import Invalid
from screening.types import StatusEvent as E

D = date.fromisoformat


def test_open_ended_suspension_stays_suspended():
    events = [E("2025-04-10", "listed"), E("2025-05-14", "suspended")]
    assert status_on(events, D("2030-01-01")).status == "suspended"


def test_known_end_of_suspension_needs_no_assumption():
    events = [E("2025-04-04", "listed"), E("2025-05-14", "suspended", until="2025-08-11")]
    st = status_on(events, D("2025-09-01"), "flag")
    assert (st.status, st.past_horizon, st.since) == ("active", False, "2025-08-12")


def test_resumed_ends_a_suspension_early():
    events = [E("2025-04-04", "listed"), E("2025-05-14", "suspended", until="2026-11-10", horizon=True),
              E("2026-02-01", "resumed")]
    assert status_on(events, D("2026-03-01"), "extended").status == "active"


def test_removed_then_relisted():
    events = [E("2024-01-01", "listed"), E("2025-01-01", "removed"), E("2026-01-01", "listed")]
    assert [status_on(events, D(d)).status for d in ("2024-06-01", "2025-06-01", "2026-06-01")] == [
        "active", "removed", "active"]


def test_suspension_before_effective_date():
    # No. 57: due 2025-11-08, suspended from 2025-11-07.
    events = rule_events("2025-11-08", None, [{"from": "2025-11-07", "to": "2026-11-10", "horizon": True}])
    assert status_on(events, D("2025-11-07")).status == "not_yet_effective"
    assert status_on(events, D("2025-11-08")).status == "suspended"


def test_rule_end_is_expired_the_day_after_effective_to():
    events = rule_events("2025-09-29", "2025-11-28", [])
    assert status_on(events, D("2025-11-28")).status == "active"
    assert status_on(events, D("2025-11-29")).status == "expired"


def test_past_horizon_under_each_reading():
    events = [E("2025-04-04", "listed"), E("2025-11-10", "suspended", until="2026-11-10", horizon=True)]
    literal = status_on(events, D("2026-11-11"), "literal")
    assert (literal.status, literal.past_horizon, literal.until) == ("active", True, "2026-11-10")
    assert status_on(events, D("2026-11-11"), "extended").status == "suspended"
    assert status_on(events, D("2026-11-11"), "flag").status == "unknown"
    assert status_on(events, D("2026-11-10"), "flag").status == "suspended"


def test_no_events_means_in_force():
    assert status_on([], D("2026-11-22")).status == "active"
    assert status_on([], D("2020-01-01"), listed_on="2021-01-01").status == "not_yet_effective"


def test_combine_takes_the_weakest_link():
    active, suspended = StatusAt("active"), StatusAt("suspended", until="2026-11-10")
    assert combine(active, suspended).status == "suspended"
    assert combine(active, StatusAt("removed"), suspended).status == "removed"
    assert combine(StatusAt("unknown", past_horizon=True), suspended).status == "unknown"
    lit = StatusAt("active", past_horizon=True, until="2026-11-09")
    assert combine(active, lit) == StatusAt("active", past_horizon=True, until="2026-11-09")


def test_parse_date_and_horizon():
    assert parse_date("2026-11-22") == D("2026-11-22")
    assert parse_date(None, default=D("2026-01-01")) == D("2026-01-01")
    assert parse_date(None) == date.today()
    with pytest.raises(Invalid, match="not a date"):
        parse_date("22/11/2026")
    assert check_horizon(None) == "literal"
    assert check_horizon("FLAG") == "flag"
    with pytest.raises(Invalid):
        check_horizon("hopeful")
