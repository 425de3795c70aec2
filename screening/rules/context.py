"""Transaction context: what is being sold, what it contains, where it goes, for what.

Party screening needs only a name. Transaction screening adds the facts the item
and end-use rules turn on (rules.md §8.1): the item (a China control code such as
``1C904``, an element such as ``Tb`` / ``terbium`` / ``铽``, "rare-earth magnet",
"sputtering target", "technology", an ECCN or ``EAR99``), its China-origin
rare-earth share of value (No. 61 Art. 1(1), the 0.1 % rule), whether it was made
with Chinese rare-earth technology (Art. 1(2)), the US nexus (subject to the EAR,
US person) and the end use.

Every field is optional; a missing fact is reported by the rules as a
``depends_on`` entry rather than guessed. :meth:`TransactionContext.from_dict`
is tolerant of spelling ("0.5%", "yes", "end-use", "Japan") and raises
:class:`~screening.errors.Invalid` (422) with a clear message on anything else.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from screening.errors import Invalid

#: End uses the rules know (rules.md §3.1, §8.1).
END_USES = (
    "military", "wmd", "terrorism", "logic_le_14nm", "memory_ge_256_layers",
    "semiconductor_equipment", "semiconductor_materials", "military_ai",
    "humanitarian", "civil",
)

#: Other spellings of the end uses (keys are lower-case, spaces and hyphens as "_").
END_USE_ALIASES = {
    "military_use": "military", "military_end_use": "military", "defence": "military",
    "defense": "military", "military_potential": "military",
    "weapons_of_mass_destruction": "wmd", "nuclear": "wmd", "missile": "wmd",
    "chemical_weapons": "wmd", "biological_weapons": "wmd",
    "terrorist": "terrorism",
    "logic": "logic_le_14nm", "advanced_logic": "logic_le_14nm", "14nm": "logic_le_14nm",
    "<=14nm": "logic_le_14nm", "≤14nm": "logic_le_14nm", "logic_14nm": "logic_le_14nm",
    "memory": "memory_ge_256_layers", "256_layer_memory": "memory_ge_256_layers",
    ">=256_layers": "memory_ge_256_layers", "≥256_layers": "memory_ge_256_layers",
    "nand": "memory_ge_256_layers", "advanced_memory": "memory_ge_256_layers",
    "sme": "semiconductor_equipment", "chip_equipment": "semiconductor_equipment",
    "semiconductor_manufacturing_equipment": "semiconductor_equipment",
    "chip_materials": "semiconductor_materials",
    "ai": "military_ai", "military_artificial_intelligence": "military_ai",
    "humanitarian_aid": "humanitarian", "medical": "humanitarian",
    "disaster_relief": "humanitarian", "public_health": "humanitarian",
    "commercial": "civil", "civilian": "civil", "civil_use": "civil",
}

#: Rare earths and the other China-controlled elements the rules name:
#: symbol -> (English name, Chinese name).
ELEMENTS: dict[str, tuple[str, str]] = {
    "Sc": ("scandium", "钪"), "Y": ("yttrium", "钇"), "La": ("lanthanum", "镧"),
    "Ce": ("cerium", "铈"), "Pr": ("praseodymium", "镨"), "Nd": ("neodymium", "钕"),
    "Pm": ("promethium", "钷"), "Sm": ("samarium", "钐"), "Eu": ("europium", "铕"),
    "Gd": ("gadolinium", "钆"), "Tb": ("terbium", "铽"), "Dy": ("dysprosium", "镝"),
    "Ho": ("holmium", "钬"), "Er": ("erbium", "铒"), "Tm": ("thulium", "铥"),
    "Yb": ("ytterbium", "镱"), "Lu": ("lutetium", "镥"),
    "Ga": ("gallium", "镓"), "Ge": ("germanium", "锗"), "Sb": ("antimony", "锑"),
}

#: China control codes of the element-controlled rare earths (rules.md §2.1;
#: 1C904-1C908 and 1C913 are inferred from the sequence, §9 item 5).
CODE_ELEMENTS = {
    "1C902": "Sm", "1C903": "Gd", "1C904": "Tb", "1C905": "Dy", "1C906": "Lu",
    "1C907": "Sc", "1C908": "Y", "1C909": "Ho", "1C910": "Er", "1C911": "Tm",
    "1C912": "Eu", "1C913": "Yb",
}

#: Item kinds recognised from words in the item text (lower-case substrings).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "magnet": ("magnet", "ndfeb", "nd-fe-b", "smco", "sm-co", "磁"),
    "sputtering_target": ("sputtering target", "target", "靶"),
    "technology": ("technology", "know-how", "technical data", "技术"),
    "oxide": ("oxide", "氧化"),
    "graphite": ("graphite", "石墨"),
    "superhard": ("superhard", "synthetic diamond", "diamond micropowder", "超硬", "金刚石"),
    "battery": ("lithium-ion", "li-ion", "lithium battery", "battery", "电池", "cathode", "anode"),
    "re_equipment": ("extraction equipment", "centrifugal extract", "rare-earth kiln",
                     "rare earth kiln", "decrepitation", "jet mill"),
    "defense_article": ("usml", "itar", "defense article", "defence article"),
    "ear99": ("ear99",),
}

#: A control code: ECCN-style ``1C904``, optionally with a paragraph (``1A004.c``).
_CODE = re.compile(r"\b(\d[A-Ea-e]\d{3})((?:\.[a-z0-9]+)*)\b")
#: Element symbols inside compounds such as "NdFeB" or "Tb-Dy-Fe".
_SYMBOL = re.compile(r"[A-Z][a-z]?")

#: Spellings of true / false / unknown for the yes-no fields.
_TRUE = {"true", "yes", "y", "1", "t", "on"}
_FALSE = {"false", "no", "n", "0", "f", "off"}
_UNKNOWN = {"", "unknown", "none", "null", "n/a", "na", "?"}

#: Spellings of China as an origin.
_CHINA = {"cn", "china", "prc", "chn", "china-origin", "china_origin", "chinese", "中国"}
_FOREIGN = {"foreign", "abroad", "non-cn", "non-china", "overseas", "made abroad", "foreign-made"}


@dataclass(frozen=True)
class ItemInfo:
    """What the item text says: elements, control codes and kinds found in it."""

    raw: str
    elements: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()  # main codes, e.g. "1C904", "1A004"
    eccns: frozenset[str] = frozenset()  # codes with paragraph, e.g. "1A004.C"
    kinds: frozenset[str] = frozenset()

    @property
    def recognised(self) -> bool:
        """True when anything in the text was recognised."""
        return bool(self.elements or self.codes or self.kinds)


def classify_item(item: str | None) -> ItemInfo | None:
    """Read elements, control codes and kinds out of an item description.

    >>> sorted(classify_item("Dy oxide").elements), sorted(classify_item("Dy oxide").kinds)
    (['Dy'], ['oxide'])
    >>> sorted(classify_item("NdFeB magnet with Tb").elements)
    ['Nd', 'Tb']
    """
    if item is None or not str(item).strip():
        return None
    text = str(item).strip()
    low = text.lower()
    elements: set[str] = set()
    for symbol, (en, zh) in ELEMENTS.items():
        if re.search(rf"\b{en}\b", low) or zh in text:
            elements.add(symbol)
    for token in re.split(r"[^A-Za-z]+", text):
        parts = _SYMBOL.findall(token)
        if parts and "".join(parts) == token and any(p in ELEMENTS for p in parts):
            # "Tb", "NdFeB", "SmCo": every capitalised chunk is a symbol
            elements.update(p for p in parts if p in ELEMENTS)
    codes: set[str] = set()
    eccns: set[str] = set()
    for main, para in _CODE.findall(text):
        code = main.upper()
        codes.add(code)
        eccns.add((code + para).upper())
        if code in CODE_ELEMENTS:
            elements.add(CODE_ELEMENTS[code])
    kinds = {kind for kind, words in KIND_WORDS.items() if any(w in low for w in words)}
    return ItemInfo(text, frozenset(elements), frozenset(codes), frozenset(eccns), frozenset(kinds))


@dataclass
class TransactionContext:
    """The optional facts of one transaction (all fields may be None)."""

    item: str | None = None
    cn_origin_share: float | None = None  # fraction 0..1 of the item's value
    made_with_cn_technology: bool | None = None
    subject_to_ear: bool | None = None
    us_person: bool | None = None
    end_use: str | None = None  # one of END_USES
    end_user_military: bool | None = None
    chinese_person_services: bool | None = None  # No. 62
    item_origin: str | None = None  # "CN" or "foreign"
    destination: str | None = None  # ISO 3166-1 alpha-2 of the end user's country

    @property
    def item_info(self) -> ItemInfo | None:
        """The item text, classified (None when no item was given)."""
        return classify_item(self.item)

    @classmethod
    def from_dict(cls, d: dict | None) -> "TransactionContext":
        """Build a context from loosely typed input (CLI options, JSON, a CSV row).

        Keys may be spelled ``end-use``, ``endUse`` or ``end use``; values may be
        strings. Unknown keys and unreadable values raise ``Invalid``.
        """
        if d is None:
            return cls()
        if not isinstance(d, dict):
            raise Invalid("transaction context must be an object of named fields")
        values: dict[str, object] = {}
        for key, value in d.items():
            name = _field_name(str(key))
            if name is None:
                allowed = ", ".join(sorted(FIELD_PARSERS))
                raise Invalid(f"unknown transaction field {key!r}; known fields: {allowed}")
            values[name] = FIELD_PARSERS[name](value)
        return cls(**values)  # type: ignore[arg-type]

    @classmethod
    def from_string(cls, text: str | None) -> "TransactionContext":
        """Parse ``"item=Tb; end_use=military; cn_origin_share=0.5%"``."""
        if text is None or not text.strip():
            return cls()
        pairs: dict[str, str] = {}
        for part in re.split(r"[;\n]", text):
            if not part.strip():
                continue
            if "=" not in part:
                raise Invalid(f"transaction context part {part.strip()!r} is not key=value")
            key, _, value = part.partition("=")
            pairs[key.strip()] = value.strip()
        return cls.from_dict(pairs)

    def is_empty(self) -> bool:
        """True when no fact at all was given."""
        return all(getattr(self, f) is None for f in FIELD_PARSERS)

    def to_dict(self) -> dict:
        """The given facts (None fields omitted), for echoing in results."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    def missing(self) -> list[str]:
        """Names of the facts not given."""
        return [f for f in FIELD_PARSERS if getattr(self, f) is None]


def parse_bool(value: object, name: str = "value") -> bool | None:
    """``True``/``False``/None from a bool or a yes/no/true/false/unknown string."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if text in _UNKNOWN:
        return None
    raise Invalid(f"{name} must be yes, no or unknown, not {value!r}")


def parse_share(value: object) -> float | None:
    """A value share as a fraction 0..1: accepts 0.005, "0.005", "0.5%", "0.5 %".

    A bare number above 1 is refused rather than guessed to be a percentage.
    """
    if value is None or (isinstance(value, str) and value.strip().lower() in _UNKNOWN):
        return None
    text = str(value).strip().replace(",", ".")
    percent = text.endswith("%")
    try:
        number = float(text.rstrip("%").strip())
    except ValueError:
        raise Invalid(f"cn_origin_share must be a fraction (0.005) or a percentage "
                      f"('0.5%'), not {value!r}") from None
    if percent:
        number = round(number / 100.0, 12)  # "0.1%" is exactly the 0.001 threshold
    if not 0.0 <= number <= 1.0:
        raise Invalid(f"cn_origin_share must lie between 0 and 1 (or 0% and 100%), not {value!r}; "
                      f"write a percentage with a % sign")
    return number


def parse_end_use(value: object) -> str | None:
    """One of :data:`END_USES`, from the canonical name or a common spelling."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if text in _UNKNOWN:
        return None
    key = re.sub(r"[\s\-]+", "_", text)
    key = END_USE_ALIASES.get(key, END_USE_ALIASES.get(key.replace("_", ""), key))
    if key not in END_USES:
        raise Invalid(f"end_use must be one of {', '.join(END_USES)}, not {value!r}")
    return key


def parse_origin(value: object) -> str | None:
    """``"CN"`` for China-origin, ``"foreign"`` for made abroad (any other country)."""
    if value is None:
        return None
    text = str(value).strip()
    low = text.lower()
    if low in _UNKNOWN:
        return None
    if low in _CHINA:
        return "CN"
    if low in _FOREIGN:
        return "foreign"
    code = parse_country(text, "item_origin")
    return "CN" if code == "CN" else "foreign"


def parse_country(value: object, name: str = "destination") -> str | None:
    """An ISO 3166-1 alpha-2 code from a code or an English country name."""
    if value is None:
        return None
    text = str(value).strip()
    if text.lower() in _UNKNOWN:
        return None
    try:
        from screening.countries import to_iso2
    except ImportError:  # the shared country table is optional here
        to_iso2 = None  # type: ignore[assignment]
    code = to_iso2(text) if to_iso2 is not None else None
    if code is None and len(text) == 2 and text.isalpha():
        code = text.upper()
    if code is None:
        raise Invalid(f"{name} must be a country (ISO code or name), not {value!r}")
    return code


def parse_item(value: object) -> str | None:
    """The item text, stripped (empty means not given)."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


#: Field name -> parser. Also the list of known fields.
FIELD_PARSERS = {
    "item": parse_item,
    "cn_origin_share": parse_share,
    "made_with_cn_technology": lambda v: parse_bool(v, "made_with_cn_technology"),
    "subject_to_ear": lambda v: parse_bool(v, "subject_to_ear"),
    "us_person": lambda v: parse_bool(v, "us_person"),
    "end_use": parse_end_use,
    "end_user_military": lambda v: parse_bool(v, "end_user_military"),
    "chinese_person_services": lambda v: parse_bool(v, "chinese_person_services"),
    "item_origin": parse_origin,
    "destination": parse_country,
}

#: Other names callers use for the fields.
FIELD_ALIASES = {
    "cn_share": "cn_origin_share", "china_share": "cn_origin_share",
    "cn_content": "cn_origin_share", "origin_share": "cn_origin_share",
    "cn_technology": "made_with_cn_technology", "chinese_technology": "made_with_cn_technology",
    "ear": "subject_to_ear", "us_nexus": "subject_to_ear",
    "military_end_user": "end_user_military", "military_user": "end_user_military",
    "chinese_persons": "chinese_person_services", "no62": "chinese_person_services",
    "origin": "item_origin", "country": "destination", "end_user_country": "destination",
}


def _field_name(key: str) -> str | None:
    """Normalise ``endUse`` / ``end-use`` / ``End Use`` to ``end_use``."""
    snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key.strip())
    snake = re.sub(r"[\s\-]+", "_", snake).lower()
    if snake in FIELD_PARSERS:
        return snake
    return FIELD_ALIASES.get(snake)


__all__ = [
    "END_USES", "ELEMENTS", "CODE_ELEMENTS", "ItemInfo", "TransactionContext",
    "classify_item", "parse_bool", "parse_share", "parse_end_use", "parse_origin",
    "parse_country",
]
