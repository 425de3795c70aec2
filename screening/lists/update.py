"""Updating lists: fetch or read a source, parse it aside, put it in force atomically.

``update()`` is what ``screening lists update`` calls. It never leaves a list
half-updated: the file is downloaded to a temporary path, parsed completely,
checked against its count bounds, and only then written by the store in one
transaction. Any failure raises :class:`ImportFailed` with a one-line reason,
and the previous version stays in force.
"""

from __future__ import annotations

import gzip
import logging
import hashlib
import shutil
import tempfile
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from screening import settings
from screening.lists.catalog import PROJECT_LIST_IDS, US_LIST_IDS
from screening.errors import BadInput, CountOutOfBounds, CutLastRow, ImportFailed, NotFound
from screening.lists.store import Store, VersionInfo
from screening.text import ascii_digits
from screening.types import Entry, Relationship

log = logging.getLogger(__name__)

#: Update sources and what they feed. ``bounds`` guard the whole file: an
#: official CSL has ~25k rows and an OFAC SDN file ~15-20k; far fewer means a
#: truncated or wrong download.
SOURCES: dict[str, dict] = {
    "us-csl": {"url": lambda: settings.CSL_URL, "lists": US_LIST_IDS,
               "bounds": (1000, 200_000), "formats": ("csl-csv", "csl-json")},
    "us-sdn": {"url": lambda: settings.SDN_URL, "lists": ("us-sdn",),
               "bounds": (1000, 100_000), "formats": ("ofac-sdn", "csl-csv", "csl-json")},
    "ofac-cons": {"url": None, "lists": ("us-ssi", "us-plc", "us-cmic", "us-fse", "us-mbs", "us-cap"),
                  "bounds": (10, 50_000), "formats": ("ofac-cons",)},
    "project": {"url": None, "lists": PROJECT_LIST_IDS, "bounds": None, "formats": ("project-yaml",)},
}
#: Aliases people type.
SOURCE_ALIASES = {"csl": "us-csl", "sdn": "us-sdn", "cn": "project", "china": "project",
                  "lists": "project"}


@dataclass
class UpdateReport:
    source: str
    location: str
    sha256: str
    versions: dict[str, int] = field(default_factory=dict)  # list id -> version seq
    counts: dict[str, int] = field(default_factory=dict)
    relationships: int = 0
    kept: list[str] = field(default_factory=list)  # lists absent from the file: previous kept
    ignored: dict[str, int] = field(default_factory=dict)  # rows of lists this source does not feed
    dropped: list[dict] = field(default_factory=list)  # a cut-off last row dropped: {"line", "text"}

    def to_dict(self) -> dict:
        return {"source": self.source, "location": self.location, "sha256": self.sha256,
                "versions": self.versions, "counts": self.counts,
                "relationships": self.relationships, "kept": self.kept,
                "ignored": self.ignored, "dropped": self.dropped}

    def summary(self) -> str:
        parts = ", ".join(f"{k} {v}" for k, v in sorted(self.counts.items()))
        line = f"{self.source}: {sum(self.counts.values())} entries in force ({parts})"
        if self.relationships:
            line += f"; {self.relationships} ownership relationships"
        if self.kept:
            line += f"; not in this file, previous version kept: {', '.join(self.kept)}"
        if self.ignored:
            line += "; ignored (not fed by this source): " + ", ".join(
                f"{k} {v}" for k, v in sorted(self.ignored.items()))
        for cut in self.dropped:
            line += f"; dropped the cut-off last row (line {cut['line']}: {cut['text']})"
        return line


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def download(url: str, dest: Path) -> None:
    """Download ``url`` to ``dest``; a short or failed transfer raises ImportFailed."""
    try:
        req = urllib.request.Request(url, headers={"User-Agent": "screening/0.1"})
        with urllib.request.urlopen(req, timeout=settings.DOWNLOAD_TIMEOUT) as resp:
            expected = resp.headers.get("Content-Length")
            with open(dest, "wb") as out:
                shutil.copyfileobj(resp, out)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ImportFailed(f"download of {url} failed: {reason}; previous version kept in force")
    size = dest.stat().st_size
    if expected is not None and ascii_digits(expected) and int(expected) != size:
        raise ImportFailed(f"download of {url} truncated: {size} of {expected} bytes; "
                           "previous version kept in force")
    if size == 0:
        raise ImportFailed(f"download of {url} is empty; previous version kept in force")


def _resolve(source: str | None, file: Path | None) -> str:
    if source:
        source = SOURCE_ALIASES.get(source, source)
    if source in SOURCES:
        return source
    if source in US_LIST_IDS and file is not None:
        return source  # a single CSL list from a file (e.g. us-sdn from sdn.csv)
    if source is None and file is None:
        return "project"
    if source is None:
        raise BadInput("say which list the file is for, e.g. `screening lists update us-csl --file F`"
                       " or `screening lists update my-deny-list --file F`")
    return source  # a company's own list id


def update(store: Store, source: str | None = None, *, file: str | Path | None = None,
           url: str | None = None, format: str | None = None,
           bounds: tuple[int, int] | None = None, allow_shrink: bool = False,
           accept_cut_last_row: bool = False) -> UpdateReport:
    """Fetch/read, parse and put in force one source. See module docstring.

    ``allow_shrink`` skips the shrink guard (:func:`check_shrink`); so does
    ``bounds`` (the caller states the expected count). ``accept_cut_last_row``
    drops a last row that is cut off mid-way (recorded in the report) instead
    of refusing the file.
    """
    file = Path(file).expanduser() if file else None
    source = _resolve(source, file)
    spec = SOURCES.get(source)
    if source == "project":
        return load_project_lists(store, Path(file) if file else settings.LISTS_DIR)
    with tempfile.TemporaryDirectory(prefix="screening-") as tmp:
        if file is not None:
            if not file.exists():
                raise BadInput(f"{file}: no such file")
            path, location = file, str(file)
        else:
            the_url = url or (spec["url"]() if spec and spec["url"] else None)
            if not the_url:
                raise BadInput(f"{source}: give --file PATH or --url URL")
            name = the_url.rstrip("/").rsplit("/", 1)[-1] or "download"
            path, location = Path(tmp) / name, the_url
            download(the_url, path)
        digest = sha256_file(path)
        parsed = read_source(path, source, format, location=location,
                             accept_cut_last_row=accept_cut_last_row)
        by_list, rels = parsed.by_list, parsed.relationships
        total_bounds = bounds or (spec["bounds"] if spec else None)
        if bounds is None and not allow_shrink:
            check_shrink(store, {k: len(v) for k, v in by_list.items()}, location,
                         spec["lists"] if spec else (), file=file)
        note = "; ".join(f"dropped cut last row, line {c['line']}: {c['text']}"
                         for c in parsed.cut_rows) or None
        info = VersionInfo(source=source, location=location, format=parsed.format, sha256=digest,
                           note=note)
        report = UpdateReport(source, location, digest, ignored=parsed.ignored,
                              dropped=parsed.cut_rows)
        if by_list:
            report.versions = store.put_lists(dict(by_list), info, total_bounds=total_bounds)
            report.counts = {k: len(v) for k, v in by_list.items()}
        if rels:
            report.relationships = store.put_relationships(
                source, rels, location=location, sha256=digest)
        if spec is not None:
            in_force = {r["id"] for r in store.list_status()}
            report.kept = sorted((set(spec["lists"]) - set(by_list)) & in_force)
        return report


@dataclass
class Parsed:
    """A list file read completely: entries per list, relationships, what was left out."""

    format: str
    by_list: dict[str, list[Entry]]
    relationships: list[Relationship]
    ignored: dict[str, int]  # rows of lists this source does not feed
    cut_rows: list[dict]  # a dropped cut-off last row: {"line", "text"}


def read_source(path: Path, source: str, format: str | None = None, *, location: str = "",
                accept_cut_last_row: bool = False) -> Parsed:
    """Parse ``path`` completely for ``source``; any problem raises ImportFailed."""
    from screening.lists import importers  # imported lazily: importers pull in yaml, gzip, ...

    location = location or str(path)
    spec = SOURCES.get(source)
    fmt = format or importers.detect_format(path)
    options: dict = {}
    cut_rows: list[dict] = []
    if fmt == "csl-csv" and accept_cut_last_row:
        options["cut_rows"] = cut_rows
    if spec is None:  # one CSL list or a company's own list: its id is the source
        options["list_id"] = source
    by_list: dict[str, list[Entry]] = defaultdict(list)
    rels: list[Relationship] = []
    try:
        for item in importers.parse_file(path, fmt, **options):
            if isinstance(item, Relationship):
                rels.append(item)
            else:
                by_list[item.list_id].append(item)
    except CutLastRow as exc:
        hint = (". If the file is known to end in a cut row, run again with "
                "--accept-cut-last-row to drop that row") if fmt == "csl-csv" else ""
        raise ImportFailed(f"{exc.message}: the last row is cut off ({_cut_text(path, exc)}); "
                           f"previous version kept in force{hint}") from None
    except (UnicodeDecodeError, gzip.BadGzipFile, EOFError, ValueError, KeyError) as exc:
        raise ImportFailed(f"{location}: could not parse as {fmt}: {exc}; "
                           "previous version kept in force")
    ignored: dict[str, int] = {}
    if spec is not None:
        for lid in set(by_list) - set(spec["lists"]):  # rows this source does not feed
            ignored[lid] = len(by_list.pop(lid))
    elif source in US_LIST_IDS:
        by_list = defaultdict(list, {source: [e for es in by_list.values() for e in es]})
    if not by_list and not rels:
        raise ImportFailed(f"{location}: no entries found; previous version kept in force")
    return Parsed(fmt, dict(by_list), rels, ignored, cut_rows)


def _cut_text(path: Path, exc: CutLastRow) -> str:
    """The start of the cut row named by ``exc``, for the error message."""
    from screening.lists.importers import _io
    from screening.lists.importers.us_csl import line_text

    line = cast("int | None", exc.detail.get("line"))
    return line_text(_io.read_text(path), line, limit=80) or "empty"


def diff_file(store: Store, list_id: str, file: str | Path, *, source: str | None = None,
              format: str | None = None) -> dict:
    """What updating from ``file`` would change in ``list_id``: the version in force
    against the file's entries. Nothing is written; a cut-off last row is ignored."""
    path = Path(file).expanduser()
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    src = _resolve(source or _source_of(list_id), path)
    parsed = read_source(path, src, format, accept_cut_last_row=True)
    if list_id not in parsed.by_list and not store.versions(list_id):
        raise NotFound(f"{path}: no entries of list {list_id!r} (it holds "
                       f"{', '.join(sorted(parsed.by_list)) or 'none'}), and none in force")
    return store.diff_against(list_id, parsed.by_list.get(list_id, []), location=str(path))


def _source_of(list_id: str) -> str:
    """The update source that feeds ``list_id`` (the list id itself for an own list)."""
    for name in ("us-csl", "ofac-cons"):
        if list_id in SOURCES[name]["lists"]:
            return name
    return list_id


#: Lists smaller than this are too small for the shrink guard to mean anything.
SHRINK_MIN_SIZE = 50


def check_shrink(store: Store, counts: dict[str, int], location: str,
                 source_lists: tuple[str, ...] = (), *, file: Path | None = None) -> None:
    """Refuse an update that would lose more than ``settings.MAX_LIST_SHRINK`` of
    the entries in force: of the source's lists taken together, or of any one list.
    The message offers ``lists diff`` to see what would be removed."""
    keep = 1.0 - settings.MAX_LIST_SHRINK
    current = {r["id"]: r["entries"] for r in store.list_status()}

    def refuse(what: str, list_id: str) -> CountOutOfBounds:
        diff = f"screening lists diff {list_id} --file {file}" if file else f"screening lists diff {list_id}"
        return CountOutOfBounds(
            f"{location}: {what} (truncated file?); previous version kept in force. See what "
            f"would be removed with `{diff}`; if the loss is real, run again with "
            "--allow-shrink or --expect-count MIN:MAX")

    shrunk = [(k, current.get(k, 0), n) for k, n in sorted(counts.items())
              if current.get(k, 0) >= SHRINK_MIN_SIZE and n < current.get(k, 0) * keep]
    if source_lists:
        before = sum(current.get(k, 0) for k in source_lists)
        after = sum(counts.values())
        if before >= SHRINK_MIN_SIZE and after < before * keep:
            worst = max(shrunk, key=lambda t: t[1] - t[2])[0] if shrunk else source_lists[0]
            raise refuse(f"{after} entries where {before} are in force, a loss of "
                         f"{1 - after / before:.0%}", worst)
    for list_id, before, n in shrunk:
        raise refuse(f"{list_id} would shrink from {before} to {n} entries, a loss of "
                     f"{1 - n / before:.0%}", list_id)


@dataclass
class OwnershipImport:
    """What an ownership import put in force, and the owners it could not resolve."""

    count: int
    unresolved: list[str] = field(default_factory=list)  # one line per owner that resolves to nothing


def import_ownership(store: Store, file: str | Path, *, source: str | None = None,
                     format: str | None = None) -> OwnershipImport:
    """Import ownership relationships (CSV ``owner,owned,percent,source,as_of`` or FTM).

    Owners are resolved when a party is screened, against the lists then in
    force. Owners that resolve to nothing today are reported (never silently
    accepted): see :func:`unresolved_owners`.
    """
    from screening.lists import importers

    path = Path(file).expanduser()
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    fmt = format or importers.detect_format(path)
    rels = [r for r in importers.parse_file(path, fmt) if isinstance(r, Relationship)]
    if not rels:
        raise ImportFailed(f"{path}: no ownership relationships found")
    count = store.put_relationships(source or f"ownership:{path.name}", rels,
                                    location=str(path), sha256=sha256_file(path))
    return OwnershipImport(count, unresolved_owners(store, rels))


def unresolved_owners(store: Store, rels: list[Relationship]) -> list[str]:
    """Owners that resolve to nothing on the lists in force, one message each.

    An owner id resolves when an entry with that id is in force. An owner name
    resolves when the matcher finds a listed entry for it (a review-strength
    hit is enough: the owner is then "possibly listed"), or when the ownership
    data say who owns it (an intermediate holding company).
    """
    from screening.matching import Matcher
    from screening.rules.owners import is_entry_id

    owned = {r.owned for r in store.relationships()}
    leaves = [r for r in rels if r.owner not in owned]
    ids = sorted({r.owner for r in leaves if not r.owner.startswith("name:") and is_entry_id(r.owner)})
    names = sorted({r.owner_name or r.owner[5:] for r in leaves if r.owner.startswith("name:")})
    out = [f"owner {i!r}: no entry with this id is in force; its share counts as unlisted"
           for i in ids if store.get_entry(i) is None]
    if names:
        matcher = Matcher(store.current_entries())
        out += [f"owner {n!r}: matches no listed entry and no row says who owns it; "
                f"its share counts as unlisted" for n in names if not matcher.search(n)]
    return out


def project_lists_hash(lists_dir: Path) -> str:
    """A hash over every YAML file in ``lists/`` (path and content)."""
    h = hashlib.sha256()
    for p in sorted(lists_dir.rglob("*.yaml")):
        h.update(str(p.relative_to(lists_dir)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def load_project_lists(store: Store, lists_dir: Path | None = None) -> UpdateReport:
    """Import the project's own YAML lists (China lists and end-user categories)."""
    report = _load_project_lists(store, Path(lists_dir or settings.LISTS_DIR), if_changed=False)
    assert report is not None  # only if_changed loads nothing
    return report


def _load_project_lists(store: Store, lists_dir: Path, *, if_changed: bool) -> UpdateReport | None:
    """Read ``lists/``, then put its lists, relationships and hash in force in one transaction.

    ``if_changed``: load nothing (None) when this YAML is the version loaded, as
    read under the write lock. Two processes may open a fresh database at once
    (a `lists status` and the `lists index` that `lists update` starts): both
    find the hash missing, but only the first to take the lock loads the lists;
    the other would put the same lists in force again as a new version.
    """
    from screening.lists.importers import project_yaml

    if not lists_dir.exists():
        raise ImportFailed(f"{lists_dir}: project lists folder not found")
    digest = project_lists_hash(lists_dir)
    by_list: dict[str, list[Entry]] = defaultdict(list)
    rels: list[Relationship] = []
    for item in project_yaml.parse_dir(lists_dir):  # before the lock: the slow part
        if isinstance(item, Relationship):
            rels.append(item)
        else:
            by_list[item.list_id].append(item)
    bounds = project_yaml.expected_counts(lists_dir)
    info = VersionInfo(source="project", location=str(lists_dir), format="project-yaml",
                       sha256=digest)
    report = UpdateReport("project", str(lists_dir), digest)
    with store.transaction():  # and a crash never leaves the lists in force without their hash
        if if_changed and store.get_meta("project_lists_sha256") == digest:
            return None
        report.versions = store.put_lists(dict(by_list), info, bounds=bounds)
        report.counts = {k: len(v) for k, v in by_list.items()}
        if rels:
            report.relationships = store.put_relationships("project", rels,
                                                           location=str(lists_dir), sha256=digest)
        store.set_meta("project_lists_sha256", digest)
    return report


def ensure_project_lists(store: Store, lists_dir: Path | None = None) -> UpdateReport | None:
    """Load ``lists/`` on first use, and again whenever the YAML changed.

    Runs when a screener or CLI command opens the store, never inside a request.
    If the YAML is broken but an earlier version is loaded, that version stays in
    force and the error propagates only when nothing is loaded yet.
    """
    lists_dir = Path(lists_dir or settings.LISTS_DIR)
    if not lists_dir.exists():
        return None
    digest = project_lists_hash(lists_dir)
    if store.get_meta("project_lists_sha256") == digest:  # the usual case, without the lock
        return None
    try:
        return _load_project_lists(store, lists_dir, if_changed=True)
    except ImportFailed as exc:
        if store.get_meta("project_lists_sha256"):
            log.warning("project lists not reloaded, previous version kept: %s", exc.message)
            return None
        raise
