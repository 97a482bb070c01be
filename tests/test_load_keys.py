"""Migration 0005: natural keys kept by the loader without PRIMARY KEY indexes, lookups through integer keys."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import ingest.pipeline.load as load_module
import ingest.warehouse.load as warehouse_load
from ingest.pipeline.load import load_articles
from ingest.pipeline.process import ProcessedArticle
from ingest.warehouse import apply_migrations, lookup_key, read_only, writer
from ingest.warehouse.migrations import load_migrations

DAY = datetime(2024, 3, 1, tzinfo=UTC)
KEYED = ("articles", "article_versions", "article_urls", "events")
NATURAL_KEYS = {
    "articles": "article_id",
    "article_versions": "article_id, version",
    "article_urls": "url",
    "events": "event_id",
}


def _article(article_id: str, text: str, *, published: datetime = DAY, simhash: int = 0,
             urls: list[str] | None = None) -> ProcessedArticle:  # fmt: skip
    url = f"https://x.example/{article_id}"
    event = {"event_type": "air_or_drone_strike", "country_iso": "IQ", "evidence": text[:10], "evidence_start": 0,
             "evidence_end": 10, "confidence": 0.8, "tagger_version": "t"}  # fmt: skip
    return ProcessedArticle(
        article_id=article_id, url=url, canonical_url=url, urls=urls if urls is not None else [url], source="x",
        feed_url="f", guid=None, title=article_id, authors=[], published_at=published, feed_updated_at=None,
        language="en", summary=None, text=text, content_hash=f"hash-of-{text}", simhash=simhash, raw_id="r",
        extractor_version="v", relevance=1.0, topics=[], tagger_version="t", events=[event],
    )  # fmt: skip


def _old_warehouse_with_data(path: Path) -> None:
    """A warehouse at schema 0004 (primary keys, no lookup keys) holding two articles, one a copy of the other."""
    import duckdb

    con = duckdb.connect(str(path))
    try:
        apply_migrations(con, [m for m in load_migrations() if m.version <= 4])
        for article_id, duplicate_of, seen in (("old1", None, DAY), ("old2", "old1", DAY + timedelta(hours=1))):
            con.execute(
                "insert into articles (article_id, url, canonical_url, text, content_hash, simhash, duplicate_of,"
                " version, published_at, first_seen_at) values (?, ?, ?, 'story', 'hash-of-story', 0, ?, 1, ?, ?)",
                [article_id, f"https://x.example/{article_id}", f"https://x.example/{article_id}", duplicate_of,
                 seen - timedelta(days=400), seen],
            )  # fmt: skip
            con.execute("insert into article_versions (article_id, version, text, loaded_at) values (?, 1, 'story', ?)",
                        [article_id, seen])  # fmt: skip
            con.execute("insert into article_urls values (?, ?)", [f"https://x.example/{article_id}", article_id])
        con.execute(
            "insert into events (event_id, article_id, article_version, event_type, evidence, evidence_start,"
            " evidence_end, tagger_version) values ('e1', 'old1', 1, 'threat', 'story', 0, 5, 't')"
        )
    finally:
        con.close()


def test_migration_0005_keeps_an_old_warehouse_rows_and_fills_the_lookup_keys(db_path: Path):
    _old_warehouse_with_data(db_path)
    with writer(db_path):
        pass  # applies 0005
    with read_only(db_path) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == 2
        assert con.execute("select count(*) from article_versions").fetchone()[0] == 2
        assert con.execute("select count(*) from events").fetchone()[0] == 1
        for article_id, article_key, content_hash, content_key in con.execute(
            "select article_id, article_key, content_hash, content_key from articles"
        ).fetchall():
            assert article_key == lookup_key(article_id) and content_key == lookup_key(content_hash)
        for url, url_key in con.execute("select url, url_key from article_urls").fetchall():
            assert url_key == lookup_key(url)
        constraints = con.execute(
            "select table_name from duckdb_constraints() where constraint_type in ('PRIMARY KEY', 'UNIQUE')"
        ).fetchall()
        assert not {t for (t,) in constraints} & set(KEYED)
        assert not con.execute("select * from duckdb_indexes() where table_name in ('articles', 'events')").fetchall()
        undocumented = con.execute(
            "select table_name, column_name from duckdb_columns() where table_name in"
            " ('articles', 'article_versions', 'article_urls', 'events') and comment is null"
        ).fetchall()
        assert not undocumented


def test_duplicates_and_stored_articles_are_found_after_the_migration(db_path: Path):
    _old_warehouse_with_data(db_path)
    batch = [
        _article("new1", "story", published=DAY + timedelta(days=30)),  # same text as old1, a month later
        _article("old1", "story"),  # stored, unchanged
        _article("new2", "other", urls=["https://x.example/new2", "https://x.example/old2"]),  # shares a URL
    ]
    with writer(db_path) as con:
        result = load_articles(con, batch, "run")
    assert result.outcomes == {"new1": "duplicate", "old1": "unchanged", "new2": "new"}
    with read_only(db_path) as con:
        assert con.execute("select duplicate_of from articles where article_id = 'new1'").fetchone()[0] == "old1"
        urls = dict(con.execute("select url, article_id from article_urls").fetchall())
        assert urls["https://x.example/old2"] == "old2"  # a stored URL keeps its article
        assert urls["https://x.example/new2"] == "new2"


def test_loading_batches_again_keeps_every_natural_key_unique(db_path: Path):
    first = [_article(f"a{i}", f"text {i}", simhash=i << 20, urls=[f"https://x.example/a{i}", "https://x.example/hub"])
             for i in range(5)]  # fmt: skip
    changed = [_article("a0", "text 0 corrected", simhash=1 << 20)]
    for batch in (first, first, changed, changed, first[2:]):
        with writer(db_path) as con:
            load_articles(con, batch, "run")
    with read_only(db_path) as con:
        for table, key in NATURAL_KEYS.items():
            repeated = con.execute(f"select {key}, count(*) from {table} group by all having count(*) > 1").fetchall()
            assert not repeated, (table, repeated)
        assert con.execute("select version from articles where article_id = 'a0'").fetchone()[0] == 2
        assert con.execute("select count(*) from article_versions where article_id = 'a0'").fetchone()[0] == 2
        assert (
            con.execute("select article_id from article_urls where url = 'https://x.example/hub'").fetchone()[0] == "a0"
        )
        assert con.execute("select count(*) from events where article_id = 'a0'").fetchone()[0] == 1


def test_lookup_key_collisions_never_make_false_matches(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    # Every string gets the same key: only the comparison of the full strings tells articles, copies and URLs apart.
    monkeypatch.setattr(warehouse_load, "lookup_key", lambda value: None if value is None else 7)
    monkeypatch.setattr(load_module, "lookup_key", lambda value: None if value is None else 7)
    with writer(db_path) as con:
        assert load_articles(con, [_article("a", "one")], "run").outcomes == {"a": "new"}
    with writer(db_path) as con:
        outcomes = load_articles(
            con,
            [_article("b", "two", simhash=0x0F0F_0F0F_0F0F_0F0F), _article("c", "one"), _article("a", "one")],
            "run",
        ).outcomes
    assert outcomes == {"b": "new", "c": "duplicate", "a": "unchanged"}
    with read_only(db_path) as con:
        assert con.execute("select count(*) from article_urls").fetchone()[0] == 3
        assert con.execute("select duplicate_of from articles where article_id = 'c'").fetchone()[0] == "a"


def test_lookup_key_matches_the_sql_of_migration_0005():
    import duckdb

    con = duckdb.connect()
    for value in ("0123456789abcdef", "https://x.example/é?q=1", "hash-of-story"):
        sql = con.execute("select ('0x' || substr(sha256(?), 1, 15))::bigint", [value]).fetchone()[0]
        assert sql == lookup_key(value)
    assert lookup_key(None) is None


def test_rows_written_without_lookup_keys_are_still_found(db_path: Path):
    # A writer that does not set the keys (an analyst's insert, a generic upsert) must not hide a stored row.
    with writer(db_path) as con:
        load_articles(con, [_article("seed", "seed text", simhash=0x0F0F_0F0F_0F0F_0F0F)], "run")
        con.execute(
            "insert into articles (article_id, url, canonical_url, text, content_hash, simhash, version, first_seen_at)"
            " values ('bare', 'https://x.example/bare', 'https://x.example/bare', 'story', 'hash-of-story', 0, 1, ?)",
            [DAY],
        )
        con.execute("insert into article_urls (url, article_id) values ('https://x.example/shared', 'bare')")
    batch = [_article("bare", "story"), _article("copy", "story", urls=["https://x.example/shared"])]
    with writer(db_path) as con:
        assert load_articles(con, batch, "run").outcomes == {"bare": "unchanged", "copy": "duplicate"}
    with read_only(db_path) as con:
        shared = con.execute("select article_id from article_urls where url = 'https://x.example/shared'").fetchall()
        assert shared == [("bare",)]
