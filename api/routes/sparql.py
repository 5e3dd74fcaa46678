"""``/sparql``: the SPARQL 1.1 Protocol (query operation) over the union of all graphs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.deps import SettingsDep, StoreDep
from api.errors import BadRequest, NotAcceptable
from graph.store import result_kind, serialize_results

router = APIRouter(tags=["sparql"])

RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}
_MEDIA_OF = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "nquads": "application/n-quads",
    "trig": "application/trig",
}


def _accepted(accept: str | None) -> list[tuple[str, float]]:
    if not accept:
        return [("*/*", 1.0)]
    items = []
    for part in accept.split(","):
        pieces = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in pieces[1:]:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        items.append((pieces[0].lower(), q))
    return sorted(items, key=lambda i: -i[1])


def negotiate(kind: str, accept: str | None, fmt: str | None) -> str:
    """The output format for a result kind, from a ``format`` parameter or the Accept header."""
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    default = "turtle" if kind == "graph" else "json"
    if fmt:
        name = fmt.lower()
        name = table.get(name, name)
        if name in table.values():
            return name
        raise NotAcceptable(f"format {fmt!r} is not available for this query; use one of {sorted(set(table.values()))}")
    for media, q in _accepted(accept):
        if q <= 0:
            continue
        if media in table:
            return table[media]
        if media in ("*/*", "application/*", "text/*"):
            return default
    raise NotAcceptable(f"none of the accepted types ({accept}) is supported; supported: {sorted(table)}")


def _run(store, settings, query: str | None, default_graphs: list[str], named_graphs: list[str],
         accept: str | None, fmt: str | None) -> Response:
    if not query or not query.strip():
        raise BadRequest("no query: pass it as the 'query' parameter or as an application/sparql-query body")
    if len(query) > settings.max_query_length:
        raise BadRequest(f"the query is {len(query)} characters long; the limit is {settings.max_query_length}")
    result = store.query(query, default_graphs=default_graphs or None, named_graphs=named_graphs or None)
    try:
        name = negotiate(result_kind(result), accept, fmt)
        body = serialize_results(result, name)
    finally:
        # pyoxigraph results belong to the thread that made them: drop this one here,
        # not in whichever thread handles a raised error.
        del result
    return Response(content=body, media_type=_MEDIA_OF[name])


_QUERY_DOC = "A SPARQL 1.1 query; prefixes mg, rdf, rdfs, owl, skos, xsd, dcterms, prov, schema are predeclared"


@router.get(
    "/sparql",
    summary="SPARQL query (GET)",
    response_class=Response,
    responses={200: {"content": {m: {} for m in {**RESULT_TYPES, **GRAPH_TYPES}}}, 400: {"description": "Syntax error"}},
)
def sparql_get(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    query: Annotated[str | None, Query(description=_QUERY_DOC,
                                       examples=["SELECT ?i ?pct WHERE { ?m a mg:IndexMovement ; mg:index ?i ; "
                                                 "mg:percentChange ?pct }"])] = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
    format: Annotated[str | None, Query(description="json, xml, csv, tsv, turtle, ntriples… (overrides Accept)")] = None,
) -> Response:
    """Queries see the union of all graphs unless ``default-graph-uri`` names graphs."""
    return _run(store, settings, query, default_graph_uri, named_graph_uri, request.headers.get("accept"), format)


@router.post(
    "/sparql",
    summary="SPARQL query (POST)",
    response_class=Response,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/sparql-query": {"schema": {"type": "string"}},
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}
                },
            }
        }
    },
)
async def sparql_post(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """POST a form (``query=…``) or an ``application/sparql-query`` body."""
    from starlette.concurrency import run_in_threadpool

    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    params = request.query_params
    default_graphs = params.getlist("default-graph-uri")
    named_graphs = params.getlist("named-graph-uri")
    fmt = params.get("format")
    body = await request.body()
    if len(body) > settings.max_query_length * 4:
        raise BadRequest(f"the request body is too large ({len(body)} bytes)")
    if content_type == "application/sparql-query":
        query = body.decode("utf-8", errors="replace")
    elif content_type == "application/x-www-form-urlencoded":
        from urllib.parse import parse_qs

        form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
        if "update" in form:
            raise BadRequest("SPARQL Update is not accepted on this read-only endpoint")
        queries = form.get("query", [])
        if len(queries) > 1:
            raise BadRequest("more than one 'query' parameter")
        query = queries[0] if queries else None
        default_graphs += form.get("default-graph-uri", [])
        named_graphs += form.get("named-graph-uri", [])
        fmt = fmt or (form.get("format") or [None])[0]
    else:
        raise BadRequest(
            f"unsupported content type {content_type or '(none)'}: send application/sparql-query or "
            "application/x-www-form-urlencoded"
        )
    return await run_in_threadpool(_run, store, settings, query, default_graphs, named_graphs,
                                   request.headers.get("accept"), fmt)
