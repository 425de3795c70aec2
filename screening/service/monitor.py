"""Monitored counterparties: a customer base screened when added and kept up to date.

A counterparty is a validated party (the request model: name, country, aliases,
address, schema, owners, transaction context) plus a CRM reference. Adding one
screens it at once through the core (``Screener.check``) and puts the screening
on record (``via="monitor"``). Each counterparty keeps its last result (the full
result dict, outcome, list versions, as-of, result hash, audit ref), a history
row whenever its answer changed, and what :mod:`screening.service.rescreen`
needs to decide cheaply whether a later list change or date can change it: the
entry ids its result rests on (``counterparty_keys``) and the window of days
over which it cannot change by the date alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screening import settings
from screening.errors import Invalid, NotFound
from screening.lists.store import Store, utcnow
from screening.rules.owners import name_key
from screening.service.audit import AuditLog, AuditSink, record_screenings, result_hash
from screening.service.request import from_json
from screening.text import ascii_digits

#: ``via`` of every screening monitoring puts on record.
VIA = "monitor"

#: Columns of a counterparty as :meth:`Monitor.rows` returns it (the result is loaded apart).
COLUMNS = ("id", "name", "country", "ref", "request", "added_at", "added_by", "active",
           "removed_at", "outcome", "list_versions", "as_of", "result_sha256", "audit_ref",
           "screened_at", "checked_versions", "valid_from", "valid_until")


def dump(value: Any) -> str:
    """Canonical JSON for the stored columns."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def basis_token(store: Store) -> str:
    """What a result rests on besides the lists: the rules file and the ownership edges.
    When it changes, every counterparty is re-screened."""
    rules = hashlib.sha256(Path(settings.RULES_FILE).read_bytes()).hexdigest()[:16]
    rel = store.db.execute("select count(*), coalesce(max(id), 0) from relationships").fetchone()
    return dump([rules, list(rel)])


def party_of(data: dict) -> dict:
    """A counterparty's party, validated by the request model (422 naming the field).

    ``as_of`` is not kept: a monitored party is screened as of the day it is screened.
    """
    party = from_json({k: v for k, v in data.items() if v not in (None, "", [], (), {})},
                      where="counterparty")
    party.pop("as_of", None)
    return party


def check_kwargs(party: dict) -> tuple[str, dict]:
    """(name, ``Screener.check`` keywords) of a stored party (aliases as a tuple)."""
    return party["name"], {k: tuple(v) if k == "aliases" else v
                           for k, v in party.items() if k != "name"}


def result_keys(party: dict, result: dict) -> set[str]:
    """What a result rests on: every entry id it names, and the party's own name key
    (the ownership graph's node for an unlisted party)."""
    keys = {name_key(party["name"])}
    for section in ("hits", "cleared", "affiliates", "findings"):
        for item in result.get(section) or []:
            if item.get("entry_id"):
                keys.add(item["entry_id"])
            for path in [item.get("path") or [], *(item.get("paths") or [])]:
                keys.update(step["entity"] for step in path if step.get("entity"))
    return keys


def result_signature(result: dict) -> str:
    """What counts as a change of answer: the outcome and each finding that decides it."""
    findings = sorted({finding_key(f) for f in result.get("findings") or []})
    return dump([result.get("outcome"), findings])


def finding_key(f: dict) -> str:
    """One finding, as alerts compare them: rule, listed entry, outcome, status."""
    return " ".join(str(f.get(k) or "-") for k in ("rule", "entry_id", "outcome", "status"))


@dataclass
class Screened:
    """One counterparty's fresh answer, before it is stored."""

    id: int
    party: dict
    result: dict
    audit_ref: str


class Monitor:
    """The counterparties of one store. ``sink`` receives the audit records (default:
    the store's audit log, written synchronously)."""

    def __init__(self, store: Store, sink: AuditSink | None = None) -> None:
        self.store = store
        self.sink = sink or AuditLog(store)

    # ------------------------------------------------------------ screening
    def screen(self, screener: Any, items: Sequence[tuple[int, dict]], user: str, *,
               as_of: str | None = None) -> list[Screened]:
        """Screen ``(id, party)`` pairs and put every screening on record (via ``monitor``)."""
        results = []
        for _, party in items:
            name, kwargs = check_kwargs(party)
            results.append(screener.check(name, as_of=as_of, **kwargs).to_dict())
        refs = record_screenings(self.sink, user, via=VIA, results=results) if results else []
        return [Screened(i, p, r, ref) for (i, p), r, ref in zip(items, results, refs)]

    # ------------------------------------------------------------------ add
    def add(self, screener: Any, party: dict, user: str, *, ref: str | None = None,
            as_of: str | None = None, window: Any = None) -> dict:
        """Monitor one party (validated with :func:`party_of`) and screen it now.

        A ``ref`` already monitored updates that counterparty; the same name and
        country without a ref are refused as already monitored.
        """
        return self.add_many(screener, [(party, ref)], user, as_of=as_of, window=window)[0]

    def add_many(self, screener: Any, items: Iterable[tuple[dict, str | None]], user: str, *,
                 as_of: str | None = None, window: Any = None,
                 skipped: list[tuple[int, str]] | None = None) -> list[dict]:
        """Monitor many parties in one transaction; returns each counterparty (with ``result``).

        With ``skipped``, a party already monitored is listed there as (its index in
        ``items``, why) instead of refusing them all.
        """
        now = utcnow()
        conn = self.store.db.conn
        pending: list[tuple[int, dict]] = []
        with conn:
            for n, (party, ref) in enumerate(items):
                try:
                    pending.append((self._upsert(conn, party, ref or None, user, now), party))
                except Invalid as exc:
                    if skipped is None:
                        raise
                    skipped.append((n, exc.message))
        screened = self.screen(screener, pending, user, as_of=as_of)
        if window is None:
            from screening.service.affected import date_window

            window = date_window(screener.rulebook, screener.entries.get)
        self.save(screened, screener.list_versions, window=window, reason="added")
        return [{**self.get(s.id), "result": s.result} for s in screened]

    def _upsert(self, conn: Any, party: dict, ref: str | None, user: str, now: str) -> int:
        """The id of the counterparty for ``party``: updated when its ref is monitored."""
        country = party.get("country")
        if ref:
            row = conn.execute("select id from counterparties where ref = ? and +active = 1",
                               [ref]).fetchone()  # +active: look up by the ref index
            if row:
                conn.execute("update counterparties set name = ?, country = ?, request = ?"
                             " where id = ?", [party["name"], country, dump(party), row[0]])
                return int(row[0])
        else:
            row = conn.execute(
                "select id from counterparties where name = ? and +active = 1 and ref is null"
                " and coalesce(country, '') = ?", [party["name"], country or ""]).fetchone()
            if row:
                raise Invalid(f"{party['name']!r} is already monitored (counterparty {row[0]}); "
                              "give a --ref to monitor it twice")
        cur = conn.execute(
            "insert into counterparties (name, country, ref, request, added_at, added_by, active)"
            " values (?, ?, ?, ?, ?, ?, 1)", [party["name"], country, ref, dump(party), now, user])
        return int(cur.lastrowid)

    # ----------------------------------------------------------------- save
    def save(self, screened: Sequence[Screened], versions: dict, *, window: Any = None,
             reason: str) -> list[tuple[Screened, dict]]:
        """Store fresh answers as the counterparties' last results, in one transaction.

        A history row is written when the answer changed (or is the first);
        returns ``(screened, previous result or None)`` for those whose outcome changed.
        ``window(result) -> (valid_from, valid_until)`` bounds the days the result holds.
        """
        conn = self.store.db.conn
        changed: list[tuple[Screened, dict]] = []
        checked, basis = dump(versions), basis_token(self.store)
        with conn:
            for s in screened:
                row = conn.execute("select result from counterparties where id = ?",
                                   [s.id]).fetchone()
                old = json.loads(row[0]) if row and row[0] else None
                r = s.result
                sha = result_hash(r)
                lo, hi = window(r) if window else (None, None)
                conn.execute(
                    "update counterparties set result = ?, outcome = ?, list_versions = ?,"
                    " as_of = ?, result_sha256 = ?, audit_ref = ?, screened_at = ?,"
                    " checked_versions = ?, basis = ?, valid_from = ?, valid_until = ?"
                    " where id = ?",
                    [dump(r), r["outcome"], dump(r.get("list_versions") or {}), r.get("as_of"),
                     sha, s.audit_ref, utcnow(), checked, basis, lo, hi, s.id])
                conn.execute("delete from counterparty_keys where counterparty_id = ?", [s.id])
                conn.executemany("insert into counterparty_keys (counterparty_id, key) values (?, ?)",
                                 [(s.id, k) for k in sorted(result_keys(s.party, r))])
                if old is None or result_signature(old) != result_signature(r):
                    conn.execute(
                        "insert into counterparty_results (counterparty_id, outcome, result,"
                        " list_versions, as_of, result_sha256, audit_ref, screened_at, reason)"
                        " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [s.id, r["outcome"], dump(r), dump(r.get("list_versions") or {}),
                         r.get("as_of"), sha, s.audit_ref, utcnow(), reason])
                if old is not None and old.get("outcome") != r["outcome"]:
                    changed.append((s, old))
        return changed

    # ----------------------------------------------------------------- read
    def rows(self, *, active: bool = True, q: str | None = None, limit: int | None = None,
             offset: int = 0) -> list[dict]:
        """Counterparties, newest first (``q``: name or ref contains)."""
        sql = f"select {', '.join(COLUMNS)} from counterparties where 1 = 1"
        params: list[Any] = []
        if active:
            sql += " and active = 1"
        if q:
            sql += " and (name like ? or ref like ?)"
            params += [f"%{q}%", f"%{q}%"]
        sql += " order by id desc"
        if limit is not None:
            sql += " limit ? offset ?"
            params += [limit, offset]
        return [_row(r) for r in self.store.db.execute(sql, params).fetchall()]

    def parties(self) -> list[tuple[int, dict]]:
        """(id, party) of every active counterparty, by id."""
        rows = self.store.db.execute(
            "select id, request from counterparties where active = 1 order by id").fetchall()
        return [(int(i), json.loads(r)) for i, r in rows]

    def count(self, *, active: bool = True) -> int:
        sql = "select count(*) from counterparties" + (" where active = 1" if active else "")
        return int(self.store.db.execute(sql).fetchone()[0])

    def get(self, cp_id: int) -> dict:
        """One counterparty (without its result); 404 when there is none."""
        row = self.store.db.execute(
            f"select {', '.join(COLUMNS)} from counterparties where id = ?", [cp_id]).fetchone()
        if row is None:
            raise NotFound(f"no counterparty {cp_id}")
        return _row(row)

    def result(self, cp_id: int) -> dict | None:
        """The last result dict of a counterparty."""
        row = self.store.db.execute("select result from counterparties where id = ?",
                                    [cp_id]).fetchone()
        if row is None:
            raise NotFound(f"no counterparty {cp_id}")
        return json.loads(row[0]) if row[0] else None

    def history(self, cp_id: int) -> list[dict]:
        """Every stored change of answer of a counterparty, oldest first (without results)."""
        cols = ("id", "outcome", "list_versions", "as_of", "result_sha256", "audit_ref",
                "screened_at", "reason")
        rows = self.store.db.execute(
            f"select {', '.join(cols)} from counterparty_results where counterparty_id = ?"
            " order by id", [cp_id]).fetchall()
        return [{**dict(zip(cols, r)), "list_versions": json.loads(r[2] or "{}")} for r in rows]

    def find(self, id_or_ref: str) -> dict:
        """An active counterparty by id (digits) or by CRM ref."""
        row = self.store.db.execute(
            "select id from counterparties where ref = ? and +active = 1", [id_or_ref]).fetchone()
        if row is None and ascii_digits(id_or_ref):
            row = self.store.db.execute("select id from counterparties where id = ? and active = 1",
                                        [int(id_or_ref)]).fetchone()
        if row is None:
            raise NotFound(f"no monitored counterparty with id or ref {id_or_ref!r}")
        return self.get(int(row[0]))

    # --------------------------------------------------------------- remove
    def remove(self, id_or_ref: str) -> dict:
        """Stop monitoring a counterparty (kept, with its history, as inactive)."""
        cp = self.find(id_or_ref)
        with self.store.db.conn as conn:
            conn.execute("update counterparties set active = 0, removed_at = ? where id = ?",
                         [utcnow(), cp["id"]])
            conn.execute("delete from counterparty_keys where counterparty_id = ?", [cp["id"]])
        return {**cp, "active": 0}


def _row(r: Sequence[Any]) -> dict:
    d = dict(zip(COLUMNS, r))
    for k in ("request", "list_versions", "checked_versions"):
        d[k] = json.loads(d[k]) if d[k] else None
    d["active"] = bool(d["active"])
    return d
