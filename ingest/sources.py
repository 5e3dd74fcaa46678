"""Readers: plain text, HTML, JSON Lines, folders and standard input -> :class:`Article`.

Each reader yields articles, or :class:`~ingest.errors.ReadError` values for what it
could not read, so that one bad file never stops the others.

>>> from pathlib import Path
>>> [type(x).__name__ for x in read_paths([Path("no/such/file.txt")])]
['ReadError']
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import trafilatura

from ingest.article import Article, parse_byline, parse_datetime, parse_text_article
from ingest.errors import ReadError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
#: Files larger than this are refused rather than read into memory.
MAX_FILE_BYTES = 50 * 1024 * 1024

ReadResult = Article | ReadError


def _decode(data: bytes, source: str, encoding: str) -> str:
    if not data.strip():
        raise ReadError(source, "the file is empty")
    if b"\x00" in data[:8192]:
        raise ReadError(source, "this is a binary file, not text, HTML or JSON Lines")
    try:
        return data.decode("utf-8-sig" if encoding.lower().replace("_", "-") == "utf-8" else encoding)
    except UnicodeDecodeError as exc:
        guess = _guess_encoding(data)
        hint = f" (it looks like {guess}; re-run with --encoding {guess})" if guess else ""
        raise ReadError(source, f"not valid {encoding} at byte {exc.start}{hint}") from None
    except LookupError:
        raise ReadError(source, f"unknown encoding {encoding!r}") from None


def _guess_encoding(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset_normalizer comes with requests
        return None
    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def _sniff(text: str) -> str:
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return "html"
    return "text"


_PUBLISHED_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate' or @name='publishdate' or @name='date']/@content",
    "//time[@datetime]/@datetime",
)
_MODIFIED_XPATHS = (
    "//meta[@property='article:modified_time']/@content",
    "//meta[@itemprop='dateModified']/@content",
)


def _first_date(tree, xpaths: tuple[str, ...]) -> datetime | None:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            parsed = parse_datetime(str(value))
            if parsed is not None:
                return parsed
    return None


def parse_html(html: str, *, source: str = "<html>") -> Article:
    """Extract the main text and metadata of a news web page with trafilatura.

    The publication time comes from the page's own metadata (``article:published_time``,
    ``datePublished``, ``<time datetime>``) when it has it, with its time zone, else from
    trafilatura's date detection.
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        raise ReadError(source, "this is not an HTML page trafilatura can parse")
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params={
            "outputformat": "%Y-%m-%dT%H:%M:%S%z",
            "original_date": True,
            "extensive_search": True,
        },
    )
    if doc is None or not (doc.text or "").strip():
        raise ReadError(source, "no article text found in this HTML page")
    title = (doc.title or "").strip()
    lines = [line.strip() for line in doc.text.split("\n") if line.strip()]
    byline = tuple(a.strip() for a in (doc.author or "").split(";") if a.strip())
    # trafilatura keeps the headline and byline paragraphs in the text: drop them.
    while lines and (lines[0] == title or parse_byline(lines[0])):
        if not byline:
            byline = parse_byline(lines[0])
        lines.pop(0)
    body = parse_text_article("x\n\n" + "\n\n".join(lines), source=source).body
    return Article(
        body=body,
        title=title,
        published=_first_date(tree, _PUBLISHED_XPATHS) or (parse_datetime(doc.date) if doc.date else None),
        modified=_first_date(tree, _MODIFIED_XPATHS),
        byline=byline,
        url=doc.url or None,
        section=", ".join(doc.categories) if doc.categories else None,
        source=source,
    )


def _record_datetime(value: object, source: str) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ReadError(source, f"'published' must be a date string, not {type(value).__name__}")
    parsed = parse_datetime(value)
    if parsed is None:
        raise ReadError(source, f"'published' is not a date: {value[:40]!r}")
    return parsed


def parse_jsonl(text: str, *, source: str = "<jsonl>") -> Iterator[ReadResult]:
    """Articles from JSON Lines, one ``{"id","title","published","text","url"}`` per line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield ReadError(where, "each line must be a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield ReadError(where, "the record has no 'text'")
            continue
        try:
            published = _record_datetime(record.get("published"), where)
        except ReadError as exc:
            yield exc
            continue
        title, url, rid = record.get("title"), record.get("url"), record.get("id")
        byline = record.get("byline") or record.get("author") or ()
        if isinstance(byline, str):
            byline = (byline,)
        yield Article(
            body=parse_text_article("x\n\n" + body, source=where).body,
            title=title.strip() if isinstance(title, str) else "",
            published=published,
            byline=tuple(str(b) for b in byline),
            url=url if isinstance(url, str) and url else None,
            source_id=str(rid) if rid not in (None, "") else None,
            source=where,
        )


def read_bytes(data: bytes, *, source: str, kind: str | None = None, encoding: str = "utf-8") -> Iterator[ReadResult]:
    """Articles from the bytes of one file or stream; ``kind`` is text, html or jsonl (sniffed if None)."""
    try:
        text = _decode(data, source, encoding)
    except ReadError as exc:
        yield exc
        return
    kind = kind or _sniff(text)
    try:
        if kind == "jsonl":
            yield from parse_jsonl(text, source=source)
        elif kind == "html":
            yield parse_html(text, source=source)
        else:
            article = parse_text_article(text, source=source)
            if not article.body.strip():
                raise ReadError(source, "no article text after the header")
            yield article
    except ReadError as exc:
        yield exc


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _files_under(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and _kind_of(path) is not None:
                yield path


def read_file(path: Path, *, encoding: str = "utf-8") -> Iterator[ReadResult]:
    """Articles from one file, by its suffix (text, HTML or JSON Lines)."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield ReadError(source, f"the file is {size // 2**20} MiB; the limit is {MAX_FILE_BYTES // 2**20} MiB")
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield ReadError(source, "no such file or folder")
        return
    except PermissionError:
        yield ReadError(source, "permission denied")
        return
    except OSError as exc:
        yield ReadError(source, exc.strerror or str(exc))
        return
    yield from read_bytes(data, source=source, kind=_kind_of(path), encoding=encoding)


def read_paths(
    paths: Iterable[Path | str],
    *,
    stdin: BinaryIO | None = None,
    encoding: str = "utf-8",
) -> Iterator[ReadResult]:
    """Articles from files, folders (recursively: .txt, .html, .jsonl…) and ``-`` (``stdin``)."""
    for raw in paths:
        if str(raw) == "-":
            if stdin is None:
                yield ReadError("<stdin>", "standard input is not available")
                continue
            yield from read_bytes(stdin.read(), source="<stdin>", encoding=encoding)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in _files_under(path):
                found = True
                yield from read_file(file, encoding=encoding)
            if not found:
                yield ReadError(str(path), "the folder holds no .txt, .html or .jsonl files")
        else:
            yield from read_file(path, encoding=encoding)
