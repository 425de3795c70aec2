"""OFAC legacy sdn.csv / cons_*.csv importer: real snapshots and a hand-made
file set with every sibling file."""

from __future__ import annotations

import gzip
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import shared_path
from screening.errors import ImportFailed
from screening.lists.importers import ofac_legacy

SDN_SET = Path(__file__).resolve().parents[2] / "fixtures" / "importers" / "sdn_set"


@pytest.fixture(scope="module")
def cons() -> dict:
    return {e.id: e for e in ofac_legacy.parse_cons(shared_path("data", "watchman", "cons_prim.csv"))}


@pytest.mark.parametrize("snapshot,count", [("2024-05-03", 14965), ("2024-01-31", 13901)])
def test_sdn_snapshot_counts(snapshot, count):
    entries = list(ofac_legacy.parse_sdn(shared_path("data", "ofac_sdn_gitscrape", snapshot, "sdn.csv.gz")))
    assert len(entries) == count
    assert len({e.id for e in entries}) == count
    assert {e.list_id for e in entries} == {"us-sdn"}


def test_sdn_snapshot_golden_rows():
    path = shared_path("data", "ofac_sdn_gitscrape", "2024-05-03", "sdn.csv.gz")
    by_id = {e.id: e for e in ofac_legacy.parse_sdn(path)}
    bnc = by_id["us-sdn:306"]
    assert [(n.value, n.kind) for n in bnc.names] == [("BANCO NACIONAL DE CUBA", "primary"), ("BNC", "alias")]
    assert (bnc.type, bnc.programs) == ("company", ["CUBA"])
    assert by_id["us-sdn:36"].name == "AEROCARIBBEAN AIRLINES"
    counts = Counter(e.type for e in by_id.values())
    assert counts["person"] == 6854 and counts["vessel"] == 851 and counts["aircraft"] == 376


def test_cons_counts_and_lists(cons):
    assert len(cons) == 442
    assert Counter(e.list_id for e in cons.values()) == {
        "us-ssi": 286, "us-plc": 78, "us-cmic": 68, "us-mbs": 9, "us-cap": 1,
    }


def test_cons_siblings_joined(cons):
    haniya = cons["us-plc:9639"]
    assert [(n.value, n.kind) for n in haniya.names] == [
        ("HANIYA, Ismail Abdul Salah", "primary"), ("HANIYA, Ismail", "alias"), ("HANIYYA, Ismaeel", "alias"),
    ]
    assert haniya.type == "person"
    assert haniya.extra["dates_of_birth"] == ["1962"]
    kunlun = cons["us-cap:15268"]
    assert kunlun.programs == ["561-Related"]
    assert kunlun.countries == ["CN"]
    assert len(kunlun.addresses) == 4
    assert ("KARAMAY CITY COMMERCIAL BANK CO LTD.", "former") in [(n.value, n.kind) for n in kunlun.names]
    assert kunlun.identifiers == [{"type": "SWIFT/BIC", "value": "CKLBCNBJ"}]


def test_cons_comments_continue_remarks(cons):
    bank = cons["us-ssi:17014"]
    assert bank.programs == ["UKRAINE-EO13662", "RUSSIA-EO14024"]
    # cons_prim cuts the remarks at "Registration Numbe"; cons_comments.csv has "r 1027700342890 ..."
    assert "Registration Number 1027700342890 (Russia)" in bank.remarks
    assert {"type": "Registration Number", "value": "1027700342890", "country": "RU"} in bank.identifiers
    assert ("RUSAG", "alias") in [(n.value, n.kind) for n in bank.names]


def test_cons_program_mapping(cons):
    assert cons["us-mbs:50476"].programs == ["ILLICIT-DRUGS-EO14059"]
    assert cons["us-mbs:27016"].programs == ["CAATSA - RUSSIA"]
    assert cons["us-cmic:30882"].name == "CHINA TELECOM CORPORATION LIMITED"
    assert ofac_legacy.cons_list_id(["RUSSIA-EO14024"]) == "us-mbs"  # "RUSSIA" is not "SSI"
    assert ofac_legacy.cons_list_id(["SDGT", "NS-PLC"]) == "us-plc"
    assert ofac_legacy.cons_list_id(["FSE-SY"]) == "us-fse"
    assert ofac_legacy.cons_list_id(["NS-MBS"]) == "us-mbs"


def test_sdn_file_set_with_all_siblings():
    by_id = {e.id: e for e in ofac_legacy.parse_sdn(SDN_SET / "sdn.csv")}
    assert list(by_id) == ["us-sdn:306", "us-sdn:7714", "us-sdn:9999"]
    bank = by_id["us-sdn:306"]
    assert bank.addresses == ["Zweierstrasse 35, Zurich CH-8022, Switzerland", "Avenida de Concha y Calle 29, Havana, Cuba"]
    assert bank.countries == ["CH", "CU"]
    assert [n.value for n in bank.names] == ["BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA", "BNC"]
    person = by_id["us-sdn:7714"]
    assert [(n.value, n.kind) for n in person.names] == [
        ("ZAKHAROV, Alexander Petrovich", "primary"),
        ("ZAKHAROV, Aleksandr", "alias"),
        ("PETROV, Alexander", "former"),
        ("ZAKHAROV, Aleksandr Petrovich", "former"),  # f.k.a. split across sdn.csv and sdn_comments.csv
    ]
    assert person.countries == ["RU", "BY"]
    assert person.identifiers == [
        {"type": "Passport", "value": "7512345", "country": "RU"},
        {"type": "Tax ID", "value": "183100000001", "country": "RU"},
    ]
    assert person.extra["dates_of_birth"] == ["12 Mar 1960"]
    vessel = by_id["us-sdn:9999"]
    assert vessel.type == "vessel"
    assert vessel.countries == ["MT"]
    assert vessel.identifiers == [{"type": "IMO", "value": "9187629"}, {"type": "MMSI", "value": "215555000"}]
    assert vessel.extra["vessel_owner"] == "NATIONAL IRANIAN TANKER CO."
    assert vessel.extra["linked_to"] == ["NATIONAL IRANIAN TANKER COMPANY"]


def test_folder_and_gzip_siblings(tmp_path):
    for name in ("sdn.csv", "add.csv", "alt.csv"):
        (tmp_path / f"{name}.gz").write_bytes(gzip.compress((SDN_SET / name).read_bytes()))
    entries = list(ofac_legacy.parse_sdn(tmp_path))
    assert [e.id for e in entries] == ["us-sdn:306", "us-sdn:7714", "us-sdn:9999"]
    assert entries[0].countries == ["CH", "CU"]


def test_truncated_sdn_fails(tmp_path):
    data = (SDN_SET / "sdn.csv").read_bytes()
    path = tmp_path / "sdn.csv"
    path.write_bytes(data[: data.index(b"POB Izhevsk")])
    with pytest.raises(ImportFailed) as exc:
        list(ofac_legacy.parse_sdn(path))
    assert exc.value.message == f"{path}: line 2: bad CSV: quoted field never closed (truncated file?)"


def test_short_row_fails(tmp_path):
    path = tmp_path / "sdn.csv"
    path.write_text('306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- \r\n', encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"line 1: row has 5 columns, expected 12 \(truncated file\?\)$"):
        list(ofac_legacy.parse_sdn(path))


def test_empty_sdn_fails(tmp_path):
    path = tmp_path / "sdn.csv"
    path.write_text("\x1a", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"sdn.csv: no rows found$"):
        list(ofac_legacy.parse_sdn(path))
