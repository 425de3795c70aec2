"""The English/Chinese table: complete, and covering every key the UI uses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from web.i18n import LANGUAGES, outcome_label, t, table

WEB = Path(__file__).resolve().parents[2] / "web"


def used_keys() -> set[str]:
    keys = set()
    for path in [*WEB.glob("templates/*.html"), *WEB.glob("*.py")]:
        keys |= set(re.findall(r"\bt\(\s*'([a-z0-9_]+)'\s*\)", path.read_text(encoding="utf-8")))
        keys |= set(re.findall(r'\bt\(\s*"([a-z0-9_]+)"\s*\)', path.read_text(encoding="utf-8")))
    return keys


def test_every_key_has_every_language():
    for key, texts in table().items():
        assert isinstance(key, str)
        assert set(texts) == set(LANGUAGES), key
        assert all(isinstance(v, str) and v.strip() for v in texts.values()), key


def test_every_used_key_exists():
    assert used_keys() - set(table()) == set()
    assert len(used_keys()) > 80


@pytest.mark.parametrize("prefix,values", [
    ("horizon_", ("literal", "extended", "flag")),
    ("role_", ("screener", "reviewer", "admin")),
    ("job_", ("queued", "running", "done", "failed")),
    ("end_use_", ("civil", "military", "wmd", "logic_le_14nm", "memory_ge_256_layers",
                  "semiconductor_equipment", "semiconductor_materials", "military_ai",
                  "humanitarian")),
])
def test_dynamic_keys_exist(prefix, values):
    assert {prefix + v for v in values} <= set(table())


def test_translations():
    assert t("nav_screen", "en") == "Screen"
    assert t("nav_screen", "zh") == "筛查"
    assert t("no such key", "zh") == "no such key"


def test_outcome_labels_outside_requests():
    assert outcome_label("PROHIBITED") == "PROHIBITED"
    assert outcome_label("DENY-PRESUMED") == "DENY-PRESUMED"
    assert outcome_label("SOMETHING_NEW") == "SOMETHING_NEW"
