"""Scoring signals: each one a small function of a :class:`Pair`, with a docstring.

The weights live in one list in :mod:`screening.matching.algorithm`; a feature
only returns its raw value in [0, 1]. The docstring of each feature is the
explanation the API serves for it (a test asserts every feature has one).

Lessons from the prior art built in here:

* tokens are aligned as a bag, so word order never matters
  ("HAIGE GUANGZHOU" = "GUANGZHOU HAIGE") and given/family order is free;
* a token may meet two adjacent tokens of the other side ("JSCARGUMENT" =
  "JSC ARGUMENT", "Haiguang" = "Hai Guang");
* short tokens need (nearly) exact agreement; Jon/John and Ann/Anne meet
  through their sound, Maria/Mario do not;
* legal forms and stop words are never compared; generic words weigh little;
* numbers must agree (CETC 13 is not CETC 14).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz.distance import Indel, Levenshtein, OSA

from screening.matching.choices import tailor
from screening.matching.forms import ABJAD_SCRIPTS, JOIN_TRIPLE_SHORT, TAG_WEIGHTS, Form
from screening.matching.names import COMPANY, DISTINCTIVE, GENERIC, INITIAL, LOCATION, NUMBER, PERSON, STOP
from screening.matching.normalize import has_han, phonetic
from screening.matching.pinyin import is_pinyin_word, syllable_count
from screening.matching.resources import tables

#: Below this string similarity two tokens are taken as different words; the
#: floor rises for short words, where one letter changes the name (Li/Lu, Ross/Rose).
TOKEN_FLOOR = 0.78
SHORT_WORD_FLOOR = 0.85  # words of at most SHORT_WORD letters
SHORT_WORD = 5
#: Tokens this short must be equal (or equal in skeleton) to count.
SHORT_TOKEN = 3
#: Similarity credited to two spellings with the same romanisation skeleton.
SKELETON_SIM = 0.95
#: Similarity credited to sound-alikes differing by a silent letter (Jon/John, Ann/Anne).
PHONETIC_SIM = 0.88
#: Factor on the similarity of words with different first letters (Hassan/Kassan).
FIRST_LETTER_FACTOR = 0.9
#: Similarity of words that differ only in a final vowel (Antonio/Antonia,
#: Ivanov/Ivanova): gendered forms of a name, usually different people.
GENDER_SIM = 0.5
#: Similarity of words that differ by two swapped neighbouring letters (Abudl/Abdul).
TRANSPOSE_SIM = 0.9
#: Credit of a person's initial against a name starting with that letter.
INITIAL_SIM = 0.8
#: Credit of a listed initial against a full name in the query.
INITIAL_LIST_SIM = 0.6
#: Given names of one nickname group (Mike / Michael, Sasha / Aleksandr).
NICKNAME_SIM = 0.9
#: Two spellings of one Chinese place or brand (zh_terms / zh_brands readings).
EQUIVALENT_SIM = 0.9
#: Spelling similarity two sound-alikes need (Kompel / Compel 0.83; Katarina / Kawtarani 0.71 is too far).
CONSONANT_SPELLING_MIN = 0.8
#: Words that differ only in one or two vowels (Laden / Ladin): transliteration noise.
VOWEL_SIM = 0.9
#: A person's name that extends another by a suffix (Abramov / Abramovich,
#: Richards / Richardson) is a different name.
PREFIX_SIM = 0.3
#: In person names a fuzzy similarity is stretched further: Rubio / Rubino or
#: Michael / Michelle are other people more often than typos.
PERSON_FUZZY_STRETCH = 2.2
#: Unmatched list-side patronymics (Vladimirovich, "bin Awad") and middle
#: names cost this share of their weight: queries mostly leave them out.
EXTRA_RESULT_PATRONYMIC = 0.1
#: A patronymic in the query that the listed name lacks costs this share.
EXTRA_QUERY_PATRONYMIC = 0.3
EXTRA_RESULT_MIDDLE = 0.2
#: Fuzzy similarities are stretched below 1 by this factor (0.9 -> 0.8): one
#: wrong letter should cost more than an unmatched generic word.
FUZZY_STRETCH = 2.0
#: Share of its weight an unmatched query token costs.
EXTRA_QUERY = 1.0
#: Share of its weight an unmatched list-name token costs (middle names,
#: place prefixes and business words are often dropped by whoever types a query).
EXTRA_RESULT_PERSON = 0.45
EXTRA_RESULT_COMPANY = 0.6
#: Unmatched list-side filler words ("Group" in "Haige Communication Group Co.").
EXTRA_RESULT_FILLER = 0.3
#: Unmatched places cost even less when they lead an organisation's name
#: ("Hangzhou" Hikvision, "浙江" 大华: where it is registered); a place later in
#: the name ("Huawei Technologies (Thailand)") names a subsidiary and costs in full.
EXTRA_RESULT_LOCATION = 0.35
#: A business word only the query has ("Lockheed Martin Aeronautics") weighs at
#: least this much: the query may name a division or subsidiary.
QUERY_DESCRIPTOR_MIN = 0.4
#: Share of its weight a business word read from Chinese costs when the listed name lacks it.
EXTRA_QUERY_HAN_DESCRIPTOR = 0.35
#: Unmatched tokens weigh at least this share of their tag weight, however
#: common they are on the lists ("Sa" unmatched still says "not the same name").
UNMATCHED_FLOOR = 0.7
#: A distinctive pair must reach this credit to count as "distinctive agreement".
DISTINCTIVE_AGREE = 0.85
#: Compact (boundary-free) comparison only counts from this similarity, and
#: only for compact strings at least this long.
COMPACT_FLOOR = 0.9
COMPACT_SAME_COUNT_FLOOR = 0.93
COMPACT_MIN_LEN = 8
#: Words only one side has must be this alike for the compact comparison to count.
COMPACT_LEFTOVER_MIN = 0.6
#: Consonant-skeleton comparison only counts from this similarity.
CONSONANT_FLOOR = 0.8
#: Consonant skeletons shorter than this say too little ("l" of "Ali").
CONSONANT_MIN_LEN = 3
#: A name part only the query has weighs at least this much, however common.
PERSON_QUERY_EXTRA_MIN = 0.9
#: Endings of East Slavic patronymics (Vladimirovich, Petrovna, Ryhorovich).
PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ich", "ichna")
#: A person's full name one edit away scores this; two edits (names of at least
#: EDITS_TWO_MIN_LEN letters) score TWO_EDITS_SIM; shorter names need one edit and
#: EDITS_ONE_MIN_LEN letters.
ONE_EDIT_SIM = 0.84
TWO_EDITS_SIM = 0.78
EDITS_ONE_MIN_LEN = 7
EDITS_TWO_MIN_LEN = 11
#: A name part this long may differ by two edits (Prigozhin / Prigojin); shorter ones by one.
EDITS_LONG_WORD = 8
#: Credit of a listed organisation's brand given alone ("Hikvision").
BRAND_ONLY_SIM = 0.88
#: Cap on the token-similarity cache (entries), cleared when exceeded.
SIM_CACHE_MAX = 1_000_000

_NO_GROUPS: frozenset[int] = frozenset()
_sim_cache: dict[tuple[str, str, str, str], tuple[float, str]] = {}


_VOWELS = frozenset("aeiouy")
_DOUBLES = re.compile(r"([a-z])\1+")


def _gendered(a: str, b: str) -> bool:
    """True for forms of one name that differ in a final vowel (Antonio/Antonia)."""
    if min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        return a[:-1] == b[:-1] and a[-1] in _VOWELS and b[-1] in _VOWELS
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return len(longer) == len(shorter) + 1 and longer.startswith(shorter) and longer[-1] in _VOWELS


def _consonant_spelling(a: str, b: str) -> bool:
    """Same metaphone, but the words differ in consonant letters, not vowels.

    Kompel/Compel and Jon/John differ in how a sound is spelled; Maria/Mario
    and Thomas/Themis differ in vowels, which metaphone ignores but names do not.
    """
    ca = _DOUBLES.sub(r"\1", "".join(ch for ch in a if ch not in _VOWELS))
    cb = _DOUBLES.sub(r"\1", "".join(ch for ch in b if ch not in _VOWELS))
    if ca == cb or Indel.normalized_similarity(a, b) < CONSONANT_SPELLING_MIN:
        return False
    return phonetic(a) == phonetic(b)


def token_sim(a: str, b: str, skel_a: str, skel_b: str) -> float:
    """Similarity of two tokens in [0, 1]; 0 when they are different words.

    Equal text 1.0; equal romanisation skeleton 0.95; sound-alikes that differ
    by a silent letter 0.88 (Jon/John); otherwise the best Indel / OSA
    similarity of text or skeleton, times 0.9 when the first letters differ,
    stretched below 1 so a wrong letter costs (0.9 -> 0.8). Gendered forms
    (Antonio/Antonia) score 0.5; words of three letters or fewer must be equal.
    """
    return token_match(a, b, skel_a, skel_b)[0]


def token_match(a: str, b: str, skel_a: str, skel_b: str) -> tuple[float, str]:
    """:func:`token_sim` with how the words met: equal, skeleton, variant, fuzzy."""
    if a == b:
        return 1.0, "equal"
    key = (a, b, skel_a, skel_b)
    cached = _sim_cache.get(key)
    if cached is not None:
        return cached
    value = _token_sim(a, b, skel_a, skel_b)
    if len(_sim_cache) > SIM_CACHE_MAX:
        _sim_cache.clear()
    _sim_cache[key] = value
    return value


def _vowel_variant(a: str, b: str) -> bool:
    """Same length, same consonants, one vowel different (Laden / Ladin)."""
    if len(a) != len(b) or len(a) < 4 or a[0] != b[0]:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1 or diff[0][0] not in _VOWELS or diff[0][1] not in _VOWELS:
        return False
    # one pinyin syllable each (Chen / Chan, Yang / Yong): different syllables, not noise
    return not (syllable_count(a) == 1 and syllable_count(b) == 1)


def _token_sim(a: str, b: str, skel_a: str, skel_b: str) -> tuple[float, str]:
    """Uncached body of :func:`token_match`."""
    if a.isdigit() or b.isdigit():
        return 0.0, ""
    if skel_a == skel_b:
        return SKELETON_SIM, "skeleton"
    if _gendered(a, b):
        return GENDER_SIM, "gendered"
    short = min(len(a), len(b))
    if short >= 3 and len(a) == len(b) and OSA.distance(a, b) == 1 and sorted(a) == sorted(b):
        return TRANSPOSE_SIM, "variant"  # a typing slip, even in the first letters
    if abs(len(a) - len(b)) == 1 and a[0] == b[0] and phonetic(a) == phonetic(b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        # one silent letter more: jon/john, ann/anne, mohamad/mohammad
        if Indel.normalized_similarity(a, b) >= 0.8 and any(
            longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))
        ):
            return PHONETIC_SIM, "variant"
    if short <= SHORT_TOKEN and min(len(skel_a), len(skel_b)) <= SHORT_TOKEN:
        return 0.0, ""
    if _consonant_spelling(a, b):
        return PHONETIC_SIM, "variant"  # Kompel / Compel, Jussef / Yussef: same sounds, other letters
    if _vowel_variant(a, b):
        return VOWEL_SIM, "variant"
    value = max(
        Indel.normalized_similarity(a, b),
        Indel.normalized_similarity(skel_a, skel_b),
        OSA.normalized_similarity(skel_a, skel_b),
    )
    if a[0] != b[0]:
        value *= FIRST_LETTER_FACTOR
    floor = SHORT_WORD_FLOOR if short <= SHORT_WORD else TOKEN_FLOOR
    if value < floor:
        return 0.0, ""
    return max(0.0, 1.0 - (1.0 - value) * FUZZY_STRETCH), "fuzzy"


def person_sim(a: str, b: str, sim: float, how: str) -> float:
    """Re-weigh a token similarity for personal names.

    A name that extends the other by a suffix (Abramov / Abramovich) is
    another name; a plain fuzzy similarity is stretched further (Rubio /
    Rubino is a different family more often than a typo).
    """
    if how == "fuzzy":
        shorter, longer = (a, b) if len(a) < len(b) else (b, a)
        if len(shorter) >= 4 and len(longer) - len(shorter) >= 2 and longer.startswith(shorter):
            return PREFIX_SIM
        return max(0.0, 1.0 - (1.0 - sim) * PERSON_FUZZY_STRETCH)
    return sim


@dataclass(slots=True)
class Link:
    """One aligned unit: query token(s) ``qi`` met list token(s) ``ci``."""

    qi: tuple[int, ...]
    ci: tuple[int, ...]
    sim: float
    how: str  # "equal", "fuzzy", "skeleton", "joined", "initial", "number"


@dataclass(slots=True)
class Alignment:
    """The best one-to-one alignment of two forms' tokens."""

    links: list[Link] = field(default_factory=list)
    score: float = 0.0
    q_unmatched: tuple[int, ...] = ()
    c_unmatched: tuple[int, ...] = ()
    distinctive_agree: bool = False


def _nickname(a: str, b: str, skel_a: str, skel_b: str) -> bool:
    """True when two given names are in one nickname group (Mike / Michael)."""
    nick = tables().nicknames
    ga = nick.get(a, _NO_GROUPS) | nick.get(skel_a, _NO_GROUPS)
    if not ga:
        return False
    return bool(ga & (nick.get(b, _NO_GROUPS) | nick.get(skel_b, _NO_GROUPS)))


def _equivalent(a: str, b: str) -> bool:
    """True for two spellings of one Chinese place or brand (Kashgar / Kashi, Sugon / Dawning)."""
    eq = tables().equivalents
    ga = eq.get(a)
    return bool(ga and ga & eq.get(b, _NO_GROUPS))


def _pair_sim(q: Form, c: Form, i: int, j: int, person: bool, pinyin: bool) -> tuple[float, str]:
    """Similarity of query token ``i`` and list token ``j``, with how it was found.

    ``person``: a personal-name pair (nicknames, stricter fuzzy credit);
    ``pinyin``: both names are romanised Chinese names (exact syllables only).
    """
    tq, tc = q.tags[i], c.tags[j]
    a, b = q.texts[i], c.texts[j]
    if a == b:
        return (1.0, "number") if tq == NUMBER else (1.0, "equal")
    if tq == NUMBER or tc == NUMBER:
        return 0.0, ""
    if tq == INITIAL or tc == INITIAL:
        if a[0] != b[0]:
            return 0.0, ""
        # "J. D. Taiclet" for "James Donald Taiclet": the user abbreviated a listed
        # name. A listed "HEIDI A" says little about the query's "Aune".
        return (INITIAL_SIM if tq == INITIAL else INITIAL_LIST_SIM), "initial"
    if q.strict[i] or c.strict[j] or pinyin:
        return 0.0, ""  # pinyin syllables: 宁 ning is not 英 ying, Lei is not Li
    s, how = token_match(a, b, q.skels[i], c.skels[j])
    if person:
        s = person_sim(a, b, s, how)
    if s < NICKNAME_SIM:
        if person and _nickname(a, b, q.skels[i], c.skels[j]):
            return NICKNAME_SIM, "nickname"
        if tq in (DISTINCTIVE, LOCATION) and tc in (DISTINCTIVE, LOCATION) and _equivalent(a, b):
            return EQUIVALENT_SIM, "equivalent"
    return s, (how if s else "")


def _name_like(form: Form) -> bool:
    """A bare name of unknown kind made only of name words ("MICHAEL COX")."""
    return form.schema is None and all(g in (DISTINCTIVE, INITIAL, STOP) for g in form.tags)


def is_person_pair(q: Form, c: Form) -> bool:
    """Compare as personal names: either side is a person, or both are bare names."""
    if q.schema == PERSON or c.schema == PERSON:
        return True
    return _name_like(q) and _name_like(c) and len(q.texts) > 1 and len(c.texts) > 1


def _pinyin_name(form: Form) -> bool:
    """A personal name written only in pinyin syllables ("Wang Lei", "Xi Jinping")."""
    words = [t for t, g in zip(form.texts, form.tags) if g == DISTINCTIVE]
    return 1 < len(words) <= 4 and all(is_pinyin_word(w) for w in words)


def _is_patronymic(form: Form, j: int) -> bool:
    """A patronymic: Russian -ovich/-evna..., or a name after bin / ibn / ben."""
    text = form.texts[j]
    if len(text) >= 6 and text.endswith(PATRONYMIC_ENDINGS):
        return True
    return j > 0 and form.texts[j - 1] in ("bin", "ibn", "ben", "bint")


def unmatched_costs(q: Form) -> tuple[float, ...]:
    """What each query token costs when the list name lacks it (an upper bound per token).

    The candidate index uses this to know how much of a query a list name must
    cover: words that cost little when missing (a leading place, a business
    word read from Chinese, a patronymic) need not be covered.
    """
    person = q.schema == PERSON or _name_like(q)
    words = tables()
    first = _first_word(q)
    out = []
    for i, (text, tag, w) in enumerate(zip(q.texts, q.tags, q.weights)):
        share = EXTRA_QUERY
        if person and _is_patronymic(q, i):
            share = EXTRA_QUERY_PATRONYMIC
        elif not person and tag == LOCATION and i == first:
            share = EXTRA_RESULT_LOCATION
        elif not person and tag == GENERIC and text not in words.org_words and has_han(q.tokens[i].source):
            share = EXTRA_QUERY_HAN_DESCRIPTOR
        out.append(w * share)
    return tuple(out)


def _generation(form: Form, k: int) -> bool:
    """True for a generation word read as a number ("Jr", "Senior")."""
    return form.tags[k] == NUMBER and form.tokens[k].note.startswith("generation")


def _first_word(form: Form) -> int:
    """Index of the first token that is not a stop word."""
    for k, tag in enumerate(form.tags):
        if tag != STOP:
            return k
    return 0


def align(q: Form, c: Form) -> Alignment:
    """Greedy best-first one-to-one alignment of query and list tokens.

    Candidates are token pairs plus "joined" pairs where one token equals two
    adjacent tokens of the other side. The score is the weighted mean of link
    similarities, where unmatched tokens count with their (reduced) weights.
    """
    cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]] = []
    nq, nc = len(q.texts), len(c.texts)
    words = tables()
    person = is_person_pair(q, c)
    pinyin = person and _pinyin_name(q) and _pinyin_name(c)
    for i in range(nq):
        for j in range(nc):
            s, how = _pair_sim(q, c, i, j, person, pinyin)
            if s > 0:
                cands.append((s, (i,), (j,), how))
    # joined pairs: "haiguang" vs "hai guang", "jscargument" vs "jsc argument"
    if nq and nc:
        _joined_candidates(q, c, cands)
    cands.sort(key=lambda x: (-x[0], len(x[1]) + len(x[2])))
    used_q: set[int] = set()
    used_c: set[int] = set()
    links: list[Link] = []
    for s, qi, ci, how in cands:
        if used_q.intersection(qi) or used_c.intersection(ci):
            continue
        used_q.update(qi)
        used_c.update(ci)
        links.append(Link(qi, ci, s, how))
    num = 0.0
    den = 0.0
    agree = False
    for link in links:
        wq = sum(q.weights[i] for i in link.qi)
        wc = sum(c.weights[j] for j in link.ci)
        w = (wq + wc) / 2
        if link.how == "initial":  # "J" for "John": the full name's weight, weak credit
            w = max(wq, wc)
        num += w * link.sim
        den += w
        if link.sim >= DISTINCTIVE_AGREE and any(c.tags[j] == DISTINCTIVE for j in link.ci) and any(
            q.tags[i] in (DISTINCTIVE, GENERIC) for i in link.qi
        ):
            agree = True
    q_un = tuple(i for i in range(nq) if i not in used_q)
    c_un = tuple(j for j in range(nc) if j not in used_c)
    for i in q_un:
        if _generation(q, i):
            continue  # "Jr" left out by the other name costs nothing (number_missing says it)
        floor = TAG_WEIGHTS[q.tags[i]] * UNMATCHED_FLOOR
        if person:
            share = EXTRA_QUERY_PATRONYMIC if _is_patronymic(q, i) else EXTRA_QUERY
            if q.tags[i] == DISTINCTIVE:
                floor = PERSON_QUERY_EXTRA_MIN  # an extra name part counts, however common ("Li")
        elif q.tags[i] == LOCATION and i == _first_word(q) and q.schema == COMPANY:
            share = EXTRA_RESULT_LOCATION  # "浙江 大华": the place a company is registered in
        else:
            share = EXTRA_QUERY
            if q.tags[i] == GENERIC and q.texts[i] not in words.filler_words:
                if not has_han(q.tokens[i].source):
                    floor = QUERY_DESCRIPTOR_MIN  # "Aeronautics" in "Lockheed Martin Aeronautics"
                elif q.texts[i] not in words.org_words:
                    # Chinese registered names carry their line of business (集成电路制造);
                    # English names drop it freely. Holding (控股) or a branch still counts.
                    share = EXTRA_QUERY_HAN_DESCRIPTOR
        den += max(q.weights[i], floor) * share
    for j in c_un:
        if _generation(c, j):
            continue
        if c.tags[j] == LOCATION:
            # leading ("Hangzhou" Hikvision) or "of Russia": part of the name; a
            # trailing place ("TechInsights Korea") names a subsidiary
            cheap = person or j == _first_word(c) or (j > 0 and c.texts[j - 1] == "of")
            share = EXTRA_RESULT_LOCATION if cheap else EXTRA_RESULT_COMPANY
        elif not person:
            share = EXTRA_RESULT_FILLER if c.texts[j] in words.filler_words else EXTRA_RESULT_COMPANY
        elif c.tags[j] == STOP:
            continue  # "bin", "al", "van" left out of a person's name cost nothing
        elif _is_patronymic(c, j):
            share = EXTRA_RESULT_PATRONYMIC
        elif 0 < j < nc - 1 and not c.family[j] and not pinyin:
            share = EXTRA_RESULT_MIDDLE  # not in Chinese names: "Wen" is not "Wen Chou"
        else:
            share = EXTRA_RESULT_PERSON
        den += max(c.weights[j], TAG_WEIGHTS[c.tags[j]] * UNMATCHED_FLOOR) * share
    score = num / den if den > 0 else 0.0
    return Alignment(links, score, q_un, c_un, agree)


def _joined_candidates(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]]) -> None:
    """Add links where one token equals two or three adjacent tokens of the other side
    ("haiguang" / "hai guang", "vanderbilt" / "van der bilt")."""
    _join_side(q.texts, c.texts, cands, flip=False)
    _join_side(c.texts, q.texts, cands, flip=True)
    # a token that swallowed the other side's legal form: "jscargument" = "jsc" + "argument"
    _swallowed_legal(q.texts, c.texts, c.legal, cands, flip=False)
    _swallowed_legal(c.texts, q.texts, q.legal, cands, flip=True)


def _join_side(single: tuple[str, ...], several: tuple[str, ...], cands: list, flip: bool) -> None:
    """Links of one ``single`` token to a window of ``several`` (sides swapped when ``flip``)."""
    n = len(several)
    if n < 2:
        return
    firsts = {a[0] for a in single if len(a) >= 4}
    if not firsts:
        return
    for size in (2, 3):
        for j in range(n - size + 1):
            if several[j][0] not in firsts:
                continue
            window = several[j : j + size]
            if size == 3 and min(len(w) for w in window) > JOIN_TRIPLE_SHORT:
                continue
            joined = "".join(window)
            span = tuple(range(j, j + size))
            for i, a in enumerate(single):
                if len(a) >= 4 and a[0] == joined[0] and abs(len(a) - len(joined)) <= len(joined) // 5 + 1:
                    s = 1.0 if a == joined else Indel.normalized_similarity(a, joined)
                    if s >= 0.9:
                        cands.append((s, span, (i,), "joined") if flip else (s, (i,), span, "joined"))


def _swallowed_legal(mine: tuple[str, ...], other: tuple[str, ...], legal: tuple[str, ...], cands: list, flip: bool) -> None:
    """Links where a token of ``mine`` is a token of ``other`` plus ``other``'s legal form."""
    if not legal:
        return
    forms = {form.replace(" ", "").lower() for form in legal}
    for i, a in enumerate(mine):
        for j, b in enumerate(other):
            if len(a) > len(b) >= 3 and (a.endswith(b) or a.startswith(b)):
                rest = a[: len(a) - len(b)] if a.endswith(b) else a[len(b) :]
                if rest in forms:
                    cands.append((1.0, (j,), (i,), "joined") if flip else (1.0, (i,), (j,), "joined"))


@dataclass(slots=True)
class Pair:
    """A query form against a list form, plus the context the qualifiers read."""

    query: Form
    result: Form
    query_country: str | None = None
    entry_countries: tuple[str, ...] = ()
    query_schema: str | None = None  # as given by the caller (not inferred)
    entry_type: str | None = None
    _alignment: Alignment | None = None

    def __post_init__(self) -> None:
        # Names with several readings (工业: industry | polytechnical) take the
        # reading the other side uses: query first, then the list name.
        if self.query.choices:
            self.query = tailor(self.query, self.result)
        if self.result.choices:
            self.result = tailor(self.result, self.query)

    @property
    def alignment(self) -> Alignment:
        """The token alignment, computed once."""
        if self._alignment is None:
            self._alignment = align(self.query, self.result)
        return self._alignment


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
        return 0.0
    al = pair.alignment
    if any(q.tags[i] in (LOCATION, NUMBER) for i in al.q_unmatched) or any(
        c.tags[j] in (LOCATION, NUMBER) for j in al.c_unmatched
    ):
        return 0.0  # a place or number only one name has is a qualifier, not a shifted boundary
    q_left = "".join(q.texts[i] for i in al.q_unmatched if q.tags[i] != STOP)
    c_left = "".join(c.texts[j] for j in al.c_unmatched if c.tags[j] != STOP)
    if q_left and c_left and Indel.normalized_similarity(q_left, c_left) < COMPACT_LEFTOVER_MIN:
        return 0.0  # the words left over differ ("Meili" / "Xinghe"): not one name split otherwise
    if len(q.texts) == len(c.texts):
        # Same word count: only a shifted word boundary ("Arefullaha Ref" /
        # "Arefullah Aref"); same word lengths mean no shift, the words decide.
        if [len(x) for x in q.texts] == [len(x) for x in c.texts]:
            return 0.0
        s = OSA.normalized_similarity(q.compact, c.compact)
        return s if s >= COMPACT_SAME_COUNT_FLOOR else 0.0
    s = max(
        Indel.normalized_similarity(q.compact, c.compact),
        Indel.normalized_similarity(q.compact_sorted, c.compact_sorted),
    )
    return s if s >= COMPACT_FLOOR else 0.0


def consonant_skeleton(pair: Pair) -> float:
    """Agreement of consonant skeletons, for names written in Arabic, Hebrew or Thai.

    Those scripts omit most vowels, so "محمد علي" (mHmd `ly) meets
    "Mohamed Ali" only once both are reduced to consonants.
    """
    q, c = pair.query, pair.result
    if q.script not in ABJAD_SCRIPTS and c.script not in ABJAD_SCRIPTS:
        return 0.0
    min_len = CONSONANT_MIN_LEN - 1 if len(q.texts) == len(c.texts) == 1 else CONSONANT_MIN_LEN
    if len(q.consonants) < min_len or len(c.consonants) < min_len:
        return 0.0
    if abs(len(q.texts) - len(c.texts)) > 1:
        return 0.0
    if q.consonants == c.consonants:
        return 1.0
    if len(q.texts) != len(c.texts):
        return 0.0  # "Kiana Saremi" (knsrm) is not KUNASHIR (knsr): near skeletons need the same word count
    s = Indel.normalized_similarity(q.consonants, c.consonants)
    return s if s >= CONSONANT_FLOOR else 0.0


def full_name_edits(pair: Pair) -> float:
    """A personal name one or two letters away from the listed full name.

    "Dmitri Kuznetzov" / "Dmitry Kuznetsov", "Ebrahim Raisi" / "Ibrahim
    Raeesi": spellings of one name differ by a letter or two. The names must
    have the same parts; each part is paired with its nearest counterpart (as
    written or by romanisation skeleton), a part of fewer than 8 letters may
    differ by one edit, a longer one by two. 0.84 for one edit in all, 0.78
    for two (names of 11 letters or more). Romanised Chinese or Korean
    syllables (Wang Lei / Wang Li), short parts (Il / Ik) and gendered forms
    (Ivanov / Ivanova) are different names, not edits.
    """
    q, c = pair.query, pair.result
    if not is_person_pair(q, c) or any(q.strict) or any(c.strict) or len(q.texts) != len(c.texts):
        return 0.0
    if q.numbers != c.numbers or any(lk.how == "gendered" for lk in pair.alignment.links):
        return 0.0
    if _pinyin_name(q) and _pinyin_name(c):
        return 0.0  # Liu Yang / Liu Ying: one letter is another syllable
    shortest = min(len(q.compact), len(c.compact))
    allowed = 2 if shortest >= EDITS_TWO_MIN_LEN else 1 if shortest >= EDITS_ONE_MIN_LEN else 0
    total = 0
    free = list(range(len(c.texts)))
    for i, (a, sa) in enumerate(zip(q.texts, q.skels)):
        if q.tags[i] in (INITIAL, NUMBER):
            return 0.0
        cost, j = min((min(Levenshtein.distance(a, c.texts[j]), Levenshtein.distance(sa, c.skels[j])), j) for j in free)
        b = c.texts[j]
        if cost and _plural_of(a, b):
            return 0.0  # Ocean Star / Ocean Stars: another name, not a typo
        if cost and (min(len(a), len(b)) <= SHORT_TOKEN or cost > (2 if len(a) >= EDITS_LONG_WORD else 1)):
            return 0.0
        if abs(len(a) - len(b)) >= 2 and (a.startswith(b) or b.startswith(a)):
            return 0.0  # Richards / Richardson: a name extended by a suffix is another name
        total += cost
        free.remove(j)
    if total > allowed:
        return 0.0
    return (1.0, ONE_EDIT_SIM, TWO_EDITS_SIM)[total]


def brand_only(pair: Pair) -> float:
    """An organisation named by its brand alone: "Hikvision" for "Hangzhou
    Hikvision Digital Technology Co., Ltd.", "Suzhou Singleton" for "Singleton
    (Suzhou) Electronics Technology".

    The query is one distinctive word (plus places), spelled as listed, and
    what the listed name adds is only business words, the place it leads with
    and its legal form. A second distinctive word, a number, a trailing place
    or a branch word on the list side names another unit ("Hikvision Ezviz",
    "CETC 13", "TechInsights Korea").
    """
    q, c = pair.query, pair.result
    if c.schema != COMPANY or is_person_pair(q, c):
        return 0.0
    q_dist = [i for i, g in enumerate(q.tags) if g == DISTINCTIVE]
    c_dist = [j for j, g in enumerate(c.tags) if g == DISTINCTIVE]
    if len(q_dist) != 1 or len(c_dist) != 1 or any(g not in (DISTINCTIVE, LOCATION, STOP) for g in q.tags):
        return 0.0
    al = pair.alignment
    lead = _first_word(c)
    if al.q_unmatched or any(
        c.texts[j] in tables().org_words or not (c.tags[j] in (GENERIC, STOP) or (c.tags[j] == LOCATION and j == lead))
        for j in al.c_unmatched
    ):
        return 0.0  # a trailing place ("TechInsights Korea") or a branch word names another unit
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


def number_missing(pair: Pair) -> float:
    """1 when only one of the names carries a number ("Leasing 3" vs "Leasing")."""
    return 1.0 if bool(pair.query.numbers) != bool(pair.result.numbers) else 0.0


def no_distinctive_agreement(pair: Pair) -> float:
    """1 when an organisation's names share no distinctive word.

    Legal forms, generic words ("technology", "trading") and places cannot
    carry an organisation match on their own ("A-B-C Company" is not every
    company). A list name made only of generic words must then agree in full.
    """
    q, c = pair.query, pair.result
    if q.schema == PERSON or c.schema == PERSON:
        return 0.0
    if c.schema is None and q.schema is None:
        return 0.0  # unknown kinds on both sides (vessels, bare names)
    al = pair.alignment
    if al.distinctive_agree or _brand_agrees(q, al) or _brand_agrees(c, al, result=True):
        return 0.0
    if DISTINCTIVE in c.tags:
        return 1.0
    # A list name made only of generic words, places and numbers ("China
    # Electronics Technology Group Corporation 13th Research Institute"): every
    # query word must be found, and what the query leaves out may only be generic.
    q_left = [i for i in al.q_unmatched if q.tags[i] != STOP]
    c_left = [j for j in al.c_unmatched if c.tags[j] != STOP]
    if not al.links or q_left:
        return 1.0
    if not c_left:
        return 0.0
    # Leaving out generic words is only fine when a number pins the unit down
    # ("Beijing Technology" is not "Beijing Aerospace Technology").
    numbered = any(lk.how == "number" for lk in al.links)
    if numbered and all(c.tags[j] in (GENERIC, LOCATION) for j in c_left):
        return 0.0
    return 1.0


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
    qp = [q.texts[i] for i in al.q_unmatched if _is_patronymic(q, i) and q.tags[i] == DISTINCTIVE]
    cp = [c.texts[j] for j in al.c_unmatched if _is_patronymic(c, j) and c.tags[j] == DISTINCTIVE]
    if not qp or not cp or not is_person_pair(q, c):
        return 0.0
    # Russian / Belarusian forms of one patronymic (Grigorevich / Ryhorovich) differ in spelling only
    if any(_same_name_stem(_patronymic_stem(a), _patronymic_stem(b)) for a in qp for b in cp):
        return 0.0
    return 1.0


def _patronymic_stem(word: str) -> str:
    """The father's name in a patronymic: "grigorevich" -> "grigor", "ryhorovich" -> "ryhor"."""
    for ending in sorted(PATRONYMIC_ENDINGS, key=len, reverse=True):
        if word.endswith(ending):
            return word[: len(word) - len(ending)]
    return word


def _same_name_stem(a: str, b: str) -> bool:
    """True when two name stems start names of one nickname group (grigor / ryhor)."""
    if a == b:
        return True
    if len(a) < 3 or len(b) < 3:
        return False
    for group in tables().nickname_groups:
        if any(n.startswith(a) for n in group) and any(n.startswith(b) for n in group):
            return True
    return False


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


def plural_differs(pair: Pair) -> float:
    """1 when a distinctive word is singular in one name and plural in the other.

    "Ocean Stars" is not the vessel "Ocean Star", nor "Sea Lions" "Sea Lion":
    in a name, the plural is another word. People are exempt (Roberts / Robert
    is judged as a name).
    """
    q, c = pair.query, pair.result
    if q.schema == PERSON or c.schema == PERSON:
        return 0.0
    # a common word's plural ("Engines" for 发动机) is that word, except in an unnumbered
    # name of common words only ("Ocean Star", "Golden Wave"), where those words are the name
    common_only = not (q.numbers or c.numbers) and all(
        g != DISTINCTIVE or _common(t) for t, g in zip(q.texts + c.texts, q.tags + c.tags)
    )
    for link in pair.alignment.links:
        if len(link.qi) == 1 and len(link.ci) == 1 and link.how != "equal":
            a, b = q.texts[link.qi[0]], c.texts[link.ci[0]]
            if not _plural_of(a, b):
                continue
            i, j = link.qi[0], link.ci[0]
            common = (q.tags[i] != DISTINCTIVE or _common(a), c.tags[j] != DISTINCTIVE or _common(b))
            if common == (False, False) or (common == (True, True) and common_only):
                return 1.0
    return 0.0


def _plural_of(a: str, b: str) -> bool:
    """True when one word is the other plus a plural ending (star / stars, box / boxes)."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 3 and long_ in (short + "s", short + "es")


def _common(text: str) -> bool:
    """A common word, not a name word: a generic word, place, or a generic word's plural."""
    t = tables()
    if text in t.generic or text in t.org_class or text in t.locations:
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


def _homophone(token) -> bool:
    """A pinyin token whose sound is a listed brand's, from other characters."""
    if not token.note.startswith("pinyin of"):
        return False
    writings = tables().brand_sounds.get(token.text)
    return bool(writings) and token.source not in writings


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
    """
    q, c = pair.query, pair.result
    if not any(q.family) or not any(c.family):
        return 0.0
    for link in pair.alignment.links:
        if link.sim >= DISTINCTIVE_AGREE and any(q.family[i] for i in link.qi) and any(c.family[j] for j in link.ci):
            return 0.0
    return 1.0


def weak_alias(pair: Pair) -> float:
    """1 when the best list name is a weak alias (a.k.a. the list itself calls weak)."""
    return 1.0 if pair.result.kind == "weak" else 0.0
