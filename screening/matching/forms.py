"""Compiled name forms: a :class:`NameAnalysis` reduced to what scoring reads.

A :class:`Form` is built once per list name (at index time) and once per query
name. It holds parallel tuples of compare forms, skeletons, tags and weights,
plus the compact strings used for boundary-insensitive comparison. Weights come
from the tag of a token and its rarity in the list corpus (IDF): "huawei" weighs
more than "technology", and "mohammad" less than "habbash".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields
from typing import Any, Callable

from unidecode import unidecode

from screening.matching.annotations import NO_NUMBERS, registry_numbers
from screening.matching.names import (
    COMPANY,
    Choice,
    DISTINCTIVE,
    GENERIC,
    INITIAL,
    LEGAL,
    LOCATION,
    NUMBER,
    PERSON,
    STOP,
    NameAnalysis,
    Token,
)
from screening.matching.normalize import consonants, fold_words

#: How much each tag can carry, relative to a distinctive token of top rarity.
TAG_WEIGHTS: dict[str, float] = {
    DISTINCTIVE: 1.0,
    GENERIC: 0.3,  # "technology", "group": weak evidence on their own
    LOCATION: 0.45,  # "beijing", "thailand": a place, not a party
    NUMBER: 0.7,  # must agree (see the numbers feature), so weighted fairly high
    INITIAL: 0.25,  # one letter of a person's name
    LEGAL: 0.0,  # legal forms are never compared
    STOP: 0.1,  # connectors and name particles ("of", "al", "bin")
}
#: Floor of the rarity factor: even the commonest distinctive token keeps this share.
IDF_FLOOR = 0.3
#: Scripts written without (most) vowels, compared by consonant skeleton.
ABJAD_SCRIPTS = frozenset({"Arab", "Hebr", "Thai"})
#: Scripts whose personal names are syllables (Han, Hangul, kana): no subsets there,
#: and no joined words but the given name's syllables written as one.
SYLLABIC = frozenset({"Hani", "Hang", "Hira", "Kana", "Jpan", "Kore"})

IdfFn = Callable[[str], float]


def _no_idf(token: str) -> float:
    """Rarity factor when no corpus is known: every token counts fully."""
    return 1.0


@dataclass(frozen=True, slots=True)
class Piece:
    """One reading of a stretch of a form, compiled (texts, skeletons, tags, weights)."""

    tokens: tuple[Token, ...]
    texts: tuple[str, ...]
    skels: tuple[str, ...]
    tags: tuple[str, ...]
    weights: tuple[float, ...]
    strict: tuple[bool, ...]
    family: tuple[bool, ...]

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return Piece, (self.tokens, self.texts, self.skels, self.tags, self.weights, self.strict, self.family)


@dataclass(frozen=True, slots=True)
class FormChoice:
    """Readings of ``size`` form tokens at ``start``; ``pieces[0]`` is the one in the form."""

    start: int
    size: int
    pieces: tuple[Piece, ...]

    def __reduce__(self) -> tuple[type, tuple[int, int, tuple[Piece, ...]]]:
        return FormChoice, (self.start, self.size, self.pieces)


@dataclass(slots=True)
class Form:
    """One name ready for comparison (list side or query side)."""

    name: str  # the name as written
    tokens: tuple[Token, ...]  # compared tokens (no legal forms, no stop words)
    texts: tuple[str, ...]
    skels: tuple[str, ...]
    tags: tuple[str, ...]
    weights: tuple[float, ...]
    strict: tuple[bool, ...]  # romanised from Han: only exact agreement counts
    family: tuple[bool, ...]  # family-name tokens, when the writing marks them
    joins: tuple[str, ...]  # adjacent-pair (and particle triple) concatenations incl. legal forms ("jscargument", "vanderbilt")
    compact: str  # texts joined in order
    compact_sorted: str  # texts sorted then joined
    numbers: frozenset[str]
    legal: tuple[str, ...]
    schema: str | None
    script: str
    kind: str = "primary"  # Name.kind of the list name ("weak" aliases count less)
    entry: int = -1  # index of the entry in the matcher (list side only)
    note: str = ""  # which reading this is ("plain pinyin")
    #: alternative readings of parts of the form (see :mod:`screening.matching.choices`)
    choices: tuple[FormChoice, ...] = ()
    #: forms with other readings chosen, by choice indexes (built on demand)
    tailored: dict[tuple[int, ...], "Form"] | None = None
    #: whether a word may be a romanised Russian cognate (alignment, computed once)
    russian: bool | None = None
    #: registry numbers written in the name ("imo:9234563"; :func:`~screening.matching.annotations.registry_numbers`)
    ids: frozenset[str] = frozenset()
    #: the name is a vessel's (the caller said so, or the list entry is one): a number or
    #: a plural only one name has makes a sister ship, not a spelling
    vessel: bool = False
    #: positions of distinctive words pinyin spells and of words in capitals of two or three
    #: letters (:func:`~screening.matching.translation.words_of`, computed once)
    pinyin_brands: tuple[tuple[int, ...], tuple[int, ...]] | None = None
    #: the words that may be an acronym inside the name, with what must meet outside its
    #: run (:func:`~screening.matching.alignment._acronym_words`, computed once)
    acronyms: tuple[tuple[int, str, frozenset[str], bool], ...] | None = None

    @property
    def consonants(self) -> str:
        """Consonant skeleton of ``compact`` (abjad scripts), computed when asked."""
        return consonants(self.compact)

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # pickled as its fields (an index snapshot holds ~53,000 forms), without the
        # tailored-forms cache; see _restored_form
        return _restored_form, tuple(None if f == "tailored" else getattr(self, f) for f in _FORM_FIELDS)

    @property
    def distinctive(self) -> tuple[str, ...]:
        """Compare forms of the distinctive tokens."""
        return tuple(t for t, g in zip(self.texts, self.tags) if g == DISTINCTIVE)


_FORM_FIELDS = tuple(f.name for f in fields(Form))


def _restored_form(*values: Any) -> Form:
    """A form read back from a pickle, holding the one shared empty set of numbers
    where it has none (a pickle makes a new empty set for each of 53,000 forms)."""
    form = Form(*values)
    if not form.numbers:
        form.numbers = NO_NUMBERS
    if not form.ids:
        form.ids = NO_NUMBERS
    return form


#: A three-word window is joined only around a word this short ("van der bilt").
JOIN_TRIPLE_SHORT = 3

#: Fewest words whose initials make an acronym ("Pars Oil and Gas" -> POG).
ACRONYM_MIN_WORDS = 3
#: Shortest and longest acronym read as initials: of three letters, one in
#: seven is the initials of some listed organisation (NIO, SAP, MSC).
ACRONYM_MIN_LEN = 4
ACRONYM_MAX_LEN = 8
#: The one legal form letter acronyms keep: the C of Company, Co., Corporation
#: (POGC, ZEMIC); not the L of LLC or Ltd ("ASML" is not Almanac Ship Management LLC).
ACRONYM_LEGAL_LETTER = "c"
#: Legal forms an acronym may end with, written whole: the SA of Romance names (PDVSA).
ACRONYM_LEGAL_FORMS = frozenset({"sa"})
#: Stop words a Romance name's acronym may keep (PDVSA: Petróleos de Venezuela, S.A.);
#: English ones never (ISIL: Islamic State of Iraq and the Levant).
ACRONYM_STOPS = frozenset({"de", "del", "di", "do", "da", "des", "du"})
#: Arabic "and the" written on the next word, which an acronym leaves out as it does
#: "al" (JNIM: Jama'at Nusrat al-Islam wal-Muslimin).
ACRONYM_SKIPPED = frozenset({"wal"})
#: A company's legal form an acronym may end with in its first two letters (PIDCO:
#: Persian Industrial Development Company), as it may in its first (NIOC).
ACRONYM_COMPANY_FORMS = frozenset({"company", "co"})
#: Words a group's name ends in that its acronym leaves out (SMEE for "Shanghai Micro
#: Electronics Equipment (Group) Co., Ltd.").
ACRONYM_GROUP_WORDS = frozenset({"group", "holding", "holdings"})
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _folded(name: str) -> str:
    """``name`` in lower-case ASCII letters and digits only, for finding a word in it."""
    return _NOT_ALNUM.sub("", unidecode(name).lower())


def family_in_capitals(form: "Form") -> tuple[bool, ...]:
    """The family-name marks of a person's name, or, where no comma marks them, its
    words written in capitals in a name that writes others in lower case, as the UN
    and EU lists write family names ("Joaquín Archivaldo GUZMÁN LOERA")."""
    if any(form.family):
        return form.family
    raw = form.name.split()
    upper = {w for r in raw if r.isupper() and sum(ch.isalpha() for ch in r) > 1 for w in fold_words(r)}
    if not upper or not any(r.islower() or r.istitle() for r in raw):
        return form.family
    lower = {w for r in raw if not r.isupper() for w in fold_words(r)}
    return tuple(t in upper and t not in lower for t in form.texts)


def written_as_acronym(word: str, name: str) -> bool:
    """True when ``name`` writes ``word`` (folded) in capitals, as acronyms are
    written (NIOC, I.R.I.S.L.): "Face" or "step" is a word, not initials."""
    letters = "".join(ch for ch in name if ch.isalpha() or ch in ". ")
    for raw in re.findall(r"(?:[^\W\d_]\.?)+", letters):
        if _folded(raw) == word:
            return raw.replace(".", "").isupper()
    return False


def _may_have_initials(form: "Form") -> bool:
    """An organisation's name, whose initials :func:`name_initials` may read (the cheap
    part): not a person's, no bare name without an organisation word, no initial or
    number among its words."""
    if form.schema == PERSON:
        return False
    if form.schema is None and not any(g in (GENERIC, LOCATION) for g in form.tags):
        return False  # a bare name with no organisation word may be a person's (Karl Anton Peter Schmidt)
    return INITIAL not in form.tags and NUMBER not in form.tags


def _written_initials(form: "Form", written: str, stops: bool) -> str:
    """The initials of the words ``form``'s name writes: a word a table translated
    (Petróleos read "petroleum") gives the letter of the word written; ``stops``:
    with the stop words a Romance name's acronym keeps (PDVSA: Petróleos de
    Venezuela). "" when a word is an expansion the name does not write ("NPO Saturn"
    read "Scientific Production Association Saturn": nobody abbreviates it SPAS)."""
    out: list[str] = []
    last = ""
    for tok, text, tag in zip(form.tokens, form.texts, form.tags):
        if (tag == STOP and not (stops and text in ACRONYM_STOPS)) or text in ACRONYM_SKIPPED:
            last = ""
            continue
        if text in written:
            out.append(text[0])
            last = ""
        elif tok.source != last:
            if " " in tok.source or not tok.source or _folded(tok.source) not in written:
                return ""
            out.append(tok.source[0])
            last = tok.source
    return "".join(out)


def name_initials(form: "Form") -> tuple[str, ...]:
    """The initials of a whole organisation's name as written, without and with
    its legal form's C: "Pars Oil and Gas Company" -> ("pog", "pogc"); "Islamic
    State of Iraq and the Levant" -> ("isil",) (stop words skipped).

    Empty for people, for bare names with no organisation word, for names of
    fewer than three words, and for a reading with a word the name does not
    write: the initials of an expansion or translation ("NPO Saturn" read
    "Scientific Production Association Saturn") are not an acronym anyone
    uses. An index key, and what :func:`spells_initials` compares.
    """
    if not _may_have_initials(form):
        return ()
    written = _folded(form.name)
    stems = [_written_initials(form, written, stops=False)]
    if ACRONYM_STOPS.intersection(form.texts):
        stems.append(_written_initials(form, written, stops=True))
    legal = form.legal[0].replace(" ", "").replace(".", "") if form.legal else ""
    out: list[str] = []
    for k, letters in enumerate(stems):
        if not ACRONYM_MIN_WORDS <= len(letters) <= ACRONYM_MAX_LEN:
            continue
        out.append(letters)
        if k == 0 and form.texts[-1] in ACRONYM_GROUP_WORDS and len(letters) > ACRONYM_MIN_WORDS:
            out.append(letters[:-1])  # "Shanghai Micro Electronics Equipment (Group)" is SMEE
        if legal[:1] == ACRONYM_LEGAL_LETTER and len(letters) < ACRONYM_MAX_LEN:
            out.append(letters + ACRONYM_LEGAL_LETTER)
            if legal in ACRONYM_COMPANY_FORMS and len(letters) + 2 <= ACRONYM_MAX_LEN:
                out.append(letters + "co")  # PIDCO
        elif legal in ACRONYM_LEGAL_FORMS and len(letters) + len(legal) <= ACRONYM_MAX_LEN:
            out.append(letters + legal)  # PDVSA: Petróleos de Venezuela, S.A.
    return tuple(dict.fromkeys(out))


def spells_initials(word: str, form: "Form") -> bool:
    """True when ``word`` is one of :func:`name_initials` of ``form``; the first
    letters are compared before the name is folded (a one-word query meets
    every candidate form in a search)."""
    if not _may_have_initials(form):
        return False
    first = next((tok.source[:1] for tok, tag in zip(form.tokens, form.tags) if tag != STOP), "")
    return word[:1] == first and word in name_initials(form)


def joined_windows(words: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Concatenations of adjacent words: every pair, plus triples holding a short
    word ("van der bilt" -> "vanderbilt"), the ways names are written joined."""
    out = [a + b for a, b in zip(words, words[1:])]
    for a, b, c in zip(words, words[1:], words[2:]):
        if min(len(a), len(b), len(c)) <= JOIN_TRIPLE_SHORT:
            out.append(a + b + c)
    return tuple(out)


def is_strict(token: Token) -> bool:
    """Romanised syllables (pinyin, Hangul) only count when spelled exactly: 宁 ning is not 英 ying."""
    note = token.note
    return note.startswith(("pinyin", "romanised", "Korean reading"))


def compile_piece(tokens: tuple[Token, ...], idf: IdfFn = _no_idf) -> Piece:
    """Compile the compared tokens of one reading (legal forms dropped)."""
    kept = tuple(t for t in tokens if t.tag != LEGAL)
    return Piece(
        tokens=kept,
        texts=tuple(t.text for t in kept),
        skels=tuple(t.skel for t in kept),
        tags=tuple(t.tag for t in kept),
        weights=tuple(TAG_WEIGHTS[t.tag] * (idf(t.text) if t.tag in (DISTINCTIVE, GENERIC) else 1.0) for t in kept),
        strict=tuple(is_strict(t) for t in kept),
        family=tuple(t.family for t in kept),
    )


def _form_choices(toks: tuple[Token, ...], choices: tuple[Choice, ...], idf: IdfFn) -> tuple[FormChoice, ...]:
    """Translate analysis choices (token positions incl. legal forms) to form positions."""
    if not choices:
        return ()
    kept_before = [0] * (len(toks) + 1)
    for i, t in enumerate(toks):
        kept_before[i + 1] = kept_before[i] + (t.tag != LEGAL)
    out = []
    for c in choices:
        start = kept_before[c.start]
        size = kept_before[c.start + c.size] - start
        primary = compile_piece(toks[c.start : c.start + c.size], idf)
        out.append(FormChoice(start, size, (primary, *(compile_piece(r, idf) for r in c.readings))))
    return tuple(out)


def compile_form(
    analysis: NameAnalysis,
    tokens: tuple[Token, ...] | None = None,
    *,
    idf: IdfFn = _no_idf,
    kind: str = "primary",
    entry: int = -1,
    schema: str | None = None,
    note: str = "",
    choices: tuple[Choice, ...] | None = None,
) -> Form:
    """Reduce ``analysis`` (or one of its variants, ``tokens``) to a :class:`Form`.

    ``choices`` default to the analysis' own when its primary tokens are compiled.
    """
    toks = analysis.tokens if tokens is None else tokens
    if choices is None:
        choices = analysis.choices if tokens is None else ()
    kept: list[Token] = []
    texts: list[str] = []
    skels: list[str] = []
    tags: list[str] = []
    weights: list[float] = []
    strict: list[bool] = []
    family: list[bool] = []
    legal: list[str] = []
    for t in toks:
        tag = t.tag
        if tag == LEGAL:
            legal.append(t.source)
            continue
        kept.append(t)
        texts.append(t.text)
        skels.append(t.skel)
        tags.append(tag)
        weights.append(TAG_WEIGHTS[tag] * (idf(t.text) if tag in (DISTINCTIVE, GENERIC) else 1.0))
        strict.append(is_strict(t))
        family.append(t.family)
    join_src = [t.source.replace(" ", "") if t.tag == LEGAL else t.text for t in toks]
    named = [x for x, g in zip(texts, tags) if g != STOP]
    sch = schema or analysis.schema
    vessel = sch == "vessel"
    if sch and sch not in (PERSON, COMPANY):
        sch = PERSON if sch in ("individual",) else COMPANY
    return Form(
        name=analysis.original,
        tokens=tuple(kept),
        texts=tuple(texts),
        skels=tuple(skels),
        tags=tuple(tags),
        weights=tuple(weights),
        strict=tuple(strict),
        family=tuple(family),
        joins=joined_windows(join_src),
        compact="".join(named) or "".join(texts),
        compact_sorted="".join(sorted(named)),
        numbers=frozenset(x for x, g in zip(texts, tags) if g == NUMBER) if NUMBER in tags else NO_NUMBERS,
        legal=tuple(legal),
        schema=sch,
        script=analysis.script,
        kind=kind,
        entry=entry,
        note=note,
        choices=_form_choices(toks, choices, idf) if choices else (),
        ids=registry_numbers(analysis.original),
        vessel=vessel,
    )


def forms_of(
    analysis: NameAnalysis,
    *,
    idf: IdfFn = _no_idf,
    kind: str = "primary",
    entry: int = -1,
    schema: str | None = None,
) -> list[Form]:
    """Every reading of a name as a form: the primary one, then its variants."""
    out = [compile_form(analysis, idf=idf, kind=kind, entry=entry, schema=schema)]
    for variant in analysis.variants:
        out.append(compile_form(analysis, variant, idf=idf, kind=kind, entry=entry, schema=schema, note="plain pinyin"))
    return [f for f in out if f.texts]


def fallback_forms(
    analysis: NameAnalysis,
    *,
    idf: IdfFn = _no_idf,
    kind: str = "primary",
    entry: int = -1,
    schema: str | None = None,
) -> list[Form]:
    """Forms of the readings tried only when the others find nothing (Korean, Japanese)."""
    out = []
    for label, tokens, choices in analysis.fallbacks:
        form = compile_form(
            analysis, tokens, idf=idf, kind=kind, entry=entry, schema=schema, note=f"{label} reading", choices=choices
        )
        if form.texts:
            out.append(form)
    return out


def idf_factor(df: int, n_docs: int) -> float:
    """Rarity factor in [IDF_FLOOR, 1]: 1 for a token seen once, lower when common."""
    if n_docs <= 1 or df <= 0:
        return 1.0
    top = math.log(1 + n_docs)
    value = math.log(1 + n_docs / df) / top
    return IDF_FLOOR + (1 - IDF_FLOOR) * min(value, 1.0)
