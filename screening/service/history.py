"""Screening history: every answer kept as it was given, to search and open later.

:func:`keep` is called by :class:`screening.service.audit.AuditLog` inside the
transaction that appends the audit records, for every event that carries answers
(``Event.keep``), so whatever door screened (UI, API, CLI, bulk, monitoring: all
go through :func:`screening.service.audit.record_screenings`), its answer is in
the history exactly when its audit record is in the log. The result dict is
stored as zlib-compressed canonical JSON whose sha256 is the record's
``result_sha256``: :meth:`History.get` checks it when an answer is opened.

A bulk file is one audit record: its history keeps one ``bulk`` row (the file,
its counts and the sha256 of the output file, which proves every row's answer)
plus one ``bulk-row`` per non-CLEAR row with its full result. CLEAR rows are
not stored one by one (a 100,000-row file stays one insert plus its flagged rows).

Who sees what: reviewers and admins see every screening, screeners their own
(:func:`visible_to`).
"""

from __future__ import annotations

import csv
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import IO, Any

from screening.connections import connection
from screening.errors import Invalid, NotFound
from screening.lists.store import Store
from screening.service.accounts import User
from screening.service.audit import Event, result_hash, result_json
from screening.service.decisions import normalize_name

#: Columns of a history row returned by searches (the result itself is opened with ``get``).
COLUMNS = ("id", "audit_ref", "at", "user", "via", "kind", "row", "name", "country", "outcome",
           "as_of", "list_versions", "result_sha256")

#: Columns of ``screening history --csv`` and the UI's CSV export.
CSV_COLUMNS = ("at", "user", "via", "kind", "name", "country", "outcome", "as_of", "audit_ref",
               "row", "result_sha256")

#: Rows one search returns at most.
MAX_ROWS = 1000


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)  # fast; ~3x smaller


def _unpack(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


def _screen_row(ev: Event, result: dict) -> dict:
    """The history row of one screening event."""
    query = result.get("query") or {}
    text = result_json(result)
    detail = ev.detail or {}
    return {"audit_ref": ev.ref, "at": ev.at, "user": ev.user, "via": detail.get("via"),
            "kind": "screen", "row": None, "name": query.get("name"),
            "name_key": normalize_name(query.get("name") or ""), "country": query.get("country"),
            "outcome": result.get("outcome"), "as_of": result.get("as_of"),
            "list_versions": json.dumps(result.get("list_versions"), sort_keys=True),
            "result_sha256": detail.get("result_sha256") or result_hash(text),
            "result": _pack(text)}


def _bulk_rows(ev: Event, flagged: Iterable[list]) -> tuple[list[dict], list[dict]]:
    """The file row and one row per flagged (non-CLEAR) bulk row; and the flagged results."""
    detail = ev.detail or {}
    via = detail.get("via")
    versions = json.dumps(ev.list_versions, sort_keys=True)
    rows = [{"audit_ref": ev.ref, "at": ev.at, "user": ev.user, "via": via, "kind": "bulk",
             "row": None, "name": ev.subject, "name_key": normalize_name(ev.subject or ""),
             "country": None, "outcome": None, "as_of": ev.as_of, "list_versions": versions,
             "result_sha256": detail.get("output_sha256"),
             "result": _pack(json.dumps({**detail, "ref": ev.ref}, sort_keys=True))}]
    results = []
    for line, text in flagged:
        result = json.loads(text)
        results.append(result)
        query = result.get("query") or {}
        rows.append({**rows[0], "kind": "bulk-row", "row": int(line), "name": query.get("name"),
                     "name_key": normalize_name(query.get("name") or ""),
                     "country": query.get("country"), "outcome": result.get("outcome"),
                     "as_of": result.get("as_of"), "result_sha256": result_hash(text),
                     "result": _pack(text)})
    return rows, results


def keep(conn: sqlite3.Connection, events: list[Event]) -> None:
    """Store the answers the events carry, in the caller's (the audit's) transaction.

    Every REVIEW answer also opens or refreshes its review-queue item
    (:func:`screening.service.reviews.enqueue`).
    """
    from screening.service.reviews import enqueue

    rows: list[dict] = []
    review: list[tuple[dict, dict]] = []  # (result, its history row)
    for ev in events:
        keep_ = ev.keep or {}
        if "result" in keep_:
            row = _screen_row(ev, keep_["result"])
            rows.append(row)
            review.append((keep_["result"], row))
        elif "rows" in keep_:
            more, results = _bulk_rows(ev, keep_["rows"])
            rows.extend(more)
            review.extend(zip(results, more[1:]))
    if rows:
        cols = list(rows[0])
        conn.executemany(f"insert into history ({', '.join(cols)}) values "
                         f"({', '.join('?' for _ in cols)})", [[r[c] for c in cols] for r in rows])
    enqueue(conn, [(res, row) for res, row in review if res.get("outcome") == "REVIEW"])


def visible_to(user: User | None) -> str | None:
    """Whose screenings ``user`` may see: None for all (reviewer, admin), else their own label.

    A compliance product: the people who decide on hits must see every
    screening; a screener sees the screenings made under their own name.
    """
    if user is None or user.can("reviewer"):
        return None
    return user.label


@dataclass
class Search:
    """A history search; every field optional. Dates are ISO days, ``until`` inclusive."""

    name: str | None = None
    since: str | None = None
    until: str | None = None
    user: str | None = None
    outcome: str | None = None
    via: str | None = None
    limit: int = 200

    @classmethod
    def from_args(cls, args: Any) -> "Search":
        """From a mapping of query parameters / CLI options (unknown keys ignored)."""
        limit = args.get("limit") or 200
        try:
            limit = int(limit)
        except (TypeError, ValueError):
            raise Invalid(f"limit must be a whole number, not {limit!r}") from None
        return cls(**{k: (args.get(k) or None) for k in
                      ("name", "since", "until", "user", "outcome", "via")},
                   limit=max(1, min(limit, MAX_ROWS)))

    def where(self, only_user: str | None) -> tuple[str, list]:
        """SQL condition and parameters."""
        conds, params = [], []
        if self.name and normalize_name(self.name):
            needle = normalize_name(self.name).replace("\\", "\\\\").replace("%", "\\%")
            conds.append("name_key like ? escape '\\'")
            params.append("%" + needle.replace("_", "\\_") + "%")
        if self.since:
            conds.append("at >= ?")
            params.append(_day(self.since, "since").isoformat())
        if self.until:
            conds.append("at < ?")
            params.append((_day(self.until, "until") + timedelta(days=1)).isoformat())
        for col, value in (("user", self.user), ("outcome", self.outcome), ("via", self.via)):
            if value:
                conds.append(f"{col} = ?")
                params.append(value.upper() if col == "outcome" else value)
        if only_user is not None:
            conds.append("user = ?")
            params.append(only_user)
        return (" where " + " and ".join(conds)) if conds else "", params


def _day(value: str, what: str) -> date:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise Invalid(f"{what} must be a date like 2026-12-05, not {value!r}") from None


class History:
    """The screening history of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def search(self, search: Search, *, only_user: str | None = None) -> list[dict]:
        """Matching history rows, newest first (without the stored results)."""
        where, params = search.where(only_user)
        cur = connection(self.store).execute(
            f"select {', '.join(COLUMNS)} from history{where} order by id desc limit ?",
            [*params, search.limit])
        return [_row(dict(zip(COLUMNS, r))) for r in cur]

    def get(self, audit_ref: str, row: int | None = None, *,
            only_user: str | None = None) -> dict:
        """One kept answer: the history row plus ``result`` (the dict as answered).

        A bulk file's row also lists its ``flagged`` rows. Raises NotFound (also
        for a screening the viewer may not see) and Invalid when the stored answer
        no longer matches its recorded sha256.
        """
        sql = f"select {', '.join(COLUMNS)}, result from history where audit_ref = ?"
        params: list = [audit_ref]
        sql += " and row = ?" if row is not None else " and row is null"
        if row is not None:
            params.append(row)
        if only_user is not None:
            sql += " and user = ?"
            params.append(only_user)
        found = connection(self.store).execute(sql, params).fetchone()
        if found is None:
            raise NotFound(f"no screening {audit_ref!r}" + (f" row {row}" if row else "")
                           + " in the history")
        out = _row(dict(zip(COLUMNS, found[:-1])))
        text = _unpack(found[-1])
        out["result"] = json.loads(text)
        if out["kind"] != "bulk":
            out["intact"] = result_hash(text) == out["result_sha256"]
        else:
            out["flagged"] = [
                _row(dict(zip(COLUMNS, r))) for r in connection(self.store).execute(
                    f"select {', '.join(COLUMNS)} from history where audit_ref = ? "
                    "and kind = 'bulk-row' order by row", [audit_ref])]
        return out

    def rows(self, search: Search, *, only_user: str | None = None) -> Iterator[dict]:
        """Every matching row (no limit), for CSV export."""
        where, params = search.where(only_user)
        cur = connection(self.store).execute(
            f"select {', '.join(COLUMNS)} from history{where} order by id desc", params)
        for r in cur:
            yield _row(dict(zip(COLUMNS, r)))

    def export_csv(self, out: IO[str], search: Search, *, only_user: str | None = None) -> int:
        """Write the search as CSV; returns the number of rows."""
        from screening.bulk.writers import neutralise  # a name like "=HYPERLINK(...)" stays text

        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        n = 0
        for r in self.rows(search, only_user=only_user):
            writer.writerow(["" if r.get(c) is None else neutralise(str(r[c]))
                             for c in CSV_COLUMNS])
            n += 1
        return n


def _row(r: dict) -> dict:
    """A history row with its list versions decoded."""
    if isinstance(r.get("list_versions"), str):
        r["list_versions"] = json.loads(r["list_versions"])
    return r
