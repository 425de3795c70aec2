"""FollowTheMoney importer on the OpenSanctions ZALA/Kalashnikov subgraph."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path
from screening.errors import ImportFailed
from screening.lists.importers import ftm
from screening.types import Entry, Relationship

KALASHNIKOV = "NK-nR5AXM9AVPq4pQaSPSaVam"
CST = "NK-abdzbEBkqyT29GyREbiURZ"


@pytest.fixture(scope="module")
def records() -> list:
    return list(ftm.parse(shared_path("data", "yente", "zala", "entities.ftm.json")))


def test_counts(records):
    entries = [r for r in records if isinstance(r, Entry)]
    rels = [r for r in records if isinstance(r, Relationship)]
    assert len(entries) == 17  # 11 Company + 6 Person
    assert len(rels) == 14
    assert sorted({e.type for e in entries}) == ["company", "person"]


def test_kalashnikov_owns_49_percent_of_cst(records):
    (rel,) = [r for r in records if isinstance(r, Relationship) and r.percent == 49.0]
    assert rel.owner == f"ftm:{KALASHNIKOV}"
    assert rel.owned == f"ftm:{CST}"
    assert (rel.owner_name, rel.owned_name) == ("JSC Kalashnikov Concern", "LLC CST")
    assert (rel.start_date, rel.end_date) == ("2016-03-29", None)
    assert rel.source == "entities.ftm.json"


def test_cst_ownership_history(records):
    shares = sorted(
        (r.owner_name, r.percent, r.start_date, r.end_date)
        for r in records if isinstance(r, Relationship) and r.owned == f"ftm:{CST}" and r.percent is not None
    )
    assert shares == [
        ("Alexander Vyacheslavovich ZAKHAROV", 48.0, "2015-11-25", "2023-12-21"),
        ("Alexander Vyacheslavovich ZAKHAROV", 50.0, "2015-11-25", "2023-03-02"),
        ("Alexander Vyacheslavovich ZAKHAROV", 51.0, "2015-11-25", None),
        ("JSC Kalashnikov Concern", 49.0, "2016-03-29", None),
        ("Svetlana Nikolaevna Zakharova", 1.0, "2022-01-17", "2023-03-02"),
        ("Акціонерне товариство \"ТрансКомплектХолдинг\"", 2.0, "2019-05-24", "2023-12-21"),
    ]


def test_cst_entry(records):
    (cst,) = [r for r in records if isinstance(r, Entry) and r.id == f"ftm:{CST}"]
    assert cst.name == "LLC CST"
    assert cst.list_id == "ftm"
    assert cst.countries == ["RU"]
    assert {"type": "INN", "value": "1841015504"} in cst.identifiers
    assert "ZALA Aero LLC" in [n.value for n in cst.names]
    assert "US-BIS-EL" in cst.programs  # from its Sanction records
    assert cst.extra["target"] is True
    assert "export.control" in cst.extra["topics"]
    assert any(s.get("authority") for s in cst.extra["sanctions"])


def test_list_id_option_and_targets_only():
    path = shared_path("data", "yente", "zala", "entities.ftm.json")
    entries = [r for r in ftm.parse(path, list_id="opensanctions", targets_only=True) if isinstance(r, Entry)]
    assert len(entries) == 14  # 8 target companies + 6 persons
    assert all(e.id == "opensanctions:" + e.extra["ftm_id"] for e in entries)
    assert all(e.extra["target"] is True for e in entries)
    assert {e.list_id for e in entries} == {"opensanctions"}


@pytest.mark.parametrize("text,expected", [("49", 49.0), ("49%", 49.0), ("50.5", 50.5), ("", None), ("n/a", None), ("150", None)])
def test_parse_percent(text, expected):
    assert ftm.parse_percent(text) == expected


def test_broken_line_fails(tmp_path):
    path = tmp_path / "entities.ftm.json"
    path.write_text('{"id": "a", "schema": "Company", "properties": {"name": ["A"]}}\n{"id": "b", "sch\n',
                    encoding="utf-8")
    with pytest.raises(ImportFailed) as exc:
        list(ftm.parse(path))
    assert exc.value.message.startswith(f"{path}: line 2: invalid JSON:")


def test_no_parties_fails(tmp_path):
    path = tmp_path / "entities.ftm.json"
    path.write_text('{"id": "x", "schema": "Address", "properties": {"full": ["Moscow"]}}\n', encoding="utf-8")
    with pytest.raises(ImportFailed, match="no parties or ownerships found$"):
        list(ftm.parse(path))
