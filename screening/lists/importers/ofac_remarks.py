"""Facts in OFAC legacy ``Remarks``: names, nationality, identifiers, DOB.

OFAC packs everything it has no column for into one ``; ``-separated text:
``"DOB 1962; POB Shati; nationality Haiti; Passport 1084010 (Egypt); a.k.a. 'BNC'."``.
:func:`parse_remarks` pulls out the parts that are easy and reliable; the full
text stays in ``Entry.remarks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from screening.countries import to_iso2
from screening.lists.importers._names import remark_names
from screening.types import Name

#: Remark label -> identifier type. Longest labels are tried first, so
#: "Vessel Registration Identification IMO" wins over "Identification Number".
ID_LABELS: dict[str, str] = {
    "Passport": "Passport",
    "Diplomatic Passport": "Diplomatic Passport",
    "Tax ID No.": "Tax ID",
    "Registration Number": "Registration Number",
    "Registration ID": "Registration ID",
    "National ID No.": "National ID",
    "Identification Number": "Identification Number",
    "Personal ID Card": "Personal ID Card",
    "National Foreign ID Number": "National Foreign ID",
    "Cedula No.": "Cedula",
    "C.U.R.P.": "CURP",
    "R.F.C.": "RFC",
    "RFC": "RFC",
    "NIT #": "NIT",
    "RUC #": "RUC",
    "RIF #": "RIF",
    "D.N.I.": "DNI",
    "C.U.I.": "CUI",
    "SSN": "SSN",
    "Italian Fiscal Code": "Italian Fiscal Code",
    "Residency Number": "Residency Number",
    "Birth Certificate Number": "Birth Certificate Number",
    "Driver's License No.": "Driver's License",
    "Electoral Registry No.": "Electoral Registry",
    "Business Registration Number": "Business Registration Number",
    "Business Registration Document #": "Business Registration Number",
    "Business Number": "Business Number",
    "Enterprise Number": "Enterprise Number",
    "Company Number": "Company Number",
    "UK Company Number": "Company Number",
    "Commercial Registry Number": "Commercial Registry Number",
    "Chamber of Commerce Number": "Chamber of Commerce Number",
    "Public Registration Number": "Public Registration Number",
    "Government Gazette Number": "Government Gazette Number",
    "Central Registration System Number": "Central Registration System Number",
    "Economic Register Number (CBLS)": "Economic Register Number",
    "Trade License No.": "Trade License",
    "Folio Mercantil No.": "Folio Mercantil",
    "Matricula Mercantil No": "Matricula Mercantil",
    "C.R. No.": "Commercial Registration",
    "V.A.T. Number": "VAT",
    "US FEIN": "US FEIN",
    "D-U-N-S Number": "DUNS",
    "Legal Entity Number": "LEI",
    "Unified Social Credit Code (USCC)": "USCC",
    "SWIFT/BIC": "SWIFT/BIC",
    "BIK (RU)": "BIK",
    "ISIN": "ISIN",
    "MMSI": "MMSI",
    "Vessel Registration Identification IMO": "IMO",
    "Identification Number IMO": "IMO",
    "Company Number IMO": "IMO",
    "Aircraft Manufacturer's Serial Number (MSN)": "Aircraft MSN",
    "Aircraft Tail Number": "Aircraft Tail Number",
}
#: Labels longest first (see ID_LABELS).
_LABELS = sorted(ID_LABELS, key=len, reverse=True)
#: A country in parentheses after an identifier value: "1084010 (Egypt)".
_PAREN = re.compile(r"\s*\(([^()]*)\)")
#: Text after the value that is not part of it: "issued 1999", "expires 2009".
_AFTER_VALUE = re.compile(r"\s+(?:issued|expires|valid)\b.*$", re.I)
#: "nationality Iran", "alt. citizen Russia".
_NATIONALITY = re.compile(r"^(?:alt\.\s+)?(nationality|citizen)\s+(.+)$", re.I)


@dataclass
class Remarks:
    """What :func:`parse_remarks` found."""

    names: list[Name] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)  # ISO-2
    citizenships: list[str] = field(default_factory=list)  # ISO-2
    identifiers: list[dict] = field(default_factory=list)
    dates_of_birth: list[str] = field(default_factory=list)
    places_of_birth: list[str] = field(default_factory=list)
    gender: str | None = None
    linked_to: list[str] = field(default_factory=list)


def _identifier(item: str) -> dict | None:
    """``{"type", "value", "country"?}`` for "Passport 1084010 (Egypt) issued ...",
    or None when the item is not an identifier we know."""
    for label in _LABELS:
        if item.startswith(label + " "):
            rest = _AFTER_VALUE.sub("", item[len(label):].strip())
            country = None
            for paren in _PAREN.findall(rest):
                country = to_iso2(paren) or country
            value = _PAREN.sub("", rest).strip(" .,")
            if not value:
                return None
            ident = {"type": ID_LABELS[label], "value": value}
            if country:
                ident["country"] = country
            return ident
    return None


def parse_remarks(text: str | None) -> Remarks:
    """Split an OFAC remarks text into names, countries, identifiers and DOB/POB.

    >>> r = parse_remarks("DOB 1962; POB Shati; nationality Haiti; Passport 1084010 (Egypt); a.k.a. 'BNC'.")
    >>> r.nationalities, r.identifiers, [n.value for n in r.names]
    (['HT'], [{'type': 'Passport', 'value': '1084010', 'country': 'EG'}], ['BNC'])
    """
    out = Remarks()
    if not text:
        return out
    out.names = remark_names(text)
    for raw in re.split(r";\s+", text.strip().rstrip(".")):
        item = raw.strip()
        if item.startswith("alt. "):
            item = item[5:].strip()
        if m := _NATIONALITY.match(raw.strip()):
            code = to_iso2(m.group(2))
            if code:
                (out.nationalities if m.group(1).lower() == "nationality" else out.citizenships).append(code)
        elif item.startswith("DOB "):
            out.dates_of_birth.append(item[4:].strip())
        elif item.startswith("POB "):
            out.places_of_birth.append(item[4:].strip())
        elif item.startswith("Gender "):
            out.gender = item[7:].strip().lower()
        elif item.startswith("Linked To: "):
            out.linked_to.append(item[11:].strip().rstrip("."))
        elif ident := _identifier(item):
            out.identifiers.append(ident)
    return out
