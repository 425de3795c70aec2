"""The bulk run: read rows in chunks, screen each distinct query once, write rows in order.

Reading, de-duplication and writing happen in this process; screening happens in
the engine (this process, forked workers, or a Dask cluster). At most
``engine.capacity`` chunks are in flight, so memory is bounded by the chunk size,
not the file size. After each chunk is written, the resume state is saved.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from ..rules.dates import check_horizon, parse_date
from ..errors import BadInput, Invalid, ScreeningError
from ..heap import paused_collector
from .cache import ResultCache
from .columns import ColumnMap, map_columns
from .engine import Engine
from .engines import make_engine
from .io import InputInfo, Record, inspect_input, open_table
from .progress import Progress
from .rows import (CELLS, Answer, Checker, Query, RowDefaults, RowError, build_query, error_cells,
                   output_columns)
from .state import RunState, state_path
from .writers import SPOOL_SUFFIX, Output, open_output, output_kind

#: Data rows an XLSX sheet can hold (Excel's 1,048,576 rows minus the header).
XLSX_MAX_ROWS = 1_048_575
#: Fields whose cell never holds a line break: a quoted one that does is a stray quote.
SINGLE_LINE_FIELDS = ("name", "country", "aliases")
#: Input rows per chunk (one engine batch holds the chunk's new distinct queries).
CHUNK_ROWS = 1000


@dataclass
class BulkSummary:
    """What a run did: counts per outcome, errors, time."""

    input: str
    output: str
    rows: int = 0  # rows written to the output
    screened: int = 0  # distinct queries screened by this run (the rest were duplicates)
    errors: int = 0  # rows written with an error instead of an answer
    rows_read: int = 0  # data rows the reader found (a row may span lines)
    lines_read: int | None = None  # physical lines of a CSV input, header and blanks included
    outcomes: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    build_seconds: float = 0.0  # of ``seconds``: building the screener (lists -> index)
    finish_seconds: float = 0.0  # of ``seconds``: finishing the output (writing the XLSX)
    resumed_rows: int = 0  # rows done by an earlier, interrupted run
    engine: str = ""
    workers: int = 1
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    as_of: str | None = None  # the run's date and assumption, and the lists it used (audit)
    after_horizon: str | None = None
    list_versions: dict[str, Any] | None = None
    #: (line, result JSON) of each non-CLEAR row screened by this run, for the history
    #: (not in :meth:`to_dict`).
    flagged: list[tuple[int, str]] = field(default_factory=list, repr=False)

    @property
    def rows_screened(self) -> int:
        """Rows that got an answer."""
        return sum(self.outcomes.values())

    @property
    def accounted(self) -> bool:
        """Every row read was screened or reported as an error."""
        return self.rows_read == self.rows_screened + self.errors == self.rows

    @property
    def rows_per_second(self) -> float:
        """Throughput of this run (rows resumed from an earlier run excluded)."""
        done = self.rows - self.resumed_rows
        return done / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        out = asdict(self)
        del out["flagged"]
        return {**out, "rows_per_second": round(self.rows_per_second, 1),
                "rows_screened": self.rows_screened, "accounted": self.accounted}

    def text(self) -> str:
        """A few lines for the terminal."""
        outcomes = ", ".join(f"{k} {v:,}" for k, v in sorted(
            self.outcomes.items(), key=lambda kv: (-kv[1], kv[0])))
        lines = [
            f"{self.rows:,} rows screened into {self.output}"
            + (f" ({self.resumed_rows:,} done before resuming)" if self.resumed_rows else ""),
            f"rows read: {self.rows_read:,} = {self.rows_screened:,} screened + "
            f"{self.errors:,} in error"
            + (f" ({self.lines_read:,} lines)" if self.lines_read is not None else "")
            + ("" if self.accounted else "  MISMATCH: some rows are not accounted for"),
            f"outcomes: {outcomes or 'none'}",
            f"errors: {self.errors:,}",
            f"{self.screened:,} distinct queries, {self.seconds:.1f} s "
            f"({self.build_seconds:.1f} s loading the lists"
            + (f", {self.finish_seconds:.1f} s writing the workbook" if self.finish_seconds >= 0.05 else "")
            + "), "
            f"{self.rows_per_second:,.0f} rows/s ({self.engine}, {self.workers} worker"
            f"{'s' if self.workers != 1 else ''})",
        ]
        return "\n".join(lines)


def default_output(input_path: Path) -> Path:
    """``customers.csv`` -> ``customers.screened.csv`` beside the input."""
    return input_path.with_name(f"{input_path.stem}.screened{input_path.suffix or '.csv'}")


def _check_config(config: Mapping[str, Any] | None) -> None:
    """Refuse bad matcher overrides once, before any row (422), not on every row."""
    if config:
        from ..matching.config import ConfigError, default_config

        try:
            default_config().override(dict(config))
        except ConfigError as exc:
            raise Invalid(f"--config: {exc}") from None


def build_screener(db_path: str | None = None) -> Checker:
    """``open_screener`` with the garbage collector paused while the index is built.

    Building allocates millions of long-lived objects; collections during the build
    only re-walk them (about a third of the build time on the full lists).
    """
    from ..service.screen import open_screener

    with paused_collector():
        return open_screener(db_path)


def _check_context(context: Mapping[str, Any]) -> None:
    """Refuse an unreadable file-wide context before screening a million rows with it."""
    if not context:
        return
    from ..rules.context import TransactionContext

    TransactionContext.from_dict(dict(context))


@dataclass
class _Chunk:
    """A chunk of input rows on its way through the engine."""

    records: list[Record]
    keys: list[bytes | None]  # per record: query digest, or None when the row has an error
    errors: dict[int, str]  # record index -> error message
    sent: list[bytes]  # digests screened by this chunk's batch
    handle: Any = None


class _Run:
    """One pass over the file; see :func:`screen_file`."""

    def __init__(self, engine: Engine, cache: ResultCache, cmap: ColumnMap,
                 defaults: RowDefaults, state: RunState, state_file: Path, output: Output,
                 progress: Progress) -> None:
        self.engine, self.cache, self.cmap, self.defaults = engine, cache, cmap, defaults
        self.state, self.state_file, self.output, self.progress = state, state_file, output, progress
        self.pending: set[bytes] = set()
        self.outcomes: Counter[str] = Counter(state.outcomes)
        self.flagged: list[tuple[int, str]] = []  # (line, result JSON) of non-CLEAR rows

    def prepare(self, records: list[Record]) -> _Chunk:
        """Build the chunk's queries and submit the ones not answered or in flight yet."""
        keys: list[bytes | None] = []
        errors: dict[int, str] = {}
        fresh: dict[bytes, Query] = {}
        for i, rec in enumerate(records):
            if rec.error:
                errors[i] = rec.error
                keys.append(None)
                continue
            try:
                q = build_query(self.cmap, rec.cells, self.defaults)
            except RowError as exc:
                errors[i] = str(exc)
                keys.append(None)
                continue
            k = q.digest()
            keys.append(k)
            if k not in self.pending:
                fresh.setdefault(k, q)
        known = self.cache.known(fresh)
        todo = {k: q for k, q in fresh.items() if k not in known}
        chunk = _Chunk(records, keys, errors, list(todo))
        if todo:
            chunk.handle = self.engine.submit(list(todo.values()))
            self.pending.update(todo)
        return chunk

    def finish(self, chunk: _Chunk) -> None:
        """Wait for the chunk's answers, write its rows in order, save the resume state."""
        answers: dict[bytes, Answer] = {}
        if chunk.handle is not None:
            cells = self.engine.wait(chunk.handle)
            answers = dict(zip(chunk.sent, cells))
            self.cache.put_many(answers)
            self.pending.difference_update(chunk.sent)
            self.state.screened += len(chunk.sent)
        missing = {k for k in chunk.keys if k is not None and k not in answers}
        answers.update(cast("dict[bytes, Answer]", self.cache.get_many(missing)))
        write, outcomes = self.output.write_row, self.outcomes
        for i, rec in enumerate(chunk.records):
            k = chunk.keys[i]
            res = error_cells(chunk.errors[i]) if k is None else answers[k]
            if res.error:  # every error names the input line it comes from
                res = res._replace(error=f"line {rec.line}: {res.error}")
            write(rec.cells + list(res[:CELLS]))
            if res.error:
                self.state.errors += 1
            else:
                outcomes[res.outcome] += 1
                if res.full:
                    self.flagged.append((rec.line, res.full))
        self.state.rows_done += len(chunk.records)
        self.state.outcomes = dict(self.outcomes)
        self.state.output_offset = self.output.checkpoint()
        self.state.save(self.state_file)
        self.progress.update(self.state.rows_done)

    def run(self, records: Iterator[Record], chunk_rows: int) -> None:
        """Keep up to ``engine.capacity`` chunks in flight; finish them in input order."""
        in_flight: list[_Chunk] = []
        batch: list[Record] = []
        for rec in records:
            batch.append(rec)
            if len(batch) >= chunk_rows:
                in_flight.append(self.prepare(batch))
                batch = []
                while len(in_flight) >= self.engine.capacity or (
                        in_flight and in_flight[0].handle is None):
                    self.finish(in_flight.pop(0))
        if batch:
            in_flight.append(self.prepare(batch))
        while in_flight:
            self.finish(in_flight.pop(0))


def _skip(records: Iterator[Record], n: int) -> Iterator[Record]:
    for i, rec in enumerate(records):
        if i >= n:
            yield rec


def screen_file(
    input_path: str | Path,
    output_path: str | Path | None = None,
    *,
    screener: Checker | None = None,
    db_path: str | None = None,
    columns: Mapping[str, str | None] | None = None,
    as_of: str | date | None = None,
    after_horizon: str | None = None,
    context: Mapping[str, Any] | None = None,
    config: Mapping[str, Any] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    resume: bool = False,
    chunk_rows: int = CHUNK_ROWS,
    progress: bool | None = None,
) -> BulkSummary:
    """Screen every row of a CSV/XLSX file into ``output_path`` (CSV or XLSX by suffix).

    Args:
        input_path: the customer file.
        output_path: where to write it back with answers (default ``NAME.screened.EXT``).
        screener: a built screener (default: ``open_screener(db_path)``).
        columns: overrides of the automatic column mapping, e.g. ``{"name": "Kunde"}``.
        as_of, after_horizon, context: apply to every row; context columns override.
        config: matcher overrides for every row (``{"match_threshold": ...}``).
        engine: ``local`` (forked workers) or ``dask`` (``scheduler`` address or ``client``).
        workers: local worker processes (default: every core).
        resume: continue an interrupted run of the same input, options and lists.
        progress: draw a progress bar on stderr (default: only when it is a terminal).

    Returns:
        A :class:`BulkSummary`.
    """
    t0 = time.monotonic()
    src = Path(input_path)
    out = Path(output_path) if output_path else default_output(src)
    if out.resolve() == src.resolve():
        raise BadInput("the output would overwrite the input; choose another -o path")
    info: InputInfo = inspect_input(src, encoding=encoding, delimiter=delimiter, sheet=sheet)
    defaults = RowDefaults(
        as_of=parse_date(as_of, field="--as-of").isoformat(),  # fixed for the whole run
        after_horizon=check_horizon(after_horizon),
        context=tuple(sorted((k, v) for k, v in (context or {}).items() if v is not None)),
        config=json.dumps(dict(config), sort_keys=True) if config else None,
    )
    _check_context(dict(defaults.context))
    _check_config(config)
    with open_table(info) as table:
        cmap = map_columns(table.headers, columns)
        table.single_line = tuple(cmap.index[f] for f in SINGLE_LINE_FIELDS if f in cmap.index)
        if output_kind(out) == "xlsx" and (info.approx_rows or 0) > XLSX_MAX_ROWS:
            raise BadInput(f"{info.approx_rows:,} rows do not fit in one XLSX sheet "
                           f"(at most {XLSX_MAX_ROWS:,}); write CSV output instead")
        t_build = time.monotonic()
        if screener is None:
            screener = build_screener(db_path)
        build_seconds = time.monotonic() - t_build
        options = {
            **info.describe(),
            "columns": cmap.describe(),
            "as_of": defaults.as_of,
            "after_horizon": defaults.after_horizon,
            "context": [list(kv) for kv in defaults.context],
            **({"config": defaults.config} if defaults.config else {}),
            "lists": getattr(screener, "data_version", None),
            "output_kind": output_kind(out),
        }
        sfile = state_path(out)
        state = RunState.load(sfile) if resume else None
        if state is not None:
            state.check_resumable(info.sha256, options)
            if not out.exists() and not (output_kind(out) == "xlsx"
                                         and out.with_name(out.name + SPOOL_SUFFIX).exists()):
                raise BadInput(f"cannot resume: {out} is gone; run again without --resume")
        else:
            state = RunState(input_sha256=info.sha256, options=options)
            sfile.unlink(missing_ok=True)
        resumed, screened_before = state.rows_done, state.screened
        offset = state.output_offset  # None for a fresh run
        output = open_output(out, delimiter=info.delimiter or ",", offset=offset,
                             sheet_title=info.sheet or "screened")
        try:
            if offset is None:
                output.write_row(output_columns(table.headers))
                state.output_offset = output.checkpoint()
                state.save(sfile)
            bar = Progress(info.approx_rows, start=resumed, enabled=progress)
            with make_engine(engine, screener, workers=workers, scheduler=scheduler,
                             client=client) as eng, ResultCache() as cache:
                run = _Run(eng, cache, cmap, defaults, state, sfile, output, bar)
                try:
                    run.run(_skip(iter(table), resumed), max(1, chunk_rows))
                except KeyboardInterrupt:
                    bar.close()
                    raise ScreeningError(
                        f"interrupted after {state.rows_done:,} rows; run the same command "
                        "with --resume to continue") from None
                bar.close()
                engine_name, n_workers, flagged = eng.name, eng.workers, run.flagged
            t_finish = time.monotonic()
            output.finish()
            finish_seconds = time.monotonic() - t_finish
        finally:
            output.close()
    elapsed = time.monotonic() - t0
    summary = BulkSummary(
        input=str(src), output=str(out), rows=state.rows_done,
        screened=state.screened - screened_before,
        errors=state.errors, rows_read=table.rows_read,
        lines_read=getattr(table, "lines_read", None),
        outcomes=dict(state.outcomes), seconds=round(elapsed, 3),
        build_seconds=round(build_seconds, 3), finish_seconds=round(finish_seconds, 3),
        resumed_rows=resumed, engine=engine_name, workers=n_workers, encoding=info.encoding,
        delimiter=info.delimiter, sheet=info.sheet, columns=cmap.describe(),
        as_of=defaults.as_of, after_horizon=defaults.after_horizon,
        list_versions=getattr(screener, "list_versions", None), flagged=flagged)
    sfile.unlink(missing_ok=True)
    return summary
