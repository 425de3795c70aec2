"""Ownership edges as CSV (format documented in ``docs/own-lists.md``).

Header ``owner,owned,percent,source,as_of`` (plus an optional ``relation``:
``ownership`` or ``control``). ``owner`` / ``owned`` are entry ids when they look
like ``<list>:<key>`` (``us-el:abc``), otherwise party names, kept in
``owner_name`` / ``owned_name`` with the key ``"name:<casefolded name>"``.
``percent`` empty or ``unknown`` means the share is not known (BIS Red Flag 29);
``as_of`` (ISO date) becomes the edge's ``start_date``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from screening.lists.importers import _io
from screening.lists.importers.ftm import parse_percent
from screening.types import Relationship

#: Accepted columns; the first two are required.
COLUMNS = ("owner", "owned", "percent", "source", "as_of", "relation")
REQUIRED = ("owner", "owned")
#: An entry id: a list id, a colon, a key without spaces.
ENTRY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*:\S+$")
#: Percent cells that mean "not known".
UNKNOWN_PERCENT = ("", "unknown", "?", "n/a", "na")
#: Accepted relation values.
RELATIONS = ("ownership", "control")


def party_key(value: str) -> tuple[str, str | None]:
    """``(key, name)``: an entry id is its own key (name None); a name becomes
    ``"name:<casefolded, whitespace-squashed name>"``.

    >>> party_key("us-el:123"), party_key("  Acme   Trading ")
    (('us-el:123', None), ('name:acme trading', 'Acme Trading'))
    """
    text = " ".join(value.split())
    if ENTRY_ID.match(text):
        return text, None
    return "name:" + text.casefold(), text


def parse(path: Path, **_: Any) -> Iterator[Relationship]:
    """Relationships of an ownership CSV."""
    path = Path(path)
    header, records = _io.table_records(path, COLUMNS, REQUIRED,
                                        f"{','.join(COLUMNS[:5])}[,relation]")
    count = 0
    for line, cells in records:
        _io.check_width(path, line, cells, len(header))
        row = dict(zip(header, (c.strip() for c in cells)))
        if not row["owner"] or not row["owned"]:
            raise _io.fail(path, "owner and owned are both required", line)
        owner, owner_name = party_key(row["owner"])
        owned, owned_name = party_key(row["owned"])
        raw_pct = row.get("percent", "")
        percent = None if raw_pct.lower() in UNKNOWN_PERCENT else parse_percent(raw_pct)
        if percent is None and raw_pct.lower() not in UNKNOWN_PERCENT:
            raise _io.fail(path, f"percent {raw_pct!r} is not a number from 0 to 100", line)
        as_of = row.get("as_of") or None
        if as_of:
            try:
                as_of = date.fromisoformat(as_of).isoformat()
            except ValueError:
                raise _io.fail(path, f"as_of {as_of!r} is not an ISO date (YYYY-MM-DD)", line) from None
        relation = (row.get("relation") or "ownership").lower()
        if relation not in RELATIONS:
            raise _io.fail(path, f"relation {relation!r} must be ownership or control", line)
        count += 1
        yield Relationship(
            owner=owner,
            owned=owned,
            percent=percent,
            source=row.get("source") or path.name,
            owner_name=owner_name,
            owned_name=owned_name,
            start_date=as_of,
            relation=relation,
        )
    if count == 0:
        raise _io.fail(path, "no rows found")


def sniff(path: Path) -> bool:
    """True when the header row starts with owner and owned columns."""
    cols = _io.header_names(path)
    return "owner" in cols and "owned" in cols and all(c in COLUMNS for c in cols)
