"""Name clean-up shared by the importers (screening/lists/importers/_names.py), on real list spellings."""

from __future__ import annotations

import pytest

from screening.lists.importers._names import acronym_names, clean, dedupe, guess_type, split_aka
from screening.types import Name


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Gazprom Promgaz, AO (f.k.a. Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz)",
         [("Gazprom Promgaz, AO", "primary"), ("Otkrytoe Aktsionernoe Obshchestvo Gazprom Promgaz", "former")]),
        ("JSC NIIP, f.k.a., Otkrytoe Aktsionernoe Obshchestvo NII Priborostroeniya",
         [("JSC NIIP", "primary"), ("Otkrytoe Aktsionernoe Obshchestvo NII Priborostroeniya", "former")]),
        ("Mesbah Energy Company (a.k.a. “MEC”)", [("Mesbah Energy Company", "primary"), ("MEC", "alias")]),
        ("Man, Cho Yan Nathan; a.k.a Nathan Man", [("Man, Cho Yan Nathan", "primary"), ("Nathan Man", "alias")]),
        ("Sabanican Company (a.k.a.", [("Sabanican Company", "primary")]),
        ("Gazprom Neft (a.k.a. Gazprom Neft OAO", [("Gazprom Neft", "primary"), ("Gazprom Neft OAO", "alias")]),
        ("Astronautics Research Institute [aka Astronautics Systems Research Center, Aerospace Research Institute]",
         [("Astronautics Research Institute", "primary"),
          ("Astronautics Systems Research Center, Aerospace Research Institute", "alias")]),
        ("Kaka aka Trading Ltd", [("Kaka aka Trading Ltd", "primary")]),  # bare "aka" is a word
    ],
)
def test_split_aka(text, expected):
    assert [(n.value, n.kind) for n in split_aka(text)] == expected


def test_clean():
    assert clean("Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary thereof") == \
        "Sinobright Import and Export Company"
    assert clean("Ardis Group of Companies LLC and any successor, sub-unit, or subsidiary thereof") == \
        "Ardis Group of Companies LLC"
    assert clean("and Northwest Polytechnical University") == "Northwest Polytechnical University"
    assert clean("Almaz-Antey PVO ?Air Defense? Concern") == "Almaz-Antey PVO Air Defense Concern"


def test_acronyms():
    assert [(n.value, n.kind) for n in acronym_names("Academy of Aerospace Solid Propulsion Technology (AASPT)")] == [
        ("AASPT", "acronym"), ("Academy of Aerospace Solid Propulsion Technology", "alias"),
    ]
    assert acronym_names("PJSC VTB BANK (KIEV)") == []
    assert acronym_names("Huawei Technologies Co., Ltd.") == []


def test_dedupe_former_wins_over_alias():
    names = dedupe([Name("Rosneft Trade Limited"), Name("TNK Trade Limited", "alias"), Name("TNK TRADE LIMITED", "former")])
    assert [(n.value, n.kind) for n in names] == [("Rosneft Trade Limited", "primary"), ("TNK Trade Limited", "former")]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Northwestern Polytechnical University", "organization"),
        ("Main Intelligence Directorate", "organization"),
        ("Federal Security Service (FSB)", "organization"),
        ("Beijing Institute of Technology Co., Ltd.", "company"),
        ("Huawei Technologies Co., Ltd.", "company"),
        ("ROYAL SHIPPING AGENCY", "company"),
    ],
)
def test_guess_type(name, expected):
    assert guess_type(name) == expected
