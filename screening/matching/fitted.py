"""A fitted name model: logistic regression over five explained signals.

The hand-set features (:mod:`screening.matching.features`) each recognise one
way two names of one party differ. Names that differ in several small ways at
once (a word more on one side, a spelling variant, a word split otherwise)
fall between them. Following nomenklatura's regression matcher, this module
scores such pairs with a small logistic regression whose coefficients are data
(the ``fitted_model`` block of ``resources/match_weights.yaml``, written by
``bench/fit_model.py`` from pairs derived mechanically from public lists).

The model only speaks when nothing contradicts the pair (:func:`why_silent`):
the names must agree on a distinctive word, every word met must be met well
or be a spelling variant (Shri / Sherri; Rubio / Rubino is another person),
and the query must be covered: a place or a word only the query has names a
sister unit or an affiliate ("Huawei Technologies (Thailand)", "Lockheed
Martin Aeronautics"), which the issue's qualifier rules keep apart. It never overrides a contradiction the hand-set
features see (a different number or place, a family name that differs). A
search holds a match that rests on this model alone for review
(``families.partial_hold``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from screening import yamlfast
from screening.matching import features as f
from screening.matching.alignment import (
    DISTINCTIVE_AGREE,
    Pair,
    family_and_given_agree,
    first_word,
    is_person_pair,
    pinyin_name,
)
from screening.matching.config import WEIGHTS_FILE, ConfigError
from screening.matching.forms import TAG_WEIGHTS, Form
from screening.matching.features import SYLLABIC
from screening.matching.names import DISTINCTIVE, GENERIC, INITIAL, LOCATION, NUMBER, STOP
from screening.matching.resources import tables
from screening.matching.strings import arabic_aa_apart

#: Below this word-alignment score the model stays silent (the names share too little).
MIN_NAME_TOKENS = 0.5
#: Name words (at least one of them distinctive) that must agree, as written or as
#: spelling variants, for the model to speak: a one-word name is the hand-set features' call.
MIN_PARTS = 2
#: At least one agreeing word of the query has this many letters: single letters
#: (initials, "W & M") say too little for the model.
LETTERS_AGREE_MIN = 2
NAME_WORDS = frozenset({DISTINCTIVE, GENERIC})


def _weight(tag: str) -> float:
    """A token's weight for coverage: its kind's weight, stop words none."""
    return 0.0 if tag == STOP else TAG_WEIGHTS[tag]


def _coverage(form: Form, unmatched: tuple[int, ...]) -> float:
    """Share of ``form``'s weight in its matched words."""
    total = sum(_weight(g) for g in form.tags)
    if not total:
        return 0.0
    return 1.0 - sum(_weight(form.tags[k]) for k in unmatched) / total


def query_coverage(pair: Pair) -> float:
    """Share of the query's words, by weight (distinctive 1, generic 0.3, place 0.45), met in the other name."""
    return _coverage(pair.query, pair.alignment.q_unmatched)


def list_coverage(pair: Pair) -> float:
    """Share of the listed name's words, by weight, met in the query."""
    return _coverage(pair.result, pair.alignment.c_unmatched)


def compact_similarity(pair: Pair) -> float:
    """Indel similarity of the two names written without spaces, in order."""
    return Indel.normalized_similarity(pair.query.compact, pair.result.compact)


def word_set_similarity(pair: Pair) -> float:
    """rapidfuzz's token-set ratio of the names' words (stop words left out): high
    when one name's words are, nearly letter for letter, among the other's."""
    q, c = pair.query, pair.result
    a = " ".join(t for t, g in zip(q.texts, q.tags) if g != STOP)
    b = " ".join(t for t, g in zip(c.texts, c.tags) if g != STOP)
    return fuzz.token_set_ratio(a, b) / 100.0


#: The model's inputs, in the order of its coefficients.
SIGNALS: tuple[Callable[[Pair], float], ...] = (
    f.name_tokens,  # the word-alignment score
    query_coverage,
    list_coverage,
    compact_similarity,
    word_set_similarity,
)


def why_silent(pair: Pair) -> str | None:
    """Why the model may not score this pair, or None when it may."""
    al = pair.alignment
    if al.score < MIN_NAME_TOKENS:
        return "the names share too little"
    if not al.distinctive_agree:
        return "no distinctive word agrees"
    q, c = pair.query, pair.result
    if f.arabic_letters_differ(q, c):
        return "the Arabic-script letters do not read as the Latin name"  # سليمان is not Salman
    weak = [lk for lk in al.links if lk.sim < DISTINCTIVE_AGREE]
    as_met = f.met_as_spelled(q, c, al.links, DISTINCTIVE_AGREE)
    if as_met is None:
        return "a word only resembles its counterpart"  # Rubio / Rubino, Maria / Mario, HiVision / Hikvision
    if is_person_pair(q, c) and any(len(lk.qi) == 1 and len(lk.ci) == 1
                                    and arabic_aa_apart(q.texts[lk.qi[0]], c.texts[lk.ci[0]]) for lk in weak):
        return "a word is another Arabic name"  # Raad / Raed, Saad / Said
    strong = [lk for lk in al.links if lk.sim >= DISTINCTIVE_AGREE and any(q.tags[i] in NAME_WORDS for i in lk.qi)
              and any(c.tags[j] in NAME_WORDS for j in lk.ci)]
    distinctive = any(q.tags[i] == DISTINCTIVE for lk in strong for i in lk.qi)
    if not distinctive or len(strong) + len(weak) < MIN_PARTS:
        return "too few distinctive words agree"  # "Salvera" / "La Salviera": one word is the hand-set features' call
    if all(len(q.texts[i]) < LETTERS_AGREE_MIN for lk in strong for i in lk.qi):
        return "only letters agree"  # "W & M Partnership" / "NNPO imeni M V Frunze": initials are no name
    # a name written "FAMILY, Given", or two bare names, are read as people's,
    # whatever the list typed the entry as (some lists type individuals as entities)
    if is_person_pair(q, c) or any(q.family) or any(c.family) or (_bare_name(q) and _bare_name(c)):
        if q.script in SYLLABIC or c.script in SYLLABIC or (pinyin_name(q) and pinyin_name(c)):
            return "a Chinese, Korean or Japanese personal name"  # one syllable is another name
        if any(c.tags[j] not in (STOP, NUMBER) for j in al.c_unmatched):
            return "the listed person's name has parts the query lacks"  # name_parts_subset's call, with its rules
        if any(q.family) and any(c.family) and not family_and_given_agree(q, c, as_met):
            return "the family names do not agree from their first word"  # NEJAD / TAVAKOLI NEJAD
    if any(q.tags[i] == LOCATION and i != first_word(q) for i in al.q_unmatched) or any(
        c.tags[j] == LOCATION and j != first_word(c) for j in al.c_unmatched
    ):
        # Huawei Technologies (Thailand): a sister or an affiliate. A leading place
        # ("Hefei" Starwave) is where the company is registered, part of its name.
        return "a place only one name has"
    words = tables()
    if any(q.texts[i] in words.org_words for i in al.q_unmatched) or any(
        c.texts[j] in words.org_words for j in al.c_unmatched
    ):
        return "a holding, branch or division word only one name has"  # another legal entity or unit
    filler = words.filler_words
    q_left = [i for i in al.q_unmatched if q.tags[i] not in (STOP, NUMBER) and q.texts[i] not in filler]
    c_left = [j for j in al.c_unmatched if c.tags[j] not in (STOP, NUMBER) and c.texts[j] not in filler]
    if q_left and c_left:
        return "each name has words the other lacks"  # "Shihezi ... Bureau" / "Kelamayi ... Bureau": sisters
    if any(q.tags[i] in (DISTINCTIVE, GENERIC, INITIAL) and q.texts[i] not in filler for i in al.q_unmatched):
        return "the query has a word the listed name lacks"  # Lockheed Martin Aeronautics: a unit, maybe an affiliate
    for contradiction in (f.numbers_disagree, f.locations_disagree, f.family_name_mismatch,
                          f.patronymics_differ, f.lineage_differs, f.no_distinctive_agreement, f.schema_mismatch):
        if contradiction(pair):
            return contradiction.__name__
    return None


def _bare_name(form: Form) -> bool:
    """Two or more name words, no legal form, no business, place or number word ("Martin Ramirez")."""
    return len(form.texts) > 1 and not form.legal and all(g in (DISTINCTIVE, INITIAL, STOP) for g in form.tags)


@dataclass(frozen=True)
class Model:
    """Logistic-regression coefficients (one per signal), intercept, and the
    probability that maps to the match threshold."""

    coefficients: tuple[float, ...]
    intercept: float
    match_probability: float
    match_score: float

    def __reduce__(self) -> tuple[type, tuple[tuple[float, ...], float, float, float]]:
        # as its fields: compiled, a frozen dataclass cannot be rebuilt field by field
        return Model, (self.coefficients, self.intercept, self.match_probability, self.match_score)

    def probability(self, values: tuple[float, ...]) -> float:
        """P(same party) of the signal values."""
        z = self.intercept + sum(w * x for w, x in zip(self.coefficients, values))
        return 1.0 / (1.0 + math.exp(-z))

    def score(self, p: float) -> float:
        """``p`` on the score scale: ``match_probability`` maps to ``match_score``,
        1 to 1 and 0 to 0, linearly in between."""
        cut, at = self.match_probability, self.match_score
        if p >= cut:
            return at + (1.0 - at) * (p - cut) / (1.0 - cut)
        return at * p / cut


@lru_cache(maxsize=1)
def model() -> Model:
    """The ``fitted_model`` block of the weights table (missing: an error)."""
    with WEIGHTS_FILE.open(encoding="utf-8") as fh:
        data = (yamlfast.safe_load(fh) or {}).get("fitted_model")
    if not isinstance(data, dict):
        raise ConfigError(f"{WEIGHTS_FILE.name}: no 'fitted_model' block")
    coefs = data.get("coefficients") or {}
    names = [s.__name__ for s in SIGNALS]
    missing = [n for n in names if n not in coefs]
    if missing:
        raise ConfigError(f"{WEIGHTS_FILE.name}: fitted_model lacks coefficients for {', '.join(missing)}")
    return Model(tuple(float(coefs[n]) for n in names), float(data["intercept"]),
                 float(data["match_probability"]), float(data["match_score"]))


def signal_values(pair: Pair) -> tuple[float, ...]:
    """The model's inputs for ``pair``."""
    return tuple(s(pair) for s in SIGNALS)


def fitted_similarity(pair: Pair) -> float:
    """A logistic regression over five signals, fitted on public list aliases.

    Word-alignment score, the share of each name met in the other, the
    similarity of the names without spaces and the token-set ratio: names that
    differ in several small ways at once ("INTERNATIONAL PARDISAN RIZVAN SHARQ"
    / "PARDISAN REZVAN SHARGH INTERNATIONAL"). Silent when anything contradicts
    the pair (no distinctive word agrees, numbers, places or family names
    differ, each side has a distinctive word the other lacks). A search holds a
    match resting on it alone for review.
    """
    if why_silent(pair) is not None:
        return 0.0
    m = model()
    return m.score(m.probability(signal_values(pair)))
