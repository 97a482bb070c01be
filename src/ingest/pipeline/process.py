"""CPU work for one fetched article: extract, clean, tag. Pure and picklable, so it can run in a
process pool and in backfills over stored raw documents alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from time import perf_counter
from typing import Any

from ingest.clean import canonicalize_url, fingerprints, normalize_text, strip_boilerplate_lines, url_id
from ingest.extract import extract
from ingest.pipeline.common import parse_when
from ingest.pipeline.plan import ArticleJob
from ingest.tag import TAGGER_VERSION, tag_article


@dataclass
class ProcessedArticle:
    article_id: str
    url: str
    canonical_url: str
    urls: list[str]  # every canonicalised URL this article is known by
    source: str
    feed_url: str
    guid: str | None
    title: str | None
    authors: list[str]
    published_at: datetime | None
    feed_updated_at: datetime | None
    language: str | None
    summary: str | None
    text: str
    content_hash: str
    simhash: int
    raw_id: str
    extractor_version: str
    relevance: float
    topics: list[str]
    tagger_version: str
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ProcessFailure:
    url: str
    error: str


def process_article(
    job: ArticleJob, body: bytes, final_url: str, raw_id: str, *, timings: dict[str, float] | None = None
) -> ProcessedArticle | ProcessFailure:
    """Never raises: a page we cannot read becomes a ProcessFailure with a readable reason.

    ``timings``, when given, accumulates seconds per stage (extract, clean, tag) for the benchmark.
    """
    clock = perf_counter()
    try:
        extracted = extract(body, url=final_url)
    except Exception as exc:  # the extractor promises not to raise; a bug there must not kill a batch
        return ProcessFailure(job.url, f"extraction failed: {type(exc).__name__}: {exc}")
    clock = _lap(timings, "extract", clock)
    text = strip_boilerplate_lines(normalize_text(extracted.text or ""))
    if not text:
        return ProcessFailure(job.url, "no article text found in the page")
    canonical = canonicalize_url(extracted.canonical_url or final_url or job.url)
    urls = sorted({canonicalize_url(job.url), canonicalize_url(final_url or job.url), canonical})
    published = _published(extracted.published, job.entry_published)
    title = extracted.title or job.entry_title
    fingerprint, near = fingerprints(text)
    clock = _lap(timings, "clean", clock)
    try:
        tags = tag_article(text, published=published, title=title)
    except Exception as exc:
        return ProcessFailure(job.url, f"tagging failed: {type(exc).__name__}: {exc}")
    events = [e.to_dict() for e in tags.events]
    _lap(timings, "tag", clock)
    return ProcessedArticle(
        article_id=url_id(canonical),
        url=job.url,
        canonical_url=canonical,
        urls=urls,
        source=job.source,
        feed_url=job.feed_url,
        guid=job.guid,
        title=title,
        authors=list(extracted.authors or job.entry_authors),
        published_at=published,
        feed_updated_at=job.entry_updated or job.entry_published,
        language=extracted.language,
        summary=job.summary,
        text=text,
        content_hash=fingerprint,
        simhash=near,
        raw_id=raw_id,
        extractor_version=extracted.extractor_version,
        relevance=tags.relevance,
        topics=list(tags.topics),
        tagger_version=TAGGER_VERSION,
        events=events,
    )


def _lap(timings: dict[str, float] | None, stage: str, since: float) -> float:
    now = perf_counter()
    if timings is not None:
        timings[stage] = timings.get(stage, 0.0) + now - since
    return now


def _published(page_value: str | None, feed_value: datetime | None) -> datetime | None:
    """The page's date, but the feed's timestamp when the page gives only the same day (or nothing)."""
    page = parse_when(page_value)
    if page is None:
        return feed_value
    date_only = page_value is not None and len(str(page_value).strip()) <= 10
    if date_only and feed_value is not None and abs((feed_value.date() - page.date()).days) <= 1:
        return feed_value
    return page
