"""Helpers for tests that talk to a real `marketgraph serve` process or share its queries."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

MARKETGRAPH = str(Path(sys.executable).with_name("marketgraph"))

#: The Hang Seng's move on the seed article's day: what a user checks first.
HSI_MOVE = """
SELECT ?type ?pct ?close ?date WHERE {
  ?index rdfs:label "Hang Seng Index" ; a ?type .
  ?m a mg:IndexMovement ; mg:index ?index ; mg:percentChange ?pct ; mg:closeLevel ?close ; mg:date ?date .
  FILTER(?date = "2025-02-04"^^xsd:date)
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(store: Path, timeout: float = 60) -> Iterator[str]:
    """Run `marketgraph serve` on a free loopback port; yields its base URL."""
    port = free_port()
    process = subprocess.Popen([MARKETGRAPH, "serve", "--store", str(store), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
            if process.poll() is not None:
                pytest.fail("server exited: " + process.stdout.read())
            if time.monotonic() > deadline:
                pytest.fail(f"server did not answer within {timeout:.0f} s")
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
