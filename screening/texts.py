"""Every sentence a result says, as a template with a key and parameters, in English and Chinese.

A reason, an assumption, a next step or a note is built as a :class:`Msg`: a key
(``reason.suspended``, ``rule.CN-UEL``...) and its parameters, which may be
plain values (a party's name, a date, a code: never translated) or other
messages (a list title, an outcome in words). ``msg.render("en")`` gives the
English text the CLI, the API's ``reason`` and the tests have always seen;
``msg.render("zh")`` gives the same sentence in Chinese, in MOFCOM's wording.

Templates come from three places, all checked by tests/rules/test_texts.py:
``screening/texts.yaml`` (the sentences of the determination, the guidance and the match explanations), the
rules' own ``reason`` / ``reason_zh`` in ``rules.yaml`` (passed inline), and
fixed-phrase tables kept beside their English (list titles, measures, policies),
registered with :func:`table`.

Placeholders are Python ``str.format`` fields; ``{x!c}`` capitalises the first
letter of the value and ``{x!l}`` lowers it (English only; Chinese has no case).
A list value is joined with "; " (Chinese: "；").
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from screening import yamlfast

LANGS = ("en", "zh")
TEXTS_PATH = Path(__file__).resolve().parent / "texts.yaml"
_SEPARATORS = {"en": "; ", "zh": "；"}

#: Fixed-phrase tables registered by the modules that own them: prefix -> (en, zh).
_TABLES: dict[str, tuple[Mapping[str, str], Mapping[str, str]]] = {}


class Msg(str):
    """A sentence or phrase: its English text (it *is* that string), plus the template key,
    optional inline templates and the parameters to say it in another language."""

    key: str
    inline: Mapping[str, str] | None
    params: dict[str, Any]

    def __new__(cls, key: str, inline: Mapping[str, str] | None = None, **params: Any) -> Msg:
        self = super().__new__(cls, _fill(_template(key, inline, "en"), params, "en"))
        self.key, self.inline, self.params = key, inline, params
        return self

    def render(self, lang: str = "en") -> str:
        """The text in ``lang`` (English when the template has no such language)."""
        if lang == "en":
            return str(self)
        return _fill(_template(self.key, self.inline, lang), self.params, lang)

    def to_dict(self) -> dict:
        """Key and parameters as plain JSON (nested messages as dicts)."""
        return {"key": self.key, "params": {k: _plain(v) for k, v in self.params.items()}}

    def __reduce__(self) -> tuple:
        return (_rebuild, (self.key, self.inline, self.params))


def _rebuild(key: str, inline: Mapping[str, str] | None, params: dict) -> Msg:
    return Msg(key, inline, **params)


def _template(key: str, inline: Mapping[str, str] | None, lang: str) -> str:
    if inline is None:
        return _catalogued(key, lang)
    return inline.get(lang) or inline.get("en") or ""


@lru_cache(maxsize=4096)
def _catalogued(key: str, lang: str) -> str:
    found = templates(key)
    return found.get(lang) or found.get("en") or ""


def _fill(template: str, params: Mapping[str, Any], lang: str) -> str:
    return _compiled(template).format_map(_Values(params, lang)) if params else template


@lru_cache(maxsize=4096)
def _compiled(template: str) -> str:
    """The template for ``str.format_map`` (fast, in C): ``{x!c}`` becomes the field ``x``
    + NUL + ``c``, which :class:`_Values` reads as ``x`` converted."""
    return _CONVERSION.sub(lambda m: "{" + m.group(1) + "\x00" + m.group(2) + "}", template)


class Join(str):
    """Parts joined with a fixed separator (a path, a name list); English is the string itself."""

    parts: list[Any]
    sep: str | Mapping[str, str]

    def __new__(cls, parts: list[Any], sep: str | Mapping[str, str]) -> Join:
        self = super().__new__(cls, _join(parts, sep, "en"))
        self.parts, self.sep = list(parts), sep
        return self

    def render(self, lang: str = "en") -> str:
        return str(self) if lang == "en" else _join(self.parts, self.sep, lang)

    def to_dict(self) -> dict:
        return {"join": [_plain(p) for p in self.parts], "sep": self.sep}

    def __reduce__(self) -> tuple:
        return (Join, (self.parts, self.sep))


def _join(parts: list[Any], sep: str | Mapping[str, str], lang: str) -> str:
    between = sep if isinstance(sep, str) else sep.get(lang, sep["en"])
    return between.join(render(p, lang) for p in parts)


def render(value: Any, lang: str = "en") -> str:
    """A parameter value in ``lang``: a message rendered, a list joined, None empty."""
    if isinstance(value, (Msg, Join)):
        return value.render(lang)
    if isinstance(value, (list, tuple)):
        return _SEPARATORS.get(lang, "; ").join(render(v, lang) for v in value)
    return "" if value is None else str(value)


def msg(key: str, **params: Any) -> Msg:
    """A message whose templates are in ``texts.yaml`` (or a registered table)."""
    return Msg(key, None, **params)


def table(prefix: str, en: Mapping[str, str], zh: Mapping[str, str]) -> Callable[[str], Msg | str]:
    """Register a fixed-phrase table (code -> words) and return ``code -> Msg``.

    A code the table does not know is returned as it is (a list id of a
    company's own list, an unknown measure code): shown, never translated.
    """
    _TABLES[prefix] = (en, zh)

    def phrase(code: str) -> Msg | str:
        if code in en:
            return Msg(f"{prefix}.{code}", None)
        return code
    return phrase


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    """``texts.yaml``: key -> {"en": ..., "zh": ...}."""
    with TEXTS_PATH.open(encoding="utf-8") as f:
        data = yamlfast.safe_load(f)
    return {str(k): dict(v) for k, v in data.items()}


def templates(key: str) -> dict[str, str]:
    """The templates of ``key`` by language, from ``texts.yaml`` or a registered table."""
    found = catalog().get(key)
    if found is not None:
        return found
    prefix, _, code = key.partition(".")
    pair = _TABLES.get(prefix)
    if pair is not None and code in pair[0]:
        return {"en": pair[0][code], "zh": pair[1].get(code, "")}
    raise KeyError(f"no text template {key!r}")


def all_templates() -> Iterator[tuple[str, dict[str, str]]]:
    """Every catalogued and registered template (for the completeness test)."""
    yield from catalog().items()
    for prefix, (en, zh) in _TABLES.items():
        for code in en:
            yield f"{prefix}.{code}", {"en": en[code], "zh": zh.get(code, "")}


@lru_cache(maxsize=1024)
def fields(template: str) -> frozenset[str]:
    """The placeholder names of a template."""
    return frozenset(name.partition("!")[0] for _, name, _, _ in string.Formatter().parse(template) if name)


#: A placeholder with one of the two conversions: ``{name!c}`` or ``{name!l}``.
_CONVERSION = re.compile(r"\{(\w+)!([cl])\}")


class _Values:
    """Parameters rendered on demand in one language (a NUL in the key: a conversion follows)."""

    __slots__ = ("params", "lang")

    def __init__(self, params: Mapping[str, Any], lang: str) -> None:
        self.params, self.lang = params, lang

    def __getitem__(self, key: str) -> str:
        name, _, conversion = key.partition("\x00")
        value = self.params[name]
        if type(value) is not str:  # a message, a list, a number: rendered in the language
            value = render(value, self.lang)
        if conversion == "c":
            return value[:1].upper() + value[1:]
        if conversion == "l":
            return value[:1].lower() + value[1:]
        return value


def _plain(value: Any) -> Any:
    if isinstance(value, (Msg, Join)):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
