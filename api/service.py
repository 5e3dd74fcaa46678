"""Operations shared by the CLI and the HTTP API: one implementation behind both faces.

``ingest`` reads sources, skips articles the store already holds unchanged, runs the
NLP pipeline in batches, maps the results to quads and writes one transaction per batch.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO

from rdflib import URIRef

from graph.mapping import map_extraction
from graph.store import Store
from graph.vocab import article_iri, entity_iri
from ingest.article import Article
from ingest.errors import ReadError
from ingest.gazetteer import core_name, normalize_name
from ingest.nlp import get_pipeline
from ingest.pipeline import Extractor
from ingest.sources import parse_jsonl, read_bytes, read_paths

_KNOWN_QUERY = """
SELECT ?e ?name ?type WHERE {
  GRAPH <https://w3id.org/marketgraph/id/graph/entities> {
    ?e a ?type . { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
  }
}
"""
_ENTITY_PREFIX = str(entity_iri("x"))[:-1]


@dataclass
class IngestSummary:
    """What one ingest run did."""

    articles: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    entities: int = 0
    triples: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.articles} articles: {self.new} new, {self.replaced} replaced, {self.unchanged} unchanged, "
            f"{self.failed} failed; {self.entities} entities, {self.triples} triples in {self.seconds:.1f} s"
        )


@dataclass
class ArticleResult:
    """What ingest did with one article (the answer of ``POST /articles``)."""

    id: str
    iri: str
    status: str  # new, replaced or unchanged
    title: str
    entities: int
    facts: int
    triples: int


@dataclass(frozen=True)
class PinnedArticle(Article):
    """An article written under a given id (``PUT /articles/{id}``), whatever its URL or title say."""

    pinned_key: str = ""

    @property
    def key(self) -> str:
        return self.pinned_key


_COUNTS_QUERY = """
SELECT ?a (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?f) AS ?facts) WHERE {
  GRAPH ?a { { ?a mg:mentions ?e } UNION { ?f prov:wasDerivedFrom ?a ; mg:confidence ?c FILTER NOT EXISTS { ?f a mg:Mention } } }
} GROUP BY ?a"""
_SIZE_QUERY = "SELECT ?a (COUNT(*) AS ?n) WHERE { GRAPH ?a { ?s ?p ?o } } GROUP BY ?a"


def stored_counts(store: Store, iri: str) -> tuple[int, int, int]:
    """Entities mentioned, facts and triples of an article graph in the store."""
    bound = {"a": URIRef(iri)}
    counts = store.select(_COUNTS_QUERY, bound) or [{"entities": 0, "facts": 0}]
    size = store.select(_SIZE_QUERY, bound) or [{"n": 0}]
    return counts[0]["entities"], counts[0]["facts"], size[0]["n"]


def article_from_record(record: dict, *, source: str) -> Article:
    """An article from a ``{id, url, title, published, text}`` record, by the rules of a JSON Lines line;
    :class:`ReadError` when it is not one."""
    (item,) = list(parse_jsonl(json.dumps(record), source=source))
    if isinstance(item, ReadError):
        raise item
    return item


def articles_from_upload(data: bytes, *, filename: str, encoding: str = "utf-8") -> list[Article | ReadError]:
    """Articles from an uploaded file: a text page, an HTML page or JSON Lines (by suffix, else sniffed)."""
    suffix = Path(filename).suffix.lower()
    kind = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
            ".ndjson": "jsonl"}.get(suffix)
    return list(read_bytes(data, source=filename, kind=kind, encoding=encoding))


def known_entities(store: Store) -> dict[str, tuple[str, str]]:
    """Normalised names of the entities in the store -> (key, type), for the resolver."""
    known: dict[str, tuple[str, str]] = {}
    for row in store.select(_KNOWN_QUERY):
        if not row["e"].startswith(_ENTITY_PREFIX):
            continue
        key = row["e"][len(_ENTITY_PREFIX):]
        etype = row["type"].rsplit("#", 1)[-1]
        for name in (normalize_name(row["name"]), core_name(row["name"])):
            known.setdefault(name, (key, etype))
    return known


def _batches(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


#: The extractor of a forked worker process (inherited from the parent at fork: nothing is pickled).
_WORKER_EXTRACTOR: Extractor | None = None


def _adopt_extractor(extractor: Extractor) -> None:
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = extractor


def _extract_in_worker(articles: list[Article], known: dict[str, tuple[str, str]] | None = None) -> list:
    assert _WORKER_EXTRACTOR is not None
    if known is not None:
        _WORKER_EXTRACTOR.know(known)
    return list(_WORKER_EXTRACTOR.extract_many(articles, batch_size=len(articles)))  # batched through nlp.pipe


def _load_extractor(model: str, gazetteer_dir: Path, lexicon: Path) -> None:
    _exit_with_parent()
    _adopt_extractor(Extractor(get_pipeline(model, gazetteer_dir), gazetteer_dir=gazetteer_dir, lexicon_path=lexicon))


def _exit_with_parent() -> None:
    """End this process when the one that started it is gone (killed with ``kill -9``, say),
    instead of living on with the model in memory."""
    import os

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="marketgraph-parent-watch", daemon=True).start()


class ExtractionProcess:
    """A process of its own that runs the NLP and the extractors for a long-lived writer (the
    HTTP API), so that the server's threads keep the interpreter while articles are read.

    It is started (spawned: the server has threads) at the first call, which waits for the model
    to load, and started again when it died. Calls are served one at a time, in order."""

    def __init__(self, model: str, gazetteer_dir: Path, lexicon: Path) -> None:
        self._args = (model, gazetteer_dir, lexicon)
        self._pool = None
        self._lock = threading.Lock()

    def extract(self, articles: list[Article], known: dict[str, tuple[str, str]]) -> list:
        """The extractions of ``articles``, names resolved against ``known`` (the store's entities)."""
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        def run() -> list:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                                 initializer=_load_extractor, initargs=self._args)
            return self._pool.submit(_extract_in_worker, articles, known).result()

        with self._lock:
            try:
                return run()
            except BrokenProcessPool:  # killed (out of memory?): a new process, once
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
                return run()

    @property
    def pid(self) -> int | None:
        """The process id, None before the first call (or after :meth:`close`)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return next(iter(processes), None)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


def _worker_pool(extractor: Extractor, workers: int):
    """A pool of forked processes that each run the whole extraction (model and extractors) on
    the parent's pipeline; None where fork is unavailable (spaCy's n_process is used there)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_adopt_extractor, initargs=(extractor,))


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    *,
    model: str,
    gazetteer_dir: Path,
    lexicon: Path,
    batch_size: int = 32,
    workers: int = 1,
    on_article: Callable[[int], None] | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
    summary: IngestSummary | None = None,
    process: ExtractionProcess | None = None,
) -> IngestSummary:
    """Extract and store articles; unchanged ones are skipped before any NLP runs.

    ``on_result`` hears of every article once its batch is in the store (or was already there).
    With ``workers`` > 1 the extraction runs in that many processes, one batch ahead of the
    parent, which maps and writes the previous batch meanwhile (in article order, so the graph
    is the one a single process writes). A long-lived caller (the HTTP writer) passes its
    :class:`ExtractionProcess` instead, which extracts in a process of its own."""
    summary = summary or IngestSummary()
    started = time.perf_counter()
    extractor = None if process else Extractor(get_pipeline(model, gazetteer_dir), gazetteer_dir=gazetteer_dir,
                                               lexicon_path=lexicon, known=known_entities(store))
    seen_entities: set[str] = set()
    pool = None if process else _worker_pool(extractor, workers)

    def todo_of(batch: list[Article]) -> tuple[list[Article], dict[str, Article], dict[str, str]]:
        unique: dict[str, Article] = {}
        for article in batch:
            unique[article.key] = article  # the same story twice in one batch: the last wins
        summary.articles += len(batch)
        stored = store.article_hashes(str(article_iri(k)) for k in unique)
        todo = [a for k, a in unique.items() if stored.get(str(article_iri(k))) != a.content_hash]
        summary.unchanged += len(batch) - len(todo)
        if on_article and len(batch) > len(todo):
            on_article(len(batch) - len(todo))
        return todo, unique, stored

    def store_batch(extractions: Iterable, unique: dict[str, Article], stored: dict[str, str]) -> None:
        graphs = []
        done: dict[str, ArticleResult] = {}
        labelled: set[str] = set()
        for extraction in extractions:
            # keys (not IRI slugs, which differ for multi-word names) of entities the store labels already:
            # the same decision whether an earlier mention was in this batch or in an earlier one
            iris = {str(entity_iri(k)): k for k in extraction.entities}
            labelled |= {iris[i] for i in store.labelled(iris)}
            graph = map_extraction(extraction, labelled=labelled)
            graphs.append(graph)
            labelled |= set(extraction.entities)
            seen_entities.update(extraction.entities)
            key = extraction.article.key
            done[key] = ArticleResult(key, str(graph.iri), "replaced" if str(graph.iri) in stored else "new",
                                      extraction.article.title, len(extraction.entities), len(extraction.facts),
                                      len(graph.quads))
            if on_article:
                on_article(1)
        report = store.write_articles(graphs)
        summary.new += report.new
        summary.replaced += report.replaced
        summary.unchanged += report.unchanged
        summary.triples += report.quads
        if on_result:
            for key, article in unique.items():
                if key not in done:
                    iri = str(article_iri(key))
                    done[key] = ArticleResult(key, iri, "unchanged", article.title, *stored_counts(store, iri))
                on_result(done[key])

    try:
        if process is not None:
            for batch in _batches(articles, batch_size):
                todo, unique, stored = todo_of(batch)
                store_batch(process.extract(todo, known_entities(store)) if todo else [], unique, stored)
        elif pool is None:
            for batch in _batches(articles, batch_size):
                todo, unique, stored = todo_of(batch)
                store_batch(extractor.extract_many(todo, batch_size=batch_size, n_process=workers), unique, stored)
        else:
            ahead = None
            for batch in _batches(articles, batch_size):
                todo, unique, stored = todo_of(batch)
                size = max(1, -(-len(todo) // (2 * workers)))
                chunks = [todo[k:k + size] for k in range(0, len(todo), size)]
                running = (chain.from_iterable(pool.map(_extract_in_worker, chunks)), unique, stored)
                if ahead is not None:
                    store_batch(*ahead)  # the workers extract this batch meanwhile
                ahead = running
            if ahead is not None:
                store_batch(*ahead)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    summary.entities = len(seen_entities)
    summary.seconds += time.perf_counter() - started
    return summary


def ingest_paths(
    paths: Iterable[str | Path],
    store: Store,
    *,
    model: str,
    gazetteer_dir: Path,
    lexicon: Path,
    stdin: BinaryIO | None = None,
    encoding: str = "utf-8",
    batch_size: int = 32,
    workers: int = 1,
    on_error: Callable[[ReadError], None] | None = None,
    on_article: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Read files, folders and ``-`` and ingest every article found; bad sources are reported and skipped."""
    summary = IngestSummary()
    started = time.perf_counter()

    def good_articles() -> Iterator[Article]:
        for item in read_paths(paths, stdin=stdin, encoding=encoding):
            if isinstance(item, ReadError):
                summary.failed += 1
                summary.errors.append(str(item))
                if on_error:
                    on_error(item)
            else:
                yield item

    ingest_articles(good_articles(), store, model=model, gazetteer_dir=gazetteer_dir, lexicon=lexicon,
                    batch_size=batch_size, workers=workers, on_article=on_article, summary=summary)
    summary.seconds = time.perf_counter() - started
    return summary
