"""Build: compile the matcher's hot modules to C with mypyc.

The modules stay Python: mypyc compiles the same type-checked source (mypy
passes on it). A module compiled here runs about 1.2-2x faster; the bulk
throughput and search-latency targets of issue 14 are measured on this build
(docs/benchmarks.md). ``SCREENING_PURE_PYTHON=1`` at install time skips the
compilation; at run time it makes the package import the sources
(screening/matching/native.py, which also does so when a source is newer than
its build).
"""

import os

from setuptools import setup

#: Every module of the matcher but these: ``__init__`` and ``native`` (they choose which
#: build runs, so they must run as Python), ``resources`` (it reads the YAML tables, whose
#: values compiled code would check against its annotations: a bare NO or on in YAML is a
#: bool), ``affiliates`` (its restore() builds with ``__new__``) and ``snapshot`` (file I/O).
COMPILED = ["normalize", "annotations", "abjad", "arabic_compounds", "cedict", "greek", "japanese", "korean",
            "pinyin", "russian", "translation", "vietnamese", "tokens", "names_latin", "names_han", "names_ko_ja",
            "names", "schemas", "forms", "choices", "strings", "cut_short", "alignment", "families", "fitted",
            "features", "config", "algorithm", "explain", "index"]


def ext_modules() -> list:
    if os.environ.get("SCREENING_PURE_PYTHON", "").strip().lower() not in ("", "0", "false", "no", "off"):
        return []
    from mypyc.build import mypycify

    # the build runs apart from the project's dependencies (pip's isolated build): their
    # types are then unknown to mypyc, which compiles calls into them as Python calls
    extensions = mypycify(["--ignore-missing-imports"] + [f"screening/matching/{name}.py" for name in COMPILED],
                          opt_level="3")
    for extension in extensions:
        extension.optional = True  # no C compiler: pip warns and installs the pure-Python package
    return extensions


setup(ext_modules=ext_modules())
