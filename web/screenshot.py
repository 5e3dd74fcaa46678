"""Take the README's screenshot of the explorer: ``make screenshot`` (writes docs/explorer.png).

Ingests the seed and the bundled samples into a temporary store, serves it on a free loopback
port, and drives Debian's chromium (the browser tests' setup, tests/browser.py) to the Hang Seng
Index's neighborhood with XPeng selected.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import chromium  # noqa: E402
from tests.conftest import SAMPLES, SEED  # noqa: E402
from tests.live import MARKETGRAPH, live_server  # noqa: E402


def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "kg"
        sources = [str(p) for p in (SEED, SAMPLES) if p.exists()]
        subprocess.run([MARKETGRAPH, "ingest", *sources, "--store", str(store)], check=True, capture_output=True)
        with live_server(store) as base, chromium() as browser:
            page = browser.new_page(viewport={"width": 1500, "height": 900}, device_scale_factor=1)
            page.goto(base + "/")
            page.fill("#search", "Hang Seng")
            page.locator("#search-list li", has_text="Hang Seng Index").first.click()
            idle = "window.explorer && !window.explorer.busy && !window.explorer.layoutRunning"
            page.wait_for_function(idle, timeout=30_000)
            page.fill("#search", "")
            point = page.evaluate("(iri) => window.explorer.nodeViewport(iri)",
                                  "https://w3id.org/marketgraph/id/entity/xpeng")
            page.mouse.click(point["x"], point["y"])
            page.locator("#panel li.fact", has_text="+12%").wait_for()
            page.wait_for_function(idle, timeout=30_000)
            page.mouse.move(5, 890)  # no hover highlight in the picture
            time.sleep(0.5)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
    print(f"wrote {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "explorer.png")
