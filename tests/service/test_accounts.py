"""Accounts: hashed passwords, roles, API keys stored hashed, first admin."""

from __future__ import annotations

import pytest

from screening.service.accounts import Accounts, ensure_admin, hash_key, role_allows
from screening.errors import Invalid, NotFound


def test_add_and_authenticate(store):
    acc = Accounts(store)
    user = acc.add_user("alice", "correct horse battery", "reviewer")
    assert acc.authenticate("alice", "correct horse battery") == user
    assert acc.authenticate("alice", "wrong password!!") is None
    assert acc.authenticate("nobody", "correct horse battery") is None
    stored = store.db.execute("select password_hash from users").fetchone()[0]
    assert stored.startswith(("scrypt:", "pbkdf2:")) and "correct horse" not in stored


@pytest.mark.parametrize("username,password,role", [
    ("alice", "short", "screener"),
    ("a b", "long enough password", "screener"),
    ("alice", "long enough password", "superuser"),
])
def test_add_user_rejects(store, username, password, role):
    with pytest.raises(Invalid):
        Accounts(store).add_user(username, password, role)


def test_duplicate_user(store):
    acc = Accounts(store)
    acc.add_user("alice", "long enough password")
    with pytest.raises(Invalid):
        acc.add_user("alice", "another long password")


def test_roles_are_ordered():
    assert role_allows("admin", "reviewer")
    assert role_allows("reviewer", "screener")
    assert not role_allows("screener", "reviewer")


def test_api_key_stored_hashed(store):
    acc = Accounts(store)
    key = acc.create_api_key("crm", "reviewer")
    assert key.startswith("scr_") and len(key) > 40
    principal = acc.verify_api_key(key)
    assert (principal.name, principal.role, principal.label) == ("crm", "reviewer", "apikey:crm")
    row = store.db.execute("select key_hash, prefix from api_keys").fetchone()
    assert row[0] == hash_key(key) and key not in row
    assert acc.verify_api_key(key + "x") is None
    assert acc.verify_api_key("") is None


def test_revoke(store):
    acc = Accounts(store)
    key = acc.create_api_key("crm")
    assert acc.revoke_api_keys("crm") == 1
    assert acc.verify_api_key(key) is None
    with pytest.raises(NotFound):
        acc.revoke_api_keys("crm")


def test_ensure_admin_once(store):
    acc = Accounts(store)
    password = ensure_admin(acc)
    assert password and acc.authenticate("admin", password).role == "admin"
    assert ensure_admin(acc) is None
    assert acc.count_users() == 1


def test_ensure_admin_given_password(store):
    acc = Accounts(store)
    assert ensure_admin(acc, "chosen admin password") == "chosen admin password"
    assert acc.authenticate("admin", "chosen admin password")


def test_verified_key_cached_and_revocation_clears_it(store):
    acc = Accounts(store)
    key = acc.create_api_key("crm")
    assert acc.verify_api_key(key) is not None
    store.db.execute("update api_keys set role = 'admin'")  # changed behind the cache's back
    store.db.conn.commit()
    assert acc.verify_api_key(key).role == "screener"  # cached
    acc.revoke_api_keys("crm")
    assert acc.verify_api_key(key) is None
