"""Build: compile the matcher to C with mypyc.

The modules stay Python: mypyc compiles the same type-checked source (mypy passes
on it). Compiled, the matcher runs about a fifth faster on a bulk run and the
slowest searches about 40 % faster; the speed targets of issue 14 are measured on
this build (docs/benchmarks.md, round 20). ``SCREENING_PURE_PYTHON=1`` at install
time skips the compilation (and removes an earlier build); at run time it makes the
package import the sources. The build records the hash of the sources it was made
from (screening/matching/native.py), which decides at import whether it runs.
"""

import importlib.util
import os
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
MATCHING = ROOT / "screening" / "matching"

#: Every module of the matcher but these: ``__init__`` and ``native`` (they choose which
#: build runs, so they must run as Python), ``resources`` (it reads the YAML tables, whose
#: values compiled code would check against its annotations: a bare NO or on in YAML is a
#: bool), ``affiliates`` (its restore() builds with ``__new__``) and ``snapshot`` (file I/O).
COMPILED = ["normalize", "annotations", "abjad", "arabic_compounds", "cedict", "greek", "japanese", "korean",
            "pinyin", "russian", "translation", "vietnamese", "tokens", "names_latin", "names_han", "names_ko_ja",
            "names", "schemas", "forms", "choices", "strings", "cut_short", "alignment", "families", "fitted",
            "features", "config", "algorithm", "explain", "index"]


def _native():
    """screening/matching/native.py, loaded by path (the package's dependencies are not
    installed in pip's build environment)."""
    spec = importlib.util.spec_from_file_location("_screening_native", MATCHING / "native.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NATIVE = _native()
RECORD = MATCHING / NATIVE.RECORD
PURE = os.environ.get("SCREENING_PURE_PYTHON", "").strip().lower() not in ("", "0", "false", "no", "off")


def ext_modules() -> list:
    RECORD.unlink(missing_ok=True)
    if PURE:
        for built in list(MATCHING.glob("*.so")) + list(ROOT.glob("*__mypyc*.so")):
            built.unlink()  # an earlier build would otherwise still be found
        return []
    from mypyc.build import mypycify

    # the build runs apart from the project's dependencies (pip's isolated build): their
    # types are then unknown to mypyc, which compiles calls into them as Python calls
    extensions = mypycify(["--ignore-missing-imports"] + [f"screening/matching/{name}.py" for name in COMPILED],
                          opt_level="3")
    for extension in extensions:
        extension.optional = True  # no C compiler: pip warns and installs the pure-Python package
    return extensions


BEFORE = NATIVE.source_hash(ROOT / "screening")
setup(ext_modules=ext_modules())
# the sources mypyc read, unchanged while it compiled: only then does the record vouch for
# the build (an editable install's; a wheel is packed before this line, so its build runs
# from source, and native.MODE says so)
if not PURE and NATIVE.source_hash(ROOT / "screening") == BEFORE:
    RECORD.write_text(BEFORE + "\n", encoding="utf-8")
