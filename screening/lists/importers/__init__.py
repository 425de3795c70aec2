"""List importers: each turns one source format into :class:`~screening.types.Entry`
(and :class:`~screening.types.Relationship`) objects. Importers only parse; the
store writes.

>>> detect_format(Path("sdn.csv.gz"))  # doctest: +SKIP
'ofac-sdn'

Formats: ``csl-csv``, ``csl-json`` (trade.gov CSL), ``ofac-sdn`` (legacy
``sdn.csv`` + siblings), ``ofac-cons`` (``cons_prim.csv`` + siblings), ``ftm``
(FollowTheMoney JSON lines), ``own-csv`` (a company's own list),
``ownership-csv`` and ``project-yaml`` (the project's own China lists, loaded
lazily from :mod:`screening.lists.importers.project_yaml`).
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from screening.errors import BadInput, ImportFailed
from screening.types import Entry, Relationship

Record = Entry | Relationship


class Importer(Protocol):
    """What the registry holds: a parser and a sniffer for one format."""

    def parse(self, path: Path, **options: Any) -> Iterator[Record]: ...

    def sniff(self, path: Path) -> bool: ...


@dataclass(frozen=True)
class Format:
    """An importer made of two functions (for modules that serve two formats)."""

    name: str
    parse: Callable[..., Iterator[Record]]
    sniff: Callable[[Path], bool]


class LazyImporter:
    """An importer module imported on first use, so the registry works before
    (or without) the module existing.

    A folder goes to the module's ``parse_dir`` when it has one. Options the
    module's function does not accept are dropped. Without a ``sniff`` in the
    module, files ending in ``suffixes`` (or folders holding such files) match.
    """

    def __init__(self, module: str, suffixes: tuple[str, ...] = ()) -> None:
        self.module = module
        self.suffixes = suffixes

    def _load(self) -> Any:
        return importlib.import_module(self.module)

    def parse(self, path: Path, **options: Any) -> Iterator[Record]:
        """Delegate to the module's ``parse`` (or ``parse_dir`` for a folder)."""
        module = self._load()
        func = module.parse
        if Path(path).is_dir() and hasattr(module, "parse_dir"):
            func = module.parse_dir
        params = inspect.signature(func).parameters
        if not any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
            options = {k: v for k, v in options.items() if k in params}
        records: Iterator[Record] = func(path, **options)
        return records

    def sniff(self, path: Path) -> bool:
        """The module's ``sniff``, else the file-suffix rule; False when the
        module cannot be imported."""
        try:
            module = self._load()
        except ImportError:
            return False
        if not hasattr(module, "sniff"):
            path = Path(path)
            if path.is_dir():
                return any(p.suffix.lower() in self.suffixes for p in path.rglob("*"))
            return path.suffix.lower() in self.suffixes
        try:
            return bool(module.sniff(path))
        except Exception:  # a sniffer must never break detection of other formats
            return False


def _registry() -> dict[str, Importer]:
    from screening.lists.importers import (
        ftm,
        ofac_legacy,
        own_list_csv,
        ownership_csv,
        us_csl,
    )

    return {
        "project-yaml": LazyImporter("screening.lists.importers.project_yaml", (".yaml", ".yml")),
        "csl-csv": Format("csl-csv", us_csl.parse_csv, us_csl.sniff_csv),
        "csl-json": Format("csl-json", us_csl.parse_json, us_csl.sniff_json),
        "ofac-cons": Format("ofac-cons", ofac_legacy.parse_cons, ofac_legacy.sniff_cons),
        "ofac-sdn": Format("ofac-sdn", ofac_legacy.parse_sdn, ofac_legacy.sniff_sdn),
        "ftm": Format("ftm", ftm.parse, ftm.sniff),
        "ownership-csv": Format("ownership-csv", ownership_csv.parse, ownership_csv.sniff),
        "own-csv": Format("own-csv", own_list_csv.parse, own_list_csv.sniff),
    }


#: name -> importer, in sniffing order (most specific first).
IMPORTERS: dict[str, Importer] = _registry()


def detect_format(path: Path) -> str:
    """Name of the importer whose sniffer accepts ``path`` (header row, JSON
    shape, OFAC's header-less layout); ImportFailed when none does."""
    path = Path(path)
    if not path.exists():
        raise ImportFailed(f"{path}: no such file or directory", file=str(path))
    for name, importer in IMPORTERS.items():
        if importer.sniff(path):
            return name
    raise ImportFailed(
        f"{path}: unrecognised list format (known: {', '.join(IMPORTERS)})", file=str(path)
    )


def parse_file(path: Path, format: str | None = None, **options: Any) -> Iterator[Record]:
    """Parse ``path`` with the named importer (detected when ``format`` is None).

    ``options`` go to the importer: ``list_id`` (own-csv, ftm), ``strict`` and
    ``cut_rows`` (csl-csv: a cut-off last row), ``lists`` (csl-csv/json: keep only
    these list ids)...
    """
    path = Path(path)
    name = format or detect_format(path)
    if name not in IMPORTERS:
        raise BadInput(f"unknown list format {name!r} (known: {', '.join(IMPORTERS)})")
    return IMPORTERS[name].parse(path, **options)
