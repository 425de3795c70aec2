"""The monitoring pages: ``/counterparties`` (add one, import a file, last results) and
``/alerts`` (changed outcomes and their webhook delivery)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for

from screening import settings
from screening.connections import busy_timeout
from screening.errors import BadInput, ScreeningError
from screening.service.alerts import alert_rows
from screening.service.counterparty_file import read_parties
from screening.service.monitor import Monitor, party_of
from screening.text import ascii_digits

from .auth import signed_in
from .i18n import t
from .state import state, store
from .ui import encode_query

bp = Blueprint("monitor", __name__)

#: Counterparties and alerts shown per page.
PAGE = 100


def monitor() -> Monitor:
    return Monitor(store(), sink=state().audit_writer)


def _page() -> int:
    text = request.args.get("page", "1")
    return max(1, int(text)) if ascii_digits(text) else 1


@bp.get("/counterparties")
def counterparties() -> Any:
    """Every monitored counterparty with its last outcome; forms to add one or a file."""
    m, page, q = monitor(), _page(), request.args.get("q", "").strip()
    rows = m.rows(q=q or None, limit=PAGE, offset=(page - 1) * PAGE)
    return render_template("counterparties.html", rows=rows, total=m.count(), page=page,
                           q=q, per_page=PAGE)


@bp.post("/counterparties")
def add_counterparty() -> Any:
    """Monitor one party from the form and screen it now."""
    form = request.form
    aliases = [a.strip() for a in form.get("aliases", "").splitlines() if a.strip()]
    try:
        party = party_of({"name": form.get("name", ""), "country": form.get("country") or None,
                          "aliases": aliases or None})
        st = state()
        st.audit_writer.check()
        m = monitor()
        with busy_timeout(m.store, settings.WRITE_WAIT_S):
            cp = m.add(st.screener, party, signed_in().label,
                       ref=form.get("ref", "").strip() or None)
    except ScreeningError as exc:
        flash(exc.message, "error")
        return redirect(url_for("monitor.counterparties"), code=303)
    flash(t("cp_added").format(name=cp["name"], outcome=cp["outcome"]), "ok")
    return redirect(url_for("monitor.counterparty", cp_id=cp["id"]), code=303)


@bp.post("/counterparties/import")
def import_counterparties() -> Any:
    """Monitor every row of an uploaded CSV / XLSX (read as bulk reads it)."""
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        raise BadInput(t("err_no_file"))
    suffix = Path(upload.filename).suffix.lower() or ".csv"
    with tempfile.TemporaryDirectory(dir=current_app.instance_path) as tmp:
        path = Path(tmp) / f"upload{suffix}"
        upload.save(path)
        rows = read_parties(path)
    skipped: list[tuple[int, str]] = []
    st = state()
    st.audit_writer.check()
    added = monitor().add_many(st.screener, [(p, r) for _, p, r in rows.parties],
                               signed_in().label, skipped=skipped) if rows.parties else []
    problems = sorted(rows.errors + [(rows.parties[n][0], why) for n, why in skipped])
    flash(t("cp_imported").format(rows=rows.rows, added=len(added), errors=len(problems)),
          "error" if problems else "ok")
    for line, why in problems[:20]:
        flash(f"{t('line')} {line}: {why}", "error")
    return redirect(url_for("monitor.counterparties"), code=303)


@bp.get("/counterparties/<int:cp_id>")
def counterparty(cp_id: int) -> Any:
    """One counterparty: its last result, its history, its alerts, links to screen it again."""
    m = monitor()
    cp = m.get(cp_id)
    return render_template("counterparty.html", cp=cp, r=m.result(cp_id) or {},
                           history=m.history(cp_id),
                           alerts=alert_rows(m.store, counterparty=cp_id),
                           q=encode_query(cp["request"]))


@bp.post("/counterparties/<int:cp_id>/remove")
def remove_counterparty(cp_id: int) -> Any:
    """Stop monitoring a counterparty (it stays, with its history, as removed)."""
    cp = monitor().remove(str(cp_id))
    flash(t("cp_removed").format(name=cp["name"]), "ok")
    return redirect(url_for("monitor.counterparties"), code=303)


@bp.get("/alerts")
def alerts() -> Any:
    """Every alert, newest first, with its webhook delivery state (failures shown)."""
    page = _page()
    rows = alert_rows(store(), since=request.args.get("since") or None, limit=PAGE,
                      offset=(page - 1) * PAGE)
    return render_template("alerts.html", rows=rows, page=page, per_page=PAGE,
                           webhook=bool(settings.WEBHOOK_URL))
