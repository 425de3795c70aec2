"""An organisation named by its brand alone (made-up names; each failed before brand_only)."""

import pytest

from screening.matching import compare
from screening.settings import MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Qarvision", "Hangzhou Qarvision Digital Technology Co., Ltd."),
        ("Suzhou Zinglet", "Zinglet (Suzhou) Electronics Technology Co., Ltd."),
        ("Norvata", "Jiangsu Norvata Optoelectronic Material Co., Ltd."),
    ],
)
def test_brand_alone_matches_its_listed_company(query, listed):
    assert compare(query, listed)[0] >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "query, listed",
    [
        ("Qarvision", "Qarvision Korea Co., Ltd."),  # a trailing place names a subsidiary
        ("Qarvision", "Qarvision Ezlink Technology Co., Ltd."),  # another brand word
        ("Qarvision", "Qarvision 13th Research Institute"),  # a numbered unit
        ("Qarvision", "Qarvision Holdings Ltd."),  # a holding is another legal entity
        ("Qarvision Robotics", "Hangzhou Qarvision Digital Technology Co., Ltd."),  # an affiliate
    ],
)
def test_brand_alone_does_not_reach_other_units(query, listed):
    assert compare(query, listed)[0] < MATCH_THRESHOLD
