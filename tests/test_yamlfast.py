"""The fast YAML loader gives what PyYAML's safe loader gives, on every YAML file we ship."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from screening import yamlfast

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted([*ROOT.glob("screening/**/*.yaml"), *ROOT.glob("web/**/*.yaml"),
                *ROOT.glob("lists/**/*.yaml")])


def test_there_are_files_to_compare():
    assert len(FILES) > 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_result_as_the_pure_python_safe_loader(path):
    text = path.read_text(encoding="utf-8")
    assert yamlfast.safe_load(text) == yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506


def test_refuses_python_objects():
    with pytest.raises(yaml.YAMLError):
        yamlfast.safe_load("!!python/object/apply:os.system ['true']")
