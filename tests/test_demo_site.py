"""The bundled demo site, fetched over real HTTP on 127.0.0.1 the way the pipeline fetches it."""

from __future__ import annotations

import gzip
import html
import json
import re
import tomllib
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from importlib import resources
from urllib.parse import urlsplit, urlunsplit

import feedparser
import pytest
import requests

from ingest.clean import canonicalize_url
from ingest.demo import DemoSite, load_articles
from ingest.demo.content import ContentError, load_site_facts, parse_article
from ingest.demo.site import main

# The tagging vocabulary the demo content may use, written out here so that a change to it is deliberate.
ALLOWED_EVENT_TYPES = {
    "armed_clash",
    "air_or_drone_strike",
    "shelling_artillery_missile",
    "remote_explosive",
    "suicide_bomb",
    "maritime_attack",
    "attack",
    "military_deployment",
    "diplomacy",
    "threat",
    "sanctions",
    "arrest_or_seizure",
    "protest",
}
EXPECTED_FEED_FORMATS = {
    "http://gulf-herald.example/feeds/rss.xml": "rss20",
    "http://gulf-herald.example/feeds/middle-east.xml": "rss20",
    "http://levant-wire.example/feeds/all.atom": "atom10",
    "http://red-sea-monitor.example/index.rdf": "rss10",
}
IDENTITY = {"Accept-Encoding": "identity"}


@pytest.fixture(scope="module")
def site():
    with DemoSite() as running:
        yield running


@pytest.fixture(scope="module")
def early_site():
    with DemoSite(edition="early") as running:
        yield running


def get(site: DemoSite, url: str, headers: dict[str, str] | None = None, **kwargs) -> requests.Response:
    """GET an outlet URL from the local server: connect to 127.0.0.1, name the outlet in Host."""
    parts = urlsplit(url)
    local = urlunsplit(("http", f"127.0.0.1:{site.port}", parts.path, parts.query, ""))
    return requests.get(local, headers={"Host": parts.netloc, **(headers or {})}, timeout=10, **kwargs)


def parsed_feeds(site: DemoSite) -> dict[str, feedparser.FeedParserDict]:
    return {url: feedparser.parse(get(site, url).content) for url in site.feed_urls}


def canonical_of(page: str) -> str:
    match = re.search(r'<link rel="canonical" href="([^"]+)"', page)
    assert match, "page has no canonical link"
    return html.unescape(match.group(1))


# --- content ------------------------------------------------------------------------------------------


def test_about_forty_articles_with_enough_off_topic_ones():
    articles = load_articles()
    assert 38 <= len(articles) <= 42
    assert sum(a.off_topic for a in articles) >= 6


def test_expectations_use_only_the_tagging_vocabulary():
    for article in load_articles():
        assert set(article.expect_event_types) <= ALLOWED_EVENT_TYPES, article.slug
        assert not (article.off_topic and article.expect_event_types), article.slug
        assert all(re.fullmatch(r"[A-Z]{2}", c) for c in article.expect_countries), article.slug
    used = {t for a in load_articles() for t in a.expect_event_types}
    assert used == ALLOWED_EVENT_TYPES, f"types no article exercises: {ALLOWED_EVENT_TYPES - used}"


def test_articles_are_news_length_and_dated_inside_the_fortnight():
    facts = load_site_facts()
    for article in load_articles():
        assert 150 <= article.word_count <= 600, (article.slug, article.word_count)
        assert facts.fortnight_start <= article.published < facts.fortnight_end
        assert article.published.utcoffset() is not None


def test_several_articles_have_more_than_one_author():
    assert sum(len(a.authors) > 1 for a in load_articles()) >= 3


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expect_event_types": ["airstrike"]}, "unknown event types"),
        ({"off_topic": True}, "off-topic article cannot expect events"),
        ({"colour": "red"}, "unknown keys"),
        ({"outlets": ["daily-planet"]}, "unknown outlet"),
        ({"published": datetime.fromisoformat("2023-12-31T10:00:00+03:00")}, "outside the fortnight"),
    ],
)
def test_invalid_content_is_rejected(change, message):
    raw = {
        "slug": "a-story",
        "outlets": ["levant-wire"],
        "title": "A story",
        "authors": ["A. Writer"],
        "published": datetime.fromisoformat("2024-01-10T10:00:00+03:00"),
        "section": "Middle East",
        "off_topic": False,
        "expect_event_types": ["protest"],
        "body": "First paragraph.\n\nSecond paragraph.",
    }
    assert parse_article(raw, "test.toml").paragraphs == ("First paragraph.", "Second paragraph.")
    with pytest.raises(ContentError, match=message):
        parse_article(raw | change, "test.toml")


# --- feeds --------------------------------------------------------------------------------------------


def test_every_feed_parses_in_its_expected_format(site):
    assert set(site.feed_urls) == set(EXPECTED_FEED_FORMATS)
    for url, feed in parsed_feeds(site).items():
        assert not feed.bozo, (url, feed.get("bozo_exception"))
        assert feed.version == EXPECTED_FEED_FORMATS[url]
        assert feed.entries, url
    assert set(EXPECTED_FEED_FORMATS.values()) == {"rss20", "atom10", "rss10"}


def test_feeds_are_well_formed_xml_that_declares_its_encoding(site):
    for url in site.feed_urls:
        response = get(site, url)
        assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
        assert "charset=utf-8" in response.headers["Content-Type"]
        ET.fromstring(response.content)  # raises on malformed XML


def test_feed_content_types_match_the_format(site):
    kinds = {"rss20": "application/rss+xml", "atom10": "application/atom+xml", "rss10": "application/rdf+xml"}
    for url, fmt in EXPECTED_FEED_FORMATS.items():
        assert get(site, url).headers["Content-Type"].startswith(kinds[fmt])


def test_feed_entries_are_newest_first_with_title_author_date_and_summary(site):
    for url, feed in parsed_feeds(site).items():
        dates = [e.get("published_parsed") or e.get("updated_parsed") for e in feed.entries]
        assert all(dates), url
        assert dates == sorted(dates, reverse=True), url
        for entry in feed.entries:
            assert entry.title and entry.get("summary") and entry.get("author"), (url, entry.get("link"))
            assert entry.get("id"), (url, entry.link)


def test_every_feed_entry_link_resolves_to_its_article_page(site):
    for feed in parsed_feeds(site).values():
        for entry in feed.entries:
            response = get(site, entry.link)
            assert response.status_code == 200, entry.link
            assert response.headers["Content-Type"] == "text/html; charset=utf-8"
            page = response.text
            assert canonical_of(page) == canonicalize_url(entry.link)
            assert re.search(r'<html[^>]* lang="en"', page)
            title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
            assert html.unescape(title).startswith(html.unescape(entry.title) + " | ")


def test_every_article_is_listed_in_a_feed_of_each_outlet_that_publishes_it(site):
    listed = {canonicalize_url(e.link) for feed in parsed_feeds(site).values() for e in feed.entries}
    published = {url for a in site.articles for url in a.urls.values()}
    assert listed == published


def test_one_feed_link_carries_tracking_parameters(site):
    links = [e.link for feed in parsed_feeds(site).values() for e in feed.entries]
    tracked = [link for link in links if "utm_source=rss" in link]
    assert tracked
    for link in tracked:
        assert "utm_medium=feed" in link and "utm_campaign=" in link
        assert get(site, link).status_code == 200
        assert canonicalize_url(link) in {u for a in site.articles for u in a.urls.values()}


def test_one_rss_item_has_only_a_permalink_guid(site):
    raw = get(site, "http://gulf-herald.example/feeds/rss.xml").content
    items = ET.fromstring(raw).findall("./channel/item")
    guid_only = [item for item in items if item.find("link") is None]
    assert len(guid_only) == 1
    guid = guid_only[0].find("guid")
    assert guid.get("isPermaLink") == "true"
    entry = next(e for e in feedparser.parse(raw).entries if e.id == guid.text)
    assert entry.link == guid.text
    assert get(site, entry.link).status_code == 200


# --- pages --------------------------------------------------------------------------------------------


def test_syndicated_story_has_the_same_paragraphs_on_two_outlets(site):
    syndicated = [a for a in site.articles if len(a.outlets) > 1]
    assert len(syndicated) == 1
    story = syndicated[0]
    pages = {host: get(site, url).text for host, url in story.urls.items()}
    assert len(pages) == 2
    for host, page in pages.items():
        assert canonical_of(page) == story.urls[host]
        for paragraph in story.paragraphs:
            assert html.escape(paragraph, quote=False) in page, (host, paragraph[:40])
    layouts = {host: "<article" in page for host, page in pages.items()}
    assert len(set(layouts.values())) == 2, "the two copies should come from different templates"


def test_outlets_use_different_markup(site):
    pages = {}
    for article in site.articles:
        for host, url in article.urls.items():
            pages.setdefault(host, get(site, url).text)
    assert "<article" in pages["gulf-herald.example"]
    assert "<article" not in pages["red-sea-monitor.example"]
    assert 'class="field-item' in pages["red-sea-monitor.example"]
    levant = pages["levant-wire.example"]
    assert '<meta property="article:published_time"' in levant and '<meta property="og:title"' in levant
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', levant, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "NewsArticle" and data["datePublished"] and data["author"]


BOILERPLATE_MARKERS = ("cookie", "newsletter", "share", "comment", "related", "breadcrumb", "rights reserved")


def test_pages_of_every_outlet_carry_the_usual_boilerplate(site):
    pages = {}
    for article in site.articles:
        for host, url in article.urls.items():
            pages.setdefault(host, get(site, url).text.lower())
    assert len(pages) == 3
    for host, page in pages.items():
        for marker in BOILERPLATE_MARKERS:
            assert marker in page, (host, marker)


def test_homepages_link_to_every_article_of_their_outlet(site):
    for host in site.hosts:
        response = get(site, f"http://{host}/")
        assert response.status_code == 200
        for article in site.articles:
            if host in article.urls:
                assert html.escape(article.urls[host]) in response.text


def test_robots_txt_allows_all_but_the_private_area(site):
    response = get(site, "http://levant-wire.example/robots.txt")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "User-agent: *" in response.text
    assert "Disallow: /private/" in response.text


def test_unknown_host_and_unknown_path_are_404_with_a_length(site):
    unknown_host = get(site, "http://daily-planet.example/", headers=IDENTITY)
    assert unknown_host.status_code == 404
    assert int(unknown_host.headers["Content-Length"]) == len(unknown_host.content) > 0
    unknown_path = get(site, "http://gulf-herald.example/2024/01/01/no-such-story", headers=IDENTITY)
    assert unknown_path.status_code == 404
    assert int(unknown_path.headers["Content-Length"]) == len(unknown_path.content) > 0


def test_host_header_port_is_ignored(site):
    assert get(site, "http://gulf-herald.example:80/robots.txt").status_code == 200


# --- HTTP behaviour -----------------------------------------------------------------------------------


def test_conditional_get_answers_304_without_a_body(site):
    url = site.feed_urls[0]
    first = get(site, url, headers=IDENTITY)
    etag, last_modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)

    by_etag = get(site, url, headers=IDENTITY | {"If-None-Match": etag})
    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_etag.headers["ETag"] == etag

    by_date = get(site, url, headers=IDENTITY | {"If-Modified-Since": last_modified})
    assert by_date.status_code == 304 and by_date.content == b""

    older = format_datetime(parsedate_to_datetime(last_modified) - timedelta(seconds=1), usegmt=True)
    assert get(site, url, headers=IDENTITY | {"If-Modified-Since": older}).status_code == 200
    assert get(site, url, headers=IDENTITY | {"If-None-Match": '"0123abcd"'}).status_code == 200
    # If-None-Match wins over If-Modified-Since when both are sent.
    both = IDENTITY | {"If-None-Match": '"0123abcd"', "If-Modified-Since": last_modified}
    assert get(site, url, headers=both).status_code == 200


def test_article_pages_are_cacheable_too(site):
    url = next(iter(site.articles[-1].urls.values()))
    first = get(site, url)
    again = get(site, url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    modified = parsedate_to_datetime(first.headers["Last-Modified"])
    assert modified == site.articles[-1].last_modified.replace(microsecond=0)


def test_gzip_when_asked_and_identity_otherwise(site):
    url = "http://levant-wire.example/feeds/all.atom"
    plain = get(site, url, headers=IDENTITY)
    assert "Content-Encoding" not in plain.headers
    assert int(plain.headers["Content-Length"]) == len(plain.content)

    zipped = get(site, url, headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = zipped.raw.read(decode_content=False)
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert zipped.headers["Vary"] == "Accept-Encoding"
    assert int(zipped.headers["Content-Length"]) == len(raw) < len(plain.content)
    assert gzip.decompress(raw) == plain.content
    assert zipped.headers["ETag"] != plain.headers["ETag"]  # a different representation, a different tag

    refused = get(site, url, headers={"Accept-Encoding": "gzip;q=0"})
    assert "Content-Encoding" not in refused.headers


def test_head_sends_headers_only(site):
    parts = urlsplit(site.feed_urls[0])
    response = requests.head(
        f"http://127.0.0.1:{site.port}{parts.path}", headers={"Host": parts.netloc} | IDENTITY, timeout=10
    )
    assert response.status_code == 200
    assert int(response.headers["Content-Length"]) > 0
    assert response.content == b""


def test_request_log_records_host_target_and_status(site):
    url = "http://red-sea-monitor.example/no-such-page?x=1"
    get(site, url)
    assert ("red-sea-monitor.example", "/no-such-page?x=1", 404) in site.request_log


def test_connect_to_maps_every_outlet_to_the_local_port(site):
    assert site.connect_to == {f"{host}:80": f"127.0.0.1:{site.port}" for host in site.hosts}
    assert len(site.hosts) == 3
    assert all(host.endswith(".example") for host in site.hosts)


def test_stopped_site_frees_its_port():
    with DemoSite() as running:
        port = running.port
        assert requests.get(f"http://127.0.0.1:{port}/robots.txt", timeout=5).status_code == 404
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/robots.txt", timeout=5)
    assert running.request_log == [("127.0.0.1", "/robots.txt", 404)]


# --- editions -----------------------------------------------------------------------------------------


def test_early_edition_is_the_articles_before_the_cutoff(site, early_site):
    cutoff = load_site_facts().early_cutoff
    final_slugs = {a.slug for a in site.articles}
    early_slugs = {a.slug for a in early_site.articles}
    assert early_slugs == {a.slug for a in site.articles if a.published < cutoff}
    assert 0 < len(early_slugs) < len(final_slugs)
    early_links = {canonicalize_url(e.link) for f in parsed_feeds(early_site).values() for e in f.entries}
    assert early_links == {u for a in early_site.articles for u in a.urls.values()}


def test_editions_differ_exactly_on_the_updated_article(site, early_site):
    final = {a.slug: a for a in site.articles}
    changed = [a for a in early_site.articles if a != final[a.slug]]
    assert [a.slug for a in changed] == [a.slug for a in site.articles if a.has_revision]
    assert len(changed) == 1
    before, after = changed[0], final[changed[0].slug]
    assert before.updated is None and after.updated is not None
    assert before.paragraphs != after.paragraphs and before.urls == after.urls

    url = next(iter(after.urls.values()))
    early_page, final_page = get(early_site, url).text, get(site, url).text
    assert "Updated" not in early_page and "Updated" in final_page
    assert html.escape(after.paragraphs[0], quote=False) in final_page
    assert html.escape(before.paragraphs[0], quote=False) in early_page


def test_updated_article_keeps_its_feed_id_and_link_with_a_newer_updated_date(site, early_site):
    revised = next(a for a in site.articles if a.has_revision)
    host = next(iter(revised.urls))
    feed_url = next(u for u in site.feed_urls if urlsplit(u).hostname == host)

    def entry(running: DemoSite) -> feedparser.FeedParserDict:
        feed = feedparser.parse(get(running, feed_url).content)
        return next(e for e in feed.entries if canonicalize_url(e.link) == revised.urls[host])

    before, after = entry(early_site), entry(site)
    assert before.id == after.id and before.link == after.link
    assert before.updated_parsed == before.published_parsed
    assert after.updated_parsed > before.updated_parsed
    assert after.title != before.title


def test_unknown_edition_is_refused():
    with pytest.raises(ValueError, match="edition"):
        DemoSite(edition="tomorrow")


# --- sources file -------------------------------------------------------------------------------------


def test_shipped_sources_file_matches_the_outlets(site):
    shipped = (resources.files("ingest.demo") / "sources.toml").read_text("utf-8")
    assert shipped == site.sources_toml(), "regenerate with: python -m ingest.demo.site --sources"
    sources = tomllib.loads(shipped)["source"]
    assert [s["name"] for s in sources] == ["Gulf Herald", "Levant Wire", "Red Sea Monitor"]
    assert sorted(f for s in sources for f in s["feeds"]) == sorted(site.feed_urls)
    for source in sources:
        assert source["homepage"] == f"http://{urlsplit(source['feeds'][0]).hostname}/"
        assert source["language"] == "en" and re.fullmatch(r"[A-Z]{2}", source["country"])


def test_main_prints_the_sources_file(capsys, site):
    main(["--sources"])
    assert capsys.readouterr().out == site.sources_toml()
