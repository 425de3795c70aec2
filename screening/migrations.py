"""Schema of the screening database, as ordered sqlite-utils migrations.

Each step runs once, in a transaction. Never edit a step that has shipped; add
a new one.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("screening")


@migrations()
def m001_lists(db: Database) -> None:
    """Lists, their versions and the entries of each version."""
    db["lists"].create(
        {"id": str, "title": str, "regime": str, "source": str,
         "current_version": int, "updated_at": str},
        pk="id",
    )
    db["list_versions"].create(
        {"id": int, "list_id": str, "seq": int, "source": str, "location": str,
         "format": str, "fetched_at": str, "imported_at": str, "sha256": str,
         "count": int, "note": str},
        pk="id",
    )
    db["list_versions"].create_index(["list_id", "seq"], unique=True)
    db["entries"].create(
        {"version_id": int, "entry_id": str, "list_id": str, "type": str,
         "name": str, "content_hash": str, "data": str},
        pk=("version_id", "entry_id"),
    )
    db["entries"].create_index(["entry_id"])
    db["meta"].create({"key": str, "value": str}, pk="key")


@migrations()
def m002_relationships(db: Database) -> None:
    """Ownership edges, replaced per source as a whole."""
    db["relationships"].create(
        {"id": int, "source": str, "owner": str, "owned": str, "percent": float,
         "owner_name": str, "owned_name": str, "start_date": str, "end_date": str,
         "relation": str},
        pk="id",
    )
    db["relationships"].create_index(["owned"])
    db["relationships"].create_index(["owner"])
    db["relationship_sources"].create(
        {"source": str, "location": str, "sha256": str, "count": int, "imported_at": str},
        pk="source",
    )
