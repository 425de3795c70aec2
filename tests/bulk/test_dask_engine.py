"""The Dask engine gives exactly the local engine's answers (LocalCluster started here)."""

from __future__ import annotations

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed")

from distributed import Client, LocalCluster  # noqa: E402

from screening.bulk import screen_file  # noqa: E402
from screening.bulk.dask_engine import (ScreenerPayload, frame_queries,  # noqa: E402
                                        queries_frame)
from screening.bulk.rows import Query  # noqa: E402


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def test_partitions_round_trip_queries():
    qs = [Query("华为", "CN", ("Huawei", "HW"), "深圳", "2026-11-22", "literal",
                (("end_use", "military"), ("us_person", True)), (("Bank Rossiya", 30.0), ("SMIC", None))),
          Query("Acme", None, (), None, None, None, ())]
    df = queries_frame(qs)
    assert list(df.columns) == ["name", "country", "aliases", "address", "as_of",
                                "after_horizon", "context", "owners", "schema", "config"]
    assert frame_queries(df) == qs


def customers(path, n):
    names = ["华为技术有限公司", "Acme Corp", "Huawei Device", "Müller GmbH", "Acme Corp"]
    path.write_text("name,country\n" + "".join(f"{names[i % 5]} {i % 7},CN\n" for i in range(n)),
                    encoding="utf-8")
    return path


def test_toy_screener_on_dask_equals_local(tmp_path, toy_screener, client):
    src = customers(tmp_path / "c.csv", 300)
    local, dask = tmp_path / "local.csv", tmp_path / "dask.csv"
    screen_file(src, local, screener=toy_screener, workers=1, as_of="2026-11-22", chunk_rows=20)
    s = screen_file(src, dask, screener=toy_screener, engine="dask", client=client,
                    as_of="2026-11-22", chunk_rows=20)
    assert (s.engine, s.workers, s.rows) == ("dask", 2, 300)
    assert dask.read_bytes() == local.read_bytes()


def test_payload_of_a_real_screener_is_a_database_snapshot(real_screener):
    payload = ScreenerPayload.from_screener(real_screener)
    assert payload.kind == "database"
    assert payload.data.startswith(b"SQLite format 3\x00")
    assert "SECRET_KEY" not in payload.settings and "DB_PATH" not in payload.settings
    assert payload.settings["MATCH_THRESHOLD"] == pytest.approx(0.85, abs=0.2)


def test_real_screener_on_dask_equals_local(tmp_path, real_screener, client):
    """The lists travel as a database snapshot; each worker builds its own screener."""
    rows = ["Lockheed Martin Corporation", "洛克希德·马丁公司", "Raytheon Missiles & Defense",
            "Skydio Inc", "Hikvision Robotics", "Acme Trading GmbH", "北京华科电子有限公司",
            "TechInsights Inc", "General Atomics Aeronautical Systems Inc"]
    src = tmp_path / "c.csv"
    src.write_text("company,country,end use\n" + "".join(
        f"{rows[i % len(rows)]},{'US' if i % 2 else ''},{'military' if i % 3 == 0 else ''}\n"
        for i in range(60)), encoding="utf-8")
    local, dask = tmp_path / "local.csv", tmp_path / "dask.csv"
    screen_file(src, local, screener=real_screener, workers=2, as_of="2026-11-22", chunk_rows=7)
    s = screen_file(src, dask, screener=real_screener, engine="dask", client=client,
                    as_of="2026-11-22", chunk_rows=7)
    assert (s.engine, s.rows, s.errors) == ("dask", 60, 0)
    assert dask.read_bytes() == local.read_bytes()
    assert b":lockheed-martin," in dask.read_bytes()
