"""API latency while a bulk job runs in the server (issue 13 item 8).

Same setup and load as ``bench/api_load.py`` (16 clients, each at its key's rate
limit, against ``POST /api/v1/screen`` on the CSL + China lists). Two phases:

1. the load alone (the no-job figures);
2. an admin signs in through the UI and uploads a bulk file (``--rows`` rows,
   20,000 by default, built in the temporary folder from the shared yente files
   like ``bench/bulk_throughput.py``; never committed); once the job has screened
   its first rows, the same load runs again. The figures of phase 2 count only
   the requests sent while the job was still running.

The job's output is downloaded and its sha256 printed (compare runs of two code
versions; ``--keep DIR`` keeps it as ``DIR/job-output.csv`` for ``cmp``).

    .venv/bin/python bench/api_load_with_job.py [--rows 20000] [--requests 150]
                                                [--processes 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import http.cookiejar
import json
import os
import re
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import (CSL, NEGATIVES, POSITIVES, build_queries, free_port,  # noqa: E402
                      make_keys, percentile, prepare_db, run_load, start_server,
                      tear_down)
from bulk_throughput import build_input  # noqa: E402

ADMIN = ("admin", "bench-admin-pw-1")  # the first account `screening serve` creates
JOB_TIMEOUT_S = 900


class UI:
    """A signed-in browser session (cookies + CSRF tokens) on the server's UI."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> bytes:
        with self.opener.open(self.base + path, timeout=30) as resp:
            return resp.read()

    def csrf(self, path: str) -> str:
        m = re.search(rb'name="csrf_token" value="([^"]+)"', self.get(path))
        if not m:
            raise SystemExit(f"no CSRF token on {path}")
        return m.group(1).decode()

    def login(self, user: str, password: str) -> None:
        body = urllib.parse.urlencode({"username": user, "password": password,
                                       "csrf_token": self.csrf("/login")}).encode()
        self.opener.open(self.base + "/login", data=body, timeout=30).read()

    def upload(self, path: Path, as_of: str) -> str:
        """Upload a file on /bulk; the job id (from the redirect)."""
        boundary = uuid.uuid4().hex
        parts = [(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n')
                 .encode() for k, v in (("csrf_token", self.csrf("/bulk")), ("as_of", as_of))]
        parts.append((f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                      f'filename="{path.name}"\r\nContent-Type: text/csv\r\n\r\n').encode()
                     + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode())
        req = urllib.request.Request(self.base + "/bulk", data=b"".join(parts), headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}"})
        with self.opener.open(req, timeout=120) as resp:
            return resp.geturl().rstrip("/").rsplit("/", 1)[-1]

    def status(self, job_id: str) -> dict:
        return json.loads(self.get(f"/bulk/{job_id}/status"))


class Watch(threading.Thread):
    """Poll a job's status every 0.2 s; note when it finished (perf_counter)."""

    def __init__(self, ui: UI, job_id: str) -> None:
        super().__init__(daemon=True)
        self.ui, self.job_id = ui, job_id
        self.last: dict = {}
        self.finished_at: float | None = None

    def run(self) -> None:
        end = time.monotonic() + JOB_TIMEOUT_S
        while time.monotonic() < end:
            self.last = self.ui.status(self.job_id)
            if self.last["status"] in ("done", "failed"):
                self.finished_at = time.perf_counter()
                return
            time.sleep(0.2)


def figures(ms: list[float]) -> dict:
    """p50/p95/p99/max of a list of latencies in ms."""
    if not ms:
        return {"requests": 0}
    return {"requests": len(ms), "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1), "p99_ms": round(percentile(ms, 99), 1),
            "max_ms": round(max(ms), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=150, help="measured requests per client")
    parser.add_argument("--rows", type=int, default=20_000, help="rows of the bulk job")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="reuse / keep the database and output here")
    args = parser.parse_args()
    for path in (CSL, NEGATIVES, POSITIVES):
        if not path.exists():
            print(f"needs {path} (shared data absent)", file=sys.stderr)
            return 2
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from screening import settings

    rate = settings.RATE_LIMIT / 60.0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="api-load-job-"))
    folder.mkdir(parents=True, exist_ok=True)
    proc = None
    try:
        db = prepare_db(folder)
        src = folder / f"bulk-{args.rows}.csv"
        build_input(src, args.rows)
        port = free_port()
        proc = start_server(db, port, args.threads, args.processes)
        keys = make_keys(db, args.clients)
        queries = build_queries(db, 2000)
        alone = run_load(port, keys, queries, args.requests, rate, proc.pid)
        print(f"no job: p50 {alone['p50_ms']} p95 {alone['p95_ms']} p99 {alone['p99_ms']} "
              f"max {alone['max_ms']} ms, errors {alone['errors']}", file=sys.stderr)

        ui = UI(port)
        ui.login(*ADMIN)
        t_submit = time.perf_counter()
        job_id = ui.upload(src, "2026-11-22")
        while (st := ui.status(job_id))["rows_done"] == 0 and st["status"] not in ("done", "failed"):
            time.sleep(0.1)
        first_rows_s = time.perf_counter() - t_submit
        watch = Watch(ui, job_id)
        watch.start()
        samples: list = []
        during = run_load(port, keys, queries, args.requests, rate, proc.pid, samples)
        watch.join(JOB_TIMEOUT_S)
        job = watch.last
        end = watch.finished_at or float("inf")
        in_job = figures([ms for t, ms in samples if t < end])
        output = ui.get(f"/bulk/{job_id}/download") if job.get("status") == "done" else b""
        if args.keep:
            (folder / "job-output.csv").write_bytes(output)
    finally:
        tear_down(proc, folder, keep=args.keep is not None)
    wall = (job.get("finished_at") or 0) - (job.get("started_at") or 0)
    result = {"no_job": figures_of(alone), "during_job": in_job, "errors": during["errors"],
              "job": {"status": job.get("status"), "rows": job.get("rows_done"),
                      "seconds": round(wall, 1), "first_rows_after_s": round(first_rows_s, 1),
                      "message": job.get("message"),
                      "output_sha256": hashlib.sha256(output).hexdigest()}}
    print(json.dumps(result, indent=1))
    return 0 if job.get("status") == "done" and during["errors"] == 0 else 1


def figures_of(result: dict) -> dict:
    """The latency figures of a ``run_load`` result."""
    return {k: result[k] for k in ("requests", "errors", "p50_ms", "p95_ms", "p99_ms", "max_ms")}


if __name__ == "__main__":
    sys.exit(main())
