"""Persons' names that agree but for what makes another person's name (session 31):
screening/matching/person_variants.py. The pairs that must be held come from fresh20's
and fresh21's dev halves (helper-91's and helper-92's pairs, written without our code),
labelled two people, which scored 0.86-1.00 before; issue 14 asks a one-letter variant
of a listed person's name to reach at least review, so each is held for review, not
dropped. The guards are real list aliases (SDN, CSL) and spellings of one name.
"""

import pytest

from screening.matching import compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


def _held(query: str, listed: str, schema: str | None, feature: str) -> None:
    score, features = compare(query, listed, schema)
    assert REVIEW_THRESHOLD <= score < MATCH_THRESHOLD, (query, listed, score, features)
    assert features.get(feature) == 1.0, features


def _not_held(query: str, listed: str, feature: str) -> None:
    score, features = compare(query, listed, "Person")
    assert score >= MATCH_THRESHOLD and feature not in features, (query, listed, score, features)


@pytest.mark.parametrize("query, listed", [
    ("Jamal Hussein Saleh", "Jamil Hussein Saleh"),          # fresh20 dev: Jamal vs Jamil
    ("Rashid Abdullah Khalaf", "Rashad Abdullah Khalaf"),    # fresh20 dev
    ("Hamid Mustafa Rahal", "Hamad Mustafa Rahal"),          # fresh20 dev
    ("Hamidreza Karimi", "Hamidreza Karami"),                # fresh20 dev
    ("Giorgi Beridze", "Giorgi Beradze"),                    # fresh20 and fresh21 dev
    ("Viktor Olegovich Baranov", "Viktor Olegovich Barinov"),  # fresh21 dev
])
def test_an_a_for_an_i_is_another_name_held_for_review(query, listed):
    _held(query, listed, "Person", "vowel_makes_another_name")


@pytest.mark.parametrize("query, listed", [
    ("NASOOF, Tahar", "NASUF, Tahir"),   # SDN aliases of one entry: romanised the French way throughout
    ("Mohammed Ahmed", "Muhammad Ahmad"),  # a / e, o / u: spellings of one name
    ("Hamid Reza Rahimi", "Hamed Reza Rahimi"),  # i / e: one name (Persian spelling)
    # helper-93's review: the joining vowel of -al-Din and Abd-, a word's first vowel
    ("Salahiddin Rahimov", "Salahaddin Rahimov"),
    ("Kassim Tajideen", "Kassim Tajadeen"),
    ("Abdallah Hassan Nour", "Abdillah Hassan Nour"),
    ("Mariam Hassan Nour", "Miriam Hassan Nour"),
    ("Vasile Sirbu", "Vasile Sarbu"),
])
def test_a_name_spelled_another_way_throughout_is_not_held(query, listed):
    _not_held(query, listed, "vowel_makes_another_name")


@pytest.mark.parametrize("query, listed", [
    ("Samir Fouad Khoury", "Samira Fouad Khoury"),       # fresh20 dev: brother vs sister
    ("Robert James Mitchell", "Roberta James Mitchell"),  # fresh20 dev
    ("Mario Rossi Bianchi", "Maria Rossi Bianchi"),
])
def test_a_given_name_in_its_other_gender_is_held_for_review(query, listed):
    _held(query, listed, "Person", "given_name_gendered")


@pytest.mark.parametrize("query, listed", [
    # helper-93's review: an Indian name's final a is written or left
    ("Siddharth Rao Naidu", "Siddhartha Rao Naidu"),
    ("Narayan Das Gupta", "Narayana Das Gupta"),
    ("Shiv Kumar Yadav", "Shiva Kumar Yadav"),
    ("Ashok Kumar Jain", "Ashoka Kumar Jain"),
    ("Govind Prasad Sharma", "Govinda Prasad Sharma"),   # helper-94's review
    ("Aliaksandr Lukashenka", "Aliaksandr Lukashenko"),  # a family name's Belarusian form
])
def test_an_indian_names_final_a_is_no_gender(query, listed):
    assert "given_name_gendered" not in compare(query, listed, "Person")[1]


def test_other_han_characters_read_alike_are_held_for_review():
    _held("陈明辉", "陈明慧", "Person", "han_characters_differ")  # fresh20 dev: both Chen Minghui


@pytest.mark.parametrize("query, listed", [
    ("陳明輝", "陈明辉"),
    ("黃大衛", "黄大卫"),       # helper-93's review
    ("渡辺健", "渡边健"),       # helper-93's review: a Japanese form and a Chinese one
])
def test_one_name_in_other_forms_of_its_characters_is_not_held(query, listed):
    _not_held(query, listed, "han_characters_differ")


def test_a_given_names_syllables_in_another_order_are_held_for_review():
    _held("Ri Su Yong", "Ri Yong Su", "Person", "parts_reordered")  # fresh20 dev


@pytest.mark.parametrize("query, listed", [
    ("MAHIN MOJTAHEDZADEH TOUSSI", "MAHIN TOUSSI MOJTAHEDZADEH"),  # CSL aliases of one entry
    ("Kim Jong Un", "Jong Un Kim"),                                # a name turned round
    ("GARCIA HERNANDEZ, Jose Luis", "Jose Luis Garcia Hernandez"),  # family name first, marked
    # helper-93's review: two surnames in either order, an English name moved, nisbas
    ("Mohammad Javad Zarif Khonsari", "Mohammad Javad Khonsari Zarif"),
    ("Maria Joao Santos Silva", "Maria Joao Silva Santos"),
    ("Lee Ka Chiu John", "Lee John Ka Chiu"),
    ("Abu Muhammad al-Adnani al-Shami", "Abu Muhammad al-Shami al-Adnani"),
    ("Ana Paz Diaz", "Ana Diaz Paz"),  # helper-94's review
])
def test_a_name_written_in_its_other_order_is_not_held(query, listed):
    _not_held(query, listed, "parts_reordered")


@pytest.mark.parametrize("query, listed, schema", [
    ("Cheung Siu Ming", "Chung Siu Ming", "Person"),  # fresh21 dev: 張 / 鍾
    ("Tai Fung Hong Trading Company Ltd", "Tai Fong Hong Trading Company Ltd", "Company"),  # fresh21 dev
])
def test_a_cantonese_syllable_for_another_is_held_for_review(query, listed, schema):
    _held(query, listed, schema, "cantonese_syllables_differ")


@pytest.mark.parametrize("query, listed", [
    ("Cheong Siu Ming", "Cheung Siu Ming"),   # helper-93's review: Macau's and Hong Kong's 張
    ("Pak Pong Ju", "Pak Bong Ju"),           # helper-93's review: a Korean name
    ("Kang Sok Ju", "Kang Suk Ju"),
    ("Lo Siu Ming", "Loh Siu Ming"),          # helper-94's review
])
def test_one_character_spelled_two_ways_is_not_held(query, listed):
    _not_held(query, listed, "cantonese_syllables_differ")


@pytest.mark.parametrize("query, listed", [
    ("SAEED ABBAS KARIMI (DOB 1983)", "Saeed Abbas KARIMI, born 1975"),          # fresh21 dev
    ("Nguyen Van Hung, Vietnamese national, b.1962", "Nguyen Van Hung (born 1988, Vietnam)"),  # fresh21 dev
    ("Omar Farouk Hussein (DOB 12/03/75)", "Omar Farouk Hussein, born 1979"),  # helper-93: two digits
    ("Ali Reza Tavakoli (born 1352)", "Ali Reza Tavakoli (DOB 1990)"),         # helper-93: Solar Hijri
    ("Ahmad Hassan Nouri (DOB 1975)", "Ahmad Hassan Nouri (DOB 1980)"),
])
def test_two_birth_years_are_two_people(query, listed):
    score, features = compare(query, listed, "Person")
    assert score < REVIEW_THRESHOLD and features.get("birth_years_differ") == 1.0, (score, features)


@pytest.mark.parametrize("query, listed", [
    ("SAEED ABBAS KARIMI (DOB 12 MAR 1975)", "Saeed Abbas KARIMI, born 1975"),   # fresh21 dev
    ("Alisher Tursunovich Karimov", "Alisher Tursunovich KARIMOV (Uzbekistan, b.1974)"),  # fresh21 dev
    ("Saeed Abbas Karimi, date of birth 12/03/1975", "Saeed Abbas Karimi"),
    ("Ahmad Hassan Nouri (DOB 1960 to 1962)", "Ahmad Hassan Nouri (DOB 1961)"),  # helper-93: a span
    ("Ahmad Hassan Nouri (b. 1960/61)", "Ahmad Hassan Nouri (DOB 1961)"),
    # helper-94's review: a year off by one, a lunar Hijri year, a decade
    ("Abdul Ghani Baradar (DOB 1968)", "Abdul Ghani Baradar (DOB 1967)"),
    ("Abdullah Saleh Nouri (DOB 1395)", "Abdullah Saleh Nouri (DOB 1975)"),
    ("Abdullah Saleh Nouri (born in the 1960s)", "Abdullah Saleh Nouri (DOB 1964)"),
])
def test_a_birth_note_is_no_part_of_the_name(query, listed):
    _not_held(query, listed, "birth_years_differ")


def test_two_nationalities_hold_a_name_for_review():
    # helper-93's review: the note read off the name still counts
    score, features = compare("Ahmad Hassan Nouri, Syrian national", "Ahmad Hassan Nouri, Lebanese national", "Person")
    assert score < MATCH_THRESHOLD and features.get("nationalities_differ") == 1.0
    score, features = compare("Ahmad Hassan Nouri, citizen of Syria", "Ahmad Hassan Nouri, Lebanese national", "Person")
    assert score < MATCH_THRESHOLD and features.get("nationalities_differ") == 1.0  # helper-94: a country and a demonym
    for other in ("Ahmad Hassan Nouri, citizen of Syria", "Ahmad Hassan Nouri, US-Syrian dual national",
                  "Ahmad Hassan Nouri, Syrain national"):  # one country, a dual national, a spelling read as none
        score, features = compare("Ahmad Hassan Nouri, Syrian national", other, "Person")
        assert score >= MATCH_THRESHOLD and "nationalities_differ" not in features, (other, score, features)
