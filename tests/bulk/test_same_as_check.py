"""Every row of a bulk run gets the answer `screening check` gives for it (real screener)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from screening.bulk import screen_file
from screening.bulk.rows import result_cells, summarise_findings
from screening.cli import cli

AS_OF = "2026-11-22"
HEADER = ["客户名称", "国家", "别名", "物项", "最终用途", "中国原产占比"]
ROWS = [
    ["Skydio Inc", "US", "", "", "", ""],
    ["洛克希德·马丁公司", "", "", "Tb", "military", ""],
    ["Lockheed Martin Corp", "US", "洛克希德马丁", "", "", ""],
    ["Raytheon Missiles and Defense", "US", "", "rare-earth magnet", "", "0.5%"],
    ["TechInsights Inc.", "CA", "", "", "", ""],
    ["Hikvision Robotics", "CN", "", "", "", ""],
    ["Acme Trading GmbH", "DE", "", "", "civil", ""],
    ["北京华科电子有限公司", "CN", "", "", "", ""],
    ["Skydio Inc", "US", "", "", "", ""],  # duplicate: screened once, same answer
    ["Acme Trading GmbH", "DE", "", "", "", "abc"],  # unreadable share: the core refuses it
    ["", "US", "", "", "", ""],
    ["X" * 10_000, "US", "", "", "", ""],
]


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_input(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(ROWS)
    return path


def expected(screener, row: list[str]) -> dict:
    """What one `Screener.check` call gives for the row, as output cells."""
    from screening.errors import ScreeningError

    name, country, alias, item, end_use, share = row
    context = {k: v for k, v in (("item", item), ("end_use", end_use),
                                 ("cn_origin_share", share)) if v}
    try:
        result = screener.check(name, country=country or None, aliases=[alias] if alias else [],
                                as_of=AS_OF, context=context or None)
    except ScreeningError as exc:
        return {"error": exc.message}
    cells = result_cells(result.to_dict())._asdict()
    del cells["full"]  # not a column: the history's copy of a non-CLEAR answer
    return {**cells, "error": ""}


def test_bulk_rows_equal_single_checks(tmp_path, real_screener):
    src = write_input(tmp_path / "customers.csv")
    out = tmp_path / "screened.csv"
    summary = screen_file(src, out, screener=real_screener, workers=2, as_of=AS_OF, chunk_rows=3)
    got = read_rows(out)
    assert len(got) == len(ROWS)
    for row, line in zip(ROWS, got):
        want = expected(real_screener, row)
        if row[0] == "":
            want = {"error": "name is empty"}
        if want.get("error"):
            assert line["error"].split(": ", 1)[1] == want["error"], row[0][:40]
            assert line["error"].startswith("line ")
            assert line["outcome"] == ""
            continue
        assert {k: line[k] for k in want} == {k: str(v) for k, v in want.items()}, row[0]
    # Not a vacuous comparison: listed parties are found (their outcome is the rules' business).
    assert sum(r["hit_entry_id"].startswith("cn-") for r in got) >= 3
    assert all(r["findings"] for r in got[:9])
    assert got[8] == {**got[0], "客户名称": "Skydio Inc"}
    assert "cn_origin_share" in got[9]["error"]
    assert got[11]["error"] == "line 13: name is 10000 characters long; at most 1000 are screened"
    assert summary.screened == 10  # 12 rows - 1 duplicate - the empty name, refused up front
    assert summary.errors == 3


def test_bulk_rows_equal_the_check_command(tmp_path, real_screener, real_db):
    src = write_input(tmp_path / "customers.csv")
    out = tmp_path / "screened.csv"
    screen_file(src, out, screener=real_screener, workers=1, as_of=AS_OF)
    got = read_rows(out)
    runner = CliRunner()
    for i in (0, 1, 2, 6):
        name, country, alias, item, end_use, _ = ROWS[i]
        args = ["check", name, "--as-of", AS_OF, "--json", "--db", str(real_db)]
        args += ["--country", country] if country else []
        args += ["--alias", alias] if alias else []
        args += ["--item", item] if item else []
        args += ["--end-use", end_use] if end_use else []
        res = runner.invoke(cli, args)
        assert res.exit_code == 0, res.output
        d = json.loads(res.output)
        top = d["hits"][0] if d["hits"] else {}
        assert got[i]["outcome"] == d["outcome"], name
        assert got[i]["hit_entry_id"] == top.get("entry_id", ""), name
        assert got[i]["hit_score"] == (str(top["score"]) if top else ""), name
        assert got[i]["findings"] == summarise_findings(d), name
