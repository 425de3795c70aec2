"""Schema unknown: a person-like name's company reading is a variant (screening/matching/names.py).
Made-up names; each test failed before the change."""

import pytest

from screening.matching import Matcher
from screening.types import Entry, Name


def entry(id_, *names, list_id="cn-control"):
    return Entry(id=id_, list_id=list_id, type="company",
                 names=[Name(n, "primary" if i == 0 else "alias") for i, n in enumerate(names)])


# ---------------------------------------------------------------- company reading of person-like names

@pytest.fixture(scope="module")
def short_names():
    return Matcher([
        entry("velkor", "VELKOR AG"),
        entry("blue-nine", "Blue Nine Solutions"),
        entry("person", "Thomas VELKORIAN", list_id="us-sdn"),
    ])


@pytest.mark.parametrize("query,expected", [
    ("VELKOR AG", "velkor"),          # two words ending in a two-letter legal form
    ("Velkor", "velkor"),
    ("Blue Nine Solutions", "blue-nine"),  # a number word the list side reads as 9
    ("Blue 9 Solutions", "blue-nine"),
])
def test_a_listed_company_named_exactly_is_a_match(short_names, query, expected):
    """Before: "VELKOR AG" and "Blue Nine Solutions" gave no hit at all against themselves, since
    without a schema they read as persons' names (AG a name word, Nine a word) while the list
    read them as companies. Their company reading is now a variant of the query."""
    hits = short_names.search(query)
    assert hits and hits[0].entry.id == expected and hits[0].strength == "match"


def test_a_portuguese_surname_is_no_legal_form():
    """"Sá" is a surname; S.A. is never written with an accent. Before the accent guard the
    company reading made "Renata Sá" a match for the listed "RENTA A.S." (yente negatives)."""
    m = Matcher([entry("renta", "RENTA A.S."), entry("lia", "LIA")])
    assert [h for h in m.search("Renata Sá") if h.strength == "match"] == []
    assert [h for h in m.search("Lia Sá") if h.strength == "match"] == []
