"""The writer of the HTTP API: one thread through which every write passes, in arrival order.

Writes are serialised because ingest resolves names against what the store holds and
decides which entity descriptions are new; two ingests at once could both label the same
new entity. The NLP of a write runs in a process of its own (:class:`ExtractionProcess`), so the
event loop keeps serving reads meanwhile.

A long ``POST /articles`` batch becomes a :class:`Job`: the request answers 202 at once and
``GET /jobs/{id}`` reports its progress and, at the end, each article's result. Jobs live in
memory (the last :data:`KEEP` of them); a job cut short by a restart has written whole articles
only, and posting the batch again completes it (unchanged articles are skipped).
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from api.service import ArticleResult, ExtractionProcess, ingest_articles
from api.settings import Settings
from graph.errors import GraphError
from graph.projection import Projection
from graph.store import Store
from ingest.article import Article

log = logging.getLogger("marketgraph.api")
T = TypeVar("T")

#: Finished jobs kept for GET /jobs/{id}.
KEEP = 100


@dataclass
class Job:
    id: str
    total: int
    status: str = "queued"  # queued, running, done, failed, cancelled
    extracted: int = 0  # articles through NLP (or skipped as unchanged)
    processed: int = 0  # articles whose batch is in the store
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    error: str | None = None
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    results: list[ArticleResult] = field(default_factory=list)

    def view(self) -> dict[str, Any]:
        data = asdict(self)
        data["results"] = [asdict(r) for r in self.results]
        return data


@dataclass
class _Write:
    """A write waiting for the writer thread: a call, or articles to ingest (which may join others)."""

    future: Future
    call: Callable[[], Any] | None = None
    articles: list[Article] | None = None


class Writer:
    """Runs writes one at a time on a thread of its own, in arrival order.

    Articles posted while the thread is busy wait together and then go in as one ingest (one
    projection refresh for all of them, as a batch of that size would), each request answered
    with its own articles' results: under many writers the store keeps up instead of queueing."""

    def __init__(self, store: Store, projection: Projection, settings: Settings) -> None:
        self.store = store
        self.projection = projection
        self.settings = settings
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="marketgraph-writer")
        self._queue: deque[_Write] = deque()  # each has one _next submitted to the pool
        self._queue_lock = threading.Lock()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._jobs_lock = threading.Lock()
        self._stopping = threading.Event()
        # the NLP of writes runs in a process of its own: reads are not kept waiting for the interpreter
        self._process = ExtractionProcess(settings.spacy_model, settings.gazetteer_dir, settings.lexicon)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on the writer thread, after the writes queued before it."""
        return await asyncio.wrap_future(self._enqueue(_Write(Future(), call=lambda: fn(*args))))

    async def add(self, articles: list[Article]) -> list[ArticleResult]:
        """Ingest articles on the writer thread, after the writes queued before them (together
        with articles queued right before or after them); their results, in the order given."""
        return await asyncio.wrap_future(self._enqueue(_Write(Future(), articles=articles)))

    def _enqueue(self, write: _Write) -> Future:
        with self._queue_lock:
            self._queue.append(write)
        self._pool.submit(self._next)
        return write.future

    def _next(self) -> None:
        """Carry out the next write; articles queued right behind it join it (up to a batch)."""
        with self._queue_lock:
            if not self._queue:
                return  # an earlier call took this one's write along
            group = [self._queue.popleft()]
            if group[0].articles is not None:
                size = len(group[0].articles)
                while (self._queue and self._queue[0].articles is not None
                       and size + len(self._queue[0].articles) <= self.settings.batch_size):
                    size += len(self._queue[0].articles)
                    group.append(self._queue.popleft())
        group = [w for w in group if w.future.set_running_or_notify_cancel()]  # (a request given up on is dropped)
        try:
            if group and group[0].call is not None:
                group[0].future.set_result(group[0].call())
            elif group:
                results = {r.id: r for r in self.ingest([a for w in group for a in w.articles])}
                for w in group:
                    w.future.set_result([results[a.key] for a in w.articles if a.key in results])
        except BaseException as exc:  # noqa: BLE001 - handed to the requests that wait for it
            for w in group:
                if not w.future.done():
                    w.future.set_exception(exc)

    # -- the writes --------------------------------------------------------------------

    def ingest(self, articles: list[Article], on_result: Callable[[ArticleResult], None] | None = None,
               on_article: Callable[[int], None] | None = None) -> list[ArticleResult]:
        """Ingest articles (on the writer thread); results in the order given, the projection refreshed."""
        results: list[ArticleResult] = []

        def collect(result: ArticleResult) -> None:
            results.append(result)
            if on_result:
                on_result(result)

        s = self.settings

        def until_stopped() -> Iterator[Article]:
            for article in articles:
                if self._stopping.is_set():
                    return
                yield article

        with self.projection.updating():  # readers see the new graph once it is whole, at the end
            ingest_articles(until_stopped(), self.store, model=s.spacy_model, gazetteer_dir=s.gazetteer_dir,
                            lexicon=s.lexicon, batch_size=s.batch_size, on_result=collect, on_article=on_article,
                            process=self._process)
        return results

    def remove(self, iri: str) -> int | None:
        """Remove an article; the number of quads that went, None when there was no such article."""
        before = self.store.triple_count()
        with self.projection.updating():
            if not self.store.remove_article(iri):
                return None
        return before - self.store.triple_count()

    def update(self, sparql: str) -> int:
        """Run a SPARQL Update; the change in the number of quads."""
        before = self.store.triple_count()
        with self.projection.updating():
            self.store.update(sparql)
        return self.store.triple_count() - before

    # -- jobs --------------------------------------------------------------------------

    def submit(self, articles: list[Article]) -> Job:
        """Queue a batch as a background job."""
        job = Job(uuid.uuid4().hex, len(articles))
        with self._jobs_lock:
            self._jobs[job.id] = job
            finished = [k for k, j in self._jobs.items() if j.finished is not None]
            for key in finished[: max(0, len(self._jobs) - KEEP)]:
                del self._jobs[key]
        self._enqueue(_Write(Future(), call=lambda: self._run_job(job, articles)))
        return job

    def _run_job(self, job: Job, articles: list[Article]) -> None:
        job.status, job.started = "running", time.time()

        def on_result(result: ArticleResult) -> None:
            job.results.append(result)
            job.processed = len(job.results)
            setattr(job, result.status, getattr(job, result.status) + 1)

        def on_article(n: int) -> None:
            job.extracted += n

        try:
            self.ingest(articles, on_result=on_result, on_article=on_article)
            job.status = "cancelled" if self._stopping.is_set() and job.processed < job.total else "done"
        except GraphError as exc:
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
        except Exception:  # noqa: BLE001 - a job must end with a status, whatever happened
            log.exception("ingest job %s failed", job.id)
            job.status, job.error = "failed", "an unexpected error occurred; see the server log"
        finally:
            job.finished = time.time()

    def job(self, job_id: str) -> Job | None:
        with self._jobs_lock:
            return self._jobs.get(job_id)

    def close(self) -> None:
        """Stop: the running job ends after its current batch (whole articles only), queued ones are dropped."""
        self._stopping.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        with self._queue_lock:
            for write in self._queue:
                write.future.cancel()
            self._queue.clear()
        self._process.close()
        with self._jobs_lock:
            for job in self._jobs.values():
                if job.status == "queued":
                    job.status, job.finished = "cancelled", time.time()
