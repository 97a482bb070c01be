"""One settings object for the whole pipeline. Every default says why it has its value."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ingest import __version__

PROJECT_URL = "https://github.com/me-security-ingest/me-security-ingest"


@dataclass(frozen=True)
class Settings:
    # --- warehouse ------------------------------------------------------------------------------
    db_path: Path = Path("data/warehouse.duckdb")
    """Local file a laptop user can find; a relative path so the demo never writes outside the clone."""

    # --- HTTP -----------------------------------------------------------------------------------
    user_agent: str = f"me-security-ingest/{__version__} (+{PROJECT_URL}; news research crawler)"
    """Name the project and a URL so a publisher can find out who we are and block us politely."""
    connect_timeout_s: float = 10.0
    """A healthy server accepts a TCP connection in well under a second; 10 s tolerates a slow route."""
    read_timeout_s: float = 20.0
    """Longest silence between two received chunks before we give up on a server."""
    total_deadline_s: float = 60.0
    """Wall-clock cap per request: a server trickling one byte per second must not hold a worker for minutes."""
    max_feed_bytes: int = 10_000_000
    """10 MB after decompression: the largest real feeds are a few MB; more is a mistake or an attack."""
    max_page_bytes: int = 10_000_000
    """10 MB after decompression: article pages with inline scripts reach 2-3 MB; keeps memory bounded."""
    max_redirects: int = 5
    """Browsers allow ~20, but news sites need at most 2-3 (http->https, www, trailing slash)."""
    allow_hosts: frozenset[str] = field(default_factory=frozenset)
    """host:port pairs exempt from the private-address guard (the demo site, a test server)."""
    connect_to: dict[str, str] = field(default_factory=dict)
    """'host:port' -> 'ip:port' overrides, like curl --connect-to: stable URLs, local servers."""

    # --- politeness -----------------------------------------------------------------------------
    host_delay_s: float = 1.0
    """Minimum gap between request starts to one host: one request a second is the common crawler norm."""
    per_host_concurrency: int = 2
    """At most two requests in flight per host, as browsers did for HTTP/1.1 (RFC 2616 sec. 8.1.4)."""
    max_workers: int = 8
    """Overall concurrent fetches: I/O bound, and a laptop's uplink saturates well before this."""
    respect_robots: bool = True
    """robots.txt is honoured for article pages; feeds are published to be polled."""

    # --- processing -----------------------------------------------------------------------------
    batch_size: int = 200
    """Articles per fetch/process/load batch: one Prefect task and one short write transaction each.
    A write transaction has a fixed cost of about 0.2 s whatever its size (opening the file, and the
    checkpoint on close rewrites the tail of every table it touched), so 200 loads about 5 times faster
    per article than 50 while still holding the file for well under a second."""
    process_workers: int | None = None
    """Processes for extract/clean/tag. None: one per core for runs of 100+ articles, in-process below
    that (a worker costs ~2 s to start). 1 keeps everything in-process."""

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with some fields changed, skipping None values (CLI options left unset)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
