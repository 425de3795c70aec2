"""``screening counterparties`` and ``screening alerts``: monitoring from the command line.

Registered by :mod:`screening.cli`, whose group turns errors into one line. This module
does not import it at load time (``python -m screening.cli`` runs it as ``__main__``).
"""

from __future__ import annotations

import json

import click

from .cli_request import check_arguments, check_options, column_options, pop_columns

db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), default=None,
    help="SQLite database (default: $SCREENING_DB or a per-user file).")


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def cli_user() -> str:
    """Who runs the command (the OS user), as ``screening check`` records it."""
    from .cli import cli_user as user

    return user()


def _monitor(db_path):
    from .lists.store import open_store
    from .service.monitor import Monitor

    return Monitor(open_store(db_path))


def _screener(store):
    from .lists.update import ensure_project_lists
    from .service.screen import Screener

    ensure_project_lists(store)
    return Screener(store)


@click.group()
def counterparties() -> None:
    """Monitored counterparties: screened when added, re-screened when lists or dates change."""


@counterparties.command("add")
@click.argument("name")
@click.option("--ref", help="The CRM's id of this counterparty (adding it again updates it).")
@check_options
@click.option("--json", "as_json", is_flag=True, help="Print the counterparty and its result.")
@db_option
def counterparties_add(name, ref, as_json, db_path, **options):
    """Monitor one party and screen it now (audited as via=monitor).

    Takes the same options as `check` (country, aliases, address, owners, the
    transaction context...); --as-of only dates this first screening.

    Example:

      screening counterparties add "Northwestern Polytechnical University" --ref CRM-1
    """
    from .service.monitor import party_of

    kwargs = check_arguments(options)
    as_of = kwargs.pop("as_of", None)
    party = party_of({"name": name, **kwargs,
                      "aliases": list(kwargs.get("aliases") or [])})
    monitor = _monitor(db_path)
    cp = monitor.add(_screener(monitor.store), party, cli_user(), ref=ref, as_of=as_of)
    refresh_index(monitor)
    if as_json:
        echo_json(cp)
        return
    click.echo(f"counterparty {cp['id']} {cp['name']}" + (f" ({cp['ref']})" if cp["ref"] else "")
               + f": {cp['outcome']} as of {cp['as_of']} (audit ref {cp['audit_ref']})")


def refresh_index(monitor) -> None:
    """Rebuild the counterparties' name index in the background (`counterparties index`)."""
    from . import settings
    from .cli import start_index_refresh

    if settings.INDEX_SNAPSHOT and monitor.store.path not in (None, ":memory:"):
        start_index_refresh(monitor.store.path, ("counterparties", "index"))


@counterparties.command("index")
@db_option
def counterparties_index(db_path):
    """Build the name index a rescreen searches (<db>.counterparties.index) unless it is up
    to date. `counterparties add` and `import` start this in the background."""
    from .service.affected import counterparty_index, index_path

    monitor = _monitor(db_path)
    path = index_path(monitor.store)
    if path is None:
        click.echo("no index kept (in-memory database or SCREENING_INDEX_SNAPSHOT=0)")
        return
    counterparty_index(monitor.parties(), path)
    click.echo(f"counterparty index up to date: {path}")


@counterparties.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--ref-col", help="Column with the CRM id (default: ref, CRM ID, customer id...).")
@column_options
@click.option("--encoding", help="Input encoding (default: detected).")
@click.option("--delimiter", help="Input delimiter (default: sniffed).")
@click.option("--sheet", help="XLSX worksheet (default: the first).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@db_option
def counterparties_import(file, ref_col, encoding, delimiter, sheet, as_json, db_path, **options):
    """Monitor every row of a CSV or XLSX file (the same columns as `screen`).

    Every row is accounted for: monitored (and screened), already monitored, or
    reported with its line and why it could not be read. Exit status 1 when a
    row was not monitored.
    """
    from .service.counterparty_file import read_parties

    columns = pop_columns(options)
    if delimiter in ("\\t", "tab", "TAB"):
        delimiter = "\t"
    rows = read_parties(file, columns=columns, ref_col=ref_col, encoding=encoding,
                        delimiter=delimiter, sheet=sheet)
    monitor = _monitor(db_path)
    skipped: list[tuple[int, str]] = []
    added = monitor.add_many(_screener(monitor.store), [(p, r) for _, p, r in rows.parties],
                             cli_user(), skipped=skipped) if rows.parties else []
    if added:
        refresh_index(monitor)
    problems = sorted(rows.errors + [(rows.parties[n][0], why) for n, why in skipped])
    outcomes: dict[str, int] = {}
    for cp in added:
        outcomes[cp["outcome"]] = outcomes.get(cp["outcome"], 0) + 1
    report = {"file": file, "rows": rows.rows, "monitored": len(added), "outcomes": outcomes,
              "not_monitored": [{"line": line, "error": why} for line, why in problems]}
    if as_json:
        echo_json(report)
    else:
        shown = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items()))
        click.echo(f"{rows.rows} rows: {len(added)} monitored ({shown or 'none'}), "
                   f"{len(problems)} not monitored")
        for line, why in problems:
            click.echo(f"  line {line}: {why}", err=True)
    if len(added) + len(problems) != rows.rows:
        click.echo(f"error: {rows.rows} rows read but {len(added) + len(problems)} accounted for",
                   err=True)
        raise SystemExit(1)
    if problems:
        raise SystemExit(1)


@counterparties.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with each last result).")
@click.option("--all", "include_removed", is_flag=True, help="Include removed counterparties.")
@db_option
def counterparties_list(as_json, include_removed, db_path):
    """Every monitored counterparty with its last outcome and when it was screened."""
    monitor = _monitor(db_path)
    rows = monitor.rows(active=not include_removed)
    if as_json:
        echo_json({"counterparties": [{**r, "result": monitor.result(r["id"])} for r in rows],
                   "count": len(rows)})
        return
    click.echo(f"{'id':>6}  {'ref':12} {'outcome':24} {'as of':10}  name")
    for r in rows:
        click.echo(f"{r['id']:>6}  {(r['ref'] or '-'):12} {(r['outcome'] or '-'):24} "
                   f"{r['as_of'] or '-':10}  {r['name']}" + ("" if r["active"] else "  (removed)"))


@counterparties.command("remove")
@click.argument("id_or_ref")
@db_option
def counterparties_remove(id_or_ref, db_path):
    """Stop monitoring a counterparty (by id or CRM ref); its history is kept."""
    monitor = _monitor(db_path)
    cp = monitor.remove(id_or_ref)
    refresh_index(monitor)
    click.echo(f"counterparty {cp['id']} {cp['name']} no longer monitored")


@counterparties.command("rescreen")
@click.option("--full", is_flag=True, help="Screen every counterparty, not only those a change "
              "can affect.")
@click.option("--as-of", "as_of", help="Screen as of this day (YYYY-MM-DD; default today).")
@click.option("--no-deliver", is_flag=True, help="Do not send alerts to the webhook now.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@db_option
def counterparties_rescreen(full, as_of, no_deliver, as_json, db_path):
    """Screen again the counterparties a list change or the date can affect.

    Uses the diff of entries between the list versions each counterparty was
    last checked against and those in force; a full re-screen when the diff is
    too big or a version is no longer kept. A result resting on dates (a
    suspension ending, a listing taking effect) is re-screened once its day
    comes. Each changed outcome raises an alert (`screening alerts list`).
    `lists update` runs this itself when counterparties are monitored.
    """
    from .service.rescreen import rescreen

    monitor = _monitor(db_path)
    report = rescreen(monitor.store, _screener(monitor.store), cli_user(), as_of=as_of,
                      full=full, monitor=monitor, send=not no_deliver)
    echo_json(report.to_dict()) if as_json else click.echo(report.summary())


def rescreen_after_update(store, db_path, as_json: bool) -> None:
    """`lists update`'s follow-up: re-screen the monitored counterparties, if any (one
    count on the open store first: an update without counterparties costs nothing more)."""
    if not store.db.execute("select count(*) from counterparties where active = 1").fetchone()[0]:
        return
    from .service.rescreen import rescreen

    monitor = _monitor(db_path)
    report = rescreen(monitor.store, _screener(monitor.store), cli_user(), monitor=monitor)
    if not as_json:
        click.echo(report.summary())


# --------------------------------------------------------------------- alerts
@click.group()
def alerts() -> None:
    """Alerts raised when a monitored counterparty's outcome changes."""


@alerts.command("list")
@click.option("--since", help="Only alerts raised at or after this time (ISO date or time, UTC).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def alerts_list(since, as_json, db_path):
    """Every alert, newest first: old -> new outcome, findings added and removed, delivery."""
    from .service.alerts import alert_rows

    rows = alert_rows(_monitor(db_path).store, since=since)
    if as_json:
        echo_json({"alerts": rows, "count": len(rows)})
        return
    for a in rows:
        d = a["delivery"]
        sent = d["state"] + (f" after {d['attempts']} attempt(s): {d['last_error']}"
                             if d["state"] in ("retrying", "failed") else "")
        click.echo(f"#{a['id']} {a['created_at']}  {a['name']}" + (f" ({a['ref']})" if a["ref"] else "")
                   + f": {a['old_outcome']} -> {a['new_outcome']}  [webhook: {sent}]")
        for sign, key in (("+", "added"), ("-", "removed")):
            for f in a[key]:
                click.echo(f"    {sign} {f.get('outcome')} {f.get('rule')} {f.get('party') or f.get('entry_id') or ''}")
    if not rows:
        click.echo("no alerts")


@alerts.command("deliver")
@click.option("--now", "ignore_backoff", is_flag=True, help="Retry at once, ignoring the backoff.")
@db_option
def alerts_deliver(ignore_backoff, db_path):
    """POST the due alerts to $SCREENING_WEBHOOK_URL (for cron; a rescreen does it too)."""
    from .service.webhook import deliver

    done = deliver(_monitor(db_path).store, ignore_backoff=ignore_backoff)
    click.echo(done.summary())
    if done.failed or done.retrying:
        raise SystemExit(1)
