"""Article phase for one batch: fetch, store raw, process, load. One Prefect task per batch."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.fetch import Fetcher, FetchResult
from ingest.fetch.schedule import interleave_by_host
from ingest.pipeline.common import raw_id
from ingest.pipeline.feeds import log_row, store_raw
from ingest.pipeline.load import load_articles, mark_seen
from ingest.pipeline.plan import ArticleJob
from ingest.pipeline.process import ProcessedArticle, ProcessFailure, process_article
from ingest.warehouse import append, writer

log = logging.getLogger(__name__)

MapFn = Callable[[Callable[..., Any], Iterable[Any]], Iterator[Any]]


@dataclass
class BatchStats:
    articles: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    failed_feeds: set[str] = field(default_factory=set)  # feeds with an article that failed in this batch

    def merge(self, other: BatchStats) -> BatchStats:
        self.articles.update(other.articles)
        self.events.update(other.events)
        self.failed_feeds |= other.failed_feeds
        return self


def fetch_many(fetcher: Fetcher, urls: list[str], *, kind: str, workers: int) -> list[FetchResult]:
    """Fetch in parallel, results in the order of ``urls``. The Fetcher enforces per-host politeness and
    the overall bound; taking hosts in turn keeps threads from queueing behind one host's gap."""
    order = interleave_by_host(list(range(len(urls))), lambda i: urls[i])
    results: list[FetchResult | None] = [None] * len(urls)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="fetch") as pool:
        for index, result in zip(order, pool.map(lambda i: fetcher.fetch(urls[i], kind=kind), order), strict=True):
            results[index] = result
    return [r for r in results if r is not None]


def _process(args: tuple[ArticleJob, bytes, str, str]) -> ProcessedArticle | ProcessFailure:
    return process_article(*args)


def run_article_batch(
    fetcher: Fetcher,
    db_path: Path,
    run_id: str,
    jobs: list[ArticleJob],
    *,
    workers: int = 4,
    map_fn: MapFn = map,
) -> BatchStats:
    """Fetch, keep the raw bytes, extract/clean/tag (``map_fn`` may be a process pool's map), load."""
    stats = BatchStats()
    results = fetch_many(fetcher, [j.url for j in jobs], kind="article", workers=workers)
    store_raw(db_path, run_id, "article", [r for r in results if r.error is None])
    logs: list[dict[str, Any]] = []
    todo: list[tuple[ArticleJob, bytes, str, str]] = []
    for job, result in zip(jobs, results, strict=True):
        if result.error is not None or not result.body:
            error = result.error or "empty response body"
            logs.append(log_row(run_id, "article", result, error=error, feed_url=job.feed_url))
            stats.articles["failed"] += 1
            stats.failed_feeds.add(job.feed_url)
            log.warning("article %s failed: %s", job.url, error)
            continue
        todo.append((job, result.body, result.final_url or job.url, raw_id(result.url, result.body)))
    by_url = {job.url: result for job, result in zip(jobs, results, strict=True)}
    processed: list[ProcessedArticle] = []
    for (job, *_), outcome in zip(todo, map_fn(_process, todo), strict=True):
        result = by_url[job.url]
        if isinstance(outcome, ProcessFailure):
            logs.append(log_row(run_id, "article", result, error=outcome.error, feed_url=job.feed_url))
            stats.articles["failed"] += 1
            stats.failed_feeds.add(job.feed_url)
            log.warning("article %s failed: %s", job.url, outcome.error)
        else:
            logs.append(log_row(run_id, "article", result, error=None, feed_url=job.feed_url))
            processed.append(outcome)
    with writer(db_path) as con:
        loaded = load_articles(con, processed, run_id)
        append(con, "fetch_log", logs)
    stats.articles.update(loaded.outcomes.values())
    stats.events.update(loaded.events_by_type)
    return stats


def mark_seen_articles(db_path: Path, article_ids: list[str], run_id: str) -> None:
    if article_ids:
        with writer(db_path) as con:
            mark_seen(con, article_ids, run_id)
