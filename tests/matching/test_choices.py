"""Readings tailored to the other name: 工业 = industry | polytechnical, 中国 = china | chinese."""

from screening.matching import analyze_name, compare
from screening.matching.choices import expansions, tailor
from screening.matching.forms import forms_of
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


def form(name):
    return forms_of(analyze_name(name))[0]


def test_alternative_readings_kept():
    an = analyze_name("合肥工业大学")
    readings = [[t.text for t in r] for c in an.choices for r in c.readings]
    assert ["university", "of", "technology"] in readings


def test_tailor_takes_the_reading_the_other_name_uses():
    q = form("中国科学院计算技术研究所")
    c = form("Chinese Academy of Sciences Institute of Computing Technology")
    assert "chinese" in tailor(q, c).texts and "research" not in tailor(q, c).texts
    assert tailor(q, q) is q  # nothing to change


def test_each_word_of_the_other_name_is_used_once():
    # 研究院 and 研究所 both read "research institute"; only one can have it.
    score = compare("中国空间技术研究院第五〇二研究所", "China Academy of Space Technology 502 Research Institute")[0]
    assert score >= MATCH_THRESHOLD


def test_optional_place_suffix():
    assert compare("乌鲁木齐市公安局", "Urumqi Municipal Public Security Bureau")[0] >= MATCH_THRESHOLD
    assert compare("乌鲁木齐市公安局", "Urumqi Public Security Bureau")[0] >= MATCH_THRESHOLD


def test_expansions_switch_one_choice_at_a_time():
    q = form("合肥工业大学")
    assert len(expansions(q)) > 1
    assert all(len(f.texts) >= 2 for f in expansions(q))


def test_brand_readings():
    assert compare("杭州海康威视数字技术股份有限公司", "Hangzhou Hikvision Digital Technology Co., Ltd.")[0] == 1.0
    assert compare("洛克希德·马丁公司", "Lockheed Martin Corporation")[0] >= MATCH_THRESHOLD
    assert compare("中芯国际集成电路制造有限公司", "Semiconductor Manufacturing International Corporation")[0] >= MATCH_THRESHOLD
    # 北京工业大学 is Beijing University of Technology, not BIT (北京理工大学): review at most
    assert compare("北京工业大学", "Beijing Institute of Technology")[0] < MATCH_THRESHOLD
    assert compare("北京理工大学", "Beijing Institute of Technology")[0] >= MATCH_THRESHOLD
