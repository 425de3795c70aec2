"""The command line's request options, derived from the request model (:mod:`screening.service.request`).

``check`` gets one option per request field (``--country``, ``--alias``, ``--cn-share``,
``--end-user-military/--no-end-user-military``...); ``screen`` gets the per-run ones
(``--as-of``, ``--after-horizon``, the transaction context) and one ``--FIELD-col``
per column a file may carry. A field added to the model appears here by itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from .errors import Invalid
from .rules.owners import parse_owner
from .service.request import Door, column_key, doors

#: Fields ``screen`` takes once for the whole run (the party fields come from columns).
RUN_FIELDS = ("as_of", "after_horizon", "config")


def _dest(path: str) -> str:
    """The keyword a command receives for a field (``context.item`` -> ``item``)."""
    return path.rsplit(".", 1)[-1]


def _option(path: str, door: Door) -> Callable:
    """The click option of one field."""
    dest = _dest(path)
    if door.kind == "tristate":
        return click.option(f"--{door.cli}/--{door.negative}", dest, default=None, help=door.help)
    if door.kind in ("list", "owners"):
        return click.option(f"--{door.cli}", dest, multiple=True, help=door.help)
    if door.kind == "choice" and not path.startswith("context."):
        return click.option(f"--{door.cli}", dest, type=click.Choice(door.choices), help=door.help)
    return click.option(f"--{door.cli}", dest, help=door.help)


def _apply(f: Callable, options: list[Callable]) -> Callable:
    for o in reversed(options):
        f = o(f)
    return f


def check_options(f: Callable) -> Callable:
    """Every request field but the name (``check``'s argument) as an option."""
    return _apply(f, [_option(p, d) for p, d in doors() if p != "name"])


def run_options(f: Callable) -> Callable:
    """``screen``'s per-run options: the day, the assumption, the matcher overrides, the
    transaction context."""
    return _apply(f, [_option(p, d) for p, d in doors()
                      if p in RUN_FIELDS or p.startswith("context.")])


def column_options(f: Callable) -> Callable:
    """``screen``'s ``--FIELD-col`` options: one per column a row may carry."""
    opts = [click.option(f"--{column_key(p, d).replace('_', '-')}-col",
                         f"{column_key(p, d)}_col",
                         help=f"Column with the {_dest(p).replace('_', ' ')} (header text or "
                              "1-based number).")
            for p, d in doors() if d.per_row]
    return _apply(f, opts)


def pop_columns(kwargs: dict[str, Any]) -> dict[str, str | None]:
    """Remove the ``--*-col`` values from a command's keywords; ``{column key: spec}``."""
    return {column_key(p, d): kwargs.pop(f"{column_key(p, d)}_col")
            for p, d in doors() if d.per_row}


def pop_context(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Remove the context options from a command's keywords; the ones given, by field."""
    out = {}
    for path, _ in doors():
        if path.startswith("context."):
            value = kwargs.pop(_dest(path))
            if value is not None:
                out[_dest(path)] = value
    return out


def check_arguments(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``check``'s options as ``Screener.check`` keywords (the context and owners read)."""
    context = pop_context(kwargs)
    out: dict[str, Any] = {k: v for k, v in kwargs.items() if v not in (None, ())}
    if context:
        out["context"] = context
    if "owners" in out:
        out["owners"] = [parse_owner(o) for o in out["owners"]]
    if "config" in out:
        out["config"] = parse_config(out["config"])
    return out


def parse_config(text: str | None) -> dict | None:
    """``--config`` JSON as a dict (None when not given)."""
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise Invalid("--config must be a JSON object, e.g. "
                      '{"match_threshold": 0.9, "review_threshold": 0.7}')
    return value
