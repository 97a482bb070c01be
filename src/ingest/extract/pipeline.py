"""The extract stage's steps in order, behind one function that never raises."""

from __future__ import annotations

import logging

from ingest.clean import normalize_text
from ingest.extract import body, dates, language, metadata
from ingest.extract.decode import decode_html
from ingest.extract.parse import parse_html
from ingest.extract.result import Extracted
from ingest.extract.structured import read_page_data

LOGGER = logging.getLogger(__name__)


def extract(html: bytes | str, url: str | None = None) -> Extracted:
    """Main text and metadata of one page; on any failure an Extracted with empty text."""
    try:
        return _extract(html, url)
    except Exception:  # a bug on one odd page must not cost the batch: log it, return what is safe
        LOGGER.exception("extraction failed for %s", url)
        return Extracted()


def _extract(html: bytes | str, url: str | None) -> Extracted:
    text_html = decode_html(html) if isinstance(html, bytes | bytearray) else str(html or "")
    tree = parse_html(text_html)
    if tree is None:
        return Extracted()
    data = read_page_data(tree)
    site = metadata.site_name(data)
    title = metadata.title(tree, data, site)
    text, source = body.main_text(tree, data, url, [title or "", *metadata.h1_texts(tree)[:1]])
    text = normalize_text(text)
    return Extracted(
        text=text,
        title=title,
        authors=metadata.authors(tree, data, site),
        published=dates.published_date(tree, data, url),
        modified=dates.modified_date(tree, data),
        language=language.page_language(
            data, text or " ".join(filter(None, [title, metadata.description(data)]))
        ),
        canonical_url=metadata.canonical_url(data, url),
        description=metadata.description(data),
        site_name=site,
        text_source=source,
    )
