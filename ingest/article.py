"""The :class:`Article` record and the parser for news pages saved as plain text.

A text article looks like a news page copied from a browser::

    NEWS > Hong Kong > Content

    Published: 09:47, February 4, 2025 | Updated: 19:28, February 4, 2025

    Hong Kong stocks surge on AI optimism

    By Zhang Tianyuan

    Body paragraph...

    ALSO READ: [Another story](#)

    Share

    Footer headline

Lines that link to other stories (``ALSO READ``, ``READ MORE``) and everything after
the ``Share`` line are not body text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from dateutil import parser as dateparser

_LINK_LINE = re.compile(
    r"^\s*(ALSO READ|READ MORE|READ ALSO|RELATED|SEE ALSO|MORE FROM|RELATED STORIES?)\b\s*:?",
    re.IGNORECASE,
)
_FOOTER_LINE = re.compile(r"^\s*(Share|Share this( article| story)?|Share on .*)\s*$", re.IGNORECASE)
_PUBLISHED = re.compile(r"^\s*(Published|Posted|Date)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_UPDATED = re.compile(r"\b(Updated|Last updated|Modified)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*By\s+(?P<names>[A-Z][^\n]{1,150})$")
_BREADCRUMB = re.compile(r"^\s*[A-Z][\w &'-]*(\s*>\s*[\w &'-]+)+\s*$")
_BYLINE_LOCATION = re.compile(r"\s+(in|from)\s+[A-Z][\w .'-]+$")
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")


#: Time-zone abbreviations news sites print, in hours east of UTC (ambiguous ones such as CST are left out).
_TZINFOS = {name: int(hours * 3600) for name, hours in {
    "UTC": 0, "GMT": 0, "BST": 1, "CET": 1, "CEST": 2, "IST": 5.5, "SGT": 8, "HKT": 8, "AWST": 8,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "EST": -5, "EDT": -4, "PST": -8, "PDT": -7,
}.items()}


@dataclass(frozen=True)
class Article:
    """One news article, as read from its source, before any NLP.

    ``body`` is the article text with paragraphs separated by a blank line; every
    character offset the extractors record is an offset into it.
    """

    body: str
    title: str = ""
    published: datetime | None = None
    modified: datetime | None = None
    byline: tuple[str, ...] = ()
    url: str | None = None
    source_id: str | None = None
    section: str | None = None
    source: str = "<unknown>"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def content_hash(self) -> str:
        """SHA-256 over title and body: equal hashes mean an unchanged article."""
        digest = hashlib.sha256()
        digest.update(self.title.encode("utf-8"))
        digest.update(b"\x00")
        digest.update(self.body.encode("utf-8"))
        return digest.hexdigest()

    @property
    def key(self) -> str:
        """A stable identity for the article, used to mint its IRI.

        It comes from the URL where there is one, else the source's own id, else the
        title and publication time (so an edited version of the same story replaces
        the old one), else the content.
        """
        if self.url:
            basis = "url:" + self.url.strip()
        elif self.source_id:
            basis = "id:" + self.source_id.strip()
        elif self.title and self.published:
            basis = f"title:{self.title.strip()}|{self.published.isoformat()}"
        else:
            basis = "content:" + self.content_hash
        return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]

    @property
    def reference_date(self) -> date | None:
        """The date relative expressions ("on Tuesday") are resolved against."""
        return self.published.date() if self.published else None


def parse_datetime(value: str) -> datetime | None:
    """Parse a date as news sites print it; ``None`` when it is no date at all.

    >>> parse_datetime("09:47, February 4, 2025")
    datetime.datetime(2025, 2, 4, 9, 47)
    >>> parse_datetime("2025-03-12 08:15").isoformat()
    '2025-03-12T08:15:00'
    >>> parse_datetime("yesterday-ish") is None
    True
    """
    value = value.strip().strip("|").strip()
    if not value or not re.search(r"\d", value):
        return None
    try:
        return dateparser.parse(value, fuzzy=True, tzinfos=_TZINFOS)
    except (ValueError, OverflowError):
        return None


def parse_byline(line: str) -> tuple[str, ...]:
    """Names from a byline such as "By Ann Lee and Bo Chen in Mumbai".

    >>> parse_byline("By Ann Lee and Bo Chen in Mumbai")
    ('Ann Lee', 'Bo Chen')
    """
    match = _BYLINE.match(line)
    if not match:
        return ()
    names = _BYLINE_LOCATION.sub("", match.group("names").strip())
    return tuple(n.strip() for n in _BYLINE_SPLIT.split(names) if n.strip())


def _paragraphs(lines: list[str]) -> str:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def parse_text_article(text: str, *, source: str = "<text>", url: str | None = None) -> Article:
    """Parse a news page saved as text into an :class:`Article`.

    The header (breadcrumb, ``Published: … | Updated: …``, title, ``By …``) is read
    where present; lines that link to other stories and the footer after ``Share``
    are dropped. Text with no such header becomes an article whose first line is the
    title.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    section = published = modified = None
    byline: tuple[str, ...] = ()
    title = ""

    body_start = 0
    # The header: everything up to and including the byline (or the title when there
    # is no byline), looked for only in the first lines of the file.
    header_end = min(len(lines), 25)
    i = 0
    saw_published = False
    while i < header_end:
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if section is None and not saw_published and not title and _BREADCRUMB.match(line):
            section = line
        elif (m := _PUBLISHED.match(line)) and not title:
            saw_published = True
            value = m.group("value")
            upd = _UPDATED.search(value)
            if upd:
                modified = parse_datetime(upd.group("value"))
                value = value[: upd.start()]
            published = parse_datetime(value)
        elif not title:
            title = line
            body_start = i + 1
        elif not byline and (names := parse_byline(line)):
            byline = names
            body_start = i + 1
            break
        else:
            break
        i += 1

    body_lines: list[str] = []
    for line in lines[body_start:]:
        if _FOOTER_LINE.match(line):
            break
        if _LINK_LINE.match(line):
            continue
        body_lines.append(line)
    return Article(
        body=_paragraphs(body_lines),
        title=title,
        published=published,
        modified=modified,
        byline=byline,
        url=url,
        section=section,
        source=source,
    )
