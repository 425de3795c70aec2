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
