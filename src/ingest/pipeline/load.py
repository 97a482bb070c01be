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
import pyarrow as pa

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
    key = "|".join(map(str, (article_id, version, event["event_type"], event["evidence_start"],
                             event["evidence_end"], event.get("actor1"), event.get("actor2"), event.get("place"),
                             event.get("country_iso"))))  # fmt: skip
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def event_rows(article_id: str, version: int, events: list[dict[str, Any]], run_id: str | None,
               now: datetime) -> list[dict[str, Any]]:  # fmt: skip
    return [
        {c: event.get(c) for c in EVENT_COLUMNS} | {"event_id": eid, "article_id": article_id,
                                                   "article_version": version, "run_id": run_id, "tagged_at": now}
        for eid, event in _article_events(article_id, version, events).items()
    ]  # fmt: skip


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
    # Rows are gathered as lists of articles and turned into Arrow columns in one pass per column: building
    # a dict per row and converting those cost about as much as the inserts themselves.
    new: list[tuple[ProcessedArticle, str | None]] = []
    changed: list[tuple[ProcessedArticle, int, str | None]] = []
    touched: list[ProcessedArticle] = []
    versioned: list[tuple[ProcessedArticle, int]] = []
    # Event ids hash the article and its version, so a new version's events are new; the first of a repeated
    # id is kept, as the PRIMARY KEY's `on conflict do nothing` did.
    events: dict[str, tuple[dict[str, Any], str, int]] = {}
    for article_id, p in batch.items():
        if article_id in existing:
            old_hash, old_version, duplicate_of = existing[article_id]
            if old_hash == p.content_hash:
                result.outcomes[article_id] = "unchanged"
                touched.append(p)
                continue
            version = old_version + 1
            changed.append((p, version, duplicate_of))
            result.outcomes[article_id] = "updated"
        else:
            version = 1
            duplicate_of = finder.original_of(p)
            new.append((p, duplicate_of))
            if not duplicate_of:
                finder.add(p)
            result.outcomes[article_id] = "duplicate" if duplicate_of else "new"
        versioned.append((p, version))
        if not duplicate_of:  # a syndicated copy would count the same events twice
            kept = _article_events(article_id, version, p.events)
            result.events_by_type.update(e["event_type"] for e in kept.values())
            for eid, event in kept.items():
                events.setdefault(eid, (event, article_id, version))
    # articles, article_versions, article_urls and events keep their natural keys without a PRIMARY KEY
    # index (migration 0005): the lookup above, in this transaction, says which articles are stored, so new
    # articles and new versions go in as they are; URLs are checked against the stored ones.
    if new:
        table = _article_table([p for p, _ in new], [1] * len(new), [d for _, d in new], run_id, now)
        table = table.append_column("first_seen_run", pa.array([run_id] * len(new), pa.string()))
        append(con, "articles", table.append_column("first_seen_at", _repeat_time(now, len(new))))
    if changed:
        table = _article_table([p for p, _, _ in changed], [v for _, v, _ in changed], [d for _, _, d in changed],
                               run_id, now)  # fmt: skip
        update_from(con, "articles", table, key=["article_id"])
    if touched:
        update_from(con, "articles", pa.table({
            "article_id": pa.array([p.article_id for p in touched], pa.string()),
            "feed_updated_at": [p.feed_updated_at for p in touched],
            "guid": [p.guid for p in touched],
            "last_seen_run": pa.array([run_id] * len(touched), pa.string()),
        }), key=["article_id"])  # fmt: skip
    append(con, "article_versions", _version_table(versioned, run_id, now))
    append(con, "article_urls", _new_url_rows(con, batch))
    if changed:
        with key_set(con, [p.article_id for p, _, _ in changed]) as keys:
            con.execute(f"delete from events where article_id in (select key from {keys})")
    append(con, "events", _event_table(events, run_id, now))
    if timings is not None:
        timings["write"] = timings.get("write", 0.0) + time.perf_counter() - clock
    return result


def _article_events(article_id: str, version: int, events: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The article's taggable events by event id, the first of a repeated id kept (``event_rows`` and the
    loader's event table both read them from here)."""
    kept: dict[str, dict[str, Any]] = {}
    for event in events:
        if event.get("event_type") in EVENT_TYPES:
            kept.setdefault(event_id(article_id, version, event), event)
    return kept


def _repeat_time(value: datetime, n: int) -> pa.Array:
    return pa.array([value] * n, pa.timestamp("us", tz="UTC"))


def _article_table(ps: list[ProcessedArticle], versions: list[int], duplicates: list[str | None], run_id: str,
                   now: datetime) -> pa.Table:  # fmt: skip
    """The articles' rows as columns (``first_seen_*`` are added for new articles only)."""
    n = len(ps)
    return pa.table({
        "article_id": pa.array([p.article_id for p in ps], pa.string()),
        "url": pa.array([p.url for p in ps], pa.string()),
        "canonical_url": pa.array([p.canonical_url for p in ps], pa.string()),
        "source": pa.array([p.source for p in ps], pa.string()),
        "feed_url": pa.array([p.feed_url for p in ps], pa.string()),
        "guid": pa.array([p.guid for p in ps], pa.string()),
        "title": pa.array([p.title for p in ps], pa.string()),
        "authors": pa.array([p.authors for p in ps], pa.list_(pa.string())),
        "published_at": [p.published_at for p in ps],
        "feed_updated_at": [p.feed_updated_at for p in ps],
        "language": pa.array([p.language for p in ps], pa.string()),
        "summary": pa.array([p.summary for p in ps], pa.string()),
        "text": pa.array([p.text for p in ps], pa.string()),
        "content_hash": pa.array([p.content_hash for p in ps], pa.string()),
        "simhash": pa.array([p.simhash for p in ps], pa.int64()),
        "duplicate_of": pa.array(duplicates, pa.string()),
        "version": pa.array(versions, pa.int32()),
        "raw_id": pa.array([p.raw_id for p in ps], pa.string()),
        "relevance": pa.array([p.relevance for p in ps], pa.float64()),
        "topics": pa.array([p.topics for p in ps], pa.list_(pa.string())),
        "extractor_version": pa.array([p.extractor_version for p in ps], pa.string()),
        "tagger_version": pa.array([p.tagger_version for p in ps], pa.string()),
        "last_seen_run": pa.array([run_id] * n, pa.string()),
        "changed_at": _repeat_time(now, n),
        "article_key": pa.array([lookup_key(p.article_id) for p in ps], pa.int64()),
        "content_key": pa.array([lookup_key(p.content_hash) for p in ps], pa.int64()),
    })  # fmt: skip


def _version_table(versioned: list[tuple[ProcessedArticle, int]], run_id: str, now: datetime) -> pa.Table:
    ps = [p for p, _ in versioned]
    return pa.table({
        "article_id": pa.array([p.article_id for p in ps], pa.string()),
        "version": pa.array([v for _, v in versioned], pa.int32()),
        "title": pa.array([p.title for p in ps], pa.string()),
        "text": pa.array([p.text for p in ps], pa.string()),
        "content_hash": pa.array([p.content_hash for p in ps], pa.string()),
        "raw_id": pa.array([p.raw_id for p in ps], pa.string()),
        "run_id": pa.array([run_id] * len(ps), pa.string()),
        "loaded_at": _repeat_time(now, len(ps)),
        "extractor_version": pa.array([p.extractor_version for p in ps], pa.string()),
    })  # fmt: skip


def _event_table(by_id: dict[str, tuple[dict[str, Any], str, int]], run_id: str, now: datetime) -> pa.Table:
    """The rows of ``event_rows`` as columns, from (event, article_id, version) by event id; each event's own
    values as the tagger gave them (types inferred and cast by the insert, as for dict rows)."""
    events = list(by_id.values())
    n = len(events)
    columns: dict[str, Any] = {c: [e.get(c) for e, _, _ in events] for c in EVENT_COLUMNS}
    columns.update(
        event_id=list(by_id), article_id=[a for _, a, _ in events],
        article_version=[v for _, _, v in events], run_id=[run_id] * n, tagged_at=_repeat_time(now, n),
    )  # fmt: skip
    return pa.table(columns)


def _new_url_rows(con: duckdb.DuckDBPyConnection, batch: dict[str, ProcessedArticle]) -> pa.Table | list:
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
    return pa.table({
        "url": pa.array(list(urls), pa.string()),
        "article_id": pa.array(list(urls.values()), pa.string()),
        "url_key": pa.array([lookup_key(u) for u in urls], pa.int64()),
    })  # fmt: skip


def mark_seen(con: duckdb.DuckDBPyConnection, article_ids: list[str], run_id: str) -> None:
    if article_ids:
        with key_set(con, article_ids) as keys:
            con.execute(f"update articles set last_seen_run = ? where article_id in (select key from {keys})", [run_id])
