"""Load the demo site's outlets and articles from the data files shipped in this package.

Articles are TOML files in ``content/``, one per story; ``data/outlets.toml`` describes the outlets and
``data/site.toml`` the fixed dates. Loading validates everything a test or the demo relies on, so a
typo in a content file fails loudly at start-up instead of producing a quietly wrong warehouse.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

EDITIONS = ("early", "final")
FEED_FORMATS = ("rss20", "atom10", "rss10")

_PACKAGE = "ingest.demo"
_COUNTRY = re.compile(r"[A-Z]{2}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_BLANK_LINES = re.compile(r"\n\s*\n")
_REQUIRED_KEYS = frozenset(
    {"slug", "outlets", "title", "authors", "published", "section", "off_topic", "expect_event_types", "body"}
)
_OPTIONAL_KEYS = frozenset({"updated", "original", "expect_countries", "feed_link_query", "guid_only"})


class ContentError(ValueError):
    """A content or data file of the demo site is invalid."""


@dataclass(frozen=True)
class FeedSpec:
    path: str
    format: str
    title: str
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    host: str
    country: str
    language: str
    timezone: timezone
    template: str
    article_path: str
    section_path: str
    tagline: str
    feeds: tuple[FeedSpec, ...]

    @property
    def homepage(self) -> str:
        return f"http://{self.host}/"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"


@dataclass(frozen=True)
class SiteFacts:
    fortnight_start: datetime
    fortnight_end: datetime
    early_cutoff: datetime
    robots_disallow: tuple[str, ...]
    max_age_s: int
    server_name: str


@dataclass(frozen=True)
class Article:
    """One story as a given edition serves it, with what an honest analyst would code from it."""

    slug: str
    outlets: tuple[str, ...]
    """Outlet keys; the first is the original publisher, the others syndicate the same text."""
    title: str
    authors: tuple[str, ...]
    published: datetime
    updated: datetime | None
    """Set when this edition serves a revised version; None for the original version."""
    section: str
    paragraphs: tuple[str, ...]
    off_topic: bool
    expect_event_types: tuple[str, ...]
    expect_countries: tuple[str, ...]
    urls: dict[str, str] = field(hash=False)
    """Outlet host -> canonical URL of this story on that outlet."""
    feed_link_query: str = ""
    """Tracking parameters the outlet's feeds append to this story's link."""
    guid_only: bool = False
    """RSS 2.0 feeds list this story with a permalink <guid> and no <link>."""
    has_revision: bool = False
    """The story changes between editions (the early edition serves its original version)."""
    source_file: str = ""

    @property
    def summary(self) -> str:
        """The lede: wire copy puts the news in the first paragraph, and the feeds use it as summary."""
        return self.paragraphs[0]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def last_modified(self) -> datetime:
        return self.updated or self.published

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def uid(self) -> str:
        return slug_uid(self.slug)

    @property
    def section_slug(self) -> str:
        return section_slug(self.section)


def section_slug(section: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")


def slug_uid(slug: str) -> str:
    """Six hex digits that some URL patterns and feed ids append to the slug, stable across runs."""
    return hashlib.sha1(slug.encode("utf-8")).hexdigest()[:6]


def _package_files() -> Traversable:
    return resources.files(_PACKAGE)


def _read_toml(node: Traversable) -> dict:
    try:
        return tomllib.loads(node.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"{node.name}: {exc}") from exc


def _parse_offset(text: str) -> timezone:
    sign = -1 if text.startswith("-") else 1
    hours, minutes = text.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


@lru_cache(maxsize=1)
def load_site_facts() -> SiteFacts:
    data = _read_toml(_package_files() / "data" / "site.toml")
    return SiteFacts(
        fortnight_start=data["fortnight_start"],
        fortnight_end=data["fortnight_end"],
        early_cutoff=data["early_cutoff"],
        robots_disallow=tuple(data["robots_disallow"]),
        max_age_s=int(data["max_age_s"]),
        server_name=data["server_name"],
    )


@lru_cache(maxsize=1)
def load_event_types() -> frozenset[str]:
    return frozenset(_read_toml(_package_files() / "data" / "event_types.toml")["types"])


@lru_cache(maxsize=1)
def load_outlets() -> tuple[Outlet, ...]:
    outlets = []
    for raw in _read_toml(_package_files() / "data" / "outlets.toml")["outlet"]:
        feeds = tuple(FeedSpec(f["path"], f["format"], f["title"], tuple(f.get("sections", ()))) for f in raw["feed"])
        for feed in feeds:
            if feed.format not in FEED_FORMATS:
                raise ContentError(f"outlet {raw['key']}: unknown feed format {feed.format!r}")
        outlets.append(
            Outlet(
                key=raw["key"],
                name=raw["name"],
                host=raw["host"],
                country=raw["country"],
                language=raw["language"],
                timezone=_parse_offset(raw["timezone"]),
                template=raw["template"],
                article_path=raw["article_path"],
                section_path=raw["section_path"],
                tagline=raw["tagline"],
                feeds=feeds,
            )
        )
    return tuple(outlets)


def _paragraphs(body: str) -> tuple[str, ...]:
    """Blank lines separate paragraphs; line breaks inside a paragraph are only for the editor."""
    return tuple(" ".join(p.split()) for p in _BLANK_LINES.split(body.strip()) if p.strip())


def _article_path(outlet: Outlet, slug: str, section: str, published: datetime) -> str:
    local = published.astimezone(outlet.timezone)
    return outlet.article_path.format(
        slug=slug,
        section=section_slug(section),
        year=f"{local.year:04d}",
        month=f"{local.month:02d}",
        day=f"{local.day:02d}",
        uid=slug_uid(slug),
    )


def _check(condition: bool, source: str, message: str) -> None:
    if not condition:
        raise ContentError(f"{source}: {message}")


def parse_article(raw: dict, source: str, edition: str = "final") -> Article:
    """One article from its parsed TOML, as the given edition serves it; ContentError if invalid."""
    facts = load_site_facts()
    outlets = {o.key: o for o in load_outlets()}
    allowed_types = load_event_types()

    missing = sorted(_REQUIRED_KEYS - raw.keys())
    _check(not missing, source, f"missing keys {missing}")
    unknown_keys = sorted(raw.keys() - _REQUIRED_KEYS - _OPTIONAL_KEYS)
    _check(not unknown_keys, source, f"unknown keys {unknown_keys}")
    slug = raw["slug"]
    _check(bool(_SLUG.fullmatch(slug)), source, f"slug {slug!r} is not lower-case words joined by hyphens")
    keys = tuple(raw["outlets"])
    _check(bool(keys) and all(k in outlets for k in keys), source, f"unknown outlet in {keys}")
    published: datetime = raw["published"]
    _check(isinstance(published, datetime) and published.tzinfo is not None, source, "published needs a zone")
    _check(facts.fortnight_start <= published < facts.fortnight_end, source, "published outside the fortnight")
    updated: datetime | None = raw.get("updated")
    original = raw.get("original")
    _check((updated is None) == (original is None), source, "'updated' and an [original] table go together")
    if updated is not None:
        _check(updated.tzinfo is not None and updated > published, source, "updated must follow published")

    version = raw
    if original is not None and edition == "early" and updated is not None and updated >= facts.early_cutoff:
        version, updated = original, None  # the site as it stood before the revision
    types = tuple(raw["expect_event_types"])
    unknown = sorted(set(types) - allowed_types)
    _check(not unknown, source, f"unknown event types {unknown}")
    off_topic = bool(raw["off_topic"])
    _check(not (off_topic and types), source, "an off-topic article cannot expect events")
    countries = tuple(raw.get("expect_countries", ()))
    _check(all(_COUNTRY.fullmatch(c) for c in countries), source, f"bad country code in {countries}")

    urls = {outlets[k].host: outlets[k].url(_article_path(outlets[k], slug, raw["section"], published)) for k in keys}
    return Article(
        slug=slug,
        outlets=keys,
        title=version["title"],
        authors=tuple(raw["authors"]),
        published=published,
        updated=updated,
        section=raw["section"],
        paragraphs=_paragraphs(version["body"]),
        off_topic=off_topic,
        expect_event_types=types,
        expect_countries=countries,
        urls=urls,
        feed_link_query=raw.get("feed_link_query", ""),
        guid_only=bool(raw.get("guid_only", False)),
        has_revision=original is not None,
        source_file=source,
    )


def load_articles(edition: str = "final") -> list[Article]:
    """Every article the given edition serves, oldest first."""
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {EDITIONS}, not {edition!r}")
    cutoff = load_site_facts().early_cutoff if edition == "early" else None
    articles = []
    for node in sorted((_package_files() / "content").iterdir(), key=lambda n: n.name):
        if not node.name.endswith(".toml"):
            continue
        article = parse_article(_read_toml(node), node.name, edition)
        if cutoff is None or article.published < cutoff:
            articles.append(article)
    slugs = [a.slug for a in articles]
    if len(slugs) != len(set(slugs)):
        raise ContentError(f"duplicate slugs: {sorted({s for s in slugs if slugs.count(s) > 1})}")
    return sorted(articles, key=lambda a: (a.published, a.slug))
