"""``/sparql``: the SPARQL 1.1 Protocol's query operation; ``/prefixes``: the predeclared prefixes.

A query that names no graph sees the union of all graphs. ``default-graph-uri`` and
``named-graph-uri`` replace that dataset by exactly the graphs they name, and so do the
query's own ``FROM`` / ``FROM NAMED`` clauses when the request names none. ``GET /sparql``
without a query answers the endpoint's SPARQL 1.1 Service Description.

>>> negotiate("solutions", "text/csv;q=0.5, application/sparql-results+xml", None).name
'xml'
>>> negotiate("graph", "text/*", None).media_type
'text/turtle'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated
from urllib.parse import parse_qs

import anyio
from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from rdflib import BNode, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF

from api.deps import SettingsDep, StoreDep
from api.errors import BadRequest, NotAcceptable, RequestTooLarge
from api.settings import Settings
from graph.store import Store
from graph.workers import QueryJob, QueryRunner
from graph.vocab import ENTITIES_GRAPH, ONTOLOGY_GRAPH, PREFIXES

router = APIRouter(tags=["sparql"])

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")
_SD_PREFIXES = {"sd": SD, "formats": FORMATS, "ent": ENTAILMENT, "dcterms": DCTERMS}


@dataclass(frozen=True)
class Format:
    """An output format: its short name (the ``format`` parameter), media type and IRI."""

    name: str
    media_type: str
    iri: URIRef
    aliases: tuple[str, ...] = ()
    rdflib_name: str | None = None  # RDF formats: rdflib's serializer, for the service description

    def names(self) -> tuple[str, ...]:
        return (self.name, self.media_type, *self.aliases)


#: SELECT and ASK results, in order of preference (the first is the default).
RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", FORMATS.SPARQL_Results_JSON, ("application/json",)),
    Format("xml", "application/sparql-results+xml", FORMATS.SPARQL_Results_XML, ("application/xml", "text/xml")),
    Format("csv", "text/csv", FORMATS.SPARQL_Results_CSV),
    Format("tsv", "text/tab-separated-values", FORMATS.SPARQL_Results_TSV),
)
#: CONSTRUCT and DESCRIBE results and the service description, in order of preference.
RDF_FORMATS = (
    Format("turtle", "text/turtle", FORMATS.Turtle, ("application/x-turtle", "ttl"), "turtle"),
    Format("ntriples", "application/n-triples", FORMATS["N-Triples"], ("nt",), "nt"),
    Format("rdfxml", "application/rdf+xml", FORMATS.RDF_XML, ("application/xml", "text/xml", "xml", "rdf"), "xml"),
    Format("jsonld", "application/ld+json", FORMATS["JSON-LD"], ("application/json", "json", "json-ld"), "json-ld"),
    Format("nquads", "application/n-quads", FORMATS["N-Quads"], ("nq",), "nquads"),
    Format("trig", "application/trig", FORMATS.TriG, (), "trig"),
)

_FORM = "application/x-www-form-urlencoded"
_QUERY_BODY = "application/sparql-query"
_UPDATE_BODY = "application/sparql-update"
_DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")


# -- content negotiation ---------------------------------------------------------------


def _accept_ranges(accept: str) -> list[tuple[str, str, float]]:
    """The media ranges of an Accept header as ``(type, subtype, q)``, in header order."""
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
                break  # what follows q are accept-extensions, not media type parameters
        main, _, sub = media.lower().partition("/")
        ranges.append((main, sub or "*", q))
    return ranges


def _preference(fmt: Format, ranges: list[tuple[str, str, float]]) -> tuple[float, int, int]:
    """How much the client wants ``fmt``: (q, specificity, -position) of its most specific range.

    Wildcards match the format's own media type only; an alias (``application/json``) must be named.
    """
    best = (0.0, -1, 0)
    main, _, sub = fmt.media_type.partition("/")
    aliases = {a for a in fmt.aliases if "/" in a}
    for position, (r_main, r_sub, q) in enumerate(ranges):
        if f"{r_main}/{r_sub}" in aliases:
            specificity = 2
        elif r_main in (main, "*") and r_sub in (sub, "*"):
            specificity = (r_main != "*") + (r_sub != "*")
        else:
            continue
        if (specificity, -position) > best[1:]:
            best = (q, specificity, -position)
    return best


def negotiate(kind: str, accept: str | None, fmt: str | None = None) -> Format:
    """The output format for a result ``kind`` (``"solutions"``, ``"boolean"`` or ``"graph"``).

    A ``format`` parameter (a short name or a media type) wins over ``Accept``; otherwise the
    format with the highest q-value for its most specific matching media range, ties going to
    the more specific range, then to the earlier one, then to the server's order of preference.

    Raises
    ------
    NotAcceptable
        When nothing the client accepts is available; the message lists what is.
    """
    table = RDF_FORMATS if kind == "graph" else RESULT_FORMATS
    if fmt:
        wanted = fmt.strip().lower()
        for candidate in table:
            if wanted in candidate.names():
                return candidate
        raise NotAcceptable(f"format {fmt!r} is not available for this result; use one of "
                            + ", ".join(f"{f.name} ({f.media_type})" for f in table))
    if not accept or not accept.strip():
        return table[0]
    ranges = _accept_ranges(accept)
    scored = [(_preference(candidate, ranges), -order, candidate) for order, candidate in enumerate(table)]
    (q, _, _), _, best = max(scored, key=lambda item: (item[0], item[1]))
    if q <= 0:
        what = "an RDF graph (CONSTRUCT, DESCRIBE, service description)" if kind == "graph" else \
            "SELECT and ASK results"
        raise NotAcceptable(f"none of the accepted media types ({accept}) is available for {what}. "
                            "Supported media types:\n" + "\n".join(f.media_type for f in table))
    return best


# -- the protocol request ----------------------------------------------------------------


@dataclass
class QueryRequest:
    """One query operation: the query, its protocol-specified dataset, a ``format`` override, and
    the base IRI of its relative IRIs (the endpoint's, as the protocol allows)."""

    query: str
    default_graphs: list[str]
    named_graphs: list[str]
    format: str | None
    base_iri: str


def _refuse_update(params: Mapping[str, object]) -> None:
    if "update" in params:
        raise BadRequest("SPARQL Update is not accepted: /sparql is a read-only query endpoint")


def _one_query(values: Sequence[str], settings: Settings) -> str:
    if len(values) > 1:
        raise BadRequest(f"{len(values)} queries were sent (as 'query' parameters or a body); send exactly one")
    if not values or not values[0].strip():
        raise BadRequest("no query: pass it as the 'query' parameter, a 'query' form field or an "
                         "application/sparql-query body")
    if len(values[0]) > settings.max_query_length:
        raise RequestTooLarge(f"the query is {len(values[0])} characters long; the limit is "
                              f"{settings.max_query_length} (MARKETGRAPH_MAX_QUERY_LENGTH)")
    return values[0]


def _content_type(header: str | None) -> tuple[str, str | None]:
    """The media type of a Content-Type header and its charset, lower-cased."""
    media, *params = (p.strip() for p in (header or "").split(";"))
    charset = None
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


def _text(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise BadRequest(f"the request body is in {charset}; send it in UTF-8")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(f"the request body is not valid UTF-8 (byte {exc.start})") from None


def _form(body: bytes, charset: str | None) -> dict[str, list[str]]:
    try:
        return parse_qs(_text(body, charset), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest("a form field is not valid percent-encoded UTF-8") from None


# -- running a query -----------------------------------------------------------------------


_KINDS = ("solutions", "boolean", "graph")


def _formats(accept: str | None, fmt: str | None) -> dict[str, str | None]:
    """The output format for each result kind, ``None`` where the client accepts nothing we have."""
    chosen: dict[str, str | None] = {}
    for kind in _KINDS:
        try:
            chosen[kind] = negotiate(kind, accept, fmt).name
        except NotAcceptable:
            chosen[kind] = None
    return chosen


async def _answer(request: Request, operation: QueryRequest, accept: str | None) -> Response:
    """Run a query in the query pool (a worker thread waits for it, off the event loop) and
    answer its serialized result. The pool bounds the time, the rows and the waiting line."""
    limiter: anyio.CapacityLimiter = request.app.state.query_limiter
    runner: QueryRunner = request.app.state.queries
    if limiter.available_tokens < 1:  # never queue without bound: refuse at once
        raise runner.busy()
    job = QueryJob(operation.query, _formats(accept, operation.format), operation.default_graphs,
                   operation.named_graphs, operation.base_iri)
    answer = await anyio.to_thread.run_sync(runner.run, job, limiter=limiter)
    if answer.format is None:
        negotiate(answer.kind, accept, operation.format)  # raises NotAcceptable, listing what is available
    table = RDF_FORMATS if answer.kind == "graph" else RESULT_FORMATS
    media_type = next(f.media_type for f in table if f.name == answer.format)
    return Response(content=answer.body, media_type=media_type)


def _existing_graphs(store: Store, graphs: Sequence[URIRef]) -> list[URIRef]:
    """Those of ``graphs`` that hold at least one triple."""
    query = "SELECT ?g WHERE { FILTER EXISTS { GRAPH ?g { ?s ?p ?o } } }"
    return [g for g in graphs if store.select(query, {"g": g})]


def service_description(endpoint: str, store: Store) -> Dataset:
    """The SPARQL 1.1 Service Description of the endpoint at ``endpoint``."""
    sd = Dataset()
    for prefix, namespace in _SD_PREFIXES.items():
        sd.bind(prefix, namespace)
    service, dataset, default_graph = BNode(), BNode(), BNode()
    sd.add((service, RDF.type, SD.Service))
    sd.add((service, SD.endpoint, URIRef(endpoint)))
    sd.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    for fmt in (*RESULT_FORMATS, *RDF_FORMATS):
        sd.add((service, SD.resultFormat, fmt.iri))
    sd.add((service, SD.feature, SD.UnionDefaultGraph))
    sd.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    sd.add((service, SD.defaultDataset, dataset))
    sd.add((dataset, RDF.type, SD.Dataset))
    sd.add((dataset, DCTERMS.description, Literal(
        "Each article is a named graph, named by the article's IRI. The default graph is the union of all "
        "graphs, unless the request names graphs (default-graph-uri, named-graph-uri) or the query has "
        "FROM / FROM NAMED clauses.", lang="en")))
    sd.add((dataset, SD.defaultGraph, default_graph))
    sd.add((default_graph, RDF.type, SD.Graph))
    for name in _existing_graphs(store, (ONTOLOGY_GRAPH, ENTITIES_GRAPH)):
        named = BNode()
        sd.add((dataset, SD.namedGraph, named))
        sd.add((named, RDF.type, SD.NamedGraph))
        sd.add((named, SD.name, name))
    return sd


def _describe_service(request: Request, store: Store, accept: str | None, fmt: str | None) -> Response:
    chosen = negotiate("graph", accept, fmt)
    sd = service_description(str(request.url_for("sparql_get")), store)
    options = {"context": {p: str(ns) for p, ns in _SD_PREFIXES.items()}, "auto_compact": True} \
        if chosen.name == "jsonld" else {}
    body = sd.serialize(format=chosen.rdflib_name, encoding="utf-8", **options)
    return Response(content=body, media_type=chosen.media_type)


# -- routes --------------------------------------------------------------------------------

_QUERY_DOC = ("A SPARQL 1.1 query. The prefixes " + ", ".join(PREFIXES)
              + " are predeclared (see /prefixes). Leave it out to get the service description.")
_DEFAULT_DOC = ("Graphs whose merge is the default graph, instead of the union of all graphs. With either dataset "
                "parameter, the query sees only the graphs named")
_NAMED_DOC = "The named graphs GRAPH may see; with either dataset parameter, the query sees only the graphs named"
_FORMAT_DOC = ("Overrides Accept: json, xml, csv, tsv (SELECT, ASK); turtle, ntriples, rdfxml, jsonld, nquads, "
               "trig (CONSTRUCT, DESCRIBE); or a media type")
_RESULTS_DOC = {
    "description": "SELECT/ASK: SPARQL results (JSON by default); CONSTRUCT/DESCRIBE: RDF (Turtle by default). "
                   "Chosen by Accept (with q-values) or the format parameter.",
    "content": {
        "application/sparql-results+json": {"example": {"head": {"vars": ["index", "pct"]}, "results": {"bindings": [
            {"index": {"type": "uri", "value": "https://w3id.org/marketgraph/id/entity/hang-seng-index"},
             "pct": {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#decimal", "value": "2.83"}}]}}},
        **{f.media_type: {} for f in (*RESULT_FORMATS[1:], *RDF_FORMATS)},
    },
}
_ERRORS_DOC = {
    400: {"description": "No query, more than one, a syntax error (with line and column), an update, an unsupported "
                         "request content type or charset, an invalid graph IRI, or a result with more rows than "
                         "MARKETGRAPH_MAX_RESULT_ROWS (ResultTooLarge)",
          "content": {"text/plain": {"example": "QuerySyntaxError: error at 1:26: expected one of LATERAL, SERVICE"}}},
    406: {"description": "None of the accepted media types is available; the body lists those that are",
          "content": {"text/plain": {"example": "NotAcceptable: none of the accepted media types (image/png) is "
                                                "available for SELECT and ASK results. Supported media types:\n"
                                                "application/sparql-results+json\n…"}}},
    413: {"description": "The query is longer than MARKETGRAPH_MAX_QUERY_LENGTH, or the body larger than "
                         "MARKETGRAPH_MAX_REQUEST_BYTES", "content": {"text/plain": {}}},
    503: {"description": "The query ran longer than MARKETGRAPH_QUERY_TIMEOUT or needed more memory than a worker "
                         "may use (QueryTimeout, QueryTooExpensive); every query worker is busy (ServiceBusy, with "
                         "Retry-After); or the store could not be read", "content": {"text/plain": {
                             "example": "QueryTimeout: the query ran longer than the limit of 10 s and was stopped"}}},
}


@router.get(
    "/sparql",
    summary="SPARQL query (GET), or the service description",
    response_class=Response,
    responses={200: {**_RESULTS_DOC, "description": _RESULTS_DOC["description"] + " Without a query: the SPARQL "
                     "1.1 Service Description (Turtle by default)."}, **_ERRORS_DOC},
)
async def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: Annotated[str | None, Query(description=_QUERY_DOC,
                                       examples=["SELECT ?i ?pct WHERE { ?m a mg:IndexMovement ; mg:index ?i ; "
                                                 "mg:percentChange ?pct }"])] = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri", description=_DEFAULT_DOC)] = [],  # noqa: B006
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri", description=_NAMED_DOC)] = [],  # noqa: B006
    format: Annotated[str | None, Query(description=_FORMAT_DOC)] = None,
) -> Response:
    """Run a query given in the URL. Without ``query`` (and without ``default-graph-uri`` or
    ``named-graph-uri``) the answer is the endpoint's SPARQL 1.1 Service Description."""
    params = request.query_params
    _refuse_update(params)
    accept = request.headers.get("accept")
    queries = params.getlist("query")
    if not queries and not any(p in params for p in _DATASET_PARAMS):
        return await run_in_threadpool(_describe_service, request, store, accept, format)
    operation = QueryRequest(_one_query(queries, settings), default_graph_uri, named_graph_uri, format,
                             str(request.url_for("sparql_get")))
    return await _answer(request, operation, accept)


@router.post(
    "/sparql",
    summary="SPARQL query (POST)",
    response_class=Response,
    responses={200: _RESULTS_DOC, **_ERRORS_DOC},
    openapi_extra={
        "parameters": [
            {"name": name, "in": "query", "required": False, "description": description,
             "schema": {"type": "array", "items": {"type": "string"}}}
            for name, description in (("default-graph-uri", _DEFAULT_DOC), ("named-graph-uri", _NAMED_DOC))
        ] + [{"name": "format", "in": "query", "required": False, "description": _FORMAT_DOC,
              "schema": {"type": "string"}}],
        "requestBody": {
            "required": True,
            "content": {
                _QUERY_BODY: {"schema": {"type": "string"},
                              "example": "SELECT ?index ?pct WHERE { ?m a mg:IndexMovement ; mg:index ?index ; "
                                         "mg:percentChange ?pct }"},
                _FORM: {"schema": {"type": "object", "required": ["query"], "properties": {
                    "query": {"type": "string", "description": _QUERY_DOC},
                    "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                    "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    "format": {"type": "string", "description": _FORMAT_DOC},
                }}},
            },
        },
    },
)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """POST a form (``query=…``, and ``default-graph-uri`` / ``named-graph-uri`` fields or URL
    parameters) or an ``application/sparql-query`` body (the dataset in URL parameters)."""
    params = request.query_params
    _refuse_update(params)
    media, charset = _content_type(request.headers.get("content-type"))
    if media == _UPDATE_BODY:
        raise BadRequest("SPARQL Update is not accepted: /sparql is a read-only query endpoint")
    if media not in (_FORM, _QUERY_BODY):
        raise BadRequest(f"unsupported content type {media or '(none)'}: send {_QUERY_BODY} or {_FORM}")
    body = await request.body()
    if len(body) > settings.max_query_length * 4:
        raise RequestTooLarge(f"the request body is {len(body)} bytes; a query may be at most "
                              f"{settings.max_query_length} characters (MARKETGRAPH_MAX_QUERY_LENGTH)")
    queries = params.getlist("query")
    default_graphs = params.getlist("default-graph-uri")
    named_graphs = params.getlist("named-graph-uri")
    fmt = params.get("format")
    if media == _QUERY_BODY:
        queries.append(_text(body, charset))
    else:
        form = _form(body, charset)
        _refuse_update(form)
        queries += form.get("query", [])
        default_graphs += form.get("default-graph-uri", [])
        named_graphs += form.get("named-graph-uri", [])
        fmt = (form.get("format") or [fmt])[0]
    operation = QueryRequest(_one_query(queries, settings), default_graphs, named_graphs, fmt,
                             str(request.url_for("sparql_get")))
    return await _answer(request, operation, request.headers.get("accept"))


@router.get(
    "/prefixes",
    summary="Prefixes predeclared in every query",
    response_model=dict[str, str],
    responses={200: {"description": "Prefix -> namespace IRI",
                     "content": {"application/json": {"example": {"mg": PREFIXES["mg"], "id": PREFIXES["id"]}}}}},
)
def prefixes() -> dict[str, str]:
    """The prefixes a query may use without declaring them, as prefix -> namespace IRI."""
    return dict(PREFIXES)
