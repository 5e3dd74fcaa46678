"""Exports of a graph view (a neighborhood or a set of paths) for visualization tools.

A view is the ``{"nodes": [...], "edges": [...]}`` dict that :class:`~graph.projection.Projection`
returns. It can be written as Cytoscape.js JSON, networkx node-link JSON, GraphML or
GEXF (both read by Gephi and Cytoscape desktop). Node attributes: label, type, article
count; edge attributes: relation(s), weight, first and last seen.

>>> view = {"nodes": [{"iri": "urn:a", "label": "A", "types": ["Company"], "articles": 2},
...                   {"iri": "urn:b", "label": "B", "types": ["Country"], "articles": 1}],
...         "edges": [{"source": "urn:a", "target": "urn:b", "weight": 1,
...                    "relations": [{"relation": "headquarteredIn"}]}]}
>>> sorted(to_cytoscape(view)["elements"])
['edges', 'nodes']
"""

from __future__ import annotations

import io
import json

import networkx as nx

from graph.errors import UnknownFormat

#: Export formats by name: (media type, file suffix).
FORMATS = {
    "cytoscape": ("application/vnd.cytoscape+json", "cyjs"),
    "nodelink": ("application/json", "json"),
    "graphml": ("application/graphml+xml", "graphml"),
    "gexf": ("application/gexf+xml", "gexf"),
}
MEDIA_TYPES = {media: name for name, (media, _) in FORMATS.items()}
_TYPE_PRIORITY = ("AnalystFirm", "StockIndex", "StockExchange", "GovernmentBody", "Country", "City", "Person",
                  "Company", "Tariff", "ExportControl", "Investigation", "Sanction", "Subsidy",
                  "InterestRateDecision", "IndexMovement", "StockMovement", "AnalystView")


def main_type(types: list[str]) -> str:
    """The one type a visualization colours a node by."""
    return next((t for t in _TYPE_PRIORITY if t in types), types[0] if types else "Entity")


def to_networkx(view: dict) -> nx.Graph:
    """A networkx graph with scalar attributes only (GraphML and GEXF need them)."""
    graph = nx.Graph()
    for node in view["nodes"]:
        graph.add_node(node["iri"], label=node["label"], type=main_type(node.get("types", [])),
                       types=" ".join(node.get("types", [])), articles=int(node.get("articles", 0)),
                       kind=node.get("kind", "entity"))
    for edge in view["edges"]:
        relations = [r["relation"] for r in edge.get("relations", [])]
        graph.add_edge(edge["source"], edge["target"], relation=relations[0] if relations else "",
                       relations=" ".join(relations), weight=int(edge.get("weight", 1)),
                       first_seen=edge.get("first_seen") or "", last_seen=edge.get("last_seen") or "")
    return graph


def to_cytoscape(view: dict) -> dict:
    """Cytoscape.js elements JSON (``{"elements": {"nodes": [...], "edges": [...]}}``)."""
    graph = to_networkx(view)
    data = nx.cytoscape_data(graph, name="label", ident="id")
    return {"data": {"name": "marketgraph"}, "elements": data["elements"]}


def serialize(view: dict, fmt: str) -> bytes:
    """The view in one of :data:`FORMATS`."""
    if fmt == "cytoscape":
        return json.dumps(to_cytoscape(view)).encode()
    graph = to_networkx(view)
    if fmt == "nodelink":
        return json.dumps(nx.node_link_data(graph, edges="links")).encode()
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(graph)).encode()
    if fmt == "gexf":
        buffer = io.BytesIO()
        nx.write_gexf(graph, buffer)
        return buffer.getvalue()
    raise UnknownFormat(f"unknown graph format {fmt!r}; use one of {sorted(FORMATS)}")
