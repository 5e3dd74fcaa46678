"""Operations shared by the CLI and the HTTP API: one implementation behind both faces.

``ingest`` reads sources, skips articles the store already holds unchanged, runs the
NLP pipeline in batches, maps the results to quads and writes one transaction per batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO

from graph.mapping import map_extraction
from graph.store import Store
from graph.vocab import article_iri, entity_iri
from ingest.article import Article
from ingest.errors import ReadError
from ingest.gazetteer import core_name, normalize_name
from ingest.nlp import get_pipeline
from ingest.pipeline import Extractor
from ingest.sources import read_paths

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


def _extract_in_worker(articles: list[Article]) -> list:
    assert _WORKER_EXTRACTOR is not None
    return list(_WORKER_EXTRACTOR.extract_many(articles, batch_size=len(articles)))  # batched through nlp.pipe


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
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Extract and store articles; unchanged ones are skipped before any NLP runs.

    With ``workers`` > 1 the extraction runs in that many processes, one batch ahead of the
    parent, which maps and writes the previous batch meanwhile (in article order, so the graph
    is the one a single process writes)."""
    summary = summary or IngestSummary()
    started = time.perf_counter()
    extractor = Extractor(get_pipeline(model, gazetteer_dir), gazetteer_dir=gazetteer_dir, lexicon_path=lexicon,
                          known=known_entities(store))
    seen_entities: set[str] = set()
    pool = _worker_pool(extractor, workers)

    def todo_of(batch: list[Article]) -> list[Article]:
        unique: dict[str, Article] = {}
        for article in batch:
            unique[article.key] = article  # the same story twice in one batch: the last wins
        summary.articles += len(batch)
        stored = store.article_hashes(str(article_iri(k)) for k in unique)
        todo = [a for k, a in unique.items() if stored.get(str(article_iri(k))) != a.content_hash]
        summary.unchanged += len(batch) - len(todo)
        if on_article and len(batch) > len(todo):
            on_article(len(batch) - len(todo))
        return todo

    def store_batch(extractions: Iterable) -> None:
        graphs = []
        labelled: set[str] = set()
        for extraction in extractions:
            iris = [str(entity_iri(k)) for k in extraction.entities]
            labelled |= {i.rsplit("/", 1)[-1] for i in store.labelled(iris)}
            graphs.append(map_extraction(extraction, labelled=labelled))
            labelled |= set(extraction.entities)
            seen_entities.update(extraction.entities)
            if on_article:
                on_article(1)
        report = store.write_articles(graphs)
        summary.new += report.new
        summary.replaced += report.replaced
        summary.unchanged += report.unchanged
        summary.triples += report.quads

    try:
        if pool is None:
            for batch in _batches(articles, batch_size):
                store_batch(extractor.extract_many(todo_of(batch), batch_size=batch_size, n_process=workers))
        else:
            ahead = None
            for batch in _batches(articles, batch_size):
                todo = todo_of(batch)
                size = max(1, -(-len(todo) // (2 * workers)))
                chunks = [todo[k:k + size] for k in range(0, len(todo), size)]
                running = chain.from_iterable(pool.map(_extract_in_worker, chunks))
                if ahead is not None:
                    store_batch(ahead)  # the workers extract this batch meanwhile
                ahead = running
            if ahead is not None:
                store_batch(ahead)
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
