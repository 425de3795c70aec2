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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from screening.matching.normalize import (
    fold_homoglyphs,
    fold_word,
    has_han,
    is_han,
    skeleton,
    strip_controls,
    to_simplified,
)
from screening.matching.resources import Tables, tables

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
ACRONYM_MAX_LEN = 10
#: Longest entry in the Chinese term tables we look for (characters).
ZH_MAX_TERM = 10
#: Roman numerals recognised as numbers in organisation names (I..XXX).
_ROMAN_RE = re.compile(r"^(x{0,3})(ix|iv|v?i{0,3})$")
_ORDINAL_RE = re.compile(r"^(\d+)(st|nd|rd|th|e|er|eme|o|a)$")
_ACRONYM_RE = re.compile(r"\(([^()]{2,%d})\)" % ACRONYM_MAX_LEN)
_PAREN_RE = re.compile(r"[()\[\]{}]")
_ANALYSIS_CACHE = 1 << 16


def clear_caches() -> None:
    """Forget cached analyses (after the resource tables change)."""
    analyze_name.cache_clear()
    _han_segments.cache_clear()


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
    #: legal forms recognised and ignored, as written
    legal: list[str] = field(default_factory=list)

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
            "acronyms": list(self.acronyms),
            "legal": list(self.legal),
        }


# --------------------------------------------------------------------------
# Chinese
# --------------------------------------------------------------------------


def _pinyin(text: str) -> list[str]:
    """Phrase-aware pinyin syllables of ``text`` (pypinyin, tone-less)."""
    from pypinyin import lazy_pinyin

    return [s for s in lazy_pinyin(text, errors="ignore") if s.isalpha()]


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


@lru_cache(maxsize=_ANALYSIS_CACHE)
def _han_segments(text: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Split a simplified Han run into (kind, chars, english) segments.

    Longest match first over the legal, place, term and numeral tables; the
    characters between matches form a ``brand`` segment (romanised by pinyin).
    """
    t = tables()
    out: list[tuple[str, str, tuple[str, ...]]] = []
    brand = ""
    i = 0
    n = len(text)

    def flush() -> None:
        nonlocal brand
        if brand:
            out.append(("brand", brand, ()))
            brand = ""

    while i < n:
        hit = None
        for size in range(min(ZH_MAX_TERM, n - i), 0, -1):
            piece = text[i : i + size]
            if piece in t.zh_legal:
                hit = ("legal", piece, t.zh_legal[piece])
            elif piece in t.zh_places:
                hit = ("place", piece, t.zh_places[piece])
            elif piece in t.zh_terms and (size > 1 or not brand):
                hit = ("term", piece, t.zh_terms[piece])
            if hit:
                break
        if hit is None and text[i] == "第":
            j = i + 1
            while j < n and text[j] in t.zh_digits:
                j += 1
            value = _zh_number(text[i + 1 : j], t.zh_digits)
            if value is not None:
                hit = ("number", text[i:j], (str(value),))
        if hit is None:
            brand += text[i]
            i += 1
            continue
        flush()
        out.append(hit)
        i += len(hit[1])
    flush()
    return tuple(out)


def _han_tokens(run: str, person: bool) -> tuple[list[Token], list[Token], list[str]]:
    """Tokens for a Han run: (term-translated tokens, plain-pinyin tokens, legal forms)."""
    t = tables()
    simp = to_simplified(run)
    main: list[Token] = []
    plain: list[Token] = []
    legal: list[str] = []
    if person or "·" in run:
        for part in re.split(r"[·・.]", simp):
            syl = _pinyin(part)
            if not syl:
                continue
            if len(syl) >= 2 and "·" not in run:
                # Chinese order: family name first, given name joined ("xi jinping").
                words = [syl[0], "".join(syl[1:])]
            else:
                words = ["".join(syl)]
            for k, w in enumerate(words):
                family = k == 0 and len(words) == 2
                tok = Token(w, DISTINCTIVE, skeleton(w), part, f"pinyin of {part}", family)
                main.append(tok)
                plain.append(tok)
        return main, plain, legal
    for kind, chars, english in _han_segments(simp):
        syl = _pinyin(chars)
        joined = "".join(syl)
        if kind == "legal":
            legal.append(chars)
            *words, form = english or ("ltd",)
            for word in words:  # 集团有限公司 -> group + ltd
                tok = Token(word, _latin_tag(word, t), skeleton(word), chars, f"{chars} = {' '.join(english)}")
                main.append(tok)
                plain.append(tok)
            if (form in t.legal_compare or not t.legal_compare) and form not in t.branch_words:
                tok = Token(form, LEGAL, form, chars, f"legal form ignored: {chars}")
            else:  # 分公司 -> "branch": a marker word, not a legal form
                tok = Token(form, _latin_tag(form, t), skeleton(form), chars, f"{chars} = {form}")
            main.append(tok)
            plain.append(tok)
            continue
        if kind == "number":
            tok = Token(english[0], NUMBER, english[0], chars, f"number {chars}")
            main.append(tok)
            plain.append(tok)
            continue
        if kind == "brand":
            if joined:
                tok = Token(joined, DISTINCTIVE, skeleton(joined), chars, f"pinyin of {chars}")
                main.append(tok)
                plain.append(tok)
            continue
        tag = LOCATION if kind == "place" else None
        for word in english:
            main.append(Token(word, tag or _latin_tag(word, t), skeleton(word), chars, f"{chars} = {' '.join(english)}"))
        # plain pinyin: two syllables per word ("jicheng dianlu")
        step = 2 if len(syl) > 2 else max(len(syl), 1)
        for k in range(0, len(syl), step):
            word = "".join(syl[k : k + step])
            plain.append(Token(word, tag or DISTINCTIVE, skeleton(word), chars, f"pinyin of {chars}"))
    return main, plain, legal


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
    """Remove "(SMIC)"-style acronyms from ``text`` and return them."""
    acronyms: list[str] = []

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        letters = re.sub(r"[^A-Za-z0-9]", "", inner)
        if (
            2 <= len(letters) <= ACRONYM_MAX_LEN
            and " " not in inner.strip()
            and inner.upper() == inner
            and any(ch.isalpha() for ch in inner)
        ):
            acronyms.append(inner)
            return " "
        return m.group(0)

    return _ACRONYM_RE.sub(repl, text), acronyms


def _latin_tokens(words: list[str], t: Tables, company: bool, person: bool) -> tuple[list[Token], list[str]]:
    """Tag folded Latin words: legal forms, abbreviations, numbers, places."""
    out: list[Token] = []
    legal: list[str] = []
    i, n = 0, len(words)
    while i < n:
        # multi-word legal forms and places, longest first
        matched = False
        sizes = range(min(t.legal_max_len, n - i), 0, -1) if words[i] in t.legal_first else ()
        for size in sizes:
            phrase = tuple(words[i : i + size])
            compare = t.legal_forms.get(phrase)
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
            if compare in t.branch_words:  # "branch", "filiale": a marker, not a form
                out.append(Token(compare, GENERIC, compare, " ".join(phrase), f"branch marker: {' '.join(phrase)}"))
            else:
                out.append(Token(compare, LEGAL, compare, " ".join(phrase), f"legal form ignored: {' '.join(phrase)}"))
                legal.append(" ".join(phrase))
            i += size
            matched = True
            break
        if matched:
            continue
        for size in (3, 2) if words[i] in t.location_first else ():
            phrase = tuple(words[i : i + size])
            if len(phrase) == size and phrase in t.location_phrases:
                joined = "".join(phrase)
                out.append(Token(joined, LOCATION, joined, " ".join(phrase), "place"))
                i += size
                matched = True
                break
        if matched:
            continue
        word = words[i]
        i += 1
        if word in t.number_prefixes and i < n and (words[i].isdigit() or _ORDINAL_RE.match(words[i])):
            continue  # "No. 13": keep the 13
        m = _ORDINAL_RE.match(word)
        if word.isdigit() or m:
            value = str(int(m.group(1) if m else word))
            out.append(Token(value, NUMBER, value, word, f"number {word}"))
            continue
        if word in t.number_words and (company or not person):
            value = str(t.number_words[word])
            out.append(Token(value, NUMBER, value, word, f"number {word}"))
            continue
        roman = _roman_value(word) if company and len(word) >= 2 else None
        if roman is not None:
            out.append(Token(str(roman), NUMBER, str(roman), word, f"number {word.upper()}"))
            continue
        if person and word in t.person_titles and n > 2:
            continue  # "Dr", "Gen": titles are not names
        expansion = t.abbreviations.get(word) if not person else None
        if expansion and is_org_acronym(word, expansion):
            # "SMIC": keep the acronym; its expansion is read as a variant.
            out.append(Token(word, DISTINCTIVE, skeleton(word), word, f"{word.upper()} = {' '.join(expansion)}"))
            continue
        if expansion:
            for part in expansion:
                tag = _latin_tag(part, t)
                out.append(Token(part, tag, skeleton(part), word, f"{word} = {' '.join(expansion)}"))
            continue
        if person and len(word) == 1 and word.isalpha():
            out.append(Token(word, INITIAL, word, word, "initial"))
            continue
        tag = _latin_tag(word, t)
        if tag == GENERIC and person and not company:
            tag = DISTINCTIVE  # "West" in "Meghan West" is a name
        out.append(Token(word, tag, skeleton(word), word))
    return out, legal


def is_org_acronym(word: str, expansion: tuple[str, ...]) -> bool:
    """True when ``expansion`` spells out an organisation acronym (SMIC, CETC).

    Those are names in their own right: the acronym stays a distinctive token and
    the expansion becomes a variant reading, rather than replacing it inline the
    way "tech" becomes "technology".
    """
    return len(expansion) >= 3 or (len(expansion) == 2 and word == "".join(e[0] for e in expansion))


def _spell_out(words: list[str], t: Tables) -> list[str] | None:
    """``words`` with organisation acronyms spelled out ("cetc 13" -> "china
    electronics technology group corporation 13"), or None when there are none."""
    out: list[str] = []
    changed = False
    for w in words:
        expansion = t.abbreviations.get(w)
        if expansion and is_org_acronym(w, expansion):
            out.extend(expansion)
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


def _script(text: str) -> str:
    """Dominant script of ``text`` (see :func:`screening.types.detect_script`)."""
    if text.isascii():
        return "Latn"
    from screening.types import detect_script

    return detect_script(text)


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
    raw = text if text.isascii() else fold_homoglyphs(strip_controls(text), t.homoglyphs)
    raw, acronyms = _split_acronyms(raw)
    script = _script(raw)
    family_words: frozenset[str] = frozenset()
    if not company:
        raw, family_words = _person_reorder(raw, t)
    tokens: list[Token] = []
    plain: list[Token] = []
    legal: list[str] = []
    han = not raw.isascii() and has_han(raw)
    # Split into Han runs and the rest, preserving order.
    pieces = re.findall(r"[\u3400-\u9fff\uf900-\ufaff·]+|[^\u3400-\u9fff\uf900-\ufaff·]+", raw) if han else [raw]
    han_chars = sum(1 for ch in raw if is_han(ch)) if han else 0
    han_person_seen = False
    spelled_variant: list[Token] = []
    for piece in pieces:
        if has_han(piece):
            han_person = person or (
                not company and han_chars <= 4 and not _han_segments_have_terms(to_simplified(piece))
            )
            han_person_seen = han_person_seen or han_person
            main, alt, leg = _han_tokens(piece, han_person)
            spelled_variant.extend(main)
            tokens.extend(main)
            plain.extend(alt)
            legal.extend(leg)
        else:
            words = [w for chunk in _PAREN_RE.sub(" ", piece).split() for w in fold_word(chunk)]
            # Is the whole name organisation-like? (legal/generic words present)
            org_like = company or _org_like(words, t)
            lat, leg = _latin_tokens(words, t, company or org_like, person or not org_like)
            spelled_words = _spell_out(words, t)
            if spelled_words is not None:
                alt_lat, _ = _latin_tokens(spelled_words, t, True, False)
                spelled_variant.extend(alt_lat)
            else:
                spelled_variant.extend(lat)
            if family_words:
                lat = [
                    Token(x.text, x.tag, x.skel, x.source, x.note, True) if x.source in family_words else x
                    for x in lat
                ]
            tokens.extend(lat)
            plain.extend(lat)
            legal.extend(leg)
    guessed = infer_schema(tokens, schema)
    if guessed is None and han_person_seen:
        guessed = PERSON
    variants: list[tuple[Token, ...]] = []
    if han and [x.text for x in plain] != [x.text for x in tokens]:
        variants.append(tuple(plain))
    if [x.text for x in spelled_variant] != [x.text for x in tokens]:
        variants.append(tuple(spelled_variant))
    return NameAnalysis(
        original=text,
        tokens=tuple(tokens),
        schema=guessed,
        script=script,
        variants=variants,
        acronyms=acronyms,
        legal=legal,
    )


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
        expansion = t.abbreviations.get(w, ())
        if any(e in t.org_class for e in expansion):
            return True
        if w in t.generic or any(e in t.generic for e in expansion):
            generic += 1
    return generic >= 2


def _han_segments_have_terms(simp: str) -> bool:
    """True when a Han run contains any organisation term, place or legal form."""
    return any(kind != "brand" for kind, _, _ in _han_segments(simp))
