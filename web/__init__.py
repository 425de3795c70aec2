"""The web app: a UI for sales ops and a JSON API for the CRM, over one screener.

``create_app`` builds the :class:`~screening.service.screen.Screener` once, at start
(lists are loaded by commands, never inside a request), and registers the
blueprints: ``auth`` (log in / out), ``ui`` (pages), ``api`` (``/api/v1``).
Errors are mapped to JSON or HTML in one place (:mod:`web.errors`).
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask, Request, Response
from flask.json.provider import DefaultJSONProvider
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface

from screening import settings

#: Seconds between two cheap checks of ``store.data_version()``.
RELOAD_INTERVAL_S = 5.0

#: Parties per ``POST /api/v1/screen/batch``.
BATCH_LIMIT = 1000

#: A signed-in session lasts this long.
SESSION_HOURS = 8


def default_config(db_path: Path) -> dict[str, Any]:
    """Configuration defaults (overridden by ``SCREENING_WEB_*`` env vars and ``test_config``)."""
    return {
        "DB_PATH": str(db_path),
        "SECRET_KEY": settings.SECRET_KEY,
        "RATE_LIMIT": settings.RATE_LIMIT,
        "BATCH_LIMIT": BATCH_LIMIT,
        "RELOAD_INTERVAL": RELOAD_INTERVAL_S,
        "MAX_CONTENT_LENGTH": settings.MAX_UPLOAD_MB * 1024 * 1024,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": False,  # set SCREENING_WEB_SESSION_COOKIE_SECURE=true behind TLS
        "SESSION_COOKIE_NAME": "screening_session",
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=SESSION_HOURS),
        "SCREENER_FACTORY": None,  # callable(db_path) -> Screener; default open_screener
        "JSON_SORT_KEYS": False,
    }


#: Headers on every response: no framing, no sniffing, scripts and styles from this site only.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
}


def _security_headers(response: Response) -> Response:
    """Every response: no MIME sniffing. Pages: no framing, same-site scripts, no caching."""
    headers = response.headers
    if response.mimetype == "text/html":
        for key, value in SECURITY_HEADERS.items():
            headers[key] = value
        headers["Cache-Control"] = "no-store"
    else:
        headers["X-Content-Type-Options"] = "nosniff"
    return response


class SessionInterface(SecureCookieSessionInterface):
    """Cookie sessions for the UI; none at all for the API (bearer keys, no cookies read or set)."""

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if request.path.startswith("/api/"):
            return None  # Flask substitutes a NullSession and never saves it
        return super().open_session(app, request)


def _secret_key(instance: Path) -> str:
    """A persistent random secret in the instance folder (sessions survive restarts)."""
    path = instance / "secret_key"
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app: config, screener, blueprints, error handlers.

    ``test_config`` overrides any key, e.g. ``{"DB_PATH": ..., "SCREENER_FACTORY": ...}``.
    The instance folder (uploads, bulk results, the session secret) defaults to
    ``instance/`` beside the database, or ``SCREENING_INSTANCE_DIR``.
    """
    test_config = dict(test_config or {})
    db_path = Path(test_config.get("DB_PATH") or settings.DB_PATH)
    instance = Path(test_config.pop("INSTANCE_PATH", None) or settings.instance_dir(db_path))
    instance.mkdir(parents=True, exist_ok=True)
    app = Flask(__name__, instance_path=str(instance.resolve()))
    app.config.from_mapping(default_config(db_path))
    app.config.update(settings.web_config())  # SCREENING_WEB_* overrides
    app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance)
    app.session_interface = SessionInterface()
    assert isinstance(app.json, DefaultJSONProvider)
    app.json.sort_keys = False
    app.json.ensure_ascii = False

    from .state import WebState

    app.extensions["screening"] = WebState.start(app)

    from . import api, auth, boundary, errors, i18n, ui
    from . import history, reviews  # before api.bp is registered: they add /api/v1 routes too

    app.before_request(boundary.check_request)  # first: nothing unstorable goes further
    i18n.init_app(app)
    auth.init_app(app)
    errors.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(ui.bp)
    app.register_blueprint(api.bp)
    from . import report  # the PDF record (issue 16)
    app.register_blueprint(report.bp)

    app.register_blueprint(reviews.bp)
    app.register_blueprint(history.bp)

    from . import monitor, monitor_api

    app.register_blueprint(monitor.bp)
    app.register_blueprint(monitor_api.bp)
    app.after_request(_security_headers)
    return app
