"""The nightly and backfill flows through Prefect, against the demo site over real HTTP."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ingest.demo.site import DemoSite
from ingest.warehouse import read_only

pytestmark = [pytest.mark.prefect, pytest.mark.xdist_group("prefect")]


def _run_nightly(site: DemoSite, db: Path, tmp_path: Path, **extra):
    from flows.nightly import nightly

    sources = tmp_path / f"sources-{site.port}.toml"
    sources.write_text(site.sources_toml() + extra.pop("extra_sources", ""), "utf-8")
    return nightly(
        sources=str(sources),
        db=str(db),
        connect_to=site.connect_to,
        allow_hosts=[f"127.0.0.1:{site.port}"],
        host_delay=0.0,
        **extra,
    )


def _article_fetches(site: DemoSite) -> int:
    return sum(1 for _host, path, _status in site.request_log if "/feeds/" not in path and not path.endswith(".rdf"))


def test_nightly_loads_the_demo_site_and_a_second_run_adds_nothing(prefect_harness, db_path, tmp_path):
    with DemoSite() as site:
        first = _run_nightly(site, db_path, tmp_path)
        fetched_in_first = _article_fetches(site)
        second = _run_nightly(site, db_path, tmp_path)
        fetched_in_second = _article_fetches(site) - fetched_in_first
        expected = {a.slug: a for a in site.articles}

    assert first["status"] == "succeeded", first
    assert first["stats"]["articles"] == {"new": 40, "duplicate": 1}
    assert second["status"] == "succeeded"
    assert second["stats"]["feeds"]["not_modified"] == second["stats"]["feeds"]["polled"] == 4
    assert second["stats"].get("articles", {}) == {} and second["stats"].get("events", {}) == {}
    assert fetched_in_second == 0

    with read_only(db_path) as con:
        articles = con.execute("select url, canonical_url, text, duplicate_of, title from articles").fetchall()
        events = con.execute(
            "select e.event_type, a.url, a.text, e.evidence, e.evidence_start, e.evidence_end"
            " from events e join articles a using (article_id)"
        ).fetchall()
        log_errors = con.execute("select url, error from fetch_log where error is not null").fetchall()
        raw = con.execute("select count(*) from raw_documents").fetchone()[0]
        runs = con.execute("select status from runs order by started_at").fetchall()
    assert len(articles) == 41 and raw == 45 and log_errors == []
    assert runs == [("succeeded",), ("succeeded",)]
    assert not any("utm_" in canonical for _, canonical, *_ in articles)
    assert sum(1 for a in articles if a[3]) == 1  # the syndicated copy
    for event_type, _url, text, evidence, start, end in events:
        assert text[start:end] == evidence, event_type

    slug_of = {url: slug for slug, art in expected.items() for url in art.urls.values()}
    types_by_slug: dict[str, Counter[str]] = {}
    for event_type, url, *_ in events:
        slug = next((s for u, s in slug_of.items() if url.split("?")[0] == u.split("?")[0]), None)
        types_by_slug.setdefault(slug or url, Counter())[event_type] += 1
    off_topic = [s for s, a in expected.items() if a.off_topic]
    assert off_topic and not any(types_by_slug.get(s) for s in off_topic), "off-topic articles produced events"
    seen_types = {t for c in types_by_slug.values() for t in c}
    assert len(seen_types) >= 6, seen_types


INCIDENTS = (
    "select i.* exclude (rebuilt_at), list(ei.event_id order by ei.event_id) from incidents i"
    " join event_incident ei using (incident_id) group by all order by incident_id"
)


def test_updated_article_gets_a_new_version_and_backfill_is_idempotent(prefect_harness, db_path, tmp_path):
    from flows.backfill import backfill

    with DemoSite(edition="early") as site:
        early = _run_nightly(site, db_path, tmp_path)
    with DemoSite(edition="final") as site:
        final = _run_nightly(site, db_path, tmp_path)
    assert early["status"] == final["status"] == "succeeded"
    assert final["stats"]["articles"]["updated"] == 1
    with read_only(db_path) as con:
        versions = con.execute(
            "select a.url, a.version, count(v.version) from articles a join article_versions v using (article_id)"
            " group by all having count(v.version) > 1"
        ).fetchall()
        before = con.execute("select event_id, event_type from events order by 1").fetchall()
        incidents_before = con.execute(INCIDENTS).fetchall()
        # The updated article's events got new ids: its old ones left their incidents, the new ones joined.
        orphans = con.execute("select count(*) from event_incident anti join events using (event_id)").fetchone()[0]
        unassigned = con.execute("select count(*) from events anti join event_incident using (event_id)").fetchone()[0]
        texts = con.execute(
            "select v.text from article_versions v join articles a using (article_id) where a.version = 2"
            " order by v.version"
        ).fetchall()
    assert len(versions) == 1 and versions[0][1] == 2 and "al-tanf" in versions[0][0]
    assert (orphans, unassigned) == (0, 0)
    assert "two" in texts[0][0].lower() and "four" in texts[1][0].lower()

    from datetime import date

    first = backfill(start=date(2024, 1, 1), end=date(2024, 1, 31), db=str(db_path))
    again = backfill(start=date(2024, 1, 1), end=date(2024, 1, 31), db=str(db_path))
    assert first["stats"]["articles"]["reprocessed"] == 41 == again["stats"]["articles"]["reprocessed"]
    assert first["stats"]["incidents"]["rebuilt"] > 0
    with read_only(db_path) as con:
        after = con.execute("select event_id, event_type from events order by 1").fetchall()
        incidents_after = con.execute(INCIDENTS).fetchall()
        versions_after = con.execute("select count(*) from article_versions").fetchone()[0]
    assert after == before  # same code, same raw bytes: the very same rows
    assert incidents_after == incidents_before and len(incidents_before) > 0  # rebuilt, same ids and members
    assert versions_after == 42

    narrow = backfill(start=date(2024, 1, 8), end=date(2024, 1, 8), db=str(db_path))
    assert 0 < narrow["stats"]["articles"]["reprocessed"] < 41


BAD_SOURCES = """
[[source]]
name = "Broken Outlet"
feeds = ["http://gulf-herald.example/feeds/missing.xml", "http://no-such-host.invalid/feed.xml"]
"""


def test_bad_feeds_are_logged_and_do_not_stop_the_run(prefect_harness, db_path, tmp_path):
    with DemoSite() as site:
        result = _run_nightly(site, db_path, tmp_path, extra_sources=BAD_SOURCES)
    assert result["status"] == "partial"
    assert result["stats"]["feeds"]["failed"] == 2 and result["stats"]["articles"]["new"] == 40
    with read_only(db_path) as con:
        errors = dict(con.execute("select url, error from fetch_log where error is not null").fetchall())
        failing = con.execute(
            "select feed_url, consecutive_failures, next_fetch_at is not null from feeds where last_error is not null"
        ).fetchall()
    assert "404" in errors["http://gulf-herald.example/feeds/missing.xml"]
    assert errors["http://no-such-host.invalid/feed.xml"]
    assert sorted(failing) == [
        ("http://gulf-herald.example/feeds/missing.xml", 1, True),
        ("http://no-such-host.invalid/feed.xml", 1, True),
    ]
