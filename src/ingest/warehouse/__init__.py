"""Warehouse stage: the DuckDB file analysts query.

- ``connection``: open the file with lock-aware retries (readers wait while a run writes).
- ``migrations``: numbered SQL files in ``sql/migrations`` applied forward, views re-created.
- ``load``: bulk upserts from Arrow tables in short transactions.
- ``runlock``: the single writer slot shared by nightly runs and backfills.
"""

from ingest.warehouse.connection import WarehouseBusy, WarehouseError, connect, read_only, writer
from ingest.warehouse.load import (
    append,
    insert_missing,
    key_set,
    lookup_key,
    rows_by_key,
    to_arrow,
    update_from,
    upsert,
)
from ingest.warehouse.migrations import apply_migrations, sql_dir
from ingest.warehouse.runlock import RunLock, WriterSlotBusy

__all__ = [
    "RunLock",
    "WarehouseBusy",
    "WarehouseError",
    "WriterSlotBusy",
    "append",
    "apply_migrations",
    "connect",
    "insert_missing",
    "key_set",
    "lookup_key",
    "read_only",
    "rows_by_key",
    "sql_dir",
    "to_arrow",
    "update_from",
    "upsert",
    "writer",
]
