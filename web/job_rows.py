"""The non-CLEAR rows of a finished bulk job, read back from its output file (issue 16 item 6).

The output is exactly what ``screening screen`` writes: the input columns, then
the result columns (:data:`screening.bulk.rows.RESULT_COLUMNS`). Each row's
query is rebuilt from its input cells the way the bulk run built it
(:func:`screening.bulk.rows.build_query`), so the row's result page screens the
same party, on the job's day, with the job's assumption.

The file is streamed for each page and the scan stops once the page is full, so
the first pages of a million-row file come back as fast as those of a small one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from screening import settings
from screening.bulk.columns import map_columns
from screening.bulk.io import cell_text, inspect_input, open_table
from screening.bulk.rows import RESULT_COLUMNS, RowDefaults, RowError, build_query
from screening.bulk.writers import restore
from screening.errors import ScreeningError

#: The outcome shown for a row that could not be screened.
ERROR = "ERROR"


@dataclass
class RowPage:
    """One page of the table: its rows, whether more follow, the filter it answers."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    page: int = 1
    has_next: bool = False
    outcome: str = ""
    text: str = ""


def job_day(as_of: str | None, finished_at: float | None) -> str:
    """The day the job's rows were screened as of: its ``as_of``, else the day it ran."""
    return as_of or date.fromtimestamp(finished_at or 0).isoformat()


def row_party(query: Any) -> dict[str, Any]:
    """A :class:`~screening.bulk.rows.Query` as the request model's party object."""
    party: dict[str, Any] = {"name": query.name, "country": query.country,
                             "aliases": list(query.aliases) or None, "address": query.address,
                             "as_of": query.as_of, "after_horizon": query.after_horizon,
                             "schema": query.schema, "context": dict(query.context) or None,
                             "owners": [{"name": n, "percent": p} for n, p in query.owners] or None}
    return {k: v for k, v in party.items() if v is not None}


def _rows(path: Path, defaults: RowDefaults) -> Iterator[dict[str, Any]]:
    """Every row that is not CLEAR: line, name, outcome, top hit, score, error, and
    ``party()``, its query (built only for the rows shown)."""
    with open_table(inspect_input(path)) as table:
        inputs = len(table.headers) - len(RESULT_COLUMNS)
        cmap = map_columns(table.headers[:inputs])
        out_at = inputs + RESULT_COLUMNS.index("outcome")
        err_at = inputs + RESULT_COLUMNS.index("error")
        for record in table:
            raw = record.cells
            outcome = cell_text(raw[out_at]) if out_at < len(raw) else ""
            if outcome == "CLEAR" or not (outcome or (err_at < len(raw) and raw[err_at])):
                continue  # most rows: decided on two cells, nothing else is read
            cells = [restore(c) if isinstance(c, str) else c for c in raw]
            answer = dict(zip(RESULT_COLUMNS, (cell_text(c) for c in cells[inputs:])))
            name_at = cmap.index["name"]
            yield {"line": record.line, "outcome": outcome or ERROR,
                   "party": lambda cells=cells[:inputs]: _party(cmap, cells, defaults),
                   "name": cell_text(cells[name_at]) if name_at < len(cells) else "",
                   "hit_name": answer.get("hit_name", ""), "hit_list": answer.get("hit_list", ""),
                   "hit_entry_id": answer.get("hit_entry_id", ""),
                   "score": answer.get("hit_score", ""), "error": answer.get("error", "")}


def _party(cmap: Any, cells: list, defaults: RowDefaults) -> dict[str, Any] | None:
    """The row's party object, or None when the row cannot be screened."""
    try:
        return row_party(build_query(cmap, cells, defaults))
    except (RowError, ScreeningError):
        return None


def non_clear_page(output_path: str, defaults: RowDefaults, *, outcome: str = "",
                   text: str = "", page: int = 1, per_page: int = 50) -> RowPage:
    """One page of the non-CLEAR rows, optionally of one outcome and holding ``text``
    (in the name or the top hit's name, case-insensitive)."""
    page = max(1, page)
    out = RowPage(page=page, outcome=outcome, text=text)
    needle = text.casefold().strip()
    skip = (page - 1) * per_page
    for row in _rows(Path(output_path), defaults):
        if outcome and row["outcome"] != outcome:
            continue
        if needle and not any(needle in row[k].casefold() for k in ("name", "hit_name")):
            continue
        if skip:
            skip -= 1
            continue
        if len(out.rows) == per_page:
            out.has_next = True
            break
        out.rows.append({**row, "party": row["party"]()})
    return out


def job_table(job: Any, args: Any, encode: Callable[[dict], str]) -> RowPage | None:
    """The table of a finished job for the query string ``args`` (``outcome``, ``text``,
    ``page``); each row with ``q``, its result page's token (``encode``), when its
    query is valid. None while the job runs or when it failed."""
    if job.status != "done" or not Path(job.output_path).is_file():
        return None
    try:
        page = int(args.get("page", 1))
    except ValueError:
        page = 1
    defaults = RowDefaults(as_of=job_day(job.as_of, job.finished_at),
                           after_horizon=job.after_horizon)
    table = non_clear_page(job.output_path, defaults, outcome=args.get("outcome", ""),
                           text=args.get("text", ""), page=page,
                           per_page=settings.BULK_ROWS_PAGE)
    for row in table.rows:
        try:
            row["q"] = encode(row["party"]) if row["party"] else None
        except ScreeningError:  # a cell the request model refuses: no link, the row still shows
            row["q"] = None
    return table
