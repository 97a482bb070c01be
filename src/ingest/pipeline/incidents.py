"""After a run's events are loaded: bring the incidents of the days it touched up to date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest.pipeline.runs import Run
from ingest.warehouse import writer
from ingest.warehouse.incidents import IncidentStats, dirty_since, rebuild_incidents


def refresh_incidents(db_path: Path, run: Run) -> IncidentStats:
    """One short write transaction: recompute incidents from the first day this run's events (or the
    syndicated copies it found) fall on; with nothing new, only repair incidents left stale elsewhere."""
    # Set-based SQL over all events, once per run, when the extraction pool is done: DuckDB's own thread count.
    with writer(db_path, threads=None) as con:
        since = dirty_since(con, run.run_id)
        # date.max: recompute no day on purpose, but still repair stale incidents wherever they are.
        stats = rebuild_incidents(con, since_date=since or date.max)
    run.count("incidents", "events_clustered", stats.events)
    run.count("incidents", "rebuilt", stats.incidents)
    return stats
