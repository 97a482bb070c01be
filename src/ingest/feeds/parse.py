"""parse_feed: bytes as a server sent them -> ParsedFeed, never raising.

Steps: decode (decode.py) -> drop junk before the XML -> name the root element (an HTML page stops
here) -> remove the DOCTYPE and refuse entity tricks (prolog.py) -> repair entities, stray '&' and
control characters (repair.py) -> feedparser on clean UTF-8 -> if the strict parse failed on a
truncated document, cut after the last complete item and parse again -> map entries (links made
absolute http(s), dates to UTC, text without markup).
"""

from __future__ import annotations

import calendar
import html
import io
import logging
import re
import time
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from ingest.clean import normalize_text
from ingest.feeds.dates import ASSUMED_UTC, IMPLAUSIBLE, UNREADABLE, parse_date
from ingest.feeds.decode import decode_body
from ingest.feeds.model import FeedEntry, ParsedFeed, failed
from ingest.feeds.prolog import Refused, neutralise_doctype, scan_prolog, strip_leading_junk
from ingest.feeds.repair import close_after_last_item, repair_markup

log = logging.getLogger(__name__)

_DECLARATION = re.compile(r"^<\?xml[^>]*\?>")
_TAGS = re.compile(r"<[^>]*>")
# Tags that separate words when markup is dropped; inline tags (a, b, em) join their text to its neighbours.
_BLOCK_TAGS = re.compile(
    r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article|figure|figcaption|hr)\b[^>]*>", re.I
)
_FEED_LINK = re.compile(r"""<link\b[^>]*type=["']application/(?:rss|atom)\+xml["'][^>]*>""", re.IGNORECASE)
_HREF = re.compile(r"""href=["']([^"']+)["']""", re.IGNORECASE)
MAX_SUMMARY_CHARS = 5000  # a summary is a teaser; full content:encoded bodies are the extract stage's job
MAX_WARNINGS = 40  # one broken 5,000-item feed must not write 5,000 log lines
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed body fetched from ``url``. Never raises: problems become ``error`` or ``warnings``."""
    try:
        return _parse(body, url, content_type)
    except Exception as exc:  # a parser bug must cost one feed, not the run
        log.exception("feed parser failed on %s", url)
        return failed(f"parser error: {type(exc).__name__}: {exc}")


def _html_page(text: str, url: str, warnings: list[str]) -> ParsedFeed:
    for tag in _FEED_LINK.findall(text[:200_000]):
        href = _HREF.search(tag)
        link = _absolute_http(html.unescape(href.group(1)), url) if href else None
        if link:
            warnings.append(f"the page advertises a feed at {link}")
            break
    return failed("not a feed (HTML page)", warnings)


def _parse(body: bytes, url: str, content_type: str | None) -> ParsedFeed:
    if not body or not body.strip():
        return failed("empty body")
    decoded = decode_body(body, content_type)
    warnings = list(decoded.warnings)
    text, junk = strip_leading_junk(decoded.text)
    warnings += junk
    if text[:1] in "{[":
        return failed("not a feed (JSON document)", warnings)
    prolog = scan_prolog(text)
    root = prolog.root
    local = root.split(":")[-1].lower() if root else ""
    if local == "html" or prolog.doctype_public.lower().startswith("html"):
        return _html_page(text, url, warnings)
    if root is None:
        if "<html" in text[:4096].lower() or "<body" in text[:4096].lower():
            return _html_page(text, url, warnings)
        if prolog.doctype and prolog.doctype[1] == len(text):
            return failed("malformed XML: DOCTYPE never closes", warnings)
        return failed("not a feed (no XML root element)", warnings)
    try:
        text, doctype_warnings = neutralise_doctype(text, prolog)
    except Refused as refusal:
        return failed(str(refusal), warnings)
    warnings += doctype_warnings
    text, repairs = repair_markup(text)
    warnings += repairs
    text = '<?xml version="1.0" encoding="utf-8"?>\n' + _DECLARATION.sub("", text, count=1).lstrip()

    result = _feedparser(text, url)
    if result.get("bozo"):
        problem = _bozo_message(result)
        cut = close_after_last_item(text) if not re.search(rf"</{re.escape(root)}\s*>\s*$", text) else None
        retried = _feedparser(cut[0], url) if cut else None
        rebuilt = _recovered(text) if retried is None else ""
        recovered = _feedparser(rebuilt, url) if rebuilt else None
        if retried is not None and not retried.get("bozo") and retried.entries:
            result = retried
            warnings.append(
                f"truncated XML ({problem}): read the {len(result.entries)} complete item(s) before the break"
            )
        elif (
            recovered is not None
            and not recovered.get("bozo")
            and recovered.get("version")
            and len(recovered.entries) >= len(result.entries)
        ):
            result = recovered
            warnings.append(f"malformed XML ({problem}): repaired by a recovering XML parser")
        else:
            warnings.append(f"malformed XML ({problem}): read leniently")
    version = result.get("version") or None
    if not version and not result.entries:
        if result.get("bozo"):
            return failed(f"malformed XML: {_bozo_message(result)}", warnings)
        return failed(f"not a feed (XML root <{root}>)", warnings)
    if content_type and content_type.split(";")[0].strip().lower() in _HTML_TYPES:
        warnings.append(f"served as {content_type.split(';')[0].strip()} but is a feed")
    return _build(result, url, version, warnings)


def _feedparser(text: str, url: str) -> Any:
    headers = {"content-type": "application/xml; charset=utf-8", "content-location": url}
    # A stream, never a string: feedparser would treat a string as a URL or a file name and open it.
    return feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers=headers)


def _recovered(text: str) -> str:
    """The document as libxml2's recovering parser rebuilds it: mismatched and stray tags dropped.

    The DOCTYPE is already gone; entities are neither resolved nor fetched, and huge_tree stays off.
    """
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError:
        return ""
    if root is None:
        return ""
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(root, encoding="unicode")


def _bozo_message(result: Any) -> str:
    exc = result.get("bozo_exception")
    if exc is None:
        return "unknown problem"
    message = str(getattr(exc, "getMessage", lambda: exc)()) if hasattr(exc, "getMessage") else str(exc)
    line = getattr(exc, "getLineNumber", None)
    return f"{message} at line {line()}" if callable(line) else message


def _absolute_http(href: str | None, base: str) -> str | None:
    """An absolute http(s) URL, or None for empty links and other schemes (javascript:, file:, mailto:)."""
    if not href or not href.strip():
        return None
    try:
        absolute = urljoin(base, href.strip())
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return absolute


def _plain(value: str | None, detail: Any = None) -> str | None:
    """Text without markup: feedparser leaves HTML in html-typed titles and in summaries."""
    if not value:
        return None
    kind = (detail or {}).get("type", "text/html")
    if kind in _HTML_TYPES:  # plain text stays verbatim, angle brackets and all
        value = html.unescape(_TAGS.sub("", _BLOCK_TAGS.sub(" ", value)))
    text = " ".join(normalize_text(value).split())
    return text or None


def _authors(raw: Any) -> list[str]:
    names: list[str] = []
    for author in raw.get("authors") or []:
        name = (author.get("name") or "").strip()
        if "(" in name:  # RSS <author>email (Name)</author>, which feedparser does not always split cleanly
            name = name.rsplit("(", 1)[1].rstrip(") ")
        name = " ".join(re.sub(r"^by\s+", "", name, flags=re.IGNORECASE).split())
        if name and "@" not in name and name not in names:
            names.append(name)
    return names


def _struct_to_utc(value: time.struct_time | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (OverflowError, ValueError, OSError):
        return None


class _Notes:
    """Per-feed warnings, bounded, with repeated kinds counted instead of listed."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.naive_dates = 0
        self.unreadable_dates: list[str] = []
        self.implausible_dates: list[str] = []
        self.refused_links: list[tuple[str, str]] = []

    def add(self, message: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)
        elif len(self.warnings) == MAX_WARNINGS:
            self.warnings.append("more warnings left out")

    def finish(self) -> None:
        if self.naive_dates:
            self.add(f"{self.naive_dates} date(s) without a time zone read as UTC")
        if self.unreadable_dates:
            examples = ", ".join(repr(d) for d in self.unreadable_dates[:3])
            self.add(f"{len(self.unreadable_dates)} date(s) not understood, e.g. {examples}")
        if self.implausible_dates:
            examples = ", ".join(repr(d) for d in self.implausible_dates[:3])
            self.add(f"{len(self.implausible_dates)} placeholder date(s) ignored, e.g. {examples}")


def _date(raw: Any, keys: tuple[str, ...], notes: _Notes) -> datetime | None:
    # dict.get: FeedParserDict would answer 'updated' with 'published'.
    key = next((k for k in keys if dict.get(raw, k)), keys[0])
    text = dict.get(raw, key)
    value, outcome = parse_date(text)
    if outcome == ASSUMED_UTC:
        notes.naive_dates += 1
    elif outcome == IMPLAUSIBLE:
        notes.implausible_dates.append(str(text)[:60])
    elif outcome == UNREADABLE:
        value = _struct_to_utc(dict.get(raw, f"{key}_parsed"))  # feedparser knows a few exotic formats
        if value is None:
            notes.unreadable_dates.append(str(text)[:60])
    return value


def _label(index: int, title: str | None) -> str:
    return f"item {index + 1}" + (f" ({title[:60]!r})" if title else "")


def _entry(raw: Any, index: int, url: str, version: str, notes: _Notes) -> FeedEntry | None:
    title = _plain(raw.get("title"), raw.get("title_detail"))
    guid = (raw.get("id") or "").strip() or None
    link = _absolute_http(raw.get("link"), url)
    if not (title or link or guid or raw.get("link")):
        notes.add(f"{_label(index, title)} skipped: no title, link or guid")
        return None
    if raw.get("link") and link is None:
        notes.add(f"{_label(index, title)}: link {str(raw.get('link'))[:80]!r} is not http(s): dropped")
        scheme = str(raw.get("link")).split(":", 1)[0].strip().lower() if ":" in str(raw.get("link")) else ""
        notes.refused_links.append((str(raw.get("link"))[:2000], f"refused: item link scheme {scheme or '(none)'}: "
                                    "is not http(s)"))  # fmt: skip
    elif link is None and guid and version.startswith("atom") and _absolute_http(guid, url) == guid:
        link = guid  # an Atom id that is an http URL is the best link such an entry has
        notes.add(f"{_label(index, title)}: no link, its http id used")
    elif link is None and raw.get("guidislink") is False and guid:
        notes.add(f"{_label(index, title)}: no link (its guid is not a permalink)")
    elif link is None:
        notes.add(f"{_label(index, title)}: no link")
    published = _date(raw, ("published",), notes)
    updated = _date(raw, ("updated", "dc_modified"), notes)
    if published is None and updated is not None and not version.startswith("atom"):
        # RSS has one item date (pubDate or dc:date, which feedparser files under 'updated'): it is the publication.
        published, updated = updated, None
    summary = _plain(raw.get("summary"), raw.get("summary_detail"))
    if summary is None and raw.get("content"):
        summary = _plain(raw["content"][0].get("value"), raw["content"][0])
    if summary and len(summary) > MAX_SUMMARY_CHARS:
        summary = summary[:MAX_SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return FeedEntry(
        title=title,
        link=link,
        guid=guid,
        published=published,
        updated=updated,
        summary=summary,
        authors=_authors(raw),
    )


def _build(result: Any, url: str, version: str | None, warnings: list[str]) -> ParsedFeed:
    notes = _Notes(warnings)
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for index, raw in enumerate(result.entries):
        entry = _entry(raw, index, url, version or "", notes)
        if entry is None:
            continue
        key = entry.guid or entry.link
        if key and key in seen:
            notes.add(f"{_label(index, entry.title)} skipped: repeats an earlier item")
            continue
        if key:
            seen.add(key)
        entries.append(entry)
    notes.finish()
    feed = result.get("feed", {})
    return ParsedFeed(
        format=version,
        title=_plain(feed.get("title"), feed.get("title_detail")),
        link=_absolute_http(feed.get("link"), url),
        entries=entries,
        warnings=notes.warnings,
        refused_links=notes.refused_links,
    )
