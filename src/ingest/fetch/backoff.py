"""When to try a failing feed again, and what a server's Retry-After asks for."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

MAX_DELAY_S = 86_400.0
"""A day: a feed that keeps failing is still tried once a day, so it recovers by itself."""
JITTER = 0.1
"""+-10%, so many feeds that failed together (one host down) do not all come back at the same second."""


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), capped at a day."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_DELAY_S)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_DELAY_S)


def next_fetch_after(
    consecutive_failures: int,
    *,
    retry_after_s: float | None,
    base_interval_s: float,
    now: datetime,
    rng: random.Random | None = None,
) -> datetime:
    """Exponential back-off (base, 2x base, 4x base, ...) with jitter, capped at a day; a server's
    Retry-After is honoured when it asks for longer."""
    rng = rng or random.Random()
    failures = max(1, consecutive_failures)
    delay = min(base_interval_s * 2 ** min(failures - 1, 30), MAX_DELAY_S) * rng.uniform(1 - JITTER, 1 + JITTER)
    if retry_after_s is not None:
        # Never earlier than the server asked: jitter only adds to its Retry-After.
        delay = max(delay, min(retry_after_s, MAX_DELAY_S) * rng.uniform(1, 1 + JITTER))
    return now + timedelta(seconds=min(delay, MAX_DELAY_S))
