"""Parents of listed subsidiaries: a group is not a legal person.

rules.md §8.3: "An exact or high-confidence match on an **active** listing gives that list's
outcome. A lower-confidence match gives REVIEW." china-lists.csv lists "NEC Aerospace Systems,
Ltd." and "NEC Network and Sensor Systems, Ltd." (ECL, MOFCOM Announcement 2026 No. 11), and
"Fujitsu Defense & National Security, Ltd." (ECL) beside "Fujitsu Network Solutions Limited"
(EWL); the parents NEC Corporation and Fujitsu Limited are on no list. Before the family rule
each parent was PROHIBITED through a 0.88 "match" to its listed subsidiaries.
"""

import pytest

from .conftest import screen


@pytest.mark.parametrize("parent", ["NEC Corporation", "Fujitsu Limited",
                                    "Mitsubishi Electric Corporation", "IHI Corporation"])
def test_unlisted_parent_of_listed_subsidiaries_is_review(csl_screener, parent):
    r = screen(csl_screener, parent)
    assert r["outcome"] == "REVIEW", r["findings"]
    assert r["hits"] and {h["strength"] for h in r["hits"]} == {"review"}


@pytest.mark.parametrize("listed", ["NEC Aerospace Systems, Ltd.", "Fujitsu Defense & National Security, Ltd."])
def test_the_listed_subsidiary_itself_is_prohibited(csl_screener, listed):
    """china-lists.csv ECL rows (2026-02-24, No. 11): "Export operators may not export dual-use items"."""
    assert screen(csl_screener, listed)["outcome"] == "PROHIBITED"


@pytest.mark.parametrize("parent", ["Boeing", "The Boeing Company", "Kawasaki Heavy Industries, Ltd."])
def test_unlisted_parent_of_one_listed_unit_is_review(csl_screener, parent):
    """china-lists.csv lists "Boeing Defense, Space & Security" (UEL, Control List) and "Kawasaki Heavy
    Industries Aerospace Systems Company" (ECL, MOFCOM Announcement 2026 No. 11); The Boeing Company and
    Kawasaki Heavy Industries, Ltd. are on no list. rules.md §8.3: "An exact or high-confidence match on
    an **active** listing gives that list's outcome. A lower-confidence match gives REVIEW." Before: the
    brand alone scored a 0.88-0.90 match and the parent was PROHIBITED."""
    r = screen(csl_screener, parent)
    assert r["outcome"] == "REVIEW", [(f["rule"], f["outcome"]) for f in r["findings"]]


@pytest.mark.parametrize("listed", ["Boeing Defense, Space & Security",
                                    "Kawasaki Heavy Industries Aerospace Systems Company"])
def test_the_listed_unit_itself_is_prohibited(csl_screener, listed):
    assert screen(csl_screener, listed)["outcome"] == "PROHIBITED"
