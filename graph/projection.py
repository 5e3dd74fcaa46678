"""A networkx view of the store at entity level, for neighborhoods, paths and search.

Nodes are entities (IRIs) with label, types, aliases and the number of articles that
mention them. Edges join two entities and carry, per relation, the articles behind it:
direct relations (``mg:headquarteredIn``, ``mg:jurisdiction``, ``mg:country``,
``mg:listedOn``), fact relations (a policy's issuer and target, an analyst view's firm
and subject) and co-mentions in the same article. The projection remembers the store
revision it was built from, and :meth:`Projection.refresh` rebuilds it when the store
has changed since.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
from rapidfuzz import fuzz, process

from graph.errors import NotFound
from graph.store import Store
from graph.vocab import MG
from ingest.gazetteer import normalize_name

_TYPES_QUERY = """
SELECT ?e ?label ?type WHERE { GRAPH <https://w3id.org/marketgraph/id/graph/entities> { ?e rdfs:label ?label ; a ?type } }
"""
_ALIAS_QUERY = "SELECT ?e ?alt WHERE { GRAPH <https://w3id.org/marketgraph/id/graph/entities> { ?e skos:altLabel ?alt } }"
_MENTIONS_QUERY = "SELECT ?a ?e WHERE { ?a mg:mentions ?e }"
_DIRECT_QUERY = """
SELECT ?s ?p ?o WHERE {
  GRAPH <https://w3id.org/marketgraph/id/graph/entities> { ?s ?p ?o VALUES ?p { mg:headquarteredIn mg:jurisdiction mg:country mg:listedOn } }
}
"""
_FACT_QUERY = """
SELECT ?f ?kind ?a ?x ?rx ?y ?ry WHERE {
  { ?f mg:issuedBy ?x ; mg:targets ?y ; a ?kind ; prov:wasDerivedFrom ?a .
    BIND("issuedBy" AS ?rx) BIND("targets" AS ?ry) ?kind rdfs:subClassOf* mg:Policy }
  UNION
  { ?f a mg:AnalystView ; mg:analyst ?x ; mg:about ?y ; prov:wasDerivedFrom ?a .
    BIND(mg:AnalystView AS ?kind) BIND("analyst" AS ?rx) BIND("about" AS ?ry) }
}
"""

#: Relation names used on edges for the direct properties.
DIRECT_RELATIONS = {str(MG[p]): p for p in ("headquarteredIn", "jurisdiction", "country", "listedOn")}


@dataclass
class Node:
    iri: str
    label: str
    types: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    articles: int = 0


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Projection:
    """The entity graph of a store, rebuilt when the store's revision changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.graph = nx.Graph()
        self.nodes: dict[str, Node] = {}
        self.revision: str | None = None
        self._names: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def refresh(self) -> bool:
        """Rebuild when the store changed since the last build; True when it did."""
        revision = self.store.revision()
        if revision == self.revision:
            return False
        with self._lock:
            if revision != self.revision:
                self._build()
                self.revision = revision
        return True

    def _build(self) -> None:
        store = self.store
        nodes: dict[str, Node] = {}
        for row in store.select(_TYPES_QUERY):
            node = nodes.setdefault(row["e"], Node(row["e"], row["label"]))
            node.types.add(_local(row["type"]))
        for row in store.select(_ALIAS_QUERY):
            if row["e"] in nodes:
                nodes[row["e"]].aliases.add(row["alt"])
        graph = nx.Graph()
        for iri, node in nodes.items():
            graph.add_node(iri)

        def link(a: str, b: str, relation: str, article: str | None, source: str, target: str) -> None:
            if a == b or a not in nodes or b not in nodes:
                return
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, relations={}, articles=set())
            data = graph.edges[a, b]
            rel = data["relations"].setdefault(relation, {"source": source, "target": target, "articles": set()})
            if article:
                rel["articles"].add(article)
                data["articles"].add(article)

        by_article: dict[str, list[str]] = defaultdict(list)
        for row in store.select(_MENTIONS_QUERY):
            by_article[row["a"]].append(row["e"])
        for entity_list in by_article.values():
            for e in set(entity_list):
                if e in nodes:
                    nodes[e].articles += 1
        for row in store.select(_DIRECT_QUERY):
            relation = DIRECT_RELATIONS[row["p"]]
            link(row["s"], row["o"], relation, None, row["s"], row["o"])
        for row in store.select(_FACT_QUERY):
            kind = _local(row["kind"])
            link(row["x"], row["y"], kind, row["a"], row["x"], row["y"])
        for article, entity_list in by_article.items():
            for a, b in combinations(sorted(set(entity_list)), 2):
                link(a, b, "mentionedWith", article, a, b)
        names: dict[str, list[str]] = defaultdict(list)
        for iri, node in nodes.items():
            for name in {node.label, *node.aliases}:
                names[normalize_name(name)].append(iri)
        self.graph, self.nodes, self._names = graph, nodes, dict(names)

    # -- queries -----------------------------------------------------------------------

    def node_info(self, iri: str) -> dict:
        node = self.nodes[iri]
        return {
            "iri": iri,
            "label": node.label,
            "types": sorted(node.types),
            "aliases": sorted(node.aliases),
            "articles": node.articles,
        }

    def _edge_info(self, a: str, b: str) -> dict:
        data = self.graph.edges[a, b]
        relations = [
            {"relation": name, "source": rel["source"], "target": rel["target"], "articles": len(rel["articles"])}
            for name, rel in sorted(data["relations"].items())
        ]
        return {
            "source": a,
            "target": b,
            "relations": relations,
            "weight": max(1, len(data["articles"])),
            "articles": sorted(data["articles"])[:20],
        }

    def weight(self, a: str, b: str) -> int:
        return max(1, len(self.graph.edges[a, b]["articles"]))

    def neighborhood(self, iri: str, *, hops: int = 1, limit: int = 50, types: set[str] | None = None) -> dict:
        """The entities within ``hops`` of ``iri``: the ``limit`` strongest, and the edges among them.

        Raises :class:`~graph.errors.NotFound` for an IRI the graph does not hold.
        """
        if iri not in self.nodes:
            raise NotFound(f"no entity {iri} in the graph")
        chosen: dict[str, int] = {iri: 0}
        frontier = [iri]
        for depth in range(1, hops + 1):
            ranked: dict[str, int] = {}
            for current in frontier:
                for neighbor in self.graph.neighbors(current):
                    if neighbor in chosen:
                        continue
                    if types and not (self.nodes[neighbor].types & types):
                        continue
                    w = self.weight(current, neighbor)
                    ranked[neighbor] = max(ranked.get(neighbor, 0), w)
            room = limit - (len(chosen) - 1)
            if room <= 0:
                break
            best = sorted(ranked, key=lambda n: (-ranked[n], -self.nodes[n].articles, self.nodes[n].label))[:room]
            for n in best:
                chosen[n] = depth
            frontier = best
        sub = self.graph.subgraph(chosen)
        nodes = []
        for n, depth in chosen.items():
            info = self.node_info(n)
            info["hops"] = depth
            nodes.append(info)
        edges = [self._edge_info(a, b) for a, b in sub.edges]
        edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
        return {"center": self.node_info(iri), "hops": hops, "nodes": nodes, "edges": edges}

    def search(self, text: str, *, types: set[str] | None = None, limit: int = 10) -> list[dict]:
        """Entities whose label or alias matches ``text``: exact, then prefix, then fuzzy.

        Ranked by match quality (label before alias), then by the number of articles.
        """
        query = normalize_name(text)
        if not query:
            return []
        scores: dict[str, float] = {}
        for name, iris in self._names.items():
            if name == query:
                score = 100.0
            elif name.startswith(query):
                score = 90.0
            elif f" {query}" in f" {name}":
                score = 80.0
            else:
                continue
            for iri in iris:
                is_label = normalize_name(self.nodes[iri].label) == name
                scores[iri] = max(scores.get(iri, 0), score + (5 if is_label else 0))
        if len(scores) < limit and len(query) >= 3:
            for name, score, _ in process.extract(query, self._names.keys(), scorer=fuzz.WRatio,
                                                  score_cutoff=85, limit=limit * 2):
                for iri in self._names[name]:
                    scores.setdefault(iri, min(score, 79.0) * 0.9)
        hits = [iri for iri in scores if not types or self.nodes[iri].types & types]
        hits.sort(key=lambda i: (-scores[i], -self.nodes[i].articles, self.nodes[i].label))
        return [dict(self.node_info(i), score=round(scores[i], 1)) for i in hits[:limit]]
