"""Fixtures for bulk screening: small customer files and screeners.

``toy_screener`` is a stand-in with ``Screener.check``'s signature for the
I/O-only tests (it answers in microseconds); everything that claims "the same
answer as ``screening check``" uses ``real_screener``, built on a fresh
database with the project's China lists (loaded automatically on first use).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from screening.errors import Invalid


@dataclass
class ToyResult:
    data: dict

    def to_dict(self) -> dict:
        return self.data


class ToyScreener:
    """Flags names containing "huawei"/"华为"; refuses what the real check refuses."""

    data_version = "toy-1"

    def __init__(self) -> None:
        self.calls = 0

    def check(self, name, country=None, aliases=(), as_of=None, *, after_horizon=None,
              context=None, address=None):
        self.calls += 1
        name = (name or "").strip()
        if not name:
            raise Invalid("name is required")
        if len(name) > 1000:
            raise Invalid(f"name is {len(name)} characters long; at most 1000 are screened")
        hits, findings, outcome = [], [], "CLEAR"
        if any(w in (name + " " + " ".join(aliases)).casefold() for w in ("huawei", "华为")):
            outcome = "DENY-PRESUMED"
            hits = [{"entry_id": "us-el:huawei", "list": "us-el",
                     "name": "Huawei Technologies Co., Ltd.", "matched_name": name,
                     "score": 0.9731, "strength": "match"}]
            findings = [{"rule": "US-EL", "outcome": outcome, "regime": "US",
                         "reason": "listed on the Entity List\nwith a presumption of denial",
                         "citation": "84 FR 22961"}]
        return ToyResult({"outcome": outcome, "hits": hits, "findings": findings,
                          "depends_on": [], "query": {"name": name, "country": country,
                                                      "as_of": as_of, "context": context}})


@pytest.fixture
def toy_screener() -> ToyScreener:
    return ToyScreener()


@pytest.fixture(scope="session")
def real_db(tmp_path_factory) -> Path:
    """A database with the project's lists loaded (built once per session)."""
    from screening.service.screen import open_screener

    path = tmp_path_factory.mktemp("bulk-db") / "screening.db"
    open_screener(str(path))  # loads lists/ on first use
    return path


@pytest.fixture
def real_screener(real_db, monkeypatch):
    """The real screener on ``real_db``; SCREENING_DB points at it for CLI subprocesses."""
    from screening import settings
    from screening.service.screen import open_screener

    monkeypatch.setenv("SCREENING_DB", str(real_db))
    monkeypatch.setattr(settings, "DB_PATH", real_db)
    return open_screener(str(real_db))

