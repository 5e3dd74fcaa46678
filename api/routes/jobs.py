"""``/jobs/{id}``: the progress of a background ingest (a long ``POST /articles`` batch)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from api.auth import KeyDep
from api.deps import WriterDep
from api.routes.articles import ArticleWritten
from graph.errors import NotFound

router = APIRouter(prefix="/jobs", tags=["articles"])


class JobStatus(BaseModel):
    id: str
    status: str = Field(description="queued, running, done, failed or cancelled (the server stopped; the articles "
                                    "written are whole, post the batch again to finish it)", examples=["running"])
    total: int = Field(description="Articles in the batch")
    extracted: int = Field(description="Articles through extraction (or skipped as unchanged) so far")
    processed: int = Field(description="Articles written to the store (or found unchanged) so far")
    new: int
    replaced: int
    unchanged: int
    error: str | None = Field(description="Why a failed job failed")
    created: float = Field(description="Unix time the job was queued")
    started: float | None
    finished: float | None
    results: list[ArticleWritten] = Field(description="Each processed article, in order")


@router.get("/{id}", response_model=JobStatus, summary="Progress of a background ingest (API key)",
            responses={401: {"description": "No API key, or not a valid one"},
                       403: {"description": "Write endpoints are disabled"},
                       404: {"description": "No such job (jobs live in memory: a restart forgets them)"}})
def job(writer: WriterDep, _: KeyDep, id: Annotated[str, Path(description="The job id from POST /articles")]) -> JobStatus:
    """How far a background ingest has got, and each article's result so far."""
    found = writer.job(id)
    if found is None:
        raise NotFound(f"no job {id} (jobs are kept in memory, the last 100 finished ones)")
    return JobStatus(**found.view())
