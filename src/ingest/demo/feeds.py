"""Write the demo outlets' feeds: RSS 2.0, Atom 1.0 and RSS 1.0 (RDF), each the way real CMSs emit them.

Feeds are built as text with every value escaped, like most publishing systems do; the tests parse
each one with feedparser and an XML parser to prove it is well-formed.
"""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from ingest.demo.content import Article, FeedSpec, Outlet, section_slug

MEDIA_TYPES = {
    "rss20": "application/rss+xml; charset=utf-8",
    "atom10": "application/atom+xml; charset=utf-8",
    "rss10": "application/rdf+xml; charset=utf-8",
}

_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def feed_articles(outlet: Outlet, feed: FeedSpec, articles: list[Article]) -> list[Article]:
    """The articles a feed lists, newest first."""
    chosen = [a for a in articles if outlet.key in a.outlets and (not feed.sections or a.section in feed.sections)]
    return sorted(chosen, key=lambda a: (a.published, a.slug), reverse=True)


def entry_link(article: Article, outlet: Outlet) -> str:
    """The link a feed gives for an article: its canonical URL, plus tracking parameters if it has any."""
    url = article.urls[outlet.host]
    return f"{url}?{article.feed_link_query}" if article.feed_link_query else url


def _tag_uri(outlet: Outlet, when: datetime, specific: str) -> str:
    """RFC 4151 tag URI: a stable id that does not pretend to be a link."""
    return f"tag:{outlet.host},{when.date().isoformat()}:{specific}"


def _rfc822(when: datetime) -> str:
    return format_datetime(when)


def _rfc3339(when: datetime) -> str:
    return when.isoformat()


def _text(tag: str, value: str, indent: str = "    ") -> str:
    return f"{indent}<{tag}>{escape(value)}</{tag}>"


def _rss20(outlet: Outlet, feed: FeedSpec, entries: list[Article], built: datetime) -> str:
    lines = [
        _XML_DECLARATION.rstrip("\n"),
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
        "  <channel>",
        _text("title", feed.title),
        _text("link", outlet.homepage),
        _text("description", outlet.tagline),
        _text("language", outlet.language),
        _text("lastBuildDate", _rfc822(built)),
        f'    <atom:link href={quoteattr(outlet.url(feed.path))} rel="self" type="application/rss+xml"/>',
    ]
    for article in entries:
        lines.append("    <item>")
        lines.append(_text("title", article.title, "      "))
        if article.guid_only:
            # Some CMSs omit <link> and rely on a permalink guid, which readers then use as the link.
            lines.append(f'      <guid isPermaLink="true">{escape(entry_link(article, outlet))}</guid>')
        else:
            lines.append(_text("link", entry_link(article, outlet), "      "))
            guid = _tag_uri(outlet, article.published, f"story-{article.uid}")
            lines.append(f'      <guid isPermaLink="false">{escape(guid)}</guid>')
        lines.append(_text("pubDate", _rfc822(article.published), "      "))
        lines.extend(_text("dc:creator", name, "      ") for name in article.authors)
        lines.append(_text("category", article.section, "      "))
        lines.append(_text("description", article.summary, "      "))
        lines.append("    </item>")
    lines += ["  </channel>", "</rss>", ""]
    return "\n".join(lines)


def _atom10(outlet: Outlet, feed: FeedSpec, entries: list[Article], built: datetime) -> str:
    lines = [
        _XML_DECLARATION.rstrip("\n"),
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(outlet.language)}>',
        _text("title", feed.title, "  "),
        _text("subtitle", outlet.tagline, "  "),
        f'  <link rel="alternate" type="text/html" href={quoteattr(outlet.homepage)}/>',
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(outlet.url(feed.path))}/>',
        _text("id", f"tag:{outlet.host},2024:{feed.path}", "  "),
        _text("updated", _rfc3339(built), "  "),
        f"  <author><name>{escape(outlet.name)}</name></author>",
        _text("rights", f"© 2024 {outlet.name}", "  "),
    ]
    for article in entries:
        lines.append("  <entry>")
        lines.append(_text("title", article.title))
        lines.append(f'    <link rel="alternate" type="text/html" href={quoteattr(entry_link(article, outlet))}/>')
        lines.append(_text("id", _tag_uri(outlet, article.published, f"story/{article.uid}")))
        lines.append(_text("published", _rfc3339(article.published)))
        lines.append(_text("updated", _rfc3339(article.last_modified)))
        lines.extend(f"    <author><name>{escape(name)}</name></author>" for name in article.authors)
        term, label = quoteattr(section_slug(article.section)), quoteattr(article.section)
        lines.append(f"    <category term={term} label={label}/>")
        lines.append(f'    <summary type="text">{escape(article.summary)}</summary>')
        lines.append("  </entry>")
    lines += ["</feed>", ""]
    return "\n".join(lines)


def _rss10(outlet: Outlet, feed: FeedSpec, entries: list[Article], built: datetime) -> str:
    lines = [
        _XML_DECLARATION.rstrip("\n"),
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"',
        '         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">',
        f"  <channel rdf:about={quoteattr(outlet.url(feed.path))}>",
        _text("title", feed.title),
        _text("link", outlet.homepage),
        _text("description", outlet.tagline),
        _text("dc:language", outlet.language),
        _text("dc:date", _rfc3339(built)),
        "    <items>",
        "      <rdf:Seq>",
    ]
    lines.extend(f"        <rdf:li rdf:resource={quoteattr(entry_link(a, outlet))}/>" for a in entries)
    lines += ["      </rdf:Seq>", "    </items>", "  </channel>"]
    for article in entries:
        link = entry_link(article, outlet)
        lines.append(f"  <item rdf:about={quoteattr(link)}>")
        lines.append(_text("title", article.title))
        lines.append(_text("link", link))
        lines.append(_text("description", article.summary))
        lines.extend(_text("dc:creator", name) for name in article.authors)
        lines.append(_text("dc:date", _rfc3339(article.published)))
        if article.updated is not None:
            lines.append(_text("dcterms:modified", _rfc3339(article.updated)))
        lines.append(_text("dc:subject", article.section))
        lines.append("  </item>")
    lines += ["</rdf:RDF>", ""]
    return "\n".join(lines)


_WRITERS = {"rss20": _rss20, "atom10": _atom10, "rss10": _rss10}


def render_feed(outlet: Outlet, feed: FeedSpec, entries: list[Article], built: datetime) -> str:
    """The feed document; ``entries`` newest first, ``built`` the time of its newest change."""
    return _WRITERS[feed.format](outlet, feed, entries, built)
