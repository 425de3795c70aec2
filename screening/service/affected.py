"""Which monitored counterparties a list change or the date alone can affect.

A list change is read as the diff of entries between the versions a group of
counterparties was last checked against and the versions in force
(:meth:`screening.lists.store.Store.diff`). A counterparty is affected when

* its last result rests on a changed, added or removed entry (or on a party an
  added or changed entry owns, through the ownership graph), found in
  ``counterparty_keys``; or
* a name of an added or changed entry finds it in a name index built over the
  counterparties' names, aliases and declared owners (the matcher's own
  blocking and scoring, run the other way round, with a lower threshold).

:class:`Change` is None (a full re-screen) when a version is no longer kept or
the diff is larger than ``settings.RESCREEN_MAX_DIFF``.

Dates: :func:`date_window` bounds the days over which a result cannot change by
the date alone (a suspension ending, a listing taking effect, a rule's dates).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from screening import settings
from screening.lists.store import Store
from screening.matching import Matcher, snapshot
from screening.matching.config import default_config
from screening.matching.schemas import canonical_schema
from screening.matching.snapshot import code_hash, snapshot_path
from screening.types import Entry, Name

#: Lowest score at which an entry's name marks a counterparty for re-screening: well
#: below the review threshold, so a name the full screening would hit is never missed.
NEAR = 0.5
#: Counterparties a single changed name may mark (a very common word marks many).
NEAR_LIMIT = 5000
#: Depth of the ownership graph followed down from a changed entry.
OWNERSHIP_DEPTH = 10
#: Keys looked up per SQL statement.
CHUNK = 500


@dataclass
class Change:
    """The entries that changed between two sets of list versions."""

    ids: set[str] = field(default_factory=set)  # added, removed and changed entry ids
    entries: list[Entry] = field(default_factory=list)  # added and changed, as now in force

    @property
    def size(self) -> int:
        return len(self.ids)


def list_change(store: Store, old: dict[str, int], new: dict[str, int],
                max_diff: int | None = None) -> Change | None:
    """The entries changed between versions ``old`` and ``new`` ({list id: seq}); None
    when it cannot be known (a version no longer kept, a list dropped) or is too big."""
    limit = settings.RESCREEN_MAX_DIFF if max_diff is None else max_diff
    change = Change()
    for list_id in sorted(set(old) | set(new)):
        before, after = old.get(list_id), new.get(list_id)
        if before == after:
            continue
        if after is None:
            return None
        kept = {v["seq"]: v for v in store.versions(list_id)}
        if after not in kept or (before is not None and before not in kept):
            return None
        if before is None:  # a list new since: every entry is added
            if kept[after]["count"] > limit:
                return None
            ids = [r[0] for r in store.db.execute(
                "select entry_id from entries where version_id = ?", [kept[after]["id"]])]
            fresh = set(ids)
        else:
            d = store.diff(list_id, before, after)
            fresh = {e["entry_id"] for e in d["added"] + d["changed"]}
            change.ids.update(e["entry_id"] for e in d["removed"])
        change.ids.update(fresh)
        if change.size > limit:
            return None
        change.entries += _entries(store, kept[after]["id"], fresh)
    return change


def _entries(store: Store, version_id: int, ids: Iterable[str]) -> list[Entry]:
    ids = sorted(ids)
    out = []
    for i in range(0, len(ids), CHUNK):
        part = ids[i:i + CHUNK]
        rows = store.db.execute(
            f"select data from entries where version_id = ? and entry_id in "
            f"({', '.join('?' for _ in part)})", [version_id, *part])
        out += [Entry.from_dict(json.loads(r[0])) for r in rows]
    return out


def owned_below(store: Store, keys: Iterable[str]) -> set[str]:
    """Every party the given entries own, directly or through others (ownership edges)."""
    seen: set[str] = set()
    frontier = set(keys)
    for _ in range(OWNERSHIP_DEPTH):
        part = sorted(frontier)
        found: set[str] = set()
        for i in range(0, len(part), CHUNK):
            chunk = part[i:i + CHUNK]
            found.update(r[0] for r in store.db.execute(
                f"select owned from relationships where owner in ({', '.join('?' for _ in chunk)})",
                chunk))
        frontier = found - seen
        seen |= found
        if not frontier:
            break
    return seen


def by_keys(store: Store, keys: Iterable[str], candidates: set[int]) -> set[int]:
    """Counterparties among ``candidates`` whose last result rests on one of ``keys``."""
    keys = sorted(keys)
    out: set[int] = set()
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i:i + CHUNK]
        out.update(r[0] for r in store.db.execute(
            f"select counterparty_id from counterparty_keys where key in "
            f"({', '.join('?' for _ in chunk)})", chunk))
    return out & candidates


def _name(value: str, kind: str) -> Name:
    """A name for the index; an ASCII one is Latin (or has no letters) without a per-letter
    look-up of its script (a third of the cost of indexing 100,000 counterparties)."""
    script = ("Latn" if any(c.isalpha() for c in value) else "Zyyy") if value.isascii() else ""
    return Name(value, kind, script)


def counterparty_entry(cp_id: int, party: dict) -> Entry:
    """A counterparty as an entry of the name index: its name, aliases and declared owners."""
    names = [_name(party["name"], "primary")]
    names += [_name(a, "alias") for a in party.get("aliases") or []]
    names += [_name(o["name"], "alias") for o in party.get("owners") or [] if o.get("name")]
    kind = "person" if canonical_schema(party.get("schema")) == "person" else "company"
    return Entry(id=str(cp_id), list_id="counterparties", type=kind, names=names)


def index_path(store: Store) -> Path | None:
    """Where the name index of the counterparties is kept (``<db>.counterparties.index``)."""
    path = snapshot_path(store.path)
    return path.with_name(path.name.replace(".index", ".counterparties.index")) \
        if path is not None and settings.INDEX_SNAPSHOT else None


def index_key(parties: Sequence[tuple[int, dict]]) -> dict[str, Any]:
    """What a kept index must have been built for: these names and the matching code."""
    names = hashlib.blake2b(digest_size=16)
    for i, p in parties:
        names.update(json.dumps([i, p["name"], p.get("aliases"), p.get("schema"),
                                 [o.get("name") for o in p.get("owners") or []]]).encode())
    return {"counterparties": names.hexdigest(), "count": len(parties), "code": code_hash()}


def counterparty_index(parties: Sequence[tuple[int, dict]], path: Path | None,
                       *, write: bool = True) -> Matcher:
    """The name index over ``parties``: loaded from ``path`` when it was built for exactly
    them, else built (and kept there). ``counterparties index`` refreshes it after adds."""
    key = index_key(parties) if path is not None else {}
    if path is not None:
        kept = snapshot.load(path, key)
        if kept is not None:
            return kept[0]
    index = Matcher([counterparty_entry(i, p) for i, p in parties])
    if path is not None and write:
        try:
            snapshot.save(index, path, key)
        except OSError:
            pass  # a read-only folder: built again next time
    return index


def by_names(parties: Sequence[tuple[int, dict]], entries: Sequence[Entry],
             path: Path | None = None) -> set[int]:
    """Counterparties a name of one of ``entries`` finds, searching an index built
    over the counterparties (the matcher's blocking, then its scoring at :data:`NEAR`)."""
    if not parties or not entries:
        return set()
    index = counterparty_index(parties, path)
    near = default_config().override({"review_threshold": NEAR,
                                       "match_threshold": max(NEAR, settings.MATCH_THRESHOLD)})
    out: set[int] = set()
    for entry in entries:
        for name in {n.value for n in entry.names if n.value.strip()}:
            for hit in index.search(name, limit=NEAR_LIMIT, config=near):
                out.add(int(hit.entry.id))
    return out


def affected(store: Store, change: Change, parties: Sequence[tuple[int, dict]]) -> set[int]:
    """The counterparties among ``parties`` (id, party) that ``change`` can affect."""
    ids = {i for i, _ in parties}
    keys = change.ids | owned_below(store, change.ids)
    return by_keys(store, keys, ids) | by_names(parties, change.entries, index_path(store))


# ------------------------------------------------------------------- dates
def _days(value: str | None) -> list[str]:
    """An ISO day and the day after (a status changes on a date or the day after a last day)."""
    if not value:
        return []
    try:
        d = date.fromisoformat(str(value)[:10])
    except ValueError:
        return []
    return [d.isoformat(), (d + timedelta(days=1)).isoformat()]


def rule_days(rulebook: Any) -> set[str]:
    """Every day on which a rule starts, ends, is suspended or resumes, and the horizon."""
    out = set(_days(rulebook.known_horizon))
    for rule in rulebook.rules:
        for ev in rule.events():
            out.update(_days(ev.date) + _days(ev.until))
        out.update(_days(rule.effective_from) + _days(rule.effective_to))
    return out


def entry_days(entry: Entry | None) -> set[str]:
    """Days on which a listed entry's status changes."""
    if entry is None:
        return set()
    out = set(_days(entry.listed_on))
    for ev in entry.status_history:
        out.update(_days(ev.date) + _days(ev.until))
    return out


def date_window(rulebook: Any, lookup: Callable[[str], Entry | None]
                ) -> Callable[[dict], tuple[str | None, str | None]]:
    """``window(result) -> (valid_from, valid_until)``: the result holds for every day
    ``valid_from <= day < valid_until`` as far as dates go (None: unbounded).

    A result with no hit, finding or affiliate and no transaction context or owners
    rests on no date. Otherwise every date of the rules and of the entries it names
    is a possible boundary (more boundaries only mean an extra re-screen).
    """
    rules = rule_days(rulebook)

    def window(result: dict) -> tuple[str | None, str | None]:
        query = result.get("query") or {}
        named = [x for k in ("hits", "findings", "affiliates") for x in result.get(k) or []]
        if not named and not query.get("context") and not query.get("owners"):
            return None, None
        days = set(rules)
        for f in result.get("findings") or []:
            for k in ("effective_from", "effective_to", "until", "listed_on"):
                days.update(_days(f.get(k)))
        for entry_id in {x["entry_id"] for x in named if x.get("entry_id")}:
            days |= entry_days(lookup(entry_id))
        on = str(result.get("as_of"))
        before = [d for d in days if d <= on]
        after = [d for d in days if d > on]
        return (max(before) if before else None), (min(after) if after else None)

    return window


def outside(day: str, valid_from: str | None, valid_until: str | None) -> bool:
    """True when ``day`` lies outside a result's date window (it may have changed)."""
    return (valid_from is not None and day < valid_from) or \
        (valid_until is not None and day >= valid_until)
