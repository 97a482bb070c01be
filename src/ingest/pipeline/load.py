"""Loading processed articles: new, updated (new version, events re-tagged), unchanged, duplicate.

All of a batch goes in one short transaction, keyed on natural keys, so loading the same batch
twice changes nothing and a killed run never leaves half a batch behind.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from ingest.pipeline.duplicates import DuplicateFinder
from ingest.pipeline.process import ProcessedArticle
from ingest.tag import EVENT_TYPES
from ingest.warehouse import append, key_set, lookup_key, rows_by_key, update_from

EVENT_COLUMNS = (
    "event_type", "acled_event_type", "acled_sub_event_type", "cameo_root", "actor1", "actor1_type",
    "actor1_patron", "actor2", "actor2_type", "country_iso", "admin1", "place", "lat", "lon", "geo_precision",
    "event_date", "date_precision", "killed", "injured", "attack_count", "counts_lower_bound", "weapon",
    "evidence", "evidence_start", "evidence_end", "confidence", "tagger_version",
)  # fmt: skip


@dataclass
class LoadResult:
    outcomes: dict[str, str] = field(default_factory=dict)  # article_id -> new | updated | unchanged | duplicate
    events_by_type: Counter[str] = field(default_factory=Counter)


def event_id(article_id: str, version: int, event: dict[str, Any]) -> str:
    key = "|".join(
        str(x)
        for x in (article_id, version, event["event_type"], event["evidence_start"], event["evidence_end"],
                  event.get("actor1"), event.get("actor2"), event.get("place"), event.get("country_iso"))
    )  # fmt: skip
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def event_rows(article_id: str, version: int, events: list[dict[str, Any]], run_id: str | None,
               now: datetime) -> list[dict[str, Any]]:  # fmt: skip
    rows: dict[str, dict[str, Any]] = {}
    for event in events:
        if event.get("event_type") not in EVENT_TYPES:
            continue
        row = {c: event.get(c) for c in EVENT_COLUMNS}
        row.update(event_id=event_id(article_id, version, event), article_id=article_id,
                   article_version=version, run_id=run_id, tagged_at=now)  # fmt: skip
        rows.setdefault(row["event_id"], row)
    return list(rows.values())


def _article_row(p: ProcessedArticle, version: int, duplicate_of: str | None, run_id: str, now: datetime) -> dict:
    return {
        "article_id": p.article_id, "url": p.url, "canonical_url": p.canonical_url, "source": p.source,
        "feed_url": p.feed_url, "guid": p.guid, "title": p.title, "authors": p.authors,
        "published_at": p.published_at, "feed_updated_at": p.feed_updated_at, "language": p.language,
        "summary": p.summary, "text": p.text, "content_hash": p.content_hash, "simhash": p.simhash,
        "duplicate_of": duplicate_of,
        "version": version, "raw_id": p.raw_id, "relevance": p.relevance, "topics": p.topics,
        "extractor_version": p.extractor_version, "tagger_version": p.tagger_version,
        "last_seen_run": run_id, "changed_at": now,
        "article_key": lookup_key(p.article_id), "content_key": lookup_key(p.content_hash),
    }  # fmt: skip


def load_articles(
    con: duckdb.DuckDBPyConnection,
    processed: list[ProcessedArticle],
    run_id: str,
    timings: dict[str, float] | None = None,
) -> LoadResult:
    """Load one batch inside the caller's transaction.

    ``timings``, when given, accumulates seconds spent on the lookups (existing articles, duplicates) under
    ``"lookup"`` and on the writes under ``"write"`` (what the benchmark reports per batch)."""
    clock = time.perf_counter()
    result = LoadResult()
    batch: dict[str, ProcessedArticle] = {}
    # Earliest publication first, so the outlet that ran a syndicated story first is its original.
    far_future = datetime.max.replace(tzinfo=UTC)
    for p in sorted(processed, key=lambda p: p.published_at or far_future):
        batch.setdefault(p.article_id, p)  # the same article reached through two links loads once
    if not batch:
        return result
    now = datetime.now(UTC)
    ids = list(batch)
    with key_set(con, ids, name="_batch_ids") as keys:
        columns = ["article_id", "content_hash", "version", "duplicate_of"]
        where = f"article_id in (select key from {keys})"
        found = rows_by_key(con, "articles", "article_key", ids, columns, where=where)
    existing = {row[0]: row[1:] for row in found}
    finder = DuplicateFinder(con, list(batch.values()))
    if timings is not None:
        timings["lookup"] = timings.get("lookup", 0.0) + time.perf_counter() - clock
        clock = time.perf_counter()
    new_rows, changed_rows, touched_rows, versions, events = [], [], [], [], []
    changed_ids: list[str] = []
    for article_id, p in batch.items():
        if article_id in existing:
            old_hash, old_version, duplicate_of = existing[article_id]
            if old_hash == p.content_hash:
                result.outcomes[article_id] = "unchanged"
                touched_rows.append({"article_id": article_id, "feed_updated_at": p.feed_updated_at,
                                     "guid": p.guid, "last_seen_run": run_id})  # fmt: skip
                continue
            version = old_version + 1
            changed_rows.append(_article_row(p, version, duplicate_of, run_id, now))
            changed_ids.append(article_id)
            result.outcomes[article_id] = "updated"
        else:
            version = 1
            duplicate_of = finder.original_of(p)
            row = _article_row(p, version, duplicate_of, run_id, now)
            row.update(first_seen_run=run_id, first_seen_at=now)
            new_rows.append(row)
            if not duplicate_of:
                finder.add(p)
            result.outcomes[article_id] = "duplicate" if duplicate_of else "new"
        versions.append({"article_id": article_id, "version": version, "title": p.title, "text": p.text,
                         "content_hash": p.content_hash, "raw_id": p.raw_id, "run_id": run_id, "loaded_at": now,
                         "extractor_version": p.extractor_version})  # fmt: skip
        if not duplicate_of:  # a syndicated copy would count the same events twice
            rows = event_rows(article_id, version, p.events, run_id, now)
            events.extend(rows)
            result.events_by_type.update(r["event_type"] for r in rows)
    # articles, article_versions, article_urls and events keep their natural keys without a PRIMARY KEY
    # index (migration 0005): the lookup above, in this transaction, says which articles are stored, so new
    # articles and new versions go in as they are; URLs are checked against the stored ones.
    append(con, "articles", new_rows)
    update_from(con, "articles", changed_rows, key=["article_id"])
    update_from(con, "articles", touched_rows, key=["article_id"])
    append(con, "article_versions", versions)
    append(con, "article_urls", _new_url_rows(con, batch))
    if changed_ids:
        with key_set(con, changed_ids) as keys:
            con.execute(f"delete from events where article_id in (select key from {keys})")
    # Event ids hash the article and its version, so a new version's events are new; the first of a repeated
    # id is kept, as the PRIMARY KEY's `on conflict do nothing` did.
    unique_events: dict[str, dict[str, Any]] = {}
    for row in events:
        unique_events.setdefault(row["event_id"], row)
    append(con, "events", list(unique_events.values()))
    if timings is not None:
        timings["write"] = timings.get("write", 0.0) + time.perf_counter() - clock
    return result


def _new_url_rows(con: duckdb.DuckDBPyConnection, batch: dict[str, ProcessedArticle]) -> list[dict[str, Any]]:
    """The batch's URLs not stored yet, each with the first article that gave it (a stored URL keeps its
    article, as the PRIMARY KEY's `on conflict do nothing` did)."""
    urls: dict[str, str] = {}
    for p in batch.values():
        for u in p.urls:
            urls.setdefault(u, p.article_id)
    if not urls:
        return []
    with key_set(con, list(urls), name="_batch_urls") as keys:
        where = f"url in (select key from {keys})"
        stored = rows_by_key(con, "article_urls", "url_key", list(urls), ["url"], where=where)
    for (u,) in stored:
        urls.pop(u, None)
    return [{"url": u, "article_id": a, "url_key": lookup_key(u)} for u, a in urls.items()]


def mark_seen(con: duckdb.DuckDBPyConnection, article_ids: list[str], run_id: str) -> None:
    if article_ids:
        with key_set(con, article_ids) as keys:
            con.execute(f"update articles set last_seen_run = ? where article_id in (select key from {keys})", [run_id])
