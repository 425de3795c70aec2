"""A pinyin brand word met by its English translation (screening/matching/translation.py).

Issue 14, "Chinese names outside the brand table": the distinctive part of a
Chinese firm's name stays pinyin in one listing and is translated in another.
The positive pairs below are aliases of one entry in the public lists
(bench/derive_pairs.py reads them from the CSL): 中科星图 is listed as both
"Zhongke Xingtu" and "Zhongke Starmap"; 星波 as "Xingbo" and "Starwave".
"""

import pytest

from screening.matching import compare
from screening.matching.translation import _splits, syllabifications, translates

MATCH, REVIEW = 0.85, 0.70


@pytest.mark.parametrize(
    "pinyin, english, reads",
    [
        ("xingtu", ("starmap",), True),  # 星图: star + map, cut out of one word
        ("xingbo", ("starwave",), True),  # 星波
        ("hongmian", ("red", "cotton"), True),  # 红棉, two words
        ("jinlong", ("silver", "dragon"), False),  # 金 is gold, not silver
        ("jinlong", ("gold", "dragons"), True),  # plurals read as their singular
        ("xingtu", ("star", "trading"), False),  # 图 is never "trading"
        ("tuxing", ("starmap",), False),  # the order of the characters is kept
        ("xingtu", ("map", "star"), False),
    ],
)
def test_translates(pinyin, english, reads):
    assert translates(pinyin, english) is reads


def test_syllables_and_pieces():
    assert ("xi", "an") in syllabifications("xian", 2) and ("xian",) in syllabifications("xian", 1)
    assert syllabifications("putin", 2) == []
    assert ("star", "map") in _splits("starmap", 2)
    assert all(len(p) >= 3 for cut in _splits("starmap", 2) for p in cut)


def test_translated_alias_matches_with_another_word_as_written():
    """CSL aliases of one entry: Zhongke agrees as written, Xingtu translated."""
    a, b = "Zhongke Starmap Space Technology Co., Ltd.", "Zhongke Xingtu Space Technology Co., Ltd."
    score, expl = compare(a, b, "company")
    assert score >= MATCH and compare(b, a, "company")[0] >= MATCH
    assert not expl.get("no_distinctive_agreement")


@pytest.mark.parametrize(
    "a, b",
    [
        # helper-49's review: other firms whose brand means the same words
        ("Shenzhen Jinlong Technology Co Ltd", "Shenzhen Golden Dragon Technology Co Ltd"),
        ("Seahorse Bioscience Inc", "Haima Bioscience Co Ltd"),  # a line of business shared
        ("Red Cloud Mining Capital Inc", "Hongyun Mining Capital Co Ltd"),
        ("Shenzhen Flower Power Technologies Co Ltd", "Shenzhen Huawei Technologies Co Ltd"),
        ("Gold Dragon Ltd", "Jinlong Co"),
        # a CSL alias lost so: the guess alone is not enough (Hefei is a city)
        ("Hefei Xingbo Communication Technology Co., Ltd.", "Hefei Starwave Communication Technology Co., Ltd."),
    ],
)
def test_a_guess_from_pinyin_alone_is_no_hit(a, b):
    """Toneless pinyin is many characters: a translation guessed from it counts only
    beside a word that agrees as written."""
    assert compare(a, b, "company")[0] < REVIEW


@pytest.mark.parametrize(
    "a, b",
    [
        ("Sky River Solar Co Ltd", "Tianhe Solar Co Ltd"),  # 天河: Tianhe, a district of Guangzhou
        ("Yellowstone Capital LLC", "黄石资本"),  # 黄石: Huangshi, a city
        ("TIANHE", "SKY RIVER"),  # vessels' names are identifiers
    ],
)
def test_places_and_vessels_are_not_translated(a, b):
    schema = "vessel" if a.isupper() else "company"
    assert compare(a, b, schema)[0] < REVIEW


def test_explained():
    from screening.matching.alignment import Pair
    from screening.matching.forms import forms_of
    from screening.matching.names import analyze_name

    q = forms_of(analyze_name("Zhongke Starmap Space Technology", "company"))[0]
    c = forms_of(analyze_name("Zhongke Xingtu Space Technology", "company"))[0]
    assert any(lk.how == "translated pinyin" for lk in Pair(q, c).alignment.links)


@pytest.mark.parametrize(
    "a, b",
    [
        # OpenSanctions cn_sanctions: one entity's Chinese and English names (MFA countermeasures)
        ("黑熊学院", "Black Bear Academy"),
        ("蓝力技术公司", "Blue Force Technologies"),
        ("黑石集团", "Black Rock Group"),  # helper-49: 黑石 is Blackstone; BlackRock another firm
    ],
)
def test_chinese_characters_translated_hold_for_review(a, b):
    """From the characters themselves the reading is no homophone guess, but a name
    translated is still a guess at the firm: review, not a match."""
    assert REVIEW <= compare(a, b, "company")[0] < MATCH


def test_characters_read_only_as_themselves():
    """黑熊 is black bear; xiong read as any character would also be 雄 "male"."""
    assert translates("heixiong", ("black", "bear"), han="黑熊")
    assert not translates("heixiong", ("black", "male"), han="黑熊")
    assert translates("heixiong", ("black", "male"))
    assert compare("黑熊学院", "Kuma Academy", "company")[0] < REVIEW


@pytest.mark.parametrize(
    "a, b, least, below",
    [
        # CSL aliases of one entry: a Chinese brand written by its pinyin initials
        ("Suzhou TG Testing Technology Co., Ltd.", "Suzhou Tiangong Testing Technology Co., Ltd.", REVIEW, MATCH),
        ("TG Testing", "Suzhou Tiangong Testing Technology Co., Ltd.", 0.6, MATCH),  # most of the name left out
        ("TG", "Tiangong", 0.0, REVIEW),  # two letters alone could be a thousand brands
        ("Tg Trading", "Tiangong Trading", 0.0, REVIEW),  # not written as initials
        ("TX Trading", "Tiangong Trading", 0.0, REVIEW),  # other initials
    ],
)
def test_pinyin_initials(a, b, least, below):
    assert least <= compare(a, b, "company")[0] < below
