"""Screening history: every answer kept by the audit hook, searchable, openable as answered."""

from __future__ import annotations

import csv
import io
import json

import pytest

from screening.errors import NotFound
from screening.service.accounts import User
from screening.service.audit import AuditLog, BulkRun, record_screenings, result_json
from screening.service.history import History, Search, visible_to
from tests.service.desk_fixtures import answer


@pytest.fixture
def log(store):
    return AuditLog(store)


def test_each_screening_is_kept_as_answered_with_the_audit_hash(store, log):
    result = answer()
    (ref,) = record_screenings(log, "sam", via="api", results=[result])
    kept = History(store).get(ref)
    assert kept["result"] == json.loads(result_json(result))
    assert kept["intact"] is True
    (record,) = list(log.records())
    assert kept["result_sha256"] == json.loads(record["detail"])["result_sha256"]
    assert (kept["user"], kept["via"], kept["name"], kept["outcome"], kept["as_of"]) == (
        "sam", "api", "Skydio Inc.", "REVIEW", "2026-12-05")
    assert kept["list_versions"] == {"cn-uel": 1}
    assert kept["at"] == record["at"]


def test_search_by_folded_name_outcome_user_source_and_dates(store, log):
    record_screenings(log, "sam", via="ui", results=[answer("Skydio Inc.")])
    record_screenings(log, "rita", via="api", results=[answer("Siemens AG", outcome="CLEAR")])
    h = History(store)
    assert [r["name"] for r in h.search(Search(name="ＳＫＹＤＩＯ"))] == ["Skydio Inc."]
    assert [r["name"] for r in h.search(Search(outcome="clear"))] == ["Siemens AG"]
    assert [r["user"] for r in h.search(Search(user="sam"))] == ["sam"]
    assert [r["via"] for r in h.search(Search(via="api"))] == ["api"]
    today = h.search(Search())[0]["at"][:10]
    assert len(h.search(Search(since=today, until=today))) == 2
    assert h.search(Search(until="2000-01-01")) == []


def test_screeners_see_their_own_reviewers_see_all(store, log):
    record_screenings(log, "sam", via="ui", results=[answer("Skydio Inc.")])
    (ref,) = record_screenings(log, "tom", via="ui", results=[answer("Acme")])
    sam = User(1, "sam", "screener")
    assert visible_to(User(2, "rita", "reviewer")) is None
    assert [r["user"] for r in History(store).search(Search(), only_user=visible_to(sam))] == ["sam"]
    with pytest.raises(NotFound):
        History(store).get(ref, only_user=visible_to(sam))


def test_bulk_keeps_the_file_and_each_non_clear_row_only(store, log, tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("name,outcome\nSkydio,REVIEW\nAcme Bakery,CLEAR\n")
    flagged = [(2, result_json(answer("Skydio")))]
    run = BulkRun(filename="in.csv", input_path=str(out), output_path=str(out), as_of="2026-12-05",
                  after_horizon="flag", list_versions={"cn-uel": 1}, rows=2,
                  counts={"REVIEW": 1, "CLEAR": 1}, flagged=flagged)
    (ref,) = record_screenings(log, "sam", via="cli-bulk", run=run)
    h = History(store)
    rows = h.search(Search())
    assert sorted((r["kind"], r["row"]) for r in rows) == [("bulk", None), ("bulk-row", 2)]
    file = h.get(ref)
    (record,) = list(log.records())
    assert file["result_sha256"] == json.loads(record["detail"])["output_sha256"]
    assert [f["row"] for f in file["flagged"]] == [2]
    row = h.get(ref, 2)
    assert row["result"]["query"]["name"] == "Skydio" and row["intact"] is True
    assert [r["kind"] for r in h.search(Search(name="acme bakery"))] == []


def test_csv_export_of_a_search(store, log):
    record_screenings(log, "sam", via="ui", results=[answer("Skydio Inc."), answer("Other")])
    buf = io.StringIO()
    assert History(store).export_csv(buf, Search(name="skydio")) == 1
    table = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert table[0]["name"] == "Skydio Inc." and table[0]["outcome"] == "REVIEW"


def test_a_journaled_event_keeps_its_answer(store, log):
    """The web writer journals events while the lock is held: the answer travels with them."""
    from dataclasses import asdict

    from screening.service.audit import Event, screening_event

    ev = screening_event(answer(), "sam", via="api")
    again = Event(**json.loads(json.dumps(asdict(ev))))
    log.append_many([again])
    assert History(store).get(ev.ref)["intact"] is True


def test_csv_export_neutralises_formulas(store, log):
    record_screenings(log, "sam", via="ui", results=[answer('=HYPERLINK("http://x")')])
    buf = io.StringIO()
    History(store).export_csv(buf, Search())
    assert list(csv.DictReader(io.StringIO(buf.getvalue())))[0]["name"].startswith("'=")
