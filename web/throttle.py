"""Login throttling: failed sign-ins are limited per client address and per username.

Both limits are token buckets in shared memory (:class:`web.ratelimit.SharedRateLimiter`),
created before ``screening serve --processes`` forks, so every worker counts
the same failures. The address limit stops password spraying (one address
trying many usernames); the username limit stops a distributed guesser on
one account. So that an attacker guessing a user's password cannot lock the
real user out, a browser that signed in as that user before carries a signed
"known device" cookie, and its attempts skip the username limit (they still
count against its own address). A throttled attempt is a 429 with Retry-After.
"""

from __future__ import annotations

import hashlib
from typing import Any

from flask import current_app, request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.wrappers import Response

from screening.errors import RateLimited

from .ratelimit import SharedRateLimiter

#: Failed sign-ins allowed per minute from one client address (any usernames).
PER_ADDRESS_PER_MINUTE = 10

#: Failed sign-ins allowed per minute on one username (any addresses).
PER_USERNAME_PER_MINUTE = 5

#: Cookie of a browser that signed in before, and how long it is remembered.
DEVICE_COOKIE = "screening_device"
DEVICE_DAYS = 90


def key_of(kind: str, value: str) -> int:
    """A stable integer key for a shared bucket (48 bits: exact as a float)."""
    digest = hashlib.blake2b(f"{kind}\0{value}".encode("utf-8", "replace"), digest_size=6)
    return int.from_bytes(digest.digest(), "big")


class LoginThrottle:
    """The two shared limits on failed sign-ins."""

    def __init__(self, per_address: int = PER_ADDRESS_PER_MINUTE,
                 per_username: int = PER_USERNAME_PER_MINUTE) -> None:
        self.by_address = SharedRateLimiter(per_address)
        self.by_username = SharedRateLimiter(per_username)

    def check(self, username: str, address: str, known_device: bool) -> None:
        """429 with Retry-After when this attempt must wait."""
        wait = self.by_address.wait(key_of("addr", address))
        if not known_device:
            wait = max(wait, self.by_username.wait(key_of("user", username.casefold())))
        if wait > 0:
            from .i18n import t

            seconds = SharedRateLimiter.retry_after(wait)
            raise RateLimited(t("err_login_throttled").format(seconds=seconds),
                              retry_after=seconds)

    def failed(self, username: str, address: str, known_device: bool) -> None:
        """Count one failed sign-in."""
        self.by_address.take(key_of("addr", address))
        if not known_device:
            self.by_username.take(key_of("user", username.casefold()))


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="login-device")


def known_device(username: str) -> bool:
    """True when this browser signed in as ``username`` before (signed cookie)."""
    token = request.cookies.get(DEVICE_COOKIE)
    if not token:
        return False
    try:
        names = _serializer().loads(token, max_age=DEVICE_DAYS * 86400)
    except BadSignature:
        return False
    return isinstance(names, list) and username.casefold() in names


def remember_device(response: Response, username: str) -> Any:
    """Mark this browser as one ``username`` signed in from (kept for a few users)."""
    token = request.cookies.get(DEVICE_COOKIE)
    names: list[str] = []
    if token:
        try:
            names = list(_serializer().loads(token, max_age=DEVICE_DAYS * 86400))
        except (BadSignature, TypeError):
            names = []
    names = [username.casefold()] + [n for n in names if n != username.casefold()][:4]
    response.set_cookie(DEVICE_COOKIE, _serializer().dumps(names), max_age=DEVICE_DAYS * 86400,
                        httponly=True, samesite="Lax", path="/login",
                        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))
    return response
