"""What one fetch returns: never an exception, always a result with a readable error or a body."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class FetchResult:
    url: str
    """As requested."""
    final_url: str
    """After redirects."""
    kind: str
    """'feed' | 'article' | 'robots'."""
    status: int | None
    """Final HTTP status; None when no response came at all."""
    headers: dict[str, str]
    """Final response headers, lower-case names."""
    body: bytes
    """Content-decoded (gzip/deflate), charset untouched; b"" on 304 and on errors."""
    error: str | None
    """None on success (2xx with a body, or 304); otherwise a short readable reason."""
    elapsed_ms: int
    fetched_at: datetime
    """UTC, when the request started (after any politeness wait)."""
    redirects: list[str] = field(default_factory=list)
    retry_after_s: float | None = None
    """Parsed Retry-After (seconds or HTTP date), capped at a day."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.error is None
