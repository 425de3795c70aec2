"""Session fixtures for the spec scenarios (``test_spec_*.py``): real lists, built once.

Each store holds the project's China lists (``lists/``) plus one US Consolidated
Screening List read from ``../shared/data`` (never copied into the project):

* ``csl_screener``: ``derived/csl-2026.csv``, the full 2026 list the issue-12
  examples use (no licence review policies), plus the ownership edges of
  :data:`CSL_OWNERSHIP`, imported the way ``screening ownership import`` does;
* ``watchman_screener``: ``watchman/csl.csv`` (a 2023 extract that carries the
  Entity List's ``license_policy`` strings), plus :data:`WATCHMAN_OWNERSHIP`.

Loading a CSL takes a few seconds, so each store and screener is built once per
test session and shared by every scenario file. Tests skip when ../shared is absent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import shared_path

#: Ownership edges for the csl-2026 store: (owner, owned, percent, relation).
#: An owner written ``@list-id:Listed Name`` is replaced by that entry's id
#: (US entry ids are content hashes, so they are looked up, not hard-coded).
CSL_OWNERSHIP = [
    # owner given by NAME (issue 12 defect 2; docs/own-lists.md: "a listed entry's id ... or a name")
    ("Huawei Technologies Co., Ltd.", "Acme Sub Ltd", "60", ""),
    # owners given by entry ID
    ("@us-el:Semiconductor Manufacturing International Corporation (SMIC)", "Scen Alder Works Co", "60", ""),
    ("@us-el:Semiconductor Manufacturing International Corporation (SMIC)", "Scen Birch Works Co", "30", ""),
    ("@us-el:Hangzhou Hikvision Digital Technology Co., Ltd.", "Scen Birch Works Co", "25", ""),
    ("@us-el:Huawei Technologies Co., Ltd.", "Scen Cedar Works Co", "unknown", ""),
    ("@us-el:Huawei Technologies Co., Ltd.", "Scen Dogwood Works Co", "30", ""),
    ("us-sdn:16681", "Scen Elm Works Co", "60", ""),
    ("us-sdn:16681", "Scen Fir Works Co", "30", ""),
    ("us-sdn:16681", "Scen Ginkgo Works Co", "25", ""),
    ("us-sdn:51760", "Scen Ginkgo Works Co", "25", ""),
    ("us-sdn:16681", "Scen Hazel Works Co", "60", ""),
    ("Scen Hazel Works Co", "Scen Hazelnut Works Co", "60", ""),
    ("us-sdn:16681", "Scen Juniper Works Co", "40", ""),
    ("Scen Juniper Works Co", "Scen Juniperberry Works Co", "100", ""),
    ("us-sdn:16681", "Scen Sorrel Works Co", "", "control"),
    ("cn-control:lockheed-martin", "Scen Larch Works Co", "60", ""),
    ("cn-control:lockheed-martin", "Scen Linden Works Co", "40", ""),
    ("cn-watch:tdk", "Scen Tupelo Works Co", "60", ""),
]

#: Ownership edges for the watchman store (Entity List entries with real review policies).
WATCHMAN_OWNERSHIP = [
    ("@us-el:Northwestern Polytechnical University", "Scen Oak Works Co", "60", ""),
    ("@us-el:Sichuan University", "Scen Pine Works Co", "60", ""),
    ("@us-el:Sichuan University", "Scen Poplar Works Co", "30", ""),
    ("@us-el:Northwestern Polytechnical University", "Scen Poplar Works Co", "25", ""),
]


def _entry_id(store, ref: str) -> str:
    """``@list-id:Name`` -> the id of the entry in force with exactly that name; other refs unchanged."""
    if not ref.startswith("@"):
        return ref
    list_id, _, name = ref[1:].partition(":")
    ids = [e.id for e in store.current_entries() if e.list_id == list_id and e.name == name]
    assert len(ids) == 1, f"{ref}: expected one entry, found {ids}"
    return ids[0]


def _build(tmp_dir: Path, csl: Path, ownership: list[tuple], *, cut_last_row: bool = False) -> tuple:
    """A store with the project lists, one CSL and ownership edges; and its screener."""
    from screening.lists.update import ensure_project_lists, import_ownership, update
    from screening.service.screen import Screener
    from screening.lists.store import open_store

    db = tmp_dir / "screening.db"
    store = open_store(db)
    ensure_project_lists(store)
    update(store, "us-csl", file=csl, accept_cut_last_row=cut_last_row)
    own = tmp_dir / "ownership.csv"
    with own.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["owner", "owned", "percent", "source", "as_of", "relation"])
        for owner, owned, percent, relation in ownership:
            w.writerow([_entry_id(store, owner), owned, percent, "scenario", "", relation or "ownership"])
    import_ownership(store, own, source="scenarios")
    return db, Screener(open_store(db))


@pytest.fixture(scope="session")
def csl_world(tmp_path_factory):
    """(db path, screener) over the China lists + csl-2026 + CSL_OWNERSHIP."""
    csl = shared_path("data", "derived", "csl-2026.csv")
    return _build(tmp_path_factory.mktemp("scen-csl2026"), csl, CSL_OWNERSHIP)


@pytest.fixture(scope="session")
def csl_screener(csl_world):
    return csl_world[1]


@pytest.fixture(scope="session")
def csl_db(csl_world) -> Path:
    return csl_world[0]


@pytest.fixture(scope="session")
def watchman_screener(tmp_path_factory):
    """A screener over the China lists + watchman/csl.csv (real licence policies) + WATCHMAN_OWNERSHIP."""
    csl = shared_path("data", "watchman", "csl.csv")
    # watchman/csl.csv ends in a cut-off row: drop it knowingly, as a user would be told to
    return _build(tmp_path_factory.mktemp("scen-watchman"), csl, WATCHMAN_OWNERSHIP, cut_last_row=True)[1]


def screen(screener, name: str, on: str = "2026-12-05", horizon: str = "literal", **kw) -> dict:
    """``screening check NAME --as-of ON --after-horizon HORIZON --json`` through the real core."""
    return screener.check(name, as_of=on, after_horizon=horizon, **kw).to_dict()


def fired(result: dict, rule: str) -> list[dict]:
    """The findings of one rule (any outcome)."""
    return [f for f in result["findings"] if f["rule"] == rule]


def outcomes(result: dict, rule: str) -> set[str]:
    """The outcomes the findings of one rule carry."""
    return {f["outcome"] for f in fired(result, rule)}


SEVERITY = ("PROHIBITED", "PRESUMPTION_OF_DENIAL", "CASE_BY_CASE", "LICENSE_REQUIRED", "REVIEW", "CLEAR")


def at_least(outcome: str, floor: str) -> bool:
    """True when ``outcome`` is as severe as ``floor`` or more."""
    return SEVERITY.index(outcome) <= SEVERITY.index(floor)
