"""Recall round 12 (issue 14, session 13): what the development halves of the
fourth and fifth fresh sets (written by helpers who never saw the code) pointed
at, with made-up names where the category allows. Each case cites the issue.

- "Scripts outside CJK and Cyrillic ... and Arabic beyond the tables": an
  organisation's name romanised from Arabic or Persian guesses its short vowels,
  so one long word is written with other inner vowels (Hezbollah / Hizballah /
  Hizbullah). Two inner vowels may differ in a word of eight letters or more.
"""

import pytest

from screening.matching import compare
from screening.matching.alignment import _vowel_respelling
from screening.settings import MATCH_THRESHOLD


# ------------------------------------------------------------ vowel respelling
@pytest.mark.parametrize(
    "a, b, same",
    [
        ("hezbollah", "hizballah", True),
        ("hizbullah", "hizballah", True),
        ("mujahedin", "mujahidin", True),
        ("capitol", "capital", False),  # seven letters: two English words
        ("hezbollah", "hezbollahs", False),  # not a vowel swap
        ("sepahan", "sepahon", False),  # eight letters needed
        ("marinado", "marinada", False),  # the last letter is an ending
        ("katarina", "kotorono", False),  # three vowels changed
        ("hezbollah", "gezbollah", False),  # a consonant
    ],
)
def test_vowel_respelling(a, b, same):
    assert _vowel_respelling(a, b) is same


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("Hezbollah", "HIZBALLAH", "Organization"),
        ("Hezbollah", "HIZBALLAH", None),
        ("Hizbullah Trading", "Hizballah Trading", "Company"),
    ],
)
def test_inner_vowels_of_an_organisation_word(query, listed, schema):
    assert compare(query, listed, schema)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed, schema",
    [
        ("Hezbollah", "Hizb ut-Tahrir", "Organization"),  # only the Hizb prefix is shared
    ],
)
def test_not_a_respelling(query, listed, schema):
    assert compare(query, listed, schema)[0] < MATCH_THRESHOLD
