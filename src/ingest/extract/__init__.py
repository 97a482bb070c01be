"""Extract stage: main article text and metadata from one HTML page.

``extract`` parses the page once, reads the publisher's structured data (JSON-LD, <meta>), extracts the
body text and returns an ``Extracted`` record. It never raises: a page it cannot read gives empty text.
"""

from __future__ import annotations

from pathlib import Path

from ingest.extract.decode import decode_html, read_page
from ingest.extract.pipeline import extract
from ingest.extract.result import EXTRACTOR_VERSION, Extracted


def extract_file(path: str | Path, url: str | None = None) -> Extracted:
    """Extract from a saved ``.html`` or ``.html.gz`` file (OSError if it cannot be read)."""
    return extract(read_page(path), url=url)


__all__ = ["EXTRACTOR_VERSION", "Extracted", "decode_html", "extract", "extract_file", "read_page"]
