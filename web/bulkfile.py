"""Screen one uploaded file for the UI, with progress.

The bulk package (:mod:`screening.bulk`) owns file screening for the CLI; when
its ``screen_file`` is importable the UI uses it, so an uploaded file gets the
same output as ``screening screen``. Until then (or if it fails to import) this
module's small row-by-row fallback reads CSV / XLSX, calls ``Screener.check``
per row and writes every input column plus the outcome columns.
"""

from __future__ import annotations

import csv
import inspect
import io
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from screening.errors import BadInput, ScreeningError

#: Progress callback: (rows done, rows total or None, counts per outcome, errors).
Progress = Callable[[int, "int | None", dict[str, int], int], None]

#: Columns appended to every input row by the fallback.
OUT_COLUMNS = ("outcome", "top_list", "top_entry_id", "top_name", "top_matched_name",
               "top_score", "findings", "error")

#: Header names that hold the party name / country (fallback only; the bulk package maps more).
NAME_HEADERS = ("name", "company", "customer", "customer name", "company name", "party",
                "full_name", "full name", "客户名称", "公司名称", "名称", "客户", "公司")
COUNTRY_HEADERS = ("country", "country code", "国家", "国家/地区")

#: Leading characters that make a spreadsheet cell a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Rows between two progress callbacks.
PROGRESS_EVERY = 25


def run_file(screener: Any, src: Path, dst: Path, *, as_of: str | None = None,
             after_horizon: str | None = None, progress: Progress | None = None) -> dict:
    """Screen ``src`` into ``dst``; returns ``{"rows", "counts", "errors"}``."""
    bulk = _bulk_screen_file()
    if bulk is not None:
        return _run_with_bulk(bulk, screener, src, dst, as_of=as_of,
                              after_horizon=after_horizon, progress=progress)
    return run_fallback(screener, src, dst, as_of=as_of, after_horizon=after_horizon,
                        progress=progress)


def _bulk_screen_file() -> Callable | None:
    try:
        from screening.bulk import screen_file  # type: ignore[attr-defined]
    except ImportError:
        return None
    return screen_file


def _run_with_bulk(screen_file: Callable, screener: Any, src: Path, dst: Path, *,
                   as_of: str | None, after_horizon: str | None,
                   progress: Progress | None) -> dict:
    """Call the bulk package with whichever of our arguments its signature takes."""
    params = inspect.signature(screen_file).parameters
    offered: dict[str, Any] = {"screener": screener, "as_of": as_of,
                               "after_horizon": after_horizon, "workers": 1, "engine": "local",
                               "progress": progress, "quiet": True}
    kwargs = {k: v for k, v in offered.items() if k in params and v is not None}
    summary = screen_file(src, dst, **kwargs)
    return _summary_dict(summary)


def _summary_dict(summary: Any) -> dict:
    """Normalise the bulk package's summary (dict or object) to rows / counts / errors."""
    get = summary.get if isinstance(summary, dict) else (lambda k, d=None: getattr(summary, k, d))
    counts = get("counts") or get("outcomes") or {}
    rows = get("rows") or get("rows_total") or get("total") or sum(counts.values())
    errors = get("errors") or 0
    if isinstance(errors, (list, tuple)):
        errors = len(errors)
    return {"rows": int(rows), "counts": dict(counts), "errors": int(errors)}


# ---------------------------------------------------------------- fallback
def run_fallback(screener: Any, src: Path, dst: Path, *, as_of: str | None = None,
                 after_horizon: str | None = None, progress: Progress | None = None) -> dict:
    """Row by row through ``screener.check``; every input column kept, outcome columns added."""
    header, rows, total = _read(src)
    name_col = _find(header, NAME_HEADERS)
    if name_col is None:
        name_col = 0
    country_col = _find(header, COUNTRY_HEADERS)
    counts: Counter[str] = Counter()
    errors = 0
    out_rows: list[list[str]] = []
    cache: dict[tuple[str, str], list[str]] = {}
    for i, row in enumerate(rows, 1):
        name = row[name_col].strip() if name_col < len(row) else ""
        country = row[country_col].strip() if country_col is not None and country_col < len(row) else ""
        key = (name, country)
        if key not in cache:
            cache[key] = _screen_row(screener, name, country, as_of, after_horizon)
        extra = cache[key]
        if extra[-1]:
            errors += 1
        else:
            counts[extra[0]] += 1
        out_rows.append(row + [""] * (len(header) - len(row)) + extra)
        if progress and i % PROGRESS_EVERY == 0:
            progress(i, total, dict(counts), errors)
    _write(dst, list(header) + list(OUT_COLUMNS), out_rows)
    if progress:
        progress(len(out_rows), len(out_rows), dict(counts), errors)
    return {"rows": len(out_rows), "counts": dict(counts), "errors": errors}


def _screen_row(screener: Any, name: str, country: str, as_of: str | None,
                after_horizon: str | None) -> list[str]:
    if not name:
        return ["", "", "", "", "", "", "", "name is empty"]
    try:
        d = screener.check(name, country=country or None, as_of=as_of,
                           after_horizon=after_horizon).to_dict()
    except ScreeningError as exc:
        return ["", "", "", "", "", "", "", exc.message]
    top = (d.get("hits") or [{}])[0]
    findings = "; ".join(
        f"{f.get('outcome')} {f.get('rule')}" + (f" ({f['citation']})" if f.get("citation") else "")
        for f in d.get("findings", []))
    score = top.get("score")
    return [d["outcome"], top.get("list", ""), top.get("entry_id", ""), top.get("name", ""),
            top.get("matched_name", ""), "" if score is None else f"{score:.3f}", findings, ""]


def _find(header: list[str], names: tuple[str, ...]) -> int | None:
    norm = [h.strip().casefold() for h in header]
    for n in names:
        if n in norm:
            return norm.index(n)
    return None


def _read(src: Path) -> tuple[list[str], Iterator[list[str]], int]:
    if src.suffix.lower() == ".xlsx":
        return _read_xlsx(src)
    raw = src.read_bytes()
    for enc in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BadInput(f"{src.name}: cannot decode the file (UTF-8, UTF-16 or GB18030 expected)")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise BadInput(f"{src.name}: no rows")
    return rows[0], iter(rows[1:]), len(rows) - 1


def _read_xlsx(src: Path) -> tuple[list[str], Iterator[list[str]], int]:
    from openpyxl import load_workbook

    wb = load_workbook(src, read_only=True, data_only=True)
    ws = wb.active
    it = ws.iter_rows(values_only=True)
    try:
        header = ["" if v is None else str(v) for v in next(it)]
    except StopIteration:
        raise BadInput(f"{src.name}: the first sheet is empty")
    total = max(0, (ws.max_row or 1) - 1)
    rows = (["" if v is None else str(v) for v in r] for r in it)
    return header, rows, total


def _safe(cell: str) -> str:
    """Neutralise spreadsheet formulas (a leading quote)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _write(dst: Path, header: list[str], rows: list[list[str]]) -> None:
    if dst.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet()
        ws.append([_safe(c) for c in header])
        for r in rows:
            ws.append([_safe(c) for c in r])
        wb.save(dst)
        return
    with dst.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow([_safe(c) for c in header])
        w.writerows([_safe(c) for c in r] for r in rows)
