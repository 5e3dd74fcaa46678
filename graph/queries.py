"""Read operations over the store, shared by the Python API, the CLI and the HTTP API.

Values reach SPARQL only as bound terms (pyoxigraph substitutions), never as text; a
bound variable must appear in the SELECT clause, which is why the queries project them.
"""

from __future__ import annotations

import re
from datetime import date

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import InvalidIRI, NotFound
from graph.store import Store
from graph.vocab import article_iri, entity_iri

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,200}")
_ARTICLE_KEY = re.compile(r"[0-9a-f]{8,64}")

_ARTICLE_LIST = """
SELECT ?article ?title ?issued (COUNT(DISTINCT ?e) AS ?entities) %(projected)s WHERE {
  GRAPH ?article { ?article a mg:Article ; mg:mentions ?e .
                   OPTIONAL { ?article dcterms:title ?title } OPTIONAL { ?article dcterms:issued ?issued } }
  %(filters)s
} GROUP BY ?article ?title ?issued %(projected)s ORDER BY DESC(?issued) ?article
"""
#: Constant clauses added to _ARTICLE_LIST for each filter a caller sets (values stay bound terms).
_ARTICLE_FILTERS = {
    "entity": "GRAPH ?article { ?article mg:mentions ?entity }",
    "since": "FILTER(BOUND(?issued) && ?issued >= ?since)",
    "until": "FILTER(BOUND(?issued) && ?issued < ?until)",
}
_ARTICLE_META = """
SELECT ?article ?p ?o WHERE { GRAPH ?article { ?article ?p ?o } }
"""
_ARTICLE_ENTITIES = """
SELECT ?article ?e ?label ?type ?surface ?start ?end WHERE {
  GRAPH ?article { ?m a mg:Mention ; mg:entity ?e ; mg:surfaceForm ?surface ; mg:start ?start ; mg:end ?end }
  OPTIONAL { GRAPH <https://w3id.org/marketgraph/id/graph/entities> { ?e rdfs:label ?label ; a ?type } }
} ORDER BY ?start
"""
_ARTICLE_FACTS = """
SELECT ?article ?f ?kind ?p ?o ?text ?start ?end WHERE {
  GRAPH ?article {
    ?f prov:wasDerivedFrom ?article ; a ?kind ; mg:evidence ?ev ; ?p ?o .
    FILTER(?kind != mg:Mention)
    ?ev mg:text ?text ; mg:start ?start ; mg:end ?end .
    FILTER(?p NOT IN (rdf:type, prov:wasDerivedFrom, mg:evidence))
  }
} ORDER BY ?start ?f
"""
_ENTITY_FACTS = """
SELECT ?entity ?f ?kind ?article ?issued ?p ?o ?text WHERE {
  GRAPH ?article { ?f ?role ?entity ; a ?kind ; mg:evidence/mg:text ?text ; ?p ?o .
                   OPTIONAL { ?article dcterms:issued ?issued }
                   VALUES ?role { mg:index mg:company mg:issuedBy mg:targets mg:analyst mg:about }
                   FILTER(?p NOT IN (rdf:type, prov:wasDerivedFrom, mg:evidence)) }
} ORDER BY DESC(?issued) ?f
"""


def entity_iri_from_id(ident: str) -> str:
    """The IRI of an entity id (its slug, e.g. ``hang-seng-index``); InvalidIRI for a malformed one."""
    if not _SLUG.fullmatch(ident):
        raise InvalidIRI(f"not an entity id: {ident!r} (ids are lower-case words joined by hyphens)")
    return str(entity_iri(ident))


def article_iri_from_id(ident: str) -> str:
    """The IRI of an article id (the hex key in its IRI); InvalidIRI for a malformed one."""
    if not _ARTICLE_KEY.fullmatch(ident):
        raise InvalidIRI(f"not an article id: {ident!r} (article ids are hexadecimal)")
    return str(article_iri(ident))


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _group_facts(rows: list[dict], extra: tuple[str, ...] = ()) -> list[dict]:
    facts: dict[str, dict] = {}
    for row in rows:
        fact = facts.setdefault(row["f"], {"iri": row["f"], "kind": _local(row["kind"]), "values": {},
                                           "evidence": {"text": row["text"]},
                                           **{k: row.get(k) for k in extra}})
        if "start" in row:
            fact["evidence"].update(start=row["start"], end=row["end"])
        if row["kind"].endswith("#Fact") or row["kind"].endswith("#Policy"):
            continue
        key = _local(row["p"])
        value = row["o"]
        if key in ("appliesTo", "about"):
            fact["values"].setdefault(key, [])
            if value not in fact["values"][key]:
                fact["values"][key].append(value)
        else:
            fact["values"][key] = value
    return list(facts.values())


def list_articles(store: Store, *, entity: str | None = None, since: date | None = None,
                  until: date | None = None, limit: int = 50) -> list[dict]:
    """Articles, newest first, optionally only those mentioning ``entity`` (an IRI) or within dates."""
    bindings = {}
    if entity:
        bindings["entity"] = URIRef(entity)
    if since:
        bindings["since"] = Literal(f"{since.isoformat()}T00:00:00", datatype=XSD.dateTime)
    if until:
        bindings["until"] = Literal(f"{date.fromordinal(until.toordinal() + 1).isoformat()}T00:00:00",
                                    datatype=XSD.dateTime)
    query = _ARTICLE_LIST % {"projected": " ".join("?" + k for k in bindings),
                             "filters": "\n  ".join(_ARTICLE_FILTERS[k] for k in bindings)}
    rows = store.select(query, bindings)
    return [{"iri": r["article"], "id": _local(r["article"]), "title": r["title"], "issued": r["issued"],
             "entities": r["entities"]} for r in rows[:limit]]


def article_details(store: Store, iri: str) -> dict:
    """An article's metadata, body, entities (with mention offsets) and facts (with evidence)."""
    meta: dict[str, list] = {}
    for row in store.select(_ARTICLE_META, {"article": URIRef(iri)}):
        meta.setdefault(_local(row["p"]), []).append(row["o"])
    if not meta:
        raise NotFound(f"no article {iri} in the store")
    entities: dict[str, dict] = {}
    for row in store.select(_ARTICLE_ENTITIES, {"article": URIRef(iri)}):
        entity = entities.setdefault(row["e"], {"iri": row["e"], "label": row["label"], "types": [], "mentions": []})
        if row["type"] and _local(row["type"]) not in entity["types"]:
            entity["types"].append(_local(row["type"]))
        mention = {"text": row["surface"], "start": row["start"], "end": row["end"]}
        if mention not in entity["mentions"]:
            entity["mentions"].append(mention)
    facts = _group_facts(store.select(_ARTICLE_FACTS, {"article": URIRef(iri)}))
    first = lambda key: (meta.get(key) or [None])[0]  # noqa: E731
    return {
        "iri": iri,
        "id": _local(iri),
        "title": first("title"),
        "issued": first("issued"),
        "modified": first("modified"),
        "creators": meta.get("creator", []),
        "source": first("source"),
        "body": first("body"),
        "entities": list(entities.values()),
        "facts": facts,
    }


def entity_facts(store: Store, iri: str, *, limit: int = 20) -> list[dict]:
    """The latest facts an entity takes part in, newest article first."""
    rows = store.select(_ENTITY_FACTS, {"entity": URIRef(iri)})
    return _group_facts(rows, extra=("article", "issued"))[:limit]
