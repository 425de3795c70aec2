"""Schema names callers use, reduced to the matcher's three kinds.

FollowTheMoney data and other benchmarks spell schemas "Person", "Company",
"Organization", "LegalEntity" and "Vessel"; our API says "person" and
"company". Every entry point folds the name here once, so the rest of the
matcher only sees ``"person"``, ``"company"``, ``"vessel"`` or ``None``.
"""

from __future__ import annotations

#: Folded schema name -> the matcher's kind.
SCHEMA_KINDS: dict[str, str] = {
    "person": "person",
    "individual": "person",
    "company": "company",
    "organization": "company",
    "organisation": "company",
    "legalentity": "company",
    "entity": "company",
    "publicbody": "company",
    "vessel": "vessel",
    "ship": "vessel",
}


def canonical_schema(schema: str | None) -> str | None:
    """``"person"``, ``"company"``, ``"vessel"`` or None for a caller's schema name.

    Case, spaces, hyphens and underscores are ignored ("LegalEntity",
    "legal_entity"); an unknown name is taken as an organisation, as before.
    """
    if not schema or not str(schema).strip():
        return None
    key = "".join(ch for ch in str(schema).lower() if ch.isalnum())
    return SCHEMA_KINDS.get(key, "company")
