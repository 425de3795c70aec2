"""Latin names (and every script transliterated to Latin): legal forms,
abbreviations, numbers and Roman numerals, Russian and Turkish organisation words,
Cyrillic look-alikes, digits typed for letters, Wade-Giles given names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from screening.matching import pinyin, vietnamese
from screening.matching.normalize import fold_word, fold_words, skeleton, word_chunks
from screening.matching.resources import LEGAL_TYPO_MIN_WORDS, Readings, Tables, accent_key, on_change, tables
from screening.matching.russian import lemma, soft_e
from screening.matching.tokens import (
    DISTINCTIVE,
    GENERIC,
    HAN_PERSON_MAX,
    INITIAL,
    LEGAL,
    LOCATION,
    NUMBER,
    STOP,
    Builder,
    Choice,
    Token,
)


#: Fallback connecting words when the stop-word table is missing.
CONNECTORS = frozenset({"and", "of", "the", "for"})


#: A parenthesised group of at most this many characters, in capitals, is an acronym.
ACRONYM_MAX_LEN = 12


_ROMAN_RE = re.compile(r"^(x{0,3})(ix|iv|v?i{0,3})$")


_ORDINAL_RE = re.compile(r"^(\d+)(st|nd|rd|th|e|er|eme|o|a)$")


_ACRONYM_RE = re.compile(r"\(([^()]{2,%d})\)" % ACRONYM_MAX_LEN)


#: "CETC 13", "CETC-30", "CETC55", "NSCC-CS": an acronym with a unit number or code.
_ACRONYM_UNIT_RE = re.compile(r"^[A-Z]{2,8}[ -]?(\d{1,4}|[A-Z]{1,4})$")


PAREN_RE = re.compile(r"[()\[\]{}]")


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


#: "Ting-yu", "Li-hsiung": a hyphenated two-syllable given name (Taiwan, Wade-Giles).
_HYPHEN_PAIR_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,6}-[A-Za-z]{1,6}(?![A-Za-z-])")


#: An abbreviation this short may be letters of a name, not the words it
#: abbreviates ("KB" is a design bureau, or "K B Hotel"): both are read.
LETTERS_KEPT = 2
#: A clipped word this long is also read as written, to be joined (Petro); shorter ones
#: are abbreviations only (Tic. for Ticaret, Eng. for Engineering).
CLIPPED_MIN = 5
#: ... and one of this many letters after a distinctive word, which it may join ("Mega
#: Tech" is Megatech: fresh16); not first in a name, where it would meet a sound-alike
#: alone ("Elec Ltd" / "Elek Ltd", "Mach Ina" / "Machina": helper-83's review).
CLIPPED_JOIN_MIN = 4


#: "And" in Russian (и), between two Russian words of an organisation's name
#: (:func:`_russian_both_sides`); elsewhere the Roman numeral ("Pacific I Shipping",
#: "Norrsken Fond I Holding": helper-89's and helper-90's reviews).
CONJUNCTION_I = "i"


def _russian_both_sides(words: Sequence[str], k: int) -> bool:
    """Word ``k`` stands between two romanised Russian words, each one the
    organisation-term tables read as another word (torgovli "trade", khimii
    "chemistry"; not invest, holding) or a cognate's (mekhaniki)."""
    from screening.matching.russian import russian_word

    if not 0 < k < len(words) - 1 or len(words[k - 1]) < 3 or len(words[k + 1]) < 3:
        return False
    return all(_read_otherwise(w) or russian_word(w) for w in (words[k - 1], words[k + 1]))


def _read_otherwise(word: str) -> bool:
    """The organisation-term tables read ``word`` as other words only (torgovli: trade)."""
    from screening.matching.russian import table_readings

    readings = table_readings(word)
    return bool(readings) and all(" ".join(r) != word for r in readings)


def latin_tag(word: str, t: Tables) -> str:
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


def _names_a_state(words: Sequence[str], k: int, t: Tables) -> bool:
    """Word ``k`` is a state's bare style before its place, after "of": "Republic" in
    "... of the Republic of Belarus" (then "of", perhaps "the", then a place). A ministry
    of Belarus is the ministry of the Republic of Belarus (fresh17's dev half). Not a
    style with its words ("Democratic People's Republic of Korea" / "Republic of Korea",
    "Islamic Republic" / "Islamic Emirate of Afghanistan": two states, helper-85's
    review), nor before a place whose style says which of two states it is
    (``titled_states``: China, Korea, Congo); "Republic Bank" keeps its word, and so does
    a name the style opens ("Islamic Republic of Iran Shipping Lines": IRISL)."""
    if words[k] not in STATE_NOUNS:
        return False
    before = k - 1 if k > 0 and words[k - 1] != "the" else k - 2
    if before < 0 or words[before] != "of":
        return False  # a name the state opens is a firm's ("Islamic Republic of Iran Shipping Lines": IRISL),
        # and a title with its words (Democratic People's, Islamic) names one state of two
    j = k + 1
    while j < len(words) and words[j] in ("of", "the"):
        j += 1
    return (j > k + 1 and j < len(words) and (words[j] in t.locations or words[j] in t.location_first)
            and words[j] not in t.titled_states)


def _portfolio_read(words: list[str], t: Tables) -> list[str]:
    """A ministry's name with its portfolio read without "Affairs" (``affairs_portfolios``):
    "ministry of internal affairs" -> "ministry of interior", "ministry of foreign affairs
    of iran" -> "ministry of foreign of iran"; not before "and" ("Foreign Affairs and
    Trade" is a portfolio of two: helper-87's review)."""
    out: list[str] = []
    k = 0
    while k < len(words):
        reading = t.affairs_portfolios.get(words[k])
        if reading and k + 1 < len(words) and words[k + 1] == "affairs" and (
                k + 2 == len(words) or words[k + 2] != "and"):
            out.append(reading)
            k += 2
            continue
        out.append(words[k])
        k += 1
    return out


#: The words of a state's style that say it is one ("Republic", "Kingdom").
STATE_NOUNS = frozenset({"republic", "kingdom"})


def _chinese_name_words(words: list[str], t: Tables) -> bool:
    """Two or three words of one or two pinyin syllables each, one of them (not a
    particle) a single syllable, the family name: "WU, Bin", "An Wu". Not "Osama
    Bin Laden" (o-sa-ma is three) nor "Bin Laden" (no one-syllable family name)."""
    if not 1 < len(words) <= 3:
        return False
    counts = []
    for w in words:  # most names stop at their first word
        k = pinyin.syllable_count(w)
        if not 0 < k <= 2:
            return False
        counts.append(k)
    particles = t.stopwords or CONNECTORS
    return any(k == 1 and w not in particles for w, k in zip(words, counts))


def _place_word(word: str, t: Tables) -> bool:
    """A word an administrative unit may follow as its place in a firm's name (one
    with an organisation word: Co., Ltd, Company): a listed place, or a romanised
    Chinese word (Junan, Luopu), as Chinese registered names write them. Without
    a firm's word the unit stays a name word ("ISIS Sinai Province", "West Africa
    Province": Sinai spells in pinyin, and Province is all such a name has)."""
    return word in t.locations or pinyin.syllable_count(word) > 0


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


def split_acronyms(text: str) -> tuple[str, list[str]]:
    """Remove "(SMIC)"-style acronyms (also "(CETC 13)", "(NSCC-CS)") from ``text`` and return them."""
    acronyms: list[str] = []

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        letters = re.sub(r"[^A-Za-z0-9]", "", inner)
        if letters != inner and " " not in inner and letters.lower() in tables().locations:
            return f" ({letters}) "  # "(H.K.)", "(U.A.E.)": a place's letters, read as "(HK)" (helper-48)
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


def _qualifier(text: str) -> bool:
    """True for a place, legal form or generic word in parentheses ("(HK)", "(UK)",
    "(HONG KONG)", "(GmbH)"): part of the name, never an acronym of the party standing alone."""
    t = tables()
    words = fold_words(text)
    if len(words) > 1 and "".join(words) in t.locations:
        return True  # a place of two words: "(HONG KONG)", "(SAUDI ARABIA)"
    return bool(words) and all(
        w in t.locations or w in t.generic or w in t.org_class or (w,) in t.legal_forms for w in words
    )


def _only_legal(text: str) -> bool:
    """True when ``text`` holds no name words, only legal forms ("Co., Ltd.") or nothing."""
    t = tables()
    words = fold_words(PAREN_RE.sub(" ", text))
    return all(w in t.legal_len or w in t.legal_compare or len(w) < 2 for w in words)


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
    if company and word in _ONLY_NUMERALS and i > 0:
        # "Ocean Pearl II Navigation Inc", "Maria II Shipping": the series number of a ship's
        # owner, and a monarch's ("King Abdullah II Fund" meets "Abdullah II Fund"; its short
        # form without the number is held for review); not a name's first word ("II Sole 24
        # Ore": a scanned Il; helper-64's and helper-65's reviews)
        return value
    return None


#: Roman numerals no language writes as a word: a number wherever they stand in a firm's name.
_ONLY_NUMERALS = frozenset({"ii", "iii"})


def org_term_key(words: Sequence[str]) -> tuple[str, ...]:
    """How org-term tables are looked up: each word's skeleton, its soft e read as e
    (``resources._term_key`` keys them so)."""
    return tuple(soft_e(skeleton(w)) for w in words)


#: Words whose org-term keys are remembered (:func:`org_start_keys`).
ORG_KEY_CACHE = 1 << 13


@lru_cache(maxsize=ORG_KEY_CACHE)
def org_start_keys(word: str) -> tuple[str, str]:
    """The org-term key of ``word`` (:func:`org_term_key`) and that key's lemma: what
    :func:`_org_phrase` asks of every word of a name read as an organisation's, where
    most words start no phrase, and ``russian.table_word`` of a word before it reads
    an ending (cached: the same words recur from name to name)."""
    key = org_term_key((word,))[0]
    return key, lemma(key)


on_change(org_start_keys.cache_clear)  # the keys come from the romanisation tables


def _org_phrase(words: list[str], i: int, t: Tables) -> tuple[int, Readings] | None:
    """The longest Russian or Turkish organisation phrase at ``words[i]`` (by skeleton,
    then by the lemma of each word: any inflected form), with its readings."""
    if not t.org_terms:
        return None
    first, first_stem = org_start_keys(words[i])
    if first not in t.org_first and first_stem not in t.org_lemma_first:
        return None
    for size in range(min(t.org_max_len, len(words) - i), 0, -1):
        key = org_term_key(words[i : i + size])
        if size == 1 and len(words[i]) < t.org_min_len.get(key[0], 0):
            continue  # "Rossi" has the skeleton of России, but not its letters
        readings = t.org_terms.get(key)
        if readings is None:
            stems = tuple(lemma(s) for s in key)
            if stems != key:  # an ending was read: "Strakhov" (a name) is not страховой
                readings = t.org_lemmas.get(stems)
        if readings is not None and key in t.vietnamese_only and not _vietnamese_words(words, t):
            continue  # "Hang Hai" in a Chinese firm's name is no hàng hải
        if readings is not None:
            return size, readings
    return None


def _turkish_firm(words: Sequence[str], t: Tables) -> bool:
    """``words`` hold a word of ``turkish_marks`` (Şti., Şirketi, ve): a Turkish firm's name."""
    return any(w in t.turkish_marks for w in words)


def _terms_spelled_out(words: list[str], t: Tables) -> list[str]:
    """``words`` of a Turkish firm's name (a word of ``turkish_marks``: Şti., Şirketi, ve)
    with each abbreviation of one organisation word written out ("Dis Tic."
    is Dış Ticaret, foreign trade; "Muh. Hiz." Mühendislik Hizmetleri, engineering
    services; "San." by :func:`spell_turkish_abbreviations`), so that it is read in
    English as the word is (KAYA TRADING LTD)."""
    if not _turkish_firm(words, t):
        return words  # "TIC Group", "La Paz Trading": no Turkish firm's name (helper-67's review)
    out = list(words)
    for k, w in enumerate(words):
        readings = t.abbreviations.get(w)
        if readings and len(readings[0]) == 1 and _org_phrase([readings[0][0]], 0, t) is not None:
            out[k] = readings[0][0]
    return out


#: A word of two to four letters with its full stop, not part of a hyphenated word ("San.",
#: "Mak.", "Mak.Ith."; not the San of "Kar-San").
_ABBREVIATED_RE = re.compile(r"(?<![\w-])([^\W\d_]{2,4})\.(?![a-z\d])")


def spell_turkish_abbreviations(piece: str, t: Tables) -> str:
    """``piece`` with ``turkish_abbreviations`` written out ("San." Sanayi, "Mak." Makina)
    when it is a Turkish firm's name (a word of ``turkish_marks``: Şti., Şirketi, ve), each
    written with its full stop and after the name's first word: "Kar-San Otomotiv San. ve
    Tic." keeps its brand, and elsewhere San is San Jose or San Xing (helper-75's review)."""
    if "." not in piece or not t.turkish_abbreviations:
        return piece
    if not _turkish_firm(fold_words(piece), t):
        return piece

    def spell(m: re.Match[str]) -> str:
        full = t.turkish_abbreviations.get("".join(fold_word(m.group(1))))
        return full + "." if full and re.search(r"[^\W\d_]", piece[: m.start()]) else m.group(0)

    return _ABBREVIATED_RE.sub(spell, piece)


def _vietnamese_words(words: Sequence[str], t: Tables) -> bool:
    """True when ``words`` hold a Vietnamese legal form or the country's name
    (word_lists.yaml ``vietnamese_marks``)."""
    return any(tuple(words[k : k + len(m)]) == m for m in t.vietnamese_marks for k in range(len(words)))


def lookalike_readings(text: str) -> dict[str, tuple[str, str]]:
    """Words written with look-alike letters, with their other reading and its note.

    "OOO TEXHOMAP" -> {"texhomap": ("tekhnomar", "TEXHOMAP read as Cyrillic")}: a Russian name
    copied with Latin letters that look like its Cyrillic ones. "VIadimir", "AIpha",
    "GoIden" -> vladimir, alpha, golden: a capital I inside a word written in small
    letters is a small L scanned or typed (:func:`ocr_readings`).
    """
    out: dict[str, tuple[str, str]] = ocr_readings(text)
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
            out[word.lower()] = ("".join(LOOKALIKE_CYRILLIC[ch] for ch in word), f"{word} read as Cyrillic")
    return out


#: A capital I between small letters, or second after a capital and before small
#: letters: a small L ("GoIden", "VIadimir", "AIpha"); and a small l opening a word of
#: small letters in a name whose words open with capitals: a capital I ("lvan", "losif").
_CAPITAL_I_RE = re.compile(r"(?<=[a-z])I(?=[a-z])|(?<=^[A-Z])I(?=[a-z]{2})")
_SMALL_L_RE = re.compile(r"^l(?=[a-z]{2})")


def ocr_readings(text: str) -> dict[str, tuple[str, str]]:
    """The words of ``text`` with an I and an l a scan or a typist confused, read right:
    {"viadimir": ("vladimir", "read with l for I")} (helper-65's review). Only where the
    case tells: in a word of small letters, a capital I is no I; and a word of small
    letters opening with l, beside words opening with capitals, opened with I."""
    out: dict[str, tuple[str, str]] = {}
    if text.isupper() or ("I" not in text and "l" not in text):
        return out  # in capitals the case tells nothing (most list names)
    chunks = [c.strip(".,;:'\"«»()") for c in text.split()]
    titled = any(c[:1].isupper() for c in chunks)
    for word in chunks:
        if not word.isascii() or not word.isalpha():
            continue
        if _CAPITAL_I_RE.search(word):
            out[word.lower()] = (_CAPITAL_I_RE.sub("l", word).lower(), f"{word} read with l for I")
        elif titled and _SMALL_L_RE.match(word) and word[1:].islower():
            out[word.lower()] = ("i" + word[1:].lower(), f"{word} read with I for l")
    return out


#: Longest one-word legal form that is an abbreviation (AS, ASA, OOO, SA).
SHORT_FORM = 3
#: A long legal form (resources.LEGAL_TYPO_MIN_WORDS words or more) is read with one
#: word mistyped when that word has LEGAL_TYPO_MIN_LEN letters.
LEGAL_TYPO_MIN_LEN = 6


def _legal_tokens(out: Builder, legal: list[str], phrase: tuple[str, ...], compare: str, t: Tables) -> None:
    """Tokens of the legal form ``phrase`` (compared as ``compare``), and its note."""
    written = " ".join(phrase)
    parts = t.legal_parts.get(compare, ())
    for word in parts[:-1]:  # "group corporation": group is a word, corp the form
        # a form of its own ("spzoo" in "sp. z o.o. sp. k.", gmbh in "GmbH & Co. KG"): the
        # partner's form, generic, not a name's own word
        tag = GENERIC if (word,) in t.legal_forms else latin_tag(word, t)
        out.tokens.append(Token(word, tag, skeleton(word), written, f"{written} = {' '.join(parts)}"))
    form = parts[-1] if parts else compare
    if form in t.branch_words:  # "branch", "filiale": a marker, not a form
        out.tokens.append(Token(form, GENERIC, form, written, f"branch marker: {written}"))
    else:
        out.tokens.append(Token(form, LEGAL, form, written, f"legal form ignored: {written}"))
        legal.append(written)


def legal_compare(phrase: tuple[str, ...], t: Tables) -> str | None:
    """The compare code of ``phrase`` as a legal form, as written or by skeleton; else None."""
    compare = t.legal_forms.get(phrase)
    if compare is None:
        compare = t.legal_skel.get(tuple(skeleton(w) for w in phrase))
    return compare


def _legal_overlapping(words: list[str], i: int, size: int, t: Tables) -> int:
    """Where a longer legal form starts inside the form ``words[i:i+size]`` and runs
    past it ("COMPANY LIMITED LIABILITY COMPANY": limited liability company starts
    inside "company limited"); 0 when none does."""
    n = len(words)
    for j in range(i + 1, i + size):
        for end in range(min(n, j + t.legal_len.get(words[j], 0)), i + size, -1):
            if tuple(words[j:end]) in t.legal_forms and end - j >= 2:
                return j
    return 0


def _whole_name_but_legal(words: list[str], i: int, out: Builder, t: Tables) -> bool:
    """True when ``words[i]`` is the only name word: what came before it was read as
    legal forms, and what follows is a legal form or nothing ("OOO Tekhnologiya",
    "Obshchestvo s Ogranichennoi Otvetstvennostyu Tekhnologiya", "Tekhnologiya AO")."""
    if any(tok.tag != LEGAL for tok in out.tokens) or out.choices:
        return False
    rest = tuple(words[i + 1 :])
    return not rest or legal_compare(rest, t) is not None


def _legal_with_typo(words: list[str], i: int, t: Tables) -> tuple[int, str] | None:
    """A legal form of three or more words at ``words[i]`` with one later word
    mistyped by one edit (a letter dropped, added, changed or two swapped):
    OTKRYTOE ATSIONERNOE OBSHCHESTVO, OBSHCHESTVO S ORGANICHENNOI
    OTVETSTVENNOSTYU. Registries and lists carry such typos; the form says
    nothing of the name either way.

    A name word next to a form is not read as its mistyped last word:
    "Sociedad Anonima Cerda Hermanos" is SA Cerda Hermanos, not Sociedad
    Anonima Cerrada. So the mistyped word is inside the form, or ends the form
    at the end of the name, and the form never takes the whole name.
    """
    first = skeleton(words[i])
    n = len(words)
    for phrase, compare in t.legal_long.get(first, ()):
        size = len(phrase)
        if i + size > n or size >= n:
            continue
        typo_at = None
        for k in range(1, size):
            got = skeleton(words[i + k])
            if got == phrase[k]:
                continue
            if typo_at is not None or len(phrase[k]) < LEGAL_TYPO_MIN_LEN or OSA.distance(got, phrase[k], score_cutoff=1) > 1:
                typo_at = -1
                break
            typo_at = k
        if typo_at is None or typo_at < 0:
            continue
        if typo_at == size - 1 and i + size < n:
            continue  # "Sociedad Anonima Cerda Hermanos": Cerda is a name word
        return size, compare
    return None


#: "Named after" in Russian, a stop word (``generic_words.yaml``); "named after"
#: and "im." are read as it.
IMENI = "imeni"


def _initials_then_genitive(words: list[str], k: int) -> bool:
    """Two initials from ``k``, apart or joined, then a family name in the genitive
    (ending in a): "a s yakovleva", "va degtyareva"."""
    if k + 2 < len(words) and len(words[k]) == len(words[k + 1]) == 1:
        k += 2
    elif k + 1 < len(words) and len(words[k]) == 2:
        k += 1
    else:
        return False
    return len(words[k]) >= 4 and words[k].endswith("a")


#: The Persian and Urdu ezafe ("of") written on a word with a hyphen: "Jaish-e-Mohammed",
#: "Jaish-i-Mohammad", "Daneshgah-e San'ati-ye Sharif", "Sepah-e Pasdaran". Between two
#: words only: a final "-i" may be a Wade-Giles syllable (Ching-i).
_EZAFE_RE = re.compile(r"(?<=[a-z'’])-(?:e|ye|yi|i(?=-))(?=-[a-z]|\s+[a-z])", re.IGNORECASE)


def without_ezafe(text: str) -> str:
    """``text`` with each hyphenated ezafe written as a space: the words it joins are
    the name ("Jaish-i-Mohammad" and "Jaish-e-Mohammed" are one group's)."""
    return _EZAFE_RE.sub(" ", text) if "-" in text else text


def named_after(words: list[str], im: bool = True) -> list[str]:
    """Read "named after", "n.a." before initials, and "im." inside a name that may be an organisation's
    (``im``: not a person's) before two initials and a genitive, as imeni (a stop word):
    "Design Bureau named after A.S. Yakovlev" and "OKB im. A.S. Yakovleva" both
    say "imeni a s yakovlev(a)"; the genitive -a is met in the alignment."""
    out: list[str] = []
    k, n = 0, len(words)
    while k < n:
        w = words[k]
        if w == "named" and k + 1 < n and words[k + 1] == "after":
            w, k = IMENI, k + 1
        elif w == "n" and k > 0 and k + 2 < n and words[k + 1] == "a" and len(words[k + 2]) == 1 \
                and honoree_initials(words, k + 2) and words[k - 1] not in NOT_HONOURING:
            # "Istok n.a. A.I. Shokin"; not a bank's N.A. (Citibank, N.A.; "... N.A. UK Branch",
            # "Wells Fargo Bank N.A. as Trustee": helper-89's review)
            w, k = IMENI, k + 1
        elif im and w == "im" and k > 0 and _initials_then_genitive(words, k + 1):
            w = IMENI  # "OKB im. A.S. Yakovleva"; not the Korean family name ("Im U Song", "Kim Im S K")
        out.append(w)
        k += 1
    return out


#: Words after which "N.A." is a bank's, never "named after".
NOT_HONOURING = frozenset({"bank", "trust", "association"})
#: Most initials of an honoured person's name after imeni (V.I. Lenin, A.S. Yakovlev).
HONOREE_INITIALS = 2


def honoree_initials(words: list[str] | tuple[str, ...], k: int) -> int:
    """How many words from ``k`` are a person's initials before a family name: up to two
    letters apart ("n e bauman") or joined ("va degtyareva"), then a word of three
    letters or more."""
    size = 0
    while size < HONOREE_INITIALS and k + size < len(words) and len(words[k + size]) == 1:
        size += 1
    if size == 0 and k < len(words) and len(words[k]) == HONOREE_INITIALS:
        size = 1  # joined: "imeni VA Degtyareva"
    if k + size < len(words) and len(words[k + size]) >= 3 and words[k + size].isalpha():
        return size
    return 0


def accented_words(text: str, t: Tables) -> frozenset[str]:
    """The folded words of ``text`` written with accents no legal form is written with
    ("Sá" -> "sa"; not "A.Ş.", "OÜ"): name words, not legal forms ("SÁ, Pedro" is a
    person, "Lia Sá" too)."""
    if text.isascii():
        return frozenset()
    return frozenset(
        w for chunk in word_chunks(text) if not chunk.isascii()
        and accent_key(chunk) not in t.legal_accented
        for w in fold_word(chunk)
    )


def latin_tokens(
    words: list[str],
    t: Tables,
    company: bool,
    person: bool,
    lookalikes: dict[str, tuple[str, str]] | None = None,
    short_forms: bool = True,
    accented: frozenset[str] = frozenset(),
    vessel: bool = False,
    said_person: bool = False,
    town_tail: int = 0,
) -> tuple[Builder, list[str]]:
    """Tag folded Latin words: legal forms, abbreviations, numbers, places, Russian terms.

    ``short_forms=False`` (words transliterated from a script whose legal forms
    are not abbreviated in Latin letters: आशा is "asa", not the Norwegian ASA)
    reads one-word legal forms of up to three letters as name words, and so are
    the ``accented`` words (:func:`accented_words`). ``vessel``: the name is a
    vessel's, whose last lone I, V or X may be its hull number (:func:`_final_numeral`).
    ``said_person``: the caller says the name is a person's, so letters written apart
    are initials ("E. V. Prigozhin"), never a legal form (e.V.); of a name of unknown
    kind "S.A." stays the legal form that makes it a company's. ``town_tail``: the last
    words that are a town written after the firm's name and a comma
    (:func:`screening.matching.names.trailing_town`), tagged as places are ("Olympic
    Shipmanagement S.A., Piraeus"); the same word earlier in the name stays a name's.
    """
    out = Builder()
    legal: list[str] = []
    if (not person or company) and not t.ministry_heads.isdisjoint(words):
        words = _portfolio_read(words, t)
    i, n = 0, len(words)
    chinese_name = person and not company and _chinese_name_words(words, t)
    firm_words = any(w in t.org_class for w in words)
    spelled = _terms_spelled_out(words, t) if t.org_terms and (not person or company) else words
    # a two-letter word with a digit is read with letters only beside a longer one ("5BERBANK
    # 0F RUSSIA"), or in a person's name: alone in a firm's it is a code ("D3 Technologies",
    # "1N Logistics": helper-67's review)
    swapped = any(digits_as_letters(w) for w in words if not w.isalpha())
    while i < n:
        # multi-word legal forms and places, longest first
        matched = False
        w = words[i]
        skel = skeleton(w)
        top = max(t.legal_len.get(w, 0), t.legal_skel_len.get(skel, 0))  # 0: no form starts here
        sizes = range(min(top, n - i), 0, -1)
        typo_first = skel in t.legal_long
        for size in sizes:
            if typo_first and size < LEGAL_TYPO_MIN_WORDS:
                typo_first = False  # no long form as written: one with a typo before a shorter one
                typo = _legal_with_typo(words, i, t)
                if typo is not None:
                    _legal_tokens(out, legal, tuple(words[i : i + typo[0]]), typo[1], t)
                    i += typo[0]
                    matched = True
                    break
            phrase = tuple(words[i : i + size])
            compare = legal_compare(phrase, t)
            if compare is None:
                continue
            # Short one-word forms (sa, ag, as, ab) are also name parts: only at
            # the start or end of a name of three or more words.
            if size == 1 and len(phrase[0]) <= 3 and not company and (0 < i < n - 1 or (n < 3 and i > 0)):
                continue
            if size == 1 and len(phrase[0]) == 1 and i != n - 1:
                continue
            if 0 < i and i + size < n and phrase in t.legal_edge_only:
                continue  # "Moscow Joint Stock Exchange": mid-name, the name's own words
            if size == 1 and ((len(phrase[0]) <= SHORT_FORM and not short_forms) or phrase[0] in accented):
                continue
            if person and size == 1 and not company and not (i == 0 and n > 1):
                continue
            if said_person and not company and all(len(p) == 1 for p in phrase):
                continue  # "E. V. Prigozhin": a person's initials, not e.V.
            if size == 2 and len(phrase[0]) == len(phrase[1]) == 1 and 0 < i and i + 2 < n and (
                latin_tag(words[i + 2], t) == DISTINCTIVE and words[i + 2] not in t.legal_len
                and i + 2 < n - town_tail
            ):
                continue  # "A.S. Yakovlev", "A.G. Orlova": a person's initials, not A.S. or AG
            longer = _legal_overlapping(words, i, size, t)
            if longer:
                if longer == i or tuple(words[i:longer]) not in t.legal_forms:
                    continue
                # "Company Limited Liability Company": company, then limited liability company
                phrase, compare = tuple(words[i:longer]), t.legal_forms[tuple(words[i:longer])]
                size = longer - i
            _legal_tokens(out, legal, phrase, compare, t)
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
        if person and word in t.person_titles and n > 2 and not (
            word in t.surname_titles and i == _family_end(words, t)
        ) and not (i + 1 < n and words[i + 1] in t.name_suffixes):  # "Haji Zadeh": Hajizadeh
            i += 1
            continue  # "Dr", "Gen": titles are not names (but "Martin Luther King" is one)
        term = _org_phrase(spelled, i, t) if not person or company else None
        if term is not None and term[0] == 1 and _whole_name_but_legal(words, i, out, t) and all(
            latin_tag(w, t) != DISTINCTIVE for r in term[1] for w in r
        ):
            term = None  # "OOO Tekhnologiya": the one word is the whole name, not a line of business
        if term is not None:
            size, term_readings = term
            written = " ".join(words[i : i + size])
            alts = [
                tuple(Token(w, latin_tag(w, t), skeleton(w), written, f"{written} = {' '.join(r)}") for w in r)
                for r in term_readings
            ]
            alts.append(tuple(Token(w, latin_tag(w, t), skeleton(w), w) for w in spelled[i : i + size]))
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
            alts = [
                tuple(Token(p, latin_tag(p, t), skeleton(p), word, f"{word} = {' '.join(r)}") for p in r)
                for r in readings
            ]
            if len(word) <= LETTERS_KEPT:
                alts.append((Token(word, latin_tag(word, t), skeleton(word), word),))  # "KB Hotel" = "K B Hotel"
            elif (len(word) >= CLIPPED_MIN or (len(word) >= CLIPPED_JOIN_MIN and i >= 2
                                               and latin_tag(words[i - 2], t) == DISTINCTIVE)) and (
                clipped := next((r[0] for r in readings if len(r) == 1 and r[0].startswith(word)), None)
            ):
                # a clipped word stays a word to be joined, of its full word's kind: "Petro
                # Marine" is "Petromarine" as much as "Petroleum Marine" (not "Tic.", Ticaret)
                alts.append((Token(word, latin_tag(clipped, t), skeleton(word), word),))
            out.add(alts)
            continue
        if person and len(word) == 1 and word.isalpha():
            out.tokens.append(Token(word, INITIAL, word, word, "initial"))
            continue
        tag = LOCATION if town_tail and i > n - town_tail else latin_tag(word, t)  # i is past the word
        if word in STATE_NOUNS and not (person and not company) and _names_a_state(words, i - 1, t):
            tag = STOP  # "the Republic of Belarus", "the Islamic Republic of Iran": the state is its place
        if word == CONJUNCTION_I and not person and 1 < i < n and _russian_both_sides(words, i - 1):
            tag = STOP  # Russian и: "Khimii i Mekhaniki" (fresh19's dev half)
        if word in t.admin_units and firm_words and i >= 2 and _place_word(words[i - 2], t):
            tag = GENERIC  # "Junan County ... Co., Ltd": the unit of the place before it
        if tag == GENERIC and person and not company:
            tag = DISTINCTIVE  # "West" in "Meghan West" is a name
        elif tag == STOP and person and not company and (i == n and n > 1 or chinese_name):
            # a particle never ends a name ("Das" in "Tara Das" is a family name), and
            # in a Chinese name "Bin" or "An" is a given name ("WU, Bin", "An Wu")
            tag = DISTINCTIVE
        token = Token(word, tag, skeleton(word), word)
        look = lookalikes.get(word) if lookalikes else None
        letters = digits_as_letters(word) or (_small_word_digits(word, t, person and not company)
                                              if swapped or (person and not company) else None)
        if look:
            other, note = look
            out.add([(token,), (Token(other, tag, skeleton(other), word, note),)])
        elif letters:
            ltag = latin_tag(letters, t)
            if ltag == GENERIC and person and not company:
                ltag = DISTINCTIVE
            out.add([(token,), (Token(letters, ltag, skeleton(letters), word, f"{word.upper()} read with letters for digits"),)])
        elif not (vessel and (len(word) == 1 or _numeral_name_word(word, words, t))
                  and _final_numeral(out, word, i, n, tag)):
            out.tokens.append(token)
    return out, legal


def reads_as_company_alike(words: Sequence[str], t: Tables) -> bool:
    """True when :func:`latin_tokens` reads ``words`` as a company's with the same
    words as a person's, so a person-like name needs no company reading beside it.

    The readings differ only at a word that some branch of :func:`latin_tokens` treats by
    the kind of name: one that starts a legal form (by spelling or skeleton), a number
    word, a Roman numeral, a generation, a title, an abbreviation, or the first word of
    a Russian or Turkish organisation phrase. A name with none of them reads alike both
    ways (most persons' names: the company reading cost a second pass over every one).
    ``tests/matching/test_names_latin.py`` checks this against both readings."""
    roman = t.roman
    for w in words:
        if (w in t.legal_len or w in t.number_words or w in t.generation_words or w in t.person_titles
                or w in t.abbreviations or (roman.get(w) if roman else _roman_value(w)) is not None
                or skeleton(w) in t.legal_skel_len):
            return False
        if t.org_terms:
            first, first_stem = org_start_keys(w)
            if first in t.org_first or first_stem in t.org_lemma_first:
                return False
    return True


#: Lone letters that end a name as a Roman numeral ("BELLA I", "STAR V").
def _numeral_name_word(word: str, words: Sequence[str], t: Tables) -> bool:
    """``word``, a vessel's last, is a numeral that is also a name word (VI, XV of
    ``roman_name_words``) and may be read as its hull number: not a pinyin syllable (XI,
    LI: "HAI XI" is 海西), nor after Vietnamese syllables alone ("TUONG VI", a rose:
    helper-75's review)."""
    return (word in t.roman_name_words and not pinyin.is_pinyin_word(word)
            and not all(vietnamese.syllable(w) for w in words[:-1]))


def _final_numeral(out: Builder, word: str, i: int, n: int, tag: str) -> bool:
    """Append ``word``, a lone I, V or X ending a vessel's name of two words or
    more, or a numeral that is also a name word (:func:`_numeral_name_word`), as the
    word with the number as its other reading, and return True.

    The vessel "BELLA I" is Bella 1, "BICENTENARIO VI" Bicentenario 6: the number is
    read only when the other name has it (:mod:`screening.matching.choices`), as a hull
    number. Only for a name known to be a vessel's: Malcolm X, Channel V and Kim Jong I
    are not numbered (helper-44's review). A lone letter is never read as a number on
    its own ("Star II" is read so at once: :func:`_roman_number`)."""
    value = _roman_value(word)
    if value is None or i != n or n < 2:  # ``i`` is past the word already
        return False
    number = Token(str(value), NUMBER, str(value), word, f"number {word.upper()}")
    out.add([(Token(word, tag, skeleton(word), word),), (number,)])
    return True


#: Digits typed or scanned for the letters they resemble ("N0RINC0", "T3CH", "TRADE 8ANK").
DIGIT_LETTERS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b"})


def digits_as_letters(word: str) -> str | None:
    """``word`` with look-alike digits read as letters ("n0rinc0" -> "norinco").

    Only for words mixing digits and letters where the letters dominate and every
    digit has a look-alike letter; numbers and codes ("55", "a320", "5g") stay.
    """
    if word.isalpha():
        return None  # no digit at all (most words): one call in C, not a count per letter
    if word[-1] == "8":
        return None  # "LUCKY8", "WIN8", "FORTUNE88": a number, as brands write it (helper-75's review)
    n_digits = sum(ch.isdigit() for ch in word)
    if not n_digits or len(word) - n_digits < max(2, n_digits):
        return None
    letters = word.translate(DIGIT_LETTERS)
    return letters if letters.isalpha() else None


def _small_word_digits(word: str, t: Tables, person: bool = False) -> str | None:
    """A two-character word of a digit and a letter that reads as one of the
    ``digit_small_words`` ("0f" -> "of"); codes such as "5g" or "1a" stay. In a
    person's name any two letters: "L1 XIAOLONG" is LI Xiaolong, since a person's
    name holds no codes."""
    if len(word) != 2 or word.isalpha() or word.isdigit():
        return None
    letters = word.translate(DIGIT_LETTERS)
    return letters if letters in t.digit_small_words or (person and letters.isalpha()) else None


def is_org_acronym(word: str, expansion: tuple[str, ...]) -> bool:
    """True when ``expansion`` spells out an organisation acronym (SMIC, CETC).

    Those are names in their own right: the acronym stays a distinctive token and
    the expansion becomes a variant reading, rather than replacing it inline the
    way "tech" becomes "technology".
    """
    return len(expansion) >= 3 or (len(expansion) == 2 and word == "".join(e[0] for e in expansion))


def written_as_words(piece: str) -> frozenset[str]:
    """Folded words written in lower or title case in a name that also has
    capitals elsewhere or is mixed case ("Pla" in "Abel Pla"): such a word is
    a word, not an acronym. Empty when the case says nothing (ALL CAPS)."""
    if piece.isupper() or piece.islower():
        return frozenset()
    return frozenset(w for chunk in word_chunks(piece) if not chunk.isupper() for w in fold_word(chunk))


def spell_out(words: list[str], t: Tables, reading: int = 0, plain: frozenset[str] = frozenset()) -> list[str] | None:
    """``words`` with organisation acronyms spelled out ("cetc 13" -> "china
    electronics technology group corporation 13"), or None when there are none.

    ``reading`` picks among an acronym's readings (BUAA: Beihang University or
    Beijing University of Aeronautics and Astronautics); words in ``plain``
    are never spelled out.
    """
    out: list[str] = []
    changed = False
    for w in words:
        readings = t.abbreviations.get(w) if w not in plain else None
        if readings and is_org_acronym(w, readings[0]) and reading < len(readings):
            out.extend(readings[reading])
            changed = True
        else:
            out.append(w)
    return out if changed else None


#: Roman numerals written after a name for its generation ("KIRK, III.").
GENERATION_NUMERALS = frozenset({"ii", "iii", "iv"})


def person_reorder(text: str, t: Tables) -> tuple[str, frozenset[str]]:
    """"SALEK, Abdulhai" -> ("Abdulhai SALEK", {"salek"}) for one-comma person names.

    Returns the reordered text and the folded family-name words.
    """
    none: frozenset[str] = frozenset()
    if text.count(",") != 1:
        return text, none
    left, right = (part.strip() for part in text.split(","))
    if not left or not right:
        return text, none
    right_words = fold_words(right)
    left_words = fold_words(left)
    if not right_words or len(left_words) > 4 or len(right_words) > 5:
        return text, none
    if len(right_words) == 1 and _generation_word(right_words[0], t):
        return f"{left} {right}", none  # "JOSEPH ORMOND KIRK, III.": a generation after the name, not a given name
    accented = accented_words(text, t)
    for w in left_words + right_words:
        if w in t.org_class or w in t.generic or ((w,) in t.legal_forms and w not in accented):
            return text, none  # "ACME, S.A." is a company; "SÁ, Pedro" a person
    if len(right_words) > 1 and _generation_word(right_words[-1], t):
        # "SMITH, John Sr.": the generation ends the name (a hyphen may join it: "KIM, Jong-II")
        given, _, generation = re.sub(r"[\s-]+(?=\S+\s*$)", " ", right.strip()).rpartition(" ")
        return f"{given} {left} {generation}", frozenset(left_words)
    return f"{right} {left}", frozenset(left_words)


def _family_end(words: list[str], t: Tables) -> int:
    """Position of a personal name's last word, before a generation word (Jr, III):
    where the family name stands once the name is in its written order ("KING, Martin
    Luther" is read "Martin Luther King"). A title that is also a family name
    (word_lists.yaml surname_titles: King, Major) is the family name there."""
    n = len(words)
    return n - 2 if n > 1 and _generation_word(words[-1], t) else n - 1


def _generation_word(word: str, t: Tables) -> bool:
    """Jr, Senior, III: a word for a person's generation."""
    return word in t.generation_words or word in GENERATION_NUMERALS


#: Fewest syllables of a name read as Cantonese (cantonese_name), and the most pinyin
#: readings of one syllable taken (the most frequent characters').
CANTONESE_MIN_SYLLABLES = 3
CANTONESE_READINGS = 4
CANTONESE_NOTE = "Cantonese"
#: What a Wade-Giles reading's note starts with.
WADE_GILES_NOTE = "Wade-Giles"


def wade_giles_name(piece: str, words: list[str]) -> bool:
    """A personal name romanised in Wade-Giles: a hyphenated given name ("Ting-yu")
    or a syllable only Wade-Giles writes ("Chieh", "Hsiung")."""
    if len(words) > HAN_PERSON_MAX:
        return False
    return bool(_HYPHEN_PAIR_RE.search(piece)) or any(pinyin.looks_wade_giles(w) for w in words)


def add_wade_giles(built: Builder) -> None:
    """Give each syllable of a Wade-Giles name its pinyin readings as choices (Chieh: jie)."""
    _add_pinyin_readings(built, WADE_GILES_NOTE, pinyin.wade_giles_readings)


def _add_pinyin_readings(built: Builder, system: str, readings_of: Callable[[str], tuple[str, ...]]) -> None:
    """Give each distinctive word of ``built`` that no choice covers yet its pinyin
    ``readings_of`` as a choice, noted as read in ``system`` ("Wade-Giles chieh = pinyin jie")."""
    taken = {c.start for c in built.choices}
    extra = []
    for k, tok in enumerate(built.tokens):
        if k in taken or tok.tag != DISTINCTIVE:
            continue
        readings = readings_of(tok.text)
        if readings:
            note = f"{system} {tok.text} = pinyin {'/'.join(readings)}"
            alts = tuple((Token(r, DISTINCTIVE, skeleton(r), tok.source, note, tok.family),) for r in readings)
            extra.append(Choice(k, 1, alts))
    built.choices.extend(extra)
    built.choices.sort(key=lambda c: c.start)


def cantonese_name(words: list[str], t: Tables) -> bool:
    """A personal name romanised the Hong Kong way ("Ho Kwok Leung", "WONG, Kwok
    Keung"): three or four syllables, each a Cantonese spelling, one at least a
    spelling pinyin has no syllable for (Kwok, Leung, Wong, Ho). Two syllables say
    too little: "Ho Man" reads as three dozen pinyin names."""
    return (CANTONESE_MIN_SYLLABLES <= len(words) <= HAN_PERSON_MAX and all(w in t.yue_pinyin for w in words)
            and any(w not in pinyin.SYLLABLES for w in words)
            and words[0] not in t.ko_surname_of and words[-1] not in t.ko_surname_of)  # Kim Man Chun is Korean


def add_cantonese(built: Builder, t: Tables) -> None:
    """Give each syllable of a Cantonese name the pinyin syllables its characters
    have as choices (Kwok: guo, kuo), as :func:`add_wade_giles` does."""
    _add_pinyin_readings(built, CANTONESE_NOTE, lambda word: tuple(
        r for r in t.yue_pinyin.get(word, ())[:CANTONESE_READINGS] if r != word))


def looks_like_org(
    words: list[str], t: Tables, short_forms: bool = True, marks: bool = True, accented: frozenset[str] = frozenset()
) -> bool:
    """Does a Latin name read as an organisation?

    Yes with a legal form (short ones such as "SA" only in names of three or
    more words), an organisation-class word (company, group) or a business word
    nobody is named (industries, electronics; ``marks=False`` when the caller
    says the name is a person's: "Ali Hassan Electronics" read as the person
    Ali Hassan's name keeps the word); other generic words ("west", "gold")
    need company: two of them, since people bear them as names.
    """
    generic = 0
    last = len(words) - 1
    for k, w in enumerate(words):
        # a short form (SA, AG, JU) in a name the caller says is a person's is a name part:
        # "Park Bong-ju", "Thomas Sa"
        short_ok = short_forms and marks
        if ((w,) in t.legal_forms and (short_ok or len(w) > SHORT_FORM) and w not in accented) or w in t.org_class:
            # "Thomas Sa", "Mus ab Mustafa": two-letter forms only at either end of
            # 3+ words; "Skydio Inc", "Acme Ltd" are organisations.
            if len(w) > 2 or k == 0 or (len(words) > 2 and k == last):
                return True
            continue
        expansion = t.abbreviations.get(w, ((),))[0]
        if any(e in t.org_class or e in t.org_types for e in expansion) or w in t.org_types:
            return True
        if marks and (w in t.org_marks or (w,) in t.pinyin_org_marks or tuple(words[k : k + 2]) in t.pinyin_org_marks):
            return True  # "Sanaye", "Yanjiuyuan", "Gongye Daxue": words only an organisation's name has
        if w in t.generic or any(e in t.generic for e in expansion):
            generic += 1
    return generic >= 2
