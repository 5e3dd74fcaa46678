"""Property-based fuzzing of the HTTP API from its own OpenAPI document (schemathesis):
whatever the parameters and bodies, no answer is a server error or carries a stack trace."""

from __future__ import annotations

import pytest
import os

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from api.app import create_app

_DOCUMENT = create_app().openapi()  # writing the document needs no store
#: Every operation of the OpenAPI document.
OPERATIONS = [(method.upper(), path) for path, item in _DOCUMENT["paths"].items() for method in item]


def _forbids_something(operation: dict) -> bool:
    """Whether an operation has input its document forbids: a parameter that is not a free
    string (a number, an enum, a bound length), or a request body."""
    if "requestBody" in operation:
        return True
    free = {"type", "title", "description", "examples", "example"}
    return any(not (p.get("schema", {}).get("type") == "string" and set(p.get("schema", {})) <= free)
               for p in operation.get("parameters", []))


CASES = [pytest.param(method, path, GenerationMode.POSITIVE, id=f"{method} {path} valid")
         for method, path in OPERATIONS]
CASES += [pytest.param(method, path, GenerationMode.NEGATIVE, id=f"{method} {path} invalid")
          for method, path in OPERATIONS if _forbids_something(_DOCUMENT["paths"][path][method.lower()])]
EXAMPLES = int(os.environ.get("MARKETGRAPH_FUZZ_EXAMPLES", "25"))


@pytest.fixture(scope="module")
def api_schema(client):
    """The API's OpenAPI document, bound to the running test app."""
    return schemathesis.openapi.from_asgi("/openapi.json", client.app)


@pytest.mark.parametrize(("method", "path", "mode"), CASES)
def test_no_input_gives_a_server_error(api_schema, method, path, mode):
    """Inputs the document allows (valid) and inputs it forbids (invalid) alike."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        response = case.call()
        where = (f"{case.method} {case.formatted_path} {case.query or ''} -> {response.status_code}: "
                 f"{response.text[:300]}")
        assert response.status_code < 500, where
        assert "Traceback" not in response.text, where

    check()
