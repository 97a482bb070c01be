"""Publication dates: structured data first, then htmldate's page heuristics."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from lxml.html import HtmlElement

from ingest.extract.structured import PageData
from ingest.extract.vocab import vocab

_YEAR = re.compile(r"(?:19|20)\d\d")
_HAS_TIME = re.compile(r"\d{1,2}:\d\d")
_EARLIEST_YEAR = 1995  # before the web had news sites; older "dates" are template junk


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


def _dom_date(tree: HtmlElement, prop: str) -> str | None:
    for el in tree.iterfind(f'.//*[@itemprop="{prop}"]'):
        if found := normalise_date(el.get("datetime") or el.get("content") or el.text_content()):
            return found
    return None


def published_date(tree: HtmlElement, data: PageData, url: str | None) -> str | None:
    found = _jsonld_date(data, "datePublished")
    if found:
        return found
    for key in vocab()["meta"]["published"]:
        for value in data.meta.get(key, ()):
            if found := normalise_date(value):
                return found
    if found := _dom_date(tree, "datePublished"):
        return found
    found = _jsonld_date(data, "dateCreated")
    if found:
        return found
    return _htmldate(tree, url)


def modified_date(tree: HtmlElement, data: PageData) -> str | None:
    found = _jsonld_date(data, "dateModified")
    if found:
        return found
    for key in vocab()["meta"]["modified"]:
        for value in data.meta.get(key, ()):
            if found := normalise_date(value):
                return found
    return _dom_date(tree, "dateModified")


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    try:
        from htmldate import find_date

        found = find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception:  # htmldate is a heuristic helper; its failure must not cost the page
        return None
    return normalise_date(found) if found else None
