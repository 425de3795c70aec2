"""English and Chinese for the UI: one table (``translations/messages.yaml``).

Each key has an ``en`` and a ``zh`` text. The language is the session's choice
(the switch in the header), else the browser's ``Accept-Language``, else English.
List data (names, citations) is shown as the source gives it. What the service
itself says about a result (reasons, assumptions, next steps, notes, match
explanations) comes with its Chinese beside it (``reason_zh``, ``next_steps_zh``...,
rendered from :mod:`screening.texts`); :func:`loc` picks the one for the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from flask import Flask, g, has_request_context, request, session

from screening import yamlfast
from screening.lists.catalog import list_title
from screening.texts import Msg

#: Languages the UI speaks; the first is the default.
LANGUAGES = ("en", "zh")

TABLE_PATH = Path(__file__).resolve().parent / "translations" / "messages.yaml"


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    """The translation table: key -> {"en": ..., "zh": ...}."""
    with TABLE_PATH.open(encoding="utf-8") as f:
        return yamlfast.safe_load(f)


def current_language() -> str:
    """The language of this request."""
    if not has_request_context():
        return LANGUAGES[0]
    lang = g.get("lang")
    if lang:
        return lang
    lang = session.get("lang")
    if lang not in LANGUAGES:
        lang = request.accept_languages.best_match(LANGUAGES) or LANGUAGES[0]
    g.lang = lang
    return lang


def t(key: str, lang: str | None = None) -> str:
    """The text for ``key`` in the current language (the key itself when missing)."""
    entry = table().get(key)
    if entry is None:
        return key
    return entry.get(lang or current_language()) or entry.get(LANGUAGES[0]) or key


def tr(key: str, fallback: str) -> str:
    """The text for ``key`` when the table has it, else ``fallback`` (for data-driven keys)."""
    return t(key) if key in table() else fallback


def outcome_label(outcome: str | None) -> str:
    """An outcome (``PROHIBITED``...) in the current language, code kept for unknown ones."""
    if not outcome:
        return ""
    key = "outcome_" + outcome.lower().replace("-", "_")
    text = t(key)
    return outcome if text == key else text


def loc(obj: Mapping[str, Any], key: str) -> Any:
    """``obj[key]`` in the page's language: ``obj[key + "_zh"]`` on a Chinese page when given."""
    lang = current_language()
    if lang != LANGUAGES[0]:
        found = obj.get(f"{key}_{lang}")
        if found:
            return found
    return obj.get(key)


def list_name(list_id: str | None, fallback: str | None = None) -> str:
    """A known list's title in the page's language; else ``fallback`` (a company's own
    list: the title it was imported with), else its id."""
    title = list_title(list_id or "")
    if isinstance(title, Msg):
        return title.render(current_language())
    return fallback or title


def init_app(app: Flask) -> None:
    """Make ``t``, ``loc``, ``list_name``, ``outcome_label`` and ``lang`` available in templates."""
    app.jinja_env.globals.update(t=t, tr=tr, loc=loc, list_name=list_name, outcome_label=outcome_label,
                                 current_language=current_language, LANGUAGES=LANGUAGES)
