"""``/update``: SPARQL 1.1 Update, off unless ``MARKETGRAPH_ENABLE_UPDATE=true``, and only with an API key.

``/sparql`` stays read-only whatever the setting. An update runs in one transaction on the
writer thread, after the writes queued before it; the full-text index and the networkx
projection catch up with it.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

from api.auth import KeyDep
from api.deps import SettingsDep, WriterDep
from api.errors import BadRequest, UnsupportedMedia
from api.routes.sparql import _FORM, _UPDATE_BODY, _content_type, _form, _text

router = APIRouter(tags=["sparql"])


class UpdateDone(BaseModel):
    quads_added: int = Field(description="Change in the number of quads (negative when the update removed more)")


@router.post(
    "/update",
    summary="SPARQL Update (disabled unless enabled; API key)",
    response_model=UpdateDone,
    responses={
        400: {"description": "A syntax error (line and column), no update, or a SERVICE call"},
        401: {"description": "No API key, or not a valid one"},
        403: {"description": "Write endpoints or SPARQL Update are disabled on this server"},
        415: {"description": "Neither application/sparql-update nor a form"},
    },
    openapi_extra={"requestBody": {"required": True, "content": {
        _UPDATE_BODY: {"schema": {"type": "string"},
                       "example": 'INSERT DATA { GRAPH <urn:x-notes> { id:entity\\/hang-seng-index rdfs:comment "a note" } }'},
        _FORM: {"schema": {"type": "object", "required": ["update"], "properties": {"update": {"type": "string"}}}},
    }}},
)
async def sparql_update(request: Request, writer: WriterDep, settings: SettingsDep, _: KeyDep) -> UpdateDone:
    """Run a SPARQL 1.1 Update (an ``application/sparql-update`` body or a form with ``update=``),
    in one transaction. The predeclared prefixes of ``/sparql`` apply."""
    if not settings.enable_update:
        raise HTTPException(403, "SPARQL Update is disabled on this server (set MARKETGRAPH_ENABLE_UPDATE=true "
                                 "to enable it); /sparql is read-only")
    media, charset = _content_type(request.headers.get("content-type"))
    body = await request.body()
    if len(body) > settings.max_query_length * 4:
        raise BadRequest(f"the request body is too large ({len(body)} bytes)")
    if media == _UPDATE_BODY:
        updates = [_text(body, charset)]
    elif media == _FORM:
        updates = _form(body, charset).get("update", [])
    else:
        raise UnsupportedMedia(f"unsupported content type {media or '(none)'}: send {_UPDATE_BODY} or {_FORM}")
    if len(updates) != 1 or not updates[0].strip():
        raise BadRequest("send exactly one non-empty update")
    return UpdateDone(quads_added=await writer.run(writer.update, updates[0]))
