// ForceAtlas2 in a web worker: runs as many iterations as fit in the asked time budget, then sends the
// positions back once. (One message per iteration floods the page with updates on big graphs.)
import iterate from "graphology-layout-forceatlas2/iterate.js";

let nodes = null;
let edges = null;
let settings = null;

self.addEventListener("message", ({ data }) => {
  if (data.nodes) nodes = new Float32Array(data.nodes);
  if (data.edges) edges = new Float32Array(data.edges);
  if (data.settings) settings = data.settings;
  if (data.init || !nodes || !edges || !settings) return;
  const start = performance.now();
  let iterations = 0;
  do {
    iterate(settings, nodes, edges);
    iterations += 1;
  } while (performance.now() - start < data.budget);
  const copy = nodes.slice();
  self.postMessage({ nodes: copy.buffer, iterations }, [copy.buffer]);
});
