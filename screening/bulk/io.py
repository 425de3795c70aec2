"""Reading customer files: CSV in any common encoding and delimiter, or XLSX.

A CRM/ERP export arrives as UTF-8, UTF-8 with a BOM, UTF-16 (Excel's "Unicode
text"), GB18030/GBK, Big5 or Shift-JIS (what Chinese and Japanese Excel write),
separated by commas, semicolons, tabs or pipes. :func:`inspect_input` reads the
file once, streaming: it hashes it (for ``--resume``), counts lines (for the
progress bar) and guesses the encoding and delimiter from the bytes.
:func:`open_table` then yields one :class:`Record` per row without ever holding
the file in memory (:mod:`.csv_table`, :mod:`.xlsx_table`).

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
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

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
    if best_bad == 0:  # clean UTF-8: no candidate can have fewer problems (decoding
        return best  # 4 MB five more ways costs the parent 0.5-2 s before any row)
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


def open_table(info: InputInfo) -> Table:
    """Open the file described by ``info`` for streaming."""
    if info.kind == "xlsx":
        from .xlsx_table import XlsxTable

        return XlsxTable(info)
    from .csv_table import CsvTable

    return CsvTable(info)
