"""The extract stage's steps in order, behind one function that never raises."""

from __future__ import annotations

import logging

from ingest.extract import authors, body, dates, language, metadata
from ingest.extract.boilerplate import drop_bylines_and_bios
from ingest.extract.decode import decode_keeping_utf8
from ingest.extract.parse import drop_invisible, parse_html
from ingest.extract.result import Extracted
from ingest.extract.structured import read_page_data
from ingest.extract.visible_dates import header_zone, linear_text

LOGGER = logging.getLogger(__name__)


def extract(html: bytes | str, url: str | None = None) -> Extracted:
    """Main text and metadata of one page; on any failure an Extracted with empty text."""
    try:
        return _extract(html, url)
    except Exception:  # a bug on one odd page must not cost the batch: log it, return what is safe
        LOGGER.exception("extraction failed for %s", url)
        return Extracted()


def _extract(html: bytes | str, url: str | None) -> Extracted:
    text_html, utf8 = decode_keeping_utf8(html) if isinstance(html, bytes | bytearray) else (str(html or ""), None)
    tree = parse_html(text_html, utf8)
    if tree is None:
        return Extracted()
    data = read_page_data(tree, text_html)
    drop_invisible(tree)
    site = metadata.site_name(data)
    h1s = metadata.h1_texts(tree)
    title = metadata.title(tree, data, site, h1s)
    page_text = linear_text(tree)
    text, source = body.main_text(tree, data, url, [title or "", *h1s[:1]], len(page_text))
    # The visible headline: the page's only h1, else the h1 that the title matches, else the title.
    folded = (title or "").casefold()
    heading = h1s[0] if len(h1s) == 1 else next((h for h in h1s if h.casefold() in folded), title)
    modified = dates.modified_date(tree, data)
    zone = header_zone(page_text, heading, text[:200])
    names = authors.authors(tree, data, site, zone[0])
    if names and text:  # bylines and author bios only become recognisable once the names are known
        text = "\n\n".join(drop_bylines_and_bios(text.split("\n\n"), names))
    return Extracted(
        text=text,
        title=title,
        authors=names,
        published=dates.published_date(tree, data, url, zone, modified),
        modified=modified,
        language=language.page_language(data, text or " ".join(filter(None, [title, metadata.description(data)]))),
        canonical_url=metadata.canonical_url(data, url),
        description=metadata.description(data),
        site_name=site,
        text_source=source,
    )
