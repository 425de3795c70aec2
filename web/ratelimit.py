"""Per-key rate limiting for the API: an in-memory token bucket.

Each API key has a bucket holding at most ``per_minute`` tokens, refilled at
``per_minute / 60`` tokens a second. A request takes one token; an empty bucket
means 429 with the seconds until the next token. Buckets live in this process
only (one waitress process serves the app).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Token buckets keyed by API key id."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(max(1, per_minute))
        self.rate = self.capacity / 60.0  # tokens per second
        self.clock = clock
        self._buckets: dict[object, tuple[float, float]] = {}  # key -> (tokens, last time)
        self._lock = threading.Lock()

    def take(self, key: object, cost: float = 1.0) -> float:
        """Take ``cost`` tokens; returns 0 when allowed, else seconds to wait."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            if tokens >= cost:
                self._buckets[key] = (tokens - cost, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (cost - tokens) / self.rate

    def wait(self, key: object, cost: float = 1.0) -> float:
        """Seconds until ``cost`` tokens are available for ``key`` (0: now); takes nothing."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - last) * self.rate)
            return 0.0 if tokens >= cost else (cost - tokens) / self.rate

    @staticmethod
    def retry_after(wait: float) -> int:
        """Whole seconds for a ``Retry-After`` header (at least 1)."""
        return max(1, math.ceil(wait))


class SharedRateLimiter(RateLimiter):
    """The same token buckets, kept in shared memory so forked workers share them.

    Keys must be integers (API key ids). Each id has a slot ``id % slots`` holding
    (id, tokens, last time); a slot taken by another id is reset for the newcomer,
    which only matters with more than ``slots`` keys. ``time.monotonic`` is
    system-wide, so all workers agree on the clock.
    """

    def __init__(self, per_minute: int, slots: int = 4096,
                 clock: Callable[[], float] = time.monotonic) -> None:
        import multiprocessing

        super().__init__(per_minute, clock)
        ctx = multiprocessing.get_context("fork")
        self.slots = slots
        self._table = ctx.RawArray("d", 3 * slots)  # key id, tokens, last refill time
        self._plock = ctx.Lock()

    def _bucket(self, key: int, now: float) -> tuple[int, float]:
        i = 3 * (int(key) % self.slots)
        if self._table[i] != float(key) + 1:  # empty (0.0) or another key's slot
            self._table[i], self._table[i + 1], self._table[i + 2] = float(key) + 1, self.capacity, now
        tokens = min(self.capacity, self._table[i + 1] + (now - self._table[i + 2]) * self.rate)
        return i, tokens

    def take(self, key: object, cost: float = 1.0) -> float:
        """Take ``cost`` tokens from ``key``'s bucket; 0 when allowed, else seconds to wait."""
        now = self.clock()
        with self._plock:
            i, tokens = self._bucket(int(key), now)  # type: ignore[call-overload]
            self._table[i + 2] = now
            if tokens >= cost:
                self._table[i + 1] = tokens - cost
                return 0.0
            self._table[i + 1] = tokens
            return (cost - tokens) / self.rate

    def wait(self, key: object, cost: float = 1.0) -> float:
        """Seconds until ``cost`` tokens are available; takes nothing."""
        now = self.clock()
        with self._plock:
            _, tokens = self._bucket(int(key), now)  # type: ignore[call-overload]
            return 0.0 if tokens >= cost else (cost - tokens) / self.rate
