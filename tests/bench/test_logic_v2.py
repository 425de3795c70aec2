"""``bench/logic_v2.py``: yente's matcher as the yardstick (needs the bench extra)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("nomenklatura")
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import logic_v2  # noqa: E402


def test_schema_names():
    assert logic_v2.ftm_schema("person") == "Person"
    assert logic_v2.ftm_schema("Company") == "Company"
    assert logic_v2.ftm_schema("") == "LegalEntity"


def test_each_pair_is_scored_afresh():
    """nomenklatura caches by entity id: a reused id would give every pair the first score."""
    assert logic_v2.score("Vladimir Putin", "PUTIN, Vladimir Vladimirovich", "person") >= logic_v2.THRESHOLD
    assert logic_v2.score("Acme Widgets", "Harbin Institute of Technology", "company") < logic_v2.THRESHOLD
