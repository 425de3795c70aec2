"""The data behind the Lists and Entry pages, shared by the UI and the API.

Like datasette's views, each function builds one plain dict; the API returns it
as JSON and the UI passes it to a template, so the two cannot drift apart.
"""

from __future__ import annotations

from screening.lists.catalog import list_info
from screening.errors import NotFound
from screening.lists.store import Store

#: Entries shown per change kind (added / removed / changed) on the Lists page.
MAX_CHANGES_SHOWN = 50


def lists_view(store: Store, *, changes: bool = False) -> dict:
    """Every list in force; with ``changes``, what changed since its previous version."""
    rows = store.list_status()
    for r in rows:
        info = list_info(r["id"])
        r["authority"] = info.authority
        r["url"] = info.url
        if changes:
            r["changes"] = list_changes(store, r["id"])
    return {"lists": rows, "total": sum(r["entries"] or 0 for r in rows)}


def list_changes(store: Store, list_id: str) -> dict | None:
    """Added / removed / changed entries versus the previous version (None for a first version)."""
    try:
        d = store.diff(list_id)
    except NotFound:
        return None
    out = {"old_version": d["old"]["seq"], "new_version": d["new"]["seq"],
           "old_imported_at": d["old"]["imported_at"]}
    for kind in ("added", "removed", "changed"):
        out[f"{kind}_count"] = len(d[kind])
        out[kind] = d[kind][:MAX_CHANGES_SHOWN]
    return out


def entry_view(store: Store, entry_id: str) -> dict:
    """One entry in force with its list, versions and direct ownership edges; 404 if absent."""
    entry = store.get_entry(entry_id)
    if entry is None:
        raise NotFound(f"no entry {entry_id!r} in the lists in force")
    info = list_info(entry.list_id)
    edges = store.edges_of(entry_id)
    return {
        "entry": entry.to_dict(),
        "name": entry.name,
        "list": {"id": info.id, "title": info.title, "regime": info.regime,
                 "authority": info.authority, "url": info.url},
        "source_url": entry.source_url or info.url,
        "content_hash": store.entry_hash(entry_id),
        "versions": version_changes(store.entry_versions(entry_id)),
        "owners": [e for e in edges if e["owned"] == entry_id],
        "owned": [e for e in edges if e["owner"] == entry_id],
    }


def version_changes(versions: list[dict]) -> list[dict]:
    """The versions an entry appears in, each marked ``added`` (first seen, or back after
    a version without it), ``changed`` (its content hash differs) or ``same``."""
    out, prev = [], None
    for v in versions:
        if prev is None or prev["list_id"] != v["list_id"] or v["version"] != prev["version"] + 1:
            change = "added"
        else:
            change = "changed" if v["content_hash"] != prev["content_hash"] else "same"
        out.append({**v, "change": change})
        prev = v
    return out
