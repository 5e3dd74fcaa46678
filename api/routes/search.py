"""``/search``: full-text search over article titles, bodies and evidence sentences."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import ProjectionDep, StoreDep

router = APIRouter(tags=["search"])


class EntityRef(BaseModel):
    iri: str
    label: str
    types: list[str]


class SearchHit(BaseModel):
    article: str = Field(description="The article's IRI")
    id: str
    title: str = Field(description="The title, with matches in <mark>")
    issued: str | None
    score: float = Field(description="BM25 relevance; higher is better")
    snippet: str = Field(description="The best matching passage, with matches in <mark>")
    entities: list[EntityRef] = Field(description="Entities the article mentions")


class TextSearchResult(BaseModel):
    query: str
    results: list[SearchHit]


@router.get("/search", response_model=TextSearchResult, summary="Full-text search over articles")
def search(
    store: StoreDep,
    projection: ProjectionDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description='Words, "phrases", OR, NOT, prefix*',
                            examples=["tariff coal"])],
    since: Annotated[date | None, Query(description="Published on or after")] = None,
    until: Annotated[date | None, Query(description="Published on or before")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> TextSearchResult:
    """Articles whose title, body or evidence sentences match, best first, with highlighted
    snippets and the entities they mention. The same index answers the SPARQL extension
    function ``mg:textMatch(?article, "words")``."""
    hits = []
    for hit in store.search_text(q, since=since, until=until, limit=limit):
        mentioned = projection.article_entities.get(hit["article"], [])
        entities = [EntityRef(iri=e, label=projection.nodes[e].label, types=sorted(projection.nodes[e].types))
                    for e in mentioned if e in projection.nodes]
        hits.append(SearchHit(article=hit["article"], id=hit["article"].rsplit("/", 1)[-1],
                              title=hit["title_snippet"], issued=hit["issued"], score=hit["score"],
                              snippet=hit["snippet"], entities=entities))
    return TextSearchResult(query=q, results=hits)
