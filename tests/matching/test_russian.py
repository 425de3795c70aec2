"""Russian organisation names romanised on one side and translated on the other
(issue 14, round 5: csl / sdn alias pairs of derived folds 0-2). Names are made up.

Each score test failed before the change it covers:
- international words: a Russian adjective or noun built on a Latin or Greek
  root (INFORMATSIONNYE / Information, FIZICHESKIKH / Physical) and a town's
  adjective (ZARECHENSKII / Zarechensk) met nothing in English;
- inflection: ``ru_org_terms.yaml`` listed each inflected form, so a form it
  lacked (PROIZVODSTVENNOGO, OBYEDINENIE) was read as a name word.
"""

import pytest

from screening.matching import Matcher, compare
from screening.matching.normalize import skeleton
from screening.matching.russian import cognate, lemma
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD
from screening.types import Entry, Name


def score(a, b, schema=None):
    return compare(a, b, schema)[0]


# ------------------------------------------------------------------ the signal
@pytest.mark.parametrize(
    "ru, en",
    [
        ("navigatsionnykh", "navigation"),
        ("informatsionnye", "information"),
        ("kommunalnye", "communal"),
        ("tsentralnoe", "central"),
        ("spetsialnogo", "special"),
        ("fizicheskikh", "physical"),
        ("khimicheskii", "chemical"),
        ("teoreticheskoi", "theoretical"),
        ("tekhnologii", "technologies"),
        ("zarechenskii", "zarechensk"),  # a town's adjective and the town
        ("moskovskaya", "moscow"),
        ("lesnovskoe", "lesnovo"),
    ],
)
def test_a_russian_word_meets_the_english_word_of_its_root(ru, en):
    assert cognate(ru, en) and cognate(en, ru)


@pytest.mark.parametrize(
    "a, b",
    [
        ("federalnaya", "federalnoe"),  # two Russian forms: inflection is the lemma's business
        ("national", "nation"),  # two English words
        ("petrovskii", "petrov"),  # a family name is not the town of a -sk adjective
        ("navigatsionnykh", "navigator"),
        ("fizicheskikh", "fiscal"),
        ("kommunalnye", "criminal"),
        ("zarechenskii", "zarech"),  # too short a stem for a place
    ],
)
def test_other_words_are_not_cognates(a, b):
    assert not cognate(a, b)


def test_inflected_forms_share_a_lemma():
    forms = ["proizvodstvennyi", "proizvodstvennaya", "proizvodstvennoe", "proizvodstvennogo",
             "proizvodstvennye", "proizvodstvennykh", "proizvodstvennoye"]
    assert len({lemma(skeleton(f)) for f in forms}) == 1
    assert lemma(skeleton("obyedinenie")) == lemma(skeleton("obedinenie"))
    assert lemma(skeleton("bank")) == "bank"  # too short to lose a letter
    assert lemma(skeleton("fonda")) == "fonda"


# ------------------------------------------------------------------ whole names
@pytest.mark.parametrize(
    "query, listed",
    [
        ("AO Konstruktorskoe Byuro Navigatsionnykh Sistem Vega", "Joint Stock Company Vega Design Bureau of Navigation Systems"),
        ("OOO Informatsionnye Tekhnologii Sirius", "Sirius Information Technologies LLC"),
        ("AO Zarechenskii Elektromekhanicheskii Zavod", "Zarechensk Electromechanical Plant JSC"),
        ("OOO Kommunalnye Tekhnologii Orion", "Limited Liability Company Orion Communal Technologies"),
        # an inflected form the table does not list
        ("Nauchno Proizvodstvennoe Obyedinenie Kvarts", "NPO Kvarts"),
        ("AO Ugolnaya Kompaniya Zarya", "Zarya Coal Company JSC"),
    ],
)
def test_a_romanised_russian_name_meets_its_translation(query, listed):
    assert score(query, listed) >= MATCH_THRESHOLD
    assert score(listed, query) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("AO Federalnyi Tsentr Orion", "Federal Center Sirius JSC"),  # the names differ
        ("OOO Informatsionnye Resheniya", "Sirius Information Solutions LLC"),
        ("AO Petrovskii Zavod", "Petrov Plant JSC"),  # a family name, not a town
    ],
)
def test_a_shared_international_word_is_not_the_name(query, listed):
    assert score(query, listed) < REVIEW_THRESHOLD


def test_the_link_says_what_it_is():
    entry = Entry(id="r1", list_id="us-entity", type="entity",
                  names=[Name(value="Vega Navigation Systems JSC")])
    (hit,) = Matcher([entry]).search("AO Navigatsionnye Sistemy Vega")
    assert hit.strength == "match"
    assert any("Russian and English form of one word" in line for line in hit.explanation)
