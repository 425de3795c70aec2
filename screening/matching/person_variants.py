"""Persons' names that agree letter for letter but for what makes another person's name.

A one- or two-letter variant of a listed person's name must reach review (issue 14);
it must not reach a match when the letter that differs is how two *different* names
differ. Two independent sets written without our code (fresh20 and fresh21, their dev
halves) label as two people, at 0.86-1.00 before:

- **a for i**: Jamal / Jamil, Rashid / Rashad, Hamid / Hamad, Karimi / Karami,
  Baranov / Barinov, Beridze / Beradze. In Arabic and Persian a long a (alif) and a
  long i (ya) are other letters, so other names; their spellings vary a / e, e / i,
  o / u (Ahmad / Ahmed, Hamid / Hamed, Mohammed / Muhammad), never a straight a / i.
  Georgian -adze / -idze and Russian -anov / -inov are other families too.
- **a gendered given name**: Samir / Samira, Robert / Roberta, Mario / Maria: a brother
  and a sister (as Ivanov / Ivanova are, alignment's "gendered" links).
- **a Cantonese syllable for another**: Cheung / Chung Siu Ming, Tai Fung / Tai Fong Hong
  Trading: Hong Kong's spellings of other characters (張 / 鍾, 馮 / 方), as a pinyin
  syllable for another is (``short_names.pinyin_syllables_differ``).
- **other characters read alike**: 陈明辉 / 陈明慧 (both Chen Minghui): written in Han
  characters, a character that differs is another name, however it sounds.
- **a given name's syllables in another order**: Ri Su Yong / Ri Yong Su (a Korean
  given name's two syllables are fixed).

Each is a hold (:attr:`~screening.matching.algorithm.Feature.hold`): the pair is held
for review, never below it, as the issue asks of a one-letter variant. Two penalties
read the notes a record writes after a person's name (read off the name itself by
:func:`~screening.matching.annotations.strip_annotations`): birth years that do not
meet, and nationalities that differ.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from screening.matching.alignment import Pair, is_person_pair, pinyin_name
from screening.matching.annotations import birth_years, nationality
from screening.matching.forms import Form
from screening.matching.names import DISTINCTIVE, INITIAL, NUMBER, STOP
from screening.matching.normalize import has_han, hong_kong_to_simplified, japanese_to_traditional, to_simplified
from screening.matching.pinyin import SYLLABLES
from screening.matching.resources import on_change, tables

#: Shortest name part read for a vowel or a gendered ending: in shorter ones (Ali / Aly,
#: Ana / Ani) a letter is too often a spelling.
PART_MIN = 4
#: Last letters of a given name whose form with an a added is its feminine (Samir, Amin,
#: Nabil, Aziz, Farid, Robert, Daniel); an Indian or Arabic name's final a is written or
#: left after others too (Ashok / Ashoka, Shiv / Shiva, Bhim / Bhima, Khalif / Khalifa:
#: helper-93's and helper-94's reviews).
_FEMININE_AFTER = frozenset("rnlzdt")
_VOWELS = frozenset("aeiouy")
#: Longest part of a three-part name read as an East Asian syllable (Ri Su Yong / Ri Yong
#: Su): in other three-part names two surnames are written in either order (a Persian
#: woman's, CSL: MAHIN MOJTAHEDZADEH TOUSSI / MAHIN TOUSSI MOJTAHEDZADEH).
SYLLABLE_MAX = 4
#: The pair of vowels that, swapped, make another name.
_OTHER_NAME_VOWELS = frozenset({"a", "i"})


def vowel_makes_another_name(pair: Pair) -> float:
    """1 when two persons' names meet part for part but for one part where an a stands
    for an i ("Jamal" / "Jamil", "Karimi" / "Karami", "Beridze" / "Beradze"): in the
    languages that write them those are other names, not spellings of one (an a / e, e /
    i or o / u is a spelling: Ahmad / Ahmed, Hamid / Hamed). Only when every other part
    is written alike: a name romanised another way throughout writes a for i too (SDN:
    NASOOF, Tahar / NASUF, Tahir, the French way). Held for review. Both names
    written in Latin letters (a reading of Arabic script guesses its vowels), not pinyin
    names (another rule reads those), and parts of four letters or more.
    Not a word's first vowel (Mariam / Miriam, Dilip / Dalip, Romanian î / â: Sîrbu /
    Sârbu), nor the vowel joining -al-Din or Abd- (Salahiddin / Salahaddin, Abdallah /
    Abdillah, Abdirahman / Abdarahman), nor one in a name ending in -al-Din (Nasiruddin /
    Nasaruddin), which are written either way (helper-93's and helper-94's reviews)."""
    q, c = pair.query, pair.result
    if not is_person_pair(q, c) or q.script != "Latn" or c.script != "Latn":
        return 0.0
    if pinyin_name(q) or pinyin_name(c):
        return 0.0
    al = pair.alignment
    if any(q.tags[i] != STOP for i in al.q_unmatched) or any(c.tags[j] != STOP for j in al.c_unmatched):
        return 0.0
    apart = []
    for lk in al.links:
        a, b = " ".join(q.texts[i] for i in lk.qi), " ".join(c.texts[j] for j in lk.ci)
        if a != b:
            apart.append((a, b))
    if len(apart) != 1:
        return 0.0  # NASOOF, Tahar / NASUF, Tahir: the name written the French way throughout
    a, b = apart[0]
    if len(a) != len(b) or len(a) < PART_MIN or " " in a:
        return 0.0
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    if len(diff) != 1 or {a[diff[0]], b[diff[0]]} != _OTHER_NAME_VOWELS:
        return 0.0
    k = diff[0]
    if not any(ch in _VOWELS for ch in a[:k]):
        return 0.0  # the first vowel: Mariam / Miriam, Dilip / Dalip, Romanian Sîrbu / Sârbu
    if a[:k] == "abd" or "din" in a[k:] or "deen" in a[k:]:
        return 0.0  # -al-Din's vowels (Salahiddin / Salahaddin, Tajideen) and Abd-'s (Abdallah / Abdillah)
    return 1.0


def given_name_gendered(pair: Pair) -> float:
    """1 when two persons' names meet but for a given name in its other gender: "Samir" /
    "Samira", "Robert" / "Roberta" (an a after the endings of :data:`_FEMININE_AFTER`,
    the stem's last vowel an i or an e: Narayan / Narayana and Shiv / Shiva are one
    Indian name each), "Mario" / "Maria" (o for a at the end). A brother and a sister, or
    a father and a daughter: held for review. Not a family name, marked or a name's last
    part (Ivanov / Ivanova: alignment's "gendered" links and lineage say so)."""
    q, c = pair.query, pair.result
    if not is_person_pair(q, c):
        return 0.0
    q_last, c_last = len(q.texts) - 1, len(c.texts) - 1
    for lk in pair.alignment.links:
        if len(lk.qi) != 1 or len(lk.ci) != 1:
            continue
        i, j = lk.qi[0], lk.ci[0]
        if q.family[i] or c.family[j] or q.tags[i] in (INITIAL, NUMBER):
            continue
        if (i == q_last and not any(q.family)) or (j == c_last and not any(c.family)):
            continue  # a name's last part, unmarked, is its family name (Lukashenko / Lukashenka)
        a, b = q.texts[i], c.texts[j]
        if _gendered(a, b) or _gendered(b, a):
            return 1.0
    return 0.0


def _gendered(a: str, b: str) -> bool:
    """``b`` is ``a``'s other-gender form: a + "a" after a feminine-forming ending, or o ->
    a at the end."""
    if len(a) < PART_MIN:
        return False
    if b == a + "a":
        # a stem whose last vowel is i or e, ending as feminine forms do: Indian names write
        # their final a or leave it (Narayan / Narayana, Arjun / Arjuna: helper-93's review)
        return (next((ch for ch in reversed(a) if ch in _VOWELS), "a") in "ie" and a[-1] in _FEMININE_AFTER
                and not a.endswith("nd"))  # Govind / Govinda, Arvind / Arvinda
    return (len(a) == len(b) and a[-1] == "o" and b[-1] == "a" and a[:-1] == b[:-1]
            and not a.endswith("enko"))  # LUKASHENKA / LUKASHENKO: a family name's Belarusian form


def han_characters_differ(pair: Pair) -> float:
    """1 when two persons' names, both written in Han characters, are read alike but
    written with other characters (陈明辉 / 陈明慧, both Chen Minghui): another name,
    however it sounds. A typist's slip of the input method is possible: held for review.
    Simplified and traditional forms are one character (their readings are compared
    after folding, and so are these)."""
    q, c = pair.query, pair.result
    if not (has_han(q.name) and has_han(c.name)) or not is_person_pair(q, c):
        return 0.0
    if "·" in q.name or "·" in c.name:
        return 0.0  # a foreign name written in characters: their choice varies (玛丽亚 / 玛利亚)
    a, b = _han_of(q.name), _han_of(c.name)
    if len(a) != len(b) or len(a) > HAN_NAME_MAX or a == b:
        return 0.0
    fa, fb = _foldings(a), _foldings(b)
    if fa & fb:
        return 0.0  # 黃大衛 / 黄大卫, 渡辺 / 渡边: one name in other forms of its characters
    apart = [k for k in range(len(a)) if not _foldings(a[k]) & _foldings(b[k])]
    # one given name's character, the surname alike (闫 / 閻, 肖 / 蕭: a surname's variant forms)
    return 1.0 if len(apart) == 1 and apart[0] != 0 else 0.0


def _han_of(text: str) -> str:
    """The Han characters of ``text``."""
    return "".join(ch for ch in text if has_han(ch))


#: Longest name in Han characters read as a Chinese person's (a surname and one or two
#: characters); longer ones are mostly foreign names in characters (拉夫罗夫 / 拉夫洛夫).
HAN_NAME_MAX = 3


def _foldings(text: str) -> frozenset[str]:
    """``text`` in simplified characters, read as written, as compatibility forms
    (NFKC), and with Japanese forms first read as traditional ones (渡辺 / 渡边, 斎藤 /
    斋藤: one name; helper-93's review)."""
    plain = unicodedata.normalize("NFKC", text)
    return frozenset((to_simplified(plain), hong_kong_to_simplified(plain),
                      to_simplified(japanese_to_traditional(plain))))


def parts_reordered(pair: Pair) -> float:
    """1 when two East Asian names of three syllables, written without a comma, have the
    same family name first and their given name's two syllables in the other order: "Ri
    Su Yong" / "Ri Yong Su" (fresh20's dev half), "Lee Ka Chiu" / "Lee Chiu Ka": a given
    name's syllables are fixed, so another order is another person. Not longer names:
    two surnames are written in either order (Persian and Pakistani double surnames,
    Portuguese Santos Silva / Silva Santos), and Arabic nisbas in any (helper-93's
    review, which also found English names moved in Hong Kong names). Held for review."""
    q, c = pair.query, pair.result
    if not is_person_pair(q, c) or "," in q.name or "," in c.name:
        return 0.0
    al = pair.alignment
    qp = [i for i, g in enumerate(q.tags) if g != STOP]
    cp = [j for j, g in enumerate(c.tags) if g != STOP]
    if len(qp) != 3 or len(cp) != 3 or any(i in qp for i in al.q_unmatched) or any(j in cp for j in al.c_unmatched):
        return 0.0
    if any(len(q.texts[i]) > SYLLABLE_MAX for i in qp):
        return 0.0  # two surnames, written in either order (MAHIN MOJTAHEDZADEH TOUSSI)
    to_c: dict[int, int] = {}
    for lk in al.links:
        if len(lk.qi) != 1 or len(lk.ci) != 1 or lk.sim < 1.0:
            return 0.0
        to_c[lk.qi[0]] = lk.ci[0]
    if [to_c.get(i) for i in qp] != [cp[0], cp[2], cp[1]]:
        return 0.0  # the family name first in both, the given name's two syllables swapped
    # "Ana Paz Diaz" / "Ana Diaz Paz": Spanish surnames (helper-94's review)
    return 1.0 if _east_asian(q, qp) else 0.0


def birth_years_differ(pair: Pair) -> float:
    """1 when both names carry a birth note and its years differ: "SAEED ABBAS KARIMI
    (DOB 1983)" / "Saeed Abbas KARIMI, born 1975". The note is read off the name (a
    record's note, not a part of it), and two years are two people of one name."""
    q, c = pair.query, pair.result
    if not (q.name[-1:].isdigit() or q.name[-1:] == ")") or not (c.name[-1:].isdigit() or c.name[-1:] == ")"):
        return 0.0  # most names: no note at their end
    a, b = birth_years(q.name), birth_years(c.name)
    if a is None or b is None:
        return 0.0
    # spans that meet agree: "(b. 1960/61)", "(DOB 1960 to 1962)" / "(DOB 1961)"
    return 0.0 if a[0] <= b[1] and b[0] <= a[1] else 1.0


def nationalities_differ(pair: Pair) -> float:
    """1 when both persons' names carry a nationality note and the nationalities differ:
    "Ahmad Hassan, Syrian national" / "Ahmad Hassan, Lebanese national" (the note is read
    off the name; helper-93's review). Each is read as countries (Lebanese and Lebanon
    are LB); a dual national meets either, and a spelling no country is read from
    (Iraki, Persian) says nothing (helper-94's review)."""
    q, c = pair.query, pair.result
    a = nationality(q.name)
    if not a:
        return 0.0  # most names: no note (the cheap test first)
    b = nationality(c.name)
    return 1.0 if b and not set(a.split()) & set(b.split()) else 0.0


#: Fewest Cantonese syllables that make a name read as Hong Kong's (Cheung Siu Ming).
CANTONESE_WORDS_MIN = 3


def cantonese_syllables_differ(pair: Pair) -> float:
    """1 when two names romanised the Hong Kong way ("Cheung Siu Ming" / "Chung Siu Ming",
    "Tai Fung Hong Trading" / "Tai Fong Hong Trading") agree but for one syllable that
    spells another character (張 zhang / 鍾 zhong, 馮 feng / 方 fang: their most frequent
    characters read otherwise in pinyin): another name, held for review as a pinyin
    syllable for another is. Each name's distinctive words are three Cantonese syllables
    or more, one of them a spelling pinyin has no syllable for; not syllables the table
    spells for one character (Cheong / Cheung: Macau's and Hong Kong's 張), nor a Korean
    name (Pak Pong Ju / Pak Bong Ju: helper-93's review)."""
    q, c = pair.query, pair.result
    if q.script != "Latn" or c.script != "Latn":
        return 0.0
    apart = [(q.texts[lk.qi[0]], c.texts[lk.ci[0]]) for lk in pair.alignment.links
             if len(lk.qi) == 1 and len(lk.ci) == 1 and q.texts[lk.qi[0]] != c.texts[lk.ci[0]]]
    if len(apart) != 1:
        return 0.0  # most pairs: all alike, or more than one word apart (the cheap test first)
    a, b = apart[0]
    if a + "h" == b or b + "h" == a:
        return 0.0  # Lo / Loh, Ho / Hoh: one syllable (helper-94's review)
    yue = tables().yue_pinyin
    if a not in yue or b not in yue or yue[a][0] == yue[b][0]:
        return 0.0
    if _characters_spelled(a) & _characters_spelled(b):
        return 0.0  # Cheong / Cheung, Tsui / Chui: Macau's and Hong Kong's spellings of one character
    if _korean(q) and _korean(c):
        return 0.0  # Pak Pong Ju / Pak Bong Ju: a Korean name's two romanisations
    return 1.0 if _cantonese(q, yue) and _cantonese(c, yue) else 0.0


def _east_asian(form: Form, parts: list[int]) -> bool:
    """A Korean or Chinese name of three syllables: a Korean surname first, or every part
    a pinyin or Cantonese syllable."""
    t = tables()
    words = [form.texts[i] for i in parts]
    return words[0] in t.ko_surname_of or all(w in SYLLABLES or w in t.yue_pinyin for w in words)


@lru_cache(maxsize=1)
def _spelled_by() -> dict[str, frozenset[str]]:
    """Cantonese spelling -> the characters spelled so (``yue_chars``, read backwards once)."""
    out: dict[str, set[str]] = {}
    for ch, spellings in tables().yue_chars.items():
        for sp in spellings:
            out.setdefault(sp, set()).add(ch)
    return {sp: frozenset(chars) for sp, chars in out.items()}


on_change(_spelled_by.cache_clear)


def _characters_spelled(syllable: str) -> frozenset[str]:
    """The characters a Cantonese spelling writes (cheung: 張 章 蔣 ...)."""
    return _spelled_by().get(syllable, frozenset())


def _korean(form: Form) -> bool:
    """``form``'s first or last word is a Korean surname (Kim, Pak, Ri, Kang ...)."""
    surnames = tables().ko_surname_of
    return bool(form.texts) and (form.texts[0] in surnames or form.texts[-1] in surnames)


def _cantonese(form: Form, yue: dict[str, tuple[str, ...]]) -> bool:
    """``form``'s distinctive words are Cantonese syllables, enough of them, one not pinyin."""
    words = [w for w, g in zip(form.texts, form.tags) if g == DISTINCTIVE]
    return (len(words) >= CANTONESE_WORDS_MIN and all(w in yue for w in words)
            and any(w not in SYLLABLES for w in words))
