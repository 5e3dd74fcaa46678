"""The knowledge graph: vocabulary, mapping of extractions to quads, the store, and
networkx projections for neighborhoods and search.

>>> from graph import open_store, Projection
>>> store = open_store(None)
>>> Projection(store).refresh()
True
"""

from graph.errors import GraphError, InvalidIRI, NotFound, QuerySyntaxError, StoreError, StoreLocked, UnknownFormat
from graph.mapping import ArticleGraph, map_extraction
from graph.projection import Projection
from graph.store import OxigraphStore, Store, WriteReport, open_store

__all__ = [
    "ArticleGraph",
    "GraphError",
    "InvalidIRI",
    "NotFound",
    "OxigraphStore",
    "Projection",
    "QuerySyntaxError",
    "Store",
    "StoreError",
    "StoreLocked",
    "UnknownFormat",
    "WriteReport",
    "map_extraction",
    "open_store",
]
