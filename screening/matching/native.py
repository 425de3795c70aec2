"""Which build of the matcher runs: compiled, or from source.

``pip install`` compiles the matcher's modules to C with mypyc (``setup.py`` lists
them; ``SCREENING_PURE_PYTHON=1`` at install time skips it). The same source runs
either way: a compiled module is the source, type-checked and compiled. A build
bakes in the sources it was made from, and the types of every module they import,
so ``setup.py`` records a hash of those sources (:data:`HASHED`) beside the build
(:data:`RECORD`), taken before compiling and checked after. At import,
:func:`choose` hashes them again: when they differ (a source edited since the build,
an edit during the build, a checkout) or no record vouches for the build, every
compiled module is imported from its source, as it is when ``SCREENING_PURE_PYTHON``
is set at run time (a profiler or a debugger needs the source). File times decide
nothing: a wheel or a checkout writes them in any order.

This module imports nothing from the project at load: ``setup.py`` loads it by path.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Sequence

HERE = Path(__file__).resolve().parent
PACKAGE = "screening.matching"
#: The sources a build depends on, relative to the ``screening`` package: the matcher,
#: and the project modules it imports (whose types the compiled code checks).
HASHED = ("matching/*.py", "countries.py", "heap.py", "settings.py", "texts.py", "types.py")
#: The build's record: the hash of :data:`HASHED` the compiled modules were made from.
RECORD = "compiled.hash"

#: What :func:`choose` decided: "compiled", "source" (nothing compiled), "source: asked"
#: (SCREENING_PURE_PYTHON), "source: sources changed since the build" or "source: no build record".
MODE = "source"


def source_hash(package_dir: Path) -> str:
    """Hash of the sources a build depends on (:data:`HASHED`) under ``package_dir``."""
    h = hashlib.blake2b(digest_size=16)
    for pattern in HASHED:
        for path in sorted(package_dir.glob(pattern)):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def compiled_modules(here: Path = HERE, package: str = PACKAGE) -> dict[str, Path]:
    """Each compiled module beside its source: module name -> its compiled file."""
    out: dict[str, Path] = {}
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for built in here.glob("*" + suffix):
            name = built.name[: -len(suffix)]
            if (here / f"{name}.py").exists():
                out[f"{package}.{name}"] = built
    return out


def build_matches(here: Path = HERE) -> str | None:
    """None when the build's record holds the sources' hash; else why not."""
    record = here / RECORD
    if not record.exists():
        return "no build record"
    if record.read_text(encoding="utf-8").strip() != source_hash(here.parent):
        return "sources changed since the build"
    return None


class _FromSource(importlib.abc.MetaPathFinder):
    """Finds the named modules' sources, ahead of their compiled builds."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = frozenset(names)

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.names:
            return None
        return importlib.util.spec_from_file_location(fullname, HERE / (fullname.rpartition(".")[2] + ".py"))


def choose() -> str:
    """Import the compiled modules, or all of them from source (see the module's
    docstring); called once, by the package, before it imports any of them."""
    global MODE
    from screening import settings

    built = compiled_modules()
    if not built:
        MODE = "source"
        return MODE
    why = "asked" if settings.PURE_PYTHON else build_matches()
    if why:
        if not any(isinstance(f, _FromSource) for f in sys.meta_path):
            sys.meta_path.insert(0, _FromSource(list(built)))
        MODE = f"source: {why}"
    else:
        MODE = "compiled"
    return MODE
