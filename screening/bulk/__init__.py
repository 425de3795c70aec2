"""Bulk screening of whole customer files: ``screening screen INPUT -o OUTPUT``.

    from screening.bulk import screen_file
    summary = screen_file("customers.xlsx", "customers.screened.xlsx", as_of="2026-11-22")
    print(summary.text())

Modules: :mod:`.io` (reading, encoding/delimiter detection; :mod:`.csv_table`,
:mod:`.xlsx_table` and :mod:`.xlsx_guard` under it; :mod:`.preflight` for uploads),
:mod:`.columns` (header mapping), :mod:`.rows` (row -> query -> cells), :mod:`.writers` (CSV/XLSX
output, formula neutralising), :mod:`.engine` / :mod:`.dask_engine` (where the
screening runs), :mod:`.cache` (each distinct query once), :mod:`.state`
(``--resume``), :mod:`.progress`, :mod:`.pipeline` (the run itself).
"""

from __future__ import annotations

from .pipeline import BulkSummary, default_output, screen_file
from .rows import RESULT_COLUMNS

__all__ = ["BulkSummary", "RESULT_COLUMNS", "default_output", "screen_file"]
