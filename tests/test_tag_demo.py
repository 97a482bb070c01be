"""The tagger over the demo site's 40 articles: off-topic stories yield nothing, security stories yield the
event types and countries their authors expected."""

from __future__ import annotations

import pytest

from ingest.demo.content import load_articles
from ingest.tag import tag_article

ARTICLES = load_articles()


@pytest.mark.parametrize("article", [a for a in ARTICLES if a.off_topic], ids=lambda a: a.slug)
def test_off_topic_articles_yield_no_events(article) -> None:
    tags = tag_article(article.text, published=article.published, title=article.title)
    assert tags.events == [], [e.evidence for e in tags.events]
    assert tags.relevance < 0.5


@pytest.mark.parametrize("article", [a for a in ARTICLES if not a.off_topic], ids=lambda a: a.slug)
def test_security_articles_yield_their_lead_event(article) -> None:
    tags = tag_article(article.text, published=article.published, title=article.title)
    types = {e.event_type for e in tags.events}
    # The first expected type is the story's lead event; the others are secondary mentions.
    assert article.expect_event_types[0] in types, [(e.event_type, e.evidence[:80]) for e in tags.events]
    assert tags.relevance >= 0.3
    if article.expect_countries:
        countries = {e.country_iso for e in tags.events}
        assert countries & set(article.expect_countries)


def test_demo_types_cover_most_expected_secondary_events() -> None:
    expected = found = 0
    for article in ARTICLES:
        types = {e.event_type for e in tag_article(article.text, published=article.published).events}
        expected += len(article.expect_event_types)
        found += len(set(article.expect_event_types) & types)
    assert found / expected >= 0.75
