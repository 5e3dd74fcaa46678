// The marketgraph explorer: search, a WebGL neighborhood view, evidence, paths, articles and SPARQL.
// It calls only the service's own JSON endpoints (the same ones users script against).
import Graph from "graphology";
import Sigma from "sigma";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { NodeSquareProgram } from "@sigma/node-square";
import { createNodeBorderProgram } from "@sigma/node-border";

import { ApiError, getJSON, idOf, isEntityIri, known, labelOf, remember } from "./api.js";
import { TYPE_STYLE, badge, groupOf, styleOf } from "./types.js";
import { exportAs } from "./exports.js";
import { initSparql } from "./sparql.js";
import { Layout } from "./layout.js";

const $ = (sel, root = document) => root.querySelector(sel);
const fill = (node, ...children) => node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false && c !== ""));
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  return node;
};

// ---------------------------------------------------------------- status line
const statusEl = $("#status");
let busy = 0;
function setStatus(text, error = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", error);
}
/** Runs an async action, showing progress and any error in the status line (never an uncaught error). */
async function guarded(label, action) {
  busy += 1;
  setStatus(label + "…");
  try {
    const value = await action();
    setStatus("");
    return value;
  } catch (err) {
    setStatus(err instanceof ApiError ? err.message : `${label} failed: ${err.message}`, true);
    return undefined;
  } finally {
    busy -= 1;
  }
}

// ---------------------------------------------------------------- tabs and routing
function showTab(name) {
  for (const b of document.querySelectorAll(".tabs button")) b.classList.toggle("active", b.dataset.tab === name);
  for (const s of document.querySelectorAll(".tab")) s.classList.toggle("active", s.id === `tab-${name}`);
  if (name === "graph" && renderer) renderer.refresh();
  if (name === "sparql") sparql.shown();
}
for (const b of document.querySelectorAll(".tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));

let prefixes = {};
const entityIri = (id) => `${prefixes.id || "https://w3id.org/marketgraph/id/"}entity/${id}`;

function route() {
  const [kind, id] = decodeURIComponent(window.location.hash.slice(1)).split("/");
  if (kind === "article" && id) {
    showTab("article");
    showArticle(id);
  } else if (kind === "entity" && id) {
    showTab("graph");
    recenter(entityIri(id));
  } else if (kind === "sparql") showTab("sparql");
  else if (kind === "paths") showTab("paths");
}
window.addEventListener("hashchange", route);

// ---------------------------------------------------------------- type-ahead
function typeahead(input, list, onPick) {
  let items = [];
  let active = -1;
  let seq = 0;
  let timer = null;
  const close = () => { list.hidden = true; active = -1; };
  const render = () => {
    fill(list, ...items.map((hit, i) => {
      const alias = hit.aliases.find((a) => a.toLowerCase().includes(input.value.trim().toLowerCase()) && a !== hit.label);
      return el("li", { role: "option", class: i === active ? "active" : "", dataset: { iri: hit.iri },
                        onmousedown: (e) => { e.preventDefault(); pick(i); } },
        ...hit.types.map(badge), el("span", { class: "label" }, hit.label),
        alias ? el("span", { class: "alias" }, `(${alias})`) : null,
        el("span", { class: "count" }, `${hit.articles} art.`));
    }));
    list.hidden = items.length === 0;
  };
  const pick = (i) => {
    const hit = items[i];
    if (!hit) return;
    input.value = hit.label;
    input.dataset.iri = hit.iri;
    close();
    onPick(hit);
  };
  input.addEventListener("input", () => {
    delete input.dataset.iri;
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { items = []; close(); return; }
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const body = await getJSON("/entities/search", { q, limit: 10 });
        if (mine !== seq) return;
        body.results.forEach(remember);
        items = body.results;
        active = items.length ? 0 : -1;
        render();
      } catch (err) {
        setStatus(err.message, true);
      }
    }, 120);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { active = Math.min(items.length - 1, active + 1); render(); e.preventDefault(); }
    else if (e.key === "ArrowUp") { active = Math.max(0, active - 1); render(); e.preventDefault(); }
    else if (e.key === "Enter") { pick(active); e.preventDefault(); }
    else if (e.key === "Escape") close();
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

// ---------------------------------------------------------------- the graph view
const graph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
const RingProgram = createNodeBorderProgram({
  borders: [
    { size: { value: 0.35 }, color: { attribute: "color" } },
    { size: { fill: true }, color: { value: "#ffffff" } },
  ],
});
const state = {
  center: null,
  selected: null, // node key or null
  selectedEdge: null,
  hovered: null,
  hiddenGroups: new Set(),
  expanded: new Map(), // node -> limit loaded
  pending: new Set(),
  layoutRunning: false,
};
let renderer = null;
let layout = null;
let layoutTimer = null;
let layoutIterations = 0; // ForceAtlas2 iterations run since the page loaded

const isHidden = (node) => state.hiddenGroups.has(graph.getNodeAttribute(node, "group"));

function createRenderer() {
  renderer = new Sigma(graph, $("#graph"), {
    allowInvalidContainer: true,
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    defaultEdgeType: "arrow",
    labelRenderedSizeThreshold: 7,
    edgeLabelSize: 11,
    labelDensity: 0.6,
    zIndex: true,
    nodeProgramClasses: { square: NodeSquareProgram, ring: RingProgram },
    nodeReducer: (node, data) => {
      const res = { ...data };
      if (isHidden(node)) { res.hidden = true; return res; }
      const focus = state.hovered || state.selected;
      if (focus && node !== focus && graph.hasNode(focus) && !graph.areNeighbors(node, focus)) {
        res.color = "#dfe3e8";
        res.label = "";
        res.zIndex = 0;
      } else res.zIndex = 1;
      if (node === state.selected || node === state.hovered) { res.highlighted = true; res.zIndex = 2; }
      return res;
    },
    edgeReducer: (edge, data) => {
      const res = { ...data };
      const [s, t] = graph.extremities(edge);
      if (isHidden(s) || isHidden(t) || (state.layoutRunning && graph.size > BIG_EDGES)) { res.hidden = true; return res; }
      const focus = state.hovered || state.selected;
      if (edge === state.selectedEdge) { res.color = "#1f5fbf"; res.forceLabel = true; }
      else if (focus && s !== focus && t !== focus) { res.color = "#eef0f3"; res.label = ""; }
      else if (focus) res.forceLabel = graph.size < 400;
      return res;
    },
  });
  renderer.on("enterNode", ({ node }) => { state.hovered = node; renderer.refresh({ skipIndexation: true }); });
  renderer.on("leaveNode", () => { state.hovered = null; renderer.refresh({ skipIndexation: true }); });
  renderer.on("clickNode", ({ node }) => onNodeClick(node));
  renderer.on("doubleClickNode", (e) => {
    e.preventSigmaDefault();
    if (graph.getNodeAttribute(e.node, "kind") === "entity") recenter(e.node);
  });
  renderer.on("clickEdge", ({ edge }) => selectEdge(edge));
  renderer.on("clickStage", () => { state.selected = null; state.selectedEdge = null; renderer.refresh({ skipIndexation: true }); });
}

const EDGE_COLORS = { policy: "#c9a800", view: "#e58e2c", structural: "#6f7d91", fact: "#a6afbc", comention: "#cfd5dd" };
const STRUCTURAL = new Set(["headquarteredIn", "jurisdiction", "country", "listedOn"]);
const POLICY_KINDS = new Set(["Tariff", "ExportControl", "Investigation", "Sanction", "Subsidy", "InterestRateDecision"]);

function edgeColor(relations) {
  const names = relations.map((r) => r.relation);
  if (names.some((r) => POLICY_KINDS.has(r))) return EDGE_COLORS.policy;
  if (names.includes("AnalystView")) return EDGE_COLORS.view;
  if (names.some((r) => STRUCTURAL.has(r))) return EDGE_COLORS.structural;
  if (names.every((r) => r === "mentionedWith")) return EDGE_COLORS.comention;
  return EDGE_COLORS.fact;
}

function nodeAttributes(n, isCenter) {
  const group = groupOf(n.types);
  const style = TYPE_STYLE[group];
  const size = n.kind === "fact" ? 4 : Math.min(22, 5 + 3 * Math.log2(1 + (n.articles || 0))) + (isCenter ? 4 : 0);
  return {
    label: n.label, types: n.types, kind: n.kind, articles: n.articles, aliases: n.aliases || [],
    same_as: n.same_as || [], fact: n.fact || null, group, color: style.color, size,
    type: style.shape === "circle" ? "circle" : style.shape,
  };
}

/** Adds a neighborhood (or path) answer to the graph, placing new nodes around ``anchor``. */
function merge(data, anchor) {
  const origin = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
  const fresh = data.nodes.filter((n) => !graph.hasNode(n.iri));
  const radius = 10 + Math.sqrt(graph.order + fresh.length) * 4;
  fresh.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, fresh.length);
    const r = n.iri === anchor ? 0 : radius * (0.6 + 0.4 * Math.random());
    graph.addNode(n.iri, { x: origin.x + r * Math.cos(angle), y: origin.y + r * Math.sin(angle), ...nodeAttributes(n, n.iri === state.center) });
  });
  for (const n of data.nodes) {
    if (n.kind === "entity") remember(n);
    if (!fresh.includes(n)) graph.mergeNodeAttributes(n.iri, nodeAttributes(n, n.iri === state.center));
  }
  for (const e of data.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    const key = `${e.source} -> ${e.target}`;
    const label = [...new Set(e.relations.map((r) => r.relation))].join(", ");
    const attrs = { label, relations: e.relations, weight: e.weight, articles: e.articles, first_seen: e.first_seen,
                    last_seen: e.last_seen, size: Math.min(6, 0.8 + Math.log2(e.weight || 1)), color: edgeColor(e.relations) };
    if (graph.hasEdge(key)) graph.mergeEdgeAttributes(key, attrs);
    else if (!graph.hasEdge(e.target, e.source)) graph.addEdgeWithKey(key, e.source, e.target, attrs);
  }
  updateChrome();
}

/** Big graphs drop what costs most per frame: edge labels and arrowheads, and their edges while the
 * camera or the layout moves (without a GPU, drawing 5,000 edges per frame starves the layout). */
const BIG_EDGES = 1500;
function tuneRenderer() {
  if (!renderer) return;
  const big = graph.size > 600;
  if (renderer.getSetting("renderEdgeLabels") === big) renderer.setSetting("renderEdgeLabels", !big);
  if (renderer.getSetting("hideEdgesOnMove") !== big) renderer.setSetting("hideEdgesOnMove", big);
  const type = graph.size > BIG_EDGES ? "line" : "arrow";
  if (renderer.getSetting("defaultEdgeType") !== type) renderer.setSetting("defaultEdgeType", type);
}

function updateChrome() {
  tuneRenderer();
  $("#empty").hidden = graph.order > 0;
  const shown = graph.filterNodes((n) => !isHidden(n)).length;
  $("#graph-count").textContent = graph.order ? `${shown} of ${graph.order} nodes, ${graph.size} edges` : "";
  renderLegend();
  renderTypeFilters();
}

function runLayout(ms) {
  if (layout) { layoutIterations += layout.iterations; layout.kill(); layout = null; }
  clearTimeout(layoutTimer);
  if (graph.order < 2) { state.layoutRunning = false; return; }
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 300, adjustSizes: false,
                     edgeWeightInfluence: 0.5, slowDown: 2 };
  layout = new Layout(graph, settings);
  layout.start();
  state.layoutRunning = true;
  layoutTimer = setTimeout(() => {
    if (layout) { layoutIterations += layout.iterations; layout.kill(); layout = null; }
    state.layoutRunning = false;
    if (renderer && graph.size > BIG_EDGES) renderer.refresh(); // the edges come back
  }, ms ?? Math.min(10000, 1200 + graph.order * 4)); // 1.6 s for 100 nodes, 9.2 s for 2,000
}

function neighborhoodParams(iri, limit) {
  return {
    iri, limit,
    hops: $("#f-hops").value,
    facts: $("#f-facts").checked ? "nodes" : "edges",
    comentions: $("#f-comentions").checked,
    since: $("#f-since").value, until: $("#f-until").value,
    min_confidence: Number($("#f-conf").value) > 0 ? $("#f-conf").value : undefined,
  };
}

async function expand(iri, limit = Number($("#f-limit").value)) {
  if (state.pending.has(iri)) return;
  state.pending.add(iri);
  try {
    await guarded(`Loading ${labelOf(iri)}`, async () => {
      const data = await getJSON("/entities/neighborhood", neighborhoodParams(iri, limit));
      merge(data, iri);
      state.expanded.set(iri, limit);
      const neighbours = data.nodes.filter((n) => n.kind === "entity" && n.iri !== iri).length;
      if (iri === state.center) $("#more").hidden = neighbours < limit || limit >= 2000;
      runLayout();
    });
  } finally {
    state.pending.delete(iri);
  }
}

/** The whole graph in view, with a margin so that the outer labels are not cut. */
function fitCamera() {
  renderer.getCamera().animate({ x: 0.5, y: 0.5, angle: 0, ratio: graph.order < 12 ? 1.4 : 1.1 }, { duration: 300 });
}

async function recenter(iri) {
  if (!renderer) createRenderer();
  graph.clear();
  state.expanded.clear();
  state.center = iri;
  state.selected = iri;
  state.selectedEdge = null;
  await expand(iri);
  if (graph.hasNode(iri)) {
    fitCamera();
    showNode(iri);
  }
}

function onNodeClick(node) {
  state.selected = node;
  state.selectedEdge = null;
  renderer.refresh({ skipIndexation: true });
  showNode(node);
  if (graph.getNodeAttribute(node, "kind") === "entity" && !state.expanded.has(node)) expand(node);
}

function selectEdge(edge) {
  state.selectedEdge = edge;
  state.selected = null;
  renderer.refresh({ skipIndexation: true });
  showEdge(edge);
}

$("#more").addEventListener("click", () => {
  const current = state.expanded.get(state.center) || 50;
  const next = [50, 200, 500, 2000].find((n) => n > current) || 2000;
  expand(state.center, next);
});
$("#relayout").addEventListener("click", () => runLayout());
$("#clear").addEventListener("click", () => {
  graph.clear(); state.expanded.clear(); state.center = null; state.selected = null; updateChrome();
  fill($("#panel"), el("p", { class: "hint" }, "Select a node or an edge to read its facts and evidence."));
});
$("#f-conf").addEventListener("input", () => { $("#f-conf-out").textContent = Number($("#f-conf").value).toFixed(2); });
$("#f-apply").addEventListener("click", () => { if (state.center) recenter(state.center); });
for (const button of document.querySelectorAll("[data-export]")) {
  button.addEventListener("click", () => guarded("Exporting", () => exportAs(button.dataset.export, graph, renderer, isHidden)));
}

function renderLegend() {
  const groups = new Set();
  graph.forEachNode((_, a) => groups.add(a.group));
  fill($("#legend"), ...Object.entries(TYPE_STYLE).filter(([g]) => groups.has(g)).map(([, s]) =>
    el("span", {}, swatch(s), s.label)));
}

function swatch(style) {
  const span = el("span", { class: `swatch ${style.shape}` });
  span.style.background = style.color;
  span.style.borderColor = style.color;
  return span;
}

function renderTypeFilters() {
  const counts = {};
  graph.forEachNode((_, a) => { counts[a.group] = (counts[a.group] || 0) + 1; });
  fill($("#f-types"), ...Object.entries(TYPE_STYLE).filter(([g]) => counts[g]).map(([g, s]) => {
    const box = el("input", { type: "checkbox", dataset: { group: g } });
    box.checked = !state.hiddenGroups.has(g);
    box.addEventListener("change", () => {
      if (box.checked) state.hiddenGroups.delete(g); else state.hiddenGroups.add(g);
      renderer.refresh();
      updateChrome();
    });
    return el("label", {}, box, swatch(s), `${s.label} (${counts[g]})`);
  }));
}

// ---------------------------------------------------------------- facts and evidence
const fmtNumber = (v) => (typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 2 }) : v);
const asList = (v) => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function entityLink(iri) {
  return el("span", { class: "entity-link", dataset: { iri }, title: iri,
                      onclick: () => { showTab("graph"); recenter(iri); } }, labelOf(iri));
}

function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

/** The sentence with each of ``terms`` wrapped in <mark>; overlapping matches merge into one mark. */
function highlighted(text, terms) {
  const words = [...new Set(terms.filter((t) => t && t.length > 1))];
  const spans = [];
  for (const word of words) {
    const re = new RegExp(`(?<![\\w])${escapeRegExp(word)}(?![\\w])`, "gi");
    for (const m of text.matchAll(re)) spans.push([m.index, m.index + m[0].length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [start, end] of spans) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const node = el("span");
  let pos = 0;
  for (const [start, end] of merged) {
    node.append(text.slice(pos, start), el("mark", {}, text.slice(start, end)));
    pos = end;
  }
  node.append(text.slice(pos));
  return node;
}

function termsOf(iri) {
  const e = known.get(iri);
  return e ? [e.label, ...(e.aliases || [])] : [labelOf(iri)];
}

const FIELD_LABELS = {
  index: "index", company: "company", closeLevel: "closed at", priceChange: "change", currency: "currency",
  date: "date", issuedBy: "issuer", targets: "target", ratePercent: "rate", appliesTo: "goods",
  effectiveDate: "effective", analyst: "analyst", about: "about",
};

/** One fact: its kind and headline number, its roles and values, and its evidence sentence. */
function renderFact(fact, highlightTerms) {
  const v = { ...(fact.values || {}) };
  for (const [role, iris] of Object.entries(fact.roles || {})) if (!(role in v)) v[role] = iris;
  const pct = typeof v.percentChange === "number" ? v.percentChange : null;
  const head = el("div", { class: "head" }, fact.kind,
    pct !== null ? el("span", { class: `num ${pct >= 0 ? "up" : "down"}` }, ` ${pct >= 0 ? "+" : ""}${fmtNumber(pct)}%`) : null);
  const rows = [];
  for (const [key, name] of Object.entries(FIELD_LABELS)) {
    const values = asList(v[key]);
    if (!values.length) continue;
    const parts = values.map((x) => (isEntityIri(x) ? entityLink(x) : key === "ratePercent" ? `${fmtNumber(x)}%` : fmtNumber(x)));
    rows.push(el("div", {}, `${name}: `, ...parts.flatMap((p, i) => (i ? [", ", p] : [p]))));
  }
  const statement = v.statement ? el("div", { class: "statement" }, `“${v.statement}”`) : null;
  const meta = el("div", { class: "meta" },
    v.confidence !== undefined || fact.confidence !== undefined ? `confidence ${fmtNumber(v.confidence ?? fact.confidence)}` : "",
    v.extractedBy ? ` · ${v.extractedBy}` : "");
  const evidenceText = fact.evidence && fact.evidence.text;
  const roleTerms = Object.values(v).flatMap(asList).filter(isEntityIri).flatMap(termsOf);
  const evidence = evidenceText
    ? el("blockquote", { class: "evidence" }, highlighted(evidenceText, highlightTerms && highlightTerms.length ? highlightTerms : roleTerms))
    : null;
  const articleIri = fact.article;
  const link = articleIri
    ? el("a", { href: `#article/${idOf(articleIri)}`, class: "article-link" }, `article${fact.issued ? ` · ${fact.issued.slice(0, 10)}` : ""}`)
    : null;
  return el("li", { class: "fact", dataset: { iri: fact.iri || "", kind: fact.kind } }, head, ...rows, statement, evidence, meta, link);
}

const articleCache = new Map();
function getArticle(id) {
  if (!articleCache.has(id)) articleCache.set(id, getJSON(`/articles/${encodeURIComponent(id)}`).catch((e) => { articleCache.delete(id); throw e; }));
  return articleCache.get(id);
}

// ---------------------------------------------------------------- side panel
const panel = $("#panel");
let panelSeq = 0;

function showNode(node) {
  const attrs = graph.hasNode(node) ? graph.getNodeAttributes(node) : null;
  if (attrs && attrs.kind === "fact") showFactNode(node, attrs);
  else showEntity(node);
}

async function showEntity(iri) {
  const mine = ++panelSeq;
  fill(panel, el("p", { class: "hint" }, `Loading ${labelOf(iri)}…`));
  const detail = await guarded("Loading facts", () => getJSON(`/entities/${encodeURIComponent(idOf(iri))}`, { limit: 60 }));
  if (!detail || mine !== panelSeq) return;
  remember(detail);
  const terms = [detail.label, ...detail.aliases];
  const wikidata = detail.same_as.map((w) => el("a", { href: w, target: "_blank", rel: "noopener" }, `Wikidata ${idOf(w)}`));
  fill(panel, 
    el("h2", { class: "entity-label" }, detail.label),
    el("div", {}, ...detail.types.map(badge)),
    detail.aliases.length ? el("p", { class: "aliases" }, "Also: ", detail.aliases.filter((a) => a !== detail.label).join(" · ")) : null,
    el("p", {}, ...wikidata.flatMap((a, i) => (i ? [" · ", a] : [a])), wikidata.length ? " · " : "",
      el("a", { href: "#", onclick: (e) => { e.preventDefault(); listArticles(iri); } }, `${detail.articles} articles`),
      " · ", el("a", { href: "#", onclick: (e) => { e.preventDefault(); recenter(iri); } }, "re-centre"),
      " · ", el("a", { href: "#", onclick: (e) => { e.preventDefault(); pathFrom(iri); } }, "path from here")),
    el("h3", {}, `Facts (${detail.facts.length})`),
    detail.facts.length ? el("ul", { class: "facts" }, ...detail.facts.map((f) => renderFact(f, terms))) : el("p", { class: "hint" }, "No facts name it yet."),
  );
}

async function showFactNode(node, attrs) {
  const mine = ++panelSeq;
  const fact = { ...(attrs.fact || {}), kind: attrs.fact?.kind || attrs.types[0] };
  const item = renderFact(fact);
  fill(panel, el("h2", {}, attrs.label), el("div", {}, ...attrs.types.map(badge)), el("ul", { class: "facts" }, item));
  if (!fact.article) return;
  const article = await guarded("Loading evidence", () => getArticle(idOf(fact.article)));
  if (!article || mine !== panelSeq) return;
  for (const e of article.entities) remember(e);
  const full = article.facts.find((f) => f.iri === fact.iri);
  if (full) item.replaceWith(renderFact({ ...fact, evidence: full.evidence, issued: article.issued }));
}

async function showEdge(edge) {
  const mine = ++panelSeq;
  const a = graph.getEdgeAttributes(edge);
  const [source, target] = graph.extremities(edge);
  const table = el("table", { class: "relations" }, el("tr", {}, el("th", {}, "relation"), el("th", {}, "from → to"), el("th", {}, "articles")),
    ...a.relations.map((r) => el("tr", {}, el("td", {}, r.relation), el("td", {}, entityLink(r.source), " → ", entityLink(r.target)),
      el("td", {}, String(r.articles)))));
  const evidence = el("ul", { class: "facts" });
  const articles = el("ul", { class: "edge-articles" });
  fill(panel, 
    el("h2", {}, labelOf(source), " — ", labelOf(target)),
    el("p", { class: "meta" }, `${a.weight} article${a.weight === 1 ? "" : "s"}`, a.first_seen ? ` · ${a.first_seen.slice(0, 10)} to ${(a.last_seen || "").slice(0, 10)}` : ""),
    table, el("h3", {}, "Evidence"), evidence, el("h3", {}, "Articles"), articles);
  for (const iri of a.articles || []) {
    articles.append(el("li", {}, el("a", { href: `#article/${idOf(iri)}` }, idOf(iri))));
  }
  // Facts of either end that name the other end: a policy's issuer and target, an analyst and its subject.
  const ends = [source, target].filter((n) => graph.getNodeAttribute(n, "kind") === "entity");
  const found = await guarded("Loading evidence", async () => {
    const details = await Promise.all(ends.map((n) => getJSON(`/entities/${encodeURIComponent(idOf(n))}`, { limit: 200 })));
    const seen = new Set();
    const facts = [];
    details.forEach((d, i) => {
      const other = ends.length === 2 ? ends[1 - i] : null;
      for (const f of d.facts) {
        const names = Object.values(f.values || {}).flatMap(asList);
        if (seen.has(f.iri) || (other && !names.includes(other))) continue;
        if (!other && !(a.articles || []).includes(f.article)) continue;
        seen.add(f.iri);
        facts.push(f);
      }
    });
    return facts;
  });
  if (mine !== panelSeq || !found) return;
  const terms = ends.flatMap(termsOf);
  if (found.length) fill(evidence, ...found.map((f) => renderFact(f, terms)));
  else fill(evidence, el("p", { class: "hint" }, "No fact joins them: they are named by the same articles."));
  const summaries = await guarded("Loading articles", () => getJSON("/articles", { entity: ends[0], limit: 1000 }));
  if (mine !== panelSeq || !summaries) return;
  const titles = new Map(summaries.articles.map((s) => [s.iri, s]));
  for (const li of articles.children) {
    const s = titles.get(`${prefixes.id || "https://w3id.org/marketgraph/id/"}article/${li.firstChild.textContent}`);
    if (s) li.firstChild.textContent = `${(s.issued || "").slice(0, 10)} ${s.title || s.id}`;
  }
}

// ---------------------------------------------------------------- articles
async function showArticle(id) {
  const view = $("#article");
  fill(view, el("p", { class: "hint" }, "Loading the article…"));
  const art = await guarded("Loading the article", () => getArticle(id));
  if (!art) { fill(view, el("p", { class: "hint" }, "This article could not be loaded.")); return; }
  const spans = [];
  for (const e of art.entities) {
    remember(e);
    for (const m of e.mentions) if (Number.isInteger(m.start) && Number.isInteger(m.end)) spans.push({ ...m, entity: e });
  }
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const body = el("div", { class: "article-body" });
  const text = art.body || "";
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos || s.end > text.length) continue; // overlapping or out of range: keep the first
    body.append(text.slice(pos, s.start));
    const style = styleOf(s.entity.types);
    const span = el("span", { class: "ent", title: `${s.entity.label} (${s.entity.types.join(", ")})`, dataset: { iri: s.entity.iri, group: groupOf(s.entity.types) },
                              onclick: () => { showTab("graph"); recenter(s.entity.iri); } }, text.slice(s.start, s.end));
    span.style.background = `${style.color}26`;
    span.style.borderBottom = `2px solid ${style.color}`;
    body.append(span);
    pos = s.end;
  }
  body.append(text.slice(pos));
  const groups = [...new Set(art.entities.map((e) => groupOf(e.types)))];
  fill(view, 
    el("h1", {}, art.title || art.id),
    el("div", { class: "byline" }, [art.issued ? art.issued.replace("T", " ").slice(0, 16) : "undated",
      art.creators.length ? `by ${art.creators.join(", ")}` : "", art.source ? "" : ""].filter(Boolean).join(" · "),
      art.source ? el("span", {}, " · ", el("a", { href: art.source, target: "_blank", rel: "noopener" }, "original")) : null),
    el("div", { class: "legend-inline" }, ...groups.map((g) => el("span", { class: "legend-item" }, swatch(TYPE_STYLE[g]), ` ${TYPE_STYLE[g].label}  `))),
    body,
    el("h3", {}, `Facts (${art.facts.length})`),
    el("ul", { class: "facts" }, ...art.facts.map((f) => renderFact({ ...f, article: null }))),
  );
  view.scrollTop = 0;
}

async function listArticles(entity, open = true) {
  if (open) showTab("article");
  const list = $("#article-list");
  const body = await guarded("Loading articles", () => getJSON("/articles", { entity, limit: 200 }));
  if (!body) return;
  fill(list, el("h3", {}, entity ? `Articles naming ${labelOf(entity)}` : "Articles"),
    el("ul", {}, ...body.articles.map((a) => el("li", {}, el("a", { href: `#article/${a.id}` }, a.title || a.id),
      el("div", { class: "meta" }, `${(a.issued || "").slice(0, 10)} · ${a.entities} entities`)))),
    entity ? el("a", { href: "#", onclick: (e) => { e.preventDefault(); listArticles(null); } }, "all articles") : null);
}

// ---------------------------------------------------------------- paths
function pathFrom(iri) {
  const from = $("#path-from");
  from.value = labelOf(iri);
  from.dataset.iri = iri;
  showTab("paths");
  $("#path-to").focus();
}

$("#path-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const from = $("#path-from").dataset.iri;
  const to = $("#path-to").dataset.iri;
  const out = $("#path-results");
  if (!from || !to) { fill(out, el("p", { class: "hint" }, "Pick both entities from the suggestions.")); return; }
  const data = await guarded("Finding paths", () => getJSON("/paths", { from, to, max_hops: $("#path-hops").value,
                                                                            comentions: $("#path-comentions").checked ? "true" : "false" }));
  if (!data) return;
  data.nodes.forEach((n) => n.kind === "entity" && remember(n));
  if (!data.paths.length) { fill(out, el("p", { class: "hint" }, `No path within ${$("#path-hops").value} hops.`)); return; }
  const edgeLabel = (s, t) => {
    const e = data.edges.find((x) => (x.source === s && x.target === t) || (x.source === t && x.target === s));
    return e ? [...new Set(e.relations.map((r) => r.relation))].join(", ") : "";
  };
  fill(out, 
    el("p", {}, `${data.paths.length} path${data.paths.length === 1 ? "" : "s"} `, el("button", { onclick: () => {
      if (!renderer) createRenderer();
      graph.clear(); state.expanded.clear(); state.center = from; state.selected = null;
      merge(data, null);
      showTab("graph");
      runLayout();
      fitCamera();
    } }, "Show in graph")),
    ...data.paths.map((p) => el("div", { class: "path" }, ...p.flatMap((n, i) => (i
      ? [el("span", { class: "arrow" }, `—${edgeLabel(p[i - 1].iri, n.iri)}—`), entityLink(n.iri)]
      : [entityLink(n.iri)])))),
  );
});

// ---------------------------------------------------------------- start
typeahead($("#search"), $("#search-list"), (hit) => { showTab("graph"); recenter(hit.iri); });
for (const box of document.querySelectorAll("#path-form .typeahead")) typeahead($("input", box), $("ul", box), () => {});

const sparql = initSparql({ el, getJSON, guarded, known, labelOf, onEntity: (iri) => { showTab("graph"); recenter(iri); } });

// For scripts and browser tests: where a node is drawn, and whether the layout still moves.
window.explorer = {
  graph,
  get renderer() { return renderer; },
  get layoutRunning() { return state.layoutRunning; },
  get center() { return state.center; },
  get hovered() { return state.hovered; },
  get layoutIterations() { return layoutIterations + (layout ? layout.iterations : 0); },
  get busy() { return busy > 0; },
  nodeViewport(iri) {
    if (!renderer || !graph.hasNode(iri)) return null;
    const rect = $("#graph").getBoundingClientRect();
    const p = renderer.graphToViewport(graph.getNodeAttributes(iri));
    return { x: rect.left + p.x, y: rect.top + p.y };
  },
  recenter,
  /** Select a node (as a click does) or an edge ("source -> target") from a script. */
  select(key) { if (graph.hasNode(key)) onNodeClick(key); else if (graph.hasEdge(key)) selectEdge(key); },
};

(async () => {
  createRenderer();
  updateChrome();
  prefixes = (await guarded("Loading", () => getJSON("/prefixes"))) || {};
  sparql.setPrefixes(prefixes);
  listArticles(null, false);
  route();
})();
