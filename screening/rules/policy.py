"""Parse a US Entity List licence review policy into the outcome lattice.

The parser rule is rules.md §7.1, applied literally so a compliance officer can
check it against the text:

1. contains "policy of denial"      -> POLICY_OF_DENIAL
2. contains "presumption of denial" -> PRESUMPTION_OF_DENIAL, *partial* when the
   text also says "case-by-case" or names ECCNs or technology nodes
3. contains "case-by-case"          -> CASE_BY_CASE
4. contains "presumption of approval" -> LICENSE_REQUIRED
otherwise no policy (``None``): the result must say the source gave none.
"""

from __future__ import annotations

import re

_ECCN = re.compile(r"\b\d[A-E]\d{3}\b|\bEAR99\b|\b\d+\s*(?:nm|nanometers?)\b", re.I)


def parse_license_policy(text: str | None) -> tuple[str | None, bool]:
    """Return ``(policy, partial)`` for a licence review policy string."""
    if not text or not text.strip():
        return None, False
    low = " ".join(text.lower().replace("‐", "-").split())
    low = low.replace("case by case", "case-by-case")
    if "policy of denial" in low:
        return "POLICY_OF_DENIAL", ("case-by-case" in low or bool(_ECCN.search(low)))
    if "presumption of denial" in low:
        partial = "case-by-case" in low or bool(_ECCN.search(text))
        return "PRESUMPTION_OF_DENIAL", partial
    if "case-by-case" in low:
        return "CASE_BY_CASE", False
    if "presumption of approval" in low:
        return "LICENSE_REQUIRED", False
    return None, False
