"""Bulk files uploaded in the UI, screened in a child process.

An upload is saved under ``<instance>/bulk/<job id>/``, queued, and screened by
one worker thread of the server (one job at a time per server process), which
hands the file to a spawned, lower-priority child process with its own screener
built from the same database (:func:`web.bulkfile.run_file_in_child`): the
job's CPU work never holds the server's GIL, so the API stays responsive. The
job's state (rows done, counts per outcome, status, the child's pid and the list
versions it used) is kept in ``job.json`` beside the files and read back from
there, so the page can poll it from any server process and jobs survive a
restart. The screening itself
is :func:`screening.bulk.screen_file`, the same as ``screening screen``
(:mod:`web.bulkfile`), after the file was read once in a memory- and
time-limited child process (:mod:`screening.bulk.preflight`).
"""

from __future__ import annotations

import json
import logging
import queue
import re
import secrets
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from collections.abc import Sequence
from typing import Any

from screening import settings
from screening.service.audit import BulkRun, record_screenings
from screening.bulk.preflight import preflight
from screening.connections import close_thread_connections
from screening.errors import BadInput, Forbidden, NotFound

log = logging.getLogger(__name__)

#: Upload types accepted.
EXTENSIONS = (".csv", ".xlsx", ".txt", ".tsv")

#: Job ids are 16 hex digits (also their folder names).
JOB_ID = re.compile(r"^[0-9a-f]{16}$")

#: Seconds between two writes of job.json while running.
SAVE_EVERY_S = 0.5


@dataclass
class Job:
    """One uploaded file and where its screening is."""

    id: str
    user: str
    filename: str
    input_path: str
    output_path: str
    as_of: str | None = None
    after_horizon: str | None = None
    status: str = "queued"  # queued | running | done | failed
    rows_total: int | None = None
    rows_done: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    created_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    message: str | None = None
    pid: int | None = None  # the process that screened the rows
    list_versions: dict | None = None  # the lists they were screened against

    def to_dict(self) -> dict:
        """The job as the status endpoint returns it (no server paths)."""
        d = asdict(self)
        d.pop("input_path")
        d.pop("output_path")
        d["percent"] = self.percent
        d["output_name"] = Path(self.output_path).name
        return d

    @property
    def percent(self) -> int:
        """Progress in whole percent (100 when done)."""
        if self.status == "done":
            return 100
        if not self.rows_total:
            return 0
        return min(99, int(100 * self.rows_done / self.rows_total))


class JobRunner:
    """Queue and run bulk jobs; one worker thread."""

    def __init__(self, instance_path: str, web_state: Any) -> None:
        self.root = Path(instance_path) / "bulk"
        self.root.mkdir(parents=True, exist_ok=True)
        self.state = web_state
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._queue: queue.Queue[str] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._load()

    # ------------------------------------------------------------- persistence
    def _load(self) -> None:
        for path in sorted(self.root.glob("*/job.json")):
            try:
                job = Job(**json.loads(path.read_text(encoding="utf-8")))
            except (ValueError, TypeError):
                continue
            if job.status in ("queued", "running"):  # the process running it is gone
                job.status, job.message = "failed", "interrupted by a restart; upload again"
                self._save(job)
            self._jobs[job.id] = job

    def _save(self, job: Job) -> None:
        path = Path(job.input_path).parent / "job.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(job), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    # ----------------------------------------------------------------- submit
    def submit(self, filename: str, stream: Any, user: str, *, as_of: str | None,
               after_horizon: str | None) -> Job:
        """Save an upload and queue it; 400 for a file type we cannot read."""
        safe = Path(filename or "").name
        ext = Path(safe).suffix.lower()
        if ext not in EXTENSIONS:
            raise BadInput(f"upload a CSV or XLSX file, not {safe or 'nothing'!r}")
        job_id = secrets.token_hex(8)
        folder = self.root / job_id
        folder.mkdir()
        in_path = folder / ("input" + ext)
        with in_path.open("wb") as f:
            while chunk := stream.read(1 << 20):
                f.write(chunk)
        if in_path.stat().st_size == 0:
            raise BadInput("the uploaded file is empty")
        out_ext = ".xlsx" if ext == ".xlsx" else ".csv"
        stem = Path(safe).stem[:80] or "file"
        job = Job(id=job_id, user=user, filename=safe, input_path=str(in_path),
                  output_path=str(folder / f"{stem}-screened{out_ext}"),
                  as_of=as_of, after_horizon=after_horizon)
        with self._lock:
            self._jobs[job_id] = job
            self._save(job)
        self._queue.put(job_id)
        self._ensure_worker()
        return job

    def _ensure_worker(self) -> None:
        with self._lock:
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="bulk-jobs", daemon=True)
                self._worker.start()

    # ------------------------------------------------------------------ query
    def _read(self, job_id: str) -> Job | None:
        """A job as its ``job.json`` says (the truth when several server processes run)."""
        if not JOB_ID.match(job_id):
            return None
        local = self._jobs.get(job_id)
        if local is not None and local.status in ("queued", "running"):
            return local  # this process runs it: memory is fresher than the file
        try:
            data = json.loads((self.root / job_id / "job.json").read_text(encoding="utf-8"))
            return Job(**data)
        except (OSError, ValueError, TypeError):
            return local

    def get(self, job_id: str, user: Any) -> Job:
        """A job the user may see (own jobs; admins see all); 404 otherwise."""
        job = self._read(job_id)
        if job is None:
            raise NotFound(f"no bulk job {job_id!r}")
        if job.user != user.label and not user.can("admin"):
            raise Forbidden("this bulk job belongs to another user")
        return job

    def list(self, user: Any, limit: int = 20) -> list[Job]:
        """The user's recent jobs, newest first (read from disk: any process's jobs)."""
        folders = sorted((p for p in self.root.iterdir() if JOB_ID.match(p.name)),
                         key=lambda p: p.stat().st_mtime, reverse=True)
        jobs = []
        for folder in folders:
            job = self._read(folder.name)
            if job is not None and (job.user == user.label or user.can("admin")):
                jobs.append(job)
            if len(jobs) >= limit:
                break
        return sorted(jobs, key=lambda j: j.created_at, reverse=True)

    def wait(self, job_id: str, timeout: float = 60.0) -> Job:
        """Block until a job finished (tests and scripts)."""
        end = time.monotonic() + timeout
        job = self._read(job_id)
        while time.monotonic() < end and job is not None:
            if job.status in ("done", "failed"):
                return job
            time.sleep(0.05)
            job = self._read(job_id)
        raise TimeoutError(f"bulk job {job_id} not finished")

    # ------------------------------------------------------------------- work
    def _work(self) -> None:
        while True:
            try:
                job_id = self._queue.get(timeout=30)
            except queue.Empty:
                close_thread_connections()
                return
            try:
                self._run(self._jobs[job_id])
            finally:
                self._queue.task_done()

    def _run(self, job: Job) -> None:
        from .bulkfile import run_file_in_child

        job.status, job.started_at = "running", time.time()
        self._save(job)
        last_save = [time.monotonic()]

        def progress(done: int, total: int | None, counts: dict[str, int], errors: int) -> None:
            job.rows_done, job.rows_total, job.counts, job.errors = done, total, dict(counts), errors
            if time.monotonic() - last_save[0] >= SAVE_EVERY_S:
                last_save[0] = time.monotonic()
                self._save(job)

        holder = self.state.holder
        flagged: Sequence[tuple[int, str]] = []
        try:
            # Parsed first in a memory- and time-limited child process: a hostile
            # file (a decompression bomb...) fails its job, never the server.
            facts = preflight(Path(job.input_path))
            job.rows_total = facts["rows"]
            summary = run_file_in_child(holder.factory, holder.db_path, Path(job.input_path),
                                        Path(job.output_path), as_of=job.as_of,
                                        after_horizon=job.after_horizon, progress=progress)
        except Exception as exc:  # a bad file fails its job, never the app
            log.exception("bulk job %s failed", job.id)
            job.status, job.message = "failed", getattr(exc, "message", None) or str(exc)
            detail = getattr(exc, "detail", {})
            job.pid, job.list_versions = detail.get("pid"), detail.get("list_versions")
        else:
            job.status = "done"
            job.rows_done = job.rows_total = summary["rows"]
            job.counts, job.errors = summary["counts"], summary["errors"]
            job.pid, job.list_versions = summary["pid"], summary["list_versions"]
            flagged = summary.get("flagged") or []
            job.message = _lists_note(summary.get("data_version"), self.state.screener)
        job.finished_at = time.time()
        # audited before it is seen finished: whoever reads "done" (the UI, a test
        # that flushes the audit writer) finds the job's record queued
        self._audit(job, flagged)
        self._save(job)
        holder.collect_replaced()  # the lists may have changed during the job

    def _audit(self, job: Job, flagged: Sequence[tuple[int, str]]) -> None:
        """The job's one audit record; its non-CLEAR rows' results go to the history."""
        run = BulkRun(filename=job.filename, input_path=job.input_path,
                      output_path=job.output_path, job=job.id, status=job.status,
                      as_of=job.as_of or date.today().isoformat(),
                      after_horizon=job.after_horizon or settings.AFTER_HORIZON,
                      list_versions=job.list_versions,
                      rows=job.rows_done, counts=job.counts, errors=job.errors,
                      message=job.message, flagged=flagged)
        record_screenings(self.state.audit_writer, job.user, via="ui-bulk", run=run, wait=False)


def _lists_note(job_version: str | None, server: Any) -> str | None:
    """A note when the job's child screened against other lists than the server holds.

    The child builds its screener from the database when the job starts: the
    lists in force then. The server swaps in new lists a few seconds after an
    update, so the two can differ briefly; the job record names the versions used.
    """
    served = getattr(server, "data_version", None)
    if job_version is None or served is None or job_version == served:
        return None
    return (f"screened against list data version {job_version}; the server was serving "
            f"{served} (the lists changed during the job)")
