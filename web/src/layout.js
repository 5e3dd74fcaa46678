// Runs ForceAtlas2 off the main thread (layout.worker.js) and moves the nodes at most once per frame.
import helpers from "graphology-layout-forceatlas2/helpers.js";
import DEFAULTS from "graphology-layout-forceatlas2/defaults.js";

/* global LAYOUT_WORKER_URL */

export class Layout {
  /** ``settings``: ForceAtlas2's; ``budget``: milliseconds of iterations per message. */
  constructor(graph, settings, budget = 12) {
    this.graph = graph;
    this.budget = budget;
    this.running = false;
    this.iterations = 0;
    this.pending = null;
    this.frame = 0;
    this.lastApplied = 0;
    this.interval = graph.order > 1000 ? 150 : graph.order > 300 ? 50 : 0;
    const matrices = helpers.graphToByteArrays(graph, (_, attr) => attr.weight || 1);
    this.worker = new Worker(LAYOUT_WORKER_URL);
    this.worker.addEventListener("message", ({ data }) => this.receive(data));
    this.worker.postMessage({ nodes: matrices.nodes.buffer, edges: matrices.edges.buffer,
                              settings: { ...DEFAULTS, ...settings }, init: true },
                            [matrices.nodes.buffer, matrices.edges.buffer]);
  }

  receive(data) {
    this.iterations += data.iterations;
    this.pending = new Float32Array(data.nodes);
    if (this.pending && !this.frame) {
      // Big graphs move a few times a second, leaving the CPU to the layout rather than to drawing.
      const wait = Math.max(0, this.lastApplied + this.interval - performance.now());
      this.frame = setTimeout(() => requestAnimationFrame(() => {
        this.frame = 0;
        this.lastApplied = performance.now();
        if (this.pending) helpers.assignLayoutChanges(this.graph, this.pending, null);
        this.pending = null;
      }), wait);
    }
    if (this.running) this.worker.postMessage({ budget: this.budget });
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.worker.postMessage({ budget: this.budget });
  }

  stop() { this.running = false; }

  kill() {
    this.running = false;
    if (this.frame) clearTimeout(this.frame);
    this.worker.terminate();
  }
}
