"""Backfill flow: re-extract and re-tag stored raw documents for a date range with the current code."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from prefect import flow, task, unmapped
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from ingest.pipeline import BatchStats, chunks, progress, run_slot
from ingest.pipeline.backfill import BackfillItem, reprocess_batch, select_backfill
from ingest.pipeline.incidents import refresh_incidents
from ingest.pipeline.pool import MapFn, choose_workers, processing_map
from ingest.pipeline.summary import record_batches, summary_rows

BATCH_SIZE = 200  # no network in a backfill: bigger batches, fewer transactions


@task(cache_policy=NO_CACHE)
def backfill_batch(db: Path, run_id: str, items: list[BackfillItem], map_fn: MapFn) -> BatchStats:
    stats = reprocess_batch(db, run_id, items, map_fn=map_fn)
    progress.advance("pages", len(items))
    return stats


@flow(name="backfill", task_runner=ThreadPoolTaskRunner(max_workers=2))
def backfill(
    start: date, end: date, db: str = "data/warehouse.duckdb", wait: float = 0.0, processes: int | None = None
) -> dict[str, Any]:
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    db_path = Path(db)
    params = {"start": start.isoformat(), "end": end.isoformat(), "db": db}
    with run_slot(db_path, "backfill", params, wait_s=wait) as run:
        items = select_backfill(db_path, start, end)
        progress.begin("pages", len(items))
        workers = choose_workers(processes, len(items))
        with processing_map(workers) as map_fn:
            batches = chunks(items, BATCH_SIZE)
            stats = backfill_batch.map(unmapped(db_path), unmapped(run.run_id), batches, unmapped(map_fn)).result()
        run.count("processing", "processes", workers)
        record_batches(run, stats)
        refresh_incidents(db_path, run)  # the re-tagged days, and incidents that lost events
    create_table_artifact(summary_rows(run), key="backfill-summary", description=f"Backfill {start}..{end}")
    return {"run_id": run.run_id, "status": run.stats.get("status"), "stats": run.stats, "db": db}
