"""Event dates from a sentence's own words, resolved against the article's publication date."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ingest.tag.prefilter import Guarded
from ingest.tag.resources import relative_dates
from ingest.tag.text import dateline

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]  # fmt: skip
_MONTH_ALT = "|".join(m.capitalize() for m in _MONTHS) + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
# Month names are matched case-sensitively so the verb "march" and modal "may" are not months. Guarded: most
# sentences name no month or weekday, and a substring test rules the pattern out (see prefilter).
_YEAR_PART = r"(?:,? (?P<y>(?:19|20)\d\d)|(?P<last> last year))?\b"  # ("on May 15 last year")
_DAY_MONTH = Guarded.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{_MONTH_ALT})\.?{_YEAR_PART}")
_MONTH_DAY = Guarded.compile(rf"\b(?P<m>{_MONTH_ALT})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_YEAR_PART}")
_SINCE = Guarded.compile(
    rf"\bsince (?:(?:early|mid|late)-?\s?)?(?P<m>{_MONTH_ALT})\b(?:\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?)?"
)
_MONTH_ONLY = Guarded.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Ll]ast|[Mm]id-?)\s?(?P<m>{_MONTH_ALT})\b(?! \d)"
)
_MONTH_YEAR = Guarded.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-?|[Ss]ince|[Ff]rom)\s?(?P<m>{_MONTH_ALT}),? "
    r"(?P<y>(?:19|20)\d\d|last year)\b"
)
_NAMING = re.compile(r"(?:\bthe|['\u2019]s)\s+$")
_WEEKDAY = Guarded.compile(r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")


@cache
def _relative() -> tuple[Guarded, dict[str, dict]]:
    table = {k.lower(): v for k, v in relative_dates().items()}
    alt = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return Guarded.compile(rf"\b(?:{alt})\b", re.IGNORECASE), table


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i + 1 for i, m in enumerate(_MONTHS) if m.startswith(name[:3]))


def _not_after(day: int, month: int, year: int | None, published: dt.date) -> dt.date | None:
    """The most recent such date on or before publication when the text gives no year."""
    try:
        if year is not None:
            return dt.date(year, month, day)
        candidate = dt.date(published.year, month, day)
        return candidate if candidate <= published else dt.date(published.year - 1, month, day)
    except ValueError:
        return None


# An act dated this many days or more before publication is background to the news, not news ("In January ...",
# "on November 19, 2023", "last month" in a story of March; "last week" too).
RECALLED_DAYS = 14
# After the lede a calendar day more than a week back is background too ("US and British jets struck dozens of
# Houthi targets on January 11 and 12" in a story of January 23); a lede so dated may be a weekly's news.
RECALLED_DAYS_AFTER_LEDE = 8


def dated_before(date: dt.date | None, precision: str | None, published: dt.date, days: int = RECALLED_DAYS) -> bool:
    """Does the sentence's own date put its act weeks before publication (a day `days` or more back, a week
    back, or a month before the publication's month)?"""
    if date is None or precision not in ("day", "week", "month", "year"):
        return False
    if precision == "year":  # "late last year"
        return date.year < published.year
    if precision == "week":  # "last week", not "earlier this week"
        return (published - date).days >= 7
    if precision == "month":
        return (date.year, date.month) < (published.year, published.month) and (published - date).days >= days
    return (published - date).days >= days


_OPENING_REACH = 160  # characters at the top of a story where its own dateline date is printed


def opening_date(text: str, published: dt.date) -> dt.date:
    """The story's own date where its top prints one with a year before the publication date the feed gave
    ("AFP Friday 12 Sep 2014 Syrian government air raids ..." republished weeks later): what its "Friday" and
    "last month" are counted from. Else the publication date."""
    head = text[:_OPENING_REACH]
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        m = pattern.search(head)
        if m and m.group("y"):
            date = _not_after(int(m.group("d")), _month_number(m.group("m")), int(m.group("y")), published)
            if date is not None and date < published:
                return date
    return published


def resolve_date(sentence: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """(event_date, date_precision). Without a cue the event is dated to publication ('published')."""
    if published is None:
        return None, None
    filed = dateline(sentence)
    if filed is not None:  # "GAZA CITY, Nov 14 (Reuters) -": when the story was filed, not when its act happened
        sentence = sentence[filed.end() :]
    m = _SINCE.search(sentence)
    if m:
        day = int(m.group("d")) if m.group("d") else 1
        start = _not_after(day, _month_number(m.group("m")), None, published)
        if start:
            return start, "range"
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        # (a date that names another event dates nothing here: "the November 27 truce", "Iran's October 1 barrage")
        m = next((m for m in pattern.finditer(sentence) if not _NAMING.search(sentence, 0, m.start())), None)
        if m:
            y = int(m.group("y")) if m.group("y") else published.year - 1 if m.group("last") else None
            date = _not_after(int(m.group("d")), _month_number(m.group("m")), y, published)
            if date:
                return date, "day"
    m = _WEEKDAY.search(sentence)
    if m:
        back = (published.weekday() - _WEEKDAYS.index(m.group("w").lower())) % 7
        return published - dt.timedelta(days=back), "day"
    pattern, table = _relative()
    relative = pattern.search(sentence)
    # a month named before a relative cue dates the act ("In April, Iran launched 300 drones in an overnight assault")
    month_year = _MONTH_YEAR.search(sentence)
    month_only = _MONTH_ONLY.search(sentence) if month_year is None else None
    month = month_year or month_only
    if relative and not (month and month.start() < relative.start()):
        rule = table[relative.group(0).lower()]
        return published - dt.timedelta(days=rule["days"]), rule["precision"]
    if month_year:
        year = published.year - 1 if month_year.group("y") == "last year" else int(month_year.group("y"))
        return dt.date(year, _month_number(month_year.group("m")), 1), "month"
    if month_only:
        month_number = _month_number(month_only.group("m"))
        date = _not_after(1, month_number, None, published)
        if date and month_number == published.month and month_only.group(0)[:4].lower() == "last":
            date = date.replace(year=published.year - 1)  # "last May" in a story of May: a year back
        if date:
            return date, "month"
    return published, "published"
