"""Writing the answered file: CSV (UTF-8 with BOM) or XLSX, incrementally and resumably.

Rows are appended chunk by chunk. After each chunk :meth:`Output.checkpoint`
flushes and returns the byte offset of the end of the last complete row; the
resume state records it, and a resumed run truncates the file back to it, so a
kill between a write and the state save never duplicates a row.

XLSX cannot be appended to, so XLSX rows go to a JSON-lines spool beside the
output and are streamed into a write-only workbook when the run completes.

Every text cell is neutralised against formula injection (OWASP "CSV
injection"): a cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR gets a
leading apostrophe, unless it is a plain number such as ``-5`` or ``+3.2``.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import IO

from .io import cell_text

#: First characters that make Excel/LibreOffice evaluate a cell.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_START)
#: Encoder error handler name used for CSV output.
REPLACE_ERRORS = "screening-replace"
#: A plain number is safe even when it starts with + or -.
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters an XLSX file may not contain (openpyxl refuses them).
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Excel's limit on the characters of one cell.
XLSX_CELL_MAX = 32767
#: Suffix of the XLSX spool kept beside the output until the run completes.
SPOOL_SUFFIX = ".screening-spool.jsonl"


def neutralise(value: str) -> str:
    """Prefix ``'`` to a cell a spreadsheet would run as a formula.

    >>> neutralise("=HYPERLINK(\"http://x\")")
    '\'=HYPERLINK("http://x")'
    >>> neutralise("-5")
    '-5'
    """
    if value[:1] in _FORMULA_FIRST and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def restore(value: str) -> str:
    """The cell as it was read, from a neutralised one (the inverse of :func:`neutralise`).

    >>> restore(neutralise("=1+2")), restore("'quoted")
    ('=1+2', "'quoted")
    """
    if value[:1] == "'" and value[1:2] in _FORMULA_FIRST and not _NUMBER.fullmatch(value[1:]):
        return value[1:]
    return value


def clean_text(value: str) -> str:
    """Replace bytes that were undecodable in the input (lone surrogates) with U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _replace_unencodable(exc: UnicodeError) -> tuple[bytes, int]:
    """UTF-8 encoder error handler: a lone surrogate (an undecodable input byte) becomes U+FFFD.

    Returns bytes: the UTF-8 encoder only accepts ASCII text from a handler.
    """
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "\ufffd".encode("utf-8") * (exc.end - exc.start), exc.end


codecs.register_error(REPLACE_ERRORS, _replace_unencodable)


def csv_cell(value: object) -> str:
    """A cell as written to CSV: text, neutralised (surrogates are replaced when encoding)."""
    if value.__class__ is float:
        return repr(value)  # 1.0 stays "1.0" (scores); an integral XLSX number is an int
    if value.__class__ is not str:
        value = cell_text(value)
    if value[:1] in _FORMULA_FIRST and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def xlsx_cell(value: object) -> object:
    """A cell as written to XLSX: numbers, booleans and dates keep their type; text is safe."""
    if value is None or isinstance(value, (bool, int, float, datetime, date, time)):
        return value
    if isinstance(value, timedelta):
        return str(value)
    text = _XLSX_ILLEGAL.sub("\ufffd", clean_text(str(value)))
    return neutralise(text)[:XLSX_CELL_MAX]


def _to_json(value: object) -> object:
    """Spool encoding: JSON, with dates tagged so they come back as dates."""
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, time):
        return {"t": value.isoformat()}
    if isinstance(value, timedelta):
        return str(value)
    return value


def _from_json(value: object) -> object:
    if isinstance(value, dict):
        if "dt" in value:
            return datetime.fromisoformat(value["dt"])
        if "d" in value:
            return date.fromisoformat(value["d"])
        if "t" in value:
            return time.fromisoformat(value["t"])
    return value


class Output:
    """An output file being written. Use :func:`open_output`."""

    path: Path

    def write_row(self, cells: list) -> None:
        """Append one row (header or data)."""
        raise NotImplementedError

    def checkpoint(self) -> int:
        """Flush everything written so far; return the offset to resume from."""
        raise NotImplementedError

    def finish(self) -> None:
        """Complete the file (for XLSX: build the workbook) and release it."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the file without completing it (an interrupted run)."""
        raise NotImplementedError


def _open_append(path: Path, offset: int | None) -> IO[bytes]:
    """Open ``path`` fresh, or truncated to ``offset`` for appending."""
    if offset is None:
        return open(path, "wb")
    f = open(path, "r+b")
    f.truncate(offset)
    f.seek(offset)
    return f


class CsvOutput(Output):
    """UTF-8 with BOM, so Excel shows Chinese correctly; the input's delimiter."""

    def __init__(self, path: Path, delimiter: str = ",", offset: int | None = None) -> None:
        self.path = path
        self._raw = _open_append(path, offset)
        self._text = io.TextIOWrapper(self._raw, encoding="utf-8", errors=REPLACE_ERRORS,
                                      newline="")
        if offset is None:
            self._text.write("\ufeff")
        self._writer = csv.writer(self._text, delimiter=delimiter, lineterminator="\r\n")

    def write_row(self, cells: list) -> None:
        self._writer.writerow(list(map(csv_cell, cells)))

    def checkpoint(self) -> int:
        self._text.flush()
        return self._raw.tell()

    def finish(self) -> None:
        self.close()

    def close(self) -> None:
        if not self._text.closed:
            self._text.close()


class XlsxOutput(Output):
    """Rows spooled as JSON lines, then streamed into a write-only workbook at the end."""

    def __init__(self, path: Path, offset: int | None = None, sheet_title: str = "screened") -> None:
        self.path = path
        self.spool = path.with_name(path.name + SPOOL_SUFFIX)
        self.sheet_title = sheet_title[:31] or "screened"
        self._f = _open_append(self.spool, offset)

    def write_row(self, cells: list) -> None:
        line = json.dumps([_to_json(c) for c in cells], ensure_ascii=False, default=str)
        self._f.write(line.encode("utf-8", "surrogatepass") + b"\n")

    def checkpoint(self) -> int:
        self._f.flush()
        return self._f.seek(0, os.SEEK_END)

    def finish(self) -> None:
        from openpyxl import Workbook

        self.checkpoint()
        self._f.close()
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(self.sheet_title)
        with open(self.spool, "rb") as f:
            for line in f:
                cells = json.loads(line.decode("utf-8", "surrogatepass"))
                ws.append([xlsx_cell(_from_json(c)) for c in cells])
        tmp = self.path.with_name(self.path.name + ".tmp")
        wb.save(tmp)
        os.replace(tmp, self.path)
        self.spool.unlink()

    def close(self) -> None:
        if not self._f.closed:
            self._f.close()


def output_kind(path: Path) -> str:
    """``xlsx`` for .xlsx/.xlsm output paths, else ``csv``."""
    return "xlsx" if path.suffix.lower() in (".xlsx", ".xlsm") else "csv"


def open_output(path: Path, *, delimiter: str = ",", offset: int | None = None,
                sheet_title: str = "screened") -> Output:
    """Create ``path`` (or reopen it at ``offset`` to resume) in the format its suffix says."""
    if output_kind(path) == "xlsx":
        return XlsxOutput(path, offset, sheet_title)
    return CsvOutput(path, delimiter, offset)
