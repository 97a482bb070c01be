"""Plain functions that compose the stages into runs. The Prefect flows in ``flows/`` only wire these."""

from ingest.pipeline.articles import BatchStats, mark_seen_articles, run_article_batch
from ingest.pipeline.common import chunks
from ingest.pipeline.feeds import (
    FeedJob,
    PolledFeed,
    commit_feed_validators,
    digest_feeds,
    plan_feeds,
    store_raw,
    sync_sources,
)
from ingest.pipeline.plan import ArticleJob, ArticlePlan, plan_articles
from ingest.pipeline.runs import Run, finish_run, run_slot, start_run

__all__ = [
    "ArticleJob",
    "ArticlePlan",
    "BatchStats",
    "FeedJob",
    "PolledFeed",
    "Run",
    "chunks",
    "commit_feed_validators",
    "digest_feeds",
    "finish_run",
    "mark_seen_articles",
    "plan_articles",
    "plan_feeds",
    "run_article_batch",
    "run_slot",
    "start_run",
    "store_raw",
    "sync_sources",
]
