from datetime import datetime

import pytest

from ingest.article import Article, parse_byline, parse_datetime, parse_text_article


def test_seed_header_is_parsed(seed_path):
    article = parse_text_article(seed_path.read_text(encoding="utf-8"), source=str(seed_path))
    assert article.title == "Hong Kong stocks surge on AI optimism despite US-China trade tensions"
    assert article.published == datetime(2025, 2, 4, 9, 47)
    assert article.modified == datetime(2025, 2, 4, 19, 28)
    assert article.byline == ("Zhang Tianyuan",)
    assert article.section == "NEWS > Hong Kong > Content"


def test_seed_body_drops_links_and_footer(seed_path):
    body = parse_text_article(seed_path.read_text(encoding="utf-8")).body
    assert body.startswith("People walk past Exchange Square")
    assert "The benchmark Hang Seng Index ended up 2.83 percent at 20,789.96" in body
    assert body.rstrip().endswith("just after the US tariff deadline passed.")
    for not_body in ("ALSO READ", "READ MORE", "HKEX: Companies listed", "HKTaxi", "Share"):
        assert not_body not in body
    assert "\n\n" in body  # paragraphs are kept apart


def test_text_without_header_takes_first_line_as_title():
    article = parse_text_article("Markets calm\n\nThe Nikkei 225 was little changed on Monday.")
    assert article.title == "Markets calm"
    assert article.published is None
    assert article.body == "The Nikkei 225 was little changed on Monday."


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Zhang Tianyuan", ("Zhang Tianyuan",)),
        ("By Ann Lee and Bo Chen", ("Ann Lee", "Bo Chen")),
        ("By Priya Nair in Mumbai", ("Priya Nair",)),
        ("By A. Smith, B. Jones and C. Wu", ("A. Smith", "B. Jones", "C. Wu")),
        ("Byte-sized markets", ()),
    ],
)
def test_byline(line, names):
    assert parse_byline(line) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:47, February 4, 2025", datetime(2025, 2, 4, 9, 47)),
        ("2025-03-12 08:15", datetime(2025, 3, 12, 8, 15)),
        ("March 5, 2025", datetime(2025, 3, 5)),
    ],
)
def test_dates(text, expected):
    assert parse_datetime(text) == expected


def test_time_zone_abbreviations_are_understood():
    parsed = parse_datetime("10:30 IST, April 9, 2025")
    assert parsed.utcoffset().total_seconds() == 5.5 * 3600


def test_identity_is_stable_and_content_hash_tracks_edits():
    a = Article(body="Body one.", title="Same story", published=datetime(2025, 1, 2))
    b = Article(body="Body two, edited.", title="Same story", published=datetime(2025, 1, 2))
    assert a.key == b.key  # an edited version of the same story replaces the old one
    assert a.content_hash != b.content_hash
    assert Article(body="x", url="https://example.test/a").key != Article(body="x", url="https://example.test/b").key
