"""Terminal output for the CLI (rich tables), kept apart from the command definitions."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import duckdb
from rich.console import Console
from rich.table import Table

EXAMPLE_QUERIES = (
    "select event_type, count(*) as events from events group by 1 order by 2 desc",
    "select e.event_date, e.event_type, e.actor1, e.actor2, e.place, e.killed, e.injured, a.title "
    "from events e join articles a using (article_id) order by e.event_date desc limit 10",
)


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def print_run_summary(result: dict[str, Any], *, examples: bool) -> None:
    console = _console()
    stats = result.get("stats", {})
    feeds, articles, events = stats.get("feeds", {}), stats.get("articles", {}), stats.get("events", {})
    console.print(f"\nrun {result.get('run_id')}: [bold]{result.get('status')}[/bold]  (warehouse {result.get('db')})")
    if feeds:
        console.print(
            f"feeds    polled {feeds.get('polled', 0)}, new content {feeds.get('parsed', 0)}, "
            f"not modified {feeds.get('not_modified', 0)}, failed {feeds.get('failed', 0)}, "
            f"backing off {feeds.get('backing_off', 0)}"
        )
    console.print(
        "articles "
        + ", ".join(f"{k} {articles.get(k, 0)}" for k in ("new", "updated", "duplicate", "failed"))
        + (f", reprocessed {articles['reprocessed']}" if "reprocessed" in articles else "")
    )
    if events:
        table = Table(title="events loaded by this run", title_justify="left")
        table.add_column("event_type")
        table.add_column("events", justify="right")
        for name, n in sorted(events.items(), key=lambda kv: -kv[1]):
            table.add_row(name, str(n))
        console.print(table)
    else:
        console.print("events   none new")
    incidents = stats.get("incidents", {})
    if incidents:
        console.print(f"incidents {incidents.get('rebuilt', 0)} rebuilt from {incidents.get('events_clustered', 0)} "
                      "events (one per real-world event, however many reports)")  # fmt: skip
    if articles.get("failed") or feeds.get("failed"):
        console.print("failures are listed with their reasons by: ingest status, and in the fetch_log table")
    if examples:
        console.print("\ntry:")
        db = result.get("db")
        suffix = f" --db {db}" if db and db != "data/warehouse.duckdb" else ""
        for sql in EXAMPLE_QUERIES:
            console.print(f'  ingest query "{sql}"{suffix}', markup=False)


def _cell(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def print_rows(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> None:
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
    elif fmt == "json":
        json.dump([dict(zip(columns, map(_cell, row), strict=True)) for row in rows], sys.stdout,
                  default=str, ensure_ascii=False, indent=1)  # fmt: skip
        sys.stdout.write("\n")
    else:
        table = Table(show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(_cell(v)) for v in row))
        _console().print(table)
        _console().print(f"{len(rows)} rows")


def print_status(con: duckdb.DuckDBPyConnection) -> None:
    console = _console()
    runs = con.execute(
        "select run_id, flow, status, started_at, finished_at, error from runs order by started_at desc limit 5"
    ).fetchall()
    table = Table(title="recent runs", title_justify="left")
    for c in ("run_id", "flow", "status", "started_at", "finished_at", "error"):
        table.add_column(c, overflow="fold")
    for row in runs:
        table.add_row(*("" if v is None else str(_cell(v)) for v in row))
    console.print(table)
    failing = con.execute(
        "select feed_url, consecutive_failures, last_status, last_error, last_success_at, next_fetch_at"
        " from feeds where consecutive_failures > 0 order by consecutive_failures desc, feed_url"
    ).fetchall()
    if not failing:
        total = con.execute("select count(*) from feeds").fetchone()
        console.print(f"all {total[0] if total else 0} feeds healthy")
        return
    # One block per feed rather than a table: URLs and errors are long and must not be folded.
    console.print(f"{len(failing)} failing feeds:", style="bold")
    for url, failures, status, error, last_success, next_at in failing:
        console.print(f"  {url}", markup=False)
        console.print(
            f"    {failures} consecutive failures; last status {status if status is not None else 'none'};"
            f" last success {_cell(last_success) or 'never'}; next attempt {_cell(next_at) or 'next run'}",
            markup=False,
        )
        console.print(f"    last error: {error}", markup=False)


def print_search_hits(hits: Sequence[Any], query: str) -> None:
    """Search results as numbered blocks: rank, date, outlet and score; title; URL; snippet."""
    console = _console()
    if not hits:
        console.print(f"no article matches {query!r}", markup=False)
        return
    for hit in hits:
        day = hit.published_at.date().isoformat() if hit.published_at else "undated"
        console.print(f"{hit.rank:>3}. {day}  {hit.source or '?'}  (score {hit.score:.2f})", markup=False)
        console.print(f"     {hit.title or '(no title)'}", markup=False, style="bold")
        console.print(f"     {hit.url}", markup=False)
        if hit.snippet:
            console.print(f"     {hit.snippet}", markup=False, style="dim")
