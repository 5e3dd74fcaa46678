"""The ``marketgraph`` console script, run as a user runs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, SAMPLES

MARKETGRAPH = [str(Path(sys.executable).with_name("marketgraph"))]


def run(*args, env, input=None):
    return subprocess.run(MARKETGRAPH + list(args), capture_output=True, text=True, env=env, input=input, timeout=300)


@pytest.mark.parametrize("command", ["", "ingest", "query", "load", "serve", "export"])
def test_help_explains_each_command(command, cli_env):
    result = run(*([command] if command else []), "--help", env=cli_env)
    assert result.returncode == 0
    assert "--store" in result.stdout or not command
    assert "MARKETGRAPH_STORE" in result.stdout or not command
    assert len(result.stdout.splitlines()) > 5


def test_ingest_then_query_in_every_format(cli_env, seed_path, tmp_path):
    store = tmp_path / "kg"
    # options after the paths, as the contract allows
    result = run("ingest", str(seed_path), str(SAMPLES / "wire.jsonl"), "--store", str(store), env=cli_env)
    assert result.returncode == 0, result.stderr
    assert "4 articles: 4 new" in result.stderr
    again = run("ingest", "--store", str(store), str(seed_path), env=cli_env)
    assert "1 articles: 0 new, 0 replaced, 1 unchanged" in again.stderr

    query = ('SELECT ?pct WHERE { ?m mg:index ?i ; mg:percentChange ?pct ; mg:date "2025-02-04"^^xsd:date . '
             '?i rdfs:label "Hang Seng Index" }')
    as_json = run("query", "--store", str(store), "--format", "json", query, env=cli_env)
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert data["head"]["vars"] == ["pct"]
    assert data["results"]["bindings"][0]["pct"]["value"] == "2.83"
    assert run("query", query, "--store", str(store), "--format", "csv", env=cli_env).stdout.splitlines() == ["pct", "2.83"]
    assert run("query", query, "--store", str(store), "--format", "tsv", env=cli_env).stdout.splitlines() == ["?pct", "2.83"]
    table = run("query", query, "--store", str(store), env=cli_env).stdout
    assert "2.83" in table and "(1 row)" in table


def test_store_defaults_to_the_environment(cli_env, seed_path):
    result = run("ingest", str(seed_path), env=cli_env)
    assert result.returncode == 0, result.stderr
    assert Path(cli_env["MARKETGRAPH_STORE"]).is_dir()


def test_bad_files_are_reported_skipped_and_flagged_in_the_exit_code(cli_env, tmp_path):
    readers = DATA / "readers"
    result = run("ingest", str(readers / "empty.txt"), str(readers / "binary.bin"), str(readers / "good.txt"),
                 str(tmp_path / "missing.txt"), env=cli_env)
    assert result.returncode == 1
    err = result.stderr
    assert "empty.txt: the file is empty" in err
    assert "binary.bin: this is a binary file" in err
    assert "missing.txt: no such file" in err
    assert "1 new" in err and "3 failed" in err
    assert "Traceback" not in err


def test_query_syntax_error_is_one_line(cli_env, seed_path):
    run("ingest", str(seed_path), env=cli_env)
    result = run("query", "SELECT ?x WHERE { ?x }", env=cli_env)
    assert result.returncode == 2
    assert result.stderr.startswith("error: SPARQL syntax error")
    assert "Traceback" not in result.stderr


def test_query_without_a_store_says_what_to_do(cli_env, tmp_path):
    result = run("query", "--store", str(tmp_path / "none"), "ASK {}", env=cli_env)
    assert result.returncode == 2
    assert "marketgraph ingest" in result.stderr


def test_load_and_export_round_trip(cli_env, tmp_path):
    data = tmp_path / "extra.nt"
    data.write_text('<https://example.test/a> <http://www.w3.org/2000/01/rdf-schema#label> "Example A" .\n')
    store = tmp_path / "kg"
    loaded = run("load", str(data), "--store", str(store), "--graph", "https://example.test/g", env=cli_env)
    assert loaded.returncode == 0, loaded.stderr
    assert "1 quads" in loaded.stderr
    rows = run("query", "--store", str(store), "--format", "csv",
               "SELECT ?l WHERE { GRAPH <https://example.test/g> { ?s rdfs:label ?l } }", env=cli_env)
    assert rows.stdout.splitlines() == ["l", "Example A"]
    dump = run("export", "--store", str(store), "--format", "nquads", env=cli_env)
    assert '<https://example.test/a> <http://www.w3.org/2000/01/rdf-schema#label> "Example A" <https://example.test/g> .' in dump.stdout
    bad = run("load", str(tmp_path / "data.xyz"), "--store", str(store), env=cli_env)
    assert bad.returncode == 1


def test_missing_spacy_model_names_the_package(cli_env, seed_path):
    cli_env["MARKETGRAPH_SPACY_MODEL"] = "en_core_web_nonexistent"
    result = run("ingest", str(seed_path), env=cli_env)
    assert result.returncode == 3
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "pip install en-core-web-nonexistent" in lines[0]


def test_stdin(cli_env):
    text = "Tokyo close\n\nThe Nikkei 225 fell 1.5 percent to 37,000.10 on Friday.\n"
    result = run("ingest", "-", env=cli_env, input=text)
    assert result.returncode == 0, result.stderr
    rows = run("query", "--format", "csv", "SELECT ?pct WHERE { ?m a mg:IndexMovement ; mg:percentChange ?pct }",
               env=cli_env)
    assert rows.stdout.splitlines() == ["pct", "-1.5"]


def test_search_neighborhood_and_paths_commands(cli_env, seed_path, tmp_path):
    import networkx as nx

    run("ingest", str(seed_path), env=cli_env)
    hits = run("search", "hang seng", env=cli_env).stdout.splitlines()
    assert hits[0].startswith("Hang Seng Index\tStockIndex")
    iri = hits[0].split("\t")[-1]
    view = json.loads(run("neighborhood", iri, "--comentions", env=cli_env).stdout)
    assert view["center"]["label"] == "Hang Seng Index" and len(view["nodes"]) > 5
    graphml = tmp_path / "hsi.graphml"
    graphml.write_bytes(subprocess.run(MARKETGRAPH + ["neighborhood", iri, "--comentions", "--format", "graphml"],
                                       capture_output=True, env=cli_env, timeout=120).stdout)
    assert nx.read_graphml(graphml).number_of_nodes() == len(view["nodes"])
    us = "https://w3id.org/marketgraph/id/entity/united-states"
    found = json.loads(run("paths", iri, us, env=cli_env).stdout)
    assert found["paths"] and found["paths"][0][-1]["iri"] == us
    bad = run("neighborhood", "https://w3id.org/marketgraph/id/entity/nope", env=cli_env)
    assert bad.returncode == 2 and "no entity" in bad.stderr


def test_export_json_ld_keeps_the_article_graphs(cli_env, seed_path, tmp_path):
    from rdflib import Dataset

    run("ingest", str(seed_path), env=cli_env)
    out = tmp_path / "kg.jsonld"
    result = run("export", "--format", "jsonld", "-o", str(out), env=cli_env)
    assert result.returncode == 0, result.stderr
    dataset = Dataset()
    dataset.parse(out, format="json-ld")
    graphs = {str(g.identifier) for g in dataset.graphs()}
    assert any("/id/article/" in g for g in graphs)
    assert "https://w3id.org/marketgraph/id/graph/entities" in graphs


def test_two_workers_write_the_same_graph(tmp_path, cli_env, seed_path):
    stores = []
    for workers in ("1", "2"):
        store = tmp_path / f"kg-{workers}"
        result = run("ingest", str(seed_path), str(SAMPLES / "wire.jsonl"), "--workers", workers, "--store", str(store),
                     env=cli_env)
        assert result.returncode == 0, result.stderr
        dump = run("export", "--store", str(store), "--format", "nquads", env=cli_env).stdout
        stores.append(sorted(line for line in dump.splitlines() if "graph/meta" not in line))
    assert stores[0] == stores[1] and len(stores[0]) > 1000
