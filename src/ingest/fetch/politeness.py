"""Per-host politeness: at most N requests in flight per host and a minimum gap between request starts.

Start times are reserved under a lock in arrival order, so threads waiting for the same host line up
one gap apart instead of all waking at once. The gap for a host is the larger of its configured delay
and the Crawl-delay its robots.txt asks for.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

MAX_CRAWL_DELAY_S = 30.0
"""A robots.txt asking for more than this would stall a nightly run; we cap it (and still go slowly)."""


class _Host:
    def __init__(self, concurrency: int, gap_s: float) -> None:
        self.slots = threading.BoundedSemaphore(max(1, concurrency))
        self.gap_s = gap_s
        self.next_start = 0.0


class PolitenessGate:
    def __init__(
        self, *, concurrency_per_host: int, default_gap_s: float, gaps: dict[str, float] | None, max_in_flight: int
    ) -> None:
        self._concurrency = concurrency_per_host
        self._default_gap = max(0.0, default_gap_s)
        self._gaps = {h.lower(): max(0.0, g) for h, g in (gaps or {}).items()}
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()
        self._in_flight = threading.BoundedSemaphore(max(1, max_in_flight))

    def _host(self, host: str) -> _Host:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = _Host(self._concurrency, self._gaps.get(host, self._default_gap))
                self._hosts[host] = state
            return state

    def raise_gap(self, host: str, gap_s: float) -> None:
        """Crawl-delay from robots.txt: only ever makes us slower, never faster, than configured."""
        state = self._host(host)
        with self._lock:
            state.gap_s = max(state.gap_s, min(gap_s, MAX_CRAWL_DELAY_S))

    def gap(self, host: str) -> float:
        return self._host(host).gap_s

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of the host's request slots, starting no earlier than its next free start time."""
        state = self._host(host)
        with state.slots:
            with self._lock:
                now = time.monotonic()
                start = max(now, state.next_start)
                state.next_start = start + state.gap_s
            if start > now:
                time.sleep(start - now)
            with self._in_flight:
                yield
