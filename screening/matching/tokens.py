"""What name analysis produces: tags, :class:`Token`, :class:`Choice`, :class:`NameAnalysis`.

Shared by the script modules (:mod:`names_latin`, :mod:`names_han`,
:mod:`names_ko_ja`) and the dispatcher :mod:`screening.matching.names`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace


DISTINCTIVE = "distinctive"


GENERIC = "generic"


LEGAL = "legal"


LOCATION = "location"


NUMBER = "number"


INITIAL = "initial"


STOP = "stop"


TAGS = (DISTINCTIVE, GENERIC, LEGAL, LOCATION, NUMBER, INITIAL, STOP)


#: Han runs of at most this many characters, with no organisation term, are personal
#: names; Latin names of more parts are not read as Wade-Giles personal names either.
HAN_PERSON_MAX = 4

PERSON = "person"


COMPANY = "company"


ANALYSIS_CACHE = 1 << 16


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name, as compared.

    ``text`` is the folded compare form, ``skel`` its romanisation skeleton,
    ``source`` the original fragment (for explanations, e.g. "海光") and
    ``note`` how the compare form was derived ("pinyin of 海光").
    """

    text: str
    tag: str
    skel: str
    source: str = ""
    note: str = ""
    family: bool = False  # a person's family name, when the writing says so

    def __reduce__(self) -> tuple[type, tuple[str, str, str, str, str, bool]]:
        # pickled as its fields: an index snapshot holds ~140,000 tokens, and the
        # dataclass default (one setattr per field after looking the fields up) cost
        # most of a snapshot's load
        return Token, (self.text, self.tag, self.skel, self.source, self.note, self.family)


@dataclass(frozen=True, slots=True)
class Choice:
    """Other readings of ``size`` tokens starting at ``start`` of the primary reading.

    工业大学 reads "polytechnical university" first; "institute of technology"
    is another reading, one of ``readings``. A reading may be empty (市 after a
    place name: English listings mostly leave "city" out).
    """

    start: int
    size: int
    readings: tuple[tuple[Token, ...], ...]

    def __reduce__(self) -> tuple[type, tuple[int, int, tuple[tuple[Token, ...], ...]]]:
        # as its fields: compiled, a frozen dataclass cannot be rebuilt field by field
        return Choice, (self.start, self.size, self.readings)


@dataclass
class NameAnalysis:
    """What the pipeline made of one name."""

    original: str
    tokens: tuple[Token, ...]
    schema: str | None = None  # "person", "company" or None (unknown)
    script: str = "Latn"
    #: other readings of the same name (e.g. the plain pinyin of a Chinese name)
    variants: list[tuple[Token, ...]] = field(default_factory=list)
    #: acronyms found in parentheses, e.g. "SMIC"; indexed as aliases
    acronyms: list[str] = field(default_factory=list)
    #: former names written around the name ("(ex-SEA BREEZE)"); aliases too
    former: list[str] = field(default_factory=list)
    #: legal forms recognised and ignored, as written
    legal: list[str] = field(default_factory=list)
    #: alternative readings of parts of ``tokens``
    choices: tuple[Choice, ...] = ()
    #: what the fallback readings are made from (computed only when asked)
    fallback_key: tuple[str, bool] | None = None

    @property
    def fallbacks(self) -> list[tuple[str, tuple[Token, ...], tuple[Choice, ...]]]:
        """Readings in another language, tried when the others find nothing.

        The Korean reading of 金正恩 (Kim Jong Un), the Japanese reading of
        山田太郎 (Yamada Taro): ``(label, tokens, choices)`` each.
        """
        if self.fallback_key is None:
            return []
        from screening.matching.names_ko_ja import other_readings  # the readers import this module

        return other_readings(*self.fallback_key)

    def without_readings(self, note: str) -> NameAnalysis:
        """This analysis without the choices whose readings' notes start with ``note``
        (a reading system one side of a search only uses: Cantonese pinyin, Hong Kong
        spellings)."""
        kept = tuple(c for c in self.choices if not any(t.note.startswith(note) for r in c.readings for t in r))
        return self if len(kept) == len(self.choices) else replace(self, choices=kept)

    @property
    def other_names(self) -> list[str]:
        """Names found inside this one (acronyms, former names), matched as aliases."""
        return self.acronyms + self.former

    @property
    def numbers(self) -> frozenset[str]:
        """The numbers in the name ("13" for "13th")."""
        return frozenset(t.text for t in self.tokens if t.tag == NUMBER)

    def texts(self, *tags: str) -> list[str]:
        """Compare forms of the tokens with one of ``tags`` (all when none given)."""
        return [t.text for t in self.tokens if not tags or t.tag in tags]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready view, for the CLI and API."""
        return {
            "original": self.original,
            "schema": self.schema,
            "script": self.script,
            "tokens": [
                {"text": t.text, "tag": t.tag, "source": t.source, "note": t.note} for t in self.tokens
            ],
            "variants": [[t.text for t in v] for v in self.variants],
            "alternatives": [
                {"at": c.start, "size": c.size, "readings": [[t.text for t in r] for r in c.readings]}
                for c in self.choices
            ],
            "fallbacks": {label: [t.text for t in toks] for label, toks, _ in self.fallbacks},
            "acronyms": list(self.acronyms),
            "former": list(self.former),
            "legal": list(self.legal),
        }


class Builder:
    """Accumulates tokens and the choices among their readings."""

    __slots__ = ("tokens", "choices")

    def __init__(self) -> None:
        self.tokens: list[Token] = []
        self.choices: list[Choice] = []

    def add(self, readings: list[tuple[Token, ...]]) -> None:
        """Append the first reading; keep the others as a choice."""
        primary = readings[0]
        others = tuple(r for r in readings[1:] if [x.text for x in r] != [x.text for x in primary])
        if others:
            self.choices.append(Choice(len(self.tokens), len(primary), others))
        self.tokens.extend(primary)

    def extend(self, other: "Builder") -> None:
        """Append another builder's tokens and choices."""
        offset = len(self.tokens)
        self.tokens.extend(other.tokens)
        self.choices.extend(Choice(c.start + offset, c.size, c.readings) for c in other.choices)
