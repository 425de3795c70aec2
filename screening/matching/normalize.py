"""Text primitives shared by list names and queries.

One pipeline for both sides (nomenklatura's lesson: the table, the list and the
query must be folded with the same flags):

1. Unicode NFKC, then zero-width and bidirectional controls removed
   (format characters, category ``Cf``): "Hua\u200bwei" is "Huawei".
2. Homoglyphs folded inside words that are mostly Latin: "Huаwei" typed with a
   Cyrillic "а" is "Huawei". A word written wholly in Cyrillic or Greek is not
   touched here; it is transliterated.
3. Transliteration to ASCII: unidecode for Latin, Greek, Cyrillic and Armenian
   (whose conventions the romanisation table is tuned to); anyascii, a
   maintained transliterator covering every Unicode script, for the others
   (Hebrew, Arabic, Thai, Georgian ...), :mod:`screening.matching.brahmic`
   for the scripts of India, whose vowels anyascii leaves out, and
   :mod:`screening.matching.burmese` for Burmese, read by its rimes. Han is the
   exception: :mod:`screening.matching.names` romanises it with pypinyin phrase
   by phrase.
4. Case folding; apostrophes joined ("Gui'an" is "guian"); any other
   punctuation splits words; "&" becomes "and", except between short runs of
   letters (one or two, one of them a single letter), where it writes one
   abbreviation: "AT&T", "S&T", "R&D", "R & D" and "S AND C" are "att", "st",
   "rd", "rd", "sc" (and "S&T" is not "T&S"); "Oil&Gas" is words. A "+" ending a
   word is "plus" (EN+, Canal+); between two words it only splits them (Blohm+Voss).

:func:`skeleton` then applies the romanisation rewrite table to a single token
so that common transliteration variants meet (Kholmogrant / Holmogrant).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

import jellyfish
from anyascii import anyascii
from unidecode import unidecode

from screening.matching import brahmic, burmese
from screening.matching.resources import DOUBLED_LETTERS, on_change

#: Characters that join the letters around them (apostrophes of every kind).
APOSTROPHES = "'’‘`´ʼʻ′"
#: Largest Latin share of a word's letters at which homoglyphs are NOT folded
#: (below it the word is taken to be genuinely Cyrillic/Greek and transliterated).
HOMOGLYPH_MIN_LATIN_SHARE = 0.5
#: Cache sizes: list names and bulk queries repeat tokens heavily.
TOKEN_CACHE_SIZE = 1 << 18

_APOS_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")
#: Cyrillic hard and soft signs dropped (so "Объединённая" is one word) and ё read
#: as е, as listings romanise it (OBEDINENNAYA).
_SIGNS = str.maketrans({"Ъ": None, "ъ": None, "Ь": None, "ь": None, "ё": "е", "Ё": "Е"})
_NON_WORD_RE = re.compile(r"[^0-9a-z]+")
#: Scripts from Hebrew (U+0590) up to Vedic extensions (U+1CFF): Arabic, Syriac,
#: the Indic scripts, Thai, Lao, Tibetan, Burmese, Georgian, Ethiopic, Khmer ...
_ANYASCII_RE = re.compile("[\u0590-\u1cff]")
_opencc: dict[str, Any] = {}  # OpenCC config -> its opencc.OpenCC, made on first use


@on_change
def clear_caches() -> None:
    """Forget cached foldings (after the resource tables change)."""
    fold_word.cache_clear()
    skeleton.cache_clear()
    phonetic.cache_clear()


def strip_controls(text: str) -> str:
    """NFKC-normalise and drop format characters (zero-width, bidi controls).

    A zero-width non-joiner after Arabic-script letters ends a word part
    (Persian خامنه‌ای, Khamenei; حاجی‌زاده, Hajizadeh): it is read as a space.
    """
    text = unicodedata.normalize("NFKC", text)
    if "\u200c" in text:
        text = _ZWNJ_RE.sub(" ", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


_ZWNJ_RE = re.compile("(?<=[\u0600-\u06ff])\u200c(?=[\u0600-\u06ff])")


def is_han(ch: str) -> bool:
    """True for a CJK unified or compatibility ideograph."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0002ffff"


_HAN_RE = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def has_han(text: str) -> bool:
    """True when ``text`` contains any Han character."""
    return not text.isascii() and _HAN_RE.search(text) is not None


def _opencc_convert(config: str, text: str) -> str:
    """``text`` converted by OpenCC's ``config``, its converter made on first use."""
    converter = _opencc.get(config)
    if converter is None:
        import opencc

        converter = _opencc[config] = opencc.OpenCC(config)
    return str(converter.convert(text))


def hong_kong_to_simplified(text: str) -> str:
    """Hong Kong's traditional forms as simplified ones with OpenCC (``hk2s``): 衞 -> 卫,
    which ``t2s`` keeps (helper-94's review: 張衞國 / 张卫国)."""
    return _opencc_convert("hk2s", text)


def japanese_to_traditional(text: str) -> str:
    """Japanese forms of characters as traditional ones with OpenCC (``jp2t``): 渡辺 ->
    渡邊, 斎藤 -> 齋藤, so one Japanese name written in Japanese and in Chinese forms folds
    to one (:func:`to_simplified` after it)."""
    return _opencc_convert("jp2t", text)


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese with OpenCC (``t2s``)."""
    return _opencc_convert("t2s", text)


def _latin_share(word: str) -> float:
    """Share of the letters in ``word`` that are ASCII Latin."""
    letters = [ch for ch in word if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ch.isascii()) / len(letters)


def fold_homoglyphs(text: str, table: dict[str, str]) -> str:
    """Replace confusable characters inside mostly-Latin words.

    A word that is mostly Latin but holds a Cyrillic "а" or a Greek "ο" was
    very probably typed (or spoofed) as a Latin word.
    """
    if not table or text.isascii() or not any(ch in table for ch in text):
        return text
    words = text.split(" ")
    out = []
    for word in words:
        share = 0.0 if word.isascii() else _latin_share(word)
        if 0 < share < HOMOGLYPH_MIN_LATIN_SHARE and _all_confusable("".join(ch for ch in word if not ch.isascii()), table):
            # "ΟΜΝΙΡΟL": Latin and Greek letters mixed in one word, every
            # non-Latin one a look-alike: a spoofed Latin word.
            out.append("".join(table.get(ch, ch) for ch in word))
            continue
        if word.isascii() or share < HOMOGLYPH_MIN_LATIN_SHARE:
            # All-Cyrillic words transliterate; but a word of *only* confusables
            # next to Latin words ("ООО" in a Latin name) is folded too.
            if not word.isascii() and _latin_share(word) == 0 and _all_confusable(word, table) and _context_latin(words):
                word = "".join(table.get(ch, ch) for ch in word)
            out.append(word)
            continue
        out.append("".join(table.get(ch, ch) for ch in word))
    return " ".join(out)


def _all_confusable(word: str, table: dict[str, str]) -> bool:
    """True when every letter of ``word`` has a Latin look-alike."""
    letters = [ch for ch in word if ch.isalpha()]
    return bool(letters) and all(ch in table for ch in letters)


def _context_latin(words: list[str]) -> bool:
    """True when most words of the text are Latin."""
    latin = sum(1 for w in words if w and _latin_share(w) >= HOMOGLYPH_MIN_LATIN_SHARE)
    return latin * 2 > len([w for w in words if w])


#: Letters joined by "&" into one abbreviation (AT&T, S&T, R&D, H&M), not "x and y":
#: runs of one or two letters, one of them a single letter ("Oil&Gas", "Sun&Sea" are words).
_AMPERSAND_ABBREVIATION = re.compile(r"(?<![a-z0-9])(?=[a-z&]*(?<![a-z])[a-z](?![a-z]))[a-z]{1,2}(?:&[a-z]{1,2})+(?![a-z0-9])")


#: The same written with spaces or spelled "and", when one side is a single letter
#: ("R & D", "AT & T", "S AND C": lists spell "S&C Trade" both ways).
_SPACED_AMPERSAND = re.compile(r"(?<!\w)([^\W\d_]{1,2})\s+(?:&|[Aa][Nn][Dd])\s+([^\W\d_]{1,2})(?!\w)")
#: "J/V", a joint venture, as one word ("jv": abbreviations.yaml). Only this: other
#: slashed letters are legal forms read as two letters (A/S, S/A, K/S) or join two
#: names (s/o son of, c/o care of).
_JOINT_VENTURE = re.compile(r"(?<![a-z0-9/])j/v(?![a-z0-9/])")
#: A plus sign ending a word, as brands write "plus" (EN+, Canal+); not 1+1, nor a
#: plus between two words, which joins them as "&" does (Endress+Hauser, Blohm+Voss).
_PLUS_RE = re.compile(r"(?<=[a-z])\+(?![0-9a-z+])")


def word_chunks(text: str) -> list[str]:
    """The whitespace-separated chunks of ``text`` for :func:`fold_word`, an
    abbreviation spelled with a spaced "&" or "and" ("R & D", "S AND C") written as one chunk."""
    if "&" in text or " and " in text.lower():
        text = _SPACED_AMPERSAND.sub(lambda m: m.group(0) if min(len(m[1]), len(m[2])) > 1 else f"{m[1]}&{m[2]}", text)
    return text.split()


#: A letter of the Arabic script (Arabic, Persian, Urdu).
ARABIC_RE = re.compile("[\u0600-\u06ff]")
#: The Arabic article (ال) written on a name of three letters or more (الحربي, al-Harbi).
_ARABIC_ARTICLE_RE = re.compile("^\u0627\u0644(?=(?:[\u0621-\u064a][\u064b-\u0652]*){3})")  # vowel marks allowed


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def fold_word(text: str) -> tuple[str, ...]:
    """Transliterate, case-fold and split one whitespace-free chunk into tokens.

    Arabic writes its article on the word (الحربي); Latin renderings write it
    apart ("Al-Harbi", "Al Harbi"), so it is read as its own token "al".
    """
    if _ARABIC_ARTICLE_RE.match(text):
        return ("al",) + fold_word(text[2:])
    text = _APOS_RE.sub("", text)
    if not text.isascii():
        text = serbian_letters(text)
        text = transliterate(text)
        text = _APOS_RE.sub("", text)
    text = _AMPERSAND_ABBREVIATION.sub(lambda m: m.group(0).replace("&", ""), text.lower())
    text = text.replace("&", " and ")
    if "/" in text:
        text = _JOINT_VENTURE.sub("jv", text)
    if "+" in text:
        text = _PLUS_RE.sub(" plus ", text)  # "EN+ Group" is "En Plus Group", "Canal+" Canal Plus
    return tuple(t for t in _NON_WORD_RE.split(text) if t)


#: Letters only Serbian and Macedonian Cyrillic write (ђ ј љ њ ћ џ, ѓ ќ ѕ).
_SERBIAN_RE = re.compile("[\u0402\u0403\u0405\u0408-\u040b\u040c\u040f\u0452\u0453\u0455\u0458-\u045c\u045f]")
#: Serbian and Macedonian Cyrillic as Serbian Latin writes it, its marks left out as
#: unidecode leaves them out of the Latin (Михајловић Mihajlovic, Ђорђевић Dordevic as
#: Đorđević folds, Жељко Zeljko).
_SERBIAN = str.maketrans({
    **dict(zip("абвгдежзијклмнопрстуфхцчш", "abvgdezzijklmnoprstufhccs")),
    **dict(zip("АБВГДЕЖЗИЈКЛМНОПРСТУФХЦЧШ", "ABVGDEZZIJKLMNOPRSTUFHCCS")),
    "ђ": "d", "Ђ": "D", "љ": "lj", "Љ": "Lj", "њ": "nj", "Њ": "Nj", "ћ": "c", "Ћ": "C",
    "џ": "dz", "Џ": "Dz", "ѓ": "gj", "Ѓ": "Gj", "ќ": "kj", "Ќ": "Kj", "ѕ": "dz", "Ѕ": "Dz",
})


def serbian_letters(word: str) -> str:
    """``word`` as Serbian Latin writes it, without marks, when it is Serbian or
    Macedonian Cyrillic (it holds a letter only they write): Михајловић is Mihajlovic,
    not the Russian reading Mikhajlovitsh. Else unchanged. The dj that English writes
    for đ is a spelling of d (:func:`~screening.matching.strings.transliteration_edits`)."""
    return word if _SERBIAN_RE.search(word) is None else word.translate(_SERBIAN)


def needs_anyascii(text: str) -> bool:
    """True when ``text`` holds a script :func:`transliterate` reads with anyascii."""
    return not text.isascii() and _ANYASCII_RE.search(text) is not None


#: Arabic letters read before anyascii (see :mod:`screening.matching.abjad`): alif,
#: which anyascii drops, as "a", a long vowel Latin renderings write (قاسم, Qasem);
#: ذ ض ظ as "dz", which Latin writes dh, z, d or th (Hafez, Reza, Dhiab), not
#: anyascii's "dh", which د before ه also gives (أدهم, Adham); ع and the hamzas
#: أ إ ء as "e", a vowel Latin writes (Omar, Saad, Ali; Ahmad, Mamoun, Alaa), where
#: anyascii writes a backquote or an apostrophe.
_ARABIC_READINGS = {0x0627: "a", 0x0622: "a", 0x0630: "dz", 0x0636: "dz", 0x0638: "dz",
                    0x0639: "e", 0x0623: "e", 0x0625: "e", 0x0621: "e"}


#: Hebrew ב, כ, פ at the start of a word, which Hebrew words read hard (b, k, p: בנימין
#: Binyamin, כהן Cohen, פרס Peres) and foreign names often soft (פרידמן Friedman,
#: פאטמה Fatma, כליפא Khalifa); anyascii reads every one soft (v, kh, f).
_HEBREW_HARD_RE = re.compile("(?<![\u05b0-\u05c7\u05d0-\u05ea])[\u05d1\u05db\u05e4](?!\u05bf)")
_HEBREW_HARD = {"\u05d1": "b", "\u05db": "k", "\u05e4": "p"}


def hebrew_hard(text: str) -> str:
    """``text`` with the ב, כ, פ that start a Hebrew word written b, k, p: the other
    reading of a Hebrew name beside anyascii's soft one (not a rafe-marked פֿ)."""
    return _HEBREW_HARD_RE.sub(lambda m: _HEBREW_HARD[m.group(0)], text)


def transliterate(text: str) -> str:
    """ASCII reading of non-ASCII ``text``: the scripts of India by
    :func:`~screening.matching.brahmic.romanise` (with the vowels anyascii leaves out),
    Burmese by :func:`~screening.matching.burmese.romanise` (by its rimes), anyascii for
    the others from Hebrew to Georgian and Khmer, unidecode (with Cyrillic signs
    dropped) otherwise."""
    if needs_anyascii(text):
        if brahmic.has_indic(text):
            text = brahmic.romanise(text)
        if burmese.has_burmese(text):
            text = burmese.romanise(text)
        return anyascii(text.translate(_ARABIC_READINGS))
    return unidecode(text.translate(_SIGNS))


def fold_words(text: str) -> list[str]:
    """The folded words of ``text``: :func:`fold_word` of each of its :func:`word_chunks`."""
    return [w for chunk in word_chunks(text) for w in fold_word(chunk)]


def fold_tokens(text: str) -> list[str]:
    """Fold non-Han ``text`` into ASCII lowercase tokens (no tables involved)."""
    return fold_words(strip_controls(text))


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def skeleton(token: str) -> str:
    """The token rewritten by the romanisation table, doubled letters collapsed.

    Two spellings with the same skeleton are transliteration variants of one
    name ("kholmogrant" and "holmogrant", "zhytomyrskyi" and "zhitomirskiy").
    Digits are returned unchanged.
    """
    if token.isdigit():
        return token
    from screening.matching.resources import romanise, tables

    return romanise(tables().romanization, token)


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def phonetic(token: str) -> str:
    """Metaphone key of ``token`` ("" for digits and one-letter tokens)."""
    if len(token) < 2 or not token.isalpha():
        return ""
    return str(jellyfish.metaphone(token))


#: Letters dropped from a consonant skeleton (vowels and the glides that abjad
#: scripts write as consonants or not at all).
_VOWELS_RE = re.compile(r"[aeiouyw`]+")


#: A Latin c before a, o or u, which says k (Cohen, Carim: כהן, كريم).
_HARD_C_RE = re.compile(r"c(?=[aou])")


@lru_cache(maxsize=TOKEN_CACHE_SIZE)
def consonants(token: str) -> str:
    """Consonant skeleton used to meet abjad scripts (Arabic, Hebrew) and Thai.

    Those scripts write few or no vowels, so "mHmd" (محمد) and "Mohamed" only
    agree once vowels, glides and doubled letters are dropped: both give "mhmd".
    A trailing "h" (Hebrew/Arabic final letter) is dropped too, and a c that says k is
    written k ("Moshe Cohen" / משה כהן: fresh18's dev half).
    """
    token = token.lower()
    if "c" in token:
        token = _HARD_C_RE.sub("k", token)
    base = DOUBLED_LETTERS.sub(r"\1", _VOWELS_RE.sub("", token))
    base = base.replace("kh", "h").replace("sh", "s").replace("ph", "f").replace("v", "b").replace("dz", "z")
    base = DOUBLED_LETTERS.sub(r"\1", base)
    if len(base) > 2 and base.endswith("h"):
        base = base[:-1]
    return base
