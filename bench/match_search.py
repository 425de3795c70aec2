"""Golden search sets (``bench/search/*.csv``) against the full lists.

Builds one Matcher over the US CSL 2026 plus the China lists (the same entries
as the other ``match_*`` benchmarks, no database needed) and prints the
``screening bench search`` report of every file given (all files by default).

    .venv/bin/python bench/match_search.py [bench/search/chinese_script.csv ...] [--show N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from match_common import ROOT, full_entries

from screening.evaluation import format_report, search_report
from screening.matching import Matcher


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="search CSVs (default: bench/search/*.csv)")
    parser.add_argument("--show", type=int, default=20, help="misses / false positives to print per file")
    args = parser.parse_args()
    files = [Path(f) for f in args.files] or sorted((ROOT / "bench" / "search").glob("*.csv"))
    t0 = time.perf_counter()
    matcher = Matcher(full_entries())
    print(f"index built in {time.perf_counter() - t0:.2f} s (incl. parsing the lists)")
    for path in files:
        print(format_report(search_report(matcher, path, show_errors=args.show)))


if __name__ == "__main__":
    main()
