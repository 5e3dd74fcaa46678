"""Query benchmark on a synthetic graph: bulk load, projection memory and start-up, neighborhoods,
search, paths and SPARQL, each with a baseline measured in the same run.

    python benchmarks/queries.py --triples 1000000

Steps, all on the same generated N-Quads (benchmarks/generate.py):
1. ``marketgraph load`` into a fresh on-disk store, in a child process: quads/s and its peak RSS;
   baseline: rdflib parsing the same file into a ``Dataset``;
2. the networkx projection, built as ``marketgraph serve`` builds it on a new store (seconds, RSS
   growth; it is saved beside the store), then read back as a restart reads it; baseline: the build;
3. in process, p50/p99 (and the first, cold call) of entity search, 1- and 2-hop neighborhoods
   (limit 100, with co-mentions) of a hot, a medium and a rare entity, a path query and three
   SPARQL relationship queries; baseline for SPARQL: rdflib's own engine on an in-memory Dataset
   with the union default graph (skipped with --no-baseline: it needs minutes and GiBs at 5M);
4. the same over HTTP against a live ``marketgraph serve``: time from start to first answer, the
   latencies, and the server's RSS.
Prints tables and writes benchmarks/results/queries-<size>.json. Absolute times drift on a shared
machine; the ratios are measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import Generator  # noqa: E402

from api.settings import Settings  # noqa: E402
from graph.projection import Projection  # noqa: E402
from graph.store import open_store  # noqa: E402

SPARQL = {
    "tariffs by issuer and target": """
        SELECT ?issuer ?target (COUNT(?p) AS ?n) WHERE {
          ?p a mg:Tariff ; mg:issuedBy/rdfs:label ?issuer ; mg:targets/rdfs:label ?target }
        GROUP BY ?issuer ?target ORDER BY DESC(?n) LIMIT 20""",
    "analyst views about a company": """
        SELECT ?firm (COUNT(?v) AS ?n) WHERE {
          ?v a mg:AnalystView ; mg:analyst/rdfs:label ?firm ; mg:about ?c . ?c rdfs:label "Tencent Holdings" }
        GROUP BY ?firm ORDER BY DESC(?n)""",
    "moves of an index over time": """
        SELECT ?date ?pct WHERE {
          ?m a mg:IndexMovement ; mg:index ?i ; mg:date ?date ; mg:percentChange ?pct .
          ?i rdfs:label "Hang Seng Index" } ORDER BY ?date LIMIT 500""",
}
PREFIXES = """PREFIX mg: <https://w3id.org/marketgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
CLASSES = ("hot", "medium", "rare")


def rss_mib(pid: int | str = "self", field: str = "VmRSS") -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def timings(fn, runs: int) -> dict:
    """The first (cold) call, then p50/p99 of ``runs`` more."""
    started = time.perf_counter()
    fn()
    first = (time.perf_counter() - started) * 1000
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"p50_ms": statistics.median(samples), "p99_ms": samples[min(len(samples) - 1, int(len(samples) * 0.99))],
            "first_ms": first, "runs": runs}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pick_entities(projection: Projection) -> dict:
    ranked = sorted(projection.nodes.values(), key=lambda n: (-n.articles, n.iri))
    return {"hot": ranked[0], "medium": ranked[len(ranked) // 20], "rare": ranked[-1]}


def bulk_load(data: Path, store_path: Path) -> dict:
    """``marketgraph load`` in a child process; its wall time and peak RSS."""
    command = [str(Path(sys.executable).with_name("marketgraph")), "load", str(data), "--store", str(store_path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # the load itself, as the command reports it ("... quads in 8.9 s ..."); the wall time adds start-up
    found = re.search(r"quads in ([0-9.]+) s", done.stderr)
    return {"seconds": float(found.group(1)) if found else wall, "command_seconds": wall,
            "peak_rss_mib": max(peak, before) / 1024}


def run(triples: int, runs: int, http: bool, baseline: bool, workdir: Path | None = None) -> dict:
    result: dict = {"triples_requested": triples}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        data = Path(tmp) / "kg.nq"
        with data.open("w", encoding="utf-8") as handle:
            count = 0
            for line in Generator().lines(triples):
                handle.write(line + "\n")
                count += 1
        result["quads"] = count

        # 1. bulk load
        store_path = Path(tmp) / "store"
        load = bulk_load(data, store_path)
        load["quads_per_s"] = count / max(load["seconds"], 1e-3)
        result["bulk_load"] = load

        # 2. the projection: built once as serve builds it on a new store (and saved), then read back
        settings = Settings(store=store_path)
        store = open_store(store_path)
        store.ensure_ontology(settings.ontology)  # what serve does first; a revision of its own
        before = rss_mib()
        started = time.perf_counter()
        projection = Projection(store)
        projection.refresh()
        build = time.perf_counter() - started
        grown = rss_mib() - before
        store.close()
        del projection
        store = open_store(store_path, read_only=True)
        started = time.perf_counter()
        projection = Projection(store)
        projection.refresh()
        reload = time.perf_counter() - started
        saved = store.sidecar("projection")
        result["projection"] = {"build_seconds": build, "saved_load_seconds": reload, "build_over_load": build / reload,
                                "rss_growth_mib": grown, "saved_file_mib": saved.stat().st_size / 2**20 if saved else 0,
                                "nodes": projection.graph.number_of_nodes(),
                                "edges": projection.graph.number_of_edges(), "facts": len(projection.facts),
                                "articles": len(projection.article_dates)}
        entities = pick_entities(projection)
        result["entities"] = {k: {"label": v.label, "articles": v.articles,
                                  "neighbours": len(projection.graph.adj[v.iri])} for k, v in entities.items()}

        # 3. in process
        inproc: dict = {"search": timings(lambda: projection.search("Hang Seng", limit=10), runs)}
        for klass, node in entities.items():
            for hops in (1, 2):
                inproc[f"neighborhood {klass} {hops}-hop"] = timings(
                    lambda n=node, h=hops: projection.neighborhood(n.iri, hops=h, limit=100, comentions=True), runs)
        inproc["path hot-rare"] = timings(lambda: projection.paths(entities["hot"].iri, entities["rare"].iri), runs)
        result["in_process"] = inproc

        sparql: dict = {}
        for name, query in SPARQL.items():
            sparql[name] = {"oxigraph": timings(lambda q=query: store.select(q), max(3, runs // 5))}
        result["sparql"] = sparql
        store.close()
        del projection

        if baseline:
            import rdflib

            dataset = rdflib.Dataset(default_union=True)
            started = time.perf_counter()
            dataset.parse(str(data), format="nquads")
            load["rdflib_parse_seconds"] = time.perf_counter() - started
            load["ratio_vs_rdflib"] = load["rdflib_parse_seconds"] / load["seconds"]
            for name, query in SPARQL.items():
                base = timings(lambda q=query: list(dataset.query(PREFIXES + q)), 3)
                sparql[name]["rdflib"] = base
                sparql[name]["ratio"] = base["p50_ms"] / sparql[name]["oxigraph"]["p50_ms"]
            del dataset

        # 4. over HTTP
        if http:
            result.update(over_http(store_path, entities, runs))
    result["machine"] = {"python": platform.python_version(), "platform": platform.platform(),
                         "cpus": os.cpu_count(), "load_average": os.getloadavg()}
    return result


def over_http(store_path: Path, entities: dict, runs: int) -> dict:
    import httpx

    port = free_port()
    started = time.perf_counter()
    server = subprocess.Popen([str(Path(sys.executable).with_name("marketgraph")), "serve", "--store",
                               str(store_path), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    out: dict = {}
    try:
        while True:
            try:
                httpx.get(base + "/health", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if time.perf_counter() - started > 600 or server.poll() is not None:
                    raise
                time.sleep(0.05)
        out["serve_to_first_answer_s"] = time.perf_counter() - started
        with httpx.Client(base_url=base, timeout=60) as client:
            def get(path: str, **params):
                return lambda: client.get(path, params=params).raise_for_status()

            measured: dict = {"search": timings(get("/entities/search", q="Hang Seng"), runs)}
            for klass in CLASSES:
                for hops in (1, 2):
                    measured[f"neighborhood {klass} {hops}-hop"] = timings(get(
                        "/entities/neighborhood", iri=entities[klass].iri, hops=hops, limit=100,
                        comentions="true"), runs)
            measured["path hot-rare"] = timings(get("/paths", **{"from": entities["hot"].iri,
                                                                 "to": entities["rare"].iri}), runs)
            for name, query in SPARQL.items():
                measured[f"sparql: {name}"] = timings(get("/sparql", query=PREFIXES + query), max(3, runs // 5))
            out["http"] = measured
        out["server_rss_mib"] = rss_mib(server.pid)
        out["server_peak_rss_mib"] = rss_mib(server.pid, "VmHWM")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return out


def report(result: dict) -> str:
    lines = []
    load, proj = result["bulk_load"], result["projection"]
    base = ""
    if "rdflib_parse_seconds" in load:
        base = f"; rdflib parses it in {load['rdflib_parse_seconds']:.1f} s ({load['ratio_vs_rdflib']:.1f}x the time)"
    lines.append(f"{result['quads']:,} quads: marketgraph load {load['seconds']:.1f} s = {load['quads_per_s']:,.0f} "
                 f"quads/s (the command: {load['command_seconds']:.1f} s), peak RSS {load['peak_rss_mib']:.0f} MiB")
    if base:
        lines[-1] += base
    lines.append(f"projection: {proj['nodes']:,} entities, {proj['edges']:,} edges, {proj['facts']:,} facts; build "
                 f"{proj['build_seconds']:.1f} s, +{proj['rss_growth_mib']:.0f} MiB RSS; read back from the saved "
                 f"file ({proj['saved_file_mib']:.0f} MiB) in {proj['saved_load_seconds']:.2f} s "
                 f"({proj['build_over_load']:.1f}x faster than the build)")
    if "serve_to_first_answer_s" in result:
        lines.append(f"marketgraph serve: first answer after {result['serve_to_first_answer_s']:.1f} s, RSS "
                     f"{result['server_rss_mib']:.0f} MiB (peak {result['server_peak_rss_mib']:.0f} MiB)")
    http = result.get("http", {})
    lines.append(f"{'':34} {'in process (ms)':>26} {'over HTTP (ms)':>26}")
    lines.append(f"{'':34} {'p50':>8} {'p99':>8} {'first':>8} {'p50':>8} {'p99':>8} {'first':>8}")
    names = list(result["in_process"]) + [n for n in http if n not in result["in_process"]]
    for name in names:
        cells = []
        for source in (result["in_process"], http):
            t = source.get(name)
            cells += [f"{t[k]:8.2f}" for k in ("p50_ms", "p99_ms", "first_ms")] if t else [f"{'-':>8}"] * 3
        lines.append(f"{name[:34]:34} " + " ".join(cells))
    lines.append(f"{'SPARQL in process (p50 ms)':34} {'oxigraph':>9} {'rdflib':>9} {'ratio':>8}")
    for name, t in result["sparql"].items():
        rdf = t.get("rdflib", {}).get("p50_ms")
        rdf_text = f"{rdf:9.1f}" if rdf is not None else f"{'-':>9}"
        ratio = f"{t['ratio']:7.0f}x" if "ratio" in t else f"{'-':>8}"
        lines.append(f"{name:34} {t['oxigraph']['p50_ms']:9.2f} {rdf_text} {ratio}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50, help="timed repetitions per measurement")
    parser.add_argument("--no-http", action="store_true", help="skip the live-server measurements")
    parser.add_argument("--no-baseline", action="store_true", help="skip rdflib (minutes and GiBs above 1M triples)")
    parser.add_argument("--workdir", type=Path, help="folder for the generated file and store (default: /tmp)")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    result = run(args.triples, args.runs, not args.no_http, not args.no_baseline, args.workdir)
    output = args.output or ROOT / "benchmarks" / "results" / f"queries-{args.triples}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2))
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
