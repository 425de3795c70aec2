"""A bulk file's `owners` column gives each row the answer `screening check --owner` gives
(issue 12, defect 3 end to end from a bulk file)."""

from __future__ import annotations

import csv
import json

from click.testing import CliRunner

from screening.bulk.columns import map_columns
from screening.bulk.rows import RowDefaults, build_query
from screening.cli import cli

ARGS = ["--as-of", "2026-12-05", "--item", "Dy"]
ROWS = [
    ["Acme Widgets GmbH", "Lockheed Martin Corporation=40"],                    # one owner, several lists
    ["Acme Gears GmbH", "cn-control:lockheed-martin=30; Raytheon Missiles & Defense=25"],
    ["Acme Plain GmbH", ""],
]


def test_owners_cell_is_parsed_like_the_owner_option():
    cmap = map_columns(["Customer Name", "Shareholders"])
    q = build_query(cmap, ["Acme", "Bank Rossiya=30; SMIC=unknown | Hikvision"], RowDefaults())
    assert q.owners == (("Bank Rossiya", 30.0), ("SMIC", None), ("Hikvision", None))
    assert q.digest() != build_query(cmap, ["Acme", ""], RowDefaults()).digest()


def test_bulk_owners_match_check(tmp_path, real_db):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    with open(src, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["name", "owners"], *ROWS])
    res = CliRunner().invoke(cli, ["screen", str(src), "-o", str(out), "--db", str(real_db),
                                   "--no-progress", *ARGS], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with open(out, encoding="utf-8-sig", newline="") as f:
        got = {r["name"]: r for r in csv.DictReader(f)}
    for name, owners in ROWS:
        opts = [x for o in owners.split(";") if o.strip() for x in ("--owner", o.strip())]
        one = CliRunner().invoke(cli, ["check", name, "--json", "--db", str(real_db), *ARGS, *opts],
                                 catch_exceptions=False)
        assert got[name]["outcome"] == json.loads(one.stdout)["outcome"], name
    # rules.md §8.2: 25-49 % listed ownership is REVIEW, so the 40 % owner does not raise the
    # row above the item's own licence; 30 % + 25 % aggregate to a ≥ 50 % subsidiary (§7.2, §3.1).
    assert got["Acme Widgets GmbH"]["outcome"] == got["Acme Plain GmbH"]["outcome"] == "LICENSE_REQUIRED"
    assert "REVIEW CN CN-61-A2" in got["Acme Widgets GmbH"]["findings"]
    assert got["Acme Gears GmbH"]["outcome"] == "PRESUMPTION_OF_DENIAL"
