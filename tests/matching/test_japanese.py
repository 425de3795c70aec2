"""Japanese names: kanji and kana to Hepburn romaji (pykakasi), tried as a fallback."""

import pytest

from screening.matching import analyze_name, compare
from screening.matching.japanese import fold_long_vowels, has_kana
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD

pytest.importorskip("pykakasi", reason="pykakasi reads kanji names")


def test_long_vowels_folded():
    assert fold_long_vowels("tarou") == "taro"
    assert fold_long_vowels("yuuko") == "yuko"
    assert fold_long_vowels("keiji") == "keiji"


def test_kana_detected():
    assert has_kana("タナカ")
    assert not has_kana("田中")


def test_four_kanji_name_read_in_japanese_as_a_fallback():
    an = analyze_name("山田太郎")
    assert [t.text for t in an.tokens] == ["shan", "tiantailang"]  # the Chinese reading first
    assert [[t.text for t in toks] for _, toks, _ in an.fallbacks] == [["yamada", "taro"]]
    assert compare("山田太郎", "Yamada Taro")[0] >= MATCH_THRESHOLD
    assert compare("田中花子", "Tanaka Hanako")[0] >= MATCH_THRESHOLD


def test_no_japanese_reading_for_spaced_chinese_names():
    assert analyze_name("欢 冬梅 吴").fallbacks == []
    assert compare("山田太郎", "Yamada Hanako")[0] < REVIEW_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("株式会社日立製作所", "HITACHI SEISAKUSHO"),  # 0.55: read in Chinese, Riben / Zhizuosuo
        ("大阪精機株式会社", "OSAKA SEIKI CO., LTD."),
    ],
)
def test_a_japanese_firm_in_kanji_is_read_in_japanese(query, listed):
    from screening.matching import compare

    assert compare(query, listed, "Company")[0] >= 0.85


@pytest.mark.parametrize(
    "name",
    [
        "三菱电机软件株式会社",  # simplified Chinese 电, 软: pykakasi reads only 三菱
        "三井E&S株式会社",  # the Latin part would be left out
        "华为技术有限公司",  # no Japanese legal form, no kana
    ],
)
def test_no_japanese_reading_of_a_name_it_cannot_read_whole(name):
    from screening.matching.names_ko_ja import japanese_company

    assert japanese_company(name, []) is None
