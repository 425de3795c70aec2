"""The matcher's index snapshot: used when valid, rebuilt otherwise, never changes an answer."""

from __future__ import annotations

import csv
import re
import shutil

import pytest

from screening import settings
from screening.lists.update import ensure_project_lists, update
import screening.matching as matching
from screening.matching import resources, snapshot
from screening.service.screen import Screener
from tests.conftest import shared_path

AS_OF = "2026-11-22"
_RARE_SCRIPT = re.compile(r"[\u0400-\u04ff\u3400-\u9fff]")
#: Hand-typed Cyrillic queries (the CSL has almost no Cyrillic names).
CYRILLIC = ["Ротенберг Аркадий Романович", "Газпромбанк", "Ростех", "Иванов Иван Иванович",
            "Сбербанк России", "Тимченко Геннадий", "ООО Ромашка", "Дерипаска Олег"]


def _csl_subset(tmp_path, step: int) -> str:
    """Every ``step``-th CSL row plus every row with Cyrillic or Han text, as a CSV file."""
    src = shared_path("data", "derived", "csl-2026.csv")
    out = tmp_path / f"csl-every-{step}.csv"
    with open(src, newline="", encoding="utf-8") as fin, open(out, "w", newline="", encoding="utf-8") as fout:
        reader = csv.reader(fin)
        writer = csv.writer(fout, quoting=csv.QUOTE_ALL)
        writer.writerow(next(reader))
        for i, row in enumerate(reader):
            if i % step == 0 or any(_RARE_SCRIPT.search(cell) for cell in row):
                writer.writerow(row)
    return str(out)


@pytest.fixture
def loaded(store, tmp_path):
    """A store with the project lists and a spread-out slice of the CSL."""
    ensure_project_lists(store)
    update(store, "us-csl", file=_csl_subset(tmp_path, 16), bounds=(0, 10**9))
    return store


@pytest.fixture
def builds(monkeypatch):
    """Counts full index builds: the matcher builds through its module's NameIndex (a
    snapshot restores through NameIndex.restore); the class itself may be compiled."""
    count = {"n": 0}
    real = matching.NameIndex

    def counted(entries):
        count["n"] += 1
        return real(entries)

    monkeypatch.setattr(matching, "NameIndex", counted)
    return count


def _path(store):
    return snapshot.snapshot_path(store.path)


def test_snapshot_written_then_used(loaded, builds):
    Screener(loaded)
    assert not _path(loaded).exists(), "servers and bulk do not spend time writing it"
    first = Screener(loaded, lazy=True)
    assert builds["n"] == 2 and _path(loaded).exists()
    second = Screener(loaded, lazy=True)
    assert builds["n"] == 2, "a valid snapshot was rebuilt"
    assert isinstance(second.matcher.index.forms, snapshot.Chunked)
    assert isinstance(Screener(loaded).matcher.index.forms, list), "eager for servers"
    assert len(second.entries) == len(first.entries)
    assert second.matcher.search("Huawei Technologies")  # listed in the project lists


def test_rebuilt_when_lists_change(loaded, builds, tmp_path):
    Screener(loaded, lazy=True)
    update(loaded, "us-csl", file=_csl_subset(tmp_path, 17), bounds=(0, 10**9))
    rebuilt = Screener(loaded, lazy=True)
    assert builds["n"] == 2
    assert len(rebuilt.entries) == sum(1 for _ in loaded.current_entries())
    Screener(loaded, lazy=True)
    assert builds["n"] == 2, "the snapshot of the new lists is used"


def test_rebuilt_when_code_hash_changes(loaded, builds, monkeypatch):
    Screener(loaded, lazy=True)
    monkeypatch.setattr(snapshot, "code_hash", lambda: "other matching code")
    Screener(loaded, lazy=True)
    assert builds["n"] == 2


def test_code_hash_follows_the_tables(tmp_path):
    copy = tmp_path / "resources"
    shutil.copytree(resources.DEFAULT_RESOURCE_DIR, copy)
    try:
        resources.use_resource_dir(copy)
        before = snapshot.code_hash()
        with open(copy / "nicknames.yaml", "a", encoding="utf-8") as fh:
            fh.write("\n# a changed table\n")
        snapshot._code_hash.cache_clear()
        assert snapshot.code_hash() != before
    finally:
        resources.use_resource_dir(None)
        snapshot._code_hash.cache_clear()


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_damaged_snapshot_is_rebuilt(loaded, builds, damage):
    Screener(loaded, lazy=True)
    path = _path(loaded)
    data = bytearray(path.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 0x01
    elif damage == "truncate":
        data = data[: len(data) - 1000]
    elif damage == "garbage":
        data = bytearray(b"not a snapshot at all" * 100)
    else:
        data = bytearray()
    path.write_bytes(bytes(data))
    assert snapshot.load(path, snapshot.snapshot_key(loaded)) is None
    again = Screener(loaded, lazy=True)
    assert builds["n"] == 2
    assert again.matcher.search("Huawei Technologies")
    assert snapshot.load(path, snapshot.snapshot_key(loaded)) is not None, "rewritten whole"


def _queries(store) -> list[str]:
    """A few hundred names: listed names, the same with a letter dropped, Chinese, Cyrillic."""
    entries = list(store.current_entries())
    names = [e.names[0].value for e in entries if e.names]
    han = [n.value for e in entries for n in e.names if _RARE_SCRIPT.search(n.value)]
    sample = names[::max(1, len(names) // 200)][:200]
    typos = [n[:3] + n[4:] for n in sample[::4] if len(n) > 6]
    return sample + typos + han[:60] + CYRILLIC + ["Hikvision Robotics", "Huawei Technologies (Thailand)"]


def _answers(screener, names):
    out = []
    for name in names:
        result = screener.check(name, as_of=AS_OF).to_dict()
        result.pop("screened_at")
        out.append(result)
    return out


def test_answers_identical_with_and_without_snapshot(loaded, builds, monkeypatch):
    names = _queries(loaded)
    assert len(names) >= 200 and sum(1 for n in names if _RARE_SCRIPT.search(n)) >= 50
    Screener(loaded, lazy=True)  # writes the snapshot
    lazy, eager = Screener(loaded, lazy=True), Screener(loaded)
    assert builds["n"] == 1
    monkeypatch.setattr(settings, "INDEX_SNAPSHOT", False)
    built = Screener(loaded)
    assert builds["n"] == 2
    expected = _answers(built, names)
    assert _answers(lazy, names) == expected
    assert _answers(eager, names) == expected


def test_lists_update_starts_a_refresh_and_lists_index_writes(loaded, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from screening import cli as cli_mod

    started = []
    monkeypatch.setattr(cli_mod, "start_index_refresh", started.append)
    res = CliRunner().invoke(cli_mod.cli, ["lists", "update", "us-csl", "--file", _csl_subset(tmp_path, 18),
                                           "--expect-count", "0:1000000", "--db", loaded.path])
    assert res.exit_code == 0, res.output
    assert started == [loaded.path]
    path = _path(loaded)
    assert not path.exists()
    res = CliRunner().invoke(cli_mod.cli, ["lists", "index", "--db", loaded.path])
    assert res.exit_code == 0 and "written" in res.output, res.output
    assert snapshot.load(path, snapshot.snapshot_key(loaded)) is not None
    res = CliRunner().invoke(cli_mod.cli, ["lists", "index", "--db", loaded.path])
    assert "up to date" in res.output
