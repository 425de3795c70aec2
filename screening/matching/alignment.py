"""Word alignment: which words of a query meet which words of a listed name.

Lessons from the prior art built in here:

* tokens are aligned as a bag, so word order never matters
  ("HAIGE GUANGZHOU" = "GUANGZHOU HAIGE") and given/family order is free;
* a token may meet two or three adjacent tokens of the other side
  ("JSCARGUMENT" = "JSC ARGUMENT", "Haiguang" = "Hai Guang", "VanDerBilt");
* short tokens need (nearly) exact agreement; Jon/John and Ann/Anne meet
  through their sound, Maria/Mario do not;
* legal forms and stop words are never compared; generic words weigh little.

:class:`Pair` holds a query form and a list form and computes their
:class:`Alignment` once; the features (:mod:`screening.matching.features`) read it.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from screening.matching import cut_short, korean, translation
from screening.matching.arabic_compounds import COMPOUND_SIM, compounds_alike
from screening.matching.choices import tailor
from screening.matching.forms import (
    ACRONYM_MAX_LEN,
    ACRONYM_MIN_LEN,
    ACRONYM_MIN_WORDS,
    JOIN_TRIPLE_SHORT,
    SYLLABIC,
    TAG_WEIGHTS,
    Form,
    family_in_capitals,
    spells_initials,
    written_as_acronym,
)
from screening.matching.names import (
    COMPANY, DISTINCTIVE, GENERIC, INITIAL, LOCATION, NUMBER, PERSON, STOP, TOWN_WORDS_MAX, address_places, may_write_place,
)
from screening.matching.names_latin import IMENI, honoree_initials
from screening.matching.normalize import has_han, skeleton
from screening.matching.pinyin import MAX_SYLLABLES, is_pinyin_word, syllable_count
from screening.matching.resources import (
    business_synonyms, business_word, in_one_group, on_change, remember, tables,
)
from screening.matching.russian import cognate, cognate_apart, russian_word
from screening.matching.abjad import latin_agrees, may_join, word_verdict
from screening.matching.strings import (
    PHONETIC_SIM,
    arabic_aa_apart,
    arabic_spelling,
    SKELETON_SIM,
    STEM_SIM,
    SLAVIC_SIM,
    VOWEL_SIM,
    VOWEL_SPELLING_SIM,
    contrasting,
    initial_glide,
    person_sim,
    plural_of,
    same_stem,
    token_match,
    slavic_spelling,
    thai_spelling,
    persian_spelling,
    transliteration_edits,
    vowel_respelling,
    vowel_spelling,
    western_readings,
    long_vowel_spelling,
)
from screening.matching.vietnamese import other_syllable, vietnamese_name

#: Links made by a spelling rule stricter than ``strings.spelling_variant``: vowels a
#: romanisation writes either way, East Slavic forms (``Link.how``).
RULED_SPELLINGS = ("vowels", "east slavic")
#: How two words met when they are one word spelled otherwise (``Link.how``).
SPELLINGS = ("variant",) + RULED_SPELLINGS
#: A family name in the genitive after imeni in a company's name and the same
#: name in the nominative (imeni Lavochkina / Lavochkin): one name in two cases.
GENITIVE_SIM = 0.9
#: Credit of a person's initial against a name starting with that letter.
INITIAL_SIM = 0.8
#: Credit of a listed initial against a full name in the query.
INITIAL_LIST_SIM = 0.6
#: An organisation's distinctive word spelled with one transliteration edit
#: (Okeanpribor / Oceanpribor), in words of at least SOUND_VARIANT_MIN_LEN letters.
SOUND_VARIANT_SIM = 0.9
SOUND_VARIANT_MIN_LEN = 6
#: Similarity of an organisation's word spelled with other inner vowels (:func:`strings.vowel_respelling`):
#: review strength alone, a match with another word that agrees ("Kataib Hezbollah"), since
#: English words differ so too (Monetary / Monitory, Petersen / Paterson: helper-47's review).
#: The word still agrees as a name's distinctive word (``how`` "respelled").
VOWEL_RESPELLING_SIM = 0.8
#: Given names of one nickname group (Mike / Michael, Sasha / Aleksandr).
NICKNAME_SIM = 0.9
#: Two romanisations of one Korean family name (ko_names.yaml surnames).
KOREAN_SURNAME_SIM = 0.95
#: Two spellings of one syllable of a Korean given name (Jong Eun / Jong Un).
KOREAN_GIVEN_SIM = 0.9
#: Fewest parts of a Korean name written syllable by syllable (Kim Jong Un).
KOREAN_NAME_PARTS = 3
#: Two spellings of one Chinese place or brand (zh_terms / zh_brands readings).
EQUIVALENT_SIM = 0.9
#: Links that translate a word rather than spell it (``Link.how``): from the characters
#: themselves (黑熊 / Black Bear), by pinyin initials (TG / Tiangong), or guessed from
#: pinyin, whose syllables many characters share (Xingtu / Starmap).
TRANSLATIONS = ("translated", "initials", "translated pinyin")
#: Links below DISTINCTIVE_AGREE that still make the name's word agree.
_AGREES_BELOW_CREDIT = ("respelled", "acronym") + TRANSLATIONS
#: Most a name scores when its only agreeing word is translated (review, not a match):
#: 黑石 is Black Rock, and BlackRock another firm (helper-49's review).
TRANSLATION_ONLY_MAX = 0.8
#: A romanised Russian word and the English word of its root in an organisation's
#: name (NAVIGATSIONNYKH / Navigation, NOVOSIBIRSKOE / Novosibirsk, MOSKOVSKII /
#: Moscow): ``russian.cognate``.
COGNATE_SIM = 0.9
#: Unmatched list-side patronymics (Vladimirovich, "bin Awad") and middle
#: names cost this share of their weight: queries mostly leave them out.
EXTRA_RESULT_PATRONYMIC = 0.1
#: A patronymic in the query that the listed name lacks costs this share.
EXTRA_QUERY_PATRONYMIC = 0.3
EXTRA_RESULT_MIDDLE = 0.2
#: A middle name only the query has ("Fadi Wadie Sader" for the listed "Fadi
#: Sader"): lists often record the short form, so it costs this share.
EXTRA_QUERY_MIDDLE = 0.35
#: Share of its weight an unmatched query token costs.
EXTRA_QUERY = 1.0
#: Share of its weight an unmatched list-name token costs (middle names,
#: place prefixes and business words are often dropped by whoever types a query).
EXTRA_RESULT_PERSON = 0.45
EXTRA_RESULT_COMPANY = 0.6
#: Unmatched filler words, on either side ("Group" in "Haige Communication Group Co.").
EXTRA_FILLER = 0.3
#: Unmatched list-side business words when the query is the listed name's
#: distinctive part with some of its business words: whoever types a company's
#: name drops its line of business ("Power Control") freely.
EXTRA_RESULT_DESCRIPTOR = 0.35
#: Unmatched places cost even less when they lead an organisation's name
#: ("Hangzhou" Hikvision, "浙江" 大华: where it is registered); a place later in
#: the name ("Huawei Technologies (Thailand)") names a subsidiary and costs in full.
EXTRA_RESULT_LOCATION = 0.35
#: A place a firm's name writes after its legal form and a comma, which the other name
#: leaves out ("Rosoboronexport JSC, Moscow"): its address, which lists do not write.
EXTRA_ADDRESS_PLACE = 0.2
#: A business word only the query has ("Lockheed Martin Aeronautics") weighs at
#: least this much: the query may name a division or subsidiary.
QUERY_DESCRIPTOR_MIN = 0.4
#: Together the business words a query adds to the whole listed name cost no more than
#: this share of the listed words' weight (or one word's cost, if more): however many
#: there are, the listed firm or its division is worth a look ("Aluminat Production and
#: Industrial Company" for "Aluminat": 0.70, review, not 0.53). The cap never raises a
#: score past review: a long listed name with the words added stays as it was
#: (IRGC Cooperative Foundation, 0.83; helper-51's review of a fixed cap).
QUERY_DESCRIPTORS_SHARE = 0.42
#: Share of its weight a business word read from Chinese costs when the listed name lacks it.
EXTRA_QUERY_HAN_DESCRIPTOR = 0.35
#: Unmatched tokens weigh at least this share of their tag weight, however
#: common they are on the lists ("Sa" unmatched still says "not the same name").
UNMATCHED_FLOOR = 0.7
#: A distinctive pair must reach this credit to count as "distinctive agreement".
DISTINCTIVE_AGREE = 0.85
#: A name part only the query has weighs at least this much, however common.
PERSON_QUERY_EXTRA_MIN = 0.9
#: Endings of East Slavic patronymics (Vladimirovich, Petrovna, Ryhorovich).
PATRONYMIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ich", "ichna")
#: A daughter's patronymic endings (Ivanovna is not Ivanovich).
_DAUGHTERS = ("ovna", "evna", "ivna", "ichna")

_NO_GROUPS: frozenset[int] = frozenset()


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
    #: the score had the listed later family names left out cost as name parts, when
    #: the alignment let them off (:func:`_later_family_name`); None otherwise
    undiscounted: float | None = None


def _nickname(a: str, b: str, skel_a: str, skel_b: str) -> bool:
    """True when two given names are in one nickname group (Mike / Michael)."""
    nick = tables().nicknames
    ga = nick.get(a, _NO_GROUPS) | nick.get(skel_a, _NO_GROUPS)
    if not ga:
        return False
    return bool(ga & (nick.get(b, _NO_GROUPS) | nick.get(skel_b, _NO_GROUPS)))


def _western_reading(a: str, b: str, skel_b: str) -> float:
    """The credit of ``a``, a Russian name part as German or French write it, read as ``b``
    the English way (:func:`~screening.matching.strings.western_readings`): the skeleton
    credit letter for letter or by skeleton (Prigojine / Prigozhin, Evgueni / Yevgeniy),
    the East Slavic one as another East Slavic form; 0 otherwise."""
    best = 0.0
    for r in western_readings(a):
        if r == b or skeleton(r) == skel_b:
            return SKELETON_SIM
        if slavic_spelling(r, b):
            best = SLAVIC_SIM
    return best


def _korean_surname(a: str, b: str) -> bool:
    """True for two romanisations of one Korean family name (Pak / Park, Cho / Jo, Ri / Lee)."""
    return in_one_group(tables().ko_surname_of, a, b)


def _korean_surnames_apart(a: str, b: str) -> bool:
    """True for romanisations of two Korean family names (Pak 박 / Paek 백, Kang 강 / Kwang 광)."""
    of = tables().ko_surname_of
    return a in of and b in of and not in_one_group(of, a, b)


def korean_name(form: Form) -> bool:
    """A Korean personal name written one syllable a word (:func:`korean.latin_syllable`),
    in three words or more, opening or ending with a Korean family name: "Kim Jong Un";
    not "Tom Kim", an English name beside a Korean family name (helper-48)."""
    of = tables().ko_surname_of
    if not (form.texts and (form.texts[0] in of or form.texts[-1] in of)):
        return False  # most names: no Korean family name at either end
    # the family name as listed, though no syllable spells it so (Park, Rhee: 박, 이)
    last = len(form.texts) - 1
    return len(form.texts) >= KOREAN_NAME_PARTS and all(
        korean.latin_syllable(t) or (k in (0, last) and t in of) for k, t in enumerate(form.texts))


def korean_vessel(form: Form) -> bool:
    """A vessel's name written as Korean syllables, one a word, in two words or more:
    "JANG KYONG", "RAK RANG 2" (North Korean hulls, which the UN and OFAC lists and
    shipping records write in RR, McCune-Reischauer or the DPRK's own spelling)."""
    words = [t for t, g in zip(form.texts, form.tags) if g != NUMBER]
    return form.vessel and len(words) >= 2 and all(korean.latin_syllable(t) for t in words)


def korean_vessels(q: Form, c: Form) -> bool:
    """Two vessels' names both in Korean syllables (:func:`korean_vessel`), one of them with
    a word no pinyin syllable nor English word spells (JANG, KYONG, RAK, PAEK, SAM): most
    pinyin and many English words read as Korean syllables too, and DONG HAI / TONG HAI
    (东海, 通海) or TOP SUN / TOP SON are two ships (helper-77's review)."""
    if not (korean_vessel(q) and korean_vessel(c)):
        return False
    from screening.matching.affiliates import dictionary_words  # the affiliate rules build on this module

    english = dictionary_words()
    return any(not is_pinyin_word(t) and t not in english
               for f in (q, c) for t, g in zip(f.texts, f.tags) if g != NUMBER)


def _korean_given(q: Form, c: Form, i: int, j: int) -> bool:
    """Words ``i`` and ``j`` of two Korean names (:func:`korean_name`), both written in
    Latin letters, spell one syllable (:func:`korean.same_syllable`: Eun / Un, Seong / Sung)."""
    return (q.tokens[i].source.isascii() and c.tokens[j].source.isascii()
            and korean.same_syllable(q.texts[i], c.texts[j]))


def _iotated_initial(a: str, b: str, query_initial: bool) -> bool:
    """An initial E for a name romanised with Ye (Е, written E as often): "E. V.
    Prigozhin" for "Yevgeniy Viktorovich PRIGOZHIN" (helper-50's set). Not A for Ya
    nor U for Yu: Я and Ю are not written so."""
    initial, name = (a, b) if query_initial else (b, a)
    return initial == "e" and name.startswith("ye") and len(name) > 2


def _airline_end(form: Form, k: int, word: str) -> bool:
    """``word``, the ``k``-th of ``form``, is an airline word (Air, Airlines) ending the name."""
    return k == len(form.texts) - 1 and word in tables().airline_words  # the cheap test first: a hot path


def _equivalent(a: str, b: str) -> bool:
    """True for two spellings of one Chinese place or brand (Kashgar / Kashi, Sugon / Dawning)."""
    return in_one_group(tables().equivalents, a, b)


def _vessel_title(a: str, b: str) -> bool:
    """True for a title in a vessel's name and its abbreviation (``vessel_titles``:
    saint / st, captain / capt)."""
    return in_one_group(tables().vessel_titles, a, b)


def _equal_link(tag: str) -> tuple[float, str]:
    """The similarity of a word and the same word, a number or not."""
    return (1.0, "number") if tag == NUMBER else (1.0, "equal")


#: :func:`_pair_sim`'s ``in_russian`` for pairs with no Russian word.
NOT_IN_RUSSIAN = (False, False)


def _pair_sim(q: Form, c: Form, i: int, j: int, person: bool, pinyin: bool, slavic: bool = False,
              russian: bool = False, company: bool = False, arabic: int = 0, vietnamese: bool = False,
              korean_names: bool = False, spelled: int = 0,
              in_russian: tuple[bool, bool] = NOT_IN_RUSSIAN) -> tuple[float, str]:
    """Similarity of query token ``i`` and list token ``j``, with how it was found.

    ``person``: a personal-name pair (nicknames, stricter fuzzy credit);
    ``pinyin``: both names are romanised Chinese names (exact syllables only);
    ``slavic``: a personal name of East Slavic form is on one side (:func:`slavic_name`);
    ``russian``: an organisation name with a romanised Russian word is on one side;
    ``company``: :func:`company_pair` (a singular meets its plural);
    ``arabic``: 1 when the query is in Arabic script and the list name in Latin
    letters, -1 the other way round, 0 otherwise;
    ``vietnamese``, ``korean_names``: both names are Vietnamese (:func:`vietnamese_name`)
    or Korean names written in syllables (:func:`korean_name`);
    ``spelled``: the spellings a personal name's words may meet by (:func:`name_spellings`:
    :data:`ARABIC_NAMES`, :data:`THAI_NAMES`), judged once for the pair;
    ``in_russian``: the query's and the list name's words are read from a table
    (:func:`_read_from_table`), judged once for the pair.
    """
    tq, tc = q.tags[i], c.tags[j]
    a, b = q.texts[i], c.texts[j]
    if a == b and (not arabic or tq == NUMBER or business_word(a)):
        # an Arabic-script word is read off its letters below, unless it is a business
        # word's English reading (للتجارة: trading, ar_org_terms.yaml)
        return _equal_link(tq)
    if arabic and tq == STOP:
        return 0.0, ""  # the article goes with its word (عبد العزيز ال..., "Abdulaziz Al ...")
    if contrasting(a, b):
        return 0.0, ""  # Microtek / Macrotek: no spelling rule below makes them one word
    if tq == NUMBER or tc == NUMBER:
        return 0.0, ""
    if arabic and tq != INITIAL and tc != INITIAL:
        verdict = word_verdict(a, b) if arabic > 0 else word_verdict(b, a)
        if verdict is not None:  # محمد / Mohamed: the Latin word can be read off the letters, or not
            return (ARABIC_SIM, "arabic") if verdict else (0.0, "")
    if tq == INITIAL or tc == INITIAL:
        if a[0] != b[0] and not _iotated_initial(a, b, tq == INITIAL):
            return 0.0, ""
        # "J. D. Taiclet" for "James Donald Taiclet": the user abbreviated a listed
        # name. A listed "HEIDI A" says little about the query's "Aune".
        return (INITIAL_SIM if tq == INITIAL else INITIAL_LIST_SIM), "initial"
    if person and q.tokens[i].source.isascii() and c.tokens[j].source.isascii() and _korean_surname(a, b):
        # both written in Latin letters: a name read from Hangul knows its syllable (윤 is not Yon)
        return KOREAN_SURNAME_SIM, "korean surname"
    if korean_names and _korean_surnames_apart(a, b):
        return 0.0, ""  # Pak / Paek: 박 and 백, two family names, not one misspelt (fresh18's dev half)
    if q.strict[i] or c.strict[j] or pinyin:
        return 0.0, ""  # pinyin syllables: 宁 ning is not 英 ying, Lei is not Li
    s, how = token_match(a, b, q.skels[i], c.skels[j])
    if vietnamese and s and other_syllable(a, b):
        return 0.0, ""  # Nguyen Van Manh / Minh: another syllable, another name
    if korean_names and s < KOREAN_GIVEN_SIM and _korean_given(q, c, i, j):
        return KOREAN_GIVEN_SIM, "variant"  # Kim Jong Eun / KIM, Jong Un: 은 in RR and McCune-Reischauer
    if how == "gendered" and not person and _genitive_after_imeni(q, c, i, j):
        s, how = GENITIVE_SIM, "variant"  # "NPO imeni A.G. Orlova" / "A.G. Orlov NPO"
    if person:
        if how == "variant" and slavic and _hushing_apart(q.skels[i], c.skels[j]):
            s, how = Levenshtein.normalized_similarity(q.skels[i], c.skels[j]), "fuzzy"
        elif how == "variant" and arabic_aa_apart(a, b):
            s, how = Levenshtein.normalized_similarity(a, b), "fuzzy"  # Raad / Raed: two given names
        s = person_sim(a, b, s, how)
        if s < PHONETIC_SIM and initial_glide(a, b, q.skels[i], c.skels[j], slavic):
            return PHONETIC_SIM, "variant"  # Jan / Yan, Jelena / Yelena
        if s < VOWEL_SPELLING_SIM and how != "gendered" and vowel_spelling(a, b):
            return VOWEL_SPELLING_SIM, "vowels"  # Shokry / Shukri
        if s < COMPOUND_SIM and a[0] == b[0] and compounds_alike(a, b):
            return COMPOUND_SIM, "vowels"  # Abdulkadir / Abdelkader: one compound, two romanisations
        if s < PHONETIC_SIM and ("q" in a) != ("q" in b) and persian_spelling(a, b) and persian_person(q, c):
            return PHONETIC_SIM, "variant"  # Haqshenas / Haghshenas in an Iranian name
        if spelled and s < VOWEL_SPELLING_SIM and (
                (spelled & ARABIC_NAMES and arabic_spelling(a, b)) or (spelled & THAI_NAMES and thai_spelling(a, b))):
            # Tarek / Tariq, Chraibi / Shraybi: French and English; Prasert / Prasoet: a
            # Thai name's own spelling and the RTGS
            return VOWEL_SPELLING_SIM, "vowels"
        if s < SLAVIC_SIM and slavic and how != "gendered" and slavic_spelling(a, b):
            return SLAVIC_SIM, "east slavic"  # Belarusian / Ukrainian / Russian: Halavanau / Golovanov
        if s < SKELETON_SIM and slavic:
            western = max(_western_reading(a, b, c.skels[j]), _western_reading(b, a, q.skels[i]))
            if western > s:
                return western, "west european"  # Prigojine (French), Schtschukin (German): Prigozhin, Shchukin
        if s < SLAVIC_SIM and slavic and not q.family[i] and not c.family[j] and same_father(a, b):
            return SLAVIC_SIM, "east slavic"  # one father's name: Mykolaiovych / Nikolaevich (not Ivanovna)
    if s < EQUIVALENT_SIM and _airline_end(q, i, a) and _airline_end(c, j, b):
        return EQUIVALENT_SIM, "equivalent"  # Mahan Air / Mahan Airlines
    if s < EQUIVALENT_SIM and (q.vessel or c.vessel) and _vessel_title(a, b):
        return EQUIVALENT_SIM, "equivalent"  # "St. Nikolai" / SAINT NIKOLAI, in a vessel's name
    if s < NICKNAME_SIM:
        if person and _nickname(a, b, q.skels[i], c.skels[j]):
            return NICKNAME_SIM, "nickname"
        if tq in (DISTINCTIVE, LOCATION) and tc in (DISTINCTIVE, LOCATION) and _equivalent(a, b):
            return EQUIVALENT_SIM, "equivalent"
    if russian and s < COGNATE_SIM and tq != STOP and tc != STOP and cognate(
        a, b, tq == LOCATION, tc == LOCATION, _governed(q, i), _governed(c, j), in_russian[0], in_russian[1]
    ):
        return COGNATE_SIM, "cognate"  # Russian and English forms of one word: Federalnaya / Federal
    if s < DISTINCTIVE_AGREE and not person and tq == tc == DISTINCTIVE:
        if _sound_variant(a, b) or _persian_q(q, c, a, b) or _tse_spelling(a, b):
            return SOUND_VARIANT_SIM, "variant"  # Okeanpribor / Oceanpribor: one sound, two alphabets
        if spelled & ARABIC_NAMES and arabic_spelling(a, b, vessel=True):
            return VOWEL_SPELLING_SIM, "vowels"  # a hull's Arabic name: Nur Al Huda / Noor Al Hoda
        if long_vowel_spelling(a, b) and after_article(q, i) and after_article(c, j):
            return VOWEL_SIM, "vowels"  # Al Noor / Al Nour: one long vowel, written two ways
        if vowel_respelling(a, b):
            return VOWEL_RESPELLING_SIM, "respelled"  # Hezbollah / Hizballah: short vowels guessed twice
    if company and s < STEM_SIM and 0 < abs(len(a) - len(b)) <= 2 and plural_of(a, b):
        return STEM_SIM, "plural"  # a company's Shoe / Shoes; features.plural_differs judges it
    if s < STEM_SIM and business_word(a) and business_word(b):
        if same_stem(a, b):
            return STEM_SIM, "stem"  # a business word's other form: Trade / Trading
        if business_synonyms(a, b):
            return STEM_SIM, "synonym"  # Plant / Factory: one word, translated two ways
        if _research_and_production(q, c, a, b):
            return STEM_SIM, "synonym"  # nauchno-: Scientific / Research Production Association
    return s, (how if s else "")


#: Word pairs of organisation names (text and skeleton of each) no rule of
#: :func:`_pair_sim` joins whatever the names around them, or that one may
#: (:func:`_apart_in_organisations`). Bounded: cleared when full.
_APART: dict[tuple[str, str, str, str], bool] = {}
#: About 130 bytes each (2.6 MB full). Cleared when full: bench/match_speed.py's 2,000
#: queries would hold 53,000 pairs, 3 MB past the index's RSS budget of 600 MB, and
#: its p99 is no worse cleared (the pairs that recur are learned again at once).
APART_CACHE_MAX = 20_000
#: Tags whose words :func:`_pair_sim` reads by other rules (never looked up in ``_APART``,
#: nor are words read from characters, which it meets only as written).
_OWN_RULES = frozenset({INITIAL, NUMBER})


@on_change
def _forget_apart() -> None:
    """Forget the remembered word pairs (the tables they were judged by changed)."""
    _APART.clear()


def _apart_in_organisations(a: str, b: str, skel_a: str, skel_b: str) -> bool:
    """True when two different words of organisation names, neither an initial nor a
    number, score 0 in :func:`_pair_sim` whatever the names around them: no spelling,
    airline, equivalent, cognate, sound (ц as ts or c too), vowel, plural, stem or
    synonym rule joins them (a vessel's Arabic name is not asked: :func:`name_spellings`). Remembered in
    ``_APART``: the words of a long name meet the same listed words in candidate after
    candidate ("research" / "institute"), and most pairs of a search are these (the
    slowest searches spend a third of their time here)."""
    key = (a, b, skel_a, skel_b)
    known = _APART.get(key)
    if known is not None:
        return known
    words = tables()
    apart = not (
        token_match(a, b, skel_a, skel_b, remember_zero=False)[0] > 0  # a 0 is kept here only
        or (a in words.airline_words and b in words.airline_words)
        or _equivalent(a, b)
        or _vessel_title(a, b)  # a vessel's only, which _pair_sim asks
        or russian_word(a) != russian_word(b)
        or _sound_variant(a, b)
        or _tse_spelling(a, b)
        or vowel_respelling(a, b)
        or long_vowel_spelling(a, b)  # joined only after Al (_pair_sim asks where)
        or (0 < abs(len(a) - len(b)) <= 2 and plural_of(a, b))
        or (business_word(a) and business_word(b) and (
            same_stem(a, b) or business_synonyms(a, b)
            or (a in words.nauchno_words and b in words.nauchno_words)))
    )
    return remember(_APART, key, apart, APART_CACHE_MAX)


#: Similarity of an Arabic-script word and a Latin word its letters can be read as
#: (:func:`screening.matching.abjad.word_agrees`): a transliteration, short vowels unknown.
ARABIC_SIM = 0.9


def arabic_latin(q: Form, c: Form) -> int:
    """1 for an Arabic-script query against a Latin-letter name, -1 the other way round, else 0."""
    if q.script == "Arab" and c.script == "Latn":
        return 1
    if c.script == "Arab" and q.script == "Latn":
        return -1
    return 0


def company_pair(q: Form, c: Form) -> bool:
    """Both names are read as companies' and one has a legal form: no vessel (a vessel
    entry is read without a schema, and no vessel's name has a legal form)."""
    return q.schema == COMPANY and c.schema == COMPANY and bool(q.legal or c.legal)


def _read_from_table(form: Form) -> bool:
    """A word of ``form`` is read from an organisation-term table as another word
    (KABELNYY as "cable", ZAVOD as "plant"): the name is written in its own language,
    so a town's adjective in it may name a Russian city by a short stem
    (:func:`~screening.matching.russian.cognate`: Permskiy Kabelnyy Zavod / Perm Cable
    Plant, not Benderskiy Consulting / Bender Consulting: helper-89's review)."""
    return any(tok.source != tok.text and " = " in tok.note for tok in form.tokens)


def _governed(form: Form, k: int) -> bool:
    """Word ``k`` follows a word that may govern a Russian genitive plural: a business
    word (ZAVOD KOMPRESSOROV, read "plant") or an adjective in the genitive plural
    (ELEKTRONNYKH KOMPONENTOV), not a legal form nor a name (OOO MASTEROV)."""
    return k > 0 and (form.tags[k - 1] == GENERIC or form.texts[k - 1].endswith(("ykh", "ikh")))


def _research_and_production(q: Form, c: Form, a: str, b: str) -> bool:
    """Two English words for Russian nauchno- (``word_lists.yaml`` nauchno_words:
    scientific, research, science) in two names that both say "production": a
    research-and-production association, enterprise or centre (NPO, NPP, NPTs).
    Elsewhere they are two words ("Applied Scientific" is not "Applied Research")."""
    words = tables().nauchno_words
    return a in words and b in words and "production" in q.texts and "production" in c.texts


def _sound_variant(a: str, b: str) -> bool:
    """True for two spellings of one organisation's word that differ by a single
    transliteration edit (a letter of one sound class for another, a silent
    letter): Okeanpribor / Oceanpribor, Krasnoye / Krasnoe."""
    if min(len(a), len(b)) < SOUND_VARIANT_MIN_LEN or Levenshtein.distance(a, b, score_cutoff=1) > 1:
        return False
    return transliteration_edits(a, b) == (0, 1)


def _tse_spelling(a: str, b: str) -> bool:
    """Russian ц written ts in one organisation's word and c in the other (ISO 9, Polish
    and Czech write c): Uralspetsmash / Uralspecmash, Spetsstroi / Specstroi (fresh18).
    Only a ts before a consonant or last, as Russian writes ц and English words do not
    (спец: SPETSMASH): Tsarina / Carina, Watsonia / Waconia are other words (helper-87's
    review)."""
    ts = a if "ts" in a else b
    return ("ts" in a) != ("ts" in b) and min(len(a), len(b)) >= SOUND_VARIANT_MIN_LEN and (
        _RUSSIAN_TS.search(ts) is not None and a.replace("ts", "c") == b.replace("ts", "c"))


#: ц as Russian romanisations write it where English has no ts: before a consonant or last.
_RUSSIAN_TS = re.compile(r"ts(?![aeiouy])")


def arabic_person(q: Form, c: Form) -> bool:
    """A personal name on either side says it is Arabic: a particle or a given name Arabs
    alone bear so spelled (``word_lists.yaml`` arabic_marks: Abu, Ibn, Youssef, Tarek).
    Not a q alone: Ashfaq Cheema is Pakistani, and Cheema no Shima (helper-87's review)."""
    return _marked(q, c, tables().arabic_marks)


def _arabic_vessel(q: Form, c: Form) -> bool:
    """A vessel's name on either side says it is Arabic by its article (Nur Al Huda:
    ``word_lists.yaml`` vessel_arabic_marks)."""
    return _marked(q, c, tables().vessel_arabic_marks)


def _marked(q: Form, c: Form, marks: frozenset[str]) -> bool:
    """A word of either name is one of ``marks``."""
    return not (marks.isdisjoint(q.texts) and marks.isdisjoint(c.texts))


#: :func:`name_spellings`: the pair's words may meet as Arabic or Thai names spelled two ways.
ARABIC_NAMES = 1
THAI_NAMES = 2


def name_spellings(q: Form, c: Form, person: bool) -> int:
    """Which spellings of one name the pair's words may meet by, judged once for a pair:
    :data:`ARABIC_NAMES` for persons that say they are Arabic (:func:`arabic_person`) or
    vessels with the Arabic article (:func:`_arabic_vessel`), :data:`THAI_NAMES` for
    persons that say they are Thai (:func:`thai_person`)."""
    if person:
        return (ARABIC_NAMES if arabic_person(q, c) else 0) | (THAI_NAMES if thai_person(q, c) else 0)
    return ARABIC_NAMES if (q.vessel or c.vessel) and _arabic_vessel(q, c) else 0


def after_article(form: Form, k: int) -> bool:
    """Word ``k`` of ``form`` follows the Arabic article Al (``vessel_arabic_marks``): an
    Arabic word, whose long u is written oo or ou (Al Noor / Al Nour,
    :func:`~screening.matching.strings.long_vowel_spelling`)."""
    return k > 0 and form.texts[k - 1] in tables().vessel_arabic_marks


def thai_person(q: Form, c: Form) -> bool:
    """Both personal names say they are Thai: each has a word of six letters or more
    ending as Thai names do (``word_lists.yaml`` thai_name_endings: -porn, -wong, -chai)."""
    ends = tables().thai_name_endings
    return all(any(len(w) >= THAI_ENDING_MIN and w.endswith(ends) for w in f.texts) for f in (q, c))


#: Fewest letters of a name part read as Thai by its ending (Chanthawong, not Wong).
THAI_ENDING_MIN = 6


def persian_person(q: Form, c: Form) -> bool:
    """A personal name on either side says it is Iranian: a Persian given name
    (Hossein, Gholamreza, Mojtaba) or a family name's Persian ending of six letters or
    more (-pour, -zadeh, -nejad, -shenas; ``word_lists.yaml``)."""
    t = tables()
    return any(w in t.persian_given_names or (len(w) >= PERSIAN_ENDING_MIN and w.endswith(t.persian_name_endings))
               for f in (q, c) for w in f.texts)


#: Fewest letters of a family name read as Persian by its ending (Rahpour, not Far).
PERSIAN_ENDING_MIN = 6


def _persian_q(q: Form, c: Form, a: str, b: str) -> bool:
    """Persian ق written gh or q (Ghods / QODS, Ghavamin / QAVAMIN) in two names one of
    which says it is Iranian (``word_lists.yaml`` persian_marks). Arabic and Urdu write
    غ gh and ق q apart: Ghazi is not Qazi, Ghani Textile Mills not Qani (helper-72)."""
    if ("gh" in a) == ("gh" in b) or min(len(a), len(b)) < 4 or a.replace("gh", "q") != b.replace("gh", "q"):
        return False
    marks = tables().persian_marks
    return not (marks.isdisjoint(q.texts) and marks.isdisjoint(c.texts))


def cognate_of_business_word(q: Form, c: Form, link: Link) -> bool:
    """A cognate link whose English word is a business word (TEKHNOLOGIYA / Technologies):
    a line of business in two languages, never the name itself. Words written apart count
    only all together (RADIOELEKTRONNYE / "Radio Electronic" names more than a business)."""
    return all(business_word(q.texts[i]) for i in link.qi) or all(business_word(c.texts[j]) for j in link.ci)


def _name_like(form: Form) -> bool:
    """A bare name of unknown kind made only of name words ("MICHAEL COX")."""
    return form.schema is None and all(g in (DISTINCTIVE, INITIAL, STOP) for g in form.tags)


def _organisation(q: Form, c: Form) -> bool:
    """A legal form or a business word on either side, no person and no bare
    name: a company, not a vessel named after one ("MARIA") nor "Suzana Santic"
    against "Suzan Trading Ltd"."""
    if PERSON in (q.schema, c.schema) or _name_like(q) or _name_like(c):
        return False
    return any(f.legal or GENERIC in f.tags for f in (q, c))


def _after_imeni(f: Form, k: int) -> bool:
    """Word ``k`` follows imeni ("named after"), past any initials: "imeni S.A.
    Lavochkina", "imeni VA Degtyareva"."""
    k -= 1
    while k >= 0 and len(f.texts[k]) <= 2 and f.texts[k] != IMENI:
        k -= 1
    return k >= 0 and f.texts[k] == IMENI


def honoree_initial(f: Form, k: int, other: Form | None = None) -> bool:
    """Word ``k`` is an initial of the person an organisation is named after ("imeni
    N.E. Baumana"), which listings write or leave out: left out, it costs nothing
    ("... Universitet imeni N.E. Baumana" / "Bauman Moscow State Technical University":
    fresh17's and fresh18's dev halves). Not when the ``other`` name writes initials
    anywhere: "named after A. Ivanov" is not "named after B. Ivanov"."""
    if IMENI not in f.texts:
        return False  # most names honour no one (the cheap test first: a hot path)
    if other is not None and honoree_initial(f, k):
        # the other name writes initials of its own: they are compared ("imeni N.I. Vavilova"
        # is not "S.I. Vavilov Institute": helper-90's review)
        return not any(len(w) == 1 for w in other.texts)
    start = k
    while start > 0 and len(f.texts[start - 1]) <= 2 and f.texts[start - 1] != IMENI and k - start < 2:
        start -= 1
    return start > 0 and f.texts[start - 1] == IMENI and k - start < honoree_initials(f.texts, start)


def _genitive_after_imeni(q: Form, c: Form, i: int, j: int) -> bool:
    """A family name in the genitive after imeni on one side, in the nominative on
    the other ("NPO imeni A.G. Orlova" / "A.G. Orlov NPO"), in a company's name.
    Elsewhere a final vowel more stays another name: Petrov / Petrova, Louis /
    Louise, Roch / Roche, a vessel OCEAN / OCEANA, and in companies too: Ruslan /
    Ruslana, Modern / Moderna, Baltic / Baltica name other firms more often than
    one firm declined (helper-42's review of a general rule, session 11)."""
    a, b = q.texts[i], c.texts[j]
    short, long_ = sorted((a, b), key=len)
    if len(a) == len(b) or long_[-1] != "a" or short[-1] in "aeiouy" or not _organisation(q, c):
        return False  # a name ending in a vowel is not made genitive by -a: Mari / Maria
    return _after_imeni(q, i) if len(a) > len(b) else _after_imeni(c, j)


def is_person_pair(q: Form, c: Form) -> bool:
    """Compare as personal names: either side is a person, or both are bare names."""
    if q.schema == PERSON or c.schema == PERSON:
        return True
    return _name_like(q) and _name_like(c) and len(q.texts) > 1 and len(c.texts) > 1


def pinyin_name(form: Form) -> bool:
    """A personal name written only in pinyin syllables ("Wang Lei", "Xi Jinping").

    A Chinese name's parts are one to three syllables, and one of them is a
    single syllable or a compound family name (Ouyang, Sima): "Ali Hashemi"
    (a-li ha-she-mi) and "Musa Hasan" (mu-sa ha-san) spell in pinyin
    syllables, but are not Chinese names. A part that is also a place's name counts
    (Jiaxing, 嘉兴: "Xu Jiaxing" is not "Xu Jiaxiang", fresh18's dev half).
    """
    words = [t for t, g in zip(form.texts, form.tags) if g == DISTINCTIVE or g == LOCATION]
    if not 1 < len(words) <= 4:
        return False
    counts = [syllable_count(w) for w in words]
    if not all(0 < n <= MAX_SYLLABLES for n in counts):
        return False
    return min(counts) == 1 or any(w in tables().compound_surnames for w in words)


#: Endings of East Slavic family names and patronymics (Belarusian -au / -eu for -ов / -ев).
#: Not -ich (Ulrich), -uk (Farouk), -ou (Pavlou, Mamadou), -eu alone (Mathieu, Abreu).
SLAVIC_ENDINGS = ("ovich", "evich", "ovych", "evych", "avich", "ovna", "evna", "ivna", "avna", "ov", "ev",
                  "ova", "eva", "sky", "skiy", "ski", "skaya", "skaia", "enko", "enka", "chuk", "chyk",
                  "kau", "lau", "nau", "rau", "vau", "tsau", "aeu", "leu", "neu", "veu", "owitsch", "ewitsch",
                  "owicz", "ewicz", "ycz",
                  # Ukrainian family names (Hnatyuk, Holovko, Boyko) and given names in -iy (Oleksiy, Andriy)
                  "yuk", "iuk", "vko", "yko", "chko", "shko", "iy")
#: Letters only a Slavic name writes, in English, German or Polish spelling (Shchukin,
#: Schtschukin, Szczukin; Polish cz: Czernomyrdin).
SLAVIC_LETTERS = ("shch", "schtsch", "cz")  # (szcz has cz)


def slavic_name(form: Form) -> bool:
    """A personal name of East Slavic form: a part ends as Russian, Belarusian or
    Ukrainian family names and patronymics do (-ov, -au, -enko, -yuk, -ovich, -ovna, German
    -owitsch, Polish -owicz) or given names in -iy, or is an East Slavic given name
    (``slavic_given_names``: Volodymyr, Vladimir, Mykola), or writes щ (shch, German schtsch) or Polish cz:
    "Dmitri Schtschukin" / "SHCHUKIN, Dmitriy"."""
    given = tables().slavic_given_names
    return any(len(t) >= 5 and (t.endswith(SLAVIC_ENDINGS) or any(x in t for x in SLAVIC_LETTERS)
                                or t in given)
               for t in form.texts)


#: Words after which a name is the father's ("Ali bin Hassan").
SON_OF = frozenset({"bin", "ibn", "ben", "bint", "binti", "ould", "walad"})
#: Of those, the ones that say "daughter of" ("Nurul Huda binti Ahmad").
DAUGHTER_OF = frozenset({"bint", "binti"})


def is_patronymic(form: Form, j: int) -> bool:
    """A patronymic: Russian -ovich/-evna..., or a name after bin / ibn / ben."""
    text = form.texts[j]
    if len(text) >= 6 and text.endswith(PATRONYMIC_ENDINGS):
        return True
    return j > 0 and form.texts[j - 1] in SON_OF


#: PATRONYMIC_ENDINGS, longest first (-ovich before -ich).
_ENDINGS_LONGEST_FIRST = tuple(sorted(PATRONYMIC_ENDINGS, key=len, reverse=True))


def _patronymic_stem(word: str) -> str:
    """The father's name in a patronymic: "grigorevich" -> "grigor", "ryhorovich" -> "ryhor";
    the glide Ukrainian writes before the ending goes too ("mykolaiovych" -> "mykola")."""
    for ending in _ENDINGS_LONGEST_FIRST:
        if word.endswith(ending):
            stem = word[: len(word) - len(ending)]
            return stem[:-1] if len(stem) > 4 and stem[-1] in "iy" else stem
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


#: Patronymic endings a link reads (not a bare -ich: Kostić, Borić, Jurić are family names).
_FATHER_ENDINGS = ("ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna")
#: Fewest letters of a father's name read from a patronymic (Ali-evich is not Aleksandr).
FATHER_MIN = 4


def same_father(a: str, b: str) -> bool:
    """Two patronymics, full endings, of one father's name as a nickname group
    spells it, whole or without its last vowel (Mykolaiovych / Nikolaevich:
    mykola, nikola[i]; Ryhorovich / Grigorevich): not a stem that only starts a
    name (Alievich is not Aleksandrovich), and a son's with a son's (Ivanovich
    is not Ivanovna)."""
    if a == b or not (a.endswith(_FATHER_ENDINGS) and b.endswith(_FATHER_ENDINGS)):
        return False
    if a.endswith(_DAUGHTERS) != b.endswith(_DAUGHTERS):
        return False
    sa, sb = _patronymic_stem(a), _patronymic_stem(b)
    if min(len(sa), len(sb)) < FATHER_MIN:
        return False
    return not _father_groups(sa).isdisjoint(_father_groups(sb))


def _father_groups(stem: str) -> frozenset[int]:
    """The nickname groups a patronymic's stem names, as spelled or by skeleton
    (Mikola- is Mykola-, Mikolaiovich / Nikolaevich)."""
    fathers = tables().father_names
    return fathers.get(stem) or fathers.get(skeleton(stem), _NO_GROUPS)


def same_patronymic(a: str, b: str) -> bool:
    """Two patronymics of one father's name, in Russian, Ukrainian or Belarusian form
    (Grigorevich / Ryhorovich, Nikolaevich / Mykolaiovych)."""
    return _same_name_stem(_patronymic_stem(a), _patronymic_stem(b))


def unmatched_costs(q: Form) -> tuple[float, ...]:
    """What each query token costs when the list name lacks it (an upper bound per token).

    The candidate index uses this to know how much of a query a list name must
    cover: words that cost little when missing (a leading place, a business
    word read from Chinese, a patronymic) need not be covered.
    """
    person = q.schema == PERSON or _name_like(q)
    words = tables()
    first = first_word(q)
    out = []
    for i, (text, tag, w) in enumerate(zip(q.texts, q.tags, q.weights)):
        share = EXTRA_QUERY
        if person and is_patronymic(q, i):
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


def _places_of(form: Form) -> frozenset[str]:
    """:func:`~screening.matching.names.address_places` of ``form``'s name, asked only when
    it may have any: a comma, or a place among its last words (a hot path: every candidate
    of a search is asked)."""
    n = len(form.tags)
    if may_write_place(form.name) or LOCATION in form.tags[max(0, n - TOWN_WORDS_MAX):]:
        return address_places(form.name)
    return frozenset()


def address_place(form: Form, other: Form, k: int) -> bool:
    """Token ``k`` of ``form`` is a place its firm's name writes after the legal form and
    a comma, or run on after it (:func:`~screening.matching.names.address_places`), and ``other`` writes no
    other place: "Ocean Link Logistics Ltd, Hong Kong" is OCEAN LINK LOGISTICS LIMITED, and
    "Promresurs LLC, Moscow, Russia" is "Promresurs LLC Moscow" (helper-90's review), but
    "Bank Melli Iran PLC, Hamburg" and "..., Paris" are two branches (helper-59's review),
    and so are "..., Hamburg" and "... (London)"."""
    if not may_write_place(form.name) and k < len(form.texts) - TOWN_WORDS_MAX:
        return False  # a town run on after the legal form ends the name (the cheap test first)
    places = address_places(form.name)
    if form.texts[k] not in places or not _places_of(other) <= places:
        return False
    # nor a place of its own that this name lacks, a branch's or a sister's ("Bank Melli
    # Iran PLC (London)": helper-90's review; "China ..." of CETC's name is both's)
    return all(t in places or t in form.texts for t, g in zip(other.texts, other.tags) if g == LOCATION)


def first_word(form: Form) -> int:
    """Index of the first token that is not a stop word."""
    for k, tag in enumerate(form.tags):
        if tag != STOP:
            return k
    return 0


#: A kind-of-organisation word this long, repeated as the end of a longer word
#: of the same name, adds nothing: ECHO_MIN letters, and the longer word has
#: ECHO_STEM_MIN letters before it.
ECHO_MIN = 4
ECHO_STEM_MIN = 3


def echoed(form: Form, k: int) -> bool:
    """True when word ``k`` is a kind of organisation (``org_types``,
    ``org_class``) the name already says at the end of another word: "Bank" in
    "Joint Stock Commercial Bank Novikombank", "Group" in "Sinogroup Group".
    Whoever shortens the name drops it, so it costs nothing when the other
    name lacks it and it never makes the list name's distinctive part."""
    word = form.texts[k]
    t = tables()
    if len(word) < ECHO_MIN or not (word in t.org_types or word in t.org_class):
        return False  # not a line of business: "Space" does not echo "Aerospace"
    return any(
        m != k and len(other) - len(word) >= ECHO_STEM_MIN and other.endswith(word)
        for m, other in enumerate(form.texts)
    )


def keji_science(form: Form, other: Form, k: int) -> bool:
    """Word ``k`` is the "Science (and)" of a firm's "Science and Technology" or "Sci-Tech"
    where the other firm's name says "Technology" alone: 科技 (keji), which Chinese firms'
    English names translate either way ("Shenzhen Jiasibo Science and Technology Co." /
    "Shenzhen Jiasibo Technology Co."). Never in a university's, an institute's or a
    laboratory's name (北京科技大学 and 北京工业大学 are two universities), nor when the
    other name says "science" too."""
    t = tables()
    texts, n = form.texts, len(form.texts)
    if texts[k] in t.keji_science:
        after = k + 2 if k + 2 < n and texts[k + 1] == "and" else k + 1
    elif texts[k] == "and" and k > 0 and texts[k - 1] in t.keji_science:
        after = k + 1
    else:
        return False
    if after >= n or texts[after] not in t.keji_technology:
        return False
    if not (form.schema == other.schema == COMPANY and (form.legal or other.legal)):
        return False
    if not (t.keji_science.isdisjoint(other.texts) and t.academic_words.isdisjoint(texts)
            and t.academic_words.isdisjoint(other.texts)):
        return False
    # the other name says Technology right after the word before Science: "Jiasibo Technology",
    # not "Jiasibo Information Technology", another firm (helper-72)
    start = k if texts[k] in t.keji_science else k - 1
    if start == 0:
        return False
    before, others = texts[start - 1], other.texts
    return any(others[j + 1] in t.keji_technology and (others[j].endswith(before) or before.endswith(others[j]))
               for j in range(len(others) - 1))  # "Var Nex" / VARNEX: the word written apart


def _hushing_apart(skel_a: str, skel_b: str) -> bool:
    """Two spellings of Slavic names that write Ш (sh) and Ч (ch) in different places:
    another letter, not a spelling of one sound, as the phonetic key has it
    (Timoshenko / TIMCHENKO, helper-71's fresh13). The skeleton has already read
    shch, sch and tch as one letter each."""
    if skel_a.replace("ch", "sh") == skel_b.replace("ch", "sh"):
        return False  # French writes Ш ch: Chilov / SHILOV, Porochenko / POROSHENKO (helper-72)
    return (skel_a.count("sh"), skel_a.count("ch")) != (skel_b.count("sh"), skel_b.count("ch"))


def _has_russian(form: Form) -> bool:
    """Whether a word of ``form`` may be a romanised Russian cognate (remembered on the form)."""
    known = form.russian
    if known is None:
        known = form.russian = any(map(russian_word, form.texts))
    return known


def _stray_stops_last(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]]) -> None:
    """Move a stop word met by the same stop word elsewhere in the name to the end of the
    sorted ``cands`` (in place): "al" / "al" is a link only beside words that meet too.
    Otherwise it takes the article of a word it is part of: in "Abd al-Karim Hamad
    Al-Jubouri" / "Abdelkarim Hamad Al-Jaburi" the first "al" went to "Al-Jaburi", and
    "abd al karim" could no longer meet "abdelkarim" (fresh8's read half). A stop word
    with no neighbour on either side keeps its place. Called when both names have a stop word."""
    qg, cg = q.tags, c.tags
    stray = []
    singles: set[tuple[int, int]] | None = None
    for k, (_, qi, ci, _how) in enumerate(cands):
        if len(qi) != 1 or len(ci) != 1 or qg[qi[0]] != STOP or cg[ci[0]] != STOP:
            continue
        if singles is None:
            singles = {(x[1][0], x[2][0]) for x in cands if len(x[1]) == len(x[2]) == 1}
        i, j = qi[0], ci[0]
        beside = [(i + d, j + d) for d in (-1, 1) if 0 <= i + d < len(qg) and 0 <= j + d < len(cg)]
        if beside and not any(pair in singles for pair in beside):
            stray.append(k)
    if stray:
        moved = [cands[k] for k in stray]
        for k in reversed(stray):
            del cands[k]
        cands.extend(moved)


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
    pinyin = person and pinyin_name(q) and pinyin_name(c)
    slavic = person and not pinyin and (slavic_name(q) or slavic_name(c))
    russian = not person and (_has_russian(q) or _has_russian(c))
    # which names are written in Russian (a word read from a table), asked once a pair
    in_russian = (_read_from_table(q), _read_from_table(c)) if russian else NOT_IN_RUSSIAN
    company = not person and company_pair(q, c)
    arabic = arabic_latin(q, c)
    vietnamese = person and vietnamese_name(q) and vietnamese_name(c)
    korean_names = (person and korean_name(q) and korean_name(c)) or korean_vessels(q, c)
    spelled = name_spellings(q, c, person)
    # organisation names: the word pairs no rule joins anywhere are passed over
    # (:func:`_apart_in_organisations`); the rest are scored in context
    quick = not person and not arabic and not korean_names and not spelled
    qt, ct, qg, cg, qs, cs, c_strict = q.texts, c.texts, q.tags, c.tags, q.skels, c.skels, c.strict
    apart = _APART.get
    for i in range(nq):
        # initials, numbers and words read from characters (met only as written) keep
        # their own rules in _pair_sim
        a, skel_a, own_a = qt[i], qs[i], qg[i] in _OWN_RULES or q.strict[i]
        for j in range(nc):
            if quick and a == ct[j]:  # _pair_sim's first rule, without the call
                s, how = _equal_link(qg[i])
                cands.append((s, (i,), (j,), how))
                continue
            if quick and not own_a and cg[j] not in _OWN_RULES and not c_strict[j]:
                known = apart((a, ct[j], skel_a, cs[j]))  # the look-up inline: a hot loop
                if known is None:
                    known = _apart_in_organisations(a, ct[j], skel_a, cs[j])
                if known:
                    continue
            s, how = _pair_sim(q, c, i, j, person, pinyin, slavic, russian, company, arabic, vietnamese, korean_names,
                               spelled, in_russian)
            if s > 0:
                cands.append((s, (i,), (j,), how))
    # joined pairs: "haiguang" vs "hai guang", "jscargument" vs "jsc argument"
    if nq and nc:
        _joined_candidates(q, c, cands, person)
        if len(q.name) >= cut_short.SWIFT_LINE:  # a line a payment message may have cut
            cut_short.candidates(q, c, cands, person)
        if not person and ("." in q.name or "." in c.name):  # most names have no full stop
            cut_short.abbreviation_candidates(q, c, cands, _everyday_words)
        if arabic:
            _arabic_joins(q, c, cands, arabic)
        if not person:
            _ampersand_candidates(q, c, cands)
            _acronym_candidates(q, c, cands)
            _inner_acronym_candidates(q, c, cands)
            translation.candidates(q, c, cands)
        if russian:
            _cognate_joins(q, c, cands)
            _cognate_joins(c, q, cands, flip=True)
    # best first; among equal words the link covering more of them ("mohamed sherif" =
    # "mohamedsherif" before "mohamed" = "mohamed"), and a whole name's acronym before one
    # word's, whatever its credit ("ZTE" for all of "Zhongxing Telecommunication Equipment",
    # not only Zhongxing); among other near ones the smaller
    cands.sort(key=lambda x: (-max(x[0], ACRONYM_SIM) if x[3] == "acronym" else -x[0],
                              -len(x[1]) - len(x[2]) if x[0] >= 1.0 or x[3] == "acronym" else len(x[1]) + len(x[2])))
    if STOP in q.tags and STOP in c.tags:
        _stray_stops_last(q, c, cands)
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
    translated = 0  # 1: a word agrees only as translated from characters or initials; 2: as a guess
    for link in links:
        wq = sum(q.weights[i] for i in link.qi)
        wc = sum(c.weights[j] for j in link.ci)
        w = (wq + wc) / 2
        if link.how == "initial":  # "J" for "John": the full name's weight, weak credit
            w = max(wq, wc)
        num += w * link.sim
        den += w
        # a respelled word (Hezbollah / Hizballah) is review strength, but still the name's word
        strong = link.sim >= DISTINCTIVE_AGREE or link.how in _AGREES_BELOW_CREDIT
        if strong and any(c.tags[j] == DISTINCTIVE for j in link.ci) and any(
            q.tags[i] in (DISTINCTIVE, GENERIC) for i in link.qi
        ) and not (link.how == "cognate" and cognate_of_business_word(q, c, link)):
            if link.how in TRANSLATIONS:
                translated = max(translated, 2 if link.how == "translated pinyin" else 1)
            else:
                agree = True
    q_un = tuple(i for i in range(nq) if i not in used_q)
    c_un = tuple(j for j in range(nc) if j not in used_c)
    given_only = person and not pinyin and family_and_given_agree(q, c, links)
    # a kind of organisation the name says twice ("Bank" by "Novikombank") is no word left over
    # and 科技's science words the other name leaves out ("Science and Technology" / "Technology")
    q_echo = _NO_GROUPS if person else frozenset(i for i in q_un if echoed(q, i) or keji_science(q, c, i))
    c_echo = _NO_GROUPS if person else frozenset(j for j in c_un if echoed(c, j) or keji_science(c, q, j))
    covered = not person and _query_covered(
        q, c, links, tuple(i for i in q_un if i not in q_echo), tuple(j for j in c_un if j not in c_echo)
    )
    list_met = all(c.tags[j] == STOP or j in c_echo for j in c_un)
    descriptors = 0.0  # the query's line of business, when it names the whole listed name
    linked = den  # the weight of the words that met
    addressed = False  # an address's place was counted: its country after its town costs nothing
    for i in q_un:
        if _generation(q, i) or i in q_echo or (not person and honoree_initial(q, i, c)):
            continue  # "Jr" left out by the other name costs nothing (number_missing says it)
        if q.tags[i] == STOP and i + 1 in used_q and q.texts[i] in words.arabic_articles:
            continue  # "Al-Qatirji" / "QATERJI": the article goes with its word
        if not person and list_met and q.tags[i] == STOP and i - 1 in q_un and i + 1 in q_un:
            continue  # the "and" inside the line of business the query adds
        floor = TAG_WEIGHTS[q.tags[i]] * UNMATCHED_FLOOR
        if person:
            if is_patronymic(q, i):
                share = EXTRA_QUERY_PATRONYMIC
            elif ((0 < i < nq - 1 and not q.family[i]) or given_only) and not pinyin and not c_un:
                share = EXTRA_QUERY_MIDDLE  # every listed part is met; the query adds a middle name
            else:
                share = EXTRA_QUERY
            if q.tags[i] == DISTINCTIVE:
                floor = PERSON_QUERY_EXTRA_MIN  # an extra name part counts, however common ("Li")
        elif q.tags[i] == LOCATION and i == first_word(q) and q.schema == COMPANY:
            share = EXTRA_RESULT_LOCATION  # "浙江 大华": the place a company is registered in
        elif q.tags[i] == LOCATION and address_place(q, c, i):
            share = 0.0 if addressed else EXTRA_ADDRESS_PLACE  # "Ocean Link Logistics Ltd, Hong Kong": where it is
            addressed = True  # "..., Moscow, Russia": one address
        elif q.texts[i] in words.filler_words and list_met:
            # "Firm Radel Ltd." for "Radel Ltd.": a word names add freely, once the
            # query names all the listed name ("Crystal Group" is not "Crystal Gas")
            share = EXTRA_FILLER
        else:
            share = EXTRA_QUERY
            if q.tags[i] == GENERIC and q.texts[i] not in words.filler_words:
                if not has_han(q.tokens[i].source):
                    floor = QUERY_DESCRIPTOR_MIN  # "Aeronautics" in "Lockheed Martin Aeronautics"
                    if list_met:
                        descriptors += max(q.weights[i], floor) * share
                        continue
                elif q.texts[i] not in words.org_words:
                    # Chinese registered names carry their line of business (集成电路制造);
                    # English names drop it freely. Holding (控股) or a branch still counts.
                    share = EXTRA_QUERY_HAN_DESCRIPTOR
        den += max(q.weights[i], floor) * share
    den += min(descriptors, max(QUERY_DESCRIPTOR_MIN, QUERY_DESCRIPTORS_SHARE * linked))
    # a name part only the query has: the listed later family name is then another one
    # ("Nicolás Maduro Guerra" / "MADURO MOROS, Nicolas": a son)
    q_names_left = person and any(q.tags[i] == DISTINCTIVE for i in q_un)
    discount = 0.0  # what later family names left out would cost as name parts
    # a payment message's line ended at this listed word
    line_end = cut_short.cut_at(links, c) if len(q.name) >= cut_short.SWIFT_LINE else nc
    for j in c_un:
        if _generation(c, j) or j in c_echo or j > line_end or (not person and honoree_initial(c, j, q)):
            continue
        if c.tags[j] == STOP and j + 1 in used_c and c.texts[j] in words.arabic_articles:
            continue  # "QATERJI" / "Al-Qaterji"
        if c.tags[j] == LOCATION:
            # leading ("Hangzhou" Hikvision) or "of Russia": part of the name; a
            # trailing place ("TechInsights Korea") names a subsidiary
            cheap = person or j == first_word(c) or (j > 0 and c.texts[j - 1] == "of")
            if not person and address_place(c, q, j):
                share = 0.0 if addressed else EXTRA_ADDRESS_PLACE
                addressed = True
            else:
                share = EXTRA_RESULT_LOCATION if cheap else EXTRA_RESULT_COMPANY
        elif not person:
            if c.texts[j] in words.filler_words:
                share = EXTRA_FILLER
            elif c.tags[j] == GENERIC and c.texts[j] not in words.org_words and covered:
                share = EXTRA_RESULT_DESCRIPTOR  # "Sisheng Technology" for "Sisheng Power Control Technology"
            elif c.tags[j] == STOP and covered and j - 1 in c_un and j + 1 in c_un:
                continue  # the "and" inside a line of business the query left out (not "La" Riviera)
            else:
                share = EXTRA_RESULT_COMPANY
        elif c.tags[j] == STOP:
            continue  # "bin", "al", "van" left out of a person's name cost nothing
        elif is_patronymic(c, j):
            share = EXTRA_RESULT_PATRONYMIC
        else:
            if ((0 < j < nc - 1 and not c.family[j]) or given_only) and not pinyin:
                share = EXTRA_RESULT_MIDDLE  # not in Chinese names: "Wen" is not "Wen Chou"
            else:
                share = EXTRA_RESULT_PERSON
            if not q_names_left and _later_family_name(c, j, links):
                # costs what a patronymic does; what it would cost as a name part is kept,
                # for a search to hold a match resting on the discount (Alignment.undiscounted)
                weight = max(c.weights[j], TAG_WEIGHTS[c.tags[j]] * UNMATCHED_FLOOR)
                discount += weight * (share - EXTRA_RESULT_PATRONYMIC)
                share = EXTRA_RESULT_PATRONYMIC
        den += max(c.weights[j], TAG_WEIGHTS[c.tags[j]] * UNMATCHED_FLOOR) * share
    score = num / den if den > 0 else 0.0
    undiscounted = num / (den + discount) if discount > 0 else None
    if translated and not agree:
        # the name's only word that agrees is a translation: a guess from toneless pinyin
        # counts with another word that agrees as written ("Zhongke Xingtu" / "Zhongke
        # Starmap"), never alone (Jinlong / Golden Dragon are two firms as often: helper-49's
        # review); one from the characters themselves, or pinyin initials, holds for review
        if translated == 1:
            agree = True
            score = min(score, TRANSLATION_ONLY_MAX)
    return Alignment(links, score, q_un, c_un, agree, undiscounted)


#: How words may meet below the skeleton credit and still be the same word (for :func:`_query_covered`).
_SAME_WORD_HOWS = SPELLINGS + ("stem", "synonym", "equivalent", "cognate")


def _query_covered(q: Form, c: Form, links: list[Link], q_un: tuple[int, ...], c_un: tuple[int, ...]) -> bool:
    """True when every word of the query is found in the listed name, spelled
    alike (not just near: "Hikvision" is not "HiVision"), and every distinctive
    word of the listed name in the query: what the list adds is only its line
    of business, places or legal words ("Sisheng Technology" for "Sisheng Power
    Control Technology"). ``q_un`` / ``c_un``: the words left over, echoes
    (:func:`echoed`) taken out."""
    if any(lk.sim < SKELETON_SIM and lk.how not in _SAME_WORD_HOWS for lk in links):
        return False  # a fuzzy or fuzzily joined word (Hikvision / Hi Vision) is another name's
    return all(q.tags[i] == STOP for i in q_un) and all(c.tags[j] != DISTINCTIVE for j in c_un)


def _later_family_name(c: Form, j: int, links: list[Link]) -> bool:
    """True when the listed person's unmatched word ``j`` is a later family name
    ("GUZMÁN LOERA, Joaquín": LOERA) whose first family name and first given name met
    the query as written: "Joaquin Guzman" and "Nicolas Maduro" are how Spanish double
    family names are written short, the second (the mother's) left out as freely as a
    patronymic. Not "Marisa Fontanez" for "FONTANEZ
    SALAZAR, Maria", nor "Fernando Castro" for "CASTRO VILLA, Luis Fernando"."""
    family = family_in_capitals(c)
    if not family[j]:
        return False
    first = next((k for k, (f, g) in enumerate(zip(family, c.tags)) if f and g != STOP), None)
    if first is None or first >= j:
        return False
    met = {k for lk in links if lk.sim >= DISTINCTIVE_AGREE for k in lk.ci}
    given = next((k for k, (f, g) in enumerate(zip(family, c.tags)) if not f and g == DISTINCTIVE), None)
    return first in met and given in met


def family_and_given_agree(q: Form, c: Form, links: list[Link]) -> bool:
    """True when both names mark their family name, the family names agree from
    their first word on, and so does a given name ("HAQQANI, Aziz" / "HAQQANI,
    Abdul Aziz", "MOMENI, Eskandar" / "MOMENI KALAGARI, Eskandar").

    A given name or a later family name only one of them has is then one more
    part, which people drop, not evidence of another person. A query that names
    only the second family name ("DURAN, Jaime" for "GONZALEZ DURAN, Jaime")
    does not agree from the first word.
    """
    q_first = next((i for i, (f, g) in enumerate(zip(q.family, q.tags)) if f and g != STOP), None)
    c_first = next((j for j, (f, g) in enumerate(zip(c.family, c.tags)) if f and g != STOP), None)
    if q_first is None or c_first is None:
        return False
    family = given = False
    for link in links:
        if link.sim < DISTINCTIVE_AGREE:
            continue
        family = family or (q_first in link.qi and c_first in link.ci)
        given = given or (not any(q.family[i] for i in link.qi) and not any(c.family[j] for j in link.ci))
    return family and given


def _joined_candidates(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]],
                       person: bool) -> None:
    """Add links where one token equals two or three adjacent tokens of the other side
    ("haiguang" / "hai guang", "vanderbilt" / "van der bilt"); ``person``: a personal-name pair."""
    exact = person and (q.script in SYLLABIC or c.script in SYLLABIC)
    _join_side(q.texts, c.texts, cands, flip=False, person=person, exact=exact, syllables=_syllable_name(c, q, person),
               heads=_query_heads(q.texts))
    _join_side(c.texts, q.texts, cands, flip=True, person=person, exact=exact, syllables=_syllable_name(q, c, person),
               windows=_query_windows(q.texts))
    # a token that swallowed the other side's legal form: "jscargument" = "jsc" + "argument"
    _swallowed_legal(q.texts, c.texts, c.legal, cands, flip=False)
    _swallowed_legal(c.texts, q.texts, q.legal, cands, flip=True)


#: Arabic-script words that make a compound name written as one Latin word: عبد, أبو
#: before (Abdullah, Abubakr), الله, الدين after (Nasrallah, Noureddine), and the
#: Persian endings written apart (خامنه‌ای, Khamenei; حاجی‌زاده, Hajizadeh; رضاپور, Rezapour).
COMPOUND_HEADS = frozenset({"ebd", "ebw", "abw"})
COMPOUND_TAILS = frozenset({"allh", "lh", "dyn", "aldyn", "ay", "zadh", "pwr"})
#: Shortest Latin word other pairs of Arabic-script words are read as (احمدی‌نژاد, Ahmadinejad).
COMPOUND_MIN = 8


def may_be_compound(window: tuple[str, ...]) -> bool:
    """Arabic-script words a Latin name may write as one word: a compound (عبد / أبو
    before, الله / الدين / a Persian ending after; "Abdel" is عبد ال, but "Salami" is
    not سالم آل: the article goes with the next word), or two words without the article."""
    if window[0] in COMPOUND_HEADS:
        return True
    if window[-1] == "al":
        return False
    return window[-1] in COMPOUND_TAILS or (len(window) == 2 and "al" not in window)


def compound_reads(window: tuple[str, ...], word: str) -> bool:
    """One Latin word read off the Arabic-script ``window`` (:func:`may_be_compound`):
    a compound, or two other words only as a long Latin word ("Ahmadinejad")."""
    if not (window[0] in COMPOUND_HEADS or window[-1] in COMPOUND_TAILS) and len(word) < COMPOUND_MIN:
        return False
    return may_join("".join(window), word) and bool(latin_agrees(window, (word,)))


def _arabic_joins(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]],
                  arabic: int) -> None:
    """Links of a Latin word to two or three Arabic-script words it writes as one,
    or the other way round ("Nasrallah" / نصر الله, "Abd Allah" / عبدالله)."""
    arab, latin = (q, c) if arabic > 0 else (c, q)
    for many, one, flip in ((arab, latin, False), (latin, arab, True)):
        for size in (2, 3):
            for k in range(len(many.texts) - size + 1):
                span = tuple(range(k, k + size))
                window = many.texts[k : k + size]
                if not flip and not may_be_compound(window):
                    continue
                joined = "".join(window)
                for m, word in enumerate(one.texts):
                    if flip:
                        agrees = may_join(word, joined) and latin_agrees((word,), (joined,))
                    else:
                        agrees = compound_reads(window, word)
                    if agrees:
                        a_idx, l_idx = ((m,), span) if flip else (span, (m,))
                        qi, ci = (a_idx, l_idx) if arabic > 0 else (l_idx, a_idx)
                        cands.append((ARABIC_SIM, qi, ci, "joined"))


def _cognate_joins(one: Form, other: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]],
                   flip: bool = False) -> None:
    """Links of a romanised Russian word of ``one`` to two adjacent English words of
    ``other`` that write its root apart: RADIOELEKTRONNYE / "Radio-Electronic",
    AEROKOSMICHESKOGO / "Aero Space" is not (another root)."""
    for i, word in enumerate(one.texts):
        if one.tags[i] == STOP or not russian_word(word):
            continue
        for j in range(len(other.texts) - 1):
            pair = other.texts[j : j + 2]
            if STOP in other.tags[j : j + 2] or not pair[0].isalpha() or not pair[1].isalpha():
                continue
            if word[:1] == pair[0][:1] and cognate_apart(word, pair):
                span = (j, j + 1)
                cands.append((COGNATE_SIM, span, (i,), "cognate") if flip else (COGNATE_SIM, (i,), span, "cognate"))


def _syllable_name(form: Form, other: Form, person: bool) -> tuple[bool, ...] | None:
    """The family-name marks of a personal name written in syllables (Han, Hangul,
    kana), whose joined words :func:`_join_side` restricts, against a name in
    another script; None otherwise (格芯 against 格芯 as a company's name reads
    the same characters, whatever the segmentation)."""
    return form.family if person and form.script in SYLLABIC and other.script not in SYLLABIC else None


def _heads_of(single: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, int], frozenset[int]]:
    """For :func:`_join_side`: each word's head ("" under four letters), the longest
    word with each head, and the words' lengths."""
    heads = tuple(_head(a) if len(a) >= 4 else "" for a in single)
    longest: dict[str, int] = {}  # read only by the callers
    for a, h in zip(single, heads):
        if h and len(a) > longest.get(h, 0):
            longest[h] = len(a)
    return heads, longest, frozenset(len(a) for a in single)


def _windows_of(several: tuple[str, ...], heads: Container[str] | None = None) -> Iterator[tuple[int, int, str, int, int]]:
    """For :func:`_join_side`: each window of two, then three, adjacent words of
    ``several`` as (start, size, head, letters, fewest letters a word joining it has):
    the head is the first word's ("el" + "maghrabi" reads as "a"), and a word meets
    the joined window only within a fifth of its length, plus one. With ``heads``,
    only the windows with one of them (the rest are not measured)."""
    n = len(several)
    starts = [_head(w) for w in several[:-1]]  # (a window starts before the last word)
    for size in (2, 3):
        for j in range(n - size + 1):
            head = starts[j]
            if heads is None or head in heads:
                total = sum(map(len, several[j : j + size]))
                yield j, size, head, total, total - total // 5 - 1


#: Query names whose join heads and windows are remembered: a search asks for them
#: with every candidate (a candidate's own are computed each time: most are met once).
JOIN_CACHE = 256
_query_heads = lru_cache(maxsize=JOIN_CACHE)(_heads_of)


@lru_cache(maxsize=JOIN_CACHE)
def _query_windows(several: tuple[str, ...]) -> tuple[tuple[int, int, str, int, int], ...]:
    """Every window of the query's words (:func:`_windows_of`), cached."""
    return tuple(_windows_of(several))


def _join_side(single: tuple[str, ...], several: tuple[str, ...], cands: list, flip: bool, person: bool,
               exact: bool = False, syllables: tuple[bool, ...] | None = None,
               heads: tuple[tuple[str, ...], dict[str, int], frozenset[int]] | None = None,
               windows: Iterable[tuple[int, int, str, int, int]] | None = None) -> None:
    """Links of one ``single`` token to a window of ``several`` (sides swapped when ``flip``).

    ``exact``: a personal name written in syllables is on one side; the words
    join only as written ("Yong Su" is not 영숙, "Yongsuk": another syllable).
    ``syllables``: ``several`` is that name, with these family-name marks: only
    its given name's syllables join, never with the family name nor the whole
    name (莉 马, Ma Li, is not "Lima"). ``heads`` / ``windows``: :func:`_heads_of`
    ``single`` and :func:`_windows_of` ``several``, when the caller has them (the
    query's are cached); computed here otherwise.
    """
    n = len(several)
    if n < 2:
        return
    if not person:  # a person's initials are not an acronym: "J M A" is not "MA, Jie"
        _spaced_letters(single, several, cands, flip)
    word_heads, longest, lengths = _heads_of(single) if heads is None else heads
    if not longest:
        return
    for j, size, head, total, shortest in _windows_of(several, longest) if windows is None else windows:
        top = longest.get(head)
        if top is None or top < shortest:
            continue  # no word of ``single`` has the head, or every one is too short
        window = several[j : j + size]
        # three long words join only as written ("Ural Vagon Zavod" / URALVAGONZAVOD)
        long_triple = size == 3 and min(len(w) for w in window) > JOIN_TRIPLE_SHORT
        if long_triple and total not in lengths:
            continue  # no word of the other name is as long as the three together
        as_written = exact or long_triple
        joined = "".join(window)
        span = tuple(range(j, j + size))
        if syllables is not None and (size == n or any(syllables[k] for k in span)):
            continue
        for i, a in enumerate(single):
            if as_written and a != joined:
                continue
            if word_heads[i] == head and abs(len(a) - len(joined)) <= len(joined) // 5 + 1:
                s = 1.0 if a == joined else _joined_sim(a, joined, person)
                if s >= JOINED_MIN:
                    cands.append((s, span, (i,), "joined") if flip else (s, (i,), span, "joined"))


def _spaced_letters(single: tuple[str, ...], several: tuple[str, ...], cands: list, flip: bool) -> None:
    """Links of a two- or three-letter word to the same letters written apart
    ("KB Hotel" / "K B Hotel", "ABC Trading" / "A.B.C. Trading"): all the
    letters of the run, not some of a longer one ("K B M Trading")."""
    if sum(len(w) == 1 for w in several) < 2:
        return  # most names have no letters written apart
    short = {a for a in single if 2 <= len(a) <= 3 and a.isalpha()}
    if not short:
        return
    n = len(several)
    for size in (2, 3):
        for j in range(n - size + 1):
            window = several[j : j + size]
            joined = "".join(window)
            if joined not in short or any(len(w) != 1 for w in window):
                continue
            if (j > 0 and len(several[j - 1]) == 1) or (j + size < n and len(several[j + size]) == 1):
                continue  # a letter more on either side: another acronym
            span = tuple(range(j, j + size))
            for i, a in enumerate(single):
                if a == joined:
                    cands.append((1.0, span, (i,), "joined") if flip else (1.0, (i,), span, "joined"))


#: Least similarity of a token and the joined words of the other side.
JOINED_MIN = 0.9
#: Arabic's article as romanisations write it before a name (El-Sayed, Ul-Haq, Al Maghrabi):
#: a word that may start with it (its first letter read as al's) ...
_ARTICLE_HEAD = re.compile(r"^(?:el|ul|il)(?=[^aeiou]|$)")
#: ... and one whose spelling is read with al, not before a short rest ("Elton" is not "Al Ton").
_ARTICLE = re.compile(r"^(?:el|ul|il)(?=[^aeiou][a-z]{3}|$)")


def _head(word: str) -> str:
    """A word's first letter, reading the Arabic article one way (El-, Ul- as Al-)."""
    first = word[0]
    if first not in "eui":
        return first  # most words: no pattern to run
    return "a" if _ARTICLE_HEAD.match(word) else first


def _joined_sim(a: str, joined: str, person: bool) -> float:
    """How alike a token and the joined words of the other side are.

    As written, or by romanisation skeleton with the Arabic article read one
    way ("elmaghraby" / "al maghrabi"); in a personal name, vowels a
    romanisation writes either way count as one spelling ("noorahmadi" /
    "nur ahmadi": :func:`~screening.matching.strings.vowel_spelling`).
    """
    if person and abs(len(a) - len(joined)) == 1:
        longer, shorter = (a, joined) if len(a) > len(joined) else (joined, a)
        if longer[-1] in "iy" and longer[:-1] == shorter:
            return 0.0  # a nisba: "Al Hamad" / "Alhamadi" are two families (helper-61's review)
    s = Indel.normalized_similarity(a, joined)
    if s >= JOINED_MIN:
        return s
    ka, kj = (skeleton(_ARTICLE.sub("al", w)) for w in (a, joined))
    if ka == kj:
        return SKELETON_SIM
    if person and vowel_spelling(ka, kj):
        return JOINED_MIN
    if person and compounds_alike(a, joined):
        return COMPOUND_SIM  # "abdelkader" / "abd al qadir", "noureddine" / "nur al din"
    return s  # near skeletons are not enough: "xiuying" is not "xiu ling", "marisa" not "maria a"


#: Credit of an acronym against the words whose initials it spells (POGC / Pars
#: Oil and Gas Company). A search holds a match resting on it for review.
ACRONYM_SIM = 0.9
#: ... of three letters, with legal forms of one kind (ZTE Corp): review strength, since
#: "ABC Ltd" spells Alpha Beta Commerce Ltd as well as any other (helper-54's review).
ACRONYM3_SIM = 0.8


def _acronym_candidates(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]]) -> None:
    """Add a link where one whole name is an acronym of the other, as written
    ("ISIL" / "Islamic State of Iraq and the Levant", "POGC" / "Pars Oil and
    Gas Company"): a distinctive word of four to eight letters written in
    capitals, alone but for a legal form, equal to
    :func:`~screening.matching.forms.name_initials` of the other name
    (:func:`~screening.matching.forms.spells_initials`)."""
    _acronym_side(q, c, cands, flip=False)
    _acronym_side(c, q, cands, flip=True)


def _acronym_side(one: Form, many: Form, cands: list, flip: bool) -> None:
    """The link of ``one``'s acronym to all of ``many`` (sides swapped when ``flip``)."""
    n = len(one.texts)
    if n > ACRONYM_WITH_PLACE_MAX or len(many.texts) < ACRONYM_MIN_WORDS:
        return  # the cheap tests first: most names are longer
    # one word, perhaps with its country in brackets ("SSRC (Syria)": the place is compared apart)
    k = 0
    if n > 1:
        if (one.tags[0] == LOCATION) == (one.tags[1] == LOCATION):
            return
        k = 1 if one.tags[0] == LOCATION else 0
    a = one.texts[k]
    if one.tags[k] != DISTINCTIVE or len(a) > ACRONYM_MAX_LEN or not a.isalpha():
        return
    if len(a) < ACRONYM_MIN_LEN and not (len(a) == ACRONYM_MIN_WORDS and _same_legal_form(one, many)):
        return  # three letters spell some listed name's initials one time in seven
    if spells_initials(a, many) and written_as_acronym(a, one.name):
        span = tuple(range(len(many.texts)))
        sim = ACRONYM_SIM if len(a) >= ACRONYM_MIN_LEN else ACRONYM3_SIM
        cands.append((sim, span, (k,), "acronym") if flip else (sim, (k,), span, "acronym"))


#: Most words of a name that is an acronym and its place ("SSRC (Syria)").
ACRONYM_WITH_PLACE_MAX = 2
#: Fewest words an acronym inside a name stands for ("NCO": Non-Commissioned Officer).
INNER_ACRONYM_MIN_WORDS = 3


#: How a link of letters joined by "&" and the words they stand for is explained.
HOW_AMPERSAND = "ampersand"


def _ampersand_candidates(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]]) -> None:
    """Link letters joined by "&" (S&T, R&D, folded "st", "rd") to the business words they
    stand for, in that order in the other name (``word_lists.yaml`` ampersand_words):
    "Defense S&T Key Laboratory" is the "Defense Science and Technology Key Laboratory".
    Another distinctive word of the name must be the other's too: "ST Trading" alone is
    a brand, not "Science and Technology Trading"."""
    letters = tables().ampersand_words
    for one, many, flip in ((q, c, False), (c, q, True)):
        for i, a in enumerate(one.texts):
            words = letters.get(a)
            if words is None or not _written_with_ampersand(a, one.name) or not any(
                    k != i and tag == DISTINCTIVE and t in many.texts for k, (t, tag) in enumerate(zip(one.texts, one.tags))):
                continue
            n = len(words)
            for j in range(len(many.texts) - n + 1):
                if many.texts[j : j + n] == words:
                    run = tuple(range(j, j + n))
                    cands.append((1.0, run, (i,), HOW_AMPERSAND) if flip else (1.0, (i,), run, HOW_AMPERSAND))


def _written_with_ampersand(letters: str, name: str) -> bool:
    """``letters`` ("st") are written with "&" or "and" between them in ``name`` ("S&T",
    "S & T"): "ST" alone is a brand (ST Engineering), "Rd" a road (helper-72)."""
    return re.search(rf"(?<![^\W\d_]){letters[0]}\s*(?:&|\band\b)\s*{letters[1:]}(?![^\W\d_])",
                     name, re.IGNORECASE) is not None


def _inner_acronym_candidates(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]]) -> None:
    """Add a link where a word of one name, written in capitals, spells the initials of
    a run of three or more words of the other ("IRGC Navy" / "Islamic Revolutionary
    Guard Corps Navy", "Naval NCO School" / "Naval Non-Commissioned Officer School"),
    when another distinctive word of the first name is a word of the other outside the
    run: the acronym then names a part of a name both write. In a name written all in
    capitals every word looks so: there the word must have one vowel at most and be no
    everyday English word (helper-58's review: "ROSE TRADING LLC" met "Rahbar Oil
    Shipping Enterprise Trading LLC" at 0.96). A whole name that is an acronym is
    :func:`_acronym_candidates`'s."""
    _inner_acronym_side(q, c, cands, flip=False)
    _inner_acronym_side(c, q, cands, flip=True)


def _inner_acronym_side(one: Form, many: Form, cands: list, flip: bool) -> None:
    """The links of ``one``'s acronyms to runs of ``many`` (sides swapped when ``flip``)."""
    if len(one.texts) < 2 or len(many.texts) <= INNER_ACRONYM_MIN_WORDS or PERSON in (one.schema, many.schema):
        return
    words = one.acronyms
    if words is None:
        words = one.acronyms = _acronym_words(one.name, one.texts, one.tags, one.strict)
    if not words:
        return  # most names: none of their words can be an acronym (judged once per form)
    for i, a, others, skip_stops in words:
        if a in many.texts:
            continue
        for j in range(len(many.texts)):
            run = _initials_run(many, j, a, skip_stops)
            if run is None or not others.intersection(t for k, t in enumerate(many.texts) if k not in run):
                continue
            sim = ACRONYM_SIM if len(a) >= ACRONYM_MIN_LEN else ACRONYM3_SIM
            cands.append((sim, run, (i,), "acronym") if flip else (sim, (i,), run, "acronym"))


def _acronym_words(name: str, texts: tuple[str, ...], tags: tuple[str, ...],
                   strict: tuple[bool, ...]) -> tuple[tuple[int, str, frozenset[str], bool], ...]:
    """The words of a name that may be an acronym inside it, each with the words of the
    name that must meet the other name outside its run, and whether its run may skip stop
    words (:func:`_inner_acronym_side`): the same for every candidate a query meets."""
    capitals = name.upper() == name  # no lower-case letter: every word is in capitals
    generic = tables().generic  # a person-like reading tags "Technology" distinctive
    out = []
    for i, a in enumerate(texts):
        if (tags[i] != DISTINCTIVE or strict[i] or not a.isalpha()
                or not INNER_ACRONYM_MIN_WORDS <= len(a) <= ACRONYM_MAX_LEN or not written_as_acronym(a, name)):
            continue
        if capitals and (sum(ch in _VOWELS for ch in a) > 1 or a in _everyday_words()):
            continue  # a name all in capitals writes every word so: ROSE, NOVA, KING, RED are words
        # a word of the name's own must meet outside the run: "TRADING" or a place alone
        # would make any word in capitals with the right letters a match ("ROSE TRADING");
        # a place beside an acronym the name writes in capitals among lower case ("Shanxi EMAST")
        kinds = (DISTINCTIVE,) if capitals or len(a) < ACRONYM_MIN_LEN else (DISTINCTIVE, LOCATION)
        others = frozenset(t for k, t in enumerate(texts) if k != i and tags[k] in kinds and t not in generic)
        if others:
            out.append((i, a, others, not capitals))
    return tuple(out)


#: Vowels: an acronym in a name written all in capitals has one at most (IRGC, MLO, NCO).
_VOWELS = frozenset("aeiou")


def _everyday_words() -> frozenset[str]:
    """Everyday English words (:func:`affiliates.dictionary_words`), imported late: the
    affiliate rules build on this module."""
    from screening.matching.affiliates import dictionary_words

    return dictionary_words()


def _initials_run(form: Form, start: int, letters: str, skip_stops: bool = True) -> tuple[int, ...] | None:
    """The positions from ``start`` of the words of ``form`` whose first letters spell
    ``letters``, one word a letter (stop words between them skipped when ``skip_stops``:
    "Institute of Physics"), each written in the name as it is read (not an expansion);
    else None. An acronym of a name in capitals skips none: "EL BACH WORK" is not
    "Baraka Association for Charitable and Humanitarian Work" (helper-58's review)."""
    run: list[int] = []
    got = 0
    for k in range(start, len(form.texts)):
        text, tag, tok = form.texts[k], form.tags[k], form.tokens[k]
        if tag == STOP and run and skip_stops:
            continue
        if (tag in (STOP, NUMBER, INITIAL) or len(text) < 2 or form.strict[k] or text[0] != letters[got]
                or not tok.source.casefold().startswith(text[0])):
            return None
        run.append(k)
        got += 1
        if got == len(letters):
            return tuple(run)
    return None


def _same_legal_form(a: Form, b: Form) -> bool:
    """True when both names end in a legal form of one kind ("ZTE Corp" / "Zhongxing
    Telecommunication Equipment Corporation"): with three letters, the second word of
    evidence that they spell one firm's name."""
    codes = tables().legal_forms
    mine = {codes.get(tuple(f.split())) for f in a.legal}
    return bool(mine.intersection(codes.get(tuple(f.split())) for f in b.legal) - {None})


def _swallowed_legal(mine: tuple[str, ...], other: tuple[str, ...], legal: tuple[str, ...], cands: list, flip: bool) -> None:
    """Links where a token of ``mine`` is a token of ``other`` plus ``other``'s legal form."""
    if not legal:
        return
    forms = {form.replace(" ", "").lower() for form in legal}
    either = tuple(forms)
    for i, a in enumerate(mine):
        if not a.startswith(either) and not a.endswith(either):
            continue  # what is left of a word beside the other's word must be a legal form
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
