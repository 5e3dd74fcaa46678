"""Reading articles and extracting typed entities and facts from them.

Nothing in this package knows about HTTP or the store: an :class:`Article` goes in,
an :class:`Extraction` comes out.
"""

from ingest.article import Article, parse_text_article
from ingest.errors import IngestError, ModelNotInstalled, ReadError
from ingest.extraction import Entity, Evidence, Extraction, Fact, Mention
from ingest.sources import read_paths

__all__ = [
    "Article",
    "Entity",
    "Evidence",
    "Extraction",
    "Fact",
    "IngestError",
    "Mention",
    "ModelNotInstalled",
    "ReadError",
    "parse_text_article",
    "read_paths",
]
