"""The record the extract stage hands to the rest of the pipeline."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Bump whenever the output for some page can change: backfills re-extract stored pages keyed on it.
EXTRACTOR_VERSION = "extract-5"


@dataclass
class Extracted:
    text: str = ""
    """Main article text: paragraphs separated by a blank line; "" when no article text was found."""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    """Person names only: no "By", no outlet name, no dates."""
    published: str | None = None
    """ISO 8601: a full timestamp when the page gives one with its UTC offset, else "YYYY-MM-DD"."""
    language: str | None = None
    """ISO 639-1 code, declared by the page or else detected from its text."""
    canonical_url: str | None = None
    description: str | None = None
    site_name: str | None = None
    extractor_version: str = EXTRACTOR_VERSION
    modified: str | None = None
    """Last modification, same format as ``published`` (when the page says)."""
    text_source: str | None = None
    """Which candidate gave the text ("dom", "jsonld", ...): kept to audit the agreement checks."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
