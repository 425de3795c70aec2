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
from array import array
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from screening.matching import gazetteer
from screening.matching.resources import on_change, remember, tables

#: Shortest stem a Russian word keeps once its ending is read (``lemma``): "nova",
#: "rusk" and "znam" are other languages' words, never read as Russian stems.
LEMMA_MIN_STEM = 5
#: Shortest stem that may lose a one-vowel ending (-a, -i, -e, -u): "bank", "fond"
#: stay whole; "sistema" / "sistemy" meet.
LEMMA_MIN_STEM_VOWEL = 5
#: Shortest cognate key compared. Keys must be equal: one vowel apart is another
#: word (VITALNAYA / Vitol, SAMARSKII / Samir).
COGNATE_MIN_KEY = 5
#: Words whose cognate keys are remembered (query and list words recur; most have none).
COGNATE_CACHE = 1 << 13

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
#: Inflection endings of an adjective of two letters or more (-n + y is Germany, not Russian).
_ADJ2 = r"(?:yy|yi|iy|ii|ij|yj|oy|oi|oj|aya|aia|aja|ya|oye|oe|ye|ie|ogo|ego|ykh|ikh|uyu|uiu|yu|oyu|oiu)"
#: A place adjective: a town's name and -sk with an adjective's ending (NOVOSIBIRSKOE,
#: MOSKOVSKII, BRYANSKY); one-letter endings are y or i only (Alaska is not Russian).
_PLACE_RE = re.compile(r"^([a-z]{3,}?)sk(?:ii|iy|yi|yy|ij|yj|i|y|oi|oy|oj|oe|oye|aya|aia|aja|ogo|ego|ie|ye|iye|ikh|ykh)$")
#: A town's adjective meets a word the tables do not know as a place only with a stem
#: of this many letters and a town's ending (-o, -y, -i: Lytkarino, Cheboksary; -a is
#: also a woman's name, Yaroslava), never a family name's form (-ov, -in, -sky ...), and
#: never from a word with w, which Russian romanisation does not write (Kowalewski).
PLACE_UNKNOWN_MIN_STEM = 7
#: Shortest stem of a town's adjective that meets a town of Russia or a Russian-writing
#: neighbour (gazetteer.RUSSIAN_NAMING): Permskiy / Perm.
RUSSIAN_TOWN_MIN_STEM = 3
#: A man's East Slavic family name ends so; with a final -a it is a woman's (Smirnov / Smirnova).
MASCULINE_SURNAME_ENDINGS = ("ov", "ev", "in", "yn")
_SURNAME_ENDINGS = MASCULINE_SURNAME_ENDINGS + ("ova", "eva", "ina", "yna", "sky", "ski", "skaya")
#: Russian derivational suffixes and the English ending each corresponds to.
_RU_SUFFIXES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(rf"^([a-z]{{3,}}?)(?:ichesk|chesk){_INFL}$"), ("ik",)),   # fizicheskikh / physical
    (re.compile(rf"^([a-z]{{4,}}?)al'?n{_INFL}$"), ("al",)),               # federalnaya / federal (not Navalny)
    (re.compile(rf"^([a-z]{{3,}}?)ion'?nn?{_INFL}$"), ("ion",)),             # navigatsionnykh / navigation
    (re.compile(rf"^([a-z]{{4,}}?)ivn{_INFL}$"), ("iv",)),                 # perspektivnyi / perspective
    (re.compile(rf"^([a-z]{{4,}}?)arn{_INFL}$"), ("ar",)),                 # elementarnyi / elementary
    (_PLACE_RE, ("sk",)),                                                  # novosibirskoe / novosibirsk
    (re.compile(r"^([a-z]{4,}?)(?:iya|iyu|ija|iju|iia|iiu|ii)$"), ("i",)),  # tekhnologii / technologies
)
#: Russian endings that are no derivational suffix: a noun of a Latin or Greek root
#: with a case ending, or an adjective made with -n-. Without a suffix to say the
#: root is international, the other word must be an English one (:func:`english_word`),
#: spelled letter for letter (no doubled letter read as one: KARTONNAYA is not
#: "Cartoon", RAKETNAYA not "Racket"): KAMENNAYA (stony) is not "Kamen", a Russian
#: word too, but LAZERNOI is "laser" (helper-55's review).
_RU_PLAIN: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    # a noun in -ika is an English noun in -ics (FIZIKI / physics, OPTIKA / optics), never
    # an adjective in -ic: LOGIKA is no "Logic", MOZAIKA no "Mosaic" (helper-55's review)
    (re.compile(r"^([a-z]{3,}?)ik(?:a|i|u|e|oi|oy|oj|om|ami|akh)$"), ("iks",)),
    # an adjective of a noun with -n- (ELEKTRONNYKH, LAZERNOI, KOMPOZITNYE) reads as the
    # noun or its -ic adjective; an ending of two letters or more, or -nn-, so that
    # Germany and Company (-n + y) are not read so, nor Courtney (-ey) or Pseudonym (-ym)
    (re.compile(rf"^([a-z]{{4,}}?n)n(?:{_ADJ2}|y|i)$"), ("", "ik")),
    (re.compile(rf"^([a-z]{{5,}}?)n{_ADJ2}$"), ("", "ik")),
)
#: A noun's genitive plural (KOMPONENTOV, KOMPRESSOROV) reads as the noun only after the
#: noun or adjective that governs it (ZAVOD KOMPRESSOROV, ELEKTRONNYKH KOMPONENTOV): -ov
#: is also the family name's ending (Masterov, Komissarov, Generalov: helper-55's review).
_RU_GENITIVE = re.compile(r"^([a-z]{6,}?)(?:ov|ami|akh)$")
#: An English word's silent final e after a consonant (composite, machine, turbine).
_SILENT_E = re.compile(r"[^aeiouy]e$")
#: English endings, read to the same keys.
_EN_SUFFIXES = (
    (re.compile(r"^(.{3,}?)i[ck]al$"), "ik"),    # physical, chemical
    (re.compile(r"^(.{3,}?)i[ck]s?$"), "ik"),     # electronic, electronics
    (re.compile(r"^(.{3,}?)ies$"), "i"),          # technologies
    (re.compile(r"^(.{4,}?)ive$"), "iv"),         # perspective
    (re.compile(r"^(.{4,}?)ary$"), "ar"),         # elementary
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
    (re.compile(r"(?<=[ae])u(?=[bcdfgkmpstz])"), "v"),  # avtomaticheskii / automatic, pnevmatika / pneumatic
    (re.compile(r"^ye|(?<=[^aeiou])ye"), "e"),
    (re.compile(r"ts"), "c"),                   # tsentralnyi / central
    (re.compile(r"ti(?=[aeiou])"), "ci"),       # navigation / navigatsionnyi
    (re.compile(r"c(?![eiyh])"), "k"),          # communal / kommunalnyi
    (re.compile(r"y"), "i"),
    (re.compile(r"z"), "s"),                    # fizicheskii / physical
)
#: A doubled letter, read as one by :func:`_spell` (kommunalnyi / communal), not by
#: :func:`_spell_exact`.
_DOUBLED = re.compile(r"([a-z])\1+")


def soft_e(skel: str) -> str:
    """A skeleton with Е after Ъ or Ь read as Е: BGN writes OBYEDINENIE, others
    OBEDINENIE (the organisation-term tables key their words by this)."""
    return _SOFT_IE_RE.sub("e", skel)


def lemma(skel: str) -> str:
    """The stem of a Russian word's romanisation skeleton, its ending taken off.

    "proizvodstvenoe", "proizvodstveni", "proizvodstvenogo" (skeletons of
    -noe, -nyi, -nogo) all give "proizvodstven"; "obiedinenie" (OBYEDINENIE)
    and "obedinenie" give "obedinen". A word too short to lose its ending is
    returned whole.
    """
    word = soft_e(skel)
    for end in _LEMMA_ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= LEMMA_MIN_STEM:
            return word[: -len(end)]
    if word.endswith(_VOWEL_ENDINGS) and len(word) - 1 >= LEMMA_MIN_STEM_VOWEL:
        return word[:-1]
    return word


def _spell(word: str) -> str:
    """A word's comparison key: :data:`_SPELL` applied, a doubled letter read as one."""
    return _DOUBLED.sub(r"\1", _spell_exact(word))


def _spell_exact(word: str) -> str:
    """:func:`_spell` without reading a doubled letter as one (the plain rules' keys)."""
    for pattern, repl in _SPELL:
        word = pattern.sub(repl, word)
    return word


def russian_keys(word: str) -> frozenset[str]:
    """Cognate keys of a romanised Russian adjective or noun; empty for any other word.

    "navigatsionnykh" -> {"navigacion"}; "novosibirskoe" -> {"novosibirsk"};
    "tekhnologii" -> {"technologi"}; "komponentov" -> {"komponent"} (every reading,
    for the index to look up: :func:`cognate` says which applies where).
    """
    suffixed, plain, genitive = _readings(word)
    return suffixed | plain | genitive


#: The readings of most words: none (one tuple, not one per cached word).
_NO_READINGS: tuple[frozenset[str], frozenset[str], frozenset[str]] = (frozenset(), frozenset(), frozenset())


@lru_cache(maxsize=COGNATE_CACHE)
def _readings(word: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The keys of ``word`` by a derivational suffix (``_RU_SUFFIXES``), by an ending
    only (``_RU_PLAIN``, spelled letter for letter) and as a genitive plural."""
    none: frozenset[str] = frozenset()
    if len(word) < 6 or not word.isalpha():
        return _NO_READINGS
    for pattern, ends in _RU_SUFFIXES:
        m = pattern.match(word)
        if m:
            return _keys(m.group(1), ends, _spell), none, none
    for pattern, ends in _RU_PLAIN:
        m = pattern.match(word)
        if m:
            if table_word(word):
                return _NO_READINGS  # СЕВЕРНАЯ is "northern" (ru_org_terms.yaml), not "sever"
            return none, _keys(m.group(1), ends, _spell_exact), none
    m = _RU_GENITIVE.match(word)
    if m is None or table_word(word):
        return _NO_READINGS
    return none, none, _keys(m.group(1), ("",), _spell_exact)


def table_word(word: str) -> bool:
    """``word`` is one the organisation-term tables read, in any of its forms: its
    meaning is known, and no ending is read to guess another."""
    return bool(table_readings(word))


def table_readings(word: str) -> tuple[tuple[str, ...], ...]:
    """The readings the organisation-term tables give ``word`` alone, as written or by
    its lemma (ZAVODA: plant, factory, works); empty for a word they do not read."""
    from screening.matching.names_latin import org_start_keys  # names_latin reads this module

    t = tables()
    key, stem = org_start_keys(word)
    return t.org_terms.get((key,)) or t.org_lemmas.get((stem,)) or ()


def _keys(stem: str, ends: tuple[str, ...], spell: Callable[[str], str]) -> frozenset[str]:
    return frozenset(k for k in (spell(stem + e) for e in ends) if len(k) >= COGNATE_MIN_KEY)


_english: array | None = None


def english_word(word: str) -> bool:
    """True for a word of CC-CEDICT's English glosses (``cedict.active``), as
    written or without a plural -s / -es: laser, components, radiator; not kamen,
    zapad or kalashnik. The words are kept as their sorted hashes (a quarter of a
    megabyte, where the set of 24,000 words held three)."""
    global _english
    if _english is None:
        from screening.matching import cedict

        _english = array("q", sorted({hash(w) for rs in cedict.active().values() for r in rs for w in r
                                      if len(w) >= COGNATE_MIN_KEY}))
    table = _english
    for w in (word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else ""):
        if w:
            h = hash(w)
            k = bisect_left(table, h)
            if k < len(table) and table[k] == h:
                return True
    return False


#: Endings of a place adjective in an oblique case: after imeni or Fond, a family name's
#: genitive (Fond Kazanskogo, imeni Ivanovskogo), not a town's (helper-90's review).
_OBLIQUE_ENDINGS = ("ogo", "ego", "ykh", "ikh")


def _sk_town(adjective: str, town: str) -> bool:
    """The place adjective names a town whose name ends in -sk, other than ``town``."""
    m = _PLACE_RE.match(adjective)
    return m is not None and m.group(1) + "sk" != town and gazetteer.is_town((m.group(1) + "sk",))


@lru_cache(maxsize=COGNATE_CACHE)
def place_stem(word: str, shortest: int = COGNATE_MIN_KEY) -> str:
    """The town a romanised Russian place adjective names, as a key: "moskovskii"
    -> "moskov" (Moscow), "cheboksarskoe" -> "cheboksar"; "" for any other word, or
    a key shorter than ``shortest``."""
    m = _PLACE_RE.match(word) if len(word) >= 6 and word.isalpha() else None
    stem = _spell(m.group(1)) if m else ""
    return stem if len(stem) >= shortest else ""


@lru_cache(maxsize=COGNATE_CACHE)
def english_keys(word: str) -> frozenset[str]:
    """Keys an English (or any non-Russian) word may meet a Russian cognate by.

    The word itself, without a plural -s, with -ic / -ical read as one ending,
    -ies as -y, -ive and -ary without their last letter; none for a given name.
    """
    if len(word) < COGNATE_MIN_KEY or not word.isalpha() or word in tables().nicknames:
        return frozenset()  # a given name (Evgeny, Valery) is not Evgeniya's or Valeriya's cognate
    out = _english_forms(word)
    for pattern, end in _EN_SUFFIXES:
        m = pattern.match(word)
        if m:
            out.add(m.group(1) + end)
    return frozenset(k for k in (_spell(w) for w in out) if len(k) >= COGNATE_MIN_KEY)


@lru_cache(maxsize=COGNATE_CACHE)
def english_exact_keys(word: str) -> frozenset[str]:
    """The keys an English noun or adjective meets a plain rule's by (``_RU_PLAIN``):
    itself, without -s / -es or a silent final e, spelled letter for
    letter (physics keeps its -s: FIZIKA's key is "fisiks"); never -ical (FIZIKA is not
    "physical"). Empty for a word of no
    English gloss (:func:`english_word`)."""
    if len(word) < COGNATE_MIN_KEY or not word.isalpha() or not english_word(word):
        return frozenset()
    return frozenset(k for k in map(_spell_exact, _english_forms(word, es=True)) if len(k) >= COGNATE_MIN_KEY)


def _english_forms(word: str, es: bool = False) -> set[str]:
    """``word``, without a plural -s (and -es, with ``es``), and each without a silent
    final e (composite / kompozit, institute / institut): the spellings
    :func:`english_keys` and :func:`english_exact_keys` key."""
    out = {word}
    if word.endswith("s") and len(word) > COGNATE_MIN_KEY:
        out.add(word[:-1])
        if es and word.endswith("es"):
            out.add(word[:-2])
    for w in tuple(out):
        if _SILENT_E.search(w):
            out.add(w[:-1])
    return out


def _place_keys(word: str) -> frozenset[str]:
    """A known place's keys: its name, and without a final vowel (Cheboksary, Lianozovo)."""
    key = _spell(word)
    return frozenset((key, key[:-1]) if key[-1:] in "aeiou" else (key,))


_russian: dict[str, bool] = {}


@on_change
def clear_caches() -> None:
    """Forget cached keys (after the resource tables change: english_keys reads the nicknames)."""
    _readings.cache_clear()
    english_keys.cache_clear()
    english_exact_keys.cache_clear()
    place_stem.cache_clear()
    _russian.clear()


def russian_word(word: str) -> bool:
    """True for a word that may be a romanised Russian cognate (a quick gate: most
    word pairs of a search have none, and then ``cognate`` is never asked)."""
    known = _russian.get(word)
    if known is None:
        known = remember(_russian, word, bool(russian_keys(word) or place_stem(word)), COGNATE_CACHE)
    return known


def cognate_apart(word: str, pieces: tuple[str, ...]) -> bool:
    """True when a romanised Russian ``word`` is the English ``pieces`` written as one
    word: RADIOELEKTRONNYE / "radio" + "electronic". Where the Russian word's root is
    read off an ending only, each piece of five letters or more is an English word
    (:func:`english_word`; aero is too short for the glosses' words)."""
    joined = "".join(pieces)
    if not russian_word(word) or russian_word(joined):
        return False
    suffixed, plain, _ = _readings(word)
    if suffixed & english_keys(joined):
        return True
    return bool(plain) and _spell_exact(joined) in plain and all(
        len(p) < COGNATE_MIN_KEY or english_word(p) for p in pieces)


def cognate(a: str, b: str, a_place: bool = False, b_place: bool = False,
            a_governed: bool = False, b_governed: bool = False, a_in_russian: bool = True,
            b_in_russian: bool = True) -> bool:
    """True when one word is a romanised Russian adjective or noun and the other
    the English word of the same root: NAVIGATSIONNYKH / Navigation,
    KOMMUNALNYE / Communal, NOVOSIBIRSKOE / Novosibirsk, TEKHNOLOGII /
    Technologies, LAZERNOI / Laser; or a town's adjective and that town, when the other word is
    known to be a place (``a_place`` / ``b_place``: MOSKOVSKII / Moscow).
    ``a_governed`` / ``b_governed``: the word follows a noun or adjective that may
    govern a genitive plural (ZAVOD KOMPRESSOROV / Compressor Plant). ``a_in_russian`` /
    ``b_in_russian``: the word's name is written in Russian (another of its words is
    read from a table), where a short stem may name a Russian city (PERMSKIY / Perm).
    Both words are folded lowercase tokens; the keys must be equal.
    """
    ra = russian_word(a)
    if ra == russian_word(b):
        return False
    ru, en, en_place, governed = (a, b, b_place, a_governed) if ra else (b, a, a_place, b_governed)
    in_russian = a_in_russian if ra else b_in_russian
    suffixed, plain, genitive = _readings(ru)
    if suffixed & english_keys(en):
        return True
    if plain or (genitive and governed):
        return bool((plain | (genitive if governed else frozenset())) & english_exact_keys(en))
    stem = place_stem(ru, RUSSIAN_TOWN_MIN_STEM)
    if len(stem) < PLACE_UNKNOWN_MIN_STEM and in_russian and gazetteer.is_russian_named_town(en):
        # a city of Russia or its neighbours by a shorter stem: PERMSKIY / Perm, TULSKIY /
        # Tula, SAMARSKII / Samara (fresh19's dev half); not when the adjective names a
        # town in -sk (SARANSKIY is Saransk's, not Saran's: helper-89's review)
        return stem in _place_keys(en) and not _sk_town(ru, en) and not ru.endswith(_OBLIQUE_ENDINGS)
    if len(stem) < COGNATE_MIN_KEY:
        return False
    if en_place or (len(stem) >= PLACE_UNKNOWN_MIN_STEM and gazetteer.is_town((en,))):
        # a town of the world's gazetteer too, by a long stem: SARATOVSKIY / Saratov (not
        # KASPERSKY / Casper, a town in Wyoming)
        return stem in _place_keys(en)
    # a town the tables do not know: a long stem and the town's own ending, not a
    # family name's (LYTKARINSKII / Lytkarino, but DMITROVSKII is not Dmitrova)
    return (len(stem) >= PLACE_UNKNOWN_MIN_STEM and _spell(en)[:-1] == stem and en[-1:] in "oyi"
            and not en.endswith(_SURNAME_ENDINGS) and "w" not in ru)
