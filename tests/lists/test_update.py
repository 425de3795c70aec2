"""`screening lists update|status|diff` end to end: atomic, bounded, one-line errors."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest
from click.testing import CliRunner

from screening.cli import cli
from screening.lists.catalog import PROJECT_LIST_IDS, US_LIST_IDS
from tests.conftest import shared_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def status(db_path) -> dict:
    res = run("lists", "status", "--json", "--db", str(db_path))
    assert res.exit_code == 0, res.output
    return {r["id"]: r for r in json.loads(res.output)["lists"]}


def test_fresh_db_loads_china_lists(db_path):
    lists = status(db_path)
    assert lists["cn-uel"]["entries"] >= 80
    assert lists["cn-control"]["entries"] >= 150
    assert lists["cn-watch"]["entries"] >= 40
    assert {"cn-countermeasures", "cn-military-end-users", "cn-semiconductor-end-users"} <= set(lists)


@pytest.mark.shared
def test_full_csl_update_reports_every_source(db_path):
    csl = shared_path("data", "derived", "csl-2026.csv")
    res = run("lists", "update", "us-csl", "--file", str(csl), "--db", str(db_path))
    assert res.exit_code == 0, res.output
    lists = status(db_path)
    us = {k: v["entries"] for k, v in lists.items() if k in US_LIST_IDS}  # not the project's us-el-reported
    assert sum(us.values()) == 24667
    assert us == {"us-el": 3409, "us-meu": 70, "us-dpl": 564, "us-isn": 528, "us-dtc": 779,
                  "us-cmic": 68, "us-sdn": 19249}


def _csl_copy(tmp_path, n_lines: int | None = None):
    src = shared_path("data", "watchman", "csl.csv")
    dst = tmp_path / "csl.csv"
    if n_lines is None:
        shutil.copy(src, dst)
    else:
        data = src.read_bytes()
        dst.write_bytes(data[: len(data) * n_lines // 100])  # cut mid-row: a truncated download
    return dst


def update_watchman(db_path, tmp_path):
    """Load watchman/csl.csv, whose last row is cut off: only with --accept-cut-last-row."""
    res = run("lists", "update", "us-csl", "--file", str(_csl_copy(tmp_path)),
              "--accept-cut-last-row", "--db", str(db_path))
    assert res.exit_code == 0, res.output
    return res


@pytest.mark.shared
def test_watchman_cut_last_row_refused_unless_accepted(db_path, tmp_path):
    good = _csl_copy(tmp_path)
    res = run("lists", "update", "us-csl", "--file", str(good), "--db", str(db_path))
    assert res.exit_code != 0 and len(res.output.strip().splitlines()) == 1
    assert "line 4233" in res.output
    assert '"11476"' in res.output and "--accept-cut-last-row" in res.output
    assert not any(k in US_LIST_IDS for k in status(db_path))
    res = run("lists", "update", "us-csl", "--file", str(good), "--accept-cut-last-row",
              "--json", "--db", str(db_path))
    assert res.exit_code == 0, res.output
    report = json.loads(res.output)
    assert [d["line"] for d in report["dropped"]] == [4233]
    assert report["dropped"][0]["text"].startswith('"11476"')
    assert report["counts"]["us-sdn"] == 1737  # 1738 rows, the cut one dropped


CSL_2026 = ("data", "derived", "csl-2026.csv")


def _cut_2026(tmp_path, percent: int, at_row_boundary: bool):
    data = shared_path(*CSL_2026).read_bytes()
    n = len(data) * percent // 100
    if at_row_boundary:
        n = data.rfind(b"\n", 0, n) + 1
    path = tmp_path / f"csl-cut-{percent}-{'row' if at_row_boundary else 'mid'}.csv"
    path.write_bytes(data[:n])
    return path


@pytest.mark.shared
@pytest.mark.parametrize("at_row_boundary", [False, True], ids=["mid-row", "row-boundary"])
def test_csl_cut_at_70_percent_is_refused(db_path, tmp_path, at_row_boundary):
    res = run("lists", "update", "us-csl", "--file", str(shared_path(*CSL_2026)), "--db", str(db_path))
    assert res.exit_code == 0, res.output
    before = {k: (v["entries"], v["version"]) for k, v in status(db_path).items()}
    cut = _cut_2026(tmp_path, 70, at_row_boundary)
    res = run("lists", "update", "us-csl", "--file", str(cut), "--db", str(db_path))
    assert res.exit_code != 0 and len(res.output.strip().splitlines()) == 1, res.output
    assert "previous version kept in force" in res.output
    if at_row_boundary:  # every row complete: the 10% shrink guard catches it
        assert "a loss of 3" in res.output
        assert f"screening lists diff us-sdn --file {cut}" in res.output
    else:
        assert "the last row is cut off" in res.output
    assert {k: (v["entries"], v["version"]) for k, v in status(db_path).items()} == before
    # even with the cut row dropped, the loss is refused
    res = run("lists", "update", "us-csl", "--file", str(cut), "--accept-cut-last-row",
              "--db", str(db_path))
    assert res.exit_code != 0 and "--allow-shrink" in res.output
    assert {k: (v["entries"], v["version"]) for k, v in status(db_path).items()} == before


def test_project_lists_loaded_once_when_two_processes_open_a_fresh_db(db_path, monkeypatch):
    """`lists update` starts `lists index` in the background; it and the next command both
    find the project lists not loaded. The one that loads second must leave them as they are
    (it used to put them in force again as version 2, after the test above read version 1)."""
    from screening.lists.importers import project_yaml
    from screening.lists.store import open_store
    from screening.lists.update import ensure_project_lists

    this, other = open_store(db_path), open_store(db_path)
    parse_dir = project_yaml.parse_dir

    def other_loads_meanwhile(path):
        monkeypatch.setattr(project_yaml, "parse_dir", parse_dir)
        assert ensure_project_lists(other) is not None  # the other process, while this one reads
        return parse_dir(path)

    monkeypatch.setattr(project_yaml, "parse_dir", other_loads_meanwhile)
    assert ensure_project_lists(this) is None
    assert {r["id"]: r["version"] for r in this.list_status()} == dict.fromkeys(PROJECT_LIST_IDS, 1)


@pytest.mark.shared
def test_shrink_guard_names_diff_and_allow_shrink_accepts(db_path, tmp_path):
    assert run("lists", "update", "us-csl", "--file", str(shared_path(*CSL_2026)),
               "--db", str(db_path)).exit_code == 0
    cut = _cut_2026(tmp_path, 85, at_row_boundary=True)  # ~15% lost: above the 10% guard
    res = run("lists", "update", "us-csl", "--file", str(cut), "--db", str(db_path))
    assert res.exit_code != 0 and "lists diff" in res.output
    diff = json.loads(run("lists", "diff", "us-sdn", "--file", str(cut), "--json",
                          "--db", str(db_path)).output)
    assert diff["old"]["count"] == 19249 and not diff["added"] and not diff["changed"]
    assert diff["new"]["count"] + len(diff["removed"]) == 19249 and diff["removed"]
    assert status(db_path)["us-sdn"]["entries"] == 19249  # diff writes nothing
    res = run("lists", "update", "us-csl", "--file", str(cut), "--allow-shrink", "--db", str(db_path))
    assert res.exit_code == 0, res.output
    assert status(db_path)["us-sdn"]["entries"] == diff["new"]["count"]


@pytest.mark.shared
def test_diff_against_a_file_names_an_unknown_list(db_path):
    tiny = shared_path("data", "watchman", "consolidated.csv")
    res = run("lists", "diff", "acme-deny", "--file", str(tiny), "--db", str(db_path))
    assert res.exit_code != 0 and "no entries of list 'acme-deny'" in res.output
    res = run("lists", "diff", "us-fse", "--file", str(tiny), "--db", str(db_path))
    assert res.exit_code == 0 and "version none -> " in res.output and "1 added" in res.output


@pytest.mark.shared
def test_truncated_csv_keeps_previous_version(db_path, tmp_path):
    good = _csl_copy(tmp_path)
    update_watchman(db_path, tmp_path)
    before = status(db_path)["us-el"]
    bad = tmp_path / "truncated.csv"
    data = good.read_bytes()
    bad.write_bytes(data[: len(data) // 2 + 7])
    res = run("lists", "update", "us-csl", "--file", str(bad), "--db", str(db_path))
    assert res.exit_code != 0
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1
    assert status(db_path)["us-el"] == before


@pytest.mark.shared
def test_broken_json_keeps_previous_version(db_path, tmp_path):
    update_watchman(db_path, tmp_path)
    before = status(db_path)["us-sdn"]
    bad = tmp_path / "consolidated.json"
    bad.write_text('{"results": [{"name": "X", "source": "Entity List (EL)"', encoding="utf-8")
    res = run("lists", "update", "us-csl", "--file", str(bad), "--db", str(db_path))
    assert res.exit_code != 0 and res.output.startswith("error:")
    assert len(res.output.strip().splitlines()) == 1
    assert status(db_path)["us-sdn"] == before


@pytest.mark.shared
def test_count_outside_bounds_keeps_previous_version(db_path, tmp_path):
    update_watchman(db_path, tmp_path)
    before = status(db_path)["us-el"]
    tiny = shared_path("data", "watchman", "consolidated.csv")  # 13 rows: far below bounds
    res = run("lists", "update", "us-csl", "--file", str(tiny), "--db", str(db_path))
    assert res.exit_code != 0 and "previous version kept in force" in res.output
    assert status(db_path)["us-el"] == before
    # with explicit bounds the small file is accepted
    res = run("lists", "update", "us-csl", "--file", str(tiny), "--expect-count", "1:100",
              "--db", str(db_path))
    assert res.exit_code == 0, res.output
    assert status(db_path)["us-el"]["entries"] == 1


@pytest.mark.shared
@pytest.mark.shared
def test_count_below_source_bounds_on_fresh_db(db_path):
    tiny = shared_path("data", "watchman", "consolidated.csv")
    res = run("lists", "update", "us-csl", "--file", str(tiny), "--db", str(db_path))
    assert res.exit_code != 0
    assert "13 entries, expected 1000..200000" in res.output
    assert not any(k in US_LIST_IDS for k in status(db_path))


@pytest.mark.shared
def test_diff_between_sdn_snapshots(db_path, tmp_path):
    old = shared_path("data", "ofac_sdn_gitscrape", "2024-01-31", "sdn.csv.gz")
    new = shared_path("data", "ofac_sdn_gitscrape", "2024-05-03", "sdn.csv.gz")
    assert run("lists", "update", "us-sdn", "--file", str(old), "--db", str(db_path)).exit_code == 0
    assert run("lists", "update", "us-sdn", "--file", str(new), "--db", str(db_path)).exit_code == 0
    res = run("lists", "diff", "us-sdn", "--json", "--db", str(db_path))
    d = json.loads(res.output)
    # Independent count of the change from the raw files.
    def ids(p):
        with gzip.open(p, "rt", encoding="utf-8", errors="replace") as f:
            return {line.split(",", 1)[0] for line in f if line[:1].isdigit()}
    a, b = ids(old), ids(new)
    assert len(d["added"]) == len(b - a)
    assert len(d["removed"]) == len(a - b)
    assert len(d["added"]) > 1000  # Feb-May 2024 Russia designations
    assert d["old"]["count"] == 13901 and d["new"]["count"] == 14965


def test_unknown_source_without_file_is_a_clear_error(db_path):
    res = run("lists", "update", "nonsense-list", "--db", str(db_path))
    assert res.exit_code != 0 and res.output.startswith("error:")


def test_failed_download_keeps_previous_version(db_path):
    res = run("lists", "update", "us-csl", "--url", "http://127.0.0.1:9/consolidated.csv",
              "--db", str(db_path))
    assert res.exit_code != 0
    assert res.output.startswith("error: download of") and "previous version kept" in res.output
