"""A group's division met by the group's full name is held for review
(screening/matching/divisions.py). Made-up names; each test of a hold failed before
the change ("Varnholt Corporation" / "Varnholt Defense, LLC" scored 0.90, a match)."""

import pytest

from screening.matching import compare
from screening.matching.algorithm import DEFAULT_PLAN, score_pair
from screening.matching import form_pairs
from screening.settings import MATCH_THRESHOLD, REVIEW_THRESHOLD


# Issue 14: "Huawei Technologies (UK) Co., Ltd." is a different legal person, "a possible
# affiliate (REVIEW), unless it is listed itself". So is a group's division whose listed
# name adds a line of business to the group's full name. Made-up names; four helpers'
# labelled sets (fresh11-13) call such pairs two parties.
@pytest.mark.parametrize("query, listed", [
    ("Varnholt Corporation", "Varnholt Defense, LLC"),
    ("Kestrow Corporation", "Kestrow Aerospace Systems, Ltd."),
    ("Pellinor Ltd.", "Pellinor Industries Corporation"),
])
def test_a_division_of_a_firm_named_in_full_is_review_not_match(query, listed):
    score, features = compare(query, listed)
    assert REVIEW_THRESHOLD <= score < MATCH_THRESHOLD
    assert features["division_added"] == 1.0


@pytest.mark.parametrize("query, listed", [
    ("Varnholt", "Varnholt Defense, LLC"),  # a short name: either firm, the listed one included
    ("Varnholt Defense Corporation", "Varnholt Defense Systems, LLC"),  # names its line itself
    ("Varnholt Corporation", "Varnholt Trading Corporation"),  # how it works, not a line of business
    ("Varnholt Company", "Varnholt Manufacturing Company"),
    ("Shenzhen Kelanxin Co., Ltd.", "Shenzhen Kelanxin Technology Co., Ltd."),  # Chinese names state their line
    ("Kelanxin Limited", "Kelanxin Electronics Technology Co., Ltd."),  # pinyin
    ("Varnholt OOO", "Varnholt Engineering LLC"),  # a Russian legal form
    ("Varnholt Ltd. Sti.", "Varnholt Savunma Sanayi Ticaret Limited Sirketi"),  # Turkish
    ("Varnholt Corporation", "VARNHOLT CORP."),
    ("Varnholt Limited", "Limited Liability Company Varnholt Invest"),  # the legal form first: Russian order
    # helper-75's review: 100 OFAC SDN alias pairs were held by the first version
    ("Pellinor Incorporated", "Pellinor Industries, Inc."),  # forms of one kind: the name said in full
    ("Sepehr Varn Company", "SEPEHR VARN SHIPPING CO"),  # Company, Co.: no kind of legal person
    ("Varnholt PJSC", "Varnholt Oil Company"),  # a CIS form in translation
    ("JSC Varnholt", "VARNHOLT DESIGN BUREAU"),  # the query's form first; the list has none
    ("Varnholt Ltd INN 7707083893", "Varnholt Defense LLC INN 7707083893"),  # one registry number
    ("HK Varnholt Co., Limited", "Varnholt International HK Industry Co. Ltd."),  # Chinese; one kind
    ("Varnholt Co., Limited", "Varnholt Electronics Company Ltd."),  # Co. Limited, Company Ltd.: one kind
])
def test_no_division_where_the_name_says_nothing_of_one(query, listed):
    score, features = compare(query, listed)
    assert not features.get("division_added")


def test_a_hold_caps_a_match_and_lowers_nothing_below_it():
    """Its weight is a cap (algorithm.Feature.hold): a pair already at review strength
    (0.71) stays there; a subtracted penalty took it out of review."""
    cap = dict((name, w) for name, _, w in DEFAULT_PLAN.holds)["division_added"]
    assert REVIEW_THRESHOLD <= cap < MATCH_THRESHOLD
    assert compare("Varnholt Corporation", "Varnholt Defense, LLC")[0] == pytest.approx(cap)
    score, features = compare("The Ostrava Corporation", "Ostrava Defense, Space & Security, LLC")
    assert features["division_added"] == 1.0 and REVIEW_THRESHOLD <= score < cap


def test_the_hold_is_reported_with_the_pair():
    (pair,) = [p for _, p in form_pairs("Kestrow Corporation", "Kestrow Aerospace Systems, Ltd.")][:1]
    score, values = score_pair(pair)
    assert values["division_added"] == 1.0 and score < MATCH_THRESHOLD


# --- organ_added (session 31): an organ of an organisation is held for review -----------
@pytest.mark.parametrize("query, listed", [
    ("Korean People's Army", "Korean People's Army Navy"),            # fresh20 dev: a branch
    ("Islamic Revolutionary Guard Corps", "IRGC Navy"),                # fresh20 dev
    ("Workers' Party of Korea", "Central Military Commission of the Workers' Party of Korea"),  # fresh20 dev
])
def test_an_organ_of_an_organisation_is_held_for_review(query, listed):
    score, features = compare(query, listed, "Organization")
    assert REVIEW_THRESHOLD <= score < MATCH_THRESHOLD, (score, features)
    assert features.get("organ_added") == 1.0


@pytest.mark.parametrize("query, listed", [
    ("Korean People's Army", "Korean People's Army"),
    ("Islamic Revolutionary Guard Corps", "IRGC"),
    ("Islamic Republic of Iran", "Government of the Islamic Republic of Iran"),  # helper-94's review
    ("Turkish Coast Guard", "Turkish Coast Guard Command"),                      # helper-93's review
])
def test_the_organisation_itself_is_not_held(query, listed):
    score, features = compare(query, listed, "Organization")
    assert "organ_added" not in features
