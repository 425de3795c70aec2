"""What the service refuses at its edge, before any of it reaches the screener or the audit.

Every string in a request (JSON body, form fields, query string, URL path) is
checked once, in :func:`check_request` (a ``before_request`` hook) and in
:func:`check_json` (called by the API's body reader). Text that cannot be stored
or encoded, lone surrogates (U+D800..U+DFFF), NUL and the other C0 controls but
tab / newline / carriage return, and Unicode non-characters (U+FDD0..U+FDEF,
U+xxFFFE, U+xxFFFF), is a 422 naming the field. JSON nested deeper than
:data:`MAX_DEPTH` is a 400.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from screening.errors import BadInput, Invalid
from screening.text import why_bad

#: Deepest JSON nesting accepted (a party object needs 4).
MAX_DEPTH = 32

def check_text(text: str, field: str) -> None:
    """422 naming ``field`` when ``text`` holds a character that cannot be stored."""
    reason = why_bad(text)
    if reason:
        raise Invalid(f"{field} {reason}; remove it and send the request again", field=field)


def _walk(value: Any, where: str) -> Iterator[tuple[str, str]]:
    """(field path, string) for every key and string in a JSON value, without recursion."""
    stack = [(value, where, 0)]
    while stack:
        item, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadInput(f"the JSON body is nested more than {MAX_DEPTH} levels deep")
        if isinstance(item, str):
            yield path, item
        elif isinstance(item, dict):
            for k, v in item.items():
                yield f"{path} (a key)", k
                stack.append((v, f"{path}.{k}", depth + 1))
        elif isinstance(item, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(item))


def check_json(data: Any, where: str = "body") -> Any:
    """Check every string of a parsed JSON body; returns ``data`` unchanged."""
    for path, text in _walk(data, where):
        check_text(text, path)
    return data


def check_request() -> None:
    """``before_request``: the path, query string and form fields hold only storable text."""
    from flask import request

    check_text(request.path, "the URL path")
    for key, value in request.args.items(multi=True):
        check_text(key, "a query parameter name")
        check_text(value, key)
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in (
            "application/x-www-form-urlencoded", "multipart/form-data"):
        for key, value in request.form.items(multi=True):
            check_text(key, "a form field name")
            check_text(value, key)
