"""Load test: concurrent clients against a local `marketgraph serve`, mixing entity searches,
neighborhoods, SPARQL queries and article reads (and article writes, when the server offers
POST /articles and --writes is given), for a fixed time on loopback.

It first measures the same mix with one client (the baseline), then with --clients at once,
and prints per request kind: requests, errors, p50 and p99 latency, and the ratio of the
loaded p50 to the baseline p50. Clients send back to back by default (a closed loop: the
server is saturated, and latency is clients / throughput); --think gives each a pause between
requests, as people at a browser have. The figures go to benchmarks/results/load-<clients>.json.

    python benchmarks/load.py                       # ingests the samples into a temporary store
    python benchmarks/load.py --store data/store --clients 20 --duration 30
    python benchmarks/load.py --url http://127.0.0.1:8000   # a server you started
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
MARKETGRAPH = str(Path(sys.executable).with_name("marketgraph"))
SEEDS = ROOT.parent / "shared" / "seeds"

#: Share of each request kind in the mix (writes are added with --writes).
MIX = {"search": 0.25, "neighborhood": 0.35, "sparql": 0.2, "article": 0.2}
SPARQL = [
    "SELECT ?index ?pct ?date WHERE { ?m a mg:IndexMovement ; mg:index ?i ; mg:percentChange ?pct ; mg:date ?date . "
    "?i rdfs:label ?index } ORDER BY ?date ?index",
    "SELECT ?issuer ?target WHERE { ?p a mg:Tariff ; mg:issuedBy/rdfs:label ?issuer . "
    "OPTIONAL { ?p mg:targets/rdfs:label ?target } }",
    "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a mg:mentions ?e } GROUP BY ?e ORDER BY DESC(?n) LIMIT 20",
    "ASK { ?x a mg:AnalystView }",
]
ENTITIES = """SELECT DISTINCT ?e ?label WHERE {
  GRAPH <https://w3id.org/marketgraph/id/graph/entities> { ?e rdfs:label ?label } } LIMIT 500"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_store(folder: Path) -> Path:
    """Ingest the bundled samples (and the seed article, when it is beside the repo)."""
    store = folder / "kg"
    paths = [str(ROOT / "samples")] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    subprocess.run([MARKETGRAPH, "ingest", *paths, "--store", str(store), "--no-progress"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return store


class Server:
    """`marketgraph serve` on a free loopback port, for the duration of a ``with`` block."""

    def __init__(self, store: Path, api_key: str | None = None) -> None:
        self.store = store
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.api_key = api_key

    def __enter__(self) -> Server:
        env = dict(os.environ, MARKETGRAPH_API_KEY=self.api_key) if self.api_key else None
        self.process = subprocess.Popen([MARKETGRAPH, "serve", "--store", str(self.store), "--port", str(self.port)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.monotonic() + 300
        while True:
            try:
                httpx.get(self.url + "/health", timeout=2).raise_for_status()
                return self
            except httpx.HTTPError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Mix:
    """The requests of the mix, with their targets taken from the served graph."""

    def __init__(self, entities: list[tuple[str, str]], articles: list[str], writes: float,
                 headers: dict[str, str]) -> None:
        self.entities = entities
        self.articles = articles
        self.headers = headers
        self.weights = dict(MIX)
        if writes:
            self.weights["write"] = writes
        self.kinds = list(self.weights)
        self.cumulative = list(self.weights.values())
        self.written = 0

    @classmethod
    async def discover(cls, client: httpx.AsyncClient, writes: float, headers: dict[str, str]) -> Mix:
        rows = (await client.get("/sparql", params={"query": ENTITIES},
                                 headers={"Accept": "application/sparql-results+json"})).json()
        entities = [(r["e"]["value"], r["label"]["value"]) for r in rows["results"]["bindings"]]
        articles = [a["id"] for a in (await client.get("/articles", params={"limit": 200})).json()["articles"]]
        if not entities or not articles:
            raise SystemExit("the served graph has no entities or no articles: ingest some first")
        if writes:
            paths = (await client.get("/openapi.json")).json()["paths"]
            if "post" not in paths.get("/articles", {}):
                print("note: this server has no POST /articles; the mix has no writes")
                writes = 0
        return cls(entities, articles, writes, headers)

    def request(self, rng: random.Random) -> tuple[str, dict]:
        kind = rng.choices(self.kinds, self.cumulative)[0]
        if kind == "search":
            label = rng.choice(self.entities)[1]
            return kind, {"method": "GET", "url": "/entities/search", "params": {"q": label[: rng.randint(3, 12)]}}
        if kind == "neighborhood":
            iri = rng.choice(self.entities)[0]
            return kind, {"method": "GET", "url": "/entities/neighborhood",
                          "params": {"iri": iri, "hops": rng.choice([1, 1, 2]), "limit": 50}}
        if kind == "sparql":
            return kind, {"method": "GET", "url": "/sparql", "params": {"query": rng.choice(SPARQL)},
                          "headers": {"Accept": "application/sparql-results+json"}}
        if kind == "article":
            if rng.random() < 0.25:
                return kind, {"method": "GET", "url": "/articles", "params": {"limit": 20}}
            return kind, {"method": "GET", "url": f"/articles/{rng.choice(self.articles)}"}
        self.written += 1
        stamp = f"{os.getpid()}-{self.written}-{rng.random():.12f}"
        return kind, {"method": "POST", "url": "/articles", "headers": self.headers, "payload": {
            "id": f"load-{stamp}", "title": f"Load test article {stamp}", "published": "2025-02-04T09:47:00",
            "text": "Hong Kong stocks rose on Tuesday. The Hang Seng Index gained 1.2 percent to close at 20,789."}}


class Connection:
    """A lean HTTP/1.1 keep-alive connection over asyncio streams: the load generator shares
    the machine with the server, so it should spend as little CPU per request as it can."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, url: str, params: dict | None = None, headers: dict | None = None,
                      payload: dict | None = None) -> int:
        reused = self.writer is not None
        try:
            return await self._request(method, url, params, headers, payload)
        except ConnectionError:
            if not reused:
                raise
            # the server closed an idle keep-alive connection as the request left: send it again
            # on a new one, as HTTP clients do
            return await self._request(method, url, params, headers, payload)

    async def _request(self, method: str, url: str, params: dict | None, headers: dict | None,
                       payload: dict | None) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        target = url + ("?" + urlencode(params) if params else "")
        body = b"" if payload is None else json.dumps(payload).encode()
        lines = [f"{method} {target} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if payload is not None:
            lines.append("Content-Type: application/json")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        try:
            status_line = await self.reader.readline()
            if not status_line:
                raise ConnectionError("the server closed the connection")
            status = int(status_line.split()[1])
            length, chunked, close = 0, False, False
            while (line := await self.reader.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("latin-1").partition(":")
                name, value = name.strip().lower(), value.strip().lower()
                if name == "content-length":
                    length = int(value)
                elif name == "transfer-encoding" and "chunked" in value:
                    chunked = True
                elif name == "connection" and value == "close":
                    close = True
            if chunked:
                while (size := int((await self.reader.readline()).strip() or b"0", 16)) > 0:
                    await self.reader.readexactly(size + 2)
                await self.reader.readline()
            else:
                await self.reader.readexactly(length)
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            self.close()
            raise
        if close:
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def phase(base: str, mix: Mix, clients: int, seconds: float, seed: int, think: float = 0.0) -> dict:
    """``clients`` loops sending requests of the mix for ``seconds``, each waiting ``think``
    seconds (on average) between an answer and its next request; latencies by kind."""
    samples: dict[str, list[float]] = {k: [] for k in mix.kinds}
    errors: dict[str, int] = {k: 0 for k in mix.kinds}
    statuses: dict[str, int] = {}
    address = urlsplit(base)
    deadline = time.monotonic() + seconds

    async def loop(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        connection = Connection(address.hostname, address.port or 80)
        while time.monotonic() < deadline:
            kind, request = mix.request(rng)
            started = time.perf_counter()
            try:
                code = await connection.request(**request)
                status, failed = str(code), code >= 400
            except (OSError, ValueError, IndexError, asyncio.IncompleteReadError) as exc:
                status, failed = type(exc).__name__, True
            samples[kind].append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
            errors[kind] += failed
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))
        connection.close()

    started = time.monotonic()
    await asyncio.gather(*(loop(n) for n in range(clients)))
    elapsed = time.monotonic() - started
    kinds = {}
    for kind, values in samples.items():
        values.sort()
        kinds[kind] = {
            "requests": len(values), "errors": errors[kind],
            "p50_ms": 1000 * values[len(values) // 2] if values else None,
            "p99_ms": 1000 * values[min(len(values) - 1, int(len(values) * 0.99))] if values else None,
        }
    total = sum(len(v) for v in samples.values())
    return {"clients": clients, "think_s": think, "seconds": elapsed, "requests": total,
            "throughput_rps": total / elapsed, "errors": sum(errors.values()), "statuses": statuses, "kinds": kinds}


async def run(base: str, clients: int, duration: float, baseline_s: float, writes: float,
              headers: dict[str, str], think: float = 0.0) -> dict:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        mix = await Mix.discover(client, writes, headers)
    baseline = await phase(base, mix, 1, baseline_s, seed=1)
    loaded = await phase(base, mix, clients, duration, seed=2, think=think)
    for kind, figures in loaded["kinds"].items():
        single = baseline["kinds"].get(kind, {}).get("p50_ms")
        figures["p50_vs_one_client"] = figures["p50_ms"] / single if single and figures["p50_ms"] else None
    return {"baseline": baseline, "load": loaded, "entities": len(mix.entities), "articles": len(mix.articles),
            "writes": "write" in mix.kinds,
            "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}}


def report(result: dict) -> None:
    load, base = result["load"], result["baseline"]
    pace = f", {1000 * load['think_s']:.0f} ms think time" if load["think_s"] else ", no think time"
    print(f"{load['clients']} clients{pace} for {load['seconds']:.0f} s on {result['entities']} entities, "
          f"{result['articles']} articles: {load['requests']} requests, {load['throughput_rps']:.0f} req/s "
          f"({load['throughput_rps'] / base['throughput_rps']:.1f}x one client's {base['throughput_rps']:.0f} req/s), "
          f"{load['errors']} errors")
    print(f"{'kind':14} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p99 ms':>8} {'p50 vs 1 client':>16}")
    for kind, f in load["kinds"].items():
        ratio = f"{f['p50_vs_one_client']:.1f}x" if f["p50_vs_one_client"] else "-"
        p50 = f"{f['p50_ms']:.1f}" if f["p50_ms"] is not None else "-"
        p99 = f"{f['p99_ms']:.1f}" if f["p99_ms"] is not None else "-"
        print(f"{kind:14} {f['requests']:8d} {f['errors']:6d} {p50:>8} {p99:>8} {ratio:>16}")
    print("statuses:", ", ".join(f"{k}: {v}" for k, v in sorted(load["statuses"].items())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--duration", type=float, default=30, help="seconds of load (default 30)")
    parser.add_argument("--baseline", type=float, default=5, help="seconds of the one-client baseline (default 5)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a client waits between requests (default 0: back to back)")
    parser.add_argument("--store", type=Path, help="serve this store (default: the samples, ingested afresh)")
    parser.add_argument("--url", help="load a server that is already running (loopback only)")
    parser.add_argument("--writes", type=float, default=0.0,
                        help="share of POST /articles in the mix, when the server offers it (e.g. 0.05)")
    parser.add_argument("--header", action="append", default=[], metavar="NAME:VALUE",
                        help="a header for writes (an API key, say); repeatable")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    if args.url and not args.url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
        parser.error("the load test runs against loopback only")
    headers = dict(h.split(":", 1) for h in args.header)
    headers = {k.strip(): v.strip() for k, v in headers.items()}

    def measure(base: str) -> dict:
        return asyncio.run(run(base, args.clients, args.duration, args.baseline, args.writes, headers, args.think))

    if args.url:
        result = measure(args.url)
    else:
        # writes against our own server: it gets a key of this run's making, and the mix sends it
        key = secrets.token_hex(24) if args.writes and "Authorization" not in headers else None
        if key:
            headers["Authorization"] = f"Bearer {key}"
        with tempfile.TemporaryDirectory() as tmp:
            store = args.store or build_store(Path(tmp))
            with Server(store, api_key=key) as server:
                result = measure(server.url)
    name = f"load-{args.clients}" + (f"-think{args.think:g}" if args.think else "")
    output = args.output or ROOT / "benchmarks" / "results" / f"{name}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2))
    report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
