"""Round 16 (session 20): persons from fresh10's read half (helper-63's set, written
without the code), each rule with a pair that must stay apart."""

import pytest

from screening.matching import compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("KIMYONGCHOL", "KIM, Yong Chol"),  # run together, family name first (0.00)
        ("LIWEIMIN", "LI, Weimin"),
        ("Amir-Ali Haji Zadeh", "HAJIZADEH, Amir Ali"),  # Haji is the name's, not a title (0.58)
        ("Nur Ahmad Ahmadzay", "AHMADZAI, Noor Ahmad"),  # نور (0.57)
        ("Abubakar Mamman Sani", "SANI, Abubakar Mohammed"),  # Hausa Mamman (0.63)
        ("Vlktor Vekselberg", "VEKSELBERG, Viktor Feliksovich"),  # l for I (0.60)
        ("lvan Petrov", "PETROV, Ivan"),
    ],
)
def test_one_person(query, listed):
    assert compare(query, listed, "Person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("KIMYONGNAM", "KIM, Yong Chol"),  # another given name run together
        ("Haji Mohammad Rahimi", "RAHIMI, Ali"),  # the title still goes, and Ali is not Mohammad
    ],
)
def test_other_persons(query, listed):
    assert compare(query, listed, "Person")[0] < REVIEW_THRESHOLD


def test_english_names_keep_their_vowels():
    # two edits apart: review by the whole name's edits, not a match (Nur / Noor is a table's)
    assert compare("Moore Smith", "SMITH, Mure", "Person")[0] < MATCH_THRESHOLD


def test_a_title_before_a_persian_ending_is_the_family_names():
    from screening.matching import analyze_name

    assert [t.text for t in analyze_name("Haji Mohammad Rahimi", "Person").tokens] == ["mohammad", "rahimi"]
    assert "haji" in [t.text for t in analyze_name("Amir Ali Haji Zadeh", "Person").tokens]


def test_a_son_and_his_father_trade_places_around_bin():
    """fresh10's read half (0.91): Abdullah, son of Khalid, is not Khalid Abdullah."""
    assert compare("Abdullah bin Khalid Al-Qahtani", "AL-QAHTANI, Khalid Abdullah Salem", "Person")[0] < MATCH_THRESHOLD
    assert compare("Khalid bin Abdullah Al-Qahtani", "AL-QAHTANI, Khalid Abdullah Salem", "Person")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed", [("WANGLI", "WANG, Li"), ("LIWEI", "LI, Wei")])
def test_a_short_name_run_together_family_first_meets_letter_for_letter(query, listed):
    """helper-64's review: 'WANGLI' / 'WANG, Li' scored 0 (shorter than a compact name's 8
    letters); only the same letters in the same order meet ('WANG, Lin' does not)."""
    assert compare(query, listed, "Person")[0] >= MATCH_THRESHOLD
    assert compare(query, listed + "n", "Person")[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query",
    ["Sepah-e Pasdaran", "Sepah-e Pasdaran-e Enqelab-e Eslami", "Sepah-e Pasdaran-e Enghelab-e Eslami"],
)
def test_the_guards_persian_name_is_translated_whole(query):
    """fresh5, fresh6, fresh9 and fresh10 all hold it (0.61 and 0; four sets nobody here wrote)."""
    assert compare(query, "ISLAMIC REVOLUTIONARY GUARD CORPS", "Organization")[0] >= MATCH_THRESHOLD


def test_sepah_alone_stays_bank_sepahs():
    assert compare("Bank Sepah", "ISLAMIC REVOLUTIONARY GUARD CORPS", "Company")[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Минобороны России", "MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION"),  # fresh9, fresh10: 0
        ("Министерство обороны Российской Федерации", "MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION"),
        ("Central Bank of Russia", "CENTRAL BANK OF THE RUSSIAN FEDERATION"),  # Russia is the Federation
    ],
)
def test_the_russian_states_names_short_and_long(query, listed):
    assert compare(query, listed, "Organization")[0] >= MATCH_THRESHOLD


def test_another_ministry_of_the_federation_stays_apart():
    assert compare("Минобороны России", "MINISTRY OF INTERNAL AFFAIRS OF THE RUSSIAN FEDERATION",
                   "Organization")[0] < REVIEW_THRESHOLD
