"""Query benchmark on a synthetic graph: bulk load, projection memory, neighborhoods,
search, paths and SPARQL, with rdflib's in-memory engine as the baseline in the same run.

    python benchmarks/queries.py --triples 1000000

Steps, all on the same generated N-Quads (benchmarks/generate.py):
1. bulk load into a fresh on-disk store (quads/s), then open it as `marketgraph serve` would;
2. build the networkx projection: seconds and RSS growth;
3. p50/p99 of entity search and of 1- and 2-hop neighborhoods (limit 100, with co-mentions)
   for a hot, a medium and a rare entity, and of a path query, in process;
4. the same neighborhood over HTTP against a live `marketgraph serve`, and the time from
   starting the server to its first answer;
5. three SPARQL relationship queries on Oxigraph and on rdflib's own engine (an in-memory
   Dataset with the union default graph), and their ratio.
Prints a table and writes benchmarks/results/queries-<size>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def timings(fn, runs: int) -> dict:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {"p50_ms": statistics.median(samples), "p99_ms": samples[min(len(samples) - 1, int(len(samples) * 0.99))],
            "runs": runs}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(triples: int, runs: int, http: bool, baseline: bool) -> dict:
    result: dict = {"triples_requested": triples}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "kg.nq"
        with data.open("w", encoding="utf-8") as handle:
            count = 0
            for line in Generator().lines(triples):
                handle.write(line + "\n")
                count += 1
        result["quads"] = count

        store_path = Path(tmp) / "store"
        store = open_store(store_path)
        started = time.perf_counter()
        store.load(data, "nquads")
        seconds = time.perf_counter() - started
        result["bulk_load"] = {"seconds": seconds, "quads_per_s": count / seconds}
        store.close()

        store = open_store(store_path, read_only=True)
        before = rss_mib()
        started = time.perf_counter()
        projection = Projection(store)
        projection.refresh()
        result["projection"] = {"seconds": time.perf_counter() - started, "rss_growth_mib": rss_mib() - before,
                                "nodes": projection.graph.number_of_nodes(),
                                "edges": projection.graph.number_of_edges()}
        ranked = sorted(projection.nodes.values(), key=lambda n: -n.articles)
        entities = {"hot": ranked[0], "medium": ranked[len(ranked) // 20], "rare": ranked[-1]}
        result["entities"] = {k: {"label": v.label, "articles": v.articles} for k, v in entities.items()}

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

        if baseline:
            import rdflib

            dataset = rdflib.Dataset(default_union=True)
            started = time.perf_counter()
            dataset.parse(str(data), format="nquads")
            result["rdflib_load_seconds"] = time.perf_counter() - started
            for name, query in SPARQL.items():
                base = timings(lambda q=query: list(dataset.query(PREFIXES + q)), 3)
                sparql[name]["rdflib"] = base
                sparql[name]["ratio"] = base["p50_ms"] / sparql[name]["oxigraph"]["p50_ms"]
            del dataset

        if http:
            import httpx

            port = free_port()
            started = time.perf_counter()
            server = subprocess.Popen([str(Path(sys.executable).with_name("marketgraph")), "serve", "--store",
                                       str(store_path), "--port", str(port)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            base = f"http://127.0.0.1:{port}"
            try:
                while True:
                    try:
                        httpx.get(base + "/health", timeout=2).raise_for_status()
                        break
                    except httpx.HTTPError:
                        if time.perf_counter() - started > 300:
                            raise
                        time.sleep(0.1)
                result["serve_to_first_answer_s"] = time.perf_counter() - started
                with httpx.Client(base_url=base) as client:
                    over_http: dict = {"search": timings(
                        lambda: client.get("/entities/search", params={"q": "Hang Seng"}).raise_for_status(), runs)}
                    for klass, node in entities.items():
                        over_http[f"neighborhood {klass} 1-hop"] = timings(
                            lambda n=node: client.get("/entities/neighborhood", params={
                                "iri": n.iri, "limit": 100, "comentions": "true"}).raise_for_status(), runs)
                    result["http"] = over_http
            finally:
                server.terminate()
                server.wait(timeout=30)
    result["machine"] = {"python": platform.python_version(), "platform": platform.platform(),
                         "cpus": os.cpu_count()}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50, help="timed repetitions per measurement")
    parser.add_argument("--no-http", action="store_true", help="skip the live-server measurements")
    parser.add_argument("--no-baseline", action="store_true", help="skip rdflib (slow above 1M triples)")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    result = run(args.triples, args.runs, not args.no_http, not args.no_baseline)
    output = args.output or ROOT / "benchmarks" / "results" / f"queries-{args.triples}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2))

    print(f"{result['quads']} quads; bulk load {result['bulk_load']['quads_per_s']:,.0f} quads/s; projection "
          f"{result['projection']['seconds']:.1f} s, +{result['projection']['rss_growth_mib']:.0f} MiB RSS "
          f"({result['projection']['nodes']} nodes, {result['projection']['edges']} edges)")
    print(f"{'in process':34} {'p50 ms':>8} {'p99 ms':>8}")
    for name, t in result["in_process"].items():
        print(f"{name:34} {t['p50_ms']:8.2f} {t['p99_ms']:8.2f}")
    if "http" in result:
        print(f"{'over HTTP':34} {'p50 ms':>8} {'p99 ms':>8}   (serve -> first answer "
              f"{result['serve_to_first_answer_s']:.1f} s)")
        for name, t in result["http"].items():
            print(f"{name:34} {t['p50_ms']:8.2f} {t['p99_ms']:8.2f}")
    print(f"{'SPARQL':34} {'oxigraph':>9} {'rdflib':>9} {'ratio':>7}")
    for name, t in result["sparql"].items():
        base = t.get("rdflib", {}).get("p50_ms")
        base_text = f"{base:9.2f}" if base is not None else f"{'-':>9}"
        print(f"{name:34} {t['oxigraph']['p50_ms']:9.2f} {base_text} {t.get('ratio', float('nan')):7.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
