"""A bulk run loads the matcher's index from its snapshot when one is valid.

Building the index over the full lists costs a bulk run 4.5-8.6 s before its first
row; loading the snapshot that `lists index` writes costs 1-2.5 s. These tests count
index builds instead of timing anything.
"""

from __future__ import annotations

import pytest

from screening import settings
from screening.bulk import screen_file
from screening.lists.store import open_store
from screening.lists.update import ensure_project_lists
import screening.matching as matching
from screening.matching import snapshot

ROWS = ("name,country\n"
        "TechInsights Inc.,CA\n"
        "华为技术有限公司,中国\n"
        "Techinsights,Canada\n"
        "Acme Bakery,Germany\n"
        "TechInsights Inc.,CA\n")


@pytest.fixture
def indexed(db_path):
    """A database with the project lists and a valid snapshot, as `lists index` leaves it."""
    store = open_store(db_path)
    ensure_project_lists(store)
    assert snapshot.refresh(store), "the snapshot was written"
    return db_path


@pytest.fixture
def builds(monkeypatch):
    """Full index builds, counted: the matcher builds through its module's NameIndex (the
    class itself may be compiled, which takes no patch)."""
    count = []
    real = matching.NameIndex

    def counted(entries):
        count.append(1)
        return real(entries)

    monkeypatch.setattr(matching, "NameIndex", counted)
    return count


def _run(tmp_path, db_path, out: str):
    src = tmp_path / "customers.csv"
    src.write_text(ROWS, encoding="utf-8")
    dest = tmp_path / out
    summary = screen_file(src, dest, db_path=str(db_path), workers=1, as_of="2026-11-22",
                          progress=False)
    return summary, dest.read_bytes()


def test_bulk_run_loads_the_snapshot_instead_of_building(indexed, builds, tmp_path):
    summary, _ = _run(tmp_path, indexed, "a.csv")
    assert builds == [], "the bulk run rebuilt an index it could load"
    assert summary.rows == 5 and summary.outcomes.get("CLEAR", 0) < 5


def test_bulk_output_is_the_same_with_the_built_index(indexed, builds, tmp_path, monkeypatch):
    _, loaded = _run(tmp_path, indexed, "loaded.csv")
    monkeypatch.setattr(settings, "INDEX_SNAPSHOT", False)
    _, built = _run(tmp_path, indexed, "built.csv")
    assert builds == [1]
    assert loaded == built
