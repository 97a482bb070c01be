"""How far a run has got, for whoever wants to show it.

The flows report stages ("feeds", "articles", "pages") as they start and advance; the CLI draws them as
rich progress bars on a terminal. With no listener (tests, Prefect workers) reporting costs a dict lookup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[str, int, int], None]
"""Called with (stage, done, total) whenever a stage starts or advances."""

_listeners: list[Listener] = []
_done: dict[str, tuple[int, int]] = {}
_lock = threading.Lock()


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    with _lock:
        _listeners.append(listener)
        _done.clear()
    try:
        yield
    finally:
        with _lock:
            _listeners.remove(listener)


def begin(stage: str, total: int) -> None:
    _report(stage, 0, total)


def advance(stage: str, n: int = 1) -> None:
    with _lock:
        done, total = _done.get(stage, (0, 0))
    _report(stage, done + n, total)


def _report(stage: str, done: int, total: int) -> None:
    with _lock:
        if not _listeners:
            return
        _done[stage] = (done, total)
        listeners = list(_listeners)
    for listener in listeners:
        listener(stage, done, total)
