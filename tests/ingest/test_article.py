from datetime import datetime

import pytest
from dateutil import tz

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


@pytest.mark.parametrize(("header", "published", "title", "byline", "section"), [
    # headers as news sites print them: a section line with bars, slashes or capitals, a date line with or without a
    # label (dots in the time, a GMT offset, a revision time, a reading time), names without "By"
    ("Markets | Asia | South Korea\n\nPublished Feb. 9, 2025, 4:12 p.m. KST\n\nKOSPI slides 1.3%\n\nYoon Seo-yeon | Seoul",
     datetime(2025, 2, 9, 16, 12, tzinfo=tz.tzoffset(None, 9 * 3600)), "KOSPI slides 1.3%", ("Yoon Seo-yeon",),
     "Markets | Asia | South Korea"),
    ("Business › Markets › United Kingdom\n\nThu 6 Mar 2025 17.02 BST\n\nFTSE 100 dips\n\nHarriet Okonjo, Markets "
     "Reporter", datetime(2025, 3, 6, 17, 2, tzinfo=tz.tzoffset(None, 3600)), "FTSE 100 dips", ("Harriet Okonjo",),
     "Business › Markets › United Kingdom"),
    ("Markets | Southeast Asia | Thailand\n\nPublished: 16 August 2025 at 17:10 (GMT+7)\n\nSET falls\n\nStory by "
     "Nattaya Srisuk", datetime(2025, 8, 16, 17, 10, tzinfo=tz.tzoffset(None, 7 * 3600)), "SET falls",
     ("Nattaya Srisuk",), "Markets | Southeast Asia | Thailand"),
    ("MARKETS · AFRICA · KENYA\n\n20.09.2025 | 17:48 | Reading time 3 min\n\nNASI gains\n\nReport: Wanjiku Njoroge "
     "(Nairobi)", datetime(2025, 9, 20, 17, 48), "NASI gains", ("Wanjiku Njoroge",), "MARKETS · AFRICA · KENYA"),
    ("STOCKS SLIDE ON RATE FEARS\n\nBy Ann Lee and Bo Chen, Tokyo\n\nMarch 5, 2025", datetime(2025, 3, 5),
     "STOCKS SLIDE ON RATE FEARS", ("Ann Lee", "Bo Chen"), None),
])
def test_headers_in_many_shapes(header, published, title, byline, section):
    body = "The KOSPI fell 1.3 percent on Thursday as a rate rise few had priced in sent exporters and banks lower."
    article = parse_text_article(header + "\n\n\n" + body + "\n\nMore text.")
    assert (article.published, article.title, article.byline, article.section) == (published, title, byline, section)
    assert article.body == body + "\n\nMore text."


def test_a_revision_time_is_the_modification_and_a_first_line_of_body_is_no_title():
    article = parse_text_article("Posted Wednesday 17 January 2025, 16:52 HKT - revised 17:30 HKT\n\nHang Seng jumps")
    assert (article.published, article.modified) == (datetime(2025, 1, 17, 16, 52, tzinfo=tz.tzoffset(None, 8 * 3600)),
                                                     datetime(2025, 1, 17, 17, 30, tzinfo=tz.tzoffset(None, 8 * 3600)))
    body = "The Hang Seng Index rose 1.3 percent on Wednesday, its best day in a month, as the HKMA cut its base rate."
    article = parse_text_article(body)
    assert (article.title, article.body) == ("", body)


def test_page_furniture_after_the_story_is_no_body():
    # headings over lists of other stories, share buttons in any order, tags and copyright lines; a link line
    # inside the story goes, and the story goes on after it
    page = ("Stocks edge up\n\nBy Ann Lee\n\nThe Hang Seng Index rose 0.4 percent on Monday.\n\n"
            "ALSO READ: [Yuan firms](#)\n\nTurnover reached HK$120 billion.\n\nMOST VIEWED\n1. Won slides to two-month low\n"
            "2. Exports rise 4.1% on chip demand\n\nMORE BUSINESS\nHome loan approvals dip in March\n\n"
            "Print | Email | Share\n\nTags: banks, rates\n\n(c) 2025 Harbour Daily. All rights reserved.")
    assert parse_text_article(page).body == ("The Hang Seng Index rose 0.4 percent on Monday.\n\n"
                                             "Turnover reached HK$120 billion.")
    for footer in ("Share this article: WeChat | Weibo | Email", "Share on LINE | Facebook | X",
                   "Follow us: Facebook · LinkedIn · Newsletter", "WhatsApp / Telegram / Facebook", "Tap to share"):
        assert parse_text_article(f"Title\n\nThe KOSPI fell 1 percent.\n\n{footer}\n\nSpam").body == \
            "The KOSPI fell 1 percent."
    # (a short line of the story that opens with such a word stays)
    assert parse_text_article("Title\n\nThe KOSPI fell.\n\nMore losses followed.").body == \
        "The KOSPI fell.\n\nMore losses followed."


def test_a_short_line_before_the_date_is_the_section_and_names_before_a_dash_or_reporting():
    article = parse_text_article("Vietnam stocks\n\nSept 24, 2025 | 15:30 ICT\n\nVN-Index sheds 1.2% after rate rise\n\n"
                                 "Nguyen Hoang Anh reporting from Hanoi\n\nThe VN-Index fell 1.2 percent on Wednesday.")
    assert (article.section, article.title, article.byline, article.published.date()) == (
        "Vietnam stocks", "VN-Index sheds 1.2% after rate rise", ("Nguyen Hoang Anh",), datetime(2025, 9, 24).date())
    assert parse_byline("By Elif Yildirim - Istanbul") == ("Elif Yildirim",)


def test_links_and_share_lines_in_other_shapes_and_languages():
    story = "The IPC fell 0.4 percent on Friday."
    page = (f"Title\n\n{story}\n\nAlso Read | Rupee ends flat against the dollar\n\nTE PUEDE INTERESAR\n"
            "• Peso weakens past 18.90 per dollar\n• Remittances hit record in June\n\n"
            "Compartir / Share: WhatsApp · X · Email")
    assert parse_text_article(page).body == story
    # (a closing list of what the story tells, in sentences, is the story)
    told = "WHAT ANALYSTS SAY:\n* Oddo BHF said the duties would lift margins."
    assert parse_text_article(f"Title\n\n{story}\n\n{told}").body == f"{story}\n\n{told.replace(chr(10), ' ')}"


def test_a_date_line_ending_in_pm_and_closing_links_in_two_languages():
    page = ("Stocks | Philippines\n\nOct. 13, 2025 — 4:05 p.m.\n\nPSEi drops 0.6% as BSP stays at 4%\n\n"
            "Written by Bianca Dizon-Reyes\n\nThe PSEi fell 0.6 percent to 7,488.20 on Thursday.\n\n"
            "Lea también | Read also\n» Peso weakens past 58 per dollar\n\nTAMBIÉN LE PUEDE INTERESAR\n"
            "› Copper output rises 5% in October\n\nCompartir en: Facebook | X | WhatsApp | Email")
    article = parse_text_article(page)
    assert (article.published, article.title, article.byline) == (
        datetime(2025, 10, 13, 16, 5), "PSEi drops 0.6% as BSP stays at 4%", ("Bianca Dizon-Reyes",))
    assert article.body == "The PSEi fell 0.6 percent to 7,488.20 on Thursday."


@pytest.mark.parametrize(("text", "expected"), [
    # a date with slashes is day first, but on American pages
    ("06/09/2025 - 15:25", datetime(2025, 9, 6, 15, 25)),
    ("Published on Tuesday 21/10/2025 at 15:10 Cairo time", datetime(2025, 10, 21, 15, 10)),
    ("04/10/2025 4:00 PM ET", datetime(2025, 4, 10, 16, 0)),
])
def test_dates_with_slashes(text, expected):
    assert parse_datetime(text).replace(tzinfo=None) == expected
