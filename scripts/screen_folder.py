#!/usr/bin/env python3
"""Screen every new customer file in a folder into an output folder.

For a scheduled job (cron, systemd timer) or a watch loop: each CSV/XLSX file in
IN_DIR that has no up-to-date answer in OUT_DIR is screened into
``OUT_DIR/<name>.screened.<ext>``. An interrupted file is resumed. A file that
cannot be read gets ``OUT_DIR/<name>.error.txt`` and the others go on. The lists
are loaded once and reloaded only when they change.

    scripts/screen_folder.py inbox/ outbox/                 # one pass
    scripts/screen_folder.py inbox/ outbox/ --watch 60      # poll every minute
    scripts/screen_folder.py inbox/ outbox/ --as-of 2026-11-22 --workers 2
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from screening.bulk import screen_file  # noqa: E402
from screening.bulk.pipeline import build_screener  # noqa: E402
from screening.bulk.state import state_path  # noqa: E402
from screening.errors import ScreeningError  # noqa: E402

#: File types screened.
SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx", ".xlsm"}
#: A file modified less than this many seconds ago may still be being copied in.
SETTLE_SECONDS = 5.0


def output_for(src: Path, out_dir: Path) -> Path:
    """``inbox/客户.xlsx`` -> ``outbox/客户.screened.xlsx``."""
    return out_dir / f"{src.stem}.screened{src.suffix}"


def pending(in_dir: Path, out_dir: Path, settle: float = SETTLE_SECONDS) -> list[Path]:
    """Input files without a complete, newer output (oldest first)."""
    now = time.time()
    todo = []
    for src in sorted(in_dir.iterdir(), key=lambda p: p.stat().st_mtime):
        if (not src.is_file() or src.suffix.lower() not in SUFFIXES
                or src.name.startswith((".", "~$")) or ".screened." in src.name):
            continue
        mtime = src.stat().st_mtime
        if now - mtime < settle:
            continue  # still arriving
        out = output_for(src, out_dir)
        done = (out.exists() and not state_path(out).exists()
                and out.stat().st_mtime >= mtime)
        if not done:
            todo.append(src)
    return todo


def screen_pending(in_dir: Path, out_dir: Path, screener, args: argparse.Namespace) -> int:
    """Screen what is pending; returns the number of files that failed."""
    failed = 0
    for src in pending(in_dir, out_dir, args.settle):
        out = output_for(src, out_dir)
        error_file = out_dir / f"{src.name}.error.txt"
        try:
            summary = screen_file(src, out, screener=screener, as_of=args.as_of,
                                  after_horizon=args.after_horizon, workers=args.workers,
                                  resume=state_path(out).exists(), progress=False)
        except ScreeningError as exc:
            error_file.write_text(exc.message + "\n", encoding="utf-8")
            print(f"{src.name}: error: {exc.message}", file=sys.stderr)
            failed += 1
            continue
        error_file.unlink(missing_ok=True)
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(summary.outcomes.items()))
        print(f"{src.name}: {summary.rows} rows -> {out.name} ({outcomes}; "
              f"{summary.errors} errors; {summary.seconds:.1f} s)", flush=True)
    return failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("in_dir", type=Path)
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--watch", type=float, metavar="SECONDS",
                    help="Keep running, looking for new files every SECONDS.")
    ap.add_argument("--as-of", help="Screening date (default: today, per file).")
    ap.add_argument("--after-horizon", choices=["literal", "extended", "flag"])
    ap.add_argument("--workers", type=int, help="Worker processes (default: every core).")
    ap.add_argument("--db", help="Database (default: $SCREENING_DB).")
    ap.add_argument("--settle", type=float, default=SETTLE_SECONDS,
                    help="Skip files modified less than this many seconds ago.")
    args = ap.parse_args(argv)
    if not args.in_dir.is_dir():
        ap.error(f"{args.in_dir}: not a folder")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    screener = build_screener(args.db)
    while True:
        if screener.is_stale():
            screener = build_screener(args.db)
        failed = screen_pending(args.in_dir, args.out_dir, screener, args)
        if not args.watch:
            return 1 if failed else 0
        time.sleep(args.watch)


if __name__ == "__main__":
    sys.exit(main())
