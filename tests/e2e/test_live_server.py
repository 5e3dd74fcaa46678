"""A real `marketgraph serve` process, queried by real clients: curl and SPARQLWrapper."""

import json
import shutil
import subprocess
from urllib.parse import urlencode

import httpx
import pytest

from tests.live import HSI_MOVE, MARKETGRAPH, live_server

QUERY = HSI_MOVE


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_path):
    store = tmp_path_factory.mktemp("live") / "kg"
    subprocess.run([MARKETGRAPH, "ingest", str(seed_path), "--store", str(store)], check=True, capture_output=True,
                   timeout=300)
    with live_server(store) as base:
        yield base


def test_curl_finds_the_hang_seng_move(server):
    curl = shutil.which("curl")
    if curl is None:
        pytest.fail("curl is not installed (the Makefile's test target installs it)")
    out = subprocess.run([curl, "-sf", f"{server}/sparql?{urlencode({'query': QUERY})}"], capture_output=True,
                         text=True, timeout=30, check=True).stdout
    rows = [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]
    assert rows == [{"type": "https://w3id.org/marketgraph/ontology#StockIndex", "pct": "2.83",
                     "close": "20789.96", "date": "2025-02-04"}]


def test_sparqlwrapper_client(server):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    for method in ("GET", POST):
        client = SPARQLWrapper(server + "/sparql")
        client.setQuery("PREFIX mg: <https://w3id.org/marketgraph/ontology#>\n" + QUERY)
        client.setReturnFormat(JSON)
        client.setMethod(method)
        result = client.query().convert()
        assert result["results"]["bindings"][0]["pct"]["value"] == "2.83"


def test_neighborhood_and_search_over_http(server):
    hits = httpx.get(server + "/entities/search", params={"q": "xpeng"}).json()["results"]
    assert hits[0]["label"] == "XPeng"
    body = httpx.get(server + "/entities/neighborhood", params={"iri": hits[0]["iri"], "hops": 2}).json()
    assert body["center"]["label"] == "XPeng"
    assert len(body["nodes"]) > 1


def test_rdflib_sparqlstore_client(server):
    from rdflib import Graph, URIRef
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    rows = list(graph.query("""
        PREFIX mg: <https://w3id.org/marketgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?pct WHERE { ?m mg:index ?i ; mg:percentChange ?pct . ?i rdfs:label "Hang Seng Index" }"""))
    assert [str(r.pct) for r in rows] == ["2.83"]
    hsi = URIRef("https://w3id.org/marketgraph/id/entity/hang-seng-index")
    labels = list(graph.objects(hsi, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
    assert [str(label) for label in labels] == ["Hang Seng Index"]
