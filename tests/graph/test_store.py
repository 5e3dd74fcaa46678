import dataclasses

import pytest

from graph.errors import InvalidIRI, QuerySyntaxError, StoreLocked
from graph.mapping import map_extraction
from graph.store import open_store
from graph.vocab import article_iri


def _articles(store):
    return store.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a mg:Article }")[0]["n"]


def test_reingest_is_a_noop_and_a_changed_version_replaces(memory_store, seed_extraction, extractor):
    graph = map_extraction(seed_extraction)
    first = memory_store.write_articles([graph])
    assert (first.new, first.unchanged) == (1, 0)
    count = memory_store.triple_count()
    revision = memory_store.revision()

    again = memory_store.write_articles([map_extraction(seed_extraction)])
    assert (again.new, again.unchanged, again.quads) == (0, 1, 0)
    assert memory_store.triple_count() == count
    assert memory_store.revision() == revision

    article = seed_extraction.article
    edited = dataclasses.replace(article, body=article.body.replace("2.83 percent", "2.90 percent"))
    assert edited.key == article.key
    report = memory_store.write_articles([map_extraction(extractor.extract(edited))])
    assert (report.replaced, report.new) == (1, 0)
    assert _articles(memory_store) == 1
    rows = memory_store.select(
        "SELECT ?pct WHERE { ?m mg:index id:entity\\/hang-seng-index ; mg:percentChange ?pct }")
    assert [r["pct"] for r in rows] == [2.9]
    assert memory_store.revision() != revision


def test_union_default_graph_has_no_duplicate_entity_triples(memory_store, extractor, seed_extraction):
    memory_store.write_articles([map_extraction(seed_extraction)])
    other = dataclasses.replace(seed_extraction.article, title="Another story", url="https://example.test/2")
    memory_store.write_articles([map_extraction(extractor.extract(other), labelled=seed_extraction.entities.keys())])
    rows = memory_store.select("SELECT ?l WHERE { id:entity\\/hang-seng-index rdfs:label ?l }")
    assert rows == [{"l": "Hang Seng Index"}]
    assert _articles(memory_store) == 2


def test_ontology_is_loaded_once_and_enables_subclass_queries(memory_store, settings, seed_extraction):
    assert memory_store.ensure_ontology(settings.ontology) is False  # already there from the fixture
    memory_store.write_articles([map_extraction(seed_extraction)])
    rows = memory_store.select("""
        SELECT DISTINCT ?label WHERE { ?x a/rdfs:subClassOf* mg:Company ; rdfs:label ?label }""")
    labels = {r["label"] for r in rows}
    firms = {r["label"] for r in memory_store.select("SELECT ?label WHERE { ?x a mg:AnalystFirm ; rdfs:label ?label }")}
    assert "Huatai Securities" in firms
    assert firms <= labels  # analyst firms are companies
    assert "Hang Seng Index" not in labels
    rows = memory_store.select("SELECT (COUNT(*) AS ?n) WHERE { ?p a/rdfs:subClassOf* mg:Policy }")
    assert rows[0]["n"] >= 4


def test_store_persists_across_reopen(tmp_path, seed_extraction):
    path = tmp_path / "kg"
    store = open_store(path)
    store.write_articles([map_extraction(seed_extraction)])
    count = store.triple_count()
    store.close()
    reopened = open_store(path, read_only=True)
    assert reopened.triple_count() == count
    assert reopened.article_hashes([str(article_iri(seed_extraction.article.key))])
    reopened.close()


def test_a_second_writer_gets_a_clear_error(tmp_path):
    store = open_store(tmp_path / "kg")
    try:
        with pytest.raises(StoreLocked, match="in use by another process"):
            open_store(tmp_path / "kg")
    finally:
        store.close()


def test_query_errors_and_bound_values(memory_store, seed_extraction):
    memory_store.write_articles([map_extraction(seed_extraction)])
    with pytest.raises(QuerySyntaxError, match=r"1:\d+"):
        memory_store.query("SELECT ?x WHERE { ?x ?y }")
    from rdflib import Literal

    rows = memory_store.select("SELECT ?e ?name WHERE { ?e rdfs:label ?name }", {"name": Literal("XPeng")})
    assert len(rows) == 1
    with pytest.raises(InvalidIRI):
        memory_store.query("SELECT * WHERE { ?s ?p ?o }", default_graphs=["not an iri>"])


def test_remove_article(memory_store, seed_extraction):
    graph = map_extraction(seed_extraction)
    memory_store.write_articles([graph])
    assert memory_store.remove_article(str(graph.iri)) is True
    assert _articles(memory_store) == 0
    assert memory_store.remove_article(str(graph.iri)) is False


def test_text_index_catches_up_with_a_bulk_load(tmp_path, seed_extraction):
    source = open_store(None)
    source.write_articles([map_extraction(seed_extraction)])
    dump = tmp_path / "kg.nq"
    with dump.open("wb") as handle:
        source.dump(handle, "nquads")
    store = open_store(tmp_path / "kg")
    store.load(dump, "nquads")
    hits = store.search_text("molybdenum")
    assert [h["article"] for h in hits] == [str(article_iri(seed_extraction.article.key))]
    store.close()


def test_writes_keep_the_text_index_in_step_without_a_rebuild(tmp_path, settings, seed_extraction):
    store = open_store(tmp_path / "kg")
    store.ensure_ontology(settings.ontology)
    store.write_articles([map_extraction(seed_extraction)])
    assert store.text.meta("revision") == store.revision()  # indexed as written, not at the next search
    assert len(store.text) == 1
    store.close()
