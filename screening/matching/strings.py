"""String primitives: how alike two words are.

:func:`token_sim` / :func:`token_match` compare two folded words (with their
romanisation skeletons): equal, same skeleton, a silent letter, a typing slip,
a vowel variant, a gendered form, or a fuzzy similarity stretched so a wrong
letter costs. :func:`person_sim` re-weighs that for personal names. The word
alignment (:mod:`screening.matching.alignment`) is built on these.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer
from rapidfuzz.distance import Hamming, Indel, Levenshtein, OSA

from screening.matching.normalize import phonetic, skeleton
from screening.matching.pinyin import syllable_count
from screening.matching.resources import DOUBLED_LETTERS, UNLIKE_HEAD, remember, tables

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
#: Spelling similarity two sound-alikes need (Kompel / Compel 0.83; Katarina / Kawtarani 0.71 is too far).
CONSONANT_SPELLING_MIN = 0.8
#: Words that differ only in one or two vowels (Laden / Ladin): transliteration noise.
VOWEL_SIM = 0.9
#: Two business words of one English stem (Trade / Trading, Industry / Industries).
STEM_SIM = 0.9
#: A person's name that extends another by a suffix (Abramov / Abramovich,
#: Richards / Richardson) is a different name.
PREFIX_SIM = 0.3
#: In person names a fuzzy similarity is stretched further: Rubio / Rubino or
#: Michael / Michelle are other people more often than typos.
PERSON_FUZZY_STRETCH = 2.2
#: Fuzzy similarities are stretched below 1 by this factor (0.9 -> 0.8): one
#: wrong letter should cost more than an unmatched generic word.
FUZZY_STRETCH = 2.0
#: What a transliteration edit costs (a letter of one sound class for another, a silent letter).
SOUND_EDIT_COST = 0.5
#: Cap on the token-similarity cache (entries), cleared when exceeded.
SIM_CACHE_MAX = 1_000_000

_sim_cache: dict[tuple[str, str, str, str], tuple[float, str]] = {}


_VOWELS = frozenset("aeiouy")
#: The Persian ending -ai spelled -aee or -aei (Rezaee / Rezaei): the last letter's two spellings.
_E_I = frozenset("ei")
_PERSIAN_AE = "ae"


def _gendered(a: str, b: str) -> bool:
    """True for forms of one name that differ in a final vowel (Antonio/Antonia,
    Ivanov/Ivanova, Andre/Andrea, Emil/Emily), or a name's form in another
    language (Albert/Alberto). Not a vowel other than a added after a vowel
    (Ozmai / Ozmaie: a spelling), nor the Persian ending -aee / -aei (Rezaee /
    Rezaei; not Andrei / Andree, Sergei / Sergee: helper-82's review), nor a place's adjective
    (Novovyatsk / Novovyatski)."""
    if min(len(a), len(b)) < 4:
        return False
    if len(a) == len(b):
        return a[:-1] == b[:-1] and a[-1] in _VOWELS and b[-1] in _VOWELS and not (
            a[-3:-1] == _PERSIAN_AE and {a[-1], b[-1]} == _E_I)
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return (
        len(longer) == len(shorter) + 1
        and longer.startswith(shorter)
        and longer[-1] in _VOWELS
        and (longer[-1] == "a" or shorter[-1] not in _VOWELS)
        and not (shorter.endswith("sk") and longer[-1] in "iy")
    )


#: Letters a word keeps after a contrasting prefix for the prefix to count ("onshore": "shore").
CONTRAST_STEM_MIN = 3


def contrasting(a: str, b: str) -> bool:
    """True for words that differ only in prefixes of opposite meaning (``contrasting_prefixes``
    in word_lists.yaml): "offshore" / "onshore", "interlink" / "intralink", "import" / "export";
    and two such prefixes of four letters or more standing alone ("micro" / "macro");
    and words that begin as two trades do (``unlike_stems``: "electric" / "electronics")."""
    t = tables()
    if (a, b) in t.contrasting_words:
        return True  # the prefixes standing alone: "Micro-Tek" / "Macro-Tek"
    if a[:UNLIKE_HEAD] == b[:UNLIKE_HEAD] and a[:UNLIKE_HEAD] in t.unlike_heads:  # the cheap test first
        for x, y in t.unlike_stems:
            if a.startswith(x) and b.startswith(y):
                return True
    if a[-CONTRAST_STEM_MIN:] != b[-CONTRAST_STEM_MIN:]:
        return False  # the cheap test first: the stems must end alike
    for p, q in t.contrasting_prefixes:
        if a.startswith(p) and b.startswith(q) and len(a) - len(p) >= CONTRAST_STEM_MIN and a[len(p):] == b[len(q):]:
            return True
    return False


def _consonant_spelling(a: str, b: str) -> bool:
    """Same metaphone, but the words differ in consonant letters, not vowels.

    Kompel/Compel and Jon/John differ in how a sound is spelled; Maria/Mario
    and Thomas/Themis differ in vowels, which metaphone ignores but names do not.
    """
    if Indel.normalized_similarity(a, b) < CONSONANT_SPELLING_MIN:
        return False  # the cheap test first: most word pairs end here
    ca = DOUBLED_LETTERS.sub(r"\1", "".join(ch for ch in a if ch not in _VOWELS))
    cb = DOUBLED_LETTERS.sub(r"\1", "".join(ch for ch in b if ch not in _VOWELS))
    if ca == cb:
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


def token_match(a: str, b: str, skel_a: str, skel_b: str, remember_zero: bool = True) -> tuple[float, str]:
    """:func:`token_sim` with how the words met: equal, skeleton, variant, fuzzy.
    ``remember_zero=False``: a 0 is not cached (the caller keeps that verdict itself)."""
    if a == b:
        return 1.0, "equal"
    key = (a, b, skel_a, skel_b)
    cached = _sim_cache.get(key)
    if cached is not None:
        return cached
    value = _token_sim(a, b, skel_a, skel_b)
    if not remember_zero and not value[0]:
        return value
    return remember(_sim_cache, key, value, SIM_CACHE_MAX)


def _letters_apart(a: str, b: str) -> bool:
    """Two short runs of letters that no spelling makes one: a letter repeated
    ("jj" for J&J, "aa" for A&A) against anything else, or two runs without a
    vowel of different lengths ("st" / "stt"). Same-length runs still meet as
    transliterations (SK / SC, NPK / NPC: Cyrillic К), and "dj" meets "daj"."""
    if a == b or max(len(a), len(b)) > SHORT_TOKEN:
        return False
    if any(len(w) > 1 and len(set(w)) == 1 for w in (a, b)):
        return True
    return len(a) != len(b) and not (_VOWELS & set(a)) and not (_VOWELS & set(b))


def _vowel_variant(a: str, b: str) -> bool:
    """Same length, same consonants, one vowel different (Laden / Ladin)."""
    if len(a) != len(b) or len(a) < 4 or a[0] != b[0]:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1 or diff[0][0] not in _VOWELS or diff[0][1] not in _VOWELS:
        return False
    # one pinyin syllable each (Chen / Chan, Yang / Yong): different syllables, not noise
    return not (syllable_count(a) == 1 and syllable_count(b) == 1)


#: Shortest words :func:`long_vowel_spelling` reads (Noor / Nour).
LONG_VOWEL_MIN_LEN = 4


def long_vowel_spelling(a: str, b: str) -> bool:
    """Two spellings of one word of four letters or more that differ only in how the long
    vowel u is written, oo the English way and ou the French: Noor / Nour (fresh15's and
    fresh19's dev halves). Not oo / u nor ee / i, which join English words and names
    (Pool / Pul, Reeves / Rives, Majeed / Majid: helper-89's and helper-90's reviews)."""
    return (a != b and len(a) == len(b) >= LONG_VOWEL_MIN_LEN and "ou" in a + b
            and a.replace("ou", "oo") == b.replace("ou", "oo"))


def arabic_aa_apart(a: str, b: str) -> bool:
    """Two words of one length, one letter apart, the one writing "aa" where the other
    changes one of its letters: Raad / Raed, Saad / Said, two Arabic given names (the
    person rules ask it; an organisation's WAAD / WAED are SDN aliases of one entry)."""
    if len(a) != len(b) or "aa" not in a and "aa" not in b:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 1 and (_broken_aa(a, b, diff[0]) or _broken_aa(b, a, diff[0]))


def _broken_aa(a: str, b: str, k: int) -> bool:
    """``a`` writes "aa" where ``b`` changes one of the two letters at ``k``: Raad
    (رعد) / Raed (رائد), Saad (سعد) / Said (سعيد), two Arabic names (fresh17's dev half);
    Noor / Nour, one name, keep their oo."""
    return a[k] == "a" and ((k > 0 and a[k - 1] == "a" and b[k - 1] == "a") or
                            (k + 1 < len(a) and a[k + 1] == "a" and b[k + 1] == "a"))


def initial_glide(a: str, b: str, skel_a: str, skel_b: str, slavic: bool) -> bool:
    """One personal name with its first glide written j in one alphabet and y
    in another: Jan / Yan, Juri / Yuri, Jelena / Yelena, Jevgenij / Yevgeny
    (Slavic, German, Dutch and Scandinavian j is English y). A vowel follows in
    both, and the j-word written with y has the other's skeleton. A y-word of
    one pinyin syllable (Yan, Yun, Yuan) is Chinese or Korean, where j is
    another sound, unless ``slavic`` (a name of East Slavic form is in the pair)."""
    if a[:1] == "y":
        a, b, skel_a, skel_b = b, a, skel_b, skel_a
    return (
        len(a) >= 3 and len(b) >= 3 and a[0] == "j" and b[0] == "y"
        and a[1] in _VOWELS and b[1] in _VOWELS and skeleton("y" + a[1:]) == skel_b
        and (slavic or syllable_count(b) != 1)
    )


#: Least Indel similarity of two words that one of the rules below could still join:
#: a gendered form or one vowel changed in a four-letter word (Ivan / Ivana: 0.89,
#: Laden / Ladin: 0.8; the least, 0.75, is a four-letter word's last or one vowel).
MEET_MIN = 0.75


def persian_q(a: str, b: str) -> float:
    """The credit of one Persian or Arabic word with its ق written q in one romanisation
    and gh in the other, as Persian says it; 0 when the words are not so written.

    A Persian name in -i, past its first letter (Naghdi / Naqdi, Sadeghi / Sadeqi,
    Mottaghi / Mottaqi): a spelling (:data:`PHONETIC_SIM`). Elsewhere gh before a vowel,
    or last after one (Ghaani / Qaani, Ghalibaf / Qalibaf, Sadegh / Sadeq, and the CSL's
    Ghods / Qods), is held for review (:data:`PERSIAN_WIDE_Q_SIM`): Arabic writes غ
    and ق apart, and Ghazi / Qazi or Raghib / Raqib are two Arabic names. The rest of
    the letters agree by skeleton. Never gh against k or g (Bagheri باقری and Bakeri
    باکری are two names; Ghani / Gani): q on one side is what says the letter was ق,
    and never English's last gh (Hugh, Leigh)."""
    if "q" not in a and "q" not in b or "gh" not in a and "gh" not in b:
        return 0.0
    if a[-1] == b[-1] == "i" and a[0] == b[0] and min(len(a), len(b)) >= PERSIAN_Q_MIN_LEN and (
        skeleton(a.replace("gh", "q")) == skeleton(b.replace("gh", "q"))
    ):
        return PHONETIC_SIM
    if skeleton(_GH_AS_Q.sub("q", a)) == skeleton(_GH_AS_Q.sub("q", b)):
        return PERSIAN_WIDE_Q_SIM
    return 0.0


def persian_spelling(a: str, b: str) -> bool:
    """One word of an Iranian name with its ق written q in one spelling and gh in the
    other, anywhere in the word (Haqshenas / Haghshenas, Qolamreza / Gholamreza,
    Dehqanpur / Dehghanpour): the rest agrees by skeleton. Only asked of names that say
    they are Iranian (:func:`~screening.matching.alignment.persian_person`), since
    Arabic writes غ and ق apart (:func:`persian_q`)."""
    if ("q" in a) == ("q" in b) or ("gh" in a) == ("gh" in b) or min(len(a), len(b)) < 3:
        return False
    return skeleton(a.replace("gh", "q")) == skeleton(b.replace("gh", "q"))


#: Shortest Persian -i name read as a spelling by :func:`persian_q` (Naqdi).
PERSIAN_Q_MIN_LEN = 5
#: Credit of ق written q and gh outside a Persian -i name: review strength.
PERSIAN_WIDE_Q_SIM = 0.6
#: gh that may write ق: before a vowel, or last after one vowel (Sadegh, Eshagh, Rafigh),
#: not English's last gh (Hugh, Leigh, Haigh, Keogh).
_GH_AS_Q = re.compile(r"gh(?=[aeiouy])|(?<=[^aeiou][aei])gh$")


#: Shortest words :func:`_l_for_i` reads.
OCR_MIN_LEN = 4


def _l_for_i(a: str, b: str) -> bool:
    """One letter l written for i, all else alike, where an l cannot stand: between two
    consonants or first before one ("Vlktor" / Viktor, "lvan" / Ivan): a capital I scanned
    or typed as a small L, the letters no font tells apart. Where an l can stand, the
    words are two names (Ella / Eila, Marla / Maria, Melli / Meili, Mall / Mali: helper-64)."""
    diff = [k for k, (x, y) in enumerate(zip(a, b)) if x != y]
    if len(diff) != 1 or {a[diff[0]], b[diff[0]]} != {"l", "i"}:
        return False
    k, word = diff[0], a if a[diff[0]] == "l" else b
    before = word[k - 1] if k > 0 else ""
    after = word[k + 1] if k + 1 < len(word) else ""
    return bool(after) and after not in _VOWELS and before not in _VOWELS and before != "l"


def _may_meet(a: str, b: str, skel_a: str, skel_b: str) -> bool:
    """False when no rule of :func:`_token_sim` past the skeleton can join ``a`` and
    ``b``: each needs the words' Indel similarity at ``MEET_MIN`` or more, the
    skeletons' at ``TOKEN_FLOOR`` or more, or the same letters swapped. Three
    similarity calls in C, which spare the rule-by-rule walk for the four words in
    five a look-up finds by sound or by a deleted letter and that are other words."""
    if Indel.normalized_similarity(a, b, score_cutoff=MEET_MIN):
        return True
    if Indel.normalized_similarity(skel_a, skel_b, score_cutoff=TOKEN_FLOOR):
        return True
    if OSA.normalized_similarity(skel_a, skel_b, score_cutoff=TOKEN_FLOOR):
        return True
    return len(a) == len(b) and sorted(a) == sorted(b)  # a transposition (Sehn / Shen)


def _token_sim(a: str, b: str, skel_a: str, skel_b: str) -> tuple[float, str]:
    """Uncached body of :func:`token_match`."""
    if a.isdigit() or b.isdigit():
        return 0.0, ""
    if len(a) <= SHORT_TOKEN and len(b) <= SHORT_TOKEN and _letters_apart(a, b):
        return 0.0, ""  # letters, not words: J&J (jj) is not DJI, S&T (st) not STT
    if skel_a == skel_b and (min(len(a), len(b)) > 2 or abs(len(a) - len(b)) <= 1):
        return SKELETON_SIM, "skeleton"  # not "br" for "beer": a two-letter word is an abbreviation
    q_sim = persian_q(a, b)
    if q_sim:
        return q_sim, "variant"  # Sadeghi / Sadeqi, Ghaani / Qaani: ق as Persian says it
    if not _may_meet(a, b, skel_a, skel_b):
        return 0.0, ""  # most words a look-up finds by sound or deletion end here
    if contrasting(a, b):
        return 0.0, ""  # Offshore / Onshore, Microtek / Macrotek: the prefix is the meaning
    if _gendered(a, b):
        return GENDER_SIM, "gendered"
    short = min(len(a), len(b))
    if short >= 3 and len(a) == len(b) and OSA.distance(a, b) == 1 and sorted(a) == sorted(b):
        return TRANSPOSE_SIM, "variant"  # a typing slip, even in the first letters
    if short >= OCR_MIN_LEN and len(a) == len(b) and Hamming.distance(a, b) == 1 and _l_for_i(a, b):
        return TRANSPOSE_SIM, "variant"  # a scan's or a typist's l for I: "Vlktor" / Viktor
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


#: Similarity of two spellings of a personal name that differ only in vowels a
#: transliteration writes either way (Shokry / Shukri, Mohsen / Muhsin).
VOWEL_SPELLING_SIM = 0.85
#: Shortest word a vowel spelling applies to (Omar / Umar are left to the tables).
VOWEL_SPELLING_MIN_LEN = 5


#: First letters a romanisation of Arabic or Persian writes either way (Izzat / Ezzat, Ismail / Esmail).
_FIRST_EI = frozenset("ei")


#: A long vowel written double, English-style, in a word's last syllable (Saeed, Mansoor,
#: Jamaal), and its one letter; English names double a vowel earlier (Reeves, Cooper:
#: helper-54's review).
_LONG_VOWELS_RE = re.compile("(?:ee|oo|aa)(?=[^aeiou]+i?$)")  # in the last syllable: Rasheed, Mansoori, not Reeves
_LONG_VOWEL = {"ee": "i", "oo": "u", "aa": "a"}


def _long_vowel(m: re.Match[str]) -> str:
    return _LONG_VOWEL[m.group(0)]


@lru_cache(maxsize=65536)
def vowel_spelling(a: str, b: str) -> bool:
    """Two spellings of one personal name that differ only in vowels of one sound class.

    Arabic and Persian write few vowels, so a romanisation picks them: Shokry /
    Shukri, Mohsen / Muhsin, Izzat / Ezzat; a long vowel may be written double
    (Saeed / Said, Mansoor / Mansur). The words have the same first letter
    (or e / i) and consonant key, at most two letter swaps, each within a class of ``sound_classes``
    (o/u, e/i, a/e, i/y; not a/o: Maria / Mario), nothing else, and both end in
    a vowel or both in a consonant. Gendered forms (Simone / Simona) are caught
    before this is asked.
    """
    if len(a) != len(b):
        a, b = _LONG_VOWELS_RE.sub(_long_vowel, a), _LONG_VOWELS_RE.sub(_long_vowel, b)  # Saeed / Said
        if a == b:
            return len(a) >= VOWEL_SPELLING_MIN_LEN  # Nasoof / Nasuf; not Moore / Mure, Green / Grin
    if len(a) != len(b) or len(a) < VOWEL_SPELLING_MIN_LEN or a == b or (a[0] != b[0] and {a[0], b[0]} != _FIRST_EI):
        return False  # a first vowel changed: Ellen / Allen, Alvin / Elvin are two names (Izzat / Ezzat is one)
    if (a[-1] in _VOWELS) != (b[-1] in _VOWELS) or consonant_key(a) != consonant_key(b):
        return False
    hard, soft = transliteration_edits(a, b)
    return hard == 0 and soft <= 2


#: How French, English and Egyptian spellings of Arabic names write one letter, read one
#: way (:func:`arabic_spelling`): French dj and ch (Hadjadj / Hajjaj, Chraibi / Shraybi),
#: c for k or s (Belkacem / Belqasim), ق written k (Tarek / Tariq, Chakra / Shaqra), the
#: vowels Arabic does not write (o / ou / u, e / i, y / i) and a French silent final e.
_ARABIC_LATIN = (
    (re.compile(r"dj"), "j"),
    (re.compile(r"ch"), "sh"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"ck|c|q"), "k"),
    (re.compile(r"(?<=[^aeiouy])e$"), ""),
    (re.compile(r"ou|oo|o"), "u"),
    (re.compile(r"ee|e"), "i"),
    (re.compile(r"(?<=[a-z])y(?![aiu])"), "i"),
    (DOUBLED_LETTERS, r"\1"),
)


#: Spelling rules: each pattern, and what it writes instead.
Rules = tuple[tuple["re.Pattern[str]", str], ...]


def rewritten(word: str, rules: Rules) -> str:
    """``word`` with each of ``rules`` applied in turn."""
    for pattern, repl in rules:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=8192)
def arabic_key(word: str) -> str:
    """``word`` as :data:`_ARABIC_LATIN` reads an Arabic name in Latin letters."""
    return rewritten(word, _ARABIC_LATIN)


def arabic_spelling(a: str, b: str, vessel: bool = False) -> bool:
    """Two Latin spellings of one Arabic name part that differ in more than one way,
    French or Egyptian against English: Tarek / Tariq, Belkacem / Belqasim, Chraibi /
    Shraybi (fresh18's dev half). Equal :func:`arabic_key` of five letters or more, and
    a consonant written otherwise (q / k, ch / sh, dj / j, c / k or s): vowels alone are
    :func:`vowel_spelling`'s. Only asked of names that say they are Arabic
    (:func:`~screening.matching.alignment.arabic_person`): German ch is no sh. A
    ``vessel``'s Arabic words meet by their vowels alone, from three letters (Nur /
    Noor, Huda / Hoda): never by a consonant (El Cerro / El Sero, helper-87's review)."""
    if min(len(a), len(b)) < (VESSEL_ARABIC_MIN_LEN if vessel else SPELLING_KEY_MIN_LEN) or a == b:
        return False
    if arabic_key(a) != arabic_key(b):
        return False  # most pairs end here (the keys are remembered)
    return (_bare_consonants(a) == _bare_consonants(b)) == vessel


def _bare_consonants(word: str) -> str:
    """``word``'s consonants as written, doubled letters once."""
    return DOUBLED_LETTERS.sub(r"\1", "".join(ch for ch in word if ch not in _VOWELS and ch != "y"))


#: Shortest words :func:`arabic_spelling` and :func:`thai_spelling` read (Amer / Amir are
#: already one by their vowels).
SPELLING_KEY_MIN_LEN = 5
#: Shortest words of a vessel's Arabic name :func:`arabic_spelling` reads (Nur / Noor).
VESSEL_ARABIC_MIN_LEN = 3


#: How the Royal Thai General System and the spellings Thais use for their own names
#: write one Thai letter, read one way (:func:`thai_spelling`): an aspirate written with
#: h or not (Chaiyaphon / Chaiyaporn), a final ร as rn or n (-porn, -phon), เ-อ as oe or
#: er (Prasoet / Prasert), จ as ch or j, ว as w or v, long vowels doubled or not.
_THAI_LATIN = (
    (re.compile(r"rn$"), "n"),
    (re.compile(r"(?<=[ptk])h"), ""),
    (re.compile(r"ch|j"), "c"),
    (re.compile(r"w"), "v"),
    (re.compile(r"er(?![aeiou])"), "oe"),  # one vowel written two ways, not er against e (Werner / Wenner)
    (re.compile(r"ee"), "i"),
    (re.compile(r"oo|ou"), "u"),
    (re.compile(r"y"), "i"),
    (DOUBLED_LETTERS, r"\1"),
)


@lru_cache(maxsize=8192)
def thai_key(word: str) -> str:
    """``word`` as :data:`_THAI_LATIN` reads a Thai name in Latin letters."""
    return rewritten(word, _THAI_LATIN)


def thai_spelling(a: str, b: str) -> bool:
    """Two Latin spellings of one Thai name part, the RTGS and the name's own: Chaiyaporn
    / Chaiyaphon, Prasert / Prasoet (fresh18's dev half). Equal :func:`thai_key` of five
    letters or more, the first letters alike; only asked of names that say they are Thai
    (:func:`~screening.matching.alignment.thai_person`)."""
    if min(len(a), len(b)) < SPELLING_KEY_MIN_LEN or a == b or a[0] != b[0]:
        return False
    return thai_key(a) == thai_key(b)


#: Similarity of two East Slavic renderings of one name (Belarusian, Ukrainian
#: and Russian forms: Aliaksandr / Aleksandr, Halavanau / Golovanov).
SLAVIC_SIM = 0.85
#: Fewest consonants a name part needs to be read by its East Slavic key.
SLAVIC_KEY_MIN = 3
#: Shortest words whose first letters may differ (Hienadz / Gennady, Oleksandr /
#: Aleksandr; not Oskar / Askar, Harold / Gerald).
SLAVIC_FIRST_MIN = 7
#: Letters Belarusian and Ukrainian write otherwise, read the Russian way.
_SLAVIC_RULES = (
    (re.compile(r"^ul(?=adz)"), "vl"),  # Belarusian у for an opening в (Uladzimir, Uladzislau); not Ulanova
    (re.compile(r"dzh"), "j"),  # дж
    (re.compile(r"x"), "ks"),
    (re.compile(r"dz(?=[ieymv]|$)"), "d"),  # Belarusian дз for soft д (Dzmitry, Arkadzi, Genadz); not Dzagoev
    (re.compile(r"ts(?=[iy])"), "t"),  # Belarusian ц for soft т (Vetsianevich)
    (re.compile(r"(?<![kzcs])h"), "g"),  # Belarusian and Ukrainian г (Ihar, Oleh, Hryhoryavich)
    (re.compile(r"(?<=[aeo])u(?=[^aeiouy])|(?<=[ae])u$"), "v"),  # ў for в (Paulavich, Tsikhanouskaya, Halavanau); not final -ou (Pavlou)
    (re.compile(r"w"), "v"),
    (re.compile(r"y"), "i"),
    (re.compile(r"i?i?(?:ia|ie|io)"), "e"),  # я, е, ё after a soft consonant (Aliaksandr, Piatrovich)
    (re.compile(r"[oea]v(?:i|a)ch$"), "ovich"),  # patronymics: -avich, -evich, -ovych
    (re.compile(r"[oea]vna$"), "ovna"),
    # Ukrainian and Polish feminine -ska, Russian -skaya (Poklonska / Poklonskaya, Gorska /
    # Gorskaya: a short stem too, helper-70's review)
    (re.compile(r"(?<=[a-z]{2})ska$"), "skae"),
    (DOUBLED_LETTERS, r"\1"),
)
_CONSONANT_DIGRAPHS = ((re.compile(r"shch|sch"), "S"), (re.compile(r"zh"), "Z"), (re.compile(r"sh"), "S"),
                       (re.compile(r"ch"), "C"), (re.compile(r"kh"), "X"))


@lru_cache(maxsize=8192)
def slavic_letters(word: str) -> str:
    """``word`` with the letters Belarusian and Ukrainian write otherwise read
    the Russian way: г as h (Ihar / Igor), ў as u (Paulavich / Pavlovich), дз
    and ц for soft д and т (Dzimenshtein / Dimenshtein, Vetsianevich /
    Vetenevich), я / е after a soft consonant as ia / ie (Aliaksandr), the feminine
    -ska as -skaya, and patronymic endings one way (-avich, -ovych, -evich)."""
    return rewritten(word, _SLAVIC_RULES)


@lru_cache(maxsize=8192)
def slavic_key(word: str) -> str:
    """The consonants of :func:`slavic_letters`: Halavanau and Golovanov both give "glvnv"."""
    word = slavic_letters(word)
    for pattern, repl in _CONSONANT_DIGRAPHS:
        word = pattern.sub(repl, word)
    return "".join(ch for ch in word if ch not in _VOWELS)


#: First letters East Slavic forms of one name may differ in (Hienadz / Gennady, Oleksandr / Aleksandr).
_SLAVIC_FIRSTS = (frozenset("hg"), frozenset("oa"))


#: How German and French write Russian sounds, read the English way: Schtschukin,
#: Juri and Jurjewitsch (German), Prigojine, Evgueni and Poutine (French) are Shchukin,
#: Yuri, Yuryevich, Prigozhin, Evgeni and Putin. Each language is read alone (its z and
#: j are the other's ts and zh), in one pass, longest spelling first. German j is
#: always the glide, after a consonant too (Jurjewitsch, Iljin: the soft sign).
_GERMAN = {"schtsch": "shch", "tsch": "ch", "sch": "sh", "ch": "kh", "w": "v", "z": "ts", "ss": "s", "j": "y"}
_FRENCH = {"tch": "ch", "ch": "sh", "dj": "dzh", "j": "zh", "ou": "u", "gue": "ge", "gui": "gi", "ss": "s"}
_GERMAN_RE = re.compile("|".join(sorted(_GERMAN, key=len, reverse=True)))
_FRENCH_RE = re.compile("|".join(sorted(_FRENCH, key=len, reverse=True)))
#: Polish likewise (Szojgu, Czernomyrdin, Chodorkowski, Siergiej, Jewgienij, Gadecki:
#: Shoigu, Chernomyrdin, Khodorkovsky, Sergey, Yevgeny, Gadetsky): sz, cz, rz; c; w; j a
#: glide; ie after a consonant one e.
_POLISH = {"szcz": "shch", "sz": "sh", "cz": "ch", "rz": "zh", "ch": "kh", "c": "ts", "w": "v", "j": "y"}
_POLISH_RE = re.compile("|".join(sorted(_POLISH, key=len, reverse=True)) + "|(?<=[^aeiouy])ie")
#: Letters only that language writes for a Russian sound: a word without them is read
#: as written ("Zarev" is no German Tsarev: helper-54's review). A family name's -zki
#: (-цкий) is German, -cki Polish (Gadezki, Gadecki: Gadetskiy, fresh14's dev half).
_GERMAN_MARK = re.compile(r"w|sch|^j|(?<=[aeiou])j|(?<=[aeiou])ch|zk(?:i|ij|y)$")
_FRENCH_MARK = re.compile(r"ou|j|tch|gu[eiy]|ine$")
_POLISH_MARK = re.compile(r"sz|cz|rz|w|(?<=[^aeiouy])ie|ck[ia]$")
#: French writes a final e after a consonant that Russian lacks (Prigojine, Poutine).
_FRENCH_FINAL_E = re.compile(r"(?<=[^aeiou])e$")


@lru_cache(maxsize=8192)
def western_readings(word: str) -> tuple[str, ...]:
    """A Russian name part as German, French and Polish write it, read the English way
    ("schtschukin" -> "shchukin", "prigojine" -> "prigozhin", "szojgu" -> "shoygu"); the
    readings that differ from ``word``."""
    out = []
    if _GERMAN_MARK.search(word):
        out.append(_GERMAN_RE.sub(lambda m: _GERMAN.get(m.group(0), "y"), word))
    if _FRENCH_MARK.search(word):
        out.append(_FRENCH_FINAL_E.sub("", _FRENCH_RE.sub(lambda m: _FRENCH[m.group(0)], word)))
    if _POLISH_MARK.search(word):
        out.append(_POLISH_RE.sub(lambda m: _POLISH.get(m.group(0), "e"), word))
    return tuple(dict.fromkeys(r for r in out if r != word))


@lru_cache(maxsize=65536)
def slavic_spelling(a: str, b: str) -> bool:
    """Two East Slavic renderings of one name part: Aliaksandr / Aleksandr,
    Halavanau / Golovanov, Samuilavich / Samuilovich, Oleksandr / Aleksandr.

    Read by :func:`slavic_letters`, the words may differ only in a written as o
    (akanye: Belarusian writes unstressed о as а) or as the e of a last syllable -ev after
    a hard ts, ch, sh, zh or r (Zaitsau / Zaytsev), always on the same side
    (Roman / Ramon swap both ways: two names), in i for e (Ukrainian і:
    Bilousov / Belousov), and in a glide i. Both have five letters or more and
    the same :func:`slavic_key` of three consonants or more; first letters
    differ only as the Belarusian and Ukrainian letters read the Russian way
    (Halina / Galina, Herman / German, Uladzimir / Vladimir) or as h / g or o / a in
    words of seven letters or more; and a name in -a does not meet one that does not
    end so (Oleksandra / Aleksandr, Bohdana / Bogdan are a woman's and a man's names).
    Belarusian -iou (ёў) meets Russian -ev / -ov with its akanye (Kavaliou / Kovalev),
    not without it (Greek Georgiou / Georgiev).
    """
    if min(len(a), len(b)) < SHORT_WORD or a == b:
        return False
    iou = a.endswith("iou") != b.endswith("iou") and (a + b).endswith("v")
    if iou:
        # Belarusian ёў against Russian ё written e, yo or io: Kavaliou / Kovalev, Karaliou /
        # Korolyov, with its akanye (below); not Greek -iou (Georgiou / Georgiev)
        a, b = (a[:-1] + "v", b) if a.endswith("iou") else (a, b[:-1] + "v")
    x, y = slavic_letters(a), slavic_letters(b)
    if a[0] != b[0] and x[:1] != y[:1] and (
            {a[0], b[0]} not in _SLAVIC_FIRSTS or min(len(a), len(b)) < SLAVIC_FIRST_MIN):
        return False  # (Uladzimirauna / Vladimirovna: Belarusian у for an opening в)
    if (a[-1] == "a") != (b[-1] == "a"):
        return False
    ka = slavic_key(a)
    if len(ka) < SLAVIC_KEY_MIN or ka != slavic_key(b):
        return False
    a_side: set[bool] = set()
    for op in Levenshtein.editops(x, y):
        if op.tag == "replace":
            pair = {x[op.src_pos], y[op.dest_pos]}
            if pair == {"a", "o"} or (pair == {"a", "e"} and _belarusian_ending(x, y, op.src_pos)):
                a_side.add(x[op.src_pos] == "a")
            elif pair != {"i", "e"}:
                return False
        elif (x[op.src_pos] if op.tag == "delete" else y[op.dest_pos]) != "i":
            return False
    return len(a_side) == 1 if iou else len(a_side) <= 1


#: Consonants Belarusian writes hard, so an unstressed е after them is а in the family
#: name's ending (Зайцаў, Zaitsau for Зайцев, Zaytsev): ts, ch, sh, zh, r.
_HARD_BEFORE = ("ts", "ch", "sh", "zh", "r")


def _belarusian_ending(x: str, y: str, pos: int) -> bool:
    """True when ``pos`` is the a / e of a family name's last syllable, -av / -ev as
    :func:`slavic_letters` reads -au, after a hard consonant: nowhere else (helper-58's
    review: Sherif / Sharifi, Frank / Frenki, Kiryanov / Kranovyi are other names)."""
    return pos == len(x) - 2 == len(y) - 2 and x[-1] == y[-1] == "v" and x[:pos].endswith(_HARD_BEFORE)


def plural_of(a: str, b: str) -> bool:
    """True when one word is the other plus a plural ending (star / stars, box / boxes)."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if short.endswith("s") and long_ == short + "s":
        return False  # a letter doubled or dropped, no plural: Expres / Express, Kompas / Kompass
    return len(short) >= 3 and long_ in (short + "s", short + "es")


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


_ENGLISH = snowballstemmer.stemmer("english")


@lru_cache(maxsize=4096)
def english_stem(word: str) -> str:
    """The Snowball (Porter 2) stem of an English word: trading -> trade, industries -> industri."""
    return _ENGLISH.stemWord(word)


def same_stem(a: str, b: str) -> bool:
    """True for two forms of one English word (Trade / Trading, Electronic / Electronics)."""
    return len(a) > SHORT_TOKEN and len(b) > SHORT_TOKEN and english_stem(a) == english_stem(b)


def transliteration_edits(a: str, b: str) -> tuple[int, int]:
    """Edits between two spellings of a name: ``(other edits, transliteration edits)``.

    A transliteration edit is a letter swapped for one of its sound class
    (Vivanco / Vibanco, Jaroslav / Yaroslav, German / Herman, Izzat / Ezzat)
    or a silent letter added or dropped (Ghazi / Gazi, Semyonovich /
    Semenovich), or the j of dj for đ in a South Slavic family name (Djordjevic /
    Dordevic): how two alphabets render one sound. The classes are
    ``sound_classes`` / ``silent`` of ``romanization.yaml``.
    """
    if a == b:
        return 0, 0
    t = tables()
    hard = soft = 0
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            pair = frozenset((a[op.src_pos], b[op.dest_pos]))
            sound = pair in t.sound_pairs or _greek_diphthong(a, b, op.src_pos, op.dest_pos)
        else:
            word, k = (a, op.src_pos) if op.tag == "delete" else (b, op.dest_pos)
            # a silent letter, or the j of dj for đ in a South Slavic family name (Djordjevic /
            # Dordevic; not French dj for j in Arabic names: Djalil / Dalil, helper-85's review)
            sound = word[k] in t.silent_letters or (word[k] == "j" and k > 0 and word[k - 1] == "d"
                                                    and a.endswith(_SOUTH_SLAVIC_ENDS)
                                                    and b.endswith(_SOUTH_SLAVIC_ENDS))
        soft += sound
        hard += not sound
    return hard, soft


#: Endings of South Slavic family names, in which dj and d both write đ (Djordjevic, Dukic).
_SOUTH_SLAVIC_ENDS = ("ic", "ich")


#: Shortest words read with the Greek diphthong rule (:func:`_greek_diphthong`).
DIPHTHONG_MIN_LEN = 6


def _greek_diphthong(a: str, b: str, i: int, j: int) -> bool:
    """``a[i]`` and ``b[j]`` are u and v after one vowel a or e and before the same
    consonant, in words of at least ``DIPHTHONG_MIN_LEN`` letters: Russian reads the
    Greek diphthongs eu and au as ev and av (Pnevmo / Pneumo, Avto / Auto, Evro /
    Euro). Not before a vowel or l, where they are German or Nordic names (Brauer /
    Braver, Paulsen / Pavlsen), nor in short names (Mauro / Mavro)."""
    x, y = a[i], b[j]
    if not ((x == "u" and y == "v") or (x == "v" and y == "u")) or min(len(a), len(b)) < DIPHTHONG_MIN_LEN:
        return False
    if i == 0 or j == 0 or i + 1 >= len(a) or j + 1 >= len(b):
        return False
    after = a[i + 1]
    return a[i - 1] == b[j - 1] and a[i - 1] in "ae" and after == b[j + 1] and after not in _VOWELS and after != "l"


def edit_cost(edits: tuple[int, int]) -> float:
    """What ``(other edits, transliteration edits)`` cost: a transliteration edit ``SOUND_EDIT_COST``."""
    return edits[0] + edits[1] * SOUND_EDIT_COST


#: Letters a consonant key drops: vowels, and letters that transliterations add
#: or drop (Ghazi / Gazi, Thaek / Taek, Fereydoon / Fereidoun).
_KEY_DROPS = frozenset("aeiouyhw")
#: Most a spelling variant may differ by (transliteration edits count half).
VARIANT_MAX_COST = 2.0
#: A word extended by this many letters or more is another word (Petrov / Petrovsky).
EXTENSION_MIN = 2


def consonant_key(word: str) -> str:
    """``word`` with ph read f, vowels, h, w and y dropped, and doubled letters single."""
    out: list[str] = []
    for ch in word.replace("ph", "f"):
        if ch not in _KEY_DROPS and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


#: First letters after which romanisations of Arabic and Persian write or drop
#: an h (gh, kh: Ghazi / Gazi, Khalaf / Kalaf, both SDN aliases of one person).
#: Not dh, th: Vietnamese, Burmese and Indian names write them as other sounds
#: (Thuan / Tuan, Thura / Tura, Dhara / Dara).
_H_DIGRAPH_HEADS = frozenset("gk")
#: Shortest word whose h digraph may be dropped (Ghazi; Khan is not Kan).
_H_DIGRAPH_MIN = 5


def _opening(word: str) -> str:
    """A word's first two letters, an h digraph read as its first letter:
    "ghazi" and "gazi" open alike ("ga"), "rose" and "rios" do not."""
    if len(word) >= _H_DIGRAPH_MIN and word[0] in _H_DIGRAPH_HEADS and word[1] == "h":
        word = word[0] + word[2:]
    return word[:2]


def spelling_variant(a: str, b: str, how: str = "") -> bool:
    """Two words that are one word spelled otherwise: the same consonant key, at
    most two edits (transliteration edits count half), not a gendered form
    (``how`` "gendered": Maria / Mario) and not a word extended by a suffix
    (Richards / Richardson, Revolution / Revolutionary); words of at most five
    letters keep their first two letters (Rose / Rios, Mills / Myles are two
    names), and both end in a vowel or both in a consonant (Oleg / Olga, Salim /
    Salma are a name's two genders). Jebli / Jebelli, Sameer / Samir, Mahmoud /
    Mahamud are variants; Rubio / Rubino and Michael / Michelle are not."""
    if how == "gendered":
        return False
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) >= EXTENSION_MIN and long_.startswith(short):
        return False
    if consonant_key(a) != consonant_key(b):
        return False
    if min(len(a), len(b)) <= SHORT_WORD and _opening(a) != _opening(b):
        return False  # Rose / Rios, Mills / Myles, John / Juan: in a short word two edits are another name
    if (a[-1] in _VOWELS) != (b[-1] in _VOWELS):
        return False  # Oleg / Olga, Salim / Salma, Fred / Frida: a name's other gender
    a, b = a.replace("ph", "f"), b.replace("ph", "f")  # Delfin / Dolphin: one sound, one letter
    return edit_cost(transliteration_edits(a, b)) <= VARIANT_MAX_COST


#: Shortest words read by :func:`vowel_respelling` (Hizballah, Mujahedin; not Capitol / Capital).
VOWEL_RESPELLING_MIN_LEN = 8
#: Vowels a respelling may swap (not y, which is also a consonant).
_PLAIN_VOWELS = frozenset("aeiou")


def vowel_respelling(a: str, b: str) -> bool:
    """Two spellings of one long organisation word that differ only in one or two
    inner vowels, one letter for one letter: Hezbollah / Hizballah, Hizbullah /
    Hizballah, Mujahedin / Mujahidin. Arabic and Persian write no short vowels,
    so each romanisation guesses them. The words are at least
    ``VOWEL_RESPELLING_MIN_LEN`` letters long and keep their first and last
    letters (a final vowel is often a grammatical ending); one vowel alone is
    :func:`token_match`'s rule."""
    if len(a) != len(b) or len(a) < VOWEL_RESPELLING_MIN_LEN or a[0] != b[0] or a[-1] != b[-1]:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return 0 < len(diff) <= 2 and all(x in _PLAIN_VOWELS and y in _PLAIN_VOWELS for x, y in diff)
