"""The HTTP API through FastAPI's TestClient, on a store holding the seed and the samples."""

import csv
import io
from urllib.parse import quote

import pytest

from tests.live import HSI_MOVE

HSI = "https://w3id.org/marketgraph/id/entity/hang-seng-index"


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
    assert client.get("/sparql", params={"query": ""}).status_code == 400
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
    body = client.get("/entities/neighborhood", params={"iri": HSI, "hops": 1, "limit": 100,
                                                        "comentions": True}).json()
    assert body["center"]["label"] == "Hang Seng Index"
    labels = {n["label"] for n in body["nodes"]}
    assert {"China", "Hong Kong", "Huatai Securities"} <= labels
    assert all(n["hops"] <= 1 for n in body["nodes"])
    for edge in body["edges"]:
        assert edge["weight"] >= 1 and edge["relations"]


def test_neighborhood_limit_and_hops(client):
    params = {"iri": HSI, "comentions": True}
    small = client.get("/entities/neighborhood", params={**params, "limit": 3}).json()
    assert len(small["nodes"]) == 4  # the centre and its three strongest neighbours
    weights = [e["weight"] for e in small["edges"] if HSI in (e["source"], e["target"])]
    everything = client.get("/entities/neighborhood", params={**params, "limit": 1000}).json()
    all_weights = sorted((e["weight"] for e in everything["edges"] if HSI in (e["source"], e["target"])), reverse=True)
    assert sorted(weights, reverse=True) == all_weights[:3]  # the strongest edges come first
    two = client.get("/entities/neighborhood", params={**params, "hops": 2, "limit": 200}).json()
    one = client.get("/entities/neighborhood", params={**params, "hops": 1, "limit": 200}).json()
    assert len(two["nodes"]) > len(one["nodes"])
    assert client.get("/entities/neighborhood", params={"iri": HSI, "hops": 4}).status_code == 422


def test_neighborhood_without_comentions_keeps_only_stated_relations(client):
    body = client.get("/entities/neighborhood", params={"iri": HSI, "limit": 100}).json()
    relations = {r["relation"] for e in body["edges"] for r in e["relations"]}
    assert "mentionedWith" not in relations
    assert {n["label"] for n in body["nodes"]} == {"Hang Seng Index", "Hong Kong"}  # mg:country


def test_neighborhood_facts_as_nodes(client):
    body = client.get("/entities/neighborhood", params={"iri": HSI, "facts": "nodes", "limit": 100}).json()
    facts = [n for n in body["nodes"] if n["kind"] == "fact"]
    moves = [f for f in facts if f["fact"]["kind"] == "IndexMovement"]
    seed_move = [f for f in moves if f["fact"]["values"].get("date") == "2025-02-04"]
    assert seed_move and seed_move[0]["fact"]["values"]["percentChange"] == 2.83
    assert any(e["source"] == seed_move[0]["iri"] and e["target"] == HSI for e in body["edges"])


def test_neighborhood_date_filter(client):
    params = {"iri": HSI, "comentions": True, "limit": 500}
    everything = client.get("/entities/neighborhood", params=params).json()
    seed_day = client.get("/entities/neighborhood", params={**params, "since": "2025-02-04",
                                                            "until": "2025-02-04"}).json()
    assert len(seed_day["nodes"]) < len(everything["nodes"])
    for edge in seed_day["edges"]:
        if edge["first_seen"]:
            assert edge["first_seen"] == edge["last_seen"] == "2025-02-04"


@pytest.mark.parametrize("fmt", ["cytoscape", "nodelink", "graphml", "gexf"])
def test_neighborhood_exports_open_in_graph_tools(client, fmt):
    import json

    import networkx as nx

    response = client.get("/entities/neighborhood", params={"iri": HSI, "comentions": True, "format": fmt})
    assert response.status_code == 200
    if fmt == "cytoscape":
        elements = response.json()["elements"]
        assert any(n["data"]["label"] == "Hang Seng Index" for n in elements["nodes"])
        assert all({"source", "target", "weight"} <= set(e["data"]) for e in elements["edges"])
        return
    if fmt == "nodelink":
        graph = nx.node_link_graph(json.loads(response.text), edges="links")
    else:
        graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(response.content))
    labels = {data.get("label") for _, data in graph.nodes(data=True)}
    assert "Hang Seng Index" in labels
    assert graph.number_of_edges() > 0
    assert all("weight" in data for _, _, data in graph.edges(data=True))


def test_export_by_accept_header_and_unknown_format(client):
    response = client.get("/entities/neighborhood", params={"iri": HSI}, headers={"accept": "application/graphml+xml"})
    assert response.headers["content-type"].startswith("application/graphml+xml")
    assert client.get("/entities/neighborhood", params={"iri": HSI, "format": "svg"}).status_code == 406


def test_paths_between_two_entities(client):
    xpeng = "https://w3id.org/marketgraph/id/entity/xpeng"
    us = "https://w3id.org/marketgraph/id/entity/united-states"
    body = client.get("/paths", params={"from": xpeng, "to": us}).json()
    assert body["paths"]
    for path in body["paths"]:
        assert path[0]["iri"] == xpeng and path[-1]["iri"] == us
    assert all(e["articles"] for e in body["edges"])
    assert client.get("/paths", params={"from": xpeng, "to": "nope"}).status_code == 400


def test_entity_detail(client):
    body = client.get("/entities/hang-seng-index").json()
    assert body["label"] == "Hang Seng Index" and body["types"] == ["StockIndex"]
    assert "http://www.wikidata.org/entity/Q1045" in body["same_as"] or body["same_as"] == []
    assert body["articles"] >= 2
    kinds = {f["kind"] for f in body["facts"]}
    assert "IndexMovement" in kinds
    assert all(f["evidence"]["text"] for f in body["facts"])
    assert client.get("/entities/no-such-entity").status_code == 404
    assert client.get("/entities/Bad%20Id").status_code == 400


def test_articles_list_and_detail(client):
    listing = client.get("/articles", params={"entity": HSI}).json()["articles"]
    seed = [a for a in listing if a["title"].startswith("Hong Kong stocks surge")]
    assert seed
    dated = client.get("/articles", params={"since": "2025-02-04", "until": "2025-02-04"}).json()["articles"]
    assert [a["title"] for a in dated] == [seed[0]["title"]]
    detail = client.get(f"/articles/{seed[0]['id']}").json()
    assert detail["creators"] == ["Zhang Tianyuan"]
    body = detail["body"]
    for entity in detail["entities"]:
        for mention in entity["mentions"]:
            assert body[mention["start"]:mention["end"]] == mention["text"]
    for fact in detail["facts"]:
        assert body[fact["evidence"]["start"]:fact["evidence"]["end"]] == fact["evidence"]["text"]
    assert client.get("/articles/00000000deadbeef").status_code == 404
    assert client.get("/articles/..%2F..%2Fetc").status_code in (400, 404)


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


def test_full_text_search(client):
    body = client.get("/search", params={"q": "Solomon Systech"}).json()
    (hit,) = body["results"]
    assert hit["title"].startswith("Hong Kong stocks surge")
    assert "<mark>Solomon</mark> <mark>Systech</mark>" in hit["snippet"]
    assert {"Hang Seng Index", "XPeng"} <= {e["label"] for e in hit["entities"]}
    assert client.get("/search", params={"q": "Solomon", "until": "2025-01-01"}).json()["results"] == []
    ranked = client.get("/search", params={"q": "tungsten OR molybdenum"}).json()["results"]
    assert len(ranked) > 1 and all("<mark>" in h["snippet"] + h["title"] for h in ranked)
    # FTS syntax errors are retried as plain words rather than failing
    assert client.get("/search", params={"q": 'Solomon "'}).json()["results"][0]["id"] == hit["id"]


def test_text_match_in_sparql(client):
    query = 'SELECT ?a WHERE { ?a a mg:Article FILTER(mg:textMatch(?a, "molybdenum")) }'
    found = {r["a"] for r in _bindings(client.get("/sparql", params={"query": query}))}
    containing = 'SELECT ?a WHERE { ?a a mg:Article ; mg:body ?b FILTER(CONTAINS(LCASE(?b), "molybdenum")) }'
    expected = {r["a"] for r in _bindings(client.get("/sparql", params={"query": containing}))}
    assert found == expected and len(found) >= 2


def test_text_index_follows_writes_and_removals(memory_store, seed_extraction):
    from graph.mapping import map_extraction

    graph = map_extraction(seed_extraction)
    memory_store.write_articles([graph])
    assert [h["article"] for h in memory_store.search_text("molybdenum")] == [str(graph.iri)]
    memory_store.remove_article(str(graph.iri))
    assert memory_store.search_text("molybdenum") == []


def test_federated_service_calls_are_refused(client):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert "SERVICE" in response.text
    # the word inside a string is data, not a keyword
    ok = client.get("/sparql", params={"query": 'ASK { ?s ?p "SERVICE" }'})
    assert ok.status_code == 200
