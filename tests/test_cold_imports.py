"""A one-name `screening check` does not import what it never uses (pandas, numpy, pyarrow)."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pandas", "numpy", "pyarrow")


def test_check_path_imports_no_dataframe_libraries():
    code = ("import json, sys; import screening.cli, screening.service.screen, screening.render, "
            "screening.matching.snapshot; "
            f"print(json.dumps(sorted(set({HEAVY!r}) & set(sys.modules))))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert json.loads(out.stdout) == []


def test_sqlite_utils_still_works_and_pandas_stays_importable():
    code = ("import sys; from screening.lists.store import open_store; s = open_store(':memory:'); "
            "s.list_status(); import pandas; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "ok"
