"""API latency under load: 16 concurrent clients against ``POST /api/v1/screen``.

Target (issue: web app and API): 16 concurrent clients on the full lists reach a
95th-percentile latency of at most 50 ms with no errors, on loopback.

Setup (in a temporary folder, nothing committed): a fresh database with the CSL
(``derived/csl-2026.csv`` imported as ``screening lists update us-csl --file``)
and the project's China lists; ``screening serve --processes N`` in a subprocess
(waitress; N defaults to the core count); one API key per client, as each CRM
integration would have.

Load: each client thread keeps one HTTP/1.1 keep-alive connection and sends a
bounded number of requests. By default every client sends at the rate its own
key is allowed (``SCREENING_RATE_LIMIT`` per minute, 600 -> 10 requests/s, so 16
clients offer 160 requests/s), with randomised (exponential) gaps. ``--rate 0``
makes the clients send back to back (closed loop, no think time): the worst case,
reported for information. Latency is measured per request, from send to the whole
JSON body read. Any non-200 response, unreadable body or socket error is an error.

Queries: a fixed, seeded mix of 60% unlisted names (yente negatives, many
scripts), 20% UN-listed persons (yente positives) and 20% listed names drawn from
the loaded lists (Latin and Chinese, case/punctuation varied).

    .venv/bin/python bench/api_load.py [--clients 16] [--requests 150] [--rate 10]
                                       [--processes 2] [--threads 8] [--keep DIR]

Exit status 0 when p95 <= --target-ms and there were no errors, else 1.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import http.client
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
CSL = DATA / "derived" / "csl-2026.csv"
NEGATIVES = DATA / "yente" / "candidate_generation_benchmark" / "negatives_global.csv.gz"
POSITIVES = DATA / "yente" / "candidate_generation_benchmark" / "positives_un_untreated.csv"

#: Share of each kind of query in the mix.
MIX = {"negative": 0.6, "un_positive": 0.2, "listed": 0.2}

#: Seconds to wait for the server to build its screener (CSL index) and answer.
STARTUP_TIMEOUT_S = 300

#: Requests per client sent before measuring (warms caches and connections).
WARMUP = 5

#: The as-of date of every query (fixed so runs compare).
AS_OF = "2026-11-22"


def python() -> str:
    """The interpreter of the project's venv (or this one)."""
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv if venv.exists() else sys.executable)


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_db(folder: Path) -> Path:
    """A database with the CSL imported (the China lists load when the server starts)."""
    db = folder / "screening.db"
    if db.exists():
        return db
    t0 = time.monotonic()
    subprocess.run([python(), "-m", "screening.cli", "lists", "update", "us-csl", "--file",
                    str(CSL), "--db", str(db)], cwd=ROOT, check=True)
    print(f"imported the CSL in {time.monotonic() - t0:.1f} s", file=sys.stderr)
    return db


def make_keys(db: Path, n: int) -> list[str]:
    """One API key per client."""
    sys.path.insert(0, str(ROOT))
    from screening.service.accounts import Accounts
    from screening.lists.store import open_store

    accounts = Accounts(open_store(db))
    stamp = int(time.time())
    return [accounts.create_api_key(f"bench-{stamp}-{i}") for i in range(n)]


def listed_names(db: Path, n: int, rng: random.Random) -> list[str]:
    """Names of entries in force (incl. Chinese ones), lightly varied like real input."""
    from screening.lists.store import open_store

    rows = open_store(db).db.execute(
        "select e.data from entries e join lists l on e.version_id = l.current_version").fetchall()
    names = []
    for (blob,) in rng.sample(rows, min(len(rows), n * 2)):
        data = json.loads(blob)
        choice = rng.choice(data["names"])["value"]
        names.append(rng.choice([choice, choice.upper(), choice.replace(",", ""),
                                 choice.replace(".", "")]))
    chinese = [json.loads(b)["names"] for (b,) in rows]
    zh = [x["value"] for ns in chinese for x in ns if x.get("script") == "Hani"]
    names[: n // 5] = rng.sample(zh, min(len(zh), n // 5))
    return names[:n]


def build_queries(db: Path, total: int, seed: int = 7) -> list[dict]:
    """The seeded query mix (see module docstring)."""
    rng = random.Random(seed)
    with gzip.open(NEGATIVES, "rt", encoding="utf-8") as f:
        negatives = [r["full_name"] for r in csv.DictReader(f) if r["full_name"].strip()]
    with POSITIVES.open(encoding="utf-8") as f:
        positives = [r["full_name"] for r in csv.DictReader(f) if r["full_name"].strip()]
    counts = {k: int(total * v) for k, v in MIX.items()}
    names = (rng.sample(negatives, counts["negative"])
             + [rng.choice(positives) for _ in range(counts["un_positive"])]
             + listed_names(db, counts["listed"], rng))
    rng.shuffle(names)
    return [{"name": n, "as_of": AS_OF} for n in names]


def start_server(db: Path, port: int, threads: int, processes: int) -> subprocess.Popen:
    """``screening serve`` in a subprocess; returns when it answers the health check."""
    env = {**os.environ, "SCREENING_DB": str(db), "SCREENING_ADMIN_PASSWORD": "bench-admin-pw-1",
           "SCREENING_INSTANCE_DIR": str(db.parent / "instance")}
    proc = subprocess.Popen([python(), "-m", "screening.cli", "serve", "--port", str(port),
                             "--threads", str(threads), "--processes", str(processes),
                             "--db", str(db)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    t0 = time.monotonic()
    while time.monotonic() - t0 < STARTUP_TIMEOUT_S:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stdout.read()}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/v1/health")
            health = json.loads(conn.getresponse().read())
            print(f"server ready in {time.monotonic() - t0:.1f} s: {health['entries']} entries, "
                  f"{health['lists']} lists", file=sys.stderr)
            return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("server did not start in time")


class Client(threading.Thread):
    """One CRM integration: its own key and connection, a bounded number of requests."""

    def __init__(self, port: int, key: str, queries: list[dict], rate: float,
                 start: threading.Barrier, seed: int) -> None:
        super().__init__(daemon=True)
        self.port, self.key, self.queries, self.rate = port, key, queries, rate
        self.start_barrier = start
        self.rng = random.Random(seed)
        self.latencies: list[float] = []
        self.started: list[float] = []  # perf_counter at each measured send (windowed reports)
        self.errors: list[str] = []

    def _send(self, conn: http.client.HTTPConnection, body: bytes) -> tuple[int, bytes]:
        conn.request("POST", "/api/v1/screen", body=body, headers={
            "Authorization": f"Bearer {self.key}", "Content-Type": "application/json"})
        resp = conn.getresponse()
        return resp.status, resp.read()

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        bodies = [json.dumps(q, ensure_ascii=False).encode("utf-8") for q in self.queries]
        try:
            for body in bodies[:WARMUP]:
                self._send(conn, body)
        except (OSError, http.client.HTTPException) as exc:
            self.errors.append(f"warm-up: {exc!r}")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            self.start_barrier.wait(timeout=STARTUP_TIMEOUT_S)
        except threading.BrokenBarrierError:
            self.errors.append("start barrier broken")
            return
        next_at = time.perf_counter()
        for body in bodies[WARMUP:]:
            if self.rate > 0:  # open loop at this key's allowed rate, exponential gaps
                next_at += self.rng.expovariate(self.rate)
                delay = next_at - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            t0 = time.perf_counter()
            try:
                status, data = self._send(conn, body)
                elapsed = time.perf_counter() - t0
                if status != 200:
                    self.errors.append(f"HTTP {status}: {data[:120]!r}")
                else:
                    json.loads(data)["outcome"]
                    self.latencies.append(elapsed)
                    self.started.append(t0)
            except (OSError, ValueError, KeyError, http.client.HTTPException) as exc:
                self.errors.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.close()


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds so far of a process and its children (Linux /proc)."""
    total = 0.0
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total + sum(cpu_seconds(int(c)) for c in children)


def run_load(port: int, keys: list[str], queries: list[dict], per_client: int,
             rate: float, server_pid: int, samples: list | None = None) -> dict:
    """Run the clients; returns the figures (and fills ``samples`` with (sent at, ms))."""
    n = len(keys)
    barrier = threading.Barrier(n + 1)
    clients = []
    for i, key in enumerate(keys):
        mine = [queries[(i * per_client + j) % len(queries)] for j in range(per_client + WARMUP)]
        clients.append(Client(port, key, mine, rate, barrier, seed=i))
    for c in clients:
        c.start()
    barrier.wait(timeout=STARTUP_TIMEOUT_S)
    t0 = time.perf_counter()
    cpu0, server0 = time.process_time(), cpu_seconds(server_pid)
    for c in clients:
        c.join()
    wall = time.perf_counter() - t0
    client_cpu = time.process_time() - cpu0
    server_cpu = cpu_seconds(server_pid) - server0
    lat = [x for c in clients for x in c.latencies]
    if samples is not None:
        samples.extend((t, x * 1000) for c in clients for t, x in zip(c.started, c.latencies))
    errors = [e for c in clients for e in c.errors]
    ms = [x * 1000 for x in lat]
    return {
        "clients": n, "requests": len(lat) + len(errors), "errors": len(errors),
        "error_samples": errors[:5], "seconds": round(wall, 2),
        "throughput_rps": round((len(lat) + len(errors)) / wall, 1),
        "offered_rps": round(rate * n, 1) if rate > 0 else None,
        "p50_ms": round(percentile(ms, 50), 1), "p95_ms": round(percentile(ms, 95), 1),
        "p99_ms": round(percentile(ms, 99), 1), "max_ms": round(max(ms), 1),
        "mean_ms": round(statistics.fmean(ms), 1),
        "server_cpu_per_request_ms": round(1000 * server_cpu / max(1, len(lat)), 2),
        "server_cpu_share": round(server_cpu / wall, 2),
        "client_cpu_share": round(client_cpu / wall, 2),
    }


def tear_down(proc: subprocess.Popen | None, folder: Path, *, keep: bool) -> None:
    """Stop the server; remove the temporary folder unless kept."""
    if proc is not None:
        proc.terminate()
        proc.wait(timeout=20)
    if not keep:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--requests", type=int, default=150, help="measured requests per client")
    parser.add_argument("--rate", type=float, default=None,
                        help="requests/s per client (default: the per-key rate limit; 0: closed loop)")
    parser.add_argument("--threads", type=int, default=8, help="waitress threads per process")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                        help="server processes (default: one per core)")
    parser.add_argument("--target-ms", type=float, default=50.0)
    parser.add_argument("--keep", type=Path, help="reuse / keep the database in this folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    for path in (CSL, NEGATIVES, POSITIVES):
        if not path.exists():
            print(f"needs {path} (shared data absent)", file=sys.stderr)
            return 2
    sys.path.insert(0, str(ROOT))
    from screening import settings

    rate = settings.RATE_LIMIT / 60.0 if args.rate is None else args.rate
    folder = args.keep or Path(tempfile.mkdtemp(prefix="api-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    proc = None
    try:
        db = prepare_db(folder)
        port = free_port()
        proc = start_server(db, port, args.threads, args.processes)
        keys = make_keys(db, args.clients)
        queries = build_queries(db, 2000)
        load_before = os.getloadavg()[0]
        result = run_load(port, keys, queries, args.requests, rate, proc.pid)
        result["loadavg_before"] = round(load_before, 2)
        result["loadavg_after"] = round(os.getloadavg()[0], 2)
    finally:
        tear_down(proc, folder, keep=args.keep is not None)
    result["mix"] = MIX
    result["target_ms"] = args.target_ms
    ok = result["errors"] == 0 and result["p95_ms"] <= args.target_ms
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        offered = (f"{result['offered_rps']} req/s offered" if result["offered_rps"]
                   else "closed loop")
        print(f"{result['clients']} clients, {result['requests']} requests ({offered}) in "
              f"{result['seconds']} s: {result['throughput_rps']} req/s; latency p50 "
              f"{result['p50_ms']} ms, p95 {result['p95_ms']} ms, p99 {result['p99_ms']} ms, "
              f"max {result['max_ms']} ms; errors {result['errors']}"
              + (f" {result['error_samples']}" if result["errors"] else ""))
        print(f"server CPU {result['server_cpu_per_request_ms']} ms/request "
              f"({result['server_cpu_share']:.0%} of a core), load generator "
              f"{result['client_cpu_share']:.0%} of a core; load average "
              f"{result['loadavg_before']} before, {result['loadavg_after']} after")
        print(("PASS" if ok else "FAIL") + f": p95 <= {args.target_ms} ms with no errors")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
