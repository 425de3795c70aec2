"""Reading customer files: encodings, delimiters, XLSX, broken rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from screening.bulk.io import (cell_text, guess_encoding, inspect_input, open_table,
                               sniff_delimiter)
from screening.errors import BadInput

CHINESE = "客户名称,国家,地址\n华为技术有限公司,CN,深圳市龙岗区坂田华为基地\n中芯国际集成电路制造有限公司,CN,上海市浦东新区张江路18号\n"
EXPECTED_ROWS = [
    ["华为技术有限公司", "CN", "深圳市龙岗区坂田华为基地"],
    ["中芯国际集成电路制造有限公司", "CN", "上海市浦东新区张江路18号"],
]


def read_all(path: Path, **kw) -> tuple[str, list[str], list]:
    info = inspect_input(path, **kw)
    with open_table(info) as t:
        return info.encoding, t.headers, [(r.cells, r.error) for r in t]


@pytest.mark.parametrize("encoding, detected", [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),
    ("utf-16", "utf-16"),  # with BOM, as Excel's "Unicode text" writes it
    ("utf-16-le", "utf-16-le"),  # no BOM
    ("utf-16-be", "utf-16-be"),
])
def test_chinese_file_in_each_encoding(tmp_path, encoding, detected):
    path = tmp_path / "customers.csv"
    path.write_bytes(CHINESE.encode(encoding))
    enc, headers, rows = read_all(path)
    assert enc == detected
    assert headers == ["客户名称", "国家", "地址"]
    assert rows == [(r, None) for r in EXPECTED_ROWS]


#: Customer files from Taiwan / Hong Kong (Big5) and Japan (Shift-JIS) Excel.
CJK_FILES = {
    "big5": ("客戶名稱,國家\n台灣積體電路製造股份有限公司,TW\n鴻海精密工業股份有限公司,TW\n"
             "中華電信股份有限公司,TW\n"),
    "shift_jis": "会社名,国\n株式会社東芝,JP\n三菱重工業株式会社,JP\nソニーグループ株式会社,JP\n",
}


@pytest.mark.parametrize("encoding, text, detected", [
    ("big5", CJK_FILES["big5"], "cp950"),
    ("cp950", CJK_FILES["big5"], "cp950"),
    ("shift_jis", CJK_FILES["shift_jis"], "cp932"),
    ("cp932", CJK_FILES["shift_jis"], "cp932"),
    ("big5", "名稱\n台積電\n", "cp950"),  # a few characters are enough
    ("shift_jis", "名前\n東芝\n", "cp932"),
    ("gbk", "name\n华为\n", "gb18030"),
])
def test_big5_and_shift_jis_files(tmp_path, encoding, text, detected):
    path = tmp_path / "customers.csv"
    path.write_bytes(text.encode(encoding))
    enc, headers, rows = read_all(path)
    assert enc == detected
    lines = text.splitlines()
    assert headers == lines[0].split(",")
    assert [cells for cells, _ in rows] == [ln.split(",") for ln in lines[1:]]
    assert all(error is None for _, error in rows)


def test_cp1252_european_file(tmp_path):
    path = tmp_path / "kunden.csv"
    path.write_bytes("Name;Land\nMüller Maschinenbau GmbH;DE\nSociété Générale;FR\n".encode("cp1252"))
    enc, headers, rows = read_all(path)
    assert (enc, headers) == ("cp1252", ["Name", "Land"])
    assert rows == [(["Müller Maschinenbau GmbH", "DE"], None), (["Société Générale", "FR"], None)]


def test_gb18030_chars_only_after_a_long_ascii_start(tmp_path):
    lines = ["name,country"] + [f"Company {i} Ltd,US" for i in range(60000)] + ["华为技术有限公司,CN"]
    path = tmp_path / "late.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    assert inspect_input(path).encoding == "gb18030"


def test_guess_encoding_prefers_utf8_despite_one_garbage_row():
    good = ("华为技术有限公司,CN\n" * 200).encode("utf-8")
    assert guess_encoding(good[:100], good + b"\xff\xfe\x80garbage\x81\n") == "utf-8"


def test_clean_utf8_is_not_decoded_the_other_ways(monkeypatch):
    """No candidate can beat UTF-8 that decodes without a problem: the parent of a bulk
    run does not decode a 4 MB sample four more times before its first row."""
    from screening.bulk import io

    tried = []
    real = io.encoding_evidence
    monkeypatch.setattr(io, "encoding_evidence", lambda s, enc: tried.append(enc) or real(s, enc))
    sample = ("Ane Slavica Lucić,Srbija\n华为技术有限公司,CN\n" * 200).encode("utf-8")
    assert guess_encoding(sample[:100], sample) == "utf-8"
    assert tried == ["utf-8"]


def test_explicit_encoding_wins(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes("name\n华为\n".encode("gbk"))
    assert read_all(path, encoding="gbk")[2] == [(["华为"], None)]
    with pytest.raises(BadInput, match="unknown encoding"):
        inspect_input(path, encoding="klingon")


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path, delimiter):
    rows = [["name", "country", "address"], ["Acme, Inc.", "US", "1 Main St"],
            ["华为", "CN", "深圳"]]
    text = "\n".join(delimiter.join(f'"{c}"' if "," in c else c for c in r) for r in rows)
    path = tmp_path / "d.csv"
    path.write_text(text + "\n", encoding="utf-8")
    info = inspect_input(path)
    assert info.delimiter == delimiter
    assert read_all(path)[2] == [(rows[1], None), (rows[2], None)]


def test_single_column_file_has_comma_delimiter():
    assert sniff_delimiter(["name", "Acme", "Huawei"]) == ","


def test_broken_rows_are_reported_not_fatal(tmp_path):
    data = (b"name,country,address\n"
            b"Good One,US,1 Main St\n"
            b"Too,Many,Cells,Here,X\n"
            b"Short row\n"
            b"Good Two,DE,Berlin,,\n"  # Excel pads with empty trailing cells: fine
            b"\n"  # blank line: skipped
            b"Garbage \xff\xfe\x00\x81\x9c,CN,x\n"
            b"Good Three,FR,Paris\n")
    path = tmp_path / "broken.csv"
    path.write_bytes(data)
    enc, headers, rows = read_all(path)
    assert enc == "utf-8"
    assert [r[1] for r in rows] == [
        None,
        "row has 5 cells, the header has 3; not screened",
        "row has 1 cells, the header has 3; not screened",
        None,
        None,  # undecodable bytes are caught when the query is built (rows.py)
        None,
    ]
    assert rows[1][0] == ["Too", "Many", "Cells"]
    assert rows[2][0] == ["Short row", "", ""]
    assert rows[3][0] == ["Good Two", "DE", "Berlin"]
    assert "\udcff" in rows[4][0][0]
    assert rows[5][0] == ["Good Three", "FR", "Paris"]


def test_unparseable_csv_row_does_not_stop_the_file(tmp_path):
    huge = '"' + "x" * (2 << 20)  # an unclosed quote swallowing more than FIELD_LIMIT
    path = tmp_path / "q.csv"
    path.write_text(f"name,country\nAcme,US\n{huge}\n", encoding="utf-8")
    rows = read_all(path)[2]
    assert rows[0] == (["Acme", "US"], None)
    assert "could not parse this CSV row" in rows[1][1]


def test_empty_file_and_missing_file(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(BadInput, match="empty"):
        inspect_input(empty)
    with pytest.raises(BadInput, match="no such file"):
        inspect_input(tmp_path / "nope.csv")


def test_old_xls_is_refused_with_advice(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(BadInput, match="save it as .xlsx"):
        inspect_input(path)


def test_xlsx_is_read_streaming_with_types(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["客户名称", "国家", "Amount", None])
    ws.append(["华为技术有限公司", "CN", 1200.0])
    ws.append([None, None, None])
    ws.append(["Acme Corp", "US", 12.5, "stray note beyond the header"])
    path = tmp_path / "c.xlsx"
    wb.save(path)
    info = inspect_input(path)
    assert (info.kind, info.encoding) == ("xlsx", None)
    with open_table(info) as t:
        assert t._wb.read_only  # streaming: rows are parsed as they are read
        assert t.headers == ["客户名称", "国家", "Amount"]
        rows = [(r.line, r.cells) for r in t]
    assert info.sheet == "客户"
    assert rows == [(2, ["华为技术有限公司", "CN", 1200]), (4, ["Acme Corp", "US", 12.5])]


def test_xlsx_named_sheet(tmp_path):
    wb = Workbook()
    wb.active.append(["ignored"])
    ws = wb.create_sheet("Customers")
    ws.append(["Company"])
    ws.append(["Acme"])
    path = tmp_path / "s.xlsx"
    wb.save(path)
    info = inspect_input(path, sheet="Customers")
    with open_table(info) as t:
        assert [r.cells for r in t] == [["Acme"]]
    with pytest.raises(BadInput, match="no sheet 'Nope'"):
        open_table(inspect_input(path, sheet="Nope"))


def test_cell_text():
    from datetime import date, datetime

    assert cell_text(None) == ""
    assert cell_text(12.0) == "12"
    assert cell_text(0.005) == "0.005"
    assert cell_text(datetime(2026, 11, 22)) == "2026-11-22"
    assert cell_text(date(2026, 1, 2)) == "2026-01-02"
    assert cell_text(True) == "TRUE"
