"""Readable explanations of a scored pair, for a compliance officer.

Examples: ``'haiguang' = 'Haiguang' (pinyin of 海光)``, ``numbers agree: 13``,
``legal form ignored: Co., Ltd.``, ``not in the listed name: 'robotics'``.
"""

from __future__ import annotations

import re

from screening.matching.alignment import Pair
from screening.matching.forms import Form
from screening.matching.names import GENERIC, LOCATION, NUMBER

#: Human labels of the qualifier features when they fire.
QUALIFIER_TEXT = {
    "numbers_disagree": "numbers differ",
    "number_missing": "a number appears in only one name",
    "no_distinctive_agreement": "no distinctive word in common (only generic words, places or legal forms agree)",
    "locations_disagree": "the names give different places (a sister unit elsewhere?)",
    "country_agrees": "country agrees",
    "country_disagrees": "country differs from the listed countries",
    "schema_mismatch": "person vs organisation",
    "weak_alias": "matched a weak alias",
    "family_name_mismatch": "family names differ",
    "no_exact_name_part": "no part of the name is spelled alike",
    "patronymics_differ": "patronymics differ",
}


def _side(form: Form, idx: tuple[int, ...]) -> str:
    """The tokens of ``form`` at ``idx`` as written in the name ("Haiguang")."""
    parts = []
    for i in idx:
        tok = form.tokens[i]
        source = tok.source or tok.text
        if source.isascii():
            source = _as_written(source, form.name)
        parts.append(source)
    return " ".join(parts)


def _as_written(word: str, name: str) -> str:
    """``word`` as ``name`` writes it (its case), found as a whole word; else ``word``.

    A plain case-insensitive find with letter boundaries: compiling a regex per
    word overflowed the regex cache and cost a third of a search.
    """
    low = name.lower()
    if len(low) != len(name):  # a letter whose lower case is longer (İ): let re align it
        found = re.search(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", name, re.IGNORECASE)
        return found.group(0) if found else word
    target = word.lower()
    start = low.find(target)
    while start >= 0:
        end = start + len(target)
        if not _ascii_letter(low, start - 1) and not _ascii_letter(low, end):
            return name[start:end]
        start = low.find(target, start + 1)
    return word


def _ascii_letter(text: str, i: int) -> bool:
    """True when ``text[i]`` exists and is an ASCII letter."""
    return 0 <= i < len(text) and "a" <= text[i] <= "z"


def _notes(form: Form, idx: tuple[int, ...]) -> list[str]:
    """Derivation notes of the tokens (pinyin, term table, abbreviation)."""
    return [form.tokens[i].note for i in idx if form.tokens[i].note and form.tokens[i].note not in ("place",)]


def explain(pair: Pair, values: dict[str, float], score: float) -> list[str]:
    """Explanation lines for one scored pair."""
    q, c = pair.query, pair.result
    al = pair.alignment
    lines: list[str] = []
    for link in sorted(al.links, key=lambda lk: lk.qi):
        qs, cs = _side(q, link.qi), _side(c, link.ci)
        qtext = " ".join(q.texts[i] for i in link.qi)
        notes = _notes(q, link.qi) + _notes(c, link.ci)
        suffix = f" ({'; '.join(dict.fromkeys(notes))})" if notes else ""
        if link.how == "number":
            lines.append(f"numbers agree: {qtext}")
            continue
        label = qs if qs.lower() == qtext else f"{qs}" if not notes else qtext
        if link.sim >= 1.0:
            lines.append(f"'{label}' = '{cs}'{suffix}")
        else:
            kind = {
                "skeleton": "spelling variant",
                "variant": "spelling variant",
                "joined": "joined/split words",
                "initial": "initial",
                "nickname": "nickname",
            }.get(
                link.how, "similar"
            )
            lines.append(f"'{label}' ~ '{cs}' ({kind}, {link.sim:.2f}){suffix}")
    if values.get("numbers_disagree"):
        lines.append(f"numbers differ: {', '.join(sorted(q.numbers))} vs {', '.join(sorted(c.numbers))}")
    for i in al.q_unmatched:
        tag = q.tags[i]
        what = {LOCATION: "place", GENERIC: "generic word", NUMBER: "number"}.get(tag, "word")
        lines.append(f"not in the listed name: '{_side(q, (i,))}' ({what})")
    for j in al.c_unmatched:
        tag = c.tags[j]
        what = {LOCATION: "place", GENERIC: "generic word", NUMBER: "number"}.get(tag, "word")
        lines.append(f"not in the query: '{_side(c, (j,))}' ({what})")
    legal = list(dict.fromkeys(list(q.legal) + list(c.legal)))
    if legal:
        lines.append("legal form ignored: " + ", ".join(legal))
    for name, text in QUALIFIER_TEXT.items():
        if values.get(name) and name != "numbers_disagree":
            lines.append(text)
    if values.get("compact_name", 0) > values.get("name_tokens", 0):
        lines.append(f"names agree with spaces ignored ({values['compact_name']:.2f})")
    if values.get("consonant_skeleton", 0) > values.get("name_tokens", 0):
        lines.append(f"consonants agree across scripts: '{q.consonants}' ({values['consonant_skeleton']:.2f})")
    lines.append(f"score {score:.2f} on '{c.name}'" + (f" ({c.note})" if c.note else ""))
    return lines
