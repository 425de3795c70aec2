"""Korean names: Hangul romanisation, family-name spellings, Hanja readings."""

import pytest

from screening.matching import analyze_name, compare
from screening.matching.korean import given_name_spellings, hanja_to_hangul, syllable_spellings
from screening.matching.resources import tables
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


def test_syllable_spellings_revised_romanization_first():
    assert syllable_spellings("정")[:3] == ("jeong", "jong", "jung")
    assert syllable_spellings("은") == ("eun", "un")
    assert "shin" in syllable_spellings("신")
    assert syllable_spellings("a") == ()


def test_given_name_spelled_in_syllable_order():
    assert "jongun" in given_name_spellings("정은")
    assert "unjong" not in given_name_spellings("정은")
    assert given_name_spellings("민호")[0] == "minho"


def test_hanja_reading():
    assert hanja_to_hangul("金正恩", tables().ko_hanja) == "김정은"
    assert hanja_to_hangul("金正X", tables().ko_hanja) is None


def test_hangul_name_analysis():
    an = analyze_name("김정은")
    assert an.schema == "person"
    assert [t.text for t in an.tokens] == ["kim", "jeongeun"]
    assert an.tokens[0].family


def test_hangul_and_hanja_meet_latin_listing():
    assert compare("김정은", "KIM, Jong Un")[0] >= MATCH_THRESHOLD
    assert compare("金正恩", "Kim Jong Un")[0] >= MATCH_THRESHOLD
    assert compare("박지성", "Park Ji Sung")[0] >= MATCH_THRESHOLD
    assert compare("이민호", "Lee Min Ho")[0] >= MATCH_THRESHOLD
    assert compare("최룡해", "CHOE, Ryong Hae")[0] >= MATCH_THRESHOLD
    assert compare("성훈 김", "KIM, Song Hun")[0] >= MATCH_THRESHOLD  # family name written last


def test_other_korean_names_stay_apart():
    assert compare("은정 김", "KIM, Jong Un")[0] < REVIEW_THRESHOLD  # Eun-jeong is not Jong-un
    assert compare("김정일", "KIM, Jong Un")[0] < MATCH_THRESHOLD
    assert compare("준혁 이", "RI, Chin-hyo'k")[0] < REVIEW_THRESHOLD  # one vowel is another syllable


def test_a_hangul_vessel_name_meets_its_mccune_reischauer_listing():
    # fresh9's read half: the SDN writes DPRK vessels in McCune-Reischauer syllables
    assert compare("천마산호", "CHON MA SAN", "Vessel")[0] >= MATCH_THRESHOLD
    assert compare("금운산3호", "KUM UN SAN 3", "Vessel")[0] >= MATCH_THRESHOLD
    assert compare("금운산3호", "KUM UN SAN 3")[0] >= MATCH_THRESHOLD  # a number and 호: a ship's name
    an = analyze_name("금운산3호", "Vessel")
    assert [t.tag for t in an.tokens] == ["distinctive", "number"]


def test_other_hangul_vessels_stay_apart():
    assert compare("금운산3호", "KUM UN SAN 2", "Vessel")[0] < REVIEW_THRESHOLD  # another hull number
    assert compare("백마산호", "CHON MA SAN", "Vessel")[0] < REVIEW_THRESHOLD
    assert compare("김정은", "KIM, Jong Un")[0] >= MATCH_THRESHOLD  # a person's name is read as before
    assert compare("대호", "DAE HO", "Vessel")[0] >= MATCH_THRESHOLD  # 호 of a two-syllable name is its own


def test_the_dprks_own_romanisation_writes_aspirates_th_ph():
    # helper-62's review: SDN DPRK vessels and persons write ㅌ ㅍ as th, ph
    assert compare("보통강호", "PO THONG GANG", "Vessel")[0] >= MATCH_THRESHOLD
    assert compare("유평5호", "YU PHYONG 5", "Vessel")[0] >= MATCH_THRESHOLD
    assert compare("태영호", "THAE, Yong Ho")[0] >= MATCH_THRESHOLD
    assert compare("태영호", "TAE, Yong Ho")[0] >= MATCH_THRESHOLD  # the other spelling still meets
    assert compare("대영호", "THAE, Yong Ho")[0] < MATCH_THRESHOLD  # ㄷ is no aspirate


# --- vessels named in Korean syllables (alignment.korean_vessel) -------------------------
# North Korean hulls reach the lists and shipping records in RR, McCune-Reischauer and
# the DPRK's own spellings: initial k / g, p / b, r / n, ch / j and o / u of one syllable.
# Each pair scored 0.38-0.56 before (JANG KYONG / JANG GYONG was in fresh14's dev half).


@pytest.mark.parametrize("query, listed", [
    ("JANG KYONG", "JANG GYONG"),
    ("RAK RANG", "NAK RANG"),     # ㄹ: r in the DPRK, n in the South
    ("KUM UN SAN", "GUM UN SAN"),
    ("PAEK MA", "BAEK MA"),
    ("SAM JONG 2", "SAM CHONG 2"),
])
def test_korean_vessel_spellings_match(query: str, listed: str) -> None:
    assert compare(query, listed, "vessel")[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize("query, listed, schema", [
    ("SAM JONG 2", "SAM JONG 1", "vessel"),    # another hull number
    ("JANG KYONG", "JANG GYONG", "company"),   # firms' names keep the firms' rules
    ("OCEAN KYONG", "OCEAN GYONG", "vessel"),  # not every word a Korean syllable
    # pinyin and English words read as Korean syllables too (helper-77's review): 东海 / 通海
    ("DONG HAI", "TONG HAI", "vessel"),
    ("TAI PING", "DAI PING", "vessel"),
    ("SHUN TAI", "SUN TAI", "vessel"),          # SDN 52334
    ("PING AN", "BING AN", "vessel"),           # SDN 52347
    ("TOP SUN", "TOP SON", "vessel"),
])
def test_korean_syllables_only_in_korean_vessel_names(query: str, listed: str, schema: str) -> None:
    assert compare(query, listed, schema)[0] < MATCH_THRESHOLD
