"""Nightly flow: poll feeds, fetch new and updated articles, extract, clean, tag, load, record the run.

One task per feed and one per batch of articles (never per article), on a bounded thread pool.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prefect import flow, task, unmapped
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from ingest.config import Settings
from ingest.fetch import Fetcher, FetchResult
from ingest.fetch.schedule import interleave_by_host
from ingest.pipeline import (
    ArticleJob,
    BatchStats,
    FeedJob,
    chunks,
    commit_feed_validators,
    digest_feeds,
    mark_seen_articles,
    plan_articles,
    plan_feeds,
    progress,
    run_article_batch,
    run_slot,
    store_raw,
    sync_sources,
)
from ingest.pipeline.incidents import refresh_incidents
from ingest.pipeline.pool import MapFn, choose_workers, processing_map
from ingest.pipeline.summary import record_batches, summary_rows
from ingest.sources import host_delays, resolve_sources


@task(cache_policy=NO_CACHE)
def fetch_feed(fetcher: Fetcher, job: FeedJob) -> FetchResult:
    result = fetcher.fetch(job.feed_url, kind="feed", etag=job.etag, last_modified=job.last_modified)
    progress.advance("feeds")
    return result


@task(cache_policy=NO_CACHE)
def article_batch(
    fetcher: Fetcher, db: Path, run_id: str, jobs: list[ArticleJob], workers: int, map_fn: MapFn
) -> BatchStats:
    stats = run_article_batch(fetcher, db, run_id, jobs, workers=workers, map_fn=map_fn)
    progress.advance("articles", len(jobs))
    return stats


@flow(name="nightly", task_runner=ThreadPoolTaskRunner(max_workers=4))
def nightly(
    sources: str | None = None,
    feeds: list[str] | None = None,
    db: str = "data/warehouse.duckdb",
    allow_hosts: list[str] | None = None,
    connect_to: dict[str, str] | None = None,
    host_delay: float | None = None,
    wait: float = 0.0,
    force: bool = False,
    processes: int | None = None,
    batch_size: int | None = None,
    request_deadline: float | None = None,
) -> dict[str, Any]:
    settings = Settings().with_overrides(
        db_path=Path(db),
        host_delay_s=host_delay,
        allow_hosts=frozenset(allow_hosts or ()),
        connect_to=dict(connect_to or {}),
        process_workers=processes,
        batch_size=batch_size,
        total_deadline_s=request_deadline,
    )
    srcs = resolve_sources(sources, feeds)
    params = {"sources": sources, "feeds": feeds, "db": db, "host_delay": host_delay, "force": force}
    with (
        run_slot(settings.db_path, "nightly", params, wait_s=wait) as run,
        Fetcher(settings, host_delays=host_delays(srcs)) as fetcher,
    ):
        sync_sources(settings.db_path, srcs)
        jobs, backing_off = plan_feeds(settings.db_path, srcs, now=datetime.now(UTC), force=force)
        run.count("feeds", "backing_off", backing_off)
        progress.begin("feeds", len(jobs))
        results = fetch_feed.map(unmapped(fetcher), jobs).result()
        store_raw(settings.db_path, run.run_id, "feed", results)
        polled = digest_feeds(settings.db_path, run, jobs, results)
        plan = plan_articles(settings.db_path, polled)
        mark_seen_articles(settings.db_path, plan.seen_article_ids, run.run_id)
        # Hosts in turn, so each batch spreads over hosts instead of queueing behind one host's gap.
        batches = chunks(interleave_by_host(plan.jobs, lambda job: job.url), settings.batch_size)
        workers = choose_workers(settings.process_workers, len(plan.jobs))
        progress.begin("articles", len(plan.jobs))
        with processing_map(workers) as map_fn:
            stats = article_batch.map(
                unmapped(fetcher), unmapped(settings.db_path), unmapped(run.run_id), batches,
                unmapped(settings.max_workers), unmapped(map_fn),
            ).result()  # fmt: skip
        run.count("processing", "processes", workers)
        total = record_batches(run, stats)
        commit_feed_validators(settings.db_path, polled, total.failed_feeds)
        # After the validators: should this fail, the next run finds the unassigned events and repairs it.
        refresh_incidents(settings.db_path, run)
    rows = summary_rows(run)
    create_table_artifact(rows, key="nightly-summary", description=f"Run {run.run_id}: {run.stats.get('status')}")
    return {
        "run_id": run.run_id,
        "status": run.stats.get("status"),
        "stats": run.stats,
        "db": str(settings.db_path),
    }
