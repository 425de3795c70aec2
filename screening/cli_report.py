"""``screening report NAME -o record.pdf``: the PDF screening record (issue 16 item 4).

The same options as ``check`` (derived from the one request model), the same
screening and the same audit record (``via="cli"``); the PDF
(:mod:`screening.service.report`) names that record's reference and hash.
"""

from __future__ import annotations

from collections.abc import Callable

import click

from .cli_request import check_arguments, check_options


def report_command(db_option: Callable) -> click.Command:
    """The ``report`` command: ``check``'s argument and options, ``-o``, the CLI's ``--db``."""
    output = click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
                          help="The PDF file to write.")
    return click.command("report")(click.argument("name")(check_options(output(db_option(report)))))


def report(name, output, db_path, **options):
    """Screen one party like `check` and write its PDF screening record.

    Example:

      screening report "Skydio Inc." --as-of 2026-12-05 -o record.pdf
    """
    from .cli import audit_sink, cli_user
    from .service.audit import record_screenings
    from .service.report import pdf_record, review_decisions
    from .service.reviews import ReviewQueue
    from .service.screen import open_screener

    screener = open_screener(db_path, lazy=True)
    result = screener.check(name, **check_arguments(options)).to_dict()
    user = cli_user()
    sink = audit_sink(screener.store)
    (ref,) = record_screenings(sink, user, via="cli", results=[result])
    q = result["query"]
    pdf = pdf_record(result, user=user, audit_ref=ref,
                     decisions=review_decisions(screener.decisions, result),
                     queue=ReviewQueue(screener.store, sink, screener.decisions)
                     .for_party(q["name"], q.get("country")))
    with open(output, "wb") as f:
        f.write(pdf)
    click.echo(f"{result['outcome']}  {result['query']['name']}: record {ref} written to {output}")
