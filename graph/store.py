"""The store: one small interface, and the Oxigraph backend behind it.

This is the only module that touches pyoxigraph. Everything else works through
:class:`Store`, so that another backend (a remote SPARQL 1.1 server, say) can be
registered in :data:`BACKENDS` and chosen by name.

>>> store = open_store(None)          # an in-memory Oxigraph store
>>> store.triple_count()
0
"""

from __future__ import annotations

import abc
import io
import re
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from graph.errors import (
    InvalidIRI,
    QueryNotAllowed,
    QuerySyntaxError,
    QueryTimeout,
    ResultTooLarge,
    StoreError,
    StoreLocked,
    UnknownFormat,
)
from graph.mapping import ArticleGraph, Quad
from graph.textindex import TextIndex
from graph.vocab import ENTITIES_GRAPH, META_GRAPH, MG, ONTOLOGY_GRAPH, PREFIXES, STORE_NODE

#: RDF serializations by short name: (pyoxigraph format, media type).
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3,
}
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_SUFFIX_FORMATS = {
    ".nq": "nquads", ".nquads": "nquads", ".trig": "trig", ".ttl": "turtle", ".turtle": "turtle",
    ".nt": "ntriples", ".ntriples": "ntriples", ".rdf": "rdfxml", ".owl": "rdfxml", ".xml": "rdfxml", ".n3": "n3",
}


def format_for_path(path: Path) -> str:
    """The RDF format name for a file, from its suffix (``.gz`` is not supported)."""
    name = _SUFFIX_FORMATS.get(path.suffix.lower())
    if name is None:
        raise UnknownFormat(f"{path}: unknown RDF file type {path.suffix!r}; use one of {sorted(_SUFFIX_FORMATS)}")
    return name


def to_ox(term: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term (or a pyoxigraph one) to a pyoxigraph term."""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def named_node(iri: str) -> ox.NamedNode:
    """A validated IRI as a pyoxigraph term; :class:`InvalidIRI` when it is none."""
    if not isinstance(iri, str) or not iri or any(c in iri for c in ' <>"{}|\\^`\n\r\t'):
        raise InvalidIRI(f"not an absolute IRI: {iri!r}")
    try:
        node = ox.NamedNode(iri)
    except ValueError as exc:
        raise InvalidIRI(f"not an absolute IRI: {iri!r} ({exc})") from None
    if ":" not in iri:
        raise InvalidIRI(f"not an absolute IRI: {iri!r}")
    return node


def term_value(term: Any) -> Any:
    """A Python value for a query-result term (IRIs and strings as ``str``, numbers as numbers)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        return term.value
    return term.value


class ReadWriteLock:
    """Many readers at once, or one writer (who may also read, and write again, re-entrantly).

    Oxigraph answers every single query from a snapshot; this lock is for readers that need
    *several* queries to agree (the networkx projection, an article's details): no write lands
    between them.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer: int | None = None
        self._depth = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            while self._writer is not None and self._writer != me:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        me = threading.get_ident()
        with self._cond:
            if self._writer == me:
                self._depth += 1
            else:
                while self._writer is not None or self._readers:
                    self._cond.wait()
                self._writer, self._depth = me, 1
        try:
            yield
        finally:
            with self._cond:
                self._depth -= 1
                if not self._depth:
                    self._writer = None
                    self._cond.notify_all()


@dataclass
class WriteReport:
    """What a batch write did."""

    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    quads: int = 0


class Store(abc.ABC):
    """What the rest of marketgraph needs from a quad store."""

    @abc.abstractmethod
    def article_hashes(self, iris: Iterable[str]) -> dict[str, str]:
        """Content hashes of the articles (by IRI) that the store holds."""

    @abc.abstractmethod
    def write_articles(self, graphs: list[ArticleGraph]) -> WriteReport:
        """Add or replace the graphs of a batch of articles, in one transaction."""

    @abc.abstractmethod
    def remove_article(self, iri: str) -> bool:
        """Remove an article's graph, and the descriptions of entities no other graph mentions;
        False when there was no such article."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (only the optional, key-protected ``/update`` endpoint uses it)."""
        raise QueryNotAllowed(f"{type(self).__name__} does not accept SPARQL Update")

    def backup(self, target: Path) -> None:
        """Write a consistent copy of the store to the new folder ``target``."""
        raise StoreError(f"{type(self).__name__} cannot make backups")

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Hold no write back while the block runs: several queries in it see one state of the store."""
        lock = self.__dict__.setdefault("_rw", ReadWriteLock())
        with lock.reading():
            yield

    @abc.abstractmethod
    def labelled(self, iris: Iterable[str]) -> set[str]:
        """Which of these entity IRIs already carry an ``rdfs:label``."""

    @abc.abstractmethod
    def query(self, sparql: str, **options: Any) -> Any:
        """Run a SPARQL query over the union of all graphs (unless options name graphs)."""

    @abc.abstractmethod
    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT with bound values; rows as dicts of Python values."""

    @abc.abstractmethod
    def load(self, source: Path | IO[bytes], fmt: str, graph: str | None = None) -> int:
        """Bulk-load an RDF file; returns the number of quads added."""

    @abc.abstractmethod
    def dump(self, out: IO[bytes], fmt: str) -> None:
        """Write the whole store (or the default graph, for triple formats)."""

    @abc.abstractmethod
    def revision(self) -> str:
        """A token that changes with every write."""

    @abc.abstractmethod
    def triple_count(self) -> int:
        """The number of quads in the store."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the store."""

    def sidecar(self, name: str) -> Path | None:
        """Where a file derived from the store (an index, a saved projection) is kept beside it:
        ``<store>.<name>``; None for a store without a folder of its own."""
        return None


class OxigraphStore(Store):
    """A persistent (or in-memory, with ``path=None``) Oxigraph store."""

    def __init__(self, path: Path | None = None, *, read_only: bool = False, allow_service: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.allow_service = allow_service
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            text = str(exc)
            if "lock" in text.lower():
                raise StoreLocked(
                    f"the store at {self.path} is in use by another process (stop `marketgraph serve` or the "
                    "running ingest first)"
                ) from None
            raise StoreError(f"cannot open the store at {self.path}: {text}") from None
        self.text = self._open_text_index()
        self._rw = ReadWriteLock()
        self._text_rebuild = threading.Lock()

    # -- the full-text index -------------------------------------------------------------

    def sidecar(self, name: str) -> Path | None:
        return self.path.with_name(f"{self.path.name}.{name}") if self.path is not None else None

    def _open_text_index(self) -> TextIndex:
        """The FTS5 index beside the store (``<store>.fts.sqlite``); a read-only or foreign
        folder gets an in-memory one. It records the store revision it reflects."""
        if self.path is not None:
            try:
                return TextIndex(self.path.with_name(self.path.name + ".fts.sqlite"))
            except sqlite3.Error:
                pass
        return TextIndex(None)

    def _text_in_step(self) -> bool:
        # a new index beside a new (revision-less) store is in step: both are empty
        return (self.text.meta("revision") or "") == self.revision()

    def _fresh_text(self) -> TextIndex:
        """The text index, rebuilt first when it is out of step with the store: a store written
        by another tool or by `marketgraph load`, or a process killed during a write (every write
        marks the index stale first and in step again only once both sides are written)."""
        if self._text_in_step():
            return self.text
        with self._text_rebuild, self._rw.reading():
            if not self._text_in_step():
                self.text.set_meta("revision", _STALE)
                self.text.clear()
                evidence: dict[str, list[str]] = {}
                for row in self.select(_EVIDENCE_QUERY):
                    evidence.setdefault(row["a"], []).append(row["text"])
                for row in self.select(_TEXT_QUERY):
                    self.text.upsert(row["a"], row["title"] or "", row["body"] or "", row["issued"],
                                     evidence.get(row["a"], []))
                self.text.set_meta("revision", self.revision())
        return self.text

    def search_text(self, query: str, *, since=None, until=None, limit: int = 20) -> list[dict]:
        """Articles matching a full-text query (FTS5 syntax), best first, with snippets."""
        return self._fresh_text().search(query, since=since, until=until, limit=limit)

    def _index_graph(self, graph: ArticleGraph) -> None:
        self.text.upsert(str(graph.iri), graph.title, graph.body, graph.issued, graph.evidence)

    # -- writes ------------------------------------------------------------------------
    #
    # Crash safety. Oxigraph applies one ``extend`` or one ``update`` call as one transaction,
    # so every write is made of such calls, each leaving the store whole:
    #
    # * the store revision is a quad written in the same transaction as the data it stamps
    #   (the highest one counts; older ones are swept afterwards), so no state of the store
    #   carries the revision of another;
    # * an article's graph, its entities' descriptions and aliases go in one ``extend`` (for
    #   a whole batch); a changed version first loses its old graph in a transaction of its
    #   own, so a crash in between leaves it absent, never half there, and the next ingest
    #   writes it again (its content hash is gone with it);
    # * the full-text index (SQLite) is marked stale before the store is touched and stamped
    #   with the new revision only after it has followed, so after any crash it is out of
    #   step and is rebuilt from the store at the next search.

    def _revision_quads(self) -> list[ox.Quad]:
        return list(self._store.quads_for_pattern(
            ox.NamedNode(str(STORE_NODE)), ox.NamedNode(str(MG.revision)), None, ox.NamedNode(str(META_GRAPH))))

    def _next_revision(self) -> ox.Quad:
        """A revision quad newer than the current one (not yet written)."""
        counter = _revision_order(self.revision())[0] + 1
        return ox.Quad(ox.NamedNode(str(STORE_NODE)), ox.NamedNode(str(MG.revision)),
                       ox.Literal(f"{counter:012d}-{uuid.uuid4().hex[:16]}"), ox.NamedNode(str(META_GRAPH)))

    def _sweep_revisions(self, keep: ox.Quad) -> None:
        for quad in self._revision_quads():
            if quad != keep:
                self._store.remove(quad)

    def _begin_write(self, *, text_follows: bool) -> bool:
        """Mark the text index stale for the time of a write; True when it will follow the write."""
        follows = text_follows and self._text_in_step()
        self.text.set_meta("revision", _STALE)
        return follows

    def _bump_revision(self, *, text_follows: bool = True) -> None:
        """Mark a write done by other means (the ontology, a bulk load, an update). The full-text
        index moves along when it was in step and the write touched no article (``text_follows``);
        else it catches up at the next search."""
        follows = self._begin_write(text_follows=text_follows)
        rev = self._next_revision()
        self._store.add(rev)
        self._sweep_revisions(rev)
        if follows:
            self.text.set_meta("revision", rev.object.value)

    def _quads(self, quads: Iterable[Quad]) -> Iterator[ox.Quad]:
        # a batch names the same IRIs (predicates, its graph, entities) over and over: each is converted once
        nodes: dict[str, ox.NamedNode] = {}

        def convert(term: Any) -> Any:
            if type(term) is URIRef:
                node = nodes.get(term)
                if node is None:
                    node = nodes[term] = ox.NamedNode(term)
                return node
            return to_ox(term)

        for s, p, o, g in quads:
            yield ox.Quad(convert(s), convert(p), convert(o), convert(g))

    def article_hashes(self, iris: Iterable[str]) -> dict[str, str]:
        prop = ox.NamedNode(str(MG.contentHash))
        found = {}
        for iri in iris:
            node = ox.NamedNode(iri)
            for quad in self._store.quads_for_pattern(node, prop, None, node):
                found[iri] = quad.object.value
        return found

    def write_articles(self, graphs: list[ArticleGraph]) -> WriteReport:
        report = WriteReport()
        if not graphs:
            return report
        try:
            with self._rw.writing():
                existing = self.article_hashes(str(g.iri) for g in graphs)
                changed: dict[str, ArticleGraph] = {}
                for graph in graphs:
                    iri = str(graph.iri)
                    if existing.get(iri) == graph.content_hash:
                        report.unchanged += 1
                    else:
                        changed[iri] = graph  # the same article twice in a batch: the last wins
                if not changed:
                    return report
                replaced = [iri for iri in changed if iri in existing]
                report.replaced, report.new = len(replaced), len(changed) - len(replaced)
                follows = self._begin_write(text_follows=True)
                before: set[str] = set()
                if replaced:
                    # Changed versions: the old graphs go first, in one transaction with a new revision.
                    before = self._mentioned(replaced)
                    self._update(self._drop_graphs_update(replaced, self._next_revision()))
                quads = [q for graph in changed.values() for q in self._quads(graph.quads)]
                rev = self._next_revision()
                self._store.extend([*quads, rev])  # one transaction for the whole batch and its revision
                report.quads = len(quads)
                self._sweep_revisions(rev)
                if before:  # entities only the old versions mentioned
                    orphans = self._orphans(before, leaving=set())
                    if orphans:
                        self._update(self._drop_entities_update(orphans))
                if follows:
                    for graph in changed.values():
                        self._index_graph(graph)
                    self.text.set_meta("revision", self.revision())
        except OSError as exc:
            raise StoreError(f"writing to the store failed: {exc}") from None
        return report

    def remove_article(self, iri: str) -> bool:
        node = named_node(iri)
        try:
            with self._rw.writing():
                if not self._store.contains_named_graph(node):
                    return False
                follows = self._begin_write(text_follows=True)
                orphans = self._orphans(self._mentioned([iri]), leaving={iri})
                rev = self._next_revision()
                # one transaction: the graph, the orphaned entity descriptions and the new revision
                self._update(self._drop_entities_update(orphans) + self._drop_graphs_update([iri], rev))
                self._sweep_revisions(rev)
                if follows:
                    self.text.remove(iri)
                    self.text.set_meta("revision", rev.object.value)
        except OSError as exc:
            raise StoreError(f"writing to the store failed: {exc}") from None
        return True

    def _mentioned(self, articles: Iterable[str]) -> set[str]:
        """Entities the graphs of these articles mention."""
        prop = ox.NamedNode(str(MG.mentions))
        found: set[str] = set()
        for iri in articles:
            node = ox.NamedNode(iri)
            found |= {q.object.value for q in self._store.quads_for_pattern(node, prop, None, node)
                      if isinstance(q.object, ox.NamedNode)}
        return found

    def _orphans(self, candidates: set[str], *, leaving: set[str]) -> set[str]:
        """The candidate entities nothing refers to once the graphs ``leaving`` are gone: no other
        article graph names them, and no kept entity's description links to them."""
        entities_graph = ox.NamedNode(str(ENTITIES_GRAPH))
        orphans: set[str] = set()
        linked_from: dict[str, set[str]] = {}
        for entity in candidates:
            kept = False
            sources: set[str] = set()
            for quad in self._store.quads_for_pattern(None, None, ox.NamedNode(entity), None):
                graph = quad.graph_name
                if graph == entities_graph:
                    if quad.subject.value != entity:
                        sources.add(quad.subject.value)
                elif isinstance(graph, ox.NamedNode) and graph.value not in leaving:
                    kept = True
                    break
            if not kept:
                orphans.add(entity)
                linked_from[entity] = sources
        changed = True
        while changed:  # an entity linked from a kept entity's description stays
            changed = False
            for entity in list(orphans):
                if linked_from[entity] - orphans:
                    orphans.discard(entity)
                    changed = True
        return orphans

    @staticmethod
    def _drop_graphs_update(graphs: Iterable[str], rev: ox.Quad) -> str:
        """SPARQL Update text dropping graphs and stamping a revision; every IRI is validated
        and the revision is a token this store minted, so nothing user-written is spliced in."""
        ops = [f"DROP SILENT GRAPH <{named_node(g).value}>" for g in graphs]
        ops.append(f'INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{STORE_NODE}> <{MG.revision}> "{rev.object.value}" }} }}')
        return " ;\n".join(ops)

    @staticmethod
    def _drop_entities_update(entities: Iterable[str]) -> str:
        values = " ".join(f"<{named_node(e).value}>" for e in sorted(entities))
        if not values:
            return ""
        return (f"DELETE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?e ?p ?o }} }} WHERE {{ GRAPH <{ENTITIES_GRAPH}> "
                f"{{ ?e ?p ?o }} VALUES ?e {{ {values} }} }} ;\n")

    def _update(self, text: str) -> None:
        try:
            self._store.update(text)
        except SyntaxError as exc:  # a bug here, not a user error
            raise StoreError(f"internal update failed to parse: {exc}") from None

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update (one transaction); the text index catches up at the next search."""
        if not self.allow_service and _has_keyword(sparql, "SERVICE"):
            raise QueryNotAllowed("SERVICE (federated query) is disabled on this endpoint")
        with self._rw.writing():
            self._begin_write(text_follows=False)
            try:
                self._store.update(sparql, prefixes=PREFIXES)
            except SyntaxError as exc:
                raise QuerySyntaxError(str(exc)) from None
            except OSError as exc:
                raise StoreError(f"the update failed: {exc}") from None
            self._bump_revision(text_follows=False)

    def backup(self, target: Path) -> None:
        """Oxigraph's online backup: a consistent copy of the store, taken while it stays in use
        (hard links on the same file system). ``target`` must not exist yet."""
        if self.path is None:
            raise StoreError("an in-memory store cannot be backed up")
        target = Path(target)
        if target.exists():
            raise StoreError(f"{target} already exists: a backup goes to a new folder")
        try:
            with self._rw.reading():
                if not self.read_only:
                    self._store.flush()
                self._store.backup(str(target))
        except OSError as exc:
            raise StoreError(f"the backup to {target} failed: {exc}") from None

    def ensure_ontology(self, path: Path) -> bool:
        """Load the ontology into its own named graph when it is missing or changed."""
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        data = Path(path).read_bytes()
        fresh = ox.Store()
        fresh.load(data, format=ox.RdfFormat.TURTLE, to_graph=graph)
        wanted = set(fresh)
        with self._rw.writing():
            current = set(self._store.quads_for_pattern(None, None, None, graph))
            if wanted == current:
                return False
            self._store.remove_graph(graph)
            self._store.extend(wanted)
            self._bump_revision()
        return True

    def labelled(self, iris: Iterable[str]) -> set[str]:
        label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
        graph = ox.NamedNode(str(ENTITIES_GRAPH))
        out = set()
        for iri in iris:
            if next(self._store.quads_for_pattern(ox.NamedNode(iri), label, None, graph), None) is not None:
                out.add(iri)
        return out

    # -- reads -------------------------------------------------------------------------

    def query(self, sparql: str, *, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None, bindings: Mapping[str, Any] | None = None,
              base_iri: str | None = None) -> Any:
        """Run a query (relative IRIs resolve against ``base_iri``); its dataset is, in order of precedence:

        1. the graphs passed here (the SPARQL Protocol's ``default-graph-uri`` and
           ``named-graph-uri``): exactly those, so passing only named graphs leaves the
           default graph empty, and passing only default graphs leaves no named graph;
        2. the query's own ``FROM`` / ``FROM NAMED`` clauses, evaluated by Oxigraph;
        3. otherwise the default graph is the union of all graphs and every named graph is available.
        """
        if not self.allow_service and _has_keyword(sparql, "SERVICE"):
            # Federated queries would make this server fetch any URL a client names.
            raise QueryNotAllowed("SERVICE (federated query) is disabled on this endpoint")
        options: dict[str, Any] = {"prefixes": PREFIXES, "base_iri": base_iri}
        if default_graphs or named_graphs:
            options["default_graph"] = [named_node(g) for g in default_graphs or ()]
            options["named_graphs"] = [named_node(g) for g in named_graphs or ()]
        elif not _has_dataset_clause(sparql):
            # Oxigraph's union option would override a FROM clause, so it is set only without one.
            options["use_default_graph_as_union"] = True
        if bindings:
            try:
                options["substitutions"] = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
            except ValueError as exc:  # a value that is no RDF term (an IRI with a space or a newline)
                raise InvalidIRI(f"not a valid value for the query: {exc}") from None
        options["custom_functions"] = {ox.NamedNode(str(MG.textMatch)): self._text_match_function()}
        try:
            return self._store.query(sparql, **options)
        except SyntaxError as exc:
            raise QuerySyntaxError(str(exc)) from None
        except OSError as exc:
            raise StoreError(f"query failed: {exc}") from None

    def _text_match_function(self):
        """``mg:textMatch(?article, "query")``: true when the article matches the full-text query."""
        cache: dict[str, set[str]] = {}

        def text_match(article, query):
            if not isinstance(article, ox.NamedNode) or not isinstance(query, ox.Literal):
                return None
            if query.value not in cache:
                cache[query.value] = self._fresh_text().matching(query.value)
            return ox.Literal("true" if article.value in cache[query.value] else "false",
                              datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))

        return text_match

    def select(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self.query(sparql, bindings=bindings)
        names = [v.value for v in result.variables]
        return [{n: term_value(row[n]) for n in names} for row in result]

    def load(self, source: Path | IO[bytes], fmt: str, graph: str | None = None) -> int:
        if fmt not in RDF_FORMATS:
            raise UnknownFormat(f"unknown RDF format {fmt!r}; use one of {sorted(RDF_FORMATS)}")
        options: dict[str, Any] = {"format": RDF_FORMATS[fmt]}
        if graph:
            options["to_graph"] = named_node(graph)
        with self._rw.writing():
            before = len(self._store)
            self._begin_write(text_follows=False)  # loaded files may hold articles: indexed at the next search
            try:
                if isinstance(source, Path):
                    self._store.bulk_load(path=str(source), **options)
                else:
                    self._store.bulk_load(source, **options)
            except SyntaxError as exc:
                raise QuerySyntaxError(f"{getattr(source, 'name', source)}: {exc}") from None
            except OSError as exc:
                raise StoreError(f"loading {source} failed: {exc}") from None
            self._store.flush()
            added = len(self._store) - before
            self._bump_revision(text_follows=False)
        return added

    def dump(self, out: IO[bytes], fmt: str) -> None:
        if fmt == "jsonld":
            # JSON-LD with one named graph per article, through rdflib
            from rdflib import Dataset

            dataset = Dataset()
            buffer = io.BytesIO()
            self._store.dump(buffer, format=ox.RdfFormat.N_QUADS)
            dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
            out.write(dataset.serialize(format="json-ld", context=dict(PREFIXES), indent=1).encode("utf-8"))
            return
        if fmt not in RDF_FORMATS:
            raise UnknownFormat(f"unknown RDF format {fmt!r}; use one of {sorted(RDF_FORMATS) + ['jsonld']}")
        rdf_format = RDF_FORMATS[fmt]
        if rdf_format.supports_datasets:
            self._store.dump(out, format=rdf_format)
        else:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in self._store)
            out.write(ox.serialize(triples, format=rdf_format, prefixes=PREFIXES) or b"")

    def copy_for_readers(self, target: Path) -> Path:
        """Write a consistent copy of the store to the new folder ``target``, for other processes
        to open read-only (:mod:`graph.workers`); returns ``target``.

        On the same file system the copy hard-links the store's immutable files, so it is quick
        and small. The full-text index comes along, in step with the copy.
        """
        if self.path is None:
            raise StoreError("an in-memory store cannot be copied to disk")
        target = Path(target)
        try:
            if self.read_only:
                raise StoreError("a store opened read-only is not copied; open the original read-only instead")
            text = self._fresh_text()
            self._store.flush()
            self._store.backup(str(target))
            text.copy_to(target.with_name(target.name + ".fts.sqlite"))
        except (OSError, sqlite3.Error) as exc:
            shutil.rmtree(target, ignore_errors=True)
            raise StoreError(f"cannot copy the store to {target}: {exc}") from None
        return target

    def revision(self) -> str:
        values = [q.object.value for q in self._revision_quads()]
        return max(values, key=_revision_order) if values else ""

    def triple_count(self) -> int:
        return len(self._store)

    def close(self) -> None:
        self.text.close()
        if not self.read_only:
            try:
                self._store.flush()
            except (OSError, RuntimeError):
                pass
        del self._store


#: The text index's revision while a write is under way: never a store revision.
_STALE = "stale"


def _revision_order(revision: str) -> tuple[int, str]:
    """Revisions sort by their counter (``000000000042-…``); a store written before counters were
    used holds a bare token, counted as 0.

    >>> max(["000000000002-ab", "000000000010-cd", "f00d"], key=_revision_order)
    '000000000010-cd'
    """
    head, _, _ = revision.partition("-")
    return (int(head) if head.isdigit() else 0, revision)


_TEXT_QUERY = """
SELECT ?a ?title ?body ?issued WHERE {
  GRAPH ?a { ?a a mg:Article OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a mg:body ?body }
             OPTIONAL { ?a dcterms:issued ?issued } }
}"""
_EVIDENCE_QUERY = "SELECT ?a ?text WHERE { GRAPH ?a { ?a a mg:Article . ?ev a mg:Evidence ; mg:text ?text } }"

#: Backends by name, in the manner of rdflib's plugin registry.
BACKENDS: dict[str, type[Store]] = {"oxigraph": OxigraphStore}


def open_store(path: Path | str | None, *, backend: str = "oxigraph", read_only: bool = False) -> Store:
    """Open the store at ``path`` (``None``: in memory) with the named backend."""
    try:
        cls = BACKENDS[backend]
    except KeyError:
        raise StoreError(f"unknown store backend {backend!r}; known: {sorted(BACKENDS)}") from None
    return cls(Path(path) if path is not None else None, read_only=read_only)


def serialize_results(result: Any, fmt: str, *, max_rows: int | None = None,
                      deadline: float | None = None) -> bytes:
    """Serialize a query result: SELECT/ASK to a results format, CONSTRUCT/DESCRIBE to RDF.

    RDF formats are those of :data:`RDF_FORMATS` (Turtle, TriG and RDF/XML use the project's
    prefixes; N-Quads and TriG put the triples in the default graph) and ``"jsonld"``, JSON-LD
    compacted with the prefixes the triples use.

    With ``max_rows``, a result with more solutions (or triples) raises :class:`ResultTooLarge`
    as soon as the row after the last allowed one arrives; with ``deadline`` (a
    :func:`time.monotonic` value), :class:`QueryTimeout` is raised when a row arrives after it.
    Both are checked between rows, so an operation that computes everything before its first
    row (ORDER BY, GROUP BY) is only stopped by ending the process that runs it
    (see :mod:`graph.workers`).

    >>> store = open_store(None)
    >>> serialize_results(store.query("SELECT ?n { VALUES ?n { 1 2 } }"), "csv", max_rows=2)
    b'n\\r\\n1\\r\\n2\\r\\n'
    >>> serialize_results(store.query("SELECT ?n { VALUES ?n { 1 2 3 } }"), "csv", max_rows=2)
    Traceback (most recent call last):
    graph.errors.ResultTooLarge: the result has more than 2 rows; add LIMIT 2 (or less) to the query, or raise the limit
    """
    if isinstance(result, ox.QueryTriples):
        if max_rows is not None or deadline is not None:
            result = _bounded(result, max_rows, deadline, "triples")
        if fmt == "jsonld":
            return _jsonld(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b"")
        if fmt not in RDF_FORMATS:
            raise UnknownFormat(f"format {fmt!r} is not an RDF format")
        return ox.serialize(result, format=RDF_FORMATS[fmt], prefixes=PREFIXES) or b""
    if fmt not in RESULT_FORMATS:
        raise UnknownFormat(f"format {fmt!r} is not a SPARQL results format")
    if isinstance(result, ox.QuerySolutions) and (max_rows is not None or deadline is not None):
        result = _bounded_solutions(result, max_rows, deadline)
    return result.serialize(format=RESULT_FORMATS[fmt]) or b""


def _bounded(rows: Iterable[Any], max_rows: int | None, deadline: float | None, what: str) -> list[Any]:
    """The rows of a streaming result, stopped at ``max_rows`` + 1 rows or at ``deadline``."""
    out = []
    for row in rows:
        if deadline is not None and time.monotonic() > deadline:
            raise QueryTimeout("the query ran out of time while its results were being produced; "
                               "make it more selective or add LIMIT")
        out.append(row)
        if max_rows is not None and len(out) > max_rows:
            raise ResultTooLarge(f"the result has more than {max_rows} {what}; add LIMIT {max_rows} (or less) "
                                 "to the query, or raise the limit")
    return out


def _bounded_solutions(result: Any, max_rows: int | None, deadline: float | None) -> Any:
    """A SELECT result read within the limits, as a fresh result that serializes natively.

    pyoxigraph results stream once, so the rows are collected (bounded) and handed back
    through the TSV results format, whose terms are written exactly as pyoxigraph prints them.
    """
    names = list(result.variables)
    rows = _bounded(result, max_rows, deadline, "rows")
    lines = ["\t".join(str(v) for v in names)]
    lines += ["\t".join("" if row[v] is None else str(row[v]) for v in names) for row in rows]
    return ox.parse_query_results(("\n".join(lines) + "\n").encode("utf-8"), format=ox.QueryResultsFormat.TSV)


#: Lexical tokens that may contain the word FROM without it being the keyword: comments,
#: strings, IRIs, variables, blank nodes, language tags and prefixed names. What is left
#: are bare words, and in SPARQL a bare ``FROM`` only ever starts a dataset clause.
_SPARQL_TOKEN = re.compile("|".join((
    r"#[^\n]*",  # a comment
    r"'''(?:[^'\\]|\\.|'(?!''))*'''", r'"""(?:[^"\\]|\\.|"(?!""))*"""',  # long strings
    r"'(?:[^'\\\n]|\\.)*'", r'"(?:[^"\\\n]|\\.)*"',  # strings
    r"<[^<>\"{}|^`\\\x00-\x20]*>",  # an IRI
    r"[?$]\w+", r"_:[\w.-]*", r"@[A-Za-z][A-Za-z0-9-]*",  # a variable, a blank node, a language tag
    r"(?:[^\W\d][\w.-]*)?:[^\s{}()<>,;]*",  # a prefixed name
    r"[^\W\d]\w*",  # a bare word: a keyword, or a function name
)), re.DOTALL)


def _has_dataset_clause(sparql: str) -> bool:
    """True when a query names its own dataset with ``FROM`` or ``FROM NAMED``.

    >>> _has_dataset_clause("SELECT * FROM <http://x.test/g> WHERE { ?s ?p ?o }")
    True
    >>> _has_dataset_clause('SELECT ?from WHERE { ?from ex:from "from" } # from')
    False
    """
    return _has_keyword(sparql, "FROM")


def _has_keyword(sparql: str, keyword: str) -> bool:
    """True when the query uses a keyword outside strings, IRIs and comments.

    >>> _has_keyword("SELECT * { SERVICE <http://x.test/sparql> { ?s ?p ?o } }", "SERVICE")
    True
    >>> _has_keyword('SELECT * { ?s ?p "service" } # SERVICE', "SERVICE")
    False
    """
    return any(token.upper() == keyword for token in _SPARQL_TOKEN.findall(sparql))


def _jsonld(ntriples: bytes) -> bytes:
    """N-Triples as compact JSON-LD, with a context of the project prefixes the triples use."""
    graph = Graph()
    graph.parse(data=ntriples, format="nt")
    iris = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    iris |= {str(o.datatype) for o in graph.objects() if isinstance(o, Literal) and o.datatype}
    context = {p: ns for p, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in iris)}
    return graph.serialize(format="json-ld", context=context, auto_compact=True).encode("utf-8")


def result_kind(result: Any) -> str:
    """``"boolean"``, ``"solutions"`` or ``"graph"``."""
    if isinstance(result, ox.QueryBoolean):
        return "boolean"
    if isinstance(result, ox.QueryTriples):
        return "graph"
    return "solutions"
