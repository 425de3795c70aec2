"""Ownership CSV: owner,owned,percent,source,as_of."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ImportFailed
from screening.lists.importers import ownership_csv

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "importers" / "ownership.csv"


def test_fixture_relationships():
    rels = list(ownership_csv.parse(FIXTURE))
    assert [(r.owner, r.owned, r.percent, r.start_date) for r in rels] == [
        ("us-el:huawei-technologies", "name:acme trading (hk) ltd.", 60.0, "2025-06-30"),
        ("name:ivan petrov", "name:acme trading (hk) ltd.", None, None),
        ("cn-uel:skydio", "name:skydio holdings ltd", 49.5, "2024-12-01"),
    ]
    assert [(r.owner_name, r.owned_name) for r in rels] == [
        (None, "Acme Trading (HK) Ltd."), ("Ivan Petrov", "Acme Trading (HK) Ltd."), (None, "Skydio Holdings Ltd"),
    ]
    assert [r.source for r in rels] == ["board filing 2025", "KYC interview", "ownership.csv"]
    assert {r.relation for r in rels} == {"ownership"}


def test_relation_column(tmp_path):
    path = tmp_path / "own.csv"
    path.write_text("owner,owned,percent,relation\nus-sdn:1,Acme,,control\n", encoding="utf-8")
    (rel,) = ownership_csv.parse(path)
    assert (rel.relation, rel.percent, rel.source) == ("control", None, "own.csv")


@pytest.mark.parametrize(
    "row,message",
    [
        ("us-el:1,Acme,sixty,,", "line 2: percent 'sixty' is not a number from 0 to 100"),
        ("us-el:1,Acme,120,,", "line 2: percent '120' is not a number from 0 to 100"),
        ("us-el:1,Acme,50,,30/06/2025", "line 2: as_of '30/06/2025' is not an ISO date"),
        (",Acme,50,,", "line 2: owner and owned are both required"),
        ("us-el:1,Acme", "line 2: row has 2 columns, expected 5"),
    ],
)
def test_bad_rows(tmp_path, row, message):
    path = tmp_path / "own.csv"
    path.write_text("owner,owned,percent,source,as_of\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match=message):
        list(ownership_csv.parse(path))


def test_party_key():
    assert ownership_csv.party_key("us-el:123") == ("us-el:123", None)
    assert ownership_csv.party_key(" Acme   Trading ") == ("name:acme trading", "Acme Trading")
    assert ownership_csv.party_key("Acme: Trading") == ("name:acme: trading", "Acme: Trading")
