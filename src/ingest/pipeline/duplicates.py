"""Recognising a syndicated copy of a story already in the warehouse."""

from __future__ import annotations

from datetime import datetime, timedelta

import duckdb

from ingest.clean import hamming
from ingest.pipeline.process import ProcessedArticle

NEAR_DUPLICATE_BITS = 6
"""SimHash distance at or below which two texts are one story. Copies of a wire story with a different
credit line measure about 3; unrelated stories about 32, and rarely below 19 even on one topic."""
NEAR_DUPLICATE_WINDOW_S = 3 * 86400
"""Syndicated copies appear within days of each other; the window keeps the comparison cheap and safe."""


class DuplicateFinder:
    """Finds the earlier article a new one copies: same content hash, or a SimHash within a few bits of
    one published within three days (a wire story re-published with a different credit line)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, batch: list[ProcessedArticle]) -> None:
        self.by_hash: dict[str, str] = {}
        self.near: list[tuple[int, datetime | None, str]] = []
        if not batch:
            return
        hashes = [p.content_hash for p in batch]
        for content, article_id in con.execute(
            "select content_hash, arg_min(article_id, first_seen_at) from articles"
            " where duplicate_of is null and content_hash in (select unnest(?)) group by 1",
            [hashes],
        ).fetchall():
            self.by_hash[content] = article_id
        times = [p.published_at for p in batch if p.published_at is not None]
        window = timedelta(seconds=NEAR_DUPLICATE_WINDOW_S)
        lo, hi = (min(times) - window, max(times) + window) if times else (None, None)
        rows = con.execute(
            "select simhash, published_at, article_id from articles where duplicate_of is null"
            " and simhash is not null and (published_at is null or ? is null or published_at between ? and ?)"
            " order by first_seen_at",
            [lo, lo, hi],
        ).fetchall()
        self.near = [(h, t, a) for h, t, a in rows]

    def original_of(self, p: ProcessedArticle) -> str | None:
        if p.content_hash in self.by_hash and self.by_hash[p.content_hash] != p.article_id:
            return self.by_hash[p.content_hash]
        for other_hash, published, article_id in self.near:
            if article_id == p.article_id or hamming(other_hash, p.simhash) > NEAR_DUPLICATE_BITS:
                continue
            if published is None or p.published_at is None:
                return article_id
            if abs((published - p.published_at).total_seconds()) <= NEAR_DUPLICATE_WINDOW_S:
                return article_id
        return None

    def add(self, p: ProcessedArticle) -> None:
        self.by_hash.setdefault(p.content_hash, p.article_id)
        self.near.append((p.simhash, p.published_at, p.article_id))
