"""Affiliate suggestions: a listed organisation's brand plus a marker, kept only where they can be real."""

from __future__ import annotations

import pytest

from screening.matching import Matcher
from screening.matching.affiliates import vocabularies
from screening.types import Entry, Name


def entry(key: str, name: str, type_: str = "company") -> Entry:
    return Entry(id=f"us-el:{key}", list_id="us-el", type=type_, names=[Name(name)])


ENTRIES = [entry("hik", "Hangzhou Hikvision Digital Technology Co., Ltd."),
           entry("kral", "Kral Aviation Services Ltd."),
           entry("torres", "TORRES FELIX, Manuel", "person"),
           entry("torresco", "Torres Shipping"),
           entry("sean", "Sean McGuinn", "person"),
           entry("sean-co", "Sean Trading"),
           entry("robo", "Shenzhen Robotics Co., Ltd."),
           entry("intl", "International Trading Co."),
           entry("intl2", "International Logistics Co."),
           entry("intl3", "International Mining Co."),
           entry("qx", "QX Limited Liability Company")]


@pytest.fixture(scope="module")
def matcher():
    return Matcher(ENTRIES)


def ids(matcher, query):
    return [a.entry.id for a in matcher.find_affiliates(query)]


def test_brand_plus_business_word_is_a_possible_affiliate(matcher):
    [aff] = matcher.find_affiliates("Hikvision Robotics")
    assert aff.entry.id == "us-el:hik"
    assert aff.shared_tokens == ["hikvision"] and aff.marker == ["robotics"]
    assert aff.to_dict()["matched_name"] == "Hangzhou Hikvision Digital Technology Co., Ltd."


def test_brand_plus_place_is_a_possible_affiliate(matcher):
    assert ids(matcher, "Hikvision Europe") == ["us-el:hik"]


def test_the_party_itself_is_a_match_not_an_affiliate(matcher):
    assert ids(matcher, "Hangzhou Hikvision Digital Technology Co., Ltd.") == []
    assert ids(matcher, "Hikvision Digital Technology") == []


def test_a_person_name_is_not_a_branch(matcher):
    assert ids(matcher, "Vlastimil Danuše Král") == []
    assert ids(matcher, "Kral Aviation Services (Prague) s.r.o.") == ["us-el:kral"]


def test_listed_persons_have_no_branches(matcher):
    assert "us-el:torres" not in ids(matcher, "Torres Felix Holdings")


def test_a_first_name_is_not_a_brand(matcher):
    assert ids(matcher, "Sean Robotics") == []


def test_a_common_word_is_not_a_brand(matcher):
    assert ids(matcher, "International Robotics Co.") == []


def test_no_listed_brand_costs_nothing(matcher):
    assert ids(matcher, "Robert Gabriel Orozco") == []
    assert ids(matcher, "") == []


def test_vocabularies_split_people_from_business_words():
    people, business = vocabularies(ENTRIES)
    assert {"torres", "sean", "manuel"} <= people
    assert "aviation" in business and "sean" not in business and "torres" not in business


def test_one_everyday_word_is_no_brand():
    """Issue 12 defect 8: "Acme Optics Inc." is no branch of a listed "Quantum Optics"
    company, however rare "optics" is on the lists; a coined brand still is."""
    m = Matcher(ENTRIES + [entry("qo", "Limited Liability Company Quantum Optics")])
    assert ids(m, "Acme Optics Inc.") == []
    assert ids(m, "Hikvision Robotics") == ["us-el:hik"]


def test_a_two_letter_initialism_is_no_brand(matcher):
    """Before: "QX Materials Corp." was a possible affiliate of the listed "QX LLC" (as "MP
    Materials" was of the SDN "MP LIMITED LIABILITY COMPANY")."""
    assert matcher.find_affiliates("QX Materials Corp.") == []
