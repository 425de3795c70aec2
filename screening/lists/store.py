"""The only code that writes list data: SQLite through sqlite-utils.

A list has versions; each version holds every entry of that list as it was
imported. ``lists.current_version`` says which version is in force. A new
version is written and put in force in **one transaction**, so a failed import
leaves the previous version in force, and readers never see a half-written list.
Entry ids are stable across versions, which makes ``diff`` a join on id.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from screening.sqlitedb import Database

from screening import settings
from screening.lists.catalog import list_info
from screening.errors import CountOutOfBounds, NotFound
from screening.lists.migrations import migrations
from screening.types import Entry, Relationship

#: Columns of an ownership edge as :meth:`Store.edges_of` returns it.
EDGE_COLUMNS = ("owner", "owned", "percent", "owner_name", "owned_name", "source",
                "start_date", "end_date", "relation")


def utcnow() -> str:
    """Current UTC time as an ISO string (seconds)."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass
class VersionInfo:
    """Where a batch of entries came from."""

    source: str  # update source: "us-csl", "project", "us-sdn", an own list id
    location: str  # URL or file path
    format: str
    sha256: str
    fetched_at: str | None = None
    note: str | None = None


class Store:
    """A screening database. Open with :func:`open_store`."""

    def __init__(self, db: Database, path: str | None = None) -> None:
        self.db = db
        self.path = path
        self._in_transaction = False
        migrations.apply(db)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction for the block, begun with SQLite's write lock.

        ``BEGIN IMMEDIATE`` takes the lock before the block reads anything, so
        what it reads (``get_meta``) stays true until it commits: another
        process's writer waits. The writes below join an enclosing transaction
        instead of committing on their own; it commits them all or none.
        """
        conn: sqlite3.Connection = self.db.conn
        if self._in_transaction:
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        self._in_transaction = True
        try:
            yield conn
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        finally:
            self._in_transaction = False

    # ------------------------------------------------------------------ lists
    def list_status(self) -> list[dict]:
        """Each list in force: id, title, regime, entries, version, source, imported_at."""
        rows = self.db.execute(
            """
            select l.id, l.title, l.regime, v.seq as version, v.count as entries,
                   v.source, v.location, v.format, v.sha256, v.imported_at, v.fetched_at
            from lists l join list_versions v on v.id = l.current_version
            order by l.regime, l.id
            """
        ).fetchall()
        cols = ["id", "title", "regime", "version", "entries", "source", "location",
                "format", "sha256", "imported_at", "fetched_at"]
        return [dict(zip(cols, r)) for r in rows]

    def versions(self, list_id: str) -> list[dict]:
        """Every kept version of a list, oldest first."""
        return list(self.db["list_versions"].rows_where("list_id = ?", [list_id], order_by="seq"))

    def lists_version(self) -> list[list]:
        """[list id, version in force] of every list (changes whenever a list in force changes)."""
        rows = self.db.execute("select id, current_version from lists order by id").fetchall()
        return [list(r) for r in rows]

    def data_version(self) -> str:
        """A token that changes whenever any list in force changes (cache key for indexes)."""
        rows = self.db.execute(
            "select id, current_version from lists order by id").fetchall()
        rel = self.db.execute(
            "select count(*), coalesce(max(id), 0) from relationships").fetchone()
        return json.dumps([rows, rel])

    def put_lists(
        self,
        entries_by_list: dict[str, list[Entry]],
        info: VersionInfo,
        *,
        bounds: dict[str, tuple[int, int]] | None = None,
        total_bounds: tuple[int, int] | None = None,
    ) -> dict[str, int]:
        """Write one new version per list and put them all in force atomically.

        ``bounds`` (per list) and ``total_bounds`` are checked **before** anything is
        written; a count outside them raises :class:`CountOutOfBounds` and nothing
        changes. Returns ``{list_id: version seq}``.
        """
        total = sum(len(v) for v in entries_by_list.values())
        if total_bounds is not None:
            lo, hi = total_bounds
            if not lo <= total <= hi:
                raise CountOutOfBounds(
                    f"{info.location}: {total} entries, expected {lo}..{hi}; "
                    "previous version kept in force")
        for list_id, (lo, hi) in (bounds or {}).items():
            n = len(entries_by_list.get(list_id, []))
            if not lo <= n <= hi:
                raise CountOutOfBounds(
                    f"{info.location}: {list_id} has {n} entries, expected {lo}..{hi}; "
                    "previous version kept in force")
        now = utcnow()
        result: dict[str, int] = {}
        with self.transaction() as conn:  # all lists or none
            for list_id, entries in entries_by_list.items():
                meta = list_info(list_id)
                conn.execute(
                    "insert or ignore into lists (id, title, regime, source) values (?, ?, ?, ?)",
                    (list_id, meta.title, meta.regime, info.source),
                )
                seq = conn.execute(
                    "select coalesce(max(seq), 0) + 1 from list_versions where list_id = ?",
                    (list_id,),
                ).fetchone()[0]
                cur = conn.execute(
                    "insert into list_versions (list_id, seq, source, location, format, fetched_at,"
                    " imported_at, sha256, count, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (list_id, seq, info.source, info.location, info.format,
                     info.fetched_at or now, now, info.sha256, len(entries), info.note),
                )
                version_id = cur.lastrowid
                seen: set[str] = set()
                rows = []
                for e in entries:
                    if e.id in seen:  # the same party twice in one source: keep the first
                        continue
                    seen.add(e.id)
                    data = e.to_dict()
                    blob = json.dumps(data, ensure_ascii=False, sort_keys=True)
                    rows.append((version_id, e.id, list_id, e.type, e.name,
                                 e.content_hash(), blob))
                conn.executemany(
                    "insert into entries (version_id, entry_id, list_id, type, name,"
                    " content_hash, data) values (?, ?, ?, ?, ?, ?, ?)", rows)
                conn.execute(
                    "update list_versions set count = ? where id = ?", (len(rows), version_id))
                conn.execute(
                    "update lists set current_version = ?, updated_at = ?, title = ?,"
                    " regime = ?, source = ? where id = ?",
                    (version_id, now, meta.title, meta.regime, info.source, list_id),
                )
                result[list_id] = seq
            self._prune(conn)
        return result

    def _prune(self, conn: sqlite3.Connection) -> None:
        """Keep only the newest ``settings.KEEP_VERSIONS`` versions of each list."""
        keep = max(2, settings.KEEP_VERSIONS)
        old = conn.execute(
            """
            select v.id from list_versions v
            where v.seq <= (select max(seq) from list_versions w where w.list_id = v.list_id) - ?
              and v.id not in (select current_version from lists where current_version is not null)
            """,
            (keep,),
        ).fetchall()
        for (vid,) in old:
            conn.execute("delete from entries where version_id = ?", (vid,))
            conn.execute("delete from list_versions where id = ?", (vid,))

    # ---------------------------------------------------------------- entries
    def current_entries(self, list_ids: Iterable[str] | None = None) -> Iterator[Entry]:
        """Every entry of every list in force (or of the given lists)."""
        sql = ("select e.data from entries e join lists l on e.version_id = l.current_version")
        params: list[str] = []
        if list_ids is not None:
            ids = list(list_ids)
            sql += f" where l.id in ({', '.join('?' for _ in ids)})"
            params = ids
        for (blob,) in self.db.execute(sql, params):
            yield Entry.from_dict(json.loads(blob))

    def get_entry(self, entry_id: str) -> Entry | None:
        """The entry in force with this id, or None."""
        row = self.db.execute(
            "select e.data from entries e join lists l on e.version_id = l.current_version"
            " where e.entry_id = ?", [entry_id]).fetchone()
        return Entry.from_dict(json.loads(row[0])) if row else None

    def entry_hash(self, entry_id: str) -> str | None:
        """Content hash of the entry in force (for review decisions that reopen on change)."""
        row = self.db.execute(
            "select e.content_hash from entries e join lists l on e.version_id = l.current_version"
            " where e.entry_id = ?", [entry_id]).fetchone()
        return row[0] if row else None

    def entry_versions(self, entry_id: str) -> list[dict]:
        """The versions an entry appears in, oldest first, with its hash in each."""
        rows = self.db.execute(
            "select v.list_id, v.seq, v.imported_at, e.content_hash from entries e"
            " join list_versions v on v.id = e.version_id where e.entry_id = ? order by v.seq",
            [entry_id]).fetchall()
        return [dict(zip(["list_id", "version", "imported_at", "content_hash"], r)) for r in rows]

    # ------------------------------------------------------------------- diff
    def diff(self, list_id: str, old: int | None = None, new: int | None = None) -> dict:
        """Added, removed and changed entries between two versions (default: the last two)."""
        versions = self.versions(list_id)
        if not versions:
            raise NotFound(f"no versions of list {list_id!r}: import one with `screening lists "
                           f"update`, or compare a file with `lists diff {list_id} --file F`")
        by_seq = {v["seq"]: v for v in versions}
        if new is None:
            new = versions[-1]["seq"]
        if old is None:
            older = [v["seq"] for v in versions if v["seq"] < new]
            if not older:
                raise NotFound(f"list {list_id!r} has only one version; nothing to diff until "
                               f"the next `screening lists update` (or use --file F)")
            old = older[-1]
        for seq in (old, new):
            if seq not in by_seq:
                raise NotFound(f"list {list_id!r} has no version {seq} "
                               f"(kept: {', '.join(str(s) for s in by_seq)})")

        def load(seq: int) -> dict[str, tuple[str, str]]:
            rows = self.db.execute(
                "select entry_id, content_hash, name from entries where version_id = ?",
                [by_seq[seq]["id"]]).fetchall()
            return {r[0]: (r[1], r[2]) for r in rows}

        return {
            "list": list_id,
            "old": {k: by_seq[old][k] for k in ("seq", "imported_at", "location", "count")},
            "new": {k: by_seq[new][k] for k in ("seq", "imported_at", "location", "count")},
            **_compare(load(old), load(new)),
        }

    def diff_against(self, list_id: str, entries: list[Entry], *, location: str = "") -> dict:
        """Added, removed and changed entries if ``entries`` replaced the version in force."""
        row = self.db.execute("select current_version from lists where id = ?", [list_id]).fetchone()
        current = next((v for v in self.versions(list_id) if row and v["id"] == row[0]), None)
        a: dict[str, tuple[str, str]] = {}
        if current is not None:
            rows = self.db.execute(
                "select entry_id, content_hash, name from entries where version_id = ?",
                [current["id"]]).fetchall()
            a = {r[0]: (r[1], r[2]) for r in rows}
        b = {e.id: (e.content_hash(), e.name) for e in reversed(entries)}  # first one wins
        return {
            "list": list_id,
            "old": {k: current[k] for k in ("seq", "imported_at", "location", "count")}
            if current else None,
            "new": {"seq": None, "imported_at": None, "location": location, "count": len(b)},
            **_compare(a, b),
        }

    # ---------------------------------------------------------- relationships
    def put_relationships(self, source: str, rels: list[Relationship], *, location: str = "",
                          sha256: str = "") -> int:
        """Replace every relationship from ``source`` atomically; returns the count."""
        with self.transaction() as conn:
            conn.execute("delete from relationships where source = ?", (source,))
            conn.executemany(
                "insert into relationships (source, owner, owned, percent, owner_name, owned_name,"
                " start_date, end_date, relation) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(source, r.owner, r.owned, r.percent, r.owner_name, r.owned_name,
                  r.start_date, r.end_date, r.relation) for r in rels])
            conn.execute(
                "insert or replace into relationship_sources (source, location, sha256, count,"
                " imported_at) values (?, ?, ?, ?, ?)",
                (source, location, sha256, len(rels), utcnow()))
        return len(rels)

    def relationships(self) -> list[Relationship]:
        """Every ownership edge in force."""
        out = []
        for row in self.db["relationships"].rows:
            out.append(Relationship(
                owner=row["owner"], owned=row["owned"], percent=row["percent"],
                source=row["source"], owner_name=row["owner_name"],
                owned_name=row["owned_name"], start_date=row["start_date"],
                end_date=row["end_date"], relation=row["relation"] or "ownership"))
        return out

    def edges_of(self, entity: str) -> list[dict]:
        """The ownership edges in force that ``entity`` (an entry id) owns or is owned by."""
        cur = self.db.execute(
            f"select {', '.join(EDGE_COLUMNS)} from relationships where owner = ? or owned = ?",
            [entity, entity])
        return [dict(zip(EDGE_COLUMNS, r)) for r in cur.fetchall()]

    # ------------------------------------------------------------------- meta
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute("insert or replace into meta (key, value) values (?, ?)", (key, value))


def _compare(a: dict[str, tuple[str, str]], b: dict[str, tuple[str, str]]) -> dict:
    """``{added, removed, changed}`` between two ``{entry_id: (content_hash, name)}``."""
    added = sorted(set(b) - set(a))
    removed = sorted(set(a) - set(b))
    changed = sorted(k for k in set(a) & set(b) if a[k][0] != b[k][0])
    return {"added": [{"entry_id": k, "name": b[k][1]} for k in added],
            "removed": [{"entry_id": k, "name": a[k][1]} for k in removed],
            "changed": [{"entry_id": k, "name": b[k][1]} for k in changed]}


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating and migrating if needed) the database at ``path`` or ``SCREENING_DB``."""
    if path is None:
        path = settings.DB_PATH
    if str(path) == ":memory:":
        return Store(Database(memory=True), ":memory:")
    p = Path(path).expanduser()
    p.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(p), check_same_thread=False, timeout=30)
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = normal")
    return Store(Database(conn), str(p))
