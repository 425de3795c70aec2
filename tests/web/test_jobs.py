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
