"""Every setting the service reads, in one place.

All settings come from environment variables prefixed ``SCREENING_``. They are
read when this module is imported; tests override the module attributes (or
set the variables before calling :func:`reload`).
"""

from __future__ import annotations

import os
from pathlib import Path

PREFIX = "SCREENING_"


def env_str(name: str, default: str | None = None) -> str | None:
    """Read ``SCREENING_<name>`` as a string."""
    value = os.environ.get(PREFIX + name)
    return default if value is None or value == "" else value


def env_float(name: str, default: float) -> float:
    """Read ``SCREENING_<name>`` as a float, falling back to ``default``."""
    value = env_str(name)
    return default if value is None else float(value)


def env_flag(name: str) -> bool:
    """``SCREENING_<name>`` set to anything but "", 0, false, no or off."""
    return (env_str(name) or "").strip().lower() not in ("", "0", "false", "no", "off")


def env_int(name: str, default: int) -> int:
    """Read ``SCREENING_<name>`` as an int, falling back to ``default``."""
    value = env_str(name)
    return default if value is None else int(value)


def decision_days() -> int:
    """Default validity of a review decision in days (``SCREENING_DECISION_DAYS``; 0: forever).

    Read at each call: a reviewer's decision uses the value in force now.
    """
    return env_int("DECISION_DAYS", 365)


def admin_password() -> str | None:
    """``SCREENING_ADMIN_PASSWORD``: the first admin's password (else one is generated)."""
    return env_str("ADMIN_PASSWORD")


def processes() -> int:
    """``SCREENING_PROCESSES``: server processes of ``screening serve`` (default 1)."""
    return env_int("PROCESSES", 1)


def web_config() -> dict[str, object]:
    """``SCREENING_WEB_<KEY>`` variables as Flask config (values read as JSON when they are)."""
    import json

    out: dict[str, object] = {}
    for key in sorted(os.environ):
        if key.startswith(PREFIX + "WEB_"):
            value = os.environ[key]
            try:
                out[key[len(PREFIX + "WEB_"):]] = json.loads(value)
            except ValueError:
                out[key[len(PREFIX + "WEB_"):]] = value
    return out


def default_db_path() -> Path:
    """A per-user database path: ``$XDG_DATA_HOME/screening/screening.db``."""
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "screening" / "screening.db"


#: Root of the repository / installed package (lists/ lives beside screening/).
PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def reload() -> None:
    """Re-read every setting from the environment."""
    g = globals()
    g["DB_PATH"] = Path(env_str("DB") or default_db_path())
    g["LISTS_DIR"] = Path(env_str("LISTS_DIR") or (PROJECT_DIR / "lists"))
    g["RULES_FILE"] = Path(env_str("RULES_FILE") or (PACKAGE_DIR / "rules" / "rules.yaml"))
    g["MATCH_THRESHOLD"] = env_float("MATCH_THRESHOLD", 0.85)
    g["REVIEW_THRESHOLD"] = env_float("REVIEW_THRESHOLD", 0.70)
    g["MAX_CANDIDATES"] = env_int("MAX_CANDIDATES", 50)
    # Run the matcher's hot modules from source even where pip compiled them (screening.matching.native).
    g["PURE_PYTHON"] = env_flag("PURE_PYTHON")
    # Hits (and so findings) kept per screening; more are cut and the result says so.
    g["MAX_HITS"] = env_int("MAX_HITS", 200)
    g["AFTER_HORIZON"] = env_str("AFTER_HORIZON", "literal")
    g["CSL_URL"] = env_str(
        "CSL_URL",
        "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv",
    )
    g["SDN_URL"] = env_str("SDN_URL", "https://www.treasury.gov/ofac/downloads/sdn.csv")
    g["DOWNLOAD_TIMEOUT"] = env_float("DOWNLOAD_TIMEOUT", 120.0)
    g["KEEP_VERSIONS"] = env_int("KEEP_VERSIONS", 5)
    # A list update losing more than this fraction of a source's entries is refused.
    g["MAX_LIST_SHRINK"] = env_float("MAX_LIST_SHRINK", 0.10)
    g["SECRET_KEY"] = env_str("SECRET_KEY")
    g["RATE_LIMIT"] = env_int("RATE_LIMIT", 600)  # API requests per key per minute
    g["MAX_UPLOAD_MB"] = env_int("MAX_UPLOAD_MB", 200)
    # Bulk CSV input: a cell longer than this (Excel's own cell limit) or a quoted
    # cell spanning more lines than this is a reported error, not a swallowed file.
    g["BULK_CELL_CHARS"] = env_int("BULK_CELL_CHARS", 32_767)
    g["BULK_CELL_LINES"] = env_int("BULK_CELL_LINES", 10)
    # Bulk XLSX input, checked before parsing (decompression bombs): uncompressed
    # size of the zip members, compression ratio of a large member, cells.
    g["BULK_XLSX_MAX_MB"] = env_int("BULK_XLSX_MAX_MB", 256)
    g["BULK_XLSX_MAX_RATIO"] = env_int("BULK_XLSX_MAX_RATIO", 100)
    g["BULK_XLSX_MAX_CELLS"] = env_int("BULK_XLSX_MAX_CELLS", 10_000_000)
    # An uploaded file is first read in a child process with this address-space
    # limit and time limit, so a hostile file never costs the server its memory.
    g["BULK_PARSE_MEMORY_MB"] = env_int("BULK_PARSE_MEMORY_MB", 1024)
    g["BULK_PARSE_TIMEOUT_S"] = env_float("BULK_PARSE_TIMEOUT_S", 300.0)

    g["API_MAX_BODY_MB"] = env_float("API_MAX_BODY_MB", 5.0)  # a JSON body to /api/v1
    g["WORKERS"] = env_int("WORKERS", os.cpu_count() or 1)
    g["INSTANCE_DIR"] = env_str("INSTANCE_DIR")
    g["AUDIT_KEY"] = env_str("AUDIT_KEY")
    g["AUDIT_KEY_FILE"] = env_str("AUDIT_KEY_FILE")
    g["AUDIT_WAIT_S"] = env_float("AUDIT_WAIT_S", 10.0)  # a request waits this for its record
    g["WRITE_WAIT_S"] = env_float("WRITE_WAIT_S", 3.0)  # a web request waits this for a lock
    # Keep the matcher's index in a snapshot beside the database (<db>.index), so a
    # cold `screening check` loads it instead of rebuilding it; 0 turns it off.
    g["INDEX_SNAPSHOT"] = env_int("INDEX_SNAPSHOT", 1) != 0
    # The PDF screening record's fonts (TrueType): a Latin one and one with Chinese
    # glyphs used for what the first lacks (Debian: fonts-dejavu-core, fonts-droid-fallback).
    g["PDF_FONT"] = env_str("PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    g["PDF_CJK_FONT"] = env_str("PDF_CJK_FONT",
                                "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
    # Non-CLEAR rows shown per page of a bulk job's table.
    g["BULK_ROWS_PAGE"] = env_int("BULK_ROWS_PAGE", 50)

    # Four eyes: clearing a potential match to a PROHIBITED or PRESUMPTION_OF_DENIAL
    # party as a false positive needs a second, different reviewer (0/false/off: one).
    g["FOUR_EYES"] = (env_str("FOUR_EYES") or "1").strip().lower() not in ("0", "false", "off",
                                                                          "no")

    # Monitoring: a list change touching more entries than this re-screens every
    # counterparty instead of looking up the ones it can affect.
    g["RESCREEN_MAX_DIFF"] = env_int("RESCREEN_MAX_DIFF", 5000)
    # Alerts are POSTed to this URL, signed with HMAC-SHA256 under the secret.
    g["WEBHOOK_URL"] = env_str("WEBHOOK_URL")
    g["WEBHOOK_SECRET"] = env_str("WEBHOOK_SECRET")
    g["WEBHOOK_TIMEOUT_S"] = env_float("WEBHOOK_TIMEOUT_S", 5.0)  # one POST
    g["WEBHOOK_BUDGET_S"] = env_float("WEBHOOK_BUDGET_S", 15.0)  # all POSTs after a rescreen
    g["WEBHOOK_BACKOFF_S"] = env_float("WEBHOOK_BACKOFF_S", 30.0)  # first retry; doubles
    g["WEBHOOK_MAX_ATTEMPTS"] = env_int("WEBHOOK_MAX_ATTEMPTS", 8)


def instance_dir(db_path: str | Path) -> Path:
    """The web app's instance folder: ``SCREENING_INSTANCE_DIR`` or ``instance/`` beside the DB."""
    return Path(INSTANCE_DIR) if INSTANCE_DIR else Path(db_path).parent / "instance"


#: Key of stores without a file (``:memory:``): random, for this process only.
_EPHEMERAL_KEY = os.urandom(32)


def audit_key(db_path: str | Path | None) -> bytes:
    """The secret that keys the audit chain (HMAC), kept outside the database.

    ``SCREENING_AUDIT_KEY`` when set; else the file ``SCREENING_AUDIT_KEY_FILE``,
    by default ``audit_key`` in the instance folder, created with 32 random
    bytes and mode 0600 on first use. A key file others may read is refused.
    """
    if AUDIT_KEY:
        return AUDIT_KEY.encode("utf-8")
    if not db_path or str(db_path) == ":memory:":
        return _EPHEMERAL_KEY
    path = Path(AUDIT_KEY_FILE) if AUDIT_KEY_FILE else instance_dir(db_path) / "audit_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it meanwhile
            pass
        else:
            with os.fdopen(fd, "w") as f:
                f.write(os.urandom(32).hex() + "\n")
    if path.stat().st_mode & 0o077:
        from .errors import ScreeningError

        raise ScreeningError(f"the audit key file {path} may be read by others; "
                             f"run: chmod 600 {path}")
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


DB_PATH: Path
LISTS_DIR: Path
RULES_FILE: Path
MATCH_THRESHOLD: float
PURE_PYTHON: bool
REVIEW_THRESHOLD: float
MAX_CANDIDATES: int
MAX_HITS: int
AFTER_HORIZON: str
CSL_URL: str
SDN_URL: str
DOWNLOAD_TIMEOUT: float
KEEP_VERSIONS: int
MAX_LIST_SHRINK: float
SECRET_KEY: str | None
RATE_LIMIT: int
MAX_UPLOAD_MB: int
BULK_CELL_CHARS: int
BULK_CELL_LINES: int
BULK_XLSX_MAX_MB: int
BULK_XLSX_MAX_RATIO: int
BULK_XLSX_MAX_CELLS: int
BULK_PARSE_MEMORY_MB: int
BULK_PARSE_TIMEOUT_S: float

API_MAX_BODY_MB: float
WORKERS: int
INSTANCE_DIR: str | None
AUDIT_KEY: str | None
AUDIT_KEY_FILE: str | None
AUDIT_WAIT_S: float
WRITE_WAIT_S: float
INDEX_SNAPSHOT: bool
PDF_FONT: str
PDF_CJK_FONT: str
BULK_ROWS_PAGE: int

FOUR_EYES: bool

RESCREEN_MAX_DIFF: int
WEBHOOK_URL: str | None
WEBHOOK_SECRET: str | None
WEBHOOK_TIMEOUT_S: float
WEBHOOK_BUDGET_S: float
WEBHOOK_BACKOFF_S: float
WEBHOOK_MAX_ATTEMPTS: int

reload()
