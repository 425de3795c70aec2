"""The screening core's own logic: affiliate suggestions kept only where they can be real."""

from __future__ import annotations

from dataclasses import dataclass

from screening.screen import organisation_affiliates, vocabularies
from screening.types import Entry, Name


def entry(key: str, name: str, type_: str = "company") -> Entry:
    return Entry(id=f"us-el:{key}", list_id="us-el", type=type_, names=[Name(name)])


@dataclass
class Aff:
    entry: Entry
    shared_tokens: list
    marker: list


ENTRIES = [entry("hik", "Hangzhou Hikvision Digital Technology Co., Ltd."),
           entry("kral", "Kral Aviation Services Ltd."),
           entry("torres", "TORRES FELIX, Manuel", "person"),
           entry("sean", "Sean McGuinn", "person"),
           entry("robo", "Shenzhen Robotics Co., Ltd.")]
PEOPLE, BUSINESS = vocabularies(ENTRIES)


def keep(query, aff):
    return organisation_affiliates(query, [aff], PEOPLE, BUSINESS)


def test_brand_plus_business_word_is_a_possible_affiliate():
    aff = Aff(ENTRIES[0], ["hikvision"], ["Robotics"])
    assert keep("Hikvision Robotics", aff) == [aff]


def test_brand_plus_place_is_a_possible_affiliate():
    aff = Aff(ENTRIES[0], ["hikvision"], ["Europe"])
    assert keep("Hikvision Europe", aff) == [aff]


def test_a_person_name_is_not_a_branch():
    assert keep("Vlastimil Danuše Král", Aff(ENTRIES[1], ["kral"], ["vlastimil", "danuse"])) == []


def test_listed_persons_have_no_branches():
    assert keep("Isabella Torres Holdings", Aff(ENTRIES[2], ["torres"], ["isabella", "holdings"])) == []


def test_a_first_name_is_not_a_brand():
    assert keep("Sean Robotics", Aff(entry("sean-co", "Sean Trading"), ["sean"], ["robotics"])) == []
