"""Soak test (not CI): 16 API clients for 10 minutes, a list update and a bulk job midway.

What it shows: the service keeps answering, with every answer audited, while the
lists change under it and a bulk file is screened in the same server, and its
memory does not keep growing.

Setup, in a temporary folder (nothing committed): a database with the CSL
(``../shared/data/derived/csl-2026.csv``) and the project's China lists, as in
:mod:`bench.api_load`; ``screening serve --processes N`` on 127.0.0.1; one API
key per client. Load: each client keeps a keep-alive connection and sends
``POST /api/v1/screen`` at ``--rate`` requests/s (exponential gaps) for
``--minutes``, from the same seeded query mix as ``api_load``. At 40% of the run
``screening lists update us-csl --file`` re-imports the CSL (a new version: the
server rebuilds its screener in the background); at 50% an admin uploads a
2,000-row CSV through the UI's Bulk page.

Report: requests, errors by kind, latency p50/p95/p99/max overall and per phase
(before, during the update and the bulk job, after), the server's memory (RSS of
every server process, sampled every 5 s: after warm-up, peak, at the end), and
whether the audit log holds exactly one ``screen`` record per 200 answered
(and verifies).

    .venv/bin/python bench/soak.py [--minutes 10] [--clients 16] [--rate 2] [--processes 2]
                                   [--json]

Exit status 0 when there were no errors and audit records == answered requests.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import http.cookiejar
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from api_load import (CSL, NEGATIVES, POSITIVES, ROOT, build_queries, free_port,  # noqa: E402
                      make_keys, percentile, prepare_db, python, start_server)

sys.path.insert(0, str(ROOT))

ADMIN_PASSWORD = "bench-admin-pw-1"  # api_load.start_server creates the admin with it

#: Where in the run (share of the duration) the list update and the bulk job start.
UPDATE_AT, BULK_AT = 0.4, 0.5

#: Rows of the bulk file uploaded midway.
BULK_ROWS = 2000


class SoakClient(threading.Thread):
    """One integration: its key, one connection, requests until ``stop_at``."""

    def __init__(self, port: int, key: str, queries: list[dict], rate: float, stop_at: float,
                 seed: int) -> None:
        super().__init__(daemon=True)
        self.port, self.key, self.queries, self.rate, self.stop_at = port, key, queries, rate, stop_at
        self.rng = random.Random(seed)
        self.samples: list[tuple[float, float]] = []  # (monotonic send time, seconds)
        self.errors: list[tuple[float, str]] = []

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        i, next_at = 0, time.monotonic()
        while True:
            next_at += self.rng.expovariate(self.rate)
            if next_at >= self.stop_at:
                break
            time.sleep(max(0.0, next_at - time.monotonic()))
            body = json.dumps(self.queries[i % len(self.queries)], ensure_ascii=False).encode()
            i += 1
            t0 = time.monotonic()
            try:
                conn.request("POST", "/api/v1/screen", body=body, headers={
                    "Authorization": f"Bearer {self.key}", "Content-Type": "application/json"})
                resp = conn.getresponse()
                data = resp.read()
                if resp.status == 200:
                    json.loads(data)["outcome"]
                    self.samples.append((t0, time.monotonic() - t0))
                else:
                    self.errors.append((t0, f"HTTP {resp.status}: {data[:100]!r}"))
            except (OSError, ValueError, KeyError, http.client.HTTPException) as exc:
                self.errors.append((t0, repr(exc)))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.close()


def server_rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, MB (Linux /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    kb = int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
    return kb / 1024 + sum(server_rss_mb(int(c)) for c in children)


def bulk_csv(queries: list[dict]) -> bytes:
    """A customer file of :data:`BULK_ROWS` names."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["customer_name", "country"])
    for i in range(BULK_ROWS):
        writer.writerow([queries[i % len(queries)]["name"], ""])
    return out.getvalue().encode("utf-8")


def upload_bulk(port: int, data: bytes) -> str:
    """Sign in as admin and upload ``data`` on the Bulk page; returns the job URL."""
    base = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(
        http.cookiejar.CookieJar()))

    def csrf(path: str) -> str:
        page = opener.open(base + path).read().decode()
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    form = urllib.parse.urlencode({"username": "admin", "password": ADMIN_PASSWORD,
                                   "csrf_token": csrf("/login")}).encode()
    opener.open(base + "/login", data=form)
    token, boundary = csrf("/bulk"), uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
            f"{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"soak.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode() + data + (
            f"\r\n--{boundary}--\r\n").encode()
    req = urllib.request.Request(base + "/bulk", data=body, headers={
        "Content-Type": f"multipart/form-data; boundary={boundary}"})
    return opener.open(req).geturl()


def audit_counts(db: Path) -> tuple[int, bool, str]:
    """(screen records written through the API, chain verifies, verify message)."""
    from screening.service.audit import AuditLog
    from screening.lists.store import open_store

    log = AuditLog(open_store(db))
    n = sum(1 for r in log.records() if r["action"] == "screen"
            and json.loads(r["detail"] or "{}").get("via") == "api")
    report = log.verify()
    return n, report.ok, report.message


def phase_stats(samples: list[tuple[float, float]]) -> dict:
    ms = [s * 1000 for _, s in samples]
    if not ms:
        return {"requests": 0}
    return {"requests": len(ms), "p50_ms": round(percentile(ms, 50), 1),
            "p95_ms": round(percentile(ms, 95), 1), "p99_ms": round(percentile(ms, 99), 1),
            "max_ms": round(max(ms), 1)}


def run(args: argparse.Namespace, folder: Path) -> dict:
    db = prepare_db(folder)
    port = free_port()
    proc = start_server(db, port, args.threads, args.processes)
    events: dict[str, float] = {}
    memory: list[tuple[float, float]] = []
    try:
        keys = make_keys(db, args.clients)
        queries = build_queries(db, 2000)
        audited_before = audit_counts(db)[0]
        start = time.monotonic()
        duration = args.minutes * 60
        stop_at = start + duration
        clients = [SoakClient(port, key, queries[i::args.clients], args.rate, stop_at, seed=i)
                   for i, key in enumerate(keys)]
        for c in clients:
            c.start()
        update = bulk_url = None
        while time.monotonic() < stop_at:
            now = time.monotonic()
            memory.append((now - start, server_rss_mb(proc.pid)))
            if update is None and now - start >= UPDATE_AT * duration:
                events["update_start"] = now
                update = subprocess.Popen(
                    [python(), "-m", "screening.cli", "lists", "update", "us-csl", "--file",
                     str(CSL), "--db", str(db)], cwd=ROOT, stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT, text=True)
            if update is not None and "update_end" not in events and update.poll() is not None:
                events["update_end"] = time.monotonic()
                events["update_output"] = update.stdout.read().strip()[-300:]
            if bulk_url is None and now - start >= BULK_AT * duration:
                events["bulk_start"] = time.monotonic()
                bulk_url = upload_bulk(port, bulk_csv(queries))
            time.sleep(5)
        for c in clients:
            c.join()
        if update is not None and "update_end" not in events:
            update.wait()
            events["update_end"] = time.monotonic()
        memory.append((time.monotonic() - start, server_rss_mb(proc.pid)))
        time.sleep(1)
        audited = audit_counts(db)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    samples = sorted(s for c in clients for s in c.samples)
    errors = [e for c in clients for e in c.errors]
    busy_from = events.get("update_start", stop_at)
    busy_to = max(events.get("update_end", busy_from), events.get("bulk_start", busy_from) + 60)
    kinds: dict[str, int] = {}
    for _, e in errors:
        kinds[e.split(":")[0]] = kinds.get(e.split(":")[0], 0) + 1
    warm = [m for t, m in memory if t >= 30] or [m for _, m in memory]
    return {
        "minutes": args.minutes, "clients": args.clients, "rate_per_client": args.rate,
        "processes": args.processes,
        "requests": len(samples) + len(errors), "answered": len(samples),
        "errors": len(errors), "error_kinds": kinds, "error_samples": [e for _, e in errors[:5]],
        "all": phase_stats(samples),
        "before": phase_stats([s for s in samples if s[0] < busy_from]),
        "during_update_and_bulk": phase_stats([s for s in samples if busy_from <= s[0] < busy_to]),
        "after": phase_stats([s for s in samples if s[0] >= busy_to]),
        "update_seconds": round(events.get("update_end", 0) - events.get("update_start", 0), 1),
        "update_output": events.get("update_output"),
        "bulk_job": bulk_url,
        "rss_mb_after_warmup": round(warm[0], 1), "rss_mb_peak": round(max(warm), 1),
        "rss_mb_end": round(warm[-1], 1), "rss_growth_mb": round(warm[-1] - warm[0], 1),
        "audit_screen_records": audited[0] - audited_before, "audit_verify": audited[2],
        "audit_equals_answered": audited[0] - audited_before == len(samples) and audited[1],
        "loadavg_end": round(os.getloadavg()[0], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rate", type=float, default=2.0, help="requests/s per client")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--keep", type=Path, help="reuse / keep the database in this folder")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    for path in (CSL, NEGATIVES, POSITIVES):
        if not path.exists():
            print(f"needs {path} (shared data absent)", file=sys.stderr)
            return 2
    folder = args.keep or Path(tempfile.mkdtemp(prefix="soak-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        result = run(args, folder)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    ok = result["errors"] == 0 and result["audit_equals_answered"]
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(f"{result['clients']} clients x {result['rate_per_client']} req/s for "
              f"{result['minutes']} min, {result['processes']} server processes: "
              f"{result['requests']} requests, {result['errors']} errors {result['error_kinds']}")
        for phase in ("all", "before", "during_update_and_bulk", "after"):
            p = result[phase]
            if p["requests"]:
                print(f"  {phase:24} {p['requests']:6} req  p50 {p['p50_ms']} ms  p95 "
                      f"{p['p95_ms']} ms  p99 {p['p99_ms']} ms  max {p['max_ms']} ms")
        print(f"list update took {result['update_seconds']} s "
              f"({(result['update_output'] or '').splitlines()[-1][:100]}); "
              f"bulk job {result['bulk_job']}")
        print(f"server RSS {result['rss_mb_after_warmup']} MB after warm-up, peak "
              f"{result['rss_mb_peak']} MB, end {result['rss_mb_end']} MB "
              f"(growth {result['rss_growth_mb']} MB)")
        print(f"audit: {result['audit_screen_records']} screen records for {result['answered']} "
              f"answered requests; verify: {result['audit_verify']}")
        print(("PASS" if ok else "FAIL") + ": no errors and one audit record per answer")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
