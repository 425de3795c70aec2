"""A small stand-in for the screening core: same ``check`` signature and result shape.

Used only by the web tests of web mechanics (auth, CSRF, rate limits, reloads,
error mapping) so they run in milliseconds; content tests use the real screener.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from screening.service.decisions import DecisionBook
from screening.errors import Invalid
from screening.lists.store import Store, VersionInfo
from screening.types import Entry, Hit, Name, StatusEvent

INFO = VersionInfo(source="project", location="fake", format="project-yaml", sha256="f")

ENTRIES = [
    Entry(id="cn-uel:skydio", list_id="cn-uel", type="company",
          names=[Name("Skydio Inc."), Name("斯凯迪奥公司", "chinese")], countries=["US"],
          citation="MOFCOM UEL Ann. 2025 No. 1", listed_on="2024-10-10",
          status_history=[StatusEvent("2024-10-10", "listed", "UEL 2024 No. 6")]),
    Entry(id="cn-control:hygon", list_id="cn-control", type="company",
          names=[Name("Chengdu Haiguang Integrated Circuit Design Co., Ltd."),
                 Name("成都海光集成电路设计有限公司", "chinese")], countries=["CN"],
          citation="Control List Ann. 2025 No. 13"),
]


@dataclass
class FakeResult:
    data: dict

    def to_dict(self) -> dict:
        return self.data


class FakeScreener:
    """Exact (casefolded) name lookup; a hit on a listed name gives PROHIBITED."""

    builds = 0

    def __init__(self, store: Store) -> None:
        FakeScreener.builds += 1
        self.store = store
        self.data_version = store.data_version()
        self.entries = {e.id: e for e in store.current_entries()}
        self.list_versions = {r["id"]: r["version"] for r in store.list_status()}
        self.decisions = DecisionBook(store)

    def check(self, name, country=None, aliases=(), as_of=None, *, after_horizon=None,
              context=None, owners=(), schema=None, address=None, apply_decisions=True):
        name = (name or "").strip()
        if not name:
            raise Invalid("name is required")
        on = date.fromisoformat(as_of) if as_of else date(2026, 11, 22)
        if context and "colour" in context:
            raise Invalid("unknown transaction field 'colour'")
        wanted = {n.casefold() for n in (name, *aliases)}
        hits = []
        for e in self.entries.values():
            for n in e.names:
                if n.value.casefold() in wanted:
                    hits.append(Hit(entry=e, matched_name=n.value, score=1.0, strength="match",
                                    features={"name": 1.0}, explanation=["exact name"]))
                    break
        hits, cleared = self.decisions.apply(name, country, hits, on)
        findings = [{"rule": f"{h.entry.list_id.upper()}", "outcome": "PROHIBITED",
                     "regime": "CN", "reason": f"listed: {h.entry.name}",
                     "citation": h.entry.citation, "effective_from": "2024-10-10",
                     "effective_to": None, "status": "active", "assumption": after_horizon or "literal",
                     "entry_id": h.entry.id, "would_be": None, "depends_on": [],
                     "path": [{"entity": h.entry.id, "name": h.entry.name, "percent": 60.0,
                               "role": "listed"},
                              {"entity": "name:x", "name": name, "percent": None,
                               "role": "party"}] if owners else []}
                    for h in hits]
        data = {"query": {"name": name, "country": country, "aliases": list(aliases),
                          "as_of": on.isoformat(), "after_horizon": after_horizon or "literal",
                          "context": context},
                "outcome": "PROHIBITED" if findings else "CLEAR", "as_of": on.isoformat(),
                "after_horizon": after_horizon or "literal", "findings": findings,
                "depends_on": [], "hits": [h.to_dict() for h in hits], "affiliates": [],
                "cleared": cleared, "list_versions": self.list_versions,
                "screened_at": "2026-11-22T00:00:00+00:00"}
        return FakeResult(data)


def seed(store: Store) -> None:
    """Put the fake entries in force."""
    by_list: dict[str, list[Entry]] = {}
    for e in ENTRIES:
        by_list.setdefault(e.list_id, []).append(e)
    store.put_lists(by_list, INFO)


# ------------------------------------------------------------------ fixtures
import re  # noqa: E402

import pytest  # noqa: E402

from screening.service.accounts import Accounts  # noqa: E402
from screening.lists.store import open_store  # noqa: E402

PASSWORDS = {"sam": "screener password 1", "rita": "reviewer password 1",
             "ada": "admin password 123"}
ROLES = {"sam": "screener", "rita": "reviewer", "ada": "admin"}


def make_app(db_path, tmp_path, **config):
    """A web app on ``db_path`` with a screener, reviewer and admin account."""
    from web import create_app

    store = open_store(db_path)
    accounts = Accounts(store)
    if accounts.count_users() == 0:
        for user, pw in PASSWORDS.items():
            accounts.add_user(user, pw, ROLES[user])
    cfg = {"DB_PATH": str(db_path), "INSTANCE_PATH": str(tmp_path / "instance"),
           "SECRET_KEY": "test-secret", "TESTING": True, **config}
    return create_app(cfg)


@pytest.fixture(autouse=True)
def cheap_password_hashes(monkeypatch):
    """scrypt costs ~0.13 s per hash; the web tests need many log-ins, not strong hashes."""
    from screening.service import accounts

    monkeypatch.setattr(accounts, "PASSWORD_METHOD", "pbkdf2:sha256:1000")


@pytest.fixture
def fake_app(db_path, tmp_path):
    """The app over the fake screener (two listed entries)."""
    seed(open_store(db_path))
    return make_app(db_path, tmp_path, SCREENER_FACTORY=fake_factory)


def fake_factory(path: str) -> FakeScreener:
    """The fake screener on ``path`` (a module-level function: bulk jobs pickle it for their child)."""
    return FakeScreener(open_store(path))


def csrf_of(html: str) -> str:
    """The CSRF token in a page."""
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no csrf token on the page"
    return m.group(1)


def login(client, user: str) -> None:
    """Sign ``user`` in through the login form."""
    page = client.get("/login").get_data(as_text=True)
    resp = client.post("/login", data={"username": user, "password": PASSWORDS[user],
                                       "csrf_token": csrf_of(page)})
    assert resp.status_code == 302, resp.get_data(as_text=True)


def api_key(app, role: str = "screener", name: str | None = None) -> str:
    """A fresh API key for ``app``."""
    st = app.extensions["screening"]
    return st.accounts.create_api_key(name or f"crm-{role}", role)


@pytest.fixture(scope="session")
def real_app(tmp_path_factory):
    """The app over the real screener and the project's China lists (built once per session)."""
    tmp = tmp_path_factory.mktemp("real")
    return make_app(tmp / "screening.db", tmp)


@pytest.fixture
def real_client(real_app):
    """A fresh (signed-out) client of the real app."""
    return real_app.test_client()


@pytest.fixture(scope="module")
def rita_module(real_app):
    """The reviewer signed in to the real app, shared by one module's tests."""
    client = real_app.test_client()
    login(client, "rita")
    return client
