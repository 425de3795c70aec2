"""Reading a delimited text file row by row, every physical line accounted for.

:class:`CsvTable` is what :func:`screening.bulk.io.open_table` returns for CSV
input: the csv module parses, but this module feeds it the lines and bounds each
record, so one stray quote costs one row, never the rest of the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO

from .. import settings
from ..errors import BadInput
from .io import ESCAPE_ERRORS, FIELD_LIMIT, InputInfo, Record, Table


class _Lines:
    """Physical lines of a text file for ``csv.reader``, numbered, with a bound per record.

    ``csv.reader`` pulls lines from this iterator; :meth:`start` begins a record.
    A record may take at most ``max_lines`` lines: one more raises :class:`_Unclosed`
    (a quote left open). :meth:`push_back` returns lines to be read again, so a
    broken record costs only its first line.
    """

    __slots__ = ("_f", "_back", "taken", "max_lines", "next_no")

    def __init__(self, f: IO[str], max_lines: int) -> None:
        self._f = f
        self._back: list[tuple[int, str]] = []  # a stack: the next line is last
        self.taken: list[tuple[int, str]] = []  # (line number, text) of the current record
        self.max_lines = max_lines
        self.next_no = 1

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        if self._back:
            no, line = self._back.pop()
        else:
            line = next(self._f)  # StopIteration ends the reader
            no = self.next_no
            self.next_no += 1
        taken = self.taken
        taken.append((no, line))
        if len(taken) > self.max_lines:
            raise _Unclosed
        return line

    def start(self) -> None:
        """Begin a new record."""
        self.taken = []

    def push_back(self, lines: list[tuple[int, str]]) -> None:
        """Read ``lines`` again, in order, before the rest of the file."""
        self._back.extend(reversed(lines))

    @property
    def first(self) -> int:
        """Line number where the current record starts."""
        return self.taken[0][0] if self.taken else self.next_no


class _Unclosed(Exception):
    """A record ran past the lines one cell may span."""


class CsvTable(Table):
    """Delimited text, decoded as it is read, every physical line accounted for.

    A row is one line, or several when a quoted cell holds line breaks (an address
    typed with Alt+Enter). A quoted cell that is not closed within
    ``settings.BULK_CELL_LINES`` lines, a cell longer than ``settings.BULK_CELL_CHARS``,
    a line the csv module cannot parse, and a row spanning lines whose cell count
    is wrong or whose :attr:`single_line` cells (the name) hold a line break are reported as an error Record for the row's *first* line, and reading
    resumes at the next line: one stray quote costs one row, not the rest of the file.
    """

    def __init__(self, info: InputInfo) -> None:
        csv.field_size_limit(FIELD_LIMIT)
        self.info = info
        self.max_chars = settings.BULK_CELL_CHARS
        self._f: IO[str] = open(info.path, encoding=info.encoding, errors=ESCAPE_ERRORS,
                                newline="")
        self._lines = _Lines(self._f, max(1, settings.BULK_CELL_LINES))
        self._reader = csv.reader(self._lines, delimiter=info.delimiter or ",")
        self.headers, self.header_line = [], 0
        self.rows_read = 0  # data rows yielded (good or in error)
        #: Columns that never hold a line break (the name...): a row whose quoted
        #: cell there spans lines is a stray quote, not a multi-line address.
        self.single_line: tuple[int, ...] = ()
        self.blank_lines = 0
        for line, row in self._rows():
            if isinstance(row, str) or not any(c.strip() for c in row):
                continue
            self.headers = [h.strip() for h in row]
            self.header_line = line
            break
        if not self.headers:
            raise BadInput(f"{info.path.name}: no header row found")

    @property
    def lines_read(self) -> int:
        """Physical lines consumed so far (header, rows, blank lines)."""
        return self._lines.next_no - 1

    def _rows(self) -> Iterator[tuple[int, list[str] | str]]:
        """``(first line, cells)`` per record, or ``(line, error message)``."""
        lines, reader, width = self._lines, self._reader, len(self.headers)
        while True:
            lines.start()
            try:
                row = next(reader)
            except StopIteration:
                return
            except _Unclosed:
                yield self._broken(f"a quoted cell is not closed within {lines.max_lines} "
                                   "lines (stray quote?)")
                continue
            except csv.Error as exc:
                yield self._broken(f"could not parse this CSV row ({exc})")
                continue
            taken = lines.taken
            if max(map(len, row), default=0) > self.max_chars:
                yield self._broken(f"a cell is longer than {self.max_chars:,} characters")
            elif len(taken) > 1 and sum(text.count('"') for _, text in taken) % 2:
                yield self._broken("a quoted cell is not closed before the end of the file "
                                   "(stray quote?)")
            elif len(taken) > 1 and any("\n" in row[i] or "\r" in row[i]
                                        for i in self.single_line if i < len(row)):
                yield self._broken(f"the {self.headers[self.single_line[0]]!r} cell would "
                                   f"span {len(taken)} lines (stray quote?)")
            elif len(taken) > 1 and width and _trimmed(row, width) != width:
                yield self._broken(f"a quoted cell spans {len(taken)} lines and the row has "
                                   f"{len(row)} cells, the header has {width} (stray quote?)")
            else:
                yield taken[0][0], row

    def _broken(self, why: str) -> tuple[int, str]:
        """The current record's first line as an error; its other lines are read again."""
        taken = self._lines.taken
        first = taken[0][0] if taken else self._lines.next_no
        self._lines.push_back(taken[1:])
        return first, f"{why}; not screened"

    def __iter__(self) -> Iterator[Record]:
        width = len(self.headers)
        for line, row in self._rows():
            if isinstance(row, str):
                self.rows_read += 1
                yield Record(line, [""] * width, row)
                continue
            if not row or (len(row) == 1 and not row[0].strip()):
                self.blank_lines += 1
                continue
            self.rows_read += 1
            if len(row) != width:
                # Trailing empty cells (Excel pads short rows) are harmless.
                n = _trimmed(row, width)
                if n != width:
                    cells = (row[:n] + [""] * width)[:width]
                    yield Record(line, cells, f"row has {n} cells, the header has {width}; "
                                 "not screened")
                    continue
                row = row[:width]
            yield Record(line, row)

    def close(self) -> None:
        self._f.close()


def _trimmed(row: list[str], width: int) -> int:
    """Cells of ``row`` once empty cells padded beyond ``width`` are dropped."""
    n = len(row)
    while n > width and not row[n - 1].strip():
        n -= 1
    return n
