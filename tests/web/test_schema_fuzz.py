"""Schema fuzzing: schemathesis drives the app from its own OpenAPI document.

Runs in CI (marked ``fuzz``, part of the normal run; ``-m fuzz`` runs it alone),
bounded to about a minute: :data:`EXAMPLES` generated requests per operation, valid
and invalid ones. It fuzzes the real screener on a throwaway database with a
*screener* key (an admin or reviewer key would record real decisions), and fails
on any 5xx, any response that does not match the document, and any status the
document does not list for that operation.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode
from schemathesis.checks import (not_a_server_error, response_schema_conformance,
                                 status_code_conformance)

from tests.web.conftest import api_key, cheap_password_hashes, make_app  # noqa: F401 (fixture)
from web.openapi import openapi_document

#: Requests generated per operation and mode (7 operations, valid and invalid requests:
#: 40-60 s in all on a shared core).
EXAMPLES = 250

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    """The real app on its own throwaway database (the project lists load on first use)."""
    tmp = tmp_path_factory.mktemp("fuzz")
    return make_app(tmp / "fuzz.db", tmp, RATE_LIMIT=1_000_000)


@pytest.fixture(scope="module")
def fuzz_key(fuzz_app):
    return api_key(fuzz_app, "screener", name="fuzzer")


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", fuzz_app)


def operations() -> list:
    """Every (method, path, mode) of the document (read without building an app): valid
    requests for each operation, invalid ones for those that take parameters or a body."""
    out = []
    for path, ops in openapi_document()["paths"].items():
        for method, op in ops.items():
            out.append(pytest.param(method.upper(), path, GenerationMode.POSITIVE,
                                    id=f"{method.upper()} {path} valid"))
            if op.get("parameters") or op.get("requestBody"):
                out.append(pytest.param(method.upper(), path, GenerationMode.NEGATIVE,
                                        id=f"{method.upper()} {path} invalid"))
    return out


@pytest.mark.fuzz
@pytest.mark.parametrize("method, path, mode", operations())
def test_api_conforms_to_its_openapi_document(api_schema, fuzz_key, method, path, mode):
    """Hypothesis drives one operation with requests generated from its schema.

    (Driven here rather than with ``schema.parametrize``, whose fixture loader
    does not run on pytest 9.)
    """
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {fuzz_key}"}

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def fuzz(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    fuzz()
