"""Which input column holds what: automatic mapping from common headers.

CRM and ERP exports name their columns in English or Chinese ("Customer Name",
"客户名称", "公司名称", "Country/Region", "国家"). A header is normalised
(case, spaces, punctuation) and compared with the aliases below, in order of
preference, so a file with both "Company" and "Customer Name" uses "Customer
Name" for the party. ``--name-col`` and friends override the guess by header
text or by 1-based column number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import BadInput
from ..service.request import column_aliases, context_columns
from ..text import ascii_digits

#: Header aliases per field, most preferred first (compared after :func:`normalise_header`):
#: the request model's (:func:`screening.service.request.column_aliases`), English and Chinese.
HEADER_ALIASES: dict[str, tuple[str, ...]] = column_aliases()

#: The fields a row can feed into ``Screener.check``: every per-row field of the request.
FIELDS = tuple(HEADER_ALIASES)

#: Transaction-context columns and the key ``TransactionContext.from_dict`` takes.
CONTEXT_FIELDS = context_columns()

#: Separators between several aliases in one cell (commas are part of company names).
ALIAS_SPLIT = re.compile(r"\s*[;|；、\n]\s*")

_PUNCT = re.compile(r"[\s_\-./:：（）()\[\]]+")


def normalise_header(text: object) -> str:
    """Casefold, drop spaces/underscores/punctuation: ``"Customer_Name "`` -> ``"customername"``."""
    return _PUNCT.sub("", str(text or "").strip().casefold())


@dataclass
class ColumnMap:
    """Field name -> 0-based column index, for the fields the file has."""

    headers: list[str]
    index: dict[str, int] = field(default_factory=dict)

    def describe(self) -> dict[str, str]:
        """``{field: header}`` for the summary and the resume check."""
        return {f: self.headers[i] for f, i in self.index.items()}


def _resolve_override(headers: Sequence[str], spec: str, field_name: str) -> int:
    """A header text (exact, then normalised) or a 1-based column number."""
    for i, h in enumerate(headers):
        if h == spec:
            return i
    wanted = normalise_header(spec)
    for i, h in enumerate(headers):
        if normalise_header(h) == wanted:
            return i
    if ascii_digits(spec) and 1 <= int(spec) <= len(headers):
        return int(spec) - 1
    raise BadInput(f"--{field_name.replace('_', '-')}-col {spec!r}: no such column "
                   f"(columns: {shown_columns(headers)})")


def map_columns(headers: Sequence[object], overrides: Mapping[str, str | None] | None = None
                ) -> ColumnMap:
    """Map each field to a column by override, else by the first matching header alias.

    Raises :class:`BadInput` when no column can hold the party's name.
    """
    names = [str(h) if h is not None else "" for h in headers]
    normalised = [normalise_header(h) for h in names]
    given: dict[str, str] = {k: v for k, v in (overrides or {}).items() if v}
    unknown = set(given) - set(FIELDS)
    if unknown:
        raise BadInput(f"unknown column field(s): {', '.join(sorted(unknown))}")
    cmap = ColumnMap(names)
    used: set[int] = set()
    for f, spec in given.items():
        cmap.index[f] = _resolve_override(names, spec, f)
        used.add(cmap.index[f])
    for f in FIELDS:
        if f in cmap.index:
            continue
        for alias in HEADER_ALIASES[f]:
            key = normalise_header(alias)
            hit = next((i for i, h in enumerate(normalised) if h == key and i not in used), None)
            if hit is not None:
                cmap.index[f] = hit
                used.add(hit)
                break
    if "name" not in cmap.index:
        raise BadInput("no column with the party's name; found columns: "
                       f"{shown_columns(names, quote=True)}. Use --name-col COLUMN")
    return cmap


#: Headers named in an error message; a hostile file may have 200,000 of them.
SHOWN_COLUMNS = 30


def shown_columns(headers: Sequence[str], *, quote: bool = False) -> str:
    """The first headers, for a message: ``a, b, ... (200,000 columns)``."""
    shown = [repr(h[:80]) if quote else h[:80] for h in headers[:SHOWN_COLUMNS]]
    more = f", ... ({len(headers):,} columns)" if len(headers) > SHOWN_COLUMNS else ""
    return ", ".join(shown) + more
