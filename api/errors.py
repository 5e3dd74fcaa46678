"""Domain errors -> HTTP answers, in one place. No stack trace ever reaches a client."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from graph.errors import (
    GraphError,
    InvalidIRI,
    NotFound,
    QueryNotAllowed,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooExpensive,
    ResultTooLarge,
    ServiceBusy,
    StoreError,
    StoreLocked,
    UnknownFormat,
)

log = logging.getLogger("marketgraph.api")

_STATUS: list[tuple[type[GraphError], int]] = [
    (QuerySyntaxError, 400),
    (QueryNotAllowed, 400),
    (InvalidIRI, 400),
    (NotFound, 404),
    (UnknownFormat, 406),
    (ResultTooLarge, 400),
    (QueryTimeout, 503),
    (QueryTooExpensive, 503),
    (ServiceBusy, 503),
    (StoreLocked, 503),
    (StoreError, 503),
]


class BadRequest(GraphError):
    """A request the API cannot act on (a missing query, an update on the query endpoint)."""


class NotAcceptable(GraphError):
    """No supported media type matches the Accept header."""


class UnsupportedMedia(GraphError):
    """A request body in a content type the endpoint does not read."""


class RequestTooLarge(GraphError):
    """A request body or a query longer than the configured limit."""


def status_of(exc: GraphError) -> int:
    if isinstance(exc, BadRequest):
        return 400
    if isinstance(exc, NotAcceptable):
        return 406
    if isinstance(exc, UnsupportedMedia):
        return 415
    if isinstance(exc, RequestTooLarge):
        return 413
    for cls, status in _STATUS:
        if isinstance(exc, cls):
            return status
    return 500


def install(app: FastAPI) -> None:
    """Register the exception handlers on ``app``."""

    @app.exception_handler(GraphError)
    async def graph_error(request: Request, exc: GraphError):
        status = status_of(exc)
        headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, ServiceBusy) else None
        if request.url.path.startswith("/sparql"):
            # SPARQL protocol clients expect a plain-text error body.
            return PlainTextResponse(f"{type(exc).__name__}: {exc}\n", status_code=status, headers=headers)
        return JSONResponse({"error": type(exc).__name__, "detail": str(exc)}, status_code=status, headers=headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return JSONResponse({"error": "InternalError", "detail": "an unexpected error occurred; see the server log"},
                            status_code=500)
