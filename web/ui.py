"""The pages sales ops use: Screen, Result, Entry, Bulk, Lists (English / Chinese).

A screening form posts to ``/screen``; the query is then carried in a signed,
user-bound token in the Result page's URL (``/result?q=...``), so a result can be
reloaded or linked, and a recorded decision returns to the same result, which
is screened again and shows the hit as cleared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from flask import (Blueprint, abort, current_app, flash, jsonify, redirect, render_template,
                   request, send_file, session, url_for)
from itsdangerous import BadSignature, URLSafeSerializer

from screening import settings
from screening.render import finding_groups
from screening.service.audit import decision_event
from screening.connections import busy_timeout
from screening.errors import BadInput, Invalid, ScreeningError
from screening.rules.dates import HORIZONS, check_horizon, parse_date
from screening.rules.findings import OUTCOMES
from screening.service.request import FormField, form_fields

from . import screening_view, svg
from .auth import current_user, requires, signed_in
from .i18n import LANGUAGES, t
from .job_rows import ERROR, job_table
from .state import state, store
from .views import entry_view, lists_view

bp = Blueprint("ui", __name__)

#: The Screen form's inputs: every field of the request model (screening.service.request).
FORM_FIELDS = form_fields()

def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="screening-query")


def encode_query(party: dict) -> str:
    """A URL-safe token for a validated party, bound to the signed-in user."""
    return _serializer().dumps({"u": signed_in().id, "p": party})


def decode_query(token: str) -> dict:
    """The party of a token made by :func:`encode_query` for this user (400 otherwise)."""
    try:
        data = _serializer().loads(token)
    except BadSignature:
        raise BadInput(t("err_bad_query"))
    if data.get("u") != signed_in().id:
        raise BadInput(t("err_bad_query"))
    return data["p"]


def party_from_form(form: Any) -> dict:
    """Build a party object from the Screen form's fields, then validate it like API input."""
    party: dict[str, Any] = {}
    context: dict[str, Any] = {}
    for f in FORM_FIELDS:
        text = form.get(f.name, "")
        value = _form_value(f, text)
        if value is None:
            continue
        (context if f.in_context else party)[f.name] = value
    party.setdefault("name", form.get("name", ""))
    if context:
        party["context"] = context
    return screening_view.party_from_json(party, where="form")


def _form_value(f: FormField, text: str) -> Any:
    """One form input as the API takes it (None: left empty)."""
    if f.door.kind == "list":
        return [a.strip() for a in text.splitlines() if a.strip()] or None
    if f.door.kind == "owners":
        return [_owner_line(line) for line in text.splitlines() if line.strip()] or None
    if not text.strip():
        return None
    if f.door.kind == "json":
        try:
            return json.loads(text)
        except ValueError:
            raise Invalid(f"{f.name} must be JSON, e.g. " + '{"match_threshold": 0.9, '
                          '"review_threshold": 0.7}', field=f.name) from None
    return text.strip()


def _owner_line(line: str) -> dict:
    """``NAME=PERCENT`` (or a bare name: percent unknown), as the form takes owners."""
    name, sep, pct = line.rpartition("=")
    if not sep:
        name, pct = line, ""
    pct = pct.strip().rstrip("%")
    try:
        percent = float(pct) if pct and pct.lower() != "unknown" else None
    except ValueError:
        raise Invalid(t("err_owner_line").format(line=line.strip()))
    return {"name": name.strip(), "percent": percent}


# ------------------------------------------------------------------- screen
@bp.get("/")
def index() -> Any:
    """Home: the Screen page."""
    return redirect(url_for("ui.screen"))


@bp.route("/screen", methods=["GET", "POST"])
def screen() -> Any:
    """The Screen form; a valid POST redirects to the Result page."""
    error = None
    form = request.form if request.method == "POST" else {}
    if request.method == "POST":
        try:
            party = party_from_form(request.form)
        except ScreeningError as exc:
            error = exc.message
        else:
            return redirect(url_for("ui.result", q=encode_query(party)), code=303)
    return render_template("screen.html", form=form, error=error,
                           fields=FORM_FIELDS), (422 if error else 200)


@bp.get("/result")
def result() -> Any:
    """Screen the query in ``q`` and show the result (``format=json`` gives the dict)."""
    token = request.args.get("q", "")
    party = decode_query(token)
    st = state()
    result, ref = screening_view.screen(st, party, signed_in().label, via="ui")
    if request.args.get("format") == "json":
        return jsonify(result)
    paths = [svg.path_layout(f["path"]) if f.get("path") else None
             for f in result.get("findings", [])]
    return render_template("result.html", r=result, q=token, audit_ref=ref, paths=paths,
                           svg=svg, can_review=signed_in().can("reviewer"),
                           groups=finding_groups(result))


@bp.post("/decisions")
@requires("reviewer")
def record_decision() -> Any:
    """Record a true match / false positive on a hit of a result, then show the result again."""
    token = request.form.get("q", "")
    party = decode_query(token)
    st = state()
    st.audit_writer.check()  # no decision is stored that could not be put on record
    with busy_timeout(st.store, settings.WRITE_WAIT_S):  # locked: 503, not a hang
        form = request.form
        d = st.decisions.record(party["name"], party.get("country"), form.get("entry_id", ""),
                                form.get("decision", ""), form.get("reason", ""),
                                signed_in().label, expires_on=form.get("expires_on") or None)
    st.audit_writer.submit([decision_event(d, via="ui")], wait=True)  # on record before confirmed
    flash(t("decision_recorded"), "ok")
    return redirect(url_for("ui.result", q=token), code=303)


# -------------------------------------------------------------------- entry
@bp.get("/entry/<path:entry_id>")  # the short form others link to (issue 16)
@bp.get("/entries/<path:entry_id>")  # registered first: url_for builds this one
def entry(entry_id: str) -> Any:
    """Everything about one listed party."""
    data = entry_view(store(), entry_id)
    star = None
    if data["owners"] or data["owned"]:
        star = svg.star_layout(data["name"], data["owners"], data["owned"])
    decisions = state().decisions.history(entry_id, limit=20)
    return render_template("entry.html", d=data, e=data["entry"], star=star,
                           decisions=decisions)


# --------------------------------------------------------------------- bulk
@bp.route("/bulk", methods=["GET", "POST"])
def bulk() -> Any:
    """Upload a CSV / XLSX to screen in the background; recent jobs."""
    st = state()
    if request.method == "POST":
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            raise BadInput(t("err_no_file"))
        horizon = request.form.get("after_horizon") or None
        if horizon:
            check_horizon(horizon)
        as_of = request.form.get("as_of") or None
        if as_of:
            parse_date(as_of)
        job = st.jobs.submit(upload.filename, upload.stream, signed_in().label,
                             as_of=as_of, after_horizon=horizon)
        return redirect(url_for("ui.bulk_job", job_id=job.id), code=303)
    return render_template("bulk.html", jobs=st.jobs.list(current_user()), horizons=HORIZONS)


@bp.get("/bulk/<job_id>")
def bulk_job(job_id: str) -> Any:
    """One job: progress (polled by static/app.js), counts chart, download, non-CLEAR rows."""
    job = state().jobs.get(job_id, current_user())
    table = job_table(job, request.args,
                      lambda party: encode_query(screening_view.party_from_json(party)))
    return render_template("bulk_job.html", job=job, chart=svg.bar_layout(job.counts), svg=svg,
                           table=table, outcomes=[*OUTCOMES[:-1], ERROR])


@bp.get("/bulk/<job_id>/status")
def bulk_status(job_id: str) -> Any:
    """The job as JSON, for the progress bar."""
    job = state().jobs.get(job_id, current_user())
    return jsonify(job.to_dict())


@bp.get("/bulk/<job_id>/download")
def bulk_download(job_id: str) -> Any:
    """The screened file."""
    job = state().jobs.get(job_id, current_user())
    if job.status != "done":
        abort(404)
    out = Path(job.output_path)
    return send_file(out, as_attachment=True, download_name=out.name)


# -------------------------------------------------------------------- lists
@bp.get("/lists")
def lists() -> Any:
    """What is loaded, which version, when, counts, and changes since the previous version."""
    return render_template("lists.html", d=lists_view(store(), changes=True))


# ----------------------------------------------------------------- language
@bp.get("/lang/<code>")
def set_language(code: str) -> Any:
    """Switch the UI language and go back."""
    if code in LANGUAGES:
        session["lang"] = code
    target = request.args.get("next") or url_for("ui.screen")
    if not target.startswith("/") or target.startswith("//"):
        target = url_for("ui.screen")
    return redirect(target)
