"""Scaling: load time, memory and lookup latency against graph size, as a table and a chart.

    python benchmarks/scaling.py --sizes 100000 1000000 5000000

Runs benchmarks/queries.py for every size that has no result yet in benchmarks/results/
(``--rerun`` runs them all; rdflib's baseline is skipped above 1M triples), then writes
benchmarks/results/scaling.md (a Markdown table) and docs/scaling.png (needs matplotlib, the
``bench`` extra). Lookups should stay flat while the graph grows: the table gives each size's
latency as a ratio to the smallest size's, next to the ratio of the sizes themselves.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
LOOKUPS = ("search", "neighborhood hot 1-hop", "neighborhood medium 1-hop", "neighborhood rare 1-hop",
           "neighborhood hot 2-hop", "path hot-rare")


def ensure(sizes: list[int], rerun: bool, runs: int, results: Path = RESULTS) -> dict[int, dict]:
    found = {}
    for size in sizes:
        path = results / f"queries-{size}.json"
        if rerun or not path.exists():
            command = [sys.executable, str(ROOT / "benchmarks" / "queries.py"), "--triples", str(size),
                       "--runs", str(runs), "--output", str(path)]
            if size > 1_000_000:
                command.append("--no-baseline")
            subprocess.run(command, check=True)
        found[size] = json.loads(path.read_text())
    return found


def table(results: dict[int, dict]) -> str:
    sizes = sorted(results)
    first = results[sizes[0]]
    head = "| | " + " | ".join(f"{results[s]['quads']:,} quads" for s in sizes) + " |"
    lines = [head, "|---" * (len(sizes) + 1) + "|"]

    def row(name: str, values: list[str]) -> None:
        lines.append(f"| {name} | " + " | ".join(values) + " |")

    row("size ratio", [f"{results[s]['quads'] / first['quads']:.0f}x" for s in sizes])
    row("bulk load (quads/s)", [f"{results[s]['bulk_load']['quads_per_s']:,.0f}" for s in sizes])
    row("bulk load peak RSS (MiB)", [f"{results[s]['bulk_load']['peak_rss_mib']:.0f}" for s in sizes])
    row("projection build (s)", [f"{results[s]['projection']['build_seconds']:.1f}" for s in sizes])
    row("projection read back (s)", [f"{results[s]['projection']['saved_load_seconds']:.2f}" for s in sizes])
    row("serve: first answer (s)", [f"{results[s].get('serve_to_first_answer_s', float('nan')):.1f}" for s in sizes])
    row("server RSS (MiB)", [f"{results[s].get('server_rss_mib', float('nan')):.0f}" for s in sizes])
    for source, label in (("in_process", "in process"), ("http", "HTTP")):
        for name in LOOKUPS:
            if all(name in results[s].get(source, {}) for s in sizes):
                base = results[sizes[0]][source][name]["p50_ms"]
                row(f"{name}, {label}: p50 ms (vs smallest)",
                    [f"{results[s][source][name]['p50_ms']:.2f} ({results[s][source][name]['p50_ms'] / base:.1f}x)"
                     for s in sizes])
    return "\n".join(lines)


def chart(results: dict[int, dict], output: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results)
    quads = [results[s]["quads"] for s in sizes]
    fig, (left, middle, right) = plt.subplots(1, 3, figsize=(15, 4.5))
    left.plot(quads, [results[s]["bulk_load"]["seconds"] for s in sizes], "o-", label="bulk load")
    left.plot(quads, [results[s]["projection"]["build_seconds"] for s in sizes], "s-", label="projection build")
    left.plot(quads, [results[s]["projection"]["saved_load_seconds"] for s in sizes], "^-",
              label="projection read back")
    if all("serve_to_first_answer_s" in results[s] for s in sizes):
        left.plot(quads, [results[s]["serve_to_first_answer_s"] for s in sizes], "d-", label="serve: first answer")
    left.set(title="Load and start-up", xlabel="quads", ylabel="seconds", xscale="log", yscale="log")
    left.legend()
    middle.plot(quads, [results[s]["bulk_load"]["peak_rss_mib"] for s in sizes], "o-", label="load peak RSS")
    if all("server_rss_mib" in results[s] for s in sizes):
        middle.plot(quads, [results[s]["server_rss_mib"] for s in sizes], "s-", label="server RSS")
    middle.axhline(1024, color="grey", linestyle=":", label="1 GiB")
    middle.set(title="Memory", xlabel="quads", ylabel="MiB", xscale="log")
    middle.legend()
    source = "http" if all("http" in results[s] for s in sizes) else "in_process"
    for name in LOOKUPS:
        if all(name in results[s][source] for s in sizes):
            right.plot(quads, [results[s][source][name]["p50_ms"] for s in sizes], "o-", label=name)
    right.set(title=f"Lookup p50 ({'over HTTP' if source == 'http' else 'in process'})", xlabel="quads",
              ylabel="ms", xscale="log")
    right.set_ylim(bottom=0)
    right.legend(fontsize=8)
    fig.tight_layout()
    output.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(output, dpi=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--rerun", action="store_true", help="measure every size again")
    parser.add_argument("--chart", type=Path, default=ROOT / "docs" / "scaling.png")
    parser.add_argument("--no-chart", action="store_true")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder of the queries-<size>.json results")
    args = parser.parse_args(argv)
    results = ensure(args.sizes, args.rerun, args.runs, args.results)
    text = table(results)
    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "scaling.md").write_text(text + "\n")
    print(text)
    if not args.no_chart:
        chart(results, args.chart)
        print(f"chart: {args.chart}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
