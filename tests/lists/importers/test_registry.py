"""screening.lists.importers: format detection and parse_file dispatch."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from tests.conftest import shared_path
from screening.errors import BadInput, ImportFailed
from screening.lists.importers import IMPORTERS, detect_format, parse_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "importers"


def test_registry_names():
    assert set(IMPORTERS) == {
        "project-yaml", "csl-csv", "csl-json", "ofac-sdn", "ofac-cons", "ftm", "own-csv", "ownership-csv",
    }


@pytest.mark.parametrize(
    "parts,expected",
    [
        (("data", "watchman", "csl.csv"), "csl-csv"),
        (("data", "derived", "csl-2026.csv"), "csl-csv"),
        (("data", "watchman", "cons_prim.csv"), "ofac-cons"),
        (("data", "ofac_sdn_gitscrape", "2024-05-03", "sdn.csv.gz"), "ofac-sdn"),
        (("data", "yente", "zala", "entities.ftm.json"), "ftm"),
    ],
)
def test_detect_shared_files(parts, expected):
    assert detect_format(shared_path(*parts)) == expected


@pytest.mark.parametrize(
    "name,expected",
    [
        ("csl_sample.json", "csl-json"),
        ("own_list.csv", "own-csv"),
        ("ownership.csv", "ownership-csv"),
        ("sdn_set/sdn.csv", "ofac-sdn"),
        ("sdn_set", "ofac-sdn"),
    ],
)
def test_detect_fixtures(name, expected):
    assert detect_format(FIXTURES / name) == expected


def test_detect_gzipped_ftm(tmp_path):
    src = shared_path("data", "yente", "zala", "entities.ftm.json")
    path = tmp_path / "entities.json.gz"
    path.write_bytes(gzip.compress(src.read_bytes()))
    assert detect_format(path) == "ftm"


def test_unrecognised_and_empty_files(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("hello, world\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as exc:
        detect_format(junk)
    assert exc.value.message.startswith(f"{junk}: unrecognised list format")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ImportFailed):
        detect_format(empty)


def test_parse_file_dispatch():
    entries = list(parse_file(FIXTURES / "own_list.csv", list_id="mine"))
    assert [e.id for e in entries][:1] == ["mine:acme-trading-hk-ltd"]
    assert [e.id for e in parse_file(FIXTURES / "sdn_set" / "sdn.csv", "ofac-sdn")][0] == "us-sdn:306"
    with pytest.raises(BadInput):
        parse_file(FIXTURES / "own_list.csv", "excel")
