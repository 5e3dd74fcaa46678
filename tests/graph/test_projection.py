"""The Python face: the README's example, and the projection staying in step with the store."""

import pytest

from graph import Projection
from graph.errors import NotFound
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


def test_projection_is_saved_beside_the_store_and_read_back(tmp_path, seed_extraction, monkeypatch):
    from graph.store import open_store

    store = open_store(tmp_path / "kg")
    graph = map_extraction(seed_extraction)
    store.write_articles([graph])
    built = Projection(store)
    built.refresh()
    assert (tmp_path / "kg.projection").exists()
    hsi = built.search("Hang Seng")[0]["iri"]

    def no_rebuild(self):
        raise AssertionError("rebuilt although the saved projection matches the store")

    with monkeypatch.context() as patch:  # a restart on the unchanged store reads the saved file
        patch.setattr(Projection, "_build", no_rebuild)
        restarted = Projection(store)
        assert restarted.refresh() is True
    for hops in (1, 2):
        assert restarted.neighborhood(hsi, hops=hops, comentions=True) == built.neighborhood(hsi, hops=hops,
                                                                                             comentions=True)
    assert restarted.search("Hang Seng") == built.search("Hang Seng")
    # facts are read back on first use, and come out as built
    assert restarted.neighborhood(hsi, facts_as_nodes=True) == built.neighborhood(hsi, facts_as_nodes=True)
    assert any(n["kind"] == "fact" for n in restarted.neighborhood(hsi, facts_as_nodes=True)["nodes"])
    some = next(iter(built.nodes))
    assert restarted.paths(hsi, some) == built.paths(hsi, some)

    store.remove_article(str(graph.iri))  # a write: the saved file is stale and the projection rebuilt
    assert restarted.refresh() is True
    with pytest.raises(NotFound):  # its only article gone, the entity is gone too
        restarted.node_info(hsi)
    store.close()


def test_a_damaged_saved_projection_is_rebuilt(tmp_path, seed_extraction):
    from graph.store import open_store

    store = open_store(tmp_path / "kg")
    store.write_articles([map_extraction(seed_extraction)])
    Projection(store).refresh()
    (tmp_path / "kg.projection").write_bytes(b"not a projection")
    again = Projection(store)
    again.refresh()
    assert again.search("Hang Seng")[0]["label"] == "Hang Seng Index"
    store.close()


def test_a_replaced_projection_is_freed(memory_store, seed_extraction):
    import weakref

    kg = Projection(memory_store)
    kg.refresh()
    old_graph = weakref.ref(kg.graph)
    graph = map_extraction(seed_extraction)
    memory_store.write_articles([graph])
    assert kg.refresh() is True
    # freed at once, by reference counting: it holds no reference cycles, so the freeze that keeps
    # the collector off the live projection (and leaves the old one out of its collections) leaks nothing
    assert old_graph() is None


def test_readers_keep_the_current_projection_while_a_writer_changes_the_store(memory_store, seed_extraction):
    import threading

    kg = Projection(memory_store)
    kg.refresh()
    changed, release = threading.Event(), threading.Event()

    def writer() -> None:
        with kg.updating():
            memory_store.write_articles([map_extraction(seed_extraction)])
            changed.set()
            release.wait(10)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert changed.wait(10)
        assert kg.refresh(wait=False) is False  # no waiting for the writer, no rebuild of its own
        assert kg.search("XPeng") == []  # the projection before the write: a consistent snapshot
    finally:
        release.set()
        thread.join()
    assert kg.search("XPeng")[0]["label"] == "XPeng"  # the writer refreshed it at the end
    assert kg.refresh(wait=False) is False
