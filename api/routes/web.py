"""``/``: the explorer page, and ``/assets/{name}``: its script and stylesheet.

The page is prebuilt from ``web/`` into ``api/static`` (``make web``) and calls only the JSON
endpoints below it. The assets' names carry a hash of their content, so they are cached for a year;
``index.html`` is revalidated on every load so a new build is seen at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse

from graph.errors import NotFound

STATIC = Path(__file__).resolve().parent.parent / "static"
ASSETS = STATIC / "assets"
_ASSET_NAME = re.compile(r"^[A-Za-z0-9_-]+\.[0-9a-f]{10}\.(?:js|css)$")
_MEDIA = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}

router = APIRouter(tags=["explorer"])


@router.head("/", include_in_schema=False)
@router.get("/", response_class=HTMLResponse, summary="The explorer page",
            responses={200: {"content": {"text/html": {}}, "description": "The single-page explorer"}})
def explorer() -> FileResponse:
    """A web page to search entities, grow a neighborhood graph, read the evidence behind each
    fact, find paths, read articles and run SPARQL. It works offline: nothing is loaded from elsewhere."""
    page = STATIC / "index.html"
    if not page.is_file():
        raise NotFound("the explorer is not built: run `make web`")
    return FileResponse(page, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})


@router.head("/assets/{name}", include_in_schema=False)
@router.get("/assets/{name}", summary="A script or stylesheet of the explorer",
            responses={200: {"content": {"text/javascript": {}, "text/css": {}}}, 404: {"description": "No such asset"}})
def asset(name: Annotated[str, PathParam(description="A hashed file name, as index.html names it")]) -> FileResponse:
    """Served with a one-year immutable cache: a new build gives new names."""
    path = ASSETS / name
    if not _ASSET_NAME.match(name) or not path.is_file():
        raise NotFound(f"no explorer asset named {name!r}")
    return FileResponse(path, media_type=_MEDIA[path.suffix],
                        headers={"Cache-Control": "public, max-age=31536000, immutable"})
