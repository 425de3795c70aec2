"""Hostile XLSX files: decompression bombs, formulas, a stale dimension, through the
CLI (`screening screen`), the bulk pipeline and the UI upload.

A bomb passes when it is refused within seconds with a message naming the limit,
and the process reading it stays small; a formula or a stale dimension passes when
no row is read as empty or silently dropped.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from screening.bulk import screen_file
from screening.bulk.io import inspect_input, open_table
from screening.errors import BadInput

ROOT = Path(__file__).resolve().parents[2]
#: A bomb must be refused within this many seconds (the old reader took over 60 s).
QUICK_S = 10
#: ... by a process whose peak resident memory stays below this (the old one: GBs).
SMALL_MB = 200


def workbook_bytes(rows: list[list], title: str = "Sheet") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rewrite_sheet(data: bytes, edit) -> bytes:
    """The workbook ``data`` with ``edit(sheet1.xml bytes) -> bytes`` applied."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = edit(body)
            z.writestr(item, body)
    return out.getvalue()


def bomb(path: Path, cell: bytes, mb: int) -> Path:
    """A workbook whose sheet holds ``mb`` MB of repeated ``cell`` tags, deflated ~1000x."""
    data = workbook_bytes([["name", "country"], ["Skydio Inc.", "US"]])
    src = zipfile.ZipFile(io.BytesIO(data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                out.writestr(item, body)
                continue
            head, tail = re.sub(rb"<dimension[^>]*/>", b"", body).split(b"</sheetData>")
            info = zipfile.ZipInfo(item.filename)
            info.compress_type = zipfile.ZIP_DEFLATED
            with out.open(info, "w", force_zip64=True) as f:
                f.write(head)
                block = (b"<row>" + cell * 4096 + b"</row>") * 64
                for _ in range(mb * (1 << 20) // len(block)):
                    f.write(block)
                f.write(b"</sheetData>" + tail)
    return path


BOMBS = {
    # ~930 KB unpacking to ~300 MB of inline-string cells: the size limit
    "size": (b'<c t="inlineStr"><is><t>Acme</t></is></c>', 300, {}, "unpacks to"),
    # ~610 KB unpacking to 200 MB (under the size limit): the compression ratio
    "ratio": (b'<c t="inlineStr"><is><t>Acme</t></is></c>', 200, {}, "unpacks 3"),
    # ~180 KB: 37 million empty cells in 150 MB, the ratio check off: the cell count
    "cells": (b"<c/>", 150, {"SCREENING_BULK_XLSX_MAX_RATIO": "100000"}, "more than 10,000,000 cells"),
}


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bombs")
    return {k: bomb(folder / f"{k}.xlsx", cell, mb) for k, (cell, mb, _, _) in BOMBS.items()}


@pytest.fixture(scope="module")
def china_db(tmp_path_factory):
    from screening.service.screen import open_screener

    path = tmp_path_factory.mktemp("hostile-xlsx") / "screening.db"
    open_screener(str(path))
    return path


#: Runs the CLI and reports the process's own peak resident memory (VmHWM) on exit.
#: (rusage of a child counts the parent's memory at fork time; VmHWM does not.)
MEASURED_CLI = (
    "import atexit, sys\n"
    "def hwm():\n"
    "    line = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
    "    sys.stderr.write('\\nPEAK_KB ' + line.split()[1] + '\\n')\n"
    "atexit.register(hwm)\n"
    "from screening.cli import main\n"
    "sys.argv = ['screening'] + sys.argv[1:]\n"
    "main()\n"
)


def run_measured(args: list[str], env: dict, timeout: float):
    """`screening ARGS` in a child; (exit code, output, seconds, peak RSS in MB or None)."""
    t0 = time.monotonic()
    try:
        proc = subprocess.run([sys.executable, "-c", MEASURED_CLI, *args], env=env,
                              capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return None, "timed out", time.monotonic() - t0, None
    seconds = time.monotonic() - t0
    m = re.search(r"PEAK_KB (\d+)", proc.stderr)
    output = (proc.stdout + proc.stderr.split("\nPEAK_KB")[0]).strip()
    return proc.returncode, output, seconds, int(m.group(1)) / 1024 if m else None


@pytest.mark.parametrize("kind", list(BOMBS))
def test_bomb_refused_quickly_by_the_cli(tmp_path, bombs, china_db, kind):
    _, _, extra_env, message = BOMBS[kind]
    assert bombs[kind].stat().st_size < 1_000_000  # 180-930 KB on disk
    env = {**os.environ, "SCREENING_DB": str(china_db), "PYTHONPATH": str(ROOT), **extra_env}
    code, output, seconds, peak_mb = run_measured(
        ["screen", str(bombs[kind]), "-o", str(tmp_path / "out.csv"), "--workers", "1"],
        env, 4 * QUICK_S)
    assert seconds < QUICK_S, f"took {seconds:.1f} s"
    assert code == 2, output
    assert output.startswith("error: ") and message in output, output
    assert "Traceback" not in output
    assert peak_mb is not None and peak_mb < SMALL_MB, f"peak RSS {peak_mb} MB"


def test_bomb_refused_by_the_bulk_pipeline(tmp_path, bombs):
    with pytest.raises(BadInput, match="decompression bomb"):
        screen_file(bombs["size"], tmp_path / "o.csv", screener=object(), workers=1)


def test_bomb_uploaded_in_the_ui_fails_its_job_not_the_server(tmp_path, bombs, db_path):
    psutil = pytest.importorskip("psutil")
    from tests.web.conftest import csrf_of, fake_factory, login, make_app, seed
    from screening.lists.store import open_store

    seed(open_store(db_path))
    app = make_app(db_path, tmp_path, SCREENER_FACTORY=fake_factory)
    client = app.test_client()
    login(client, "rita")
    rss_before = psutil.Process().memory_info().rss
    results = {}
    for kind in ("size", "ratio"):
        token = csrf_of(client.get("/bulk").get_data(as_text=True))
        t0 = time.monotonic()
        resp = client.post("/bulk", data={"csrf_token": token, "file": (
            io.BytesIO(bombs[kind].read_bytes()), f"{kind}.xlsx")},
            content_type="multipart/form-data")
        assert resp.status_code == 303
        job_id = resp.headers["Location"].rsplit("/", 1)[-1]
        job = app.extensions["screening"].jobs.wait(job_id, timeout=4 * QUICK_S)
        results[kind] = (job.status, job.message, time.monotonic() - t0)
        assert client.get(f"/bulk/{job_id}").status_code == 200
    for kind, (status, message, seconds) in results.items():
        assert status == "failed" and "decompression bomb" in message, (kind, message)
        assert seconds < QUICK_S, (kind, seconds)
    assert psutil.Process().memory_info().rss - rss_before < 100 << 20
    # the next normal upload is still screened
    token = csrf_of(client.get("/bulk").get_data(as_text=True))
    resp = client.post("/bulk", data={"csrf_token": token, "file": (
        io.BytesIO(b"name,country\nSkydio Inc.,US\nAcme,DE\n"), "ok.csv")},
        content_type="multipart/form-data")
    job = app.extensions["screening"].jobs.wait(resp.headers["Location"].rsplit("/", 1)[-1])
    assert job.status == "done" and job.counts == {"PROHIBITED": 1, "CLEAR": 1}
    # ... and every job, refused or done, is audited
    st = app.extensions["screening"]
    st.audit_writer.flush()
    audit = [r for r in st.audit.records() if r["action"] == "bulk"]
    assert [r["subject"] for r in audit] == ["size.xlsx", "ratio.xlsx", "ok.csv"]


def test_upload_reader_runs_with_a_memory_limit(tmp_path, monkeypatch):
    """A file that needs more memory than allowed to read fails in the child process."""
    from screening.bulk.preflight import preflight

    path = tmp_path / "one-line.csv"
    path.write_bytes(b"name,country\n" + b"A" * (150 << 20) + b",US\n")  # one 150 MB line
    monkeypatch.setenv("SCREENING_BULK_PARSE_MEMORY_MB", "120")
    with pytest.raises(BadInput, match="needs more than 120 MB"):
        preflight(path)
    monkeypatch.setenv("SCREENING_BULK_PARSE_MEMORY_MB", "1024")
    small = tmp_path / "ok.csv"
    small.write_bytes(b"name,country\nAcme,US\n\"stray,US\nBeta,DE\n")
    assert preflight(small)["rows"] == 3


def read_rows(data: bytes, tmp_path: Path) -> list:
    path = tmp_path / "in.xlsx"
    path.write_bytes(data)
    with open_table(inspect_input(path)) as table:
        return [(r.line, r.cells) for r in table]


def test_formula_cells_read_cached_value_or_formula_text(tmp_path):
    data = workbook_bytes([["name", "country"], ["placeholder", "US"], ["=\"Sky\"&\"dio Inc.\"", "US"]])
    # row 2: a formula with the value Excel saved; row 3 (written by openpyxl): no value saved
    data = rewrite_sheet(data, lambda xml: re.sub(
        rb'<c r="A2" t="inlineStr"><is><t>placeholder</t></is></c>|<c r="A2" t="s"><v>\d+</v></c>',
        b'<c r="A2" t="str"><f>UPPER("skydio inc.")</f><v>SKYDIO INC.</v></c>', xml))
    rows = read_rows(data, tmp_path)
    assert rows == [(2, ["SKYDIO INC.", "US"]), (3, ['="Sky"&"dio Inc."', "US"])]


def test_stale_dimension_does_not_hide_rows(tmp_path):
    data = workbook_bytes([["name", "country"]] + [[f"Customer {i}", "US"] for i in range(1, 6)])
    data = rewrite_sheet(data, lambda xml: re.sub(rb'<dimension ref="[^"]*"\s*/>',
                                                  b'<dimension ref="A1:B2"/>', xml))
    rows = read_rows(data, tmp_path)
    assert [cells[0] for _, cells in rows] == [f"Customer {i}" for i in range(1, 6)]


def test_xlsx_summary_accounts_for_every_row(tmp_path, china_db):
    rows = [["name", "country"], ["Skydio Inc.", "US"], [None, "US"], ["Acme", None], ["=1/0", "DE"]]
    src = tmp_path / "c.xlsx"
    src.write_bytes(workbook_bytes(rows))
    s = screen_file(src, tmp_path / "o.csv", db_path=str(china_db), workers=1,
                    as_of="2026-11-22")
    assert (s.rows_read, s.rows_screened, s.errors) == (4, 3, 1) and s.accounted
    assert s.outcomes.get("PROHIBITED") == 1


def billion_laughs(xml: bytes) -> bytes:
    """``xml`` with a DTD of nested entities (10^9 "lol"s) used in cell A2."""
    entities = b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1)) * 10)
                        for i in range(1, 10))
    dtd = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">' + entities + b"]>")
    xml = re.sub(rb"<\?xml[^>]*\?>", b"", xml)
    return dtd + re.sub(rb"<t>Acme</t>", b"<t>&lol9;</t>", xml)


def broken_xml(xml: bytes) -> bytes:
    """``xml`` with a mismatched tag after the second row."""
    return xml.replace(b"</sheetData>", b"<row><c><v>1</v></row></sheetData>")


@pytest.mark.parametrize("edit, message", [
    (billion_laughs, "declares a DTD"),
    (broken_xml, "the sheet cannot be read after row 3"),
])
def test_hostile_sheet_xml_is_one_clear_error(tmp_path, china_db, edit, message):
    from click.testing import CliRunner

    from screening.cli import cli

    src = tmp_path / "c.xlsx"
    src.write_bytes(rewrite_sheet(workbook_bytes([["name", "country"], ["Acme", "US"],
                                                  ["Beta", "DE"]]), edit))
    res = CliRunner().invoke(cli, ["screen", str(src), "-o", str(tmp_path / "o.csv"),
                                   "--workers", "1", "--db", str(china_db)])
    assert res.exit_code == 2, res.output
    assert res.output.startswith("error: c.xlsx: ") and message in res.output, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
