"""Text that can be stored: the one check every door applies to what it is given.

Lone surrogates (U+D800..U+DFFF), NUL and the other C0 controls but tab /
newline / carriage return, and Unicode non-characters (U+FDD0..U+FDEF,
U+xxFFFE, U+xxFFFF) cannot be stored or encoded. The web refuses them at its
edge (:mod:`web.boundary`), the request model on each of its string fields
(:mod:`screening.service.request`).
"""

from __future__ import annotations

import re

_NONCHARACTERS = "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF)
                         for plane in range(17))
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef"
                  + _NONCHARACTERS + "]")


def why_bad(text: str) -> str | None:
    """Why ``text`` cannot be accepted (the first offending character), or None."""
    m = _BAD.search(text)
    if m is None:
        return None
    ch = m.group()
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        kind = "a lone surrogate, which is not valid Unicode"
    elif code < 0x20:
        kind = "a control character" if code else "a NUL character"
    else:
        kind = "a Unicode non-character"
    return f"contains U+{code:04X} ({kind}) at position {m.start()}"


def ascii_digits(text: str) -> bool:
    """``text`` is a whole number in ASCII digits ("12"), which ``int()`` reads. Not "²" or
    "①": digits to ``str.isdigit``, which ``int()`` refuses (a 500 the schema fuzzer found)."""
    return text.isascii() and text.isdigit()
