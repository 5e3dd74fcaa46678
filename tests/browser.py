"""A real browser for the explorer's tests: Debian's chromium driven by Playwright.

Playwright's own browser download is never used (it would need the network): the tests drive the
system ``chromium`` that ``make test-tools`` installs with apt.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

#: Headless, no first-run work, no background traffic. With no GPU, WebGL falls back to SwiftShader
#: (allowed by --enable-unsafe-swiftshader); forcing ANGLE onto SwiftShader measured 3-4x slower.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--enable-unsafe-swiftshader",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    pytest.fail("chromium is not installed (`make test-tools` installs it with apt)")


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium browser (Playwright ``Browser``)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: pip install -e '.[test]'")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


ENTITY = "https://w3id.org/marketgraph/id/entity/"
_TYPES = ("Company", "AnalystFirm", "StockIndex", "Country", "GovernmentBody", "StockExchange", "City", "Person")


def synthetic_neighborhood(n: int, seed: int = 7) -> dict:
    """A /entities/neighborhood answer with ``n`` entities (the centre included) and about 2.5 n edges.

    Shaped like the real endpoint's JSON; the browser tests and the render benchmark serve it in place
    of the real answer, since the bundled articles hold only ~140 entities.
    """
    import random

    rng = random.Random(seed)
    iris = [f"{ENTITY}synthetic-{i}" for i in range(n)]

    def node(i: int) -> dict:
        kind = _TYPES[i % len(_TYPES)]
        return {"iri": iris[i], "label": f"{kind} {i}", "types": [kind], "aliases": [], "same_as": [],
                "articles": 1 + int(rng.paretovariate(1.5)), "hops": 0 if i == 0 else 1, "kind": "entity", "fact": None}

    def edge(s: int, t: int, relation: str) -> dict:
        weight = 1 + int(rng.paretovariate(2))
        return {"source": iris[s], "target": iris[t], "weight": weight, "articles": [], "first_seen": None,
                "last_seen": None, "relations": [{"relation": relation, "source": iris[s], "target": iris[t],
                                                  "articles": weight}]}

    nodes = [node(i) for i in range(n)]
    edges = [edge(0, i, "mentionedWith") for i in range(1, n)]
    seen = {(0, i) for i in range(1, n)}
    while len(edges) < int(2.5 * n):
        s, t = sorted(rng.sample(range(1, n), 2))
        if (s, t) not in seen:
            seen.add((s, t))
            edges.append(edge(s, t, rng.choice(["mentionedWith", "Tariff", "AnalystView", "country"])))
    return {"center": nodes[0], "hops": 1, "nodes": nodes, "edges": edges}


def serve_synthetic(page, data: dict) -> None:
    """Answer the page's neighborhood and entity requests with ``data`` (Playwright request routing)."""
    import json

    by_id = {n["iri"].rsplit("/", 1)[-1]: n for n in data["nodes"]}

    def answer(route):
        url = route.request.url
        path = url.split("?", 1)[0].rsplit("/", 1)[-1]
        if "/entities/neighborhood" in url:
            body = data
        elif path in by_id:
            n = by_id[path]
            body = {**{k: n[k] for k in ("iri", "label", "types", "aliases", "same_as", "articles")}, "id": path,
                    "facts": [], "links": {}}
        else:
            route.continue_()
            return
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route("**/entities/**", answer)
