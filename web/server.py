"""Serving the app with waitress, optionally in several processes sharing one socket.

Screening is CPU-bound Python, so one process uses one core whatever its thread
count. With ``processes > 1`` the parent builds the app once (lists, matcher
index), binds the listening socket, then forks the workers: they share the
built screener copy-on-write and the kernel spreads connections over them.
State that must be common to all workers lives outside process memory: the
API rate limit in shared memory (:class:`web.ratelimit.SharedRateLimiter`),
bulk jobs in their ``job.json`` files, everything else in SQLite. The parent
only supervises: it restarts a worker that dies and stops them all on
SIGTERM / SIGINT. A stopping process first writes the audit records it still
has queued (:class:`screening.service.audit_writer.AuditWriter`).
"""

from __future__ import annotations

import atexit
import errno
import logging
import os
import signal
import socket
import sys
import time
from typing import Any

from screening.connections import close_thread_connections

from screening.heap import freeze_survivors

log = logging.getLogger(__name__)

#: Pending connections the kernel queues before accept().
BACKLOG = 1024

#: Seconds a stopping process waits for its queued audit records to be written.
AUDIT_FLUSH_TIMEOUT_S = 10.0

#: A worker dying this soon after its start is not restarted (something is broken).
MIN_WORKER_LIFE_S = 5.0


def waitress_options(threads: int) -> dict[str, Any]:
    """Options passed to waitress for every worker."""
    # poll(), not select(): select() fails once any descriptor of the process is >= 1024
    return {"threads": threads, "ident": "screening", "clear_untrusted_proxy_headers": True,
            "connection_limit": 1000, "channel_timeout": 120, "asyncore_use_poll": True}


def bind(host: str, port: int) -> socket.socket:
    """The listening socket, bound before anything slow; a clear error when the port is taken."""
    try:
        return socket.create_server((host, port), backlog=BACKLOG)
    except OSError as exc:
        from screening.errors import ScreeningError

        why = ("is already in use (another server running?); stop it or choose another "
               "--port" if exc.errno == errno.EADDRINUSE else f"cannot be used: {exc.strerror}")
        raise ScreeningError(f"port {port} on {host} {why}") from None


def serve(app: Any, host: str, port: int, *, threads: int = 8, processes: int = 1,
          sock: socket.socket | None = None) -> None:
    """Serve ``app`` on ``host:port`` (or the already bound ``sock``) until interrupted."""
    from waitress import serve as waitress_serve

    sock = sock or bind(host, port)
    if processes <= 1:
        atexit.register(_flush_audit, app)  # SIGTERM -> SystemExit -> queued records written
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        waitress_serve(app, sockets=[sock], **waitress_options(threads))
        return
    close_thread_connections()  # workers open their own SQLite connections
    freeze_survivors()  # shared copy-on-write: the collector must not touch (copy) them
    sys.stdout.flush()  # or every worker would print the parent's buffered output again
    sys.stderr.flush()
    workers: dict[int, float] = {}
    for _ in range(processes):
        pid, started = _fork_worker(app, sock, threads)
        workers[pid] = started
    stopping = False

    def stop(signum: int, frame: Any) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(workers):
            _kill(pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while workers:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        except InterruptedError:
            continue
        if pid not in workers:
            continue
        started = workers.pop(pid)
        if stopping:
            continue
        if time.monotonic() - started < MIN_WORKER_LIFE_S:
            log.error("worker %s died at start (status %s); stopping", pid, status)
            stop(signal.SIGTERM, None)
            continue
        log.warning("worker %s died (status %s); starting another", pid, status)
        new_pid, new_started = _fork_worker(app, sock, threads)
        workers[new_pid] = new_started
    sock.close()


def _fork_worker(app: Any, sock: socket.socket, threads: int) -> tuple[int, float]:
    """Fork one worker serving ``sock``; returns (pid, start time) in the parent."""
    from waitress import serve as waitress_serve

    pid = os.fork()
    if pid:
        return pid, time.monotonic()
    def stop(signum: int, frame: Any) -> None:
        _flush_audit(app)
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    code = 0
    try:
        waitress_serve(app, sockets=[sock], **waitress_options(threads))
    except BaseException:  # a worker never returns into the parent's code
        log.exception("worker %s stopped", os.getpid())
        code = 1
    finally:
        _flush_audit(app)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _flush_audit(app: Any) -> None:
    """Write the audit records still queued (on shutdown)."""
    writer = app.extensions["screening"].audit_writer
    if not writer.flush(timeout=AUDIT_FLUSH_TIMEOUT_S):
        saved = writer.abandon()
        log.error("audit records still queued after %s s at shutdown: %s saved for "
                  "`screening audit verify` to report", AUDIT_FLUSH_TIMEOUT_S, saved)


def _kill(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass
