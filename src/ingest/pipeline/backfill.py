"""Backfill: re-extract and re-tag the stored raw documents of a date range with the current code.

The article keeps its identity (id, URLs, version number); its text, metadata and events are
replaced in place, so re-running a backfill is idempotent and other days are never touched.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ingest.pipeline.articles import BatchStats
from ingest.pipeline.load import event_rows
from ingest.pipeline.plan import ArticleJob
from ingest.pipeline.process import ProcessedArticle, ProcessFailure, process_article
from ingest.warehouse import append, key_set, lookup_key, read_only, update_from, writer

MapFn = Callable[[Callable[..., Any], Iterable[Any]], Iterator[Any]]


@dataclass(frozen=True)
class BackfillItem:
    article_id: str
    version: int
    duplicate_of: str | None
    raw_id: str
    job: ArticleJob


def select_backfill(db_path: Path, start: date, end: date) -> list[BackfillItem]:
    """Articles whose publication day (or first-seen day when unknown) is in [start, end]."""
    with read_only(db_path) as con:
        rows = con.execute(
            """
            select article_id, version, duplicate_of, raw_id, url, feed_url, source, guid, title, authors,
                   published_at, feed_updated_at, summary
            from articles
            where raw_id is not null
              and cast(coalesce(published_at, first_seen_at) as date) between ? and ?
            order by article_id
            """,
            [start, end],
        ).fetchall()
    items = []
    for (article_id, version, dup, raw, url, feed_url, source, guid, title, authors, published, updated,
         summary) in rows:  # fmt: skip
        job = ArticleJob(
            url=url, feed_url=feed_url or "", source=source or "", reason="backfill", guid=guid,
            entry_title=title, entry_authors=tuple(authors or ()), entry_published=published,
            entry_updated=updated, summary=summary, known_article_id=article_id,
        )  # fmt: skip
        items.append(BackfillItem(article_id, version, dup, raw, job))
    return items


def _load_raw(db_path: Path, raw_ids: list[str]) -> dict[str, tuple[bytes, str]]:
    with read_only(db_path) as con, key_set(con, raw_ids) as keys:
        rows = con.execute(
            "select raw_id, body_gz, coalesce(final_url, url) from raw_documents"
            f" where raw_id in (select key from {keys})"
        ).fetchall()
    return {r: (gzip.decompress(body), final_url) for r, body, final_url in rows}


def _process(args: tuple[ArticleJob, bytes, str, str]) -> ProcessedArticle | ProcessFailure:
    return process_article(*args)


def reprocess_batch(db_path: Path, run_id: str, items: list[BackfillItem], *, map_fn: MapFn = map) -> BatchStats:
    stats = BatchStats()
    raw = _load_raw(db_path, [i.raw_id for i in items])
    todo = [(i, (i.job, *raw[i.raw_id], i.raw_id)) for i in items if i.raw_id in raw]
    stats.articles["failed"] += len(items) - len(todo)
    now = datetime.now(UTC)
    article_rows: list[dict[str, Any]] = []
    version_rows: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    logs: list[dict[str, Any]] = []
    for (item, _), outcome in zip(todo, map_fn(_process, [args for _, args in todo]), strict=True):
        if isinstance(outcome, ProcessFailure):
            stats.articles["failed"] += 1
            logs.append({"run_id": run_id, "url": item.job.url, "kind": "article", "error": outcome.error,
                         "fetched_at": now, "feed_url": item.job.feed_url})  # fmt: skip
            continue
        article_rows.append({
            "article_id": item.article_id, "title": outcome.title, "authors": outcome.authors,
            "published_at": outcome.published_at, "language": outcome.language, "text": outcome.text,
            "content_hash": outcome.content_hash, "content_key": lookup_key(outcome.content_hash),
            "relevance": outcome.relevance, "topics": outcome.topics,
            "extractor_version": outcome.extractor_version, "tagger_version": outcome.tagger_version,
        })  # fmt: skip
        version_rows.append({"article_id": item.article_id, "version": item.version, "title": outcome.title,
                             "text": outcome.text, "content_hash": outcome.content_hash,
                             "extractor_version": outcome.extractor_version})  # fmt: skip
        if not item.duplicate_of:
            rows = event_rows(item.article_id, item.version, outcome.events, run_id, now)
            events.extend(rows)
            stats.events.update(r["event_type"] for r in rows)
        stats.articles["reprocessed"] += 1
    ids = [r["article_id"] for r in article_rows]
    with writer(db_path) as con:
        update_from(con, "articles", article_rows, key=["article_id"])
        update_from(con, "article_versions", version_rows, key=["article_id", "version"])
        if ids:
            with key_set(con, ids) as keys:
                con.execute(f"delete from events where article_id in (select key from {keys})")
        append(con, "events", events)
        append(con, "fetch_log", logs)
    return stats


def summarize(stats: BatchStats) -> dict[str, Counter[str]]:
    return {"articles": stats.articles, "events": stats.events}
