"""The PDF screening record (issue 16 item 4), read back by extracting its text."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from screening import settings
from screening.cli import cli
from screening.errors import ScreeningError

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(autouse=True)
def pdf_fonts():
    """The fonts .ci/run installs; elsewhere the tests say what is missing and skip."""
    missing = [p for p in (settings.PDF_FONT, settings.PDF_CJK_FONT) if not Path(p).is_file()]
    if missing and not os.environ.get("CI"):
        pytest.skip(f"PDF fonts absent: {missing} (apt-get install fonts-dejavu-core "
                    "fonts-droid-fallback)")


def pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def squeeze(text: str) -> str:
    """Text without whitespace: a line break may fall anywhere in a wrapped paragraph."""
    return re.sub(r"\s+", "", text)


def run(db_path, *args):
    res = CliRunner().invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res.output


def test_report_skydio_holds_outcome_citations_and_audit_record(db_path, tmp_path):
    out = tmp_path / "r.pdf"
    printed = run(db_path, "report", "Skydio Inc.", "--as-of", "2026-12-05", "-o", str(out))
    expected = json.loads(run(db_path, "check", "Skydio Inc.", "--as-of", "2026-12-05", "--json"))
    text = pdf_text(out.read_bytes())
    assert expected["outcome"] == "PROHIBITED" and "Outcome: PROHIBITED" in text
    citations = {f["citation"] for f in expected["findings"] if f.get("citation")}
    assert citations and all(squeeze(c) in squeeze(text) for c in citations)
    for f in expected["findings"]:
        assert squeeze(f["reason"]) in squeeze(text)
    assert "As of: 2026-12-05" in text and "After-horizon assumption: literal" in text
    assert all(f"{k} v{v}" in text for k, v in expected["list_versions"].items())
    # the audit record of the report's own screening: its ref and result hash are printed
    from screening.lists.store import open_store
    from screening.service.audit import AuditLog

    rec = [r for r in AuditLog(open_store(db_path)).records() if r["action"] == "screen"][0]
    detail = json.loads(rec["detail"])
    assert detail["via"] == "cli" and rec["subject"] == "Skydio Inc."
    ref = re.search(r"record (\w+) written", printed).group(1)
    assert f"Audit reference: {ref}" in text
    assert squeeze(detail["result_sha256"]) in squeeze(text)
    assert "Screened by:" in text and "Screened at:" in text


def test_chinese_name_round_trips(db_path, tmp_path):
    out = tmp_path / "zh.pdf"
    run(db_path, "report", "斯凯迪奥公司", "--alias", "深圳大疆创新科技有限公司",
        "--as-of", "2026-11-22", "-o", str(out))
    text = pdf_text(out.read_bytes())
    assert "斯凯迪奥公司" in text and "深圳大疆创新科技有限公司" in text
    assert "Skydio" in text  # the English listing it found
    assert "不可靠实体清单" in squeeze(text)  # a MOFCOM citation, in Chinese


def test_review_decisions_are_in_the_record(db_path):
    from screening.service.report import pdf_record, review_decisions
    from screening.service.screen import open_screener

    screener = open_screener(str(db_path))
    first = screener.check("Skydio Inc.", as_of="2026-12-05").to_dict()
    cleared_id, matched_id = [h["entry_id"] for h in first["hits"]][:2]
    screener.decisions.record("Skydio Inc.", None, cleared_id, "false_positive",
                              "different company, other address", "rev1")
    screener.decisions.record("Skydio Inc.", None, matched_id, "true_match",
                              "same company", "rev2")
    result = screener.check("Skydio Inc.", as_of="2026-12-05").to_dict()
    decisions = review_decisions(screener.decisions, result)
    assert {d["status"] for d in decisions} == {"cleared", "true match"}
    text = pdf_text(pdf_record(result, user="alice", audit_ref="abc", decisions=decisions))
    assert f"cleared: Skydio, Inc. ({cleared_id}) by rev1" in text
    assert f"true match: Skydio, Inc. ({matched_id}) by rev2" in text
    assert squeeze("different company, other address") in squeeze(text)
    assert squeeze("— same company") in squeeze(text)


def test_a_missing_font_is_a_clear_error(monkeypatch):
    from screening.service.report import pdf_record

    monkeypatch.setattr(settings, "PDF_CJK_FONT", "/nonexistent/font.ttf")
    with pytest.raises(ScreeningError, match="fonts-droid-fallback"):
        pdf_record({"query": {"name": "x"}, "outcome": "CLEAR"}, user="u", audit_ref="r")


def test_report_takes_every_option_of_check():
    def options(name):
        return {o for p in cli.commands[name].params for o in p.opts + p.secondary_opts} - {"--json"}

    assert options("check") <= options("report")
    assert options("report") - options("check") == {"-o", "--output"}


def test_review_queue_steps_are_in_the_record(store):
    """The PDF holds "any review decisions": the queue's steps (four eyes) as well as the DecisionBook's."""
    from screening.service.audit import AuditLog, record_screenings
    from screening.service.report import pdf_record
    from screening.service.reviews import ReviewQueue
    from tests.service.desk_fixtures import answer, seed

    seed(store)
    log = AuditLog(store)
    record_screenings(log, "sam", via="api", results=[answer()])
    queue = ReviewQueue(store, log)
    (item,) = queue.search()
    queue.comment(item["id"], "rita", "checking the address", via="ui")
    queue.decide(item["id"], "rita", "false_positive", "a bakery in Ohio", via="ui")
    text = pdf_text(pdf_record(answer(), user="sam", audit_ref="abc",
                               queue=queue.for_party("Skydio Inc.", None)))
    assert f"Item {item['id']}: pending" in text and "(would be PROHIBITED)" in text
    assert squeeze("rita comment: checking the address") in squeeze(text)
    assert squeeze("a bakery in Ohio") in squeeze(text)
