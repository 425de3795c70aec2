"""The data every part of the service speaks: list entries, names, status events,
ownership relationships.

Importers yield :class:`Entry` and :class:`Relationship` objects; only the store
writes them. The matcher and the rules read them back. Everything here is plain
data with ``to_dict`` / ``from_dict`` so it round-trips through SQLite JSON.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import asdict, dataclass, field, fields

from screening.texts import render

#: Entry types (rules.md / issue 2).
ENTRY_TYPES = ("company", "person", "organization", "vessel", "aircraft")

#: Name kinds.
NAME_KINDS = ("primary", "alias", "former", "chinese", "acronym", "weak")

#: Status events in an entry's dated history.
STATUS_KINDS = ("listed", "suspended", "resumed", "removed", "amended")

#: Normalised licence review policies (rules.md §7.1), most severe first.
POLICIES = (
    "POLICY_OF_DENIAL",
    "PRESUMPTION_OF_DENIAL",
    "CASE_BY_CASE",
    "LICENSE_REQUIRED",
)


def detect_script(text: str) -> str:
    """Return the dominant ISO 15924-style script code of ``text``.

    ``Hani`` (Han), ``Latn``, ``Cyrl``, ``Arab``, ``Hebr``, ``Grek``, ``Hang``
    (Hangul), ``Kana`` (Japanese kana), ``Thai`` or ``Zyyy`` when no letter is found.
    """
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        try:
            uname = unicodedata.name(ch)
        except ValueError:
            continue
        if uname.startswith("CJK"):
            code = "Hani"
        elif uname.startswith(("HIRAGANA", "KATAKANA")):
            code = "Kana"
        elif uname.startswith("HANGUL"):
            code = "Hang"
        else:
            code = {
                "LATIN": "Latn", "CYRILLIC": "Cyrl", "ARABIC": "Arab", "HEBREW": "Hebr",
                "GREEK": "Grek", "THAI": "Thai", "ARMENIAN": "Armn", "GEORGIAN": "Geor",
                "DEVANAGARI": "Deva", "FULLWIDTH": "Latn",
            }.get(uname.split(" ")[0], "Zyyy")
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return "Zyyy"
    # Any Han at all in a mixed string makes it a Han name (e.g. "华为(Huawei)").
    if counts.get("Hani") and counts["Hani"] >= 2:
        return "Hani"
    return max(counts, key=lambda k: counts[k])


@dataclass
class Name:
    """One name of a listed party."""

    value: str
    kind: str = "primary"  # one of NAME_KINDS
    script: str = ""  # filled by detect_script when empty
    lang: str | None = None

    def __post_init__(self) -> None:
        self.value = " ".join(str(self.value).split())
        if not self.script:
            self.script = detect_script(self.value)


@dataclass
class StatusEvent:
    """A dated change in an entry's legal status.

    ``status`` is one of STATUS_KINDS. A suspension may carry ``until`` (the last
    day of the suspension, inclusive) and ``horizon``: True when what happens
    after ``until`` is not known from any source (rules.md §8.4).
    """

    date: str  # ISO date YYYY-MM-DD
    status: str
    citation: str = ""
    url: str | None = None
    until: str | None = None
    horizon: bool = False
    note: str | None = None
    confidence: str | None = None


@dataclass
class Entry:
    """A party on a list, as the list's source describes it."""

    id: str  # stable across versions: "<list_id>:<source key>"
    list_id: str
    type: str  # one of ENTRY_TYPES
    names: list[Name]
    countries: list[str] = field(default_factory=list)  # ISO 3166-1 alpha-2
    addresses: list[str] = field(default_factory=list)
    identifiers: list[dict] = field(default_factory=list)  # {"type", "value", "country"?}
    programs: list[str] = field(default_factory=list)
    citation: str | None = None  # listing citation: FR notice, announcement number
    listed_on: str | None = None  # ISO date
    source_url: str | None = None
    license_requirement: str | None = None
    license_policy_text: str | None = None  # original wording
    license_policy: str | None = None  # one of POLICIES, or None when the source gives none
    license_policy_partial: bool = False  # item-dependent (mixed) policy
    fdp_footnote: str | None = None  # e.g. "1", "4", "5"
    measures: list[str] = field(default_factory=list)
    status_history: list[StatusEvent] = field(default_factory=list)
    remarks: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        """The primary name (first primary, else first name)."""
        for n in self.names:
            if n.kind == "primary":
                return n.value
        return self.names[0].value if self.names else ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Entry":
        data = dict(data)
        data["names"] = [Name(**n) for n in data.get("names", [])]
        data["status_history"] = [StatusEvent(**s) for s in data.get("status_history", [])]
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def content_hash(self) -> str:
        """A sha256 of the entry's content; changes whenever anything listed changes."""
        blob = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


@dataclass
class Relationship:
    """An ownership edge: ``owner`` holds ``percent`` of ``owned``.

    ``owner`` / ``owned`` are entry ids when the party is listed, otherwise a
    free-text party key (a normalised name such as ``"name:acme trading co"``).
    ``percent`` is None when the share is unknown (BIS Red Flag 29).
    """

    owner: str
    owned: str
    percent: float | None
    source: str
    owner_name: str | None = None
    owned_name: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    relation: str = "ownership"  # ownership | control

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Hit:
    """A listed party the query may be, with the evidence.

    ``strength`` is ``"match"`` (treat as the listed party) or ``"review"`` (a human
    should look). ``features`` maps each signal's name to its value in [0, 1]
    (penalties are negative); ``explanation`` is a short human-readable list.
    """

    entry: Entry
    matched_name: str
    score: float
    strength: str
    features: dict[str, float] = field(default_factory=dict)
    explanation: list[str] = field(default_factory=list)
    query_name: str | None = None  # which query name/alias produced the hit

    def to_dict(self) -> dict:
        e = self.entry
        return {
            "entry_id": e.id,
            "list": e.list_id,
            "name": e.name,
            "matched_name": self.matched_name,
            "query_name": self.query_name,
            "score": round(self.score, 4),
            "strength": self.strength,
            "features": {k: round(v, 4) for k, v in self.features.items()},
            "explanation": [str(line) for line in self.explanation],
            "explanation_zh": [render(line, "zh") for line in self.explanation],
            "type": e.type,
            "countries": list(e.countries),
        }
