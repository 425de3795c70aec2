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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from unidecode import unidecode

from screening.matching import cedict, japanese, korean, pinyin
from screening.matching.annotations import strip_annotations
from screening.matching.normalize import (
    fold_homoglyphs,
    fold_word,
    has_han,
    is_han,
    needs_anyascii,
    skeleton,
    strip_controls,
    to_simplified,
)
from screening.matching.resources import Readings, Tables, tables

DISTINCTIVE = "distinctive"
GENERIC = "generic"
LEGAL = "legal"
LOCATION = "location"
NUMBER = "number"
INITIAL = "initial"
STOP = "stop"
TAGS = (DISTINCTIVE, GENERIC, LEGAL, LOCATION, NUMBER, INITIAL, STOP)

PERSON = "person"
COMPANY = "company"

#: Fallback connecting words when the stop-word table is missing.
CONNECTORS = frozenset({"and", "of", "the", "for"})
#: A parenthesised group of at most this many characters, in capitals, is an acronym.
ACRONYM_MAX_LEN = 12
#: Longest entry in the Chinese term tables we look for (characters).
ZH_MAX_TERM = 12
#: Organisation units a bare Chinese numeral may number (二院, 七〇二所, 十四所).
ZH_NUMBERED_UNITS = frozenset("所院厂局处室部")
#: Kanji names of this length get a Japanese reading as a fallback (pykakasi
#: loads ~120 MB on first use, so shorter, mostly Chinese, names do not).
JAPANESE_NAME_LEN = 4
#: Han runs of at most this many characters, with no organisation term, are personal names.
HAN_PERSON_MAX = 4
_ROMAN_RE = re.compile(r"^(x{0,3})(ix|iv|v?i{0,3})$")
_ORDINAL_RE = re.compile(r"^(\d+)(st|nd|rd|th|e|er|eme|o|a)$")
_ACRONYM_RE = re.compile(r"\(([^()]{2,%d})\)" % ACRONYM_MAX_LEN)
#: "CETC 13", "CETC-30", "CETC55", "NSCC-CS": an acronym with a unit number or code.
_ACRONYM_UNIT_RE = re.compile(r"^[A-Z]{2,8}[ -]?(\d{1,4}|[A-Z]{1,4})$")
_PAREN_RE = re.compile(r"[()\[\]{}]")
#: Capital Latin letters that look like Cyrillic ones, read as those Cyrillic letters
#: ("TEXHOMAP" is ТЕХНОМАР typed with Latin look-alikes: tekhnomar).
LOOKALIKE_CYRILLIC = {
    "A": "a", "B": "v", "C": "s", "E": "e", "H": "n", "K": "k", "M": "m",
    "O": "o", "P": "r", "T": "t", "X": "kh", "Y": "u",
}
#: Letters that read differently in Cyrillic: a look-alike word needs one of them.
LOOKALIKE_TELLS = frozenset("BCHPXY")
#: Shortest word read as Cyrillic look-alikes.
LOOKALIKE_MIN_LEN = 5
_LOOKALIKE_RE = re.compile(r"(?<![A-Za-z])(?=[ABCEHKMOPTXY]*[BCHPXY])[ABCEHKMOPTXY]{%d,}(?![A-Za-z])" % LOOKALIKE_MIN_LEN)
#: Han ideographs plus 〇 (U+3007, the Chinese zero) and the foreign-name dot.
_HAN_PIECE_RE = re.compile(r"[\u3007\u3400-\u9fff\uf900-\ufaff·]+|[^\u3007\u3400-\u9fff\uf900-\ufaff·]+")
_HANGUL_PIECE_RE = re.compile(r"[\uac00-\ud7a3]+")
#: "Ting-yu", "Li-hsiung": a hyphenated two-syllable given name (Taiwan, Wade-Giles).
_HYPHEN_PAIR_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,6}-[A-Za-z]{1,6}(?![A-Za-z-])")
_ANALYSIS_CACHE = 1 << 16


def clear_caches() -> None:
    """Forget cached analyses (after the resource tables change)."""
    analyze_name.cache_clear()
    _han_segments.cache_clear()
    _other_readings.cache_clear()
    _other_pinyin.cache_clear()


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
        return _other_readings(*self.fallback_key)

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


class _Builder:
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

    def extend(self, other: "_Builder") -> None:
        """Append another builder's tokens and choices."""
        offset = len(self.tokens)
        self.tokens.extend(other.tokens)
        self.choices.extend(Choice(c.start + offset, c.size, c.readings) for c in other.choices)


# --------------------------------------------------------------------------
# Chinese
# --------------------------------------------------------------------------


def _pinyin(text: str) -> list[str]:
    """Phrase-aware pinyin syllables of ``text`` (pypinyin, tone-less)."""
    from pypinyin import lazy_pinyin

    return [s for s in lazy_pinyin(text, errors="ignore") if s.isalpha()]


#: Most other readings of a brand from characters with several pronunciations.
HETERONYM_READINGS = 4


@lru_cache(maxsize=_ANALYSIS_CACHE)
def _other_pinyin(chars: str, usual: str) -> tuple[str, ...]:
    """Other pinyin of a brand whose characters have several readings (洪都: hongdu, not hongdou)."""
    from pypinyin import Style, pinyin

    per = [[p for p in dict.fromkeys(r) if p.isalpha()] for r in pinyin(chars, style=Style.NORMAL, heteronym=True)]
    if len(per) != len(chars) or any(not p for p in per):
        return ()
    base = [p[0] for p in per]
    out: list[str] = []
    for k, readings in enumerate(per):
        for r in readings[1:]:
            word = "".join(base[:k] + [r] + base[k + 1 :])
            if word != usual and word not in out:
                out.append(word)
    return tuple(out[:HETERONYM_READINGS])


def _zh_number(text: str, digits: dict[str, int]) -> int | None:
    """Value of a Chinese numeral such as 十三 or 二十一 (None if not one)."""
    if not text or any(ch not in digits for ch in text):
        return None
    if all(digits[ch] < 10 for ch in text):
        return int("".join(str(digits[ch]) for ch in text))  # 七〇二 = 702
    total, current = 0, 0
    for ch in text:
        value = digits[ch]
        if value >= 10:
            total += (current or 1) * value
            current = 0
        else:
            current = value
    return total + current


def _place_split(piece: str, t: Tables) -> tuple[str, str] | None:
    """``("乌鲁木齐", "市")`` for a suffixed place whose suffix is a term, else None.

    Listings write the suffix in different ways (Urumqi / Urumqi Municipal /
    Kashgar Prefecture), so it is read as its own, optional, term.
    """
    for k in (3, 2, 1):
        if len(piece) > k + 1 and piece[:-k] in t.zh_places and piece[-k:] in t.zh_terms:
            if any(not r for r in t.zh_terms[piece[-k:]]):
                return piece[:-k], piece[-k:]
    return None


@lru_cache(maxsize=_ANALYSIS_CACHE)
def _han_segments(text: str) -> tuple[tuple[str, str, Readings], ...]:
    """Split a simplified Han run into (kind, chars, readings) segments.

    Longest match first over the legal, place, term (incl. brand) and numeral
    tables; the characters between matches form a ``brand`` segment (romanised
    by pinyin). Kinds: legal, place, term, number, brand.
    """
    t = tables()
    out: list[tuple[str, str, Readings]] = []
    brand = ""
    i = 0
    n = len(text)
    digits = t.zh_digits

    def flush() -> None:
        nonlocal brand
        if brand:
            out.append(("brand", brand, ()))
            brand = ""

    while i < n:
        hit: tuple[str, str, Readings] | None = None
        for size in range(min(ZH_MAX_TERM, n - i), 0, -1):
            piece = text[i : i + size]
            if piece in t.zh_legal:
                hit = ("legal", piece, (t.zh_legal[piece],))
            elif piece in t.zh_places:
                hit = ("place", piece, t.zh_places[piece])
            elif piece in t.zh_terms and (size > 1 or not brand):
                hit = ("term", piece, t.zh_terms[piece])
            if hit:
                break
        if hit is None and text[i] in digits:
            j = i
            while j < n and text[j] in digits:
                j += 1
            if j < n and j > i and text[j] in ZH_NUMBERED_UNITS and not brand:
                value = _zh_number(text[i:j], digits)
                if value is not None:  # 二院, 七〇二所: a numbered unit without 第
                    hit = ("number", text[i:j], ((str(value),),))
        if hit is None and text[i] == "第":
            j = i + 1
            while j < n and text[j] in digits:
                j += 1
            value = _zh_number(text[i + 1 : j], digits)
            if value is not None:
                hit = ("number", text[i:j], ((str(value),),))
        if hit is None:
            brand += text[i]
            i += 1
            continue
        flush()
        split = _place_split(hit[1], t) if hit[0] == "place" else None
        if split:
            out.append(("place", split[0], t.zh_places[split[0]]))
            out.append(("term", split[1], t.zh_terms[split[1]]))
        else:
            out.append(hit)
        i += len(hit[1])
    flush()
    return tuple(out)


def _pinyin_words(syl: list[str]) -> list[str]:
    """Plain pinyin words of a segment: two syllables per word ("jicheng dianlu")."""
    step = 2 if len(syl) > 2 else max(len(syl), 1)
    return ["".join(syl[k : k + step]) for k in range(0, len(syl), step)]


def _han_person(run: str, whole: bool = False) -> list[Token]:
    """Tokens of a Chinese personal name: family name first, given name joined ("xi jinping").

    ``whole``: the run is one part of a name written with spaces ("明珠" in
    "秀珠 明珠 周"), kept as one word.
    """
    out: list[Token] = []
    for part in re.split(r"[·・.]", run):
        syl = _pinyin(part)
        if not syl:
            continue
        if len(syl) >= 2 and "·" not in run and not whole:
            words = [syl[0], "".join(syl[1:])]
        else:
            words = ["".join(syl)]
        for k, w in enumerate(words):
            family = k == 0 and len(words) == 2
            out.append(Token(w, DISTINCTIVE, skeleton(w), part, f"pinyin of {part}", family))
    return out


def _han_tokens(run: str, person: bool, whole: bool = False) -> tuple[_Builder, list[Token], list[str]]:
    """Tokens for a Han run: (translated tokens with choices, plain-pinyin tokens, legal forms)."""
    t = tables()
    simp = to_simplified(run)
    main = _Builder()
    plain: list[Token] = []
    legal: list[str] = []
    if person:
        toks = _han_person(simp, whole)
        main.tokens.extend(toks)
        return main, list(toks), legal
    if "·" in simp:
        joined = simp.replace("·", "")
        if not _han_segments_have_terms(joined):  # 贝拉克·奥巴马: a foreign personal name
            toks = _han_person(simp)
            main.tokens.extend(toks)
            return main, list(toks), legal
        simp = joined  # 洛克希德·马丁公司: a company
    for kind, chars, readings in _han_segments(simp):
        syl = _pinyin(chars)
        if kind == "legal":
            legal.append(chars)
            *words, form = readings[0] or ("ltd",)
            for word in words:  # 集团有限公司 -> group + ltd
                tok = Token(word, _latin_tag(word, t), skeleton(word), chars, f"{chars} = {' '.join(readings[0])}")
                main.tokens.append(tok)
                plain.append(tok)
            if (form in t.legal_compare or not t.legal_compare) and form not in t.branch_words:
                tok = Token(form, LEGAL, form, chars, f"legal form ignored: {chars}")
            else:  # 分公司 -> "branch": a marker word, not a legal form
                tok = Token(form, _latin_tag(form, t), skeleton(form), chars, f"{chars} = {form}")
            main.tokens.append(tok)
            plain.append(tok)
            continue
        if kind == "number":
            value = readings[0][0]
            tok = Token(value, NUMBER, value, chars, f"number {chars}")
            main.tokens.append(tok)
            plain.append(tok)
            continue
        pin_words = _pinyin_words(syl) if syl else []
        if kind == "brand":
            joined = "".join(syl)
            brand, business = _peel_business_words(chars, t)
            if brand != chars:  # 美丽制冷空调: the brand 美丽 stays pinyin, the business words translate
                syl = _pinyin(brand)
            name = "".join(syl)
            if name:
                tok = Token(name, DISTINCTIVE, skeleton(name), brand, f"pinyin of {brand}")
                others = [
                    (Token(w, DISTINCTIVE, skeleton(w), brand, f"pinyin of {brand} (other reading)"),)
                    for w in _other_pinyin(brand, name)
                ]
                main.add([(tok,), *others])
            for word, readings in business:
                main.add(_business_readings(word, readings, t))
            if joined:
                plain.append(Token(joined, DISTINCTIVE, skeleton(joined), chars, f"pinyin of {chars}"))
            continue
        tag = LOCATION if kind == "place" else None
        label = "brand " if chars in t.zh_brands else ""
        alts: list[tuple[Token, ...]] = []
        for reading in readings:
            note = f"{label}{chars} = {' '.join(reading)}" if reading else f"{chars} left out"
            alts.append(tuple(_reading_token(w, tag, chars, note, t) for w in reading))
        pin = tuple(Token(w, tag or DISTINCTIVE, skeleton(w), chars, f"pinyin of {chars}") for w in pin_words)
        if pin and all([x.text for x in a] != pin_words for a in alts):
            alts.append(pin)
        main.add(alts)
        plain.extend(pin)
    return main, plain, legal


def _peel_business_words(chars: str, t: Tables) -> tuple[str, list[tuple[str, Readings]]]:
    """Split the characters between table terms into the brand and the business words after it.

    Chinese company names run place, brand (字号), line of business, form:
    江苏 | 美丽 | 制冷 空调 | 设备有限公司. Words at the end of the run that
    CC-CEDICT knows (制冷 refrigeration, 空调 air conditioning) or organisation
    units (厂 plant, 所 institute) are peeled off; the brand in front keeps at
    least two characters (one in runs of three or fewer) and stays pinyin.
    """
    business: list[tuple[str, Readings]] = []
    rest = chars
    keep = 2 if len(chars) >= 4 else 1
    while len(rest) > keep:
        found = None
        for k in range(min(cedict.MAX_CHARS, len(rest) - keep), 0, -1):
            piece = rest[-k:]
            got = t.zh_terms.get(piece) if k == 1 and piece in ZH_NUMBERED_UNITS else cedict.readings(piece) if k > 1 else ()
            if got:
                found = (piece, got)
                break
        if found is None:
            break
        business.insert(0, found)
        rest = rest[: -len(found[0])]
    return rest, business


def _translated(tokens: list[Token], t: Tables, sense: int = 0) -> tuple[Token, ...] | None:
    """The name with each pinyin brand word translated from CC-CEDICT, or None.

    Foreign organisations are named in Chinese by translation: 通用动力 is
    "General Dynamics", 机器人 "robot". A brand word is translated only when
    CEDICT words cover all its characters; the words keep their own kind (name
    words stay name words). ``sense`` picks each word's n-th gloss (its first
    when it has fewer); None when no word has that many.
    """
    out: list[Token] = []
    changed = False
    deepest = 0
    for tok in tokens:
        words = _cedict_cover(tok.source) if tok.tag == DISTINCTIVE and tok.note == f"pinyin of {tok.source}" else None
        if not words:
            out.append(tok)
            continue
        changed = True
        for chars in words:
            senses = cedict.readings(chars)
            deepest = max(deepest, len(senses))
            reading = senses[sense] if sense < len(senses) else senses[0]
            note = f"{chars} = {' '.join(reading)} (CC-CEDICT)"
            out.extend(Token(w, _latin_tag(w, t), skeleton(w), chars, note) for w in reading)
    return tuple(out) if changed and sense < deepest else None


def _cedict_cover(chars: str) -> list[str] | None:
    """``chars`` split into CC-CEDICT words, longest first from the left; None if a character is left over."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        for k in range(min(cedict.MAX_CHARS, len(chars) - i), cedict.MIN_CHARS - 1, -1):
            if cedict.readings(chars[i : i + k]):
                out.append(chars[i : i + k])
                i += k
                break
        else:
            return None
    return out or None


def _business_readings(word: str, readings: Readings, t: Tables) -> list[tuple[Token, ...]]:
    """Readings of a business word peeled off a brand: its English glosses, then its pinyin."""
    alts = [
        tuple(_reading_token(w, None, word, f"{word} = {' '.join(r)} (CC-CEDICT)", t) for w in r) for r in readings if r
    ]
    pin = "".join(_pinyin(word))
    if pin:
        alts.append((Token(pin, DISTINCTIVE, skeleton(pin), word, f"pinyin of {word}"),))
    return alts


def _reading_token(word: str, tag: str | None, source: str, note: str, t: Tables) -> Token:
    """A token of an English reading; legal-form words stay legal forms ("corporation")."""
    compare = t.legal_forms.get((word,)) if tag is None else None
    if compare is not None and compare not in t.branch_words and compare not in t.legal_parts:
        return Token(compare, LEGAL, compare, source, f"legal form ignored: {word}")
    kind = tag or _latin_tag(word, t)
    if note.startswith("brand "):
        if kind == GENERIC and word not in t.org_class:
            kind = DISTINCTIVE  # 中芯国际 = "semiconductor manufacturing international": a name
    elif kind == DISTINCTIVE:
        kind = GENERIC  # a translated term (市 = city, 航空 = aero) is a business word, never a name
    return Token(word, kind, skeleton(word), source, note)


def _han_segments_have_terms(simp: str, brands: bool = True) -> bool:
    """True when a Han run contains an organisation term, place or legal form.

    With ``brands=False`` the short brand names of ``zh_brands.yaml`` do not
    count: 大华 is a brand, but 张大华 is a personal name.
    """
    t = tables()
    for kind, chars, _ in _han_segments(simp):
        if kind == "brand":
            continue
        if not brands and kind == "term" and chars in t.zh_brands and len(chars) <= 2:
            continue
        return True
    return False


# --------------------------------------------------------------------------
# Korean and Japanese readings
# --------------------------------------------------------------------------


def _korean_person(hangul: str, t: Tables, source: str) -> tuple[list[Token], tuple[Choice, ...]]:
    """Tokens of a Korean personal name in Hangul: family name, then the given name.

    The family name takes its conventional spellings (김: Kim, Gim); the given
    name is one word whose spellings combine the syllables' spellings in order
    (정은: jeongeun, jongun, chongun ...), so 은정 (Eun-jeong) never meets
    "Jong Un". Every spelling is a choice; only exact spellings count.
    """
    b = _Builder()
    chunks = _HANGUL_PIECE_RE.findall(hangul)
    # "성훈 김": a one-syllable family name written last (given-family order)
    if len(chunks) == 2 and len(chunks[1]) == 1 and len(chunks[0]) > 1 and chunks[1] in t.ko_surnames:
        chunks = [chunks[1], chunks[0]]
    syllables = [ch for c in chunks for ch in c]
    if not syllables:
        return [], ()
    note = f"Korean reading of {source}" if source != hangul else f"romanised {hangul}"
    if len(syllables) == 1:
        b.add([(Token(s, DISTINCTIVE, skeleton(s), syllables[0], note),) for s in korean.syllable_spellings(syllables[0])])
        return b.tokens, tuple(b.choices)
    family, given = syllables[0], syllables[1:]
    spellings = korean.surname_spellings(family, t.ko_surnames)
    b.add([(Token(s, DISTINCTIVE, skeleton(s), family, note, True),) for s in spellings])
    combos = korean.given_name_spellings("".join(given))
    b.add([(Token(s, DISTINCTIVE, skeleton(s), "".join(given), note),) for s in combos])
    return b.tokens, tuple(b.choices)


def _japanese_person(text: str) -> list[Token]:
    """Tokens of a Japanese name (kanji / kana) in Hepburn romaji, family name first."""
    words = japanese.romaji_words(text)
    return [
        Token(w, DISTINCTIVE, skeleton(w), text, f"Japanese reading of {text}", k == 0 and len(words) == 2)
        for k, w in enumerate(words)
    ]


@lru_cache(maxsize=_ANALYSIS_CACHE)
def _other_readings(raw: str, company: bool) -> list[tuple[str, tuple[Token, ...], tuple[Choice, ...]]]:
    """Korean and Japanese readings of a Han personal name, tried as fallbacks."""
    t = tables()
    han = "".join(ch for ch in raw if is_han(ch))
    # Only a name written as one run (金正恩, 山田太郎): "荣 金" or "欢 冬梅 吴" is a
    # Chinese name in given-family order, whose Korean / Japanese reading is noise.
    if company or not han or han != raw.strip() or len(han) > HAN_PERSON_MAX:
        return []
    out: list[tuple[str, tuple[Token, ...], tuple[Choice, ...]]] = []
    simp = to_simplified(han)
    hangul = korean.hanja_to_hangul(han, t.ko_hanja) or korean.hanja_to_hangul(simp, t.ko_hanja)
    if hangul and len(han) in (2, 3):
        toks, choices = _korean_person(hangul, t, han)
        out.append(("korean", tuple(toks), choices))
    if len(han) == JAPANESE_NAME_LEN:  # 山田太郎: Japanese names are mostly four kanji, Chinese two or three
        toks = _japanese_person(han)
        if toks:
            out.append(("japanese", tuple(toks), ()))
    return out


# --------------------------------------------------------------------------
# Latin (and everything transliterated to it)
# --------------------------------------------------------------------------


def _latin_tag(word: str, t: Tables) -> str:
    """Tag of a single folded word from the tables alone."""
    if word in (t.stopwords or CONNECTORS):
        return STOP
    if word.isdigit():
        return NUMBER
    if word in t.org_class or word in t.generic:
        return GENERIC
    if word in t.locations:
        return LOCATION
    return DISTINCTIVE


def _roman_value(word: str) -> int | None:
    """Value of a roman numeral I..XXX, else None."""
    if not word or not _ROMAN_RE.match(word):
        return None
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for a, b in zip(word, word[1:] + " "):
        va, vb = values[a], values.get(b, 0)
        total += -va if va < vb else va
    return total or None


def _split_acronyms(text: str) -> tuple[str, list[str]]:
    """Remove "(SMIC)"-style acronyms (also "(CETC 13)", "(NSCC-CS)") from ``text`` and return them."""
    acronyms: list[str] = []

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        letters = re.sub(r"[^A-Za-z0-9]", "", inner)
        if (
            2 <= len(letters) <= ACRONYM_MAX_LEN
            and (" " not in inner or _ACRONYM_UNIT_RE.match(inner))
            and inner.upper() == inner
            and any(ch.isalpha() for ch in inner)
            and not _qualifier(inner)
        ):
            rest = text[m.end() :]
            # Mid-name "(XPCC)" / "(CASIC)" abbreviates the words before it (a
            # parent), not the whole name; "(CETC 29)" with a number does.
            if any(ch.isdigit() for ch in inner) or _only_legal(rest):
                acronyms.append(inner)
            return " "
        return m.group(0)

    return _ACRONYM_RE.sub(repl, text), acronyms


def _strip_annotations(raw: str, schema: str | None, t: Tables) -> tuple[str, list[str]]:
    """:func:`screening.matching.annotations.strip_annotations` within this schema's limits.

    Vessel prefixes and a trailing port or flag are only read off names that
    are not known to be a person or a company ("MV Agusta" is a company, and
    "Bank X, Hong Kong" may name a sister bank).
    """
    if schema in ("person", "individual", "company"):
        stripped, former = strip_annotations(raw, vessel=False)
        return stripped, former

    def is_place(text: str) -> bool:
        words = tuple(w for chunk in text.split() for w in fold_word(chunk))
        return bool(words) and (words in t.location_phrases or all(w in t.locations for w in words))

    return strip_annotations(raw, is_place=is_place)


def _qualifier(text: str) -> bool:
    """True for a place, legal form or generic word in parentheses ("(HK)", "(UK)",
    "(GmbH)"): part of the name, never an acronym of the party standing alone."""
    t = tables()
    words = [w for chunk in text.split() for w in fold_word(chunk)]
    return bool(words) and all(
        w in t.locations or w in t.generic or w in t.org_class or (w,) in t.legal_forms for w in words
    )


def _only_legal(text: str) -> bool:
    """True when ``text`` holds no name words, only legal forms ("Co., Ltd.") or nothing."""
    t = tables()
    words = [w for chunk in _PAREN_RE.sub(" ", text).split() for w in fold_word(chunk)]
    return all(w in t.legal_first or w in t.legal_compare or len(w) < 2 for w in words)


def _roman_number(words: list[str], i: int, t: Tables, company: bool, person: bool) -> int | None:
    """Value of ``words[i]`` as a Roman numeral in a numeric context, else None.

    "Institute XIII", "Unit IV", "No. V", "XIII Research Institute" (an
    organisation), "John Smith III" (a person's generation). A lone I, V, X or
    L elsewhere is a letter, an initial or a word ("Li", "Xi", "Mix").
    """
    word = words[i]
    value = t.roman.get(word) if t.roman else _roman_value(word)
    if value is None:
        return None
    prev = words[i - 1] if i > 0 else ""
    if prev in t.roman_after or prev in t.number_prefixes:
        return value
    if i == len(words) - 1 and i >= 1 and len(word) >= 2 and word not in t.roman_name_words:
        return value  # "Star III", "John Smith II": a generation or a hull number, never a name word
    if person and not company:
        return None
    if company and len(word) >= 2 and i + 1 < len(words) and words[i + 1] in t.roman_before:
        return value
    return None


def _ru_phrase(words: list[str], i: int, t: Tables) -> tuple[int, Readings] | None:
    """The longest Russian organisation phrase at ``words[i]`` (by skeleton), with its readings."""
    if not t.ru_terms or skeleton(words[i]) not in t.ru_first:
        return None
    for size in range(min(t.ru_max_len, len(words) - i), 0, -1):
        key = tuple(skeleton(w) for w in words[i : i + size])
        readings = t.ru_terms.get(key)
        if readings is not None:
            return size, readings
    return None


def _lookalike_readings(text: str) -> dict[str, str]:
    """Capitalised words made only of Cyrillic look-alike letters, with their Cyrillic reading.

    "OOO TEXHOMAP" -> {"texhomap": "tekhnomar"}: a Russian name copied with
    Latin letters that look like its Cyrillic ones.
    """
    out: dict[str, str] = {}
    if not _LOOKALIKE_RE.search(text):
        return out
    for chunk in text.split():
        word = chunk.strip(".,;:'\"«»()")
        if (
            len(word) >= LOOKALIKE_MIN_LEN
            and word.isascii()
            and all(ch in LOOKALIKE_CYRILLIC for ch in word)
            and any(ch in LOOKALIKE_TELLS for ch in word)
        ):
            out[word.lower()] = "".join(LOOKALIKE_CYRILLIC[ch] for ch in word)
    return out


def _latin_tokens(
    words: list[str], t: Tables, company: bool, person: bool, lookalikes: dict[str, str] | None = None
) -> tuple[_Builder, list[str]]:
    """Tag folded Latin words: legal forms, abbreviations, numbers, places, Russian terms."""
    out = _Builder()
    legal: list[str] = []
    i, n = 0, len(words)
    while i < n:
        # multi-word legal forms and places, longest first
        matched = False
        by_skel = words[i] not in t.legal_first and skeleton(words[i]) in t.legal_first_skel
        sizes = range(min(t.legal_max_len, n - i), 0, -1) if by_skel or words[i] in t.legal_first else ()
        for size in sizes:
            phrase = tuple(words[i : i + size])
            compare = t.legal_forms.get(phrase)
            if compare is None:
                compare = t.legal_skel.get(tuple(skeleton(w) for w in phrase))
            if compare is None:
                continue
            # Short one-word forms (sa, ag, as, ab) are also name parts: only at
            # the start or end of a name of three or more words.
            if size == 1 and len(phrase[0]) <= 3 and not company and (0 < i < n - 1 or (n < 3 and i > 0)):
                continue
            if size == 1 and len(phrase[0]) == 1 and i != n - 1:
                continue
            if person and size == 1 and not company and not (i == 0 and n > 1):
                continue
            written = " ".join(phrase)
            parts = t.legal_parts.get(compare, ())
            for word in parts[:-1]:  # "group corporation": group is a word, corp the form
                out.tokens.append(Token(word, _latin_tag(word, t), skeleton(word), written, f"{written} = {' '.join(parts)}"))
            form = parts[-1] if parts else compare
            if form in t.branch_words:  # "branch", "filiale": a marker, not a form
                out.tokens.append(Token(form, GENERIC, form, written, f"branch marker: {written}"))
            else:
                out.tokens.append(Token(form, LEGAL, form, written, f"legal form ignored: {written}"))
                legal.append(written)
            i += size
            matched = True
            break
        if matched:
            continue
        for size in (3, 2) if words[i] in t.location_first else ():
            phrase = tuple(words[i : i + size])
            if len(phrase) == size and phrase in t.location_phrases:
                joined = "".join(phrase)
                out.tokens.append(Token(joined, LOCATION, joined, " ".join(phrase), "place"))
                i += size
                matched = True
                break
        if matched:
            continue
        word = words[i]
        if word in t.number_prefixes and i + 1 < n and (
            words[i + 1].isdigit() or _ORDINAL_RE.match(words[i + 1]) or words[i + 1] in t.roman
        ):
            i += 1
            continue  # "No. 13": keep the 13
        m = _ORDINAL_RE.match(word)
        if word.isdigit() or m:
            value = str(int(m.group(1) if m else word))
            out.tokens.append(Token(value, NUMBER, value, word, f"number {word}"))
            i += 1
            continue
        if word in t.number_words and (company or not person):
            value = str(t.number_words[word])
            out.tokens.append(Token(value, NUMBER, value, word, f"number {word}"))
            i += 1
            continue
        roman = _roman_number(words, i, t, company, person)
        if roman is not None:
            out.tokens.append(Token(str(roman), NUMBER, str(roman), word, f"number {word.upper()}"))
            i += 1
            continue
        if person and not company and word in t.generation_words and i == n - 1 and i >= 2:
            gen = t.generation_words[word]  # "Jr" / "Senior": a generation, like "III"; must agree
            out.tokens.append(Token(gen, NUMBER, gen, word, f"generation {word}"))
            i += 1
            continue
        if person and word in t.person_titles and n > 2:
            i += 1
            continue  # "Dr", "Gen": titles are not names
        ru = _ru_phrase(words, i, t) if not person or company else None
        if ru is not None:
            size, readings = ru
            written = " ".join(words[i : i + size])
            alts = [
                tuple(Token(w, _latin_tag(w, t), skeleton(w), written, f"{written} = {' '.join(r)}") for w in r)
                for r in readings
            ]
            alts.append(tuple(Token(w, _latin_tag(w, t), skeleton(w), w) for w in words[i : i + size]))
            out.add(alts)
            i += size
            continue
        i += 1
        # a place abbreviation ("HK", "UAE") stays a place, compared through its equivalents
        readings = t.abbreviations.get(word) if not person and word not in t.locations else None
        if readings and is_org_acronym(word, readings[0]):
            # "SMIC": keep the acronym; its expansion is read as a variant.
            out.tokens.append(Token(word, DISTINCTIVE, skeleton(word), word, f"{word.upper()} = {' '.join(readings[0])}"))
            continue
        if readings:
            out.add([
                tuple(Token(p, _latin_tag(p, t), skeleton(p), word, f"{word} = {' '.join(r)}") for p in r)
                for r in readings
            ])
            continue
        if person and len(word) == 1 and word.isalpha():
            out.tokens.append(Token(word, INITIAL, word, word, "initial"))
            continue
        tag = _latin_tag(word, t)
        if tag == GENERIC and person and not company:
            tag = DISTINCTIVE  # "West" in "Meghan West" is a name
        token = Token(word, tag, skeleton(word), word)
        cyr = lookalikes.get(word) if lookalikes else None
        letters = digits_as_letters(word)
        if cyr:
            out.add([(token,), (Token(cyr, tag, skeleton(cyr), word, f"{word.upper()} read as Cyrillic"),)])
        elif letters:
            ltag = _latin_tag(letters, t)
            if ltag == GENERIC and person and not company:
                ltag = DISTINCTIVE
            out.add([(token,), (Token(letters, ltag, skeleton(letters), word, f"{word.upper()} read with letters for digits"),)])
        else:
            out.tokens.append(token)
    return out, legal


#: Digits typed for the letters they resemble ("N0RINC0", "T3CH").
DIGIT_LETTERS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})


def digits_as_letters(word: str) -> str | None:
    """``word`` with look-alike digits read as letters ("n0rinc0" -> "norinco").

    Only for words mixing digits and letters where the letters dominate and every
    digit has a look-alike letter; numbers and codes ("55", "a320", "5g") stay.
    """
    n_digits = sum(ch.isdigit() for ch in word)
    if not n_digits or len(word) - n_digits < max(2, n_digits):
        return None
    letters = word.translate(DIGIT_LETTERS)
    return letters if letters.isalpha() else None


def is_org_acronym(word: str, expansion: tuple[str, ...]) -> bool:
    """True when ``expansion`` spells out an organisation acronym (SMIC, CETC).

    Those are names in their own right: the acronym stays a distinctive token and
    the expansion becomes a variant reading, rather than replacing it inline the
    way "tech" becomes "technology".
    """
    return len(expansion) >= 3 or (len(expansion) == 2 and word == "".join(e[0] for e in expansion))


def _spell_out(words: list[str], t: Tables, reading: int = 0) -> list[str] | None:
    """``words`` with organisation acronyms spelled out ("cetc 13" -> "china
    electronics technology group corporation 13"), or None when there are none.

    ``reading`` picks among an acronym's readings (BUAA: Beihang University or
    Beijing University of Aeronautics and Astronautics).
    """
    out: list[str] = []
    changed = False
    for w in words:
        readings = t.abbreviations.get(w)
        if readings and is_org_acronym(w, readings[0]) and reading < len(readings):
            out.extend(readings[reading])
            changed = True
        else:
            out.append(w)
    return out if changed else None


def _person_reorder(text: str, t: Tables) -> tuple[str, frozenset[str]]:
    """"SALEK, Abdulhai" -> ("Abdulhai SALEK", {"salek"}) for one-comma person names.

    Returns the reordered text and the folded family-name words.
    """
    none: frozenset[str] = frozenset()
    if text.count(",") != 1:
        return text, none
    left, right = (part.strip() for part in text.split(","))
    if not left or not right:
        return text, none
    right_words = [w for chunk in right.split() for w in fold_word(chunk)]
    left_words = [w for chunk in left.split() for w in fold_word(chunk)]
    if not right_words or len(left_words) > 4 or len(right_words) > 5:
        return text, none
    for w in left_words + right_words:
        if w in t.org_class or w in t.generic or (w,) in t.legal_forms:
            return text, none
    return f"{right} {left}", frozenset(left_words)


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


def _is_han_person(piece: str, han_chars: int, person: bool, company: bool) -> bool:
    """Is a Han run a personal name? Yes when declared, or short and free of organisation terms."""
    if person:
        return True
    if company or han_chars > HAN_PERSON_MAX:
        return False
    simp = to_simplified(piece).replace("·", "")
    t = tables()
    if simp in t.zh_terms or simp in t.zh_places:
        return False  # 华为, 大疆, 北京: a brand or a place on its own
    return not _han_segments_have_terms(simp, brands=False)


@lru_cache(maxsize=_ANALYSIS_CACHE)
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
    person = bool(schema) and schema.lower() in ("person", "individual")
    company = bool(schema) and not person
    ascii_text = text.isascii()
    raw = text if ascii_text else fold_homoglyphs(strip_controls(text), t.homoglyphs)
    raw, former = _strip_annotations(raw, schema if schema is None else schema.lower(), t)
    raw, acronyms = _split_acronyms(raw)
    script = _script(raw)
    family_words: frozenset[str] = frozenset()
    if not company:
        raw, family_words = _person_reorder(raw, t)
    main = _Builder()
    plain: list[Token] = []
    legal: list[str] = []
    han = not ascii_text and has_han(raw)
    kana = not ascii_text and japanese.has_kana(raw)
    if kana and not company:
        japanese_words = _japanese_person(re.sub(r"[\s·・]", "", raw))
        if japanese_words and len(japanese_words) <= HAN_PERSON_MAX:
            return _finish(text, japanese_words, (), [], former, acronyms, legal, schema or PERSON, script, None)
    hangul = not ascii_text and not han and korean.has_hangul(raw)
    if hangul and not company and _korean_name_like(raw):
        toks, choices = _korean_person(" ".join(_HANGUL_PIECE_RE.findall(raw)), t, raw)
        guessed = infer_schema(toks, schema) or PERSON
        return _finish(text, toks, choices, [], former, acronyms, legal, guessed, script, None)
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
            han_person = _is_han_person(piece, size, person, company)
            han_person_seen = han_person_seen or han_person
            built, alt, leg = _han_tokens(piece, han_person, whole=spaced)
            spelled_variant.extend(built.tokens)
            main.extend(built)
            plain.extend(alt)
            legal.extend(leg)
        else:
            words = [w for chunk in _PAREN_RE.sub(" ", piece).split() for w in fold_word(chunk)]
            # Is the whole name organisation-like? (legal/generic words present)
            org_like = company or _org_like(words, t)
            looks = _lookalike_readings(piece) if piece.isupper() or not piece.islower() else None
            built, leg = _latin_tokens(words, t, company or org_like, person or not org_like, looks)
            spelled_words = _spell_out(words, t)
            if spelled_words is not None:
                alt_built, _ = _latin_tokens(spelled_words, t, True, False)
                spelled_variant.extend(alt_built.tokens)
                for k in (1, 2):  # an acronym's other readings, as further variants
                    other = _spell_out(words, t, k)
                    if other is not None and other != spelled_words:
                        extra_variants.append(tuple(_latin_tokens(other, t, True, False)[0].tokens))
            else:
                spelled_variant.extend(built.tokens)
            if not org_like and _wade_giles_name(piece, words):
                _add_wade_giles(built)
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
        translated = _translated(tokens, t, k)
        if translated is None:
            break
        if translated not in variants:
            variants.append(translated)
    if [x.text for x in spelled_variant] != texts and (not han or spelled_variant != tokens):
        variants.append(tuple(spelled_variant))
    variants.extend(extra_variants)
    other_reading = _other_transliteration(raw) if not ascii_text else None
    if other_reading:
        other = analyze_name(other_reading, schema).tokens
        if [x.text for x in other] != texts:
            variants.append(other)
    split = _split_camel(raw) if ascii_text else None
    if split:
        split_tokens = analyze_name(split, schema).tokens
        if [x.text for x in split_tokens] != texts:
            variants.append(split_tokens)
    fallback_key = (raw, company) if han and han_person_seen else None
    return _finish(text, tokens, tuple(main.choices), variants, former, acronyms, legal, guessed, script, fallback_key)


_GREEK_RE = re.compile("[\u0370-\u03ff]")


def _other_transliteration(raw: str) -> str | None:
    """The second transliterator's reading of a script both read differently.

    Names are primarily read by :func:`screening.matching.normalize.transliterate`;
    unidecode also reads anyascii's scripts (it spells Rajesh, not Rajes), and
    anyascii also reads Greek (Michalis, not Mikhales).
    """
    if needs_anyascii(raw):
        return unidecode(raw)
    if _GREEK_RE.search(raw):
        return anyascii(raw)
    return None


_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _split_camel(text: str) -> str | None:
    """"VanDerBilt Corp" -> "Van Der Bilt Corp", "AlphaAG" -> "Alpha AG": the words a
    capital inside a word starts, or None when there is none."""
    split = _CAMEL_RE.sub(" ", text)
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


def _wade_giles_name(piece: str, words: list[str]) -> bool:
    """A personal name romanised in Wade-Giles: a hyphenated given name ("Ting-yu")
    or a syllable only Wade-Giles writes ("Chieh", "Hsiung")."""
    if len(words) > HAN_PERSON_MAX:
        return False
    return bool(_HYPHEN_PAIR_RE.search(piece)) or any(pinyin.looks_wade_giles(w) for w in words)


def _add_wade_giles(built: _Builder) -> None:
    """Give each syllable of a Wade-Giles name its pinyin readings as choices (Chieh: jie)."""
    taken = {c.start for c in built.choices}
    extra = []
    for k, tok in enumerate(built.tokens):
        if k in taken or tok.tag != DISTINCTIVE:
            continue
        readings = pinyin.wade_giles_readings(tok.text)
        if readings:
            note = f"Wade-Giles {tok.text} = pinyin {'/'.join(readings)}"
            alts = tuple((Token(r, DISTINCTIVE, skeleton(r), tok.source, note, tok.family),) for r in readings)
            extra.append(Choice(k, 1, alts))
    built.choices.extend(extra)
    built.choices.sort(key=lambda c: c.start)


def _korean_name_like(raw: str) -> bool:
    """A Hangul personal name: at most four syllables, optionally split by spaces."""
    syllables = _HANGUL_PIECE_RE.findall(raw)
    total = sum(len(s) for s in syllables)
    return 2 <= total <= HAN_PERSON_MAX and not re.search(r"[A-Za-z0-9]", raw)


def _org_like(words: list[str], t: Tables) -> bool:
    """Does a Latin name read as an organisation?

    Yes with a legal form (short ones such as "SA" only in names of three or
    more words) or an organisation-class word (company, group); generic words
    ("west", "gold") need company: two of them, since people bear them as names.
    """
    generic = 0
    last = len(words) - 1
    for k, w in enumerate(words):
        if (w,) in t.legal_forms or w in t.org_class:
            # "Thomas Sa", "Mus ab Mustafa": two-letter forms only at either end of
            # 3+ words; "Skydio Inc", "Acme Ltd" are organisations.
            if len(w) > 2 or k == 0 or (len(words) > 2 and k == last):
                return True
            continue
        expansion = t.abbreviations.get(w, ((),))[0]
        if any(e in t.org_class or e in t.org_types for e in expansion) or w in t.org_types:
            return True
        if w in t.generic or any(e in t.generic for e in expansion):
            generic += 1
    return generic >= 2
