"""``/articles``: the articles behind the graph, with their entities and facts."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field

from api.deps import StoreDep
from graph.queries import article_details, article_iri_from_id, list_articles
from graph.store import named_node

router = APIRouter(prefix="/articles", tags=["articles"])


class ArticleSummary(BaseModel):
    iri: str
    id: str = Field(examples=["f2ab811703c0386bd992"])
    title: str | None = Field(examples=["Hong Kong stocks surge on AI optimism despite US-China trade tensions"])
    issued: str | None = Field(examples=["2025-02-04T09:47:00"])
    entities: int = Field(description="Entities it mentions")


class ArticleList(BaseModel):
    articles: list[ArticleSummary]


class ArticleDetail(BaseModel):
    iri: str
    id: str
    title: str | None
    issued: str | None
    modified: str | None
    creators: list[str]
    source: str | None = Field(description="URL of the original page, where known")
    body: str | None
    entities: list[dict] = Field(description="Entities with their mentions' surface forms and character offsets")
    facts: list[dict] = Field(description="Facts with values and evidence (sentence, start, end)")


@router.get("", response_model=ArticleList, summary="Articles, newest first")
def articles(
    store: StoreDep,
    entity: Annotated[str | None, Query(description="Only articles mentioning this entity (IRI)")] = None,
    since: Annotated[date | None, Query(description="Published on or after")] = None,
    until: Annotated[date | None, Query(description="Published on or before")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> ArticleList:
    if entity is not None:
        named_node(entity)
    rows = list_articles(store, entity=entity, since=since, until=until, limit=limit)
    return ArticleList(articles=[ArticleSummary(**r) for r in rows])


@router.get("/{id}", response_model=ArticleDetail, summary="One article with its entities and facts")
def article(
    store: StoreDep,
    id: Annotated[str, Path(description="The article id: the last part of its IRI")],
) -> ArticleDetail:
    return ArticleDetail(**article_details(store, article_iri_from_id(id)))
