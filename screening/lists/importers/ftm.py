"""FollowTheMoney JSON lines (OpenSanctions exports): one entity per line,
``{"id", "schema", "caption", "properties": {...}, "datasets": [...], "target"}``.

Parties (Company, Organization, LegalEntity, PublicBody, Person, Vessel,
Airplane) become entries; ``Ownership`` records become relationships;
``Sanction`` records add their programme, authority and dates to the sanctioned
party; ``Address`` records fill addresses referenced by ``addressEntity``.
Everything else (Family, Directorship, Passport...) is ignored.

Options: ``list_id`` (default ``"ftm"``) prefixes every id; ``targets_only``
keeps only parties OpenSanctions marks as targets (``"target": true``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from screening.countries import to_iso2
from screening.lists.importers import _io
from screening.lists.importers._names import dedupe
from screening.types import Entry, Name, Relationship

#: Default list id.
DEFAULT_LIST = "ftm"
#: FTM schema -> entry type.
PARTY_SCHEMAS = {
    "Company": "company",
    "LegalEntity": "company",
    "Organization": "organization",
    "PublicBody": "organization",
    "Person": "person",
    "Vessel": "vessel",
    "Airplane": "aircraft",
}
#: Name properties -> name kind, in the order names are listed.
NAME_PROPS = (
    ("name", "alias"),
    ("alias", "alias"),
    ("abbreviation", "acronym"),
    ("previousName", "former"),
    ("weakAlias", "weak"),
)
#: Country properties, most specific first.
COUNTRY_PROPS = ("country", "jurisdiction", "nationality", "citizenship", "mainCountry", "flag")
#: Identifier properties -> identifier type.
ID_PROPS = {
    "registrationNumber": "Registration Number",
    "innCode": "INN",
    "ogrnCode": "OGRN",
    "kppCode": "KPP",
    "okpoCode": "OKPO",
    "taxNumber": "Tax ID",
    "leiCode": "LEI",
    "swiftBic": "SWIFT/BIC",
    "imoNumber": "IMO",
    "mmsi": "MMSI",
    "idNumber": "National ID",
    "passportNumber": "Passport",
    "uniqueEntityId": "UEI",
    "permId": "PermID",
    "isin": "ISIN",
    "vatCode": "VAT",
    "dunsCode": "DUNS",
}
#: Party properties copied to ``extra`` when present.
EXTRA_PROPS = ("birthDate", "birthPlace", "gender", "incorporationDate", "dissolutionDate",
               "legalForm", "status", "position", "notes", "sourceUrl", "website")
#: A share: "49", "49%", "50.5", "49,5 %".
_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")


def parse_percent(value: str | None) -> float | None:
    """``"49"``, ``"49%"``, ``"50.5"`` -> float; empty or unparseable -> None.

    >>> parse_percent("49%"), parse_percent(""), parse_percent("unknown")
    (49.0, None, None)
    """
    if value is None:
        return None
    m = _PERCENT.match(str(value))
    if not m:
        return None
    number = float(m.group(1).replace(",", "."))
    return number if 0 <= number <= 100 else None


def _props(record: dict) -> dict[str, list]:
    props = record.get("properties")
    return props if isinstance(props, dict) else {}


def _first(values: list | None) -> str | None:
    return str(values[0]) if values else None


def read_records(path: Path) -> Iterator[tuple[int, dict]]:
    """``(line, record)`` for each non-blank line; a line that is not a JSON
    object with ``id`` and ``schema`` raises ImportFailed naming it."""
    text = _io.read_text(path)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise _io.fail(path, f"invalid JSON: {exc.msg} (column {exc.colno})", number) from exc
        if not isinstance(record, dict) or "id" not in record or "schema" not in record:
            raise _io.fail(path, "not a FollowTheMoney entity (no id/schema)", number)
        yield number, record


def _address_text(record: dict) -> str:
    props = _props(record)
    full = _first(props.get("full"))
    if full:
        return full
    parts = [_first(props.get(k)) for k in ("street", "city", "postalCode", "region", "country")]
    return ", ".join(p for p in parts if p)


def _names(record: dict) -> list[Name]:
    props = _props(record)
    caption = record.get("caption") or _first(props.get("name")) or ""
    names = [Name(caption, "primary")] if caption else []
    for prop, kind in NAME_PROPS:
        names.extend(Name(str(v), kind) for v in props.get(prop, []) if v)
    names = dedupe(names)
    if names and names[0].kind != "primary":
        names[0].kind = "primary"
    return names


def _entry(record: dict, list_id: str, addresses: dict[str, str], sanctions: list[dict]) -> Entry:
    props = _props(record)
    countries = [to_iso2(str(c)) for p in COUNTRY_PROPS for c in props.get(p, [])]
    address_list = [str(a) for a in props.get("address", [])]
    address_list += [addresses[a] for a in props.get("addressEntity", []) if a in addresses]
    identifiers = [
        {"type": kind, "value": str(v)}
        for prop, kind in ID_PROPS.items() for v in props.get(prop, []) if v
    ]
    programs = [str(p) for p in props.get("programId", [])]
    for s in sanctions:
        programs.extend(s.get("program_ids") or [])
    extra: dict[str, Any] = {"ftm_id": record["id"], "schema": record["schema"]}
    for key in ("datasets", "target", "first_seen", "last_seen"):
        if record.get(key) not in (None, [], ""):
            extra[key] = record[key]
    if props.get("topics"):
        extra["topics"] = list(props["topics"])
    for key in EXTRA_PROPS:
        if props.get(key):
            extra[key] = list(props[key])
    if sanctions:
        extra["sanctions"] = sanctions
    starts = sorted(s["start_date"] for s in sanctions if s.get("start_date"))
    return Entry(
        id=f"{list_id}:{record['id']}",
        list_id=list_id,
        type=PARTY_SCHEMAS[record["schema"]],
        names=_names(record),
        countries=list(dict.fromkeys(c for c in countries if c)),
        addresses=list(dict.fromkeys(address_list)),
        identifiers=identifiers,
        programs=list(dict.fromkeys(programs)),
        listed_on=starts[0][:10] if starts else None,
        source_url=_first(props.get("sourceUrl")),
        extra=extra,
    )


def _sanction(record: dict) -> dict:
    props = _props(record)
    out: dict[str, Any] = {
        "program": _first(props.get("program")),
        "program_ids": [str(p) for p in props.get("programId", [])],
        "authority": _first(props.get("authority")),
        "start_date": _first(props.get("startDate")) or _first(props.get("listingDate")),
        "end_date": _first(props.get("endDate")),
        "source_url": _first(props.get("sourceUrl")),
    }
    return {k: v for k, v in out.items() if v not in (None, [])}


def _relationship(record: dict, list_id: str, names: dict[str, str], source: str) -> Relationship | None:
    props = _props(record)
    owner, asset = _first(props.get("owner")), _first(props.get("asset"))
    if not owner or not asset:
        return None
    start, end = _first(props.get("startDate")), _first(props.get("endDate"))
    return Relationship(
        owner=f"{list_id}:{owner}",
        owned=f"{list_id}:{asset}",
        percent=parse_percent(_first(props.get("percentage"))),
        source=source,
        owner_name=names.get(owner),
        owned_name=names.get(asset),
        start_date=start[:10] if start else None,
        end_date=end[:10] if end else None,
    )


def parse(path: Path, *, list_id: str = DEFAULT_LIST, targets_only: bool = False, **_: Any) -> Iterator[Entry | Relationship]:
    """Entries (parties) then relationships (ownerships) of an FTM file."""
    path = Path(path)
    parties: list[dict] = []
    ownerships: list[dict] = []
    addresses: dict[str, str] = {}
    sanctions: dict[str, list[dict]] = {}
    for _line, record in read_records(path):
        schema = record["schema"]
        if schema in PARTY_SCHEMAS:
            parties.append(record)
        elif schema == "Ownership":
            ownerships.append(record)
        elif schema == "Address":
            addresses[record["id"]] = _address_text(record)
        elif schema == "Sanction":
            for entity in _props(record).get("entity", []):
                sanctions.setdefault(entity, []).append(_sanction(record))
    if not parties and not ownerships:
        raise _io.fail(path, "no parties or ownerships found")
    names: dict[str, str] = {}
    for record in parties:
        names[record["id"]] = record.get("caption") or _first(_props(record).get("name")) or record["id"]
        if targets_only and not record.get("target"):
            continue
        yield _entry(record, list_id, addresses, sanctions.get(record["id"], []))
    for record in ownerships:
        rel = _relationship(record, list_id, names, path.name)
        if rel is not None:
            yield rel


def sniff(path: Path) -> bool:
    """True when the first line is a JSON object with ``schema`` and ``properties``."""
    head = _io.head_text(path).lstrip()
    first = head.split("\n", 1)[0]
    if not first.startswith("{"):
        return False
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return '"schema"' in first and '"properties"' in first
    return isinstance(record, dict) and "schema" in record and "properties" in record
