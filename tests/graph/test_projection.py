"""The Python face: the README's example, and the projection staying in step with the store."""

from graph import Projection
from graph.mapping import map_extraction


def test_readme_python_example(seeded_store):
    kg = Projection(seeded_store)
    kg.refresh()
    hsi = kg.search("Hang Seng")[0]["iri"]
    labels = [n["label"] for n in kg.neighborhood(hsi, comentions=True, limit=10)["nodes"]]
    assert labels[0] == "Hang Seng Index" and len(labels) == 11


def test_projection_follows_every_write(memory_store, seed_extraction, extractor):
    kg = Projection(memory_store)
    kg.refresh()
    assert kg.search("XPeng") == []
    graph = map_extraction(seed_extraction)
    memory_store.write_articles([graph])
    assert kg.refresh() is True  # the store's revision moved
    assert kg.search("XPeng")[0]["label"] == "XPeng"
    assert kg.refresh() is False  # nothing changed: no rebuild
    memory_store.remove_article(str(graph.iri))
    assert kg.refresh() is True
    assert kg.search("XPeng") == []  # no other article mentions it: its description went with the article


def test_policy_edges_join_issuer_and_target(memory_store, seed_extraction):
    memory_store.write_articles([map_extraction(seed_extraction)])
    kg = Projection(memory_store)
    kg.refresh()
    us = "https://w3id.org/marketgraph/id/entity/united-states"
    china = "https://w3id.org/marketgraph/id/entity/china"
    edge = kg.graph.edges[us, china]
    assert "Tariff" in edge["relations"]
    view = kg.neighborhood(us, limit=100)
    tariff_edges = [e for e in view["edges"] if any(r["relation"] == "Tariff" for r in e["relations"])]
    assert {(e["source"], e["target"]) for e in tariff_edges} & {(us, china), (china, us)}
