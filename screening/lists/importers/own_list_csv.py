"""A company's own list as CSV (format documented in ``docs/own-lists.md``).

Header ``name,aliases,type,country,id,program,notes`` in any order; only
``name`` is required. ``aliases``, ``country`` and ``program`` hold several
values separated by ``|``. The list id comes from the caller (``list_id=``);
entry ids are ``"<list_id>:<id>"`` or, without an id, ``"<list_id>:<slug of name>"``.

Any bad row (no name, wrong number of cells, unknown type or country, a
repeated id) fails the whole import with the line number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from unidecode import unidecode

from screening.countries import to_iso2
from screening.errors import BadInput
from screening.lists.importers import _io
from screening.lists.importers._names import dedupe
from screening.types import ENTRY_TYPES, Entry, Name

#: Accepted columns, in documentation order.
COLUMNS = ("name", "aliases", "type", "country", "id", "program", "notes")
#: Separator of multi-valued cells.
MULTI_SEP = "|"
#: Type spellings accepted besides ENTRY_TYPES.
TYPE_SYNONYMS = {
    "": "company", "entity": "company", "individual": "person", "org": "organization",
    "organisation": "organization", "ship": "vessel", "airplane": "aircraft", "plane": "aircraft",
}
#: Longest slug kept for ids made from names.
MAX_SLUG = 80


def slugify(text: str) -> str:
    """ASCII, lower-case, dash-separated: ``"Acme Trading (HK) Ltd."`` -> ``"acme-trading-hk-ltd"``.
    Names with no Latin transliteration fall back to a hex digest."""
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-")[:MAX_SLUG].strip("-")
    if slug:
        return slug
    return "x" + text.encode("utf-8").hex()[:32]


def _values(cell_text: str | None) -> list[str]:
    return [v.strip() for v in (cell_text or "").split(MULTI_SEP) if v.strip()]


def _entry_type(path: Path, line: int, value: str) -> str:
    key = value.strip().lower()
    key = TYPE_SYNONYMS.get(key, key)
    if key not in ENTRY_TYPES:
        raise _io.fail(path, f"unknown type {value!r} (use one of {', '.join(ENTRY_TYPES)})", line)
    return key


def _countries(path: Path, line: int, cell_text: str | None) -> list[str]:
    out: list[str] = []
    for value in _values(cell_text):
        code = to_iso2(value)
        if code is None:
            raise _io.fail(path, f"unknown country {value!r}", line)
        out.append(code)
    return list(dict.fromkeys(out))


def parse(path: Path, *, list_id: str | None = None, **_: Any) -> Iterator[Entry]:
    """Entries of an own-list CSV; ``list_id`` is required."""
    if not list_id:
        raise BadInput("own-csv import needs a list id (--list-id)")
    path = Path(path)
    header, records = _io.table_records(path, COLUMNS, ("name",), ",".join(COLUMNS))
    seen: dict[str, int] = {}
    count = 0
    for line, cells in records:
        _io.check_width(path, line, cells, len(header))
        row = dict(zip(header, (c.strip() for c in cells)))
        name = " ".join(row["name"].split())
        if not name:
            raise _io.fail(path, "empty name", line)
        key = row.get("id") or slugify(name)
        if key in seen:
            raise _io.fail(path, f"duplicate id {key!r} (also on line {seen[key]})", line)
        seen[key] = line
        names = [Name(name, "primary")]
        for alias in _values(row.get("aliases")):
            n = Name(alias, "alias")
            if n.script == "Hani":
                n.kind = "chinese"
            names.append(n)
        count += 1
        yield Entry(
            id=f"{list_id}:{key}",
            list_id=list_id,
            type=_entry_type(path, line, row.get("type", "")),
            names=dedupe(names),
            countries=_countries(path, line, row.get("country")),
            programs=_values(row.get("program")),
            remarks=row.get("notes") or None,
        )
    if count == 0:
        raise _io.fail(path, "no rows found")


def sniff(path: Path) -> bool:
    """True when the header row holds only own-list columns, including ``name``."""
    cols = _io.header_names(path)
    return "name" in cols and all(c in COLUMNS for c in cols)
