"""What the app holds between requests: the screener, the store, the services.

The screener is built once in ``create_app``. At most every ``RELOAD_INTERVAL``
seconds a request checks ``store.data_version()`` (one small query); when the
lists changed (``screening lists update`` ran), a background thread builds a
new screener while requests keep using the old one, then swaps it in. No list
is ever parsed inside a request. The same periodic check also freezes the
objects that survived garbage collection (:func:`freeze_survivors`).
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app

from screening import settings
from screening.service.accounts import Accounts
from screening.service.audit import AuditLog
from screening.service.audit_writer import AuditWriter, recover_journals
from screening.service.decisions import DecisionBook
from screening.heap import freeze_survivors, release_frozen
from screening.lists.store import Store, open_store

from .ratelimit import RateLimiter, SharedRateLimiter
from .throttle import LoginThrottle

log = logging.getLogger(__name__)

_local = threading.local()


def default_factory(db_path: str) -> Any:
    """Build the real screener (loads the project lists on first use)."""
    from screening.service.screen import open_screener

    return open_screener(db_path)


#: Seconds between two :func:`freeze_survivors` (each costs ~1-3 ms when frequent).
FREEZE_INTERVAL_S = 1.0

#: One name per script the matcher handles: screening them once at build time
#: loads its lazily-loaded tables (kana readings, pinyin phrases...) before the
#: first real request, and before ``--processes`` forks, so workers share them.
#: Measured: the first kana name cost ~700 ms and the first Chinese one ~180 ms.
WARM_UP_NAMES = ("Acme Trading Co., Ltd.", "华为技术有限公司", "聯合技術系統有限公司",
                 "さゆり 橋本", "株式会社ヤマダ", "ООО Ромашка", "شركة الاتصالات المتحدة",
                 "삼성전자 주식회사", "Ελληνική Εταιρεία Α.Ε.", "บริษัท ไทย จำกัด",
                 "हिन्दुस्तान एयरोनॉटिक्स", "Müller & Søn GmbH")


def warm_up(screener: Any) -> None:
    """Screen :data:`WARM_UP_NAMES` once (results discarded, nothing audited)."""
    for name in WARM_UP_NAMES:
        try:
            screener.check(name, apply_decisions=False)
        except TypeError:  # a screener without the keyword (test doubles)
            screener.check(name)
        except Exception:  # warming is best effort; real requests report their errors
            log.exception("warm-up check of %r failed", name)


class ScreenerHolder:
    """The current screener, rebuilt in the background when the lists change."""

    def __init__(self, factory: Callable[[str], Any], db_path: str, interval: float,
                 version: Callable[[], str]) -> None:
        self.factory = factory
        self.db_path = db_path
        self.interval = interval
        self.version = version
        self._screener = self._build()
        self._lock = threading.Lock()
        self._next_check = time.monotonic() + interval
        self._next_freeze = time.monotonic() + FREEZE_INTERVAL_S
        self._rebuilding = False
        self._replaced: weakref.ref | None = None  # a replaced screener still in use
        self.rebuilds = 0

    def get(self) -> Any:
        """The screener to use now; starts a rebuild when the data changed."""
        now = time.monotonic()
        due_freeze, due_check = now >= self._next_freeze, now >= self._next_check
        if (due_freeze or due_check) and self._lock.acquire(blocking=False):
            try:
                if due_freeze:
                    self._next_freeze = now + FREEZE_INTERVAL_S
                    freeze_survivors()
                if due_check:
                    self._next_check = now + self.interval
                    self._check_version()
            finally:
                self._lock.release()
        return self._screener

    def _check_version(self) -> None:
        """Start a background rebuild when the lists in force changed."""
        current = getattr(self._screener, "data_version", None)
        if not self._rebuilding and current is not None and self.version() != current:
            self._rebuilding = True
            threading.Thread(target=self._rebuild, name="screener-rebuild", daemon=True).start()

    def _build(self) -> Any:
        """A new screener, warmed up, its long-lived objects frozen."""
        screener = self.factory(self.db_path)
        warm_up(screener)
        freeze_survivors()
        return screener

    def _rebuild(self) -> None:
        try:
            screener = self._build()
            old, self._screener = weakref.ref(self._screener), screener
            self.rebuilds += 1
            log.info("screener rebuilt for data version %s", screener.data_version)
            del screener
            self._release_old(old)
        except Exception:  # keep serving the previous lists
            log.exception("screener rebuild failed; previous lists stay in use")
        finally:
            self._rebuilding = False

    def _release_old(self, old: weakref.ref) -> None:
        """Free the previous screener: it was frozen, so its reference cycles never would be.

        Measured on the full lists: each rebuild otherwise kept ~240 MB per server
        process for good (612 MB, then 866, 1,104, 1,337 MB; with this: 849, 690,
        865 MB). One full collection (1.5-2.5 s on the full lists on a busy
        machine, in this background thread, once per list update) frees it. A
        screener still in use (a bulk job) survives it: it is kept in
        :attr:`_replaced` and collected again by :meth:`collect_replaced`.
        """
        with self._lock:  # no freeze_survivors from a request meanwhile
            release_frozen()
        self._replaced = old if old() is not None else None

    def collect_replaced(self) -> None:
        """Free a replaced screener that was still in use at the swap (after a bulk job)."""
        old, self._replaced = self._replaced, None
        if old is not None and old() is not None:
            threading.Thread(target=self._release_old, args=(old,), name="screener-release",
                             daemon=True).start()

    def wait_idle(self, timeout: float = 60.0) -> None:
        """Block until a running rebuild finished (tests)."""
        end = time.monotonic() + timeout
        while self._rebuilding and time.monotonic() < end:
            time.sleep(0.05)


@dataclass
class WebState:
    """Everything the views share; one per app (``app.extensions["screening"]``)."""

    db_path: str
    store: Store
    holder: ScreenerHolder
    accounts: Accounts
    audit: AuditLog
    audit_writer: AuditWriter
    limiter: RateLimiter
    login_throttle: LoginThrottle
    jobs: Any = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def start(cls, app: Flask) -> "WebState":
        """Open the store, build the screener and the services for ``app``."""
        db_path = str(app.config["DB_PATH"])
        store = open_store(db_path)
        factory = app.config.get("SCREENER_FACTORY") or default_factory
        state = cls(
            db_path=db_path,
            store=store,
            holder=ScreenerHolder(factory, db_path, float(app.config["RELOAD_INTERVAL"]),
                                  lambda: thread_store(db_path).data_version()),
            accounts=Accounts(store),
            audit=(audit := AuditLog(store)),
            audit_writer=AuditWriter(audit, wait_s=settings.AUDIT_WAIT_S),
            limiter=SharedRateLimiter(int(app.config["RATE_LIMIT"])),
            login_throttle=LoginThrottle(),  # shared memory: made before serve forks
        )
        state.audit.seal()  # an older, unkeyed log is keyed before anything is appended
        recover_journals(state.audit)  # records a killed server had acknowledged
        from .jobs import JobRunner

        state.jobs = JobRunner(app.instance_path, state)
        return state

    @property
    def screener(self) -> Any:
        """The screener for this request."""
        return self.holder.get()

    @property
    def decisions(self) -> DecisionBook:
        """The review decisions: the screener's own book (loaded in one place, the core)."""
        return self.screener.decisions


def thread_store(db_path: str) -> Store:
    """This thread's own ``Store`` on ``db_path`` (Store methods are not shared across threads)."""
    stores: dict[str, Store] | None = getattr(_local, "stores", None)
    if stores is None:
        stores = _local.stores = {}
    store = stores.get(db_path)
    if store is None:
        store = stores[db_path] = open_store(db_path)
    return store


def state() -> WebState:
    """The current app's :class:`WebState`."""
    return current_app.extensions["screening"]


def store() -> Store:
    """A store for reading lists and entries on this request's thread."""
    return thread_store(state().db_path)
