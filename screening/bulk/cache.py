"""Answers already computed in this run, keyed by query digest, on disk.

Identical names in a file are screened once. A million distinct names would not
fit comfortably in a dict, so the answers live in a small SQLite file (bounded
page cache, no journal): memory stays flat however large the file is.
"""

from __future__ import annotations

import pickle
import sqlite3
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

#: Answers are pickled: this file is private to one run, written and read by this process.
PROTOCOL = pickle.HIGHEST_PROTOCOL
#: Keys per SQL statement (well under SQLite's oldest variable limit, 999).
BATCH = 900
#: SQLite page cache for the answers, in KiB (negative = KiB in SQLite's convention).
CACHE_KIB = 16 * 1024


class ResultCache:
    """digest -> answer (any picklable value). A context manager; the file is removed on close."""

    def __init__(self, directory: str | Path | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="screening-bulk-", dir=directory)
        self._conn = sqlite3.connect(str(Path(self._dir.name) / "answers.db"))
        self._conn.executescript(
            f"pragma journal_mode = off; pragma synchronous = off; pragma cache_size = -{CACHE_KIB};"
            "create table answers (k blob primary key, v blob not null) without rowid;")

    def known(self, keys: Iterable[bytes]) -> set[bytes]:
        """The subset of ``keys`` already answered."""
        return set(self.get_many(keys))

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, object]:
        """The answers stored for ``keys`` (missing keys are absent)."""
        keys = list(dict.fromkeys(keys))
        out: dict[bytes, object] = {}
        for i in range(0, len(keys), BATCH):
            part = keys[i:i + BATCH]
            sql = f"select k, v from answers where k in ({','.join('?' * len(part))})"
            for k, v in self._conn.execute(sql, part):
                out[k] = pickle.loads(v)
        return out

    def put_many(self, answers: Mapping[bytes, object]) -> None:
        """Store answers (an existing key keeps its first answer).

        An answer object given for several keys (a batch's equal answers arrive as one
        object: :func:`~screening.bulk.rows.screen_queries`) is pickled once."""
        blobs: dict[int, bytes] = {}
        rows = []
        for k, v in answers.items():
            blob = blobs.get(id(v))
            if blob is None:
                blob = blobs[id(v)] = pickle.dumps(v, PROTOCOL)
            rows.append((k, blob))
        with self._conn:
            self._conn.executemany("insert or ignore into answers (k, v) values (?, ?)", rows)

    def __len__(self) -> int:
        return self._conn.execute("select count(*) from answers").fetchone()[0]

    def close(self) -> None:
        """Delete the answers file."""
        self._conn.close()
        self._dir.cleanup()

    def __enter__(self) -> "ResultCache":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
