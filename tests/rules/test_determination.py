"""The rules file and the engine's building blocks: every §8.4 rule, its dates, the
checks on the YAML, the outcome lattice, US policy resolution."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from screening import settings
from screening.lists.catalog import CN_LIST_IDS, US_LIST_IDS
from screening.rules.context import classify_item
from screening.errors import Invalid
from screening.rules.findings import OUTCOMES, Finding, most_severe, severity
from screening.rules.determination import HORIZONS, RuleBook, determine, entry_status_at
from screening.types import Entry, Name, StatusEvent

RULES = RuleBook.load()

#: rules.md §8.4 rule ids plus the ones the brief names.
SPEC_RULES = ["CN-18", "CN-46-A1", "CN-46-A2", "CN-55", "CN-56", "CN-57", "CN-58", "CN-61-A1-1",
              "CN-61-A1-2", "CN-61-A1-3", "CN-61-A2", "CN-61-A3", "CN-61-A4", "CN-62", "CN-2026-1",
              "CN-UEL", "CN-ECL", "CN-EWL", "CN-CM", "US-EL", "US-MEU", "US-AFFIL", "US-TGL7",
              "OFAC-SDN", "OFAC-50", "US-DPL", "US-UVL", "US-SSI", "US-ISN", "US-DTC", "US-CMIC",
              "US-PLC", "US-MBS", "US-FSE", "US-CAP", "OWN-LIST"]


def test_default_rules_file_is_the_settings_one():
    assert RULES.source == str(settings.RULES_FILE)
    assert HORIZONS == ("literal", "extended", "flag")
    assert OUTCOMES == ("PROHIBITED", "PRESUMPTION_OF_DENIAL", "CASE_BY_CASE", "LICENSE_REQUIRED", "REVIEW", "CLEAR")


@pytest.mark.parametrize("rule_id", SPEC_RULES)
def test_every_rule_is_complete(rule_id):
    rule = RULES.rule(rule_id)
    assert rule.title and rule.reason and rule.citation and rule.confidence
    assert rule.regime in ("CN", "US", "OWN")


def test_every_list_has_a_rule():
    listed = {lid for r in RULES.rules for lid in r.applies_to.get("lists", [])}
    assert set(CN_LIST_IDS) - {"cn-military-end-users", "cn-semiconductor-end-users"} <= listed
    assert set(US_LIST_IDS) <= listed
    assert "us-el-reported" in listed  # the project's press-report list (rule US-EL-REPORTED)


# rules.md §8.4, day by day. China: 2026-11-10 is the last suspended day; BIS: 2026-11-09.
@pytest.mark.parametrize("rule_id, day, horizon, status", [
    ("CN-18", "2025-04-03", "literal", "not_yet_effective"),
    ("CN-18", "2025-04-04", "literal", "active"),
    ("CN-18", "2026-11-22", "flag", "active"),
    ("CN-46-A1", "2026-11-22", "extended", "active"),
    ("CN-46-A2", "2025-11-08", "literal", "active"),
    ("CN-46-A2", "2025-11-09", "literal", "suspended"),
    ("CN-46-A2", "2026-11-27", "literal", "suspended"),
    ("CN-46-A2", "2026-11-28", "literal", "active"),
    ("CN-46-A2", "2026-11-28", "extended", "suspended"),
    ("CN-46-A2", "2026-11-28", "flag", "unknown"),
    ("CN-57", "2025-11-07", "literal", "not_yet_effective"),
    ("CN-57", "2025-11-08", "literal", "suspended"),
    ("CN-57", "2026-11-10", "literal", "suspended"),
    ("CN-57", "2026-11-11", "literal", "active"),
    ("CN-57", "2026-11-11", "extended", "suspended"),
    ("CN-57", "2026-11-11", "flag", "unknown"),
    ("CN-61-A2", "2025-10-08", "literal", "not_yet_effective"),
    ("CN-61-A2", "2025-10-09", "literal", "active"),
    ("CN-61-A2", "2025-11-06", "literal", "active"),
    ("CN-61-A2", "2025-11-07", "literal", "suspended"),
    ("CN-61-A1-1", "2025-11-30", "literal", "not_yet_effective"),
    ("CN-61-A1-1", "2025-12-01", "literal", "suspended"),
    ("CN-61-A1-1", "2026-11-22", "literal", "active"),
    ("CN-62", "2026-11-22", "flag", "unknown"),
    ("CN-2026-1", "2026-01-05", "literal", "not_yet_effective"),
    ("CN-2026-1", "2026-01-06", "literal", "active"),
    ("US-AFFIL", "2025-09-28", "literal", "not_yet_effective"),
    ("US-AFFIL", "2025-09-29", "literal", "active"),
    ("US-AFFIL", "2025-11-10", "literal", "suspended"),
    ("US-AFFIL", "2026-11-09", "literal", "suspended"),
    ("US-AFFIL", "2026-11-10", "literal", "active"),
    ("US-AFFIL", "2026-11-10", "extended", "suspended"),
    ("US-AFFIL", "2026-11-10", "flag", "unknown"),
    ("US-TGL7", "2025-11-28", "literal", "active"),
    ("US-TGL7", "2025-11-29", "literal", "expired"),
    ("OFAC-50", "2014-08-12", "literal", "not_yet_effective"),
    ("OFAC-50", "2026-11-22", "flag", "active"),
])
def test_status_at(rule_id, day, horizon, status):
    assert RULES.status_at(rule_id, date.fromisoformat(day), horizon) == status


def test_entry_status_at_uses_the_same_logic():
    skydio = Entry(id="cn-uel:skydio", list_id="cn-uel", type="company", names=[Name("Skydio, Inc.")],
                   status_history=[StatusEvent("2025-04-04", "listed"),
                                   StatusEvent("2025-11-10", "suspended", until="2026-11-10", horizon=True)])
    assert entry_status_at(skydio, date(2025, 4, 3), "literal") == ("not_yet_effective", skydio.status_history[0])
    assert entry_status_at(skydio, date(2025, 6, 1), "literal")[0] == "active"
    assert entry_status_at(skydio, date(2026, 6, 1), "literal")[0] == "suspended"
    assert entry_status_at(skydio, date(2026, 11, 22), "literal")[0] == "active"
    assert entry_status_at(skydio, date(2026, 11, 22), "extended")[0] == "suspended"
    assert entry_status_at(skydio, date(2026, 11, 22), "flag")[0] == "unknown"


def test_entry_without_history_is_listed_from_listed_on():
    e = Entry(id="us-el:x", list_id="us-el", type="company", names=[Name("X")], listed_on="2020-12-18")
    assert entry_status_at(e, date(2020, 12, 17), "literal")[0] == "not_yet_effective"
    assert entry_status_at(e, date(2020, 12, 18), "literal")[0] == "active"


def test_bad_horizon_is_422():
    with pytest.raises(Invalid, match="after-horizon must be one of literal, extended, flag"):
        determine(hits=[], context=None, as_of=date(2026, 11, 22), horizon="optimistic", rulebook=RULES)


# ------------------------------------------------------------------ YAML checks

def _book(rule: dict, **top) -> RuleBook:
    base = {"id": "X-1", "title": "t", "regime": "CN", "outcome": "PROHIBITED", "reason": "r"}
    return RuleBook({"item_scopes": {"s": {"elements": ["Tb"]}}, "rules": [{**base, **rule}], **top}, "test.yaml")


@pytest.mark.parametrize("rule, message", [
    ({"outcome": "BANNED"}, "unknown outcome 'BANNED'"),
    ({"regime": "EU"}, "regime must be one of"),
    ({"applies_to": {"lists": ["cn-uel"], "vibes": True}}, "unknown trigger 'vibes'"),
    ({"requires": {"colour": "red"}}, "unknown condition 'colour'"),
    ({"requires": {"items": "nope"}}, "unknown item scope 'nope'"),
    ({"effective_from": "2025-13-45"}, "is not a date"),
    ({"suspensions": [{"to": "2026-11-10"}]}, "a suspension needs 'from'"),
    ({"reasons": {"ownership": "x"}, "applies_to": {"lists": ["cn-uel"]}}, "not one of its triggers"),
    ({"follows": "NOPE"}, "follows unknown rule"),
])
def test_rules_file_mistakes_are_refused(rule, message):
    with pytest.raises(Invalid, match=message):
        _book(rule)


def test_duplicate_rule_id_is_refused():
    with pytest.raises(Invalid, match="defined twice"):
        RuleBook({"rules": [{"id": "A", "title": "t", "regime": "CN", "outcome": "REVIEW"}] * 2})


def test_missing_or_broken_rules_file(tmp_path):
    with pytest.raises(Invalid, match="rules file not found"):
        RuleBook.load(tmp_path / "absent.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("rules: [", encoding="utf-8")
    with pytest.raises(Invalid, match="not valid YAML"):
        RuleBook.load(bad)


def test_rules_file_round_trips_through_yaml(tmp_path):
    data = yaml.safe_load(settings.RULES_FILE.read_text(encoding="utf-8"))
    data["rules"] = [r for r in data["rules"] if r["id"] != "CN-18"]
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    book = RuleBook.load(path)
    assert "CN-18" not in book.by_id and "CN-57" in book.by_id


# ------------------------------------------------------------------ item scopes

@pytest.mark.parametrize("item, scope, expected", [
    ("Tb", "no18_rare_earths", True),
    ("1C905", "no18_rare_earths", True),
    ("holmium", "no18_rare_earths", False),
    ("holmium", "no57_rare_earths", True),
    ("NdFeB magnet", "rare_earth_items", True),
    ("cerium oxide", "rare_earth_items", False),
    ("gallium", "cn_dual_use", True),
    ("3A001", "cn_dual_use", True),  # any control code is taken to be on the list
    ("EAR99", "cn_dual_use", None),  # a US classification says nothing about China's list
    ("widgets", "cn_dual_use", None),
    (None, "cn_dual_use", None),
])
def test_item_scopes(item, scope, expected):
    assert RULES.scopes.match(scope, classify_item(item)) is expected


# ------------------------------------------------------------------ lattice and policies

def test_lattice_order():
    assert severity("PROHIBITED") < severity("PRESUMPTION_OF_DENIAL") < severity("CASE_BY_CASE")
    assert severity("LICENSE_REQUIRED") < severity("REVIEW") < severity("CLEAR")
    assert most_severe(["REVIEW", "LICENSE_REQUIRED", "CLEAR"]) == "LICENSE_REQUIRED"
    assert most_severe([]) == "CLEAR"


def test_finding_to_dict_has_the_brief_fields():
    f = Finding(rule="CN-UEL", outcome="REVIEW", regime="CN", reason="r", would_be="PROHIBITED",
                depends_on=["item_origin"], path=[{"entity": "a", "name": "A", "percent": 60}])
    d = f.to_dict()
    for key in ("rule", "outcome", "regime", "reason", "citation", "effective_from", "effective_to", "status",
                "assumption", "entry_id", "list_id", "would_be", "depends_on", "path", "policy_text",
                "partial", "nexus_unknown", "url"):
        assert key in d
    assert d["would_be"] == "PROHIBITED"


def test_every_reason_template_fills_without_error():
    from screening.rules.determination import _Fields

    for rule in RULES.rules:
        for template in (rule.reason, *rule.reasons.values()):
            text = template.format_map(_Fields())
            assert "{" not in text and text.strip()


def test_unmatched_fast_path_equals_full_evaluation():
    """A party with no hits gets the cached answer, identical to evaluating every rule."""
    from datetime import date

    from screening.rules import determination as rules
    from screening.rules.context import TransactionContext

    rb = rules.RuleBook.load()
    for as_of in (date(2025, 1, 1), date(2026, 6, 1), date(2026, 11, 22)):
        for horizon in rules.HORIZONS:
            fast = rules.determine(hits=[], context=None, as_of=as_of, horizon=horizon,
                                   rulebook=rb, party_keys=["name:acme"])
            full = rules._determine([], [], TransactionContext(), as_of, horizon, rb, None,
                                    ["name:acme"], lambda _id: None, [])
            assert fast.to_dict() == full.to_dict()
