"""/sparql as a SPARQL 1.1 Protocol endpoint, and /prefixes, through FastAPI's TestClient.

The ``client`` fixture serves a store holding the seed article and the samples.
"""

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef

from api.routes.sparql import RDF_FORMATS, RESULT_FORMATS, negotiate
from graph.vocab import ONTOLOGY_GRAPH, PREFIXES
from tests.live import HSI_MOVE

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"
HSI = URIRef("https://w3id.org/marketgraph/id/entity/hang-seng-index")
FORM = {"content-type": "application/x-www-form-urlencoded"}
DIRECT = {"content-type": "application/sparql-query"}

INDICES = "CONSTRUCT WHERE { ?i a mg:StockIndex ; rdfs:label ?l }"
ARTICLE_GRAPHS = "SELECT ?g WHERE { GRAPH ?g { ?g a mg:Article } } ORDER BY ?g"
ARTICLE_COUNT = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a mg:Article }"


def _media(response) -> str:
    return response.headers["content-type"].split(";")[0].strip()


def _json_rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200, response.text
    assert _media(response) == "application/sparql-results+json"
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def _xml_rows(text: str) -> list[dict[str, str]]:
    root = ET.fromstring(text)
    assert root.tag == f"{RESULTS_NS}sparql"
    return [{b.get("name"): "".join(b.itertext()) for b in result.iter(f"{RESULTS_NS}binding")}
            for result in root.iter(f"{RESULTS_NS}result")]


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _tsv_rows(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    header = [h.removeprefix("?") for h in rows[0]]
    assert all(h.startswith("?") for h in rows[0]), rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def _count(client, query, **params) -> int:
    (row,) = _json_rows(client.get("/sparql", params={"query": query, **params}))
    return int(row["n"])


@pytest.fixture(scope="module")
def article_graph(client) -> str:
    graphs = [row["g"] for row in _json_rows(client.get("/sparql", params={"query": ARTICLE_GRAPHS}))]
    assert len(graphs) > 1
    return graphs[0]


# -- result formats ------------------------------------------------------------------------------


SELECT_FORMATS = [
    ("application/sparql-results+json", "json", lambda text: [{k: v["value"] for k, v in b.items()}
                                                              for b in json.loads(text)["results"]["bindings"]]),
    ("application/sparql-results+xml", "xml", _xml_rows),
    ("text/csv", "csv", _csv_rows),
    ("text/tab-separated-values", "tsv", _tsv_rows),
]


@pytest.mark.parametrize(("media", "name", "parse"), SELECT_FORMATS, ids=[f[1] for f in SELECT_FORMATS])
@pytest.mark.parametrize("by", ["accept", "format"])
def test_select_in_every_results_format(client, media, name, parse, by):
    params = {"query": HSI_MOVE} | ({"format": name} if by == "format" else {})
    response = client.get("/sparql", params=params, headers={"accept": media} if by == "accept" else {})
    assert response.status_code == 200, response.text
    assert _media(response) == media
    (row,) = parse(response.text)
    assert row["pct"] == "2.83"
    assert row["close"] == "20789.96"
    assert row["type"].strip("<>") == "https://w3id.org/marketgraph/ontology#StockIndex"


@pytest.mark.parametrize("media", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask_answers_a_boolean(client, media):
    response = client.get("/sparql", params={"query": "ASK { ?i rdfs:label \"Hang Seng Index\" }"},
                          headers={"accept": media})
    assert _media(response) == media
    if media.endswith("json"):
        assert response.json() == {"head": {}, "boolean": True}
    else:
        assert ET.fromstring(response.text).find(f"{RESULTS_NS}boolean").text == "true"


CONSTRUCT_FORMATS = [
    ("text/turtle", "turtle", "turtle"),
    ("application/n-triples", "ntriples", "nt"),
    ("application/rdf+xml", "rdfxml", "xml"),
    ("application/ld+json", "jsonld", "json-ld"),
    ("application/n-quads", "nquads", "nquads"),
    ("application/trig", "trig", "trig"),
]


@pytest.fixture(scope="module")
def index_triples(client) -> set:
    response = client.get("/sparql", params={"query": INDICES, "format": "ntriples"})
    triples = set(Graph().parse(data=response.text, format="nt"))
    assert (HSI, RDFS.label, Literal("Hang Seng Index")) in triples
    return triples


@pytest.mark.parametrize(("media", "name", "parser"), CONSTRUCT_FORMATS, ids=[f[1] for f in CONSTRUCT_FORMATS])
@pytest.mark.parametrize("by", ["accept", "format"])
def test_construct_in_every_rdf_format(client, index_triples, media, name, parser, by):
    params = {"query": INDICES} | ({"format": name} if by == "format" else {})
    response = client.get("/sparql", params=params, headers={"accept": media} if by == "accept" else {})
    assert response.status_code == 200, response.text
    assert _media(response) == media
    if parser in ("nquads", "trig"):
        dataset = Dataset().parse(data=response.content, format=parser)
        triples = {(s, p, o) for s, p, o, _ in dataset.quads()}
    else:
        triples = set(Graph().parse(data=response.content, format=parser))
    assert triples == index_triples


def test_jsonld_uses_the_project_prefixes_as_context(client):
    body = client.get("/sparql", params={"query": INDICES}, headers={"accept": "application/ld+json"}).json()
    assert body["@context"]["mg"] == PREFIXES["mg"]
    assert body["@context"]["rdfs"] == PREFIXES["rdfs"]
    assert "prov" not in body["@context"]  # only the prefixes the triples use
    assert any(node.get("@type") == "mg:StockIndex" for node in body["@graph"])


def test_construct_turtle_is_prefixed(client):
    text = client.get("/sparql", params={"query": INDICES}).text
    assert f"@prefix mg: <{PREFIXES['mg']}>" in text
    assert "a mg:StockIndex" in text


# -- content negotiation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "accept", "expected"),
    [
        ("solutions", None, "json"),
        ("solutions", "*/*", "json"),
        ("solutions", "text/*", "csv"),
        ("solutions", "application/sparql-results+json;q=0.5, text/csv", "csv"),
        ("solutions", "text/csv;q=0.2, application/sparql-results+xml;q=0.9, */*;q=0.1", "xml"),
        ("solutions", "application/sparql-results+xml, application/sparql-results+json", "xml"),
        ("solutions", "application/json", "json"),
        ("boolean", "text/html, */*;q=0.1", "json"),
        ("graph", None, "turtle"),
        ("graph", "text/turtle;q=0, */*", "ntriples"),
        ("graph", "application/json", "jsonld"),
        ("graph", "application/trig;q=0.9, application/n-quads", "nquads"),
        ("graph", "TEXT/Turtle; charset=utf-8", "turtle"),
    ],
)
def test_negotiation_with_q_values(kind, accept, expected):
    assert negotiate(kind, accept).name == expected


def test_format_parameter_wins_over_accept(client):
    response = client.get("/sparql", params={"query": HSI_MOVE, "format": "text/csv"},
                          headers={"accept": "application/sparql-results+xml"})
    assert _media(response) == "text/csv"
    response = client.get("/sparql", params={"query": INDICES, "format": "json"})
    assert _media(response) == "application/ld+json"  # "json" for a graph is JSON-LD


@pytest.mark.parametrize(
    ("query", "accept", "formats"),
    [(HSI_MOVE, "text/turtle", RESULT_FORMATS), (INDICES, "application/sparql-results+json", RDF_FORMATS),
     (HSI_MOVE, "image/png, text/html;q=0.9", RESULT_FORMATS)],
    ids=["select-as-turtle", "construct-as-results", "image"],
)
def test_unavailable_media_types_are_406_listing_the_supported_ones(client, query, accept, formats):
    response = client.get("/sparql", params={"query": query}, headers={"accept": accept})
    assert response.status_code == 406
    for fmt in formats:
        assert fmt.media_type in response.text
    assert "Traceback" not in response.text


def test_unknown_format_parameter_is_406(client):
    response = client.get("/sparql", params={"query": HSI_MOVE, "format": "yaml"})
    assert response.status_code == 406
    assert all(f.name in response.text for f in RESULT_FORMATS)


# -- requests ---------------------------------------------------------------------------------


def test_post_form_and_direct_give_the_same_answer_as_get(client):
    get = _json_rows(client.get("/sparql", params={"query": HSI_MOVE}))
    form = _json_rows(client.post("/sparql", content=urlencode({"query": HSI_MOVE}), headers=FORM))
    direct = _json_rows(client.post("/sparql", content=HSI_MOVE.encode(), headers=DIRECT))
    charset = _json_rows(client.post("/sparql", content=HSI_MOVE.encode(),
                                     headers={"content-type": "application/sparql-query; charset=UTF-8"}))
    assert get == form == direct == charset != []


def test_relative_iris_resolve_against_the_endpoint(client):
    (row,) = _json_rows(client.get("/sparql", params={"query": "SELECT (<thing> AS ?x) {}"}))
    assert row["x"] == "http://testserver/thing"


# -- the dataset ------------------------------------------------------------------------------


def test_default_graph_uri_restricts_the_default_graph(client, article_graph):
    assert _count(client, ARTICLE_COUNT) > 1  # the union of all graphs
    assert _count(client, ARTICLE_COUNT, **{"default-graph-uri": article_graph}) == 1
    form = {"query": ARTICLE_COUNT, "default-graph-uri": article_graph}
    (row,) = _json_rows(client.post("/sparql", content=urlencode(form), headers=FORM))
    assert row["n"] == "1"
    (row,) = _json_rows(client.post("/sparql", params={"default-graph-uri": article_graph},
                                    content=ARTICLE_COUNT.encode(), headers=DIRECT))
    assert row["n"] == "1"


def test_default_graph_uri_sees_exactly_the_named_graphs(client, article_graph):
    rows = _json_rows(client.get("/sparql", params={
        "query": "SELECT ?a WHERE { ?a a mg:Article }", "default-graph-uri": article_graph}))
    assert rows == [{"a": article_graph}]
    graphs = _json_rows(client.get("/sparql", params={"query": ARTICLE_GRAPHS, "default-graph-uri": article_graph}))
    assert graphs == []  # no named graph was named


def test_named_graph_uri_restricts_the_named_graphs(client, article_graph):
    params = {"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": article_graph}
    assert _json_rows(client.get("/sparql", params=params)) == [{"g": article_graph}]
    params["query"] = ARTICLE_COUNT
    assert _count(client, **params) == 0  # the default graph is empty when only named graphs are given


def test_a_query_from_clause_is_its_dataset(client):
    assert _count(client, "SELECT (COUNT(*) AS ?n) FROM id:graph\\/ontology WHERE { ?a a mg:Article }") == 0
    ask = "ASK FROM id:graph\\/ontology { mg:Article a owl:Class }"
    assert client.get("/sparql", params={"query": ask}).json()["boolean"] is True
    graphs = "SELECT DISTINCT ?g FROM NAMED id:graph\\/ontology WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert _json_rows(client.get("/sparql", params={"query": graphs})) == [{"g": str(ONTOLOGY_GRAPH)}]


# -- service description and prefixes ------------------------------------------------------------


def _service(graph: Graph):
    (service,) = graph.subjects(RDF.type, SD.Service)
    return service


def test_service_description(client):
    response = client.get("/sparql")
    assert response.status_code == 200
    assert _media(response) == "text/turtle"
    graph = Graph().parse(data=response.text, format="turtle")
    service = _service(graph)
    assert graph.value(service, SD.endpoint) == URIRef("http://testserver/sparql")
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert (service, SD.feature, SD.UnionDefaultGraph) in graph
    assert set(graph.objects(service, SD.resultFormat)) == {
        FORMATS.SPARQL_Results_JSON, FORMATS.SPARQL_Results_XML, FORMATS.SPARQL_Results_CSV,
        FORMATS.SPARQL_Results_TSV, FORMATS.Turtle, FORMATS["N-Triples"], FORMATS.RDF_XML, FORMATS["JSON-LD"],
        FORMATS["N-Quads"], FORMATS.TriG}
    dataset = graph.value(service, SD.defaultDataset)
    assert (dataset, RDF.type, SD.Dataset) in graph
    assert graph.value(dataset, SD.defaultGraph) is not None
    names = {graph.value(n, SD.name) for n in graph.objects(dataset, SD.namedGraph)}
    assert ONTOLOGY_GRAPH in names


@pytest.mark.parametrize(("accept", "parser"), [(media, parser) for media, _, parser in CONSTRUCT_FORMATS[1:]])
def test_service_description_is_negotiable(client, accept, parser):
    response = client.get("/sparql", headers={"accept": accept})
    assert response.status_code == 200
    assert _media(response) == accept
    graph = Graph()
    if parser in ("nquads", "trig"):
        graph += ((s, p, o) for s, p, o, _ in Dataset().parse(data=response.content, format=parser).quads())
    else:
        graph.parse(data=response.content, format=parser)
    assert graph.value(_service(graph), SD.endpoint) == URIRef("http://testserver/sparql")
    assert client.get("/sparql", params={"format": parser}).headers["content-type"].startswith(accept)


def test_prefixes(client):
    response = client.get("/prefixes")
    assert response.status_code == 200
    assert response.json() == PREFIXES
    assert {"mg", "id", "rdf", "rdfs", "owl", "skos", "xsd", "dcterms", "prov", "schema", "wd"} == set(response.json())


def test_listed_prefixes_are_predeclared(client):
    query = ("SELECT ?p WHERE { VALUES ?p { mg:x id:x rdf:x rdfs:x owl:x skos:x xsd:x dcterms:x prov:x schema:x "
             "wd:x } }")
    rows = _json_rows(client.get("/sparql", params={"query": query}))
    assert {row["p"] for row in rows} == {namespace + "x" for namespace in client.get("/prefixes").json().values()}


# -- errors -------------------------------------------------------------------------------------


def test_syntax_error_names_line_and_column(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE {\n  ?x ?y\n}"})
    assert response.status_code == 400
    assert re.search(r"error at 3:\d+: ", response.text), response.text  # line 3: the unclosed pattern ends
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    ("method", "params", "body", "headers", "message"),
    [
        ("GET", [("query", "ASK {}"), ("query", "SELECT * {}")], None, {}, "2 queries"),
        ("POST", [], "query=ASK%20%7B%7D&query=ASK%20%7B%7D", FORM, "2 queries"),
        ("POST", [("query", "ASK {}")], "ASK {}", DIRECT, "2 queries"),
        ("POST", [("query", "ASK {}")], "query=ASK%20%7B%7D", FORM, "2 queries"),
        ("GET", [("update", "CLEAR ALL")], None, {}, "Update"),
        ("GET", [("query", "ASK {}"), ("update", "CLEAR ALL")], None, {}, "Update"),
        ("POST", [], "update=CLEAR%20ALL", FORM, "Update"),
        ("POST", [], "CLEAR ALL", {"content-type": "application/sparql-update"}, "Update"),
        ("POST", [], "CLEAR ALL", DIRECT, "error at 1:"),
        ("POST", [], "ASK {}", {"content-type": "text/plain"}, "unsupported content type"),
        ("POST", [], "query=ASK%20%7B%7D", {}, "unsupported content type"),
        ("POST", [], "ASK {}".encode("utf-16"), {"content-type": "application/sparql-query; charset=UTF-16"},
         "UTF-8"),
        ("POST", [], b"ASK { ?s ?p \"\xff\" }", DIRECT, "not valid UTF-8"),
        ("GET", [("default-graph-uri", "http://x.test/g")], None, {}, "no query"),
        ("GET", [("query", "  ")], None, {}, "no query"),
        ("GET", [("query", "ASK {}"), ("default-graph-uri", "not an iri")], None, {}, "IRI"),
    ],
    ids=["get-two-queries", "form-two-queries", "url-and-body", "url-and-form", "get-update", "get-query-and-update",
         "form-update", "update-body", "update-as-query", "text-plain", "no-content-type", "utf-16", "bad-utf-8",
         "dataset-without-query", "blank-query", "bad-graph-iri"],
)
def test_bad_requests_are_400(client, method, params, body, headers, message):
    response = client.request(method, "/sparql", params=params, content=body, headers=headers)
    assert response.status_code == 400, response.text
    assert message in response.text
    assert _media(response) == "text/plain"


def test_other_methods_are_refused(client):
    assert client.put("/sparql", params={"query": "ASK {}"}).status_code == 405


# -- CORS and OpenAPI ---------------------------------------------------------------------------


def test_cors_preflight_from_another_origin(client):
    response = client.options("/sparql", headers={
        "origin": "https://notebook.example", "access-control-request-method": "POST",
        "access-control-request-headers": "content-type"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] in ("*", "https://notebook.example")
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "content-type" in response.headers["access-control-allow-headers"].lower()
    answer = client.get("/sparql", params={"query": "ASK {}"}, headers={"origin": "https://notebook.example"})
    assert answer.headers["access-control-allow-origin"] in ("*", "https://notebook.example")


def test_cors_origins_are_configurable(settings, memory_store):
    from fastapi.testclient import TestClient

    from api.app import create_app

    restricted = settings.model_copy(update={"cors_origins": ["https://allowed.example"]})
    with TestClient(create_app(restricted, store=memory_store)) as client:
        preflight = {"access-control-request-method": "POST", "access-control-request-headers": "content-type"}
        allowed = client.options("/sparql", headers={"origin": "https://allowed.example", **preflight})
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == "https://allowed.example"
        other = client.options("/sparql", headers={"origin": "https://elsewhere.example", **preflight})
        assert other.status_code == 400
        assert "access-control-allow-origin" not in other.headers


def test_openapi_documents_the_protocol(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path, method in [("/sparql", "get"), ("/sparql", "post"), ("/prefixes", "get")]:
        operation = paths[path][method]
        assert operation["summary"]
        assert "200" in operation["responses"]
    for method in ("get", "post"):
        responses = paths["/sparql"][method]["responses"]
        assert {"400", "406"} <= set(responses)
        assert {f.media_type for f in (*RESULT_FORMATS, *RDF_FORMATS)} <= set(responses["200"]["content"])
    body = paths["/sparql"]["post"]["requestBody"]["content"]
    assert {"application/sparql-query", "application/x-www-form-urlencoded"} <= set(body)
