#!/usr/bin/env bash
# Create .venv and install the project with its test extras. Idempotent: re-runs
# pip only when pyproject.toml changed since the last install.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install -q -e ".[test]"
  rm -f .venv/.installed-*
  touch "$stamp"
elif .venv/bin/python -c 'import sys, screening.matching.native as n; sys.exit(n.MODE.startswith("source: sources") or n.MODE == "source: no build record")' 2>/dev/null; then
  :  # the compiled matcher is the sources' build (or none is made here: no C compiler)
else
  # a matcher source changed since pip compiled it (screening/matching/native.py): build it again
  .venv/bin/python -m pip install -q --no-deps -e .
fi
