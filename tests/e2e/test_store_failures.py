"""The store in trouble, seen from the command line: held by another process, on a read-only
disk, on a full disk. Each ends with one clear line and a non-zero exit, and the store stays sound."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import SAMPLES
from tests.live import free_port

MARKETGRAPH = str(Path(sys.executable).with_name("marketgraph"))
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a mg:Article ; mg:contentHash ?h ; dcterms:title ?t }"


def run(*args: str, env: dict, **options) -> subprocess.CompletedProcess:
    return subprocess.run([MARKETGRAPH, *args], capture_output=True, text=True, env=env, timeout=300, **options)


def count(store: Path, env: dict, query: str = COUNT) -> int:
    result = run("query", "--store", str(store), "--format", "csv", query, env=env)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[1])


def assert_one_clear_line(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 3, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def holds_lock(pid: int, store: Path) -> bool:
    """Whether process ``pid`` has the store's lock file open."""
    lock = str(store / "LOCK")
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except FileNotFoundError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == lock:
                return True
        except OSError:
            continue
    return False


@contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A small tmpfs at ``path`` (root only), unmounted afterwards."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_a_second_writer_is_refused_while_an_ingest_holds_the_store(cli_env, seed_path, tmp_path):
    store = tmp_path / "kg"
    assert run("load", "--store", str(store), str(SAMPLES.parent / "ontologies" / "marketgraph.ttl"),
               env=cli_env).returncode == 0
    before = count(store, cli_env)
    # an ingest reading stdin holds the store until its input ends
    first = subprocess.Popen([MARKETGRAPH, "ingest", "-", "--store", str(store), "--no-progress"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env)
    try:
        deadline = time.monotonic() + 120
        while not holds_lock(first.pid, store):
            assert first.poll() is None, first.stderr.read()
            assert time.monotonic() < deadline, "the first ingest never opened the store"
            time.sleep(0.1)

        second = run("ingest", str(SAMPLES / "wire.jsonl"), "--store", str(store), env=cli_env)
        assert_one_clear_line(second, str(store), "in use by another process")
        serve = run("serve", "--store", str(store), "--port", str(free_port()), env=cli_env)
        assert_one_clear_line(serve, "in use by another process")
        load = run("load", "--store", str(store), str(SAMPLES.parent / "ontologies" / "marketgraph.ttl"),
                   env=cli_env)
        assert_one_clear_line(load, "in use by another process")

        _, err = first.communicate(seed_path.read_bytes(), timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0, err
    assert b"1 articles: 1 new" in err
    # the refused writers left no trace; the first one's article is whole
    assert count(store, cli_env, ARTICLES) == 1
    assert count(store, cli_env) > before


def test_a_read_only_disk_refuses_writes_clearly_and_still_serves(cli_env, tmp_path):
    with tmpfs(tmp_path / "disk", "20m") as disk:
        store = disk / "kg"
        loaded = run("ingest", str(SAMPLES / "wire.jsonl"), "--store", str(store), env=cli_env)
        assert loaded.returncode == 0, loaded.stderr
        quads = count(store, cli_env)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)

        ingest = run("ingest", str(SAMPLES), "--store", str(store), env=cli_env)
        assert_one_clear_line(ingest, str(store), "Read-only file system")
        load = run("load", str(SAMPLES.parent / "ontologies" / "marketgraph.ttl"), "--store", str(store),
                   env=cli_env)
        assert_one_clear_line(load, "Read-only file system")
        assert count(store, cli_env) == quads  # reading needs no writes

        port = free_port()
        server = subprocess.Popen([MARKETGRAPH, "serve", "--store", str(store), "--port", str(port)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=cli_env)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 60
            while True:
                try:
                    health = httpx.get(base + "/health", timeout=2)
                    break
                except httpx.TransportError:
                    assert server.poll() is None, server.stdout.read()
                    assert time.monotonic() < deadline
                    time.sleep(0.2)
            assert health.json()["quads"] == quads
            answer = httpx.get(base + "/sparql", params={"query": COUNT}, headers={"Accept": "text/csv"})
            assert answer.text.split() == ["n", str(quads)]
        finally:
            server.terminate()
            output, _ = server.communicate(timeout=30)
        assert "serving the store read-only" in output
        assert "Read-only file system" in output


@pytest.mark.slow
def test_a_full_disk_stops_the_ingest_clearly_and_loses_nothing_written(cli_env, seed_path, tmp_path):
    """Ingest onto a 1 MiB disk: it fails with one line naming the full disk; the store still
    opens, and once there is room the same ingest completes to what a roomy disk holds."""
    reference = tmp_path / "reference"
    full = run("ingest", str(SAMPLES), str(seed_path), "--store", str(reference), env=cli_env)
    assert full.returncode == 0, full.stderr
    expected = count(reference, cli_env)
    with tmpfs(tmp_path / "disk", "1m") as disk:
        store = disk / "kg"
        result = run("ingest", str(SAMPLES), str(seed_path), "--store", str(store), "--batch-size", "4",
                     env=cli_env)
        assert_one_clear_line(result, "No space left on device")
        # each batch is one transaction: whatever is there is whole articles
        held = count(store, cli_env, ARTICLES)
        assert 0 <= held < 11
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        again = run("ingest", str(SAMPLES), str(seed_path), "--store", str(store), env=cli_env)
        assert again.returncode == 0, again.stderr
        assert f"{11 - held} new" in again.stderr
        assert count(store, cli_env) == expected


def test_a_failed_write_leaves_the_store_as_it_was(settings, tmp_path, seed_path):
    """Fault injection, without root: the store's writes fail as on a full disk."""
    from graph.errors import StoreError
    from graph.store import open_store
    from tests.conftest import ingest_into

    store = open_store(tmp_path / "kg")
    store.ensure_ontology(settings.ontology)
    before = store.triple_count()

    class FullDisk:
        def __init__(self, inner):
            self._inner = inner

        def extend(self, quads):
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, name):
            return getattr(self._inner, name)

    real = store._store
    store._store = FullDisk(real)
    try:
        with pytest.raises(StoreError, match="writing to the store failed: .*No space left on device"):
            ingest_into(store, settings, seed_path)
    finally:
        store._store = real
    assert store.triple_count() == before
    summary = ingest_into(store, settings, seed_path)
    assert summary.new == 1 and summary.failed == 0
    store.close()
