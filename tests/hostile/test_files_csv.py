"""Hostile CSV files through `screening screen` and the bulk pipeline.

Each case passes when every row of the file is accounted for (screened, or
written with an error naming its line), the summary's rows read equal rows
screened plus rows in error, and the rows after the bad one are still screened.
"""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from screening.bulk import screen_file
from screening.cli import cli

AS_OF = "2026-11-22"
#: A party on MOFCOM's Unreliable Entity List (lists/), so PROHIBITED.
LISTED = "Skydio Inc."


@pytest.fixture(scope="module")
def china_db(tmp_path_factory):
    """A database with the project's China lists (loaded on first use)."""
    from screening.service.screen import open_screener

    path = tmp_path_factory.mktemp("hostile-files") / "screening.db"
    open_screener(str(path))
    return path


def screen(src, out, db, *extra: str):
    """Run `screening screen --json`; returns (exit code, summary or None, stderr)."""
    res = CliRunner().invoke(cli, ["screen", str(src), "-o", str(out), "--as-of", AS_OF,
                                   "--workers", "1", "--json", "--db", str(db), *extra])
    try:
        summary = json.loads(res.stdout)
    except ValueError:
        summary = None
    return res.exit_code, summary, res.output


def read_output(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def customers(n: int, bad: dict[int, str]) -> str:
    """``name,country`` with ``n`` data rows; ``bad`` replaces rows (1-based) by raw text."""
    lines = ["name,country"]
    for i in range(1, n + 1):
        lines.append(bad.get(i, f"Customer {i} Trading Co,US"))
    return "\n".join(lines) + "\n"


def test_stray_quote_at_row_5001_hides_nothing(tmp_path, china_db):
    src = tmp_path / "customers.csv"
    src.write_text(customers(10_000, {5001: '"Unclosed Customer 5001,US',
                                      7001: f"{LISTED},US"}), encoding="utf-8")
    out = tmp_path / "out.csv"
    code, summary, output = screen(src, out, china_db)
    assert code == 0, output
    assert (summary["rows_read"], summary["rows"], summary["errors"]) == (10_000, 10_000, 1)
    assert summary["rows_screened"] == 9_999 and summary["accounted"]
    assert summary["lines_read"] == 10_001
    rows = read_output(out)
    assert len(rows) == 10_000
    assert rows[5000]["error"].startswith("line 5002: a quoted cell is not closed")
    assert rows[5001]["name"] == "Customer 5002 Trading Co"
    assert rows[7000]["name"] == LISTED and rows[7000]["outcome"] == "PROHIBITED"
    assert rows[9999]["name"] == "Customer 10000 Trading Co" and rows[9999]["outcome"] == "CLEAR"


def test_text_summary_shows_rows_read_screened_and_in_error(tmp_path, china_db):
    src = tmp_path / "c.csv"
    src.write_text(customers(5, {2: 'Acme "Quoted" Ltd,US,extra,cells', 4: '"never closed,US'}),
                   encoding="utf-8")
    res = CliRunner().invoke(cli, ["screen", str(src), "-o", str(tmp_path / "o.csv"),
                                   "--workers", "1", "--db", str(china_db)])
    assert res.exit_code == 0, res.output
    assert "rows read: 5 = 3 screened + 2 in error (6 lines)" in res.output


@pytest.mark.parametrize("case, text, errors", [
    # a quote closed three lines later: the name would span lines, so only the first
    # line is in error and the next lines are read again
    ("closed-later", 'name,country\n"Acme,US\nBeta Corp,US\nGamma" Ltd,US\nSkydio Inc.,US\n',
     {1: "'name' cell would span 3 lines"}),
    # ... and when the cell count comes out wrong
    ("wrong-width", 'name,address\nAcme,"Street\nBeta Corp,US\nGamma",x\nSkydio Inc.,US\n',
     {1: "a quoted cell spans 3 lines and the row has 3 cells"}),
    # a quote that is never closed within the line limit, then a listed party
    ("never-closed", 'name,country\n"Acme,US\n' + "Filler Co,US\n" * 12 + "Skydio Inc.,US\n",
     {1: "a quoted cell is not closed within 10 lines"}),
    # a cell longer than Excel's 32,767 characters on one line
    ("huge-cell", "name,country\n" + "A" * 40_000 + ",US\nSkydio Inc.,US\n",
     {1: "a cell is longer than 32,767 characters"}),
    # a legitimate multi-line address stays one screened row
    ("multi-line-ok", 'name,address\n"Skydio Inc.","3000 Clearview Way\nSan Mateo, CA"\n', {}),
    # NUL bytes and a lone CR inside a row
    ("nul-and-cr", "name,country\nAc\x00me,US\rSkydio Inc.,US\nBeta,US\n", None),
    # mixed encodings: one cp1252 row in a UTF-8 file
    ("mixed-encoding", None, {2: "not valid in the file's encoding"}),
])
def test_malformed_csv_rows_are_reported_and_the_rest_screened(tmp_path, china_db, case, text,
                                                               errors):
    src = tmp_path / f"{case}.csv"
    if text is None:
        src.write_bytes("name,country\n华为技术有限公司,CN\n".encode("utf-8")
                        + "Müller GmbH,DE\n".encode("cp1252") + b"Skydio Inc.,US\n")
    else:
        src.write_bytes(text.encode("utf-8"))
    out = tmp_path / "out.csv"
    code, summary, output = screen(src, out, china_db)
    assert code == 0, output
    assert summary["accounted"], summary
    rows = read_output(out)
    assert len(rows) == summary["rows_read"] == summary["rows_screened"] + summary["errors"]
    for i, why in (errors or {}).items():
        assert why in rows[i - 1]["error"], rows[i - 1]
        assert rows[i - 1]["error"].startswith(f"line {i + 1}: ")
    if errors is not None:
        assert summary["errors"] == len(errors)
    assert any(r["outcome"] == "PROHIBITED" for r in rows), rows  # the listed party is found


def test_resume_counts_rows_read_before_the_interruption(tmp_path):
    """Rows skipped on --resume were read by the first run: still accounted for."""
    class Flaky:
        data_version = "flaky-1"
        calls = 0

        def check(self, name, country=None, aliases=(), as_of=None, **_):
            Flaky.calls += 1
            if Flaky.calls == 150:
                raise KeyboardInterrupt
            return type("R", (), {"to_dict": lambda self: {"outcome": "CLEAR", "hits": [],
                                                            "findings": [], "depends_on": []}})()

    src = tmp_path / "c.csv"
    src.write_text(customers(400, {50: '"stray,US'}), encoding="utf-8")
    out = tmp_path / "o.csv"
    from screening.errors import ScreeningError

    with pytest.raises(ScreeningError, match="--resume"):
        screen_file(src, out, screener=Flaky(), workers=1, as_of=AS_OF, chunk_rows=100)
    s = screen_file(src, out, screener=Flaky(), workers=1, as_of=AS_OF, chunk_rows=100,
                    resume=True)
    assert s.resumed_rows == 100
    assert (s.rows_read, s.rows, s.errors, s.rows_screened) == (400, 400, 1, 399)
    assert s.accounted


def test_stray_quote_file_uploaded_in_the_ui(tmp_path, db_path):
    """The same 10,000-row file through the UI upload: every row in the job's counts."""
    import io

    from screening.lists.store import open_store
    from tests.web.conftest import csrf_of, fake_factory, login, make_app, seed

    seed(open_store(db_path))
    app = make_app(db_path, tmp_path, SCREENER_FACTORY=fake_factory)
    client = app.test_client()
    login(client, "rita")
    data = customers(10_000, {5001: '"Unclosed Customer 5001,US', 7001: f"{LISTED},US"})
    token = csrf_of(client.get("/bulk").get_data(as_text=True))
    resp = client.post("/bulk", data={"csrf_token": token, "file": (
        io.BytesIO(data.encode("utf-8")), "customers.csv")}, content_type="multipart/form-data")
    assert resp.status_code == 303
    job = app.extensions["screening"].jobs.wait(resp.headers["Location"].rsplit("/", 1)[-1],
                                                 timeout=120)
    assert job.status == "done", job.message
    assert (job.rows_done, job.errors, job.counts) == (10_000, 1, {"CLEAR": 9_998, "PROHIBITED": 1})


def test_header_of_200000_columns_gives_a_short_error(tmp_path, china_db):
    src = tmp_path / "wide.csv"
    src.write_text(",".join(f"column {i}" for i in range(200_000)) + "\nAcme\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["screen", str(src), "-o", str(tmp_path / "o.csv"),
                                   "--workers", "1", "--db", str(china_db)])
    assert res.exit_code == 2
    assert "no column with the party's name" in res.output and "(200,000 columns)" in res.output
    assert len(res.output) < 2_000
