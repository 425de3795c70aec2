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


@pytest.mark.parametrize(
    "a, b",
    [
        ("Zhongke Starmap Space Technology Co., Ltd.", "Zhongke Xingtu Space Technology Co., Ltd."),
        ("Hefei Xingbo Communication Technology Co., Ltd.", "Hefei Starwave Communication Technology Co., Ltd."),
        ("Nanyang Red Cotton Logistics Co., Ltd", "Nanyang Hongmian Logistics Co., Ltd"),
    ],
)
def test_translated_alias_matches_with_the_rest_of_the_name(a, b):
    score, expl = compare(a, b, "company")
    assert score >= MATCH
    assert compare(b, a, "company")[0] >= MATCH
    assert not expl.get("no_distinctive_agreement")


def test_translation_alone_is_review_strength():
    """Many firms are called Golden Dragon (Jinlong): the translation alone is a guess."""
    score = compare("Gold Dragon Ltd", "Jinlong Co", "company")[0]
    assert REVIEW <= score < MATCH


@pytest.mark.parametrize(
    "a, b",
    [
        ("Zhongke Star Trading Co., Ltd.", "Zhongke Xingtu Space Technology Co., Ltd."),  # 图 is no "trading"
        ("Shenzhen New Technology Co", "Shenzhen Xinke Co"),  # generic words only: no brand read
        ("Xin Electronics", "New Electronics"),  # one syllable reads as too many words
    ],
)
def test_no_translation(a, b):
    assert compare(a, b, "company")[0] < MATCH


def test_person_names_are_not_translated():
    """Hong Mian the person is not "Red Cotton"."""
    assert compare("Hongmian Wang", "Red Cotton Wang", "person")[0] < REVIEW


def test_explained():
    from screening.matching.alignment import Pair
    from screening.matching.forms import forms_of
    from screening.matching.names import analyze_name

    q = forms_of(analyze_name("Zhongke Starmap Space Technology", "company"))[0]
    c = forms_of(analyze_name("Zhongke Xingtu Space Technology", "company"))[0]
    assert any(lk.how == "translated" for lk in Pair(q, c).alignment.links)


@pytest.mark.parametrize(
    "a, b",
    [
        # OpenSanctions cn_sanctions: one entity's Chinese and English names (MFA countermeasures)
        ("黑熊学院", "Black Bear Academy"),
        ("蓝力技术公司", "Blue Force Technologies"),
        ("铁山解决方案公司", "IronMountain Solutions"),
    ],
)
def test_chinese_characters_translated_are_the_name(a, b):
    """From the characters themselves the reading is no homophone guess: a match."""
    assert compare(a, b, "company")[0] >= MATCH


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
        ("Suzhou TG Testing Technology Co., Ltd.", "Suzhou Tiangong Testing Technology Co., Ltd.", MATCH, 1.01),
        ("TG Testing", "Suzhou Tiangong Testing Technology Co., Ltd.", 0.6, MATCH),  # most of the name left out
        ("TG", "Tiangong", 0.0, REVIEW),  # two letters alone could be a thousand brands
        ("Tg Trading", "Tiangong Trading", 0.0, REVIEW),  # not written as initials
        ("TX Trading", "Tiangong Trading", 0.0, REVIEW),  # other initials
    ],
)
def test_pinyin_initials(a, b, least, below):
    assert least <= compare(a, b, "company")[0] < below
