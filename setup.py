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
from setuptools.command.build_ext import build_ext as _build_ext

ROOT = Path(__file__).resolve().parent
MATCHING = ROOT / "screening" / "matching"

#: Every module of the matcher but these: ``__init__`` and ``native`` (they choose which
#: build runs, so they must run as Python), ``resources`` (it reads the YAML tables, whose
#: values compiled code would check against its annotations: a bare NO or on in YAML is a
#: bool), ``affiliates`` (its restore() builds with ``__new__``), ``snapshot`` (file I/O) and
#: ``gazetteer`` (reads a package's file once).
COMPILED = ["brahmic", "burmese", "normalize", "annotations", "abjad", "arabic_compounds", "cedict", "greek", "japanese", "korean",
            "pinyin", "russian", "translation", "vietnamese", "tokens", "names_latin", "names_han", "names_ko_ja",
            "names", "schemas", "forms", "choices", "strings", "cut_short", "alignment", "divisions", "short_names", "person_variants", "families", "fitted",
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


class build_ext(_build_ext):
    """Compiles, then writes the build's record where the build goes: beside the
    sources for an editable install (``--inplace``), and into the build tree, which a
    wheel packs (so an installed wheel runs its compiled modules too). The hash is of
    the sources mypyc read (:data:`BEFORE`); it is written only if they are unchanged
    after compiling, so an edit during the build leaves no record vouching for it."""

    def run(self) -> None:
        super().run()
        if PURE or not self.extensions or NATIVE.source_hash(ROOT / "screening") != BEFORE:
            return
        built = [Path(self.get_ext_fullpath(ext.name)) for ext in self.extensions]
        if not all(path.exists() for path in built):
            return  # no C compiler (the extensions are optional): nothing to vouch for
        # not both: a wheel's record beside the sources would vouch for an older build there
        target = RECORD if self.inplace else Path(self.build_lib) / "screening" / "matching" / NATIVE.RECORD
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(BEFORE + "\n", encoding="utf-8")


#: the hash of the sources, before mypyc reads them (in ext_modules, as setup() is called)
BEFORE = NATIVE.source_hash(ROOT / "screening")
setup(ext_modules=ext_modules(), cmdclass={"build_ext": build_ext})
