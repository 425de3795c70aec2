"""Build: compile the matcher's hot modules to C with mypyc.

The modules stay Python: mypyc compiles the same type-checked source (mypy
passes on it). A module compiled here runs about 1.2-2x faster; the bulk
throughput and search-latency targets of issue 14 are measured on this build
(docs/benchmarks.md). ``SCREENING_PURE_PYTHON=1`` at install time skips the
compilation; at run time it makes the package import the sources
(screening/matching/native.py, which also does so when a source is newer than
its build). ``index.py`` is left out: it builds objects with ``__new__``,
which compiled classes do not allow.
"""

import os

from setuptools import setup

#: The hot path of a screening (bench/bulk_throughput.py --profile), in data-flow order.
COMPILED = ["normalize", "annotations", "names_latin", "names", "forms", "choices", "strings",
            "alignment", "features", "algorithm"]


def ext_modules() -> list:
    if os.environ.get("SCREENING_PURE_PYTHON", "").strip().lower() not in ("", "0", "false", "no", "off"):
        return []
    from mypyc.build import mypycify

    # the build runs apart from the project's dependencies (pip's isolated build): their
    # types are then unknown to mypyc, which compiles calls into them as Python calls
    return mypycify(["--ignore-missing-imports"] + [f"screening/matching/{name}.py" for name in COMPILED],
                    opt_level="3")


setup(ext_modules=ext_modules())
