"""Names met only by their spelling, held: a short name, and a name of another country.

Famous firms have short names (Dow, Nike, Visa, Mars, Atos), and so do listed
parties and their aliases (DOV, an alias of KAHANE CHAI; NIK LLC; GRUPO WISA; MRS
GmbH; ATS). The spelling rules that serve longer names well (w for v, a silent vowel
more: Jon / John) make "Dow Inc." / "DOV" 0.95 and "Nike, Inc." / "NIK LLC" 0.88,
a match, and a check PROHIBITED (helper-76's review). In a word of four letters or
fewer a consonant is another name: such a pair is held below review. Vowels alone
apart are how Arabic and Persian names are written in Latin (SDN: WAAD / WAED,
AL-HISN / AL-HUSN), and c for k how Russian names are (DUX / DUKS): those are held
for review.

A word joined with a generic one and met only by its spelling ("Micron Technology"
joined "microntechnology" / "MICROTECHNOLOGY", 0.97) is held for review too: joining
words that are written apart is evidence when the letters are the same (VanDerBilt),
not when a letter differs where the two words meet.

A name met by its spelling, not its letters, or a short name met as written, of a
party the entry places only in other countries than the one the query gives ("Micron
Technology, Inc.", US, / "JOINT STOCK COMPANY MICROTECHNOLOGY", RU, 0.97; "TCL", CN,
/ TCL, PK) is held for review: the country is evidence, not a filter, but two weak
signals do not make a match.
"""

from __future__ import annotations

from collections import Counter

from screening.matching.alignment import Link, Pair, after_article, pinyin_name
from screening.matching.forms import Form
from screening.matching.features import country_disagrees
from screening.matching.names import DISTINCTIVE, GENERIC, PERSON
from screening.matching.normalize import has_han
from screening.matching.pinyin import split_syllables, wade_giles_readings
from screening.matching.resources import DOUBLED_LETTERS, tables
from screening.matching.strings import long_vowel_spelling, persian_q

#: The longest distinctive word held: four letters (Visa, Mars, Atos; not Micron), or a
#: longer one two letters longer than a short one (:func:`_short_pair`).
SHORT_WORD = 4
#: Ways two words meet by their spelling, not their letters (alignment.Link.how).
SPELLING_LINKS = frozenset({"skeleton", "variant", "fuzzy", "gendered"})
_VOWELS = frozenset("aeiouy")
_AS_K = str.maketrans({"c": "k", "x": "ks"})


def short_name_variant(pair: Pair) -> float:
    """1 when two organisations' or vessels' names, each with one distinctive word of
    four letters or fewer, meet through a spelling of that word that changes or drops a
    consonant or adds a letter ("Dow" / DOV, "Nike" / NIK, "Visa" / WISA, "Mars" / MRS):
    held below review. 0 for persons, whose given and family names together carry a
    one-letter variant (issue 14), and for words apart only in their vowels
    (:func:`short_name_vowels`)."""
    words = _short_words(pair)
    return 1.0 if words is not None and not _vowels_apart(*words) else 0.0


def short_name_vowels(pair: Pair) -> float:
    """1 when the short words of :func:`short_name_variant` are apart only in their
    vowels, as transliterations of Arabic and Persian write them (SDN aliases WAAD /
    WAED, AL-HISN / AL-HUSN, ROYAL ARYA / ARIA ROYAL), or in c and k as Russian
    ones do (DUX / DUKS, ECO / EKO, KHSZ / HSZ), or in a doubled consonant (CSSC / CSC):
    held for review, not below it."""
    words = _short_words(pair)
    return 1.0 if words is not None and _vowels_apart(*words) else 0.0


def _short_words(pair: Pair) -> tuple[str, str] | None:
    """The two names' only distinctive words, when both are short (:func:`_short_pair`)
    and every link between them is a spelling's (not the Persian q / gh); else None."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema):
        return None
    qk, ck = _only_distinctive(q), _only_distinctive(c)
    if qk is None or ck is None or not _short_pair(q.texts[qk], c.texts[ck]):
        return None
    if long_vowel_spelling(q.texts[qk], c.texts[ck]) and after_article(q, qk) and after_article(c, ck):
        # one long vowel written two ways after the Arabic article: Al Noor / Al Nour are one
        # word (fresh19's dev half); Pool / Poul are two (helper-89's review)
        return None
    links = [lk for lk in pair.alignment.links if qk in lk.qi or ck in lk.ci]
    if not links or not all(lk.how in SPELLING_LINKS and lk.qi == (qk,) and lk.ci == (ck,)
                            and not _persian_q(pair, lk) for lk in links):
        return None
    return q.texts[qk], c.texts[ck]


def _only_distinctive(form: Form) -> int | None:
    """The position of ``form``'s one distinctive word; None when it has more or none."""
    distinctive = [k for k, tag in enumerate(form.tags) if tag == DISTINCTIVE]
    return distinctive[0] if len(distinctive) == 1 else None


def _short_pair(a: str, b: str) -> bool:
    """Both words short, or one short and the other two letters longer or more: a
    spelling that needs two letters more of a four-letter name (Tata / TAATTA, AXA /
    AQSSA, helper-78) is no closer than one that changes a consonant. Not one letter
    more: PEJAK / PJAK, ISSAT / ISAT, NIROU / NIRU are SDN aliases of one party."""
    short, long = sorted((len(a), len(b)))
    return short <= SHORT_WORD and (long <= SHORT_WORD or long - short >= 2)


def _vowels_apart(a: str, b: str) -> bool:
    """Two words whose consonants agree letter for letter (y a vowel), once c and x are
    read as Russian к writes them, k and ks (SDN aliases TACO / TAKO, DUX / DUKS, UCON /
    UKON, ECO / EKO), kh as h (х: AO KHSZ / AO HSZ), and a doubled consonant as one
    (CSSC / CSC)."""
    a, b = _as_said(a), _as_said(b)
    return len(a) == len(b) and all(x == y or (x in _VOWELS and y in _VOWELS) for x, y in zip(a, b))


def _as_said(word: str) -> str:
    """``word`` with c and x as k and ks, kh as h, and doubled consonants single (a doubled
    vowel stays two: WAAD / WAED are apart in a vowel, not a letter)."""
    word = word.replace("kh", "h").translate(_AS_K)
    return "".join(ch for k, ch in enumerate(word) if k == 0 or ch != word[k - 1] or ch in _VOWELS)


def _persian_q(pair: Pair, lk: Link) -> bool:
    """The link is a Persian ق written q and gh (Qods / Ghods): a reading, held for
    review by its own credit (:func:`~screening.matching.strings.persian_q`)."""
    if len(lk.qi) != 1 or len(lk.ci) != 1:
        return False
    return persian_q(pair.query.texts[lk.qi[0]], pair.result.texts[lk.ci[0]]) > 0


def spelled_other_country(pair: Pair) -> float:
    """1 when the query's country is none of the entry's (:func:`country_disagrees`) and
    a distinctive word of either name is met by a link weaker than its letters
    ("microntechnology" joined to "microtechnology", 0.97), or both names are one short
    word (four letters or fewer) met as written: "TCL" (CN) and the alias TCL of
    Techno-Commercial, Lahore (PK); "Otto Group" (DE) and Otto Manufacturing (PK)
    (helper-78). 0 when a longer name is met as written, and for a name the entry gives
    no country."""
    if not country_disagrees(pair):
        return 0.0
    q, c = pair.query, pair.result
    qk, ck = _only_distinctive(q), _only_distinctive(c)
    if qk is not None and ck is not None and max(len(q.texts[qk]), len(c.texts[ck])) <= SHORT_WORD:
        return 1.0  # a short name met as written: "TCL" (CN) is not TCL, an alias of a Lahore firm (PK)
    for lk in pair.alignment.links:
        if lk.sim < 1.0 and (any(q.tags[i] == DISTINCTIVE for i in lk.qi)
                             or any(c.tags[j] == DISTINCTIVE for j in lk.ci)):
            return 1.0
    return 0.0


def joined_by_spelling(pair: Pair) -> float:
    """1 when two or three words of one name are joined to meet one word of the other
    with a letter or more apart, and a joined word is generic ("Micron Technology" /
    "Microtechnology"); 0 for a join letter for letter ("Van Der Bilt" / "VanDerBilt")."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema):
        return 0.0
    for lk in pair.alignment.links:
        if lk.how != "joined" or lk.sim >= 1.0:
            continue
        if any(q.tags[i] == GENERIC for i in lk.qi) or any(c.tags[j] == GENERIC for j in lk.ci):
            return 1.0
    return 0.0


#: Syllables in a word read as pinyin here: a Chinese name's word has one or two
#: (Hongxing, Weiming); words of three that pinyin also spells are mostly other
#: languages' (Ma-ri-ya, Can-da-ce, Ba-he-ri, Ta-e-dong).
PINYIN_WORD_SYLLABLES = 2


def pinyin_syllables_differ(pair: Pair) -> float:
    """1 when two Chinese names' pinyin words spell other syllables ("Guangzhou Tianhang"
    / "Guangzhou Tianhong" Trading, "Hongxing" / "Hongxin", and with a Chinese country
    "Changjiang" / "ChangXin" Memory, "ZHANG, Wei Ming" / "Zhang Weimin"): in pinyin a letter more or less is
    another character, so another name, not a slip of the pen (天航 / 天宏). Written
    apart, the syllables already fail to meet ("Tian Hang" / "Tian Hong" 0.45); joined,
    they met as one word a letter apart (0.98). Held for review, as a one-letter
    variant is (issue 14), not dropped: a typist does drop a g.

    Both names' pinyin words (of one or two syllables) have the same number of syllables
    (two or more; in any order), their other distinctive words are the same words, and
    the pair is a Chinese name's (:func:`_chinese`); not when one registry number is in
    both, nor for one syllable in two romanisations (:func:`_one_sound_each`) or a
    doubled letter."""
    q, c = pair.query, pair.result
    if q.ids & c.ids:
        return 0.0
    qs = _pinyin_syllables(q)
    if qs is None:
        return 0.0  # most pairs: the cheap tests first, the Chinese context last
    cs = _pinyin_syllables(c)
    if cs is None or len(qs[0]) != len(cs[0]) or qs[0] == cs[0] or qs[1] != cs[1]:
        return 0.0
    if _undoubled(q) == _undoubled(c):
        return 0.0  # Hana / Hanna, Ana / Anna: a doubled letter, a Western name's spelling
    return 0.0 if _one_sound_each(qs[0], cs[0]) or not _chinese(pair) else 1.0


def _undoubled(form: Form) -> str:
    """``form``'s distinctive words joined, each doubled letter once."""
    return DOUBLED_LETTERS.sub(r"\1", "".join(t for t, g in zip(form.texts, form.tags) if g == DISTINCTIVE))


#: ü as it is written without its dots: lü is lu or lv, nü nu or nv.
_U_UMLAUT = {"lv": "lu", "nv": "nu", "lve": "lue", "nve": "nue"}


def _one_sound_each(qs: tuple[str, ...], cs: tuple[str, ...]) -> bool:
    """Every syllable only one side has is another romanisation of one the other side
    has: Wade-Giles (Futan / Fudan, Kuohua / Guohua, Tahua / Dahua) or ü written u or v
    (Lüliang: Luliang / Lvliang). Those are one name; pinyin is not the only way to write it."""
    q_left, c_left = Counter(qs) - Counter(cs), Counter(cs) - Counter(qs)
    others = list(c_left.elements())
    for x in q_left.elements():
        for y in others:
            if _one_sound(x, y):
                others.remove(y)
                break
        else:
            return False
    return True


def _one_sound(x: str, y: str) -> bool:
    """Two pinyin syllables that are one syllable written two ways (see :func:`_one_sound_each`)."""
    return (y in wade_giles_readings(x) or x in wade_giles_readings(y)
            or _U_UMLAUT.get(x, x) == _U_UMLAUT.get(y, y))


#: Countries whose firms' names are Chinese ones (a query's or an entry's country).
CHINESE_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})


def _chinese(pair: Pair) -> bool:
    """Is the pair a Chinese name's? A Chinese place in either name (Wuhan, Guangzhou:
    ``pinyin_places``, ``chinese_places``), Chinese characters in either, or a Chinese
    country given; for persons both names written in pinyin too
    (:func:`alignment.pinyin_name`). Juri / Yuri, Niru / Nirou, Pouya / Puya and Mariya /
    Maria spell in pinyin syllables, and are Russian and Persian names; RI / YI and KANG /
    GANG are Korean ones, one name in two romanisations (helper-80's review)."""
    q, c = pair.query, pair.result
    if PERSON in (q.schema, c.schema) and not (pinyin_name(q) and pinyin_name(c)):
        return False
    t = tables()
    for form in (q, c):
        if any(w in t.pinyin_places or w in t.chinese_places for w in form.texts):
            return True
        if any(has_han(tok.source) for tok in form.tokens):
            return True
    given = {pair.query_country.upper()} if pair.query_country else set()
    return bool((given | {x.upper() for x in pair.entry_countries or ()}) & CHINESE_COUNTRIES)


def _pinyin_syllables(form: Form) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The syllables of ``form``'s distinctive pinyin words and its other distinctive
    words, each sorted; None with fewer than two syllables."""
    syllables: list[str] = []
    others: list[str] = []
    for text, tag in zip(form.texts, form.tags):
        if tag != DISTINCTIVE:
            continue
        cut = split_syllables(text)
        if 0 < len(cut) <= PINYIN_WORD_SYLLABLES:
            syllables.extend(cut)
        else:
            others.append(text)
    return (tuple(sorted(syllables)), tuple(sorted(others))) if len(syllables) >= 2 else None
