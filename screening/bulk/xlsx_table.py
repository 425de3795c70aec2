"""Reading the worksheet of an XLSX workbook row by row (openpyxl's streaming mode).

:class:`XlsxTable` is what :func:`screening.bulk.io.open_table` returns for XLSX
input, after :mod:`.xlsx_guard` checked the workbook for decompression bombs.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator

from ..errors import BadInput
from .io import InputInfo, Record, Table, cell_text


class XlsxTable(Table):
    """The first (or named) worksheet of a workbook, read in openpyxl's streaming mode.

    The workbook is checked for decompression bombs first (:mod:`.xlsx_guard`).
    The sheet's ``<dimension>`` element is ignored (openpyxl would stop reading at a
    stale one, silently dropping the rows after it). A formula cell reads as its
    value saved by Excel, or as its formula text when no value was saved (files
    written by scripts): never as an empty cell.
    """

    def __init__(self, info: InputInfo) -> None:
        from .xlsx_guard import check_workbook

        self.info = info
        facts = check_workbook(info.path)
        self._wb, self._ws = self._open(data_only=True)
        info.sheet = self._ws.title
        counts = facts.sheets.get(str(self._ws._worksheet_path).lstrip("/"))
        self._formula_wb = None
        rows = self._ws.iter_rows(values_only=True)
        if counts is None or counts.formulas:
            self._formula_wb, formula_ws = self._open(data_only=False)
            rows = map(_cached_or_formula, rows, formula_ws.iter_rows(values_only=True))
        self._rows = _readable(rows, info.path.name)
        self.headers, self.header_line, self._line = [], 0, 0
        for row in self._rows:
            self._line += 1
            if any(cell_text(c).strip() for c in row):
                cells = [cell_text(c).strip() for c in row]
                while cells and not cells[-1]:
                    cells.pop()
                self.headers, self.header_line = cells, self._line
                break
        if not self.headers:
            raise BadInput(f"{info.path.name}: sheet {info.sheet!r} has no header row")
        if counts is not None:
            info.approx_rows = max(0, counts.rows - self.header_line)

    def _open(self, *, data_only: bool):
        """``(workbook, worksheet)`` in read-only mode, dimensions reset."""
        from openpyxl import load_workbook

        info = self.info
        try:
            wb = load_workbook(info.path, read_only=True, data_only=data_only)
        except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException...
            raise BadInput(f"{info.path.name}: not a readable .xlsx workbook ({exc})")
        if info.sheet:
            if info.sheet not in wb.sheetnames:
                wb.close()
                raise BadInput(f"no sheet {info.sheet!r}; sheets: {', '.join(wb.sheetnames)}")
            ws = wb[info.sheet]
        else:
            ws = wb.worksheets[0]
        ws.reset_dimensions()
        return wb, ws

    def __iter__(self) -> Iterator[Record]:
        width = len(self.headers)
        for row in self._rows:
            self._line += 1
            cells = list(row[:width]) + [None] * (width - len(row))
            if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                continue
            self.rows_read += 1
            yield Record(self._line, cells)

    def close(self) -> None:
        self._wb.close()
        if self._formula_wb is not None:
            self._formula_wb.close()


def _readable(rows: Iterator[tuple], name: str) -> Iterator[tuple]:
    """``rows``, with a sheet that stops parsing (broken XML...) as one clear BadInput."""
    n = 0
    try:
        for row in rows:
            n += 1
            yield row
    except (SyntaxError, ValueError, KeyError, OSError, EOFError, zipfile.BadZipFile,
            zlib.error) as exc:  # ElementTree's ParseError is a SyntaxError
        raise BadInput(f"{name}: the sheet cannot be read after row {n} ({exc})") from None


def _cached_or_formula(cached: tuple, formulas: tuple) -> tuple:
    """A row's values saved by Excel; a formula cell without one gets its formula text."""
    if all(c is not None for c in cached) and len(cached) >= len(formulas):
        return cached
    out = list(cached) + [None] * (len(formulas) - len(cached))
    for i, f in enumerate(formulas):
        if out[i] is None and f is not None:
            text = getattr(f, "text", f)  # an ArrayFormula holds its text
            if isinstance(text, str) and text.startswith("="):
                out[i] = text
    return tuple(out)
