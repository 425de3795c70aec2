"""Counterparties from a CSV or XLSX file, read exactly as bulk screening reads a file.

The file is opened by :mod:`screening.bulk.io`, its columns mapped by
:func:`screening.bulk.columns.map_columns` (the request model's English and
Chinese headers) and each row turned into a query by
:func:`screening.bulk.rows.build_query`; the party is then validated by the
request model. One more column is read: the CRM reference (``ref``, ``CRM ID``,
``customer id``, ``客户编号``...). Every row is accounted for: monitored, or
reported with its line number and why not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from screening.bulk.columns import map_columns, normalise_header
from screening.bulk.io import cell_text, inspect_input, open_table
from screening.bulk.rows import RowDefaults, RowError, build_query
from screening.errors import BadInput, ScreeningError
from screening.service.monitor import party_of
from screening.text import ascii_digits

#: Headers of the CRM reference column, most preferred first (compared normalised).
REF_HEADERS = ("ref", "crm id", "crm ref", "crm reference", "reference", "customer id",
               "customer number", "customer no", "account id", "account number", "id",
               "客户编号", "客户代码", "编号")


@dataclass
class FileRows:
    """The parties of a file and the rows that could not be read."""

    rows: int = 0
    parties: list[tuple[int, dict, str | None]] = field(default_factory=list)  # line, party, ref
    errors: list[tuple[int, str]] = field(default_factory=list)  # line, message


def ref_column(headers: list[str], spec: str | None) -> int | None:
    """The column of the CRM reference: ``--ref-col`` (header or 1-based number) or a known header."""
    wanted = [spec] if spec else list(REF_HEADERS)
    normalised = [normalise_header(h) for h in headers]
    for w in wanted:
        key = normalise_header(w)
        if key in normalised:
            return normalised.index(key)
    if spec and ascii_digits(spec) and 1 <= int(spec) <= len(headers):
        return int(spec) - 1
    if spec:
        raise BadInput(f"--ref-col {spec!r}: no such column")
    return None


def read_parties(path: str | Path, *, columns: Mapping[str, str | None] | None = None,
                 ref_col: str | None = None, encoding: str | None = None,
                 delimiter: str | None = None, sheet: str | None = None) -> FileRows:
    """Every row of a customer file as a validated party, or as an error."""
    info = inspect_input(path, encoding=encoding, delimiter=delimiter, sheet=sheet)
    out = FileRows()
    with open_table(info) as table:
        cmap = map_columns(table.headers, columns)
        ref_at = ref_column(table.headers, ref_col)
        defaults = RowDefaults()
        for rec in table:
            out.rows += 1
            if rec.error:
                out.errors.append((rec.line, rec.error))
                continue
            try:
                q = build_query(cmap, rec.cells, defaults)
                party = party_of({
                    "name": q.name, "country": q.country, "aliases": list(q.aliases),
                    "address": q.address, "schema": q.schema,
                    "context": dict(q.context) or None,
                    "owners": [{"name": n, "percent": p} for n, p in q.owners] or None})
            except (RowError, ScreeningError) as exc:
                out.errors.append((rec.line, getattr(exc, "message", None) or str(exc)))
                continue
            ref = None
            if ref_at is not None and ref_at < len(rec.cells):
                ref = cell_text(rec.cells[ref_at]).strip() or None
            out.parties.append((rec.line, party, ref))
    return out
