"""Who an owner is: a listed entry given by id, or a name resolved through the matcher.

The three ownership rules (rules.md §7.2, §7.3, No. 61 Art. 2) count the shares of
*listed* owners. Ownership data and declared owners name an owner either by entry
id (``us-el:...``) or by name. A name is resolved against the lists in force when
the party is screened, so a later list update is honoured:

* its best **match**-strength hits are the owner: one party, perhaps listed on
  several lists (Lockheed Martin Corporation is on the UEL, the Control List and
  the military-user category) or with several equally good candidates. They are
  *alternatives* for who the one owner is, never extra holdings: the owner's
  share is counted once (issue 12, defect 3);
* with only **review**-strength hits the owner is *possibly* listed: the rule can
  only give REVIEW (rules.md §8.2: "fuzzy or alias hit");
* with no hit the owner is unlisted: it passes nothing on unless the ownership
  data show listed owners above it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from screening.types import Entry, Hit

#: An entry id: a list id, a colon, a key without spaces (``us-el:abc``, ``cn-uel:skydio``).
ENTRY_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*:\S+$")

#: Hits within this much of the best score are equally good candidates for the owner.
TIE = 0.005


@dataclass(frozen=True)
class Owner:
    """The listed entries an owner may be, and how sure the matcher is."""

    entries: tuple[Entry, ...] = ()
    strength: str = "none"  # "match": it is (one of) these; "review": possibly; "none": unlisted

    @property
    def single(self) -> str | None:
        """The entry id when the owner is one entry for certain, else None."""
        if self.strength == "match" and len(self.entries) == 1:
            return self.entries[0].id
        return None


def is_entry_id(text: str) -> bool:
    """True when ``text`` is written like an entry id (``list:key``, no spaces)."""
    return bool(ENTRY_ID.match(text.strip()))


def parse_owner(text: str) -> dict:
    """A declared owner written ``NAME=PERCENT`` (``--owner``, a bulk ``owners`` cell).

    The name may hold ``=`` itself (the last one separates the share). Without
    ``=``, or with ``unknown``, the share is unknown. A number (``60``, ``60%``)
    becomes a float; anything else is kept as written and refused, with the
    owner's name, where shares are read.

    >>> parse_owner("Bank Rossiya=30%"), parse_owner("SMIC")
    ({'name': 'Bank Rossiya', 'percent': 30.0}, {'name': 'SMIC', 'percent': None})
    """
    name, sep, percent = text.strip().rpartition("=")
    if not sep or not name.strip():
        return {"name": text.strip(), "percent": None}
    percent = percent.strip()
    if percent.lower() in ("", "unknown"):
        return {"name": name.strip(), "percent": None}
    try:
        return {"name": name.strip(), "percent": float(percent.rstrip("%").strip())}
    except ValueError:
        return {"name": name.strip(), "percent": percent}


def name_key(name: str) -> str:
    """The graph node of a party known only by name: ``name:<case-folded, squashed name>``."""
    return "name:" + " ".join(name.casefold().split())


def owner_from_hits(hits: Iterable[Hit]) -> Owner:
    """The owner a name stands for, from the matcher's hits on that name.

    Match-strength hits at the best score are the owner (alternatives for one
    party); without any, every review-strength hit is a possible owner.
    """
    hits = list(hits)
    matched = [h for h in hits if h.strength == "match"]
    if matched:
        top = max(h.score for h in matched)
        best = [h.entry for h in matched if h.score >= top - TIE]
        return Owner(_unique(best), "match")
    if hits:
        return Owner(_unique(h.entry for h in hits), "review")
    return Owner()


def _unique(entries: Iterable[Entry]) -> tuple[Entry, ...]:
    """Entries without repeats, in order."""
    return tuple({e.id: e for e in entries}.values())
