"""``screening history`` and ``screening reviews``: the desk from the terminal (thin).

The commands call :mod:`screening.service.history` and
:mod:`screening.service.reviews`, as the web pages and the API do; the OS user
is the reviewer (``cli_user``) and every change is audited with ``via="cli"``.
"""

from __future__ import annotations

import sys

import click

# Nothing is imported from .cli at the top: cli.py imports this module at its end, and under
# `python -m screening.cli` a top-level import back would load cli.py a second time, mid-way.
db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False), default=None,
    help="SQLite database (default: $SCREENING_DB or a per-user file).")


def echo_json(data) -> None:
    from .cli import echo_json as echo

    echo(data)


def cli_user() -> str:
    from .cli import cli_user as user

    return user()


@click.command("history", cls=click.Command)
@click.option("--name", help="Name contains this (case-, width- and punctuation-insensitive).")
@click.option("--since", help="Screened on or after this day (YYYY-MM-DD, UTC).")
@click.option("--until", help="Screened on or before this day (YYYY-MM-DD, UTC).")
@click.option("--user", help="Screened by this user (OS user, web user or apikey:NAME).")
@click.option("--outcome", help="PROHIBITED, REVIEW, CLEAR...")
@click.option("--via", help="Source: ui, api, api-batch, cli, ui-bulk, cli-bulk, monitor.")
@click.option("--limit", type=int, default=200, show_default=True, help="Rows at most (not --csv).")
@click.option("--csv", "as_csv", is_flag=True, help="Every matching row as CSV on stdout.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--ref", help="Print one kept answer (an audit ref) as JSON.")
@click.option("--row", type=int, help="With --ref of a bulk file: that row's answer.")
@db_option
def history_cmd(as_csv, as_json, ref, row, limit, db_path, **fields):
    """Search past screenings from every door; open one as it was answered.

    \b
      screening history --name huawei --since 2026-12-01
      screening history --outcome REVIEW --via api --csv > review.csv
      screening history --ref 72a7a5fc17fd43c3
    """
    from .lists.store import open_store
    from .service.history import History, Search

    kept = History(open_store(db_path))
    if ref:
        echo_json(kept.get(ref, row))
        return
    search = Search.from_args({**fields, "limit": limit})
    if as_csv:
        kept.export_csv(sys.stdout, search)
        return
    rows = kept.search(search)
    if as_json:
        echo_json({"count": len(rows), "items": rows})
        return
    for r in rows:
        where = f" row {r['row']}" if r["row"] else ""
        click.echo(f"{r['at'][:19]}  {r['user']:<12} {r['via'] or '':<9} "
                   f"{r['outcome'] or r['kind']:<22} {r['name']}{where}  [{r['audit_ref']}]")
    click.echo(f"{len(rows)} screening(s)", err=True)


@click.group()
def reviews() -> None:
    """The review queue: REVIEW answers waiting for a person's decision."""


def _queue(db_path):
    from .cli import audit_sink
    from .lists.store import open_store
    from .service.reviews import ReviewQueue

    store = open_store(db_path)
    return ReviewQueue(store, audit_sink(store))


@reviews.command("list")
@click.option("--status", default="open", show_default=True,
              help="open (not closed), new (undecided), pending, escalated, closed or all.")
@click.option("--q", help="Name contains this.")
@click.option("--list", "list_id", help="Only items with a hit on this list (e.g. cn-uel).")
@click.option("--regime", help="CN or US.")
@click.option("--assignee", help="Assigned to this user ('none': unassigned).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@db_option
def reviews_list(status, q, list_id, regime, assignee, as_json, db_path):
    """Items of the queue, most recently updated first."""
    items = _queue(db_path).search({"status": status, "q": q, "list": list_id, "regime": regime,
                                  "assignee": assignee})
    if as_json:
        echo_json({"count": len(items), "items": items})
        return
    for i in items:
        click.echo(f"#{i['id']:<5} {i['status']:<10} {i['would_be'] or '':<22} "
                   f"{i['top_score'] or 0:.2f}  {i['name']} ({', '.join(i['entry_ids'])})"
                   + (f"  → {i['assignee']}" if i["assignee"] else ""))
    click.echo(f"{len(items)} item(s)", err=True)


@reviews.command("show")
@click.argument("review_id", type=int)
@db_option
def reviews_show(review_id, db_path):
    """One item with its evidence and trail, as JSON."""
    echo_json(_queue(db_path).get(review_id))


@reviews.command("decide")
@click.argument("review_id", type=int)
@click.option("--decision", required=True,
              type=click.Choice(["true_match", "false_positive", "escalate"]))
@click.option("--reason", required=True, help="Why (kept in the audit log).")
@click.option("--expires-on", help="A false positive / true match lapses on this day.")
@click.option("--json", "as_json", is_flag=True, help="Print the item as JSON.")
@db_option
def reviews_decide(review_id, decision, reason, expires_on, as_json, db_path):
    """Decide an item (four eyes: a second user confirms a potential PROHIBITED clearance)."""
    item = _queue(db_path).decide(review_id, cli_user(), decision, reason, via="cli",
                                  expires_on=expires_on)
    echo_json(item) if as_json else click.echo(f"#{item['id']}: {item['status']}")


@reviews.command("comment")
@click.argument("review_id", type=int)
@click.argument("text")
@db_option
def reviews_comment(review_id, text, db_path):
    """Add a comment to an item."""
    _queue(db_path).comment(review_id, cli_user(), text, via="cli")


@reviews.command("assign")
@click.argument("review_id", type=int)
@click.argument("assignee")
@db_option
def reviews_assign(review_id, assignee, db_path):
    """Assign an item to a user."""
    _queue(db_path).assign(review_id, cli_user(), assignee, via="cli")
