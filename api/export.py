"""Answering graph views (neighborhoods, paths) in the export format a client asks for."""

from __future__ import annotations

from fastapi.responses import Response

from api.errors import NotAcceptable
from graph.export import FORMATS, MEDIA_TYPES, serialize


def graph_response(view: dict, fmt: str | None, accept: str | None) -> Response | None:
    """A Response in the requested export format, or None for the default JSON model."""
    name = None
    if fmt:
        name = fmt.lower()
        if name == "json":
            return None
        if name not in FORMATS:
            raise NotAcceptable(f"format {fmt!r} is not available; use json or one of {sorted(FORMATS)}")
    elif accept:
        for media in (part.split(";")[0].strip().lower() for part in accept.split(",")):
            if media in MEDIA_TYPES and media != "application/json":
                name = MEDIA_TYPES[media]
                break
    if name is None:
        return None
    media, suffix = FORMATS[name]
    return Response(content=serialize(view, name), media_type=media,
                    headers={"Content-Disposition": f'inline; filename="marketgraph.{suffix}"'})
