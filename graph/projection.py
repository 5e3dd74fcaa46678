"""A networkx view of the store at entity level, for neighborhoods, paths and search.

Nodes are entities (IRIs) with label, types, aliases and the number of articles that
mention them. Edges join two entities and carry, per relation, the articles behind it:

* direct relations of the entity descriptions (``headquarteredIn``, ``jurisdiction``,
  ``country``, ``listedOn``);
* fact relations: a policy joins its issuer and its target (relation: the policy class,
  ``Tariff``…), an analyst view joins the firm and what it is about (``AnalystView``);
* co-mentions (``mentionedWith``): two entities named by the same article.

Facts are kept too (kind, the entities in each role, values, article, confidence), so
that a neighborhood can show them as nodes of their own. Every edge knows its articles,
and articles their publication dates, so views filter by date and confidence.

The projection remembers the store revision it was built from; :meth:`Projection.refresh`
rebuilds it when the store changed since, so it is never stale and never rebuilt per
request.
"""

from __future__ import annotations

import heapq
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations, islice

import networkx as nx
from rapidfuzz import fuzz, process

from graph.errors import NotFound
from graph.store import Store
from graph.vocab import MG
from ingest.gazetteer import normalize_name

_ENTITIES = "<https://w3id.org/marketgraph/id/graph/entities>"
_TYPES_QUERY = f"SELECT ?e ?label ?type WHERE {{ GRAPH {_ENTITIES} {{ ?e rdfs:label ?label ; a ?type }} }}"
_ALIAS_QUERY = f"SELECT ?e ?alt WHERE {{ GRAPH {_ENTITIES} {{ ?e skos:altLabel ?alt }} }}"
_SAME_AS_QUERY = f"SELECT ?e ?same WHERE {{ GRAPH {_ENTITIES} {{ ?e owl:sameAs ?same }} }}"
_MENTIONS_QUERY = "SELECT ?a ?e WHERE { GRAPH ?a { ?a mg:mentions ?e } }"
_ARTICLES_QUERY = "SELECT ?a ?issued WHERE { GRAPH ?a { ?a a mg:Article OPTIONAL { ?a dcterms:issued ?issued } } }"
_DIRECT_QUERY = f"""
SELECT ?s ?p ?o WHERE {{
  GRAPH {_ENTITIES} {{ ?s ?p ?o VALUES ?p {{ mg:headquarteredIn mg:jurisdiction mg:country mg:listedOn }} }}
}}"""
_FACTS_QUERY = """
SELECT ?f ?kind ?a ?role ?x ?confidence WHERE {
  GRAPH ?a {
    ?f prov:wasDerivedFrom ?a ; a ?kind ; ?role ?x .
    OPTIONAL { ?f mg:confidence ?confidence }
    VALUES ?role { mg:index mg:company mg:issuedBy mg:targets mg:analyst mg:about }
  }
}"""
_VALUES_QUERY = """
SELECT ?f ?p ?v WHERE {
  GRAPH ?a {
    ?f prov:wasDerivedFrom ?a ; ?p ?v .
    VALUES ?p { mg:percentChange mg:closeLevel mg:date mg:ratePercent mg:appliesTo mg:effectiveDate mg:priceChange }
  }
}"""

#: Relation names used on edges for the direct properties.
DIRECT_RELATIONS = {str(MG[p]): p for p in ("headquarteredIn", "jurisdiction", "country", "listedOn")}
#: Which roles of a fact kind become an edge, as (source role, target role).
FACT_EDGES = {"AnalystView": ("analyst", "about")}
POLICY_EDGE = ("issuedBy", "targets")


@dataclass
class Node:
    iri: str
    label: str
    types: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    same_as: set[str] = field(default_factory=set)
    articles: int = 0


@dataclass
class FactRecord:
    iri: str
    kind: str
    article: str
    confidence: float = 1.0
    roles: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    values: dict[str, list] = field(default_factory=lambda: defaultdict(list))

    def entities(self) -> set[str]:
        return {e for targets in self.roles.values() for e in targets}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _as_date(value) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class Projection:
    """The entity graph of a store, rebuilt when the store's revision changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.graph = nx.Graph()
        self.nodes: dict[str, Node] = {}
        self.facts: dict[str, FactRecord] = {}
        self.facts_of: dict[str, list[str]] = {}
        self.article_dates: dict[str, date | None] = {}
        self.article_entities: dict[str, list[str]] = {}
        self.revision: str | None = None
        self._names: dict[str, list[str]] = {}
        self._lock = threading.Lock()

    def refresh(self) -> bool:
        """Rebuild when the store changed since the last build; True when it did."""
        if self.store.revision() == self.revision:
            return False
        with self._lock, self.store.snapshot():  # no write lands between the build's queries
            revision = self.store.revision()
            if revision == self.revision:
                return False
            self._build()
            self.revision = revision
        return True

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        store = self.store
        nodes: dict[str, Node] = {}
        for row in store.select(_TYPES_QUERY):
            node = nodes.setdefault(row["e"], Node(row["e"], row["label"]))
            node.types.add(_local(row["type"]))
        for row in store.select(_ALIAS_QUERY):
            if row["e"] in nodes:
                nodes[row["e"]].aliases.add(row["alt"])
        for row in store.select(_SAME_AS_QUERY):
            if row["e"] in nodes:
                nodes[row["e"]].same_as.add(row["same"])
        dates = {row["a"]: _as_date(row["issued"]) for row in store.select(_ARTICLES_QUERY)}

        graph = nx.Graph()
        graph.add_nodes_from(nodes)

        def link(a: str, b: str, relation: str, article: str | None, confidence: float = 1.0) -> None:
            if a == b or a not in nodes or b not in nodes:
                return
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, relations={}, articles=set())
            data = graph.edges[a, b]
            rel = data["relations"].setdefault(relation, {"source": a, "target": b, "articles": {}})
            if article:
                rel["articles"][article] = max(confidence, rel["articles"].get(article, 0.0))
                data["articles"].add(article)

        by_article: dict[str, set[str]] = defaultdict(set)
        for row in store.select(_MENTIONS_QUERY):
            by_article[row["a"]].add(row["e"])
        for entity_set in by_article.values():
            for e in entity_set:
                if e in nodes:
                    nodes[e].articles += 1
        for row in store.select(_DIRECT_QUERY):
            link(row["s"], row["o"], DIRECT_RELATIONS[row["p"]], None)

        facts: dict[str, FactRecord] = {}
        for row in store.select(_FACTS_QUERY):
            record = facts.setdefault(row["f"], FactRecord(row["f"], "", row["a"]))
            kind = _local(row["kind"])
            if kind not in ("Fact", "Policy") and not record.kind:
                record.kind = kind
            if row["confidence"] is not None:
                record.confidence = float(row["confidence"])
            if row["x"] not in record.roles[_local(row["role"])]:
                record.roles[_local(row["role"])].append(row["x"])
        for row in store.select(_VALUES_QUERY):
            if row["f"] in facts:
                facts[row["f"]].values[_local(row["p"])].append(row["v"])
        facts_of: dict[str, list[str]] = defaultdict(list)
        for record in facts.values():
            for entity in record.entities():
                facts_of[entity].append(record.iri)
            source_role, target_role = FACT_EDGES.get(record.kind, POLICY_EDGE)
            for a in record.roles.get(source_role, ()):
                for b in record.roles.get(target_role, ()):
                    link(a, b, record.kind, record.article, record.confidence)
        for article, entity_set in by_article.items():
            for a, b in combinations(sorted(entity_set), 2):
                link(a, b, "mentionedWith", article)

        for _, _, data in graph.edges(data=True):
            # weights for unfiltered views, computed once: all articles, and those behind stated relations
            data["w_all"] = len(data["articles"])
            stated: set[str] = set()
            for name, rel in data["relations"].items():
                if name != "mentionedWith":
                    stated |= set(rel["articles"]) or {""}
            data["w_stated"] = len(stated)
            data["views"] = {}
        names: dict[str, list[str]] = defaultdict(list)
        for iri, node in nodes.items():
            for name in {node.label, *node.aliases}:
                names[normalize_name(name)].append(iri)
        self.graph, self.nodes, self.facts, self.facts_of = graph, nodes, facts, dict(facts_of)
        self.article_dates, self._names = dates, dict(names)
        self.article_entities = {a: sorted(es, key=lambda e: -nodes[e].articles if e in nodes else 0)
                                 for a, es in by_article.items()}

    # -- views -------------------------------------------------------------------------

    def node(self, iri: str) -> Node:
        """The node of an entity; :class:`~graph.errors.NotFound` when the graph does not hold it."""
        try:
            return self.nodes[iri]
        except KeyError:
            raise NotFound(f"no entity {iri} in the graph") from None

    def node_info(self, iri: str) -> dict:
        node = self.node(iri)
        return {
            "iri": iri,
            "label": node.label,
            "types": sorted(node.types),
            "aliases": sorted(node.aliases),
            "same_as": sorted(node.same_as),
            "articles": node.articles,
        }

    def fact_info(self, iri: str) -> dict:
        record = self.facts[iri]
        values = {k: (v if k == "appliesTo" else v[0]) for k, v in record.values.items()}
        return {"iri": iri, "kind": record.kind, "article": record.article, "confidence": record.confidence,
                "date": str(self.article_dates.get(record.article) or "") or None,
                "roles": {k: list(v) for k, v in record.roles.items()}, "values": values}

    def _article_ok(self, article: str, since: date | None, until: date | None) -> bool:
        if since is None and until is None:
            return True
        day = self.article_dates.get(article)
        if day is None:
            return False
        return (since is None or day >= since) and (until is None or day <= until)

    def _edge_view(self, a: str, b: str, *, comentions: bool, since: date | None, until: date | None,
                   min_confidence: float) -> dict | None:
        """The edge between a and b as the filters see it, or None when nothing is left of it.

        Unfiltered views are cached on the edge (the projection is rebuilt, not mutated,
        when the store changes, so the cache never goes stale)."""
        data = self.graph.edges[a, b]
        unfiltered = since is None and until is None and not min_confidence
        if unfiltered and (a, comentions) in data.get("views", {}):
            return data["views"][(a, comentions)]
        view = self._compute_edge_view(data, a, b, comentions, since, until, min_confidence)
        if unfiltered and "views" in data:
            data["views"][(a, comentions)] = view
        return view

    def _compute_edge_view(self, data: dict, a: str, b: str, comentions: bool, since: date | None,
                           until: date | None, min_confidence: float) -> dict | None:
        relations, articles, dates = [], set(), []
        for name, rel in sorted(data["relations"].items()):
            if name == "mentionedWith" and not comentions:
                continue
            kept = {art: c for art, c in rel["articles"].items()
                    if c >= min_confidence and self._article_ok(art, since, until)}
            if rel["articles"] and not kept:
                continue
            relations.append({"relation": name, "source": rel["source"], "target": rel["target"],
                              "articles": len(kept)})
            articles |= set(kept)
        if not relations:
            return None
        for art in articles:
            if self.article_dates.get(art):
                dates.append(self.article_dates[art])
        return {
            "source": a,
            "target": b,
            "relations": relations,
            "weight": max(1, len(articles)),
            "articles": sorted(articles)[:20],
            "first_seen": str(min(dates)) if dates else None,
            "last_seen": str(max(dates)) if dates else None,
        }

    def neighborhood(
        self,
        iri: str,
        *,
        hops: int = 1,
        limit: int = 50,
        types: set[str] | None = None,
        comentions: bool = False,
        facts_as_nodes: bool = False,
        since: date | None = None,
        until: date | None = None,
        min_confidence: float = 0.0,
    ) -> dict:
        """The ``limit`` strongest entities within ``hops`` of ``iri``, and the edges among them.

        Edges are ranked by the number of articles behind them; a hot entity's star is
        cut to its top edges. With ``facts_as_nodes`` the facts that involve the chosen
        entities are returned as nodes of their own, linked to each entity by its role.

        Raises :class:`~graph.errors.NotFound` for an IRI the graph does not hold.
        """
        self.node(iri)
        options = {"comentions": comentions, "since": since, "until": until, "min_confidence": min_confidence}
        chosen: dict[str, int] = {iri: 0}
        edges: dict[tuple[str, str], dict] = {}
        frontier = [iri]
        unfiltered = since is None and until is None and not min_confidence
        weight_key = "w_all" if comentions else "w_stated"
        for depth in range(1, hops + 1):
            ranked: dict[str, tuple[int, int]] = {}
            for current in frontier:
                for neighbor, data in self.graph.adj[current].items():
                    if neighbor in chosen or (types and not (self.nodes[neighbor].types & types)):
                        continue
                    if unfiltered:
                        # the precomputed weight ranks a hot entity's thousands of edges cheaply
                        weight = data[weight_key]
                        if weight == 0:
                            continue
                    else:
                        view = self._edge_view(current, neighbor, **options)
                        if view is None:
                            continue
                        edges[(current, neighbor)] = view
                        weight = view["weight"]
                    score = (max(1, weight), self.nodes[neighbor].articles)
                    if score > ranked.get(neighbor, (0, 0)):
                        ranked[neighbor] = score
            room = limit - (len(chosen) - 1)
            if room <= 0:
                break
            best = heapq.nsmallest(room, ranked, key=lambda n: (-ranked[n][0], -ranked[n][1], self.nodes[n].label))
            for n in best:
                chosen[n] = depth
            frontier = best
        adjacency = self.graph.adj
        candidates = [(a, b, data) for a in chosen for b, data in adjacency[a].items() if b in chosen and a < b]
        budget = max(4 * limit, 200)
        if unfiltered and len(candidates) > budget:
            # among many shown nodes, the strongest edges (and every edge of the centre) are kept
            candidates.sort(key=lambda e: (iri not in (e[0], e[1]), -e[2][weight_key]))
            candidates = candidates[:budget]
        out_edges = []
        for a, b, _ in candidates:
            view = edges.get((a, b)) or edges.get((b, a)) or self._edge_view(a, b, **options)
            if view is not None:
                out_edges.append(view)
        out_edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
        nodes = [dict(self.node_info(n), hops=d, kind="entity") for n, d in chosen.items()]
        if facts_as_nodes:
            self._add_fact_nodes(chosen, nodes, out_edges, since, until, min_confidence, limit)
        return {"center": dict(self.node_info(iri), hops=0, kind="entity"), "hops": hops, "nodes": nodes,
                "edges": out_edges}

    def _add_fact_nodes(self, chosen, nodes, edges, since, until, min_confidence, limit) -> None:
        seen: set[str] = set()
        for entity in list(chosen):
            for fact_iri in self.facts_of.get(entity, ()):
                record = self.facts[fact_iri]
                if fact_iri in seen or record.confidence < min_confidence or \
                        not self._article_ok(record.article, since, until):
                    continue
                seen.add(fact_iri)
                info = self.fact_info(fact_iri)
                nodes.append({"iri": fact_iri, "label": _fact_label(info, self.nodes), "types": [record.kind],
                              "aliases": [], "same_as": [], "articles": 1, "hops": chosen[entity], "kind": "fact",
                              "fact": info})
                for role, members in record.roles.items():
                    for member in members:
                        if member in chosen:
                            edges.append({"source": fact_iri, "target": member,
                                          "relations": [{"relation": role, "source": fact_iri, "target": member,
                                                         "articles": 1}],
                                          "weight": 1, "articles": [record.article],
                                          "first_seen": info["date"], "last_seen": info["date"]})
                if len(seen) >= limit:
                    return

    def paths(self, source: str, target: str, *, max_hops: int = 3, limit: int = 5,
              comentions: bool = True) -> dict:
        """Shortest connecting paths between two entities, with the articles behind each edge."""
        self.node(source)
        self.node(target)
        graph = self.graph if comentions else nx.subgraph_view(
            self.graph, filter_edge=lambda a, b: set(self.graph.edges[a, b]["relations"]) != {"mentionedWith"})
        try:
            found = list(islice(nx.all_shortest_paths(graph, source, target), limit))
        except nx.NetworkXNoPath:
            found = []
        found = [p for p in found if len(p) - 1 <= max_hops]
        members = {n for p in found for n in p}
        edges = {}
        for p in found:
            for a, b in zip(p, p[1:]):
                view = self._edge_view(a, b, comentions=comentions, since=None, until=None, min_confidence=0.0)
                if view is not None:
                    edges[(a, b)] = view
        return {
            "source": source,
            "target": target,
            "paths": [[dict(self.node_info(n), kind="entity") for n in p] for p in found],
            "nodes": [dict(self.node_info(n), hops=0, kind="entity") for n in sorted(members)],
            "edges": list(edges.values()),
        }

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


def _fact_label(info: dict, nodes: dict[str, Node]) -> str:
    """A short caption for a fact node: "Tariff 10%", "IndexMovement +2.83%"."""
    values = info["values"]
    if "percentChange" in values:
        return f"{info['kind']} {float(values['percentChange']):+g}%"
    if "ratePercent" in values:
        return f"{info['kind']} {float(values['ratePercent']):g}%"
    return info["kind"]
