"""The review queue: every REVIEW answer, from any door, waits here for a person.

rules.md §8.2: "**REVIEW** | potential match or unresolved risk; human decision".
This module is where that human decision is taken and kept.

:func:`enqueue` runs inside the audit transaction of each screening
(:func:`screening.service.history.keep`), so a REVIEW answer from the UI, the
API, the CLI, a bulk file's row or monitoring opens, or refreshes, exactly one
item per (party fingerprint, entry ids): screening the same party again does
not open a duplicate; an item whose evidence changed (other hits, scores or
findings) is refreshed, and a closed one reopened.

Reviewers assign, comment and decide: ``true_match``, ``false_positive`` or
``escalate``. A true match or false positive is recorded through
:class:`screening.service.decisions.DecisionBook` on each hit of the item, so
later screenings apply it (and show it under ``cleared``). **Four eyes**
(``SCREENING_FOUR_EYES``, on by default): clearing as a false positive a
potential match whose outcome would be PROHIBITED or PRESUMPTION_OF_DENIAL
leaves the item ``pending`` until a second, different reviewer confirms it.
Every assignment, comment and decision is an audit record.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from screening import settings
from screening.connections import connection
from screening.errors import Forbidden, Invalid, NotFound
from screening.lists.store import Store, utcnow
from screening.rules.findings import OUTCOMES
from screening.service.audit import AuditSink, Event, decision_event
from screening.service.decisions import MAX_REASON, DecisionBook, fingerprint, normalize_name

#: What a reviewer can decide on an item.
DECISIONS = ("true_match", "false_positive", "escalate")

#: Item states: ``pending`` waits for a second reviewer's confirmation.
STATUSES = ("open", "pending", "escalated", "closed")

#: ``status`` filters: ``open`` = not closed (the default: what still needs someone),
#: ``new`` = undecided, ``pending``, ``escalated``, ``closed``, ``all``.
STATUS_FILTERS = {"open": ("open", "pending", "escalated"), "new": ("open",),
                  "pending": ("pending",), "escalated": ("escalated",), "closed": ("closed",),
                  "all": STATUSES}

#: Potential outcomes whose clearing needs four eyes.
FOUR_EYES_OUTCOMES = ("PROHIBITED", "PRESUMPTION_OF_DENIAL")

COLUMNS = ("id", "fingerprint", "entry_key", "name", "country", "status", "would_be", "regimes",
           "lists", "top_score", "evidence", "evidence_hash", "audit_ref", "via", "opened_at",
           "updated_at", "screenings", "assignee", "first_by", "first_reason", "decision",
           "decided_by", "decided_at")


def _severest(outcomes: Iterable[str | None]) -> str | None:
    """The most severe outcome of ``outcomes`` in the rules' lattice (None when none)."""
    ranked = [o for o in outcomes if o in OUTCOMES]
    return min(ranked, key=OUTCOMES.index) if ranked else None


def evidence_of(result: Mapping[str, Any], audit_ref: str, via: str | None) -> dict:
    """What a reviewer needs from one REVIEW answer: hits, material findings, where it came from."""
    findings = [f for f in result.get("findings") or [] if f.get("outcome") != "CLEAR"]
    return {"hits": list(result.get("hits") or []), "findings": findings,
            "outcome": result.get("outcome"), "as_of": result.get("as_of"),
            "after_horizon": result.get("after_horizon"), "query": result.get("query") or {},
            "list_versions": result.get("list_versions"), "audit_ref": audit_ref, "via": via}


def evidence_hash(evidence: Mapping[str, Any]) -> str:
    """What makes evidence "the same": hits with their scores, findings with their outcomes."""
    key = [sorted((h.get("entry_id"), round(float(h.get("score") or 0), 3), h.get("strength"))
                  for h in evidence["hits"]),
           sorted((f.get("rule"), f.get("outcome"), f.get("would_be"), f.get("entry_id") or "",
                   f.get("status") or "") for f in evidence["findings"])]
    return hashlib.sha256(json.dumps(key, default=str).encode()).hexdigest()


def entry_ids(evidence: Mapping[str, Any]) -> list[str]:
    """The entries an item is about: its hits, else the entries its findings name (owners)."""
    ids = [h["entry_id"] for h in evidence["hits"] if h.get("entry_id")]
    if not ids:
        ids = [f["entry_id"] for f in evidence["findings"] if f.get("entry_id")]
    return sorted(set(ids))


def _item_fields(evidence: dict) -> dict:
    """The columns derived from the evidence."""
    review = [f for f in evidence["findings"] if f.get("outcome") == "REVIEW"]
    return {"would_be": _severest(f.get("would_be") for f in review),
            "regimes": ",".join(sorted({f.get("regime") or "" for f in evidence["findings"]} - {""})),
            "lists": ",".join(sorted({h.get("list") or "" for h in evidence["hits"]} - {""})),
            "top_score": max((float(h.get("score") or 0) for h in evidence["hits"]), default=None),
            "evidence": json.dumps(evidence, ensure_ascii=False, sort_keys=True, default=str),
            "evidence_hash": evidence_hash(evidence)}


def enqueue(conn: sqlite3.Connection, answers: list[tuple[dict, dict]]) -> None:
    """Open or refresh the queue item of each REVIEW answer (in the caller's transaction).

    ``answers``: (result dict, its history row with ``audit_ref``, ``at``, ``user``, ``via``).
    """
    for result, row in answers:
        query = result.get("query") or {}
        evidence = evidence_of(result, row["audit_ref"], row.get("via"))
        fields = _item_fields(evidence)
        fp = fingerprint(query.get("name") or "", query.get("country"))
        key = ",".join(entry_ids(evidence))
        found = conn.execute(f"select {', '.join(COLUMNS)} from reviews where fingerprint = ? "
                             "and entry_key = ? order by id desc limit 1", [fp, key]).fetchone()
        if found is None:
            _open(conn, {"fingerprint": fp, "entry_key": key, "name": query.get("name"),
                         "country": query.get("country"), **fields}, row)
        else:
            _refresh(conn, dict(zip(COLUMNS, found)), fields, row)


def _open(conn: sqlite3.Connection, item: dict, row: dict) -> None:
    """A new open item."""
    item.update(status="open", audit_ref=row["audit_ref"], via=row.get("via"),
                opened_at=row["at"], updated_at=row["at"], screenings=1)
    cur = conn.execute(f"insert into reviews ({', '.join(item)}) values "
                       f"({', '.join('?' for _ in item)})", list(item.values()))
    _event(conn, cur.lastrowid, row["user"], "opened",
           f"from {row.get('via')} screening {row['audit_ref']}")


def _refresh(conn: sqlite3.Connection, item: dict, fields: dict, row: dict) -> None:
    """The same party and entries screened again: count it; new evidence refreshes or reopens.

    A pending clearance is withdrawn when the evidence changes: the second reviewer
    would otherwise confirm what the first one never saw.
    """
    changed = item["evidence_hash"] != fields["evidence_hash"]
    update: dict[str, Any] = {"screenings": (item["screenings"] or 0) + 1}
    if changed or item["status"] != "closed":
        update.update(audit_ref=row["audit_ref"], via=row.get("via"), updated_at=row["at"])
    # the same evidence (most re-screenings) is not written again
    if changed and item["status"] in ("closed", "pending"):
        update.update(fields, status="open", first_by=None, first_reason=None, decision=None,
                      decided_by=None, decided_at=None)
        undone = "first clearance withdrawn" if item["status"] == "pending" else "decision reopened"
        _event(conn, item["id"], row["user"], "reopened",
               f"evidence changed (screening {row['audit_ref']}); {undone}")
    elif changed:
        update.update(fields)
        _event(conn, item["id"], row["user"], "refreshed",
               f"evidence changed (screening {row['audit_ref']})")
    conn.execute(f"update reviews set {', '.join(f'{k} = ?' for k in update)} where id = ?",
                 [*update.values(), item["id"]])


def _event(conn: sqlite3.Connection, review_id: int | None, user: str, kind: str,
           text: str | None) -> None:
    conn.execute("insert into review_events (review_id, at, user, kind, text) values (?,?,?,?,?)",
                 [review_id, utcnow(), user, kind, text])


def _public(item: dict) -> dict:
    """An item as the API and pages show it (evidence decoded, fingerprint kept)."""
    out = dict(item)
    out["evidence"] = json.loads(out["evidence"] or "{}")
    out["entry_ids"] = [e for e in (out.pop("entry_key") or "").split(",") if e]
    out["needs_second"] = out["status"] == "pending"
    return out


class ReviewQueue:
    """The review queue of one store; decisions go through ``decisions`` and ``sink`` (audit)."""

    def __init__(self, store: Store, sink: AuditSink, decisions: DecisionBook | None = None) -> None:
        self.store = store
        self.sink = sink
        self.decisions = decisions or DecisionBook(store)

    # ------------------------------------------------------------------ read
    def search(self, filters: Mapping[str, Any] | None = None, limit: int = 500) -> list[dict]:
        """Items, most recently updated first. Filters (all optional): ``q`` (name
        substring), ``status`` (open [default: not closed], new, pending, escalated, closed, all),
        ``list``, ``regime``, ``min_score``, ``max_score``, ``min_age_days``,
        ``max_age_days``, ``assignee`` (``none`` for unassigned)."""
        f = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
        status = str(f.get("status") or "open")
        if status not in STATUS_FILTERS:
            raise Invalid(f"status must be one of {', '.join(STATUS_FILTERS)}, not {status!r}")
        states = STATUS_FILTERS[status]
        conds = [f"status in ({', '.join('?' for _ in states)})"]
        params: list[Any] = list(states)
        if f.get("q") and normalize_name(str(f["q"])):
            conds.append("fingerprint like ?")
            params.append("%" + normalize_name(str(f["q"])) + "%|%")
        if f.get("list"):
            conds.append("(',' || lists || ',') like ?")
            params.append(f"%,{f['list']},%")
        if f.get("regime"):
            conds.append("(',' || regimes || ',') like ?")
            params.append(f"%,{str(f['regime']).upper()},%")
        for key, op in (("min_score", ">="), ("max_score", "<=")):
            if key in f:
                conds.append(f"top_score {op} ?")
                params.append(_number(f[key], key))
        now = datetime.now(timezone.utc)
        for key, op in (("min_age_days", "<="), ("max_age_days", ">=")):
            if key in f:
                conds.append(f"opened_at {op} ?")
                params.append((now - timedelta(days=_number(f[key], key))).isoformat())
        if f.get("assignee"):
            if f["assignee"] == "none":
                conds.append("assignee is null")
            else:
                conds.append("assignee = ?")
                params.append(f["assignee"])
        rows = connection(self.store).execute(
            f"select {', '.join(COLUMNS)} from reviews where {' and '.join(conds)} "
            "order by updated_at desc, id desc limit ?", [*params, limit]).fetchall()
        return [_public(dict(zip(COLUMNS, r))) for r in rows]

    def for_party(self, name: str, country: str | None) -> list[dict]:
        """Every item of one counterparty (any status), newest first, with its trail.

        For whoever shows a party's review history next to a result (the PDF record).
        """
        rows = connection(self.store).execute(
            "select id from reviews where fingerprint = ? order by id desc",
            [fingerprint(name, country)]).fetchall()
        return [self.get(r[0]) for r in rows]

    def get(self, review_id: int | str) -> dict:
        """One item with its trail (``events``, oldest first); NotFound when there is none."""
        rid = _id(review_id)
        conn = connection(self.store)
        row = conn.execute(f"select {', '.join(COLUMNS)} from reviews where id = ?",
                           [rid]).fetchone()
        if row is None:
            raise NotFound(f"no review item {review_id}")
        item = _public(dict(zip(COLUMNS, row)))
        item["events"] = [dict(zip(("at", "user", "kind", "text"), r)) for r in conn.execute(
            "select at, user, kind, text from review_events where review_id = ? order by id",
            [rid])]
        return item

    # ----------------------------------------------------------------- write
    def comment(self, review_id: int | str, user: str, text: str, *, via: str) -> dict:
        """Add a comment (audited)."""
        text = _text(text, "comment")
        item = self.get(review_id)
        self._write(item, user, "comment", text, via=via)
        return self.get(item["id"])

    def assign(self, review_id: int | str, user: str, assignee: str | None, *, via: str) -> dict:
        """Assign the item to ``assignee`` (None or "" unassigns); audited."""
        item = self.get(review_id)
        assignee = (assignee or "").strip() or None
        self._write(item, user, "assign", assignee or "(nobody)", via=via,
                    update={"assignee": assignee})
        return self.get(item["id"])

    def decide(self, review_id: int | str, user: str, decision: str, reason: str, *,
               via: str, expires_on: str | None = None) -> dict:
        """Decide the item: ``true_match``, ``false_positive`` or ``escalate``.

        A false positive on a potential PROHIBITED / PRESUMPTION_OF_DENIAL match
        (the item's ``would_be``) first goes ``pending`` when four eyes are on;
        the same decision by a different reviewer confirms it. The reviewer who
        cleared it cannot confirm it (Forbidden). A true match or a confirmed
        false positive is recorded in the DecisionBook for each hit's entry.
        """
        if decision not in DECISIONS:
            raise Invalid(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
        reason = _text(reason, "reason")
        item = self.get(review_id)
        if item["status"] == "closed":
            raise Invalid(f"review item {item['id']} is already decided ({item['decision']}); "
                          "it reopens when its evidence changes")
        now = utcnow()
        if decision == "escalate":
            self._write(item, user, "escalate", reason, via=via, update={"status": "escalated"})
            return self.get(item["id"])
        four_eyes = (decision == "false_positive" and settings.FOUR_EYES
                     and item["would_be"] in FOUR_EYES_OUTCOMES)
        if four_eyes and item["status"] != "pending":
            self._write(item, user, "cleared-first", reason, via=via,
                        update={"status": "pending", "first_by": user, "first_reason": reason})
            return self.get(item["id"])
        if four_eyes and item["first_by"] == user:
            raise Forbidden(f"four eyes: {user} cleared review item {item['id']} and cannot also "
                            "confirm it; a second, different reviewer must")
        recorded = self._record(item, decision, reason, user, expires_on)
        kind = "confirmed" if four_eyes else decision
        self._write(item, user, kind, reason, via=via, extra=[decision_event(d, via=via)
                                                               for d in recorded],
                    update={"status": "closed", "decision": decision, "decided_by": user,
                            "decided_at": now})
        return self.get(item["id"])

    def _record(self, item: dict, decision: str, reason: str, user: str,
                expires_on: str | None) -> list[dict]:
        """The DecisionBook records of a decision on each hit of the item."""
        hits = [h["entry_id"] for h in item["evidence"].get("hits", [])]
        if item["first_by"] and item["first_by"] != user and decision == "false_positive":
            reason = f"{reason} (four eyes: cleared by {item['first_by']}: {item['first_reason']})"
        return [self.decisions.record(item["name"], item["country"], entry_id, decision,
                                      reason[:MAX_REASON], user, expires_on=expires_on)
                for entry_id in dict.fromkeys(hits)]

    def _write(self, item: dict, user: str, kind: str, text: str, *, via: str,
               update: dict | None = None, extra: Sequence[Event] = ()) -> None:
        """Change the item, add to its trail, and put it on the audit record."""
        check = getattr(self.sink, "check", None)
        if check is not None:
            check()  # nothing is changed that could not be put on record
        conn = connection(self.store)
        with conn:
            if update:
                conn.execute(f"update reviews set {', '.join(f'{k} = ?' for k in update)}, "
                             "updated_at = ? where id = ?",
                             [*update.values(), utcnow(), item["id"]])
            _event(conn, item["id"], user, kind, text)
        event = Event(action="review", user=user, subject=item["name"], outcome=kind,
                      detail={"via": via, "review_id": item["id"], "text": text,
                              "entry_ids": item["entry_ids"], "would_be": item["would_be"],
                              **({"update": update} if update else {})})
        self.sink.submit([event, *extra], wait=True)


def _id(value: int | str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise NotFound(f"no review item {value!r}") from None


def _number(value: Any, what: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise Invalid(f"{what} must be a number, not {value!r}") from None


def _text(value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise Invalid(f"a {what} is required")
    if len(text) > MAX_REASON:
        raise Invalid(f"{what} is {len(text)} characters; at most {MAX_REASON}")
    return text
