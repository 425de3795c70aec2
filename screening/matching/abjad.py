"""Arabic-script names against their Latin renderings: what the letters allow.

Arabic and Persian write consonants and long vowels, not short ones, so a
consonant skeleton (:func:`~screening.matching.normalize.consonants`) is how
"محمد علي" meets "Mohamed Ali". But the skeleton also drops the long vowels
the script does write, and so reads محمود (Mahmoud) as محمد (Mohamed), حسين
(Hussein) as حسن (Hassan), سليماني (Soleimani) as Sulayman. Those are other
names.

:func:`latin_agrees` asks whether a Latin rendering can be read off the Arabic
letters: each letter as the Latin letters romanisations write for it (ق as q,
k, g; ث as th, s, t; و as w, v, u, o, ou; ي as y, i, ee, ei, e; final ة as a,
ah, e), a short vowel or none between letters, none after a word's last
letter (names are read in pausal form: Soleimani needs the final ي), the
article written on a word (ال, split off by the tokeniser as "al") as al, el,
ul, a vowel or nothing before a doubled letter (Abdurrahman, Abdel Rahman).

The Arabic side is the tokeniser's reading (:func:`~screening.matching.normalize.fold_word`:
anyascii, with alif kept as "a", ع and the hamzas as "e", ذ ض ظ as "dz").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from screening.matching.resources import DOUBLED_LETTERS

#: Latin spellings of each letter of the Arabic-script reading, longest code first.
#: A digraph may also be two letters (zh: ژ, or ز and ه as in الزهراء, al-Zahra).
_UNITS: tuple[tuple[str, str], ...] = (
    ("th", "(?:th|s|t|t[aeiou]?h)"),
    ("kh", "(?:kh|h|x|ch|k|k[aeiou]?h)"),
    ("dz", "(?:dh|z|th|d|dz)"),  # ذ ض ظ (normalize._ARABIC_READINGS)
    ("sh", "(?:sh|ch|sch|s[aeiou]?h)"),
    ("gh", "(?:gh|g|g[aeiou]?h)"),
    ("ch", "(?:ch|tch|tsh|c[aeiou]?h)"),
    ("zh", "(?:zh|j|z|z[aeiou]?h)"),
    ("b", "(?:b|p)"),
    ("p", "p"),
    ("t", "t"),
    ("j", "(?:j|g|dj|dzh|zh)"),
    ("h", "(?:h|kh)"),
    ("d", "(?:d|dh)"),
    ("r", "r"),
    ("z", "(?:z|dh)"),
    ("s", "(?:s|ts|c)"),  # c: French renderings (Belkacem, Hacen)
    ("f", "(?:f|ph)"),
    ("q", "(?:q|k|g|gh|c)"),
    ("k", "(?:k|c|ck|q)"),
    ("g", "(?:g|gu)"),
    ("l", "l"),
    ("m", "m"),
    ("n", "n"),
    ("v", "(?:v|w)"),
    # letters that write long vowels (or w / y as consonants)
    ("a", "(?:a|e|o)"),  # alif: a long vowel, always written
    ("w", "(?:w|v|ou|oo|u|o|ow|aw|au|ov|ev|ew)"),
    ("y", "(?:y|ee|ii|ei|ey|ai|ay|i|e|iy)"),  # j only first in a word (Jusuf)
    ("e", "[aeiou]"),  # ع and the hamzas أ إ ء (normalize): Omar, Saad; Ahmad, Mamoun
    # hamza on a seat, as anyascii reads it (ئ i, ؤ u)
    ("i", "(?:i|e|y)?"),
    ("u", "(?:u|o|w)?"),
)
#: Longest reading a pattern is built for (a name word is far shorter).
MAX_READ = 20
#: Compiled name patterns kept (about 1 KB each; bulk workers each keep theirs): the words
#: and word windows of 2,500 Arabic-script names need 1,192, each 0.1-0.25 ms to compile.
PATTERN_CACHE = 2048
#: Word and word-pair verdicts kept.
WORD_CACHE = 16384
_SINGLE = {code: latin for code, latin in _UNITS if len(code) == 1}
_SINGLE.update(c="(?:c|k)")  # ch read as c and h
#: A word's last letter written as two Latin letters, without the readings of the
#: first letter alone (which would drop a final ة: فريدة is not Farid).
_FINAL_DIGRAPH = {"th": "(?:th|s)", "kh": "(?:kh|x|ch)", "sh": "(?:sh|ch|sch)",
                  "gh": "(?:gh|g)", "ch": "(?:ch|tch)", "zh": "(?:zh|j|z)"}
#: A short vowel the script does not write.
_SHORT = "(?:ou|[aeiou])?"  # ou: French renderings (Moustafa, Youssef)
#: A word's last h (ة, ه): the feminine -a, -ah, -at, Persian -e, -eh, h, or with
#: the long a or o it is read with (Taha, Abdo).
_FINAL_H = "(?:ah|eh|at|et|ha|a|e|h|o|ou)"
#: The article written apart (al, el, ul), as a vowel on a doubled sun letter
#: (Abdurrahman, "Abdur Rahman"), or dropped; a vowel alone never ends a word
#: ("Salami" is not سالم آل).
_ARTICLE = "(?:[aeiou]l|l|[aeiou](?=[a-z])|[aeiou][dlnrstz](?= ))?"
#: A word's last ي / ی: the nisba -i, or Persian's ی for ى (Mojtaba).
_FINAL_Y = "(?:y|ee|ii|ei|ey|ai|ay|i|e|iy|a)"
#: A word's last alif (or ى): Reza, Mira, Mustafa.
_FINAL_ALIF = "(?:a|ah|e)"
#: ... and last in a name, where it is written out.
_ARTICLE_LAST = "[aeiou]l"
#: An alif that only carries a vowel: first in a word (ایران, Iran; امید, Omid), or
#: the article's inside a glued name (عبدالله, Abdullah; عبدالرحمن, Abdel Rahman).
_ALIF_BEFORE_L = "(?:a|e|o|u|i)?"


def _units(word: str) -> list[tuple[str, str]]:
    """``word`` read as ``(code, Latin spellings)`` units, longest code first; [] when a letter has no rule."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(word):
        for code, latin in _UNITS:
            if word.startswith(code, k):
                if not out or out[-1][0] != code:  # a letter written twice reads once (الله, Allah)
                    out.append((code, latin))
                k += len(code)
                break
        else:
            return []  # a letter no rule reads: leave the pair to the skeleton
    return out


def _alif(units: list[tuple[str, str]], k: int) -> str:
    """An alif inside a word: a long vowel; first in the word, the seat of one (a
    vowel, or none before ي / و, which write it: ایران, Iran); before the article's l, optional."""
    if k == 0:
        return "[aeiou]?" if units[1][0] in "yw" else "[aeiou]"
    # the article's l has a word after it (عبدالله), not a name's last l (جمال is not Jamil)
    return _ALIF_BEFORE_L if units[k + 1][0] == "l" and len(units) > k + 2 else units[k][1]


@lru_cache(maxsize=8192)
def _word_pattern(word: str) -> str:
    """The Latin spellings of one Arabic-script word's reading, as a regex."""
    if word == "al":
        return _ARTICLE
    units = _units(word)
    if not units:
        return ""
    if len(word) > MAX_READ:
        return ""  # no name word is this long; the pattern would backtrack without end
    latin = [_alif(units, k) if code == "a" else "[aeiou]?" if code == "e" and k else spelling
             for k, (code, spelling) in enumerate(units[:-1])]  # ع inside a word may merge (Ismail)
    latin.append(units[-1][1])
    if units[0][0] == "y":
        latin[0] = "(?:y|j|i|e)"  # a first ي: Yusuf, Jusuf (Slavic), Iosif
    elif units[0][0] == "a" and len(units) > 2 and units[1][0] in "yw":
        # a first alif and ي / و write one long vowel (ایمان, Iman; اوميد, Omid), not a
        # diphthong, which the script writes with hamza (أيمن, Ayman)
        latin[0], latin[1] = "", ("(?:i|ee|ii|ei|ey|e)" if units[1][0] == "y" else "(?:o|ou|oo|u|w|v)")
    last = units[-1][0]
    if last == "h":
        latin[-1] = _FINAL_H
    elif last == "y" and len(units) > 2 and units[-2][0] not in "ayw":
        latin[-1] = _FINAL_Y  # Persian writes ى as ی: مجتبی, Mojtaba; موسی, Musa
    elif len(last) == 2 and last[1] == "h":
        # فريدة, "frydh": d and a final ة (Farida, never Farid), or one letter
        # written as two (حافظ, Hafez, Hafidh; درويش, Darwish; طه, Taha)
        latin[-1] = f"(?:{_FINAL_DIGRAPH[last]}|{_SINGLE[last[0]]}{_SHORT}{_FINAL_H})"
    elif last == "e" and len(units) > 1:
        latin[-1] = "[aeiou]?"  # a final ع is often not written (Rabi, Rabie)
    if last == "a" and len(units) > 1:
        latin[-1] = _FINAL_ALIF  # a final alif is written (ميرا is Mira, not Miri)
    # a short vowel between letters, but none before the first (حمد is Hamad, not
    # Ahmad: أحمد writes it) and none beside an alif, a long vowel itself (احسان
    # is Ehsan, never Hossein)
    out = latin[0]
    for k in range(1, len(units)):
        beside_alif = units[k][0] == "a" or (units[k - 1][0] == "a" and (k > 1 or not latin[0]))
        out += ("" if beside_alif else _SHORT) + latin[k]
    if last not in "ahyw":
        out += "e?"  # French renderings end a consonant with a silent e (Noureddine, Amine)
    return out


@lru_cache(maxsize=PATTERN_CACHE)
def _name_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [_word_pattern(w) for w in words]
    if not all(parts):
        return None
    if words[-1] == "al":
        parts[-1] = _ARTICLE_LAST
    return re.compile(r"\s?".join(parts))


@lru_cache(maxsize=WORD_CACHE)
def _collapse(text: str) -> str:
    """Doubled letters written once (Hassan, Mohammed: the script writes a shadda, or nothing)."""
    return DOUBLED_LETTERS.sub(r"\1", text)


@lru_cache(maxsize=WORD_CACHE)
def latin_agrees(arabic: tuple[str, ...], latin: tuple[str, ...]) -> bool | None:
    """Whether the Latin words can be read off the Arabic-script words' letters,
    in the Latin order or with the first or last word moved to the other end (a
    family name written first); None when a letter has no rule (the caller
    keeps the consonant skeleton's verdict). Other orders are other people:
    Ahmed Mohammed Hassan is not Mohammed Ahmed Hassan."""
    pattern = _name_pattern(arabic)
    if pattern is None:
        return None
    words = [_collapse(w) for w in latin]
    if any(_not_read(a, w) for a in arabic for w in words):
        return False
    # as written, or with the family name moved to the other end ("BIN LADIN, Usama")
    orders = (words, words[1:] + words[:1], words[-1:] + words[:-1]) if len(words) > 1 else (words,)
    if any(pattern.fullmatch(_collapse(" ".join(order))) for order in orders):
        return True
    # more Latin words than Arabic ones: one pair may be one word in the script
    return len(words) > len(arabic) and any(pattern.fullmatch(_collapse(text)) for text in _spacings(words))


#: Latin words never run into the word before them: the article and "bin".
_APART = frozenset({"al", "el", "ul", "bin", "ibn", "ben", "bint"})


def _spacings(words: list[str]) -> list[str]:
    """The words with one pair run together where the script writes one word
    (محمدرضا, "Mohammad Reza"); never an article or bin ("Farid al-" is not فريدة)."""
    out = []
    for k in range(1, len(words)):
        if words[k] not in _APART and words[k - 1] not in _APART:
            out.append(" ".join(words[: k - 1] + [words[k - 1] + words[k]] + words[k + 1 :]))
    return out


#: (Arabic beginning, Latin beginning) pairs that cannot be read one as the other
#: although the letters allow it: Mahmud (محمود) is written with its long u, so
#: محمد (Muhammad) is never "Mahm...": the one pair of very common names a
#: short-vowel reading confuses.
_NOT_READ = (("mhmd", "mahm"),)


def _not_read(arabic: str, latin: str) -> bool:
    """A Latin word a confusable Arabic word (and its derivatives: محمدی, Mohammadi) is never read as."""
    return any(arabic.startswith(a) and latin.startswith(b) for a, b in _NOT_READ)


def readable_as(arabic: str, latin_words: Iterable[str]) -> list[str]:
    """The Latin words :func:`word_agrees` with the Arabic-script word ``arabic``,
    in their order: a word's pattern tested on each in turn (an index look-up tests
    every listed word with the word's consonants; each pair's verdict is kept by no cache)."""
    pattern = _name_pattern((arabic,))
    if pattern is None:
        return []
    out = []
    for latin in latin_words:
        text = _collapse(latin)
        if not _not_read(arabic, text) and pattern.fullmatch(text):
            out.append(latin)
    return out


def word_agrees(arabic: str, latin: str) -> bool:
    """One Arabic-script word's reading and one Latin word: :func:`latin_agrees`
    of the two, without reordering (alignment asks this of every word pair)."""
    return word_verdict(arabic, latin) is True


def word_verdict(arabic: str, latin: str) -> bool | None:
    """:func:`word_agrees`, or None when a letter of the reading has no rule."""
    return latin_agrees((arabic,), (latin,))


#: Letters of the Arabic-script reading that Latin renderings write as other
#: consonants (ذ, ظ, ض: z or d; ث: s or t; ج: g in Egypt), for finding candidates.
_OTHER_CONSONANTS = (("dz", ("z", "d", "dh")), ("th", ("s", "t")), ("j", ("g",)))
#: Most spellings :func:`spellings` returns.
MAX_SPELLINGS = 8


@lru_cache(maxsize=8192)
def spellings(word: str) -> tuple[str, ...]:
    """``word`` and its readings with the consonants other renderings write
    (الظواهري "dhwahry": Zawahiri), for looking up listed words by consonants."""
    out = [word]
    for code, others in _OTHER_CONSONANTS:
        if code in word:
            out += [w.replace(code, other) for w in out for other in others]
    return tuple(dict.fromkeys(out))[:MAX_SPELLINGS]


_KEY_VOWELS = re.compile("[aeiouy]")


def _as_skeleton(reading: str) -> str:
    """An Arabic-script reading's consonants written the way a Latin skeleton
    writes them (kh as h, sh as s, q as k, v as b, ذ ض ظ as z)."""
    return reading.replace("kh", "h").replace("sh", "s").replace("q", "k").replace("v", "b").replace("dz", "z")


def _key(reading: str) -> str:
    """A Latin name's consonant key (``normalize.consonants`` of its skeleton) as an
    Arabic-script reading gives it: :func:`_as_skeleton`, و as the consonant b."""
    out = _collapse(_KEY_VOWELS.sub("", _as_skeleton(reading).replace("w", "b")))
    return out[:-1] if len(out) > 2 and out.endswith("h") else out


@lru_cache(maxsize=8192)
def lookup_keys(word: str) -> frozenset[str]:
    """Consonant keys under which listed Latin words this Arabic-script word may
    be written are found: its :func:`spellings`, و as a consonant (w) or a vowel
    (u), and a final ة silent or written t (Harakat)."""
    keys: set[str] = set()
    for spelling in spellings(word):
        for reading in (spelling, spelling.replace("w", "u")):
            keys.add(_key(reading))
            if reading.endswith("h"):  # ة (also after a letter it would make a digraph with: حركة)
                keys.update((_key(reading[:-1]), _key(reading[:-1] + "t")))
    return frozenset(k for k in keys if k)


_GLIDES_AND_VOWELS = re.compile("[aeiouwyh]")


@lru_cache(maxsize=WORD_CACHE)
def _head(word: str) -> str:
    """The first consonant of a word or reading, w, y and h left out (و, ي
    write vowels too; ة may be written t): "nwraldyn" and "noureddine" both "n"."""
    return _GLIDES_AND_VOWELS.sub("", _as_skeleton(word))[:1]


def may_join(arabic: str, latin: str) -> bool:
    """A cheap test before :func:`latin_agrees` of joined words: the first
    consonants agree (ayin, hamza and the article's alif are not letters here)."""
    return _head(arabic) == _head(latin)
