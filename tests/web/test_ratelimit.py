"""The token bucket behind the API's per-key rate limit."""

from __future__ import annotations

from web.ratelimit import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_burst_then_refills():
    clock = Clock()
    rl = RateLimiter(60, clock=clock)  # one token per second, burst of 60
    assert all(rl.take("k") == 0 for _ in range(60))
    assert rl.take("k") == 1.0
    clock.now = 0.5
    assert rl.take("k") == 0.5
    clock.now = 1.0
    assert rl.take("k") == 0


def test_keys_are_separate():
    rl = RateLimiter(1, clock=Clock())
    assert rl.take("a") == 0 and rl.take("b") == 0
    assert rl.take("a") > 0


def test_wait_takes_nothing():
    rl = RateLimiter(1, clock=Clock())
    assert rl.wait("a") == 0 and rl.wait("a") == 0
    rl.take("a")
    assert rl.wait("a") == 60.0


def test_retry_after_rounds_up():
    assert RateLimiter.retry_after(0.2) == 1
    assert RateLimiter.retry_after(2.1) == 3


def test_shared_bucket_across_processes():
    import multiprocessing

    from web.ratelimit import SharedRateLimiter

    rl = SharedRateLimiter(60)
    rl.take(7, cost=50)
    child = multiprocessing.get_context("fork").Process(target=rl.take, args=(7, 9))
    child.start()
    child.join()
    assert child.exitcode == 0
    assert rl.take(7) == 0  # one token left after the child took 9 of the last 10
    assert rl.take(7) > 0
    assert rl.take(8) == 0  # another key, its own bucket


def test_shared_slot_collision_resets_for_newcomer():
    from web.ratelimit import SharedRateLimiter

    rl = SharedRateLimiter(1, slots=4, clock=Clock())
    assert rl.take(1) == 0 and rl.take(1) > 0
    assert rl.take(5) == 0  # same slot (5 % 4 == 1), a different key
