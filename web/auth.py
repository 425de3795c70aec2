"""Signing in, sessions, roles and CSRF for the UI; bearer keys for the API.

Every page and endpoint requires authentication except the health check, the
login page and static files: :func:`require_login` runs before every request
and turns anonymous UI requests into a redirect to the login page (the API
blueprint checks its bearer key itself and answers 401).

CSRF: each session holds a random token; every form carries it in a hidden
``csrf_token`` field and every unsafe UI request (POST...) must present it
(form field or ``X-CSRF-Token`` header), compared in constant time.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from flask import (Blueprint, Flask, current_app, g, redirect, render_template, request, session,
                   url_for)

from screening import settings
from screening.service.accounts import User
from screening.connections import busy_timeout
from screening.errors import Forbidden

from . import throttle
from .i18n import t
from .state import state

bp = Blueprint("auth", __name__)

#: Endpoints reachable without signing in.
PUBLIC_ENDPOINTS = {"auth.login", "static", "api.health", "ui.set_language"}

#: HTTP methods that change something and so need the CSRF token.
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def csrf_token() -> str:
    """This session's CSRF token (created on first use)."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def check_csrf() -> None:
    """Reject an unsafe UI request whose CSRF token is missing or wrong (400)."""
    sent = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token") or ""
    expected = session.get("csrf") or ""
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        from screening.errors import BadInput

        raise BadInput(t("err_csrf"))


def current_user() -> User | None:
    """The signed-in user (UI) or API key principal of this request."""
    return g.get("user")


def signed_in() -> User:
    """The user of a UI page (:func:`require_login` turned anonymous requests away)."""
    user = current_user()
    assert user is not None, "require_login runs before every UI page"
    return user


def require_login() -> Any:
    """``before_request``: load the session user; redirect anonymous UI requests."""
    g.user = None
    sid = session.get("sid")
    if sid is not None:
        g.user = state().accounts.session_user(sid)
        if g.user is None:  # signed out, password changed, expired, account disabled
            session.clear()
    endpoint = request.endpoint or ""
    if request.path.startswith("/api/") or endpoint in PUBLIC_ENDPOINTS:
        return None
    if request.method in UNSAFE_METHODS:
        check_csrf()
    if g.user is None:
        if request.method == "GET" and request.endpoint:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return redirect(url_for("auth.login"))
    return None


def requires(role: str) -> Callable:
    """View decorator: the signed-in user must have ``role`` (or a higher one), else 403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            user = current_user()
            if user is None or not user.can(role):
                raise Forbidden(t("err_role").format(role=role))
            return view(*args, **kwargs)

        return wrapped

    return decorator


def _safe_next(target: str | None) -> str:
    """Only same-site relative paths are followed after log-in."""
    if not target:
        return url_for("ui.screen")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("ui.screen")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    """Sign in with username and password."""
    error = None
    if request.method == "POST":
        check_csrf()
        username = request.form.get("username", "").strip()
        address, known = request.remote_addr or "?", throttle.known_device(username)
        state().login_throttle.check(username, address, known)
        user = state().accounts.authenticate(username, request.form.get("password", ""))
        if user is None:
            state().login_throttle.failed(username, address, known)
            error = t("err_login")
        else:
            lang = session.get("lang")
            session.clear()
            session.permanent = True
            with busy_timeout(state().store, settings.WRITE_WAIT_S):  # locked: a quick 503
                session["sid"] = state().accounts.start_session(
                    user, current_app.permanent_session_lifetime.total_seconds() / 3600)
            if lang:
                session["lang"] = lang
            csrf_token()
            return throttle.remember_device(redirect(_safe_next(request.form.get("next"))),
                                            user.name)
    return render_template("login.html", error=error, next=request.args.get("next", "")), (
        401 if error else 200)


@bp.route("/logout", methods=["POST"])
def logout() -> Any:
    """Sign out (POST with the CSRF token): the session ends on the server too."""
    if session.get("sid"):
        with busy_timeout(state().store, settings.WRITE_WAIT_S):
            state().accounts.end_session(session["sid"])
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    return redirect(url_for("auth.login"))


def init_app(app: Flask) -> None:
    """Install the log-in check and template helpers."""
    app.before_request(require_login)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.globals["current_user"] = current_user
