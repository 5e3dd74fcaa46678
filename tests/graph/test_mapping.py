from rdflib.namespace import DCTERMS, PROV, RDF, XSD

from graph.mapping import map_extraction
from graph.vocab import ENTITIES_GRAPH, MG, article_iri


def _by(quads, predicate):
    return [q for q in quads if q[1] == predicate]


def test_article_graph_holds_metadata_and_is_named_by_the_article(seed_extraction):
    graph = map_extraction(seed_extraction)
    node = article_iri(seed_extraction.article.key)
    assert graph.iri == node
    article_quads = [q for q in graph.quads if q[3] == node]
    assert (node, RDF.type, MG.Article, node) in article_quads
    (title,) = [q[2] for q in _by(article_quads, DCTERMS.title) if q[0] == node]
    assert str(title) == "Hong Kong stocks surge on AI optimism despite US-China trade tensions"
    (issued,) = [q[2] for q in _by(article_quads, DCTERMS.issued)]
    assert issued.datatype == XSD.dateTime and str(issued) == "2025-02-04T09:47:00"
    (modified,) = [q[2] for q in _by(article_quads, DCTERMS.modified)]
    assert str(modified) == "2025-02-04T19:28:00"
    assert [str(q[2]) for q in _by(article_quads, DCTERMS.creator)] == ["Zhang Tianyuan"]
    # everything is either in the article's graph or in the shared entities graph
    assert {q[3] for q in graph.quads} == {node, ENTITIES_GRAPH}


def test_every_fact_and_mention_has_provenance_and_evidence(seed_extraction):
    graph = map_extraction(seed_extraction)
    node = article_iri(seed_extraction.article.key)
    body = seed_extraction.article.body
    subjects = {q[0] for q in graph.quads if q[1] == RDF.type and q[2] in (
        MG.IndexMovement, MG.StockMovement, MG.AnalystView, MG.Tariff, MG.ExportControl, MG.Investigation, MG.Mention)}
    assert len(subjects) >= 20
    triples = {(q[0], q[1]): q[2] for q in graph.quads}
    for subject in subjects:
        assert triples[(subject, PROV.wasDerivedFrom)] == node
        evidence = triples[(subject, MG.evidence)]
        start, end = int(triples[(evidence, MG.start)]), int(triples[(evidence, MG.end)])
        assert body[start:end] == str(triples[(evidence, MG.text)])
        assert 0 < float(triples[(subject, MG.confidence)]) <= 1
        assert str(triples[(subject, MG.extractedBy)])


def test_entities_have_one_label_unless_the_store_labels_them(seed_extraction):
    from rdflib.namespace import RDFS, SKOS

    graph = map_extraction(seed_extraction)
    labels = _by(graph.quads, RDFS.label)
    assert len({q[0] for q in labels}) == len(labels) == len(seed_extraction.entities)
    again = map_extraction(seed_extraction, labelled=seed_extraction.entities.keys())
    assert not _by(again.quads, RDFS.label)
    assert _by(again.quads, SKOS.altLabel)


def test_index_movement_is_typed_with_decimal_values(seed_extraction):
    graph = map_extraction(seed_extraction)
    moves = {q[0] for q in graph.quads if q[1] == RDF.type and q[2] == MG.IndexMovement}
    values = {(q[0], q[1]): q[2] for q in graph.quads if q[0] in moves}
    hsi = [m for m in moves if str(values[(m, MG['index'])]).endswith("/hang-seng-index")]
    assert len(hsi) == 1
    pct = values[(hsi[0], MG.percentChange)]
    assert pct.datatype == XSD.decimal and str(pct) == "2.83"
    assert str(values[(hsi[0], MG.closeLevel)]) == "20789.96"
    assert values[(hsi[0], MG.date)].datatype == XSD.date and str(values[(hsi[0], MG.date)]) == "2025-02-04"
