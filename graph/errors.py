"""The exceptions of the graph package, in one place (mapped to HTTP answers in ``api/errors.py``)."""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error raised by the graph package."""


class StoreError(GraphError):
    """The store could not be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the store open for writing."""


class QuerySyntaxError(GraphError):
    """A SPARQL query or update does not parse; the message names line and column."""


class UnknownFormat(GraphError):
    """A serialization format that is not supported."""


class NotFound(GraphError):
    """An entity or article that the store does not hold."""


class InvalidIRI(GraphError):
    """A value that should be an absolute IRI is not one."""


class QueryNotAllowed(GraphError):
    """A query uses a feature this endpoint does not offer (federated SERVICE calls)."""


class QueryTimeout(GraphError):
    """A query ran longer than the configured time limit and was stopped."""


class ResultTooLarge(GraphError):
    """A query's result has more rows (or triples) than the configured limit."""


class ServiceBusy(GraphError):
    """Every query worker is busy and the waiting line is full; try again shortly."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class QueryTooExpensive(GraphError):
    """A query needed more memory than a query worker may use."""
