"""Turning CLI/flow parameters into a list of sources."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ingest.sources.model import (
    Source,
    SourcesError,
    _is_http_url,
    default_sources_path,
    load_sources,
    slugify,
)


def sources_from_feed_urls(urls: list[str]) -> list[Source]:
    """Ad-hoc sources for ``--feed URL``: one per host name."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        if not _is_http_url(url):
            raise SourcesError(f"--feed {url!r}: not an http(s) URL")
        by_host.setdefault(urlsplit(url).netloc.lower(), []).append(url)
    return [Source(key=slugify(host), name=host, feeds=tuple(feeds)) for host, feeds in by_host.items()]


def resolve_sources(sources_file: str | Path | None, feeds: list[str] | None) -> list[Source]:
    """--sources FILE and/or --feed URL...; the packaged production list when neither is given."""
    result: list[Source] = []
    if sources_file:
        result.extend(load_sources(sources_file))
    if feeds:
        result.extend(sources_from_feed_urls(feeds))
    return result or load_sources(default_sources_path())


def host_delays(sources: list[Source]) -> dict[str, float]:
    """Per-host politeness overrides from sources that set ``host_delay_s``."""
    delays: dict[str, float] = {}
    for s in sources:
        if s.host_delay_s is None:
            continue
        for url in (*s.feeds, s.homepage or ""):
            host = urlsplit(url).hostname
            if host:
                delays[host.lower()] = max(delays.get(host.lower(), 0.0), s.host_delay_s)
    return delays
