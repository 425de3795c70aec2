"""Reading list files: gzip and BOM handled transparently, strict CSV rows, and
one-line :class:`~screening.errors.ImportFailed` messages naming file and line.

Importers read whole files into memory (the largest list, the full CSL, is about
10 MB) so that decoding errors and truncation are found before anything is
yielded to the store.
"""

from __future__ import annotations

import csv
import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path

from screening.errors import CutLastRow, ImportFailed

#: First bytes of a gzip stream.
GZIP_MAGIC = b"\x1f\x8b"
#: UTF-8 byte-order mark.
BOM = "\ufeff"
#: DOS end-of-file marker that OFAC appends to its legacy CSVs.
CTRL_Z = "\x1a"
#: Bytes read by :func:`head_text` when sniffing a format.
SNIFF_BYTES = 64 * 1024


def fail(path: Path | str, message: str, line: int | None = None) -> ImportFailed:
    """Build a one-line ImportFailed: ``"<file>: line <n>: <message>"``."""
    where = f"{path}: line {line}: " if line is not None else f"{path}: "
    text = " ".join((where + message).split())
    return ImportFailed(text, file=str(path), line=line)


def read_bytes(path: Path) -> bytes:
    """Read a file, gunzipping it when it starts with the gzip magic number."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise fail(path, f"cannot read file ({exc.strerror or exc})") from exc
    if raw[:2] == GZIP_MAGIC:
        try:
            raw = gzip.decompress(raw)
        except (EOFError, OSError, zlib.error) as exc:
            raise fail(path, f"truncated or corrupt gzip data ({exc})") from exc
    return raw


def decode(path: Path, raw: bytes, fallback: str | None = None) -> str:
    """Decode UTF-8 (with or without BOM). With ``fallback`` (e.g. ``"cp1252"``,
    for old OFAC files) a non-UTF-8 file is decoded with that instead of failing."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if fallback:
            return raw.decode(fallback, errors="replace")
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(path, f"not valid UTF-8 (byte {exc.start})", line) from exc


def read_text(path: Path, fallback: str | None = None) -> str:
    """The whole file as text: gzip and BOM handled."""
    return decode(path, read_bytes(path), fallback)


def head_text(path: Path, size: int = SNIFF_BYTES) -> str:
    """The first ``size`` bytes (after gunzipping) as text, for format sniffing.
    Returns "" for unreadable files: sniffing never raises."""
    try:
        with open(path, "rb") as fh:
            start = fh.read(2)
            fh.seek(0)
            if start == GZIP_MAGIC:
                with gzip.open(fh) as gz:
                    raw = gz.read(size)
            else:
                raw = fh.read(size)
    except (OSError, EOFError, zlib.error):
        return ""
    return raw.decode("utf-8", errors="ignore").lstrip(BOM)


def csv_records(path: Path, text: str, *, strict: bool = True) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(first_line_number, row)`` for each CSV record of ``text``.

    With ``strict`` a quoted field that is never closed (the usual sign of a
    truncated download) or stray text after a closing quote raises ImportFailed
    naming the line where the record starts. Blank lines and a lone Ctrl-Z line
    are skipped.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=strict)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            msg = str(exc)
            if "unexpected end of data" in msg or "EOF" in msg:
                # A quote still open at the end of the text: the last row is cut.
                cut = fail(path, "bad CSV: quoted field never closed (truncated file?)", start)
                raise CutLastRow(cut.message, file=str(path), line=start) from exc
            raise fail(path, f"bad CSV: {msg}", start) from exc
        line = start
        start = reader.line_num + 1
        if not row or (len(row) == 1 and row[0].strip() in ("", CTRL_Z)):
            continue
        yield line, row


def check_width(path: Path, line: int, row: list[str], width: int, what: str = "columns") -> None:
    """Raise ImportFailed when ``row`` does not have exactly ``width`` cells."""
    if len(row) != width:
        hint = " (truncated file?)" if len(row) < width else ""
        raise fail(path, f"row has {len(row)} {what}, expected {width}{hint}", line)


def header_names(path: Path) -> list[str]:
    """The first line's comma-separated column names, lowercased, for sniffing."""
    head = head_text(path, 4096).splitlines()
    if not head:
        return []
    return [c.strip().strip('"').lower() for c in head[0].split(",")]


def table_records(path: Path, columns: tuple[str, ...], required: tuple[str, ...],
                  header_hint: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """``(header, data records)`` of a strict CSV whose header may use only ``columns``
    and must hold every ``required`` one; anything else raises ImportFailed naming
    the first problem and the expected header ``header_hint``."""
    records = csv_records(path, read_text(path), strict=True)
    first = next(records, None)
    if first is None:
        raise fail(path, "empty file")
    header = [h.strip().lower() for h in first[1]]
    unknown = [h for h in header if h not in columns]
    missing = [c for c in required if c not in header]
    if unknown or missing:
        problem = f"unknown column {unknown[0]!r}" if unknown else f"no {missing[0]!r} column"
        raise fail(path, f"{problem}; the header is {header_hint}", first[0])
    return header, records
