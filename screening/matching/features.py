"""Scoring signals: each one a small function of a :class:`Pair`, with a docstring.

The weights live in one list in :mod:`screening.matching.algorithm`; a feature
only returns its raw value in [0, 1]. The docstring of each feature is the
explanation the API serves for it (a test asserts every feature has one).

Word similarity lives in :mod:`screening.matching.strings`, the word
alignment and :class:`Pair` in :mod:`screening.matching.alignment`; this module
holds the features only. Numbers must agree (CETC 13 is not CETC 14).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import TypeVar

from rapidfuzz.distance import Indel, Levenshtein, OSA

from screening.countries import to_iso2
from screening.matching.alignment import (
    DISTINCTIVE_AGREE,
    address_place,
    cognate_of_business_word,
    RULED_SPELLINGS,
    DAUGHTER_OF,
    SON_OF,
    Alignment,
    Link,
    Pair,
    arabic_latin,
    company_pair,
    family_and_given_agree,
    first_word,
    is_patronymic,
    is_person_pair,
    korean_name,
    pinyin_name,
    same_patronymic,
)
from screening.matching.abjad import latin_agrees
from screening.matching.annotations import possible_slip
from screening.matching.forms import ABJAD_SCRIPTS, SYLLABIC, Form, family_in_capitals
from screening.matching.names_han import hong_kong_spellings
from screening.matching.names_latin import CANTONESE_NOTE
from screening.matching.normalize import consonants, fold_words, has_han
from screening.matching.names import COMPANY, DISTINCTIVE, GENERIC, INITIAL, LEGAL, LOCATION, NUMBER, PERSON, STOP
from screening.matching.pinyin import syllable_count
from screening.matching.resources import business_word, known_place, on_change, tables
from screening.matching.russian import MASCULINE_SURNAME_ENDINGS
from screening.matching.vietnamese import genders_differ, other_syllable, positions_differ, vietnamese_name
from screening.matching.strings import (  # noqa: F401  (token_sim: older imports)
    SHORT_TOKEN,
    SHORT_WORD,
    SKELETON_SIM,
    arabic_aa_apart,
    contrasting,
    edit_cost,
    spelling_variant,
    plural_of,
    token_sim,
    transliteration_edits,
)

__all__ = ["Pair", "token_sim"]  # kept importable from here for callers written before the split

#: Compact (boundary-free) comparison only counts from this similarity, and
#: only for compact strings at least this long.
COMPACT_FLOOR = 0.9
#: Most compact_name gives two Vietnamese names whose letters differ: review, not a
#: match (a letter is another syllable, Trong / Truong).
SYLLABLE_COMPACT_MAX = 0.8
COMPACT_SAME_COUNT_FLOOR = 0.93
COMPACT_MIN_LEN = 8
#: ... a shorter one meets only letter for letter, family name first (WANGLI / WANG, Li).
SHORT_COMPACT_MIN = 5
#: Words only one side has must be this alike for the compact comparison to count.
COMPACT_LEFTOVER_MIN = 0.6
#: Consonant-skeleton comparison only counts from this similarity.
CONSONANT_FLOOR = 0.8
#: Consonant skeletons shorter than this say too little ("l" of "Ali").
CONSONANT_MIN_LEN = 3
#: A person's full name one edit away scores this; two edits (names of at least
#: EDITS_TWO_MIN_LEN letters) score TWO_EDITS_SIM; shorter names need one edit and
#: EDITS_ONE_MIN_LEN letters.
ONE_EDIT_SIM = 0.84
TWO_EDITS_SIM = 0.78
#: Most full_name_edits gives a Vietnamese name one of whose syllables is another valid
#: syllable (Nguyen Van Manh / Minh): review strength, as the issue asks of a one-letter
#: variant of a listed person's name, but no match.
OTHER_SYLLABLE_SIM = 0.75
#: A full name whose parts differ only by one or two transliteration edits (a
#: letter of one sound class for another, a silent letter: Jaroslav / Yaroslav,
#: Izzat / Ezzat) is one name in two alphabets' spelling: a match.
SOUND_EDITS_SIM = 0.9
SOUND_EDITS_MAX = 2
EDITS_ONE_MIN_LEN = 7
EDITS_TWO_MIN_LEN = 11
#: A name part this long may differ by two edits (Prigozhin / Prigojin); shorter ones by one.
EDITS_LONG_WORD = 8
#: Family names this long (written as one word) agree when one edit apart.
FAMILY_SPELLING_MIN_LEN = 6
#: A person's name whose every part (at least SUBSET_MIN_PARTS, each met at
#: SUBSET_PART_SIM or better) is in a longer name of the other side.
SUBSET_SIM = 0.88
SUBSET_MIN_PARTS = 2
#: Different names met, in order, that make a name one person's whichever part each list
#: marks its family name, when the other adds one part (:func:`_many_parts`).
SUBSET_MANY_PARTS = 3
#: ... each of more than this many letters ("JA FAR, Abu": Ja'far split, not two names).
SHORT_WORD_PART = 2
SUBSET_PART_SIM = 0.9
#: Credit of a listed organisation's brand given alone ("Hikvision").
BRAND_ONLY_SIM = 0.88


# --------------------------------------------------------------------------
# Main features: the score is the best of these (times their weight).
# --------------------------------------------------------------------------


def name_tokens(pair: Pair) -> float:
    """Weighted agreement of the names' words, in any order.

    Each word is weighted by its kind (distinctive, generic, place, number) and
    its rarity on the lists; unmatched words count against the score, those of
    the query more than those of the listed name.
    """
    return pair.alignment.score


def compact_name(pair: Pair) -> float:
    """Similarity of the names with spaces removed (in order, and sorted).

    Catches words split or merged differently ("Arefullaha Ref" vs "Arefullah
    Aref"); only counts when the two are nearly identical.
    """
    q, c = pair.query, pair.result
    if len(q.compact) < COMPACT_MIN_LEN or len(c.compact) < COMPACT_MIN_LEN:
        # a short name run together, family name first, letter for letter ("WANGLI" / "WANG,
        # Li"): as the two words written apart would meet
        short = (min(len(q.compact), len(c.compact)) >= SHORT_COMPACT_MIN and len(q.texts) != len(c.texts)
                 and not SYLLABIC & {q.script, c.script} and _family_first(q) == _family_first(c))
        return SKELETON_SIM if short else 0.0
    if "Arab" in (q.script, c.script) and q.script != c.script:
        return 0.0  # an Arabic-script reading is letters, not a spelling (abjad.py judges it)
    al = pair.alignment
    if any(q.tags[i] in (LOCATION, NUMBER) for i in al.q_unmatched) or any(
        c.tags[j] in (LOCATION, NUMBER) for j in al.c_unmatched
    ):
        return 0.0  # a place or number only one name has is a qualifier, not a shifted boundary
    q_left = "".join(q.texts[i] for i in al.q_unmatched if q.tags[i] != STOP)
    c_left = "".join(c.texts[j] for j in al.c_unmatched if c.tags[j] != STOP)
    if q_left and c_left and Indel.normalized_similarity(q_left, c_left) < COMPACT_LEFTOVER_MIN:
        return 0.0  # the words left over differ ("Meili" / "Xinghe"): not one name split otherwise
    if any(lk.how == "gendered" and _other_gender(q, c, lk) for lk in al.links):
        return 0.0  # "Smirnova Institute" / "Institute named after Smirnov": a woman's name, not a boundary
    if len(q.texts) == len(c.texts):
        # Same word count: only a shifted word boundary ("Arefullaha Ref" /
        # "Arefullah Aref"); same word lengths mean no shift, the words decide.
        if [len(x) for x in q.texts] == [len(x) for x in c.texts]:
            return 0.0
        s = OSA.normalized_similarity(q.compact, c.compact)
        floor = COMPACT_SAME_COUNT_FLOOR
    else:
        s = max(
            Indel.normalized_similarity(q.compact, c.compact),
            Indel.normalized_similarity(q.compact_sorted, c.compact_sorted),
            # not a name read from syllables: 영숙 김 is not "Kim Yong Su", their letters differ
            0.0 if SYLLABIC & {q.script, c.script} else Indel.normalized_similarity(_family_first(q), _family_first(c)),
        )
        floor = COMPACT_FLOOR
    if s < floor:
        return 0.0
    if s < 1.0 and vietnamese_name(q) and vietnamese_name(c):
        return min(s, SYLLABLE_COMPACT_MAX)  # "Nguyen Phu Trong" / "Truong": a letter is another syllable
    return s


def _family_first(form: Form) -> str:
    """A person's name joined with its family name first, as its comma or capitals mark
    it ("KIM, Yong Chol": "kimyongchol"), which is how East Asian names run together in
    capitals ("KIMYONGCHOL"); the name joined in order when nothing marks the family name."""
    family = family_in_capitals(form)
    if not any(family):
        return form.compact
    return "".join([t for t, f in zip(form.texts, family) if f] + [t for t, f in zip(form.texts, family) if not f])


def _other_gender(q: Form, c: Form, link: Link) -> bool:
    """A gendered link between a name and its other gender: a family name (Smirnov /
    Smirnova) or a person's given name with a final -a more (Robert / Roberta,
    Daniel / Daniela); other final vowels are often a transliteration (Sanat /
    Sanate, Suleman / Sulemane), and so is a family name's -a (Fachri / Fachria)."""
    words = [q.texts[i] for i in link.qi] + [c.texts[j] for j in link.ci]
    short, long_ = min(words, key=len), max(words, key=len)
    if short.endswith(MASCULINE_SURNAME_ENDINGS):
        return True
    given = not any(q.family[i] for i in link.qi) and not any(c.family[j] for j in link.ci)
    return long_ == short + "a" and given and is_person_pair(q, c) and (any(q.family) or any(c.family))


def consonant_skeleton(pair: Pair) -> float:
    """Agreement of consonant skeletons, for names written in Arabic, Hebrew or Thai.

    Those scripts omit most vowels, so "محمد علي" (mHmd `ly) meets
    "Mohamed Ali" only once both are reduced to consonants.
    """
    q, c = pair.query, pair.result
    if q.script not in ABJAD_SCRIPTS and c.script not in ABJAD_SCRIPTS:
        return 0.0
    read = {tok.text for form in (q, c) if form.script in ABJAD_SCRIPTS for tok in form.tokens if " = " in tok.note}
    if read:
        # words read from a table (للصرافة: exchange) are no letters to compare: "Al Hilal
        # Exchange" in Arabic script met AL-KHALIDI EXCHANGE on "exchange" (helper-45's
        # review); only the name words' consonants are compared
        return _name_consonants_agree(pair, read)
    min_len = CONSONANT_MIN_LEN - 1 if len(q.texts) == len(c.texts) == 1 else CONSONANT_MIN_LEN
    if len(q.consonants) < min_len or len(c.consonants) < min_len:
        return 0.0
    if abs(len(q.texts) - len(c.texts)) > 1:
        return 0.0
    same = q.consonants == c.consonants or bool(_consonant_keys(q) & _consonant_keys(c))
    if not same and len(q.texts) != len(c.texts):
        return 0.0  # "Kiana Saremi" (knsrm) is not KUNASHIR (knsr): near skeletons need the same word count
    return _skeleton_agreement(q, c, same, q.consonants, c.consonants)


def _skeleton_agreement(q: Form, c: Form, same: bool, qs: str, cs: str) -> float:
    """1 when the consonant skeletons ``qs`` and ``cs`` agree (``same``), else their Indel
    similarity from ``CONSONANT_FLOOR`` up; 0 when the Arabic-script letters allow no
    such reading: محمود is Mahmoud, not Mohamed; حسين Hussein, not Hassan (asked last:
    it compiles the name's letters)."""
    value = 1.0 if same else Indel.normalized_similarity(qs, cs)
    if value < CONSONANT_FLOOR:
        return 0.0
    return 0.0 if arabic_letters_differ(q, c) else value


def _name_consonants_agree(pair: Pair, read: set[str]) -> float:
    """:func:`consonant_skeleton` on the name words only (not stop or business words, nor
    a word the abjad-script name has as a table's reading, ``read``),
    as many on each side: 1 when their consonant skeletons agree, in order or with the
    first moved last; else their Indel similarity from ``CONSONANT_FLOOR`` up."""
    q, c = pair.query, pair.result
    qw = [consonants(t) for t, g in zip(q.texts, q.tags) if g not in (STOP, GENERIC) and t not in read]
    cw = [consonants(t) for t, g in zip(c.texts, c.tags) if g not in (STOP, GENERIC) and t not in read]
    qs, cs = "".join(qw), "".join(cw)
    if not qw or len(qw) != len(cw) or min(len(qs), len(cs)) < CONSONANT_MIN_LEN:
        return 0.0
    return _skeleton_agreement(q, c, qs in (cs, "".join(cw[1:] + cw[:1])), qs, cs)


def _consonant_keys(form: Form) -> set[str]:
    """Consonant skeletons of a name read word by word (a final h of each word
    dropped: ة): its name words in order and with the first moved last (the
    family name written first), and every word with the particles ("Abdel
    Rahman Al Harbi" / عبد الرحمن الحربي)."""
    words = [consonants(t) for t, g in zip(form.texts, form.tags) if g != STOP]
    return {"".join(words), "".join(words[1:] + words[:1]), "".join(consonants(t) for t in form.texts)}


def arabic_letters_differ(q: Form, c: Form) -> bool:
    """A name in Arabic script whose long vowels and letters no reading of the
    Latin name on the other side allows (:func:`abjad.latin_agrees`)."""
    side = arabic_latin(q, c)
    if not side:
        return False
    arabic, latin = (q, c) if side > 0 else (c, q)
    return latin_agrees(arabic.texts, latin.texts) is False


def full_name_edits(pair: Pair) -> float:
    """A personal name one or two letters away from the listed full name.

    "Dmitri Kuznetzov" / "Dmitry Kuznetsov", "Ebrahim Raisi" / "Ibrahim
    Raeesi": spellings of one name differ by a letter or two. The names must
    have the same parts; each part is paired with its nearest counterpart (as
    written or by romanisation skeleton), a part of fewer than 8 letters may
    differ by one edit, a longer one by two. 0.84 for one edit in all, 0.78
    for two (names of 11 letters or more). Edits that only render a sound
    another alphabet's way count half (Jaroslav / Yaroslav, Izzat / Ezzat,
    Semenovich / Semyonovich; not in parts shorter than 5 letters or in pinyin
    syllables), and a name that differs by at most two of
    them, and nothing else, is the same name spelled otherwise: 0.9. Romanised Chinese or Korean
    syllables (Wang Lei / Wang Li), short parts (Il / Ik) and gendered forms
    (Ivanov / Ivanova) are different names, not edits.
    """
    q, c = pair.query, pair.result
    if not is_person_pair(q, c) or any(q.strict) or any(c.strict) or len(q.texts) != len(c.texts):
        return 0.0
    if q.numbers != c.numbers or any(lk.how == "gendered" for lk in pair.alignment.links):
        return 0.0
    if pinyin_name(q) and pinyin_name(c):
        return 0.0  # Liu Yang / Liu Ying: one letter is another syllable
    shortest = min(len(q.compact), len(c.compact))
    allowed = 2 if shortest >= EDITS_TWO_MIN_LEN else 1 if shortest >= EDITS_ONE_MIN_LEN else 0
    hard = soft = 0
    vietnamese = vietnamese_name(q) and vietnamese_name(c)
    syllable_changed = False
    free = list(range(len(c.texts)))
    for i, (a, sa) in enumerate(zip(q.texts, q.skels)):
        if q.tags[i] in (INITIAL, NUMBER):
            return 0.0
        edits, j = min(
            (min(transliteration_edits(a, c.texts[j]), transliteration_edits(sa, c.skels[j]), key=edit_cost), j)
            for j in free
        )
        b = c.texts[j]
        if vietnamese and other_syllable(a, b):
            # Tran Duc Thang / Thanh, Le Van Hung / Hong: one letter is another syllable,
            # another name, held for review as the issue asks of a one-letter variant
            if Levenshtein.distance(a, b, score_cutoff=1) > 1:
                return 0.0  # Huong / Hoa: another name outright
            syllable_changed = True
            hard += 1
            free.remove(j)
            continue
        if min(len(a), len(b)) < SHORT_WORD or (syllable_count(a) == 1 and syllable_count(b) == 1):
            # Zora / Sora, Chen / Chan: in a short word or a pinyin syllable a letter is another name
            edits = (sum(edits), 0)
        cost = edit_cost(edits)
        if cost and (plural_of(a, b) or contrasting(a, b) or arabic_aa_apart(a, b)):
            # Ocean Star / Ocean Stars, Interlink / Intralink, Raad / Raed: another name, not a typo
            return 0.0
        if cost and (min(len(a), len(b)) <= SHORT_TOKEN or cost > (2 if len(a) >= EDITS_LONG_WORD else 1)):
            return 0.0
        if abs(len(a) - len(b)) >= 2 and (a.startswith(b) or b.startswith(a)):
            return 0.0  # Richards / Richardson: a name extended by a suffix is another name
        hard, soft = hard + edits[0], soft + edits[1]
        free.remove(j)
    if not hard and soft <= SOUND_EDITS_MAX:
        value = SOUND_EDITS_SIM if soft and allowed else 1.0 if not soft else 0.0
    else:
        total = hard + -(-soft // 2)  # two transliteration edits count as one
        value = 0.0 if total > allowed else (1.0, ONE_EDIT_SIM, TWO_EDITS_SIM)[total]
    return min(value, OTHER_SYLLABLE_SIM) if syllable_changed else value


def name_parts_subset(pair: Pair) -> float:
    """A personal name whose every part is in a longer name of the other side.

    "SALIM, Majdi" / "SALIM, Majdi Muhammad Muhammad", "BESEDA, Sergey" /
    "BESEDA, Sergei Orestovich", "HERNANDEZ, Ivan" / "HERNANDEZ DALA, Ivan
    Rafael": lists record the full name, people give two of its parts.

    - Every part of the shorter name (at least two) meets a part of the longer
      one, spelled alike or as a spelling variant (Mahmoud / Mahamud; Rubio /
      Rubino is another name).
    - When both names mark their family name, family and given names agree.
    - The shorter keeps the longer's first family and first given name (or,
      unmarked, its first and last parts): "Fernando Castro" is not "CASTRO
      VILLA, Luis Fernando".
    - The longer name adds at most as many parts as the two share.
    - Chinese, Korean and Japanese names, romanised or not, are excluded ("Wang
      Lei" is not "Wang Lei Ming"), and so is a pair where each side has a part
      the other lacks ("Ayman Sabawi" / "Sa'd Sabawi": a contradiction).

    A search holds a match resting on it for review (``families.partial_hold``).
    """
    sides = _subset_sides(pair)
    if sides is None:
        return 0.0
    q_left, c_left, parts = sides
    if bool(q_left) == bool(c_left):
        return 0.0  # both complete (name_tokens says so) or each adds a part (a contradiction)
    if len(parts) < SUBSET_MIN_PARTS or len(q_left) + len(c_left) > len(parts):
        return 0.0
    q, c, al = pair.query, pair.result, pair.alignment
    met = met_as_spelled(q, c, al.links, SUBSET_PART_SIM)
    if met is None:
        return 0.0  # Rubio / Rubino: another name
    if _many_parts_of(pair, q_left, c_left, parts):
        return SUBSET_SIM  # three parts met as written and one more: "KUHI, Fatemeh Sarlak" / "MEHDI, Fatemeh Sarlak Kuhi"
    if any(q.family) and any(c.family) and not family_and_given_agree(q, c, met):
        return 0.0
    longer, linked = _longer_side(pair, q_left)
    if not all(k in linked for k in _anchor_parts(longer)):
        return 0.0  # "Fernando Castro" is not "CASTRO VILLA, Luis Fernando": the first given name is Luis
    return SUBSET_SIM


def _subset_sides(pair: Pair) -> tuple[list[int], list[int], list[Link]] | None:
    """What the subset rules read of a pair: the name parts each side leaves
    unmet and the links of the query's distinctive words. None for a pair they
    do not read: not persons' names, Chinese, Korean or Japanese names (a
    syllable more is another name), or names met through an initial."""
    q, c = pair.query, pair.result
    if not is_person_pair(q, c) or (pinyin_name(q) and pinyin_name(c)) or q.script in SYLLABIC or c.script in SYLLABIC:
        return None
    al = pair.alignment
    if any(lk.how == "initial" for lk in al.links):
        return None
    q_left = [i for i in al.q_unmatched if q.tags[i] not in (STOP, NUMBER)]
    c_left = [j for j in al.c_unmatched if c.tags[j] not in (STOP, NUMBER)]
    return q_left, c_left, [lk for lk in al.links if any(q.tags[i] == DISTINCTIVE for i in lk.qi)]


def _longer_side(pair: Pair, q_left: list[int]) -> tuple[Form, set[int]]:
    """The name with parts left over (the query when ``q_left``) and its linked positions."""
    links = pair.alignment.links
    if q_left:
        return pair.query, {i for lk in links for i in lk.qi}
    return pair.result, {j for lk in links for j in lk.ci}


def _many_parts(pair: Pair) -> bool:
    """A person's name of three different parts or more, each met as written (or as
    a spelling variant) and in the same order, against one that adds a single
    part: one person's name, whichever part each list marks its family name
    ("KUHI, Fatemeh Sarlak" / "MEHDI, Fatemeh Sarlak Kuhi"). Not for Chinese,
    Korean or Japanese names."""
    sides = _subset_sides(pair)
    return sides is not None and _many_parts_of(pair, *sides)


def _many_parts_of(pair: Pair, q_left: list[int], c_left: list[int], parts: list[Link]) -> bool:
    """:func:`_many_parts` given :func:`_subset_sides`."""
    if len(q_left) + len(c_left) != 1:
        return False
    q, c, al = pair.query, pair.result, pair.alignment
    names = {"".join(q.texts[i] for i in lk.qi) for lk in parts}  # "Ali Reza" joined to "Alireza" is one
    names = {n for n in names if len(n) > SHORT_WORD_PART}
    if len(names) < SUBSET_MANY_PARTS or len(parts) != len(al.links) or not all(
            lk.sim >= SUBSET_PART_SIM or spelled_alike(q, c, lk) for lk in parts):
        return False
    # in the same order, given names first: "HASSAN, Muhammad Ali" (Muhammad son of Ali son
    # of Hassan) is not "ALI, Muhammad Hassan Ahmad" (helper-36)
    order = [cj for _, cj in sorted((min(lk.qi), min(lk.ci)) for lk in al.links)]
    if order != sorted(order):
        return False
    # the longer name's first given name is met ("ALI, Oussama Abd-El-Karim" is not "ABD-AL-KARIM, Ali")
    longer, linked = _longer_side(pair, q_left)
    given = [k for k, g in enumerate(longer.tags) if g not in (STOP, NUMBER) and not longer.family[k]]
    return not given or given[0] in linked


def spelled_alike(q: Form, c: Form, link: Link) -> bool:
    """The words ``link`` joins are one word spelled otherwise: a link already made as a
    vowel or East Slavic spelling (Shokry / Shukri, Dzmitry / Dmitry), or
    :func:`strings.spelling_variant`."""
    if link.how in RULED_SPELLINGS:
        return True
    return spelling_variant("".join(q.texts[i] for i in link.qi), "".join(c.texts[j] for j in link.ci), link.how)


def met_as_spelled(q: Form, c: Form, links: list[Link], floor: float) -> list[Link] | None:
    """``links`` with each one below ``floor`` that joins a spelling variant counted as
    met (Mahmoud / Mahamud); None when one below ``floor`` joins another word (Rubio / Rubino)."""
    out = []
    for lk in links:
        if lk.sim < floor:
            if not spelled_alike(q, c, lk):
                return None
            lk = Link(lk.qi, lk.ci, 1.0, lk.how)
        out.append(lk)
    return out


def _anchor_parts(form: Form) -> tuple[int, ...]:
    """The parts of a personal name a shorter form of it keeps: the first family
    name and the first given name when the name marks its family name, else its
    first and last parts."""
    parts = [k for k, g in enumerate(form.tags) if g not in (STOP, NUMBER)]
    if not parts:
        return ()
    family = [k for k in parts if form.family[k]]
    given = [k for k in parts if not form.family[k]]
    if family and given:
        return (family[0], given[0])
    return (parts[0], parts[-1])


def brand_only(pair: Pair) -> float:
    """An organisation named by its brand alone: "Hikvision" for "Hangzhou
    Hikvision Digital Technology Co., Ltd.", "Suzhou Singleton" for "Singleton
    (Suzhou) Electronics Technology".

    The query is one distinctive word (plus places), spelled as listed, and
    what the listed name adds is only business words, the place it leads with
    and its legal form. A second distinctive word, a number, a trailing place
    or a branch word on the list side names another unit ("Hikvision Ezviz",
    "CETC 13", "TechInsights Korea"); a kind of institution (bank, corps,
    university) is no brand.
    """
    q, c = pair.query, pair.result
    if c.schema != COMPANY or is_person_pair(q, c):
        return 0.0
    q_dist = [i for i, g in enumerate(q.tags) if g == DISTINCTIVE]
    c_dist = [j for j, g in enumerate(c.tags) if g == DISTINCTIVE]
    if len(q_dist) != 1 or len(c_dist) != 1 or any(g not in (DISTINCTIVE, LOCATION, STOP) for g in q.tags):
        return 0.0
    al = pair.alignment
    lead = first_word(c)
    if al.q_unmatched or any(
        c.texts[j] in tables().org_words or not (c.tags[j] in (GENERIC, STOP) or (c.tags[j] == LOCATION and j == lead))
        for j in al.c_unmatched
    ):
        return 0.0  # a trailing place ("TechInsights Korea") or a branch word names another unit
    if q.texts[q_dist[0]] in tables().org_types:
        return 0.0  # a kind of institution is no brand: "Bank" is not MARITIME BANK nor every bank
    link = next((lk for lk in al.links if q_dist[0] in lk.qi), None)
    if link is None or c_dist[0] not in link.ci or link.sim < SKELETON_SIM:
        return 0.0
    return BRAND_ONLY_SIM


# --------------------------------------------------------------------------
# Qualifiers: added (with their signed weight) to the best main feature.
# --------------------------------------------------------------------------


def numbers_disagree(pair: Pair) -> float:
    """1 when both names carry numbers and they differ (CETC 13 vs CETC 14)."""
    qn, cn = pair.query.numbers, pair.result.numbers
    return 1.0 if qn and cn and qn != cn else 0.0


def registry_number_agrees(pair: Pair) -> float:
    """1 when both names carry the same registry number (IMO, OGRN, INN).

    An IMO number stays with a hull through every rename, and an OGRN or INN with
    a company: "MT Golden Stars (IMO 9234563)" is "GOLDEN STAR IMO 9234563", and
    "ADRIAN DARYA 1 (IMO 9116412)" the former GRACE 1 with the same number. The
    number outweighs what the names say.
    """
    return 1.0 if pair.query.ids & pair.result.ids else 0.0


def registry_numbers_differ(pair: Pair) -> float:
    """1 when both names carry a registry number of one kind and none agrees.

    Two hulls or two companies, however alike their names: "OCEAN STAR (IMO
    9074729)" is not "OCEAN STAR (IMO 9234563)". Not when the two may be one number
    mistyped (:func:`~screening.matching.annotations.possible_slip`: a check digit
    fails and one digit, or two neighbours, differ).
    """
    q, c = pair.query.ids, pair.result.ids
    if not q or not c or q & c:
        return 0.0
    shared = [(a, b) for a in q for b in c if a.split(":")[0] == b.split(":")[0]]
    return 1.0 if shared and not any(possible_slip(a, b) for a, b in shared) else 0.0


def number_missing(pair: Pair) -> float:
    """1 when only one of the names carries a number ("Leasing 3" vs "Leasing").

    A generation word only one name has ("Jr") does not count: people drop it.
    """
    qn = any(n.isdigit() for n in pair.query.numbers)
    cn = any(n.isdigit() for n in pair.result.numbers)
    return 1.0 if qn != cn else 0.0


def sister_vessel(pair: Pair) -> float:
    """1 when a vessel's name has a number the other name lacks ("Ocean Pearl II" /
    "OCEAN PEARL"): ships of one owner are numbered in a series, so the unnumbered
    name is a sister ship as often as the same hull written short; held for review.
    Adds to :func:`number_missing`; not when one IMO number is in both (one hull)."""
    if not (pair.query.vessel or pair.result.vessel) or pair.query.ids & pair.result.ids:
        return 0.0
    return number_missing(pair)


def vessel_words_differ(pair: Pair) -> float:
    """1 when a vessel's names put their words in another order ("STAR OCEAN" / "OCEAN
    STAR"). A ship's name is a fixed string registered for one hull: the same words in
    another order are another ship as often as the same one written loosely, so a name
    that otherwise agrees is held for review. Its number may stand first or last ("NO 2
    HWANG GUM SAN" / "HWANG GUM SAN 2") and its type anywhere ("OIL TANKER OCEAN STAR"):
    neither counts. A word only one name has is not held here: on names nobody tuned on
    (helper-50's vessels) that took a true pair from match. Numbers are
    :func:`sister_vessel`'s; not when one IMO number is in both (one hull)."""
    q, c = pair.query, pair.result
    if not (q.vessel or c.vessel) or q.ids & c.ids:
        return 0.0
    types = tables().vessel_types
    named = [lk for lk in pair.alignment.links
             if not any(q.tags[i] == NUMBER or q.texts[i] in types for i in lk.qi)
             and not any(c.tags[j] == NUMBER or c.texts[j] in types for j in lk.ci)]
    order = [min(lk.ci) for lk in sorted(named, key=lambda lk: min(lk.qi))]
    return 1.0 if order != sorted(order) else 0.0


def sister_company(pair: Pair) -> float:
    """1 when an organisation's name has a number the other name lacks ("Nord Stream 2
    AG" / "NORD STREAM AG"): firms numbered in a series (a project company, a leasing
    vehicle) are sisters, other legal persons; held for review, as a qualifier in
    brackets holds Huawei (UK). Adds to :func:`number_missing`; not for persons, whose
    number is a generation, nor vessels (:func:`sister_vessel`), nor with one registry
    number in both."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema) or q.vessel or c.vessel or q.ids & c.ids:
        return 0.0
    if COMPANY not in (q.schema, c.schema) and not (q.legal or c.legal):
        return 0.0  # a bare name of unknown kind ("Kim Jong 1") is no firm
    return number_missing(pair)


def no_distinctive_agreement(pair: Pair) -> float:
    """1 when an organisation's names share no distinctive word.

    Legal forms, generic words ("technology", "trading") and places cannot
    carry an organisation match on their own ("A-B-C Company" is not every
    company). A list name made only of generic words must then agree in full.
    """
    q, c = pair.query, pair.result
    if q.schema == PERSON or c.schema == PERSON:
        return 0.0
    if q.compact == c.compact and DISTINCTIVE in c.tags:
        return 0.0  # the same letters, spaced otherwise ("NANFENGZHIXING" / "NAN FENG ZHI XING")
    al = pair.alignment
    if c.schema is None and q.schema is None:
        # unknown kinds on both sides (vessels, bare names), unless the agreement rests
        # on pinyin read as English: "Beijing Ligong Daxue" is not BJUT (helper-44's review)
        if al.distinctive_agree or not any(_read_from_pinyin(q, lk.qi) or _read_from_pinyin(c, lk.ci)
                                           for lk in al.links):
            return 0.0
    if al.distinctive_agree or _brand_agrees(q, al) or _brand_agrees(c, al, result=True):
        return 0.0
    if DISTINCTIVE in c.tags:
        read_as_generic = _business_cognates(pair)
        if any(t == DISTINCTIVE for j, t in enumerate(c.tags) if j not in read_as_generic):
            return 1.0
    if any(_read_from_pinyin(q, lk.qi) or _read_from_pinyin(c, lk.ci) for lk in al.links):
        return 1.0  # "Haiyang Keji": 海洋 marine or 海阳, a place; pinyin is a guess, not the words
    # A list name made only of generic words, places and numbers ("China
    # Electronics Technology Group Corporation 13th Research Institute"): every
    # query word must be found, and what the query leaves out may only be generic.
    # (a numbered unit's place the query writes after the name and a comma is where it is:
    # "CETC 13th Research Institute, Shijiazhuang"; "Ministry of Defence, Minsk" is another)
    numbered = any(lk.how == "number" for lk in al.links)
    q_left = [i for i in al.q_unmatched if q.tags[i] != STOP
              and not (numbered and q.tags[i] == LOCATION and address_place(q, c, i))]
    c_left = [j for j in al.c_unmatched if c.tags[j] != STOP]
    if not al.links or q_left or any(lk.how == "synonym" for lk in al.links):
        return 1.0  # word for word: "Metal Works" is not "Metal Factory"
    if not c_left:
        return 0.0
    # Leaving out generic words is only fine when a number pins the unit down
    # ("Beijing Technology" is not "Beijing Aerospace Technology").
    if numbered and all(c.tags[j] in (GENERIC, LOCATION) for j in c_left):
        return 0.0
    return 1.0


def _business_cognates(pair: Pair) -> frozenset[int]:
    """Positions of list words met as a Russian business word's English form (a
    listed KOMPONENTOV by "Components"): a line of business, which the list name
    states in Russian, so it is read as the generic word it translates; and a town's
    adjective met by the town (MOSKOVSKII by "Moscow"), read as the place it names. Not
    in a name of one such word (OOO TEKHNOLOGIYA): it is the whole name, met only as written."""
    q, c = pair.query, pair.result
    if sum(t not in (STOP, LEGAL) for t in c.tags) < 2:
        return frozenset()
    return frozenset(j for lk in pair.alignment.links if lk.how == "cognate" and (
        cognate_of_business_word(q, c, lk) or any(q.tags[i] == LOCATION for i in lk.qi)) for j in lk.ci)


def _read_from_pinyin(form: Form, positions: tuple[int, ...]) -> bool:
    """A word at ``positions`` is a reading of a pinyin word (keji read "technology"):
    toneless pinyin writes many words alike, so the reading is a guess. Longer terms
    too: 理工大学 ligong daxue and 工业大学 gongye daxue both read "university of
    technology", so "Beijing Ligong Daxue" (BIT) is not "Beijing University of
    Technology" (BJUT) on that reading alone (helper-44's review)."""
    pinyin = tables().pinyin_words
    return any(form.tokens[k].source in pinyin and form.tokens[k].text != form.tokens[k].source for k in positions)


def _brand_agrees(form: Form, al: Alignment, result: bool = False) -> bool:
    """True when every word of a brand-table reading (中芯国际 = "semiconductor
    manufacturing international") is matched: the brand itself agrees."""
    linked = {k for lk in al.links if lk.sim >= DISTINCTIVE_AGREE for k in (lk.ci if result else lk.qi)}
    groups: dict[str, list[int]] = {}
    for k, tok in enumerate(form.tokens):
        if tok.note.startswith("brand "):
            groups.setdefault(tok.note, []).append(k)
    return any(len(idx) >= 2 and all(k in linked for k in idx) for idx in groups.values())


def patronymics_differ(pair: Pair) -> float:
    """1 when both names carry a patronymic and they differ (Sergey Borisovich / Sergeevich).

    A contradicted patronymic is evidence of another person; an omitted one is not.
    """
    q, c = pair.query, pair.result
    al = pair.alignment
    qp = [q.texts[i] for i in al.q_unmatched if is_patronymic(q, i) and q.tags[i] == DISTINCTIVE]
    cp = [c.texts[j] for j in al.c_unmatched if is_patronymic(c, j) and c.tags[j] == DISTINCTIVE]
    if (qp or cp) and is_person_pair(q, c) and (_initial_against(q, al.q_unmatched, cp)
                                                or _initial_against(c, al.c_unmatched, qp)):
        return 1.0  # "E. P. Prigozhin" / "Yevgeniy Viktorovich PRIGOZHIN" (helper-51's review)
    if not qp or not cp or not is_person_pair(q, c):
        return 0.0
    # Russian / Belarusian forms of one patronymic (Grigorevich / Ryhorovich) differ in spelling only
    if any(same_patronymic(a, b) for a in qp for b in cp):
        return 0.0
    return 1.0


def _initial_against(form: Form, unmatched: tuple[int, ...], patronymics: list[str]) -> bool:
    """An initial of ``form`` no word met, beside the other name's patronymic that starts
    with another letter: the father's initial contradicts the father's name."""
    initials = [form.texts[k] for k in unmatched if form.tags[k] == INITIAL]
    return bool(initials and patronymics) and all(i[0] != p[0] for i in initials for p in patronymics)


def lineage_differs(pair: Pair) -> float:
    """1 when the names put a person elsewhere in one family: a person's own name
    and a father's name trade places around bin, ibn, ould ("son of"), or one
    name is a son's (bin) and the other a daughter's (binti, bint).

    "Mohammed bin Salman" is not "Salman bin Mohammed", his father or his son;
    "Nurul Huda binti Ahmad" is not "Nurul Huda bin Ahmad", her brother; in
    Vietnamese names, "Nguyen Thi Thanh" is not "NGUYEN Van Thanh", her brother, nor
    "Tran Van Hung" "TRAN Quoc Hung" (middle and given names keep their places).
    """
    q, c = pair.query, pair.result
    if genders_differ(q, c) or (is_person_pair(q, c) and (positions_differ(q, c) or _parts_swapped(pair))):
        return 1.0
    if SON_OF.isdisjoint(q.texts):
        return 0.0  # most names: no "son of"
    if SON_OF.isdisjoint(c.texts):
        return 1.0 if is_person_pair(q, c) and _son_named_as_father(pair) else 0.0
    qa, ca = _son_of_at(q), _son_of_at(c)
    if qa is None or ca is None or not is_person_pair(q, c):
        return 0.0
    if (q.texts[qa] in DAUGHTER_OF) != (c.texts[ca] in DAUGHTER_OF):
        return 1.0
    own_to_father = father_to_own = False
    for link in pair.alignment.links:
        if link.sim < DISTINCTIVE_AGREE:
            continue
        own_to_father |= max(link.qi) < qa and min(link.ci) > ca
        father_to_own |= min(link.qi) > qa and max(link.ci) < ca
    return 1.0 if own_to_father and father_to_own else 0.0


def _parts_swapped(pair: Pair) -> bool:
    """True when two adjacent given names, or two adjacent family names, of the listed
    person stand in the query side by side the other way round.

    "Juan Carlos Pérez García" is not "GARCIA PEREZ, Juan Carlos": a Spanish name's
    family names are the father's, then the mother's, so the other order is another
    family; "Ahmad Saleh Al Amri" is not "AL-AMRI, Saleh Ahmad", whose father is Ahmad
    (helper-53's set), nor is "Abdullah bin Khalid" "Khalid Abdullah" (fresh10's). Only
    where the listed name marks its family name (a comma, capitals), and for words each
    name writes once ("AL-'ALI, Hamid Hamad Hamid").
    """
    q, c = pair.query, pair.result
    family = family_in_capitals(c)
    marked = any(family)
    if not marked and (len(q.texts) < FIRST_SWAP_PARTS or len(c.texts) < FIRST_SWAP_PARTS):
        # unmarked, the order says little (:func:`_first_names_swapped`); most names have
        # no three parts on each side to swap (the cheap test first)
        return False
    where = {lk.qi[0]: lk.ci[0] for lk in pair.alignment.links
             if len(lk.qi) == 1 and len(lk.ci) == 1 and lk.sim >= DISTINCTIVE_AGREE
             and c.tags[lk.ci[0]] == DISTINCTIVE and not is_patronymic(c, lk.ci[0])
             and q.texts.count(q.texts[lk.qi[0]]) == 1 and c.texts.count(c.texts[lk.ci[0]]) == 1}
    if not marked:
        return _first_names_swapped(q, c, where)
    for i, j in where.items():
        after = _next_part(q, i)  # the query's next part, and where the list has it
        if after in where and _next_part(c, where[after]) == j and family[j] == family[where[after]]:
            return True
    return False


def initials_crossed(pair: Pair) -> float:
    """1 when two initials of one name meet the other's names the other way round:
    "Gorbunov V.A." (Viktor Anatolyevich) may be the father or the son of "Anatoly
    Viktorovich Gorbunov" (fresh17's dev half), or the initials a slip: held for review
    (helper-85's review: "Rowling K.J."). "Gorbunov A.V." is he."""
    q, c = pair.query, pair.result
    if INITIAL not in q.tags and INITIAL not in c.tags:
        return 0.0  # most names: no initial
    at = sorted((lk.qi[0], lk.ci[0]) for lk in pair.alignment.links
                if lk.how == "initial" and len(lk.qi) == 1 and len(lk.ci) == 1)
    return 1.0 if any(j2 < j1 for (_, j1), (_, j2) in zip(at, at[1:])) else 0.0


#: Fewest parts of a name whose first two swapped are another person's (two are the
#: family name first or last: "Putin Vladimir").
FIRST_SWAP_PARTS = 3


def _first_names_swapped(q: Form, c: Form, where: dict[int, int]) -> bool:
    """True when two names of three parts or more, neither marking its family name, meet
    part for part with their first two parts the other way round and the rest in place:
    "Yusuf Abdullahi Garba" is not "Abdullahi Yusuf Garba", nor "Ali Mohammad Rezaei"
    "Mohammad Ali Rezaei" (a name and a father's, or two compound names: fresh17's dev
    half); nor are three parts written backwards ("Ali Hassan Abbas" / "Abbas Hassan
    Ali": the father's name stays, own and family names trade).

    Unmarked, the order says little else: "Putin Vladimir" is written family first, the
    family name moving as a whole ("Garba Yusuf Abdullahi"), and aliases of one person
    put a Persian compound family name either way round ("MAHIN MOJTAHEDZADEH TOUSSI" /
    "MAHIN TOUSSI MOJTAHEDZADEH", CSL). Not a Vietnamese name, which Western order writes
    backwards ("Nguyen Thi Lan" / "Lan Thi Nguyen"), nor Chinese or Korean syllables
    written backwards, which lists scramble (helper-85's review)."""
    qp = [k for k, tag in enumerate(q.tags) if tag != STOP]
    cp = [k for k, tag in enumerate(c.tags) if tag != STOP]
    if len(qp) < FIRST_SWAP_PARTS or len(qp) != len(cp) or any(k not in where for k in qp):
        return False
    if any(family_in_capitals(q)) or vietnamese_name(q) or vietnamese_name(c):
        return False  # the query marks its family name; a Vietnamese name is written either way round
    rank = {j: r for r, j in enumerate(cp)}
    order = [rank.get(where[k], -1) for k in qp]
    if order == [1, 0] + list(range(2, len(qp))):
        return True
    return (len(qp) == 3 and order == [2, 1, 0] and not (pinyin_name(q) or pinyin_name(c)
                                                          or korean_name(q) or korean_name(c)))


def _next_part(form: Form, k: int) -> int:
    """The name part after part ``k``, past a "son of" word ("Abdullah bin Khalid": Khalid)."""
    k += 1
    return k + 1 if k < len(form.texts) and form.texts[k] in SON_OF else k


def _son_named_as_father(pair: Pair) -> bool:
    """True when the query's own name (before bin) is the listed person's family name and
    its father's name (after bin) the listed given name: "Abdullah bin Khalid" against
    "ABDULLAH, Khalid" or "Khalid ABDULLAH", whose family name is his father's: Khalid,
    son of Abdullah (helper-64's review). "Khalid bin Abdullah" is that person."""
    q, c = pair.query, pair.result
    at = _son_of_at(q)
    family = family_in_capitals(c)
    if at is None or not any(family):
        return False
    own_to_family = father_to_given = False
    for link in pair.alignment.links:
        if link.sim < DISTINCTIVE_AGREE or len(link.ci) != 1:
            continue
        j = link.ci[0]
        own_to_family |= max(link.qi) < at and family[j]
        father_to_given |= min(link.qi) > at and not family[j] and c.tags[j] == DISTINCTIVE
    return own_to_family and father_to_given


def _son_of_at(form: Form) -> int | None:
    """Where the first "son of" or "daughter of" word (bin, ibn, ould, binti ...)
    stands, after a name; None if none does, or if it ends the given names of a
    family-first name ("ZULKIFLI, Abdul Hir bin": the list's own order is unsure)."""
    k = next((k for k, t in enumerate(form.texts) if k > 0 and t in SON_OF), None)
    if k is not None and not form.family[k] and k + 1 < len(form.texts) and form.family[k + 1]:
        return None
    return k


def no_exact_name_part(pair: Pair) -> float:
    """1 when a personal name agrees only through soft matches (no part spelled alike).

    "Sanya Sibal" / "Aleksandr Sobol" meet through a nickname and a vowel; a
    real match has at least one name part spelled the same (or as a
    transliteration variant of it).
    """
    q, c = pair.query, pair.result
    if not is_person_pair(q, c):
        return 0.0
    links = [lk for lk in pair.alignment.links if any(c.tags[j] == DISTINCTIVE for j in lk.ci)]
    if not links or any(lk.sim >= SKELETON_SIM for lk in links):
        return 0.0
    return 1.0


def locations_disagree(pair: Pair) -> float:
    """1 when two organisations' names each name a place and no place agrees.

    "Moore Thread Intelligent Technology (Shanghai)" and "(Beijing)", "National
    Supercomputing Center Jinan" and "Wuxi": sister units in other cities.
    Country-wide words (China, Chinese) do not count.
    """
    q, c = pair.query, pair.result
    if q.schema == PERSON or c.schema == PERSON:
        return 0.0
    broad = tables().broad_places
    q_places = [i for i, g in enumerate(q.tags) if g == LOCATION and q.texts[i] not in broad]
    c_places = [j for j, g in enumerate(c.tags) if g == LOCATION and c.texts[j] not in broad]
    if not q_places or not c_places:
        return 0.0
    for link in pair.alignment.links:
        if any(i in q_places for i in link.qi) or any(j in c_places for j in link.ci):
            return 0.0
    return 1.0


def trailing_places_differ(pair: Pair) -> float:
    """1 when both names end in a place after a comma and the places differ: "Ecobank,
    Nigeria" / "Ecobank, Kenya", "Bank Melli, Germany" / "Bank Melli, France" (1.0
    before: a name of unknown kind has its last place read off as a port or a flag, and
    the two bare names agreed). Two countries' banks, or one ship under two flags: held
    for review. Places of one country agree ("Dubai" / "UAE", "HK" / "Hong Kong"); a
    reading that keeps its place as its last word ("Bank Melli France") counts it when
    the other name does not meet it; not for persons."""
    q, c = pair.query, pair.result
    if q.schema == PERSON or c.schema == PERSON or ("," not in q.name and "," not in c.name):
        return 0.0  # most names: no comma (the cheap test first)
    al = pair.alignment
    a = _trailing_place(q, al.q_unmatched)
    if not a:
        return 0.0
    b = _trailing_place(c, al.c_unmatched)
    return 1.0 if b and a != b else 0.0


def _trailing_place(form: Form, unmatched: tuple[int, ...]) -> str:
    """The country (its ISO code) or the place (its folded words) ``form``'s name writes
    after its last comma, when that part is a known place; without a comma, its last
    word when it is a place the other name does not meet; else ""."""
    if "," in form.name:
        return _comma_place(form.name)
    last = len(form.texts) - 1
    if last >= 0 and form.tags[last] == LOCATION and last in unmatched:
        return to_iso2(form.tokens[last].source) or form.texts[last]
    return ""


#: Names whose place after the comma :func:`_comma_place` remembers.
COMMA_PLACE_CACHE = 4096


@lru_cache(maxsize=COMMA_PLACE_CACHE)
def _comma_place(name: str) -> str:
    """:func:`_trailing_place` of a name with a comma (remembered: a listed name meets
    query after query)."""
    tail = tuple(fold_words(name[name.rfind(",") + 1:]))
    if tail and known_place(tail, tables()):
        return to_iso2(" ".join(tail)) or " ".join(tail)
    return ""


on_change(_comma_place.cache_clear)


def legal_countries_differ(pair: Pair) -> float:
    """1 when both organisations' names end in legal forms of no common country.

    "Vostok Trade Sp. z o.o." (Poland) and "Vostok Trade OOO" (Russia), "Alpha Tech
    s.r.o." and "Alpha Tech GmbH": two legal persons under two laws, a sister
    company at most, as "Huawei Technologies (UK)" is. English forms (Ltd, LLC,
    JSC), written for firms of every country, say nothing
    (``legal_form_countries.yaml``).
    """
    return _legal_forms_apart(pair, legal_countries)


def _legal_forms_apart(pair: Pair, read: Callable[[str], frozenset[str]]) -> float:
    """1 when both organisations' names have legal forms, ``read`` says something of
    each name's forms (their countries, their kinds), and the two say nothing alike."""
    q, c = pair.query, pair.result
    if not q.legal or not c.legal or q.schema == PERSON or c.schema == PERSON:
        return 0.0
    q_said = frozenset().union(*map(read, q.legal))
    c_said = frozenset().union(*map(read, c.legal))
    return 1.0 if q_said and c_said and not q_said & c_said else 0.0


#: Legal forms whose countries are remembered: a search asks of every pair of
#: organisation names with legal forms, and a list writes a few hundred forms.
LEGAL_COUNTRIES_CACHE = 4096


@lru_cache(maxsize=LEGAL_COUNTRIES_CACHE)
def legal_countries(form: str) -> frozenset[str]:
    """The countries of a legal form as read off a name ("sanayi ve ticaret anonim sirketi"),
    by the longest end of it the table knows ("anonim sirketi": Turkey); empty if none."""
    return _by_longest_end(form, tables().legal_countries) or frozenset()


T = TypeVar("T")


def _by_longest_end(form: str, known: Mapping[str, T]) -> T | None:
    """What ``known`` says of the longest end of ``form``'s words it has, or None."""
    words = form.split()
    for k in range(len(words)):
        found = known.get(" ".join(words[k:]))
        if found:
            return found
    return None


on_change(legal_countries.cache_clear)  # the countries come from the tables


def legal_kinds_differ(pair: Pair) -> float:
    """1 when both organisations' names end in legal forms of two kinds of legal person.

    "Gulf Horizon General Trading FZE" (a free-zone establishment) and "... LLC" (on the
    mainland), "Anadolu Kimya Ltd. Şti." and "... A.Ş.", "OOO Mikron" and "PAO Mikron":
    one group's two registrations, sisters at most, held for review as a country's
    legal form is (:func:`legal_countries_differ`). Only the kinds of
    ``legal_form_kinds.yaml`` (free zones; LLC and joint stock under Russian, Turkish and
    Vietnamese law); other forms (Ltd, GmbH / AG, which a firm converts) say nothing.
    """
    return _legal_forms_apart(pair, _legal_kind)


@lru_cache(maxsize=LEGAL_COUNTRIES_CACHE)
def _legal_kind(form: str) -> frozenset[str]:
    """The kind of legal person a legal form read off a name makes, by the longest end
    of it the table knows ("san tic ltd sti": "ltd sti", limited liability); empty if none."""
    kind = _by_longest_end(form, tables().legal_kinds)
    return frozenset((kind,)) if kind else frozenset()


on_change(_legal_kind.cache_clear)


def cantonese_guessed(pair: Pair) -> float:
    """1 when a person's name meets only through pinyin read off Cantonese syllables
    that no characters confirm.

    "Ho Kwok Leung" is read He Guo Liang, but also Ke or Ge Guo Liang: a Cantonese
    syllable stands for several characters (helper-54's review). Against 何國良 the
    characters say how Hong Kong spells them (Ho, Kwok Leung), and the name is
    the same; against the pinyin "HE, Guoliang" alone it may be, and is held for
    review.
    """
    q, c = pair.query, pair.result
    links = [lk for lk in pair.alignment.links if any(q.tokens[i].note.startswith(CANTONESE_NOTE) for i in lk.qi)]
    if not links:
        return 0.0
    return 0.0 if all(_hong_kong_spelled(q, c, lk) for lk in links) else 1.0


def _hong_kong_spelled(q: Form, c: Form, link: Link) -> bool:
    """True when the listed words of ``link`` are read from characters that Hong Kong
    spells as the query's Cantonese syllables (kwok leung: 国良)."""
    syllables = "".join(q.tokens[i].source for i in link.qi)
    for j in link.ci:
        source = c.tokens[j].source
        if not has_han(source):
            return False
        chars = source[:1] if c.family[j] else source[1:] if len(source) > 1 and any(c.family) else source
        if not any(s in syllables for s in hong_kong_spellings(chars, CANTONESE_SPELLINGS_MAX) if s):
            return False
    return True


#: Most spellings of a listed name part tried by :func:`_hong_kong_spelled`.
CANTONESE_SPELLINGS_MAX = 16


def plural_differs(pair: Pair) -> float:
    """1 when a distinctive word is singular in one name and plural in the other.

    "Ocean Stars" is not the vessel "Ocean Star", nor "Sea Lions" "Sea Lion":
    in a name, the plural is another word. People are exempt (Roberts / Robert
    is judged as a name), and so is a company (:func:`alignment.company_pair`)
    whose name agrees on another distinctive word as written: in "Dongguan Oasis Shoe Industry" /
    "Dongguan Oasis Shoes" the name is Oasis, the shoes its line of business;
    and any other name but a vessel's that agrees so on two ("Islamic Revolutionary
    Guard Corps" / "... Guards Corps", helper-47's review).
    """
    q, c = pair.query, pair.result
    if q.schema == PERSON or c.schema == PERSON:
        return 0.0
    plurals = [lk for lk in pair.alignment.links if len(lk.qi) == 1 and len(lk.ci) == 1 and lk.how != "equal"
               and plural_of(q.texts[lk.qi[0]], c.texts[lk.ci[0]])
               and not (_translated(q, lk.qi[0]) or _translated(c, lk.ci[0]))]
    if not plurals:
        return 0.0  # most pairs: the cheap test first
    if q.vessel or c.vessel:
        return 1.0  # a vessel's name is all it has: "Sea Stars" is not the "Sea Star", whatever its words
    if company_pair(q, c) and _name_word_agrees(pair):
        return 0.0
    if _name_word_agrees(pair, at_least=2):
        return 0.0  # "Islamic Revolutionary Guard(s) Corps": a long name that agrees elsewhere
    # a common word's plural ("Engines" for 发动机) is that word, except in an unnumbered
    # name of common words only ("Ocean Star", "Golden Wave"), where those words are the name
    common_only = not (q.numbers or c.numbers) and all(
        g != DISTINCTIVE or _common(t) for t, g in zip(q.texts + c.texts, q.tags + c.tags)
    )
    for link in plurals:
        i, j = link.qi[0], link.ci[0]
        common = (q.tags[i] != DISTINCTIVE or _common(q.texts[i]), c.tags[j] != DISTINCTIVE or _common(c.texts[j]))
        if common == (False, False) or (common == (True, True) and common_only):
            return 1.0
    return 0.0


def _translated(form: Form, i: int) -> bool:
    """The word at ``i`` translates Chinese, Japanese or Korean characters, which write
    no plural: 全球维度 is Global Dimension(s), whichever the English name chose."""
    return has_han(form.tokens[i].source) or form.script in SYLLABIC


def _name_word_agrees(pair: Pair, at_least: int = 1) -> bool:
    """True when links join ``at_least`` distinctive, uncommon words written alike on both sides."""
    q, c = pair.query, pair.result
    return sum(
        lk.how == "equal" and all(q.tags[i] == DISTINCTIVE and not _common(q.texts[i]) for i in lk.qi)
        and all(c.tags[j] == DISTINCTIVE for j in lk.ci)
        for lk in pair.alignment.links
    ) >= at_least


def _common(text: str) -> bool:
    """A common word, not a name word: a generic word, place, or a generic word's plural."""
    t = tables()
    if business_word(text) or text in t.locations:
        return True
    return text.endswith("s") and (text[:-1] in t.generic or (text.endswith("es") and text[:-2] in t.generic))


def homophone_brand(pair: Pair) -> float:
    """1 when a Chinese name sounds like a known brand but is written otherwise.

    华威 reads "huawei" like 华为 (Huawei) but is another company; 中星 reads
    like 中兴 (ZTE). A word read from characters that the brand table gives to
    another brand of the same sound does not agree with that brand's name.
    """
    q, c = pair.query, pair.result
    for link in pair.alignment.links:
        q_src = {q.tokens[i].source for i in link.qi}
        c_src = {c.tokens[j].source for j in link.ci}
        if any(_homophone(q.tokens[i]) and q.tokens[i].source not in c_src for i in link.qi):
            return 1.0
        if any(_homophone(c.tokens[j]) and c.tokens[j].source not in q_src for j in link.ci):
            return 1.0
    return 0.0


def acronym_inside(pair: Pair) -> float:
    """1 when a word of one name met only as the initials of some of the other's words
    ("IRGC Navy" / "Islamic Revolutionary Guard Corps Navy"; :func:`alignment._inner_acronym_candidates`).
    Letters spell runs of words by chance as often as by design ("Phoenix HVAC Services" /
    "Phoenix Heavy Vehicle Assembly Center Services", helper-59's review), so such a hit is
    held for review: a reviewer knows whether IRGC is the Guard Corps. A whole name that is an
    acronym of the other is not this feature's (the whole name must agree)."""
    for lk in pair.alignment.links:
        if lk.how != "acronym":
            continue
        one, many = (pair.query, pair.result) if len(lk.qi) == 1 else (pair.result, pair.query)
        run = lk.ci if len(lk.qi) == 1 else lk.qi
        if len(one.texts) > 1 and len(run) < sum(g != STOP for g in many.tags):
            return 1.0
    return 0.0


def chinese_places_differ(pair: Pair) -> float:
    """1 when two Chinese places written in pinyin a letter apart meet only as spelled
    alike ("Hubei Kestrel Trading" / "HEBEI KESTREL TRADING", Nanjing / Nanning,
    Changzhou / Hangzhou): toneless syllables a letter apart are other characters, and
    another province or city is another firm's as often as a typing slip; held for
    review. Both must be places that are their own pinyin (``Tables.pinyin_places``);
    Macao / Macau are one place. A brand word spelled so (Huaxing / Huaxin) is not held:
    on alias pairs nobody tuned on, that took true pairs from match (session 18)."""
    places = tables().pinyin_places
    q, c = pair.query, pair.result
    for lk in pair.alignment.links:
        if lk.sim >= 1.0 or len(lk.qi) != 1 or len(lk.ci) != 1:
            continue
        a, b = q.texts[lk.qi[0]], c.texts[lk.ci[0]]
        if a != b and a in places and b in places and q.tags[lk.qi[0]] == c.tags[lk.ci[0]] == LOCATION:
            return 1.0
    return 0.0


def _homophone(token) -> bool:
    """A pinyin token whose sound is a listed brand's, from other characters."""
    if not token.note.startswith("pinyin of"):
        return False
    writings = tables().brand_sounds.get(token.text)
    return writings is not None and bool(writings) and token.source not in writings


def country_agrees(pair: Pair) -> float:
    """1 when the query's country is one of the entry's countries."""
    if not pair.query_country or not pair.entry_countries:
        return 0.0
    return 1.0 if pair.query_country.upper() in pair.entry_countries else 0.0


def country_disagrees(pair: Pair) -> float:
    """1 when the query gives a country and the entry lists only others (evidence, not a filter)."""
    if not pair.query_country or not pair.entry_countries:
        return 0.0
    return 0.0 if pair.query_country.upper() in pair.entry_countries else 1.0


def schema_mismatch(pair: Pair) -> float:
    """Person vs organisation: 1 when the caller said so, 0.5 when the query's form implies it.

    A query's kind is implied by a legal form or organisation word (company)
    or by a Chinese personal name; otherwise it is unknown and nothing is said.
    """
    etype = pair.entry_type
    if not etype or etype not in ("person", "company"):
        return 0.0
    given = pair.query_schema
    if given:
        q_person = given.lower() in ("person", "individual")
        return 0.0 if q_person == (etype == "person") else 1.0
    inferred = pair.query.schema
    if not inferred:
        return 0.0
    return 0.0 if (inferred == PERSON) == (etype == "person") else 0.5


def family_name_mismatch(pair: Pair) -> float:
    """1 when both names mark a family name and those family names do not agree.

    "LI Hao" is not "CHEN, Hao Li": the shared syllables are in the wrong places.
    Family names that, written as one word, are one edit apart (transliteration
    edits counting half) agree: "ELMAGHRABY" / "AL-MAGHRABI", "SHAFA'I" / "SHAFAHI".
    """
    q, c = pair.query, pair.result
    if not any(q.family) or not any(c.family) or _many_parts(pair):
        return 0.0
    for link in pair.alignment.links:
        if any(q.family[i] for i in link.qi) and any(c.family[j] for j in link.ci) and (
            link.sim >= DISTINCTIVE_AGREE or spelled_alike(q, c, link)
        ):
            return 0.0  # SHRI / SHERRI: one family name spelled otherwise
    return 0.0 if _family_spelled_alike(q, c) else 1.0


def _family_spelled_alike(q: Form, c: Form) -> bool:
    """True when the family names, each written as one word (as spelled or by
    skeleton), are at most one edit apart and at least FAMILY_SPELLING_MIN_LEN letters long."""
    pairs = (
        ("".join(t for t, f in zip(q.texts, q.family) if f), "".join(t for t, f in zip(c.texts, c.family) if f)),
        ("".join(t for t, f in zip(q.skels, q.family) if f), "".join(t for t, f in zip(c.skels, c.family) if f)),
    )
    return any(
        min(len(a), len(b)) >= FAMILY_SPELLING_MIN_LEN and edit_cost(transliteration_edits(a, b)) <= 1 for a, b in pairs
    )


def weak_alias(pair: Pair) -> float:
    """1 when the best list name is a weak alias (a.k.a. the list itself calls weak)."""
    return 1.0 if pair.result.kind == "weak" else 0.0
