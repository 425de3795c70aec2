"""The ``screening`` command line. Each command opens the store, calls one function, prints.

Errors are printed on one line (``error: ...``) with a non-zero exit code; no tracebacks.
"""

from __future__ import annotations

import atexit
import json
import os
import sqlite3
import sys
from pathlib import Path

import click

from . import settings
from .cli_report import report_command
from .cli_request import (check_arguments, check_options, column_options, parse_config,
                          pop_columns, pop_context, run_options)
from .errors import ScreeningError, database_error


class Group(click.Group):
    """A click group that turns ScreeningError into a one-line message."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ScreeningError as exc:
            click.echo(f"error: {exc.message}", err=True)
            ctx.exit(2 if exc.status in (400, 404, 422) else 1)
        except sqlite3.DatabaseError as exc:  # read-only, locked, full: say so, no traceback
            err = database_error(exc)
            if err is None:
                raise
            click.echo(f"error: {err.message}", err=True)
            ctx.exit(1)


def cli_user() -> str:
    """Who runs the command, for the audit log: the OS user."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no $USER (some containers)
        return f"uid:{os.getuid()}"


def audit_sink(store):
    """The audit log of ``store``, written synchronously (a command has no background writer)."""
    from .service.audit import AuditLog

    return AuditLog(store)


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), default=None,
    help="SQLite database (default: $SCREENING_DB or a per-user file).")


@click.group(cls=Group)
@click.version_option(package_name="screening")
def cli() -> None:
    """Export-control screening: China's MOFCOM lists and 2025 rare-earth rules, US lists.

    Start with `screening serve` (web app) or `screening check NAME`.
    """


# ---------------------------------------------------------------------- lists
@cli.group(cls=Group)
def lists() -> None:
    """Load, inspect and compare the restricted-party lists."""


@lists.command("update")
@click.argument("source", required=False)
@click.option("--file", "file", type=click.Path(exists=False, dir_okay=True), help="Import this file.")
@click.option("--url", help="Download from this URL instead of the official default.")
@click.option("--format", "fmt", help="Input format (default: detected): csl-csv, csl-json, "
              "ofac-sdn, ofac-cons, ftm, own-csv, ownership-csv, project-yaml.")
@click.option("--expect-count", help="Override the count bounds, as MIN:MAX.")
@click.option("--allow-shrink", is_flag=True,
              help="Accept a source losing more than 10% of its entries (a real delisting).")
@click.option("--accept-cut-last-row", is_flag=True,
              help="Drop a last row cut off mid-way (a known-truncated extract) instead of "
              "refusing the file; the dropped row is named in the report.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--no-rescreen", is_flag=True,
              help="Do not re-screen the monitored counterparties afterwards.")
@db_option
def lists_update(source, file, url, fmt, expect_count, allow_shrink, accept_cut_last_row,
                 as_json, db_path, no_rescreen=False):
    """Update one source atomically: the new version is put in force only when complete.

    SOURCE is us-csl (the trade.gov Consolidated Screening List, every US list in it),
    us-sdn (OFAC sdn.csv), ofac-cons, project (the China lists in lists/), or the id
    of a company's own list (with --file). A failed, truncated or malformed download
    or file leaves the current version in force, and so does a source losing more
    than 10% of its entries (see it with `lists diff LIST --file F`).

    Examples:

      screening lists update us-csl

      screening lists update us-csl --file consolidated.csv

      screening lists update my-deny-list --file deny.csv
    """
    from .lists.update import update
    from .lists.store import open_store

    bounds = None
    if expect_count:
        lo, _, hi = expect_count.partition(":")
        bounds = (int(lo or 0), int(hi or 10**9))
    store = open_store(db_path)
    report = update(store, source, file=file, url=url, format=fmt, bounds=bounds,
                    allow_shrink=allow_shrink, accept_cut_last_row=accept_cut_last_row)
    echo_json(report.to_dict()) if as_json else click.echo(report.summary())
    if report.versions and settings.INDEX_SNAPSHOT and store.path != ":memory:":
        start_index_refresh(store.path)
    if report.versions and not no_rescreen:  # monitored counterparties the change can affect
        rescreen_after_update(store, db_path, as_json)


def start_index_refresh(db_path: str, command: tuple[str, ...] = ("lists", "index")) -> None:
    """Rebuild the matcher's index snapshot in a detached process (`lists index`), so
    the update returns now and the next `check` is fast (it builds it itself if first).
    ``command``: another index command (`counterparties index`)."""
    import subprocess

    subprocess.Popen([sys.executable, "-m", "screening.cli", *command, "--db", db_path],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True,
                     preexec_fn=lambda: os.nice(19))  # never slows a bulk run or a server


@lists.command("index")
@db_option
def lists_index(db_path):
    """Write the index snapshot a cold `check` loads (<db>.index) unless it is up to date.

    `lists update` starts this in the background; a `check` that finds no valid
    snapshot builds and writes it too.
    """
    from .lists.update import ensure_project_lists
    from .matching.snapshot import refresh
    from .lists.store import open_store

    path = Path(db_path or settings.DB_PATH).expanduser()
    if not path.exists():
        raise click.ClickException(f"{path}: no such database")
    store = open_store(path)
    ensure_project_lists(store)
    click.echo("index snapshot written" if refresh(store) else "index snapshot up to date")


@lists.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def lists_status(as_json, db_path):
    """Each list in force: id, entries, version, source, imported_at."""
    from .lists.update import ensure_project_lists
    from .lists.store import open_store

    store = open_store(db_path)
    ensure_project_lists(store)
    rows = store.list_status()
    if as_json:
        echo_json({"lists": rows, "total": sum(r["entries"] for r in rows)})
        return
    click.echo(f"{'list':28} {'entries':>8} {'ver':>4}  {'source':10} imported_at")
    for r in rows:
        click.echo(f"{r['id']:28} {r['entries']:>8} {r['version']:>4}  {r['source']:10} "
                   f"{r['imported_at']}")


@lists.command("diff")
@click.argument("list_id")
@click.option("--old", type=int, help="Older version number (default: the one before --new).")
@click.option("--new", type=int, help="Newer version number (default: the one in force).")
@click.option("--file", "file", type=click.Path(dir_okay=False),
              help="Compare the version in force with this list file (nothing is imported).")
@click.option("--format", "fmt", help="Format of --file (default: detected).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def lists_diff(list_id, old, new, file, fmt, as_json, db_path):
    """Added, removed and changed entries between two versions of a list, or between
    the version in force and a file (`--file`, e.g. one an update refused)."""
    from .lists.update import diff_file
    from .lists.store import open_store

    store = open_store(db_path)
    d = diff_file(store, list_id, file, format=fmt) if file else store.diff(list_id, old, new)
    if as_json:
        echo_json(d)
        return
    old_seq = d["old"]["seq"] if d["old"] else "none"
    click.echo(f"{list_id}: version {old_seq} -> {d['new']['seq'] or d['new']['location']}: "
               f"{len(d['added'])} added, {len(d['removed'])} removed, "
               f"{len(d['changed'])} changed")
    for key, sign in (("added", "+"), ("removed", "-"), ("changed", "~")):
        for e in d[key]:
            click.echo(f"  {sign} {e['entry_id']}  {e['name']}")


# ------------------------------------------------------------------ ownership
#: Unresolved owners listed one by one after an ownership import (the rest are counted).
UNRESOLVED_SHOWN = 50

@cli.group(cls=Group)
def ownership() -> None:
    """Ownership relationships used by the 50% rules."""


@ownership.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--source", help="Name of this relationship source (replaces its previous import).")
@click.option("--format", "fmt", help="ownership-csv or ftm (default: detected).")
@db_option
def ownership_import(file, source, fmt, db_path):
    """Import relationships from CSV (owner,owned,percent,source,as_of) or FollowTheMoney."""
    from .lists.update import ensure_project_lists, import_ownership
    from .lists.store import open_store

    store = open_store(db_path)
    ensure_project_lists(store)  # owners are checked against the lists a check would use
    done = import_ownership(store, file, source=source, format=fmt)
    click.echo(f"{done.count} ownership relationships in force from {file}")
    for line in done.unresolved[:UNRESOLVED_SHOWN]:
        click.echo(f"warning: {line}", err=True)
    if len(done.unresolved) > UNRESOLVED_SHOWN:
        click.echo(f"warning: and {len(done.unresolved) - UNRESOLVED_SHOWN} more owners that resolve "
                   f"to nothing", err=True)


# ---------------------------------------------------------------------- check
@cli.command("check")
@click.argument("name")
@check_options
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@db_option
def check(name, as_json, db_path, **options):
    """Screen one party: the outcome, every finding with its citation, and the hits.

    Example:

      screening check "成都海光集成电路设计有限公司" --as-of 2026-11-22 --json
    """
    from .service.audit import record_screenings
    from .render import render_text
    from .service.screen import open_screener

    kwargs = check_arguments(options)
    screener = open_screener(db_path, lazy=True)  # one name: unpickle only the names it meets
    result = screener.check(name, **kwargs).to_dict()
    record_screenings(audit_sink(screener.store), cli_user(), via="cli", results=[result])
    echo_json(result) if as_json else click.echo(render_text(result))


cli.add_command(report_command(db_option))  # the PDF record (issue 16)


# --------------------------------------------------------------------- screen
@cli.command("screen")
@click.argument("input_file", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Output CSV or XLSX (by suffix; default INPUT.screened.EXT).")
@column_options
@run_options
@click.option("--encoding", help="Input encoding (default: detected; e.g. gb18030, utf-16).")
@click.option("--delimiter", help="Input delimiter (default: sniffed; use '\\t' for tab).")
@click.option("--sheet", help="XLSX worksheet (default: the first).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a Dask cluster.")
@click.option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--workers", type=int, help="Local worker processes (default: every core).")
@click.option("--resume", is_flag=True, help="Continue an interrupted run of the same file.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@db_option
def screen(input_file, output, as_of, after_horizon, encoding, delimiter, sheet, engine, scheduler,
           workers, resume, progress, as_json, db_path, **options):
    """Screen every row of a CSV or XLSX customer file; write it back with the answers.

    Every input column is kept, then: outcome, the top hit (list, entry id, listed
    name, matched name, score), the findings with citations, and an error column.
    Columns are found from common English and Chinese headers (name, company,
    customer, 客户名称, 公司名称, country, 国家, address, 地址, aliases); the
    --*-col options override. Context options (--item, --end-use, ...) apply to
    every row; item / end use / China-share columns override them per row.

    Examples:

      screening screen customers.csv -o customers.screened.csv

      screening screen 客户.xlsx -o 客户.screened.xlsx --as-of 2026-11-22

      screening screen big.csv -o out.csv --resume

      screening screen big.csv -o out.csv --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from .bulk import screen_file

    columns = pop_columns(options)
    raw = pop_context(options)
    config = parse_config(options.pop("config"))
    if delimiter in ("\\t", "tab", "TAB"):
        delimiter = "\t"
    summary = screen_file(
        input_file, output, db_path=db_path, columns=columns, as_of=as_of,
        after_horizon=after_horizon, context=raw, config=config,
        encoding=encoding, delimiter=delimiter, sheet=sheet, engine=engine, workers=workers,
        scheduler=scheduler, resume=resume, progress=progress)
    _audit_bulk(summary, db_path)
    echo_json(summary.to_dict()) if as_json else click.echo(summary.text())
    if not summary.accounted:
        click.echo(f"error: {summary.rows_read:,} rows read but {summary.rows_screened:,} "
                   f"screened and {summary.errors:,} in error", err=True)
        sys.exit(1)


def _audit_bulk(summary, db_path) -> None:
    """One audit record for the whole run (its output file's hash covers every row)."""
    from .service.audit import BulkRun, record_screenings
    from .lists.store import open_store

    run = BulkRun(filename=Path(summary.input).name, input_path=summary.input,
                  output_path=summary.output, as_of=summary.as_of,
                  after_horizon=summary.after_horizon, list_versions=summary.list_versions,
                  status="done" if summary.accounted else "failed", rows=summary.rows,
                  counts=dict(summary.outcomes), errors=summary.errors,
                  message=None if summary.accounted else "rows not accounted for",
                  flagged=summary.flagged)
    record_screenings(audit_sink(open_store(db_path)), cli_user(), via="cli-bulk", run=run)


# ---------------------------------------------------------------------- bench
@cli.group(cls=Group)
def bench() -> None:
    """Measure the matcher on your own labelled data."""


@bench.command("pairs")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bench_pairs(file, as_json):
    """Precision, recall and F1 on labelled pairs (name1,name2,is_match[,schema]).

    Scores each pair with the same comparator screening uses, at the match and
    review thresholds, and reports the best threshold.
    """
    from .evaluation import format_report, pairs_report

    report = pairs_report(Path(file))
    echo_json(report) if as_json else click.echo(format_report(report))


@bench.command("search")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@db_option
def bench_search(file, as_json, db_path):
    """Recall, false positives and latency for queries against the loaded lists.

    FILE has columns query,expected where expected is a |-separated list of
    acceptable listed names (empty: nothing may be found).
    """
    from .evaluation import format_report, search_report
    from .service.screen import open_screener

    report = search_report(open_screener(db_path), Path(file))
    echo_json(report) if as_json else click.echo(format_report(report))


# ----------------------------------------------------------------- web, access
@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port to listen on.")
@click.option("--threads", default=8, show_default=True, type=int,
              help="Request threads per process.")
@click.option("--processes", default=lambda: settings.processes(), show_default="1", type=int,
              help="Server processes sharing the port (one core each; use the core count "
              "under load). Also $SCREENING_PROCESSES.")
@db_option
def serve(host, port, threads, processes, db_path):
    """Serve the web UI and the JSON API (/api/v1) with waitress.

    Loads the lists (the China lists in lists/ on first use) before serving. On
    the first start, when no account exists, creates the user `admin` and prints
    its password once (set SCREENING_ADMIN_PASSWORD to choose it).

    Example:

      screening serve --host 0.0.0.0 --port 8080
    """
    from web import create_app
    from web.server import bind
    from web.server import serve as serve_app

    from .service.accounts import Accounts, ensure_admin
    from .lists.store import open_store

    sock = bind(host, port)  # a busy port is one line now, not a traceback after loading
    path = str(db_path or settings.DB_PATH)
    password = ensure_admin(Accounts(open_store(path)), settings.admin_password())
    if password is not None:
        click.echo("Created the first account: user 'admin'"
                   + ("" if settings.admin_password()
                      else f", password {password}  (shown once; change it with "
                      "`screening users passwd admin`)"))
    app = create_app({"DB_PATH": path})
    screener = app.extensions["screening"].screener
    click.echo(f"{len(screener.entries)} entries in force from {len(screener.list_versions)} lists; "
               f"serving on http://{host}:{port}/ with {processes} process(es) "
               "(API: /api/v1, Ctrl-C stops)")
    serve_app(app, host, port, threads=threads, processes=processes, sock=sock)


@cli.group(cls=Group)
def users() -> None:
    """Web accounts: screener, reviewer (records decisions) or admin."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["screener", "reviewer", "admin"]), default="screener",
              show_default=True, help="What the user may do.")
@click.password_option(help="Password (prompted when omitted; at least 10 characters).")
@db_option
def users_add(username, role, password, db_path):
    """Create a web account with a hashed password.

    Example:

      screening users add alice --role reviewer
    """
    from .service.accounts import Accounts
    from .lists.store import open_store

    Accounts(open_store(db_path)).add_user(username, password, role)
    click.echo(f"user {username} added with role {role}")


@users.command("passwd")
@click.argument("username")
@click.password_option(help="New password (prompted when omitted).")
@db_option
def users_passwd(username, password, db_path):
    """Set a user's password; every web session of the user ends."""
    from .service.accounts import Accounts
    from .lists.store import open_store

    Accounts(open_store(db_path)).set_password(username, password)
    click.echo(f"password of {username} changed; their web sessions have ended")


@users.command("list")
@db_option
def users_list(db_path):
    """Every account with its role."""
    from .service.accounts import Accounts
    from .lists.store import open_store

    for u in Accounts(open_store(db_path)).users():
        click.echo(f"{u['username']:24} {u['role']:9} {u['created_at']}"
                   + ("  disabled" if u["disabled"] else ""))


@cli.group(cls=Group)
def apikeys() -> None:
    """API keys, one per integration (the CRM...), stored hashed."""


@apikeys.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(["screener", "reviewer", "admin"]), default="screener",
              show_default=True, help="reviewer keys may also POST /api/v1/decisions.")
@db_option
def apikeys_create(name, role, db_path):
    """Create an API key for integration NAME; the key is the last line printed.

    The key is shown only now; only its hash is stored. Send it as
    `Authorization: Bearer <key>`.

    Example:

      KEY=$(screening apikeys create crm | tail -n 1)
    """
    from .service.accounts import Accounts
    from .lists.store import open_store

    key = Accounts(open_store(db_path)).create_api_key(name, role)
    click.echo(f"API key for {name} (role {role}); store it now, it is not shown again:")
    click.echo(key)


@apikeys.command("list")
@db_option
def apikeys_list(db_path):
    """Every key: name, first characters, role, created, revoked."""
    from .service.accounts import Accounts
    from .lists.store import open_store

    for k in Accounts(open_store(db_path)).api_keys():
        click.echo(f"{k['name']:20} {k['prefix']}…  {k['role']:9} {k['created_at']}"
                   + (f"  revoked {k['revoked_at']}" if k["revoked_at"] else ""))


@apikeys.command("revoke")
@click.argument("name")
@db_option
def apikeys_revoke(name, db_path):
    """Revoke every active key of integration NAME."""
    from .service.accounts import Accounts
    from .lists.store import open_store

    n = Accounts(open_store(db_path)).revoke_api_keys(name)
    click.echo(f"{n} key(s) of {name} revoked")


@cli.group(cls=Group)
def audit() -> None:
    """The hash-chained audit trail of screenings and decisions."""


@audit.command("verify")
@db_option
def audit_verify(db_path):
    """Recompute the keyed hash chain; exit 1 and name the first bad record, or lost records.

    Records are keyed (HMAC-SHA256) with $SCREENING_AUDIT_KEY or the key file
    (default instance/audit_key beside the database). Records written by an
    older, unkeyed version are verified, then sealed with the key, first.
    """
    from .service.audit import AuditLog
    from .service.audit_writer import recover_journals
    from .lists.store import open_store

    log = AuditLog(open_store(db_path))
    sealed = log.seal()
    if sealed:
        click.echo(f"sealed {sealed} records written before the audit key (they verified)")
    recovered = recover_journals(log)
    if recovered:
        click.echo(f"wrote {recovered} acknowledged records a stopped server left in its journal")
    report = log.verify()
    if not report.ok:
        click.echo(f"error: audit log tampered: {report.message}", err=True)
        raise SystemExit(1)
    click.echo(f"OK: {report.message}")


@audit.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="CSV file (default: stdout).")
@click.option("--since", help="Only records at or after this time (ISO date or datetime, UTC).")
@click.option("--until", help="Only records before this time (ISO date or datetime, UTC).")
@db_option
def audit_export(output, since, until, db_path):
    """Write the audit log as CSV, with each record's hash and previous hash.

    Example:

      screening audit export --since 2026-11-01 -o audit-november.csv
    """
    from .service.audit import AuditLog
    from .lists.store import open_store

    log = AuditLog(open_store(db_path))
    if output:
        with open(output, "w", encoding="utf-8", newline="") as f:
            n = log.export_csv(f, since, until)
        click.echo(f"{n} records written to {output}", err=True)
    else:
        log.export_csv(sys.stdout, since, until)


from .cli_desk import history_cmd, reviews  # noqa: E402  (issue 16: history, review queue)

cli.add_command(history_cmd)
cli.add_command(reviews)

from .cli_monitor import alerts, counterparties, rescreen_after_update  # noqa: E402
cli.add_command(counterparties)
cli.add_command(alerts)


def main() -> None:  # pragma: no cover
    """Run the CLI, then leave without freeing the heap object by object.

    A screener is millions of small objects (the matcher's index); tearing them
    down at interpreter exit took about 3 s after every bulk run. The exit hooks
    (temporary files, worker pools, logging) run first, then the process ends.
    """
    try:
        cli.main(prog_name="screening")
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
