"""Rows to queries, results to cells."""

from __future__ import annotations

import json

import pytest

from screening.bulk.columns import map_columns
from screening.bulk.rows import (Query, RowDefaults, RowError, build_query, output_columns,
                                 result_cells, screen_queries, split_aliases,
                                 summarise_findings)

DEFAULTS = RowDefaults(as_of="2026-11-22", after_horizon="literal")


def test_build_query_from_a_chinese_row():
    cmap = map_columns(["客户名称", "国家", "别名", "地址"])
    q = build_query(cmap, [" 华为技术有限公司 ", "CN", "Huawei; 华为 | HW", "深圳"], DEFAULTS)
    assert q == Query(name="华为技术有限公司", country="CN", aliases=("Huawei", "华为", "HW"),
                      address="深圳", as_of="2026-11-22", after_horizon="literal")


def test_context_columns_override_file_wide_context():
    cmap = map_columns(["name", "item", "end use", "cn share"])
    defaults = RowDefaults(as_of="2026-11-22", after_horizon="flag",
                           context=(("item", "Tb"), ("us_person", True)))
    q = build_query(cmap, ["Acme", "1C904", "military", "0.5%"], defaults)
    assert q.context_dict() == {"item": "1C904", "end_use": "military",
                                "cn_origin_share": "0.5%", "us_person": True}
    assert build_query(cmap, ["Acme", "", "", ""], defaults).context_dict() == {
        "item": "Tb", "us_person": True}


def test_per_row_as_of_column():
    cmap = map_columns(["name", "as_of"])
    assert build_query(cmap, ["Acme", "2025-01-01"], DEFAULTS).as_of == "2025-01-01"
    assert build_query(cmap, ["Acme", ""], DEFAULTS).as_of == "2026-11-22"


@pytest.mark.parametrize("cells, message", [
    (["", "CN"], "name is empty"),
    (["   ", "CN"], "name is empty"),
    (["Acme\x00\x01\x02", "CN"], "name holds control characters (binary data); not screened"),
    (["Acme \udcff\udcfe", "CN"], "row holds bytes that are not valid in the file's encoding; not screened"),
])
def test_rows_that_cannot_be_screened(cells, message):
    with pytest.raises(RowError) as exc:
        build_query(map_columns(["name", "country"]), cells, DEFAULTS)
    assert str(exc.value) == message


def test_undecodable_bytes_outside_the_screened_columns_are_harmless():
    q = build_query(map_columns(["name", "notes"]), ["Acme", "\udcff"], DEFAULTS)
    assert q.name == "Acme"


def test_equal_rows_share_a_digest_and_different_rows_do_not():
    a = Query("Acme", "US", as_of="2026-11-22")
    assert a.digest() == Query("Acme", "US", as_of="2026-11-22").digest()
    assert a.digest() != Query("Acme", "CN", as_of="2026-11-22").digest()
    assert a.digest() != Query("Acme", "US", as_of="2026-11-23").digest()
    assert len(a.digest()) == 16


def test_split_aliases_keeps_commas_of_company_names():
    assert split_aliases("Acme, Inc.; ACME|艾克米、阿克米") == ("Acme, Inc.", "ACME", "艾克米", "阿克米")
    assert split_aliases("") == ()


def test_output_columns_and_collisions():
    assert output_columns(["name"])[1:] == ["outcome", "hit_list", "hit_entry_id", "hit_name",
                                            "hit_matched_name", "hit_score", "findings", "error"]
    assert output_columns(["name", "Outcome"])[2:4] == ["screening_outcome", "screening_hit_list"]


def test_result_cells_take_the_first_hit_and_one_line_findings():
    result = {
        "outcome": "PROHIBITED",
        "hits": [{"list": "cn-uel", "entry_id": "cn-uel:skydio", "name": "Skydio, Inc.",
                  "matched_name": "Skydio Inc", "score": 0.99},
                 {"list": "us-el", "entry_id": "us-el:x", "name": "Other", "matched_name": "O",
                  "score": 0.7}],
        "findings": [{"outcome": "PROHIBITED", "regime": "CN", "rule": "CN-UEL",
                      "reason": "UEL ban back in force\nafter the suspension", "citation": "UEL 〔2025〕7号"},
                     {"outcome": "REVIEW", "regime": "CN", "rule": "CN-ECL", "reason": "lifted"}],
        "depends_on": ["item"],
    }
    cells = result_cells(result)._asdict()
    assert json.loads(cells.pop("full")) == result  # a non-CLEAR row keeps its whole result
    assert cells == {
        "outcome": "PROHIBITED", "hit_list": "cn-uel", "hit_entry_id": "cn-uel:skydio",
        "hit_name": "Skydio, Inc.", "hit_matched_name": "Skydio Inc", "hit_score": 0.99,
        "findings": "PROHIBITED CN CN-UEL: UEL ban back in force after the suspension "
                    "[UEL 〔2025〕7号] | REVIEW CN CN-ECL: lifted | depends on: item",
        "error": "",
    }
    assert summarise_findings({"findings": []}) == ""


def test_informational_findings_only_when_nothing_else():
    info = {"outcome": "CLEAR", "regime": "CN", "rule": "CN-61-A2",
            "reason": "No longer in force", "citation": "商务部公告2025年第13号"}
    ban = {"outcome": "PROHIBITED", "regime": "CN", "rule": "CN-UEL", "reason": "UEL ban"}
    assert summarise_findings({"findings": [info, ban]}) == "PROHIBITED CN CN-UEL: UEL ban"
    assert summarise_findings({"findings": [info]}) == (
        "CLEAR CN CN-61-A2: No longer in force [商务部公告2025年第13号]")


def test_screen_queries_turns_errors_into_cells(toy_screener):
    out = screen_queries(toy_screener, [Query("Huawei"), Query("x" * 10000), Query("Acme")])
    assert [a.outcome for a in out] == ["DENY-PRESUMED", "", "CLEAR"]
    assert out[1].error == "name is 10000 characters long; at most 1000 are screened"


def test_equal_answers_of_a_batch_are_one_object(toy_screener):
    out = screen_queries(toy_screener, [Query("Acme"), Query("Huawei"), Query("Zenith Widgets")])
    assert out[0] == out[2] and out[0] is out[2]  # pickled once on the way back
    assert out[1] is not out[0]


def test_a_bug_in_one_row_does_not_abort(toy_screener, monkeypatch):
    def broken(name, **kw):
        if name == "boom":
            raise KeyError("boom")
        return type(toy_screener).check(toy_screener, name, **kw)

    monkeypatch.setattr(toy_screener, "check", broken)
    out = screen_queries(toy_screener, [Query("boom"), Query("Acme")])
    assert out[0].error == "internal error: KeyError: 'boom'"
    assert out[1].outcome == "CLEAR"
