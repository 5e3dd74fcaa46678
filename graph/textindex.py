"""Full-text search over articles: an SQLite FTS5 index kept beside the RDF store.

Oxigraph has no text search, so the store keeps this index in step with every article
it adds, replaces or removes (see :class:`graph.store.OxigraphStore`). Each article is
one row: its title, its body and the evidence sentences of its facts, with its
publication time for date filters. Queries use FTS5 syntax (words, ``"phrases"``,
``OR``, ``NOT``, ``prefix*``); a malformed query is retried as plain words.

>>> index = TextIndex(None)
>>> index.upsert("urn:a", "Tariffs bite", "China levied duties on US coal.", "2025-02-04T09:00:00", [])
>>> [hit["article"] for hit in index.search("coal")]
['urn:a']
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS article (
    rowid INTEGER PRIMARY KEY,
    iri TEXT UNIQUE NOT NULL,
    issued TEXT
);
CREATE VIRTUAL TABLE IF NOT EXISTS article_text USING fts5(
    title, body, evidence, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
_WORD = re.compile(r"\w+", re.UNICODE)


class TextIndex:
    """An FTS5 index of articles in one SQLite file (``path=None``: in memory)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False,
                                   isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(_SCHEMA)

    # -- writes --------------------------------------------------------------------------

    def upsert(self, iri: str, title: str, body: str, issued: str | None, evidence: Iterable[str]) -> None:
        """Add an article, or replace the row it had."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._delete(iri)
                cursor = self._db.execute("INSERT INTO article (iri, issued) VALUES (?, ?)", (iri, issued))
                self._db.execute("INSERT INTO article_text (rowid, title, body, evidence) VALUES (?, ?, ?, ?)",
                                 (cursor.lastrowid, title or "", body or "", "\n".join(evidence)))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def remove(self, iri: str) -> None:
        with self._lock:
            self._delete(iri)

    def _delete(self, iri: str) -> None:
        row = self._db.execute("SELECT rowid FROM article WHERE iri = ?", (iri,)).fetchone()
        if row is not None:
            self._db.execute("DELETE FROM article_text WHERE rowid = ?", (row[0],))
            self._db.execute("DELETE FROM article WHERE rowid = ?", (row[0],))

    def clear(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM article_text")
            self._db.execute("DELETE FROM article")

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM article").fetchone()[0]

    # -- reads ---------------------------------------------------------------------------

    def search(self, query: str, *, since: date | None = None, until: date | None = None,
               limit: int = 20) -> list[dict]:
        """Articles matching ``query``, best first, with highlighted snippets (``<mark>…</mark>``)."""
        if not query or not query.strip():
            return []
        try:
            return self._search(query, since, until, limit)
        except sqlite3.OperationalError:
            words = _WORD.findall(query)
            if not words:
                return []
            return self._search(" ".join(f'"{w}"' for w in words), since, until, limit)

    def _search(self, query: str, since: date | None, until: date | None, limit: int) -> list[dict]:
        sql = """
            SELECT a.iri, a.issued, bm25(article_text, 5.0, 1.0, 2.0) AS rank,
                   snippet(article_text, 0, '<mark>', '</mark>', '…', 12),
                   snippet(article_text, 1, '<mark>', '</mark>', '…', 24),
                   snippet(article_text, 2, '<mark>', '</mark>', '…', 24)
            FROM article_text JOIN article a ON a.rowid = article_text.rowid
            WHERE article_text MATCH ?
              AND (? IS NULL OR a.issued >= ?) AND (? IS NULL OR a.issued < ?)
            ORDER BY rank LIMIT ?"""
        lo = since.isoformat() if since else None
        hi = date.fromordinal(until.toordinal() + 1).isoformat() if until else None
        with self._lock:
            rows = self._db.execute(sql, (query, lo, lo, hi, hi, limit)).fetchall()
        hits = []
        for iri, issued, rank, title, body, evidence in rows:
            snippet = next((s for s in (body, evidence, title) if "<mark>" in s), body)
            hits.append({"article": iri, "issued": issued, "score": round(-rank, 3), "title_snippet": title,
                         "snippet": snippet})
        return hits

    def matching(self, query: str) -> set[str]:
        """IRIs of every article matching ``query`` (for the SPARQL extension function)."""
        return {hit["article"] for hit in self.search(query, limit=1_000_000)}

    def copy_to(self, path: Path) -> None:
        """Write a consistent copy of the index to the SQLite file ``path`` (for a store snapshot)."""
        target = sqlite3.connect(str(path))
        try:
            with self._lock:
                self._db.backup(target)
        finally:
            target.close()

    def close(self) -> None:
        with self._lock:
            self._db.close()
