"""Errors that carry an HTTP-style status.

The CLI prints ``error.message`` on one line and exits non-zero; the web app maps
``status`` to the response code (JSON for the API, HTML for the UI) in one place.
"""

from __future__ import annotations

import sqlite3


class ScreeningError(Exception):
    """Base class: a clear message plus a status code."""

    status = 500

    def __init__(self, message: str, status: int | None = None, **detail: object) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status
        self.detail = detail

    def to_dict(self) -> dict:
        out = {"error": self.message, "status": self.status}
        if self.detail:
            out["detail"] = self.detail
        return out


class BadInput(ScreeningError):
    """The caller sent something we cannot use (400)."""

    status = 400


class Invalid(ScreeningError):
    """Well-formed but semantically invalid input (422)."""

    status = 422


class NotFound(ScreeningError):
    """No such entry, list or version (404)."""

    status = 404


class Unauthorized(ScreeningError):
    status = 401


class Forbidden(ScreeningError):
    status = 403


class TooLarge(ScreeningError):
    status = 413


class RateLimited(ScreeningError):
    status = 429


class Unavailable(ScreeningError):
    """The service cannot do this safely right now (503, with ``retry_after`` seconds)."""

    status = 503


class ImportFailed(ScreeningError):
    """A list import or download failed; the previous version stays in force."""

    status = 502


class CutLastRow(ImportFailed):
    """The file ends in a row cut off mid-way (a truncated download or extract)."""

    status = 502


class CountOutOfBounds(ImportFailed):
    """The parsed entry count is outside the list's declared bounds."""


#: What SQLite's message means, for :func:`database_error` (first match wins).
_DATABASE_TROUBLE = (
    ("locked", "is busy: another process is writing to it (a list update?)"),
    ("busy", "is busy: another process is writing to it (a list update?)"),
    ("readonly", "is read-only: check the permissions of the file and its folder"),
    ("read-only", "is read-only: check the permissions of the file and its folder"),
    ("unable to open", "cannot be opened: check the path and its permissions"),
    ("disk i/o", "had a disk I/O error"),
    ("full", "is full: free some disk space"),
)


def database_error(exc: BaseException, path: object = None) -> Unavailable | None:
    """The clear, one-line error for SQLite refusing to work, or None for other errors.

    A locked, read-only, unopenable or full database is an operating condition,
    not a bug: the CLI prints this instead of a traceback, the web app answers
    503 with Retry-After.
    """
    if not isinstance(exc, (sqlite3.OperationalError, sqlite3.DatabaseError)):
        return None
    text = str(exc).lower()
    for needle, why in _DATABASE_TROUBLE:
        if needle in text:
            where = f" {path}" if path else ""
            return Unavailable(f"the database{where} {why} ({exc})", retry_after=5)
    return None
