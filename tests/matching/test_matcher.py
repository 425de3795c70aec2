"""The Matcher: search, explanations, affiliates, batch path, pickling."""

import pickle

import pytest

from screening.matching import Matcher
from screening.types import Entry, Name


def entry(id_, *names, type_="company", countries=()):
    return Entry(
        id=id_, list_id="test", type=type_, names=[Name(n, "primary" if i == 0 else "alias") for i, n in enumerate(names)],
        countries=list(countries),
    )


@pytest.fixture(scope="module")
def matcher():
    return Matcher([
        entry("hik", "Hangzhou Hikvision Digital Technology Co., Ltd.", "Hikvision", countries=["CN"]),
        entry("smic", "Semiconductor Manufacturing International Corporation (SMIC)", countries=["CN"]),
        entry("hygon", "Chengdu Haiguang Integrated Circuit", "Hygon", countries=["CN"]),
        entry("hw", "Huawei Technologies Co., Ltd.", countries=["CN"]),
        entry("kal", "JSC Kalashnikov Concern", countries=["RU"]),
        entry("cetc13", "China Electronics Technology Group Corporation 13th Research Institute"),
        entry("cetc14", "China Electronics Technology Group Corporation 14th Research Institute"),
        entry("putin", "PUTIN, Vladimir Vladimirovich", type_="person"),
        entry("emma", "EMMA LLC"),
    ])


def test_chinese_query_finds_english_listing(matcher):
    hits = matcher.search("成都海光集成电路设计有限公司")
    assert [h.entry.id for h in hits] == ["hygon"]
    assert hits[0].strength == "match"
    assert "'haiguang' = 'Haiguang' (pinyin of 海光)" in hits[0].explanation
    assert "legal form ignored: 有限公司" in hits[0].explanation


def test_acronym_alias_found(matcher):
    hits = matcher.search("SMIC")
    assert hits[0].entry.id == "smic" and hits[0].strength == "match"
    assert hits[0].matched_name == "SMIC"


def test_numbers_pick_the_right_institute(matcher):
    hits = matcher.search("CETC 13th Research Institute")
    assert [h.entry.id for h in hits] == ["cetc13"]
    assert "numbers agree: 13" in hits[0].explanation


def test_person_with_patronymic(matcher):
    hits = matcher.search("Vladimir Putin", schema="person")
    assert hits[0].entry.id == "putin" and hits[0].score >= 0.7


def test_nothing_for_generic_or_unrelated(matcher):
    assert matcher.search("CORP") == []
    assert matcher.search("emma daniels") == []
    assert matcher.search("Global Trading Company Limited") == []


def test_country_is_evidence_not_filter(matcher):
    same = matcher.search("Huawei Technologies", country="CN")[0].score
    other = matcher.search("Huawei Technologies", country="FR")
    assert other and other[0].entry.id == "hw"
    assert other[0].score < same


def test_hit_features_and_query_name(matcher):
    hit = matcher.search("Hikvsion", aliases=["Hangzhou Hikvision"])[0]
    assert hit.entry.id == "hik"
    assert hit.query_name in ("Hikvsion", "Hangzhou Hikvision")
    assert set(hit.features) >= {"name_tokens", "compact_name"}


def test_affiliates(matcher):
    found = {a.entry.id: a for a in matcher.find_affiliates("Hikvision Europe")}
    assert found["hik"].shared_tokens == ["hikvision"] and found["hik"].marker == ["europe"]
    # no listed organisation's name has "robotics": of unknown kind, not taken for a business line
    assert matcher.find_affiliates("Hikvision Robotics") == []
    assert [a.entry.id for a in matcher.find_affiliates("SMIC Beijing")] == ["smic"]
    assert [a.entry.id for a in matcher.find_affiliates("Kalashnikov Concern branch")] == ["kal"]
    assert matcher.find_affiliates("Huawei Technologies Co., Ltd.") == []  # the party itself
    assert matcher.search("Hikvision Robotics") == []  # not a name match


def test_search_many_matches_search(matcher):
    queries = [{"name": "Hikvision"}, {"name": "Hikvision"}, {"name": "nobody at all"}]
    results = list(matcher.search_many(queries))
    assert [[h.entry.id for h in r] for r in results] == [["hik"], ["hik"], []]


def test_pickle_round_trip(matcher):
    clone = pickle.loads(pickle.dumps(matcher))
    assert [h.entry.id for h in clone.search("SMIC")] == ["smic"]


@pytest.fixture(scope="module")
def asian_matcher():
    return Matcher([
        entry("kju", "KIM, Jong Un", type_="person", countries=["KP"]),
        entry("kjp", "Xi Jinping", type_="person", countries=["CN"]),
        entry("dji", "SZ DJI Technology Co., Ltd.", "DJI", countries=["CN"]),
        entry("lm", "Lockheed Martin Corporation", countries=["US"]),
        entry("tup", "TUPOLEV PUBLIC JOINT STOCK COMPANY", countries=["RU"]),
    ])


def test_search_reads_hangul_hanja_and_brands(asian_matcher):
    assert [h.entry.id for h in asian_matcher.search("김정은")] == ["kju"]
    assert [h.entry.id for h in asian_matcher.search("金正恩")] == ["kju"]  # Korean reading as a fallback
    assert [h.entry.id for h in asian_matcher.search("金正恩", country="KP")] == ["kju"]
    assert [h.entry.id for h in asian_matcher.search("习近平")] == ["kjp"]
    assert [h.entry.id for h in asian_matcher.search("深圳市大疆创新科技有限公司")] == ["dji"]
    assert [h.entry.id for h in asian_matcher.search("洛克希德·马丁")] == ["lm"]
    assert [h.entry.id for h in asian_matcher.search("ПАО «Туполев»")] == ["tup"]


def test_explanation_names_the_reading(asian_matcher):
    hit = asian_matcher.search("深圳市大疆创新科技有限公司")[0]
    assert any("brand 大疆" in line for line in hit.explanation)
