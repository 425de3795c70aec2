"""Shared fixtures.

Fixture policy (yente's): use the smallest data that shows the behaviour. Real
third-party files are read from ``../shared/data`` and tests skip, with a reason,
where it is absent; they are never copied into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (shared test data absent)")
    return p


@pytest.fixture
def shared_dir() -> Path:
    """The ../shared folder (skips when absent)."""
    if not SHARED.exists():
        pytest.skip("needs ../shared (shared test data absent)")
    return SHARED


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    """A fresh database file; SCREENING_DB points at it."""
    from screening import settings

    path = tmp_path / "screening.db"
    monkeypatch.setenv("SCREENING_DB", str(path))
    monkeypatch.setattr(settings, "DB_PATH", path)
    return path


@pytest.fixture
def store(db_path):
    """A fresh, migrated store (no lists loaded)."""
    from screening.lists.store import open_store

    return open_store(db_path)


def pytest_terminal_summary(terminalreporter) -> None:
    """Say loudly when the browser tests did not run (no Chromium), with or without ``-ra``."""
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if "BROWSER TESTS SKIPPED" in str(getattr(r, "longrepr", ""))]
    if skipped:
        reason = str(skipped[0].longrepr[2]) if isinstance(skipped[0].longrepr, tuple) else ""
        terminalreporter.write_sep("!", f"{len(skipped)} browser tests skipped", red=True, bold=True)
        terminalreporter.write_line(reason.removeprefix("Skipped: "), red=True, bold=True)
