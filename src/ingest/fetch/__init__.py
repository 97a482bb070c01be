"""Fetch stage: polite, incremental and safe HTTP for feeds, article pages and robots.txt."""

from ingest.fetch.backoff import next_fetch_after, parse_retry_after
from ingest.fetch.fetcher import Fetcher
from ingest.fetch.guard import AddressRefused
from ingest.fetch.result import FetchResult

__all__ = ["AddressRefused", "FetchResult", "Fetcher", "next_fetch_after", "parse_retry_after"]
