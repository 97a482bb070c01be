"""What a run did, as a dict for the CLI, the runs table and the Prefect artifact."""

from __future__ import annotations

from typing import Any

from ingest.pipeline.articles import BatchStats
from ingest.pipeline.runs import Run

ARTICLE_OUTCOMES = ("new", "updated", "unchanged", "duplicate", "failed")
FEED_OUTCOMES = ("polled", "parsed", "not_modified", "failed", "backing_off")


def record_batches(run: Run, batches: list[BatchStats]) -> BatchStats:
    total = BatchStats()
    for b in batches:
        total.merge(b)
    for name, n in total.articles.items():
        run.count("articles", name, n)
    for name, n in total.events.items():
        run.count("events", name, n)
    return total


def summary_rows(run: Run) -> list[dict[str, Any]]:
    """Flat (group, item, count) rows: a table artifact and the CLI's summary both use these."""
    rows = []
    feeds = run.stats.get("feeds", {})
    rows += [{"group": "feeds", "item": k, "count": feeds.get(k, 0)} for k in FEED_OUTCOMES]
    articles = run.stats.get("articles", {})
    rows += [{"group": "articles", "item": k, "count": articles.get(k, 0)} for k in ARTICLE_OUTCOMES]
    for name, n in sorted(run.stats.get("events", {}).items()):
        rows.append({"group": "events", "item": name, "count": n})
    for name, n in sorted(run.stats.get("incidents", {}).items()):
        rows.append({"group": "incidents", "item": name, "count": n})
    return rows
