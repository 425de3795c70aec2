"""A company named in full is not the longer-named group member on a list.

rules.md §8.3: "An exact or high-confidence match on an **active** listing gives that list's
outcome. A lower-confidence match gives REVIEW", and for the UEL's branches "For other unnamed
subsidiaries return REVIEW". China's lists name one member of a group, not its parent or its
sisters. Each query below is a complete legal name (its legal form included) that one listed
party's longer name only contains, e.g. china-lists.csv row 264 "Hitachi Advanced Systems
Corporation" (EWL, 2026-06-29) or row 204 "Oshkosh Defense, LLC" (ECL, 2026-06-22). Before the
fix each of them got that party's full outcome (PROHIBITED or presumption of denial) through a
0.88 "match"; the name-family rule only held groups of two or more listed parties.
"""

import pytest

from .conftest import fired, screen

pytestmark = pytest.mark.shared

DY = {"item": "Dy oxide", "item_origin": "CN"}


@pytest.mark.parametrize("query, listed", [
    pytest.param("Hitachi, Ltd.", "Hitachi Advanced Systems Corporation", id="row264-hitachi"),
    pytest.param("Sumitomo Corporation", "Sumitomo Heavy Industries, Ltd.", id="row256-sumitomo"),
    pytest.param("Komatsu Ltd.", "Komatsu Industries Corporation", id="row268-komatsu"),
    pytest.param("Mitsui & Co., Ltd.", "Mitsui Bussan Aerospace Co., Ltd.", id="row250-mitsui"),
    pytest.param("Oshkosh Corporation", "Oshkosh Defense, LLC", id="row204-oshkosh"),
    pytest.param("Ball Corporation", "Ball Aerospace & Technologies Corp.", id="row199-ball"),
])
def test_unlisted_company_named_in_full_is_review_not_the_members_outcome(csl_screener, query, listed):
    """Buying China-origin Dy oxide on 2026-12-05 (`literal`): the unlisted company needs the No. 18
    licence (rules.md §2.1, CN-18 LICENCE-REQUIRED); the possible identity with the listed member
    is a REVIEW finding, never that member's PROHIBITED / presumption of denial."""
    r = screen(csl_screener, query, context=DY)
    assert r["outcome"] == "LICENSE_REQUIRED", r["findings"]
    member = [f for f in r["findings"] if f.get("party") == listed]
    assert member and {f["outcome"] for f in member} == {"REVIEW"}
    assert all(h["strength"] == "review" for h in r["hits"] if h["name"] == listed)


def test_apple_is_not_an_sdn_through_a_longer_name(csl_screener):
    """rules.md §7.3: OFAC blocks SDNs and their ≥ 50 % entities; "Apple Inc." is neither. The SDN
    "ORIENTAL APPLE COMPANY PTE LTD" says more than the query, so it is at most a possible match
    (REVIEW), not "US persons may not deal with it" (PROHIBITED)."""
    r = screen(csl_screener, "Apple Inc.", context={"us_person": True, "subject_to_ear": True})
    assert r["outcome"] == "REVIEW", r["findings"]
    assert "PROHIBITED" not in {f["outcome"] for f in fired(r, "OFAC-SDN")}


def test_listed_company_keeps_its_own_outcome_while_its_longer_named_sister_is_review(csl_screener):
    """china-lists.csv row 37 (UEL 〔2025〕5号, "Cubic Corporation": measures stopped from 2025-11-10)
    and row 134 (ECL Ann. 21, suspended one year from 2025-11-10) against row 69 (UEL 〔2025〕10号,
    "Cubic Global Defense", in force). On 2026-06-01 Cubic Corporation's own listings are stopped or
    suspended (REVIEW, rules.md §8.3 "hit on a suspended measure"); the Oct-2025 listing of
    Cubic Global Defense does not reach the company that owns it, so it is no PROHIBITED."""
    r = screen(csl_screener, "Cubic Corporation", on="2026-06-01", context=DY)
    assert r["outcome"] == "LICENSE_REQUIRED", r["findings"]
    sister = [f for f in r["findings"] if f.get("party") == "Cubic Global Defense"]
    assert sister and {f["outcome"] for f in sister} == {"REVIEW"}


@pytest.mark.parametrize("name", [
    pytest.param("Cubic Global Defense", id="row69"),
    pytest.param("Oshkosh Defense, LLC", id="row204"),
    pytest.param("Hitachi Advanced Systems Corporation", id="row264"),
])
def test_the_listed_member_itself_keeps_its_outcome(csl_screener, name):
    """The listed member named in full still gets its list's outcome (rows 69, 204: PROHIBITED;
    row 264, Watch List while No. 61 Art. 2 is active again under `literal`: presumption of denial)."""
    r = screen(csl_screener, name, context=DY)
    assert r["outcome"] in ("PROHIBITED", "PRESUMPTION_OF_DENIAL"), r["findings"]
