"""YAML parsing with libyaml's C parser when PyYAML has it (about 5x faster than pure Python).

The rules, the matching tables and the UI strings are read when a screener or the
web app starts; with the pure-Python parser that alone took most of a second.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

#: The C safe loader when PyYAML was built with libyaml, else the pure-Python one.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO) -> Any:
    """``yaml.safe_load`` on the fastest safe loader available (same results)."""
    return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - a safe loader
