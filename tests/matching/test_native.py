"""The compiled matcher (setup.py, mypyc) and when its sources run instead
(screening/matching/native.py): a build runs only while the sources it was made
from are unchanged, as their hash says; never by file times."""

import copy
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from screening.matching import analyze_name, native
from screening.matching.algorithm import DEFAULT_PLAN, FEATURES
from screening.matching.config import default_config
from screening.matching.families import Partial
from screening.matching.fitted import Model


def _mode(env: dict[str, str]) -> tuple[str, str]:
    code = "import screening.matching.alignment as a, screening.matching.native as n; print(a.__file__); print(n.MODE)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    path, mode = out.strip().split("\n")
    return path, mode


def test_pure_python_setting_runs_the_sources():
    path, mode = _mode(dict(os.environ, SCREENING_PURE_PYTHON="1"))
    assert path.endswith("alignment.py")
    if native.compiled_modules():
        assert mode == "source: asked"


def test_the_mode_says_which_build_runs():
    path, mode = _mode({k: v for k, v in os.environ.items() if k != "SCREENING_PURE_PYTHON"})
    assert mode in ("compiled", "source", "source: sources changed since the build", "source: no build record")
    assert path.endswith(".py") == (mode != "compiled")


@pytest.mark.skipif(not os.environ.get("SCREENING_REQUIRE_COMPILED"), reason="only where the build must be compiled (CI)")
def test_ci_runs_the_compiled_build():
    """.ci/run sets SCREENING_REQUIRE_COMPILED: CI passing on the Python matcher alone
    would say nothing of the build users get (helper-73)."""
    assert native.MODE == "compiled"


def test_the_record_decides_not_file_times(tmp_path: Path):
    pkg = tmp_path / "screening"
    here = pkg / "matching"
    here.mkdir(parents=True)
    (here / "alignment.py").write_text("x = 1\n")
    (pkg / "types.py").write_text("y = 1\n")
    assert native.build_matches(here) == "no build record"
    (here / native.RECORD).write_text(native.source_hash(pkg) + "\n")
    assert native.build_matches(here) is None
    (pkg / "types.py").write_text("y = 2\n")  # a module the compiled code imports
    assert native.build_matches(here) == "sources changed since the build"
    (pkg / "types.py").write_text("y = 1\n")  # put back as it was (a checkout): the build holds again
    assert native.build_matches(here) is None


def test_compiled_modules_are_those_beside_their_source(tmp_path: Path):
    suffix = native.importlib.machinery.EXTENSION_SUFFIXES[0]
    (tmp_path / "alignment.py").write_text("x = 1\n")
    (tmp_path / f"alignment{suffix}").write_bytes(b"")
    (tmp_path / f"orphan{suffix}").write_bytes(b"")  # no source: not one of ours
    assert list(native.compiled_modules(tmp_path, "pkg")) == ["pkg.alignment"]


def test_the_from_source_finder_only_takes_its_modules():
    finder = native._FromSource(["screening.matching.strings"])
    spec = finder.find_spec("screening.matching.strings")
    assert spec is not None and spec.origin.endswith("strings.py")
    assert finder.find_spec("screening.matching.index") is None


@pytest.mark.parametrize(
    "value",
    [
        default_config(),
        DEFAULT_PLAN,
        FEATURES[0],
        Partial(("huawei",), ("technologies",)),
        Model((0.5, -1.0), 0.1, 0.7, 0.85),
        analyze_name("华为技术有限公司"),  # its readings (tokens.Choice)
    ],
)
def test_frozen_records_pickle_and_copy(value):
    """Compiled, a frozen dataclass cannot be rebuilt field by field: each says how
    (helper-73 found MatchConfig, Plan, Feature, Partial, Model and Choice could not)."""
    for twin in (pickle.loads(pickle.dumps(value)), copy.copy(value), copy.deepcopy(value)):
        assert twin == value or repr(twin) == repr(value)
