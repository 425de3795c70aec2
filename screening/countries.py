"""Country names and codes -> ISO 3166-1 alpha-2.

One small table (``resources/countries.tsv``) serves every importer: the official
CSL gives ISO codes, OFAC legacy files and BIS addresses give English names
("Russia", "U.A.E.", "Korea, North"), FollowTheMoney gives lower-case codes.

>>> to_iso2("Korea, North")
'KP'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

#: The table: ``alpha2 <TAB> alpha3 <TAB> name [<TAB> variant|variant...]``.
TABLE_PATH = Path(__file__).resolve().parent / "resources" / "countries.tsv"

#: Characters folded before lookup (curly quotes, dashes).
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def _key(text: str) -> str:
    """Lookup key: accents stripped, case-folded, whitespace squashed, no
    trailing full stop, no leading "the"."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.casefold().split()).strip(" .,;")
    if text.startswith("the "):
        text = text[4:]
    return text


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(alpha-2 -> name, alpha-3 -> alpha-2, name key -> alpha-2), read once."""
    names: dict[str, str] = {}
    alpha3: dict[str, str] = {}
    lookup: dict[str, str] = {}
    for line in TABLE_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        code, code3, name = parts[0], parts[1], parts[2]
        names[code] = name
        alpha3[code3] = code
        for variant in [name, *(parts[3].split("|") if len(parts) > 3 else [])]:
            lookup.setdefault(_key(variant), code)
    return names, alpha3, lookup


def to_iso2(value: str | None) -> str | None:
    """Return the ISO 3166-1 alpha-2 code for a country name, alpha-2 or alpha-3
    code (any case), or None when ``value`` is not recognisably a country.

    >>> to_iso2("Russian Federation"), to_iso2("ru"), to_iso2("CHN"), to_iso2("Izhevsk")
    ('RU', 'RU', 'CN', None)
    """
    if not value:
        return None
    text = value.strip().strip(".,;:()").strip()
    if not text:
        return None
    names, alpha3, lookup = _tables()
    if len(text) == 2 and text.isascii() and text.isalpha():
        up = text.upper()
        if up in names:
            return up
    if len(text) == 3 and text.isascii() and text.isalpha() and text.isupper():
        if text in alpha3:
            return alpha3[text]
    return lookup.get(_key(text))


def country_names() -> dict[str, str]:
    """Every alpha-2 code with its English short name ("CN": "China")."""
    return dict(_tables()[0])


def country_name(code: str) -> str | None:
    """English short name for an alpha-2 code ("CN" -> "China"), or None."""
    return _tables()[0].get(code.upper())


#: A trailing "(See alternate addresses under Pakistan)." style note.
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)?[\s.]*$")
#: Postal codes and other tokens that contain a digit.
_DIGIT_TOKEN = re.compile(r"\S*\d\S*")
#: US state and territory abbreviations: "EL PASO, TX, 79905" is in the US,
#: not Texas-as-a-country; "LOS ANGELES, CA, 90001" is not in Canada.
US_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split()
)
#: Most words tried from the end of an address part ("... Zwijnaarde Belgium").
_MAX_SUFFIX_WORDS = 4


def _country_of_part(part: str) -> str | None:
    """The part itself, else its last 1..4 words, as a country."""
    code = to_iso2(part)
    if code:
        return code
    words = part.replace(".", ". ").split()
    for n in range(1, min(_MAX_SUFFIX_WORDS, len(words) - 1) + 1):
        tail = " ".join(words[-n:])
        if len(tail) > 3:  # never a bare 2-3 letter code out of running text
            code = to_iso2(tail)
            if code:
                return code
    return None


def country_of_address(address: str) -> str | None:
    """Guess the country of a one-line address from its last comma-separated
    parts ("..., Xian 710089, Yanliang District, China" -> "CN").

    Only the last two non-numeric parts are tried, so a street or city that
    happens to share a country's name earlier in the line is never used. A US
    state abbreviation before a ZIP code ("EL PASO, TX, 79905") means the US.
    """
    text = address.strip()
    while True:
        stripped = _TRAILING_NOTE.sub("", text)
        if stripped == text:
            break
        text = stripped
    tried = 0
    after_number = False
    for raw in reversed(text.split(",")):
        part = _DIGIT_TOKEN.sub(" ", raw).strip(" .;:")
        if not part:
            after_number = after_number or bool(raw.strip())
            continue
        if after_number and part in US_STATES:
            return "US"
        code = _country_of_part(part)
        if code:
            return code
        tried += 1
        if tried >= 2:
            break
    return None
