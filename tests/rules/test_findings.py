"""The outcome lattice (rules.md §8.2): severity, the most severe outcome, finding order, the dicts."""

from __future__ import annotations

from datetime import date

from screening.rules.findings import (
    OUTCOMES,
    Determination,
    Finding,
    most_severe,
    severity,
    sort_findings,
)


def finding(outcome: str, **kw) -> Finding:
    return Finding(rule=kw.pop("rule", "r"), outcome=outcome, regime=kw.pop("regime", "CN"),
                   reason="because", **kw)


def test_severity_follows_the_lattice():
    assert [severity(o) for o in OUTCOMES] == list(range(len(OUTCOMES)))
    assert severity("PROHIBITED") < severity("REVIEW") < severity("CLEAR")


def test_most_severe_and_clear_when_empty():
    assert most_severe(["REVIEW", "CASE_BY_CASE", "CLEAR"]) == "CASE_BY_CASE"
    assert most_severe([]) == "CLEAR"


def test_binding_findings_first_then_exact_then_severity_then_score():
    info = finding("CLEAR", rule="info")
    weak = finding("PROHIBITED", rule="weak", score=0.9)
    strong = finding("PROHIBITED", rule="strong", score=0.99)
    exact = finding("REVIEW", rule="exact", exact=True)
    case = finding("CASE_BY_CASE", rule="case", score=1.0)
    order = [f.rule for f in sort_findings([info, case, weak, exact, strong])]
    assert order == ["exact", "strong", "weak", "case", "info"]


def test_finding_dict_omits_empty_optionals_and_rounds_the_score():
    d = finding("PROHIBITED", score=0.123456, exact=True).to_dict()
    assert d["score"] == 0.1235 and d["exact"] is True
    assert "title" not in d and "paths" not in d and "past_horizon" not in d
    assert finding("CLEAR").informational and not finding("REVIEW").informational


def test_determination_dict_maps_the_four_categories():
    review = finding("REVIEW")
    d = Determination(outcome="PROHIBITED", findings=[finding("PROHIBITED"), review],
                      as_of=date(2026, 12, 1), assumption="literal").to_dict()
    assert d["hard_stop"] and d["licence_required"] and d["review_required"]
    assert d["as_of"] == "2026-12-01" and len(d["findings"]) == 2
    clear = Determination(outcome="CLEAR", findings=[], as_of=date(2026, 12, 1),
                          assumption="literal").to_dict()
    assert not clear["hard_stop"] and not clear["licence_required"] and not clear["review_required"]
    assert "if_not_china_origin" not in clear
