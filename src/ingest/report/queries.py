"""What the report shows, read from the warehouse in one read-only connection (SQL in sql/report/)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any

import duckdb

from ingest.warehouse.migrations import sql_dir

LATEST_INCIDENTS = 15
TOP_ACTORS = 15


@dataclass(frozen=True)
class Summary:
    articles: int
    duplicates: int
    sources: int
    events: int
    first_event: date | None
    last_event: date | None
    first_published: datetime | None
    last_published: datetime | None
    last_run: datetime | None


@dataclass(frozen=True)
class IncidentArticle:
    title: str | None
    url: str
    source: str | None
    published_at: datetime | None


@dataclass(frozen=True)
class Incident:
    incident_id: str
    event_type: str
    country_iso: str | None
    place: str | None
    event_date: date
    actor1: str | None
    actor2: str | None
    killed: int | None
    injured: int | None
    n_articles: int
    n_sources: int
    articles: list[IncidentArticle] = field(default_factory=list)


@dataclass(frozen=True)
class ReportData:
    summary: Summary
    start: date | None  # the window: the last `days` days up to the newest event; None when there are no events
    end: date | None
    window_events: int = 0
    window_articles: int = 0
    without_coordinates: int = 0
    per_day: list[tuple[date, str, int]] = field(default_factory=list)
    points: list[tuple[float, float, str, int]] = field(default_factory=list)
    actors: list[tuple[str, int, int, int]] = field(default_factory=list)  # actor, acting, targeted, total
    casualties: list[tuple[str, int, int, int, int]] = field(default_factory=list)  # iso, incidents, figures, k, i
    incidents: list[Incident] = field(default_factory=list)


@cache
def _sql(name: str) -> str:
    return (sql_dir() / "report" / f"{name}.sql").read_text("utf-8")


@cache
def country_names() -> dict[str, str]:
    """ISO code -> display name, from the tagger's places.toml (its first alias is the country's name)."""
    data = tomllib.loads(resources.files("ingest.tag.data").joinpath("places.toml").read_text("utf-8"))
    return {c["iso"]: c["aliases"][0] for c in data["country"]}


def country_name(iso: str | None) -> str:
    if not iso:
        return "unknown country"
    return country_names().get(iso, iso)


def _rows(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    return con.execute(_sql(name), params).fetchall()


def read_report_data(con: duckdb.DuckDBPyConnection, days: int) -> ReportData:
    """Everything the report shows. The window ends at the newest event, not today, so the report of an
    older warehouse (or the demo's fortnight) still shows its data rather than an empty month."""
    con.execute("set TimeZone = 'UTC'")
    row = con.execute(_sql("summary")).fetchone()
    assert row is not None
    summary = Summary(*row)
    if summary.last_event is None:
        return ReportData(summary, None, None)
    end = summary.last_event
    # Never before the first event: a huge --days would otherwise draw years of empty bars (or overflow).
    start = end - timedelta(days=min(days - 1, (end - (summary.first_event or end)).days))
    window = {"start": start, "end": end}
    counts = con.execute(_sql("window_counts"), window).fetchone()
    assert counts is not None
    con.execute(_sql("incidents"))  # reports of one real-world event are one incident (migration 0002)
    incidents = [Incident(*r[:11]) for r in _rows(con, "latest_incidents", {**window, "limit": LATEST_INCIDENTS})]
    by_id = {i.incident_id: i for i in incidents}
    for incident_id, title, url, source, published in _rows(con, "incident_articles", {"ids": list(by_id)}):
        by_id[incident_id].articles.append(IncidentArticle(title, url, source, published))
    return ReportData(
        summary=summary,
        start=start,
        end=end,
        window_events=counts[0],
        window_articles=counts[1],
        without_coordinates=counts[2],
        per_day=_rows(con, "events_per_day", window),  # type: ignore[arg-type]
        points=[
            (lat, lon, place or country_name(iso), n) for lat, lon, place, iso, n in _rows(con, "map_points", window)
        ],
        actors=_rows(con, "top_actors", {**window, "limit": TOP_ACTORS}),  # type: ignore[arg-type]
        casualties=_rows(con, "casualties", window),  # type: ignore[arg-type]
        incidents=incidents,
    )
