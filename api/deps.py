"""Shared dependencies, declared once as ``Annotated`` types."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.jobs import Writer
from api.settings import Settings
from graph.projection import Projection
from graph.store import Store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_projection(request: Request) -> Projection:
    projection: Projection = request.app.state.projection
    # a cheap revision check; while the writer rebuilds after a write, the request is answered
    # from the projection before it (a consistent snapshot) instead of waiting for the new one
    projection.refresh(wait=False)
    return projection


def get_writer(request: Request) -> Writer:
    return request.app.state.writer


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]
ProjectionDep = Annotated[Projection, Depends(get_projection)]
WriterDep = Annotated[Writer, Depends(get_writer)]
