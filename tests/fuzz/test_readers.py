"""Property-based fuzzing of the readers and the extractor (hypothesis): random bytes, huge
lines, odd Unicode, empty and binary files, malformed HTML and JSON Lines. A reader yields
articles or :class:`ReadError` values, never raises; whatever it yields, extraction, mapping
and a store write go through."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from graph.mapping import map_extraction
from graph.store import open_store
from ingest.article import Article, parse_text_article
from ingest.errors import ReadError
from ingest.sources import read_bytes, read_file

FAST = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
#: Extraction runs the spaCy pipeline: fewer, but still varied, examples.
NLP = settings(max_examples=30, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: Text with the awkward parts of Unicode: combining marks, right-to-left, zero-width and
#: private-use characters, line and paragraph separators, NUL, and emoji.
ODD = st.text(alphabet=st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(["\u0301", "\u202e", "\u200b", "\ufeff", "\ue000", "\u2028", "\u2029", "\x00", "\r", "\t",
                     "\U0001f4c8", "\u00a0", "Ω", "ﬁ", "İ", "\u0085"]),
), max_size=400)
HEADER_LINES = st.sampled_from([
    "Published: 09:47, February 4, 2025 | Updated: 19:28, February 4, 2025",
    "Published: 99:99, Februar 31, 20255", "Published:", "By ", "By Jane Doe and", "Markets > Asia > ",
    "ALSO READ: something", "Share", "Updated: yesterday", "Date: 1e309",
])
PAGES = st.lists(st.one_of(ODD, HEADER_LINES, st.text(max_size=20).map(lambda s: s * 500)), max_size=12) \
    .map("\n".join)
TAGS = st.sampled_from(["<html>", "<body>", "<article>", "</p>", "<p>", "<meta name='date' content='x'>",
                        "<title>", "</title>", "<script>", "<!--", "<![CDATA[", "<div", "&amp", "&#xffffff;",
                        "<meta property='article:published_time' content='2025-13-45'>", "<link rel=canonical href=>"])
HTML = st.lists(st.one_of(TAGS, ODD), max_size=40).map("".join)
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | ODD,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD, inner, max_size=3),
                           max_leaves=8)
RECORDS = st.fixed_dictionaries({}, optional={
    "id": JSON_VALUES, "title": JSON_VALUES, "published": JSON_VALUES | st.sampled_from(
        ["2025-02-04T09:47:00", "2025-02-30", "yesterday", "", "9999-99-99T99:99"]),
    "text": JSON_VALUES | PAGES, "url": JSON_VALUES | st.sampled_from(["http://x/ y", "javascript:alert(1)", ""]),
})
JSONL = st.lists(st.one_of(RECORDS.map(json.dumps), JSON_VALUES.map(json.dumps), ODD, st.just("{")), max_size=8) \
    .map("\n".join)


def _only_articles_or_errors(results) -> list[Article]:
    articles = []
    for item in results:
        assert isinstance(item, (Article, ReadError)), item
        if isinstance(item, Article):
            assert isinstance(item.body, str) and isinstance(item.title, str)
            articles.append(item)
        else:
            assert str(item)  # a message a user can read
    return articles


@FAST
@given(data=st.binary(max_size=4000), kind=st.sampled_from([None, "text", "html", "jsonl"]))
def test_random_bytes_give_articles_or_read_errors(data, kind):
    _only_articles_or_errors(read_bytes(data, source="fuzz", kind=kind))


@FAST
@given(page=PAGES)
def test_text_pages_with_odd_unicode_and_huge_lines(page):
    for article in _only_articles_or_errors(read_bytes(page.encode("utf-8", "surrogatepass"), source="fuzz",
                                                       kind="text")):
        assert article.body.strip()


@FAST
@given(html=HTML)
def test_malformed_html(html):
    _only_articles_or_errors(read_bytes(html.encode("utf-8", "surrogatepass"), source="fuzz", kind="html"))


@FAST
@given(jsonl=JSONL)
def test_malformed_json_lines_name_their_line(jsonl):
    results = list(read_bytes(jsonl.encode("utf-8", "surrogatepass"), source="fuzz.jsonl", kind="jsonl"))
    _only_articles_or_errors(results)
    for item in results:
        if isinstance(item, ReadError) and "line" in str(item):
            assert str(item).startswith("fuzz.jsonl")


@pytest.mark.parametrize("content", [b"", b"\x00" * 1000, bytes(range(256)) * 40,
                                     b"\xff\xfe" + "ü".encode("utf-16-le"),
                                     b"\n" * 100_000, b"x" * (2 * 1024 * 1024), "é".encode("latin-1") * 100])
@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
def test_odd_files(tmp_path, content, suffix):
    path = tmp_path / f"odd{suffix}"
    path.write_bytes(content)
    _only_articles_or_errors(read_file(path))


@NLP
@given(page=PAGES)
def test_any_readable_text_extracts_maps_and_stores(extractor, page):
    """Whatever a reader accepts, the extractor, the mapping and a store write accept too."""
    assume(page.strip())
    article = parse_text_article(page, source="fuzz")
    assume(article.body.strip())
    extraction = extractor.extract(article)
    for mention in extraction.mentions:  # offsets point into the body, at the text they name
        assert 0 <= mention.start <= mention.end <= len(article.body)
        assert article.body[mention.start:mention.end] == mention.text
    for fact in extraction.facts:
        assert all(key in extraction.entities for keys in fact.roles.values() for key in keys)
    graph = map_extraction(extraction)
    store = open_store(None)
    report = store.write_articles([graph])
    assert report.new == 1
    assert store.triple_count() == report.quads + 1  # and the store's revision


@NLP
@given(jsonl=JSONL)
def test_any_json_lines_record_extracts_and_maps(extractor, jsonl):
    for article in _only_articles_or_errors(read_bytes(jsonl.encode("utf-8", "surrogatepass"), source="fuzz",
                                                       kind="jsonl")):
        map_extraction(extractor.extract(article))
