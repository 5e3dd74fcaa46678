"""``/articles``: the articles behind the graph, with their entities and facts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, fields
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from starlette.datastructures import UploadFile as StarletteUpload

from api.auth import KeyDep
from api.deps import SettingsDep, StoreDep, WriterDep
from api.errors import BadRequest, UnsupportedMedia
from api.service import PinnedArticle, article_from_record, articles_from_upload
from graph.errors import GraphError, NotFound
from graph.queries import article_details, article_iri_from_id, list_articles
from graph.store import named_node
from ingest.article import Article
from ingest.errors import ReadError

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
    iri = article_iri_from_id(id)
    with store.snapshot():  # its several queries see one version of it, even while it is being replaced
        return ArticleDetail(**article_details(store, iri))


# -- writes: POST, PUT, DELETE (an API key is required; see api/auth.py) ---------------------


class ArticleIn(BaseModel):
    """One article to ingest: the fields of a JSON Lines record."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, max_length=500, description="Your id for the article (its identity when there is no url)")
    url: str | None = Field(None, max_length=4000, description="URL of the original page (its identity when given)")
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100, description="Publication time, e.g. 2025-02-04T09:47:00 "
                                  "or '09:47, February 4, 2025'")
    text: str = Field(min_length=1, description="The article body; paragraphs separated by blank lines")


class ArticleWritten(BaseModel):
    id: str = Field(examples=["f2ab811703c0386bd992"])
    iri: str = Field(examples=["https://w3id.org/marketgraph/id/article/f2ab811703c0386bd992"])
    status: str = Field(description="new, replaced or unchanged", examples=["new"])
    title: str = Field(examples=["Hong Kong stocks surge on AI optimism"])
    entities: int = Field(description="Entities the article mentions", examples=[14])
    facts: int = Field(description="Facts extracted from it (moves, policies, analyst views)", examples=[6])
    triples: int = Field(description="Triples written for it (its graph and its entities' descriptions); for an "
                                     "unchanged article, the triples of its graph", examples=[412])


class IngestAnswer(BaseModel):
    articles: list[ArticleWritten]
    new: int
    replaced: int
    unchanged: int


class JobAccepted(BaseModel):
    job: str = Field(description="The job id", examples=["5b0c6f5e0d7b4e1f9a1c2d3e4f506172"])
    status: str = Field(examples=["queued"])
    total: int = Field(description="Articles in the batch")
    href: str = Field(description="Where to follow its progress", examples=["/jobs/5b0c6f5e0d7b4e1f9a1c2d3e4f506172"])


class ArticleRemoved(BaseModel):
    id: str
    iri: str
    removed_quads: int = Field(description="Quads removed: the article's graph and the descriptions of entities "
                                           "no other article mentions")


_ARTICLE_SCHEMA = ArticleIn.model_json_schema()  # inline: no route parameter puts it among the components
_WRITE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"oneOf": [_ARTICLE_SCHEMA, {"type": "array", "items": _ARTICLE_SCHEMA}]},
                "example": {"url": "https://news.example/hk-stocks-0204", "title": "Hong Kong stocks surge",
                            "published": "2025-02-04T09:47:00",
                            "text": "The Hang Seng Index rose 2.83 percent to close at 20,789.96 points."},
            },
            "multipart/form-data": {"schema": {"type": "object", "properties": {
                "file": {"type": "array", "items": {"type": "string", "format": "binary"},
                         "description": "Text or HTML news pages, or JSON Lines files"}}}},
            "text/plain": {"schema": {"type": "string"}, "description": "One news page as text"},
            "text/html": {"schema": {"type": "string"}, "description": "One news page as HTML"},
        },
    },
}
_WRITE_ERRORS = {
    400: {"description": "A body that is not an article (malformed JSON, an unreadable file, a bad date or URL); "
                         "nothing is written"},
    401: {"description": "No API key, or not a valid one (send `Authorization: Bearer <key>`)"},
    403: {"description": "Write endpoints are disabled: the server has no API key configured"},
    415: {"description": "An unsupported content type"},
    422: {"description": "A JSON article with missing or mistyped fields"},
}
_ADAPTER = TypeAdapter(ArticleIn | list[ArticleIn])


async def _articles_of(request: Request) -> list[Article]:
    """The articles of a write request's body, all valid, or a 400/415/422 that names what is wrong."""
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    problems: list[str] = []
    articles: list[Article] = []
    if media in ("application/json", ""):
        body = await request.body()
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadRequest(f"the body is not JSON: {exc}") from None
        try:
            records = _ADAPTER.validate_python(data)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
        records = records if isinstance(records, list) else [records]
        for n, record in enumerate(records):
            if record.url is not None:
                try:
                    named_node(record.url)
                except GraphError:
                    problems.append(f"article {n}: 'url' is not an absolute URL: {record.url[:80]!r}")
                    continue
            try:
                articles.append(article_from_record(record.model_dump(exclude_none=True), source=f"article {n}"))
            except ReadError as exc:
                problems.append(str(exc))
    elif media == "multipart/form-data":
        form = await request.form()
        files = [v for _, v in form.multi_items() if isinstance(v, StarletteUpload)]
        if not files:
            raise BadRequest("the form has no file: send the articles as 'file' fields")
        for upload in files:
            for item in articles_from_upload(await upload.read(), filename=upload.filename or "upload"):
                (problems.append(str(item)) if isinstance(item, ReadError) else articles.append(item))
    elif media in ("text/plain", "text/html"):
        kind = "html" if media == "text/html" else "text"
        for item in articles_from_upload(await request.body(), filename=f"body.{'html' if kind == 'html' else 'txt'}"):
            (problems.append(str(item)) if isinstance(item, ReadError) else articles.append(item))
    else:
        raise UnsupportedMedia(f"unsupported content type {media}: send application/json, multipart/form-data, "
                               "text/plain or text/html")
    if problems:
        raise BadRequest("nothing was written: " + "; ".join(problems[:20]))
    if not articles:
        raise BadRequest("the request holds no article")
    return articles


def _answer(results) -> IngestAnswer:
    count = Counter(r.status for r in results)
    return IngestAnswer(articles=[ArticleWritten(**asdict(r)) for r in results], new=count["new"],
                        replaced=count["replaced"], unchanged=count["unchanged"])


@router.post(
    "",
    summary="Ingest articles (API key)",
    response_model=IngestAnswer,
    responses={202: {"model": JobAccepted, "description": "A long batch, running as a background job"},
               **_WRITE_ERRORS},
    openapi_extra=_WRITE_BODY,
)
async def post_articles(request: Request, writer: WriterDep, settings: SettingsDep, _: KeyDep,
                        background: Annotated[bool | None, Query(description="Run as a background job (default: "
                                                                 "only batches longer than the sync limit)")] = None):
    """Ingest one article or a batch: a JSON article ``{id?, url?, title?, published?, text}``, a JSON
    list of them, uploaded files (multipart ``file`` fields: text or HTML news pages, JSON Lines), or
    one page as a ``text/plain`` or ``text/html`` body.

    Each article is extracted and written whole or not at all; one already stored unchanged is
    skipped, a changed version (same URL, id, or title and time) replaces it. Batches longer than
    ``MARKETGRAPH_SYNC_BATCH_LIMIT`` articles (or with ``background=true``) answer 202 with a job to
    follow at ``GET /jobs/{id}``.
    """
    articles = await _articles_of(request)
    if background or (background is None and len(articles) > settings.sync_batch_limit):
        job = writer.submit(articles)
        return JSONResponse(JobAccepted(job=job.id, status=job.status, total=job.total,
                                        href=f"/jobs/{job.id}").model_dump(),
                            status_code=202, headers={"Location": f"/jobs/{job.id}"})
    return _answer(await writer.add(articles))


@router.put(
    "/{id}",
    summary="Replace an article (API key)",
    response_model=IngestAnswer,
    responses={404: {"description": "No article with this id"}, **_WRITE_ERRORS},
    openapi_extra=_WRITE_BODY,
)
async def put_article(
    request: Request, writer: WriterDep, store: StoreDep, _: KeyDep,
    id: Annotated[str, Path(description="The article id: the last part of its IRI")],
):
    """Replace the article ``id`` by a new version (one article, in any body form ``POST /articles``
    takes). It keeps its id whatever URL or title the new version has; its old graph, and entities only
    it mentioned, go. An identical version changes nothing (status ``unchanged``)."""
    iri = article_iri_from_id(id)
    articles = await _articles_of(request)
    if len(articles) != 1:
        raise BadRequest(f"PUT replaces one article; the body holds {len(articles)}")
    if not store.article_hashes([iri]):
        raise NotFound(f"no article {id}: create it with POST /articles")
    pinned = PinnedArticle(**{f.name: getattr(articles[0], f.name) for f in fields(Article)}, pinned_key=id)
    return _answer(await writer.add([pinned]))


@router.delete(
    "/{id}",
    summary="Delete an article (API key)",
    response_model=ArticleRemoved,
    responses={404: {"description": "No article with this id"}, **{k: v for k, v in _WRITE_ERRORS.items()
                                                                    if k in (401, 403)}},
)
async def delete_article(
    writer: WriterDep, _: KeyDep,
    id: Annotated[str, Path(description="The article id: the last part of its IRI")],
) -> ArticleRemoved:
    """Remove an article: its graph (its mentions, facts and evidence) and the descriptions of the
    entities that no other article mentions; entities still mentioned elsewhere stay as they are."""
    iri = article_iri_from_id(id)
    removed = await writer.run(writer.remove, iri)
    if removed is None:
        raise NotFound(f"no article {id}")
    return ArticleRemoved(id=id, iri=iri, removed_quads=removed)
