"""OFAC legacy CSV files: the SDN list (``sdn.csv``) and the consolidated
non-SDN lists (``cons_prim.csv``), each with optional sibling files in the same
folder: addresses (``add.csv`` / ``cons_add.csv``), aliases (``alt.csv`` /
``cons_alt.csv``) and remarks continuations (``sdn_comments.csv`` /
``cons_comments.csv``). Any of them may be gzipped (``.csv.gz``).

The files have no header row; ``-0-`` means empty and the last line is a
Ctrl-Z. Layouts (OFAC's own column names):

* primary: ``ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type,
  Tonnage, GRT, Vess_flag, Vess_owner, Remarks``
* address: ``ent_num, add_num, address, city/state/postal, country, add_remarks``
* alias: ``ent_num, alt_num, alt_type, alt_name, alt_remarks``
* comments: ``ent_num, remarks continuation``

Names are kept as listed ("LAST, First"); the matcher handles word order.
Every non-SDN entry is put on one list from its programs (:func:`cons_list_id`).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from screening.countries import to_iso2
from screening.lists.importers import _io
from screening.lists.importers._names import acronym_names, dedupe, guess_type, split_aka
from screening.lists.importers.ofac_remarks import parse_remarks
from screening.text import ascii_digits
from screening.types import Entry, Name

log = logging.getLogger(__name__)

#: OFAC's empty-cell marker.
EMPTY = "-0-"
#: Cells per row in each file.
PRIMARY_WIDTH, ADDRESS_WIDTH, ALIAS_WIDTH, COMMENT_WIDTH = 12, 6, 5, 2
#: Encoding tried when a file is not UTF-8 (older OFAC downloads).
FALLBACK_ENCODING = "cp1252"
#: SDN_Type -> entry type ("-0-" is an entity: company or organisation).
TYPE_MAP = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft"}
#: alt_type -> name kind.
ALT_KIND = {"aka": "alias", "fka": "former", "nka": "alias"}
#: Vessel columns kept in ``extra``.
VESSEL_FIELDS = ("call_sign", "vessel_type", "tonnage", "grt", "vessel_flag", "vessel_owner")
#: SDN list id.
SDN_LIST = "us-sdn"
#: Where OFAC's consolidated program tags put a non-SDN entry (first match
#: wins; whole tokens, so "RUSSIA" is not "SSI").
CONS_PROGRAM_LISTS = (
    (re.compile(r"UKRAINE-EO13662|\bSSI\b"), "us-ssi"),
    (re.compile(r"\bPLC\b"), "us-plc"),
    (re.compile(r"\bCMIC\b"), "us-cmic"),
    (re.compile(r"\bFSE\b"), "us-fse"),
    (re.compile(r"\b561\b|\bCAPTA?\b"), "us-cap"),
    (re.compile(r"\bMBS\b"), "us-mbs"),
)
#: Non-SDN entries with none of the tags above (RUSSIA-EO14024 directives,
#: CAATSA - RUSSIA, BURMA-EO14014, ILLICIT-DRUGS-EO14059) are OFAC's menu-based
#: sanctions list, as the CSL files them.
CONS_DEFAULT_LIST = "us-mbs"


@dataclass(frozen=True)
class FileSet:
    """The files of one OFAC publication (siblings may be None)."""

    primary: Path
    addresses: Path | None
    aliases: Path | None
    comments: Path | None


def cell(value: str) -> str:
    """A cell's text, with ``-0-`` as empty."""
    value = value.strip()
    return "" if value == EMPTY else value


def split_programs(value: str) -> list[str]:
    """``"UKRAINE-EO13662] [RUSSIA-EO14024"`` -> two programs."""
    return [p.strip(" []") for p in cell(value).split("] [") if p.strip(" []")]


def cons_list_id(programs: list[str]) -> str:
    """The list id of a consolidated (non-SDN) entry, from its programs."""
    tags = [p.upper() for p in programs]
    for pattern, list_id in CONS_PROGRAM_LISTS:
        if any(pattern.search(tag) for tag in tags):
            return list_id
    return CONS_DEFAULT_LIST


def _find(folder: Path, *names: str) -> Path | None:
    """A file in ``folder`` named one of ``names`` (case-insensitive, optionally
    with ``.gz``)."""
    if not folder.is_dir():
        return None
    wanted = {n.lower() for n in names} | {n.lower() + ".gz" for n in names}
    for child in sorted(folder.iterdir()):
        if child.name.lower() in wanted and child.is_file():
            return child
    return None


def file_set(path: Path, kind: str, **explicit: Path | None) -> FileSet:
    """Locate the primary file and its siblings. ``path`` is the primary file or
    its folder; ``addresses=``/``aliases=``/``comments=`` override siblings."""
    path = Path(path)
    prefix = "cons_" if kind == "cons" else ""
    primary_name = "cons_prim.csv" if kind == "cons" else "sdn.csv"
    if path.is_dir():
        found = _find(path, primary_name)
        if found is None:
            raise _io.fail(path, f"no {primary_name} in folder")
        primary, folder = found, path
    else:
        primary, folder = path, path.parent
    comments = ("cons_comments.csv",) if kind == "cons" else ("sdn_comments.csv",)

    def pick(key: str, *names: str) -> Path | None:
        if key in explicit:
            given = explicit[key]
            return Path(given) if given else None
        return _find(folder, *names)

    return FileSet(
        primary=primary,
        addresses=pick("addresses", prefix + "add.csv"),
        aliases=pick("aliases", prefix + "alt.csv"),
        comments=pick("comments", *comments),
    )


def _rows(path: Path, width: int) -> Iterator[tuple[int, list[str]]]:
    """Rows of a header-less OFAC file, each exactly ``width`` cells with an
    integer ``ent_num``."""
    text = _io.read_text(path, fallback=FALLBACK_ENCODING)
    for line, row in _io.csv_records(path, text, strict=True):
        _io.check_width(path, line, row, width)
        if not ascii_digits(row[0].strip()):
            raise _io.fail(path, f"ent_num {row[0].strip()!r} is not a number", line)
        yield line, row


def _siblings(files: FileSet) -> tuple[dict[str, list[str]], dict[str, list[Name]], dict[str, str], dict[str, list[str]]]:
    """(addresses, alias names, remark continuations, address countries) by ent_num."""
    addresses: dict[str, list[str]] = defaultdict(list)
    countries: dict[str, list[str]] = defaultdict(list)
    aliases: dict[str, list[Name]] = defaultdict(list)
    comments: dict[str, str] = {}
    if files.addresses:
        for _, row in _rows(files.addresses, ADDRESS_WIDTH):
            ent, parts = row[0].strip(), [cell(c) for c in row[2:5]]
            text = ", ".join(p for p in parts if p)
            if text:
                addresses[ent].append(text)
            code = to_iso2(parts[2])
            if code:
                countries[ent].append(code)
    if files.aliases:
        for _, row in _rows(files.aliases, ALIAS_WIDTH):
            kind = ALT_KIND.get(cell(row[2]).lower(), "alias")
            value = cell(row[3])
            if value:
                aliases[row[0].strip()].extend(split_aka(value, kind))
    if files.comments:
        for _, row in _rows(files.comments, COMMENT_WIDTH):
            comments[row[0].strip()] = comments.get(row[0].strip(), "") + cell(row[1])
    return addresses, aliases, comments, countries


def _entry(row: list[str], list_id: str, addresses: list[str], aliases: list[Name],
           more_remarks: str, address_countries: list[str]) -> Entry:
    """Map one primary row (plus its sibling data) to an Entry."""
    ent_num = row[0].strip()
    name = cell(row[1])
    raw_type = cell(row[2]).lower()
    entry_type = TYPE_MAP.get(raw_type) or guess_type(name)
    programs = split_programs(row[3])
    remarks_text = (cell(row[11]) + more_remarks).strip() or None
    remarks = parse_remarks(remarks_text)
    names = split_aka(name, "primary")
    if names and entry_type != "person":
        names.extend(acronym_names(names[0].value))
    names = dedupe([*names, *aliases, *remarks.names])
    vessel = dict(zip(VESSEL_FIELDS, (cell(c) for c in row[5:11])))
    countries = [*address_countries, *remarks.nationalities, *remarks.citizenships]
    if entry_type == "vessel" and vessel["vessel_flag"]:
        countries.append(to_iso2(vessel["vessel_flag"]) or "")
    extra: dict[str, Any] = {k: v for k, v in vessel.items() if v}
    if cell(row[4]):
        extra["title"] = cell(row[4])
    for key in ("dates_of_birth", "places_of_birth", "linked_to"):
        if getattr(remarks, key):
            extra[key] = getattr(remarks, key)
    if remarks.gender:
        extra["gender"] = remarks.gender
    if remarks.citizenships:
        extra["citizenships"] = remarks.citizenships
    if remarks.nationalities:
        extra["nationalities"] = remarks.nationalities
    return Entry(
        id=f"{list_id}:{ent_num}",
        list_id=list_id,
        type=entry_type,
        names=names,
        countries=list(dict.fromkeys(c for c in countries if c)),
        addresses=addresses,
        identifiers=remarks.identifiers,
        programs=programs,
        remarks=remarks_text,
        extra=extra,
    )


def _parse(path: Path, kind: str, **options: Any) -> Iterator[Entry]:
    files = file_set(path, kind, **{k: v for k, v in options.items() if k in ("addresses", "aliases", "comments")})
    primary = list(_rows(files.primary, PRIMARY_WIDTH))
    if not primary:
        raise _io.fail(files.primary, "no rows found")
    addresses, aliases, comments, countries = _siblings(files)
    for _, row in primary:
        ent = row[0].strip()
        list_id = SDN_LIST if kind == "sdn" else cons_list_id(split_programs(row[3]))
        if not cell(row[1]):
            raise _io.fail(files.primary, f"ent_num {ent} has no name")
        yield _entry(row, list_id, addresses.get(ent, []), aliases.get(ent, []),
                     comments.get(ent, ""), countries.get(ent, []))


def parse_sdn(path: Path, **options: Any) -> Iterator[Entry]:
    """Entries of an OFAC legacy ``sdn.csv`` (plus ``add.csv``/``alt.csv``/
    ``sdn_comments.csv`` when beside it), all on list ``us-sdn``."""
    return _parse(Path(path), "sdn", **options)


def parse_cons(path: Path, **options: Any) -> Iterator[Entry]:
    """Entries of OFAC's consolidated non-SDN ``cons_prim.csv`` and siblings."""
    return _parse(Path(path), "cons", **options)


def _looks_primary(path: Path) -> bool:
    """True when the first record has 12 cells and a numeric ent_num."""
    head = _io.head_text(path, 8192)
    first = next(iter(head.splitlines()), "")
    if not first[:1].isdigit():
        return False
    try:
        row = next(_io.csv_records(path, first + "\n", strict=False))[1]
    except (StopIteration, Exception):
        return False
    return len(row) == PRIMARY_WIDTH and row[0].strip().isdigit()


def sniff_cons(path: Path) -> bool:
    """A ``cons_prim.csv`` file (or a folder holding one)."""
    path = Path(path)
    if path.is_dir():
        return _find(path, "cons_prim.csv") is not None
    return path.name.lower().startswith("cons_") and _looks_primary(path)


def sniff_sdn(path: Path) -> bool:
    """An ``sdn.csv``-layout file (or a folder holding ``sdn.csv``)."""
    path = Path(path)
    if path.is_dir():
        return _find(path, "sdn.csv") is not None
    return _looks_primary(path)
