"""Review decisions: false positives remembered, reopened when the entry changes, expiring."""

from __future__ import annotations

from datetime import date

import pytest

from screening.service.decisions import DecisionBook, fingerprint, normalize_name
from screening.errors import Invalid, NotFound
from screening.lists.store import VersionInfo
from screening.types import Entry, Hit, Name

INFO = VersionInfo(source="own", location="test", format="own-csv", sha256="x")


def entry(remarks: str | None = None) -> Entry:
    return Entry(id="us-el:huawei-1", list_id="us-el", type="company",
                 names=[Name("Huawei Technologies Co., Ltd."), Name("华为技术有限公司", "chinese")],
                 countries=["CN"], remarks=remarks)


def hit(e: Entry) -> Hit:
    return Hit(entry=e, matched_name=e.name, score=0.78, strength="review",
               explanation=["token overlap"])


@pytest.fixture
def book(store):
    store.put_lists({"us-el": [entry()]}, INFO)
    return DecisionBook(store, today=lambda: date(2026, 11, 22))


def test_normalize_name():
    assert normalize_name("  Huawei  Technologies, Co. LTD ") == "huawei technologies co ltd"
    assert normalize_name("ＨＵＡＷＥＩ") == "huawei"
    assert fingerprint("Huawei Tech.", "cn") == "huawei tech|CN"
    assert fingerprint("华为", None) == "华为|"


def test_false_positive_clears_same_counterparty(book):
    book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive",
                "different company: a bakery in Lyon", "alice")
    hits, cleared = book.apply("huawei  TECH", "cn", [hit(entry())])
    assert hits == []
    assert [(c["status"], c["by"], c["entry_id"]) for c in cleared] == [
        ("cleared", "alice", "us-el:huawei-1")]
    assert cleared[0]["note"].startswith("cleared by alice on 20")


def test_other_counterparty_or_country_not_cleared(book):
    book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive", "bakery", "alice")
    assert len(book.apply("Huawei Tech", "FR", [hit(entry())])[0]) == 1
    assert len(book.apply("Huawei Technologies", "CN", [hit(entry())])[0]) == 1


def test_reopens_when_entry_changes(book, store):
    book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive", "bakery", "alice")
    store.put_lists({"us-el": [entry(remarks="new address added")]}, INFO)
    hits, notes = book.apply("Huawei Tech", "CN", [hit(entry())])
    assert len(hits) == 1
    assert notes[0]["status"] == "reopened"
    assert notes[0]["note"].startswith("reopened: entry changed since decision of ")
    assert hits[0].explanation[-1] == notes[0]["note"]


def test_expired_decision_raises_hit_again(store):
    store.put_lists({"us-el": [entry()]}, INFO)
    book = DecisionBook(store, today=lambda: date(2026, 11, 22))
    book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive", "bakery", "alice",
                expires_on="2026-12-31")
    later = DecisionBook(store, today=lambda: date(2027, 1, 1))
    hits, notes = later.apply("Huawei Tech", "CN", [hit(entry())])
    assert len(hits) == 1 and notes[0]["status"] == "expired"
    assert len(book.apply("Huawei Tech", "CN", [hit(entry())])[0]) == 0


def test_default_validity(book, monkeypatch):
    d = book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive", "bakery", "alice")
    assert d["expires_on"] == "2027-11-22"
    monkeypatch.setenv("SCREENING_DECISION_DAYS", "0")
    d = book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive", "bakery", "alice")
    assert d["expires_on"] is None


def test_latest_decision_wins(book):
    book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive", "bakery", "alice")
    book.record("Huawei Tech", "CN", "us-el:huawei-1", "true_match", "it is them", "bob")
    hits, notes = book.apply("Huawei Tech", "CN", [hit(entry())])
    assert notes == []
    assert hits[0].explanation[-1].startswith("reviewed: true match (by bob on ")


def test_hit_object_not_mutated(book):
    h = hit(entry())
    book.record("Huawei Tech", "CN", "us-el:huawei-1", "true_match", "it is them", "bob")
    book.apply("Huawei Tech", "CN", [h])
    assert h.explanation == ["token overlap"]


@pytest.mark.parametrize("kwargs,error", [
    ({"decision": "maybe"}, Invalid),
    ({"reason": "  "}, Invalid),
    ({"expires_on": "2020-01-01"}, Invalid),
    ({"expires_on": "tomorrow"}, Invalid),
    ({"entry_id": "us-el:nope"}, NotFound),
    ({"reason": "\u200b"}, Invalid),  # only a zero-width space
    ({"reason": "\u200e\u2066\ufeff \u0301"}, Invalid),  # marks, isolates, BOM, a combining mark
    ({"name": "!!! ---"}, Invalid),  # folds to nothing
    ({"name": "\u200b\u200d"}, Invalid),
    ({"expires_on": "9999-12-31"}, Invalid),  # around the 365-day limit
    ({"expires_on": "2027-11-23"}, Invalid),  # one day too many
])
def test_record_rejects(book, kwargs, error):
    args = {"name": "Huawei Tech", "country": "CN", "entry_id": "us-el:huawei-1",
            "decision": "false_positive", "reason": "bakery", "user": "alice", **kwargs}
    with pytest.raises(error):
        book.record(**args)


def test_no_hits_no_query(book):
    assert book.apply("anything", None, []) == ([], [])


def test_expiry_up_to_the_limit_is_accepted(book, monkeypatch):
    d = book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive", "bakery", "alice",
                    expires_on="2027-11-22")
    assert d["expires_on"] == "2027-11-22"
    monkeypatch.setenv("SCREENING_DECISION_DAYS", "30")
    with pytest.raises(Invalid, match="at most 2026-12-22"):
        book.record("Huawei Tech", "CN", "us-el:huawei-1", "false_positive", "bakery", "alice",
                    expires_on="2027-01-01")
