"""Recall round 7 (issue 14, session 8): failure categories, made-up names.

The tests of each change failed before it, except where marked: two pairs with a
final vowel added matched before only because "production" was read as a name word.
- a final vowel added to a word of a company's name is a case ending or an
  English spelling (NPO Velkor / Velkora, Impuls / Impulse), not a person's
  other gender; it was scored 0.5 and the names met only through "production";
- a bare name with a business word nobody bears as a personal name
  ("Shahid Torvalan Industries") is an organisation's: "Industries" is a line of
  business, not a third name part;
- "named after" and its Russian forms (imeni) are connecting words, not the
  name ("Institute named after K.L. Voronin" / "NII imeni K.L. Voronina");
- "production" is a line of business ("Scientific Production Enterprise
  Kestrel" is the Kestrel company's name with its kind of business).
"""

import pytest

from screening.matching import compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


def score(a, b, schema=None):
    return compare(a, b, schema)[0]


# --------------------------------------- a final vowel added in a company's name
@pytest.mark.parametrize(
    "a, b",
    [
        # these two matched before through "production" alone, now a line of business
        ("Joint Stock Company Scientific Production Association Torvalse", "NPO Torvals"),
        ("NPO Imeni K.L. Velkora", "K.L. Velkor Research and Production Association"),
        ("LLC Marandit", "Limited Liability Company Marandita"),
    ],
)
def test_a_final_vowel_added_in_a_company_name_is_a_spelling(a, b):
    assert score(a, b, "company") >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "a, b, schema",
    [
        ("Nova LLC", "Novo LLC", None),  # the vowel changed, not added: another brand
        ("Ivanov", "Ivanova", None),  # people: the other gender is another person
        ("Maria Ivanova", "Maria Ivanov", "person"),
        ("Antonio Rossi", "Antonia Rossi", None),
        ("MARIA", "MARIO", "vessel"),  # no legal form: a vessel is often named after a person
        ("PETRA", "PETR", "vessel"),
    ],
)
def test_gendered_forms_without_a_company_stay_apart(a, b, schema):
    assert score(a, b, schema) < MATCH_THRESHOLD


# ------------------------------------------------ business words nobody is named
@pytest.mark.parametrize(
    "a, b",
    [
        ("SHAHID TORVALAN", "SHAHID TORVALAN INDUSTRIES"),
        ("Velkor Marandi", "Velkor Marandi Electronics"),
    ],
)
def test_a_business_word_nobody_is_named_makes_an_organisation(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        ("Torvalan Industries", "Marandi Industries"),  # the business word alone makes no hit
    ],
)
def test_business_words_alone_make_no_match(a, b):
    assert score(a, b) < MATCH_THRESHOLD


# ------------------------------------------------------------ "named after"
@pytest.mark.parametrize(
    "a, b",
    [
        ("NPO Imeni K.L. Voronina", "Joint Stock Company Research and Production Association Named After K.L. Voronina"),
        (
            "JSC Order of Lenin Design Institute of Marine Engineering named after P. D. Zelenko",
            "P.D. Zelenko Order of Lenin Design Institute of Marine Engineering",
        ),
    ],
)
def test_named_after_is_a_connecting_phrase(a, b):
    assert score(a, b) >= MATCH_THRESHOLD


def test_named_after_alone_makes_no_hit():
    assert score("Named After LLC", "Imeni K.L. Voronina LLC") < REVIEW_THRESHOLD


# ------------------------------------------------------------ production
def test_production_is_a_line_of_business():
    assert score("Kestrel", "Scientific-Production Enterprise “Kestrel”") >= MATCH_THRESHOLD


def test_production_alone_makes_no_hit():
    assert score("Kestrel Production LLC", "Talvor Production LLC") < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        ("NPO AT", "PAO NPO Talvorskaya Kestrelnaya"),  # 0.95 before: "production" carried the match
        ("NPO OF", "AO NPO Velkor"),
    ],
)
def test_a_research_and_production_association_alone_makes_no_match(a, b):
    assert score(a, b, "company") < REVIEW_THRESHOLD


# ------------------------------------------- a family name's genitive after imeni
@pytest.mark.parametrize(
    "a, b",
    [
        ("NPO Imeni K.L. Velkorova", "K.L. Velkorov Scientific Production Association"),
        ("S.A. TALVORIN SCIENTIFIC PRODUCTION ASSOCIATION", "NPO IMENI TALVORINA"),
        ("OKB Im. A.S. Marandeva", "OKB Named After A.S. Marandev"),
    ],
)
def test_a_family_name_in_the_genitive_after_imeni_or_initials(a, b):
    assert score(a, b, "company") >= MATCH_THRESHOLD


def test_a_family_name_with_a_is_still_a_woman_in_a_company_name():
    assert score("Velkorova Trading LLC", "Velkorov Trading LLC") < REVIEW_THRESHOLD


def test_named_is_still_a_word_outside_named_after():
    assert score("Named Holdings Ltd", "Holdings Ltd") < REVIEW_THRESHOLD


# ------------------------------------------------ a Turkish legal form's code word
def test_a_family_name_is_not_the_code_of_a_turkish_legal_form():
    # "Šantić" folded to "santic", once the code of "Sanayi ve Ticaret" and so a legal form
    assert score("Suzana Šantić", "SUZAN GENERAL TRADING PVT LTD") < REVIEW_THRESHOLD
    assert score("Miray Global Sanayi Ve Ticaret", "Miray Global San Tic Ltd Sti") >= MATCH_THRESHOLD
