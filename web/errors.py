"""One place that turns errors into responses: JSON for the API, HTML for the UI.

:class:`screening.errors.ScreeningError` carries its status; werkzeug's HTTP
errors (404, 405, 413 for an oversized upload...) are mapped the same way. A
request is an API request when its path starts with ``/api/``.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from flask import Flask, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

from screening.errors import ScreeningError, database_error

from .i18n import t

log = logging.getLogger(__name__)

#: Status -> translation key of the page title.
TITLES = {400: "err_400", 401: "err_401", 403: "err_403", 404: "err_404", 405: "err_405",
          413: "err_413", 422: "err_422", 429: "err_429", 503: "err_503"}


def is_api_request() -> bool:
    """True for ``/api/...`` paths (answered in JSON)."""
    return request.path.startswith("/api/")


def error_response(status: int, message: str, *, detail: dict | None = None,
                   headers: dict[str, str] | None = None) -> Any:
    """The response for an error: ``{"error", "status"[, "detail"]}`` or an HTML page."""
    if is_api_request():
        body: dict[str, Any] = {"error": message, "status": status}
        if detail:
            body["detail"] = detail
        resp = jsonify(body)
    else:
        resp = make_response(render_template(
            "error.html", status=status, message=message,
            title=t(TITLES.get(status, "err_500"))))
    resp.status_code = status
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return resp


def handle_screening_error(exc: ScreeningError) -> Any:
    """A ScreeningError: its message and its status."""
    headers = {}
    if exc.detail.get("retry_after"):  # 429 rate limits, 503 audit or database unavailable
        headers["Retry-After"] = str(exc.detail["retry_after"])
    if exc.status == 401 and is_api_request():
        headers["WWW-Authenticate"] = 'Bearer realm="screening"'
    detail = {k: v for k, v in exc.detail.items() if k != "retry_after"} or None
    return error_response(exc.status, exc.message, detail=detail, headers=headers)


def handle_http_error(exc: HTTPException) -> Any:
    """werkzeug's errors (unknown route, wrong method, body too large)."""
    status = exc.code or 500
    if status == 413:
        message = t("err_413_body")
    elif status == 404:
        message = t("err_404_body")
    else:
        message = exc.description or exc.name
    headers = {}
    valid = getattr(exc, "valid_methods", None)
    if status == 405 and valid:
        headers["Allow"] = ", ".join(valid)
    return error_response(status, message, headers=headers)


def handle_database_error(exc: sqlite3.DatabaseError) -> Any:
    """SQLite locked, read-only, full: 503 with Retry-After (logged); anything else: 500."""
    err = database_error(exc)
    if err is None:
        return handle_unexpected(exc)
    log.error("%s %s: %s", request.method, request.path, err.message)
    return handle_screening_error(err)


def handle_unexpected(exc: Exception) -> Any:
    """Anything else: logged with its traceback, answered with a plain 500."""
    log.exception("unhandled error on %s %s", request.method, request.path)
    return error_response(500, t("err_500_body"))


def init_app(app: Flask) -> None:
    """Register the handlers on ``app``."""
    app.register_error_handler(ScreeningError, handle_screening_error)
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(sqlite3.DatabaseError, handle_database_error)
    app.register_error_handler(Exception, handle_unexpected)
