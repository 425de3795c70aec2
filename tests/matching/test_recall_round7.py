"""Recall round 7 (issue 14, session 8): failure categories, made-up names.

The tests of each change failed before it, except the guards (tests of what must
stay apart, written after the hostile reviews of helper-32 and helper-33).
- a family name after imeni is in the genitive ("NPO imeni A.G. Orlova" /
  "A.G. Orlov NPO"): its final a is not a woman's name; these pairs had met
  only through "production". Elsewhere a final vowel more stays another name
  (helper-32 reverted a wider first version: Louis / Louise, Roch / Roche);
- a bare name with a business word nobody bears as a personal name
  ("Shahid Torvalan Industries") is an organisation's: "Industries" is a line of
  business, not a third name part;
- "named after" and its Russian forms (imeni) are connecting words, not the
  name ("Institute named after K.L. Voronin" / "NII imeni K.L. Voronina");
- "production" is a line of business ("Scientific Production Enterprise
  Kestrel" is the Kestrel company's name with its kind of business).

Reverted after helper-33's review: scientific = research as business synonyms
(Applied Scientific met Applied Research) and a Russian adjective meeting a
whole word as an unknown town (Stanislavskii / Stanislav, Generalskoe /
General).
"""

import pytest

from screening.matching import Matcher, compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD
from screening.types import Entry, Name


def score(a, b, schema=None):
    return compare(a, b, schema)[0]


# --------------------------------------- a final vowel added in a company's name
@pytest.mark.parametrize(
    "a, b, schema",
    [
        ("Nova LLC", "Novo LLC", None),  # the vowel changed, not added: another brand
        ("Ivanov", "Ivanova", None),  # people: the other gender is another person
        ("Maria Ivanova", "Maria Ivanov", "person"),
        ("Antonio Rossi", "Antonia Rossi", None),
        ("MARIA", "MARIO", "vessel"),  # a vessel is often named after a person
        ("PETRA", "PETR", "vessel"),
        # helper-32 against a first version that read any final a / e added in a
        # company's name as a spelling: given names, brands, vessels, a man and a woman
        ("Louis Trading SARL", "Louise Trading SARL", None),
        ("Al Salam Trading LLC", "Al Salama Trading LLC", None),
        ("Roch Holding SA", "Roche Holding SA", None),
        ("OCEAN", "OCEANA", "vessel"),
        ("GRAND", "GRANDE", "vessel"),
        ("A. Petrov Trading LLC", "A. Petrova Trading LLC", None),
        ("JSC NIIK", "Federal State Unitary Enterprise NIIKA", None),
    ],
)
def test_a_final_vowel_more_stays_another_name(a, b, schema):
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
def test_a_family_name_in_the_genitive_after_imeni(a, b):
    assert score(a, b, "company") >= MATCH_THRESHOLD


def test_a_family_name_with_a_is_still_a_woman_in_a_company_name():
    assert score("Velkorova Trading LLC", "Velkorov Trading LLC") < REVIEW_THRESHOLD


def test_named_is_still_a_word_outside_named_after():
    assert score("Named Holdings Ltd", "Holdings Ltd") < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "a, b, schema",
    [
        ("Im U Song", "U Song", "person"),  # helper-32: Im is a Korean family name, not im.
        ("Im U Song Trading Co", "Pak U Song Trading Co", None),
    ],
)
def test_im_before_one_initial_is_a_name(a, b, schema):
    assert score(a, b, schema) < MATCH_THRESHOLD


@pytest.mark.parametrize(
    "a, b",
    [
        ("Ali Hassan", "Ali Hassan Trading"),  # helper-32: a firm bearing a person's name
        ("Ali Hassan", "Ali Hassan Electronics"),
        ("Victoria", "Victoria Shipping"),
    ],
)
def test_a_person_is_not_the_firm_named_after_them(a, b):
    assert score(a, b, "person") < MATCH_THRESHOLD


# ------------------------------------------------ a Turkish legal form's code word
def test_a_family_name_is_not_the_code_of_a_turkish_legal_form():
    # "Šantić" folded to "santic", once the code of "Sanayi ve Ticaret" and so a legal form
    assert score("Suzana Šantić", "SUZAN GENERAL TRADING PVT LTD") < REVIEW_THRESHOLD
    assert score("Miray Global Sanayi Ve Ticaret", "Miray Global San Tic Ltd Sti") >= MATCH_THRESHOLD


# ------------------------------------------------ helper-33's review of the narrowed round
@pytest.mark.parametrize(
    "a, b, schema",
    [
        # "scientific = research" as synonyms was reverted: names of generic words met
        ("Applied Scientific", "Applied Research", None),
        ("Scientific Games", "Research Games", "company"),
        # a Russian adjective meeting a whole word (Kumertauskoe / Kumertau) was reverted
        ("Stanislavskii LLC", "Stanislav LLC", "company"),
        ("Generalskoe OOO", "General OOO", "company"),
        # "Im" after a Korean family name is a name, not im.
        ("Kim Im S K Trading Co", "Kim Trading Co", None),
        # the compact form must not undo a family name's gender
        ("Institute named after Smirnov", "Smirnova Institute", None),
    ],
)
def test_what_the_second_review_found_stays_apart(a, b, schema):
    assert score(a, b, schema) < MATCH_THRESHOLD


def test_scientific_and_research_production_are_one_russian_word():
    # nauchno-proizvodstvennoe: only in names that both say "production"
    assert score("Scientific Production Association Velkor", "Research and Production Association Velkor") >= MATCH_THRESHOLD


@pytest.mark.parametrize("name", ["DMZ im. N. P. Velkorova", "IPM IM. M.V. Torvalisha RAN"])
def test_a_listed_name_with_im_still_finds_itself(name):
    # a first version read "im." only in names that looked like an organisation's: the
    # listed company read imeni, the same words searched without a schema did not
    matcher = Matcher([Entry(id="x", list_id="cn-control", type="company", names=[Name(name, "primary")])])
    hits = matcher.search(name)
    assert hits and hits[0].strength == "match"


def test_single_letters_do_not_let_the_fitted_model_speak():
    # "W & M" met "AO NNPO M V FRUNZE" at 0.90 through the fitted model: two letters agreed
    assert score("W & M Limited Partnership", "AO NNPO M V Torvalen") < MATCH_THRESHOLD
    assert score("VA BO Company EOOD", "VA BO Kampani EOOD") >= MATCH_THRESHOLD  # two-letter words still speak
