"""Possible affiliates: a query that carries a listed organisation's brand plus a marker.

"Hikvision Robotics" carries "Hikvision" (the brand of a listed company) plus
"Robotics" (a business line): possibly a subsidiary or branch, ownership unknown.
It is not a name match, so the matcher's search does not return it; the rules
turn it into a REVIEW finding.

The brand of a list name is its rarest distinctive word, and only when that word
is rare on the lists ("Hikvision", not "International"). The index maps each
brand to the list forms it heads, so a query costs one dictionary look-up per
word: most counterparties carry no listed brand and stop there.

A suggestion is kept only where it can be real:

- the listed party is a company or organisation (people have no branches);
- the query carries every distinctive word of the listed name: a place, a
  legal form or a generic word ("HK", "Missiles", "Shipyard") is never enough,
  nor is one everyday English word ("Optics": "Acme Optics" is no branch of
  "Quantum Optics LLC");
- the query is not a person's name, and the shared brand is not a word people
  are named by ("Sean", "Thomas");
- the query adds more than generic words ("Huawei Technologies Co." is the party
  itself or a variant of its name); and, unless the query is recognisably an
  organisation, what it adds includes a business, place or branch word, so
  "Vlastimil Danuše Král" is not taken for a branch of "Kral Aviation";
- the listed brand is more than a two-letter initialism ("MP Materials" is no
  affiliate of the SDN "MP LLC").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from unidecode import unidecode

from screening.matching.algorithm import score_pair
from screening.matching.cedict import active
from screening.matching.alignment import Pair
from screening.matching.forms import Form
from screening.matching.index import entry_schema
from screening.matching.names import DISTINCTIVE, GENERIC, LEGAL, STOP, NameAnalysis
from screening.matching.resources import tables
from screening.types import Entry

#: An affiliate's shared brand word must be at least this rare on the lists
#: (rarity factor, 1 = unique): "Hikvision" qualifies, "International" does not.
MIN_RARITY = 0.55

_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> set[str]:
    """ASCII lowercase words of ``text`` ("Král" -> "kral")."""
    return set(_WORD.findall(unidecode(text).casefold()))


@dataclass
class Affiliate:
    """A query that carries a listed party's distinctive name plus a marker.

    "Hikvision Robotics" carries "Hikvision" (shared) plus "robotics" (marker):
    possibly an affiliate of the listed party, ownership unknown.
    """

    entry: Entry
    shared_tokens: list[str]
    marker: list[str]
    matched_name: str = ""
    name_score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready view."""
        return {
            "entry_id": self.entry.id,
            "list": self.entry.list_id,
            "name": self.entry.name,
            "matched_name": self.matched_name,
            "shared_tokens": list(self.shared_tokens),
            "marker": list(self.marker),
            "name_score": round(self.name_score, 4),
        }


def vocabularies(entries: Iterable[Entry]) -> tuple[frozenset[str], frozenset[str]]:
    """Words of listed persons' names, and words of listed organisations' names that
    no person bears. The first tells a person's name; the second tells business
    words ("robotics", "labs", "aviation")."""
    people: set[str] = set()
    orgs: set[str] = set()
    for e in entries:
        schema = entry_schema(e)
        bucket = people if schema == "person" else orgs if schema == "company" else None
        if bucket is None:
            continue
        for n in e.names:
            bucket.update(words(n.value))
    return frozenset(people), frozenset(orgs - people)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Everyday English words: those a CC-CEDICT entry glosses in one word ("optics", "shipyard"),
    from the dictionary in use (an index snapshot's, shared by forked workers: parsing the
    file again cost each bulk worker 25 MB)."""
    return frozenset(g[0] for glosses in active().values() for g in glosses if len(g) == 1)


#: A list name whose one distinctive word is this short is an initialism ("MP LLC"):
#: too many unrelated companies begin with the same two letters to call them affiliates.
MIN_BRAND_LEN = 3


def weak_brand(form: Form) -> bool:
    """A list name whose only distinctive word cannot carry a brand: an everyday word
    ("Quantum Optics": "Acme Optics" carries a line of business, not that party's brand)
    or an initialism of at most two characters ("MP LLC", "3M")."""
    dist = distinctive_words(form)
    if len(dist) >= 2:
        return False
    return (all(t in dictionary_words() for t, _ in dist)
            or all(len(t) < MIN_BRAND_LEN for t, _ in dist))


def distinctive_words(form: Form) -> list[tuple[str, float]]:
    """The distinctive words of a form, with their weights."""
    return [(t, w) for t, g, w in zip(form.texts, form.tags, form.weights) if g == DISTINCTIVE]


def brand_of(form: Form) -> tuple[str, float] | None:
    """The heaviest distinctive word of a list form and its weight, or None."""
    return max(distinctive_words(form), key=lambda x: x[1], default=None)


class AffiliateIndex:
    """Brand word -> the forms of listed organisations it heads, plus the vocabularies."""

    def __init__(self, entries: Sequence[Entry], forms: Sequence[Form]) -> None:
        self.entries = entries
        self.forms = forms
        by_brand: dict[str, list[int]] = defaultdict(list)
        for fid, form in enumerate(forms):
            if entry_schema(entries[form.entry]) != "company":
                continue  # people have no branches
            brand = brand_of(form)
            if brand is None or brand[1] < MIN_RARITY or weak_brand(form):
                continue
            by_brand[brand[0]].append(fid)
        self.by_brand = dict(by_brand)
        self.person_words, self.business_words = vocabularies(entries)

    @classmethod
    def restore(cls, entries: Sequence[Entry], forms: Sequence[Form], state: dict[str, Any]) -> "AffiliateIndex":
        """An index from a snapshot: the matcher's entries and forms plus :meth:`lookup_state`."""
        self = cls.__new__(cls)
        self.entries, self.forms = entries, forms
        self.by_brand = state["by_brand"]
        self.person_words, self.business_words = state["person_words"], state["business_words"]
        return self

    def lookup_state(self) -> dict[str, Any]:
        """What :meth:`restore` needs besides the entries and forms."""
        return {"by_brand": self.by_brand, "person_words": self.person_words,
                "business_words": self.business_words}

    def find(self, analysis: NameAnalysis, qforms: Iterable[Form], country: str | None,
             match_threshold: float) -> list[Affiliate]:
        """Listed organisations the query (``analysis``, compiled as ``qforms``) may belong to."""
        if analysis.schema == "person":
            return []
        found: dict[int, Affiliate] = {}
        for qform in qforms:
            q_texts = set(qform.texts)
            fids = [fid for t in q_texts for fid in self.by_brand.get(t, ())]
            for fid in sorted(set(fids)):
                aff = self._relation(qform, q_texts, self.forms[fid], country, analysis,
                                     match_threshold)
                if aff is None:
                    continue
                prev = found.get(self.forms[fid].entry)
                if prev is None or len(aff.shared_tokens) > len(prev.shared_tokens):
                    found[self.forms[fid].entry] = aff
        return sorted(found.values(), key=lambda a: (-len(a.shared_tokens), a.entry.id))

    def _relation(self, qform: Form, q_texts: set[str], cform: Form, country: str | None,
                  analysis: NameAnalysis, match_threshold: float) -> Affiliate | None:
        """The affiliate relation of a query form and one list form whose brand it carries."""
        dist = distinctive_words(cform)
        shared = [t for t, _ in dist if t in q_texts]
        if len(shared) < len(dist):
            return None  # "Lockheed Martin Missiles" carries "Missiles", not "Tactical Missiles"
        if all(t in self.person_words for t in shared):
            return None  # "Sean Robotics" is not a branch of "Sean Trading"
        c_all = set(cform.texts)
        marker_idx = [i for i, t in enumerate(qform.texts) if t not in c_all]
        branch_words = tables().branch_words
        if not any(qform.tags[i] not in (GENERIC, LEGAL, STOP) or qform.texts[i] in branch_words
                   for i in marker_idx):
            return None  # only generic words added: a name variant, not an affiliate
        marker = [qform.tokens[i].source or qform.texts[i] for i in marker_idx]
        if analysis.schema is None and not self._business_marker(marker, analysis):
            return None
        entry = self.entries[cform.entry]
        pair = Pair(qform, cform, query_country=country, entry_countries=tuple(entry.countries))
        score, _ = score_pair(pair)
        if score >= match_threshold:
            return None  # the same party: a name match, not an affiliate
        return Affiliate(entry, shared, marker, matched_name=cform.name, name_score=score)

    def _business_marker(self, marker: list[str], analysis: NameAnalysis) -> bool:
        """Whether what a query of unknown kind adds names a business, place or branch."""
        extra = set().union(*(words(str(m)) for m in marker))
        tagged = {t.text for t in analysis.tokens if t.tag != DISTINCTIVE}
        return bool(extra & self.business_words or extra & tagged)
