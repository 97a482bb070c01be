"""Pipeline pieces without Prefect: near-duplicate index, feed validators, the process pool."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ingest.pipeline.duplicates import NEAR_DUPLICATE_BITS, DuplicateFinder, _bands
from ingest.pipeline.feeds import FeedJob, PolledFeed, commit_feed_validators
from ingest.pipeline.plan import ArticleJob
from ingest.pipeline.pool import choose_workers, processing_map
from ingest.pipeline.process import ProcessedArticle, process_article
from ingest.warehouse import read_only, upsert, writer


def _flip(value: int, bits: list[int]) -> int:
    unsigned = value & 0xFFFFFFFFFFFFFFFF
    for b in bits:
        unsigned ^= 1 << b
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def test_hashes_within_the_threshold_always_share_a_band():
    rng = random.Random(3)
    for _ in range(2000):
        value = rng.getrandbits(64) - (1 << 63)
        other = _flip(value, rng.sample(range(64), rng.randint(0, NEAR_DUPLICATE_BITS)))
        assert set(_bands(value)) & set(_bands(other))


def _article(article_id: str, simhash: int, published: datetime, content: str) -> ProcessedArticle:
    return ProcessedArticle(
        article_id=article_id, url=f"https://x.example/{article_id}", canonical_url=f"https://x.example/{article_id}",
        urls=[], source="x", feed_url="f", guid=None, title=None, authors=[], published_at=published,
        feed_updated_at=None, language="en", summary=None, text=content, content_hash=content, simhash=simhash,
        raw_id="r", extractor_version="v", relevance=1.0, topics=[], tagger_version="t",
    )  # fmt: skip


def test_duplicate_finder_returns_the_earliest_near_copy_and_ignores_far_ones(db_path: Path):
    day = datetime(2024, 1, 10, tzinfo=UTC)
    base = 0x1234_5678_9ABC_DEF0
    with writer(db_path) as con:
        finder = DuplicateFinder(con, [])
    first = _article("a", base, day, "h1")
    second = _article("b", _flip(base, [1, 40]), day + timedelta(hours=1), "h2")
    copy = _article("c", _flip(base, [1, 2, 3, 50]), day + timedelta(hours=2), "h3")
    stranger = _article("d", _flip(base, list(range(0, 64, 4))), day, "h4")  # 16 bits away
    late = _article("e", base, day + timedelta(days=10), "h5")  # same hash, outside the window
    finder.add(first)
    finder.add(second)
    assert finder.original_of(copy) == "a"
    assert finder.original_of(stranger) is None
    assert finder.original_of(late) is None
    assert finder.original_of(_article("f", 99, day, "h1")) == "a"  # identical text: same content hash


def test_feed_validators_are_saved_only_for_feeds_whose_articles_all_loaded(db_path: Path):
    now = datetime.now(UTC)
    with writer(db_path) as con:
        upsert(con, "feeds", [{"feed_url": u, "source": "s", "etag": '"old"', "created_at": now} for u in ("f1", "f2")],
               key=["feed_url"])  # fmt: skip
    polled = [
        PolledFeed(FeedJob(u, "s"), "parsed", validators={"feed_url": u, "etag": '"new"', "body_hash": "h"})
        for u in ("f1", "f2")
    ]
    assert commit_feed_validators(db_path, polled, failed_feeds={"f2"}) == 1
    with read_only(db_path) as con:
        rows = dict(con.execute("select feed_url, etag from feeds order by 1").fetchall())
    assert rows == {"f1": '"new"', "f2": '"old"'}


def test_worker_choice_is_automatic_only_for_big_runs(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert choose_workers(None, 40) == 1
    assert choose_workers(None, 500) == 2
    assert choose_workers(3, 10) == 3
    assert choose_workers(0, 500) == 1


def _process(args):
    return process_article(*args)


@pytest.mark.slow
def test_process_pool_gives_the_same_results_as_in_process():
    from ingest.demo.content import load_articles, load_outlets
    from ingest.demo.render import render_article

    outlets = {o.key: o for o in load_outlets()}
    items = []
    for article in load_articles()[:6]:
        outlet = outlets[article.outlets[0]]
        url = article.urls[outlet.host]
        html = render_article(article, outlet, [], None).encode()
        job = ArticleJob(url=url, feed_url="f", source=outlet.key, reason="new", entry_published=article.published)
        items.append((job, html, url, "raw"))
    expected = list(map(_process, items))
    with processing_map(2) as pool_map:
        got = list(pool_map(_process, items))
    assert [g.article_id for g in got] == [e.article_id for e in expected]
    assert [(g.text, g.events) for g in got] == [(e.text, e.events) for e in expected]


def test_progress_reports_reach_listeners_only_while_listening():
    from ingest.pipeline import progress

    seen: list[tuple[str, int, int]] = []
    progress.begin("articles", 10)  # nobody listening: nothing happens
    with progress.listening(lambda *report: seen.append(report)):
        progress.begin("articles", 10)
        progress.advance("articles", 4)
        progress.advance("articles", 6)
    progress.advance("articles", 1)
    assert seen == [("articles", 0, 10), ("articles", 4, 10), ("articles", 10, 10)]


def test_loader_event_columns_match_event_rows():
    """load_articles builds events column by column; backfill uses event_rows: the same rows either way."""
    from ingest.pipeline.load import _article_events, _event_table, event_rows

    now = datetime(2024, 5, 1, tzinfo=UTC)
    base = {"event_type": "air_or_drone_strike", "country_iso": "IQ", "evidence": "x", "evidence_start": 0,
            "evidence_end": 5, "confidence": 0.8, "tagger_version": "t"}  # fmt: skip
    events = [base, dict(base), {**base, "killed": 3, "place": "Erbil"}, {"event_type": "not a type"},
              {**base, "evidence_start": 7, "actor1": "A"}]  # fmt: skip
    expected = event_rows("a1", 2, events, "run", now)
    kept = {eid: (e, "a1", 2) for eid, e in _article_events("a1", 2, events).items()}
    got = _event_table(kept, "run", now).to_pylist()
    assert len(expected) == 3
    assert got == [{k: row[k] for k in got[0]} for row in expected]
    assert set(got[0]) == set(expected[0])
