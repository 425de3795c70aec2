"""sqlite-utils, imported without pandas.

sqlite-utils imports pandas and numpy when they are installed (0.3-0.5 s with
pyarrow) only to map their scalar types to column types. The store never
writes pandas or numpy values, and a one-name ``screening check`` should not
pay for them, so they are hidden while sqlite-utils is first imported (they
stay importable for the code that needs them, such as the Dask engine).
"""

from __future__ import annotations

import sys

#: Optional imports of sqlite-utils that the store does not need (pandas pulls in pyarrow).
HIDDEN = ("pandas", "numpy")

_hidden = [name for name in HIDDEN if name not in sys.modules]
for _name in _hidden:
    sys.modules[_name] = None  # type: ignore[assignment]  # makes `import NAME` raise ImportError
try:
    from sqlite_utils import Database, Migrations
finally:
    for _name in _hidden:
        del sys.modules[_name]

__all__ = ["Database", "Migrations"]
