"""From an input row to a screening query, and from a screening result to output cells.

A :class:`Query` is exactly what one ``Screener.check`` call receives; two rows
with equal queries get the same answer, so each distinct query is screened once
(:meth:`Query.digest` is the de-duplication key). :func:`screen_queries` is the
only place bulk screening calls the core, one ``check`` per query, so every row
gets the answer ``screening check`` gives for it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from hashlib import blake2b
from typing import Any, NamedTuple, Protocol

from ..errors import ScreeningError
from ..rules.owners import parse_owner
from ..service.audit import result_json
from .columns import ALIAS_SPLIT, CONTEXT_FIELDS, ColumnMap
from .io import cell_text, has_control, has_undecodable

log = logging.getLogger(__name__)

#: Separators inside a query digest (characters that never occur in names).
_SEP, _SUB = "\x1e", "\x1f"
#: Prefix used for the result columns when the input already has a column of that name.
COLLISION_PREFIX = "screening_"
#: The outcome of a finding that is informational only.
CLEAR = "CLEAR"
#: Longest findings summary written in one cell.
FINDINGS_MAX = 2000

_SPACE = re.compile(r"\s+")


class Checker(Protocol):
    """Anything with ``Screener.check``'s signature (the real screener or a test double)."""

    def check(self, name: str, country: str | None = None, aliases: Sequence[str] = (),
              as_of: Any = None, *, after_horizon: str | None = None,
              context: Any = None, address: str | None = None, owners: Any = (),
              schema: str | None = None, config: dict | None = None) -> Any: ...


class RowError(ValueError):
    """This row cannot be screened; the message goes into its ``error`` cell."""


class Query(NamedTuple):
    """The arguments of one ``Screener.check`` call (a tuple: cheap to build and to pickle)."""

    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    address: str | None = None
    as_of: str | None = None
    after_horizon: str | None = None
    context: tuple[tuple[str, Any], ...] = ()
    owners: tuple[tuple[str, float | str | None], ...] = ()  # declared owners: (name, percent)
    schema: str | None = None  # the party's kind (Company, Person...), when a column says
    config: str | None = None  # the run's matcher overrides, as canonical JSON (hashable)

    def digest(self) -> bytes:
        """A 16-byte key: equal for queries that must get the same answer."""
        blob = _SEP.join((self.name, self.country or "", _SUB.join(self.aliases),
                          self.address or "", self.as_of or "", self.after_horizon or "",
                          repr(self.context), *((repr(self.owners),) if self.owners else ()),
                          *((f"schema={self.schema}",) if self.schema else ()),
                          *((f"config={self.config}",) if self.config else ())))
        return blake2b(blob.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def context_dict(self) -> dict | None:
        """The transaction context as ``TransactionContext.from_dict`` takes it, or None."""
        return dict(self.context) or None

    def owner_dicts(self) -> list[dict]:
        """The declared owners as ``Screener.check`` takes them."""
        return [{"name": name, "percent": percent} for name, percent in self.owners]


class Answer(NamedTuple):
    """The result columns of one row, in output order (see :data:`RESULT_COLUMNS`)."""

    outcome: str = ""
    hit_list: str = ""
    hit_entry_id: str = ""
    hit_name: str = ""
    hit_matched_name: str = ""
    hit_score: float | str = ""
    findings: str = ""
    error: str = ""
    #: Not a column: a non-CLEAR row's whole result as canonical JSON, for the history.
    full: str = ""


#: Columns appended to every row, in order (``full`` is not written).
RESULT_COLUMNS: tuple[str, ...] = Answer._fields[:-1]
#: How many of an :class:`Answer`'s values are cells.
CELLS = len(RESULT_COLUMNS)


@dataclass(frozen=True)
class RowDefaults:
    """File-wide values (``--as-of``, ``--after-horizon``, ``--item``...) a row may override."""

    as_of: str | None = None
    after_horizon: str | None = None
    context: tuple[tuple[str, Any], ...] = ()
    config: str | None = None  # matcher overrides for every row, canonical JSON


def output_columns(headers: Sequence[str]) -> list[str]:
    """Input headers, then the result columns (prefixed when a name is already taken)."""
    taken = {h.strip().casefold() for h in headers}
    clash = any(c in taken for c in RESULT_COLUMNS)
    return list(headers) + [COLLISION_PREFIX + c if clash else c for c in RESULT_COLUMNS]


def split_aliases(text: str) -> tuple[str, ...]:
    """Aliases in one cell, separated by ``;``, ``|``, ``；``, ``、`` or line breaks."""
    return tuple(a for a in ALIAS_SPLIT.split(text.strip()) if a)


def build_query(cmap: ColumnMap, cells: Sequence[object], defaults: RowDefaults) -> Query:
    """The query for one row; raises :class:`RowError` when the row cannot be screened."""
    values = {f: cell_text(cells[i]) if i < len(cells) else "" for f, i in cmap.index.items()}
    name = values["name"].strip()
    if not name:
        raise RowError("name is empty")
    if any(has_undecodable(v) for v in values.values()):
        raise RowError("row holds bytes that are not valid in the file's encoding; not screened")
    if has_control(name):
        raise RowError("name holds control characters (binary data); not screened")
    context = None
    for f, key in CONTEXT_FIELDS.items():
        text = values.get(f, "").strip()
        if text:  # parsed (and refused when unreadable) by TransactionContext.from_dict
            context = context if context is not None else dict(defaults.context)
            context[key] = text
    return Query(
        name,
        values.get("country", "").strip() or None,
        split_aliases(values["aliases"]) if "aliases" in values else (),
        values.get("address", "").strip() or None,
        values.get("as_of", "").strip() or defaults.as_of,
        defaults.after_horizon,
        defaults.context if context is None else tuple(sorted(context.items())),
        split_owners(values.get("owners", "")),
        values.get("schema", "").strip() or None,
        defaults.config,
    )


def split_owners(text: str) -> tuple[tuple[str, float | str | None], ...]:
    """Declared owners in one cell: ``NAME=PERCENT`` items separated like aliases."""
    if not text:
        return ()  # most rows (and every file without an owners column)
    owners = (parse_owner(item) for item in ALIAS_SPLIT.split(text.strip()) if item.strip())
    return tuple((o["name"], o["percent"]) for o in owners)


def one_line(text: object) -> str:
    """Whitespace (line breaks included) collapsed to single spaces."""
    return _SPACE.sub(" ", str(text or "")).strip()


def summarise_findings(result: Mapping[str, Any]) -> str:
    """Findings in one cell: ``OUTCOME regime rule: reason [citation]`` joined by `` | ``.

    Informational (CLEAR) findings, such as a listing no longer in force, are left
    out when the row has findings that matter; ``screening check`` shows them all.
    """
    findings = list(result.get("findings") or [])
    material = [f for f in findings if f.get("outcome") != CLEAR]
    parts = []
    for f in material or findings:
        head = " ".join(one_line(f.get(k)) for k in ("outcome", "regime", "rule") if f.get(k))
        text = f"{head}: {one_line(f.get('reason'))}" if f.get("reason") else head
        if f.get("citation"):
            text += f" [{one_line(f['citation'])}]"
        parts.append(text)
    if result.get("depends_on"):
        parts.append("depends on: " + ", ".join(one_line(d) for d in result["depends_on"]))
    summary = " | ".join(parts)
    return summary if len(summary) <= FINDINGS_MAX else summary[: FINDINGS_MAX - 1] + "…"


def result_cells(result: Mapping[str, Any]) -> Answer:
    """The result columns for one ``ScreeningResult.to_dict()``; the top hit is the core's first.

    A non-CLEAR answer also carries the whole result (``full``) for the
    screening history; a CLEAR one, most of a file, carries nothing more.
    """
    hits = result.get("hits") or []
    top = hits[0] if hits else {}
    outcome = result.get("outcome", "")
    return Answer(
        outcome=result.get("outcome", ""),
        hit_list=top.get("list", ""),
        hit_entry_id=top.get("entry_id", ""),
        hit_name=top.get("name", ""),
        hit_matched_name=top.get("matched_name", ""),
        hit_score=top.get("score", ""),
        findings=summarise_findings(result),
        full="" if outcome in (CLEAR, "") else result_json(dict(result)),
    )


def error_cells(message: str) -> Answer:
    """The result columns of a row that could not be screened."""
    return Answer(error=one_line(message))


def screen_one(screener: Checker, q: Query) -> Answer:
    """Screen one query; a ScreeningError (or a bug) becomes the row's error, never a crash."""
    try:
        extra: dict[str, Any] = {"owners": q.owner_dicts()} if q.owners else {}
        if q.schema:
            extra["schema"] = q.schema
        if q.config:
            extra["config"] = json.loads(q.config)
        result = screener.check(q.name, country=q.country, aliases=q.aliases, as_of=q.as_of,
                                after_horizon=q.after_horizon, context=q.context_dict(),
                                address=q.address, **extra)
        return result_cells(result.to_dict())
    except ScreeningError as exc:
        return error_cells(exc.message)
    except Exception as exc:  # one bad row must never abort a million-row run
        log.exception("screening %r failed", q.name[:80])
        return error_cells(f"internal error: {type(exc).__name__}: {exc}")


def screen_queries(screener: Checker, queries: Sequence[Query]) -> list[Answer]:
    """Screen a batch of distinct queries; one small :class:`Answer` per query, in order.

    Equal answers (most of a file's: CLEAR with the same findings) are one object, so
    the batch pickles each once on its way back and the parent unpickles and stores
    it once (pickle writes a repeated object as a reference)."""
    same: dict[Answer, Answer] = {}
    return [same.setdefault(a, a) for a in (screen_one(screener, q) for q in queries)]
