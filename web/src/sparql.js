// The SPARQL tab: a CodeMirror editor with SPARQL highlighting, example queries, and results
// as a table and, when they hold IRIs (or come from CONSTRUCT/DESCRIBE), as a graph beside it.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";
import { sparql as sparqlMode } from "@codemirror/legacy-modes/mode/sparql";
import Graph from "graphology";
import Sigma from "sigma";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { styleOf } from "./types.js";
import { Layout } from "./layout.js";

export const EXAMPLES = [
  {
    name: "Relationships between entities",
    query: `# Headquarters, listings, countries and jurisdictions (the prefixes are predeclared)
SELECT ?subject ?relation ?object WHERE {
  VALUES ?relation { mg:headquarteredIn mg:listedOn mg:country mg:jurisdiction }
  ?subject ?relation ?object .
}
LIMIT 200`,
  },
  {
    name: "Tariffs by issuer and target",
    query: `# Every tariff with who imposed it, on whom, at what rate, on which goods and from when
SELECT ?issuer ?target ?rate ?goods ?effective ?evidence WHERE {
  ?tariff a mg:Tariff ; mg:issuedBy ?by .
  ?by rdfs:label ?issuer .
  OPTIONAL { ?tariff mg:targets/rdfs:label ?target }
  OPTIONAL { ?tariff mg:ratePercent ?rate }
  OPTIONAL { ?tariff mg:appliesTo ?goods }
  OPTIONAL { ?tariff mg:effectiveDate ?effective }
  OPTIONAL { ?tariff mg:evidence/mg:text ?evidence }
}
ORDER BY ?issuer ?target`,
  },
  {
    name: "Moves of an index over time",
    query: `# The Hang Seng Index's daily moves, oldest first
SELECT ?date ?pct ?close WHERE {
  ?index rdfs:label "Hang Seng Index" .
  ?move a mg:IndexMovement ; mg:index ?index ; mg:percentChange ?pct ; mg:date ?date .
  OPTIONAL { ?move mg:closeLevel ?close }
}
ORDER BY ?date`,
  },
  {
    name: "Analyst views",
    query: `# Which analyst firm said what about whom
SELECT ?firm ?about ?statement WHERE {
  ?view a mg:AnalystView ; mg:analyst ?analyst ; mg:statement ?statement .
  ?analyst rdfs:label ?firm .
  OPTIONAL { ?view mg:about/rdfs:label ?about }
}`,
  },
  {
    name: "Who issues policies against whom (CONSTRUCT)",
    query: `# A graph: issuer -> target for every policy (tariffs, export controls, probes, sanctions…)
CONSTRUCT { ?issuer mg:targets ?target }
WHERE {
  ?policy a ?kind ; mg:issuedBy ?issuer ; mg:targets ?target .
  ?kind rdfs:subClassOf mg:Policy .
}`,
  },
];

const el = (tag, text, cls) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  return node;
};

/** A tiny N-Triples reader: enough for the service's own CONSTRUCT/DESCRIBE answers. */
export function parseNTriples(text) {
  const term = String.raw`(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^<[^>]*>)?)`;
  const re = new RegExp(`^\\s*${term}\\s+${term}\\s+${term}\\s*\\.\\s*$`);
  const toTerm = (t) => {
    if (t.startsWith("<")) return { type: "uri", value: t.slice(1, -1) };
    if (t.startsWith("_:")) return { type: "bnode", value: t.slice(2) };
    const m = /^"((?:[^"\\]|\\.)*)"(.*)$/.exec(t);
    return { type: "literal", value: JSON.parse(`"${m[1]}"`), suffix: m[2] };
  };
  const triples = [];
  for (const line of text.split("\n")) {
    const m = re.exec(line);
    if (m) triples.push({ subject: toTerm(m[1]), predicate: toTerm(m[2]), object: toTerm(m[3]) });
  }
  return triples;
}

export function initSparql({ getJSON, guarded, known, labelOf, onEntity }) {
  let prefixes = {};
  const compact = (iri) => {
    for (const [p, ns] of Object.entries(prefixes)) if (iri.startsWith(ns) && iri.length > ns.length) return `${p}:${iri.slice(ns.length)}`;
    return `<${iri}>`;
  };

  const examples = document.getElementById("sparql-examples");
  examples.append(el("option", "Example queries…"));
  EXAMPLES.forEach((ex, i) => { const o = el("option", ex.name); o.value = String(i); examples.append(o); });

  const run = () => { runQuery(); return true; };
  const editor = new EditorView({
    doc: EXAMPLES[1].query,
    extensions: [basicSetup, StreamLanguage.define(sparqlMode), Prec.highest(keymap.of([{ key: "Mod-Enter", run }]))],
    parent: document.getElementById("sparql-editor"),
  });
  examples.addEventListener("change", () => {
    const ex = EXAMPLES[Number(examples.value)];
    if (!ex) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: ex.query } });
    runQuery();
  });
  document.getElementById("sparql-run").addEventListener("click", runQuery);

  const results = document.getElementById("sparql-results");
  const info = document.getElementById("sparql-info");
  const rgraph = new Graph({ multi: true, type: "directed" });
  let renderer = null;
  let layout = null;

  function ensureRenderer() {
    if (renderer) return;
    renderer = new Sigma(rgraph, document.getElementById("sparql-graph"), {
      allowInvalidContainer: true, renderEdgeLabels: true, defaultEdgeType: "arrow", labelRenderedSizeThreshold: 4,
    });
    renderer.on("doubleClickNode", (e) => { e.preventSigmaDefault(); if (e.node.includes("/id/entity/")) onEntity(e.node); });
  }

  function cell(term) {
    const td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      const span = el("span", compact(term.value), term.value.includes("/id/entity/") ? "entity-link" : "");
      span.title = term.value;
      if (term.value.includes("/id/entity/")) span.addEventListener("click", () => onEntity(term.value));
      td.append(span);
    } else td.textContent = term.value;
    return td;
  }

  function table(vars, rows) {
    const t = el("table", undefined, "results");
    const head = el("tr");
    for (const v of vars) head.append(el("th", v));
    t.append(head);
    for (const row of rows) {
      const tr = el("tr");
      for (const v of vars) tr.append(cell(row[v]));
      t.append(tr);
    }
    return t;
  }

  const isProperty = (iri) => {
    if (prefixes.id && iri.startsWith(prefixes.id)) return false;
    const local = iri.split(/[#/]/).pop();
    return /^[a-z]/.test(local);
  };

  const nodeLabel = (iri) => (known.has(iri) ? known.get(iri).label : iri.includes("/id/entity/") ? labelOf(iri) : compact(iri));

  /** Labels and classes of the entities a result names that the page has not seen yet (one query). */
  async function learnLabels(iris) {
    const unknown = [...new Set(iris)].filter((i) => i.includes("/id/entity/") && !known.has(i) && /^[^<>"{}|^`\\\s]+$/.test(i));
    if (!unknown.length) return;
    const query = `SELECT ?e ?label ?type WHERE { VALUES ?e { ${unknown.slice(0, 500).map((i) => `<${i}>`).join(" ")} }
      ?e rdfs:label ?label . OPTIONAL { ?e a ?type } }`;
    try {
      const response = await fetch("/sparql", { method: "POST", body: new URLSearchParams({ query }),
                                                 headers: { Accept: "application/sparql-results+json" } });
      if (!response.ok) return;
      const byIri = new Map();
      for (const b of (await response.json()).results.bindings) {
        const entry = byIri.get(b.e.value) || { iri: b.e.value, label: b.label.value, types: [] };
        if (b.type) entry.types.push(b.type.value.split("#").pop());
        byIri.set(b.e.value, entry);
      }
      for (const entry of byIri.values()) known.set(entry.iri, { ...(known.get(entry.iri) || {}), ...entry });
    } catch { /* labels are a nicety: the local names stay */ }
  }

  async function drawGraph(edges) {
    await learnLabels(edges.flatMap((e) => [e.s, e.t]));
    rgraph.clear();
    for (const { s, t, label } of edges) {
      for (const n of [s, t]) {
        if (rgraph.hasNode(n)) continue;
        const style = styleOf(known.get(n)?.types || []);
        rgraph.addNode(n, { label: nodeLabel(n), size: 6, color: style.color, x: Math.random() * 100, y: Math.random() * 100 });
      }
      rgraph.addEdge(s, t, { label, size: 1.5, color: "#98a3b3" });
    }
    rgraph.forEachNode((n) => rgraph.setNodeAttribute(n, "size", Math.min(16, 5 + 2 * Math.log2(1 + rgraph.degree(n)))));
    document.getElementById("sparql-graph-empty").hidden = rgraph.order > 0;
    ensureRenderer();
    if (layout) layout.kill();
    if (rgraph.order > 1) {
      layout = new Layout(rgraph, { ...forceAtlas2.inferSettings(rgraph), barnesHutOptimize: rgraph.order > 300 });
      layout.start();
      setTimeout(() => { if (layout) { layout.kill(); layout = null; } }, 2500);
    }
    renderer.refresh();
  }

  async function runQuery() {
    const query = editor.state.doc.toString();
    const started = performance.now();
    const answer = await guarded("Running the query", async () => {
      const response = await fetch("/sparql", {
        method: "POST",
        body: new URLSearchParams({ query }),
        headers: { Accept: "application/sparql-results+json, application/n-triples;q=0.9" },
      });
      const type = response.headers.get("content-type") || "";
      const text = await response.text();
      return { ok: response.ok, type, text };
    });
    if (!answer) return;
    const ms = Math.round(performance.now() - started);
    if (!answer.ok) {
      results.replaceChildren(el("pre", answer.text.trim(), "sparql-error"));
      info.textContent = "error";
      return;
    }
    if (answer.type.includes("n-triples")) {
      const triples = parseNTriples(answer.text);
      info.textContent = `${triples.length} triples in ${ms} ms`;
      const rows = triples.map((t) => ({ subject: t.subject, predicate: t.predicate, object: t.object }));
      results.replaceChildren(table(["subject", "predicate", "object"], rows));
      drawGraph(triples.filter((t) => t.object.type !== "literal")
        .map((t) => ({ s: t.subject.value, t: t.object.value, label: compact(t.predicate.value) })));
      return;
    }
    const body = JSON.parse(answer.text);
    if ("boolean" in body) {
      info.textContent = `ASK in ${ms} ms`;
      results.replaceChildren(el("p", `Answer: ${body.boolean}`, "ask"));
      drawGraph([]);
      return;
    }
    const vars = body.head.vars;
    const rows = body.results.bindings;
    info.textContent = `${rows.length} row${rows.length === 1 ? "" : "s"} in ${ms} ms`;
    results.replaceChildren(table(vars, rows));
    // A row's IRIs drawn as a graph: the first IRI column to each other IRI, labelled by the variable.
    // A vocabulary IRI with a lower-case local name (mg:listedOn, rdfs:label) labels the edge instead.
    const edges = [];
    for (const row of rows) {
      const iris = vars.filter((v) => row[v] && row[v].type === "uri");
      const preds = iris.filter((v) => isProperty(row[v].value));
      const ends = iris.filter((v) => !preds.includes(v));
      for (const v of ends.slice(1)) {
        edges.push({ s: row[ends[0]].value, t: row[v].value, label: preds.length ? compact(row[preds[0]].value) : v });
      }
    }
    drawGraph(edges);
  }

  return {
    setPrefixes(p) {
      prefixes = p;
      const dl = document.querySelector("#sparql-prefixes dl");
      dl.replaceChildren(...Object.entries(p).flatMap(([k, v]) => [el("dt", `${k}:`), el("dd", v)]));
    },
    shown() { if (renderer) renderer.refresh(); },
    run: runQuery,
    editor,
  };
}
