"""Recognising a syndicated copy of a story already in the warehouse."""

from __future__ import annotations

from datetime import datetime, timedelta

import duckdb

from ingest.pipeline.process import ProcessedArticle
from ingest.warehouse import key_set, rows_by_key

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
        # SimHash index: 7 bands of the 64 bits. Two hashes at most 6 bits apart agree on at least one
        # band (pigeonhole), so only articles sharing a band value are compared: the check stays about
        # constant per article instead of growing with the number of recent articles.
        self.bands: dict[int, list[tuple[int, datetime | None, str, int]]] = {}
        self._next = 0  # first-seen order of indexed articles: the earliest match is the original
        if not batch:
            return
        hashes = [p.content_hash for p in batch]
        with key_set(con, hashes, name="_batch_hashes") as keys:
            # Originals with one of these exact hashes, whatever their age (found through content_key).
            rows = rows_by_key(con, "articles", "content_key", hashes, ["content_hash", "article_id", "first_seen_at"],
                               where=f"duplicate_of is null and content_hash in (select key from {keys})")  # fmt: skip
        earliest: dict[str, tuple[datetime | None, str]] = {}
        for content, article_id, first_seen in rows:  # arg_min(article_id, first_seen_at) per hash
            best = earliest.get(content)
            if best is None or (first_seen is not None and (best[0] is None or first_seen < best[0])):
                earliest[content] = (first_seen, article_id)
        for content, (_, article_id) in earliest.items():
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
        for h, t, a in rows:
            self._index(h, t, a)

    def original_of(self, p: ProcessedArticle) -> str | None:
        if p.content_hash in self.by_hash and self.by_hash[p.content_hash] != p.article_id:
            return self.by_hash[p.content_hash]
        value = p.simhash & _MASK
        mine, when = p.article_id, p.published_at
        best_order, best_id = -1, None  # the earliest copy (first-seen order) wins
        bands = self.bands
        for band in _bands(value):
            for other, published, article_id, order in bands.get(band, ()):
                # The distance test first: nearly every candidate sharing a band is an unrelated story.
                if (other ^ value).bit_count() > NEAR_DUPLICATE_BITS:
                    continue
                if (best_id is not None and order >= best_order) or article_id == mine:
                    continue
                if (published is not None and when is not None
                        and abs((published - when).total_seconds()) > NEAR_DUPLICATE_WINDOW_S):  # fmt: skip
                    continue
                best_order, best_id = order, article_id
        return best_id

    def add(self, p: ProcessedArticle) -> None:
        self.by_hash.setdefault(p.content_hash, p.article_id)
        self._index(p.simhash, p.published_at, p.article_id)

    def _index(self, value: int, published: datetime | None, article_id: str) -> None:
        value &= _MASK
        entry = (value, published, article_id, self._next)
        self._next += 1
        for band in _bands(value):
            self.bands.setdefault(band, []).append(entry)


_MASK = 0xFFFFFFFFFFFFFFFF  # SimHashes are stored as signed BIGINT; compare them as unsigned 64-bit
_BAND_WIDTHS = (10, 9, 9, 9, 9, 9, 9)  # 64 bits in NEAR_DUPLICATE_BITS + 1 bands


def _bands(value: int) -> tuple[int, ...]:
    """The value's 7 band keys: band number * 1024 + the band's bits (one int hashes faster than a tuple)."""
    u = value & _MASK
    return (
        u & 0x3FF, 1024 | (u >> 10) & 0x1FF, 2048 | (u >> 19) & 0x1FF, 3072 | (u >> 28) & 0x1FF,
        4096 | (u >> 37) & 0x1FF, 5120 | (u >> 46) & 0x1FF, 6144 | (u >> 55) & 0x1FF,
    )  # fmt: skip
