"""The HTTP API through FastAPI's TestClient, on a store holding the seed and the samples."""

import csv
import io
from urllib.parse import quote

import pytest

HSI = "https://w3id.org/marketgraph/id/entity/hang-seng-index"
HSI_MOVE = """
SELECT ?type ?pct ?close ?date WHERE {
  ?index rdfs:label "Hang Seng Index" ; a ?type .
  ?m a mg:IndexMovement ; mg:index ?index ; mg:percentChange ?pct ; mg:closeLevel ?close ; mg:date ?date .
  FILTER(?date = "2025-02-04"^^xsd:date)
}"""


def _bindings(response):
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/sparql-results+json")
    return [{k: v["value"] for k, v in b.items()} for b in response.json()["results"]["bindings"]]


def test_health(client, seeded_store):
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["quads"] == seeded_store.triple_count() > 1000
    assert body["entities"] > 50


def test_sparql_get_finds_the_hang_seng_move(client):
    rows = _bindings(client.get("/sparql", params={"query": HSI_MOVE}))
    assert rows == [{"type": "https://w3id.org/marketgraph/ontology#StockIndex", "pct": "2.83",
                     "close": "20789.96", "date": "2025-02-04"}]


def test_sparql_post_form_and_direct_body(client):
    form = client.post("/sparql", content=f"query={quote(HSI_MOVE)}",
                       headers={"content-type": "application/x-www-form-urlencoded"})
    direct = client.post("/sparql", content=HSI_MOVE, headers={"content-type": "application/sparql-query"})
    assert _bindings(form) == _bindings(direct) != []


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("text/html, */*;q=0.1", "application/sparql-results+json"),
    ],
)
def test_sparql_content_negotiation(client, accept, media):
    response = client.get("/sparql", params={"query": HSI_MOVE}, headers={"accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "2.83" in response.text


def test_sparql_csv_is_parseable(client):
    response = client.get("/sparql", params={"query": HSI_MOVE, "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0]["pct"] == "2.83"


def test_construct_answers_rdf(client):
    response = client.get("/sparql", params={"query": "CONSTRUCT WHERE { ?i a mg:StockIndex ; rdfs:label ?l }"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    assert '"Hang Seng Index"' in response.text


def test_sparql_errors_are_400_with_position(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    assert "1:" in response.text and "Traceback" not in response.text
    assert client.get("/sparql").status_code == 400
    update = client.post("/sparql", content="update=DROP%20ALL", headers={"content-type": "application/x-www-form-urlencoded"})
    assert update.status_code == 400
    wrong = client.post("/sparql", content=HSI_MOVE, headers={"content-type": "text/plain"})
    assert wrong.status_code == 400
    assert client.get("/sparql", params={"query": HSI_MOVE}, headers={"accept": "image/png"}).status_code == 406


def test_search_ranks_exact_label_first(client):
    body = client.get("/entities/search", params={"q": "Hang Seng"}).json()
    labels = [hit["label"] for hit in body["results"]]
    assert labels[0] == "Hang Seng Index"
    assert "Hang Seng Tech Index" in labels
    assert body["results"][0]["types"] == ["StockIndex"]


def test_search_by_alias_and_type_filter(client):
    hits = client.get("/entities/search", params={"q": "U.S."}).json()["results"]
    assert hits[0]["label"] == "United States"
    hits = client.get("/entities/search", params={"q": "Hang Seng", "type": "Company"}).json()["results"]
    assert all("Company" in h["types"] for h in hits)
    assert client.get("/entities/search", params={"q": ""}).status_code == 422


def test_neighborhood_of_the_hang_seng(client):
    body = client.get("/entities/neighborhood", params={"iri": HSI, "hops": 1, "limit": 100}).json()
    assert body["center"]["label"] == "Hang Seng Index"
    labels = {n["label"] for n in body["nodes"]}
    assert {"China", "Hong Kong", "Huatai Securities"} <= labels
    assert all(n["hops"] <= 1 for n in body["nodes"])
    for edge in body["edges"]:
        assert edge["weight"] >= 1 and edge["relations"]


def test_neighborhood_limit_and_hops(client):
    small = client.get("/entities/neighborhood", params={"iri": HSI, "limit": 3}).json()
    assert len(small["nodes"]) == 4  # the centre and its three strongest neighbours
    two = client.get("/entities/neighborhood", params={"iri": HSI, "hops": 2, "limit": 200}).json()
    one = client.get("/entities/neighborhood", params={"iri": HSI, "hops": 1, "limit": 200}).json()
    assert len(two["nodes"]) > len(one["nodes"])
    assert client.get("/entities/neighborhood", params={"iri": HSI, "hops": 3}).status_code == 422


def test_neighborhood_policy_edges(client):
    us = "https://w3id.org/marketgraph/id/entity/united-states"
    body = client.get("/entities/neighborhood", params={"iri": us, "limit": 200}).json()
    relations = {r["relation"] for e in body["edges"] for r in e["relations"]}
    assert "Tariff" in relations


@pytest.mark.parametrize("iri", ["not an iri", "https://x.test/a b", "https://x.test/>", "http://x.test/\n"])
def test_neighborhood_rejects_bad_iris(client, iri):
    response = client.get("/entities/neighborhood", params={"iri": iri})
    assert response.status_code == 400
    assert "IRI" in response.json()["detail"]


def test_neighborhood_unknown_entity_is_404(client):
    response = client.get("/entities/neighborhood", params={"iri": "https://w3id.org/marketgraph/id/entity/nope"})
    assert response.status_code == 404


def test_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {"/sparql", "/entities/search", "/entities/neighborhood", "/health"} <= set(spec["paths"])
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            assert operation.get("summary"), (method, path)
    assert client.get("/docs").status_code == 200
