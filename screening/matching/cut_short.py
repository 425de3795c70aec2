"""Words cut short: at the end of a SWIFT line, or by a writer's full stop.

A SWIFT MT payment message writes the parties' names in lines of 35 characters
(fields 50K and 59), and a longer name is cut at the 35th: "ISLAMIC REPUBLIC OF
IRAN SHIPPING L" is the bank's copy of ISLAMIC REPUBLIC OF IRAN SHIPPING LINES.
A query name whose line is exactly that long and ends inside a word has that word
cut: it meets a listed word it begins (:func:`candidates`), and the listed words
after that one were past the end of the line (:func:`cut_at`).

A name of 35 characters that was never cut gains only where its last word
begins a listed word, in the place the listed name has it.

A word written with a full stop is an abbreviation ("Tianjin Hongda Prec. Instr.
Co Ltd"): it meets a word of the other name it begins by two letters or more
(:func:`abbreviation_candidates`), as a reading when that word is a business word
and as a guess when it is the name's own (Zorv. may be Zorvik or Zorvex).
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable
from typing import TYPE_CHECKING

from screening.matching.annotations import name_line
from screening.matching.forms import Form
from screening.matching.names import DISTINCTIVE, INITIAL, LOCATION, NUMBER
from screening.matching.resources import on_change, tables

if TYPE_CHECKING:
    from screening.matching.alignment import Link

#: Characters in a line of a SWIFT MT name field.
SWIFT_LINE = 35
#: Credit of a cut word of three letters or more against the business word it begins
#: ("TECHNOLO" / "technology"): the letters written are the word's own.
CUT_SIM = 1.0
#: Credit of a cut word of one or two letters ("L" / "lines"): as an initial.
CUT_SHORT_SIM = 0.8
#: ... of a longer one against a name's own word ("KISH" / "KISHWARD"): a guess, which
#: the other words must carry (helper-61's review).
CUT_GUESS_SIM = 0.5
#: The link's ``how``.
HOW = "cut short"


def cut_word(q: Form) -> int | None:
    """Position of the query token the line's end cut, or None.

    The name, without a party label or SWIFT's "1/", fills the line, ends in a
    letter, and its last compared token is the line's last word."""
    if len(q.name) < SWIFT_LINE or not q.texts or q.script != "Latn":
        return None
    last = _cut_last_word(q.name)
    k = len(q.texts) - 1
    return k if last and last.endswith(q.tokens[k].source.lower()) and q.texts[k].isalpha() else None


@lru_cache(maxsize=256)
def _cut_last_word(name: str) -> str:
    """The last word of ``name``'s line, lowercased, when the line is full and ends in
    a letter; "" otherwise. Remembered: a search asks once per candidate."""
    line = name_line(name)
    if len(line) != SWIFT_LINE or not line[-1].isalpha():
        return ""
    return line.split()[-1].lower()


def candidates(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]],
               person: bool = False) -> None:
    """Add a link of the cut word to each listed word it begins and is shorter than.

    Not in a personal name: a name that begins another is another name (Jafar /
    Jafarzadeh, Kara / Karaman: helper-61's review). Not a word the tables know as
    a place or a generic word: "... OF KISH" and "... LTD UK" are whole words."""
    k = None if person else cut_word(q)
    if k is None or q.tags[k] not in (DISTINCTIVE, INITIAL):
        return
    a = q.texts[k]
    for j, b in enumerate(c.texts):
        if len(b) > len(a) and b.startswith(a):
            # a name's own word is a guess: "... OF KISH" may be whole (helper-61's review)
            sim = CUT_SHORT_SIM if len(a) < 3 else CUT_GUESS_SIM if c.tags[j] == DISTINCTIVE else CUT_SIM
            cands.append((sim, (k,), (j,), HOW))


def cut_at(links: list[Link], c: Form) -> int:
    """The last listed position the query's line reached: past a cut word's link,
    listed words were past the end of the line and cost nothing when left out.
    ``len(c.texts)`` when no link is a cut word's, or the cut word has fewer than three
    letters ("... AIRCRAFT M" may begin any word: helper-61's review)."""
    for lk in links:
        if lk.how == HOW and lk.sim >= CUT_SIM:
            return max(lk.ci)
    return len(c.texts)


#: A word of three letters or more with a full stop after it, not before a letter ("Prec.",
#: "Instr."; not "S.A." or "U.S.").
_DOTTED_RE = re.compile(r"(?<![\w.])([^\W\d_]{3,})\.(?![^\W\d_])")
#: Letters a word must add to the abbreviation it begins ("Prec." for "precision", not
#: "Mine." for "mines").
ABBREVIATION_MIN_EXTRA = 2
#: Credit of an abbreviation against a business word it begins (Prec. / precision): a
#: reading, not the word (Man. is management or manufacturing) ...
ABBREVIATION_SIM = 0.9
#: ... and against a name's own word (Zorv. / Zorvik): a guess the other words must carry.
ABBREVIATION_OWN_SIM = 0.5
HOW_ABBREVIATION = "abbreviation"


@lru_cache(maxsize=1024)
def dotted_words(name: str) -> frozenset[str]:
    """The words ``name`` writes with a full stop after them, lowercased."""
    if "." not in name:
        return frozenset()
    return frozenset(m.group(1).lower() for m in _DOTTED_RE.finditer(name))


def abbreviation_candidates(q: Form, c: Form, cands: list[tuple[float, tuple[int, ...], tuple[int, ...], str]],
                            everyday: Callable[[], frozenset[str]] = frozenset) -> None:
    """Add a link of each word either name abbreviates with a full stop to the other
    name's words it begins. Not (helper-62's review): a word that is a word ("Arab Bank.",
    "Man.": in ``everyday()``, English words, asked for only when a word is dotted); a
    name's last word unless it meets the other name's last (a full stop ends a sentence:
    "Gulf Bank." is not GULF BANKING GROUP; "Ahmed Trading Est." is AHMED TRADING
    ESTABLISHMENT); a place (Min. / MINSK). The caller leaves out personal names (Ali Ahmad. / AHMADINEJAD)."""
    for one, other, flip in ((q, c, False), (c, q, True)):
        dotted = dotted_words(one.name)
        if not dotted or dotted.isdisjoint(one.texts):
            continue
        last = len(one.texts) - 1
        for i, a in enumerate(one.texts):
            if a not in dotted or one.tags[i] == NUMBER or a in everyday():
                continue
            for j, b in enumerate(other.texts):
                if (len(b) < len(a) + ABBREVIATION_MIN_EXTRA or not b.startswith(a) or other.tags[j] == LOCATION
                        or (i == last and j != len(other.texts) - 1)):
                    continue
                sim = ABBREVIATION_OWN_SIM if other.tags[j] == DISTINCTIVE or _ambiguous(a) else ABBREVIATION_SIM
                cands.append((sim, (j,), (i,), HOW_ABBREVIATION) if flip else (sim, (i,), (j,), HOW_ABBREVIATION))


#: Letters of a business word that name its stem (management, manufacturing: two stems).
STEM_LETTERS = 6


@lru_cache(maxsize=1024)
def _ambiguous(abbreviation: str) -> bool:
    """True when ``abbreviation`` begins business words of two stems or more ("Mar.":
    marine, maritime, marketing): a guess, as an abbreviated name word is (helper-62)."""
    stems = {w[:STEM_LETTERS] for w in tables().generic if w.startswith(abbreviation)}
    return len(stems) > 1


on_change(_ambiguous.cache_clear)
