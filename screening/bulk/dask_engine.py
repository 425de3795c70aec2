"""Scale-out: the same screening on a Dask cluster, one pandas partition per batch.

The lists are shipped to each worker **once**, as a :class:`ScreenerPlugin`
(a Dask ``WorkerPlugin``): it carries a consistent snapshot of the SQLite
database the client screens against, the rules file and the settings that shape
answers (thresholds, after-horizon default). Each worker writes the snapshot to
its local directory and builds its own screener from it in ``setup``; workers
that join later get the plugin too. Tasks then carry only a small DataFrame of
queries and return a small DataFrame of answers, so a cluster gives exactly the
answers the local engine gives.

The workers must run the same version of this package: the plugin compares a
hash of the ``screening`` source files and refuses to screen when they differ.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import pickle
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from .. import settings
from ..errors import BadInput, ScreeningError
from .engine import IN_FLIGHT_PER_WORKER, Engine
from .rows import Answer, Checker, Query, screen_queries

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # dask is an optional dependency; DaskEngine says how to install it
    WorkerPlugin = object  # type: ignore[misc,assignment]

#: Settings that never travel to workers: paths local to the client, and secrets.
LOCAL_SETTINGS = frozenset({"DB_PATH", "LISTS_DIR", "RULES_FILE", "SECRET_KEY", "PROJECT_DIR",
                            "PACKAGE_DIR", "PREFIX", "WORKERS"})
#: Columns of a query partition.
QUERY_COLUMNS = ("name", "country", "aliases", "address", "as_of", "after_horizon", "context",
                 "owners", "schema", "config")
#: Seconds to wait for a scheduler.
CONNECT_TIMEOUT = 30


def code_fingerprint() -> str:
    """sha256 over the ``screening`` package's Python sources (path and content)."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.py")):
        h.update(str(p.relative_to(root)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def _settings_snapshot() -> dict[str, Any]:
    """The answer-shaping settings of this process (plain values only)."""
    out = {}
    for k, v in vars(settings).items():
        if k.isupper() and k not in LOCAL_SETTINGS and isinstance(v, (str, int, float, bool)):
            out[k] = v
    return out


def snapshot_database(path: str) -> bytes:
    """A consistent single-file copy of the SQLite database at ``path`` (backup API)."""
    with tempfile.TemporaryDirectory(prefix="screening-snap-") as tmp:
        dest = os.path.join(tmp, "snapshot.db")
        src = sqlite3.connect(path)
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
            dst.execute("pragma journal_mode = delete")
        finally:
            dst.close()
            src.close()
        return Path(dest).read_bytes()


@dataclass
class ScreenerPayload:
    """Everything a worker needs to build the client's screener."""

    kind: str  # "database" (a Screener's store snapshot) or "object" (a picklable checker)
    data: bytes
    rules: bytes | None = None
    rules_name: str = "rules.yaml"
    settings: dict[str, Any] = field(default_factory=dict)
    code: str = ""

    @property
    def digest(self) -> str:
        """Identifies these lists + rules + settings + code."""
        h = hashlib.sha256(self.data)
        h.update(self.rules or b"")
        h.update(json.dumps(self.settings, sort_keys=True).encode())
        h.update(self.code.encode())
        return h.hexdigest()

    @classmethod
    def from_screener(cls, screener: Checker) -> "ScreenerPayload":
        """Snapshot a real ``Screener`` (its database file), or pickle any other checker."""
        store = getattr(screener, "store", None)
        path = getattr(store, "path", None)
        rules_file = Path(getattr(settings, "RULES_FILE", "") or "")
        rules = rules_file.read_bytes() if rules_file.is_file() else None
        common: dict[str, Any] = {"rules": rules, "rules_name": rules_file.name or "rules.yaml",
                                  "settings": _settings_snapshot(), "code": code_fingerprint()}
        if path and path != ":memory:" and os.path.exists(path):
            return cls(kind="database", data=snapshot_database(path), **common)
        try:
            return cls(kind="object", data=pickle.dumps(screener), **common)
        except Exception as exc:
            raise BadInput(f"this screener cannot be shipped to Dask workers: {exc}")

    def build(self, directory: str) -> Checker:
        """Build the screener on a worker (writes the snapshot under ``directory``).

        Only settings that differ from the worker's are changed (a worker inside the
        client's process, as in tests, is left untouched); the rules are passed to
        the screener directly rather than through ``settings.RULES_FILE``.
        """
        if self.code and self.code != code_fingerprint():
            raise ScreeningError("this Dask worker runs a different version of the screening "
                                 "package than the client; install the same version on both")
        for k, v in self.settings.items():
            if getattr(settings, k, None) != v:
                setattr(settings, k, v)
        if self.kind == "object":
            return pickle.loads(self.data)
        from ..rules.rulebook import RuleBook
        from ..service.screen import Screener
        from ..lists.store import open_store

        base = Path(directory) / f"screening-{self.digest[:16]}"
        base.mkdir(parents=True, exist_ok=True)
        db = base / "lists.db"
        if not db.exists():
            tmp = base / "lists.db.tmp"
            tmp.write_bytes(self.data)
            os.replace(tmp, db)
        rulebook = None
        if self.rules is not None:
            rules_path = base / self.rules_name
            rules_path.write_bytes(self.rules)
            rulebook = RuleBook.load(rules_path)
        return Screener(open_store(str(db)), rulebook=rulebook)


class ScreenerPlugin(WorkerPlugin):
    """Carries the lists to a worker once and keeps the screener built from them."""

    def __init__(self, payload: ScreenerPayload) -> None:
        self.payload = payload
        self.screener: Checker | None = None
        self.error: str | None = None

    def setup(self, worker: Any) -> None:
        """Build this worker's screener from the payload (once per worker)."""
        try:
            self.screener = self.payload.build(worker.local_directory)
        except ScreeningError as exc:
            self.error = exc.message


def queries_frame(queries: Sequence[Query]) -> Any:
    """A pandas partition of queries (object columns, so None stays None)."""
    import pandas as pd

    rows = [(q.name, q.country, json.dumps(list(q.aliases), ensure_ascii=False), q.address,
             q.as_of, q.after_horizon, json.dumps([list(kv) for kv in q.context],
                                                  ensure_ascii=False),
             json.dumps([list(o) for o in q.owners], ensure_ascii=False), q.schema,
             q.config)
            for q in queries]
    return pd.DataFrame(rows, columns=list(QUERY_COLUMNS), dtype=object)


def _none(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else value


def frame_queries(df: Any) -> list[Query]:
    """The queries of a partition (inverse of :func:`queries_frame`)."""
    out = []
    for row in df.itertuples(index=False):
        out.append(Query(name=row.name, country=_none(row.country),
                         aliases=tuple(json.loads(row.aliases)), address=_none(row.address),
                         as_of=_none(row.as_of), after_horizon=_none(row.after_horizon),
                         context=tuple(tuple(kv) for kv in json.loads(row.context)),
                         owners=tuple(tuple(o) for o in json.loads(row.owners)),
                         schema=_none(row.schema), config=_none(row.config)))
    return out


def screen_partition(df: Any, plugin_name: str) -> Any:
    """Dask task: screen a partition of queries with this worker's screener."""
    import pandas as pd
    from distributed import get_worker

    plugin = cast(ScreenerPlugin, get_worker().plugins[plugin_name])
    if plugin.error:
        raise ScreeningError(plugin.error)
    assert plugin.screener is not None, "the plugin's setup built it"
    answers = screen_queries(plugin.screener, frame_queries(df))
    return pd.DataFrame(answers, columns=list(Answer._fields), dtype=object)


class DaskEngine(Engine):
    """Batches become pandas partitions screened on a Dask cluster."""

    name = "dask"

    def __init__(self, screener: Checker, *, scheduler: str | None = None, client: Any = None,
                 workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise BadInput("--engine dask needs dask and distributed: "
                           "pip install 'screening[dask]'")
        self._own: list[Any] = []
        if client is None:
            if scheduler:
                try:
                    client = Client(scheduler, timeout=CONNECT_TIMEOUT)
                except (OSError, TimeoutError) as exc:
                    raise BadInput(f"cannot reach the Dask scheduler at {scheduler}: {exc}")
            else:
                cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1,
                                       processes=True, dashboard_address=None)
                client = Client(cluster)
                self._own.append(cluster)
            self._own.insert(0, client)
        self.client = client
        payload = ScreenerPayload.from_screener(screener)
        self.plugin_name = f"screening-lists-{payload.digest[:16]}"
        client.register_plugin(ScreenerPlugin(payload), name=self.plugin_name)
        threads = sum(client.nthreads().values()) or 1
        self.workers = threads
        self.capacity = IN_FLIGHT_PER_WORKER * threads

    def submit(self, queries: Sequence[Query]) -> Any:
        return self.client.submit(screen_partition, queries_frame(queries), self.plugin_name,
                                  pure=False)

    def wait(self, handle: Any) -> list[Answer]:
        return [Answer(*row) for row in handle.result().itertuples(index=False, name=None)]

    def close(self, cancel: bool = False) -> None:
        for obj in self._own:
            try:
                obj.close()
            except Exception:  # closing a cluster that is already gone
                pass
