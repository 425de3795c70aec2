"""Hostile names: what an attacker, a broken CRM export or a careless paste sends as a party name.

Two groups, used by the API, UI, CLI and bulk tests of ``tests/hostile/``:

- :data:`UNSTORABLE`: text that cannot be encoded or stored (lone surrogates,
  NUL, other control characters, non-characters). The service must refuse it
  with a clear 4xx naming the field.
- :data:`ACCEPTABLE`: valid Unicode that is awkward (bidi overrides, zero-width
  characters, combining marks, 100,000 characters, one sample of every Unicode
  general category that can be stored). The service must answer it (screen it,
  or refuse it with a clear 4xx) and never fail with a 5xx.

Each case is ``(id, text)``; ids are stable pytest ids.
"""

from __future__ import annotations

import sys
import unicodedata

#: Text that cannot be stored: each must be refused at the boundary.
UNSTORABLE: list[tuple[str, str]] = [
    ("lone-high-surrogate", "Poison \ud800 Ltd"),
    ("lone-low-surrogate", "Poison \udfff Ltd"),
    ("reversed-surrogate-pair", "Poison \udc00\ud800 Ltd"),
    ("nul", "Acme\x00 Trading"),
    ("nul-only", "\x00"),
    ("bell-control", "Acme\x07 Trading"),
    ("escape-control", "\x1b[31mAcme\x1b[0m"),
    ("noncharacter-fffe", "Acme \ufffe Ltd"),
    ("noncharacter-fdd0", "Acme \ufdd0 Ltd"),
    ("noncharacter-plane-16", "Acme \U0010ffff Ltd"),
]

#: A name long enough to hurt (100,000 characters).
LONG_NAME = "Huawei Technologies " * 5000


def _category_samples() -> list[tuple[str, str]]:
    """One character of every Unicode general category that can be stored, in a name."""
    seen: dict[str, str] = {}
    wanted = 28  # the 30 categories but Cs (surrogates) and Cc (controls, below)
    for code in range(0x20, sys.maxunicode + 1):
        if len(seen) == wanted:
            break
        ch = chr(code)
        cat = unicodedata.category(ch)
        if cat in seen or cat == "Cs" or (cat == "Cc" and ch not in "\t\n\r"):
            continue
        if cat == "Cn" and (0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE):
            continue  # non-characters are in UNSTORABLE
        seen[cat] = ch
    seen.setdefault("Cc", "\t")
    return [(f"category-{cat}", f"Acme {ch} Trading") for cat, ch in sorted(seen.items())]


#: Valid but awkward text: each must be answered without a 5xx.
ACCEPTABLE: list[tuple[str, str]] = [
    ("bidi-override", "\u202eLTD AWEAUH\u202c"),
    ("bidi-isolates", "Huawei \u2066Technologies\u2069 Co"),
    ("rtl-mark-only", "\u200f"),
    ("zero-width-space-inside", "Hua\u200bwei Tech\u200bnologies"),
    ("zero-width-only", "\u200b\u200c\u200d\ufeff"),
    ("combining-marks-only", "\u0301\u0302\u0303" * 50),
    ("zalgo", "H" + "\u0336\u0337\u0338" * 200 + "uawei"),
    ("emoji-sequence", "Acme \U0001f3f3\ufe0f\u200d\U0001f308 Trading"),
    ("fullwidth", "ＨＵＡＷＥＩ"),
    ("private-use", "Acme \ue000 Trading"),
    ("newlines", "Acme\nTrading\r\nLtd"),
    ("sql-ish", "Robert'); DROP TABLE audit_log;--"),
    ("html", "<script>alert(1)</script>"),
    ("formula", "=HYPERLINK(\"http://x\",\"y\")"),
    ("long-100k", LONG_NAME),
    *_category_samples(),
]
