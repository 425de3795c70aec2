"""Bulk jobs: queued, run in a thread, state on disk readable by every server process."""

from __future__ import annotations

import io

import pytest

from screening.service.accounts import User
from screening.errors import BadInput, Forbidden, NotFound
from web.jobs import JobRunner

RITA = User(2, "rita", "reviewer")
SAM = User(1, "sam", "screener")


@pytest.fixture
def runner(fake_app):
    return fake_app.extensions["screening"].jobs


def test_job_runs_and_another_process_sees_it(runner, fake_app, tmp_path):
    job = runner.submit("客户.csv", io.BytesIO("name,country\nSkydio Inc.,US\nAcme,DE\n".encode()),
                        "rita", as_of="2026-11-22", after_horizon=None)
    done = runner.wait(job.id)
    assert (done.status, done.rows_done, done.counts) == ("done", 2, {"PROHIBITED": 1, "CLEAR": 1})
    other = JobRunner(fake_app.instance_path, fake_app.extensions["screening"])  # a second process
    seen = other.get(job.id, RITA)
    assert (seen.status, seen.rows_done, seen.filename) == ("done", 2, "客户.csv")
    assert [j.id for j in other.list(RITA)] == [job.id]
    assert other.list(SAM) == []


def test_other_users_job(runner):
    job = runner.submit("a.csv", io.BytesIO(b"name\nx\n"), "rita", as_of=None, after_horizon=None)
    runner.wait(job.id)
    with pytest.raises(Forbidden):
        runner.get(job.id, SAM)


@pytest.mark.parametrize("job_id", ["nope", "../../etc", "0123456789abcdef"])
def test_unknown_job(runner, job_id):
    with pytest.raises(NotFound):
        runner.get(job_id, RITA)


@pytest.mark.parametrize("name,data", [("a.exe", b"x"), ("a.csv", b""), ("", b"x")])
def test_rejected_uploads(runner, name, data):
    with pytest.raises(BadInput):
        runner.submit(name, io.BytesIO(data), "rita", as_of=None, after_horizon=None)


def test_interrupted_jobs_marked_failed_on_restart(runner, fake_app):
    import json

    job = runner.submit("a.csv", io.BytesIO(b"name\nx\n"), "rita", as_of=None, after_horizon=None)
    runner.wait(job.id)
    path = runner.root / job.id / "job.json"
    data = json.loads(path.read_text())
    data["status"] = "running"
    path.write_text(json.dumps(data))
    restarted = JobRunner(fake_app.instance_path, fake_app.extensions["screening"])
    again = restarted.get(job.id, RITA)
    assert again.status == "failed" and "restart" in again.message


# ------------------------------------------------- screened out of the server process
import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from screening.lists.store import open_store  # noqa: E402
from tests.web.conftest import FakeScreener, fake_factory, make_app  # noqa: E402
from web.bulkfile import run_file  # noqa: E402

ROWS = "name,country\nSkydio Inc.,US\nAcme,DE\n斯凯迪奥公司,\n=1+2,\n".encode()


def pid_factory(path: str) -> FakeScreener:
    """The fake screener; notes which process built it (module level: the child unpickles it)."""
    (Path(path).parent / "built-by").write_text(str(os.getpid()))
    return fake_factory(path)


class CrashingScreener(FakeScreener):
    """Dies like a process killed by the OOM killer on the name "crash"."""

    def check(self, name, *args, **kwargs):
        if name == "crash":
            os._exit(9)
        return super().check(name, *args, **kwargs)


def crash_factory(path: str) -> CrashingScreener:
    return CrashingScreener(open_store(path))


def test_job_screened_in_another_process_with_the_same_bytes(fake_app, db_path, tmp_path):
    app = make_app(db_path, tmp_path / "pid", SCREENER_FACTORY=pid_factory)
    runner = app.extensions["screening"].jobs
    job = runner.wait(runner.submit("a.csv", io.BytesIO(ROWS), "rita", as_of="2026-11-22",
                                    after_horizon=None).id)
    assert job.status == "done", job.message
    assert job.pid not in (None, os.getpid())
    assert (Path(db_path).parent / "built-by").read_text() == str(job.pid)
    src = tmp_path / "in.csv"
    src.write_bytes(ROWS)
    run_file(fake_factory(str(db_path)), src, tmp_path / "in-process.csv", as_of="2026-11-22")
    assert Path(job.output_path).read_bytes() == (tmp_path / "in-process.csv").read_bytes()


def test_job_records_its_lists_and_is_audited(runner, fake_app):
    job = runner.wait(runner.submit("b.csv", io.BytesIO(ROWS), "rita", as_of="2026-11-22",
                                    after_horizon=None).id)
    st = fake_app.extensions["screening"]
    assert job.list_versions == st.screener.list_versions and job.list_versions
    st.audit_writer.flush()
    (record,) = [r for r in st.audit.records() if r["action"] == "bulk"]
    assert json.loads(record["list_versions"]) == job.list_versions
    detail = json.loads(record["detail"])
    assert detail["job"] == job.id and detail["rows"] == 4
    assert detail["output_sha256"] == hashlib.sha256(
        Path(job.output_path).read_bytes()).hexdigest()


def test_a_crashing_child_fails_only_its_job(fake_app, db_path, tmp_path):
    app = make_app(db_path, tmp_path / "crash", SCREENER_FACTORY=crash_factory)
    runner = app.extensions["screening"].jobs
    job = runner.wait(runner.submit("c.csv", io.BytesIO(b"name\nAcme\ncrash\n"), "rita",
                                    as_of=None, after_horizon=None).id)
    assert job.status == "failed" and "exit code 9" in job.message
    again = runner.wait(runner.submit("d.csv", io.BytesIO(b"name\nSkydio Inc.\n"), "rita",
                                      as_of=None, after_horizon=None).id)
    assert (again.status, again.counts) == ("done", {"PROHIBITED": 1})
    st = app.extensions["screening"]
    st.audit_writer.flush()
    assert [json.loads(r["detail"])["status"] for r in st.audit.records()
            if r["action"] == "bulk"] == [
        "failed", "done"]


def test_job_names_newer_lists_than_the_server_serves(db_path, tmp_path):
    from dataclasses import replace

    from tests.web.conftest import ENTRIES, INFO, seed

    store = open_store(db_path)
    seed(store)
    app = make_app(db_path, tmp_path, SCREENER_FACTORY=fake_factory, RELOAD_INTERVAL=3600)
    st = app.extensions["screening"]
    served = dict(st.screener.list_versions)
    store.put_lists({"cn-uel": [ENTRIES[0]]}, replace(INFO, sha256="changed"))  # an update
    job = st.jobs.wait(st.jobs.submit("e.csv", io.BytesIO(b"name\nSkydio Inc.\n"), "rita",
                                      as_of=None, after_horizon=None).id)
    assert job.status == "done" and job.list_versions != served
    assert job.list_versions == {r["id"]: r["version"] for r in store.list_status()}
    assert "the lists changed during the job" in job.message


def slow_factory(path: str) -> None:
    """Notes the child's pid, then takes a minute (a big screener being built)."""
    (Path(path).parent / "child-pid").write_text(str(os.getpid()))
    time.sleep(60)


def gone(pid: int) -> bool:
    """True when ``pid`` has exited (a zombie waiting for its reaper counts as gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_the_child_ends_when_the_server_is_killed(db_path, tmp_path):
    root = Path(__file__).resolve().parents[2]
    src = tmp_path / "in.csv"
    src.write_bytes(ROWS)
    server = subprocess.Popen([sys.executable, "-c", (
        "from pathlib import Path\n"
        "from tests.web.test_jobs import slow_factory\n"
        "from web.bulkfile import run_file_in_child\n"
        f"run_file_in_child(slow_factory, {str(db_path)!r}, Path({str(src)!r}), "
        f"Path({str(tmp_path / 'out.csv')!r}))\n")], cwd=root)
    pid_file = Path(db_path).parent / "child-pid"
    end = time.monotonic() + 60
    while not pid_file.exists() and time.monotonic() < end and server.poll() is None:
        time.sleep(0.1)
    child = int(pid_file.read_text())
    server.send_signal(signal.SIGKILL)
    server.wait()
    end = time.monotonic() + 10
    while not gone(child) and time.monotonic() < end:
        time.sleep(0.1)
    assert gone(child)
