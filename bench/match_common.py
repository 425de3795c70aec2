"""Shared loading for the ``bench/match_*.py`` scripts: the full lists, built
from ``/work/shared/data`` (never copied into the project).

``full_entries()`` = the US CSL 2026 (24,667 rows, via the project's CSL
importer) plus the project's China lists (``lists/``).
"""

from __future__ import annotations

import csv
import gzip
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("SCREENING_SHARED_DIR", ROOT.parent / "shared")) / "data"
CSL_2026 = SHARED / "derived" / "csl-2026.csv"
YENTE = SHARED / "yente" / "candidate_generation_benchmark"

from screening.types import Entry  # noqa: E402


def need(path: Path) -> Path:
    """Exit with a clear message when a shared data file is absent."""
    if not path.exists():
        sys.exit(f"missing shared data file: {path}")
    return path


def us_entries() -> list[Entry]:
    """The CSL 2026 rows as entries (project importer)."""
    from screening.lists.importers import us_csl

    return list(us_csl.parse_csv(need(CSL_2026)))


def china_entries() -> list[Entry]:
    """The project's China lists (``lists/``), if the importer can read them."""
    try:
        from screening.lists.importers import project_yaml

        return [e for e in project_yaml.parse_dir(ROOT / "lists") if isinstance(e, Entry)]
    except Exception as exc:  # the lists are optional for these benchmarks
        print(f"(china lists not loaded: {exc})", file=sys.stderr)
        return []


def full_entries() -> list[Entry]:
    """US CSL 2026 + China lists."""
    return us_entries() + china_entries()


def read_names(path: Path, column: str = "full_name") -> list[str]:
    """One column of a (possibly gzipped) CSV."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        return [row[column] for row in csv.DictReader(fh)]


def rss_mb() -> float:
    """Peak resident memory of this process, MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str):
    """Context manager printing the wall time of a block."""

    class _T:
        def __enter__(self):
            self.t = time.perf_counter()
            return self

        def __exit__(self, *exc):
            self.seconds = time.perf_counter() - self.t
            print(f"{label}: {self.seconds:.2f} s")

    return _T()
