"""What the feed stage hands to the pipeline: a parsed feed and its entries, plain data only."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass
class FeedEntry:
    """One item of a feed. ``link`` is absolute http(s) or None; dates are UTC-aware or None."""

    title: str | None
    link: str | None
    guid: str | None
    published: datetime | None
    updated: datetime | None
    summary: str | None
    authors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        record = asdict(self)
        for key in ("published", "updated"):
            value = record[key]
            record[key] = value.isoformat() if value else None
        return record


@dataclass
class ParsedFeed:
    """A feed as read. ``error`` is set only when nothing usable could be read; ``warnings`` say what was fixed."""

    format: str | None
    title: str | None
    link: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    refused_links: list[tuple[str, str]] = field(default_factory=list)
    """(link as written, reason) for item links we will not follow (file:, javascript:, ...)."""

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, object]:
        return {
            "format": self.format,
            "title": self.title,
            "link": self.link,
            "error": self.error,
            "warnings": list(self.warnings),
            "entries": [e.to_dict() for e in self.entries],
        }


def failed(error: str, warnings: list[str] | None = None) -> ParsedFeed:
    return ParsedFeed(format=None, title=None, link=None, entries=[], error=error, warnings=warnings or [])
