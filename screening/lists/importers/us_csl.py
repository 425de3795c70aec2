"""US Consolidated Screening List (trade.gov): the official CSV and JSON.

Both formats carry the same fields; a JSON record is first flattened to the CSV
cell layout (:func:`json_record_to_row`) so the two share one mapping to
:class:`~screening.types.Entry` (:func:`row_to_entry`) and give identical entries.

Stable ids are ``"<list_id>:<key>"`` where the key is the source-native
``entity_number`` (OFAC lists), else the CSL ``_id``, else a hash of source and
name. Entity types: Individual/Vessel/Aircraft map directly; Entity or an empty
type becomes ``person`` on the Denied Persons and ITAR debarred lists when the
name is written as a person's ("Henry, Mark", "AIDEN DAVIDSON"), ``organization`` when the
name is clearly a public body (university, institute, ministry...), else
``company`` (see ``_names.guess_type``); an empty source type is recorded as
``extra["type_inferred"] = True``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

from screening.lists.catalog import US_EL, csl_list_id
from screening.countries import country_of_address, to_iso2
from screening.errors import CutLastRow
from screening.lists.importers import _io
from screening.lists.importers._names import (
    acronym_names,
    dedupe,
    guess_type,
    remark_names,
    split_aka,
)
from screening.rules.policy import parse_license_policy
from screening.types import Entry, Name, StatusEvent

log = logging.getLogger(__name__)

#: The 29 columns of the official CSL CSV, in order.
CSL_COLUMNS = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids",
)
#: Columns a file must have to be read as a CSL.
REQUIRED_COLUMNS = ("source", "name")
#: Separator of multi-valued CSV cells.
MULTI_SEP = "; "
#: CSL ``type`` -> entry type (empty / "Entity" are guessed from the name).
TYPE_MAP = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}
#: ``extra`` keys copied verbatim from the row when not empty.
EXTRA_FIELDS = (
    "title", "end_date", "standard_order", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "source_list_url",
)
#: Multi-valued person details kept in ``extra`` as lists.
EXTRA_LISTS = ("dates_of_birth", "places_of_birth")
#: CSL ``ids`` types that are facts about the listing, not identifiers.
NOTE_ID_TYPES = re.compile(
    r"^(gender|secondary sanctions risk|transactions prohibited|additional sanctions information|"
    r"target type|listing date|effective date|purchase/sales|executive order \d+ directive|"
    r"caatsa section|organization (established date|type)|vessel year of build|"
    r"aircraft (model|manufacture date|operator)|issuer name|website|email address|phone)",
    re.I,
)
#: US dates ("08/08/2023", "9/4/02") accepted for ``start_date`` besides ISO.
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# --- Foreign Direct Product footnotes (rules.md §7.1) -------------------------
#: An explicit "footnote N".
_FN_WORD = re.compile(r"\bfootnote\s*(\d)\b", re.I)
#: A §734.9 reference with an optional sub-paragraph and a footnote digit glued
#: after it: "734.9(e) 1", "734.9(g),3", "734.9(e)(2)".
_FN_REF = re.compile(r"734\.9\s*\(([eg])\)\s*(?:\((\d)\))?\s*,?\s*(\d)?(?![\d.(])")
#: The footnote digit BIS puts after the closing parenthesis: "... of the EAR)4".
_FN_TAIL = re.compile(r"(?:EAR|\))\.?\)?\s*(\d)\s*\.?\s*$")
#: §734.9 sub-paragraph -> footnote number.
_FN_BY_PARAGRAPH = {("e", "1"): "1", ("g", None): "3", ("e", "2"): "4", ("e", "3"): "5"}
#: Footnote numbers that are FDP footnotes.
FDP_FOOTNOTES = ("1", "3", "4", "5")


def fdp_footnote(*texts: str | None) -> str | None:
    """The Entity List FDP footnote ("1", "3", "4" or "5") named in the licence
    requirement / policy / remarks text, or None.

    >>> fdp_footnote("For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR)4")
    '4'
    >>> fdp_footnote("For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2")
    '1'
    """
    text = " ".join(t for t in texts if t)
    if not text:
        return None
    m = _FN_WORD.search(text)
    if m and m.group(1) in FDP_FOOTNOTES:
        return m.group(1)
    for ref in _FN_REF.finditer(text):
        letter, sub, digit = ref.group(1), ref.group(2), ref.group(3)
        if (letter, sub) in _FN_BY_PARAGRAPH:
            return _FN_BY_PARAGRAPH[(letter, sub)]
        if digit in FDP_FOOTNOTES:
            return digit
        for part in texts:  # bare "734.9(e)": the marker follows the cell
            tail = _FN_TAIL.search(part or "")
            if tail and tail.group(1) in FDP_FOOTNOTES:
                return tail.group(1)
    return None


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO or US-style (M/D/YY[YY]) date, else None."""
    if not value:
        return None
    value = value.strip()
    if _ISO_DATE.match(value):
        return value
    m = _US_DATE.match(value)
    if m:
        month, day, year = int(m.group(1)), int(m.group(2)), m.group(3)
        y = int(year) if len(year) == 4 else (2000 + int(year) if int(year) < 50 else 1900 + int(year))
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{y:04d}-{month:02d}-{day:02d}"
    return None


#: A US date inside a Federal Register citation ("84 FR 22963, 5/21/19").
_CITED_DATE = re.compile(r"(?<![\d/])(\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/])")


def citation_date(citation: str | None) -> str | None:
    """The earliest date a Federal Register citation gives, ISO ("84 FR 54004, 10/9/19.;
    85 FR 34505, 6/5/20" -> "2019-10-09"): the notice that added the entry, published the
    day it took effect or a few days after. None when the citation has no date."""
    dates = [d for d in (iso_date(m) for m in _CITED_DATE.findall(citation or "")) if d]
    return min(dates) if dates else None


def split_multi(cell: str | None) -> list[str]:
    """Split a ``; ``-separated CSV cell, dropping empty items."""
    if not cell:
        return []
    return [item.strip() for item in cell.split(MULTI_SEP) if item.strip()]


def parse_ids(cell: str | None) -> tuple[list[dict], list[str]]:
    """Split the CSL ``ids`` cell ("Passport, 836238033, KP; Gender, Male") into
    identifiers ``{"type", "value", "country"?}`` and notes ("Gender: Male")."""
    identifiers: list[dict] = []
    notes: list[str] = []
    for item in split_multi(cell):
        parts = [p.strip() for p in item.split(", ")]
        kind = parts[0].rstrip(":").strip()
        rest = parts[1:]
        country = None
        if len(rest) >= 2 and len(rest[-1]) == 2 and rest[-1].isupper():
            country = to_iso2(rest[-1])
            if country:
                rest = rest[:-1]
        value = ", ".join(rest).strip()
        if NOTE_ID_TYPES.match(kind) or not value:
            notes.append(f"{kind}: {value}" if value else kind)
            continue
        ident: dict[str, Any] = {"type": kind, "value": value}
        if country:
            ident["country"] = country
        identifiers.append(ident)
    return identifiers, notes


def _addresses(cell: str | None) -> list[str]:
    """Addresses of a CSL cell; "A; and B" lists inside one address are split."""
    out: list[str] = []
    for item in split_multi(cell):
        item = re.sub(r"^and\s+", "", item, flags=re.I).strip(" ;")
        if item:
            out.append(item)
    return out


def _unique(values: Iterable[str | None]) -> list[str]:
    """Drop empties and repeats, keeping order."""
    seen: dict[str, None] = {}
    for v in values:
        if v and v not in seen:
            seen[v] = None
    return list(seen)


def entry_key(row: dict[str, str]) -> str:
    """The source key of a CSL row: ``entity_number``, else ``_id``, else a hash
    of source and name."""
    key = (row.get("entity_number") or "").strip() or (row.get("_id") or "").strip()
    if key:
        return key
    blob = f"{row.get('source', '')}\n{row.get('name', '')}".encode("utf-8")
    return "h" + hashlib.sha1(blob).hexdigest()[:16]


def _names(row: dict[str, str], entry_type: str) -> list[Name]:
    """Primary name, aliases (``alt_names``), former names (f.k.a. in any of
    them or in remarks) and, for non-persons, an acronym in parentheses."""
    names = split_aka(row.get("name"), "primary")
    if names and entry_type != "person":
        names.extend(acronym_names(names[0].value))
    for alt in split_multi(row.get("alt_names")):
        names.extend(split_aka(alt, "alias"))
    names.extend(n for n in remark_names(row.get("remarks")) if n.kind == "former")
    return dedupe(names)


def _persons_list(source: str) -> bool:
    """A list of people and firms that types both as "Entity": the Denied Persons
    List and the ITAR debarred list (DTC), where a name of a person's form is a person's."""
    source = source.lower()
    return "denied persons" in source or "debarred" in source


def row_to_entry(row: dict[str, str], list_id: str) -> Entry:
    """Map one CSL row (CSV cells as strings) to an :class:`Entry`."""
    raw_type = (row.get("type") or "").strip()
    names_text = row.get("name") or ""
    entry_type = TYPE_MAP.get(raw_type.lower()) or guess_type(names_text, _persons_list(row.get("source") or ""))
    names = _names(row, entry_type)
    addresses = _addresses(row.get("addresses"))
    countries = [country_of_address(a) for a in addresses]
    countries += [to_iso2(c) for c in split_multi(row.get("nationalities"))]
    countries += [to_iso2(c) for c in split_multi(row.get("citizenships"))]
    if entry_type == "vessel":
        countries.append(to_iso2(row.get("vessel_flag")))
    identifiers, notes = parse_ids(row.get("ids"))
    requirement = (row.get("license_requirement") or "").strip() or None
    policy_text = (row.get("license_policy") or "").strip() or None
    policy, partial = parse_license_policy(policy_text)
    citation = (row.get("federal_register_notice") or "").strip() or None
    listed_on = iso_date(row.get("start_date"))
    extra: dict[str, Any] = {"csl_source": row.get("source", "").strip()}
    if listed_on is None and list_id == US_EL:
        # no start date (the Entity List's rows have none): the first notice's date, so a
        # screening as of an earlier day does not find the party listed (helper-76). Not for
        # the other lists: a Denied Persons or ISN citation may date a later notice than
        # the listing (helper-78: 309 DPL and 52 ISN rows, by up to 286 days); the Entity
        # List's citation date is its start date in all 671 rows the two CSL files share
        listed_on = citation_date(citation)
        if listed_on:
            extra["listed_on_from"] = "federal_register_notice"
    if row.get("_id"):
        extra["csl_id"] = row["_id"].strip()
    for key in EXTRA_FIELDS:
        if (row.get(key) or "").strip():
            extra[key] = row[key].strip()
    for key in EXTRA_LISTS:
        values = split_multi(row.get(key))
        if values:
            extra[key] = values
    if notes:
        extra["notes"] = notes
    gender = [n.split(": ", 1)[1] for n in notes if n.lower().startswith("gender: ")]
    if gender:
        extra["gender"] = gender[0].lower()
    if not raw_type:
        extra["type_inferred"] = True
    history = [StatusEvent(date=listed_on, status="listed", citation=citation or "")] if listed_on else []
    return Entry(
        id=f"{list_id}:{entry_key(row)}",
        list_id=list_id,
        type=entry_type,
        names=names,
        countries=_unique(countries),
        addresses=addresses,
        identifiers=identifiers,
        programs=split_multi(row.get("programs")),
        citation=citation,
        listed_on=listed_on,
        source_url=(row.get("source_information_url") or row.get("source_list_url") or "").strip() or None,
        license_requirement=requirement,
        license_policy_text=policy_text,
        license_policy=policy,
        license_policy_partial=partial,
        fdp_footnote=fdp_footnote(requirement, policy_text, row.get("remarks")),
        status_history=history,
        remarks=(row.get("remarks") or "").strip() or None,
        extra=extra,
    )


def _entries(path: Path, rows: Iterable[tuple[int, dict[str, str]]], lists: Iterable[str] | None) -> Iterator[Entry]:
    """Rows -> entries, skipping repeated headers and unknown sources; fails
    when the file yields nothing."""
    wanted = set(lists) if lists else None
    unknown: set[str] = set()
    count = 0
    for line, row in rows:
        source = (row.get("source") or "").strip()
        if source == "source":  # a repeated header row (watchman/csl.csv line 2)
            continue
        list_id = csl_list_id(source)
        if list_id is None:
            if source not in unknown:
                log.warning("%s: line %s: unknown CSL source %r skipped", path, line, source)
                unknown.add(source)
            continue
        if not (row.get("name") or "").strip():
            raise _io.fail(path, "row has no name", line)
        count += 1
        if wanted is None or list_id in wanted:
            yield row_to_entry(row, list_id)
    if count == 0:
        raise _io.fail(path, "no CSL rows found")


def csv_rows(path: Path, *, strict: bool = True,
             cut_rows: list[dict] | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line, row dict)`` for each data row of a CSL CSV.

    Every row must have as many cells as the header. A *last* row cut off mid-way
    (short, or with a quote never closed) raises ImportFailed, unless:

    * ``cut_rows`` is a list: the cut row is dropped and described there
      (``{"line", "text"}``) for the update report (``--accept-cut-last-row``);
    * ``strict=False``: the row is kept with its missing cells empty (importer
      tests of the known-truncated extract ``watchman/csl.csv``).
    """
    text = _io.read_text(path)
    records = _io.csv_records(path, text, strict=strict)
    first = next(records, None)
    if first is None:
        raise _io.fail(path, "empty file")
    header = [h.strip() for h in first[1]]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise _io.fail(path, f"not a CSL CSV: header lacks {', '.join(missing)}", first[0])
    width = len(header)
    pending: tuple[int, list[str]] | None = None
    try:
        for line, cells in records:
            if pending is not None:
                _io.check_width(path, pending[0], pending[1], width)
                yield pending[0], dict(zip(header, pending[1]))
            pending = (line, cells)
    except CutLastRow as exc:
        if cut_rows is None:
            raise
        if pending is not None:  # the row before the cut one is complete
            _io.check_width(path, pending[0], pending[1], width)
            yield pending[0], dict(zip(header, pending[1]))
        cut_rows.append({"line": exc.detail.get("line"), "text": line_text(text, cast("int | None", exc.detail.get("line")))})
        return
    if pending is not None:
        line, cells = pending
        if len(cells) < width and cut_rows is not None:
            cut_rows.append({"line": line, "text": line_text(text, line)})
            return
        if strict and len(cells) < width:
            short = _io.fail(path, f"row has {len(cells)} columns, expected {width} (truncated file?)", line)
            raise CutLastRow(short.message, file=str(path), line=line)
        if not strict and len(cells) < width:
            log.warning("%s: line %s: truncated last row kept (%d of %d cells)", path, line, len(cells), width)
            cells = cells + [""] * (width - len(cells))
        _io.check_width(path, line, cells, width)
        yield line, dict(zip(header, cells))


def line_text(text: str, line: int | None, limit: int = 120) -> str:
    """The start of physical line ``line`` (1-based) of ``text``, to name a row in a message."""
    if not line:
        return ""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    row = text[start:] if end < 0 else text[start:end]
    return row[:limit] + ("..." if len(row) > limit else "")


def parse_csv(path: Path, *, strict: bool = True, lists: Iterable[str] | None = None,
              cut_rows: list[dict] | None = None, **_: Any) -> Iterator[Entry]:
    """Entries of an official CSL CSV (``lists`` keeps only those list ids;
    ``cut_rows``: see :func:`csv_rows`)."""
    path = Path(path)
    return _entries(path, csv_rows(path, strict=strict, cut_rows=cut_rows), lists)


def _flat(value: Any) -> str:
    """A JSON scalar or list of scalars as a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, list):
        return MULTI_SEP.join(_flat(v) for v in value if v not in (None, ""))
    return str(value).strip()


def _flat_address(addr: Any) -> str:
    """``{address, city, state, postal_code, country}`` -> "a, city, state, zip, CC"."""
    if not isinstance(addr, dict):
        return _flat(addr)
    parts = (addr.get(k) for k in ("address", "city", "state", "postal_code", "country"))
    return ", ".join(str(p).strip() for p in parts if p not in (None, ""))


def _flat_id(ident: Any) -> str:
    """``{type, number, country}`` -> "type, number, country" as in the CSV."""
    if not isinstance(ident, dict):
        return _flat(ident)
    parts = (ident.get(k) for k in ("type", "number", "country"))
    return ", ".join(str(p).strip() for p in parts if p not in (None, ""))


def json_record_to_row(record: dict[str, Any]) -> dict[str, str]:
    """Flatten one CSL JSON record into the CSV cell layout."""
    row = {col: _flat(record.get(col)) for col in CSL_COLUMNS}
    row["_id"] = _flat(record.get("_id", record.get("id")))
    row["addresses"] = MULTI_SEP.join(filter(None, (_flat_address(a) for a in record.get("addresses") or [])))
    row["ids"] = MULTI_SEP.join(filter(None, (_flat_id(i) for i in record.get("ids") or [])))
    return row


def json_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """``(record number, row dict)`` for a CSL JSON file (``{"results": [...]}``
    or a plain list)."""
    text = _io.read_text(path)
    if not text.strip():
        raise _io.fail(path, "empty file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _io.fail(path, f"invalid JSON: {exc.msg} (column {exc.colno})", exc.lineno) from exc
    records = data.get("results") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise _io.fail(path, 'not a CSL JSON file: expected {"results": [...]} or a list')
    for i, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise _io.fail(path, f"record {i} is not an object")
        yield i, json_record_to_row(record)


def parse_json(path: Path, *, lists: Iterable[str] | None = None, **_: Any) -> Iterator[Entry]:
    """Entries of an official CSL JSON download."""
    path = Path(path)
    return _entries(path, json_rows(path), lists)


def sniff_csv(path: Path) -> bool:
    """True when the first line is a CSL CSV header."""
    head = _io.head_text(path, 4096).splitlines()
    if not head:
        return False
    cols = {c.strip().strip('"') for c in head[0].split(",")}
    return {"source", "name"} <= cols and bool(cols & {"_id", "entity_number", "alt_names", "license_policy"})


def sniff_json(path: Path) -> bool:
    """True for a JSON document whose records carry CSL ``source`` and ``name``."""
    head = _io.head_text(path).lstrip()
    if not head.startswith(("{", "[")):
        return False
    return '"source"' in head and '"name"' in head and '"schema"' not in head
