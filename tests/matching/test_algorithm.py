"""The scoring algorithm: weighted features, qualifiers, the fast reject floor, descriptions."""

from __future__ import annotations

from screening.matching.algorithm import DEFAULT_PLAN, FEATURES, describe_features, score_pair
from screening.matching.alignment import Pair
from screening.matching.forms import forms_of
from screening.matching.names import analyze_name


def form(text, schema=None):
    return forms_of(analyze_name(text, schema), schema=schema)[0]


def test_identical_names_score_one():
    score, values = score_pair(Pair(form("Acme Trading Limited"), form("Acme Trading Limited")))
    assert score == 1.0 and max(values.values()) > 0


def test_unrelated_names_score_low_and_scores_stay_in_range():
    score, _ = score_pair(Pair(form("Acme Trading"), form("Zenith Shipping")))
    assert 0.0 <= score < 0.5


def test_floor_returns_early_without_qualifiers():
    pair = Pair(form("Acme Trading"), form("Zenith Shipping"))
    score, values = score_pair(pair, floor=0.99)
    assert score < 0.99
    assert set(values) == {name for name, _, _ in DEFAULT_PLAN.main}


def test_a_country_disagreement_lowers_the_score():
    same = score_pair(Pair(form("Acme Trading"), form("Acme Trading Co"), query_country="CN",
                           entry_countries=("CN",)))[0]
    other = score_pair(Pair(form("Acme Trading"), form("Acme Trading Co"), query_country="RU",
                            entry_countries=("CN",)))[0]
    assert other < same


def test_every_feature_is_described():
    described = describe_features()
    assert set(described) == {ft.name for ft in FEATURES}
    assert all(d["doc"] and isinstance(d["qualifier"], bool) for d in described.values())
