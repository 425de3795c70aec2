"""Which build of the matcher's hot modules runs: compiled, or from source.

``pip install`` compiles the matcher's hot modules to C with mypyc (``setup.py``
lists them; ``SCREENING_PURE_PYTHON=1`` at install time skips it). The same
source runs either way: a compiled module is the source, type-checked and
compiled. An editable install keeps each compiled module beside its source, and
Python imports the compiled one first, so a source edited since the build would
not run. :func:`choose` therefore imports every hot module from its source when
any compiled one is older than its source, or when ``SCREENING_PURE_PYTHON`` is
set at run time (a profiler or a debugger needs the source).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Sequence

from screening import settings

HERE = Path(__file__).resolve().parent
PACKAGE = __name__.rpartition(".")[0]

#: What :func:`choose` decided: "compiled", "source" (nothing compiled),
#: "source: asked" (SCREENING_PURE_PYTHON) or "source: stale build of <module>".
MODE = "source"


def compiled_modules(here: Path = HERE, package: str = PACKAGE) -> dict[str, Path]:
    """Each compiled module beside its source: module name -> its compiled file."""
    out: dict[str, Path] = {}
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for built in here.glob("*" + suffix):
            name = built.name[: -len(suffix)]
            if (here / f"{name}.py").exists():
                out[f"{package}.{name}"] = built
    return out


def stale_modules(built: dict[str, Path]) -> list[str]:
    """The modules of ``built`` whose source is newer than their compiled file."""
    return sorted(name for name, so in built.items()
                  if so.with_name(name.rpartition(".")[2] + ".py").stat().st_mtime > so.stat().st_mtime)


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
    """Import the hot modules compiled, or all of them from source (see the module's
    docstring); called once, by the package, before it imports any of them."""
    global MODE
    built = compiled_modules()
    if not built:
        MODE = "source"
        return MODE
    stale = stale_modules(built)
    asked = settings.PURE_PYTHON
    if asked or stale:
        if not any(isinstance(f, _FromSource) for f in sys.meta_path):
            sys.meta_path.insert(0, _FromSource(list(built)))
        MODE = "source: asked" if asked else f"source: stale build of {stale[0]}"
    else:
        MODE = "compiled"
    return MODE
