"""Trigger helpers: exact hits, measures in force on a day, party categories, item origin."""

from __future__ import annotations

from datetime import date

from screening.lists.catalog import CN_MILITARY_END_USERS
from screening.rules.context import TransactionContext
from screening.rules.rulebook import RuleBook
from screening.rules.triggers import (
    effective_origin,
    is_branch_listing,
    is_exact,
    is_military_user,
    measures_on,
    measures_outcome,
)
from screening.types import Entry, Hit, Name


def entry(list_id="cn-uel", **kw):
    return Entry(id=f"{list_id}:x", list_id=list_id, type="company", names=[Name("X Co", "primary")], **kw)


def test_exact_ignores_case_width_and_punctuation():
    e = entry()
    assert is_exact(Hit(e, "Acme Trading, Ltd.", 1.0, "match", query_name="ACME TRADING LTD"))
    assert not is_exact(Hit(e, "Acme Trading Ltd", 0.9, "match", query_name="Acme Trade"))
    assert not is_exact(Hit(e, "Acme Trading Ltd", 0.9, "match"))


def test_measures_follow_the_changes_up_to_the_day():
    e = entry(measures=["prohibit_import_export"], extra={"measure_changes": [
        {"date": "2026-01-10", "measures": [], "citation": "notice 2"}]})
    assert measures_on(e, date(2026, 1, 9)) == (["prohibit_import_export"], None)
    current, change = measures_on(e, date(2026, 1, 10))
    assert current == [] and change["citation"] == "notice 2"


def test_measures_outcome_is_the_most_severe_or_review():
    book = RuleBook.load()
    assert measures_outcome(["individual_licence_required", "prohibit_import_export"], book) == ("PROHIBITED", None)
    outcome, note = measures_outcome(["sequencer_ban"], book)
    assert outcome == "REVIEW" and "do not restrict trade" in note


def test_military_users_by_list_mark_or_category_criterion():
    assert is_military_user(entry(CN_MILITARY_END_USERS))
    assert is_military_user(entry(extra={"military_user": True}))
    assert is_military_user(entry(extra={"category": {"criterion": {"end_user": ["military"]}}}))
    assert not is_military_user(entry(extra={"category": {"criterion": {"end_use": ["military_ai"]}}}))


def test_branch_listings():
    assert is_branch_listing(entry(extra={"branches": True}))
    assert is_branch_listing(entry(remarks="TechInsights Inc. and its branches"))
    assert not is_branch_listing(entry(remarks="a plain listing"))


def test_a_china_origin_share_means_the_item_is_made_abroad():
    assert effective_origin(TransactionContext(item_origin="CN")) == "CN"
    assert effective_origin(TransactionContext(cn_origin_share=0.3)) == "foreign"
    assert effective_origin(TransactionContext()) is None
