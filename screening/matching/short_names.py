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

from screening.matching.alignment import Link, Pair
from screening.matching.forms import Form
from screening.matching.features import country_disagrees
from screening.matching.names import DISTINCTIVE, GENERIC, PERSON
from screening.matching.strings import persian_q

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
