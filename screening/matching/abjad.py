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
anyascii, with alif kept as "a"); ayin and hamza are dropped there, and a
vowel may stand for them.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Latin spellings of each letter of the Arabic-script reading, longest code first.
#: A digraph may also be two letters (zh: ژ, or ز and ه as in الزهراء, al-Zahra).
_UNITS: tuple[tuple[str, str], ...] = (
    ("th", "(?:th|s|t|t[aeiou]?h)"),
    ("kh", "(?:kh|h|x|ch|k|k[aeiou]?h)"),
    ("dh", "(?:dh|z|th|d|d[aeiou]?h)"),
    ("sh", "(?:sh|ch|sch|s|s[aeiou]?h)"),
    ("gh", "(?:gh|g|r|g[aeiou]?h)"),
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
    ("y", "(?:y|ee|ii|ei|ey|ai|ay|i|e|iy|j)"),
    ("e", "[aeiou]"),  # أ, إ starting a word (normalize.fold_word): Ahmad, Ibrahim, Osama
    # hamza on a seat, as anyascii reads it (ئ i, ؤ u)
    ("i", "(?:i|e|y)?"),
    ("u", "(?:u|o|w)?"),
)
_SINGLE = {code: latin for code, latin in _UNITS if len(code) == 1}
_SINGLE.update(c="(?:c|k)")  # ch read as c and h
#: A short vowel the script does not write.
_SHORT = "(?:ou|[aeiou])?"  # ou: French renderings (Moustafa, Youssef)
#: A word's last h (ة, ه): the feminine -a, -ah, -at, Persian -e, -eh, or h.
_FINAL_H = "(?:ah|eh|at|et|a|e|h)"
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
    return _ALIF_BEFORE_L if units[k + 1][0] == "l" else units[k][1]


@lru_cache(maxsize=8192)
def _word_pattern(word: str) -> str:
    """The Latin spellings of one Arabic-script word's reading, as a regex."""
    if word == "al":
        return _ARTICLE
    units = _units(word)
    if not units:
        return ""
    latin = [_alif(units, k) if code == "a" else spelling for k, (code, spelling) in enumerate(units[:-1])]
    latin.append(units[-1][1])
    last = units[-1][0]
    if last == "h":
        latin[-1] = _FINAL_H
    elif last == "y" and len(units) > 2 and units[-2][0] not in "ayw":
        latin[-1] = _FINAL_Y  # Persian writes ى as ی: مجتبی, Mojtaba; موسی, Musa
    elif len(last) == 2 and last[1] == "h":  # حمزة, "hmzh": zh, or z and a final ة
        latin[-1] = f"(?:{latin[-1]}|{_SINGLE[last[0]]}{_SHORT}{_FINAL_H})"
    if last == "a" and len(units) > 1:
        latin[-1] = _FINAL_ALIF  # a final alif is written (ميرا is Mira, not Miri)
    # a short vowel between letters, but none beside an alif, a long vowel
    # itself (احسان is Ehsan, never Hossein)
    out = _SHORT + latin[0]
    for k in range(1, len(units)):
        beside_alif = units[k][0] == "a" or (units[k - 1][0] == "a" and k - 1 > 0)
        out += ("" if beside_alif else _SHORT) + latin[k]
    if last not in "ahyw":
        out += "e?"  # French renderings end a consonant with a silent e (Noureddine, Amine)
    return out


@lru_cache(maxsize=8192)
def _name_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = [_word_pattern(w) for w in words]
    if not all(parts):
        return None
    if words[-1] == "al":
        parts[-1] = _ARTICLE_LAST
    return re.compile(r"\s?".join(parts))


def _collapse(text: str) -> str:
    """Doubled letters written once (Hassan, Mohammed: the script writes a shadda, or nothing)."""
    return re.sub(r"([a-z])\1+", r"\1", text)


def latin_agrees(arabic: tuple[str, ...], latin: tuple[str, ...]) -> bool | None:
    """Whether the Latin words can be read off the Arabic-script words' letters,
    in the Latin order or with the first or last word moved to the other end (a
    family name written first); None when a letter has no rule (the caller
    keeps the consonant skeleton's verdict). Other orders are other people:
    Ahmed Mohammed Hassan is not Mohammed Ahmed Hassan."""
    pattern = _name_pattern(tuple(arabic))
    if pattern is None:
        return None
    words = [_collapse(w) for w in latin]
    if any(_not_read(a, w) for a in arabic for w in words):
        return False
    # as written, or with the family name moved to the other end ("BIN LADIN, Usama")
    orders = (words, words[1:] + words[:1], words[-1:] + words[:-1])
    return any(pattern.fullmatch(_collapse(" ".join(order))) for order in orders)


#: (Arabic beginning, Latin beginning) pairs that cannot be read one as the other
#: although the letters allow it: Mahmud (محمود) is written with its long u, so
#: محمد (Muhammad) is never "Mahm...": the one pair of very common names a
#: short-vowel reading confuses.
_NOT_READ = (("mhmd", "mahm"),)


def _not_read(arabic: str, latin: str) -> bool:
    """A Latin word a confusable Arabic word (and its derivatives: محمدی, Mohammadi) is never read as."""
    return any(arabic.startswith(a) and latin.startswith(b) for a, b in _NOT_READ)


@lru_cache(maxsize=65536)
def word_agrees(arabic: str, latin: str) -> bool:
    """One Arabic-script word's reading and one Latin word: :func:`latin_agrees`
    of the two, without reordering (alignment asks this of every word pair)."""
    pattern = _name_pattern((arabic,))
    latin = _collapse(latin)
    if _not_read(arabic, latin):
        return False
    return pattern is not None and pattern.fullmatch(latin) is not None


#: Letters of the Arabic-script reading that Latin renderings write as other
#: consonants (ذ, ظ, ض: z or d; ث: s or t; ج: g in Egypt), for finding candidates.
_OTHER_CONSONANTS = (("dh", ("z", "d")), ("th", ("s", "t")), ("j", ("g",)))
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


def _key(reading: str) -> str:
    """A Latin name's consonant key (``normalize.consonants`` of its skeleton) as an
    Arabic-script reading gives it: kh / sh / q / v read the skeleton's way."""
    out = reading.replace("kh", "h").replace("sh", "s").replace("q", "k").replace("w", "b").replace("v", "b")
    out = _collapse(_KEY_VOWELS.sub("", out))
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
