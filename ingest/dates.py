"""Resolving the dates news text uses ("on Tuesday", "effective Feb 10") against a reference date."""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = {name: i for i, name in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH_FORMS = [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
                ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
                ("october", "oct"), ("november", "nov"), ("december", "dec")]
MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_FORMS) for name in names}
#: The months' full names: "june", not "jun"
MONTH_NAMES = frozenset(names[0] for names in _MONTH_FORMS)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})\.?(?:,?\s+(?P<y>\d{{4}}))?\b", re.I)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_WEEKDAY = re.compile(r"\b(?P<next>next\s+|last\s+|this\s+(?:coming\s+)?|(?:the\s+)?coming\s+)?"
                      r"(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?P<week>\s+week\b)?"
                      r"(?P<of_next>\s+(?:of\s+)?next\s+week\b)?(?P<of_last>\s+(?:of\s+)?last\s+week\b)?\b",
                      re.I)  # ("Wednesday next week", "Monday last week")
_RELATIVE = re.compile(r"\b(the day before yesterday|the day after tomorrow|today|tomorrow|yesterday|"
                       r"this (?:morning|afternoon|evening)|tonight|last night|"
                       r"the (?:previous|prior) day|the day before(?!\s+(?:the|a|an|its|their|his|her)\b)|"
                       r"new year['’]s day)\b", re.I)
#: "the start of next month", "the beginning of March": the first day of a month or year
PERIOD_START = re.compile(rf"\b(?:start|beginning|first\s+day|first)\s+of\s+"
                           rf"(?:(?P<next>next|the\s+coming)\s+(?P<unit>month|quarter|year)|"
                           rf"(?P<m>{_MONTH})\b(?:\s+(?P<y>\d{{4}}))?)", re.I)

#: "the last day of May", "the last day of this month": a month's last day
PERIOD_END = re.compile(rf"\blast\s+day\s+of\s+(?:(?P<ewhich>this|next|the\s+current|the\s+coming)\s+month|"
                        rf"(?P<em>{_MONTH})\b(?:\s+(?P<ey>\d{{4}}))?)", re.I)

#: Days of the month told in words: "the fifteenth of this month", "the twenty-first of March"
_UNIT_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_DAYS = {w: i + 1 for i, w in enumerate(_UNIT_ORDINALS + (
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth"))} | {f"twenty{sep}{w}": 21 + i for i, w in enumerate(_UNIT_ORDINALS) for sep in "- "} | {
    "thirtieth": 30, "thirty-first": 31, "thirty first": 31}
_ORDINAL = "|".join(w.replace(" ", r"\s+") for w in sorted(ORDINAL_DAYS, key=len, reverse=True))


def _day_number(digits: str | None, words: str | None) -> int:
    """The day of a month told as "15th" (its digits) or as "the fifteenth", "the twenty first" (its words)."""
    return int(digits) if digits else ORDINAL_DAYS[re.sub(r"\s+", " ", words.lower())]

#: "the 22nd of this month", "the 1st of next month", "the fifteenth of this month": a day of the reference's month
#: or the next one
DAY_OF_MONTH = re.compile(rf"\bthe\s+(?:(?P<dd>\d{{1,2}})(?:st|nd|rd|th)|(?P<ddw>{_ORDINAL}))\s+of\s+"
                          r"(?P<which>this|next|last|the\s+current|the\s+coming|the\s+previous|the\s+past|the)\s+"
                          r"month\b", re.I)  # (and "since the first of the month": this month)
#: "from the 15th, …", "Starting the 28th, …": a day of this month told alone (one still to come, or already past,
#: as the sentence tells it), never "the 15th anniversary"
BARE_DAY = re.compile(rf"\bthe\s+(?:(?P<bd>\d{{1,2}})(?:st|nd|rd|th)|(?P<bdw>{_ORDINAL}))"
                      # ("opened an investigation on the 15th into a leak", "since the 5th over suspected …")
                      r"(?=\s*[,.;:)]|\s*$|\s+(?:and|until|through|onwards?|into|over|on|for|after|before|in|at|"
                      r"when|amid|following|under|with|by)\b)", re.I)
#: "the 15th of March", "the first of April 2026": a day of a named month
ORDINAL_OF_MONTH = re.compile(rf"\bthe\s+(?:(?P<od>\d{{1,2}})(?:st|nd|rd|th)|(?P<ow>{_ORDINAL}))\s+of\s+"
                              rf"(?P<om>{_MONTH})\b\.?(?:,?\s+(?P<oy>\d{{4}}))?", re.I)

#: "a week from Thursday", "two weeks from today"
WEEKS_FROM = re.compile(r"\b(?P<n>a|one|two|three|four)\s+(?P<weeks>weeks?)\s+from\s+(?=(?:next\s+)?(?:monday|tuesday|"
                        r"wednesday|thursday|friday|saturday|sunday|today|tomorrow)\b)", re.I)

#: Counts told in words: "ten days from now", "a week from Thursday"
_DAY_COUNTS = {w: i + 1 for i, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"))} | {
    "a": 1, "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90}
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "fortnight": 14}
_SPAN = (r"(?:(?P<n>\d{1,3}|" + "|".join(_DAY_COUNTS) + r")\s+(?P<unit>days?|weeks?)|(?P<fortnight>a\s+fortnight))")
#: "ten days from now", "a fortnight from today", "two weeks hence": counted from the reference (or from the day
#: after: "a week tomorrow")
DAYS_AHEAD = re.compile(r"\b" + _SPAN + r"\s+(?:from\s+(?:now|today)|hence|today|(?:from\s+)?(?P<tomorrow>tomorrow))\b",
                        re.I)
#: "a week ago", "three days ago today": counted back from the reference
DAYS_AGO = re.compile(r"\b" + _SPAN + r"\s+ago\b", re.I)
#: "in 30 days' time", and "takes effect in 30 days" (a bare "in 30 days" may be a span: "rose 20% in 30 days")
_DAYS_IN = re.compile(r"\bin\s+(?:exactly\s+|just\s+|precisely\s+)?" + _SPAN + r"(?P<time>['’]s?\s+time)?\b", re.I)


def counted_days(text: str, *, future: bool = False) -> list[re.Match]:
    """The day counts of ``text`` that name a day ahead of the reference ("ten days from now"); a bare
    "in two weeks" only when the text speaks of what ``future`` will be ("will be banned in two weeks")."""
    return [*DAYS_AHEAD.finditer(text), *(m for m in _DAYS_IN.finditer(text) if m["time"] or future or re.search(
        r"\beffect(?:ive)?\s*$", text[:m.start()], re.I))]


def days_ahead(m: re.Match) -> int:
    """The days a :data:`DAYS_AHEAD` match counts."""
    after = 1 if "tomorrow" in m.groupdict() and m["tomorrow"] else 0
    if m["fortnight"]:
        return 14 + after
    return after + (int(m["n"]) if m["n"].isdigit() else _DAY_COUNTS[m["n"].lower()]) * _UNIT_DAYS[m["unit"].lower()]


def _month_of(reference: date, which: str) -> tuple[int, int]:
    """(year, month) of "this", "next" or "last" month (or "the coming", "the previous" one) from the reference."""
    which = re.sub(r"\s+", " ", which.lower())
    ahead = 1 if which in ("next", "the coming") else -1 if which in ("last", "the previous", "the past") else 0
    months = reference.month + ahead - 1
    return reference.year + months // 12, months % 12 + 1


def _last_day(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve_date(text: str, reference: date | None, *, future: bool = False) -> date | None:
    """The first date ``text`` names, resolved against ``reference``.

    Weekdays resolve to the latest such day on or before the reference (news reports
    sessions that happened), or to the next one on or after it when ``future`` is
    set ("effective from Monday") or the text says "next". A month and day without a
    year take the reference's year, moved forward a year when that would put a future
    date more than a month back (or a past one more than six months ahead).

    >>> ref = date(2025, 2, 4)  # a Tuesday
    >>> resolve_date("on Tuesday", ref)
    datetime.date(2025, 2, 4)
    >>> resolve_date("effective Feb 10", ref)
    datetime.date(2025, 2, 10)
    >>> resolve_date("from next Monday", ref)
    datetime.date(2025, 2, 10)
    >>> resolve_date("from the start of next month", ref)
    datetime.date(2025, 3, 1)
    >>> resolve_date("ten days from now", ref), resolve_date("in a fortnight's time", ref)
    (datetime.date(2025, 2, 14), datetime.date(2025, 2, 18))
    >>> resolve_date("starting Monday week", ref), resolve_date("on Wednesday of next week", ref)
    (datetime.date(2025, 2, 17), datetime.date(2025, 2, 12))
    >>> resolve_date("from the coming Monday", ref), resolve_date("adopted the previous day", ref)
    (datetime.date(2025, 2, 10), datetime.date(2025, 2, 3))
    >>> resolve_date("from New Year's Day", ref)
    datetime.date(2026, 1, 1)
    >>> resolve_date("from a week today", ref), resolve_date("begun three days ago today", ref)
    (datetime.date(2025, 2, 11), datetime.date(2025, 2, 1))
    >>> resolve_date("goes up a week tomorrow", ref)
    datetime.date(2025, 2, 12)
    >>> resolve_date("since the last day of January", ref), resolve_date("from the last day of this month", ref)
    (datetime.date(2025, 1, 31), datetime.date(2025, 2, 28))
    >>> resolve_date("since the eighteenth of last month", ref), resolve_date("since Monday last week", ref)
    (datetime.date(2025, 1, 18), datetime.date(2025, 1, 27))
    >>> resolve_date("takes effect in 30 days", ref), resolve_date("rose 20% in 30 days", ref)
    (datetime.date(2025, 3, 6), None)
    """
    candidates: list[tuple[int, date]] = []
    for pattern in (_ISO,):
        for m in pattern.finditer(text):
            d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
            if d:
                candidates.append((m.start(), d))
    named = [(m, m["m"], int(m["d"]), m["y"]) for pattern in (_MONTH_DAY, _DAY_MONTH) for m in pattern.finditer(text)]
    named += [(m, m["om"], _day_number(m["od"], m["ow"]), m["oy"]) for m in ORDINAL_OF_MONTH.finditer(text)]
    for m, month_name, day, year in named:
        month = MONTHS[month_name.lower()]
        if year:
            d = _safe_date(int(year), month, day)
        elif reference:
            d = _safe_date(reference.year, month, day)
            if d and future and (reference - d).days > 30:  # "from July 1", said in December: next July
                d = _safe_date(reference.year + 1, month, day)
            elif d and not future and (d - reference).days > 183:
                d = _safe_date(reference.year - 1, month, day)
        else:
            d = None
        if d:
            candidates.append((m.start(), d))
    if reference:
        for m in _WEEKDAY.finditer(text):
            if any(c[0] > m.start() and text[m.end():c[0]].strip(" ,") == "" for c in candidates):
                continue  # "Monday, October 15": the date the weekday comes with
            target = WEEKDAYS[m["w"].lower()]
            words = (m["next"] or "").lower().split()
            qualifier = words[0] if words else ""
            # ("this coming Monday", "coming Friday": a day ahead, however the sentence is told)
            if m["of_next"]:
                # "Wednesday of next week": that day in the week after this one
                candidates.append((m.start(), reference + timedelta(days=7 - reference.weekday() + target)))
            elif m["of_last"]:
                # "Monday last week": that day in the week before this one
                candidates.append((m.start(), reference - timedelta(days=reference.weekday() + 7 - target)))
            elif qualifier == "next" or (future or "coming" in words or m["week"]) and qualifier != "last":
                delta = (target - reference.weekday()) % 7
                if (qualifier == "next" or m["week"]) and delta == 0:
                    delta = 7
                # ("Monday week": a week after the coming Monday)
                candidates.append((m.start(), reference + timedelta(days=delta + (7 if m["week"] else 0))))
            else:
                delta = (reference.weekday() - target) % 7
                candidates.append((m.start(), reference - timedelta(days=delta)))
        for m in PERIOD_START.finditer(text):
            if m["unit"] and m["unit"].lower() == "year":
                d = date(reference.year + 1, 1, 1)
            elif m["unit"] and m["unit"].lower() == "quarter":  # "the beginning of next quarter": a calendar one
                first = (reference.month - 1) // 3 * 3 + 4
                d = date(reference.year + (first > 12), (first - 1) % 12 + 1, 1)
            elif m["unit"]:
                d = date(reference.year + reference.month // 12, reference.month % 12 + 1, 1)
            else:
                year = int(m["y"]) if m["y"] else reference.year
                d = date(year, MONTHS[m["m"].lower()], 1)
                if not m["y"] and future and d < reference.replace(day=1):
                    d = date(year + 1, d.month, 1)
            candidates.append((m.start(), d))
        for m in PERIOD_END.finditer(text):
            if m["ewhich"]:
                year, month = _month_of(reference, m["ewhich"])
            else:
                year, month = int(m["ey"]) if m["ey"] else reference.year, MONTHS[m["em"].lower()]
            named = not m["ewhich"] and not m["ey"]  # (a month without a year: the nearest such month)
            d = _last_day(year, month)
            if named and future and (reference - d).days > 30:
                d = _last_day(year + 1, month)
            elif named and not future and (d - reference).days > 183:
                d = _last_day(year - 1, month)
            candidates.append((m.start(), d))
        for m in WEEKS_FROM.finditer(text):
            day = resolve_date(text[m.end("weeks"):], reference, future=True)
            if day:
                candidates.append((m.start(), day + timedelta(weeks=_DAY_COUNTS[m["n"].lower()])))
        for m in BARE_DAY.finditer(text):
            day, year, month = _day_number(m["bd"], m["bdw"]), reference.year, reference.month
            if future and day < reference.day or not future and day > reference.day:
                year, month = _month_of(reference, "next" if future else "last")
            d = _safe_date(year, month, day)
            if d:
                candidates.append((m.start(), d))
        for m in DAY_OF_MONTH.finditer(text):
            d = _safe_date(*_month_of(reference, m["which"]), _day_number(m["dd"], m["ddw"]))
            if d:
                candidates.append((m.start(), d))
        candidates += [(m.start(), reference + timedelta(days=days_ahead(m))) for m in counted_days(text)]
        candidates += [(m.start(), reference - timedelta(days=days_ahead(m))) for m in DAYS_AGO.finditer(text)]
        for m in _RELATIVE.finditer(text):
            said = re.sub(r"\s+", " ", m.group(1).lower())
            if said.startswith("new year"):
                candidates.append((m.start(), date(reference.year + 1, 1, 1)))  # ("from New Year's Day")
                continue
            shift = {"today": 0, "tomorrow": 1, "yesterday": -1, "the day before yesterday": -2, "this morning": 0,
                     "this afternoon": 0, "this evening": 0, "tonight": 0, "last night": -1,
                     "the day after tomorrow": 2, "the previous day": -1, "the prior day": -1,
                     "the day before": -1}[said]
            candidates.append((m.start(), reference + timedelta(days=shift)))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]
