"""The screener is built at start and rebuilt in the background when the lists change."""

from __future__ import annotations

import time

from screening.lists.store import open_store
from tests.web.conftest import ENTRIES, INFO, FakeScreener, api_key, make_app, seed


def test_rebuild_when_lists_change(db_path, tmp_path):
    seed(open_store(db_path))
    app = make_app(db_path, tmp_path, RELOAD_INTERVAL=0.0,
                   SCREENER_FACTORY=lambda p: FakeScreener(open_store(p)))
    holder = app.extensions["screening"].holder
    first = holder.get()
    assert holder.get() is first  # nothing changed: no rebuild
    assert holder.rebuilds == 0
    open_store(db_path).put_lists({"cn-uel": ENTRIES[:1]}, INFO)  # a new version
    holder.get()
    holder.wait_idle()
    assert holder.get() is not first and holder.rebuilds == 1
    assert holder.get().list_versions["cn-uel"] == 2


def test_requests_keep_old_screener_while_rebuilding(db_path, tmp_path):
    seed(open_store(db_path))
    slow = {"on": False}

    def factory(path):
        if slow["on"]:
            time.sleep(0.5)
        return FakeScreener(open_store(path))

    app = make_app(db_path, tmp_path, RELOAD_INTERVAL=0.0, SCREENER_FACTORY=factory)
    key = api_key(app)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    slow["on"] = True
    open_store(db_path).put_lists({"cn-uel": ENTRIES[:1]}, INFO)
    t0 = time.monotonic()
    resp = client.post("/api/v1/screen", json={"name": "Skydio Inc."}, headers=headers)
    assert resp.status_code == 200 and time.monotonic() - t0 < 0.4
    assert resp.json["list_versions"]["cn-uel"] == 1  # still the old lists
    app.extensions["screening"].holder.wait_idle()
    resp = client.post("/api/v1/screen", json={"name": "Skydio Inc."}, headers=headers)
    assert resp.json["list_versions"]["cn-uel"] == 2


def test_failed_rebuild_keeps_serving(db_path, tmp_path):
    seed(open_store(db_path))
    calls = {"n": 0}

    def factory(path):
        calls["n"] += 1
        if calls["n"] > 1:
            raise RuntimeError("broken lists")
        return FakeScreener(open_store(path))

    app = make_app(db_path, tmp_path, RELOAD_INTERVAL=0.0, SCREENER_FACTORY=factory)
    holder = app.extensions["screening"].holder
    first = holder.get()
    open_store(db_path).put_lists({"cn-uel": ENTRIES[:1]}, INFO)
    holder.get()
    holder.wait_idle()
    assert holder.get() is first


def test_check_interval_limits_version_queries(db_path, tmp_path):
    seed(open_store(db_path))
    app = make_app(db_path, tmp_path, RELOAD_INTERVAL=3600.0,
                   SCREENER_FACTORY=lambda p: FakeScreener(open_store(p)))
    holder = app.extensions["screening"].holder
    seen = []
    holder.version = lambda: seen.append(1) or "x"
    for _ in range(100):
        holder.get()
    assert seen == []


def test_screener_warmed_up_on_every_script(db_path, tmp_path):
    from web.state import WARM_UP_NAMES

    seed(open_store(db_path))
    seen = []

    class Spy(FakeScreener):
        def check(self, name, *args, **kwargs):
            seen.append(name)
            return super().check(name, *args, **kwargs)

    make_app(db_path, tmp_path, SCREENER_FACTORY=lambda p: Spy(open_store(p)))
    assert seen == list(WARM_UP_NAMES)


def test_a_replaced_screener_is_freed(db_path, tmp_path):
    """Screeners are frozen (gc.freeze); a replaced one with reference cycles must still go."""
    import weakref

    class CyclicScreener(FakeScreener):
        def __init__(self, store):
            super().__init__(store)
            self.me = self  # the real index has cycles like this one

    seed(open_store(db_path))
    app = make_app(db_path, tmp_path, RELOAD_INTERVAL=0.0,
                   SCREENER_FACTORY=lambda p: CyclicScreener(open_store(p)))
    holder = app.extensions["screening"].holder
    first = weakref.ref(holder.get())
    open_store(db_path).put_lists({"cn-uel": ENTRIES[:1]}, INFO)
    holder.get()
    holder.wait_idle()
    assert holder.rebuilds == 1
    assert first() is None
    in_use = holder.get()  # a bulk job screening with it while the lists change
    second = weakref.ref(in_use)
    open_store(db_path).put_lists({"cn-uel": ENTRIES}, INFO)
    holder.get()
    holder.wait_idle()
    assert holder.rebuilds == 2 and second() is not None
    del in_use  # the job ends
    holder.collect_replaced()
    for _ in range(100):
        if second() is None:
            break
        time.sleep(0.05)
    assert second() is None
