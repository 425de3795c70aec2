"""Engines: serial and forked local workers."""

from __future__ import annotations

import gc
import os
import signal

import pytest

from screening.bulk.engine import LocalEngine, SerialEngine
from screening.bulk.engines import make_engine
from screening.bulk.rows import Query
from screening.errors import BadInput, ScreeningError


class PidScreener:
    """Answers with the id of the process that screened (to see the work spread)."""

    def check(self, name, **kw):
        if name == "die":
            os.kill(os.getpid(), signal.SIGKILL)
        pid = os.getpid()
        return type("R", (), {"to_dict": lambda self: {"outcome": str(pid), "hits": []}})()


class CachingScreener(PidScreener):
    """Keeps one long-lived object per name, as the matcher's caches do."""

    def __init__(self) -> None:
        self.cache: dict[str, list[str]] = {}

    def check(self, name, **kw):
        self.cache[name] = [name]
        return super().check(name, **kw)


def _collected(obj: object) -> bool:
    """True while the cyclic collector still scans ``obj`` (it is not frozen)."""
    return any(o is obj for o in gc.get_objects())


def test_serial_batches_leave_their_long_lived_objects_frozen():
    screener = CachingScreener()
    with SerialEngine(screener) as eng:
        eng.wait(eng.submit([Query("Acme Trading"), Query("Müller GmbH")]))
        assert not _collected(screener.cache["Acme Trading"]), "full collections would rescan it"
    assert _collected(screener.cache["Acme Trading"]), "closing the engine unfreezes"


def test_worker_batches_leave_their_long_lived_objects_frozen(monkeypatch):
    from screening.bulk import engine as engine_mod

    screener = CachingScreener()
    monkeypatch.setattr(engine_mod, "_SCREENER", screener)
    try:
        assert [a.outcome for a in engine_mod._screen_batch([Query("Acme Trading")])] == [str(os.getpid())]
        assert not _collected(screener.cache["Acme Trading"])
    finally:
        gc.unfreeze()


def test_make_engine():
    assert isinstance(make_engine("local", PidScreener(), workers=1), SerialEngine)
    with pytest.raises(BadInput, match="unknown engine 'spark'"):
        make_engine("spark", PidScreener())


def test_local_engine_uses_forked_workers_and_keeps_order():
    with LocalEngine(PidScreener(), 2) as eng:
        handles = [eng.submit([Query(f"n{i}-{j}") for j in range(5)]) for i in range(6)]
        answers = [eng.wait(h) for h in handles]
    pids = {a.outcome for batch in answers for a in batch}
    assert str(os.getpid()) not in pids
    assert 1 <= len(pids) <= 2
    assert [len(b) for b in answers] == [5] * 6


def test_a_dead_worker_is_a_clear_error():
    eng = LocalEngine(PidScreener(), 2)
    try:
        with pytest.raises(ScreeningError, match="a worker process died"):
            eng.wait(eng.submit([Query("die")]))
    finally:
        eng.close(cancel=True)
