"""A nightly run through Prefect against a hostile site (tests/badsite.py): good feeds mixed with every bad
case. The run must end by itself, load every good article exactly once, and log every bad URL readably."""

from __future__ import annotations

from pathlib import Path

import pytest

from badsite import BAD_PAGES, CP1252_TITLE, FILE_LINK, GOOD, GOOD_HOST, RDF_TITLE, BadSite
from ingest.warehouse import read_only

pytestmark = [pytest.mark.prefect, pytest.mark.xdist_group("prefect")]

BAD_FEEDS = {
    "http://laughs.example/feed": "entity expansion refused",
    "http://html.example/feed": "not a feed (HTML page)",
    "http://down.example/feed": "HTTP 429 Too Many Requests",
    "http://gone.example/feed": "HTTP 404 Not Found",
    "http://refused.example/feed": "connection refused",
}


def test_a_run_against_a_hostile_site_loads_the_good_and_logs_the_bad(prefect_harness, db_path: Path, tmp_path: Path):
    from flows.nightly import nightly

    with BadSite() as site:
        sources = tmp_path / "sources.toml"
        sources.write_text(site.sources_toml(), "utf-8")
        params = {"sources": str(sources), "db": str(db_path), "connect_to": site.connect_to,
                  "allow_hosts": site.allow_hosts, "host_delay": 0.0, "request_deadline": 2.0}  # fmt: skip
        first = nightly(**params)
        second = nightly(**params)
        robots_fetches = site.count(GOOD_HOST, "/robots.txt")
        secret_fetches = site.count(GOOD_HOST, "/private/secret")

    assert first["status"] == second["status"] == "partial"  # finished by itself, with failures recorded
    assert first["stats"]["articles"]["new"] == 7 and first["stats"]["articles"]["failed"] == len(BAD_PAGES)
    assert first["stats"]["feeds"] == {"backing_off": 0, "polled": 8, "parsed": 3, "failed": 5}
    assert second["stats"]["feeds"]["backing_off"] == 5, "failing feeds wait for their next attempt"
    assert robots_fetches == 2 and secret_fetches == 0  # once per host per run; disallowed never fetched

    with read_only(db_path) as con:
        titles = [t for (t,) in con.execute("select title from articles order by title").fetchall()]
        errors = con.execute("select kind, url, error from fetch_log where error is not null").fetchall()
        runs = con.execute("select count(*) from runs where status = 'partial'").fetchone()[0]
        failing = dict(con.execute("select feed_url, last_error from feeds where consecutive_failures > 0").fetchall())
    # Each good article exactly once, its title stored verbatim (quotes, SQL and markup are just text).
    assert titles == sorted([*GOOD.values(), CP1252_TITLE, RDF_TITLE])
    assert runs == 2

    first_errors = {url: error for kind, url, error in errors if kind == "article"}
    for path, expected in BAD_PAGES.items():
        assert first_errors[f"http://{GOOD_HOST}{path}"].startswith(expected), (path, first_errors)
    feed_errors = {url: error for kind, url, error in errors if kind == "feed"}
    for url, expected in BAD_FEEDS.items():
        assert feed_errors[url].startswith(expected), (url, feed_errors.get(url))
        assert failing[url].startswith(expected)
    # feedparser writes file:///etc/passwd as file://etc/passwd; each run that parses the feed says it again.
    item_errors = {(url.split(":")[0], error) for kind, url, error in errors if kind == "item"}
    assert item_errors == {(FILE_LINK.split(":")[0], "refused: item link scheme file: is not http(s)")}
