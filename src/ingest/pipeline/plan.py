"""Which feed entries need their article fetched: new ones, and known ones the feed says changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from ingest.clean import canonicalize_url
from ingest.feeds import FeedEntry
from ingest.pipeline.feeds import PolledFeed
from ingest.warehouse import key_set, read_only


@dataclass(frozen=True)
class ArticleJob:
    """Everything known about an article before fetching it; picklable for process pools."""

    url: str
    feed_url: str
    source: str
    reason: str  # 'new' | 'updated'
    guid: str | None = None
    entry_title: str | None = None
    entry_authors: tuple[str, ...] = ()
    entry_published: datetime | None = None
    entry_updated: datetime | None = None
    summary: str | None = None
    known_article_id: str | None = None


@dataclass
class ArticlePlan:
    jobs: list[ArticleJob]
    seen_article_ids: list[str]  # known and unchanged: only their last_seen_run moves


def _entry_time(entry: FeedEntry) -> datetime | None:
    return entry.updated or entry.published


def _known_rows(con: duckdb.DuckDBPyConnection, urls: list[str]) -> list[tuple]:
    with key_set(con, urls) as keys:
        return con.execute(
            "select u.url, a.article_id, a.feed_updated_at, a.guid from article_urls u"
            f" join articles a using (article_id) where u.url in (select key from {keys})"
        ).fetchall()


def plan_articles(db_path: Path, polled: list[PolledFeed]) -> ArticlePlan:
    candidates: dict[str, tuple[PolledFeed, FeedEntry]] = {}
    for feed in polled:
        for entry in feed.entries:
            if not entry.link:
                continue
            candidates.setdefault(canonicalize_url(entry.link), (feed, entry))
    if not candidates:
        return ArticlePlan([], [])
    with read_only(db_path) as con:
        known = {
            url: (article_id, feed_updated_at, guid)
            for url, article_id, feed_updated_at, guid in _known_rows(con, list(candidates))
        }
    jobs: list[ArticleJob] = []
    seen: list[str] = []
    for key, (feed, entry) in candidates.items():
        reason = "new"
        known_id = None
        if key in known:
            known_id, stored_time, stored_guid = known[key]
            entry_time = _entry_time(entry)
            newer = entry_time is not None and (stored_time is None or entry_time > stored_time)
            guid_changed = bool(entry.guid and stored_guid and entry.guid != stored_guid)
            if not (newer or guid_changed):
                seen.append(known_id)
                continue
            reason = "updated"
        jobs.append(
            ArticleJob(
                url=entry.link,
                feed_url=feed.job.feed_url,
                source=feed.job.source,
                reason=reason,
                guid=entry.guid,
                entry_title=entry.title,
                entry_authors=tuple(entry.authors or ()),
                entry_published=entry.published,
                entry_updated=entry.updated,
                summary=entry.summary,
                known_article_id=known_id,
            )
        )
    return ArticlePlan(jobs, sorted(set(seen)))
