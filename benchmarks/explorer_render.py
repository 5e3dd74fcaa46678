"""How the explorer's graph view holds up on a big neighborhood, against a small one in the same run.

Serves the explorer, answers its neighborhood request with a synthetic graph of ``--nodes`` entities
(then of ``--baseline`` entities), and measures in Debian's chromium (headless, software WebGL):

* load: from asking for the neighborhood to the graph being drawn;
* layout: ForceAtlas2 iterations per second in its worker, and the page's frames per second and
  longest pause meanwhile;
* zoom: frames per second during a one-second camera zoom once laid out.

    python benchmarks/explorer_render.py --nodes 2000 --baseline 100

Prints each figure and its ratio to the baseline; writes benchmarks/results/explorer_render.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, serve_synthetic, synthetic_neighborhood  # noqa: E402
from tests.live import live_server  # noqa: E402

MEASURE = """async (iri) => {
  const frames = [];
  let running = true;
  const tick = (t) => { frames.push(t); if (running) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  const start = performance.now();
  await window.explorer.recenter(iri);
  await new Promise((r) => window.explorer.renderer.once("afterRender", r));
  const load = performance.now() - start;
  const layoutStart = performance.now();
  const iterationsBefore = window.explorer.layoutIterations;
  while (window.explorer.layoutRunning) await new Promise((r) => setTimeout(r, 20));
  const layoutEnd = performance.now();
  const during = frames.filter((t) => t >= layoutStart && t <= layoutEnd);
  const gaps = during.slice(1).map((t, i) => t - during[i]);
  const zoomStart = performance.now();
  await window.explorer.renderer.getCamera().animate({ ratio: 0.4 }, { duration: 1000 });
  const zoomEnd = performance.now();
  running = false;
  const zoomFrames = frames.filter((t) => t >= zoomStart && t <= zoomEnd).length;
  return {
    nodes: window.explorer.graph.order, edges: window.explorer.graph.size, load_ms: load,
    layout_s: (layoutEnd - layoutStart) / 1000,
    layout_iterations_per_s: (window.explorer.layoutIterations - iterationsBefore) / ((layoutEnd - layoutStart) / 1000), layout_fps: during.length / ((layoutEnd - layoutStart) / 1000),
    layout_longest_pause_ms: gaps.length ? Math.max(...gaps) : 0,
    zoom_fps: zoomFrames / ((zoomEnd - zoomStart) / 1000),
  };
}"""


def measure(browser, base: str, nodes: int) -> dict:
    page = browser.new_page(viewport={"width": 1500, "height": 900})
    try:
        page.goto(base + "/")
        page.wait_for_selector("#search")
        data = synthetic_neighborhood(nodes)
        serve_synthetic(page, data)
        result = page.evaluate(MEASURE, data["center"]["iri"])
        assert result["nodes"] == nodes, result
        return result
    finally:
        page.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=2000, help="entities in the big neighborhood")
    parser.add_argument("--baseline", type=int, default=100, help="entities in the baseline neighborhood")
    parser.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "explorer_render.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, live_server(Path(tmp) / "kg") as base, chromium() as browser:
        measure(browser, base, args.baseline)  # warm-up: caches, shader compilation
        baseline = measure(browser, base, args.baseline)
        big = measure(browser, base, args.nodes)
    print(f"{'':28}{'baseline':>12}{'big':>12}{'ratio':>8}")
    for key in ("nodes", "edges", "load_ms", "layout_s", "layout_iterations_per_s", "layout_fps", "layout_longest_pause_ms", "zoom_fps"):
        ratio = big[key] / baseline[key] if baseline[key] else float("nan")
        print(f"{key:28}{baseline[key]:12.1f}{big[key]:12.1f}{ratio:8.2f}")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"baseline": baseline, "big": big}, indent=2) + "\n")


if __name__ == "__main__":
    main()
