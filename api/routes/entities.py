"""``/entities``: search entities by name, describe one, and explore its neighborhood."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api.deps import ProjectionDep, StoreDep
from api.export import graph_response
from graph.queries import entity_facts, entity_iri_from_id
from graph.store import named_node
from graph.vocab import ENTITY_TYPES

router = APIRouter(prefix="/entities", tags=["entities"])

EntityType = Literal[ENTITY_TYPES]  # type: ignore[valid-type]
HSI = "https://w3id.org/marketgraph/id/entity/hang-seng-index"


class EntityHit(BaseModel):
    iri: str = Field(examples=[HSI])
    label: str = Field(examples=["Hang Seng Index"])
    types: list[str] = Field(examples=[["StockIndex"]])
    aliases: list[str] = Field(examples=[["HSI", "Hang Seng"]])
    same_as: list[str] = Field(examples=[["http://www.wikidata.org/entity/Q1045"]])
    articles: int = Field(description="Articles that mention the entity", examples=[12])
    score: float = Field(description="Match quality: 100 exact, 90 prefix, 80 word, lower fuzzy", examples=[105.0])


class SearchResult(BaseModel):
    query: str
    results: list[EntityHit]


class NodeOut(BaseModel):
    iri: str
    label: str
    types: list[str]
    aliases: list[str] = []
    same_as: list[str] = []
    articles: int
    hops: int = Field(0, description="Distance from the centre")
    kind: Literal["entity", "fact"] = "entity"
    fact: dict | None = Field(None, description="For fact nodes: kind, roles, values, article, confidence")


class RelationOut(BaseModel):
    relation: str = Field(description="headquarteredIn, jurisdiction, country, listedOn, a policy class "
                                      "(Tariff…), AnalystView, mentionedWith, or a fact role", examples=["Tariff"])
    source: str
    target: str
    articles: int


class EdgeOut(BaseModel):
    source: str
    target: str
    relations: list[RelationOut]
    weight: int = Field(description="Articles behind the edge (at least 1)")
    articles: list[str] = Field(description="IRIs of up to 20 articles behind the edge")
    first_seen: str | None = Field(None, description="Publication date of the earliest article behind the edge")
    last_seen: str | None = None


class Neighborhood(BaseModel):
    center: NodeOut
    hops: int
    nodes: list[NodeOut]
    edges: list[EdgeOut]


class EntityDetail(BaseModel):
    iri: str = Field(examples=[HSI])
    id: str = Field(examples=["hang-seng-index"])
    label: str
    types: list[str]
    aliases: list[str]
    same_as: list[str] = Field(description="Wikidata entities (owl:sameAs)")
    articles: int = Field(description="Articles that mention it")
    facts: list[dict] = Field(description="Latest facts it takes part in, newest article first, with evidence")
    links: dict[str, str] = Field(description="Where to go next: neighborhood, articles")


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


@router.get(
    "/neighborhood",
    response_model=Neighborhood,
    summary="Entities connected to an entity, and how",
    responses={200: {"content": {"application/vnd.cytoscape+json": {}, "application/graphml+xml": {},
                                 "application/gexf+xml": {}}}},
)
def neighborhood(
    request: Request,
    projection: ProjectionDep,
    iri: Annotated[str, Query(description="The entity's IRI", examples=[HSI])],
    hops: Annotated[int, Query(ge=1, le=3, description="1, 2 or 3")] = 1,
    limit: Annotated[int, Query(ge=1, le=2000, description="Most neighbours returned, strongest first")] = 50,
    types: Annotated[list[EntityType] | None, Query(description="Only neighbours of these classes")] = None,
    facts: Annotated[Literal["edges", "nodes"], Query(
        description="edges: a policy or view is an edge between entities; nodes: facts are nodes too")] = "edges",
    comentions: Annotated[bool, Query(description="Add edges between entities named by the same articles")] = False,
    since: Annotated[date | None, Query(description="Only evidence from articles published on or after")] = None,
    until: Annotated[date | None, Query(description="Only evidence from articles published on or before")] = None,
    min_confidence: Annotated[float, Query(ge=0, le=1, description="Only facts at least this sure")] = 0.0,
    format: Annotated[str | None, Query(description="json (default), cytoscape, nodelink, graphml or gexf")] = None,
) -> Neighborhood | Response:
    """Neighbours ranked by the number of articles behind the edge; each edge lists its
    relations (policy issuer/target, analyst view, headquarters, co-mention) with the
    articles behind them. Hot entities return their top-``limit`` edges, never the whole star."""
    named_node(iri)  # validates; raises InvalidIRI -> 400
    data = projection.neighborhood(iri, hops=hops, limit=limit, types=set(types) if types else None,
                                   comentions=comentions, facts_as_nodes=facts == "nodes", since=since,
                                   until=until, min_confidence=min_confidence)
    exported = graph_response(data, format, request.headers.get("accept"))
    if exported is not None:
        return exported
    # validated once and written straight to JSON bytes: a hot entity's view is large (100 nodes,
    # 400 edges), and FastAPI would otherwise validate it again and encode it through the json module
    return Response(Neighborhood.model_validate(data).model_dump_json(), media_type="application/json")


@router.get("/{id}", response_model=EntityDetail, summary="One entity: names, types, counts and latest facts")
def entity(
    store: StoreDep,
    projection: ProjectionDep,
    id: Annotated[str, Path(description="The entity id: the last part of its IRI", examples=["hang-seng-index"])],
    limit: Annotated[int, Query(ge=1, le=200, description="Most facts returned")] = 20,
) -> EntityDetail:
    iri = entity_iri_from_id(id)
    info = projection.node_info(iri)
    return EntityDetail(
        id=id,
        facts=entity_facts(store, iri, limit=limit),
        links={"neighborhood": f"/entities/neighborhood?iri={iri}", "articles": f"/articles?entity={iri}"},
        **{k: info[k] for k in ("iri", "label", "types", "aliases", "same_as", "articles")},
    )
