"""Who may use the service: user accounts with roles, and API keys per integration.

Passwords are hashed with werkzeug (scrypt). API keys are long random tokens;
only their sha256 is stored (a random 256-bit key needs no slow hash, and the
API must verify one per request in well under a millisecond). A key is shown
once, when it is created.

Roles are ordered: a ``reviewer`` can do everything a ``screener`` can, and an
``admin`` everything a reviewer can.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from werkzeug.security import check_password_hash, generate_password_hash

from screening.connections import connection
from screening.errors import Invalid, NotFound
from screening.lists.store import Store, utcnow

#: Roles, least privileged first.
ROLES = ("screener", "reviewer", "admin")

#: What may be done with each role (informational; enforced with :func:`role_allows`).
ROLE_HELP = {
    "screener": "screen parties, run bulk files, read lists and entries",
    "reviewer": "screener + record review decisions (true match / false positive)",
    "admin": "reviewer + everything else",
}

#: API keys look like ``scr_<43 url-safe characters>``; the prefix makes leaked keys greppable.
KEY_PREFIX = "scr_"

#: Characters of a key kept in clear to tell keys apart in listings.
KEY_DISPLAY_CHARS = 10

#: Seconds a verified API key is trusted without asking the database again.
KEY_CACHE_S = 10.0

#: werkzeug hashing method for passwords (tests may use a cheaper one).
PASSWORD_METHOD = "scrypt"

#: Minimum password length for accounts.
MIN_PASSWORD_LENGTH = 10

_USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")

#: A valid hash to compare against when the user does not exist (constant-time-ish login).
_DUMMY_HASH = generate_password_hash("not a real password")


@dataclass(frozen=True)
class User:
    """A signed-in person or an API key acting for an integration."""

    id: int
    name: str
    role: str
    kind: str = "user"  # "user" or "apikey"

    @property
    def label(self) -> str:
        """How the audit log names this principal (``alice`` or ``apikey:crm``)."""
        return self.name if self.kind == "user" else f"apikey:{self.name}"

    def can(self, role: str) -> bool:
        """True when this principal has ``role`` or a more privileged one."""
        return role_allows(self.role, role)


def role_allows(have: str, need: str) -> bool:
    """True when role ``have`` includes the rights of role ``need``."""
    return ROLES.index(have) >= ROLES.index(need)


def check_role(role: str) -> str:
    """Validate a role name (422 when unknown)."""
    if role not in ROLES:
        raise Invalid(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    return role


def hash_key(key: str) -> str:
    """The stored form of an API key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class Accounts:
    """Users and API keys in one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._verified: dict[str, tuple[User, float]] = {}  # key hash -> (principal, valid until)

    # ------------------------------------------------------------------ users
    def add_user(self, username: str, password: str, role: str = "screener") -> User:
        """Create a user; 422 when the name is taken, malformed or the password too short."""
        check_role(role)
        if not _USERNAME.match(username or ""):
            raise Invalid("username must be 2-64 letters, digits or . _ @ -")
        if len(password or "") < MIN_PASSWORD_LENGTH:
            raise Invalid(f"password must be at least {MIN_PASSWORD_LENGTH} characters")
        conn = connection(self.store)
        if conn.execute("select 1 from users where username = ?", [username]).fetchone():
            raise Invalid(f"user {username!r} already exists")
        with conn:
            cur = conn.execute(
                "insert into users (username, password_hash, role, created_at, disabled)"
                " values (?, ?, ?, ?, 0)",
                [username, generate_password_hash(password, method=PASSWORD_METHOD), role, utcnow()])
        return User(int(cur.lastrowid or 0), username, role)

    def set_password(self, username: str, password: str) -> None:
        """Replace a user's password (404 when the user does not exist)."""
        if len(password or "") < MIN_PASSWORD_LENGTH:
            raise Invalid(f"password must be at least {MIN_PASSWORD_LENGTH} characters")
        conn = connection(self.store)
        with conn:
            cur = conn.execute("update users set password_hash = ? where username = ?",
                               [generate_password_hash(password, method=PASSWORD_METHOD), username])
            if cur.rowcount:  # whoever knew the old password is signed out everywhere
                conn.execute("delete from web_sessions where user_id ="
                             " (select id from users where username = ?)", [username])
        if cur.rowcount == 0:
            raise NotFound(f"no user {username!r}")

    # --------------------------------------------------------------- sessions
    def start_session(self, user: User, hours: float) -> str:
        """A new web session for ``user`` lasting ``hours``; returns its id (kept in the cookie).

        Only the id's sha256 is stored. Expired sessions are deleted on the way.
        """
        sid = secrets.token_urlsafe(32)
        now = utcnow()
        expires = (datetime.fromisoformat(now) + timedelta(hours=hours)).isoformat()
        conn = connection(self.store)
        with conn:
            conn.execute("delete from web_sessions where expires_at <= ?", [now])
            conn.execute("insert into web_sessions (sid_hash, user_id, created_at, expires_at)"
                         " values (?, ?, ?, ?)", [hash_key(sid), user.id, now, expires])
        return sid

    def session_user(self, sid: str) -> User | None:
        """The enabled user of a live session, else None (ended, expired, unknown)."""
        row = connection(self.store).execute(
            "select u.id, u.username, u.role from web_sessions s join users u on u.id = s.user_id"
            " where s.sid_hash = ? and s.expires_at > ? and not u.disabled",
            [hash_key(sid or ""), utcnow()]).fetchone()
        return User(row[0], row[1], row[2]) if row else None

    def end_session(self, sid: str) -> None:
        """End one session (logout)."""
        conn = connection(self.store)
        with conn:
            conn.execute("delete from web_sessions where sid_hash = ?", [hash_key(sid or "")])

    def authenticate(self, username: str, password: str) -> User | None:
        """The user when the password is right and the account enabled, else None."""
        row = connection(self.store).execute(
            "select id, username, password_hash, role, disabled from users where username = ?",
            [username or ""]).fetchone()
        if row is None:
            check_password_hash(_DUMMY_HASH, password or "")  # same work either way
            return None
        if not check_password_hash(row[2], password or "") or row[4]:
            return None
        return User(row[0], row[1], row[3])

    def get_user(self, user_id: int) -> User | None:
        """An enabled user by id (the id kept in the session), else None."""
        row = connection(self.store).execute(
            "select id, username, role from users where id = ? and not disabled",
            [user_id]).fetchone()
        return User(row[0], row[1], row[2]) if row else None

    def users(self) -> list[dict]:
        """Every account: username, role, created_at, disabled."""
        rows = connection(self.store).execute(
            "select username, role, created_at, disabled from users order by id").fetchall()
        return [dict(zip(("username", "role", "created_at", "disabled"), r)) for r in rows]

    def count_users(self) -> int:
        """How many accounts exist (0 on a fresh install)."""
        return int(connection(self.store).execute("select count(*) from users").fetchone()[0])

    # --------------------------------------------------------------- API keys
    def create_api_key(self, name: str, role: str = "screener", created_by: str = "cli") -> str:
        """Create a key for integration ``name`` and return it; it is never shown again."""
        check_role(role)
        if not _USERNAME.match(name or ""):
            raise Invalid("key name must be 2-64 letters, digits or . _ @ -")
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        conn = connection(self.store)
        with conn:
            conn.execute(
                "insert into api_keys (name, prefix, key_hash, role, created_at, created_by)"
                " values (?, ?, ?, ?, ?, ?)",
                [name, key[:KEY_DISPLAY_CHARS], hash_key(key), role, utcnow(), created_by])
        return key

    def verify_api_key(self, key: str) -> User | None:
        """The principal for a presented key, or None when unknown or revoked.

        A valid key is remembered for :data:`KEY_CACHE_S` seconds (one query less
        per API request); a revocation reaches every server process within that time.
        """
        if not key or not key.startswith(KEY_PREFIX):
            return None
        digest = hash_key(key)
        now = time.monotonic()
        cached = self._verified.get(digest)
        if cached is not None and cached[1] > now:
            return cached[0]
        row = connection(self.store).execute(
            "select id, name, role from api_keys where key_hash = ? and revoked_at is null",
            [digest]).fetchone()
        if row is None:
            self._verified.pop(digest, None)
            return None
        user = User(row[0], row[1], row[2], kind="apikey")
        self._verified[digest] = (user, now + KEY_CACHE_S)
        return user

    def revoke_api_keys(self, name: str) -> int:
        """Revoke every active key of integration ``name``; returns how many (404 when none)."""
        conn = connection(self.store)
        with conn:
            cur = conn.execute(
                "update api_keys set revoked_at = ? where name = ? and revoked_at is null",
                [utcnow(), name])
        if cur.rowcount == 0:
            raise NotFound(f"no active API key named {name!r}")
        self._verified = {k: v for k, v in self._verified.items() if v[0].name != name}
        return cur.rowcount

    def api_keys(self) -> list[dict]:
        """Every key: name, prefix, role, created_at, created_by, revoked_at (never the key)."""
        cols = ("name", "prefix", "role", "created_at", "created_by", "revoked_at")
        rows = connection(self.store).execute(
            f"select {', '.join(cols)} from api_keys order by id").fetchall()
        return [dict(zip(cols, r)) for r in rows]


def ensure_admin(accounts: Accounts, password: str | None = None,
                 username: str = "admin") -> str | None:
    """Create the first admin when no account exists.

    Returns the password to print once (generated when ``password`` is None), or
    None when accounts already exist and nothing was created.
    """
    if accounts.count_users() > 0:
        return None
    password = password or secrets.token_urlsafe(12)
    accounts.add_user(username, password, "admin")
    return password
