"""The rule book: rules.yaml loads and checks itself; item scopes; dated status per rule."""

from __future__ import annotations

from datetime import date

import pytest

from screening.errors import Invalid
from screening.rules.context import ItemInfo
from screening.rules.rulebook import ItemScopes, RuleBook


@pytest.fixture(scope="module")
def book():
    return RuleBook.load()


def test_the_shipped_rules_load_with_their_settings(book):
    assert book.rules and len(book.by_id) == len(book.rules)
    assert book.threshold == 50.0 and book.known_horizon == "2026-11-10"
    assert book.measure_outcomes["prohibit_import_export"] == "PROHIBITED"


def test_a_rule_is_found_by_id_and_a_missing_one_is_named(book):
    first = book.rules[0]
    assert book.rule(first.id) is first
    with pytest.raises(KeyError, match="no rule 'NOPE'"):
        book.rule("NOPE")


def test_status_before_a_rule_took_effect(book):
    dated = next(r for r in book.rules if r.effective_from)
    before = date.fromisoformat(dated.effective_from).replace(year=1990)
    assert book.status_at(dated.id, before) == "not_yet_effective"


def test_a_rule_defined_twice_is_refused():
    rule = {"id": "X-1", "title": "t", "regime": "CN", "outcome": "REVIEW"}
    with pytest.raises(Invalid, match="defined twice"):
        RuleBook({"rules": [rule, dict(rule)]})


def test_missing_or_broken_rules_files_say_so(tmp_path):
    with pytest.raises(Invalid, match="not found"):
        RuleBook.load(tmp_path / "absent.yaml")
    (tmp_path / "list.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(Invalid, match="must hold a mapping"):
        RuleBook.load(tmp_path / "list.yaml")


def test_item_scopes_include_and_match():
    scopes = ItemScopes({"magnets": {"kinds": ["magnet"]},
                         "rare": {"elements": ["Dy"], "include": ["magnets"]},
                         "loop": {"include": ["loop"]}})
    dy = ItemInfo("dysprosium oxide", elements=frozenset({"Dy"}))
    magnet = ItemInfo("NdFeB magnet", kinds=frozenset({"magnet"}))
    other = ItemInfo("gallium", elements=frozenset({"Ga"}))
    assert scopes.matching(["rare", "magnets"], magnet) == ["rare", "magnets"]
    assert scopes.match("rare", dy) is True
    assert scopes.match("magnets", other) is False
    assert scopes.match("rare", None) is None
    with pytest.raises(Invalid, match="includes itself"):
        scopes.matching("loop", dy)
