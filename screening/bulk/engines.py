"""Choosing where a bulk run screens: this process, forked workers, or a Dask cluster.

Kept apart from :mod:`.engine` (the local engines) so that it and
:mod:`.dask_engine`, which builds on it, do not import each other.
"""

from __future__ import annotations

from typing import Any

from ..errors import BadInput
from .engine import Engine, LocalEngine, SerialEngine, default_workers
from .rows import Checker


def make_engine(kind: str, screener: Checker, *, workers: int | None = None,
                scheduler: str | None = None, client: Any = None) -> Engine:
    """``local`` (fork; serial with one worker) or ``dask`` (a cluster at ``scheduler``)."""
    workers = workers or default_workers()
    if kind == "local":
        return SerialEngine(screener) if workers <= 1 else LocalEngine(screener, workers)
    if kind == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(screener, scheduler=scheduler, client=client, workers=workers)
    raise BadInput(f"unknown engine {kind!r}: use local or dask")
