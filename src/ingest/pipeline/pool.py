"""Where the CPU-bound work (extract, clean, tag) runs: in this process or in a pool of processes.

Fetching is I/O and stays on threads; extraction and tagging hold the GIL, so on a machine with
more than one core a process pool is what makes them faster. Worker processes are started with
``spawn`` because the flow runs on threads (Prefect's task runner, the fetch pool) and forking a
threaded process can copy a held lock into the child.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

MapFn = Callable[[Callable[..., Any], Iterable[Any]], Iterator[Any]]

# Below this many articles a pool costs more (each worker imports the extractor and tagger, about
# 2 s) than it saves, so small runs such as the demo stay in-process.
MIN_ARTICLES_FOR_POOL = 100


def choose_workers(requested: int | None, n_articles: int) -> int:
    """``requested`` None means automatic: one per core when the run is big enough to pay for it."""
    if requested is not None:
        return max(1, requested)
    if n_articles < MIN_ARTICLES_FOR_POOL:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


@contextmanager
def processing_map(workers: int) -> Iterator[MapFn]:
    """A ``map`` for processing: the builtin when ``workers`` is 1, else a process pool's map.

    The pool's map is safe to call from several threads at once (one per Prefect batch task).
    Results come back in input order, as with the builtin.
    """
    if workers <= 1:
        yield map
        return
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:

        def pool_map(fn: Callable[..., Any], items: Iterable[Any]) -> Iterator[Any]:
            items = list(items)
            # A few chunks per worker: less pickling overhead than one task per article, still balanced.
            chunksize = max(1, len(items) // (workers * 4))
            return pool.map(fn, items, chunksize=chunksize)

        yield pool_map
