"""The ``marketgraph`` console script: the same operations as the HTTP API.

Every command takes ``--store DIR`` (default: ``$MARKETGRAPH_STORE``, else
``./data/store``); options may come before or after the paths.
"""

from __future__ import annotations

import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from api.settings import Settings

app = typer.Typer(
    name="marketgraph",
    help=(
        "Build a knowledge graph of companies, indices, countries, policies and analyst firms from "
        "financial news, and query it over SPARQL or HTTP.\n\n"
        "Typical use: `marketgraph ingest samples/` then `marketgraph serve` and open http://127.0.0.1:8000/docs."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

StoreOption = Annotated[
    Optional[Path],
    typer.Option(
        "--store",
        envvar="MARKETGRAPH_STORE",
        show_envvar=True,
        help="Folder of the on-disk Oxigraph store (created if missing). Default: ./data/store.",
        file_okay=False,
    ),
]


class ResultFormat(str, Enum):
    json = "json"
    csv = "csv"
    tsv = "tsv"
    table = "table"


def _settings(store: Path | None) -> Settings:
    settings = Settings()
    if store is not None:
        settings.store = store
    return settings


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.secho(f"error: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def _open(settings: Settings, *, read_only: bool = False):
    from graph.errors import StoreError
    from graph.store import open_store

    try:
        return open_store(settings.store, read_only=read_only)
    except StoreError as exc:
        raise _fail(str(exc), 3) from None


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders of articles (.txt, .html, .jsonl); - reads stdin.", show_default=False)],
    store: StoreOption = None,
    encoding: Annotated[str, typer.Option(help="Text encoding of the input files.")] = "utf-8",
    batch_size: Annotated[Optional[int], typer.Option("--batch-size", min=1, help="Articles per NLP batch and per store transaction.")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Extraction processes (NLP and extractors run in parallel; the store is written in article order).")] = 1,
    progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress", help="Show a progress bar (default: on a terminal).")] = None,
) -> None:
    """Ingest news articles into the knowledge graph.

    Reads plain-text news pages (header, "Published: …", "By …" byline, body), HTML pages
    (main text and metadata via trafilatura) and JSON Lines with
    {"id","title","published","text","url"}; folders are read recursively. An article
    already in the store unchanged is skipped; a changed version replaces its graph.
    Unreadable files are reported and skipped, and the exit code is then 1.
    """
    from tqdm import tqdm

    from graph.errors import StoreError
    from ingest.errors import ModelNotInstalled

    settings = _settings(store)
    kg = _open(settings)
    kg.ensure_ontology(settings.ontology)
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=None, unit=" articles", desc="ingest", disable=not show, file=sys.stderr, smoothing=0.1)

    def on_error(error) -> None:
        bar.clear()
        typer.secho(f"skipped {error}", fg=typer.colors.YELLOW, err=True)

    from api.service import ingest_paths

    try:
        summary = ingest_paths(
            paths, kg, model=settings.spacy_model, gazetteer_dir=settings.gazetteer_dir, lexicon=settings.lexicon,
            stdin=sys.stdin.buffer, encoding=encoding, batch_size=batch_size or settings.batch_size,
            workers=workers, on_error=on_error, on_article=bar.update,
        )
    except ModelNotInstalled as exc:
        bar.close()
        raise _fail(str(exc), 3) from None
    except StoreError as exc:
        bar.close()
        raise _fail(str(exc), 3) from None
    finally:
        kg.close()
    bar.close()
    typer.echo(f"ingested {summary.line()}", err=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL 1.1 query; '-' reads it from stdin; '@FILE' from a file.", show_default=False)],
    store: StoreOption = None,
    format: Annotated[ResultFormat, typer.Option("--format", "-f", help="Output: W3C SPARQL JSON, CSV, TSV or a text table.")] = ResultFormat.table,
) -> None:
    """Run a SPARQL query over the union of all graphs and print the results.

    The prefixes mg, id, rdf, rdfs, owl, skos, xsd, dcterms, prov, schema and wd are predeclared.
    CONSTRUCT and DESCRIBE print Turtle (N-Triples with --format csv/tsv).

    Example: marketgraph query 'SELECT ?i ?pct WHERE { ?m a mg:IndexMovement ; mg:index ?i ; mg:percentChange ?pct }'
    """
    from graph.errors import QuerySyntaxError, StoreError
    from graph.store import result_kind, serialize_results

    if sparql == "-":
        sparql = sys.stdin.read()
    elif sparql.startswith("@"):
        try:
            sparql = Path(sparql[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise _fail(f"cannot read {sparql[1:]}: {exc.strerror}") from None
    settings = _settings(store)
    if not settings.store.exists():
        raise _fail(f"no store at {settings.store}: run `marketgraph ingest` first or pass --store")
    kg = _open(settings, read_only=True)
    try:
        result = kg.query(sparql)
        kind = result_kind(result)
        if kind == "graph":
            out = serialize_results(result, "turtle" if format in (ResultFormat.table, ResultFormat.json) else "ntriples")
            sys.stdout.buffer.write(out)
        elif format is ResultFormat.table:
            typer.echo(_table(result, kind))
        else:
            sys.stdout.buffer.write(serialize_results(result, format.value))
            if format is ResultFormat.json:
                sys.stdout.buffer.write(b"\n")
    except QuerySyntaxError as exc:
        raise _fail(f"SPARQL syntax error: {exc}") from None
    except StoreError as exc:
        raise _fail(str(exc), 3) from None
    finally:
        kg.close()


def _table(result, kind: str) -> str:
    from graph.store import term_value

    if kind == "boolean":
        return "true" if bool(result) else "false"
    names = [v.value for v in result.variables]
    rows = [[_cell(term_value(row[n])) for n in names] for row in result]
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _cell(value) -> str:
    if value is None:
        return ""
    text = str(value).replace("\n", " ")
    return text if len(text) <= 80 else text[:77] + "..."


@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="RDF files: .nq, .nt, .ttl, .trig, .rdf.", show_default=False, dir_okay=False)],
    store: StoreOption = None,
    graph: Annotated[Optional[str], typer.Option(help="Load triples into this named graph (default: the default graph, or the graphs a quad file names).")] = None,
) -> None:
    """Bulk-load RDF files (N-Quads, N-Triples, Turtle, TriG, RDF/XML) into the store."""
    from graph.errors import GraphError
    from graph.store import format_for_path

    settings = _settings(store)
    kg = _open(settings)
    failed = 0
    try:
        for file in files:
            try:
                started = time.perf_counter()
                added = kg.load(file, format_for_path(file), graph)
                seconds = time.perf_counter() - started
                typer.echo(f"loaded {file}: {added} quads in {seconds:.2f} s ({added / max(seconds, 1e-9):,.0f} quads/s)",
                           err=True)
            except GraphError as exc:
                failed += 1
                typer.secho(f"skipped {exc}", fg=typer.colors.YELLOW, err=True)
            except FileNotFoundError:
                failed += 1
                typer.secho(f"skipped {file}: no such file", fg=typer.colors.YELLOW, err=True)
    finally:
        kg.close()
    if failed:
        raise typer.Exit(1)


@app.command()
def export(
    store: StoreOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="nquads, trig, jsonld, turtle, ntriples or rdfxml (triple formats merge all graphs).")] = "nquads",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Dump the whole store as RDF."""
    from graph.errors import GraphError

    settings = _settings(store)
    kg = _open(settings, read_only=True)
    try:
        if output:
            with output.open("wb") as handle:
                kg.dump(handle, format)
        else:
            kg.dump(sys.stdout.buffer, format)
    except GraphError as exc:
        raise _fail(str(exc)) from None
    finally:
        kg.close()


@app.command()
def serve(
    store: StoreOption = None,
    host: Annotated[Optional[str], typer.Option(help="Interface to listen on. Default: 127.0.0.1.")] = None,
    port: Annotated[Optional[int], typer.Option(min=1, max=65535, help="TCP port. Default: 8000.")] = None,
) -> None:
    """Serve the HTTP API: /sparql, /entities/search, /entities/neighborhood, /health and /docs.

    Opens any Oxigraph store folder, not only ones marketgraph wrote.
    """
    import uvicorn

    from api.app import create_app

    settings = _settings(store)
    if host:
        settings.host = host
    if port:
        settings.port = port
    if not settings.store.exists():
        typer.echo(f"note: no store at {settings.store}; starting with an empty one", err=True)
    from api.auth import KeyConfigError, KeyRing

    try:
        keys = KeyRing.from_settings(settings)
    except KeyConfigError as exc:
        raise _fail(str(exc)) from None
    from graph.errors import StoreError, StoreLocked
    from graph.store import open_store

    try:
        kg = open_store(settings.store, read_only=settings.read_only)
    except StoreLocked as exc:
        raise _fail(str(exc), 3) from None
    except StoreError as exc:
        if settings.read_only or not settings.store.is_dir():
            raise _fail(str(exc), 3) from None
        # a folder that cannot be written (a read-only disk): queries need no writes
        typer.echo(f"note: {exc}; serving the store read-only", err=True)
        settings.read_only = True
        kg = _open(settings, read_only=True)
    application = create_app(settings, store=kg)
    typer.echo(f"serving {settings.store} on http://{settings.host}:{settings.port}/ (API docs at /docs)", err=True)
    typer.echo(keys.describe(), err=True)
    if settings.enable_update and keys.enabled:
        typer.echo("SPARQL Update is enabled at POST /update (API key required)", err=True)
    uvicorn.run(application, host=settings.host, port=settings.port, log_level="info")


@app.command()
def backup(
    target: Annotated[Path, typer.Argument(help="A new folder for the copy (it must not exist).", show_default=False)],
    store: StoreOption = None,
) -> None:
    """Copy the store to a new folder with Oxigraph's backup: a consistent snapshot, made of hard
    links when TARGET is on the same file system (cheap), copied otherwise.

    Stop `marketgraph serve` first (the store is locked while it runs). The full-text index is
    not copied: it is rebuilt from the store at the first search after a restore.
    """
    from graph.errors import StoreError

    settings = _settings(store)
    if not settings.store.exists():
        raise _fail(f"there is no store at {settings.store}")
    if target.exists():
        raise _fail(f"{target} already exists: a backup goes to a new folder")
    kg = _open(settings)
    try:
        quads = kg.triple_count()
        kg.backup(target)
    except StoreError as exc:
        raise _fail(str(exc), 3) from None
    finally:
        kg.close()
    typer.echo(f"backed up {settings.store} to {target}: {quads} quads", err=True)


@app.command()
def restore(
    source: Annotated[Path, typer.Argument(help="A folder written by `marketgraph backup`.", show_default=False,
                                           exists=True, file_okay=False)],
    store: StoreOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a store that holds data.")] = False,
) -> None:
    """Replace the store by a backup. The backup folder is copied, not moved, and stays usable.

    The store must not be in use (stop `marketgraph serve` first); one that holds data is replaced
    only with --force. The full-text index is rebuilt at the first search.
    """
    import shutil

    from graph.errors import StoreError, StoreLocked
    from graph.store import open_store

    settings = _settings(store)
    target = settings.store
    try:
        backup_store = open_store(source, read_only=True)
        quads = backup_store.triple_count()
        backup_store.close()
    except StoreError:
        raise _fail(f"{source} is not a marketgraph backup (no Oxigraph store there)", 3) from None
    if target.exists():
        try:
            current = open_store(target)
        except StoreLocked as exc:
            raise _fail(str(exc), 3) from None
        except StoreError:
            current = None
        held = current.triple_count() if current is not None else 0
        if current is not None:
            current.close()
        if held and not force:
            raise _fail(f"the store at {target} holds {held} quads: add --force to replace it by the backup")
    staging = target.with_name(target.name + ".restoring")
    old = target.with_name(target.name + ".replaced")
    try:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(source, staging)
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
        for suffix in (".fts.sqlite", ".fts.sqlite-wal", ".fts.sqlite-shm"):  # rebuilt from the store
            target.with_name(target.name + suffix).unlink(missing_ok=True)
    except OSError as exc:
        raise _fail(f"restoring {source} to {target} failed: {exc.strerror or exc}", 3) from None
    restored = _open(settings, read_only=True)
    count = restored.triple_count()
    restored.close()
    if count != quads:
        raise _fail(f"the restored store holds {count} quads, the backup {quads}", 3)
    typer.echo(f"restored {target} from {source}: {count} quads", err=True)


def _projection(settings: Settings):
    from graph.projection import Projection

    if not settings.store.exists():
        raise _fail(f"no store at {settings.store}: run `marketgraph ingest` first or pass --store")
    kg = _open(settings, read_only=True)
    projection = Projection(kg)
    projection.refresh()
    return kg, projection


def _emit_view(view: dict, fmt: str) -> None:
    import json as _json

    from graph.errors import UnknownFormat
    from graph.export import serialize

    if fmt == "json":
        typer.echo(_json.dumps(view, indent=2, default=str))
        return
    try:
        sys.stdout.buffer.write(serialize(view, fmt))
    except UnknownFormat as exc:
        raise _fail(str(exc)) from None


def _graph_view(store: Path | None, fmt: str, compute) -> None:
    """Open the store's projection, compute a view with it, and print the view in ``fmt``."""
    from graph.errors import GraphError

    kg, projection = _projection(_settings(store))
    try:
        view = compute(projection)
    except GraphError as exc:
        raise _fail(str(exc)) from None
    finally:
        kg.close()
    _emit_view(view, fmt)


GraphFormat = Annotated[str, typer.Option("--format", "-f", help="json, cytoscape, nodelink, graphml or gexf.")]


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="A name, alias or prefix.", show_default=False)],
    store: StoreOption = None,
    limit: Annotated[int, typer.Option(min=1, max=100)] = 10,
) -> None:
    """Find entities by name or alias (exact, prefix, then fuzzy; most-mentioned first)."""
    kg, projection = _projection(_settings(store))
    try:
        for hit in projection.search(text, limit=limit):
            typer.echo(f"{hit['label']}\t{'/'.join(hit['types'])}\t{hit['articles']} articles\t{hit['iri']}")
    finally:
        kg.close()


@app.command()
def neighborhood(
    iri: Annotated[str, typer.Argument(help="The entity's IRI (see `marketgraph search`).", show_default=False)],
    store: StoreOption = None,
    hops: Annotated[int, typer.Option(min=1, max=3)] = 1,
    limit: Annotated[int, typer.Option(min=1, max=2000, help="Most neighbours, strongest first.")] = 50,
    comentions: Annotated[bool, typer.Option(help="Add edges between entities named by the same articles.")] = False,
    facts_as_nodes: Annotated[bool, typer.Option("--facts-as-nodes", help="Show facts as nodes of their own.")] = False,
    format: GraphFormat = "json",
) -> None:
    """The entities connected to an entity and how, as JSON or a graph file for Gephi or Cytoscape."""
    _graph_view(store, format, lambda kg: kg.neighborhood(iri, hops=hops, limit=limit, comentions=comentions,
                                                          facts_as_nodes=facts_as_nodes))


@app.command()
def paths(
    source: Annotated[str, typer.Argument(help="IRI of the first entity.", show_default=False)],
    target: Annotated[str, typer.Argument(help="IRI of the second entity.", show_default=False)],
    store: StoreOption = None,
    max_hops: Annotated[int, typer.Option(min=1, max=6)] = 3,
    format: GraphFormat = "json",
) -> None:
    """Shortest connecting paths between two entities, with the articles behind each edge."""
    _graph_view(store, format, lambda kg: kg.paths(source, target, max_hops=max_hops))


@app.command()
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of *.gold.json files, each naming its article.", file_okay=False, exists=True)],
    baseline: Annotated[bool, typer.Option("--baseline/--no-baseline", help="Also score the bare spaCy model (ORG->company, GPE->country).")] = True,
    misses: Annotated[bool, typer.Option("--misses", help="List every missed or spurious entity and fact.")] = False,
    output: Annotated[Optional[Path], typer.Option("--json", help="Also write the scores as JSON to this file.")] = None,
) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per entity type
    and per fact kind, next to the bare-model baseline scored in the same run."""
    import json as _json

    from ingest.errors import IngestError
    from ingest.evaluate import Report, baseline_extraction, read_gold_articles, score_article
    from ingest.nlp import get_pipeline
    from ingest.pipeline import Extractor

    settings = Settings()
    try:
        pairs = read_gold_articles(gold_dir)
        nlp = get_pipeline(settings.spacy_model, settings.gazetteer_dir)
    except IngestError as exc:
        raise _fail(str(exc), 3) from None
    if not pairs:
        raise _fail(f"no *.gold.json files in {gold_dir}")
    extractor = Extractor(nlp, gazetteer_dir=settings.gazetteer_dir, lexicon_path=settings.lexicon)
    system, base = Report(), Report()
    bare = None
    if baseline:
        import spacy

        bare = spacy.load(settings.spacy_model)
    for gold, article in pairs:
        label = Path(gold["article"]).name
        score_article(extractor.extract(article), gold, system, label=label)
        if bare is not None:
            score_article(baseline_extraction(article, bare), gold, base, label=label)
    rows, base_rows = system.table(), base.table()
    typer.echo(f"{len(pairs)} articles from {gold_dir}")
    typer.echo(f"{'':26} {'P':>5} {'R':>5} {'F1':>5} {'n':>4}   baseline F1")
    for name, row in rows.items():
        b = base_rows.get(name)
        typer.echo(f"{name:26} {row['precision']:5.2f} {row['recall']:5.2f} {row['f1']:5.2f} {row['support']:4d}"
                   f"   {b['f1']:5.2f}" if b else f"{name:26} {row['precision']:5.2f} {row['recall']:5.2f} "
                   f"{row['f1']:5.2f} {row['support']:4d}     0.00")
    if misses:
        typer.echo("\n".join(system.misses))
    if output:
        output.write_text(_json.dumps({"system": rows, "baseline": base_rows, "articles": len(pairs)}, indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
