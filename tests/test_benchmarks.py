"""Smoke test: each benchmark runs end to end on a tiny size, so it cannot rot (no timing asserted)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_ingest_throughput_benchmark_runs(tmp_path):
    out = tmp_path / "ingest.json"
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ingest_throughput.py"), "--articles", "6",
                             "--synthetic", "--output", str(out)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "ratio" in result.stdout
    data = json.loads(out.read_text())
    assert data["articles"] == 6 and data["marketgraph_ingest"]["triples"] > 0


def test_query_and_scaling_benchmarks_run(tmp_path):
    for size in (3000, 6000):
        out = tmp_path / f"queries-{size}.json"
        result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "queries.py"), "--triples", str(size),
                                 "--runs", "3", "--output", str(out)], capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        data = json.loads(out.read_text())
        assert data["quads"] >= size
        assert {"in_process", "http", "sparql", "bulk_load", "projection"} <= set(data)
        assert all("rdflib" in q for q in data["sparql"].values())
        assert data["bulk_load"]["peak_rss_mib"] > 0 and data["server_rss_mib"] > 0
        assert "neighborhood hot 2-hop" in data["http"] and "path hot-rare" in data["http"]
    scaling = [sys.executable, str(ROOT / "benchmarks" / "scaling.py"), "--sizes", "3000", "6000",
               "--results", str(tmp_path)]
    result = subprocess.run(scaling + ["--no-chart"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "neighborhood hot 1-hop" in (tmp_path / "scaling.md").read_text()
    pytest.importorskip("matplotlib")  # the `bench` extra
    chart = tmp_path / "scaling.png"
    result = subprocess.run(scaling + ["--chart", str(chart)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert chart.read_bytes()[:4] == b"\x89PNG"


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


def test_article_generator_is_deterministic_and_readable(tmp_path):
    from ingest.sources import read_paths

    outputs = []
    for name in ("a.jsonl", "b.jsonl"):
        out = tmp_path / name
        result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--articles", "20",
                                 "--output", str(out)], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    articles = list(read_paths([tmp_path / "a.jsonl"]))
    assert len(articles) == 20 and all(a.body and a.title and a.reference_date for a in articles)
