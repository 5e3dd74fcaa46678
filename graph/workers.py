"""Query runners: SPARQL queries with a time limit, a row limit and a bounded waiting line.

pyoxigraph cannot cancel a running query, and some queries compute everything before their
first row (ORDER BY or GROUP BY over a cross product). So :class:`ProcessPool` runs each query
in a worker process that reads a snapshot of the store (:meth:`OxigraphStore.copy_for_readers`: hard
links, taken again after each write); a query that outlives its time limit has its process
killed, and a fresh worker takes its place while the other workers go on answering.
A worker also has a memory ceiling, so a query that would swallow the machine's memory ends
its own process instead.

An in-memory store cannot be shared with another process: :class:`InlineRunner` runs its
queries in the calling thread and checks the limits between result rows, which stops a
streaming query but not a blocking ORDER BY (:func:`open_runner` picks the runner).

Both runners admit at most ``workers`` queries at once and let at most ``queue`` more wait,
each for at most ``queue_wait`` seconds; beyond that they raise :class:`ServiceBusy` at once.

>>> from graph.store import open_store
>>> runner = open_runner(open_store(None), timeout=5, max_rows=10)
>>> runner.run(QueryJob("ASK { }", {"boolean": "json"})).body
b'{"head":{},"boolean":true}'
"""

from __future__ import annotations

import abc
import logging
import os
import pickle
import queue as queues
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from graph.errors import (
    GraphError,
    InvalidIRI,
    QueryNotAllowed,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooExpensive,
    ResultTooLarge,
    ServiceBusy,
    StoreError,
    UnknownFormat,
)
from graph.store import OxigraphStore, Store, result_kind, serialize_results

log = logging.getLogger("marketgraph.workers")

_ROOT = Path(__file__).resolve().parent.parent
#: Errors a worker may report, by name; anything else comes back as a StoreError.
_ERRORS: dict[str, type[GraphError]] = {cls.__name__: cls for cls in (
    InvalidIRI, QueryNotAllowed, QuerySyntaxError, QueryTimeout, QueryTooExpensive, ResultTooLarge, StoreError,
    UnknownFormat)}
#: How long past its time limit a worker may take to answer before it is killed.
GRACE = 0.5
#: How long a new worker may take to start (import, open the snapshot).
STARTUP = 120.0


@dataclass(frozen=True)
class QueryJob:
    """One query: its text, the output format for each result kind (``"solutions"``,
    ``"boolean"``, ``"graph"``; ``None`` when the client accepts none), and its dataset."""

    query: str
    formats: dict[str, str | None]
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    base_iri: str | None = None


@dataclass(frozen=True)
class QueryAnswer:
    """A query's serialized result; ``format`` is ``None`` (and ``body`` empty) when the
    job named no format for the result's ``kind``."""

    kind: str
    format: str | None
    body: bytes


def execute(store: Store, job: QueryJob, *, max_rows: int | None, deadline: float | None) -> QueryAnswer:
    """Run ``job`` on ``store`` in this thread, within the row limit and the deadline."""
    result = store.query(job.query, default_graphs=job.default_graphs, named_graphs=job.named_graphs,
                         base_iri=job.base_iri)
    # pyoxigraph results belong to the thread that made them: the result is dropped here, and no
    # exception whose traceback still references it leaves this function.
    failure: GraphError | None = None
    try:
        kind = result_kind(result)
        fmt = job.formats.get(kind)
        if fmt is None:
            return QueryAnswer(kind, None, b"")
        try:
            return QueryAnswer(kind, fmt, serialize_results(result, fmt, max_rows=max_rows, deadline=deadline))
        except OSError as exc:  # evaluation streams: errors surface while serializing
            failure = StoreError(f"the query failed while running: {exc}")
        except (QueryTimeout, ResultTooLarge, UnknownFormat) as exc:
            failure = type(exc)(str(exc))
    finally:
        del result
    raise failure


class QueryRunner(abc.ABC):
    """Runs queries within the limits; :meth:`run` blocks, and is safe to call from many threads."""

    def __init__(self, *, workers: int = 2, timeout: float = 10.0, max_rows: int | None = 10_000,
                 queue: int = 16, queue_wait: float = 2.0) -> None:
        self.workers = workers
        self.timeout = timeout
        self.max_rows = max_rows
        self.queue_wait = queue_wait
        self._admitted = threading.BoundedSemaphore(workers + queue)

    def run(self, job: QueryJob) -> QueryAnswer:
        """Answer ``job``, or raise :class:`ServiceBusy`, :class:`QueryTimeout`,
        :class:`ResultTooLarge`, :class:`QueryTooExpensive` or the query's own error."""
        if not self._admitted.acquire(blocking=False):
            raise self.busy()
        try:
            return self._run(job)
        finally:
            self._admitted.release()

    def busy(self) -> ServiceBusy:
        return ServiceBusy(f"all {self.workers} query workers are busy and the waiting line is full; "
                           "try again in a moment", retry_after=max(1, round(self.queue_wait)))

    def _timeout(self) -> QueryTimeout:
        return QueryTimeout(f"the query ran longer than the limit of {self.timeout:g} s and was stopped; "
                            "make it more selective, add LIMIT, or raise MARKETGRAPH_QUERY_TIMEOUT")

    @abc.abstractmethod
    def _run(self, job: QueryJob) -> QueryAnswer: ...

    def close(self) -> None:  # noqa: B027 - optional hook
        """Stop the workers."""


class InlineRunner(QueryRunner):
    """Queries in the calling thread; the limits are checked between result rows."""

    def __init__(self, store: Store, **limits: Any) -> None:
        super().__init__(**limits)
        self.store = store
        self._slots = threading.BoundedSemaphore(self.workers)

    def _run(self, job: QueryJob) -> QueryAnswer:
        if not self._slots.acquire(timeout=self.queue_wait):
            raise self.busy()
        try:
            answer = execute(self.store, job, max_rows=self.max_rows, deadline=time.monotonic() + self.timeout)
        except QueryTimeout:
            raise self._timeout() from None
        finally:
            self._slots.release()
        return answer


class _NotStarted(Exception):
    """A worker process that did not announce itself."""


class _Worker:
    """One worker process, spoken to over its stdin and stdout with length-prefixed pickles."""

    def __init__(self, memory_mb: int | None) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(_ROOT), env.get("PYTHONPATH"))))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph.workers", str(memory_mb or 0)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, env=env, close_fds=True,
        )
        self.ready = False
        self.snapshot: Path | None = None

    def call(self, message: tuple, timeout: float) -> tuple:
        if not self.ready:
            try:
                reply = _receive(self.process.stdout.fileno(), time.monotonic() + STARTUP)
            except (EOFError, TimeoutError, OSError, pickle.UnpicklingError):
                reply = None
            if reply != ("ready",):
                raise _NotStarted
            self.ready = True
        _send(self.process.stdin, message)
        return _receive(self.process.stdout.fileno(), time.monotonic() + timeout)

    def kill(self) -> int | None:
        self.process.kill()
        try:
            return self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            return None
        finally:
            for pipe in (self.process.stdin, self.process.stdout):
                try:
                    pipe.close()
                except OSError:
                    pass


class ProcessPool(QueryRunner):
    """Queries in worker processes over snapshots of an on-disk Oxigraph store."""

    def __init__(self, store: OxigraphStore, *, memory_mb: int | None = 1024, **limits: Any) -> None:
        super().__init__(**limits)
        if store.path is None:
            raise StoreError("worker processes need an on-disk store")
        self.store = store
        self.memory_mb = memory_mb
        self._lock = threading.Lock()
        self._snapshot_root: Path | None = None
        self._snapshot: tuple[str, Path] | None = None  # (revision, folder)
        self._snapshots: list[Path] = []
        self._count = 0
        self._all: list[_Worker] = []
        self._idle: queues.Queue[_Worker] = queues.Queue()
        for _ in range(self.workers):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self.memory_mb)
        with self._lock:
            self._all.append(worker)
        return worker

    def _retire(self, worker: _Worker) -> int | None:
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        return worker.kill()

    # -- snapshots -------------------------------------------------------------------

    def _current(self, worker: _Worker) -> Path:
        """The folder ``worker`` is to read: a snapshot of the store's latest revision (or, for a
        store this process opened read-only, the store itself). It is marked as the worker's at
        once, so that no other thread's prune deletes it while the worker reads it."""
        if self.store.read_only:
            return self.store.path
        revision = self.store.revision()
        with self._lock:
            if self._snapshot is None or self._snapshot[0] != revision:
                self._snapshot = (revision, self._new_snapshot())
            if worker.snapshot != self._snapshot[1]:
                worker.snapshot = self._snapshot[1]
                self._prune()  # (only when a worker moves on can an older snapshot fall out of use)
            return worker.snapshot

    def _new_snapshot(self) -> Path:
        """A copy of the store in a new folder (holds the lock)."""
        if self._snapshot_root is None:
            self._snapshot_root = _snapshot_root(self.store.path)
        self._count += 1
        folder = self._snapshot_root / f"{self._count:06d}"
        self.store.copy_for_readers(folder)
        self._snapshots.append(folder)
        return folder

    def _prune(self) -> None:
        """Delete snapshots that neither the current revision nor any worker uses (holds the lock)."""
        in_use = {w.snapshot for w in self._all} | {self._snapshot[1] if self._snapshot else None}
        for folder in [f for f in self._snapshots if f not in in_use]:
            shutil.rmtree(folder, ignore_errors=True)
            folder.with_name(folder.name + ".fts.sqlite").unlink(missing_ok=True)
            self._snapshots.remove(folder)

    # -- queries -------------------------------------------------------------------------

    def _run(self, job: QueryJob) -> QueryAnswer:
        try:
            worker = self._idle.get(timeout=self.queue_wait)
        except queues.Empty:
            raise self.busy() from None
        try:
            snapshot = self._current(worker)
        except BaseException:
            self._idle.put(worker)
            raise
        try:
            reply = worker.call((str(snapshot), job, self.max_rows, self.timeout), self.timeout + GRACE)
        except _NotStarted:
            code = self._replace(worker)
            raise StoreError(f"a query worker could not start (exit code {code}); see the server log") from None
        except TimeoutError:
            self._replace(worker)
            raise self._timeout() from None
        except (EOFError, OSError, pickle.UnpicklingError):
            code = self._replace(worker)
            raise QueryTooExpensive(
                f"the query stopped its worker (exit code {code}), most likely by needing more than "
                f"{self.memory_mb} MiB of memory; make it more selective or raise MARKETGRAPH_QUERY_MEMORY_MB"
            ) from None
        self._idle.put(worker)
        if reply[0] == "ok":
            return reply[1]
        _, name, message = reply
        if name == "QueryTimeout":
            raise self._timeout()
        raise _ERRORS.get(name, StoreError)(message)

    def _replace(self, worker: _Worker) -> int | None:
        code = self._retire(worker)
        self._idle.put(self._spawn())
        return code

    def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), []
        for worker in workers:
            worker.kill()
        if self._snapshot_root is not None:
            shutil.rmtree(self._snapshot_root, ignore_errors=True)


def _snapshot_root(store_path: Path) -> Path:
    """A fresh folder for snapshots beside the store (hard links need the same file system),
    else in the temporary folder; snapshots left by a process that no longer runs are removed."""
    prefix = f".{store_path.name}.snapshots-"
    for old in store_path.parent.glob(prefix + "*"):
        pid = old.name.rsplit("-", 2)[-2] if old.name.count("-") >= 2 else ""
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(old, ignore_errors=True)
    try:
        return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=store_path.parent))
    except OSError:
        return Path(tempfile.mkdtemp(prefix=f"marketgraph-snapshots-{os.getpid()}-"))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def open_runner(store: Store, *, workers: int = 2, timeout: float = 10.0, max_rows: int | None = 10_000,
                queue: int = 16, queue_wait: float = 2.0, memory_mb: int | None = 1024,
                processes: bool = True) -> QueryRunner:
    """A :class:`ProcessPool` for an on-disk Oxigraph store (unless ``processes`` is false),
    else an :class:`InlineRunner`."""
    limits = {"workers": workers, "timeout": timeout, "max_rows": max_rows, "queue": queue, "queue_wait": queue_wait}
    if processes and isinstance(store, OxigraphStore) and store.path is not None:
        return ProcessPool(store, memory_mb=memory_mb, **limits)
    return InlineRunner(store, **limits)


# -- the wire: 8-byte length, then a pickle ------------------------------------------------------


def _send(pipe: BinaryIO, message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    pipe.write(struct.pack(">Q", len(data)) + data)
    pipe.flush()


def _read(fd: int, size: int, deadline: float | None) -> bytes:
    buffer = bytearray()
    while len(buffer) < size:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(size - len(buffer), 1 << 20))
        if not chunk:
            raise EOFError
        buffer += chunk
    return bytes(buffer)


def _receive(fd: int, deadline: float | None) -> Any:
    (size,) = struct.unpack(">Q", _read(fd, 8, deadline))
    return pickle.loads(_read(fd, size, deadline))


# -- the worker process ------------------------------------------------------------------------


def _serve(memory_mb: int) -> None:
    """A worker's life: announce itself, then answer jobs until its stdin closes."""
    if memory_mb:
        import resource

        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb", buffering=0)
    sys.stdout = sys.stderr  # nothing printed may reach the wire
    inp = sys.stdin.fileno()
    store: OxigraphStore | None = None
    opened: str | None = None
    _send(out, ("ready",))
    while True:
        try:
            snapshot, job, max_rows, timeout = _receive(inp, None)
        except EOFError:
            return
        deadline = time.monotonic() + timeout
        try:
            if opened != snapshot:
                if store is not None:
                    store.close()
                    store = None
                store = OxigraphStore(Path(snapshot), read_only=True)
                opened = snapshot
            reply: tuple = ("ok", execute(store, job, max_rows=max_rows, deadline=deadline))
        except GraphError as exc:
            reply = ("error", type(exc).__name__, str(exc))
        except MemoryError:
            reply = ("error", "QueryTooExpensive", "the query needed more memory than a worker may use")
        except Exception as exc:  # noqa: BLE001 - reported to the parent, which answers with a clear error
            reply = ("error", "StoreError", f"the query failed: {exc}")
        _send(out, reply)


if __name__ == "__main__":
    # Through the package, so that what is pickled names graph.workers, not __main__.
    from graph.workers import _serve as serve

    serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
