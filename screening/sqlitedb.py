"""sqlite-utils, imported without pandas.

sqlite-utils imports pandas when it is installed (0.3-0.4 s with pyarrow) only
to map ``pandas.Timestamp`` values to a column type. The store never writes
pandas values, and a one-name ``screening check`` should not pay for it, so
pandas is hidden while sqlite-utils is first imported (it stays importable
for the code that needs it, such as the Dask engine).
"""

from __future__ import annotations

import sys

_hide = "pandas" not in sys.modules
if _hide:
    sys.modules["pandas"] = None  # type: ignore[assignment]  # makes `import pandas` raise ImportError
try:
    from sqlite_utils import Database, Migrations
finally:
    if _hide:
        del sys.modules["pandas"]

__all__ = ["Database", "Migrations"]
