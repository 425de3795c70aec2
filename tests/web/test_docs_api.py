"""Every curl example in docs/api.md runs against the real app and succeeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.web.conftest import api_key

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
CURL = re.compile(r"curl -s (?:-X (?P<method>[A-Z]+) )?\"\$BASE(?P<path>[^\"]+)\"(?P<rest>.*?)(?=\ncurl |\n```|$)",
                  re.S)


def examples() -> list[tuple[str, str, str | None, str]]:
    out = []
    for m in CURL.finditer(DOC.read_text(encoding="utf-8")):
        rest = m.group("rest")
        body = re.search(r"-d '(.*?)'", rest, re.S)
        key = re.search(r"Bearer \$(\w+)", rest)
        out.append((m.group("method") or "GET", m.group("path"),
                    body.group(1) if body else None, key.group(1) if key else ""))
    return out


def test_doc_has_an_example_of_each_endpoint():
    paths = {(m, p.split("?")[0].split("/entries/")[0]) for m, p, _, _ in examples()}
    assert {("POST", "/api/v1/screen"), ("POST", "/api/v1/screen/batch"), ("GET", "/api/v1/lists"),
            ("GET", "/api/v1"), ("POST", "/api/v1/decisions"), ("GET", "/api/v1/openapi.json"),
            ("GET", "/api/v1/health")} <= paths


@pytest.mark.parametrize("method,path,body,key", examples())
def test_example_runs(real_app, method, path, body, key):
    keys = {"KEY": api_key(real_app, "screener", name="doc-crm"),
            "REVIEW_KEY": api_key(real_app, "reviewer", name="doc-crm-review")}
    headers = {"Authorization": f"Bearer {keys[key]}"} if key else {}
    kwargs = {"json": json.loads(body)} if body else {}
    resp = real_app.test_client().open(path, method=method, headers=headers, **kwargs)
    assert resp.status_code in (200, 201), resp.get_data(as_text=True)
