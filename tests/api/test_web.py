"""The explorer's files as served over HTTP: cache headers, no remote loads, routes left intact."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "api" / "static"
WEB = ROOT / "web"

#: URLs that appear in the bundle as names (XML namespaces, the vocabulary's IRIs), never fetched.
NAMESPACES = {
    "http://www.w3.org/2000/svg",
    "http://graphml.graphdrawing.org/xmlns",
    "http://gexf.net/1.3",
    "http://gexf.net/1.3/viz",
    "https://w3id.org/marketgraph/id/",
}


def test_the_page_is_served_at_the_root_and_always_revalidated(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"
    assert "<title>marketgraph explorer</title>" in response.text


def test_hashed_assets_are_cached_for_a_year(client):
    page = client.get("/").text
    names = re.findall(r'(?:src|href)="/assets/([^"]+)"', page)
    assert sorted(n.rsplit(".", 1)[-1] for n in names) == ["css", "js"]
    for name in names:
        response = client.get(f"/assets/{name}")
        assert response.status_code == 200
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        digest_name = name.split(".")[1]
        assert len(digest_name) == 10
    assert client.get(f"/assets/{names[0]}").headers["content-type"].split(";")[0] in {"text/css", "text/javascript"}


@pytest.mark.parametrize("name", ["nope.0123456789.js", "..%2Fweb.py", "index.html", "explorer.js"])
def test_unknown_assets_are_a_clear_404(client, name):
    response = client.get(f"/assets/{name}")
    assert response.status_code == 404
    assert response.json()["detail"]  # a message, never a file from elsewhere


def test_the_api_routes_are_not_shadowed(client):
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/docs").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/", "/sparql", "/entities/search", "/paths", "/articles"} <= set(spec["paths"])
    assert spec["paths"]["/"]["get"]["summary"] == "The explorer page"
    assert client.get("/sparql", params={"query": "ASK {}"}).json() == {"head": {}, "boolean": True}


def test_the_bundle_loads_nothing_from_elsewhere():
    for path in STATIC.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".js", ".css"}:
            text = path.read_text(encoding="utf-8")
            urls = set(re.findall(r"https?://[^\s\"'`)<>\\]+", text))
            assert urls <= NAMESPACES, f"{path.name} names {urls - NAMESPACES}"
            assert "@import" not in text and "//fonts." not in text


def test_the_committed_build_matches_its_sources():
    """api/static is rebuilt (`make web`) whenever web/src or the lock file changes."""
    build = json.loads((STATIC / "build.json").read_text())
    digest = hashlib.sha256()
    for name in build["inputs"]:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update((WEB / name).read_bytes())
        digest.update(b"\0")
    inputs = ["package-lock.json", "build.mjs", *sorted(f"src/{p.name}" for p in (WEB / "src").iterdir())]
    assert build["inputs"] == inputs, "web/src gained or lost a file since the last `make web`"
    assert digest.hexdigest() == build["sources"], "web/ changed since the last `make web`: rebuild api/static"
    assert (STATIC / "assets" / build["script"]).is_file() and (STATIC / "assets" / build["style"]).is_file()
