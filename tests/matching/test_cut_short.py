"""A name cut at the end of a 35-character SWIFT line (screening.matching.cut_short)."""

import pytest

from screening.matching import compare, form_pairs
from screening.matching.annotations import name_line

MATCH, REVIEW = 0.85, 0.70


@pytest.mark.parametrize(
    "query, listed",
    [
        ("ISLAMIC REPUBLIC OF IRAN SHIPPING L", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES"),  # fresh8's read half
        ("BENEFICIARY: ISLAMIC REPUBLIC OF IRAN SHIPPING L", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES"),
        (":59:/AE070331234567890123456 ZORVIK PRECISION INSTRUMENTS AND EL",
         "ZORVIK PRECISION INSTRUMENTS AND ELECTRONICS EQUIPMENT CO LTD"),  # made up: EQUIPMENT was past the line
    ],
)
def test_a_word_cut_at_the_line_end_meets_the_word_it_begins(query, listed):
    assert len(name_line(query)) == 35
    assert compare(query, listed, "Company")[0] >= MATCH


@pytest.mark.parametrize(
    "query, listed",
    [
        ("SHENZHEN JINGXIN PRECISION MACHINER", "SHENZHEN JINGXIN PRECISION ELECTRONICS TECHNOLOGY CO., LTD."),  # fresh8
        ("ZORVIK PRECISION INSTRUMENTS AND EL", "KESTRA PRECISION INSTRUMENTS AND ELECTRONICS EQUIPMENT CO LTD"),
    ],
)
def test_a_cut_word_does_not_make_another_name_the_same(query, listed):
    assert compare(query, listed, "Company")[0] < REVIEW


def test_only_a_full_line_ending_in_a_letter_is_cut():
    listed = "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES"
    full = "ISLAMIC REPUBLIC OF IRAN SHIPPING L"
    assert compare(full, listed, "Company")[0] >= MATCH
    # the same words on a line of 36 (two spaces), or ending in a full stop: nothing was cut
    for query in (full, "ISLAMIC REPUBLIC OF IRAN SHIPPING  L", "ISLAMIC REPUBLIC OF IRAN SHIPPING L."):
        (_, pair), *_ = form_pairs(query, listed, "Company")
        cut = [lk for lk in pair.alignment.links if lk.how == "cut short"]
        assert bool(cut) == (query == full)
        if query != full:
            assert compare(query, listed, "Company")[0] < MATCH


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Tianjin Hongda Prec. Instr. Co Ltd", "TIANJIN HONGDA PRECISION INSTRUMENTS CO., LTD."),  # fresh9's read half
        ("Beijing Zorvik Aero. Tech. Co", "BEIJING ZORVIK AEROSPACE TECHNOLOGY CO"),
        ("ZORVIK PRECISION INSTRUMENTS CO", "Zorvik Prec. Instr. Co"),  # the list abbreviates
    ],
)
def test_a_word_with_a_full_stop_meets_the_business_word_it_begins(query, listed):
    assert compare(query, listed, "Company")[0] >= MATCH


def test_an_abbreviated_name_word_is_a_guess():
    # Zorv. may be Zorvik or Zorvex: not the agreement of the name's own word
    assert compare("Zorv. Trading LLC", "ZORVIK TRADING LLC", "Company")[0] < REVIEW
    # without the full stop, a short word is another word
    assert compare("Tianjin Hongda Prec Instr Co Ltd", "TIANJIN HONGDA PRECISION INSTRUMENTS CO., LTD.",
                   "Company")[0] < MATCH



@pytest.mark.parametrize(
    "query, listed, schema, below",
    [
        # helper-61's review: a personal name that begins another is another name
        ("SEYED MOHAMMAD HOSSEIN MIRZA AHMADI", "SEYED MOHAMMAD HOSSEIN MIRZA AHMADINEJAD", None, MATCH),
        ("MUHAMMAD ABDULLAH ABDUL KARIM HASAN", "MUHAMMAD ABDULLAH ABDUL KARIM HASANZADA", None, MATCH),
        # a whole place, and a name's own word: at most a guess for review
        ("ZORVIK PRECISION INSTRUMENTS LTD UK", "ZORVIK PRECISION INSTRUMENTS LTD UKRAINE", None, REVIEW),
        ("ZORVIK SHIPPING AND TRADING OF KISH", "ZORVIK SHIPPING AND TRADING OF KISHWARD", "Company", MATCH),
    ],
)
def test_a_full_line_does_not_make_a_whole_word_a_cut_one(query, listed, schema, below):
    assert len(query) == 35
    assert compare(query, listed, schema)[0] < below



@pytest.mark.parametrize(
    "query, listed, schema",
    [
        # helper-62's review: a full stop ending a name, a word that is a word, a place, a person
        ("Arab Bank.", "ARAB BANKING CORPORATION", None),
        ("Gulf Bank.", "GULF BANKING GROUP", None),
        ("Zorvik Man. Co", "ZORVIK MANILA CO", None),
        ("Min. Trading Co", "MINSK TRADING CO", None),
        ("Ali Ahmad.", "AHMADINEJAD, Ali", None),
        ("Mohammad Reza Jafar.", "MOHAMMAD REZA JAFARZADEH", "Person"),
    ],
)
def test_a_full_stop_does_not_make_a_word_an_abbreviation(query, listed, schema):
    assert compare(query, listed, schema)[0] < REVIEW
