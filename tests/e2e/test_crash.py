"""Crash safety: ``kill -9`` an ingest at random moments, reopen the store, check it, ingest again.

Two writers are killed: ``marketgraph ingest`` and a ``marketgraph serve`` receiving
``POST /articles`` batches (multipart uploads of the same files, a background job every
third round). Each round writes into the store the previous round left behind (so every round
is also the re-run that must complete a crashed ingest); when a round finds the store complete,
it compares it with the reference and starts again from an empty store.

The moment of the kill is chosen three ways, in turn:

* ``time``: a random moment between the end of the model loading and the expected end;
* ``store``: right after the k-th write lands in Oxigraph's write-ahead log (k random): the
  window between the store's commit and the full-text index catching up;
* ``text``: right after the k-th write to the full-text index's SQLite log.

After each kill the store must open; every article graph in it must be exactly the reference
ingest's graph of that article (never part of one); entity descriptions must be a subset of the
reference's with one label per entity; the full-text index must either say it is out of step or
list exactly the stored articles, and list exactly them after the next search; the projection must
build. ``make stress`` runs 50 rounds of each (``@pytest.mark.slow``); the fast suite runs 3.

Figures of a run are printed (``-s``) and written to ``benchmarks/results/crash-*.json``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from tests.conftest import DATA, ROOT, SAMPLES, SEED
from tests.live import MARKETGRAPH, free_port

KEY = "crash-test-key-0123456789"
ARTICLE_PREFIX = "https://w3id.org/marketgraph/id/article/"
ENTITIES = "https://w3id.org/marketgraph/id/graph/entities"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RESULTS = ROOT / "benchmarks" / "results"


def _inputs(dev: int = 20) -> list[Path]:
    """The samples (ten articles, in text, HTML and JSON Lines), the seed and ``dev`` dev articles."""
    files = sorted(SAMPLES.iterdir()) + sorted((DATA / "dev").glob("*.txt"))[:dev]
    return files + ([SEED] if SEED.exists() else [])


@dataclass
class Setup:
    """What every round starts from: the inputs, an empty store, and the reference ingest."""

    env: dict[str, str]
    files: list[Path]
    base: Path
    reference: Snapshot
    full: float  # seconds for an uninterrupted ingest
    load: float  # seconds for a re-run that skips every article: loading the model and the gazetteer


def prepare(tmp: Path, settings, dev: int = 20) -> Setup:
    env, files = _env(tmp), _inputs(dev)
    base = _base_store(tmp, settings)
    reference, full, load = _reference(tmp, base, env, files)
    return Setup(env, files, base, reference, full, load)


def _env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(MARKETGRAPH_BATCH_SIZE="2", MARKETGRAPH_API_KEY=KEY, MARKETGRAPH_SYNC_BATCH_LIMIT="1000")
    env.pop("MARKETGRAPH_STORE", None)
    return env


# -- reading a store as it is on disk -------------------------------------------------------


@dataclass
class Snapshot:
    graphs: dict[str, frozenset[str]]  # article graph -> its quads (N-Quads lines)
    entities: frozenset[str]
    labels: Counter
    revisions: int
    text_revision: str | None
    text_articles: set[str] | None
    store_revision: str = ""
    projection_articles: set[str] = field(default_factory=set)


def _nquad(quad) -> str:
    return f"{quad.subject} {quad.predicate} {quad.object} ."


def _text_state(store_path: Path) -> tuple[str | None, set[str] | None]:
    path = store_path.with_name(store_path.name + ".fts.sqlite")
    if not path.exists():
        return None, None
    db = sqlite3.connect(path)
    try:
        meta = db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return (meta[0] if meta else None), {row[0] for row in db.execute("SELECT iri FROM article")}
    finally:
        db.close()


def read_store(store_path: Path, *, repair: bool = True) -> Snapshot:
    """Open the store as a restarted process would, and read everything the checks need."""
    import pyoxigraph as ox

    from graph.projection import Projection
    from graph.store import open_store

    text_revision, text_articles = _text_state(store_path)  # before opening: as the crash left it
    store = open_store(store_path)
    try:
        raw = store._store  # the test reads every quad; the application goes through the Store interface
        graphs: dict[str, set[str]] = defaultdict(set)
        entities: set[str] = set()
        labels: Counter = Counter()
        for quad in raw:
            graph = quad.graph_name
            if isinstance(graph, ox.NamedNode) and graph.value.startswith(ARTICLE_PREFIX):
                graphs[graph.value].add(_nquad(quad))
            elif isinstance(graph, ox.NamedNode) and graph.value == ENTITIES:
                entities.add(_nquad(quad))
                if quad.predicate.value == LABEL:
                    labels[quad.subject.value] += 1
        revisions = len(store.select("SELECT ?r WHERE { GRAPH ?g { ?s mg:revision ?r } }"))
        snapshot = Snapshot({g: frozenset(q) for g, q in graphs.items()}, frozenset(entities), labels, revisions,
                            text_revision, text_articles, store.revision())
        if repair:
            store.search_text("market")  # brings the text index into step
            projection = Projection(store)
            projection.refresh()
            snapshot.projection_articles = set(projection.article_dates)
    finally:
        store.close()
    return snapshot


def check(snapshot: Snapshot, reference: Snapshot, store_path: Path) -> list[str]:
    """What is wrong with a store after a crash (empty when nothing is)."""
    problems = []
    for graph, quads in snapshot.graphs.items():
        expected = reference.graphs.get(graph)
        if expected is None:
            problems.append(f"{graph}: an article the reference does not have")
        elif quads != expected:
            problems.append(f"{graph}: {len(quads)} quads, not the {len(expected)} of the complete article "
                            f"({len(quads - expected)} extra, {len(expected - quads)} missing)")
    extra = snapshot.entities - reference.entities
    if extra:
        problems.append(f"{len(extra)} entity triples the reference does not have, e.g. {sorted(extra)[0]}")
    doubled = [e for e, n in snapshot.labels.items() if n != 1]
    if doubled:
        problems.append(f"entities with more than one label: {doubled[:3]}")
    mentioned = {q.split(" ")[2].strip("<>") for quads in snapshot.graphs.values() for q in quads
                 if "/ontology#mentions>" in q}
    unlabelled = mentioned - set(snapshot.labels)
    if unlabelled:
        problems.append(f"mentioned entities without a description: {sorted(unlabelled)[:3]}")
    if snapshot.graphs and snapshot.revisions < 1:
        problems.append("a store with articles but no revision")
    stored = set(snapshot.graphs)
    if snapshot.text_revision == snapshot.store_revision and snapshot.text_articles != stored:
        problems.append("the text index claims to be in step but lists other articles")
    after = _text_state(store_path)
    if after[0] != snapshot.store_revision or after[1] != stored:
        problems.append("the text index did not catch up with the store at the first search")
    if snapshot.projection_articles != stored:
        problems.append("the projection does not hold the stored articles")
    return problems


# -- the rounds -----------------------------------------------------------------------------


@dataclass
class Tally:
    writer: str
    rounds: int = 0
    kills: Counter = field(default_factory=Counter)  # by trigger
    before_first_write: int = 0  # killed while loading the model or before its first batch was in
    mid_ingest: int = 0  # killed with some of its articles written and some not
    finished_first: int = 0  # the writer was done before the kill
    text_stale_after_kill: int = 0  # the crash left the text index out of step (repaired at the next search)
    completed_stores: int = 0  # times a store reached the complete reference state through re-runs
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict:
        return {"writer": self.writer, "rounds": self.rounds, "kills_by_trigger": dict(self.kills),
                "killed_before_first_write": self.before_first_write, "killed_mid_ingest": self.mid_ingest,
                "finished_before_kill": self.finished_first, "text_index_left_stale": self.text_stale_after_kill,
                "stores_completed_by_reruns": self.completed_stores, "failures": len(self.failures),
                "seconds": round(self.seconds, 1)}


def _wal_sizes(store_path: Path) -> int:
    """Bytes in Oxigraph's (RocksDB's) write-ahead logs: they grow with each committed write."""
    total = 0
    for path in store_path.glob("*.log"):
        try:
            total += path.stat().st_size
        except FileNotFoundError:
            pass
    return total


def _text_wal(store_path: Path) -> int:
    path = store_path.with_name(store_path.name + ".fts.sqlite-wal")
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def _kill_when(process: subprocess.Popen, trigger: str, store_path: Path, rng: random.Random,
               window: tuple[float, float], writes_left: int) -> bool:
    """Kill ``process`` (by its pid) at the moment the trigger picks; False when it ended first."""
    started = time.monotonic()
    if trigger == "time":
        deadline = started + rng.uniform(*window)
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            time.sleep(0.005)
    else:
        probe = (lambda: _wal_sizes(store_path)) if trigger == "store" else (lambda: _text_wal(store_path))
        wanted = rng.randint(1, max(1, writes_left))
        last, seen = probe(), 0
        give_up = started + window[1] * 3
        while seen < wanted:
            if process.poll() is not None or time.monotonic() > give_up:
                return process.poll() is None and _kill(process)
            now = probe()
            if now != last:
                last, seen = now, seen + 1
            else:
                time.sleep(0.001)
    return _kill(process)


def _kill(process: subprocess.Popen) -> bool:
    if process.poll() is not None:
        return False
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    return True


def _base_store(tmp: Path, settings) -> Path:
    """An empty store with the ontology, as `marketgraph ingest` leaves it before its first article."""
    from graph.store import open_store

    path = tmp / "base"
    store = open_store(path)
    store.ensure_ontology(settings.ontology)
    store.close()
    return path


def _fresh_copy(base: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    for suffix in (".fts.sqlite", ".fts.sqlite-wal", ".fts.sqlite-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    shutil.copytree(base, target)


def _ingest(store: Path, env: dict, files: list[Path]) -> subprocess.Popen:
    return subprocess.Popen([MARKETGRAPH, "ingest", "--no-progress", "--store", str(store), *map(str, files)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _reference(tmp: Path, base: Path, env: dict, files: list[Path]) -> tuple[Snapshot, float, float]:
    """The store an uninterrupted ingest writes, its duration, and the duration of a no-op re-run
    (loading the model and the gazetteer, then skipping every article)."""
    path = tmp / "reference"
    _fresh_copy(base, path)
    began = time.monotonic()
    first = _ingest(path, env, files)
    assert first.wait(timeout=900) == 0, first.stderr.read()
    full = time.monotonic() - began
    began = time.monotonic()
    again = _ingest(path, env, files)
    assert again.wait(timeout=900) == 0, again.stderr.read()
    load = time.monotonic() - began
    return read_store(path), full, load


def _round_report(tally: Tally, store: Path, reference: Snapshot, before: int, killed: bool, label: str) -> bool:
    """Check the store after a round; True when it is complete (and then equal to the reference)."""
    snapshot = read_store(store)
    after = len(snapshot.graphs)
    if not killed:
        tally.finished_first += 1
    elif after == before:
        tally.before_first_write += 1
    else:
        tally.mid_ingest += 1
    if snapshot.text_revision != snapshot.store_revision:
        tally.text_stale_after_kill += 1
    problems = check(snapshot, reference, store)
    tally.failures += [f"{label}: {p}" for p in problems]
    complete = set(snapshot.graphs) == set(reference.graphs)
    if complete and not problems:
        if snapshot.graphs != reference.graphs or snapshot.entities != reference.entities:
            tally.failures.append(f"{label}: complete, but not equal to the reference")
        tally.completed_stores += 1
    return complete


def crash_cli(tmp: Path, setup: Setup, rounds: int, seed: int) -> Tally:
    rng = random.Random(seed)
    env, files, base, reference, full, load = (setup.env, setup.files, setup.base, setup.reference, setup.full,
                                               setup.load)
    tally = Tally("marketgraph ingest")
    store = tmp / "kg"
    _fresh_copy(base, store)
    began = time.monotonic()
    triggers = ("time", "store", "text")
    for n in range(rounds):
        trigger = triggers[n % 3]
        before = len(read_store(store, repair=False).graphs)
        left = len(reference.graphs) - before
        expected = load + (full - load) * left / len(reference.graphs)
        process = _ingest(store, env, files)
        killed = _kill_when(process, trigger, store, rng, (load * 0.8, expected * 1.1), left // 2 + 1)
        tally.rounds += 1
        tally.kills[trigger if killed else "none"] += 1
        if _round_report(tally, store, reference, before, killed, f"round {n} ({trigger})"):
            _fresh_copy(base, store)
    final = _ingest(store, env, files)  # the last re-run completes whatever the last kill left
    assert final.wait(timeout=900) == 0
    _round_report(tally, store, reference, len(reference.graphs), False, "final re-run")
    tally.finished_first -= 1
    tally.seconds = time.monotonic() - began
    return tally


# -- the server ------------------------------------------------------------------------------


def _serve(store: Path, env: dict) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([MARKETGRAPH, "serve", "--store", str(store), "--port", str(port)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            _kill(process)
            pytest.fail("the server did not start")
        time.sleep(0.1)


def _post_all(base: str, files: list[Path], as_job: bool, errors: list[str],
              done: threading.Event | None = None) -> None:
    """Post the files as multipart batches of four (or one background job), as a client would;
    ``done`` is set when every batch was answered (the server was not killed first)."""
    headers = {"Authorization": f"Bearer {KEY}"}
    chunks = [files] if as_job else [files[i:i + 4] for i in range(0, len(files), 4)]
    try:
        with httpx.Client(timeout=600) as client:
            for chunk in chunks:
                upload = [("file", (p.name, p.read_bytes())) for p in chunk]
                response = client.post(base + "/articles", files=upload, headers=headers,
                                       params={"background": str(as_job).lower()})
                if response.status_code not in (200, 202):
                    errors.append(f"POST answered {response.status_code}: {response.text[:200]}")
                    return
                if as_job:
                    job = response.headers["location"]
                    while client.get(base + job, headers=headers).json()["status"] in ("queued", "running"):
                        time.sleep(0.05)
        if done is not None:
            done.set()
    except httpx.TransportError:
        pass  # the server was killed


def crash_server(tmp: Path, setup: Setup, rounds: int, seed: int) -> Tally:
    rng = random.Random(seed)
    env, files, base_store, reference, full, load = (setup.env, setup.files, setup.base, setup.reference,
                                                     setup.full, setup.load)
    tally = Tally("marketgraph serve, POST /articles")
    store = tmp / "served"
    _fresh_copy(base_store, store)
    began = time.monotonic()
    triggers = ("time", "store", "text")
    client_errors: list[str] = []
    for n in range(rounds):
        trigger = triggers[n % 3]
        before = len(read_store(store, repair=False).graphs)
        left = len(reference.graphs) - before
        process, base = _serve(store, env)
        answered = threading.Event()
        poster = threading.Thread(target=_post_all, args=(base, files, n % 3 == 2, client_errors, answered),
                                  daemon=True)
        poster.start()
        expected = load + (full - load) * left / len(reference.graphs)
        killed = _kill_when(process, trigger, store, rng, (load * 0.5, expected * 1.2), left // 2 + 1)
        if not killed:
            pytest.fail("the server exited by itself")
        poster.join(timeout=60)
        finished = answered.is_set()
        tally.rounds += 1
        tally.kills[trigger] += 1
        if _round_report(tally, store, reference, before, not finished, f"round {n} ({trigger})"):
            _fresh_copy(base_store, store)
    process, base = _serve(store, env)  # restart and post everything once more: it completes the store
    try:
        _post_all(base, files, False, client_errors)
    finally:
        process.terminate()
        process.wait(timeout=60)
    _round_report(tally, store, reference, len(reference.graphs), False, "final re-post")
    tally.finished_first -= 1
    tally.failures += client_errors
    tally.seconds = time.monotonic() - began
    return tally


def _record(tally: Tally, name: str) -> None:
    summary = tally.summary()
    print(json.dumps(summary, indent=1))
    if len(tally.failures):
        print("\n".join(tally.failures[:20]))
    if tally.rounds >= 50:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"crash-{name}.json").write_text(json.dumps(summary, indent=1) + "\n")


@pytest.fixture(scope="module")
def stress_setup(tmp_path_factory, settings) -> Setup:
    return prepare(tmp_path_factory.mktemp("crash"), settings)


@pytest.mark.slow
def test_kill_9_during_cli_ingest_50_rounds(tmp_path, stress_setup):
    tally = crash_cli(tmp_path, stress_setup, rounds=int(os.environ.get("CRASH_ROUNDS", 50)), seed=7)
    _record(tally, "cli")
    assert tally.failures == []
    assert tally.mid_ingest >= tally.rounds // 5  # the kills did land while articles were being written


@pytest.mark.slow
def test_kill_9_during_post_batches_50_rounds(tmp_path, stress_setup):
    tally = crash_server(tmp_path, stress_setup, rounds=int(os.environ.get("CRASH_ROUNDS", 50)), seed=11)
    _record(tally, "server")
    assert tally.failures == []
    assert tally.mid_ingest >= tally.rounds // 5


def test_kill_9_during_ingest_a_few_rounds(tmp_path, settings):
    """The fast variant, on the ten sample articles and the seed: three rounds of `marketgraph ingest`
    (one per trigger) and one of the server."""
    setup = prepare(tmp_path, settings, dev=0)
    cli = crash_cli(tmp_path / "cli", setup, rounds=3, seed=1)
    _record(cli, "cli")
    assert cli.failures == [], cli.failures[:5]
    server = crash_server(tmp_path / "server", setup, rounds=1, seed=2)
    _record(server, "server")
    assert server.failures == [], server.failures[:5]
