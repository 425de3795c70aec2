"""The alignment's shortcut for organisation names (``alignment._apart_in_organisations``):
word pairs it passes over must be pairs ``_pair_sim`` scores 0 in any context, so a
name scores the same with the shortcut and without it."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.matching import alignment, compare, form_pairs, native
from screening.matching.forms import forms_of
from screening.matching.names import analyze_name

PAIRS = Path(__file__).resolve().parents[2] / "bench" / "pairs"

#: One pair of names for each rule of _pair_sim that joins two different words of
#: organisation names (its comment's example where it has one).
RULES = [
    ("Mahan Air", "Mahan Airlines", "company", "equivalent"),  # airline words at the end
    ("Kashgar Trading Co", "Kashi Trading Co", "company", "equivalent"),  # equivalents
    ("OOO Navigatsionnye Sistemy", "Navigation Systems LLC", "company", "cognate"),
    ("Moskovskii Zavod", "Moscow Plant", "company", "cognate"),  # a town's adjective
    ("ZAVOD KOMPRESSOROV", "Compressor Plant", "company", "cognate"),  # a governed genitive plural
    ("Okeanpribor", "Oceanpribor", "company", "variant"),  # sound variant
    ("Hezbollah", "Hizballah", "organization", "respelled"),  # vowel respelling
    ("Box Trading Ltd", "Boxes Trading Ltd", "company", "plural"),  # three letters: no fuzzy credit
    ("Institut Lazernoi Fiziki", "Institute of Laser Physics", "company", "cognate"),  # no letters alike
    ("Alpha Trade Ltd", "Alpha Trading Ltd", "company", "stem"),
    ("Ural Tractor Plant", "Ural Tractor Factory", "company", "synonym"),
    ("Scientific Production Association Orion", "Research and Production Association Orion", "company", "synonym"),
    ("NPO imeni A.G. Orlova", "A.G. Orlov NPO", "company", "variant"),  # genitive after imeni
    ("Jscargument", "JSC Argument", "company", "joined"),  # a legal form swallowed
    ("Van Der Bilt Corp", "VanDerBilt Corp", "company", "joined"),  # joined words
    ("Alpha AG", "AlphaAG", "company", "joined"),
]


def _corpus() -> list[tuple[str, str, str | None]]:
    rows = [(a, b, schema) for a, b, schema, _ in RULES]
    for path in sorted(PAIRS.glob("*.csv")):
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if (r.get("schema") or "") != "person":
                    rows.append((r["name1"], r["name2"], r.get("schema") or None))
    return rows


def test_the_shortcut_changes_no_score(monkeypatch: pytest.MonkeyPatch) -> None:
    if native.MODE == "compiled":
        # compiled code calls _apart_in_organisations directly, past any patch (helper-73):
        # run this test again in a process that runs the sources
        env = dict(os.environ, SCREENING_PURE_PYTHON="1")
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                              f"{__file__}::test_the_shortcut_changes_no_score"], env=env,
                             capture_output=True, text=True)
        assert run.returncode == 0, run.stdout[-2000:]
        return
    corpus = _corpus()
    assert len(corpus) > 300
    with_shortcut = [compare(a, b, s) for a, b, s in corpus]
    analyze_name.cache_clear()
    monkeypatch.setattr(alignment, "_APART", {})
    monkeypatch.setattr(alignment, "_apart_in_organisations", lambda *args: False)
    without = [compare(a, b, s) for a, b, s in corpus]
    changed = [(c, x[0], y[0]) for c, x, y in zip(corpus, with_shortcut, without) if x != y]
    assert not changed


@pytest.mark.parametrize("name1,name2,schema,how", RULES)
def test_each_rule_still_links_its_words(name1: str, name2: str, schema: str, how: str) -> None:
    links = {lk.how for _, pair in form_pairs(name1, name2, schema) for lk in pair.alignment.links}
    assert how in links


#: Words the rules read: business, airline, Russian, plural and vowel-respelled ones.
WORDS = ["air", "airlines", "airways", "trade", "trading", "plant", "factory", "works",
         "scientific", "research", "production", "kashgar", "kashi", "federalnaya", "federal",
         "kompressorov", "compressor", "okeanpribor", "oceanpribor", "hezbollah", "hizballah",
         "star", "stars", "box", "boxes", "technology", "tekhnologii", "institute", "institut",
         "moskovskii", "moscow", "electronic", "elektronnykh", "imeni", "orlova", "orlov", "alpha"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS),
       st.sampled_from(["company", "organization", None]))
def test_a_pair_passed_over_scores_0_in_any_name(w1: str, w2: str, w3: str, schema: str | None) -> None:
    q = forms_of(analyze_name(f"{w1} {w2}", schema), schema=schema)[0]
    c = forms_of(analyze_name(f"{w3} {w2} Ltd", schema), schema=schema)[0]
    for i, a in enumerate(q.texts):
        for j, b in enumerate(c.texts):
            if a == b or not alignment._apart_in_organisations(a, b, q.skels[i], c.skels[j]):
                continue
            for company in (False, True):
                for russian in (False, True):
                    assert alignment._pair_sim(q, c, i, j, False, False, False, russian, company) == (0.0, ""), (a, b)


# ------------------------------------------------------------------ an acronym inside a name
@pytest.mark.parametrize(
    "query, listed, schema",
    [
        # (IRGC, the SDN's, is in abbreviations.yaml since session 28: a known acronym matches)
        ("KRGC Navy", "Kestrel Revolutionary Guard Corps Navy", "Organization"),
        ("KRGC Aerospace Force", "KESTREL REVOLUTIONARY GUARD CORPS AEROSPACE FORCE", None),
        ("Naval NCO School", "Naval Non-Commissioned Officer School", "Organization"),  # us_other, folds 0-2
        ("Zorvik Non-Commissioned Officer School", "Zorvik NCO School", None),
        ("CHAMS MLO", "CHAMS MONEY LAUNDERING ORGANIZATION", None),  # sdn, folds 0-2
        ("Kestrova BMTS LLC", "Kestrova Baltic Marine Technical Services LLC", None),
    ],
)
def test_a_word_in_capitals_meets_the_words_it_is_the_initials_of(query, listed, schema):
    """Met, and held for review (features.acronym_inside): letters spell runs of words by
    chance too (helper-59's review: "Phoenix HVAC Services" / "Phoenix Heavy Vehicle ...")."""
    for a, b in ((query, listed), (listed, query)):
        score, features = compare(a, b, schema)
        assert 0.7 <= score < 0.85
        assert features["acronym_inside"] == 1.0


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("IRGC Army", "Islamic Revolutionary Guard Corps Navy", "Organization"),  # no other word met
        ("XYZ Navy", "Islamic Revolutionary Guard Corps Navy", "Organization"),  # not its initials
        ("Irgc Navy", "Islamic Revolutionary Guard Corps Navy", "Organization"),  # not written as an acronym
        ("CIS Holdings Ltd", "China International Steel Holdings Ltd", None),  # three letters, a generic word
        ("IRGC Navy", "Islamic Revolutionary Guard Corps Navy", "Person"),  # people have no acronyms
        # helper-58's review: names in capitals write every word so
        ("ROSE TRADING LLC", "Rahbar Oil Shipping Enterprise Trading LLC", None),  # a word; TRADING is generic
        ("NOVA ZORVIK LTD", "Ningbo Ocean Valley Aerospace Zorvik Ltd", None),  # two vowels: a word
        ("SIM TECHNOLOGY", "Southwest Institute of Machining Technology", None),  # only a generic word met
        ("EL BACH WORK", "EL BARAKA ASSOCIATION FOR CHARITABLE AND HUMANITARIAN WORK", None),  # skips for, and
        ("NAN HAI RED CO LTD", "NAN HAI REAL ESTATE DEVELOPMENT CO LTD", None),  # RED is a word
    ],
)
def test_an_acronym_needs_capitals_its_initials_and_another_word_met(query, listed, schema):
    assert not compare(query, listed, schema)[1].get("acronym_inside")


# ------------------------------------------------------------------ a stop word beside no met word
@pytest.mark.parametrize(
    "query, listed",
    [
        ("Abd al-Karim Hamad Al-Jubouri", "AL-JABURI, Abdelkarim Hamad"),  # fresh8's read half
        ("Abd al-Karim Hamad Al-Jubouri", "Abdelkarim Hamad Al-Jaburi"),
        ("Abd al-Rahman Yusuf Al-Tamimi", "AL-TAMIMI, Abdulrahman Yusuf"),  # made up
    ],
)
def test_an_article_goes_with_the_word_beside_it_not_the_first_alike(query, listed):
    """The query's first "al" belongs to "Abd al-Karim"; linked to the list's "Al-" of
    the family name, it kept "abd al karim" from meeting "abdelkarim" (0.30)."""
    assert compare(query, listed, "Person")[0] >= 0.85
    (_, pair), *_ = form_pairs(query, listed, "Person")
    joined = [lk for lk in pair.alignment.links if lk.how == "joined"]
    assert joined and len(joined[0].qi) == 3


def test_a_stop_word_with_its_neighbours_met_keeps_its_link():
    (_, pair), *_ = form_pairs("Bank of Kunlun", "Bank of Kunlun", None)
    assert any(lk.how == "equal" and pair.query.texts[lk.qi[0]] == "of" for lk in pair.alignment.links)
