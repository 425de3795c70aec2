"""Answers shaped like ``ScreeningResult.to_dict()`` for the history and review-queue tests."""

from __future__ import annotations

from screening.lists.store import VersionInfo
from screening.types import Entry, Name

INFO = VersionInfo(source="own", location="test", format="own-csv", sha256="x")

ENTRIES = [Entry(id="cn-uel:skydio", list_id="cn-uel", type="company", names=[Name("Skydio, Inc.")],
                 countries=["US"]),
           Entry(id="us-el:acme", list_id="us-el", type="company", names=[Name("Acme Optics")],
                 countries=["CN"])]


def seed(store) -> None:
    """The two entries, in force."""
    store.put_lists({"cn-uel": ENTRIES[:1], "us-el": ENTRIES[1:]}, INFO)


def answer(name: str = "Skydio Inc.", *, outcome: str = "REVIEW", country: str | None = None,
           entry_id: str = "cn-uel:skydio", score: float = 0.9, would_be: str | None = "PROHIBITED",
           regime: str = "CN") -> dict:
    """One screening answer with one hit (none for CLEAR)."""
    listed = entry_id.split(":")[0]
    hits = [] if outcome == "CLEAR" else [
        {"entry_id": entry_id, "list": listed, "name": "Skydio, Inc.", "matched_name": "Skydio",
         "score": score, "strength": "review", "explanation": ["token overlap"]}]
    findings = [] if outcome == "CLEAR" else [
        {"rule": listed.upper(), "outcome": outcome, "regime": regime, "reason": "fuzzy hit",
         "entry_id": entry_id, "would_be": would_be, "status": "active"}]
    return {"query": {"name": name, "country": country, "as_of": "2026-12-05"},
            "outcome": outcome, "as_of": "2026-12-05", "after_horizon": "flag",
            "findings": findings, "hits": hits, "cleared": [],
            "list_versions": {"cn-uel": 1}, "screened_at": "2026-12-05T05:00:00+00:00"}
