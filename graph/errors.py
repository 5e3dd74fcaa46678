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
