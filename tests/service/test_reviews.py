"""The review queue: REVIEW answers from any door, one item per party and entries, four eyes."""

from __future__ import annotations

import json
from datetime import date

import pytest

from screening import settings
from screening.errors import Forbidden, Invalid
from screening.service.audit import AuditLog, BulkRun, record_screenings, result_json
from screening.service.decisions import DecisionBook
from screening.service.reviews import ReviewQueue
from screening.types import Hit
from tests.service.desk_fixtures import ENTRIES, answer, seed


@pytest.fixture
def log(store):
    seed(store)
    return AuditLog(store)


@pytest.fixture
def queue(store, log):
    return ReviewQueue(store, log)


def screen(log, result, via="api", user="sam"):
    return record_screenings(log, user, via=via, results=[result])[0]


def test_a_review_answer_opens_one_item_and_a_rescreen_refreshes_it(queue, log):
    ref = screen(log, answer())
    screen(log, answer(), via="ui")
    screen(log, answer("Siemens AG", outcome="CLEAR"))
    (item,) = queue.search()
    assert item["screenings"] == 2 and item["status"] == "open"
    assert item["entry_ids"] == ["cn-uel:skydio"] and item["would_be"] == "PROHIBITED"
    assert item["evidence"]["hits"][0]["score"] == 0.9
    assert [e["kind"] for e in queue.get(item["id"])["events"]] == ["opened"]
    assert ref in queue.get(item["id"])["events"][0]["text"]


def test_bulk_rows_and_monitoring_feed_the_same_queue(queue, log, tmp_path):
    out = tmp_path / "o.csv"
    out.write_text("x")
    run = BulkRun(filename="f.csv", input_path=str(out), output_path=str(out), as_of=None,
                  after_horizon=None, list_versions=None,
                  flagged=[(2, result_json(answer("Acme Optics", entry_id="us-el:acme")))])
    record_screenings(log, "sam", via="cli-bulk", run=run)
    screen(log, answer(), via="monitor")
    assert sorted(i["via"] for i in queue.search()) == ["cli-bulk", "monitor"]


def test_changed_evidence_refreshes_an_open_item_and_reopens_a_closed_one(queue, log):
    screen(log, answer(would_be="CASE_BY_CASE"))
    (item,) = queue.search()
    screen(log, answer(score=0.8, would_be="CASE_BY_CASE"))
    assert queue.get(item["id"])["events"][-1]["kind"] == "refreshed"
    queue.decide(item["id"], "rita", "true_match", "same drone maker", via="api")
    screen(log, answer(score=0.8, would_be="CASE_BY_CASE"))  # same evidence: stays decided
    assert queue.get(item["id"])["status"] == "closed"
    screen(log, answer(score=0.75, would_be="CASE_BY_CASE"))
    again = queue.get(item["id"])
    assert again["status"] == "open" and again["events"][-1]["kind"] == "reopened"
    assert len(queue.search({"status": "all"})) == 1


def test_four_eyes_on_a_potential_prohibited_match(queue, log, store):
    """Clearing a potential PROHIBITED match needs a second, different reviewer."""
    screen(log, answer())
    (item,) = queue.search()
    first = queue.decide(item["id"], "rita", "false_positive", "a bakery in Ohio", via="ui")
    assert first["status"] == "pending" and first["needs_second"]
    assert [i["id"] for i in queue.search()] == [item["id"]]  # still open: not closed
    assert queue.search({"status": "new"}) == []
    assert DecisionBook(store).latest("Skydio Inc.", None, ["cn-uel:skydio"]) == {}
    with pytest.raises(Forbidden):
        queue.decide(item["id"], "rita", "false_positive", "really", via="ui")
    done = queue.decide(item["id"], "ada", "false_positive", "agreed", via="ui")
    assert (done["status"], done["decision"], done["decided_by"]) == (
        "closed", "false_positive", "ada")
    (mine,) = queue.for_party("SKYDIO inc.", None)
    assert mine["id"] == item["id"] and mine["events"][-1]["kind"] == "confirmed"
    book = DecisionBook(store, today=date.today)
    hit = Hit(entry=ENTRIES[0], matched_name="Skydio", score=0.9, strength="review")
    kept, cleared = book.apply("skydio inc.", None, [hit])
    assert kept == [] and cleared[0]["status"] == "cleared"
    actions = [(r["action"], r["outcome"]) for r in log.records() if r["action"] != "screen"]
    assert actions == [("review", "cleared-first"), ("review", "confirmed"),
                       ("decision", "false_positive")]


def test_four_eyes_can_be_turned_off_and_spares_lesser_outcomes(queue, log, monkeypatch):
    screen(log, answer(would_be="CASE_BY_CASE"))
    screen(log, answer("Acme Optics", entry_id="us-el:acme"))
    lesser, prohibited = sorted(queue.search(), key=lambda i: i["name"] != "Skydio Inc.")
    assert queue.decide(lesser["id"], "rita", "false_positive", "no", via="api")["status"] == "closed"
    monkeypatch.setattr(settings, "FOUR_EYES", False)
    assert queue.decide(prohibited["id"], "rita", "false_positive", "no",
                        via="api")["status"] == "closed"


def test_assign_comment_escalate_are_audited_and_filterable(queue, log):
    screen(log, answer())
    screen(log, answer("Acme Optics", entry_id="us-el:acme", regime="US", score=0.72))
    skydio = next(i for i in queue.search() if i["name"] == "Skydio Inc.")
    queue.assign(skydio["id"], "ada", "rita", via="ui")
    queue.comment(skydio["id"], "rita", "asked sales for the address", via="ui")
    queue.decide(skydio["id"], "rita", "escalate", "needs legal", via="ui")
    item = queue.get(skydio["id"])
    assert item["status"] == "escalated" and item["assignee"] == "rita"
    assert [e["kind"] for e in item["events"]] == ["opened", "assign", "comment", "escalate"]
    audited = [json.loads(r["detail"])["review_id"] for r in log.records()
               if r["action"] == "review"]
    assert audited == [skydio["id"]] * 3
    assert [i["name"] for i in queue.search({"assignee": "rita"})] == ["Skydio Inc."]
    assert [i["name"] for i in queue.search({"status": "escalated"})] == ["Skydio Inc."]
    assert [i["name"] for i in queue.search({"list": "us-el"})] == ["Acme Optics"]
    assert [i["name"] for i in queue.search({"regime": "cn"})] == ["Skydio Inc."]
    assert [i["name"] for i in queue.search({"max_score": 0.8})] == ["Acme Optics"]
    assert [i["name"] for i in queue.search({"q": "ＡＣＭＥ"})] == ["Acme Optics"]
    assert len(queue.search({"min_age_days": 1})) == 0 and len(queue.search({"max_age_days": 1})) == 2
    with pytest.raises(Invalid):
        queue.search({"status": "nope"})
    with pytest.raises(Invalid):
        queue.decide(skydio["id"], "rita", "maybe", "x", via="ui")


def test_new_evidence_withdraws_a_pending_clearance(queue, log):
    """The second reviewer must not confirm a clearance made on evidence that has changed."""
    screen(log, answer())
    (item,) = queue.search()
    queue.decide(item["id"], "rita", "false_positive", "not them", via="ui")
    screen(log, answer(score=0.75))
    again = queue.get(item["id"])
    assert (again["status"], again["first_by"]) == ("open", None)
    assert "first clearance withdrawn" in again["events"][-1]["text"]
    assert queue.decide(item["id"], "ada", "false_positive", "x", via="ui")["status"] == "pending"
