"""Smoke test: each benchmark runs end to end on a tiny size, so it cannot rot (no timing asserted)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ingest_throughput_benchmark_runs(tmp_path):
    out = tmp_path / "ingest.json"
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ingest_throughput.py"), "--articles", "6",
                             "--output", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "ratio" in result.stdout
    data = json.loads(out.read_text())
    assert data["articles"] == 6 and data["marketgraph_ingest"]["triples"] > 0


def test_query_benchmark_runs(tmp_path):
    out = tmp_path / "queries.json"
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "queries.py"), "--triples", "3000",
                             "--runs", "3", "--output", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["quads"] >= 3000
    assert {"in_process", "http", "sparql"} <= set(data)
    assert all("rdflib" in q for q in data["sparql"].values())


def test_fuzzy_threshold_measurement_runs():
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fuzzy_threshold.py")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "best F1 at threshold" in result.stdout


def test_explorer_render_benchmark_runs(tmp_path):
    out = tmp_path / "explorer.json"
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "explorer_render.py"), "--nodes", "200",
                             "--baseline", "50", "--output", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "ratio" in result.stdout
    data = json.loads(out.read_text())
    assert data["big"]["nodes"] == 200 and data["baseline"]["nodes"] == 50


def test_load_benchmark_runs(tmp_path):
    out = tmp_path / "load.json"
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "load.py"), "--clients", "3", "--duration", "2",
                             "--baseline", "1", "--output", str(out)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "neighborhood" in result.stdout and "p99 ms" in result.stdout
    data = json.loads(out.read_text())
    assert data["load"]["clients"] == 3 and data["load"]["requests"] > 0
    assert set(data["load"]["kinds"]) == {"search", "neighborhood", "sparql", "article"}
    assert data["load"]["errors"] == 0, data["load"]["statuses"]
