import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ingest.article import Article
from ingest.errors import ReadError
from ingest.sources import read_bytes, read_paths

READERS = Path(__file__).resolve().parent.parent / "data" / "readers"


def _split(results):
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, ReadError)]
    return articles, errors


def test_text_reader():
    (article,) = list(read_paths([READERS / "good.txt"]))
    assert article.title == "Hang Seng Index extends gains as Alibaba rallies on AI partnership"
    assert article.published == datetime(2025, 2, 12, 11, 20)
    assert article.byline and all(name[0].isupper() for name in article.byline)
    assert "Hang Seng" in article.body
    assert "Share" not in article.body.splitlines()


def test_html_reader_extracts_main_text_and_metadata():
    (article,) = list(read_paths([READERS / "good.html"]))
    assert article.title == "Nikkei rises as Toyota gains on buyback"
    assert article.published == datetime(2025, 2, 13, 15, 45, tzinfo=timezone(timedelta(hours=9)))
    assert article.byline == ("Kenji Mori",)
    assert article.url == "https://example-news.test/markets/2025/02/13/nikkei-toyota-buyback"
    assert article.body.startswith("The Nikkei 225 rose 1.3 percent to 39,461.47 on Thursday")
    assert "SMBC Nikko Securities analysts said" in article.body
    for boilerplate in ("Home", "Related stories", "BOJ's Ueda signals", "Example News", "By Kenji Mori"):
        assert boilerplate not in article.body


def test_jsonl_reader():
    articles, errors = _split(list(read_paths([READERS / "good.jsonl"])))
    assert not errors
    assert [a.source_id for a in articles] == ["wire-2025-0101", "wire-2025-0102"]
    first = articles[0]
    assert first.title == "CSI 300 edges higher as BYD gains on new models"
    assert first.published == datetime(2025, 2, 11, 7, 45, tzinfo=timezone.utc)
    assert first.url == "https://example-news.test/wire/0101"
    assert first.body.split("\n\n")[1].startswith("BYD gained 4.6 percent")
    assert first.source.endswith("good.jsonl:1")


def test_malformed_jsonl_line_is_reported_and_the_rest_is_read():
    articles, errors = _split(list(read_paths([READERS / "bad_malformed.jsonl"])))
    assert len(articles) == 2
    assert len(errors) == 1
    assert errors[0].source.endswith("bad_malformed.jsonl:2")
    assert "malformed JSON" in errors[0].reason


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "the file is empty"),
        ("binary.bin", "binary file"),
        ("latin1.txt", "not valid utf-8"),
        ("does-not-exist.txt", "no such file"),
    ],
)
def test_bad_files_give_one_clear_error_naming_the_file(name, reason):
    (error,) = list(read_paths([READERS / name]))
    assert isinstance(error, ReadError)
    assert name in str(error)
    assert reason in str(error)


def test_another_encoding_reads_when_named():
    (error,) = list(read_paths([READERS / "latin1.txt"]))
    assert "--encoding" in str(error)  # the message says how to fix it
    (article,) = list(read_paths([READERS / "latin1.txt"], encoding="latin-1"))
    assert "Société Générale" in article.body or "Société Générale" in article.title


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nBody text here.")
    real_read = Path.read_bytes

    def deny(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", deny)  # as root, chmod 0 would not stop a read
    (error,) = list(read_paths([path]))
    assert isinstance(error, ReadError)
    assert str(error) == f"{path}: permission denied"


def test_a_folder_among_files_and_a_dangling_link(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    (error,) = list(read_paths([link]))
    assert "no such file" in str(error)


def test_folder_is_read_recursively_and_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text("First story\n\nThe DAX rose 1 percent.")
    (tmp_path / "b" / "c.txt").write_text("Second story\n\nThe CAC 40 fell 2 percent.")
    (tmp_path / "notes.csv").write_text("ignored,file")
    articles, errors = _split(list(read_paths([tmp_path])))
    assert [a.title for a in articles] == ["First story", "Second story"]
    assert not errors


def test_empty_folder_is_an_error(tmp_path):
    (error,) = list(read_paths([tmp_path]))
    assert "no .txt, .html or .jsonl files" in str(error)


def test_stdin_is_sniffed():
    text = b'{"id": "x1", "title": "T", "published": "2025-01-02", "text": "The Kospi rose 1%."}\n'
    (article,) = list(read_paths(["-"], stdin=io.BytesIO(text)))
    assert article.source_id == "x1"
    (article,) = list(read_bytes(b"<html><body><article><h1>Head</h1><p>" + b"The FTSE 100 rose 1 percent. " * 5
                                 + b"</p></article></body></html>", source="<stdin>"))
    assert article.body.startswith("The FTSE 100 rose")


def test_jsonl_record_without_text_or_with_bad_date():
    data = b'{"id": "a", "title": "no text"}\n{"id": "b", "text": "Body", "published": "not a date"}\n[1, 2]\n'
    errors = list(read_bytes(data, source="wire.jsonl", kind="jsonl"))
    assert [str(e) for e in errors] == [
        "wire.jsonl:1: the record has no 'text'",
        "wire.jsonl:2: 'published' is not a date: 'not a date'",
        "wire.jsonl:3: each line must be a JSON object",
    ]
