"""Shared fixtures: the seed article, the NLP pipeline, and stores built from real articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "samples"
SEED = ROOT.parent / "shared" / "seeds" / "000_b90a6e3e60da9941.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.fail(f"the seed article is missing: {SEED} (CI lays ../shared beside the repo)")
    return SEED


@pytest.fixture(scope="session")
def settings(tmp_path_factory):
    from api.settings import Settings

    return Settings(store=tmp_path_factory.mktemp("store") / "kg")


@pytest.fixture(scope="session")
def nlp(settings):
    from ingest.nlp import get_pipeline

    return get_pipeline(settings.spacy_model, settings.gazetteer_dir)


@pytest.fixture(scope="session")
def extractor(nlp, settings):
    from ingest.pipeline import Extractor

    return Extractor(nlp, gazetteer_dir=settings.gazetteer_dir, lexicon_path=settings.lexicon)


@pytest.fixture(scope="session")
def seed_extraction(extractor, seed_path):
    from ingest.sources import read_paths

    (article,) = list(read_paths([seed_path]))
    return extractor.extract(article)


def ingest_into(store, settings, *paths):
    from api.service import ingest_paths

    return ingest_paths(
        [str(p) for p in paths], store, model=settings.spacy_model, gazetteer_dir=settings.gazetteer_dir,
        lexicon=settings.lexicon,
    )


@pytest.fixture(scope="session")
def seeded_store(settings, seed_path):
    """A persistent store holding the seed and the bundled samples (read-only for tests)."""
    from graph.store import open_store

    store = open_store(settings.store)
    store.ensure_ontology(settings.ontology)
    summary = ingest_into(store, settings, seed_path, SAMPLES)
    assert summary.failed == 0, summary.errors
    yield store
    store.close()


@pytest.fixture()
def memory_store(settings):
    from graph.store import open_store

    store = open_store(None)
    store.ensure_ontology(settings.ontology)
    return store


@pytest.fixture(scope="session")
def client(settings, seeded_store):
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(settings, store=seeded_store)) as test_client:
        yield test_client


@pytest.fixture()
def cli_env(tmp_path) -> dict[str, str]:
    env = dict(os.environ)
    env["MARKETGRAPH_STORE"] = str(tmp_path / "store")
    return env
