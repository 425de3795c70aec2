"""A company's own list CSV (docs/own-lists.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import BadInput, ImportFailed
from screening.lists.importers import own_list_csv

OWN = Path(__file__).resolve().parents[2] / "fixtures" / "importers" / "own_list.csv"
HEADER = "name,aliases,type,country,id,program,notes\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deny.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_fixture_entries():
    entries = list(own_list_csv.parse(OWN, list_id="acme-deny"))
    assert [e.id for e in entries] == [
        "acme-deny:acme-trading-hk-ltd", "acme-deny:EMP-0042", "acme-deny:sichuan-rare-metals-institute",
    ]
    acme, petrov, institute = entries
    assert [(n.value, n.kind) for n in acme.names] == [
        ("Acme Trading (HK) Ltd.", "primary"), ("ACME HK", "alias"), ("爱克美贸易", "chinese"),
    ]
    assert (acme.type, acme.countries, acme.programs) == ("company", ["HK"], ["internal-deny"])
    assert acme.remarks == "Refused KYC in 2025"
    assert (petrov.type, petrov.countries, petrov.programs, petrov.remarks) == ("person", ["RU", "BY"], [], None)
    assert institute.programs == ["rare-earth", "watch"]
    assert institute.remarks == 'Buyer flagged by sales, "re-export" risk'
    assert {e.list_id for e in entries} == {"acme-deny"}


def test_name_only_file(tmp_path):
    path = write(tmp_path, "name\n\"Huawei Technologies Co., Ltd.\"\n\nZTE Corporation\n")
    entries = list(own_list_csv.parse(path, list_id="mine"))
    assert [(e.id, e.type) for e in entries] == [
        ("mine:huawei-technologies-co-ltd", "company"), ("mine:zte-corporation", "company"),
    ]


def test_empty_name_names_the_line(tmp_path):
    path = write(tmp_path, HEADER + "Acme,,,,,,\n,Nobody,,,,,\n")
    with pytest.raises(ImportFailed) as exc:
        list(own_list_csv.parse(path, list_id="mine"))
    assert exc.value.message == f"{path}: line 3: empty name"


def test_wrong_column_count_names_the_line(tmp_path):
    path = write(tmp_path, HEADER + "Acme,,company\n")
    with pytest.raises(ImportFailed, match=r"line 2: row has 3 columns, expected 7"):
        list(own_list_csv.parse(path, list_id="mine"))


@pytest.mark.parametrize(
    "row,message",
    [
        ("Acme,,robot,,,,", "line 2: unknown type 'robot'"),
        ("Acme,,,Atlantis,,,", "line 2: unknown country 'Atlantis'"),
    ],
)
def test_bad_values(tmp_path, row, message):
    path = write(tmp_path, HEADER + row + "\n")
    with pytest.raises(ImportFailed, match=message):
        list(own_list_csv.parse(path, list_id="mine"))


def test_duplicate_ids(tmp_path):
    path = write(tmp_path, "name\nAcme Ltd\nACME LTD.\n")
    with pytest.raises(ImportFailed, match=r"line 3: duplicate id 'acme-ltd' \(also on line 2\)"):
        list(own_list_csv.parse(path, list_id="mine"))


def test_unknown_column_and_missing_list_id(tmp_path):
    with pytest.raises(ImportFailed, match=r"line 1: unknown column 'nmae'"):
        list(own_list_csv.parse(write(tmp_path, "nmae\nAcme\n"), list_id="mine"))
    with pytest.raises(BadInput):
        list(own_list_csv.parse(OWN))


def test_header_only_fails(tmp_path):
    with pytest.raises(ImportFailed, match="no rows found$"):
        list(own_list_csv.parse(write(tmp_path, HEADER), list_id="mine"))


def test_slugify():
    assert own_list_csv.slugify("Acme Trading (HK) Ltd.") == "acme-trading-hk-ltd"
    assert own_list_csv.slugify("Société Générale") == "societe-generale"
    assert own_list_csv.slugify("华为技术有限公司") == "hua-wei-ji-zhu-you-xian-gong-si"
