"""The explorer page in a real browser (Debian's chromium via Playwright), on the seed and the samples.

Each test does what a user would: type in the search box, pick a suggestion, click a node on the
WebGL canvas, read the side panel, run an example query. Every page must load nothing from
outside the service and log no console error.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from tests.browser import chromium, serve_synthetic, synthetic_neighborhood
from tests.conftest import SAMPLES
from tests.live import MARKETGRAPH, live_server

ENTITY = "https://w3id.org/marketgraph/id/entity/"
HSI = ENTITY + "hang-seng-index"
XPENG = ENTITY + "xpeng"


@pytest.fixture(scope="module")
def server(tmp_path_factory, seed_path):
    store = tmp_path_factory.mktemp("explorer") / "kg"
    subprocess.run([MARKETGRAPH, "ingest", str(seed_path), str(SAMPLES), "--store", str(store)], check=True,
                   capture_output=True, timeout=600)
    with live_server(store) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


class Page:
    """A browser tab on the explorer that records console errors and every URL it requests."""

    def __init__(self, browser, base):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1500, "height": 900}, accept_downloads=True)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"uncaught: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(base + "/")
        self.page.wait_for_selector("#search")

    def search_and_pick(self, text: str, label: str) -> None:
        self.page.fill("#search", text)
        option = self.page.locator("#search-list li", has_text=label).first
        option.wait_for()
        option.click()
        self.wait_idle()

    def wait_idle(self) -> None:
        """Until no request is pending and the layout has stopped moving."""
        self.page.wait_for_function("window.explorer && !window.explorer.busy && !window.explorer.layoutRunning",
                                    timeout=30_000)

    def graph_nodes(self) -> dict[str, dict]:
        return self.page.evaluate("""() => {
            const out = {};
            window.explorer.graph.forEachNode((k, a) => { out[k] = {label: a.label, group: a.group, kind: a.kind,
                                                                     types: a.types}; });
            return out;
        }""")

    def click_node(self, iri: str) -> None:
        """A real mouse click where the node is drawn on the canvas (on a part of it no other node covers)."""
        point = self.page.evaluate("(iri) => window.explorer.nodeViewport(iri)", iri)
        assert point, f"{iri} is not in the graph"
        for dx, dy in ((0, 0), (3, 0), (-3, 0), (0, 3), (0, -3), (5, 5), (-5, -5)):
            x, y = point["x"] + dx, point["y"] + dy
            self.page.mouse.move(x, y)
            if self.page.evaluate("window.explorer.hovered") == iri:
                break
        else:
            x, y = point["x"], point["y"]
        self.page.mouse.click(x, y)

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def explorer(browser, server):
    page = Page(browser, server)
    yield page
    page.close()
    assert page.errors == [], "console errors: " + "\n".join(page.errors)
    foreign = [u for u in page.requests if not (u.startswith(server + "/") or u.startswith(("data:", "blob:")))]
    assert foreign == [], f"the page loaded from elsewhere: {foreign}"


def test_search_offers_entities_with_type_badges(explorer):
    page = explorer.page
    page.fill("#search", "Hang Seng")
    first = page.locator("#search-list li").first
    first.wait_for()
    assert first.locator(".label").inner_text() == "Hang Seng Index"
    assert first.locator(".badge").inner_text() == "StockIndex"
    labels = page.locator("#search-list li .label").all_inner_texts()
    assert "Hang Seng Tech Index" in labels


def test_hang_seng_neighborhood_shows_moves_analysts_and_countries(explorer):
    explorer.search_and_pick("Hang Seng", "Hang Seng Index")
    nodes = explorer.graph_nodes()
    assert nodes[HSI]["label"] == "Hang Seng Index"
    moves = {n["label"] for n in nodes.values() if "IndexMovement" in n["types"]}
    assert "IndexMovement +2.83%" in moves  # the seed article's close
    analysts = {n["label"] for n in nodes.values() if n["group"] == "AnalystFirm"}
    countries = {n["label"] for n in nodes.values() if n["group"] == "Country"}
    assert {"Goldman Sachs", "Morgan Stanley"} <= analysts
    assert {"Hong Kong", "China", "United States"} <= countries
    # The legend and the type filters name what is drawn.
    legend = explorer.page.inner_text("#legend")
    assert "Analyst firm" in legend and "Country" in legend and "Index / stock move" in legend
    # The side panel shows the selected index with its moves and their evidence.
    panel = explorer.page.locator("#panel")
    assert panel.locator("h2").inner_text() == "Hang Seng Index"
    move = panel.locator("li.fact", has_text="+2.83%")
    assert "closed at: 20,789.96" in move.inner_text()
    assert "2025-02-04" in move.inner_text()
    assert move.locator(".evidence mark").first.inner_text() == "benchmark Hang Seng Index"


def test_clicking_xpeng_shows_its_move_and_evidence(explorer):
    explorer.search_and_pick("Hang Seng", "Hang Seng Index")
    assert XPENG in explorer.graph_nodes()
    explorer.click_node(XPENG)
    panel = explorer.page.locator("#panel")
    panel.locator("h2", has_text="XPeng").wait_for()
    move = panel.locator("li.fact", has_text="+12%")
    move.wait_for()
    evidence = move.locator(".evidence")
    assert evidence.inner_text().startswith("Chinese electric vehicle maker XPeng jumped over 12 percent")
    assert evidence.locator("mark").all_inner_texts() == ["XPeng"]
    # The click also grew the graph around XPeng (Li Auto is its peer in that sentence).
    explorer.wait_idle()
    assert any(n["label"] == "Li Auto" for n in explorer.graph_nodes().values())
    # The evidence links to the article view, with the entities highlighted by type.
    move.locator("a.article-link").click()
    explorer.page.locator("#article h1").wait_for()
    assert explorer.page.inner_text("#article h1") == \
        "Hong Kong stocks surge on AI optimism despite US-China trade tensions"
    assert "Zhang Tianyuan" in explorer.page.inner_text("#article .byline")
    xpeng = explorer.page.locator(f'#article .article-body .ent[data-iri="{XPENG}"]')
    assert xpeng.first.inner_text() == "XPeng"
    assert xpeng.first.get_attribute("data-group") == "Company"
    hk = explorer.page.locator(f'#article .article-body .ent[data-iri="{ENTITY}hong-kong"]').first
    assert hk.get_attribute("data-group") == "Country"


def test_double_click_recentres_and_type_filter_hides(explorer):
    explorer.search_and_pick("Hang Seng", "Hang Seng Index")
    point = explorer.page.evaluate("(iri) => window.explorer.nodeViewport(iri)", ENTITY + "hong-kong")
    explorer.page.mouse.dblclick(point["x"], point["y"])
    explorer.page.locator("#panel h2", has_text="Hong Kong").wait_for()
    explorer.wait_idle()
    assert explorer.page.evaluate("window.explorer.center") == ENTITY + "hong-kong"
    assert "Hong Kong Stock Exchange" in {n["label"] for n in explorer.graph_nodes().values()}
    before = explorer.page.inner_text("#graph-count")
    shown, total = map(int, re.match(r"(\d+) of (\d+) nodes", before).groups())
    assert shown == total
    countries = sum(1 for n in explorer.graph_nodes().values() if n["group"] == "Country")
    explorer.page.locator('#f-types input[data-group="Country"]').uncheck()
    after = explorer.page.inner_text("#graph-count")
    assert after.startswith(f"{total - countries} of {total} nodes")


def test_date_filter_narrows_the_evidence(explorer):
    explorer.search_and_pick("Hang Seng", "Hang Seng Index")
    everything = explorer.graph_nodes()
    explorer.page.fill("#f-since", "2025-03-01")
    explorer.page.click("#f-apply")
    explorer.wait_idle()
    later = explorer.graph_nodes()
    moves = {n["label"] for n in later.values() if "IndexMovement" in n["types"]}
    assert "IndexMovement +2.83%" not in moves  # published 2025-02-04
    assert "IndexMovement +2.8%" in moves  # published 2025-03-05
    assert len(later) < len(everything)


def test_example_sparql_queries_show_rows_and_a_graph(explorer):
    page = explorer.page
    page.click("button[data-tab=sparql]")
    page.select_option("#sparql-examples", label="Moves of an index over time")
    page.locator("table.results tr").nth(1).wait_for()
    header = page.locator("table.results th").all_inner_texts()
    assert header == ["date", "pct", "close"]
    rows = [r.split("\t") for r in page.locator("table.results tr").all_inner_texts()[1:]]
    assert ["2025-02-04", "2.83", "20789.96"] in rows
    assert page.inner_text("#sparql-info").startswith(f"{len(rows)} rows")
    # Tariffs by issuer and target: a table with the issuer, the target and the rate.
    page.select_option("#sparql-examples", label="Tariffs by issuer and target")
    page.wait_for_function("document.querySelector('table.results th')?.textContent === 'issuer'")
    text = page.inner_text("table.results")
    assert "United States" in text and "China" in text
    # CONSTRUCT answers are drawn as a graph beside the table.
    page.select_option("#sparql-examples", label="Who issues policies against whom (CONSTRUCT)")
    page.wait_for_function("document.querySelector('table.results th')?.textContent === 'subject'")
    page.wait_for_function("document.getElementById('sparql-graph-empty').hidden")
    assert page.locator("#sparql-graph canvas").count() > 0


def test_a_bad_query_shows_the_error(explorer):
    page = explorer.page
    page.click("button[data-tab=sparql]")
    page.locator("#sparql-editor .cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("SELECT * WHERE { ?s ?p }")
    page.click("#sparql-run")
    error = page.locator("#sparql-results .sparql-error")
    error.wait_for()
    assert "QuerySyntaxError" in error.inner_text()
    # The failed request is the service's 400 answer, which the browser logs; the page itself logs nothing.
    explorer.errors[:] = [e for e in explorer.errors if "400" not in e]


def test_path_finder_connects_two_entities(explorer):
    page = explorer.page
    page.click("button[data-tab=paths]")
    for field, text, label in (("#path-from", "XPeng", "XPeng"), ("#path-to", "United States", "United States")):
        page.fill(field, text)
        page.locator(f"{field} + ul li", has_text=label).first.click()
    page.click("#path-form button[type=submit]")
    first = page.locator("#path-results .path").first
    first.wait_for()
    hops = first.locator(".entity-link").all_inner_texts()
    assert hops[0] == "XPeng" and hops[-1] == "United States"
    page.locator("#path-results button", has_text="Show in graph").click()
    explorer.wait_idle()
    nodes = explorer.graph_nodes()
    assert XPENG in nodes and ENTITY + "united-states" in nodes


def test_exports_hold_what_is_shown(explorer):
    explorer.search_and_pick("XPeng", "XPeng")
    page = explorer.page
    shown = explorer.graph_nodes()
    with page.expect_download() as info:
        page.click("button[data-export=graphml]")
    graphml = ET.parse(info.value.path()).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    ids = {n.get("id") for n in graphml.iterfind(".//g:node", ns)}
    assert ids == set(shown)
    with page.expect_download() as info:
        page.click("button[data-export=cytoscape]")
    elements = json.loads(open(info.value.path(), encoding="utf-8").read())["elements"]
    assert {n["data"]["id"] for n in elements["nodes"]} == set(shown)
    assert all(e["data"]["source"] in shown and e["data"]["target"] in shown for e in elements["edges"])
    with page.expect_download() as info:
        page.click("button[data-export=gexf]")
    gexf = ET.parse(info.value.path()).getroot()
    assert len(gexf.findall(".//{http://gexf.net/1.3}node")) == len(shown)
    with page.expect_download() as info:
        page.click("button[data-export=png]")
    with open(info.value.path(), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"


def test_hot_entities_show_their_top_edges_first_then_more(explorer):
    page = explorer.page
    page.select_option("#f-limit", "25")
    explorer.search_and_pick("China", "China")
    entities = [n for n in explorer.graph_nodes().values() if n["kind"] == "entity"]
    assert len(entities) == 26  # China and its 25 strongest neighbours
    more = page.locator("#more")
    assert more.is_visible()
    more.click()
    explorer.wait_idle()
    assert sum(1 for n in explorer.graph_nodes().values() if n["kind"] == "entity") > 26


def test_two_thousand_nodes_are_drawn_and_stay_clickable(explorer):
    """A neighborhood of 2,000 entities (served in place of the real answer: the samples hold ~140)."""
    page = explorer.page
    data = synthetic_neighborhood(2000)
    serve_synthetic(page, data)
    page.evaluate("(iri) => window.explorer.recenter(iri)", data["center"]["iri"])
    page.wait_for_function("window.explorer.graph.order === 2000")
    assert page.inner_text("#graph-count").startswith("2000 of 2000 nodes")
    assert page.evaluate("window.explorer.renderer.getGraph().size") == len(data["edges"])
    # While the layout still runs in its worker, the page answers the user: the search box suggests.
    assert page.evaluate("window.explorer.layoutRunning")
    page.evaluate("""() => {
        const list = document.getElementById("search-list");
        new MutationObserver((_, observer) => {
            if (!list.children.length) return;
            window.layoutRanWhenSuggested = window.explorer.layoutRunning;
            observer.disconnect();
        }).observe(list, { childList: true });
    }""")
    page.fill("#search", "Hang Seng")
    page.locator("#search-list li", has_text="Hang Seng Index").first.wait_for(timeout=10_000)
    assert page.evaluate("window.layoutRanWhenSuggested") is True
    page.keyboard.press("Escape")
    explorer.wait_idle()
    # Once laid out, an outlying node is clicked and expanded like any other.
    outlier = page.evaluate("""() => {
        const g = window.explorer.graph, c = g.getNodeAttributes(g.nodes()[0]);
        let best = null, far = -1;
        g.forEachNode((k, a) => { const d = (a.x - c.x) ** 2 + (a.y - c.y) ** 2; if (d > far) { far = d; best = k; } });
        return best;
    }""")
    explorer.click_node(outlier)
    label = next(n["label"] for n in data["nodes"] if n["iri"] == outlier)
    page.locator("#panel h2", has_text=label).wait_for(timeout=5_000)


def test_an_edge_shows_the_facts_that_join_its_ends(explorer):
    """Edges are thin lines on the canvas: selected here through the page's script API, as a click does."""
    page = explorer.page
    page.goto(explorer.base + "/#entity/united-states")
    page.wait_for_function("window.explorer.graph.order > 5")
    explorer.wait_idle()
    # the edge between the two countries, whichever way the graph keys it
    edge = page.evaluate("([a, b]) => { const g = window.explorer.graph; "
                         "return [...g.edges(a, b), ...g.edges(b, a)][0]; }",
                         [f"{ENTITY}china", f"{ENTITY}united-states"])
    assert edge, "no edge between China and the United States"
    assert "Tariff" in page.evaluate("(k) => window.explorer.graph.getEdgeAttribute(k, 'label')", edge)
    page.evaluate("(k) => window.explorer.select(k)", edge)
    panel = page.locator("#panel")
    panel.locator("h2", has_text="China").filter(has_text="United States").wait_for()
    tariff = panel.locator("li.fact", has_text="rate: 15%")
    tariff.wait_for()
    text = tariff.inner_text()
    assert "issuer: China" in text and "target: United States" in text and "effective: 2025-03-10" in text
    assert "China's 15 percent tariff on US chicken" in tariff.locator(".evidence").inner_text()
    assert {"China", "US"} <= set(tariff.locator(".evidence mark").all_inner_texts())
