"""The W3C SPARQL 1.1 Protocol test suite (its query tests), run against a live `marketgraph serve`.

The manifest (``../shared/w3c-sparql-protocol/manifest.ttl``) describes each test as a list
of HTTP requests (method, path, headers, body) and, for each, the expected response: a
status class, a result format and sometimes an ASK result. This runner reads it with
rdflib, loads the graphs the tests name (``ut:graphData``) into a fresh store, starts the
server, sends every request as prescribed to its ``/sparql`` and checks the answers. The
update tests are left out: ``/sparql`` is a read-only query endpoint.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import httpx
import pytest
from rdflib import RDF, RDFS, Graph, Namespace
from rdflib.collection import Collection

from tests.live import MARKETGRAPH, live_server

SHARED = Path(__file__).resolve().parents[3] / "shared"
SUITE = SHARED / "w3c-sparql-protocol"
MANIFEST = SUITE / "manifest.ttl"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"

#: The media types each expected format may come in (from the tests' own names: "expect one of …").
FORMAT_TYPES = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {"application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values"},
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples", "text/html", "application/xhtml+xml"},
}
STATUS_CLASSES = {HTS[f"StatusCode{n}xx"]: n for n in range(1, 6)}


def _selected(name: str) -> bool:
    """The query operation's tests: ``query_*``, ``bad_query_*`` and ``bad_multiple_queries``."""
    return name.startswith(("query_", "bad_query_")) or name == "bad_multiple_queries"


@dataclass
class Expected:
    status_classes: set[int]
    format: str | None
    boolean: bool | None


@dataclass
class HttpRequest:
    method: str
    path: str
    headers: list[tuple[str, str]]
    body: bytes | None
    expected: Expected


@dataclass
class ProtocolTest:
    name: str
    title: str
    requests: list[HttpRequest]
    graph_data: dict[str, Path]  # graph IRI -> the file holding its triples


def _list(graph: Graph, head) -> list:
    return list(Collection(graph, head)) if head is not None else []


def _request(graph: Graph, node) -> HttpRequest:
    headers = [(str(graph.value(h, HT.fieldName)), str(graph.value(h, HT.fieldValue)))
               for h in _list(graph, graph.value(node, HT.headers))]
    body = None
    if (content := graph.value(node, HT.body)) is not None:
        encoding = str(graph.value(content, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(content, CNT.chars)).encode(encoding)
    response = graph.value(node, HT.resp)
    boolean = graph.value(response, MF.expectedBoolean)
    fmt = graph.value(response, MF.expectedFormat)
    return HttpRequest(
        method=str(graph.value(node, HT.methodName)),
        path=str(graph.value(node, HT.absolutePath)),
        headers=headers,
        body=body,
        expected=Expected(
            status_classes={STATUS_CLASSES[s] for s in graph.objects(response, MF.expectedStatus)},
            format=str(fmt) if fmt is not None else None,
            boolean=boolean.toPython() if boolean is not None else None,
        ),
    )


def read_manifest(path: Path) -> list[ProtocolTest]:
    """The manifest's selected ``mf:ProtocolTest`` entries, in manifest order."""
    graph = Graph().parse(path, format="turtle")
    manifest = graph.value(predicate=RDF.type, object=MF.Manifest)
    tests = []
    for entry in _list(graph, graph.value(manifest, MF.entries)):
        name = str(entry).rpartition("#")[2]
        if (entry, RDF.type, MF.ProtocolTest) not in graph or not _selected(name):
            continue
        action = graph.value(entry, MF.action)
        graph_data = {str(graph.value(d, RDFS.label)): path.parent / PurePosixPath(str(graph.value(d, UT.graph))).name
                      for d in graph.objects(entry, UT.graphData)}
        tests.append(ProtocolTest(name, str(graph.value(entry, MF.name)),
                                  [_request(graph, r) for r in _list(graph, graph.value(action, HT.requests))],
                                  graph_data))
    return tests


def _cases() -> list:
    if not MANIFEST.exists():
        return [pytest.param(None, id="suite-missing")]
    return [pytest.param(test, id=test.name) for test in read_manifest(MANIFEST)]


CASES = _cases()


def _missing_suite() -> None:
    pytest.fail(f"the W3C SPARQL Protocol suite is missing: {MANIFEST} (CI lays ../shared beside the repo, "
                "with w3c-sparql-protocol/manifest.ttl and data1.nt, data2.nt, data3.nt)")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """A live server on a fresh store holding the graphs the selected tests name; yields its /sparql URL."""
    if not MANIFEST.exists():
        _missing_suite()
    graphs: dict[str, Path] = {}
    for case in CASES:
        graphs.update(case.values[0].graph_data)
    assert graphs, "the manifest names no graph data"
    store = tmp_path_factory.mktemp("w3c") / "kg"
    for iri, file in sorted(graphs.items()):
        if not file.exists():
            _missing_suite()
        subprocess.run([MARKETGRAPH, "load", str(file), "--graph", iri, "--store", str(store)], check=True,
                       capture_output=True, timeout=120)
    with live_server(store) as base:
        yield base + "/sparql"


def _url(endpoint: str, absolute_path: str) -> str:
    """The manifest's ``/sparql/…`` request path, pointed at the endpoint under test."""
    path, sep, query = absolute_path.partition("?")
    assert path.rstrip("/") == "/sparql", f"unexpected request path {absolute_path!r}"
    return endpoint + sep + query


def _send(client: httpx.Client, endpoint: str, request: HttpRequest) -> httpx.Response:
    built = client.build_request(request.method, _url(endpoint, request.path), headers=request.headers,
                                 content=request.body)
    if not any(name.lower() == "accept" for name, _ in request.headers):
        del built.headers["accept"]  # send no Accept header unless the test prescribes one
    return client.send(built)


def _boolean(response: httpx.Response, media: str) -> bool:
    if media == "application/sparql-results+json":
        return response.json()["boolean"]
    element = ET.fromstring(response.content).find(f"{RESULTS_NS}boolean")
    assert element is not None, response.text
    return element.text.strip() == "true"


def _check_body(response: httpx.Response, media: str, fmt: str) -> None:
    """The body parses as the format its Content-Type names."""
    if media == "application/sparql-results+json":
        body = json.loads(response.content)
        assert "head" in body and ("boolean" in body) == (fmt == "boolean"), body
    elif media == "application/sparql-results+xml":
        root = ET.fromstring(response.content)
        assert root.tag == f"{RESULTS_NS}sparql", root.tag
    elif media in ("text/csv", "text/tab-separated-values"):
        rows = list(csv.reader(io.StringIO(response.text), delimiter="," if media == "text/csv" else "\t"))
        assert rows and rows[0], response.text
    else:
        rdflib_format = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml"}
        assert media in rdflib_format, f"cannot check a {media} body"
        Graph().parse(data=response.content, format=rdflib_format[media])


@pytest.mark.parametrize("case", CASES)
def test_w3c_protocol(case: ProtocolTest | None, endpoint: str) -> None:
    if case is None:
        _missing_suite()
    with httpx.Client(timeout=30) as client:
        for n, request in enumerate(case.requests, 1):
            response = _send(client, endpoint, request)
            where = f"{case.name} ({case.title}), request {n}: {request.method} {request.path}"
            expected = request.expected
            assert response.status_code // 100 in expected.status_classes, (
                f"{where}: status {response.status_code}, expected {sorted(expected.status_classes)}xx; "
                f"body: {response.text[:500]}")
            if expected.format is None:
                continue
            media = response.headers.get("content-type", "").split(";")[0].strip().lower()
            assert media in FORMAT_TYPES[expected.format], (
                f"{where}: content type {media!r}, expected one of {sorted(FORMAT_TYPES[expected.format])}")
            _check_body(response, media, expected.format)
            if expected.boolean is not None:
                assert _boolean(response, media) is expected.boolean, f"{where}: {response.text}"
