"""yente's default matcher beside ours: nomenklatura's ``LogicV2`` on two FtM entities.

Needs the bench extra (``pip install -e '.[bench]'``, nomenklatura 4.17.4).
Each pair becomes two FollowTheMoney entities carrying one ``name`` each, of
the pair's schema (``person`` -> Person, ``company`` -> Company, ``vessel`` ->
Vessel, none -> LegalEntity), compared with ``LogicV2.compare(query, result,
LogicV2.default_config())`` as yente does. yente calls a result a match at
score >= 0.7 with logic-v2 (its ``threshold`` default for that algorithm), so
that is the threshold reported for it.
"""

from __future__ import annotations

import itertools

#: yente's match threshold for logic-v2.
THRESHOLD = 0.7
FTM_SCHEMA = {"person": "Person", "company": "Company", "organization": "Organization", "vessel": "Vessel"}

_ids = itertools.count()


def _entity(schema: str, name: str):
    from followthemoney import model

    entity = model.make_entity(schema)
    entity.id = f"bench-{next(_ids)}"  # nomenklatura caches comparisons by entity id: never reuse one
    entity.add("name", name)
    return entity


def ftm_schema(schema: str | None) -> str:
    """The FtM schema name for a pair's ``schema`` cell (our names or FtM's)."""
    s = (schema or "").strip()
    return FTM_SCHEMA.get(s.lower(), s if s[:1].isupper() else "LegalEntity")


def score(name1: str, name2: str, schema: str | None) -> float:
    """logic-v2's score of the query ``name1`` against the listed ``name2``."""
    from nomenklatura.matching import LogicV2

    s = ftm_schema(schema)
    return LogicV2.compare(_entity(s, name1), _entity(s, name2), _config()).score


def _config():
    global _CONFIG
    if _CONFIG is None:
        from nomenklatura.matching import LogicV2

        _CONFIG = LogicV2.default_config()
    return _CONFIG


_CONFIG = None
