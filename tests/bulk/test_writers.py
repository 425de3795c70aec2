"""Output: formula neutralising, CSV with BOM, XLSX via a resumable spool."""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook

from screening.bulk.writers import SPOOL_SUFFIX, neutralise, open_output, xlsx_cell


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://evil","click")', '\'=HYPERLINK("http://evil","click")'),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("-5", "-5"),
    ("+86", "+86"),
    ("-0.5", "-0.5"),
    ("+86 10 1234 5678", "'+86 10 1234 5678"),
    ("Acme = Best", "Acme = Best"),
    ("", ""),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_csv_output_is_utf8_with_bom_and_neutralised(tmp_path):
    path = tmp_path / "out.csv"
    out = open_output(path)
    out.write_row(["name", "note"])
    out.write_row(["华为", "=1+1"])
    out.write_row(["bad \udcff byte", 3.0])
    out.finish()
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig") == "name,note\r\n华为,'=1+1\r\nbad \ufffd byte,3.0\r\n"


def test_csv_output_resumes_at_the_checkpoint(tmp_path):
    path = tmp_path / "out.csv"
    out = open_output(path, delimiter=";")
    out.write_row(["name"])
    offset = out.checkpoint()
    out.write_row(["written after the checkpoint, lost in the kill"])
    out.close()
    out = open_output(path, delimiter=";", offset=offset)
    out.write_row(["a;b"])
    out.finish()
    assert path.read_bytes().decode("utf-8-sig") == 'name\r\n"a;b"\r\n'


def test_xlsx_output_keeps_types_and_writes_no_formulas(tmp_path):
    path = tmp_path / "out.xlsx"
    out = open_output(path, sheet_title="客户")
    out.write_row(["name", "amount", "date", "note"])
    out.write_row(["=HYPERLINK(\"http://evil\")", 12.5, datetime(2026, 11, 22), "ok\x01"])
    offset = out.checkpoint()
    out.write_row(["lost"])
    out.close()
    assert not path.exists() and path.with_name(path.name + SPOOL_SUFFIX).exists()
    out = open_output(path, offset=offset, sheet_title="客户")
    out.write_row(["@SUM(A1)", -5, None, "+cmd"])
    out.finish()
    assert not path.with_name(path.name + SPOOL_SUFFIX).exists()
    wb = load_workbook(path)
    ws = wb["客户"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows == [
        ["name", "amount", "date", "note"],
        ["'=HYPERLINK(\"http://evil\")", 12.5, datetime(2026, 11, 22), "ok\ufffd"],
        ["'@SUM(A1)", -5, None, "'+cmd"],
    ]
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)


def test_xlsx_cell_limits():
    assert xlsx_cell("x" * 40000) == "x" * 32767
    assert xlsx_cell(3) == 3


def test_xlsx_is_written_in_write_only_mode(tmp_path, monkeypatch):
    import openpyxl

    made = []
    real = openpyxl.Workbook

    def spy(*args, **kwargs):
        made.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "Workbook", spy)
    out = open_output(tmp_path / "o.xlsx")
    out.write_row(["name"])
    out.finish()
    assert made == [{"write_only": True}]
