"""Schema of the screening database, as ordered sqlite-utils migrations.

Each step runs once, in a transaction. Never edit a step that has shipped; add
a new one.
"""

from __future__ import annotations

from screening.sqlitedb import Database, Migrations

migrations = Migrations("screening")


@migrations()
def m001_lists(db: Database) -> None:
    """Lists, their versions and the entries of each version."""
    db.table("lists").create(
        {"id": str, "title": str, "regime": str, "source": str,
         "current_version": int, "updated_at": str},
        pk="id",
    )
    db.table("list_versions").create(
        {"id": int, "list_id": str, "seq": int, "source": str, "location": str,
         "format": str, "fetched_at": str, "imported_at": str, "sha256": str,
         "count": int, "note": str},
        pk="id",
    )
    db.table("list_versions").create_index(["list_id", "seq"], unique=True)
    db.table("entries").create(
        {"version_id": int, "entry_id": str, "list_id": str, "type": str,
         "name": str, "content_hash": str, "data": str},
        pk=("version_id", "entry_id"),
    )
    db.table("entries").create_index(["entry_id"])
    db.table("meta").create({"key": str, "value": str}, pk="key")


@migrations()
def m002_relationships(db: Database) -> None:
    """Ownership edges, replaced per source as a whole."""
    db.table("relationships").create(
        {"id": int, "source": str, "owner": str, "owned": str, "percent": float,
         "owner_name": str, "owned_name": str, "start_date": str, "end_date": str,
         "relation": str},
        pk="id",
    )
    db.table("relationships").create_index(["owned"])
    db.table("relationships").create_index(["owner"])
    db.table("relationship_sources").create(
        {"source": str, "location": str, "sha256": str, "count": int, "imported_at": str},
        pk="source",
    )


@migrations()
def m010_accounts(db: Database) -> None:
    """Web users (hashed passwords, roles) and API keys (stored as sha256 only)."""
    db.table("users").create(
        {"id": int, "username": str, "password_hash": str, "role": str,
         "created_at": str, "disabled": int},
        pk="id", not_null={"username", "password_hash", "role"},
    )
    db.table("users").create_index(["username"], unique=True)
    db.table("api_keys").create(
        {"id": int, "name": str, "prefix": str, "key_hash": str, "role": str,
         "created_at": str, "created_by": str, "revoked_at": str},
        pk="id", not_null={"name", "key_hash", "role"},
    )
    db.table("api_keys").create_index(["key_hash"], unique=True)
    db.table("api_keys").create_index(["name"])


@migrations()
def m011_decisions(db: Database) -> None:
    """Review decisions on hits: true match or false positive, tied to an entry's content hash."""
    db.table("decisions").create(
        {"id": int, "fingerprint": str, "name": str, "country": str, "entry_id": str,
         "entry_hash": str, "decision": str, "reason": str, "user": str,
         "created_at": str, "expires_on": str},
        pk="id", not_null={"fingerprint", "entry_id", "entry_hash", "decision", "user"},
    )
    db.table("decisions").create_index(["fingerprint", "entry_id"])


@migrations()
def m012_audit_log(db: Database) -> None:
    """Append-only, hash-chained log of every screening and decision."""
    db.table("audit_log").create(
        {"seq": int, "at": str, "user": str, "action": str, "subject": str,
         "outcome": str, "as_of": str, "assumption": str, "list_versions": str,
         "detail": str, "prev_hash": str, "hash": str},
        pk="seq", not_null={"at", "user", "action", "prev_hash", "hash"},
    )


@migrations()
def m013_web_sessions(db: Database) -> None:
    """Signed-in web sessions, kept server-side so logout and a password change end them."""
    db.table("web_sessions").create(
        {"sid_hash": str, "user_id": int, "created_at": str, "expires_at": str},
        pk="sid_hash", not_null={"user_id", "expires_at"},
    )
    db.table("web_sessions").create_index(["user_id"])


@migrations()
def m020_history(db: Database) -> None:
    """Screening history: each answer as given (compressed JSON), keyed by its audit ref."""
    db.table("history").create(
        {"id": int, "audit_ref": str, "at": str, "user": str, "via": str, "kind": str,
         "row": int, "name": str, "name_key": str, "country": str, "outcome": str,
         "as_of": str, "list_versions": str, "result_sha256": str, "result": bytes},
        pk="id", not_null={"audit_ref", "at", "user", "kind"},
    )
    db.table("history").create_index(["at"])
    db.table("history").create_index(["audit_ref"])
    db.table("history").create_index(["user", "at"])


@migrations()
def m020_reviews(db: Database) -> None:
    """The review queue: one item per (party fingerprint, entry ids), and its trail."""
    db.table("reviews").create(
        {"id": int, "fingerprint": str, "entry_key": str, "name": str, "country": str,
         "status": str, "would_be": str, "regimes": str, "lists": str, "top_score": float,
         "evidence": str, "evidence_hash": str, "audit_ref": str, "via": str,
         "opened_at": str, "updated_at": str, "screenings": int, "assignee": str,
         "first_by": str, "first_reason": str, "decision": str, "decided_by": str,
         "decided_at": str},
        pk="id", not_null={"fingerprint", "entry_key", "status"},
    )
    db.table("reviews").create_index(["fingerprint", "entry_key"])
    db.table("reviews").create_index(["status", "updated_at"])
    db.table("review_events").create(
        {"id": int, "review_id": int, "at": str, "user": str, "kind": str, "text": str},
        pk="id", not_null={"review_id", "at", "user", "kind"},
    )
    db.table("review_events").create_index(["review_id"])


@migrations()
def m030_counterparties(db: Database) -> None:
    """Monitored counterparties with their last result, their result history and alerts.

    ``checked_versions`` are the list versions a counterparty is known to be up to date
    with (its last result's, or newer ones whose changes could not affect it);
    ``valid_from`` / ``valid_until`` bound the days over which its result cannot
    change by the date alone; ``counterparty_keys`` holds the entry ids and party
    keys its last result rests on (a list change touching one re-screens it).
    """
    db.table("counterparties").create(
        {"id": int, "name": str, "country": str, "ref": str, "request": str,
         "added_at": str, "added_by": str, "active": int, "removed_at": str,
         "result": str, "outcome": str, "list_versions": str, "as_of": str,
         "result_sha256": str, "audit_ref": str, "screened_at": str,
         "checked_versions": str, "basis": str, "valid_from": str, "valid_until": str},
        pk="id", not_null={"name", "request", "added_at", "active"},
    )
    db.table("counterparties").create_index(["ref"])
    db.table("counterparties").create_index(["name"])
    db.table("counterparties").create_index(["active", "checked_versions"])
    db.table("counterparty_keys").create(
        {"counterparty_id": int, "key": str}, pk=("counterparty_id", "key"))
    db.table("counterparty_keys").create_index(["key"])
    db.table("counterparty_results").create(
        {"id": int, "counterparty_id": int, "outcome": str, "result": str,
         "list_versions": str, "as_of": str, "result_sha256": str, "audit_ref": str,
         "screened_at": str, "reason": str},
        pk="id", not_null={"counterparty_id", "outcome", "result"},
    )
    db.table("counterparty_results").create_index(["counterparty_id"])
    db.table("alerts").create(
        {"id": int, "counterparty_id": int, "name": str, "ref": str, "created_at": str,
         "old_outcome": str, "new_outcome": str, "added": str, "removed": str,
         "as_of": str, "list_versions": str, "audit_ref": str, "reason": str,
         "delivery": str, "attempts": int, "last_error": str, "next_try": str,
         "delivered_at": str},
        pk="id", not_null={"counterparty_id", "created_at", "new_outcome", "delivery"},
    )
    db.table("alerts").create_index(["created_at"])
    db.table("alerts").create_index(["delivery", "next_try"])
