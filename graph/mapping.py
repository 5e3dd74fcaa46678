"""Extraction -> quads: the article's named graph and the shared entity descriptions.

Everything read from one article goes to the article's own named graph (its IRI is the
graph name); descriptions of entities (type, label, aliases, sameAs, ticker, country)
go to the entities graph, where a store keeps each triple once, so that queries over
the union default graph see no duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from graph.vocab import (
    ENTITIES_GRAPH,
    MG,
    WD,
    article_iri,
    entity_iri,
    evidence_iri,
    fact_iri,
    mention_iri,
)
from ingest.extraction import Entity, Extraction

Triple = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode]
Quad = tuple[URIRef | BNode, URIRef, URIRef | Literal | BNode, URIRef]

_COUNTRY_PROPERTY = {
    "Company": MG.headquarteredIn,
    "AnalystFirm": MG.headquarteredIn,
    "StockExchange": MG.headquarteredIn,
    "GovernmentBody": MG.jurisdiction,
    "StockIndex": MG.country,
    "City": MG.country,
    "Person": MG.country,
}


@dataclass
class ArticleGraph:
    """The quads of one article, ready for the store."""

    iri: URIRef
    content_hash: str
    quads: list[Quad] = field(default_factory=list)
    #: What the full-text index needs: title, body, publication time, evidence sentences.
    title: str = ""
    body: str = ""
    issued: str | None = None
    evidence: list[str] = field(default_factory=list)


def _literal(value: object) -> Literal:
    if isinstance(value, Decimal):
        return Literal(format(value.normalize(), "f"), datatype=XSD.decimal)
    if isinstance(value, datetime):
        return Literal(value.isoformat(), datatype=XSD.dateTime)
    if isinstance(value, date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(format(Decimal(repr(value)).normalize(), "f"), datatype=XSD.decimal)
    return Literal(str(value))


def _decimal(value: float) -> Literal:
    return _literal(Decimal(str(round(value, 4))))


def entity_triples(entity: Entity, *, with_label: bool = True) -> list[Triple]:
    """The description of an entity: types, label, aliases, sameAs, ticker, country links.

    ``with_label=False`` writes the canonical name as an alias instead, for an entity
    the store already labels (every entity keeps exactly one ``rdfs:label``).
    """
    node = entity_iri(entity.key)
    triples: list[Triple] = [(node, RDF.type, MG[entity.type])]
    if entity.type == "AnalystFirm":
        triples.append((node, RDF.type, MG.Company))
    if with_label:
        triples.append((node, RDFS.label, Literal(entity.label)))
    aliases = set(entity.aliases) | ({entity.label} if not with_label else set())
    for alias in sorted(aliases - ({entity.label} if with_label else set())):
        triples.append((node, SKOS.altLabel, Literal(alias)))
    if entity.wikidata:
        triples.append((node, OWL.sameAs, WD[entity.wikidata]))
    if entity.ticker:
        triples.append((node, MG.ticker, Literal(entity.ticker)))
    if entity.country and entity.country != entity.key:
        triples.append((node, _COUNTRY_PROPERTY.get(entity.type, MG.country), entity_iri(entity.country)))
    if entity.exchange:
        triples.append((node, MG.listedOn, entity_iri(entity.exchange)))
    return triples


def map_extraction(extraction: Extraction, *, labelled: Iterable[str] = ()) -> ArticleGraph:
    """Map one :class:`Extraction` to quads.

    ``labelled`` holds keys of entities the store already has a label for.
    """
    article = extraction.article
    key = article.key
    node = article_iri(key)
    graph = ArticleGraph(node, article.content_hash, title=article.title, body=article.body,
                         issued=article.published.isoformat() if article.published else None)
    out = graph.quads

    def add(s, p, o, g=node) -> None:
        out.append((s, p, o, g))

    add(node, RDF.type, MG.Article)
    if article.title:
        add(node, DCTERMS.title, Literal(article.title))
    if article.published:
        add(node, DCTERMS.issued, _literal(article.published))
    if article.modified:
        add(node, DCTERMS.modified, _literal(article.modified))
    for name in article.byline:
        add(node, DCTERMS.creator, Literal(name))
    if article.url:
        add(node, DCTERMS.source, URIRef(article.url))
    if article.section:
        add(node, MG.section, Literal(article.section))
    add(node, MG.contentHash, Literal(article.content_hash))
    add(node, MG.body, Literal(article.body))

    labelled = set(labelled)
    for entity in extraction.entities.values():
        for s, p, o in entity_triples(entity, with_label=entity.key not in labelled):
            add(s, p, o, ENTITIES_GRAPH)
        add(node, MG.mentions, entity_iri(entity.key))

    evidence_nodes: set[int] = set()

    def evidence(ev) -> URIRef:
        ev_node = evidence_iri(key, ev.sentence)
        if ev.sentence not in evidence_nodes:
            evidence_nodes.add(ev.sentence)
            graph.evidence.append(ev.text)
            add(ev_node, RDF.type, MG.Evidence)
            add(ev_node, MG.text, Literal(ev.text))
            add(ev_node, MG.start, _literal(ev.start))
            add(ev_node, MG.end, _literal(ev.end))
        return ev_node

    for n, mention in enumerate(extraction.mentions):
        m = mention_iri(key, n)
        add(m, RDF.type, MG.Mention)
        add(m, MG.entity, entity_iri(mention.entity))
        add(m, MG.surfaceForm, Literal(mention.text))
        add(m, MG.start, _literal(mention.start))
        add(m, MG.end, _literal(mention.end))
        add(m, PROV.wasDerivedFrom, node)
        add(m, MG.evidence, evidence(mention.evidence))
        add(m, MG.confidence, _decimal(mention.confidence))
        add(m, MG.extractedBy, Literal(mention.extracted_by))

    for n, fact in enumerate(extraction.facts):
        f = fact_iri(key, n)
        add(f, RDF.type, MG[fact.kind])
        for role, keys in fact.roles.items():
            for entity_key in keys:
                add(f, MG[role], entity_iri(entity_key))
        for prop, value in fact.values.items():
            for item in value if isinstance(value, tuple) else (value,):
                if item is not None:
                    add(f, MG[prop], _literal(item))
        add(f, PROV.wasDerivedFrom, node)
        add(f, MG.evidence, evidence(fact.evidence))
        add(f, MG.confidence, _decimal(fact.confidence))
        add(f, MG.extractedBy, Literal(fact.extracted_by))
    return graph
