"""screen_file end to end with the toy screener: rows, order, dedup, errors, formats, resume."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from screening.bulk import pipeline, screen_file
from screening.bulk.state import state_path
from screening.errors import BadInput, Invalid, ScreeningError

HEADER = "客户编号,客户名称,国家,备注\n"


def read_csv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def customers(path: Path, n: int, encoding: str = "utf-8") -> Path:
    names = ["华为技术有限公司", "Acme Corp", "Huawei Device Co. Ltd.", "Müller GmbH", "Acme Corp"]
    lines = [HEADER] + [f"{i},{names[i % 5]},{'CN' if i % 2 else 'US'},row {i}\n"
                        for i in range(n)]
    path.write_bytes("".join(lines).encode(encoding))
    return path


def test_every_row_comes_back_in_order_with_answers(tmp_path, toy_screener):
    src = customers(tmp_path / "c.csv", 23, "gb18030")
    out = tmp_path / "out.csv"
    s = screen_file(src, out, screener=toy_screener, workers=1, as_of="2026-11-22",
                    chunk_rows=4)
    rows = read_csv(out)
    assert rows[0] == ["客户编号", "客户名称", "国家", "备注", "outcome", "hit_list",
                       "hit_entry_id", "hit_name", "hit_matched_name", "hit_score", "findings",
                       "error"]
    assert [r[0] for r in rows[1:]] == [str(i) for i in range(23)]
    assert rows[1][4:] == ["DENY-PRESUMED", "us-el", "us-el:huawei",
                           "Huawei Technologies Co., Ltd.", "华为技术有限公司", "0.9731",
                           "DENY-PRESUMED US US-EL: listed on the Entity List with a "
                           "presumption of denial [84 FR 22961]", ""]
    assert rows[2][4:] == ["CLEAR", "", "", "", "", "", "", ""]
    assert (s.rows, s.errors, s.encoding) == (23, 0, "gb18030")
    assert s.outcomes == {"DENY-PRESUMED": 10, "CLEAR": 13}
    assert s.columns == {"name": "客户名称", "country": "国家"}
    assert not state_path(out).exists()


def test_identical_queries_are_screened_once(tmp_path, toy_screener):
    src = customers(tmp_path / "c.csv", 200)
    s = screen_file(src, tmp_path / "o.csv", screener=toy_screener, workers=1, chunk_rows=7)
    # 4 distinct names x 2 countries, but "Acme Corp" appears at i%5 in {1, 4}: 8 queries.
    distinct = {(["华为技术有限公司", "Acme Corp", "Huawei Device Co. Ltd.", "Müller GmbH",
                  "Acme Corp"][i % 5], i % 2) for i in range(200)}
    assert s.screened == toy_screener.calls == len(distinct) == 8
    assert s.rows == 200


def test_two_workers_give_the_same_file_as_one(tmp_path, toy_screener):
    src = customers(tmp_path / "c.csv", 500)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    screen_file(src, one, screener=toy_screener, workers=1, as_of="2026-11-22", chunk_rows=16)
    s = screen_file(src, two, screener=toy_screener, workers=2, as_of="2026-11-22",
                    chunk_rows=16)
    assert (s.engine, s.workers) == ("local", 2)
    assert one.read_bytes() == two.read_bytes()


def test_broken_rows_get_errors_and_the_file_goes_on(tmp_path, toy_screener):
    long_name = "A" * 10_000
    data = ("name,country,note\n"
            "Huawei Technologies,CN,ok\n"
            "Too,Many,Cells,Here\n"
            ",US,empty name\n"
            f"{long_name},US,long\n").encode() + \
        b"\x00\x01\x02\xff\xfe binary,CN,garbage\n" + \
        "=HYPERLINK(\"http://evil\"),US,@SUM(A1)\n".encode() + \
        b"Acme Corp,US,-5\n"
    src = tmp_path / "broken.csv"
    src.write_bytes(data)
    out = tmp_path / "out.csv"
    s = screen_file(src, out, screener=toy_screener, workers=2)
    rows = read_csv(out)
    errors = [r[-1] for r in rows[1:]]
    assert errors == [
        "",
        "line 3: row has 4 cells, the header has 3; not screened",
        "line 4: name is empty",
        "line 5: name is 10000 characters long; at most 1000 are screened",
        "line 6: row holds bytes that are not valid in the file's encoding; not screened",
        "",
        "",
    ]
    assert [r[3] for r in rows[1:]] == ["DENY-PRESUMED", "", "", "", "", "CLEAR", "CLEAR"]
    assert rows[4][0] == long_name
    assert rows[5][0] == "\x00\x01\x02\ufffd\ufffd binary"
    assert rows[6][:3] == ["'=HYPERLINK(\"http://evil\")", "US", "'@SUM(A1)"]
    assert rows[7][2] == "-5"
    assert (s.rows, s.errors) == (7, 4)


def test_xlsx_in_xlsx_out(tmp_path, toy_screener):
    wb = Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["公司名称", "国家", "金额", "公式"])
    ws.append(["华为技术有限公司", "CN", 1200, "=1+1"])
    ws.append(["Acme Corp", "US", 12.5, "+cmd"])
    src = tmp_path / "客户.xlsx"
    wb.save(src)
    out = tmp_path / "客户.screened.xlsx"
    s = screen_file(src, out, screener=toy_screener, workers=1)
    ws = load_workbook(out)["客户"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][:5] == ["公司名称", "国家", "金额", "公式", "outcome"]
    # Cells are kept with their types; the "=1+1" formula's cached value is absent
    # (openpyxl wrote the workbook without computing it), so its formula text is read,
    # and neutralised on the way out.
    assert rows[1][:5] == ["华为技术有限公司", "CN", 1200, "'=1+1", "DENY-PRESUMED"]
    assert rows[1][9] == 0.9731
    assert rows[2][:5] == ["Acme Corp", "US", 12.5, "'+cmd", "CLEAR"]
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)
    assert s.sheet == "客户"


def test_xlsx_in_csv_out_and_csv_in_xlsx_out(tmp_path, toy_screener):
    wb = Workbook()
    wb.active.append(["Customer", "Country"])
    wb.active.append(["Huawei", "CN"])
    src = tmp_path / "c.xlsx"
    wb.save(src)
    screen_file(src, tmp_path / "o.csv", screener=toy_screener, workers=1)
    assert read_csv(tmp_path / "o.csv")[1][:3] == ["Huawei", "CN", "DENY-PRESUMED"]
    csv_src = customers(tmp_path / "c.csv", 3, "utf-16")
    screen_file(csv_src, tmp_path / "o.xlsx", screener=toy_screener, workers=1)
    ws = load_workbook(tmp_path / "o.xlsx").active
    assert [c.value for c in ws[2]][:5] == ["0", "华为技术有限公司", "US", "row 0", "DENY-PRESUMED"]


class Interrupted(Exception):
    pass


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_resume_continues_where_the_run_stopped(tmp_path, toy_screener, monkeypatch, suffix):
    src = customers(tmp_path / "c.csv", 300)
    full, part = tmp_path / f"full{suffix}", tmp_path / f"part{suffix}"
    screen_file(src, full, screener=toy_screener, workers=1, as_of="2026-11-22", chunk_rows=10)

    finish = pipeline._Run.finish
    calls = {"n": 0}

    def dying_finish(self, chunk):
        calls["n"] += 1
        if calls["n"] == 13:
            self.output.write_row(["half", "written"])  # written, but never checkpointed
            raise Interrupted
        finish(self, chunk)

    monkeypatch.setattr(pipeline._Run, "finish", dying_finish)
    with pytest.raises(Interrupted):
        screen_file(src, part, screener=toy_screener, workers=1, as_of="2026-11-22",
                    chunk_rows=10)
    assert state_path(part).exists()
    monkeypatch.setattr(pipeline._Run, "finish", finish)
    before = toy_screener.calls
    s = screen_file(src, part, screener=toy_screener, workers=1, as_of="2026-11-22",
                    chunk_rows=10, resume=True)
    assert s.resumed_rows == 120 and s.rows == 300
    assert s.outcomes == {"DENY-PRESUMED": 120, "CLEAR": 180}
    assert toy_screener.calls - before <= 8  # rows done before the kill are not redone
    if suffix == ".csv":
        assert part.read_bytes() == full.read_bytes()
    else:
        def cells(p):
            return [[c.value for c in r] for r in load_workbook(p).active.iter_rows()]
        assert cells(part) == cells(full)
    assert not state_path(part).exists()


def test_resume_refuses_changed_options(tmp_path, toy_screener, monkeypatch):
    src = customers(tmp_path / "c.csv", 50)
    out = tmp_path / "o.csv"

    def boom(self, chunk):
        raise Interrupted

    monkeypatch.setattr(pipeline._Run, "finish", boom)
    with pytest.raises(Interrupted):
        screen_file(src, out, screener=toy_screener, workers=1, as_of="2026-11-22")
    monkeypatch.undo()
    with pytest.raises(BadInput, match="cannot resume: as_of changed"):
        screen_file(src, out, screener=toy_screener, workers=1, as_of="2026-11-23", resume=True)
    src.write_text(src.read_text() + "99,New,US,x\n")
    with pytest.raises(BadInput, match="input file changed"):
        screen_file(src, out, screener=toy_screener, workers=1, as_of="2026-11-22", resume=True)


def test_resume_without_state_starts_from_the_top(tmp_path, toy_screener):
    src = customers(tmp_path / "c.csv", 5)
    s = screen_file(src, tmp_path / "o.csv", screener=toy_screener, workers=1, resume=True)
    assert (s.rows, s.resumed_rows) == (5, 0)


def test_bad_arguments(tmp_path, toy_screener):
    src = customers(tmp_path / "c.csv", 2)
    with pytest.raises(BadInput, match="overwrite the input"):
        screen_file(src, src, screener=toy_screener)
    with pytest.raises(Invalid, match="--as-of is not a date"):  # the one date parser: 422
        screen_file(src, tmp_path / "o.csv", screener=toy_screener, as_of="22/11/2026")
    with pytest.raises(BadInput, match="--name-col"):
        screen_file(src, tmp_path / "o.csv", screener=toy_screener, columns={"name": "nope"})
    assert pipeline.default_output(Path("/x/客户.xlsx")) == Path("/x/客户.screened.xlsx")


def test_ctrl_c_leaves_a_resumable_run(tmp_path, toy_screener, monkeypatch):
    src = customers(tmp_path / "c.csv", 50)
    out = tmp_path / "o.csv"
    finish = pipeline._Run.finish
    calls = {"n": 0}

    def interrupted(self, chunk):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        finish(self, chunk)

    monkeypatch.setattr(pipeline._Run, "finish", interrupted)
    with pytest.raises(ScreeningError) as exc:
        screen_file(src, out, screener=toy_screener, workers=1, chunk_rows=10)
    assert exc.value.message == ("interrupted after 20 rows; run the same command with "
                                 "--resume to continue")
    monkeypatch.undo()
    assert screen_file(src, out, screener=toy_screener, workers=1, chunk_rows=10,
                       resume=True).resumed_rows == 20


def test_summary_says_where_the_time_went(tmp_path, toy_screener):
    src = customers(tmp_path / "c.csv", 6)
    s = screen_file(src, tmp_path / "o.xlsx", screener=toy_screener, workers=1)
    assert 0 < s.finish_seconds <= s.seconds and s.to_dict()["finish_seconds"] == s.finish_seconds
    text = s.text()
    assert "6 rows screened into" in text and "loading the lists" in text
    csv_run = screen_file(src, tmp_path / "o.csv", screener=toy_screener, workers=1)
    assert csv_run.finish_seconds < 0.05 and "writing the workbook" not in csv_run.text()
