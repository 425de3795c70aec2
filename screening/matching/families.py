"""Name families: a query that names only what several listed parties share.

"NEC Corporation" is not listed, but "NEC Aerospace Systems, Ltd." and "NEC
Network and Sensor Systems, Ltd." are. Each of them scores as a strong name
match (the query's every word is in the listed name), yet the query may be
the parent, a sister or either of them: a company group is not one legal
person, and China's Control List and the UEL list the named member, not its
parent (rules.md §8.5, "Name match ... an exact or high-confidence match on an
**active** listing gives that list's outcome. A lower-confidence match gives
REVIEW"). When the query covers only the part that two or more *different*
listed parties share, and each of those listed names says more than the query,
which party is meant is a human decision: such hits are held at review
strength. A listed party whose whole name the query covers is unaffected, so
"General Dynamics Corporation" still matches the listed "General Dynamics".

This reads the index's answer set, not one pair: the pair score (and the
benchmarks of ``compare``) are unchanged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from screening import settings
from screening.texts import msg
from screening.types import Entry

from .algorithm import FEATURES
from .alignment import SON_OF, Pair, echoed, is_patronymic, is_person_pair, pinyin_name
from .forms import SYLLABIC
from .index import entry_schema
from .resources import tables
from .tokens import DISTINCTIVE, GENERIC, INITIAL, NUMBER, STOP

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Partial:
    """A hit whose listed name has words the query lacks.

    ``covered`` is the part of the query that met the listed name (lower case),
    ``extra`` the listed name's words the query does not have.
    """

    covered: tuple[str, ...]
    extra: tuple[str, ...]

    def __reduce__(self) -> tuple[type, tuple[tuple[str, ...], tuple[str, ...]]]:
        # as its fields: compiled, a frozen dataclass cannot be rebuilt field by field
        return Partial, (self.covered, self.extra)


def partial_of(pair: Pair) -> Partial | None:
    """The :class:`Partial` of a scored pair, or None when the query covers the whole listed name."""
    al = pair.alignment
    if not al.c_unmatched:
        return None
    q, c = pair.query, pair.result
    covered = tuple(sorted({q.texts[i].lower() for link in al.links for i in link.qi}))
    if not covered:
        return None
    return Partial(covered, tuple(c.texts[j] for j in al.c_unmatched))


def says_more(pair: Pair) -> tuple[str, ...]:
    """The listed organisation's name words the query lacks that name *what* it is.

    "Boeing" against "Boeing Defense, Space & Security" lacks "Defense", "Space",
    "Security": the query may be the parent, a sister or that very unit, and a
    brand is not a legal person (rules.md §8.3: "An exact or high-confidence match
    on an **active** listing gives that list's outcome. A lower-confidence match
    gives REVIEW"). A place ("Hangzhou" before "Hikvision"), a legal form, a number
    or an organisation-class word ("Group", "Holdings") says nothing of that kind
    and is not counted.
    """
    al = pair.alignment
    if not al.c_unmatched or not al.links:
        return ()
    c = pair.result
    org_class = tables().org_class
    return tuple(c.texts[j] for j in al.c_unmatched
                 if c.tags[j] in (DISTINCTIVE, GENERIC) and c.texts[j] not in org_class and not echoed(c, j))


def partial_hold(entry: Entry, pair: Pair, values: dict[str, float] | None = None,
                 match_t: float | None = None) -> str | None:
    """Why a match-strength hit is held for review because the listed name
    :func:`says_more` than the query, or None.

    First, a listed person's name with a given name the query lacks, or a family
    name where none met (:func:`_names_a_part`), or a Chinese, Korean or
    Japanese name with a syllable the list lacks, whichever feature carried the score. Then a match
    that rests only on ``name_parts_subset`` or the fitted model
    (``values``, the hit's features; :func:`rests_on_review_only`): a person's
    name whose listed form has parts the query lacks ("Ivan Hernandez" for
    "HERNANDEZ DALA, Ivan Rafael") is the same name only as far as it goes, and
    a common two-part name needs a human and the other identifiers; names that
    agree only by the model's reckoning ("fitted_similarity") need a reviewer's
    eye too. Then organisations, two cases, one test of the words:

    - the query is a whole legal name: it carries a legal form and every word of
      it met the listed name. "Hitachi, Ltd.", "Oshkosh Corporation" name one
      legal person in full; "Hitachi Advanced Systems Corporation" (Watch List)
      or "Oshkosh Defense, LLC" (Control List) are other members of the group,
      and China's lists bind the member they name, not its parent (§8.3 UEL:
      "For other unnamed subsidiaries return REVIEW");
    - the listed party is an organisation: "Boeing" against "Boeing Defense,
      Space & Security" names a brand, not that unit.

    Whether the counterparty is that member is a human decision. So is a name
    met through an acronym ("POGC" for "Pars Oil and Gas Company"): other names
    share those initials.
    """
    side, parts = _person_parts_left(pair)
    if side == "query" and _syllable_names(pair):
        # a Chinese, Korean or Japanese name with a syllable more is another name: 徐彬伟 is not "XU, Bin"
        return msg("explain.person_parts_extra", words=" ".join(parts))
    if side == "list" and _names_a_part(pair):
        # whatever carried the score: rare words weigh most in a search, so a common
        # middle name left out ("Jason Smith" / "Smith, Jason Dean") costs little
        return msg("explain.person_parts_missing", words=" ".join(parts))
    undiscounted = pair.alignment.undiscounted
    threshold = settings.MATCH_THRESHOLD if match_t is None else match_t
    if side == "list" and undiscounted is not None and undiscounted < threshold:
        # the same name as far as it goes ("Santiago Perez" / "PEREZ OCAMPO, Santiago"), but
        # only because a second family name costs little: the many Santiago Perezes differ there
        return msg("explain.person_parts_missing", words=" ".join(parts))
    if rests_on_review_only(values, match_t):
        if side == "list":
            return msg("explain.person_parts_missing", words=" ".join(parts))
        if side == "query":  # "Mohammad Gerald Harris" for "HARIS, Muhammad": a middle name the list lacks
            return msg("explain.person_parts_extra", words=" ".join(parts))
        if values and values.get("fitted_similarity", 0.0) >= values.get("name_parts_subset", 0.0):
            return msg("explain.fitted_only", score=f"{values['fitted_similarity']:.2f}")
    acronym = next((lk for lk in pair.alignment.links if lk.how == "acronym"), None)
    if acronym:
        q, c = pair.query, pair.result
        if len(acronym.qi) == 1:  # the query is the acronym
            short, words = q.texts[acronym.qi[0]], " ".join(c.texts[j] for j in acronym.ci)
        else:
            short, words = c.texts[acronym.ci[0]], " ".join(q.texts[i] for i in acronym.qi)
        return msg("explain.acronym", short=short, words=words)
    extra = says_more(pair)
    if not extra:
        return None
    if pair.query.legal and not pair.alignment.q_unmatched:
        words = " ".join(pair.result.texts[j] for j in pair.alignment.c_unmatched)
        return msg("explain.longer_legal_name", name=entry.name, words=words)
    if entry_schema(entry) == "company":
        return msg("explain.says_more", words=" ".join(extra))
    return None


#: Main features that only hold a match for review when the score rests on them:
#: a part of a longer name, and the fitted model (screening.matching.fitted).
REVIEW_ONLY = ("name_parts_subset", "fitted_similarity")


def rests_on_review_only(values: dict[str, float] | None, match_t: float | None = None) -> bool:
    """True when a main feature of :data:`REVIEW_ONLY` reaches the match threshold
    and no other main feature does."""
    values = values or {}
    t = settings.MATCH_THRESHOLD if match_t is None else match_t
    return any(values.get(n, 0.0) >= t for n in REVIEW_ONLY) and not any(
        values.get(ft.name, 0.0) >= t for ft in FEATURES if not ft.qualifier and ft.name not in REVIEW_ONLY)


def _names_a_part(pair: Pair) -> bool:
    """A listed person's name has a given name the query lacks ("Smith, Jason Dean"
    for "Jason Smith"), or a family name where the query met none of them.

    Not counted, as renderings routinely drop them: initials ("TSAI, ALEX H.T."),
    titles (Hafiz), generations (III), a patronymic or anything after bin / ibn /
    ben ("Lotfi Ben Abdul Hamid Ben Ali"), and a second family name when the
    first is met ("Juan Garcia" for "GARCIA LOPEZ, Juan").
    """
    c, al = pair.result, pair.alignment
    linked = {j for lk in al.links for j in lk.ci}
    # after bin, ould ... a listed name goes on with the father's line ("Lotfi Ben Abdul Hamid Ben Ali")
    lineage = next((j for j, w in enumerate(c.texts) if w in SON_OF and j > 0), len(c.texts))
    first_family = next((j for j, f in enumerate(c.family) if f), None)
    family_met = first_family is not None and first_family in linked
    titles = tables().person_titles
    for j in al.c_unmatched:
        text = c.texts[j]
        if c.tags[j] in (STOP, NUMBER, INITIAL) or len(text) < 2 or text in titles or j > lineage:
            continue
        if is_patronymic(c, j) or (c.family[j] and family_met):
            continue
        return True
    return False


def _syllable_names(pair: Pair) -> bool:
    """The query is a personal name written in syllables (Han, Hangul, kana), or
    both names are romanised Chinese names."""
    q, c = pair.query, pair.result
    return q.script in SYLLABIC or (pinyin_name(q) and pinyin_name(c))


def _person_parts_left(pair: Pair) -> tuple[str, tuple[str, ...]]:
    """Which side of a person pair has parts the other lacks ("list" or "query"),
    and those parts; ("", ()) for organisations or complete names."""
    q, c = pair.query, pair.result
    if not is_person_pair(q, c):
        return "", ()
    listed = tuple(c.texts[j] for j in pair.alignment.c_unmatched if c.tags[j] not in (STOP, NUMBER))
    if listed:
        return "list", listed
    asked = tuple(q.texts[i] for i in pair.alignment.q_unmatched if q.tags[i] not in (STOP, NUMBER))
    return ("query", asked) if asked else ("", ())


def _name_keys(entry: Entry) -> set[str]:
    """The entry's names folded for identity: case, punctuation and legal forms dropped."""
    legal = tables().legal_forms
    keys = set()
    for n in entry.names:
        words = [w for w in _WORD.findall(n.value.casefold()) if (w,) not in legal]
        if words:
            keys.add("".join(words))
    return keys


def groups_sharing_keys(keys: Sequence[set[str]]) -> list[int]:
    """A group number per item: items whose key sets meet (directly or through others) share one."""
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    for i, ks in enumerate(keys):
        for key in ks:
            j = owner.setdefault(key, i)
            if j != i:
                parent[find(i)] = find(j)
    return [find(i) for i in range(len(keys))]


def _parties(entries: Sequence[Entry]) -> list[int]:
    """A party number per entry: entries that share a folded name are one party.

    The same company on two lists (the Control List and the military-user
    category) is one party, not a family of two.
    """
    return groups_sharing_keys([_name_keys(e) for e in entries])


def family_holds(found: Sequence[tuple[Entry, bool, Partial | None]]) -> dict[int, str]:
    """Which match-strength hits only name a family, and why: position -> explanation line.

    ``found`` holds, per hit, its entry, whether it is at match strength and its
    :func:`partial_of`. A group is the hits whose listed names have words the
    query lacks and which the query meets on the same words; when a group spans
    two or more listed parties, its match-strength hits are held for review.
    A single hit whose listed name says more is :func:`partial_hold`'s.
    """
    groups: dict[tuple[str, ...], list[int]] = defaultdict(list)
    held: dict[int, str] = {}
    for i, (_, _, p) in enumerate(found):
        if p is not None:
            groups[p.covered].append(i)
    for covered, members in groups.items():
        if not any(found[i][1] for i in members):
            continue
        n_parties = len(set(_parties([found[i][0] for i in members])))
        if n_parties < 2:
            continue
        names = list(dict.fromkeys(found[i][0].name for i in members))
        shown: str = "; ".join(names)
        if len(names) > 4:
            shown = msg("names.more", names="; ".join(names[:4]), n=len(names) - 4)
        line = msg("explain.family_held", covered=" ".join(covered), n=n_parties, names=shown)
        for i in members:
            if found[i][1]:
                held[i] = line
    return held
