"""Pinyin syllables and Wade-Giles readings."""

from screening.matching import compare
from screening.matching.pinyin import is_pinyin_word, looks_wade_giles, syllable_count, wade_giles_readings
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


def test_syllable_count():
    assert syllable_count("jinping") == 2
    assert syllable_count("putin") == 0
    assert is_pinyin_word("wang") and not is_pinyin_word("michael")


def test_wade_giles_readings():
    assert wade_giles_readings("chieh") == ("jie", "qie")
    assert wade_giles_readings("hsiung") == ("xiong",)
    assert "ding" in wade_giles_readings("ting")
    assert wade_giles_readings("yu") == ("you",)
    assert looks_wade_giles("hsiung") and not looks_wade_giles("jie")


def test_wade_giles_names_meet_pinyin():
    assert compare("Huang Chieh", "Huang Jie", "person")[0] >= MATCH_THRESHOLD
    assert compare("Wang Ting-yu", "Wang Dingyu", "person")[0] >= MATCH_THRESHOLD
    assert compare("Koo Li-hsiung", "Gu Lixiong", "person")[0] >= MATCH_THRESHOLD


def test_pinyin_names_need_exact_syllables():
    assert compare("Wang Lei", "Wang Li")[0] < REVIEW_THRESHOLD
    assert compare("Liu Yang", "Liu Ying")[0] < REVIEW_THRESHOLD
    assert compare("John Chen", "John Chan")[0] < MATCH_THRESHOLD
