"""Integrity of the lists/ tree itself: file naming, dates, citations, links.

These need no shared data: they check the contract of lists/README.md beyond
what the importer enforces on a single file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from screening.lists.importers.project_yaml import list_files, parse_dir
from screening.types import Entry, detect_script

LISTS_DIR = Path(__file__).resolve().parents[2] / "lists"

#: <list-id>/<YYYY-MM-DD>-<issuer>-<year>-<what>.yaml, or <list-id>/category.yaml; press
#: reports only in us-el-reported (no US authority published them)
FILE_NAME = re.compile(r"^(cn-[a-z-]+|us-el-reported)/(\d{4}-\d\d-\d\d)-(uel|mofcom|mofcom-order|press)-(\d{4})-[a-z0-9-]+\.yaml$")
CATEGORY_FILE = re.compile(r"^(cn-[a-z-]+-end-users)/category\.yaml$")


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return list(parse_dir(LISTS_DIR))


@pytest.fixture(scope="module")
def files() -> dict[str, dict]:
    return {p.relative_to(LISTS_DIR).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in list_files(LISTS_DIR)}


def test_file_names_follow_the_scheme(files):
    for name, data in files.items():
        announcement = FILE_NAME.match(name)
        category = CATEGORY_FILE.match(name)
        assert announcement or category, f"{name}: not <list>/<date>-<issuer>-<year>-<what>.yaml"
        folder = (announcement or category).group(1)
        assert data["list"] == folder, name
        if announcement:
            assert str(data["date"]) == announcement.group(2), name
            assert "category" not in data, name
        else:
            assert "category" in data, name


def test_every_event_is_cited_and_bounded(entries):
    for e in entries:
        dates = [ev.date for ev in e.status_history]
        assert dates == sorted(dates), e.id
        for ev in e.status_history:
            assert ev.citation and ev.confidence, f"{e.id}: {ev}"
            if ev.horizon:
                assert ev.status == "suspended" and ev.until, f"{e.id}: horizon needs an until"
            if ev.until:
                assert ev.until > ev.date, e.id


def test_horizon_is_2026_11_10(entries):
    """Every open-ended one-year suspension ends on the date rules.md §8.4 names."""
    untils = {ev.until for e in entries for ev in e.status_history if ev.horizon}
    assert untils == {"2026-11-10"}


def test_chinese_names_are_chinese(entries):
    for e in entries:
        for n in e.names:
            if n.kind == "chinese":
                assert detect_script(n.value) == "Hani", f"{e.id}: {n.value!r}"
            if n.kind == "primary" and n.lang == "en":
                assert not re.search(r",\S", n.value), f"{e.id}: no space after comma in {n.value!r}"


def test_linked_entries_name_the_same_party(entries):
    by_id = {e.id: e for e in entries}
    for e in entries:
        for other in e.extra.get("linked", []):
            if e.type == "person":
                continue  # executives link to their employer
            theirs = {re.sub(r"\W+", "", n.value).casefold() for n in by_id[other].names}
            ours = {re.sub(r"\W+", "", n.value).casefold() for n in e.names}
            assert theirs & ours, f"{e.id} and {other} share no name"


def test_category_entries_give_reasons(entries):
    for e in entries:
        if "category" in e.extra:
            assert e.extra["reason"], e.id
            assert e.extra["category"]["closed_list"] is False, e.id


def test_semiconductor_end_uses_are_in_the_criterion(entries):
    for e in entries:
        if e.list_id == "cn-semiconductor-end-users":
            criterion = e.extra["category"]["criterion"]["end_use"]
            assert e.extra["end_uses"], e.id
            assert set(e.extra["end_uses"]) <= set(criterion), e.id
