"""Chinese organisation names outside the brand table (issue 14; made-up names).

Business words are translated word by word from CC-CEDICT (and our term table),
institutions reorder freely, and the brand in front stays pinyin.
"""

import pytest

from screening.matching import Matcher, analyze_name, compare
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD
from screening.types import Entry, Name

PAIRS = [
    ("江苏美丽制冷空调设备有限公司", "Jiangsu Meili Refrigeration and Air-Conditioning Equipment Co., Ltd."),
    ("大连泰昌远洋航运有限公司", "Dalian Taichang Ocean Shipping Co., Ltd."),
    ("天津金桥炭素有限公司", "Tianjin Jinqiao Carbon Co., Ltd."),
]
#: Guards: these met before (term table + word-order-free alignment); they must still meet.
GUARDS = [
    ("宁波韵升永磁材料有限公司", "Ningbo Yunsheng Permanent Magnet Materials Co., Ltd."),
    ("国家稀土永磁工程技术研究中心", "National Research Center for Rare Earth Permanent Magnet Engineering and Technology"),
    ("北京华创光电研究所", "Beijing Huachuang Photoelectric Research Institute"),
    ("北京华创光电研究所", "Huachuang Institute of Photoelectric, Beijing"),
]


@pytest.mark.parametrize("chinese, english", PAIRS + GUARDS)
def test_business_words_translate_and_brand_stays_pinyin(chinese, english):
    assert compare(chinese, english, "company")[0] >= MATCH_THRESHOLD
    assert compare(english, chinese, "company")[0] >= MATCH_THRESHOLD


def test_all_pinyin_listing_still_matches():
    assert compare("江苏美丽制冷空调设备有限公司", "Jiangsu Meili Zhileng Kongtiao Shebei Co., Ltd.", "company")[0] >= MATCH_THRESHOLD


def test_brand_is_distinctive_and_business_words_are_generic():
    tokens = {t.text: t.tag for t in analyze_name("江苏美丽制冷空调设备有限公司", "company").tokens}
    assert tokens["meili"] == "distinctive"
    assert tokens["refrigeration"] == "generic"


@pytest.mark.parametrize(
    "chinese, english",
    [
        ("江苏美丽制冷空调设备有限公司", "Jiangsu Xinghe Refrigeration and Air-Conditioning Equipment Co., Ltd."),
        ("大连泰昌远洋航运有限公司", "Dalian Haitong Ocean Shipping Co., Ltd."),
    ],
)
def test_firms_sharing_only_business_words_stay_apart(chinese, english):
    assert compare(chinese, english, "company")[0] < REVIEW_THRESHOLD


def test_search_finds_english_listing_from_chinese_query():
    matcher = Matcher([
        Entry(id="meili", list_id="t", type="company", countries=["CN"],
              names=[Name("Jiangsu Meili Refrigeration and Air-Conditioning Equipment Co., Ltd.", "primary")]),
        Entry(id="xinghe", list_id="t", type="company", countries=["CN"],
              names=[Name("Jiangsu Xinghe Refrigeration Equipment Co., Ltd.", "primary")]),
    ])
    hits = matcher.search("江苏美丽制冷空调设备有限公司")
    assert [h.entry.id for h in hits] == ["meili"] and hits[0].strength == "match"


@pytest.mark.parametrize(
    "chinese, english",
    [
        ("金星导航有限公司", "Gold Star Navigation Co., Ltd."),  # a name translated word by word
        ("红星动力系统公司", "Red Star Power Systems Company"),
    ],
)
def test_translated_foreign_style_names(chinese, english):
    assert compare(chinese, english, "company")[0] >= MATCH_THRESHOLD


def test_translated_word_does_not_meet_a_two_letter_abbreviation():
    # 啤酒 = "beer", whose romanisation skeleton is "br": "BR" in a listed name is not beer
    from screening.matching.normalize import skeleton
    from screening.matching.strings import token_sim

    assert token_sim("beer", "br", skeleton("beer"), skeleton("br")) == 0.0
    assert compare("泰昌啤酒股份有限公司", "BR Invest LLC", "company")[0] < REVIEW_THRESHOLD


def test_the_yangtze_is_changjiang() -> None:
    """长江, the Yangtze, is written either way in Chinese firms' English names: helper-78's
    "Changjiang Memory Technologies" (YMTC's name read in pinyin) found no YMTC (0.45)."""
    assert compare("Changjiang Memory Technologies Co., Ltd.", "Yangtze Memory Technologies Co., Ltd.",
                   "company")[0] >= MATCH_THRESHOLD
