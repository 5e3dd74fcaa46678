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
request. It is saved beside an on-disk store (``<store>.projection``, keyed by the
revision), so that a restart on an unchanged store reads it back instead of rebuilding.
"""

from __future__ import annotations

import gc
import heapq
import logging
import marshal
import os
import sys
import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations, islice
from operator import itemgetter

import networkx as nx
from rapidfuzz import fuzz, process

from graph.errors import NotFound
from graph.store import Store
from graph.vocab import MG
from ingest.gazetteer import normalize_name

log = logging.getLogger("marketgraph.projection")

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


@contextmanager
def _collector_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _shared_strings():
    """A SELECT whose rows share their strings: an IRI met in many rows is held (and saved) once.

    (Not :func:`sys.intern`: marshal re-interns such strings one by one when it reads them.)"""
    seen: dict[str, str] = {}
    canonical = seen.setdefault

    def select(store: Store, sparql: str) -> list[dict]:
        return [{k: canonical(v, v) if type(v) is str else v for k, v in row.items()} for row in store.select(sparql)]

    return select


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _as_date(value) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


#: Changes whenever the saved layout (or marshal's format, with the Python version) changes.
_SAVED_FORMAT = f"marketgraph-projection-2/py{sys.version_info[0]}.{sys.version_info[1]}"

#: Every so many changes of the store, the collector also walks what earlier changes froze.
_FULL_COLLECTION_EVERY = 64


class Projection:
    """The entity graph of a store, rebuilt when the store's revision changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.graph = nx.Graph()
        self.nodes: dict[str, Node] = {}
        self._facts: dict[str, FactRecord] | None = {}
        self._facts_of: dict[str, list[str]] | None = {}
        self._facts_saved: bytes | None = None  # facts read back from the saved file, decoded on first use
        self._facts_lock = threading.Lock()
        self.article_dates: dict[str, date | None] = {}
        self.article_entities: dict[str, list[str]] = {}
        self.revision: str | None = None
        self._names: dict[str, list[str]] = {}
        self._ranked: dict[tuple[str, str], list[tuple[str, int]]] = {}
        self._lock = threading.RLock()  # held by a rebuild, and by a writer from its first change to its refresh
        self._changes = 0

    def refresh(self, *, wait: bool = True) -> bool:
        """Bring the projection in step with the store; True when the store had changed.

        With ``wait=False`` a caller that finds another thread rebuilding does not wait for it
        and goes on with the current projection (readers do this; the writer waits).

        This is the one call to make after the store changed (every read path makes it too; it
        is a cheap revision check when nothing changed). A store with a folder keeps the
        projection beside it (``<store>.projection``), keyed by the store revision: a server
        started on an unchanged store reads that file instead of rebuilding. The build runs in
        a store snapshot, so no write lands between its queries."""
        if self.store.revision() == self.revision:
            return False
        if not self._lock.acquire(blocking=wait or self.revision is None):
            return False
        try:
            return self._refresh()
        finally:
            self._lock.release()

    @contextmanager
    def updating(self) -> Iterator[None]:
        """Change the store inside this: readers (``refresh(wait=False)``) keep the current
        projection until the change is done and the projection refreshed, at the end."""
        with self._lock:
            try:
                yield
            finally:
                self.refresh()

    def _refresh(self) -> bool:
        with self.store.snapshot():
            revision = self.store.revision()
            if revision != self.revision:
                replacing = self.revision is not None
                with _collector_paused():  # millions of new containers: the cyclic collector would rescan them
                    if not self._load_saved(revision):
                        self._build()
                        self._save(revision)
                self._changes += replacing
                if self._changes % _FULL_COLLECTION_EVERY == 0:
                    gc.unfreeze()  # now and then, everything: objects frozen alive may have died in cycles since
                # The previous projection holds no reference cycles (it is freed when its last reader is
                # done), so only what is not frozen needs a look: the new projection and what came since
                # the last change. Then the new projection, which lives until the next change, is moved
                # out of the collector's reach, so that full collections (every few hundred requests)
                # do not walk it (~100 ms each at 1M triples).
                gc.collect()
                gc.freeze()
                self.revision = revision
        return True

    # -- persistence -------------------------------------------------------------------

    @property
    def facts(self) -> dict[str, FactRecord]:
        """Every fact by IRI (kind, roles, values, article, confidence)."""
        if self._facts is None:
            self._decode_facts()
        return self._facts

    @property
    def facts_of(self) -> dict[str, list[str]]:
        """The IRIs of the facts each entity takes part in."""
        if self._facts_of is None:
            self._decode_facts()
        return self._facts_of

    def _decode_facts(self) -> None:
        with self._facts_lock:
            saved = self._facts_saved
            if saved is None:
                return
            fact_rows, facts_of = marshal.loads(saved)
            facts = {}
            for iri, kind, article, confidence, roles, values in fact_rows:
                record = FactRecord(iri, kind, article, confidence)
                record.roles.update(roles)
                record.values.update(values)
                facts[iri] = record
            self._facts, self._facts_of, self._facts_saved = facts, facts_of, None

    def _saved_path(self):
        sidecar = getattr(self.store, "sidecar", None)
        return sidecar("projection") if sidecar else None

    def _state(self) -> tuple:
        """The projection as plain containers (for :mod:`marshal`); shared strings are written once."""
        graph = self.graph
        edge_ids: dict[int, int] = {}
        edges = []
        adjacency = []
        for a, near in graph._adj.items():
            row = []
            for b, data in near.items():
                k = edge_ids.get(id(data))
                if k is None:
                    k = edge_ids[id(data)] = len(edges)
                    edges.append(({name: (rel["source"], rel["target"], rel["articles"])
                                   for name, rel in data["relations"].items()}, data["w_all"], data["w_stated"]))
                row.append((b, k))
            adjacency.append((a, row))
        nodes = [(n.iri, n.label, sorted(n.types), sorted(n.aliases), sorted(n.same_as), n.articles)
                 for n in self.nodes.values()]
        dates = {a: (d.toordinal() if d else 0) for a, d in self.article_dates.items()}
        return (nodes, edges, adjacency, dates, self.article_entities, self._names)

    def _facts_state(self) -> bytes:
        """The facts, marshalled on their own: a restart reads them only when a view asks for facts."""
        if self._facts_saved is not None:
            return self._facts_saved
        facts = [(r.iri, r.kind, r.article, r.confidence, dict(r.roles), dict(r.values)) for r in self.facts.values()]
        return marshal.dumps((facts, self.facts_of))

    def _restore(self, state: tuple, facts: bytes) -> None:
        node_rows, edge_rows, adjacency, dates, article_entities, names = state
        nodes = {iri: Node(iri, label, set(types), set(aliases), set(same), count)
                 for iri, label, types, aliases, same, count in node_rows}
        edges = [{"relations": {name: {"source": src, "target": dst, "articles": arts}
                                for name, (src, dst, arts) in relations.items()},
                  "w_all": w_all, "w_stated": w_stated, "views": {}}
                 for relations, w_all, w_stated in edge_rows]
        graph = nx.Graph()
        graph.add_nodes_from(iri for iri, *_ in node_rows)
        for a, row in adjacency:  # the adjacency in its saved order, so paths come out as built
            graph._adj[a] = {b: edges[k] for b, k in row}
        with self._facts_lock:
            self._facts, self._facts_of, self._facts_saved = None, None, facts
        self.graph, self.nodes = graph, nodes
        self.article_dates = {a: (date.fromordinal(d) if d else None) for a, d in dates.items()}
        self.article_entities, self._names, self._ranked = article_entities, names, {}

    def _load_saved(self, revision: str) -> bool:
        path = self._saved_path()
        if path is None or not revision or not path.exists():
            return False
        try:
            with path.open("rb") as handle:
                header = marshal.load(handle)
                if header != (_SAVED_FORMAT, revision):
                    return False
                state = marshal.load(handle)
                facts = marshal.load(handle)
            if not isinstance(facts, bytes):
                raise ValueError("no facts section")
            self._restore(state, facts)
        except (OSError, EOFError, ValueError, TypeError, KeyError) as exc:
            log.warning("rebuilding the projection: cannot read %s (%s)", path, exc)
            return False
        return True

    def _save(self, revision: str) -> None:
        path = self._saved_path()
        if path is None or not revision:
            return
        partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
        try:
            with partial.open("wb") as handle:
                marshal.dump((_SAVED_FORMAT, revision), handle)
                marshal.dump(self._state(), handle)
                marshal.dump(self._facts_state(), handle)
            os.replace(partial, path)
        except (OSError, ValueError) as exc:  # a read-only folder, or a value marshal cannot write
            log.info("the projection is not saved beside the store: %s", exc)
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        store = self.store
        select = _shared_strings()
        nodes: dict[str, Node] = {}
        for row in select(store, _TYPES_QUERY):
            node = nodes.setdefault(row["e"], Node(row["e"], row["label"]))
            node.types.add(_local(row["type"]))
        for row in select(store, _ALIAS_QUERY):
            if row["e"] in nodes:
                nodes[row["e"]].aliases.add(row["alt"])
        for row in select(store, _SAME_AS_QUERY):
            if row["e"] in nodes:
                nodes[row["e"]].same_as.add(row["same"])
        dates = {row["a"]: _as_date(row["issued"]) for row in select(store, _ARTICLES_QUERY)}

        graph = nx.Graph()
        graph.add_nodes_from(nodes)

        def link(a: str, b: str, relation: str, article: str | None, confidence: float = 1.0) -> None:
            if a == b or a not in nodes or b not in nodes:
                return
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, relations={}, articles=set())
            data = graph.adj[a][b]
            rel = data["relations"].setdefault(relation, {"source": a, "target": b, "articles": {}})
            if article:
                rel["articles"][article] = max(confidence, rel["articles"].get(article, 0.0))
                data["articles"].add(article)

        by_article: dict[str, set[str]] = defaultdict(set)
        for row in select(store, _MENTIONS_QUERY):
            by_article[row["a"]].add(row["e"])
        for entity_set in by_article.values():
            for e in entity_set:
                if e in nodes:
                    nodes[e].articles += 1
        for row in select(store, _DIRECT_QUERY):
            link(row["s"], row["o"], DIRECT_RELATIONS[row["p"]], None)

        facts: dict[str, FactRecord] = {}
        for row in select(store, _FACTS_QUERY):
            record = facts.setdefault(row["f"], FactRecord(row["f"], "", row["a"]))
            kind = _local(row["kind"])
            if kind not in ("Fact", "Policy") and not record.kind:
                record.kind = kind
            if row["confidence"] is not None:
                record.confidence = float(row["confidence"])
            if row["x"] not in record.roles[_local(row["role"])]:
                record.roles[_local(row["role"])].append(row["x"])
        for row in select(store, _VALUES_QUERY):
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

        # (each edge once, through the adjacency: ``graph.edges`` would cache a view that points back at
        # the graph, a reference cycle that keeps a replaced projection alive until a full collection)
        for data in {id(d): d for nbrs in graph.adj.values() for d in nbrs.values()}.values():
            # weights for unfiltered views, computed once: all articles, and those behind stated relations
            data["w_all"] = len(data.pop("articles"))
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
        with self._facts_lock:
            self._facts, self._facts_of, self._facts_saved = facts, dict(facts_of), None
        self.graph, self.nodes = graph, nodes
        self.article_dates, self._names = dates, dict(names)
        self._ranked = {}
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
        data = self.graph.adj[a][b]
        unfiltered = since is None and until is None and not min_confidence
        if unfiltered and (a, comentions) in data.get("views", {}):
            return data["views"][(a, comentions)]
        view = self._compute_edge_view(data, a, b, comentions, since, until, min_confidence)
        if unfiltered and "views" in data:
            data["views"][(a, comentions)] = view
        return view

    def _compute_edge_view(self, data: dict, a: str, b: str, comentions: bool, since: date | None,
                           until: date | None, min_confidence: float) -> dict | None:
        unfiltered = since is None and until is None and not min_confidence
        relations, articles = [], set()
        for name, rel in sorted(data["relations"].items()):
            if name == "mentionedWith" and not comentions:
                continue
            if unfiltered:
                kept = rel["articles"]
            else:
                kept = {art: c for art, c in rel["articles"].items()
                        if c >= min_confidence and self._article_ok(art, since, until)}
                if rel["articles"] and not kept:
                    continue
            relations.append({"relation": name, "source": rel["source"], "target": rel["target"],
                              "articles": len(kept)})
            articles.update(kept)
        if not relations:
            return None
        dates = [d for d in map(self.article_dates.get, articles) if d]
        return {
            "source": a,
            "target": b,
            "relations": relations,
            "weight": max(1, len(articles)),
            "articles": heapq.nsmallest(20, articles),
            "first_seen": str(min(dates)) if dates else None,
            "last_seen": str(max(dates)) if dates else None,
        }

    def _ranked_neighbors(self, iri: str, weight_key: str) -> list[tuple[str, int]]:
        """An entity's neighbours with a non-zero weight, strongest first (then most mentioned, then by
        label, the order neighborhoods rank by), computed once per entity and weight."""
        key = (iri, weight_key)
        found = self._ranked.get(key)
        if found is None:
            nodes = self.nodes
            found = [(n, data[weight_key]) for n, data in self.graph.adj[iri].items() if data[weight_key]]
            found.sort(key=lambda e: (-e[1], -nodes[e[0]].articles, nodes[e[0]].label))
            self._ranked[key] = found
        return found

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
            room = limit - (len(chosen) - 1)
            if room <= 0 or not frontier:
                break
            ranked: dict[str, tuple[int, int]] = {}
            for current in frontier:
                if unfiltered:
                    # a neighbour's score is its best edge to the frontier; each frontier node's neighbours
                    # are kept sorted, so the first ``room`` eligible ones of each list hold the overall best
                    taken = 0
                    for neighbor, weight in self._ranked_neighbors(current, weight_key):
                        if neighbor in chosen or (types and not (self.nodes[neighbor].types & types)):
                            continue
                        score = (weight, self.nodes[neighbor].articles)
                        if score > ranked.get(neighbor, (0, 0)):
                            ranked[neighbor] = score
                        taken += 1
                        if taken >= room:
                            break
                    continue
                for neighbor in self.graph.adj[current]:
                    if neighbor in chosen or (types and not (self.nodes[neighbor].types & types)):
                        continue
                    view = self._edge_view(current, neighbor, **options)
                    if view is None:
                        continue
                    edges[(current, neighbor)] = view
                    score = (max(1, view["weight"]), self.nodes[neighbor].articles)
                    if score > ranked.get(neighbor, (0, 0)):
                        ranked[neighbor] = score
            best = heapq.nsmallest(room, ranked, key=lambda n: (-ranked[n][0], -ranked[n][1], self.nodes[n].label))
            for n in best:
                chosen[n] = depth
            frontier = best
        adjacency = self.graph._adj  # the plain dicts: no view objects in this loop
        members = list(chosen)
        position = {n: k for k, n in enumerate(members)}
        central: list[tuple[str, str]] = []
        others: list[tuple[int, str, str]] = []  # (weight, a, b), in the order found
        for k, a in enumerate(members):
            near = adjacency[a]
            later = members[k + 1:]
            if len(near) <= len(later):
                pairs = [(b, data) for b, data in near.items() if position.get(b, -1) > k]
            else:  # a hot node: look its few chosen partners up instead of walking its whole star
                pairs = [(b, near[b]) for b in later if b in near]
            if k == 0:  # the centre
                central += [(a, b) for b, _ in pairs]
            else:
                others += [(data[weight_key], a, b) for b, data in pairs]
        budget = max(4 * limit, 200)
        if unfiltered and len(central) + len(others) > budget:
            # among many shown nodes, the strongest edges (and every edge of the centre) are kept
            others = heapq.nlargest(max(0, budget - len(central)), others, key=itemgetter(0))
        candidates = (central + [(a, b) for _, a, b in others])[:budget] if unfiltered else central + \
            [(a, b) for _, a, b in others]
        out_edges = []
        for a, b in candidates:
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
            self.graph, filter_edge=lambda a, b: set(self.graph.adj[a][b]["relations"]) != {"mentionedWith"})
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
