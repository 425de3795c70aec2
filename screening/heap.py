"""Garbage-collector tuning, in one place: the screener is millions of long-lived objects.

The matcher's index is built once and lives as long as its screener. Building it
with the cyclic collector running costs ~40% more; scanning it later slows every
check (25-100 ms pauses on the full lists) and makes forked workers copy the
pages they share. So: pause the collector while building, freeze what was built,
freeze again what survives later, and unfreeze only to free a replaced screener.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_collector() -> Iterator[None]:
    """No cyclic collection inside the block (the previous state is restored after)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def building_long_lived() -> Iterator[None]:
    """Pause the collector while the block builds long-lived objects, then freeze them."""
    with paused_collector():
        try:
            yield
        finally:
            gc.freeze()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Move every live object out of the garbage collector's sight while the block runs.

    Frozen, ``check`` costs ~40% less CPU per row, and forked workers do not dirty
    (copy) the shared pages by collecting them.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def freeze_survivors() -> None:
    """Collect garbage, then move what survived out of the cyclic collector's reach.

    Checks keep adding long-lived objects (the matcher's caches); done every few
    seconds, each collection only sees what was allocated since the last one.
    """
    gc.collect()
    gc.freeze()


def freeze_young_survivors() -> None:
    """Collect the young generations only, then freeze everything: for a bulk worker
    between two batches.

    Each batch adds thousands of long-lived objects to the matcher's caches. Left
    in the oldest generation, they are rescanned by every full collection, and
    those come at ever larger sizes (0.1-0.3 s each; 1.2 s of a worker's 23 s of CPU
    over 50,000 rows, 0.3 s with this after every batch). A full collection here
    would cost ~13 ms a batch; the few cyclic garbage objects already in the oldest
    generation (0-20 a batch, measured) stay frozen instead of being freed.
    """
    gc.collect(1)
    gc.freeze()


#: Allocations between two collections of the youngest generation in a bulk worker
#: (Python's default: 700). See :func:`collect_young_less_often`.
BULK_YOUNG_THRESHOLD = 10_000


def collect_young_less_often() -> None:
    """Collect the youngest generation every :data:`BULK_YOUNG_THRESHOLD` allocations
    (for a bulk worker, whose heap is frozen and whose batches end in
    :func:`freeze_young_survivors`).

    A check allocates thousands of short-lived containers (tokens, forms, pairs);
    at Python's 700 the young generations were collected ~90 times per 1,000 rows
    and, through them, the oldest one several times in a worker's first batches.
    Measured over 20,000 bulk rows (frozen heap, young survivors frozen every 500
    rows as a worker does): 0.51-0.57 s in the collector at 700, 0.28 s at 10,000
    (0.26-0.33 s at 7,000, 0.27 s at 20,000). Cyclic garbage waits at most 10,000
    allocations longer to be freed; the older thresholds are unchanged."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(BULK_YOUNG_THRESHOLD, older, oldest)


def release_frozen() -> None:
    """Unfreeze, collect, freeze again: frees a replaced screener, whose cycles a frozen
    heap would keep for good (1.5-2.5 s on the full lists; call it off the request path)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
