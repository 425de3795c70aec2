"""Every row of shared/spec/china-lists.csv is an entry of lists/, exactly once.

The CSV is the compiled authority for the China lists (rules.md §6); lists/ is
its reviewed transcription. A row maps to the entry of the same list whose
English name (or an alias) matches once case, spacing and punctuation are
ignored, and whose listing date is the row's ``date_added``.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from screening.lists.importers.project_yaml import parse_dir
from screening.types import Entry

ROOT = Path(__file__).resolve().parents[2]
LISTS_DIR = ROOT / "lists"
CSV_PATH = (ROOT / ".." / "shared" / "spec" / "china-lists.csv").resolve()

#: The CSV's ``list`` column (by its first word) -> list id.
CSV_LISTS = {"UEL": "cn-uel", "ECL": "cn-control", "EWL": "cn-watch", "MOFCOM": "cn-countermeasures"}


#: CSV aliases that lists/ words differently on purpose (a description, not a name).
REWORDED_ALIASES = {
    "Space & Mission Systems business of BAE Systems": "BAE Systems Space & Mission Systems",
}


def key(name: str) -> str:
    """Compare names without case, spacing or punctuation."""
    return re.sub(r"[\W_]+", "", name).casefold()


def zh(name: str) -> str:
    """Chinese names without spaces."""
    return re.sub(r"\s+", "", name)


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    if not CSV_PATH.exists():
        pytest.skip("needs ../shared/spec/china-lists.csv (shared test data absent)")
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def matches(rows) -> list[tuple[dict, Entry]]:
    """Each CSV row with the one entry it maps to (fails on none or several)."""
    entries = list(parse_dir(LISTS_DIR))
    out = []
    for row in rows:
        list_id = CSV_LISTS[row["list"].split()[0]]
        hits = [e for e in entries
                if e.list_id == list_id and e.listed_on == row["date_added"]
                and key(row["name_en"]) in {key(n.value) for n in e.names}]
        assert len(hits) == 1, f"{row['list']} {row['date_added']} {row['name_en']!r}: {len(hits)} entries"
        out.append((row, hits[0]))
    return out


def test_csv_has_the_expected_rows(rows):
    counts = Counter(CSV_LISTS[r["list"].split()[0]] for r in rows)
    assert counts == {"cn-control": 153, "cn-uel": 87, "cn-watch": 40, "cn-countermeasures": 14}


def test_every_row_maps_to_exactly_one_entry(matches):
    ids = [entry.id for _, entry in matches]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def test_every_announcement_entry_comes_from_a_row(matches):
    mapped = {entry.id for _, entry in matches}
    listed = {e.id for e in parse_dir(LISTS_DIR) if e.list_id in CSV_LISTS.values()}
    assert listed - mapped == set()


def test_chinese_names_and_countries_agree(matches):
    for row, entry in matches:
        chinese = [zh(n.value) for n in entry.names if n.kind == "chinese"]
        assert chinese == ([zh(row["name_zh"])] if row["name_zh"] else []), entry.id
        assert entry.countries == ([row["country"]] if row["country"] else []), entry.id


def test_csv_aliases_are_kept(matches):
    for row, entry in matches:
        names = {key(n.value) for n in entry.names}
        for alias in filter(None, (a.strip() for a in row["aliases"].split(";"))):
            alias = REWORDED_ALIASES.get(alias, alias)
            assert key(alias) in names, f"{entry.id}: alias {alias!r} missing"


def test_confidence_is_never_raised(matches):
    rank = {"official": 3, "high": 2, "medium": 1, "low": 0}
    for row, entry in matches:
        assert rank[entry.extra["confidence"]] <= rank[row["confidence"]], entry.id


def test_suspensions_in_csv_notes_are_events(matches):
    """Rows whose notes mention a suspension, stop or cancellation carry such an
    event; rows whose notes say "no suspension" or "in force" carry none."""
    for row, entry in matches:
        notes = row["notes"]
        said = re.search(r"SUSPENDED|Suspended|暂停|STOPPED|CANCELLED|lifted", notes)
        denied = re.search(r"no suspension|^In force", notes, re.IGNORECASE)
        statuses = {ev.status for ev in entry.status_history}
        stopped = any(not c["measures"] for c in entry.extra.get("measure_changes", []))
        if said and not denied:  # a stopped measure with the listing standing (Illumina) counts
            assert statuses & {"suspended", "removed"} or stopped, entry.id
        if denied:
            assert statuses == {"listed"}, entry.id
