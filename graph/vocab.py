"""The marketgraph vocabulary: namespaces and the one function that mints IRIs.

Every IRI the project writes is built here, from typed namespace objects, so that
no other module spells an IRI out in a string (STYLE.md, rule 4).

>>> from graph.vocab import MG, entity_iri
>>> str(MG.StockIndex)
'https://w3id.org/marketgraph/ontology#StockIndex'
>>> str(entity_iri("hang-seng-index"))
'https://w3id.org/marketgraph/id/entity/hang-seng-index'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

MG = Namespace("https://w3id.org/marketgraph/ontology#")
ID = Namespace("https://w3id.org/marketgraph/id/")
WD = Namespace("http://www.wikidata.org/entity/")

#: Named graphs that are not articles.
ONTOLOGY_GRAPH = ID["graph/ontology"]
ENTITIES_GRAPH = ID["graph/entities"]
META_GRAPH = ID["graph/meta"]
STORE_NODE = ID["store"]

#: The prefixes predeclared for SPARQL queries and used in serializations.
PREFIXES: dict[str, str] = {
    "mg": str(MG),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "schema": "http://schema.org/",
    "wd": str(WD),
}

#: Entity classes of the vocabulary, by local name.
ENTITY_TYPES = (
    "Company",
    "AnalystFirm",
    "StockIndex",
    "Country",
    "GovernmentBody",
    "StockExchange",
    "City",
    "Person",
)

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """Normalise a name to an IRI-safe slug: ASCII, lower case, hyphens.

    >>> slugify("Société Générale")
    'societe-generale'
    >>> slugify("  JD.com ")
    'jd-com'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", ascii_name.lower()).strip("-")
    return slug or "x" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:12]


def entity_iri(key: str) -> URIRef:
    """The IRI of the entity whose key (a gazetteer id or a normalised name) is ``key``."""
    return ID["entity/" + slugify(key)]


def article_iri(key: str) -> URIRef:
    """The IRI (and named graph) of the article whose identity key is ``key``."""
    return ID["article/" + key]


def fact_iri(article_key: str, n: int) -> URIRef:
    """The IRI of the ``n``-th fact extracted from an article."""
    return ID[f"fact/{article_key}-{n}"]


def mention_iri(article_key: str, n: int) -> URIRef:
    """The IRI of the ``n``-th entity mention in an article."""
    return ID[f"mention/{article_key}-{n}"]


def evidence_iri(article_key: str, sentence: int) -> URIRef:
    """The IRI of the evidence node for one sentence of an article."""
    return ID[f"evidence/{article_key}-s{sentence}"]
