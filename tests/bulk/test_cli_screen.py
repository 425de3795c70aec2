"""`screening screen` on the command line (in-process through click's runner)."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from screening.cli import cli


def run(*args: str):
    return CliRunner().invoke(cli, ["screen", *args])


def test_screen_tab_file_with_overrides_and_json_summary(tmp_path, real_db):
    src = tmp_path / "kunden.txt"
    src.write_text("Kunde\tLand\tZweck\nLockheed Martin Corporation\tUS\tmilitary\n"
                   "Acme Trading GmbH\tDE\t\n", encoding="utf-16")
    out = tmp_path / "kunden.screened.csv"
    res = run(str(src), "-o", str(out), "--name-col", "Kunde", "--country-col", "2",
              "--end-use-col", "Zweck", "--as-of", "2026-11-22", "--workers", "1", "--json",
              "--db", str(real_db))
    assert res.exit_code == 0, res.output
    summary = json.loads(res.output)
    assert summary["rows"] == 2 and summary["errors"] == 0
    assert summary["encoding"] == "utf-16" and summary["delimiter"] == "\t"
    assert summary["columns"] == {"name": "Kunde", "country": "Land", "end_use": "Zweck"}
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    assert rows[0][:4] == ["Kunde", "Land", "Zweck", "outcome"]
    assert rows[1][3] != "CLEAR" and rows[1][5]  # a listed party: not clear, with a hit


def test_default_output_name_and_text_summary(tmp_path, real_db):
    src = tmp_path / "客户.csv"
    src.write_text("客户名称\n北京华科电子有限公司\n", encoding="gb18030")
    res = run(str(src), "--db", str(real_db), "--workers", "1")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "客户.screened.csv").exists()
    assert res.output.splitlines()[0] == f"1 rows screened into {tmp_path / '客户.screened.csv'}"
    assert "errors: 0" in res.output


def test_errors_are_one_line(tmp_path, real_db):
    src = tmp_path / "c.csv"
    src.write_text("Kunde\nAcme\n")
    res = run(str(src), "-o", str(tmp_path / "o.csv"), "--db", str(real_db))
    assert res.exit_code == 2
    assert res.output.startswith("error: no column with the party's name; found columns: "
                                 "'Kunde'. Use --name-col COLUMN")
    res = run(str(src), "-o", str(tmp_path / "o.csv"), "--name-col", "Kunde",
              "--cn-share", "lots", "--db", str(real_db))
    assert res.exit_code == 2
    assert res.output.startswith("error: cn_origin_share must be a fraction")


def screen_files(tmp_path, real_db, files: dict, as_of: str):
    """Screen each small file; yield (the summary's columns, the output rows) per file."""
    for name, text in files.items():
        src = tmp_path / name
        src.write_text(text, encoding="utf-8")
        out = tmp_path / f"out-{len(name)}.csv"
        res = run(str(src), "-o", str(out), "--as-of", as_of, "--workers", "1", "--json",
                  "--db", str(real_db))
        assert res.exit_code == 0, res.output
        with open(out, encoding="utf-8-sig", newline="") as f:
            yield json.loads(res.output)["columns"], list(csv.DictReader(f))


def test_destination_column_in_english_and_chinese(tmp_path, real_db):
    # rules.md §2.3: No. 46 Art. 2 covers Ga/Ge/Sb exports "to the US"; the bulk file says where.
    rows = {"customers.csv": "Customer Name,Item,Destination Country\nAcme Optics Inc.,gallium,US\n"
                             "Acme Optics Inc.,gallium,DE\n",
            "客户.csv": "客户名称,物项,目的国\nAcme Optics Inc.,gallium,美国\nAcme Optics Inc.,gallium,德国\n"}
    for columns, got in screen_files(tmp_path, real_db, rows, "2026-12-05"):
        assert "destination" in columns
        assert got[0]["outcome"] == "PRESUMPTION_OF_DENIAL" and "CN-46-A2" in got[0]["findings"]
        assert "CN-46-A2" not in got[1]["findings"]


def test_item_origin_column_in_english_and_chinese(tmp_path, real_db):
    # rules.md §2.1 / §8.2: LICENCE-REQUIRED for "China-origin No. 18 items"; §8.1 takes the item's origin
    # as a transaction input. A per-row origin decides: Australian Tb is CLEAR, Chinese Tb needs a licence.
    rows = {"customers.csv": "Customer Name,Item,Country of Origin\nNordlicht Magnetics GmbH,Tb,AU\n"
                             "Nordlicht Magnetics GmbH,Tb,CN\n",
            "客户.csv": "客户名称,物项,原产地\nNordlicht Magnetics GmbH,Tb,澳大利亚\nNordlicht Magnetics GmbH,Tb,中国\n"}
    for columns, got in screen_files(tmp_path, real_db, rows, "2026-06-01"):
        assert "item_origin" in columns
        assert [g["outcome"] for g in got] == ["CLEAR", "LICENSE_REQUIRED"]
