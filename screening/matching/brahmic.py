"""The scripts of India read as their names are written in English.

anyascii and unidecode read a Devanagari consonant without the vowel it carries
(कमल "kml", नरेंद्र मोदी "nremdr modi", रिलायंस "rilaayms"), so a Hindi name
met its English spelling only by chance. The nine Indic blocks of Unicode
(Devanagari to Malayalam) share one layout, ISCII's: a letter's place in its
block says what it is, whichever script; Sinhala has a layout of its own
(මහින්ද රාජපක්ෂ "mahinda rajapaksha"). This reads every block by its layout:

- a consonant carries the inherent vowel "a" unless a virama or a vowel sign
  follows it;
- the northern scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya) drop that
  vowel where speech does, as English spellings do (schwa deletion): at the end of
  a word after one consonant (कमल Kamal; not in -iya: राष्ट्रीय Rashtriya), and
  between two vowels' single consonants (Ohala's rule: कलकाता Kalkata). After a
  cluster it stays (नरेंद्र Narendra, मिश्र Mishra), unless the cluster ends in s
  or is an s and a stop, as English words' do (मोटर्स Motars, एवरेस्ट Everest);
  the Dravidian scripts write a final consonant with a virama, so theirs stays;
- the anusvara and chandrabindu read "n" ("m" before p, b, m; सिंह Singh); long
  vowels read short (मोदी Modi, कुमार Kumar), as English spellings mostly write them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

#: First code point of each Indic block, and whether its language drops the inherent vowel.
_BLOCKS = {0x0900: True, 0x0980: True, 0x0A00: True, 0x0A80: True, 0x0B00: True,   # Devanagari .. Oriya
           0x0B80: False, 0x0C00: False, 0x0C80: False, 0x0D00: False,            # Tamil .. Malayalam
           0x0D80: False}                                                          # Sinhala
INDIC_RE = re.compile("[\u0900-\u0dff]")
_RUN_RE = re.compile("[\u0900-\u0dff]+")

#: Letters by their place in a block.
_VOWELS = {0x05: "a", 0x06: "a", 0x07: "i", 0x08: "i", 0x09: "u", 0x0A: "u", 0x0B: "ri", 0x0C: "li",
           0x0D: "e", 0x0E: "e", 0x0F: "e", 0x10: "ai", 0x11: "o", 0x12: "o", 0x13: "o", 0x14: "au",
           0x60: "ri", 0x61: "li"}
_CONSONANTS = {0x15: "k", 0x16: "kh", 0x17: "g", 0x18: "gh", 0x19: "ng", 0x1A: "ch", 0x1B: "chh",
               0x1C: "j", 0x1D: "jh", 0x1E: "n", 0x1F: "t", 0x20: "th", 0x21: "d", 0x22: "dh",
               0x23: "n", 0x24: "t", 0x25: "th", 0x26: "d", 0x27: "dh", 0x28: "n", 0x29: "n",
               0x2A: "p", 0x2B: "ph", 0x2C: "b", 0x2D: "bh", 0x2E: "m", 0x2F: "y", 0x30: "r",
               0x31: "r", 0x32: "l", 0x33: "l", 0x34: "zh", 0x35: "v", 0x36: "sh", 0x37: "sh",
               0x38: "s", 0x39: "h", 0x58: "q", 0x59: "kh", 0x5A: "gh", 0x5B: "z", 0x5C: "r",
               0x5D: "rh", 0x5E: "f", 0x5F: "y"}
_SIGNS = {0x3E: "a", 0x3F: "i", 0x40: "i", 0x41: "u", 0x42: "u", 0x43: "ri", 0x44: "ri", 0x45: "e",
          0x46: "e", 0x47: "e", 0x48: "ai", 0x49: "o", 0x4A: "o", 0x4B: "o", 0x4C: "au", 0x57: "au",
          0x62: "li", 0x63: "li"}
#: Sinhala, whose block has its own layout: its letters, vowel signs and virama (al-lakuna)
#: by their places; its anusvara, visarga and digits sit where the others' do.
_SINHALA_CONSONANTS = {0x1A: "k", 0x1B: "kh", 0x1C: "g", 0x1D: "gh", 0x1E: "n", 0x1F: "ng", 0x20: "ch",
                       0x21: "chh", 0x22: "j", 0x23: "jh", 0x24: "ny", 0x25: "gny", 0x26: "nj", 0x27: "t",
                       0x28: "th", 0x29: "d", 0x2A: "dh", 0x2B: "n", 0x2C: "nd", 0x2D: "t", 0x2E: "th",
                       0x2F: "d", 0x30: "dh", 0x31: "n", 0x33: "nd", 0x34: "p", 0x35: "ph", 0x36: "b",
                       0x37: "bh", 0x38: "m", 0x39: "mb", 0x3A: "y", 0x3B: "r", 0x3D: "l", 0x40: "v",
                       0x41: "sh", 0x42: "sh", 0x43: "s", 0x44: "h", 0x45: "l", 0x46: "f"}
_SINHALA_VOWELS = {0x05: "a", 0x06: "a", 0x07: "ae", 0x08: "ae", 0x09: "i", 0x0A: "i", 0x0B: "u", 0x0C: "u",
                   0x0D: "ri", 0x0E: "ri", 0x0F: "li", 0x10: "li", 0x11: "e", 0x12: "e", 0x13: "ai",
                   0x14: "o", 0x15: "o", 0x16: "au"}
_SINHALA_SIGNS = {0x4F: "a", 0x50: "ae", 0x51: "ae", 0x52: "i", 0x53: "i", 0x54: "u", 0x56: "u", 0x58: "ri",
                  0x59: "e", 0x5A: "e", 0x5B: "ai", 0x5C: "o", 0x5D: "o", 0x5E: "au", 0x5F: "li",
                  0x72: "ri", 0x73: "li"}
#: Consonants a script reads otherwise: Tamil ச is s at a name's start (Sivakumar, Selvam).
_CONSONANTS_OF = {0x0B80: {0x1A: "s"}}
#: The other readings names take: ``LONG`` writes long vowels double (अनीस Anees, सूरज
#: Sooraj) and Tamil ச as ch (சந்திரன் Chandran); ``PLAIN`` reads श before र as s
#: (श्रीनिवास Srinivas), leaves a nukta unread (ज़ाकिर Jakir), and Tamil ழ as l (Tamil).
LONG, PLAIN = "long", "plain"
_LONG_VOWELS = {0x08: "ee", 0x0A: "oo", 0x40: "ee", 0x42: "oo"}
_ALT_CONSONANTS_OF = {LONG: {0x0B80: {0x1A: "ch"}}, PLAIN: {0x0B80: {0x34: "l"}}}
#: A nukta under a consonant: क़ q, ज़ z, ड़ r, फ़ f.
_NUKTA = {"k": "q", "g": "gh", "j": "z", "d": "r", "dh": "rh", "ph": "f"}
#: Letters of one block only: Bengali's khanda ta and Assamese ra, wa; Gurmukhi's tippi
#: (a nasal) and addak (the next consonant doubled); Malayalam's chillus (a final
#: consonant without a vowel).
_OWN = {0x0980: {0x4E: "t", 0x70: "r", 0x71: "w"}, 0x0B00: {0x71: "w"},
        0x0D00: {0x7A: "n", 0x7B: "n", 0x7C: "r", 0x7D: "l", 0x7E: "l", 0x7F: "k", 0x4E: "r"}}
_NASALS = (0x01, 0x02)
_GURMUKHI_NASAL = 0x70
_VISARGA, _NUKTA_SIGN, _VIRAMA = 0x03, 0x3C, 0x4D
_LABIALS = ("p", "b", "m")

_ISCII = (_CONSONANTS, _VOWELS, _SIGNS, _VIRAMA)
_LAYOUTS = {0x0D80: (_SINHALA_CONSONANTS, _SINHALA_VOWELS, _SINHALA_SIGNS, 0x4A)}

# Segments of a word: a consonant, a vowel written, the inherent vowel, a nasal.
_C, _V, _A, _N = "c", "v", "a", "n"


def has_indic(text: str) -> bool:
    """True when ``text`` holds a letter of an Indic block."""
    return INDIC_RE.search(text) is not None


def romanise(text: str, alt: str = "") -> str:
    """``text`` with every run of Indic letters read as English spells it
    (other characters unchanged): "नरेंद्र मोदी" -> "narendra modi". ``alt``: one of the
    other spellings names take, :data:`LONG` ("अनीस" -> "anees") or :data:`PLAIN`
    ("श्रीनिवास" -> "srinivas")."""
    return _RUN_RE.sub(lambda m: _read_run(m.group(0), alt), text)


def _read_run(run: str, alt: str) -> str:
    """A run of Indic characters read, one block's run at a time (a run of one script
    is the usual case; a mixed one is read piece by piece)."""
    out: list[str] = []
    start = 0
    for k in range(1, len(run) + 1):
        if k == len(run) or _block(run[k]) != _block(run[start]):
            out.append(_read_word(run[start:k], _block(run[start]), alt))
            start = k
    return "".join(out)


def _block(ch: str) -> int:
    return ord(ch) & ~0x7F


def _read_word(word: str, block: int, alt: str) -> str:
    """One block's letters read: segments built, the inherent vowels dropped where the
    language drops them, then spelled."""
    segments = _segments(word, block, alt)
    if _BLOCKS.get(block, False):
        _drop_schwas(segments)
    return _spell(segments)


def _segments(word: str, block: int, alt: str = "") -> list[list[str]]:
    """``[kind, letters]`` for each sound of ``word``; other characters (digits, danda)
    as vowels of their own reading, so they break a word's pattern."""
    own = _OWN.get(block, {})
    consonants, vowels, signs, virama = _LAYOUTS.get(block, _ISCII)
    other = _ALT_CONSONANTS_OF.get(alt, {}).get(block, {})
    if block in _CONSONANTS_OF or other:
        consonants = {**consonants, **_CONSONANTS_OF.get(block, {}), **other}
    long_vowels = alt == LONG and block not in _LAYOUTS  # Sinhala has no _LONG_VOWELS places
    segs: list[list[str]] = []
    for ch in word:
        place = ord(ch) - block
        prev = segs[-1] if segs else None
        if place in own:
            segs.append([_C, own[place]])  # a final consonant, or one read like the others
            if place in (0x70, 0x71):
                segs.append([_A, "a"])  # Assamese ra, wa; Oriya wa: consonants with their vowel
        elif place in consonants:
            segs.append([_C, consonants[place]])
            segs.append([_A, "a"])
        elif place == _NUKTA_SIGN and prev is not None and prev[0] == _A and len(segs) > 1:
            if alt != PLAIN:
                segs[-2][1] = _NUKTA.get(segs[-2][1], segs[-2][1])
        elif place == virama and prev is not None and prev[0] == _A:
            segs.pop()
        elif place in signs:
            if prev is not None and prev[0] == _A:
                segs.pop()
            segs.append([_V, _LONG_VOWELS[place] if long_vowels and place in _LONG_VOWELS else signs[place]])
        elif place in vowels:
            segs.append([_V, _LONG_VOWELS[place] if long_vowels and place in _LONG_VOWELS else vowels[place]])
        elif place in _NASALS or (block == 0x0A00 and place == _GURMUKHI_NASAL):
            segs.append([_N, "n"])
        elif place == _VISARGA:
            segs.append([_V, "h"])
        elif 0x66 <= place <= 0x6F:
            segs.append([_V, str(place - 0x66)])
        elif place in (0x64, 0x65):
            segs.append([_V, " "])
        # anything else (avagraha, Gurmukhi's addak, accents) says nothing of the sound
    if alt == PLAIN:
        for k in range(len(segs) - 1):
            if segs[k] == [_C, "sh"] and segs[k + 1] == [_C, "r"]:
                segs[k][1] = "s"  # श्री Sri
    return segs


def _drop_schwas(segs: list[list[str]]) -> None:
    """Drop the inherent vowels Hindi and its neighbours do not say, right to left
    (Ohala's rule): the last one after a single consonant, and one between a vowel's
    consonant and a consonant with a vowel (V C _ C V). A vowel followed by a nasal is
    said (रिलायंस Rilayans), and so is a word's only vowel (न na)."""
    n = len(segs)
    first_vowel = next((k for k, s in enumerate(segs) if s[0] in (_V, _A)), n)
    for k in range(n - 1, -1, -1):
        if segs[k][0] != _A:
            continue
        if k + 1 < n and segs[k + 1][0] == _N:
            continue
        if k <= first_vowel:
            continue  # the word's first vowel
        before = _consonants_before(segs, k)
        if k == n - 1:
            if _final_dropped(segs, k, before):
                segs[k][0] = ""
            continue
        after = _consonants_after(segs, k)
        if before == 1 and after == 1 and _vowel_at(segs, k + 2) and _vowel_before(segs, k - 1):
            segs[k][0] = ""


def _final_dropped(segs: list[list[str]], k: int, before: int) -> bool:
    """The word's last inherent vowel, after ``before`` consonants, is not said: after
    one consonant (कमल Kamal), but not in -iya (राष्ट्रीय Rashtriya, भारतीय
    Bhartiya); after a cluster it is said (नरेंद्र Narendra, मिश्र Mishra), but not
    after an English word's s or s and stop (मोटर्स Motars, एवरेस्ट Everest)."""
    if before == 1:
        return not (segs[k - 1][1] == "y" and k >= 2 and segs[k - 2] == [_V, "i"])
    first, last = segs[k - before][1], segs[k - 1][1]  # an inherent vowel follows a consonant: before >= 1
    return last in ("s", "sh") or (first in ("s", "sh") and last in ("t", "k", "p"))


def _consonants_before(segs: list[list[str]], k: int) -> int:
    n = 0
    while k - n - 1 >= 0 and segs[k - n - 1][0] == _C:
        n += 1
    return n


def _consonants_after(segs: list[list[str]], k: int) -> int:
    n = 0
    while k + n + 1 < len(segs) and segs[k + n + 1][0] == _C:
        n += 1
    return n


def _vowel_at(segs: list[list[str]], k: int) -> bool:
    return k < len(segs) and segs[k][0] in (_V, _A)


def _vowel_before(segs: list[list[str]], k: int) -> bool:
    """The segment before position ``k`` is a vowel said (a nasal after it counts)."""
    j = k - 1
    if j >= 0 and segs[j][0] == _N:
        j -= 1
    return j >= 0 and segs[j][0] in (_V, _A)


def _spell(segs: list[list[str]]) -> str:
    """The segments kept, spelled: a nasal is "m" before p, b or m, "ng" before a word's
    last h (सिंह Singh), "n" otherwise."""
    kept = [s for s in segs if s[0]]
    out: list[str] = []
    for k, (kind, letters) in enumerate(kept):
        if kind == _N:
            nxt = kept[k + 1][1] if k + 1 < len(kept) else ""
            if nxt.startswith(_LABIALS):
                letters = "m"
            elif nxt == "h" and k + 2 == len(kept):
                letters = "ng"
        out.append(letters)
    return "".join(out)


def read_terms(text: str, terms: Mapping[str, str]) -> str | None:
    """``text`` with the Devanagari words and two-word phrases ``terms`` knows written in
    English ("रिलायंस इंडस्ट्रीज लिमिटेड" -> "रिलायंस industries लिमिटेड"), or None when
    it knows none. Words are matched as written, so a romanised name is never read."""
    words = text.split()
    out: list[str] = []
    changed = False
    k = 0
    while k < len(words):
        pair = " ".join(words[k:k + 2]) if k + 1 < len(words) else ""
        if pair in terms:
            out.append(terms[pair])
            changed, k = True, k + 2
            continue
        word = words[k]
        core = word.strip(_PUNCTUATION)
        if core in terms:
            out.append(word.replace(core, terms[core]))
            changed = True
        else:
            out.append(word)
        k += 1
    return " ".join(out) if changed else None


_PUNCTUATION = ".,;:()[]\"'«»।"
