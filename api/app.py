"""``create_app(settings)``: assembles the FastAPI application."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import errors
from api.auth import KeyRing
from api.jobs import Writer
from api.limits import BodySizeLimit
from api.routes import articles, entities, graph, health, jobs, search, sparql, update, web
from api.settings import Settings
from graph.projection import Projection
from graph.store import Store, open_store
from graph.workers import open_runner

log = logging.getLogger("marketgraph.api")

DESCRIPTION = """
A knowledge graph of companies, stock indices, countries, policies and analyst firms,
built from financial news.

* **/sparql** — the W3C SPARQL 1.1 Protocol; queries see the union of all graphs.
* **/entities/search**, **/entities/{id}** and **/entities/neighborhood** — find an entity, describe it,
  and see what it is connected to (also as Cytoscape JSON, node-link JSON, GraphML or GEXF).
* **/paths** — how two entities are connected.
* **/articles** — the articles behind the graph, with their entities and facts.
* **/search** — full-text search over articles (also `mg:textMatch(?article, "words")` in SPARQL).
* **/health** — is the service up, and how big is the graph.
* **POST/PUT/DELETE /articles**, **/jobs/{id}**, **/update** — writes, with an API key
  (`Authorization: Bearer <key>`); disabled (403) when the server has no key configured.
* **/** — the explorer: a web page over these endpoints (search, graph, evidence, paths, articles, SPARQL).
"""


def create_app(settings: Settings | None = None, *, store: Store | None = None) -> FastAPI:
    """Build the app; ``store`` defaults to the one at ``settings.store``.

    Raises :class:`api.auth.KeyConfigError` when the configured API keys cannot be used.
    """
    settings = settings or Settings()
    keys = KeyRing.from_settings(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if getattr(app.state, "running", False):
            # Started again while running (a test harness that enters the lifespan per request):
            # share what runs, and leave stopping it to the lifespan that started it.
            yield
            return
        own = store is None
        kg = store if store is not None else open_store(settings.store, read_only=settings.read_only)
        if not settings.read_only and hasattr(kg, "ensure_ontology"):
            try:
                kg.ensure_ontology(settings.ontology)
            except OSError as exc:  # a read-only folder: serve what is there
                log.warning("could not load the ontology: %s", exc)
        app.state.store = kg
        app.state.projection = Projection(kg)
        app.state.projection.refresh()
        app.state.writer = Writer(kg, app.state.projection, settings)
        log.info(keys.describe())
        if settings.enable_update:
            log.info("SPARQL Update is enabled at POST /update (API key required)")
        # SPARQL queries run off the event loop, in a bounded pool of stoppable workers.
        app.state.queries = open_runner(
            kg, workers=settings.query_workers, timeout=settings.query_timeout, max_rows=settings.max_result_rows,
            queue=settings.query_queue, queue_wait=settings.query_queue_wait,
            memory_mb=settings.query_memory_mb or None, processes=settings.query_processes)
        app.state.query_limiter = anyio.CapacityLimiter(settings.query_workers + settings.query_queue)
        app.state.running = True
        try:
            yield
        finally:
            app.state.running = False
            app.state.writer.close()
            app.state.queries.close()
            if own:
                kg.close()

    app = FastAPI(
        title="marketgraph",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.keys = keys
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers=["*"],
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_request_bytes)
    errors.install(app)
    app.include_router(sparql.router)
    app.include_router(entities.router)
    app.include_router(graph.router)
    app.include_router(articles.router)
    app.include_router(search.router)
    app.include_router(health.router)
    app.include_router(jobs.router)
    app.include_router(update.router)
    app.include_router(web.router)
    return app
