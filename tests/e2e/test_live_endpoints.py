"""Every endpoint of the query service, against a live `marketgraph serve` on the seed and samples."""

import io
import subprocess

import httpx
import networkx as nx
import pytest
from rdflib import Graph

from tests.conftest import SAMPLES
from tests.live import MARKETGRAPH, live_server

HSI = "https://w3id.org/marketgraph/id/entity/hang-seng-index"
US = "https://w3id.org/marketgraph/id/entity/united-states"


@pytest.fixture(scope="module")
def api(tmp_path_factory, seed_path):
    store = tmp_path_factory.mktemp("endpoints") / "kg"
    subprocess.run([MARKETGRAPH, "ingest", str(seed_path), str(SAMPLES), "--store", str(store)], check=True,
                   capture_output=True, timeout=600)
    with live_server(store) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client


def test_relationship_query_from_the_readme(api):
    query = """
    SELECT ?issuer ?target ?rate (GROUP_CONCAT(?good; separator=", ") AS ?goods) WHERE {
      ?p a mg:Tariff ; mg:issuedBy/rdfs:label ?issuer .
      OPTIONAL { ?p mg:targets/rdfs:label ?target }
      OPTIONAL { ?p mg:ratePercent ?rate }
      OPTIONAL { ?p mg:appliesTo ?good }
    } GROUP BY ?p ?issuer ?target ?rate"""
    rows = api.get("/sparql", params={"query": query}).json()["results"]["bindings"]
    found = {(r["issuer"]["value"], r.get("target", {}).get("value"), r.get("rate", {}).get("value")) for r in rows}
    assert ("United States", "China", "10") in found


def test_service_description_and_prefixes(api):
    description = api.get("/sparql", headers={"accept": "text/turtle"})
    assert description.status_code == 200
    graph = Graph().parse(data=description.text, format="turtle")
    assert len(graph) > 5
    assert api.get("/prefixes").json()["mg"] == "https://w3id.org/marketgraph/ontology#"


def test_search_entity_and_neighborhood(api):
    hit = api.get("/entities/search", params={"q": "HSI"}).json()["results"][0]
    assert hit["iri"] == HSI
    detail = api.get("/entities/hang-seng-index").json()
    assert detail["articles"] >= 2 and any(f["kind"] == "IndexMovement" for f in detail["facts"])
    view = api.get("/entities/neighborhood", params={"iri": HSI, "hops": 2, "comentions": "true",
                                                     "facts": "nodes"}).json()
    assert any(n["kind"] == "fact" for n in view["nodes"])


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_exports_read_by_networkx(api, fmt):
    response = api.get("/entities/neighborhood", params={"iri": HSI, "comentions": "true", "format": fmt})
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(response.content))
    assert graph.number_of_nodes() > 3


def test_paths_articles_and_full_text(api):
    paths = api.get("/paths", params={"from": HSI, "to": US}).json()
    assert paths["paths"] and paths["paths"][0][0]["iri"] == HSI
    listing = api.get("/articles", params={"entity": US}).json()["articles"]
    assert len(listing) >= 3
    article = api.get(f"/articles/{listing[0]['id']}").json()
    assert article["body"] and article["entities"] and article["facts"]
    hits = api.get("/search", params={"q": "tariff"}).json()["results"]
    assert hits and all("<mark>" in h["snippet"] + h["title"] for h in hits)


def test_openapi_lists_every_endpoint_with_examples(api):
    spec = api.get("/openapi.json").json()
    for path in ("/sparql", "/prefixes", "/entities/search", "/entities/{id}", "/entities/neighborhood", "/paths",
                 "/articles", "/articles/{id}", "/search", "/health"):
        assert path in spec["paths"], path
    assert api.get("/docs").status_code == 200
