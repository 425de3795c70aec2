"""Checks on an XLSX workbook before openpyxl parses it: decompression bombs.

An XLSX is a zip of XML files. A few hundred KB can unpack to hundreds of MB of
cells, which openpyxl would parse for minutes. :func:`check_workbook` reads only
the zip directory and then streams each worksheet once, counting cell start tags
(no XML parsing, constant memory), and refuses the workbook with a
clear :class:`~screening.errors.BadInput` when it exceeds the settings:

* ``SCREENING_BULK_XLSX_MAX_MB``: uncompressed size of all members together;
* ``SCREENING_BULK_XLSX_MAX_RATIO``: compression ratio of one member larger than
  :data:`RATIO_FLOOR` (real sheets compress 5-30x; bombs 1,000x);
* ``SCREENING_BULK_XLSX_MAX_CELLS``: cells in all worksheets together;
* and any XML part declaring a DTD (entity expansion, "billion laughs").

zipfile never returns more bytes than a member's declared size, so the declared
sizes checked here also bound what openpyxl reads afterwards.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .. import settings
from ..errors import BadInput

#: Worksheet parts of a workbook.
WORKSHEET = re.compile(r"^xl/worksheets/[^/]+\.xml$")
#: The root element, to learn the namespace prefix the sheet uses ("" or "x:").
_ROOT = re.compile(rb"<(\w{1,16}:)?worksheet[\s>]")
#: What follows a tag name: the start tag of a cell is "<c " / "<c>" / "<c/>"...
_AFTER = (b" ", b">", b"/", b"\n", b"\r", b"\t")
#: Bytes kept from one block to the next so a tag cut by the block edge is counted once.
_OVERLAP = 24
#: Members smaller than this are never refused for their compression ratio.
RATIO_FLOOR = 10 << 20
MB = 1 << 20
#: Bytes read from the start of each XML part to find a DTD before its root element.
DTD_WINDOW = 64 << 10


@dataclass
class SheetCounts:
    """What the byte scan of one worksheet found."""

    cells: int = 0
    rows: int = 0
    formulas: int = 0


@dataclass
class WorkbookFacts:
    """Per worksheet member (``xl/worksheets/sheet1.xml``...): its counts."""

    sheets: dict[str, SheetCounts] = field(default_factory=dict)


def _tokens(head: bytes) -> dict[str, tuple[bytes, ...]]:
    """Start-tag byte strings of cells, rows and formulas, with the sheet's prefix.

    ``<`` never occurs in XML text (it is escaped), so counting these is exact.
    """
    m = _ROOT.search(head)
    prefix = b"<" + (m.group(1) or b"" if m else b"")
    return {attr: tuple(prefix + tag + a for a in _AFTER)
            for attr, tag in (("cells", b"c"), ("rows", b"row"), ("formulas", b"f"))}


def _count(zf: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, name: str) -> SheetCounts:
    """Stream one worksheet, counting tags; refuses once the cells exceed ``budget``."""
    counts = SheetCounts()
    tail, tokens = b"", None
    with zf.open(info) as f:
        while block := f.read(1 << 20):
            tokens = tokens or _tokens(block)
            buf = tail + block
            for attr, tags in tokens.items():
                n = sum(buf.count(t) - tail.count(t) for t in tags)
                setattr(counts, attr, getattr(counts, attr) + n)
            if counts.cells > budget:
                raise BadInput(f"{name}: more than {settings.BULK_XLSX_MAX_CELLS:,} cells "
                               "(SCREENING_BULK_XLSX_MAX_CELLS); not read. Split the file "
                               "or save it as CSV")
            tail = buf[-_OVERLAP:]
    return counts


def _has_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True when an XML part declares a DTD (entities: the "billion laughs" bomb).

    A declaration must come before the root element, so the start of the part is
    enough; a part that does not reach its root element there is refused too.
    """
    if not info.filename.endswith((".xml", ".rels")):
        return False
    with zf.open(info) as f:
        head = f.read(DTD_WINDOW)
    root = re.search(rb"<[A-Za-z_]", head)
    return b"<!DOCTYPE" in head[: root.start() if root else len(head)] or (
        root is None and len(head) == DTD_WINDOW)


def check_workbook(path: Path) -> WorkbookFacts:
    """Refuse a workbook that would unpack past the limits; count its cells and rows."""
    name = Path(path).name
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BadInput(f"{name}: not a readable .xlsx workbook ({exc})")
    facts = WorkbookFacts()
    with zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if total > settings.BULK_XLSX_MAX_MB * MB:
            raise BadInput(f"{name}: unpacks to {total / MB:,.0f} MB, more than the "
                           f"{settings.BULK_XLSX_MAX_MB:,} MB allowed "
                           "(SCREENING_BULK_XLSX_MAX_MB); not read (a decompression bomb?)")
        for i in infos:
            ratio = i.file_size / max(1, i.compress_size)
            if i.file_size > RATIO_FLOOR and ratio > settings.BULK_XLSX_MAX_RATIO:
                raise BadInput(f"{name}: {i.filename} unpacks {ratio:,.0f} times its size, "
                               f"more than {settings.BULK_XLSX_MAX_RATIO:,} "
                               "(SCREENING_BULK_XLSX_MAX_RATIO); not read (a decompression "
                               "bomb?)")
        budget = settings.BULK_XLSX_MAX_CELLS
        try:
            for i in infos:
                if _has_dtd(zf, i):
                    raise BadInput(f"{name}: {i.filename} declares a DTD, which Excel never "
                                   "writes (entity expansion?); not read")
            for i in infos:
                if WORKSHEET.match(i.filename):
                    counts = _count(zf, i, budget, name)
                    facts.sheets[i.filename] = counts
                    budget -= counts.cells
        except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            raise BadInput(f"{name}: not a readable .xlsx workbook ({exc})")
    return facts
