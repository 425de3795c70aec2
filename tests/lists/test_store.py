"""The store: atomic versions, bounds, diff, status history round-trip."""

from __future__ import annotations

import pytest

from screening.errors import CountOutOfBounds
from screening.lists.store import VersionInfo
from screening.types import Entry, Name, Relationship, StatusEvent


def entry(key: str, name: str, list_id: str = "acme-deny", **kw) -> Entry:
    return Entry(id=f"{list_id}:{key}", list_id=list_id, type="company",
                 names=[Name(name)], **kw)


INFO = VersionInfo(source="test", location="memory", format="test", sha256="x")


def test_put_lists_puts_version_in_force(store):
    v = store.put_lists({"acme-deny": [entry("a", "Alpha Ltd"), entry("b", "Beta GmbH")]}, INFO)
    assert v == {"acme-deny": 1}
    status = store.list_status()
    assert [(s["id"], s["entries"], s["version"]) for s in status] == [("acme-deny", 2, 1)]
    assert sorted(e.name for e in store.current_entries()) == ["Alpha Ltd", "Beta GmbH"]


def test_count_out_of_bounds_keeps_previous_version(store):
    store.put_lists({"acme-deny": [entry("a", "Alpha Ltd")]}, INFO)
    with pytest.raises(CountOutOfBounds) as exc:
        store.put_lists({"acme-deny": []}, INFO, bounds={"acme-deny": (1, 10)})
    assert "previous version kept" in exc.value.message
    assert [e.name for e in store.current_entries()] == ["Alpha Ltd"]
    assert len(store.versions("acme-deny")) == 1


def test_failure_mid_write_rolls_back(store):
    store.put_lists({"acme-deny": [entry("a", "Alpha Ltd")]}, INFO)

    class Boom(Entry):
        def content_hash(self) -> str:  # fails while the transaction is open
            raise RuntimeError("disk full")

    bad = Boom(id="acme-deny:z", list_id="acme-deny", type="company", names=[Name("Zed")])
    with pytest.raises(RuntimeError):
        store.put_lists({"acme-deny": [entry("b", "Beta"), bad]}, INFO)
    assert [e.name for e in store.current_entries()] == ["Alpha Ltd"]
    assert [v["seq"] for v in store.versions("acme-deny")] == [1]


def test_status_history_round_trips(store):
    hist = [
        StatusEvent("2025-04-04", "listed", citation="UEL [2025] No. 7"),
        StatusEvent("2025-11-10", "suspended", citation="MOFCOM 2025-11-05",
                    until="2026-11-10", horizon=True, confidence="medium"),
    ]
    e = entry("skydio", "Skydio, Inc.", list_id="cn-uel", status_history=hist,
              countries=["US"], measures=["prohibit_import_export"])
    store.put_lists({"cn-uel": [e]}, INFO)
    back = store.get_entry("cn-uel:skydio")
    assert back == e
    assert back.status_history[1].until == "2026-11-10" and back.status_history[1].horizon


def test_diff_between_versions(store):
    store.put_lists({"acme-deny": [entry("a", "Alpha"), entry("b", "Beta")]}, INFO)
    store.put_lists({"acme-deny": [entry("a", "Alpha Renamed"), entry("c", "Gamma")]}, INFO)
    d = store.diff("acme-deny")
    assert [x["entry_id"] for x in d["added"]] == ["acme-deny:c"]
    assert [x["entry_id"] for x in d["removed"]] == ["acme-deny:b"]
    assert [x["entry_id"] for x in d["changed"]] == ["acme-deny:a"]
    assert (d["old"]["seq"], d["new"]["seq"]) == (1, 2)


def test_old_versions_are_pruned(store, monkeypatch):
    from screening import settings

    monkeypatch.setattr(settings, "KEEP_VERSIONS", 2)
    for i in range(5):
        store.put_lists({"acme-deny": [entry("a", f"Alpha {i}")]}, INFO)
    assert [v["seq"] for v in store.versions("acme-deny")] == [4, 5]
    assert [e.name for e in store.current_entries()] == ["Alpha 4"]


def test_relationships_replace_per_source(store):
    r1 = Relationship("cn-control:a", "name:b co", 60.0, "src1")
    store.put_relationships("src1", [r1])
    store.put_relationships("src2", [Relationship("x", "y", None, "src2")])
    store.put_relationships("src1", [Relationship("cn-control:a", "name:c co", 25.0, "src1")])
    rels = sorted((r.source, r.owned, r.percent) for r in store.relationships())
    assert rels == [("src1", "name:c co", 25.0), ("src2", "y", None)]


def test_data_version_changes_on_update(store):
    before = store.data_version()
    store.put_lists({"acme-deny": [entry("a", "Alpha")]}, INFO)
    assert store.data_version() != before
