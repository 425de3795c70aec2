"""One party query, from JSON (API) or a form (UI), checked and screened the same way.

Validation is :class:`screening.service.request.ScreeningRequest`'s: wrong JSON types
are 400 (the request is malformed); a missing name, a bad date or an unknown
context field is 422 (well-formed but unusable), naming the field.
"""

from __future__ import annotations

from typing import Any

from screening.service.audit import record_screenings
from screening.service.request import from_json

from .state import WebState


def party_from_json(data: Any, where: str = "body") -> dict:
    """Validate one party object with the request model; the fields given, normalised."""
    return from_json(data, where)


def check_kwargs(party: dict) -> tuple[str, dict]:
    """Split a validated party into (name, keyword arguments of ``Screener.check``)."""
    kwargs = dict(party)
    name = kwargs.pop("name")
    if "aliases" in kwargs:
        kwargs["aliases"] = tuple(kwargs["aliases"])
    return name, kwargs


def screen(st: WebState, party: dict, user: str, *, via: str) -> tuple[dict, str]:
    """Screen one validated party and write its audit record; returns (result dict, audit ref).

    Raises :class:`screening.service.audit_writer.AuditUnavailable` (503) when the record cannot be
    written: a screening is never answered without its record.
    """
    name, kwargs = check_kwargs(party)
    result = st.screener.check(name, **kwargs).to_dict()
    (ref,) = record_screenings(st.audit_writer, user, via=via, results=[result])
    return result, ref


def screen_many(st: WebState, parties: list[dict], user: str, *,
                via: str) -> tuple[list[dict], list[str]]:
    """Screen validated parties with one screener; their audit records are written together."""
    screener = st.screener
    results = []
    for party in parties:
        name, kwargs = check_kwargs(party)
        results.append(screener.check(name, **kwargs).to_dict())
    refs = record_screenings(st.audit_writer, user, via=via, results=results)
    return results, refs
