"""`screening ownership import` then `screening check`, on a fresh database with the project's
China lists (issue 12, defects 2 and 3, end to end from the CLI)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from screening.cli import cli

ON = ["--as-of", "2026-12-05"]
DY = ["--item", "Dy"]  # a No. 18 rare-earth item (China origin assumed when not given)


def run(db_path, *args):
    res = CliRunner().invoke(cli, [*args, "--db", str(db_path)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return res


def check(db_path, name, *args):
    return json.loads(run(db_path, "check", name, "--json", *args).stdout)


def rules(result):
    return {f["rule"]: f["outcome"] for f in result["findings"] if f["outcome"] != "CLEAR"}


def test_owner_by_name_in_imported_data_counts(db_path, tmp_path):
    # docs/own-lists.md: "owner ... a listed entry's id ... or a name". rules.md §3.1 No. 61 Art. 2:
    # a Control-List party's subsidiaries "in which they hold ≥ 50 %" are in principle not approved.
    csv = tmp_path / "owners.csv"
    csv.write_text("owner,owned,percent\nLockheed Martin Corporation,Acme Sub Ltd,60\n", encoding="utf-8")
    res = run(db_path, "ownership", "import", str(csv))
    assert "1 ownership relationships in force" in res.stdout
    assert "warning" not in res.stderr
    d = check(db_path, "Acme Sub Ltd", *ON, *DY)
    assert rules(d)["CN-61-A2"] == "PRESUMPTION_OF_DENIAL"
    assert d["outcome"] == "PRESUMPTION_OF_DENIAL"


def test_owners_that_resolve_to_nothing_are_reported_at_import(db_path, tmp_path):
    # Issue 12: "An owner id or name that resolves to nothing is reported at import time."
    csv = tmp_path / "owners.csv"
    csv.write_text("owner,owned,percent\n"
                   "cn-uel:no-such-entry,Acme Sub Ltd,60\n"
                   "Zzyzx Quonset Barnaby,Acme Sub Ltd,30\n"
                   "Acme Holding Ltd,Acme Sub Ltd,10\n"
                   "Lockheed Martin Corporation,Acme Holding Ltd,100\n", encoding="utf-8")
    res = run(db_path, "ownership", "import", str(csv))
    warnings = [line for line in res.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 2, res.stderr
    assert "'cn-uel:no-such-entry': no entry with this id is in force" in warnings[0]
    assert "'Zzyzx Quonset Barnaby': matches no listed entry" in warnings[1]


def test_declared_owner_matching_several_entries_counts_once(db_path):
    # rules.md §8.2: "25-49% listed ownership" is REVIEW. Lockheed Martin Corporation is one
    # owner although it is on the UEL, the Control List and the military-user category.
    d = check(db_path, "Acme Widgets GmbH", "--owner", "Lockheed Martin Corporation=40", *ON, *DY)
    f = next(f for f in d["findings"] if f["rule"] == "CN-61-A2")
    assert (f["outcome"], f["would_be"]) == ("REVIEW", "PRESUMPTION_OF_DENIAL")
    assert "40 %" in f["reason"] and "100 %" not in f["reason"]


def test_declared_owner_by_entry_id(db_path):
    # docs/own-lists.md: an owner may be "a listed entry's id"; 60 % is a ≥ 50 % subsidiary.
    d = check(db_path, "Acme Widgets GmbH", "--owner", "cn-control:lockheed-martin=60", *ON, *DY)
    assert rules(d)["CN-61-A2"] == "PRESUMPTION_OF_DENIAL"


def test_declared_share_with_a_percent_sign(db_path):
    # docs/own-lists.md writes shares as "60" or "49.5%"; --owner takes both (No. 61 Art. 2, ≥ 50 %).
    d = check(db_path, "Acme Widgets GmbH", "--owner", "Lockheed Martin Corporation=60%", *ON, *DY)
    assert rules(d)["CN-61-A2"] == "PRESUMPTION_OF_DENIAL"
    res = CliRunner().invoke(cli, ["check", "Acme", "--owner", "Lockheed Martin Corporation=most",
                                   "--db", str(db_path)])
    assert res.exit_code != 0 and "percent must be a number" in res.output
