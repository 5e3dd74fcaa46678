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
import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from graph.errors import InvalidIRI, QueryNotAllowed, QuerySyntaxError, StoreError, StoreLocked, UnknownFormat
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
        """Remove an article's graph; False when there was none."""

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
        by another tool or by `marketgraph load`, or a process killed between the two writes."""
        if not self._text_in_step():
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

    def _bump_revision(self, *, text_follows: bool = True) -> None:
        """Mark a write. The full-text index moves along with the store when it was in step and
        the write's articles were indexed (``text_follows``); else it catches up at the next search."""
        in_step = text_follows and self._text_in_step()
        rev = ox.Literal(uuid.uuid4().hex)
        meta = ox.NamedNode(str(META_GRAPH))
        node = ox.NamedNode(str(STORE_NODE))
        prop = ox.NamedNode(str(MG.revision))
        for quad in list(self._store.quads_for_pattern(node, prop, None, meta)):
            self._store.remove(quad)
        self._store.add(ox.Quad(node, prop, rev, meta))
        if in_step:
            self.text.set_meta("revision", rev.value)

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
            existing = self.article_hashes(str(g.iri) for g in graphs)
            quads: list[ox.Quad] = []
            for graph in graphs:
                iri = str(graph.iri)
                if existing.get(iri) == graph.content_hash:
                    report.unchanged += 1
                    continue
                if iri in existing:
                    # A changed version: the old graph goes first. Should the process die
                    # before the batch below is written, the article is absent, never half there.
                    self._store.remove_graph(ox.NamedNode(iri))
                    report.replaced += 1
                else:
                    report.new += 1
                quads.extend(self._quads(graph.quads))
            if quads:
                self._store.extend(quads)  # one transaction for the whole batch
                report.quads = len(quads)
                if self._text_in_step():  # else the whole index is rebuilt at the next search
                    for graph in graphs:
                        if existing.get(str(graph.iri)) != graph.content_hash:
                            self._index_graph(graph)
                self._bump_revision()
        except OSError as exc:
            raise StoreError(f"writing to the store failed: {exc}") from None
        return report

    def remove_article(self, iri: str) -> bool:
        node = named_node(iri)
        if not self._store.contains_named_graph(node):
            return False
        self._store.remove_graph(node)
        if self._text_in_step():
            self.text.remove(iri)
        self._bump_revision()
        return True

    def ensure_ontology(self, path: Path) -> bool:
        """Load the ontology into its own named graph when it is missing or changed."""
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        data = Path(path).read_bytes()
        fresh = ox.Store()
        fresh.load(data, format=ox.RdfFormat.TURTLE, to_graph=graph)
        wanted = set(fresh)
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
            options["substitutions"] = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
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
        before = len(self._store)
        options: dict[str, Any] = {"format": RDF_FORMATS[fmt]}
        if graph:
            options["to_graph"] = named_node(graph)
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
        self._bump_revision(text_follows=False)  # loaded files may hold articles: indexed at the next search
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

    def revision(self) -> str:
        meta = ox.NamedNode(str(META_GRAPH))
        quad = next(self._store.quads_for_pattern(
            ox.NamedNode(str(STORE_NODE)), ox.NamedNode(str(MG.revision)), None, meta), None)
        return quad.object.value if quad is not None else ""

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


def serialize_results(result: Any, fmt: str) -> bytes:
    """Serialize a query result: SELECT/ASK to a results format, CONSTRUCT/DESCRIBE to RDF.

    RDF formats are those of :data:`RDF_FORMATS` (Turtle, TriG and RDF/XML use the project's
    prefixes; N-Quads and TriG put the triples in the default graph) and ``"jsonld"``, JSON-LD
    compacted with the prefixes the triples use.
    """
    if isinstance(result, ox.QueryTriples):
        if fmt == "jsonld":
            return _jsonld(result.serialize(format=ox.RdfFormat.N_TRIPLES) or b"")
        if fmt not in RDF_FORMATS:
            raise UnknownFormat(f"format {fmt!r} is not an RDF format")
        return ox.serialize(result, format=RDF_FORMATS[fmt], prefixes=PREFIXES) or b""
    if fmt not in RESULT_FORMATS:
        raise UnknownFormat(f"format {fmt!r} is not a SPARQL results format")
    return result.serialize(format=RESULT_FORMATS[fmt]) or b""


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
