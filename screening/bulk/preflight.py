"""Read an uploaded file once in a child process with bounded memory and time.

The web server never parses an upload first: :func:`preflight` runs
``python -m screening.bulk.preflight FILE`` in a child process that limits its own
address space (``SCREENING_BULK_PARSE_MEMORY_MB``) and is killed after
``SCREENING_BULK_PARSE_TIMEOUT_S``. The child detects the encoding, checks an XLSX
for decompression bombs (:mod:`.xlsx_guard`) and reads every row; it prints one
JSON line, ``{"rows": N, ...}`` or ``{"error": "..."}``. Only a file the child
read completely, within its limits, is then screened by the server.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

from .. import settings
from ..errors import BadInput

MB = 1 << 20


def _limit_memory(mb: int) -> None:
    """Cap this process's address space; allocations beyond raise MemoryError."""
    limit = mb * MB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def read_all(path: Path) -> dict:
    """Open ``path`` as ``screening screen`` does and read every row; the facts."""
    from .io import inspect_input, open_table

    info = inspect_input(path)
    with open_table(info) as table:
        errors = sum(1 for rec in table if rec.error)
        return {"rows": table.rows_read, "errors": errors, "kind": info.kind,
                "encoding": info.encoding, "sheet": info.sheet,
                "columns": len(table.headers)}


def main(argv: list[str]) -> int:
    """Child entry point: limit memory, read the file, print one JSON line."""
    _limit_memory(settings.BULK_PARSE_MEMORY_MB)
    try:
        print(json.dumps(read_all(Path(argv[1]))))
        return 0
    except BadInput as exc:
        print(json.dumps({"error": exc.message}))
        return 2
    except MemoryError:
        print(json.dumps({"error": "reading the file needs more than "
                          f"{settings.BULK_PARSE_MEMORY_MB:,} MB (SCREENING_BULK_PARSE_MEMORY_MB)"}))
        return 3


def preflight(path: Path, *, timeout: float | None = None) -> dict:
    """Read ``path`` in a memory- and time-limited child; BadInput when it cannot."""
    timeout = settings.BULK_PARSE_TIMEOUT_S if timeout is None else timeout
    root = str(settings.PROJECT_DIR)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (root, os.environ.get("PYTHONPATH")) if p)}
    try:
        proc = subprocess.run([sys.executable, "-m", "screening.bulk.preflight", str(path)],
                              capture_output=True, text=True, timeout=timeout, env=env,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise BadInput(f"{path.name}: reading the file takes more than {timeout:g} s "
                       "(SCREENING_BULK_PARSE_TIMEOUT_S); not screened")
    lines = proc.stdout.strip().splitlines()
    try:
        result = json.loads(lines[-1]) if lines else {}
    except ValueError:
        result = {}
    if proc.returncode == 0 and "rows" in result:
        return result
    last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
    why = result.get("error") or f"the reader stopped (exit status {proc.returncode}): {last}"
    raise BadInput(f"{path.name}: {why}" if not why.startswith(path.name) else why)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
