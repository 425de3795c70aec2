"""The compiled hot modules (setup.py, mypyc) and when the sources run instead
(screening/matching/native.py): a build older than its source never runs."""

import os
import subprocess
import sys
import time
from pathlib import Path

from screening.matching import native


def _module_file(env: dict[str, str]) -> str:
    code = "import screening.matching.alignment as a, screening.matching.native as n; print(a.__file__, n.MODE)"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_pure_python_setting_runs_the_sources():
    env = dict(os.environ, SCREENING_PURE_PYTHON="1")
    out = _module_file(env)
    assert out.split()[0].endswith("alignment.py")
    if native.compiled_modules():
        assert out.endswith("source: asked")


def test_the_mode_says_which_build_runs():
    env = {k: v for k, v in os.environ.items() if k != "SCREENING_PURE_PYTHON"}
    path, mode = _module_file(env).split(" ", 1)
    assert mode in ("compiled", "source") or mode.startswith("source: stale build of ")
    assert path.endswith(".py") == (mode != "compiled")


def test_a_build_older_than_its_source_is_stale(tmp_path: Path):
    suffix = native.importlib.machinery.EXTENSION_SUFFIXES[0]
    for name in ("fresh", "edited"):
        (tmp_path / f"{name}.py").write_text("x = 1\n")
        (tmp_path / f"{name}{suffix}").write_bytes(b"")
    (tmp_path / f"orphan{suffix}").write_bytes(b"")  # no source: not one of ours
    old = time.time() - 100
    os.utime(tmp_path / "fresh.py", (old, old))
    os.utime(tmp_path / f"edited{suffix}", (old, old))
    built = native.compiled_modules(tmp_path, "pkg")
    assert sorted(built) == ["pkg.edited", "pkg.fresh"]
    assert native.stale_modules(built) == ["pkg.edited"]


def test_the_from_source_finder_only_takes_its_modules():
    finder = native._FromSource(["screening.matching.strings"])
    spec = finder.find_spec("screening.matching.strings")
    assert spec is not None and spec.origin.endswith("strings.py")
    assert finder.find_spec("screening.matching.index") is None
