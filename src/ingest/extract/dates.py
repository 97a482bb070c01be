"""Publication dates: structured data first, then htmldate's page heuristics."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.structured import PageData
from ingest.extract.visible_dates import (
    headline_date,
    labelled_dates,
    parse_displayed_dates,
    slash_month_first,
    timed_dates,
)
from ingest.extract.vocab import vocab

_YEAR = re.compile(r"(?:19|20)\d\d")
_HAS_TIME = re.compile(r"\d{1,2}:\d\d")
_EARLIEST_YEAR = 1995
_DATELINE_CHARS = 500  # how far into the body a date may sit and still be the article's dateline
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|$)"
)  # before the web had news sites; older "dates" are template junk


def normalise_date(value: Any) -> str | None:
    """A date string in any common machine format -> ISO 8601 ("YYYY-MM-DD", or full with offset).

    A time without a UTC offset is dropped: it is in the publisher's unknown local time, and reading it
    as UTC would move some articles to the wrong day.
    """
    if not isinstance(value, str) or not _YEAR.search(value):
        return None
    text = value.strip()
    parsed: datetime | date | None = None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" UTC", "+00:00"))
    except ValueError:
        try:
            from dateutil import parser as dateutil_parser

            parsed = dateutil_parser.parse(text, fuzzy=False)
        except (ValueError, OverflowError, TypeError):
            return None
    today = date.today()
    day = parsed.date() if isinstance(parsed, datetime) else parsed
    if not _EARLIEST_YEAR <= day.year <= today.year + 1:
        return None
    if isinstance(parsed, datetime) and parsed.tzinfo is not None and _HAS_TIME.search(text):
        return parsed.isoformat(timespec="seconds")
    return day.isoformat()


def _jsonld_date(data: PageData, key: str) -> str | None:
    sources = [data.article] if data.article else []
    sources += [o for o in data.jsonld if o is not data.article]
    for node in sources:
        if node and (found := normalise_date(node.get(key))):
            return found
    return None


# Through the attribute axis: only elements carrying an itemprop are tested (same elements, same order).
_ITEMPROP = etree.XPath("//@itemprop[. = $prop]/..")


def _dom_date(tree: HtmlElement, data: PageData, prop: str) -> str | None:
    if not data.may_contain(prop):
        return None
    for el in _ITEMPROP(tree, prop=prop):
        if found := normalise_date(el.get("datetime") or el.get("content") or el.text_content()):
            return found
    return None


def structured_published(tree: HtmlElement, data: PageData) -> str | None:
    found = _jsonld_date(data, "datePublished")
    if found:
        return found
    for key in vocab()["meta"]["published"]:
        for value in data.meta.get(key, ()):
            if found := normalise_date(value):
                return found
    return _dom_date(tree, data, "datePublished") or _jsonld_date(data, "dateCreated")


def url_date(url: str | None) -> date | None:
    """A full date in the URL path (/2024/03/05/, /2024-03-05-): the publisher's local day."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    try:
        found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return found if _EARLIEST_YEAR <= found.year <= date.today().year + 1 else None


def _utc_or_dateless(value: str) -> bool:
    """A timestamp in UTC (or a bare day) may fall on another day than the publisher's local one; one
    with a real UTC offset is already in the publisher's time and its day stands."""
    return len(value) <= 10 or value.endswith(("+00:00", "Z"))


def _same_local_day(shown: date, stamp: str) -> bool:
    """Whether a printed day is the day of a machine timestamp: the same day, or the day before or after
    when the timestamp is in UTC (the publisher's local day may differ from the UTC one)."""
    day = _day(stamp)
    return day is not None and (shown == day or (_utc_or_dateless(stamp) and abs((shown - day).days) == 1))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def published_date(
    tree: HtmlElement,
    data: PageData,
    url: str | None,
    zone: tuple[str, str, str] = ("", "", ""),
    modified: str | None = None,
) -> str | None:
    """Publication date, by agreement between the machine-readable dates and the one shown to readers.

    The date printed under the headline wins when there is one: it is what the publisher shows as the
    article's date (often an "Updated" date on evergreen pages) and it is in the publisher's time zone,
    while JSON-LD timestamps are often in UTC. A machine timestamp falling on that same day is kept for
    its precision. Two exceptions: the metadata and the URL agreeing on a day outvote the page's printed
    dates, and a timestamp with a real UTC offset is already in local time, so its day is never shifted.
    """
    structured = structured_published(tree, data)
    from_url = url_date(url)
    if structured and from_url and _day(structured) == from_url:
        # Two independent machine signals agree: dates printed near the headline are then more likely a
        # sidebar's or an update's.
        return structured
    hints = {d for d in (_day(structured), _day(modified), from_url) if d}
    mf = slash_month_first(data.html_lang)
    shown = headline_date(zone, hints, mf)
    if shown:
        day = _day(structured)
        # The machine date printed anywhere by the headline confirms it: the first date after the headline
        # may then be a related story's or an "Updated" line's. (Searched only when the days differ.)
        if day and day != shown:
            near = [d for d, label in labelled_dates(zone[0], hints, mf) if label != "updated"]
            if day in near + parse_displayed_dates(zone[1], hints, mf):
                return structured
        return structured if day == shown else shown.isoformat()
    if structured:
        day = _day(structured)
        # The body opens with the date of the last update (a dateline after the standfirst): the page
        # shows that date as the article's, as it does when it prints it under the headline.
        top = [d for d, _label in labelled_dates(zone[2][:_DATELINE_CHARS], hints, mf)] if modified else []
        if top and modified and _same_local_day(top[0], modified) and top[0] != day:
            return top[0].isoformat()
        # Published and modified stamped on the same day: a CMS that rewrites both on every save. An older
        # date opening the body is then the first publication.
        if top and modified and _day(modified) == day and top[0] < day:
            return top[0].isoformat()
        # UTC timestamps shift late-evening articles to the next day; the URL, or a date printed at the top
        # of the body (after a standfirst), keeps the publisher's local day.
        local = (
            [
                from_url,
                *(d for d, label in labelled_dates(zone[2], hints, mf) if label),
                *timed_dates(zone[2], hints, mf),
            ]
            if _utc_or_dateless(structured)
            else []
        )
        if day and (near := next((d for d in local if d and abs((d - day).days) == 1), None)):
            return near.isoformat()
        return structured
    if from_url:
        return from_url.isoformat()
    # No machine date and none beside the headline: a dateline opening the body ("March 5, 2024 -").
    opening = labelled_dates(zone[2][:_DATELINE_CHARS], hints, mf)
    body_dates = [d for d, label in opening if label != "updated"]
    if body_dates:
        return body_dates[0].isoformat()
    # Only an "Updated" stamp opens the body: the page shows it as the article's date, as it would under
    # the headline.
    if opening:
        return opening[0][0].isoformat()
    return _htmldate(tree, url)


def modified_date(tree: HtmlElement, data: PageData) -> str | None:
    found = _jsonld_date(data, "dateModified")
    if found:
        return found
    for key in vocab()["meta"]["modified"]:
        for value in data.meta.get(key, ()):
            if found := normalise_date(value):
                return found
    return _dom_date(tree, data, "dateModified")


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    try:
        from htmldate import find_date

        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception:  # htmldate is a heuristic helper; its failure must not cost the page
        return None
    return normalise_date(found) if found else None
