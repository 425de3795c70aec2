"""The matcher's one configuration object: weights as data, overrides per call (issue 14)."""

import pytest

from screening.matching import FEATURES, Matcher, compare
from screening.matching.algorithm import Plan
from screening.matching.config import ConfigError, MatchConfig, default_config, load_weights
from screening.types import Entry, Name


def test_every_feature_has_a_weight_in_the_table():
    weights = load_weights()
    assert {ft.name for ft in FEATURES} <= set(weights)
    assert all(ft.weight == weights[ft.name] for ft in FEATURES)


def test_a_feature_missing_from_the_table_is_an_error():
    weights = dict(load_weights())
    del weights["numbers_disagree"]
    with pytest.raises(ConfigError, match="numbers_disagree"):
        Plan.of(MatchConfig(weights, 0.85, 0.70))


def test_a_missing_weights_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="missing"):
        load_weights(tmp_path / "match_weights.yaml")
    (tmp_path / "empty.yaml").write_text("fit: {}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="weights"):
        load_weights(tmp_path / "empty.yaml")


def test_compare_takes_overridden_weights():
    plain = compare("Leasing 3 Limited", "Leasing 6 Limited")[0]
    lenient = default_config().override({"weights": {"numbers_disagree": 0.0}})
    assert compare("Leasing 3 Limited", "Leasing 6 Limited", config=lenient)[0] > plain


@pytest.mark.parametrize("changes,word", [
    ({"colour": 1}, "unknown key"),
    ({"weights": {"no_such_feature": 0.1}}, "no_such_feature"),
    ({"weights": {"name_tokens": "high"}}, "name_tokens"),
    ({"match_threshold": 1.5}, "match_threshold"),
    ({"match_threshold": 0.6}, "review_threshold"),
])
def test_bad_overrides_are_rejected(changes, word):
    with pytest.raises(ConfigError, match=word):
        default_config().override(changes)


def test_search_thresholds_per_call():
    matcher = Matcher([Entry(id="t:1", list_id="t", type="company", names=[Name("Guangzhou Haige Communications Group", "primary")])])
    query = "Guangzhou Haige Comunications Group"  # one letter off: scores below 1
    (hit,) = matcher.search(query)
    assert hit.strength == "match"
    strict = default_config().override({"match_threshold": 1.0, "review_threshold": hit.score})
    (again,) = matcher.search(query, config=strict)
    assert again.strength == "review"
    off = default_config().override({"weights": {ft.name: 0.0 for ft in FEATURES if not ft.qualifier}})
    assert matcher.search(query, config=off) == []
