"""Review decisions: a reviewer says a hit is a true match or a false positive.

A false positive is remembered by **counterparty fingerprint** (normalised name +
country), **entry id** and the **content hash** of the entry as it was when the
reviewer looked. Later screenings of the same counterparty do not raise that hit
again; the result lists it under ``cleared`` ("cleared by X on DATE"). When the
listed entry changes (new alias, new address, status change...), its hash no
longer matches and the hit is raised again, marked ``reopened``. Decisions
expire: after ``expires_on`` the hit is raised again, marked ``expired``.

The newest decision for a (counterparty, entry) pair is the one that counts, so a
reviewer can overturn a false positive with a true match and vice versa.

:class:`screening.service.screen.Screener` builds a ``DecisionBook(store)`` and calls
:meth:`DecisionBook.apply` on every check; it reads the decisions live from the
database (one indexed query, only when there are hits).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from screening import settings
from screening.connections import connection
from screening.errors import Invalid, NotFound
from screening.lists.store import Store, utcnow
from screening.types import Hit

#: The two decisions a reviewer can record.
DECISIONS = ("true_match", "false_positive")

#: Longest reason kept.
MAX_REASON = 2000

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)

_COLUMNS = ("id", "fingerprint", "name", "country", "entry_id", "entry_hash", "decision",
            "reason", "user", "created_at", "expires_on")


def normalize_name(name: str) -> str:
    """Case-, width-, punctuation- and spacing-insensitive form of a counterparty name."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return " ".join(_PUNCT.sub(" ", text).split())


#: Unicode categories that show nothing on their own: spaces, controls, format
#: characters (zero-width, bidi marks) and combining marks.
_INVISIBLE = {"Zs", "Zl", "Zp", "Cc", "Cf", "Mn", "Me"}


def has_visible_text(text: str) -> bool:
    """True when ``text`` has at least one character that shows (not only U+200B...)."""
    return any(unicodedata.category(ch) not in _INVISIBLE for ch in text)


def fingerprint(name: str, country: str | None) -> str:
    """The counterparty key decisions are remembered under: ``"<name>|<country>"``."""
    return f"{normalize_name(name)}|{(country or '').strip().upper()}"


def validity_days() -> int:
    """Default validity of a new decision in days (``SCREENING_DECISION_DAYS``)."""
    return settings.decision_days()


def _parse_day(value: str | date | None, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise Invalid(f"{what} must be a date like 2027-01-31, not {value!r}")


class DecisionBook:
    """The review decisions of one store."""

    def __init__(self, store: Store, *, today: Callable[[], date] = date.today) -> None:
        self.store = store
        self.today = today

    # ----------------------------------------------------------------- record
    def record(
        self,
        name: str,
        country: str | None,
        entry_id: str,
        decision: str,
        reason: str,
        user: str,
        expires_on: str | date | None = None,
    ) -> dict:
        """Record a reviewer's decision on the hit (counterparty ``name``/``country``, ``entry_id``).

        Raises :class:`Invalid` (422) for an unknown decision, a name with no
        letters or digits, a missing or invisible reason, an expiry in the past or
        beyond ``SCREENING_DECISION_DAYS`` from today, and :class:`NotFound` (404) when no entry with this
        id is in force. Returns the stored decision as a dict.
        """
        if decision not in DECISIONS:
            raise Invalid(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        if not (name or "").strip():
            raise Invalid("name (the counterparty screened) is required")
        if not normalize_name(name):
            raise Invalid(f"name {name!r} has no letters or digits: it would match no "
                          "counterparty")
        reason = (reason or "").strip()
        if not reason:
            raise Invalid("a reason is required for every decision")
        if not has_visible_text(reason):
            raise Invalid("the reason has no visible characters; say why in words")
        if len(reason) > MAX_REASON:
            raise Invalid(f"reason is {len(reason)} characters; at most {MAX_REASON}")
        if not user:
            raise Invalid("a decision needs the user who made it")
        expires = _parse_day(expires_on, "expires_on")
        today = self.today()
        if expires is None and validity_days() > 0:
            expires = today + timedelta(days=validity_days())
        if expires is not None and expires < today:
            raise Invalid(f"expires_on {expires.isoformat()} is in the past")
        limit = today + timedelta(days=validity_days())
        if validity_days() > 0 and expires is not None and expires > limit:
            raise Invalid(f"expires_on {expires.isoformat()} is more than {validity_days()} days "
                          f"away; at most {limit.isoformat()} (SCREENING_DECISION_DAYS)")
        entry_hash = self.current_hash(entry_id)
        if entry_hash is None:
            raise NotFound(f"no entry {entry_id!r} in the lists in force")
        country = (country or "").strip().upper() or None
        row = {"fingerprint": fingerprint(name, country), "name": " ".join(name.split()),
               "country": country, "entry_id": entry_id, "entry_hash": entry_hash,
               "decision": decision, "reason": reason, "user": user,
               "created_at": utcnow(), "expires_on": expires.isoformat() if expires else None}
        conn = connection(self.store)
        with conn:
            cur = conn.execute(
                f"insert into decisions ({', '.join(row)}) values ({', '.join('?' for _ in row)})",
                list(row.values()))
        return {"id": cur.lastrowid, **row}

    # ------------------------------------------------------------------ query
    def current_hash(self, entry_id: str) -> str | None:
        """Content hash of the entry in force (``Store.entry_hash`` on this thread's connection)."""
        row = connection(self.store).execute(
            "select e.content_hash from entries e join lists l on e.version_id = l.current_version"
            " where e.entry_id = ?", [entry_id]).fetchone()
        return row[0] if row else None

    def latest(self, name: str, country: str | None, entry_ids: Sequence[str]) -> dict[str, dict]:
        """The newest decision per entry id for this counterparty."""
        if not entry_ids:
            return {}
        ids = list(dict.fromkeys(entry_ids))
        rows = connection(self.store).execute(
            f"select {', '.join(_COLUMNS)} from decisions where fingerprint = ?"
            f" and entry_id in ({', '.join('?' for _ in ids)}) order by id",
            [fingerprint(name, country), *ids]).fetchall()
        out: dict[str, dict] = {}
        for r in rows:  # ascending id: the last one per entry wins
            d = dict(zip(_COLUMNS, r))
            out[d["entry_id"]] = d
        return out

    def history(self, entry_id: str | None = None, limit: int = 200) -> list[dict]:
        """Recent decisions, newest first (all, or those on one entry)."""
        sql = f"select {', '.join(_COLUMNS)} from decisions"
        params: list = []
        if entry_id:
            sql += " where entry_id = ?"
            params.append(entry_id)
        rows = connection(self.store).execute(
            sql + " order by id desc limit ?", [*params, limit]).fetchall()
        return [dict(zip(_COLUMNS, r)) for r in rows]

    # ------------------------------------------------------------------ apply
    def apply(self, name: str, country: str | None, hits: list[Hit],
              as_of: date | None = None) -> tuple[list[Hit], list[dict]]:
        """Drop hits a valid false-positive decision cleared; note the others.

        Returns ``(hits, cleared)``. ``cleared`` holds one dict per decision that
        was looked at: ``status`` is ``cleared`` (hit removed), ``reopened`` (the
        entry changed since the decision: hit raised again) or ``expired``.
        A true-match decision keeps the hit and adds a line to its explanation.
        Expiry is judged against today's date, not ``as_of``: a decision is an
        operational fact about when a reviewer looked.
        """
        if not hits:
            return hits, []
        decided = self.latest(name, country, [h.entry.id for h in hits])
        if not decided:
            return hits, []
        today = self.today().isoformat()
        kept: list[Hit] = []
        notes: list[dict] = []
        for hit in hits:
            d = decided.get(hit.entry.id)
            if d is None:
                kept.append(hit)
                continue
            on = (d["created_at"] or "")[:10]
            info = {"entry_id": hit.entry.id, "name": hit.entry.name,
                    "matched_name": hit.matched_name, "decision": d["decision"],
                    "by": d["user"], "on": on, "reason": d["reason"],
                    "expires_on": d["expires_on"], "decision_id": d["id"]}
            if d["decision"] == "true_match":
                kept.append(_annotated(hit, f"reviewed: true match (by {d['user']} on {on})"))
                continue
            if d["expires_on"] and d["expires_on"] < today:
                note = f"expired: false-positive decision of {on} expired on {d['expires_on']}"
                notes.append({**info, "status": "expired", "note": note})
                kept.append(_annotated(hit, note))
            elif self.current_hash(hit.entry.id) != d["entry_hash"]:
                note = f"reopened: entry changed since decision of {on}"
                notes.append({**info, "status": "reopened", "note": note})
                kept.append(_annotated(hit, note))
            else:
                notes.append({**info, "status": "cleared",
                              "note": f"cleared by {d['user']} on {on}"})
        return kept, notes


def _annotated(hit: Hit, line: str) -> Hit:
    """A copy of ``hit`` with one more explanation line (the matcher's object is not mutated)."""
    return dataclasses.replace(hit, explanation=[*hit.explanation, line])
