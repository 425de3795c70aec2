"""Name analysis: text -> tagged tokens, the unit every comparison works on.

``analyze_name("成都海光集成电路设计有限公司")`` gives the tokens
``chengdu`` (location), ``haiguang`` (distinctive, pinyin of 海光),
``integrated circuit design`` (from the Chinese term table) and the legal form
``ltd`` (有限公司), so the Chinese name meets its English listing
"Chengdu Haiguang Integrated Circuit". A Latin name goes through the same tags:
legal forms from the data table, abbreviations expanded ("Tech" ->
"technology"), generic and location words marked, numbers parsed
("13th", "No. 13", "XIII", "第十三" are all ``13``), and acronyms in
parentheses ("(SMIC)") split off as aliases.

Tags decide how much a token can carry in scoring:

* ``distinctive`` - the words that identify a party (Huawei, Haiguang, Putin);
* ``generic`` - organisation-class and business words (group, technology);
* ``legal`` - legal forms (Co., Ltd., GmbH, ООО, 有限公司): never compared;
* ``location`` - place words (Beijing, Thailand): weak evidence;
* ``number`` - 13 in "CETC 13th Research Institute": must agree;
* ``initial`` - one letter of a person's name;
* ``stop`` - connecting words and name particles (and, of, al, bin): weigh
  little. Titles (mr, dr, gen) are dropped from person names.

Where a word has several readings (工业: industry / industrial /
polytechnical; 中国: china / chinese; "tech": technology / technical; 市:
city / nothing), the primary reading goes into ``tokens`` and the others are
kept as :class:`Choice` es; the comparator picks the reading the other name
uses. Readings in another language that only apply when the first reading
finds nothing (the Korean reading of 金正恩, the Japanese reading of 山田太郎)
are ``fallbacks``.

This module is the dispatcher: it reads annotations off the name, splits it
into Han runs and the rest, and hands each to its script family --
:mod:`~screening.matching.names_han` (Chinese), :mod:`~screening.matching.names_latin`
(Latin and everything transliterated to it), :mod:`~screening.matching.names_ko_ja`
(Korean and Japanese readings) -- whose results are :mod:`~screening.matching.tokens`.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from unidecode import unidecode

from screening.countries import to_iso2
from screening.matching import brahmic, burmese, cedict, gazetteer, japanese, korean
from screening.matching.annotations import bilingual_split, name_line, strip_annotations, without_reference
from screening.matching.greek import elot743, spoken
from screening.matching.schemas import canonical_schema
from screening.matching.normalize import (
    fold_homoglyphs,
    fold_words,
    has_han,
    is_han,
    hebrew_hard,
    needs_anyascii,
    ARABIC_RE,
    strip_controls,
    to_simplified,
)
from screening.matching.resources import Tables, on_change, tables
from screening.matching.tokens import (
    ANALYSIS_CACHE,
    COMPANY,
    DISTINCTIVE,
    GENERIC,
    HAN_PERSON_MAX,
    INITIAL,
    LEGAL,
    LOCATION,
    NUMBER,
    PERSON,
    STOP,
    TAGS,
    Builder,
    Choice,
    NameAnalysis,
    Token,
)
from screening.matching.names_han import (
    _zh_number,
    han_segments,
    han_tokens,
    is_han_person,
    other_pinyin,
    translated_reading,
)
from screening.matching.names_ko_ja import (
    japanese_company,
    HANGUL_PIECE_RE,
    japanese_person,
    korean_company,
    SHIP_NUMBER_RE,
    korean_vessel,
    korean_name_like,
    korean_person,
    other_readings,
)
from screening.matching.names_latin import (
    legal_compare,
    without_ezafe,
    PAREN_RE,
    accented_words,
    add_cantonese,
    add_wade_giles,
    digits_as_letters,
    is_org_acronym,
    latin_tokens,
    reads_as_company_alike,
    lookalike_readings,
    named_after,
    spell_turkish_abbreviations,
    looks_like_org,
    person_reorder,
    spell_out,
    split_acronyms,
    cantonese_name,
    wade_giles_name,
    written_as_words,
)


#: Han ideographs plus 〇 (U+3007, the Chinese zero) and the foreign-name dot.
_HAN_PIECE_RE = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaff·]+|[^\u3007\u3400-\u9fff\uf900-\ufaff·]+")

#: Re-exported: the tags, the token types and the helpers callers import from here.
__all__ = [
    "COMPANY", "DISTINCTIVE", "GENERIC", "INITIAL", "LEGAL", "LOCATION", "NUMBER", "PERSON", "STOP", "TAGS",
    "Choice", "NameAnalysis", "Token", "analyze_name", "clear_caches", "digits_as_letters", "infer_schema",
    "is_org_acronym", "_zh_number",
]


@on_change
def clear_caches() -> None:
    """Forget cached analyses (after the resource tables change)."""
    analyze_name.cache_clear()
    han_segments.cache_clear()
    other_readings.cache_clear()
    address_places.cache_clear()
    other_pinyin.cache_clear()


def _strip_annotations(raw: str, schema: str | None, t: Tables) -> tuple[str, list[str]]:
    """:func:`screening.matching.annotations.strip_annotations` within this schema's limits.

    Vessel prefixes and a trailing port or flag are only read off names that
    are not known to be a person or a company ("MV Agusta" is a company, and
    "Bank X, Hong Kong" may name a sister bank).
    """
    if schema in ("person", "individual", "company"):
        stripped, former = strip_annotations(raw, vessel=False, person=schema != "company",
                                             organisation=schema == "company")
        return (_firm_address_cut(stripped, t) if schema == "company" else _person_address_cut(stripped, t)), former

    def is_place(text: str, before: str) -> bool:
        words = tuple(fold_words(text))
        # a firm's place after its legal form and a comma stays, as in a company's name
        # ("Kappa Marine SA, Panama" / "..., Liberia": two registrations; address_places)
        if not words or (schema is None and after_legal_form(raw, t) is not None):
            return False
        if schema == "vessel" and words[:2] == ("port", "of") and len(words) > 2:
            words = words[2:]  # "M/V ADRIATIK SUN, Port of Novorossiysk"
        if _place_words(words, t):
            return True
        if schema == "vessel" and _town_words(words, t) and len(fold_words(before)) >= VESSEL_TOWN_NAME_MIN:
            return True  # a vessel's port of registry: "M/V NEW CONQUEST, Apia" (gazetteer); not "QUEEN, VICTORIA"
        # a flag state written out on a vessel's name: "SCF PRIMORYE, LIBERIA FLAG",
        # "OCEAN STAR, MARSHALL ISLANDS" (not a two- or three-letter code: ", SA" is a
        # legal form). Not on a name of unknown kind: "JOHNSON, Chad" is a person, and
        # "Ecobank, Ghana" a sister of "Ecobank, Togo" (helper-47's review)
        return schema == "vessel" and len(text.strip()) > 3 and to_iso2(text) is not None

    org_like = schema is None and looks_like_org(fold_words(raw), t)  # a name of unknown kind read as a firm's
    # a quoted nickname in a name of unknown kind that reads as a person's ("Joaquin 'El
    # Chapo' Guzman"); an organisation's quotes hold its name (OOO "Romashka")
    person = schema is None and _QUOTES_RE.search(raw) is not None and not org_like
    # a bracket after an organisation's name may be another name of it; after a name of
    # unknown kind it is as often a person's family name ("रीना (पाण्डे)", Reena (Pandey):
    # bench/match_negatives.py)
    organisation = canonical_schema(schema) == COMPANY or ("(" in raw and org_like)
    # a person's notes (a birth, a nationality) after a name of unknown kind that does not
    # read as an organisation's ("Petroleum Company, Libyan National" keeps its words)
    notes = schema is None and not org_like
    stripped, former = strip_annotations(raw, is_place=is_place, vessel_name=schema == "vessel", person=person,
                                         organisation=organisation, notes=notes)
    if schema is None and stripped != raw and "," in stripped and _titled_person(stripped, t):
        # "Mr. Li Fangwei, Dalian, Liaoning, PRC": the last place is read off above. Not
        # a firm's places: "Acme Trading, Dalian, Liaoning" is not "ACME TRADING, Shanghai"
        stripped = _person_address_cut(stripped, t, run=PERSON_ADDRESS_RUN - 1)
    if schema == "vessel":
        return _GLUED_HULL_NUMBER_RE.sub(r"\1 \2", stripped), former  # "XINYUAN18": XINYUAN 18
    return (stripped if person else _firm_address_cut(stripped, t)), former


#: A vessel's number written on its name's last word: "XINYUAN18" is hull 18 of the
#: XINYUAN (XIN YUAN 18); a word of three letters or more, up to four digits.
_GLUED_HULL_NUMBER_RE = re.compile(r"(?<!\w)([^\W\d_]{3,})(\d{1,4})$")


#: Places after a person's name, each after a comma, that make an address: two or more
#: ("..., Dalian, Liaoning, PRC"). One place may be a given name ("JOHNSON, Chad").
PERSON_ADDRESS_RUN = 2
#: Words a person's name keeps when its address is read off ("JORDAN, Georgia, Atlanta,
#: USA" keeps Georgia: a family name alone is not the person).
PERSON_ADDRESS_KEEP = 2


def _titled_person(raw: str, t: Tables) -> bool:
    """True when a name of unknown kind opens with a person's title ("Mr.", "Dr",
    "Mme") and reads as no organisation's."""
    words = fold_words(raw)
    return bool(words) and words[0] in t.person_titles and not looks_like_org(words, t)


def _person_address_cut(raw: str, t: Tables, run: int = PERSON_ADDRESS_RUN) -> str:
    """A person's name without the address written after it: the last ``run`` or more
    parts after commas that are all places ("Mr. Li Fangwei, Dalian, Liaoning, PRC",
    "SMITH, John, London, UK"), as long as the name keeps two words."""
    if raw.count(",") < run:
        if raw.count(",") == run - 1 and _town_and_code(raw[raw.rfind(",") + 1:], t):
            head = raw[:raw.rfind(",")]  # "MOHAMMAD HASSAN RAHIMI, TEHRAN IR": two places in one part
            if sum(w not in t.person_titles for w in fold_words(head)) >= PERSON_ADDRESS_KEEP:
                return head.strip(" ,;")
        return raw
    parts = raw.split(",")
    cut = len(parts)
    while cut > 1 and _place_words(tuple(fold_words(parts[cut - 1])), t):
        cut -= 1
    while len(parts) - cut >= run:
        head = ",".join(parts[:cut])
        if sum(w not in t.person_titles for w in fold_words(head)) >= PERSON_ADDRESS_KEEP:
            return head.strip(" ,;")  # a title is no word of the name ("Mr. GREF, German")
        cut += 1
    return raw


def _town_and_code(part: str, t: Tables) -> bool:
    """``part`` is a known place and a country's two-letter code ("TEHRAN IR", "Dubai
    AE"), as a payment message writes a party's town (fresh19's dev half)."""
    words = part.split()
    return (len(words) >= 2 and len(words[-1]) == 2 and words[-1].isupper() and to_iso2(words[-1]) is not None
            and _place_words(tuple(fold_words(" ".join(words[:-1]))), t))


#: A text's chunks between spaces, commas and semicolons (where a legal form may end).
_CHUNK_RE = re.compile(r"[^\s,;]+")
_DIGIT_RE = re.compile(r"\d")


def _firm_address_cut(raw: str, t: Tables) -> str:
    """A firm's name without its address: a numbered one (:func:`_address_cut`), then one
    that opens with a street's name (:func:`_street_cut`)."""
    return _street_cut(_address_cut(raw, t), t)


#: The legal-form code of a branch (legal_forms.yaml): what follows it is the branch's place.
BRANCH_FORM = "branch"
#: Address words that make the part after a firm's legal form a street address (with a number).
ADDRESS_WORDS_MIN = 2


def _address_cut(raw: str, t: Tables) -> str:
    """``raw`` without the street address written after its legal form: in the part up
    to the next comma, a number with two address words or more ("SINORAY TRADING CO
    LTD, RM 1203 12/F NATHAN RD KOWLOON HK"), or with a street word ("..., Box 1234,
    Göteborg", "..., Jl. Gunung Sahari No. 12", "CO LTD NO.88 BINHAI RD"), or a floor
    ("CO LTD 12F, 45 Teheran-ro"); after a comma or not. A place alone stays: "Acme
    Ltd, Dubai" must still meet "Acme Dubai Ltd", and "..., Moscow" / "..., Minsk" may be
    sisters (helper-59's review). So does a unit ("CETC, 54th Research Institute", "...,
    Tower 2", "..., No. 2 Refinery District"), what follows a branch, and a name whose
    legal form opens it."""
    if _DIGIT_RE.search(raw) is None:
        return raw  # every address below has a number (most names have none)
    split = after_legal_form(raw, t, comma=False) or _before_street(raw, t)
    if split is None:
        return raw
    head, tail = split
    after_comma = tail.lstrip().startswith(",")
    part = tail.lstrip(" ,;").split(",")[0]  # up to the next comma
    first = tuple(fold_words(part))
    if after_comma and _premises_then_place(first, tail, t):
        return head.rstrip(" ,;")  # "... Limited, Unit 5, Kowloon Bay, Hong Kong" (fresh19's dev half)
    if not first or _DIGIT_RE.search(part) is None or any(
        w in t.org_class or w in t.org_types or w in t.org_marks for w in first
    ):
        return raw  # no number, or a unit or another firm ("..., 12 Street Kids Foundation")
    if not after_comma and not (first[0][0].isdigit() or first[0] in t.number_prefixes or first[0] in t.street_words):
        return raw  # run on, an address opens with its number or street word ("CO LTD NO.88 BINHAI RD")
    street = any(_street_word(w, t) for w in first) or _FLOOR_RE.search(part) is not None
    address = street or (first[0] not in t.number_prefixes and after_comma
                         and sum(w in t.address_words for w in first) + ("p o box" in " ".join(first)) >= ADDRESS_WORDS_MIN)
    return head.rstrip(" ,;") if address else raw


#: Words of premises in an address ("Unit 5", "Suite 1203", "Flat B").
PREMISES_WORDS = frozenset({"unit", "suite", "flat", "room", "rm", "shop", "office"})


def _premises_then_place(first: tuple[str, ...], tail: str, t: Tables) -> bool:
    """The part after a closing legal form and a comma is premises and their number
    ("Unit 5"), and the address goes on to a place in its last part ("..., Kowloon Bay,
    Hong Kong"): an address, not the firm's own unit ("..., Tower 2", "..., Office 39"
    alone stay the name's)."""
    if len(first) != 2 or first[0] not in PREMISES_WORDS or not any(ch.isdigit() for ch in first[1]):
        return False
    parts = [p for p in tail.split(",") if p.strip()]
    return len(parts) >= 3 and _place_words(tuple(fold_words(parts[-1])), t)


#: Fewest words of a street's name with no number ("Ferdowsi Ave"; "Avenue" alone may be a name's).
STREET_NAME_MIN = 2


def _street_cut(raw: str, t: Tables) -> str:
    """``raw`` without an address written after a comma that opens with a street's name,
    number or not ("Bank Melli Iran, Ferdowsi Ave, Tehran"): a part after a comma whose
    last word ends a street's name (``street_ends``), with no organisation word, and
    what follows it. The name before keeps a word."""
    if "," not in raw:
        return raw
    parts = raw.split(",")
    for k in range(1, len(parts)):
        words = fold_words(parts[k])
        if len(words) >= STREET_NAME_MIN and words[-1] in t.street_ends and not any(
            w in t.org_class or w in t.org_types or w in t.org_marks for w in words
        ):
            head = ",".join(parts[:k]).strip(" ,;")
            # more of the address follows, or the name ends with its legal form: not a name
            # written the other way round ("Detention Facility, Okrestina Street") nor a
            # person's ("MARTIN, Lois Lane": helper-67's review)
            if fold_words(head) and (k + 1 < len(parts) or after_legal_form(raw, t) is not None):
                return head
            return raw
    return raw


def _street_word(word: str, t: Tables) -> bool:
    """A word that says a street: ``street_words``, or a German street run into its name
    ("Hauptstr.", "Königstrasse")."""
    return word in t.street_words or (len(word) > 5 and word.endswith(("str", "strasse")))


def _before_street(raw: str, t: Tables) -> tuple[str, str] | None:
    """``raw`` split before its first part after a comma that opens with a street word and
    has a number ("PT Maju Jaya, Jl. Gunung Sahari No. 12": a name whose legal form opens
    it, then its address), or None. Not a room or floor (``unit_words``): ", Room 39" may
    be the organisation's own unit."""
    start = raw.find(",")
    while start > 0:
        part = raw[start + 1:].split(",")[0]
        first = fold_words(part)
        if first and first[0] not in t.unit_words and _street_word(first[0], t) and _DIGIT_RE.search(part) \
                and fold_words(raw[:start]):
            return raw[:start], raw[start:]
        start = raw.find(",", start + 1)
    return None


#: A floor written as buildings in Asia write it: "12F", "12/F", "3rd Floor" is a street word's.
_FLOOR_RE = re.compile(r"(?<![\w/])\d{1,3}\s?/?f\b", re.IGNORECASE)


def after_legal_form(raw: str, t: Tables, comma: bool = True) -> tuple[str, str] | None:
    """``raw`` split after the last legal form that closes a name and a comma follows
    (or anything follows, when not ``comma``): (name with its form, ", what follows"),
    or None. Not a branch's form (what follows a branch names the branch). With a
    comma, a document's label is read off first ("CONSIGNEE: ...") and a form that opens
    the name splits at the comma after it (:func:`_after_opening_form`); without one, a
    form that opens the name splits nothing ("AO Sochi" is named so)."""
    if comma:
        if not may_write_place(raw):
            return None
        if ":" in raw or "/" in raw or _DIGIT_RE.search(raw):  # a label has one (the cheap test first)
            raw = name_line(raw)  # "CONSIGNEE: OOO X, Moscow": the label is no name's word
    words: list[str] = []
    ends: list[int] = []  # where in ``raw`` each folded word's chunk ends
    for m in _CHUNK_RE.finditer(raw):
        for w in fold_words(m.group()):
            words.append(w)
            ends.append(m.end())
    cut = None
    for i, w in enumerate(words):
        for size in range(min(t.legal_len.get(w, 0), len(words) - i), 0, -1):
            end = i + size
            form = t.legal_forms.get(tuple(words[i:end]))
            if form is not None:
                if i > 0 and end < len(words) and form != BRANCH_FORM:
                    cut = end
                break
    if cut is None:
        return _after_opening_form(raw, t) if comma else None
    head, tail = raw[: ends[cut - 1]], raw[ends[cut - 1]:]
    # a comma, or a dash between spaces ("Captain Dynasty Shipping LLC - UAE")
    return (head, tail) if tail.lstrip().startswith(",") or tail.startswith((" - ", " – ")) or not comma else None


def _after_opening_form(raw: str, t: Tables) -> tuple[str, str] | None:
    """``raw`` split at the first comma after the name a legal form opens ("OOO
    PROMRESURS, MOSCOW, RUSSIA", as Russian and Indonesian firms write it: fresh18's dev
    half), or None: what follows the comma is read as after a closing form."""
    k = raw.find(",")
    words = fold_words(raw[:k]) if k > 0 else []
    size = next((n for n in range(min(t.legal_len.get(words[0], 0), len(words) - 1), 0, -1)
                 if t.legal_forms.get(tuple(words[:n])) not in (None, BRANCH_FORM)), 0) if words else 0
    # the form, and a word of name before the comma
    return (raw[:k], raw[k:]) if size else None


#: Fewest words after a title written in Arabic script for it to be read as one.
ARABIC_TITLED_NAME_MIN = 2


def _arabic_titles(raw: str, t: Tables) -> str:
    """``raw`` with the titles written in Arabic script that open it (``arabic_script_titles``:
    سید, حاج) as the Latin titles they are, which a person's name drops as it drops Seyyed
    or Haji. Only at the start: later, حاجی is a name's part (امیر علی حاجی‌زاده, Hajizadeh)."""
    words = raw.split()
    k = 0
    while k < len(words) and words[k] in t.arabic_script_titles:
        k += 1
    if not k or len(words) - k < ARABIC_TITLED_NAME_MIN:
        return raw  # سید موسوی: the title and one word, maybe a family name's
    return " ".join([t.arabic_script_titles[w] for w in words[:k]] + words[k:])


def may_write_place(name: str) -> bool:
    """A comma or a dash between spaces, after which a firm's name may write its place."""
    return "," in name or " - " in name or " – " in name


@lru_cache(maxsize=ANALYSIS_CACHE)
def address_places(raw: str) -> frozenset[str]:
    """The words of the places a firm's name writes after its legal form and a comma
    ("Ocean Link Logistics Ltd, Hong Kong", "Tajco S.A.R.L., Beirut", "..., Dubai,
    UAE"), and each place's words joined ("hongkong"): where the firm is, which a list
    name may leave out (fresh8's and fresh9's labels). Empty unless every part after
    the comma is a place. Two such places that differ still set the names apart
    (:func:`~screening.matching.features.locations_disagree`)."""
    t = tables()
    text = without_reference(raw)
    if not may_write_place(text):
        return _run_on_town(text, t)
    split = after_legal_form(text, t)
    country_ok = split is not None  # with no legal form, a country names a sister ("Huawei Technologies, Thailand")
    split = split or _after_org_name(text, t)
    if split is None:
        return frozenset()
    out: set[str] = set()
    for part in split[1].split(","):
        words = tuple(fold_words(part))
        if not words:
            continue
        if not (_place_words(words, t) or (country_ok and _town_words(words, t))) or (
                not country_ok and not out and to_iso2(part.strip()) is not None):
            return frozenset()  # (a country after a city is the address's: "..., Beijing, China")
        out.update(words)
        out.add("".join(words))
    return frozenset(out)


def _run_on(text: str, t: Tables) -> tuple[str, str] | None:
    """``text`` split after the legal form that closes the name, with what runs on after
    it ("Arctic Hydraulics LLC", " Murmansk"), or None; never in a name a legal form opens
    ("AO Sochi" is named so, and in "JSC SPA Orion" SPA is the association, Orion the name)."""
    split = after_legal_form(text, t, comma=False)
    first = fold_words(text)[:1]
    return None if split is None or not first or first[0] in t.legal_len else split


#: Cities that the country table also knows as a country or an emirate, folded and joined:
#: run on after a firm's legal form, they are its town.
CITY_STATES = frozenset({"singapore", "hongkong", "macau", "macao", "dubai", "abudhabi", "sharjah"})


def _run_on_town(text: str, t: Tables) -> frozenset[str]:
    """:func:`address_places` of a name with no comma: the words of a town run on after
    the legal form that closes it ("Promresurs LLC Moscow", "Dunav Trade d.o.o. Beograd",
    "... SDN BHD PORT KLANG": a document's line, fresh17's and fresh18's dev halves), as
    after a comma. Not a country ("Siemens AG Österreich" is the Austrian company, "Deutsche
    Bank SA Luxembourg" the bank there: helper-89's review) unless it is a city
    (``CITY_STATES``: Singapore, Hong Kong, Dubai), nor
    after a form that opens the name ("AO Sochi"), nor a town that is the firm's only
    word of its own ("Shipping Co Victoria"), nor one in brackets ("... LLC (Muscat)"
    qualifies the firm: a branch or a sister)."""
    split = _run_on(text, t)
    if split is None:
        return frozenset()
    head, tail = split
    words = tuple(fold_words(tail))
    if not words or "(" in tail or not (_town_words(words, t) or _place_words(words, t)) \
            or (to_iso2(tail.strip()) is not None and "".join(words) not in CITY_STATES) \
            or not _names_a_firm(fold_words(head), t):
        return frozenset()
    return frozenset(words) | {"".join(words)}


def _after_org_name(raw: str, t: Tables) -> tuple[str, str] | None:
    """``raw`` split at its first comma when the name before it is a numbered unit of an
    organisation ("CETC No. 30 Research Institute, Chengdu"), or None. Not an unnumbered
    one: "Ministry of Defence, Minsk" and "Institute of Applied Physics, Minsk" are other
    bodies of the same generic name (helper-67's review); nor a person's ("JOHNSON, Chad")."""
    k = raw.find(",")
    if k <= 0 or _DIGIT_RE.search(raw, 0, k) is None:
        return None
    head = fold_words(raw[:k])
    if not looks_like_org(head, t) or all(w in t.locations for w in head):
        return None
    return raw[:k], raw[k:]


def _written_place(text: str, t: Tables) -> bool:
    """True when ``text``, another name read off a name in another script (its bracket:
    "Huawei Technologies Co., Ltd. (深圳)", "PETROV, Ivan (Россия)"), is a place or a
    single character: where the party is, or a note (男), not a name (helper-54's review)."""
    if any(ch.isascii() and ch.isalpha() for ch in text):
        return False
    if has_han(text):
        simp = to_simplified(text.strip())
        return len(simp) < 2 or simp in t.zh_places
    words = tuple(fold_words(text))
    return not words or _place_words(words, t)


def _place_words(words: tuple[str, ...], t: Tables) -> bool:
    """True when the folded ``words`` name a place: a place phrase, or places only."""
    return words in t.location_phrases or all(w in t.locations for w in words)


#: Fewest words of a vessel's name (its prefix read off) before a town read off as its
#: port: "M/V NEW CONQUEST, Apia", not "QUEEN, VICTORIA" (helper-82's review).
VESSEL_TOWN_NAME_MIN = 2


#: Most words of a town read after a firm's or a vessel's name ("Ho Chi Minh City").
TOWN_WORDS_MAX = 3


def _firms_word(w: str, t: Tables) -> bool:
    """A legal form's, an organisation's or a business word ("Ltd", "Union", "Energy")."""
    return w in t.org_class or w in t.generic or w in t.org_types or w in t.legal_len


def _town_words(words: tuple[str, ...], t: Tables) -> bool:
    """True when the folded ``words`` are a town of the gazetteer ("piraeus", "bandar
    abbas") and none of them a word of a firm's name (a legal form, an organisation's
    or a business word, a number: "Union", "Progress" and "Energy" stay names)."""
    return (0 < len(words) <= TOWN_WORDS_MAX and gazetteer.is_town(words)
            and not any(_firms_word(w, t) or not w.isalpha() for w in words))


def trailing_town(raw: str, t: Tables) -> tuple[str, ...]:
    """The words of a town written after a firm's name and its last comma, or run on
    after the legal form that closes it, which no table of ours knows as a place
    ("Olympic Shipmanagement S.A., Piraeus", "Shree Ganesh Polymers Pvt Ltd, Vapi",
    "Arctic Hydraulics LLC Murmansk"), and its country after it if one follows ("...,
    Johor Bahru, Malaysia"): read as a place, like "..., Hamburg". Empty when
    the part is a known place, no town, or all the name (:mod:`screening.matching.gazetteer`)."""
    k = raw.rfind(",")
    if k <= 0:
        split = _run_on(raw, t)  # "Arctic Hydraulics LLC Murmansk" (fresh16)
        if split is None:
            return ()
        head, tail = split
    else:
        head, tail = raw[:k], raw[k + 1:]
    words = tuple(fold_words(tail))
    if words and _place_words(words, t) and k > 0:
        # a town before its country: "Teguh Maju Sdn Bhd, Johor Bahru, Malaysia" (fresh19's dev half)
        before = head.rfind(",")
        town = tuple(fold_words(head[before + 1:])) if before > 0 else ()
        if town and not _place_words(town, t) and _town_words(town, t) and _names_a_firm(fold_words(head[:before]), t):
            return town + words
        return ()
    if not words or not _town_words(words, t) or not _names_a_firm(fold_words(head), t):
        return ()
    return words


def _names_a_firm(words: list[str], t: Tables) -> bool:
    """``words`` hold a word of a firm's own name: not only legal forms, business or
    organisation words and places ("Shipping Co, Victoria" / "Shipping Co Victoria" is
    VICTORIA SHIPPING CO: the town is then its name, helper-83's review)."""
    return any(not _firms_word(w, t) and w not in t.locations and w not in t.stopwords for w in words)


#: Quotation marks, for :func:`_strip_annotations`'s cheap test.
_QUOTES_RE = re.compile("[\"“”„«»]|\\s['‘]")


def infer_schema(tokens: list[Token] | tuple[Token, ...], hint: str | None = None) -> str | None:
    """``"company"`` when a legal form or organisation-class word is present, else ``hint``."""
    if hint:
        return PERSON if hint.lower() in ("person", "individual") else COMPANY
    org_class = tables().org_class
    if any(t.tag == LEGAL or (t.tag == GENERIC and t.text in org_class) for t in tokens):
        return COMPANY
    return None


#: Letters of the scripts the comparator treats differently, by Unicode block.
_SCRIPT_RES = (
    ("Hani", re.compile("[\u3007\u3400-\u9fff\uf900-\ufaff]")),
    ("Hang", re.compile("[\uac00-\ud7a3]")),
    ("Kana", re.compile("[\u3041-\u30ff]")),
    ("Cyrl", re.compile("[\u0400-\u04ff]")),
    ("Arab", re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("Hebr", re.compile("[\u0590-\u05ff]")),
    ("Grek", re.compile("[\u0370-\u03ff]")),
    ("Thai", re.compile("[\u0e00-\u0e7f]")),
)


_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
#: Scripts whose names carry legal forms abbreviated in (or romanised to) short
#: Latin words: Latin (SA, AS, ASA) and Cyrillic (ООО, АО, ЗАО).
LATIN_LEGAL_SCRIPTS = frozenset({"Latn", "Cyrl"})


def _script(text: str) -> str:
    """Dominant script of ``text``, as :func:`screening.types.detect_script` names it.

    Counted per Unicode block (faster than naming every character); any two Han
    characters make a Han name.
    """
    if text.isascii():
        return "Latn"
    counts = {code: len(regex.findall(text)) for code, regex in _SCRIPT_RES}
    if counts["Hani"] >= 2:
        return "Hani"
    counts["Latn"] = len(_LATIN_RE.findall(text))
    code, n = max(counts.items(), key=lambda kv: kv[1])
    if n:
        return code
    from screening.types import detect_script

    return detect_script(text)


@lru_cache(maxsize=ANALYSIS_CACHE)
def analyze_name(text: str, schema: str | None = None) -> NameAnalysis:
    """Analyse one name into tagged tokens, variants, acronyms and legal forms.

    Args:
        text: the name as written, any script.
        schema: ``"person"``, ``"company"`` (or ``organization``/``vessel``...)
            when known; inferred otherwise.

    Returns:
        A :class:`NameAnalysis`; ``tokens`` is the primary reading.
    """
    t = tables()
    person = schema is not None and schema.lower() in ("person", "individual")
    company = bool(schema) and not person
    # a web export's HTML entities ("S&amp;T", "AL-QA&#39;IDA") are the characters they write
    source = html.unescape(text) if "&" in text and _ENTITY_RE.search(text) else text
    ascii_text = source.isascii()
    raw = source if ascii_text else fold_homoglyphs(strip_controls(source), t.homoglyphs)
    both = None if ascii_text else bilingual_split(raw)
    if both and _written_place(both[1], t):
        both = None  # "PETROV, Ivan (Россия)": a place in another script, read as before
    if both:
        raw = both[0]  # "KOWLOON STAR ENTERPRISES LIMITED 九龍星企業有限公司": read as two names
    raw, former = _strip_annotations(raw, schema if schema is None else schema.lower(), t)
    former = [f for f in former if not _written_place(f, t)]
    if both:
        former += [both[1], source]  # and the whole, as it was read before
    raw, acronyms = split_acronyms(raw)
    script = _script(raw)
    if not company and not ascii_text and ARABIC_RE.search(raw):
        raw = _arabic_titles(raw, t)
    family_words: frozenset[str] = frozenset()
    if not company:
        raw, family_words = person_reorder(raw, t)
    main = Builder()
    plain: list[Token] = []
    legal: list[str] = []
    han = not ascii_text and has_han(raw)
    kana = not ascii_text and japanese.has_kana(raw)
    if kana and not company:
        japanese_words = japanese_person(re.sub(r"[\s·・]", "", raw))
        if japanese_words and len(japanese_words) <= HAN_PERSON_MAX:
            return _finish(text, japanese_words, (), [], former, acronyms, legal, schema or PERSON, script, None)
    hangul = not ascii_text and not han and korean.has_hangul(raw)
    company_read = korean_company(raw, t) if hangul and not person else None
    if company_read is not None:  # 조선련봉총회사: an organisation's Hangul name, cut at its words
        toks, choices, legal = company_read
        return _finish(text, toks, choices, [], former, acronyms, legal, schema or COMPANY, script, None)
    # a vessel's, or of no kind said and numbered as ships are (금운산3호: No. 3)
    vessel_read = korean_vessel(raw) if hangul and (
        canonical_schema(schema) == "vessel" or (schema is None and SHIP_NUMBER_RE.search(raw))) else None
    if vessel_read is not None:  # 천마산호: a vessel's name, read syllable by syllable
        toks, choices = vessel_read
        return _finish(text, toks, choices, [], former, acronyms, legal, schema, script, None)
    if hangul and not company and korean_name_like(raw):
        toks, choices = korean_person(" ".join(HANGUL_PIECE_RE.findall(raw)), t, raw)
        han_schema = infer_schema(toks, schema) or PERSON
        return _finish(text, toks, choices, [], former, acronyms, legal, han_schema, script, None)
    # Split into Han runs and the rest, preserving order.
    pieces = _HAN_PIECE_RE.findall(raw) if han else [raw]
    han_chars = sum(1 for ch in raw if is_han(ch)) if han else 0
    spaced = han and len(pieces) > 1 and all(not p.strip() or has_han(p) for p in pieces)
    han_person_seen = False
    spelled_variant: list[Token] = []
    extra_variants: list[tuple[Token, ...]] = []
    for piece in pieces:
        if has_han(piece) or "\u3007" in piece:
            # a spaced name is judged part by part ("秀珠 明珠 周": three short parts)
            size = sum(1 for ch in piece if is_han(ch)) if spaced else han_chars
            han_person = is_han_person(piece, size, person, company)
            han_person_seen = han_person_seen or han_person
            built, alt, leg = han_tokens(piece, han_person, whole=spaced)
            spelled_variant.extend(built.tokens)
            main.extend(built)
            plain.extend(alt)
            legal.extend(leg)
        else:
            if not person and "." in piece:
                piece = _dotted_acronyms(spell_turkish_abbreviations(piece, t), company, t)
            words = named_after(fold_words(without_ezafe(PAREN_RE.sub(" ", piece))), im=not person)
            # Is the whole name organisation-like? (legal/generic words present)
            short_forms = script in LATIN_LEGAL_SCRIPTS  # आशा is "asa", not the Norwegian ASA
            accented = accented_words(piece, t)  # "Lia Sá": a legal form is never written with accents
            town = trailing_town(piece, t) if not person else ()
            # "Olympic Shipmanagement S.A., Piraeus": a firm's name by what it says before its town
            org_like = company or looks_like_org(words[: len(words) - len(town)], t, short_forms, marks=not person,
                                                 accented=accented)
            town_tail = len(town) if org_like else 0
            looks = lookalike_readings(piece) if not piece.islower() else None
            built, leg = latin_tokens(words, t, company or org_like, person or not org_like, looks, short_forms, accented,
                                      vessel=canonical_schema(schema) == "vessel", said_person=person, town_tail=town_tail)
            if not org_like and any(" " in form for form in leg):
                # a legal form of several words ("Obshchestvo s ogranichennoi
                # otvetstvennostyu") makes an organisation: read it as one
                org_like = True
                built, leg = latin_tokens(words, t, True, person, looks, short_forms, accented)
            if not (org_like or person or reads_as_company_alike(words, t)):
                # schema unknown and the name reads as a person's: its company reading
                # ("HENSOLDT AG" with AG a legal form, "Red Six" with six = 6) is a variant
                as_org, _ = latin_tokens(words, t, True, False, looks, short_forms, accented)
                if [x.text for x in as_org.tokens if x.tag != LEGAL] != [x.text for x in built.tokens]:
                    extra_variants.append(tuple(as_org.tokens))
            # "Pla" in "Abel Pla", and a family name written first ("PLA, Abel"): words, not acronyms
            plain_words = frozenset() if org_like else written_as_words(piece) | family_words
            spelled_words = spell_out(words, t, plain=plain_words)
            if spelled_words is not None:
                alt_built, _ = latin_tokens(spelled_words, t, True, False)
                spelled_variant.extend(alt_built.tokens)
                for k in (1, 2):  # an acronym's other readings, as further variants
                    other = spell_out(words, t, k, plain_words)
                    if other is not None and other != spelled_words:
                        extra_variants.append(tuple(latin_tokens(other, t, True, False)[0].tokens))
            else:
                spelled_variant.extend(built.tokens)
            if not org_like and wade_giles_name(piece, words):
                add_wade_giles(built)
            if not org_like and cantonese_name(words, t):
                add_cantonese(built, t)
            if family_words:
                built.tokens[:] = [
                    Token(x.text, x.tag, x.skel, x.source, x.note, True) if x.source in family_words else x
                    for x in built.tokens
                ]
            main.extend(built)
            plain.extend(built.tokens)
            legal.extend(leg)
    tokens = main.tokens
    guessed = infer_schema(tokens, schema)
    if guessed is None and han_person_seen:
        guessed = PERSON
    variants: list[tuple[Token, ...]] = []
    texts = [x.text for x in tokens]
    if han and [x.text for x in plain] != texts:
        variants.append(tuple(plain))
    for k in range(cedict.MAX_READINGS if han and not han_person_seen else 0):
        translated = translated_reading(tokens, t, k)
        if translated is None:
            break
        if translated not in variants:
            variants.append(translated)
    if [x.text for x in spelled_variant] != texts and (not han or spelled_variant != tokens):
        variants.append(tuple(spelled_variant))
    japanese_read = japanese_company(raw, [x for x in tokens if x.tag == LEGAL]) if han and not person else None
    if japanese_read is not None:
        variants.append(japanese_read)  # 株式会社中村光機: a Japanese firm's name, read in Japanese
    variants.extend(extra_variants)
    for other_reading in _other_transliterations(raw, organisation=not person) if not ascii_text else ():
        if _GREEK_RE.search(other_reading):
            continue  # a letter no reading converts: read again, it would be read again (helper-75)
        other_tokens = analyze_name(other_reading, schema).tokens
        if [x.text for x in other_tokens] != texts and other_tokens not in variants:
            variants.append(other_tokens)
    split = _split_camel(raw) if ascii_text else None
    if split:
        split_tokens = analyze_name(split, schema).tokens
        if [x.text for x in split_tokens] != texts:
            variants.append(split_tokens)
    fallback_key = (raw, company) if han and han_person_seen else None
    return _finish(text, tokens, tuple(main.choices), variants, former, acronyms, legal, guessed, script, fallback_key)


#: Four or more capitals each with a full stop ("N.I.T.C.", "I.R.I.S.L."): one acronym.
#: Three are a country's (U.A.E., K.S.A.) or a man's initials ("S.M.A. Qadri Trading"):
#: letters (helper-67's review).
_DOTTED_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){3,}[A-Z](?:\.|(?![\w.]))")


#: Three letters each with a full stop, written without a space ("P.C.C.", "C.V.G.").
_DOTTED3_RE = re.compile(r"(?<![\w.])([^\W\d_])\.([^\W\d_])\.([^\W\d_])\.?(?![\w.])")


def _three_letters(m: re.Match[str], t: Tables) -> str:
    """Three dotted letters as one word when two of them would read as a legal form
    ("P.C.C. (Singapore)": C.C., whose skeleton is K.K.; "C.V.G. Ferrominera": C.V.) and
    the three are none ("S.A.S." stays one): a form never runs into another letter."""
    letters = tuple(x.lower() for x in m.groups())
    if legal_compare(letters, t) is None and (legal_compare(letters[:2], t) or legal_compare(letters[1:], t)):
        return "".join(m.groups())
    return m.group(0)


def _dotted_acronyms(piece: str, company: bool, t: Tables) -> str:
    """``piece`` with each acronym written with full stops as one word ("N.I.T.C." is
    NITC), in an organisation's name: said to be one, reading as one, or the acronym
    alone, and three letters two of which would read as a legal form. A person's
    initials stay letters ("J.R.R. Tolkien")."""
    if _DOTTED_RE.search(piece) is None and _DOTTED3_RE.search(piece) is None:
        return piece
    joined = _DOTTED3_RE.sub(lambda m: _three_letters(m, t), piece)
    joined = _DOTTED_RE.sub(lambda m: m.group(0).replace(".", ""), joined)
    if company or " " not in joined.strip() or looks_like_org(fold_words(joined), t):
        return joined
    return piece


_GREEK_RE = re.compile("[\u0370-\u03ff]")
#: An HTML character reference: named (&amp;) or numbered (&#39;, &#x27;).
_ENTITY_RE = re.compile(r"&(?:#\d{1,6}|#x[0-9a-f]{1,5}|[a-z]{2,8});", re.IGNORECASE)


def _other_transliterations(raw: str, organisation: bool = False) -> tuple[str, ...]:
    """Other transliterators' readings of a script they read differently.

    Names are primarily read by :func:`screening.matching.normalize.transliterate`;
    unidecode also reads anyascii's scripts (it spells Rajesh, not Rajes), and Greek
    is also read as its passports write it (:func:`~screening.matching.greek.elot743`:
    Dimitris Konstantinou, not Demetres Konstantinou) and as it is said
    (:func:`~screening.matching.greek.spoken`: Vasiliadis for Vasileiadis).
    """
    if needs_anyascii(raw):
        # not Arabic script: unidecode drops its ة and keeps the article on the word,
        # which :mod:`screening.matching.abjad` reads (كريمة is Karima, not Karim)
        # Hebrew's second reading hardens a word's first ב, כ, פ (Binyamin, Cohen, Peres),
        # which anyascii's first reading leaves soft (Friedman, Fatma, Khalifa)
        # The scripts of India and Burmese are read by screening.matching.brahmic and
        # .burmese, not by unidecode, which drops their vowels as anyascii did (नरेंद्र "nreNdr")
        if burmese.has_burmese(raw):
            return (burmese.romanise(raw, plain=True),)  # Tun Soe beside Htun So
        if brahmic.has_indic(raw):  # Anees beside Anis, Srinivas beside Shrinivas
            read = brahmic.read_terms(raw, tables().indic_terms) if organisation else None  # raw: strip_controls'd
            english = (brahmic.romanise(read),) if read else ()  # इंडस्ट्रीज: industries (hi_org_terms.yaml)
            return (brahmic.romanise(raw, brahmic.LONG), brahmic.romanise(raw, brahmic.PLAIN)) + english
        return () if ARABIC_RE.search(raw) else (unidecode(hebrew_hard(raw)),)
    if _GREEK_RE.search(raw):
        said = spoken(raw)
        return (elot743(raw),) + ((said,) if said else ())
    return ()


_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _split_camel(text: str) -> str | None:
    """"VanDerBilt Corp" -> "Van Der Bilt Corp", "AlphaAG" -> "Alpha AG": the words a
    capital inside a word starts, or None when there is none. A word that is itself a
    legal form ("GmbH", "KGaA") stays whole."""
    legal = tables().legal_forms
    split = " ".join(w if (w.strip(".,()").lower(),) in legal else _CAMEL_RE.sub(" ", w)
                     for w in text.split(" "))
    return split if split != text else None


def _finish(
    text: str,
    tokens: list[Token] | tuple[Token, ...],
    choices: tuple[Choice, ...],
    variants: list[tuple[Token, ...]],
    former: list[str],
    acronyms: list[str],
    legal: list[str],
    schema: str | None,
    script: str,
    fallback_key: tuple[str, bool] | None,
) -> NameAnalysis:
    """Assemble a :class:`NameAnalysis`."""
    return NameAnalysis(
        original=text,
        tokens=tuple(tokens),
        schema=schema,
        script=script,
        variants=variants,
        acronyms=acronyms,
        former=former,
        legal=legal,
        choices=choices,
        fallback_key=fallback_key,
    )
