"""Reading customer files: CSV in any common encoding and delimiter, or XLSX.

A CRM/ERP export arrives as UTF-8, UTF-8 with a BOM, UTF-16 (Excel's "Unicode
text"), GB18030/GBK, Big5 or Shift-JIS (what Chinese and Japanese Excel write),
separated by commas, semicolons, tabs or pipes. :func:`inspect_input` reads the file once, streaming:
it hashes it (for ``--resume``), counts lines (for the progress bar) and guesses
the encoding and delimiter from the bytes. :func:`open_table` then yields one
:class:`Record` per row without ever holding the file in memory.

Bytes that are not valid in the detected encoding are kept as lone surrogates
(U+DC00 + byte) so that the one broken row is reported in its ``error`` cell and
the rest of the file goes on.
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import IO

from .. import settings
from ..errors import BadInput

#: Bytes read per step while hashing and sniffing.
BLOCK = 1 << 20
#: Bytes of text (from the first non-ASCII byte on) used to choose the encoding.
SAMPLE_BYTES = 4 << 20
#: Lines used to choose the delimiter.
SNIFF_LINES = 50
#: Delimiters tried, most common first (ties go to the earlier one).
DELIMITERS = (",", ";", "\t", "|")
#: Largest CSV field accepted; a stray quote would otherwise swallow the rest of the file.
FIELD_LIMIT = 1 << 20
#: Error handler name: undecodable bytes become U+DC00+byte, detectable per row.
ESCAPE_ERRORS = "screening-escape"
#: Encodings tried when there is no BOM, in order of preference on a tie: UTF-8,
#: then what Chinese (simplified, traditional) and Japanese Windows Excel writes.
CANDIDATES = ("utf-8", "gb18030", "cp950", "cp932", "cp1252")

_SURROGATE = re.compile("[\udc00-\udcff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _escape_bytes(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: keep each bad byte as U+DC00+byte (works for UTF-16 too)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error(ESCAPE_ERRORS, _escape_bytes)


@dataclass
class Record:
    """One data row: its cells (strings for CSV, typed values for XLSX) and any error."""

    line: int
    cells: list
    error: str | None = None


@dataclass
class InputInfo:
    """What :func:`inspect_input` found out about a file."""

    path: Path
    kind: str  # "csv" | "xlsx"
    sha256: str
    size: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    approx_rows: int | None = None  # data rows, for the progress bar
    notes: list[str] = field(default_factory=list)

    def describe(self) -> dict:
        """Format facts that must not change between a run and its ``--resume``."""
        return {"kind": self.kind, "encoding": self.encoding, "delimiter": self.delimiter,
                "sheet": self.sheet}


def file_kind(path: Path, head: bytes) -> str:
    """``xlsx`` for an Office Open XML workbook, ``csv`` for delimited text."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise BadInput(f"{path.name}: an old binary .xls workbook; save it as .xlsx or CSV")
    return "csv"


def _bom_encoding(head: bytes) -> str | None:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a BOM: NULs (the high byte of ASCII) on one byte parity only.

    UTF-8, GB18030 and cp1252 text never contains NUL; a garbage row might, but
    not aligned on one parity with line breaks decoding cleanly.
    """
    sample = head[: min(len(head), 65536) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for enc, nuls, others, newline in (("utf-16-le", odd, even, b"\n\x00"),
                                       ("utf-16-be", even, odd, b"\x00\n")):
        if nuls >= 4 and others <= 0.05 * nuls and newline in sample:
            text = sample.decode(enc, errors=ESCAPE_ERRORS)
            if len(_SURROGATE.findall(text[:-1])) == 0:
                return enc
    return None


#: Where the characters of everyday business text sit in each legacy CJK encoding:
#: ``(lead bytes, trail byte ranges)``. GB2312 (what GB18030/GBK text is made of);
#: Big5 symbols and level-1 hanzi (A140-C67E, the 5,401 frequent characters); Shift-JIS
#: symbols, kana and JIS level-1 kanji (8140-84BE, 889F-9872).
_COMMON_RANGES: dict[str, tuple[tuple[range, tuple[range, ...]], ...]] = {
    "gb18030": ((range(0xA1, 0xF8), (range(0xA1, 0xFF),)),),
    "cp950": ((range(0xA1, 0xC7), (range(0x40, 0x7F), range(0xA1, 0xFF))),),
    "cp932": ((range(0x81, 0x85), (range(0x40, 0x7F), range(0x80, 0xFD))),
              (range(0x88, 0x99), (range(0x40, 0x7F), range(0x80, 0xFD)))),
}
#: The codec that decodes exactly the common set (GB2312 for GB18030: GBK's extra
#: characters are rare in real text).
_COMMON_CODEC = {"gb18030": "gb2312", "cp950": "big5", "cp932": "shift_jis"}


@functools.lru_cache(maxsize=None)
def common_chars(encoding: str) -> frozenset[str]:
    """The characters real business text in ``encoding`` is made of (see _COMMON_RANGES)."""
    chars = set()
    codec = _COMMON_CODEC[encoding]
    for leads, trails in _COMMON_RANGES[encoding]:
        for a in leads:
            for trail in trails:
                for b in trail:
                    try:
                        chars.add(bytes((a, b)).decode(codec))
                    except UnicodeDecodeError:
                        pass
    if encoding == "cp950":  # Big5 level 1 ends at C67E: drop C6A1-C6FE
        chars -= {bytes((0xC6, b)).decode("cp950", "ignore") for b in range(0xA1, 0xFF)}
    return frozenset(chars)


def encoding_evidence(sample: bytes, encoding: str) -> tuple[int, int]:
    """``(bad, good)``: implausible and plausible non-ASCII characters of ``sample``.

    Bad: undecodable bytes; for the CJK encodings (which decode many byte pairs of
    one another) also characters outside their common set (:func:`common_chars`);
    for cp1252, runs of several non-ASCII characters (mojibake of CJK text).
    """
    text = sample.decode(encoding, errors=ESCAPE_ERRORS)
    undecodable = len(_SURROGATE.findall(text))
    runs = [run for run in _NON_ASCII.findall(_SURROGATE.sub("", text))]
    if encoding in _COMMON_RANGES:
        common = common_chars(encoding)
        good = sum(1 for run in runs for ch in run if ch in common)
        odd = sum(len(run) for run in runs) - good
    elif encoding == "cp1252":
        good = sum(1 for run in runs if len(run) == 1)
        odd = sum(len(run) for run in runs if len(run) > 1)
    else:
        good, odd = sum(len(run) for run in runs), 0
    return undecodable + odd, good


def guess_encoding(head: bytes, sample: bytes) -> str:
    """BOM, else UTF-16 by NUL pattern, else the most plausible of :data:`CANDIDATES`.

    UTF-8 is the default: another encoding must decode the non-ASCII bytes with
    fewer problems than UTF-8 *and* show more plausible characters than problems
    (an ASCII file with one garbage row stays UTF-8, and the row is reported).
    """
    bom = _bom_encoding(head)
    if bom:
        return bom
    utf16 = _utf16_without_bom(head)
    if utf16:
        return utf16
    if not sample or sample.isascii():
        return "utf-8"
    # A sample cut mid-file may end mid-character: keep whole lines (0x0A is never
    # part of a multi-byte character in the candidate encodings).
    end = sample.rfind(b"\n")
    sample = sample[: end + 1] if end > 0 else sample
    best, (best_bad, _) = "utf-8", encoding_evidence(sample, "utf-8")
    for enc in CANDIDATES[1:]:
        bad, good = encoding_evidence(sample, enc)
        if bad < best_bad and good > bad:
            best, best_bad = enc, bad
    return best


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the most consistent number of fields.

    A file with one column (just names) has none of them; comma is returned.
    """
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", (0.0, 0)
    for d in DELIMITERS:
        try:
            rows = list(csv.reader(lines, delimiter=d))
        except csv.Error:
            continue
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(1 for r in rows if len(r) == width) / len(rows)
        score = (consistent, width)
        if score > best_score:
            best, best_score = d, score
    return best


def inspect_input(path: str | Path, *, encoding: str | None = None,
                  delimiter: str | None = None, sheet: str | None = None) -> InputInfo:
    """Hash the file and detect kind, encoding, delimiter and row count, streaming once."""
    path = Path(path)
    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    h = hashlib.sha256()
    size = newlines = 0
    head = b""
    sample = bytearray()
    with open(path, "rb") as f:
        while block := f.read(BLOCK):
            if not head:
                head = block[:65536]
            h.update(block)
            size += len(block)
            newlines += block.count(b"\n")
            if len(sample) < SAMPLE_BYTES and (sample or not block.isascii()):
                if not sample:  # start at the line holding the first non-ASCII byte
                    first = next(i for i, b in enumerate(block) if b > 0x7F)
                    block = block[block.rfind(b"\n", 0, first) + 1:]
                sample += block[: SAMPLE_BYTES - len(sample)]
    if size == 0:
        raise BadInput(f"{path.name}: the file is empty")
    kind = file_kind(path, head)
    info = InputInfo(path=path, kind=kind, sha256=h.hexdigest(), size=size)
    if kind == "xlsx":
        info.sheet = sheet
        return info
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise BadInput(f"unknown encoding {encoding!r}")
    info.encoding = encoding or guess_encoding(head, bytes(sample))
    text = head.decode(info.encoding, errors=ESCAPE_ERRORS)
    info.delimiter = delimiter or sniff_delimiter(text.splitlines()[:SNIFF_LINES])
    if info.encoding.startswith("utf-16"):
        newlines = text.count("\n") * max(1, size // max(1, len(head)))
    info.approx_rows = max(0, newlines - 1)
    return info


def has_undecodable(text: str) -> bool:
    """True when ``text`` holds bytes that were not valid in the file's encoding."""
    return bool(_SURROGATE.search(text))


def has_control(text: str) -> bool:
    """True when ``text`` holds C0 control characters (binary data), tab/CR/LF excepted."""
    return bool(_CONTROL.search(text))


def cell_text(value: object) -> str:
    """A cell as the text screened: numbers without ``.0``, dates as ISO, None as empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class Table:
    """An open input file: ``headers`` and an iterator of :class:`Record` (data rows only)."""

    headers: list[str]
    header_line: int
    rows_read: int = 0  # data rows yielded so far, good or in error
    single_line: tuple[int, ...] = ()  # CSV: columns whose cells never span lines

    def __iter__(self) -> Iterator[Record]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the file."""

    def __enter__(self) -> "Table":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def open_table(info: InputInfo) -> Table:
    """Open the file described by ``info`` for streaming."""
    return XlsxTable(info) if info.kind == "xlsx" else CsvTable(info)
