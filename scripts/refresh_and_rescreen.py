#!/usr/bin/env python3
"""Refresh the lists, and re-screen a customer file when they (or the file) changed.

For a nightly job: update each source (default: the CSL download and the project's
China lists), then compare the lists in force with those the last answer was
computed against (kept in ``OUTPUT.screening-lists.json``). When anything changed,
the file is screened again and the rows whose outcome changed are reported
(and, with ``--changes``, written to a CSV). A failed update keeps the previous
version in force and is reported; the re-screen then uses what is in force.

"Changed" means: the lists in force, the input file, the rules file or ``--as-of``.
An outcome that changes only because a date passed (a suspension running out)
needs a fixed ``--as-of`` per run or ``--force``.

    scripts/refresh_and_rescreen.py customers.xlsx -o customers.screened.xlsx
    scripts/refresh_and_rescreen.py customers.csv -o out.csv \\
        --update us-csl=/data/consolidated.csv --update project --changes changed.csv

Exit status: 0 when up to date or re-screened, 1 when an update failed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from screening.bulk import screen_file  # noqa: E402
from screening.bulk.io import cell_text, inspect_input, open_table  # noqa: E402
from screening.bulk.pipeline import build_screener  # noqa: E402
from screening.bulk.writers import open_output  # noqa: E402
from screening import settings  # noqa: E402
from screening.errors import ScreeningError  # noqa: E402
from screening.lists.update import update  # noqa: E402
from screening.lists.store import open_store  # noqa: E402

#: Sources updated when no --update is given.
DEFAULT_UPDATES = ("us-csl", "project")
#: Rows with a changed outcome printed to the terminal (all go to --changes).
SHOW_CHANGES = 20


def marker_path(output: Path) -> Path:
    """Where the lists and input an output was computed from are recorded."""
    return output.with_name(output.name + ".screening-lists.json")


def outcome_rows(path: Path) -> Iterator[tuple[list, str]]:
    """(row cells, outcome) of each data row of a screened file."""
    info = inspect_input(path)
    with open_table(info) as table:
        col = next((i for i, h in enumerate(table.headers)
                    if h in ("outcome", "screening_outcome")), None)
        if col is None:
            return
        for rec in table:
            yield rec.cells, cell_text(rec.cells[col]) if col < len(rec.cells) else ""


def compare(old: Path, new: Path) -> list[tuple[int, list, str, str]]:
    """(row number, new row, old outcome, new outcome) for every row whose outcome changed."""
    changes = []
    for n, ((_, before), (cells, after)) in enumerate(zip(outcome_rows(old), outcome_rows(new)),
                                                      start=1):
        if before != after:
            changes.append((n, cells, before, after))
    return changes


def run_updates(db: str | None, specs: list[str]) -> tuple[list[str], bool]:
    """Update each ``SOURCE[=FILE]``; returns report lines and whether all succeeded."""
    store = open_store(db)
    lines, ok = [], True
    for spec in specs:
        source, _, file = spec.partition("=")
        try:
            report = update(store, source, file=file or None)
            lines.append(report.summary())
        except ScreeningError as exc:
            lines.append(f"{source}: update failed: {exc.message}")
            ok = False
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--update", action="append", metavar="SOURCE[=FILE]",
                    help="Source to refresh, optionally from a file (repeatable; default: "
                         + ", ".join(DEFAULT_UPDATES) + ").")
    ap.add_argument("--no-update", action="store_true", help="Only re-screen if needed.")
    ap.add_argument("--changes", type=Path, help="Write rows whose outcome changed to this CSV.")
    ap.add_argument("--as-of", help="Screening date (default: today).")
    ap.add_argument("--workers", type=int)
    ap.add_argument("--db", help="Database (default: $SCREENING_DB).")
    ap.add_argument("--force", action="store_true", help="Re-screen even if nothing changed.")
    args = ap.parse_args(argv)

    ok = True
    if not args.no_update:
        lines, ok = run_updates(args.db, args.update or list(DEFAULT_UPDATES))
        for line in lines:
            print(line)
    screener = build_screener(args.db)
    info = inspect_input(args.input)
    rules = Path(settings.RULES_FILE)
    current = {"lists": screener.data_version, "input_sha256": info.sha256,
               "rules_sha256": hashlib.sha256(rules.read_bytes()).hexdigest()
               if rules.is_file() else None, "as_of": args.as_of}
    marker = marker_path(args.output)
    previous = json.loads(marker.read_text()) if marker.exists() else None
    if previous == current and args.output.exists() and not args.force:
        print(f"{args.output}: lists and input unchanged since the last screening; nothing to do")
        return 0 if ok else 1

    new = args.output.with_name(f".{args.output.stem}.new{args.output.suffix}")
    summary = screen_file(args.input, new, screener=screener, as_of=args.as_of,
                          workers=args.workers, progress=False)
    changes = compare(args.output, new) if args.output.exists() else []
    os.replace(new, args.output)
    marker.write_text(json.dumps(current))
    print(summary.text())
    if previous is None:
        print("first screening of this file")
    else:
        print(f"{len(changes)} rows changed outcome")
        for n, cells, before, after in changes[:SHOW_CHANGES]:
            print(f"  row {n}: {before or 'error'} -> {after or 'error'}  "
                  f"{' | '.join(cell_text(c) for c in cells[:3])}")
    if args.changes and changes:
        out = open_output(args.changes)  # UTF-8 with BOM, formula cells neutralised
        out.write_row(["row", "previous_outcome", "outcome", "cells"])
        for n, cells, before, after in changes:
            out.write_row([n, before, after, " | ".join(cell_text(c) for c in cells)])
        out.finish()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
