"""Render the demo site's HTML pages from each outlet's templates.

Each outlet has a folder in ``templates/`` with ``article.html``, ``listing.html`` and ``fragments.toml``
(the small repeated pieces: a paragraph, an author link, a related-story item). The markup lives there,
so the three outlets can differ the way real sites do while sharing this code. Templates are
``string.Template`` files; every value is HTML-escaped here before it is substituted.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from html import escape
from importlib import resources
from string import Template

from ingest.demo.content import Article, Outlet, section_slug


@dataclass(frozen=True)
class OutletTemplates:
    article: Template
    listing: Template
    fragments: dict[str, Template]
    date_format: str
    ad_every: int
    nav_sections: tuple[str, ...]


@lru_cache(maxsize=8)
def outlet_templates(name: str) -> OutletTemplates:
    folder = resources.files("ingest.demo") / "templates" / name
    settings = tomllib.loads((folder / "fragments.toml").read_text("utf-8"))
    return OutletTemplates(
        article=Template((folder / "article.html").read_text("utf-8")),
        listing=Template((folder / "listing.html").read_text("utf-8")),
        fragments={k: Template(v) for k, v in settings["fragments"].items()},
        date_format=settings["date_format"],
        ad_every=int(settings.get("ad_every", 0)),
        nav_sections=tuple(settings["nav_sections"]),
    )


@lru_cache(maxsize=1)
def _message_template() -> Template:
    return Template((resources.files("ingest.demo") / "templates" / "message.html").read_text("utf-8"))


def section_url(outlet: Outlet, section: str) -> str:
    return outlet.url(outlet.section_path.format(section=section_slug(section)))


def _human_date(when: datetime, outlet: Outlet, fmt: str) -> str:
    return when.astimezone(outlet.timezone).strftime(fmt)


def _join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C': how bylines read."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _common(outlet: Outlet, tpl: OutletTemplates) -> dict[str, str]:
    nav = "\n".join(
        tpl.fragments["nav_item"].substitute(url=escape(section_url(outlet, s)), name=escape(s))
        for s in tpl.nav_sections
    )
    feed_links = "\n".join(
        f'<link rel="alternate" type="{_FEED_MEDIA_TYPES[f.format]}" title="{escape(f.title)}" '
        f'href="{escape(outlet.url(f.path))}">'
        for f in outlet.feeds
    )
    return {
        "lang": outlet.language,
        "outlet_name": escape(outlet.name),
        "host": outlet.host,
        "homepage": outlet.homepage,
        "tagline": escape(outlet.tagline),
        "nav": nav,
        "feed_links": feed_links,
    }


_FEED_MEDIA_TYPES = {
    "rss20": "application/rss+xml",
    "atom10": "application/atom+xml",
    "rss10": "application/rdf+xml",
}


def _json_ld(article: Article, outlet: Outlet, url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": article.published.isoformat(),
        "dateModified": article.last_modified.isoformat(),
        "articleSection": article.section,
        "inLanguage": outlet.language,
        "author": [{"@type": "Person", "name": name} for name in article.authors],
        "publisher": {"@type": "NewsMediaOrganization", "name": outlet.name, "url": outlet.homepage},
        "wordCount": article.word_count,
    }
    # "</" inside a <script> block would end it early; "<\/" is the same JSON string.
    return json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/")


def render_article(article: Article, outlet: Outlet, related: list[Article], origin: Outlet | None) -> str:
    """The article page on ``outlet``; ``origin`` is the original publisher when this is a syndicated copy."""
    tpl = outlet_templates(outlet.template)
    frag = tpl.fragments
    url = article.urls[outlet.host]
    body_parts = []
    for number, paragraph in enumerate(article.paragraphs, start=1):
        body_parts.append(frag["paragraph"].substitute(text=escape(paragraph, quote=False)))
        # Ads between paragraphs, never after the last one: what extractors have to step over.
        if tpl.ad_every and number % tpl.ad_every == 0 and number < len(article.paragraphs):
            body_parts.append(frag["ad_slot"].substitute())
    authors = [frag["author"].substitute(name=escape(name), author_slug=section_slug(name)) for name in article.authors]
    updated_block = ""
    if article.updated is not None:
        updated_block = frag["updated"].substitute(
            iso=article.updated.isoformat(), human=_human_date(article.updated, outlet, tpl.date_format)
        )
    related_items = "\n".join(
        frag["related_item"].substitute(url=escape(other.urls[outlet.host]), title=escape(other.title))
        for other in related
    )
    credit = frag["credit"].substitute(origin=escape(origin.name)) if origin is not None else ""
    values = _common(outlet, tpl) | {
        "title": escape(article.title),
        "canonical": escape(url),
        "description": escape(article.summary),
        "section": escape(article.section),
        "section_url": escape(section_url(outlet, article.section)),
        "byline": _join_names(authors),
        "authors_text": escape(", ".join(article.authors)),
        "published_iso": article.published.isoformat(),
        "published_human": _human_date(article.published, outlet, tpl.date_format),
        "modified_iso": article.last_modified.isoformat(),
        "updated_block": updated_block,
        "body": "\n".join(body_parts),
        "related": related_items,
        "credit": credit,
        "json_ld": _json_ld(article, outlet, url),
        "year": str(article.published.year),
    }
    return tpl.article.substitute(values)


def render_listing(outlet: Outlet, heading: str, url: str, articles: list[Article], year: int) -> str:
    """A homepage or section page: teasers for ``articles`` in the order given."""
    tpl = outlet_templates(outlet.template)
    items = "\n".join(
        tpl.fragments["listing_item"].substitute(
            url=escape(a.urls[outlet.host]),
            title=escape(a.title),
            summary=escape(a.summary),
            iso=a.published.isoformat(),
            human=_human_date(a.published, outlet, tpl.date_format),
            section=escape(a.section),
        )
        for a in articles
    )
    values = _common(outlet, tpl) | {
        "heading": escape(heading),
        "canonical": escape(url),
        "items": items,
        "year": str(year),
    }
    return tpl.listing.substitute(values)


def render_message(site_name: str, heading: str, message: str) -> str:
    """A bare page with one message: error pages and the staff-only area."""
    return _message_template().substitute(site_name=escape(site_name), heading=escape(heading), message=escape(message))
