"""Pick, for each part of a name with several readings, the one the other name uses.

工业大学 reads "polytechnical university", "university of technology" or
"institute of technology"; 中国 reads "china" or "chinese"; 市 reads "city" or
nothing. Enumerating every combination of readings would multiply the forms
to score, so the comparator instead *tailors* a form to the name it is
compared with: for each choice it keeps the reading whose tokens the other
name contains (by compare form or skeleton), preferring the primary reading
on ties, and builds that form once (cached on the form by the readings
chosen).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rapidfuzz.distance import Indel

from screening.matching.annotations import NO_NUMBERS
from screening.matching.forms import Form, FormChoice, Piece
from screening.matching.names import NUMBER, STOP
from screening.matching.names_latin import org_term_key
from screening.matching.resources import business_word, tables
from screening.matching.russian import soft_e

#: Cost of a reading's token the other name lacks, relative to the gain of one it has.
MISSING_COST = 1.0
#: Gain of a token found only inside a longer word of the other name ("jong" in "jongun").
INSIDE_GAIN = 0.5
#: Tokens shorter than this are not looked for inside longer words.
INSIDE_MIN_LEN = 2
#: Gain of a token the other name spells otherwise (TEKHNOLOGIYA / TEKNOLOGIYA: the
#: romanised word, not its English reading, is what the other name has), for tokens of
#: at least SPELLED_MIN_LEN letters at SPELLED_MIN_SIM or more (Indel similarity).
SPELLED_GAIN = 0.5
SPELLED_MIN_LEN = 5
SPELLED_MIN_SIM = 0.85
#: A business word that starts with a reading and is this many letters longer is another
#: word (machine / machinery); one letter is a spelling (institut / institute), and a
#: reading at the end of a compound is part of it (electronics / microelectronics).
ANOTHER_WORD_MIN, ANOTHER_WORD_MAX = 2, 3
#: Tailored forms kept per form (list-side forms meet many queries).
TAILORED_MAX = 64


def _gain(piece: Piece, other: Form) -> float:
    """How well one reading agrees with the other name: found tokens minus missing ones."""
    gain = 0.0
    one_word = len(piece.texts) == 1
    for text, skel, weight, strict in zip(piece.texts, piece.skels, piece.weights, piece.strict):
        if text in other.texts or (skel in other.skels and not strict):  # romanised syllables: exact only
            gain += weight
        else:
            gain += _near_gain(text, weight, other, one_word)
    return gain


def _near_gain(text: str, weight: float, other: Form, one_word: bool = False) -> float:
    """Gain of a reading's token the other name does not have as a word: found inside
    one of its words, spelled otherwise, or missing.

    ``one_word``: the reading is one word, which then counts for no more than the word
    it is found in weighs: "institut" as written (distinctive) inside the generic
    "institute" gains less than the reading "institute", which the other name has.
    A phrase as written keeps its weight (NAUCHNO ISSLEDOVATELSKI INSTITUT against
    NAUCHNOISLEDOVATELSKIY: its words join the other's)."""
    texts = other.texts
    if len(text) >= INSIDE_MIN_LEN and text in other.compact and not _inside_business_word(text, texts):
        return (_holder_weight(weight, other, [k for k, t in enumerate(texts) if text in t]) if one_word
                else weight) * INSIDE_GAIN
    spelled = _spelled_otherwise(text, texts)
    if spelled:
        return (_holder_weight(weight, other, [texts.index(spelled)]) if one_word else weight) * SPELLED_GAIN
    return -weight * MISSING_COST


def _holder_weight(weight: float, other: Form, holders: list[int]) -> float:
    """``weight``, or less when every word of ``other`` it is found in (``holders``) is
    written so by that name and weighs less. A word the other name only reads so
    (its own "institut" read as "institute") caps nothing: its as-written form may be
    the reading that agrees; nor does a word found across words ("jongun" in "kim jong un")."""
    if not holders or any(other.tokens[k].source != other.texts[k] for k in holders):
        return weight
    return min(weight, max(other.weights[k] for k in holders))


def _spelled_otherwise(text: str, texts: tuple[str, ...]) -> str:
    """The word of the other name that writes ``text`` otherwise (same first letter, a
    close spelling): TEKHNOLOGIYA for TEKNOLOGIYA, SVYAZI for SUVYAZI; "" when none
    does. A business word is not another spelling ("machine" against "machinery")."""
    size = len(text)
    if size < SPELLED_MIN_LEN:
        return ""
    if business_word(text):
        return ""  # a business word's reading: its forms are met as words (stems, plurals)
    first = text[0]
    for w in texts:
        if w[:1] != first or abs(len(w) - size) > 2:
            continue
        if business_word(w):
            continue
        if Indel.normalized_similarity(text, w, score_cutoff=SPELLED_MIN_SIM) > 0:
            return w
    return ""


def _inside_business_word(text: str, texts: tuple[str, ...]) -> bool:
    """True when ``text`` is found only at the start of business words of the other name
    that add a short ending: "machine" in "machinery" is another word, not a joined
    name ("jong" in "jongun"); "institut" in "institute" is the word spelled otherwise,
    and "electronics" in "microelectronics" part of a compound."""
    holders = [w for w in texts if text in w]
    return bool(holders) and all(
        business_word(w) and w.startswith(text)
        and ANOTHER_WORD_MIN <= len(w) - len(text) <= ANOTHER_WORD_MAX
        for w in holders
    )


def pick(choice: FormChoice, other: Form) -> int:
    """Index of the reading of ``choice`` that best agrees with ``other`` (0 on ties).

    When no reading agrees (each misses words) the least costly is taken, unless the
    usual reading is the word as written (:func:`_as_written`): "Toseh" against
    "Towseeh" stays Toseh, a spelling of it, not "development", which the other lacks too.
    """
    best, best_gain = 0, None
    for k, piece in enumerate(choice.pieces):
        gain = _gain(piece, other)
        if best_gain is None or gain > best_gain + 1e-9:
            best, best_gain = k, gain
    if best_gain is not None and best_gain < 0 and _as_written(choice.pieces[0]):
        return 0
    return best


def _as_written(piece: Piece) -> bool:
    """The reading is a table's reading of the name's words as themselves, as spelled
    or in another spelling of one skeleton (a pinyin or Persian term read first as
    itself: Toseh, keyed "tosee"); not a word no table read ("invest", whose
    "investment" is the reading to take when neither agrees)."""
    if not piece.tokens:
        return False
    key = org_term_key(piece.tokens[0].source.split())
    return key in tables().written_first and tuple(soft_e(s) for s in piece.skels) == key


def _available(form: Form, other: Form, picks: list[int], skip: int) -> Counter[str]:
    """``other``'s words not yet used by ``form``'s fixed words and by its other choices."""
    avail = Counter(other.texts)
    covered = {k for c in form.choices for k in range(c.start, c.start + c.size)}
    used = [t for k, t in enumerate(form.texts) if k not in covered]
    used.extend(t for j, c in enumerate(form.choices) if j != skip for t in c.pieces[picks[j]].texts)
    for text in used:
        if avail[text] > 0:
            avail[text] -= 1
    return avail


def _gain_left(piece: Piece, avail: Counter[str], other: Form) -> float:
    """:func:`_gain` counting each word of ``other`` once (``avail``: words still free)."""
    gain = 0.0
    left = Counter(avail)
    for text, skel, weight, strict in zip(piece.texts, piece.skels, piece.weights, piece.strict):
        if left[text] > 0:
            left[text] -= 1
            gain += weight
        elif text not in other.texts and skel in other.skels and not strict:
            gain += weight
        elif text not in other.texts:
            gain += _near_gain(text, weight, other, len(piece.texts) == 1)
        else:
            gain -= weight * MISSING_COST  # the other name's word, already taken
    return gain


def _refine(form: Form, other: Form, picks: list[int]) -> list[int]:
    """Revisit each choice once, counting the other name's words only once.

    研究院 and 研究所 both read "research institute"; against "China Academy of
    Space Technology 502 Research Institute" only one of them can have it, so
    研究院 takes "academy".
    """
    for i, choice in enumerate(form.choices):
        avail = _available(form, other, picks, i)
        best, best_gain = picks[i], _gain_left(choice.pieces[picks[i]], avail, other)
        for k, piece in enumerate(choice.pieces):
            gain = _gain_left(piece, avail, other)
            if gain > best_gain + 1e-9 and (gain >= 0 or not _as_written(choice.pieces[picks[i]])):
                best, best_gain = k, gain  # as in pick: the word as written stays unless a reading agrees
        picks[i] = best
    return picks


def tailor(form: Form, other: Form) -> Form:
    """``form`` with each choice set to the reading ``other`` agrees with best."""
    if not form.choices:
        return form
    first = [pick(c, other) for c in form.choices]
    picks = tuple(_refine(form, other, first) if len(first) > 1 else first)
    if not any(picks):
        return form
    cache = form.tailored
    if cache is None:
        cache = form.tailored = {}
    found = cache.get(picks)
    if found is None:
        found = with_readings(form, picks)
        if len(cache) >= TAILORED_MAX:
            cache.clear()
        cache[picks] = found
    return found


def with_readings(form: Form, picks: tuple[int, ...]) -> Form:
    """A copy of ``form`` with reading ``picks[i]`` of its i-th choice spliced in."""
    fields: dict[str, list[Any]] = {
        "tokens": list(form.tokens),
        "texts": list(form.texts),
        "skels": list(form.skels),
        "tags": list(form.tags),
        "weights": list(form.weights),
        "strict": list(form.strict),
        "family": list(form.family),
    }
    # Splice from the end so earlier positions stay valid (size-0 choices included).
    order = sorted(range(len(picks)), key=lambda i: (form.choices[i].start, form.choices[i].size), reverse=True)
    for i in order:
        k = picks[i]
        if not k:
            continue
        choice = form.choices[i]
        piece = choice.pieces[k]
        for name, values in fields.items():
            values[choice.start : choice.start + choice.size] = getattr(piece, name)
    texts = tuple(fields["texts"])
    tags = tuple(fields["tags"])
    compact = "".join(x for x, g in zip(texts, tags) if g != STOP) or "".join(texts)
    return Form(
        name=form.name,
        tokens=tuple(fields["tokens"]),
        texts=texts,
        skels=tuple(fields["skels"]),
        tags=tags,
        weights=tuple(fields["weights"]),
        strict=tuple(fields["strict"]),
        family=tuple(fields["family"]),
        joins=form.joins,
        compact=compact,
        compact_sorted="".join(sorted(x for x, g in zip(texts, tags) if g != STOP)),
        numbers=frozenset(x for x, g in zip(texts, tags) if g == NUMBER) if NUMBER in tags else NO_NUMBERS,
        legal=form.legal,
        schema=form.schema,
        script=form.script,
        kind=form.kind,
        entry=form.entry,
        note=form.note,
        ids=form.ids,
    )


#: Forms looked up per query form: the primary plus this many one-choice switches.
EXPANSIONS_MAX = 6


def expansions(form: Form, limit: int = EXPANSIONS_MAX) -> list[Form]:
    """``form`` plus forms with one choice switched to another reading (for candidate look-up).

    Round-robin over the choices (every choice's second reading, then every
    third ...), so that a name with many choices still has each of them looked
    up in its most likely other reading.
    """
    out = [form]
    depth = max((len(c.pieces) for c in form.choices), default=0)
    for k in range(1, depth):
        for i, choice in enumerate(form.choices):
            if k >= len(choice.pieces) or not choice.pieces[k].texts:
                continue  # leaving a word out finds nothing new
            if len(out) > limit:
                return out
            picks = tuple(k if j == i else 0 for j in range(len(form.choices)))
            out.append(with_readings(form, picks))
    return out
