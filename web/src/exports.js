// "What is shown" as files: PNG of the view, GraphML, GEXF and Cytoscape JSON of the visible graph.
import { downloadAsPNG } from "@sigma/export-image";

const xml = (s) => String(s ?? "").replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);

/** Visible nodes and edges, with the attributes worth keeping. */
export function visible(graph, isHidden) {
  const nodes = [];
  const keep = new Set();
  graph.forEachNode((key, a) => {
    if (isHidden(key)) return;
    keep.add(key);
    nodes.push({ id: key, label: a.label, types: a.types || [], kind: a.kind || "entity", articles: a.articles || 0,
                 x: a.x, y: a.y, color: a.color });
  });
  const edges = [];
  graph.forEachEdge((key, a, source, target) => {
    if (!keep.has(source) || !keep.has(target)) return;
    edges.push({ id: key, source, target, label: a.label || "", weight: a.weight || 1,
                 relations: (a.relations || []).map((r) => r.relation) });
  });
  return { nodes, edges };
}

export function toCytoscape({ nodes, edges }) {
  return JSON.stringify({
    elements: {
      nodes: nodes.map((n) => ({ data: { id: n.id, label: n.label, types: n.types, kind: n.kind, articles: n.articles },
                                 position: { x: n.x, y: n.y } })),
      edges: edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target, label: e.label,
                                         weight: e.weight, relations: e.relations } })),
    },
  }, null, 2);
}

export function toGraphML({ nodes, edges }) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="types" for="node" attr.name="types" attr.type="string"/>',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="articles" for="node" attr.name="articles" attr.type="int"/>',
    '  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>',
    '  <graph id="marketgraph" edgedefault="directed">',
  ];
  for (const n of nodes) {
    lines.push(`    <node id="${xml(n.id)}"><data key="label">${xml(n.label)}</data><data key="types">${xml(n.types.join(" "))}</data>`
      + `<data key="kind">${xml(n.kind)}</data><data key="articles">${n.articles}</data></node>`);
  }
  for (const e of edges) {
    lines.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="elabel">${xml(e.label)}</data>`
      + `<data key="weight">${e.weight}</data></edge>`);
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

export function toGEXF({ nodes, edges }) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node"><attribute id="types" title="types" type="string"/><attribute id="kind" title="kind" type="string"/>'
      + '<attribute id="articles" title="articles" type="integer"/></attributes>',
    "    <nodes>",
  ];
  for (const n of nodes) {
    const [r, g, b] = hexToRgb(n.color);
    lines.push(`      <node id="${xml(n.id)}" label="${xml(n.label)}"><attvalues><attvalue for="types" value="${xml(n.types.join(" "))}"/>`
      + `<attvalue for="kind" value="${xml(n.kind)}"/><attvalue for="articles" value="${n.articles}"/></attvalues>`
      + `<viz:position x="${+n.x || 0}" y="${+n.y || 0}" z="0"/><viz:color r="${r}" g="${g}" b="${b}"/></node>`);
  }
  lines.push("    </nodes>", "    <edges>");
  for (const e of edges) {
    lines.push(`      <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}" weight="${e.weight}" label="${xml(e.label)}"/>`);
  }
  lines.push("    </edges>", "  </graph>", "</gexf>", "");
  return lines.join("\n");
}

function hexToRgb(color) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color || "");
  return m ? m.slice(1).map((h) => parseInt(h, 16)) : [150, 150, 150];
}

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function exportAs(kind, graph, renderer, isHidden) {
  const name = "marketgraph";
  if (kind === "png") {
    await downloadAsPNG(renderer, { fileName: name, backgroundColor: "#ffffff" });
    return;
  }
  const shown = visible(graph, isHidden);
  if (kind === "graphml") download(`${name}.graphml`, toGraphML(shown), "application/graphml+xml");
  else if (kind === "gexf") download(`${name}.gexf`, toGEXF(shown), "application/gexf+xml");
  else download(`${name}.cyjs.json`, toCytoscape(shown), "application/vnd.cytoscape+json");
}
