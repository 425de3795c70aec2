"""One party query, from JSON (API) or a form (UI), checked and screened the same way.

Wrong JSON types are 400 (the request is malformed); a missing name, a bad
date or an unknown context field is 422 (well-formed but unusable), raised by
the screening core itself where it already validates.
"""

from __future__ import annotations

from typing import Any

from screening.audit import record_screenings
from screening.errors import BadInput, Invalid

from .state import WebState

#: Keys of a party object (API) and what type each must have.
PARTY_FIELDS: dict[str, tuple[type, ...]] = {
    "name": (str,),
    "country": (str, type(None)),
    "aliases": (list, type(None)),
    "as_of": (str, type(None)),
    "after_horizon": (str, type(None)),
    "context": (dict, type(None)),
    "owners": (list, type(None)),
    "address": (str, type(None)),
    "schema": (str, type(None)),
    "config": (dict, type(None)),
}

#: Longest list of aliases or owners accepted for one party.
MAX_LIST = 50

#: Longest name, alias, owner name or address accepted (characters).
MAX_TEXT = 1000

#: Longest country accepted (an ISO code or a country name).
MAX_COUNTRY = 100


def party_from_json(data: Any, where: str = "body") -> dict:
    """Validate one party object; returns the keyword arguments for ``Screener.check``."""
    if not isinstance(data, dict):
        raise BadInput(f"{where} must be a JSON object")
    unknown = sorted(set(data) - set(PARTY_FIELDS))
    if unknown:
        raise Invalid(f"{where}: unknown field(s) {', '.join(unknown)}; known: "
                      f"{', '.join(PARTY_FIELDS)}")
    for key, types in PARTY_FIELDS.items():
        if key in data and not isinstance(data[key], types):
            kind = " or ".join("null" if t is type(None) else _json_type(t) for t in types)
            raise BadInput(f"{where}.{key} must be {kind}")
    if not (data.get("name") or "").strip():
        raise Invalid(f"{where}.name is required")
    for key in ("as_of", "after_horizon"):
        if data.get(key) == "":  # as the schema says: a value or null, never ""
            raise Invalid(f"{where}.{key} is empty; send a value or null", field=f"{where}.{key}")
    aliases = data.get("aliases") or []
    owners = data.get("owners") or []
    if len(aliases) > MAX_LIST or len(owners) > MAX_LIST:
        raise Invalid(f"{where}: at most {MAX_LIST} aliases and {MAX_LIST} owners")
    if not all(isinstance(a, str) for a in aliases):
        raise BadInput(f"{where}.aliases must be a list of strings")
    for o in owners:
        if not isinstance(o, dict) or not isinstance(o.get("name"), str):
            raise BadInput(f"{where}.owners must be objects with a name and a percent")
        if o.get("percent") is not None and not isinstance(o["percent"], (int, float)):
            raise BadInput(f"{where}.owners[].percent must be a number or null")
    _check_lengths(data, aliases, owners, where)
    return {k: data[k] for k in PARTY_FIELDS if data.get(k) not in (None, "", [], {})}


def _check_lengths(data: dict, aliases: list, owners: list, where: str) -> None:
    """422 for a text field longer than the schema allows (the cost of a query is bounded)."""
    texts = [("name", data.get("name"), MAX_TEXT), ("country", data.get("country"), MAX_COUNTRY),
             ("address", data.get("address"), MAX_TEXT)]
    texts += [(f"aliases[{i}]", a, MAX_TEXT) for i, a in enumerate(aliases)]
    texts += [(f"owners[{i}].name", o["name"], MAX_TEXT) for i, o in enumerate(owners)]
    for key, text, limit in texts:
        if text is not None and len(text) > limit:
            raise Invalid(f"{where}.{key} is {len(text):,} characters long; at most {limit:,}",
                          field=f"{where}.{key}")


def _json_type(t: type) -> str:
    return {str: "a string", list: "an array", dict: "an object"}.get(t, t.__name__)


def check_kwargs(party: dict) -> tuple[str, dict]:
    """Split a validated party into (name, keyword arguments of ``Screener.check``)."""
    kwargs = dict(party)
    name = kwargs.pop("name")
    if "aliases" in kwargs:
        kwargs["aliases"] = tuple(kwargs["aliases"])
    return name, kwargs


def screen(st: WebState, party: dict, user: str, *, via: str) -> tuple[dict, str]:
    """Screen one validated party and write its audit record; returns (result dict, audit ref).

    Raises :class:`screening.audit_writer.AuditUnavailable` (503) when the record cannot be
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
