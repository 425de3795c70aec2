"""Korean names: Hangul syllables to Latin spellings, and Hanja to Hangul.

A Hangul syllable is composed arithmetically (U+AC00 + (initial * 21 + vowel)
* 28 + final), so the romaniser is three small tables: Revised Romanization
(RR) of each jamo, plus the spellings people actually use for names, which
mostly follow McCune-Reischauer (voiceless initials k/t/p/ch, eo and eu
written o and u): 정 is jeong (RR), jong, jung or chong; 은 is eun or un.
Family names have fixed conventional spellings that no rule produces
(김 Kim, 이 Lee/Yi/Rhee, 박 Park, 최 Choi); those come from
``resources/ko_names.yaml``, as do the Korean readings of Hanja
(金正恩 -> 김정은 -> Kim Jong Un).

Each syllable yields several spellings; the comparator picks the one the
other name uses (see :mod:`screening.matching.choices`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

#: First and last Hangul syllable code points.
SYLLABLE_FIRST = 0xAC00
SYLLABLE_LAST = 0xD7A3
#: Revised Romanization of the 19 initial consonants (ㅇ is silent).
INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
#: Revised Romanization of the 21 vowels.
VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae",
    "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)
#: Revised Romanization of the 28 finals (none first), as pronounced at a word end.
FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
    "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)
#: Name spellings of initials besides RR: voiceless (McCune-Reischauer); ㄹ as r, l,
#: n or nothing (룡 is Ryong in the North, Yong in the South).
INITIAL_VARIANTS = {"g": ("k",), "d": ("t",), "b": ("p",), "j": ("ch",), "r": ("", "l", "n"),
                    # the DPRK's own romanisation writes the aspirates ㅌ ㅍ ㅋ th, ph, kh
                    # (SDN: "THAE, Yong Ho", vessels "PO THONG GANG", "YU PHYONG 5")
                    "t": ("th",), "p": ("ph",), "k": ("kh",)}
#: Name spellings of vowels besides RR (eo -> o/u, eu -> u, ...).
VOWEL_VARIANTS = {
    "eo": ("o", "u"),
    "yeo": ("yo", "yu"),
    "eu": ("u",),
    "ae": ("ai",),
    "oe": ("oi", "wae"),
    "ui": ("i", "eui"),
    "u": ("oo",),
    "wo": ("won",),
}
#: Final spellings besides RR (ㄱ may be written g at a word end in names).
FINAL_VARIANTS: dict[str, tuple[str, ...]] = {"k": ("g",), "l": ("r",)}
#: Most spellings kept per syllable.
MAX_SPELLINGS = 8


def is_hangul(ch: str) -> bool:
    """True for a precomposed Hangul syllable."""
    return SYLLABLE_FIRST <= ord(ch) <= SYLLABLE_LAST


def has_hangul(text: str) -> bool:
    """True when ``text`` holds any Hangul syllable."""
    return any(is_hangul(ch) for ch in text)


def jamo(ch: str) -> tuple[int, int, int]:
    """Indexes of the initial, vowel and final of one Hangul syllable."""
    code = ord(ch) - SYLLABLE_FIRST
    return code // (21 * 28), (code % (21 * 28)) // 28, code % 28


@lru_cache(maxsize=4096)
def syllable_spellings(ch: str) -> tuple[str, ...]:
    """Latin spellings of one syllable, Revised Romanization first.

    >>> syllable_spellings("은")[:2]
    ('eun', 'un')
    """
    if not is_hangul(ch):
        return ()
    i, v, f = jamo(ch)
    initial, vowel, final = INITIALS[i], VOWELS[v], FINALS[f]
    initials = (initial, *INITIAL_VARIANTS.get(initial, ()))
    vowels = (vowel, *VOWEL_VARIANTS.get(vowel, ()))
    finals = (final, *FINAL_VARIANTS.get(final, ()))
    out: list[str] = []
    for ii in initials:  # RR initial with every vowel spelling first (jeong, jong, jung, cheong ...)
        for vv in vowels:
            for ff in finals:
                spelling = ii + vv + ff
                if ii == "s" and vv.startswith("i"):
                    out.append("sh" + vv + ff)  # 신 Shin, 시 Shi
                if spelling not in out:
                    out.append(spelling)
    return tuple(dict.fromkeys(out))[:MAX_SPELLINGS]


#: Spellings per syllable combined into a given name, and most combinations kept.
GIVEN_SPELLINGS_PER_SYLLABLE = 6
GIVEN_SPELLINGS_MAX = 40


@lru_cache(maxsize=4096)
def given_name_spellings(given: str) -> tuple[str, ...]:
    """Spellings of a given name of one or more syllables, joined in order.

    The same convention is used across syllables first (all RR, all
    McCune-Reischauer-like), then mixed ones: 정은 -> jeongeun, jongun, ...
    """
    per = [syllable_spellings(ch)[:GIVEN_SPELLINGS_PER_SYLLABLE] for ch in given if is_hangul(ch)]
    if not per:
        return ()
    out: list[str] = []
    for k in range(max(len(p) for p in per)):  # same rank in every syllable first
        out.append("".join(p[min(k, len(p) - 1)] for p in per))
    combos = [""]
    for p in per:
        combos = [c + s for c in combos for s in p]
    out.extend(combos)
    return tuple(dict.fromkeys(out))[:GIVEN_SPELLINGS_MAX]


def _spelling_index(base: tuple[str, ...], variants: dict[str, tuple[str, ...]]) -> dict[str, frozenset[int]]:
    """Latin spelling -> the jamo indexes it may write (RR and the name spellings)."""
    out: dict[str, set[int]] = {}
    for k, rr in enumerate(base):
        for spelling in (rr, *variants.get(rr, ())):
            out.setdefault(spelling, set()).add(k)
    return {sp: frozenset(ks) for sp, ks in out.items()}


#: Vowel spellings a name writes only in a closed syllable after a consonant: eo as u
#: (성 Sung, 경 Kyung, 정 Jung), yeo as yu; an open one keeps o (서 So is not 수 Su, 여 Yo
#: not 유 Yu) and so does a syllable without an initial (언 is not 운 / 은 Un).
_CLOSED_ONLY: dict[str, tuple[str, ...]] = {"eo": ("u",), "yeo": ("yu",)}
#: Spellings names use that the romaniser does not write (희 Hee).
_NAME_EXTRA: dict[str, tuple[str, ...]] = {"ui": ("ee",)}
_INITIAL_OF = _spelling_index(INITIALS, {**INITIAL_VARIANTS, "s": ("sh",)})
_VOWEL_OF = _spelling_index(VOWELS, {
    v: tuple(x for x in (*VOWEL_VARIANTS.get(v, ()), *_NAME_EXTRA.get(v, ())) if x not in _CLOSED_ONLY.get(v, ()))
    for v in VOWELS
})
_VOWEL_CLOSED_OF = _spelling_index(VOWELS, _CLOSED_ONLY)
_FINAL_OF = _spelling_index(FINALS, FINAL_VARIANTS)
_LONGEST = max(len(x) for x in (*_INITIAL_OF, *_VOWEL_OF, *_FINAL_OF))
#: Index of "no final".
_NO_FINAL = 0

_Parse = tuple[frozenset[int], frozenset[int], frozenset[int], frozenset[int]]


@lru_cache(maxsize=8192)
def latin_syllable(word: str) -> tuple[_Parse, ...]:
    """Every way ``word`` spells one Hangul syllable: the (initials, vowels, vowels in a
    closed syllable after a written consonant only, finals) it may write, by the tables :func:`syllable_spellings`
    writes with; () when none.

    >>> bool(latin_syllable("eun")) and bool(latin_syllable("un")), latin_syllable("smith")
    (True, ())
    """
    out = []
    for i in range(min(len(word), _LONGEST) + 1):
        initials = _INITIAL_OF.get(word[:i])
        if initials is None:
            continue
        for j in range(i + 1, min(len(word), i + _LONGEST) + 1):
            spelled = word[i:j]
            vowels = _VOWEL_OF.get(spelled, frozenset())
            closed = (_VOWEL_CLOSED_OF.get(spelled, frozenset()) - vowels) if i else frozenset()
            finals = _FINAL_OF.get(word[j:]) if vowels or closed else None
            if finals is not None:
                out.append((initials, vowels, closed, finals))
    return tuple(out)


def same_syllable(a: str, b: str) -> bool:
    """True when two Latin words may spell one Hangul syllable: Eun / Un (은), Seong /
    Song / Sung (성), Kwang / Gwang (광), Hui / Hee (희), as RR and McCune-Reischauer and
    name usage write them; not So / Su, Yo / Yu, Un / On (two syllables each)."""
    for ia, va, ca, fa in latin_syllable(a):
        for ib, vb, cb, fb in latin_syllable(b):
            initials, finals = ia & ib, fa & fb
            if not initials or not finals:
                continue
            if va & vb:
                return True
            if (va | ca) & (vb | cb) and (ca or cb) and finals - {_NO_FINAL}:
                return True  # a closed-syllable spelling (read only after a written consonant)
    return False


def surname_spellings(ch: str, surnames: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Conventional spellings of a family-name syllable (table first, then the rules)."""
    listed = surnames.get(ch, ())
    return tuple(dict.fromkeys((*listed, *syllable_spellings(ch))))[:MAX_SPELLINGS]


def hanja_to_hangul(text: str, hanja: dict[str, str]) -> str | None:
    """Korean reading of a Han name, or None when a character has no known reading."""
    out = []
    for ch in text:
        reading = hanja.get(ch)
        if reading is None:
            return None
        out.append(reading)
    return "".join(out)


#: Longest Hangul word looked for when a name is cut into words (신의주, 주식회사: 3-4;
#: 공업종합대학, a university of technology: 6).
SEGMENT_MAX = 6


def segment(run: str, is_word: Callable[[str], bool]) -> list[tuple[str, bool]]:
    """A run of Hangul cut into known words (longest first, left to right) and the
    runs between them: ``[(piece, known)]``. 조선련봉총회사 -> 조선, 련봉, 총회사."""
    out: list[tuple[str, bool]] = []
    rest = ""
    i = 0
    while i < len(run):
        for size in range(min(SEGMENT_MAX, len(run) - i), 1, -1):
            if is_word(run[i : i + size]):
                if rest:
                    out.append((rest, False))
                    rest = ""
                out.append((run[i : i + size], True))
                i += size
                break
        else:
            rest += run[i]
            i += 1
    if rest:
        out.append((rest, False))
    return out
