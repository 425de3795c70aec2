"""Arabic compound personal names written in Latin letters, joined or apart.

A compound name is a head with an article and a word ("Abd al-Qadir", "Abu
Bakr") or a word with an article and a tail ("Nur al-Din", "Nasr Allah").
Romanisations write one compound many ways:

* joined or apart: Abdelkader / Abd al-Qadir, Noureddine / Nur al-Din;
* the article as al-, el-, ul-, or assimilated to a sun letter, which is then
  doubled: Abdessalam / Abd al-Salam, Abdurrahman / Abd al-Rahman, Salaheddine;
* ق as q or k (Maghrebi and Turkish usage: Kader, Kadir), ou / u, ee / i, and the
  vowels Arabic does not write: Qadir / Kader.

:func:`compounds_alike` reads both words as (head, word, tail) and compares the
word by its consonants. Only compounds are read this way: in a bare name one
vowel may be another name (Hamid / Hamad), and the spelling rules of
:mod:`screening.matching.strings` judge it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from screening.matching.resources import tables

#: Letter groups one romanisation writes for another's: ق as k, و as French "ou" (Abdelouahed),
#: long vowels written double, ai as ay (Sayf / Saif).
_FOLDS = (("q", "k"), ("oua", "wa"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("aa", "a"), ("ay", "ai"))
#: A head, then its article as written (al-, el-, ul-) or assimilated (the vowel
#: before a doubled sun letter: Abd-es-Salam, Abd-ur-Rahman).
_HEAD_RE = re.compile(r"^(abd|ab[uo])(?:[aeiou]l|[aeiou](?=([tdrzsln])\2))?")
#: A tail ad-Din / al-Din / ud-Din (Nur al-Din, Noureddine, Nuruddin), or Allah
#: (Nasr Allah, Nasrullah, Abdallah), with its article.
_TAIL_RES = (
    ("din", re.compile(r"(?:([aeiu]l)|([aeiu])(?=d))?d+ine?$")),
    ("lah", re.compile(r"(?:([aeiu]l)(?=l))?l+[aeiu]h$")),
)
_VOWELS = frozenset("aeiouy")
_CONSONANTS_RE = re.compile(r"[^aeiouy]+")
#: Credit of two spellings of one compound (a romanisation's, like ``VOWEL_SPELLING_SIM``'s
#: one sound: Abdelkader / Abd al-Qadir).
COMPOUND_SIM = 0.9


@lru_cache(maxsize=4096)
def compound_parts(word: str) -> tuple[str, str, str] | None:
    """``word`` (folded, one token or a joined window) as (head, word, tail) when it
    is a compound; "" for a part it lacks, None when it has neither head nor tail."""
    w = word
    for old, new in _FOLDS:
        w = w.replace(old, new)
    head = tail = ""
    m = _HEAD_RE.match(w)
    if m and len(w) > m.end() + 1:
        head = "abd" if m.group(1) == "abd" else "abu"
        w = w[m.end():]
        if len(w) > 1 and w[0] == w[1]:
            w = w[1:]  # the doubled sun letter: (abd)-es-salam -> salam
    for name, tail_re in _TAIL_RES:
        t = tail_re.search(w)
        if t and t.start() >= 3:
            # the tail written with its article (Nur-al-Din, Nureddine, Nasrullah), or
            # after a head: a bare -din or -lah ends Russian names too (Borodin, Burdin)
            if not (any(t.groups()) or head or w[t.start() - 1] == w[t.start()]):
                break
            tail = name
            w = w[: t.start()]
            break
    if not head and not tail:
        return None
    if len(w) > 3 and w[-1] == "e" and w[-2] not in _VOWELS:
        w = w[:-1]  # French spelling: Abderrahmane
    elif head and len(w) > 2 and w[-1] == "h" and w[-2] in _VOWELS:
        w = w[:-1]  # a final h written or not: Abdulla / Abd Allah (helper-62's review)
    return head, w, tail


def _may_be_compound(word: str) -> bool:
    """A quick test before the patterns: most words have no head nor tail."""
    return word.startswith("ab") or word.endswith(("in", "ine", "een", "ah"))


def _consonants(word: str) -> str:
    return "".join(ch for ch in word if ch not in _VOWELS)


def _vowels_agree(a: str, b: str) -> bool:
    """The vowels between the consonants of ``a`` and ``b`` (the same consonants)
    agree: each the same, or two of one sound class (Kader / Kadir, Malek / Malik; not
    Hamid / Hamad). A vowel one writes and the other does not is another name: Nasr /
    Nasir, Fazl / Fazil, Bakr / Baqir, Allah / Ilah (helper-61's review)."""
    pairs = tables().sound_pairs
    for x, y in zip(_CONSONANTS_RE.split(a), _CONSONANTS_RE.split(b)):
        if x == y:
            continue
        if len(x) == len(y) == 1 and frozenset((x, y)) in pairs:
            continue
        return False
    return True


def compounds_alike(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are one Arabic compound name written two ways:
    the same head and tail, and words with the same consonants in order whose
    vowels agree (:func:`_vowels_agree`)."""
    if not (_may_be_compound(a) and _may_be_compound(b)):
        return False
    pa, pb = compound_parts(a), compound_parts(b)
    if pa is None or pb is None or pa[0] != pb[0] or pa[2] != pb[2]:
        return False
    wa, wb = pa[1], pb[1]
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    return _consonants(wa) == _consonants(wb) != "" and _vowels_agree(wa, wb)
