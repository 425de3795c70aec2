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
    found = inline if inline is not None else templates(key)
    return found.get(lang) or found.get("en") or ""


def _fill(template: str, params: Mapping[str, Any], lang: str) -> str:
    return _FORMATTER.vformat(template, (), _Values(params, lang)) if params else template


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


def fields(template: str) -> set[str]:
    """The placeholder names of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Values(dict):
    """Parameters rendered on demand in one language."""

    def __init__(self, params: Mapping[str, Any], lang: str) -> None:
        super().__init__(params)
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        return render(dict.__getitem__(self, key), self.lang)


class _Formatter(string.Formatter):
    """``str.format`` with two conversions: ``!c`` capitalise, ``!l`` lower the first letter."""

    def get_value(self, key: int | str, args: Any, kwargs: Any) -> Any:
        return kwargs[key]

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "c":
            return value[:1].upper() + value[1:]
        if conversion == "l":
            return value[:1].lower() + value[1:]
        return super().convert_field(value, conversion)


_FORMATTER = _Formatter()


def _plain(value: Any) -> Any:
    if isinstance(value, (Msg, Join)):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
