"""A real `marketgraph serve` with and without an API key: what it says at start-up, and that the
key never appears in its output, whatever the clients send."""

from __future__ import annotations

import os
import subprocess
import time

import httpx
import pytest

from tests.live import MARKETGRAPH, free_port

KEY = "live-key-5f1c0e7a9b3d42c6"


def _serve(store, env) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([MARKETGRAPH, "serve", "--store", str(store), "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("the server did not start: " + process.communicate()[0])


def _stop(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        return process.communicate(timeout=30)[0]
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()[0]


def test_the_server_says_whether_writes_are_on_and_never_prints_a_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARKETGRAPH_")}
    process, base = _serve(tmp_path / "off", env)
    try:
        refused = httpx.delete(f"{base}/articles/0123abcd", headers={"Authorization": f"Bearer {KEY}"}, timeout=60)
    finally:
        output = _stop(process)
    assert refused.status_code == 403
    assert "write endpoints are disabled (403): no API key is configured" in output

    process, base = _serve(tmp_path / "on", {**env, "MARKETGRAPH_API_KEY": KEY})
    try:
        wrong = httpx.delete(f"{base}/articles/0123abcd", headers={"Authorization": f"Bearer {KEY[:-2]}zz"},
                             timeout=60)
        right = httpx.delete(f"{base}/articles/0123abcd", headers={"Authorization": f"Bearer {KEY}"}, timeout=60)
        posted = httpx.post(f"{base}/articles", headers={"Authorization": f"Bearer {KEY}"}, timeout=300,
                            json={"title": "Tiny", "text": "The Nikkei 225 rose 1 percent on Tuesday."})
    finally:
        output = _stop(process)
    assert (wrong.status_code, right.status_code, posted.status_code) == (401, 404, 200)
    assert "write endpoints are enabled: 1 API key from MARKETGRAPH_API_KEY" in output
    assert "DELETE /articles/0123abcd" in output  # requests are logged ...
    assert KEY not in output and KEY[:-2] not in output  # ... their keys are not


def _children(pid: int) -> set[int]:
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.add(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads the process table from /proc")
def test_the_nlp_process_of_writes_ends_with_a_killed_server(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARKETGRAPH_")}
    process, base = _serve(tmp_path / "kg", {**env, "MARKETGRAPH_API_KEY": KEY})
    before = _children(process.pid)
    try:
        posted = httpx.post(f"{base}/articles", headers={"Authorization": f"Bearer {KEY}"}, timeout=300,
                            json={"title": "Tiny", "text": "The Nikkei 225 rose 1 percent on Tuesday."})
        assert posted.status_code == 200, posted.text
        started = _children(process.pid) - before  # the NLP process (and multiprocessing's helper)
        assert started
    finally:
        process.kill()  # kill -9: no shutdown code runs
        process.wait(30)  # (not communicate(): a child left running would keep its output open)
        process.stdout.close()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = {pid for pid in started if _alive(pid)}
    assert not left, f"processes of the killed server still running: {left}"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended, unreaped
    except OSError:
        return False
