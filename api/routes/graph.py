"""``/paths``: how two entities are connected."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import ProjectionDep
from api.export import graph_response
from api.routes.entities import EdgeOut, NodeOut
from graph.store import named_node

router = APIRouter(tags=["graph"])


class Paths(BaseModel):
    source: str
    target: str
    paths: list[list[NodeOut]] = Field(description="Each path as its list of entities, source first")
    nodes: list[NodeOut]
    edges: list[EdgeOut] = Field(description="The edges on the paths, with the articles behind each")


@router.get("/paths", response_model=Paths, summary="Shortest connecting paths between two entities")
def paths(
    request: Request,
    projection: ProjectionDep,
    from_: Annotated[str, Query(alias="from", description="IRI of the first entity",
                                examples=["https://w3id.org/marketgraph/id/entity/xpeng"])],
    to: Annotated[str, Query(description="IRI of the second entity",
                             examples=["https://w3id.org/marketgraph/id/entity/united-states"])],
    max_hops: Annotated[int, Query(ge=1, le=6)] = 3,
    limit: Annotated[int, Query(ge=1, le=50, description="Most paths returned")] = 5,
    comentions: Annotated[bool, Query(description="Let co-mention edges count as connections")] = True,
    format: Annotated[str | None, Query(description="json (default), cytoscape, nodelink, graphml or gexf")] = None,
) -> Paths | Response:
    named_node(from_)
    named_node(to)
    data = projection.paths(from_, to, max_hops=max_hops, limit=limit, comentions=comentions)
    return graph_response(data, format, request.headers.get("accept")) or Paths(**data)
