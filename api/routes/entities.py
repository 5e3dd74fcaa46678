"""``/entities``: search entities by name and explore their neighborhood."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import ProjectionDep
from graph.store import named_node
from graph.vocab import ENTITY_TYPES

router = APIRouter(prefix="/entities", tags=["entities"])

EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]


class EntityHit(BaseModel):
    iri: str = Field(examples=["https://w3id.org/marketgraph/id/entity/hang-seng-index"])
    label: str = Field(examples=["Hang Seng Index"])
    types: list[str] = Field(examples=[["StockIndex"]])
    aliases: list[str] = Field(examples=[["HSI", "Hang Seng"]])
    articles: int = Field(description="Articles that mention the entity", examples=[12])
    score: float = Field(description="Match quality: 100 exact, 90 prefix, 80 word, lower fuzzy", examples=[105.0])


class SearchResult(BaseModel):
    query: str
    results: list[EntityHit]


class NodeOut(BaseModel):
    iri: str
    label: str
    types: list[str]
    aliases: list[str]
    articles: int
    hops: int = Field(description="Distance from the centre")


class RelationOut(BaseModel):
    relation: str = Field(description="headquarteredIn, jurisdiction, country, listedOn, a policy class "
                                      "(Tariff…), AnalystView, or mentionedWith", examples=["Tariff"])
    source: str
    target: str
    articles: int


class EdgeOut(BaseModel):
    source: str
    target: str
    relations: list[RelationOut]
    weight: int = Field(description="Articles behind the edge (at least 1)")
    articles: list[str] = Field(description="IRIs of up to 20 articles behind the edge")


class Neighborhood(BaseModel):
    center: NodeOut | dict
    hops: int
    nodes: list[NodeOut]
    edges: list[EdgeOut]


@router.get("/search", response_model=SearchResult, summary="Find entities by name or alias")
def search(
    projection: ProjectionDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Name, alias or prefix", examples=["Hang Seng"])],
    type: Annotated[list[EntityType] | None, Query(description="Only these classes")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> SearchResult:
    """Exact label, then alias and prefix matches, then fuzzy ones, each ranked by the
    number of articles that mention the entity."""
    hits = projection.search(q, types=set(type) if type else None, limit=limit)
    return SearchResult(query=q, results=[EntityHit(**h) for h in hits])


@router.get("/neighborhood", response_model=Neighborhood, summary="Entities connected to an entity, and how")
def neighborhood(
    projection: ProjectionDep,
    iri: Annotated[str, Query(description="The entity's IRI",
                              examples=["https://w3id.org/marketgraph/id/entity/hang-seng-index"])],
    hops: Annotated[int, Query(ge=1, le=2, description="1 or 2")] = 1,
    limit: Annotated[int, Query(ge=1, le=1000, description="Most neighbors returned, strongest first")] = 50,
    types: Annotated[list[EntityType] | None, Query(description="Only neighbors of these classes")] = None,
) -> Neighborhood:
    """Neighbors ranked by the number of articles behind the edge; each edge lists its
    relations (policy issuer/target, analyst view, headquarters, co-mention) with evidence."""
    named_node(iri)  # validates; raises InvalidIRI -> 400
    data = projection.neighborhood(iri, hops=hops, limit=limit, types=set(types) if types else None)
    data["center"]["hops"] = 0
    return Neighborhood(**data)
