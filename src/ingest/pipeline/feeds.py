"""Feed phase: plan which feeds to poll, store what came back, parse it, keep per-feed state."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ingest.feeds import FeedEntry, parse_feed
from ingest.fetch import FetchResult, next_fetch_after
from ingest.pipeline.common import gzip_bytes, raw_id, sha256, to_json
from ingest.pipeline.runs import Run
from ingest.sources import Source
from ingest.warehouse import append, key_set, read_only, update_from, upsert, writer

log = logging.getLogger(__name__)

FEED_RETRY_BASE_S = 1800.0
"""First back-off step after a failure (doubles each time, capped at a day by next_fetch_after)."""


@dataclass(frozen=True)
class FeedJob:
    feed_url: str
    source: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    consecutive_failures: int = 0


@dataclass
class PolledFeed:
    job: FeedJob
    status: str  # 'parsed' | 'not_modified' | 'failed'
    entries: list[FeedEntry] = field(default_factory=list)
    error: str | None = None
    # Validators of what we just read (ETag, Last-Modified, body hash). They are saved only once every
    # article the feed pointed to is loaded (commit_feed_validators): saved earlier, a run killed
    # between the feed and its articles, or an article that failed, would make the next run see
    # "not modified" and never fetch those articles.
    validators: dict[str, object] = field(default_factory=dict)


def sync_sources(db_path: Path, sources: list[Source]) -> None:
    """Refresh ``sources`` and make sure every declared feed has a ``feeds`` row."""
    now = datetime.now(UTC)
    source_rows = [
        {
            "source": s.key,
            "name": s.name,
            "homepage": s.homepage,
            "language": s.language,
            "country": s.country,
            "host_delay_s": s.host_delay_s,
            "updated_at": now,
        }
        for s in sources
    ]
    feed_rows = [{"feed_url": f, "source": s.key, "created_at": now} for s in sources for f in s.feeds]
    with writer(db_path) as con:
        upsert(con, "sources", source_rows, key=["source"])
        upsert(con, "feeds", feed_rows, key=["feed_url"], update=["source"])


def plan_feeds(
    db_path: Path, sources: list[Source], *, now: datetime, force: bool = False
) -> tuple[list[FeedJob], int]:
    """Feeds due for polling, with their conditional-GET state; and how many are backing off."""
    urls = [f for s in sources for f in s.feeds]
    with read_only(db_path) as con, key_set(con, urls) as keys:
        rows = con.execute(
            "select feed_url, source, etag, last_modified, body_hash, consecutive_failures, next_fetch_at"
            f" from feeds where feed_url in (select key from {keys})"
        ).fetchall()
    jobs, backing_off = [], 0
    for url, source, etag, last_modified, body_hash, failures, next_at in rows:
        if not force and next_at is not None and next_at > now:
            backing_off += 1
            continue
        jobs.append(FeedJob(url, source, etag, last_modified, body_hash, failures or 0))
    order = {u: i for i, u in enumerate(urls)}
    jobs.sort(key=lambda j: order[j.feed_url])
    return jobs, backing_off


def raw_rows(run_id: str, kind: str, results: list[FetchResult]) -> list[dict[str, object]]:
    rows = []
    for r in results:
        if not r.body:
            continue
        rows.append(
            {
                "raw_id": raw_id(r.url, r.body),
                "url": r.url,
                "final_url": r.final_url,
                "kind": kind,
                "run_id": run_id,
                "fetched_at": r.fetched_at,
                "http_status": r.status,
                "content_type": r.headers.get("content-type"),
                "headers": to_json(r.headers),
                "body_gz": gzip_bytes(r.body),
                "body_bytes": len(r.body),
                "body_sha256": sha256(r.body),
            }
        )
    return rows


def store_raw(db_path: Path, run_id: str, kind: str, results: list[FetchResult]) -> None:
    """Write fetched bodies to the raw layer before anything parses them."""
    rows = raw_rows(run_id, kind, results)
    if rows:
        with writer(db_path) as con:
            upsert(con, "raw_documents", rows, key=["raw_id"], update=[])


def log_row(run_id: str, kind: str, r: FetchResult, *, error: str | None, feed_url: str | None = None) -> dict:
    return {
        "run_id": run_id,
        "url": r.url,
        "kind": kind,
        "http_status": r.status,
        "error": error,
        "bytes": len(r.body),
        "elapsed_ms": r.elapsed_ms,
        "fetched_at": r.fetched_at,
        "final_url": r.final_url,
        "feed_url": feed_url,
    }


def _item_log_row(run_id: str, link: str, reason: str, feed_url: str, when: datetime) -> dict[str, object]:
    return {"run_id": run_id, "url": link, "kind": "item", "http_status": None, "error": reason, "bytes": 0,
            "elapsed_ms": 0, "fetched_at": when, "final_url": None, "feed_url": feed_url}  # fmt: skip


def digest_feeds(db_path: Path, run: Run, jobs: list[FeedJob], results: list[FetchResult]) -> list[PolledFeed]:
    """Parse what changed, then record feed state and the fetch log in one short transaction."""
    now = datetime.now(UTC)
    polled: list[PolledFeed] = []
    state_rows: list[dict[str, object]] = []
    logs: list[dict[str, object]] = []
    for job, result in zip(jobs, results, strict=True):
        state: dict[str, object] = {
            "feed_url": job.feed_url,
            "source": job.source,
            "last_fetched_at": now,
            "last_status": result.status,
        }
        error = result.error
        outcome = PolledFeed(job, "failed")
        if error is None and result.not_modified:
            outcome.status = "not_modified"
        elif error is None:
            body_hash = sha256(result.body)
            outcome.validators = {
                "feed_url": job.feed_url,
                "etag": result.headers.get("etag"),
                "last_modified": result.headers.get("last-modified"),
            }
            if body_hash == job.body_hash:
                # The server said 200 but the bytes are the ones we parsed last time.
                outcome.status = "not_modified"
            else:
                parsed = parse_feed(result.body, result.final_url or job.feed_url, result.headers.get("content-type"))
                if parsed.error:
                    error = parsed.error
                else:
                    outcome.status, outcome.entries = "parsed", parsed.entries
                    outcome.validators["body_hash"] = body_hash
                    state.update(
                        title=parsed.title,
                        format=parsed.format,
                        entries_seen=len(parsed.entries),
                    )
                    for warning in parsed.warnings:
                        log.info("feed %s: %s", job.feed_url, warning)
                    for link, reason in parsed.refused_links:  # never fetched, but a user must see why
                        log.warning("feed %s lists %s: %s", job.feed_url, link, reason)
                        logs.append(_item_log_row(run.run_id, link, reason, job.feed_url, result.fetched_at))
        if error is None:
            state.update(last_error=None, last_success_at=now, consecutive_failures=0, next_fetch_at=None)
            run.count("feeds", outcome.status)
        else:
            failures = job.consecutive_failures + 1
            outcome.error = error
            state.update(
                last_error=error,
                consecutive_failures=failures,
                next_fetch_at=next_fetch_after(
                    failures, retry_after_s=result.retry_after_s, base_interval_s=FEED_RETRY_BASE_S, now=now
                ),
            )
            run.count("feeds", "failed")
            log.warning("feed %s failed: %s", job.feed_url, error)
        run.count("feeds", "polled")
        state_rows.append(state)
        logs.append(log_row(run.run_id, "feed", result, error=error))
        polled.append(outcome)
    with writer(db_path) as con:
        # Rows differ in which columns they carry (a failure keeps the old ETag), so group by shape.
        for columns in {tuple(sorted(r)) for r in state_rows}:
            group = [r for r in state_rows if tuple(sorted(r)) == columns]
            update_from(con, "feeds", group, key=["feed_url"])
        append(con, "fetch_log", logs)
    return polled


def commit_feed_validators(db_path: Path, polled: list[PolledFeed], failed_feeds: set[str]) -> int:
    """Save the validators of feeds whose articles all loaded; a feed with a failed article keeps its
    old ones, so the next run reads it again and retries just the articles still missing."""
    rows = [p.validators for p in polled if p.validators and p.job.feed_url not in failed_feeds]
    if rows:
        with writer(db_path) as con:
            for columns in {tuple(sorted(r)) for r in rows}:
                update_from(con, "feeds", [r for r in rows if tuple(sorted(r)) == columns], key=["feed_url"])
    return len(rows)
