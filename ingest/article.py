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
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime

from dateutil import parser as dateparser

#: A line that links to other stories: "ALSO READ: …", or a heading over a list of them ("RELATED", "MOST VIEWED",
#: "You may also like", "More from Markets"), whose list is dropped with it
_LINK_LINE = re.compile(
    r"^\s*(?:ALSO READ|READ MORE|READ ALSO|READ NEXT|RELATED(?: ARTICLES| STORIES| COVERAGE| NEWS| CONTENT)?|SEE ALSO|"
    r"MORE\b[^:.]{0,30}|YOU (?:MAY|MIGHT) ALSO LIKE|MOST (?:VIEWED|READ|POPULAR)|TRENDING(?: NOW)?|"
    r"ALSO ON\b[^:]{0,30}|RECOMMENDED(?: FOR YOU)?|TOP STORIES|FURTHER READING|LATEST NEWS|"
    r"[^:|/]{0,20}[/|] (?:READ|SEE) ALSO)"
    r"\s*(?:[:|](?P<rest>.*))?$", re.IGNORECASE)
#: An item of a list of links: "- Yuan edges higher", "1. Won slides", "> Export orders beat forecasts"
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*>»›·]|\d{1,2}[.)])\s+\S")
#: Where the page's furniture begins: share buttons, tags, a copyright line, a newsletter box
_FOOTER_LINE = re.compile(
    r"^\s*(?:(?:tap to )?share\b.*|(?:tags?|topics?|filed under|keywords)\s*:.*|(?:\(c\)|©|copyright)\s.*|"
    r"sign up\b.*|follow us\b.*)$", re.IGNORECASE)
_SOCIAL = {"share", "facebook", "x", "twitter", "tweet", "linkedin", "email", "e-mail", "whatsapp", "telegram",
           "weibo", "wechat", "line", "kakaotalk", "print", "copy link", "reddit", "newsletter", "mail", "messenger",
           "bookmark", "compartir", "partager", "teilen", "condividi", "instagram"}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: A calendar date with its year, as news sites print it: "4 February 2025", "Feb. 9, 2025", "2025-02-04",
#: "17.8.2025", "04/02/2025"
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b", re.IGNORECASE)
_DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
_SLASHED_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
_AMERICAN_ZONE = re.compile(r"\b(?:E|C|M|P)[SD]?T\b")
_DOTTED_TIME = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})(?![\d.])")  # "17.02 BST"
_GMT_OFFSET = re.compile(r"\(?\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?\)?")  # "(GMT+7)": 7 hours east
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
#: What a date line is labelled with; the part after an "updated" label is the modification time
_DATE_LABEL = re.compile(
    r"^\s*(?:first\s+)?(?:published|posted|date|dated|updated|last\s+updated)\s*(?:on|at)?\s*:?\s*", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|amended|revised|edited)\b\s*(?:on|at)?\s*:?\s*",
                      re.IGNORECASE)
_DATE_PIECES = re.compile(r"\s+[|·•;]\s+|\s+[-–—]\s+|\s*\|\s*")
#: A label before the names of a byline: "By", "Words by", "Report:"
_BYLINE = re.compile(r"^\s*(?:By|(?:Words|Story|Text|Reporting|Report|Written)\s+by|Text|Words|Reporting|Report|"
                     r"Author|Authors|Written by)\b\s*:?\s+(?P<names>[A-Z][^\n]{1,150})$")
#: A section line before the title: "NEWS > Hong Kong", "Markets | Asia | Korea", "MARKETS · AFRICA",
#: "SECTION: Markets"
_SECTION_SEPARATORS = re.compile(r"\s(?:>>?|\||/|›|»|::|·|-|—|–)\s|^SECTION\s*:", re.IGNORECASE)
_BYLINE_LOCATION = re.compile(r"\s+(?:in|from)\s+[A-Z][\w .'-]+$")
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\band\b|&)\s*")
#: Name particles that stay lower case: "Joost van Dam", "Farah binti Rosli"
#: Words a date line holds besides the date: "Posted Wednesday 17 January 2025, 16:52 HKT"
_DATE_WORDS = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday", "tuesday",
               "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm", "a", "p", "m", "at", "on", "time",
               "local", "published", "posted", "updated", "revised", "amended", "first", "last", "reading", "min",
               "mins", "minutes", "read"}
_NAME_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "binti", "al", "el"}


#: Time-zone abbreviations news sites print, in hours east of UTC (ambiguous ones such as CST are left out).
_TZINFOS = {name: int(hours * 3600) for name, hours in {
    "UTC": 0, "GMT": 0, "BST": 1, "CET": 1, "CEST": 2, "IST": 5.5, "SGT": 8, "HKT": 8, "AWST": 8,
    "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "EST": -5, "EDT": -4, "PST": -8, "PDT": -7,
    "WET": 0, "WEST": 1, "EET": 2, "EEST": 3, "SAST": 2, "EAT": 3, "MSK": 3, "TRT": 3, "GST": 4, "PKT": 5,
    "ICT": 7, "WIB": 7, "MYT": 8, "PHT": 8, "AWDT": 9, "ACST": 9.5, "ACDT": 10.5, "NZST": 12, "NZDT": 13,
    "BRT": -3, "ART": -3, "CLT": -4, "COT": -5, "PET": -5, "MST": -7, "MDT": -6, "CDT": -5,
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


def parse_datetime(value: str, default: datetime | None = None) -> datetime | None:
    """Parse a date as news sites print it; ``None`` when it is no date at all. ``default`` fills what the
    value leaves out (the day of a time told alone: "revised 17:30 HKT").

    >>> parse_datetime("09:47, February 4, 2025")
    datetime.datetime(2025, 2, 4, 9, 47)
    >>> parse_datetime("2025-03-12 08:15").isoformat()
    '2025-03-12T08:15:00'
    >>> parse_datetime("20.09.2025 | 17:48 | Reading time 3 min")
    datetime.datetime(2025, 9, 20, 17, 48)
    >>> parse_datetime("yesterday-ish") is None
    True
    """
    value = _DATE_LABEL.sub("", value.strip()).strip(" \t|;,-–—")
    if not value or not re.search(r"\d", value):
        return None
    value = _GMT_OFFSET.sub(lambda m: f" {m[1]}{int(m[2]):02d}:{m[3] or '00'}", value)
    value = _DOTTED_TIME.sub(r"\1:\2", value)
    pieces = [p for p in _DATE_PIECES.split(value) if p.strip()]
    if len(pieces) > 1:  # only the pieces that tell a date or a time, not "Reading time 3 min"
        value = " ".join(p for p in pieces if _DATE.search(p) or _TIME.search(p)) or value
    # "17.8.2025" is the 17th of August, and so is "17/08/2025" but on American pages ("08/17/2025 EDT")
    options: dict = {"dayfirst": True} if _DOTTED_DATE.search(value) or _SLASHED_DATE.search(value) and not \
        _AMERICAN_ZONE.search(value) else {}
    if default is not None:
        options["default"] = default
    with warnings.catch_warnings():  # (a time-zone name it does not know is left out, not warned about)
        warnings.simplefilter("ignore")
        try:
            return dateparser.parse(value, fuzzy=True, tzinfos=_TZINFOS, **options)
        except (ValueError, OverflowError):
            return None


def _names(text: str) -> tuple[str, ...]:
    """The names of a byline without its label: "A. Smith, B. Jones and C. Wu"; what follows a comma, a bar or
    a bracket after the names is where or what they are ("Ann Lee, Tokyo bureau", "Lai Wen-ting (Taipei)")."""
    text = _BYLINE_LOCATION.sub("", re.split(r"\s*[|(]\s*|\s+[-–—]\s+|\s+reporting\b", text.strip())[0])
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) > 1 and not re.search(r"\band\b|&", parts[-1]):
        parts = parts[:1]
    return tuple(n.strip() for p in parts for n in _BYLINE_SPLIT.split(p) if n.strip())


def _is_name(words: str) -> bool:
    """Two to four capitalised words: "Yoon Seo-yeon", "Joost van Dam"."""
    tokens = words.split()
    return 2 <= len(tokens) <= 4 and all(
        re.fullmatch(r"[A-Z][\w'.-]*", t) and not t.isupper() or t in _NAME_PARTICLES for t in tokens)


def parse_byline(line: str, *, unlabelled: bool = False) -> tuple[str, ...]:
    """Names from a byline such as "By Ann Lee and Bo Chen in Mumbai" (or "Words by …", "Report: …"); with
    ``unlabelled``, also from a line of names alone ("Yoon Seo-yeon | Seoul").

    >>> parse_byline("By Ann Lee and Bo Chen in Mumbai")
    ('Ann Lee', 'Bo Chen')
    >>> parse_byline("Kong Xinyu, Shanghai", unlabelled=True)
    ('Kong Xinyu',)
    """
    match = _BYLINE.match(line)
    if match:
        return _names(match.group("names"))
    if not unlabelled or len(line) > 80 or re.search(r"\d|[.!?:]$", line.strip()):
        return ()
    names = _names(line)
    return names if names and all(_is_name(n) for n in names) else ()


def _date_line(line: str) -> bool:
    """A header line that tells when the story was published: "Published 8 May 2025 · 17:51 CEST",
    "Thu 6 Apr 2025 17.02 BST" (a date with its year, and little else)."""
    found = _DATE.search(line)
    if not found or len(line) > 100 or line.rstrip().endswith(".") and not line.rstrip().endswith(("a.m.", "p.m.")):
        return False
    if _DATE_LABEL.match(line):
        return True
    rest = re.findall(r"[A-Za-z]+", line[:found.start()] + " " + line[found.end():])
    return len([w for w in rest if not w.isupper() and w.lower() not in _DATE_WORDS]) <= 4


def _section_line(line: str) -> bool:
    """A section or breadcrumb line: "NEWS > Hong Kong > Content", "Markets | Asia | South Korea", "MARKETS"."""
    return len(line) <= 80 and len(line.split()) <= 8 and not re.search(r"\d", line) and (
        bool(_SECTION_SEPARATORS.search(line)) or line.isupper())


def _is_paragraph(line: str) -> bool:
    """A line of body text, not of the header: long, or a sentence of many words."""
    return len(line) > 250 or len(line.split()) >= 12 and line.rstrip()[-1:] in ('.', '!', '"', '”', ')')


def _is_footer(line: str) -> bool:
    """Where the page furniture after the story begins: "Share", "Print | Email | Share", "Tags: …",
    "(c) 2025 …", "Follow us: Facebook · LinkedIn"."""
    if len(line) > 120:
        return False
    if _FOOTER_LINE.match(line):
        return True
    # (also "Compartir en: Facebook | X | WhatsApp": whatever the label says, the buttons after it)
    return _buttons(line, r"[|·/•,:]") or _buttons(line.partition(":")[2], r"[|·/•,]")


def _buttons(text: str, separators: str) -> bool:
    """``text`` is two or more share buttons between ``separators``."""
    pieces = [p.strip().lower() for p in re.split(separators, text) if p.strip()]
    return len(pieces) >= 2 and all(p in _SOCIAL for p in pieces)


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

    The header is read where present, in the first lines before the body: a section line ("Markets | Asia"),
    a date line ("Published: … | Updated: …", "Thu 6 Apr 2025 17.02 BST"), the title and a byline ("By …",
    "Words by …", or names alone: "Yoon Seo-yeon | Seoul"). Lines that link to other stories are dropped, and
    so is the footer after ``Share``. Text with no such header becomes an article whose first line is the
    title, unless that line is already body text.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    section = published = modified = None
    byline: tuple[str, ...] = ()
    title = ""
    section_at = title_at = dated_at = -1
    body_start = 0
    i = 0
    while i < min(len(lines), 25):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if _is_paragraph(line):
            break
        if published is None and _date_line(line):
            told, updated = _DATE_LABEL.sub("", line), None
            if (upd := _UPDATED.search(told)) and upd.start() > 0:
                told, updated = told[:upd.start()], told[upd.end():]  # "… | Updated: 19:28, February 4, 2025"
            published = parse_datetime(told) or parse_datetime(updated or "")
            modified = parse_datetime(updated, default=published.replace(tzinfo=None) if published else None) \
                if updated else None
            body_start = i + 1 if title else body_start
            dated_at = i
        elif not title and section is None and published is None and _section_line(line):
            section, section_at = line, i
        elif not title:
            if section is not None and parse_byline(line):
                title, section, body_start = section, None, section_at + 1  # the title was in capitals
                continue
            title, body_start, title_at = line, i + 1, i
        elif not byline and (names := parse_byline(line, unlabelled=True)):
            byline, body_start = names, i + 1
        elif not byline and section is None and published is not None and dated_at > title_at and \
                len(title.split()) <= 6 and not re.search(r"\d", title):
            # "Vietnam stocks" / "Sept 24, 2092 | 15:30 ICT" / the title: the short line before the date was the
            # section
            section, title, body_start = title, line, i + 1
        else:
            break
        i += 1
    if not title and section is not None:
        title, section, body_start = section, None, max(body_start, section_at + 1)  # a short title, no section

    body_lines: list[str] = []
    listing = False
    for n, line in enumerate(lines[body_start:], start=body_start):
        if _is_footer(line):
            break
        if listing and (not line.strip() or _LIST_ITEM.match(line) or not _is_paragraph(line) and
                        len(line.split()) <= 12 and not line.rstrip().endswith(".")):
            continue  # the list of stories under a heading of links
        listing = False
        if (link := _LINK_LINE.match(line)) and (link.group("rest") is not None or
                                                 len(line.strip()) <= 40 and not line.rstrip().endswith(".")):
            listing = not (link.group("rest") or "").strip()
            continue
        # (the rest of the page is looked at only for such a heading, not for every line of the story)
        if line.strip().isupper() and len(line.strip()) <= 40 and \
                (rest := [nxt for nxt in lines[n + 1:] if nxt.strip()]) and all(_LIST_ITEM.match(nxt) and not nxt.rstrip().endswith(".") or _is_footer(nxt) for nxt in rest):
            break  # "TE PUEDE INTERESAR" over "• Peso weakens past 18.90 per dollar" at the end of the page
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
