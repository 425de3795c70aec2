"""Engines: serial and forked local workers."""

from __future__ import annotations

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
