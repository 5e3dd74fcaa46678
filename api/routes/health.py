"""``/health``: is the service up, and how big is its graph."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from api.deps import ProjectionDep, StoreDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    quads: int = Field(description="Quads in the store", examples=[48210])
    entities: int = Field(description="Entities in the projection", examples=[412])
    revision: str = Field(description="Changes with every write to the store", examples=["3f2a…"])


@router.get("/health", response_model=Health, summary="Service health and graph size")
def health(store: StoreDep, projection: ProjectionDep) -> Health:
    return Health(status="ok", quads=store.triple_count(), entities=len(projection.nodes),
                  revision=projection.revision or "")
