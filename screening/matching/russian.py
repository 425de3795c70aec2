"""Russian organisation words in Latin letters: inflection and international words.

Russian registered names reach the lists twice, romanised and translated:
"KONSTRUKTORSKOE BYURO NAVIGATSIONNYKH SISTEM" and "DESIGN BUREAU OF NAVIGATION
SYSTEMS", "NOVOSIBIRSKOE PROIZVODSTVENNOE OBEDINENIE" and "NOVOSIBIRSK
PRODUCTION ASSOCIATION". Two regularities of the language carry across without
a dictionary:

* **Inflection.** An adjective takes a dozen endings (-yi, -aya, -oe, -ogo,
  -ykh ...); a noun a few (-iya, -ii). :func:`lemma` strips them from a
  romanisation skeleton, so one entry of ``ru_org_terms.yaml`` reads every form.
* **International words** (:func:`cognate`). Russian builds adjectives from
  the same Latin and Greek roots English uses, with regular suffixes:
  -alnyi for -al (FEDERALNAYA / Federal), -tsionnyi for -tion
  (NAVIGATSIONNYKH / Navigation), -icheskii for -ic or -ical (FIZICHESKIKH /
  Physical), -skii after a town for the town (NOVOSIBIRSKOE / Novosibirsk,
  MOSKOVSKII / Moscow), -iya for -y (TEKHNOLOGII / Technologies). The
  romanisation differs in known letters (kh for ch, ts for c, k for hard c, f
  for ph). Only a word with a Russian ending meets an English word that has
  none: two Russian forms of one adjective, or two English words, are not
  linked here.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Shortest stem a Russian word keeps once its ending is read (``lemma``).
LEMMA_MIN_STEM = 4
#: Shortest stem that may lose a one-vowel ending (-a, -i, -e, -u): "bank", "fond"
#: stay whole; "sistema" / "sistemy" meet.
LEMMA_MIN_STEM_VOWEL = 5
#: Shortest cognate key compared; keys of COGNATE_FUZZY_MIN letters or more may
#: differ in one vowel (KHIMICHESKII / Chemical, SIBIRSKII / Siberia).
COGNATE_MIN_KEY = 4
COGNATE_FUZZY_MIN = 5

#: Endings of Russian adjectives and nouns, in skeleton spelling (y read as i,
#: doubled letters collapsed: -yy and -iy are -i, -ykh is -ih), longest first.
_LEMMA_ENDINGS = ("iaia", "ogo", "ego", "omu", "emu", "aia", "uiu", "oiu", "imi", "ami",
                  "ih", "oi", "oe", "ee", "ai", "ia", "iu", "om")
_VOWEL_ENDINGS = ("a", "i", "e", "u")
#: A consonant followed by "ie" is the Е after Ъ or Ь that BGN writes ye
#: (OBYEDINENIE / OBEDINENIE).
_SOFT_IE_RE = re.compile(r"(?<=[^aeiou])ie")

#: Inflection endings of a romanised Russian adjective or noun (raw spelling).
_INFL = r"(?:yy|yi|iy|ii|ij|yj|y|i|oy|oi|oj|o|aya|aia|aja|ya|ia|a|oye|oe|ye|ie|e|ogo|ego|ykh|ikh|kh|ym|im|ymi|imi|uyu|uiu|yu|iu|u|om|em|oyu|oiu|ei|ey)"
#: A place adjective: a town's name and -sk (NOVOSIBIRSKOE, MOSKOVSKII, LIANOZOVSKII).
_PLACE_RE = re.compile(rf"^([a-z]{{3,}}?)sk{_INFL}$")
#: Endings of family names: a town adjective without its -sk does not meet them
#: (PETROVSKII is not Petrov).
_SURNAME_ENDINGS = ("ov", "ev", "in", "yn")
#: Russian derivational suffixes and the English ending each corresponds to.
_RU_SUFFIXES = (
    (re.compile(rf"^([a-z]{{3,}}?)(?:ichesk|chesk){_INFL}$"), ("ik",)),   # fizicheskikh / physical
    (re.compile(rf"^([a-z]{{3,}}?)al'?n{_INFL}$"), ("al",)),               # federalnaya / federal
    (re.compile(rf"^([a-z]{{3,}}?)ion'?nn?{_INFL}$"), ("ion",)),             # navigatsionnykh / navigation
    (re.compile(rf"^([a-z]{{3,}}?)ivn{_INFL}$"), ("iv",)),                 # perspektivnyi / perspective
    (re.compile(rf"^([a-z]{{3,}}?)arn{_INFL}$"), ("ar",)),                 # elementarnyi / elementary
    (_PLACE_RE, ("sk", "")),                                               # novosibirskoe / novosibirsk, moskovskii / moscow
    (re.compile(r"^([a-z]{4,}?)(?:iya|iyu|ija|iju|iia|iiu|ii)$"), ("i",)),  # tekhnologii / technologies
)
#: English endings, read to the same keys.
_EN_SUFFIXES = (
    (re.compile(r"^(.{3,}?)i[ck]al$"), "ik"),    # physical, chemical
    (re.compile(r"^(.{3,}?)i[ck]s?$"), "ik"),     # electronic, electronics
    (re.compile(r"^(.{3,}?)ies$"), "i"),          # technologies
    (re.compile(r"^(.{3,}?)ian$"), ""),           # siberian
)
#: Letters Russian romanisation writes otherwise than English spelling, applied
#: to both words in order (the result is a comparison key, not a spelling).
_SPELL = (
    (re.compile(r"kh"), "ch"),                  # tekhnologii / technologies
    (re.compile(r"ph"), "f"),                   # fizicheskii / physical
    (re.compile(r"th"), "t"),                   # teoreticheskii / theoretical
    (re.compile(r"x"), "ks"),
    (re.compile(r"qu"), "kv"),                  # kvantovyi / quantum
    (re.compile(r"w"), "v"),                    # moskovskii / moscow
    (re.compile(r"^ye|(?<=[^aeiou])ye"), "e"),
    (re.compile(r"ts"), "c"),                   # tsentralnyi / central
    (re.compile(r"ti(?=[aeiou])"), "ci"),       # navigation / navigatsionnyi
    (re.compile(r"c(?![eiyh])"), "k"),          # communal / kommunalnyi
    (re.compile(r"y"), "i"),
    (re.compile(r"z"), "s"),                    # fizicheskii / physical
    (re.compile(r"([a-z])\1+"), r"\1"),
)


@lru_cache(maxsize=1 << 16)
def lemma(skel: str) -> str:
    """The stem of a Russian word's romanisation skeleton, its ending taken off.

    "proizvodstvenoe", "proizvodstveni", "proizvodstvenogo" (skeletons of
    -noe, -nyi, -nogo) all give "proizvodstven"; "obiedinenie" (OBYEDINENIE)
    and "obedinenie" give "obedinen". A word too short to lose its ending is
    returned whole.
    """
    word = _SOFT_IE_RE.sub("e", skel)
    for end in _LEMMA_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= LEMMA_MIN_STEM:
            return word[: -len(end)]
    if word.endswith(_VOWEL_ENDINGS) and len(word) - 1 >= LEMMA_MIN_STEM_VOWEL:
        return word[:-1]
    return word


def _spell(word: str) -> str:
    for pattern, repl in _SPELL:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1 << 16)
def russian_keys(word: str) -> frozenset[str]:
    """Cognate keys of a romanised Russian adjective or noun; empty for any other word.

    "navigatsionnykh" -> {"navigacion"}; "novosibirskoe" -> {"novosibirsk",
    "novosibir"}; "tekhnologii" -> {"technologi"}.
    """
    if len(word) < 6 or not word.isalpha():
        return frozenset()
    for pattern, ends in _RU_SUFFIXES:
        m = pattern.match(word)
        if m:
            stem = _spell(m.group(1))
            return frozenset(k for k in (_spell(m.group(1) + e) if e else stem for e in ends) if len(k) >= COGNATE_MIN_KEY)
    return frozenset()


@lru_cache(maxsize=1 << 16)
def english_keys(word: str) -> frozenset[str]:
    """Keys an English (or any non-Russian) word may meet a Russian cognate by.

    The word itself, without a plural -s, with -ic / -ical read as one ending,
    -ies as -y, -ian dropped (Siberian), and a place's final vowel dropped
    (Lianozovo, Cheboksary).
    """
    if len(word) < COGNATE_MIN_KEY or not word.isalpha():
        return frozenset()
    out = {word}
    if word.endswith("s") and len(word) > 4:
        out.add(word[:-1])
    for pattern, end in _EN_SUFFIXES:
        m = pattern.match(word)
        if m:
            out.add(m.group(1) + end)
    keys = {_spell(w) for w in out}
    keys |= {k[:-1] for k in keys if k[-1] in "aeiou" and len(k) > COGNATE_MIN_KEY}
    return frozenset(k for k in keys if len(k) >= COGNATE_MIN_KEY)


def _one_vowel_apart(a: str, b: str) -> bool:
    if len(a) != len(b) or len(a) < COGNATE_FUZZY_MIN or a[0] != b[0]:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and diff[0][0] in "aeiou" and diff[0][1] in "aeiou"


def cognate(a: str, b: str) -> bool:
    """True when one word is a romanised Russian adjective or noun and the other
    the English word of the same root: NAVIGATSIONNYKH / Navigation,
    KOMMUNALNYE / Communal, NOVOSIBIRSKOE / Novosibirsk, TEKHNOLOGII /
    Technologies. Both words are folded lowercase tokens.
    """
    ra, rb = russian_keys(a), russian_keys(b)
    if bool(ra) == bool(rb):
        return False
    ru, en = (ra, b) if ra else (rb, a)
    keys = english_keys(en)
    if not keys:
        return False
    if en.endswith(_SURNAME_ENDINGS):
        ru = frozenset(k for k in ru if k.endswith("sk")) if _PLACE_RE.match(a if ra else b) else ru
    if ru & keys:
        return True
    return any(_one_vowel_apart(r, k) for r in ru for k in keys)
