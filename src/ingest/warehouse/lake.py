"""Publish the warehouse's tables into a DuckLake: a catalog plus Parquet data files, with snapshots.

This is the first step of the scale-out path (docs/scaleout.md): analysts and other machines read the lake
(any DuckDB with the ducklake extension, or its Parquet files directly) while the nightly run keeps writing
the warehouse file. Each publish is one DuckLake snapshot, so earlier publishes stay queryable
(``select ... from lake.events at (version => 3)``).

The warehouse is held only while its tables are copied out as Parquet (``export_parquet``, one read-only
snapshot); the lake is then written from those files with the warehouse already released.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ingest.warehouse.connection import extension_config
from ingest.warehouse.export import ExportError, export_parquet

CATALOG = "catalog.ducklake"
DATA = "data"


@dataclass(frozen=True)
class Published:
    table: str
    rows: int


@dataclass(frozen=True)
class LakeResult:
    snapshot_id: int
    tables: list[Published]
    catalog: Path


def lake_connection(lake_dir: Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the lake attached as ``lake`` (ducklake loaded from duckdb-ext, offline)."""
    con = duckdb.connect(config=extension_config())
    try:
        con.execute("load ducklake")
        options = f"data_path {_literal(str(lake_dir / DATA) + '/')}" + (", read_only" if read_only else "")
        con.execute(f"attach {_literal('ducklake:' + str(lake_dir / CATALOG))} as lake ({options})")
    except duckdb.Error:
        con.close()
        raise
    return con


def publish_ducklake(
    db: str | Path,
    lake_dir: str | Path,
    *,
    wait_s: float = 120.0,
    on_wait: Callable[[float], None] | None = None,
) -> LakeResult:
    """Replace the lake's tables with the warehouse's current ones, in one snapshot. Views stay in the
    warehouse (their SQL is in sql/views/ and runs unchanged on the lake's tables)."""
    lake_dir = Path(lake_dir)
    if lake_dir.exists() and not lake_dir.is_dir():
        raise ExportError(f"{lake_dir} is not a folder")
    if lake_dir.is_dir() and any(lake_dir.iterdir()) and not (lake_dir / CATALOG).exists():
        raise ExportError(f"{lake_dir} is not empty and holds no DuckLake catalog ({CATALOG}); choose another --out")
    lake_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".publish-", dir=lake_dir))
    try:
        exported = export_parquet(db, staging / "export", overwrite=True, wait_s=wait_s, on_wait=on_wait)
        tables = [e for e in exported if e.kind == "table"]
        try:
            con = lake_connection(lake_dir)
        except duckdb.Error as exc:
            raise ExportError(f"cannot open the DuckLake catalog in {lake_dir}: {exc}") from exc
        try:
            con.begin()  # one transaction: readers see the old snapshot or the new one, never a mix
            for e in tables:
                files = _literal(str(staging / "export" / e.name / "**" / "*.parquet"))
                cols = ", ".join(_ident(c) for c in e.columns)
                con.execute(
                    f"create or replace table lake.{_ident(e.name)} as"
                    f" select {cols} from read_parquet({files}, hive_partitioning = false)"
                )
            con.commit()
            snapshot = con.execute("select max(snapshot_id) from ducklake_snapshots('lake')").fetchone()
        except duckdb.Error as exc:
            raise ExportError(f"publishing to the DuckLake in {lake_dir} failed, it is unchanged: {exc}") from exc
        finally:
            con.close()
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return LakeResult(int(snapshot[0]) if snapshot else 0, [Published(e.name, e.rows) for e in tables],
                      lake_dir / CATALOG)  # fmt: skip


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
