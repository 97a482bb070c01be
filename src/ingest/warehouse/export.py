"""Export the warehouse as Parquet: one folder per table or view, partitioned by year and month of its date.

Everything is read in one read-only connection, in one transaction, so the export is a consistent snapshot
even of a warehouse a run writes to between our reads' retries. ``manifest.json`` (for programs) and
``README.md`` (for people) say what was written: rows, files, partitioning and columns of every relation.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ingest.warehouse.connection import read_only

FORMATS = ("parquet", "ducklake")  # ducklake: see warehouse/lake.py
# Bookkeeping of the schema itself, not data: recorded in the manifest instead.
SKIP = {"schema_migrations", "schema_views"}
# The raw layer (gzip bodies of every fetched page) is most of the file and only useful to a backfill.
RAW = "raw_documents"
# Date column that partitions each relation, in order of preference; relations without one are one file.
PARTITION_COLUMNS = ("event_date", "published_at", "fetched_at", "started_at", "loaded_at", "first_reported_at",
                     "day", "date")  # fmt: skip
MANIFEST = "manifest.json"


class ExportError(RuntimeError):
    """The export cannot be written (bad format, output folder in the way)."""


@dataclass(frozen=True)
class Exported:
    name: str
    kind: str  # table | view
    rows: int
    files: int
    partition_by: str | None  # the date column behind year=/month=, or None for a single file
    columns: list[str]


def _relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    rows = con.execute(
        "select table_name, table_type from information_schema.tables"
        " where table_schema = 'main' and table_catalog = current_database() order by table_type, table_name"
    ).fetchall()
    return [(name, "view" if kind == "VIEW" else "table") for name, kind in rows if name not in SKIP]


def _columns(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str]]:
    return con.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_schema = 'main' and table_name = ? order by ordinal_position",
        [name],
    ).fetchall()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _check_out(out: Path, overwrite: bool) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise ExportError(f"{out} exists and is not a folder")
    if not any(out.iterdir()):
        return
    if not (out / MANIFEST).exists():
        raise ExportError(f"{out} is not empty and holds no earlier export: choose an empty or new folder")
    if not overwrite:
        raise ExportError(f"{out} holds an earlier export: pass --overwrite to replace it")


def export_parquet(
    db: str | Path,
    out: str | Path,
    *,
    include_raw: bool = False,
    overwrite: bool = False,
    wait_s: float = 120.0,
    on_wait: Callable[[float], None] | None = None,
) -> list[Exported]:
    out = Path(out)
    _check_out(out, overwrite)
    # Written beside the target and swapped in at the end: a failed export leaves the old one intact.
    staging = out.with_name(f".{out.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
    except OSError as exc:
        raise ExportError(f"cannot create {staging}: {exc.strerror or exc}") from exc
    written: list[Exported] = []
    try:
        with read_only(db, wait_s=wait_s, on_wait=on_wait) as con:
            con.execute("set TimeZone = 'UTC'")  # year/month of a timestamptz are those of its UTC date
            con.begin()
            schema = con.execute("select max(version) from schema_migrations").fetchone()
            for name, kind in _relations(con):
                if name == RAW and not include_raw:
                    continue
                written.append(_export_one(con, name, kind, staging / name))
            con.commit()
    except duckdb.Error as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(f"export failed: {exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _write_manifest(staging, db, written, schema[0] if schema else None, include_raw)
    if out.exists():
        shutil.rmtree(out)
    staging.replace(out)
    return written


def _export_one(con: duckdb.DuckDBPyConnection, name: str, kind: str, target: Path) -> Exported:
    columns = _columns(con, name)
    names = [c for c, _ in columns]
    date_col = next((c for c in PARTITION_COLUMNS if c in names), None)
    if date_col and ("year" in names or "month" in names):
        date_col = None  # partition columns would shadow real ones
    rows = con.execute(f"select count(*) from {_quote(name)}").fetchone()
    n = int(rows[0]) if rows else 0
    if date_col and n == 0:
        # COPY writes no file for no rows; one empty file keeps the columns and the read-back pattern working.
        empty = target / "year=NULL" / "month=NULL"
        empty.mkdir(parents=True)
        con.execute(
            f"copy (select * from {_quote(name)} limit 0) to {_sql_string(empty / 'part-0.parquet')} (format parquet)"
        )
    elif date_col:
        target.mkdir()
        # NULL dates land in year=NULL/month=NULL (DuckDB's spelling), so no row is dropped.
        con.execute(
            f"copy (select *, year({_quote(date_col)}) as year, month({_quote(date_col)}) as month"
            f" from {_quote(name)}) to {_sql_string(target)}"
            " (format parquet, partition_by (year, month), overwrite_or_ignore, filename_pattern 'part-{i}')"
        )
    else:
        target.mkdir()
        con.execute(f"copy {_quote(name)} to {_sql_string(target / 'part-0.parquet')} (format parquet)")
    files = sum(1 for _ in target.rglob("*.parquet"))
    return Exported(name, kind, n, files, date_col, names)


def _write_manifest(
    folder: Path, db: str | Path, written: list[Exported], schema_version: int | None, include_raw: bool
) -> None:
    manifest = {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "warehouse": str(db),
        "schema_version": schema_version,
        "format": "parquet",
        "raw_documents": "included" if include_raw else "left out (pass --include-raw)",
        "relations": [asdict(e) for e in written],
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    lines = [
        "# Warehouse export",
        "",
        f"Exported {manifest['exported_at']} from `{db}` (schema version {schema_version}) by `ingest export`.",
        "One folder per table or view. Folders with a date column are partitioned as `year=YYYY/month=M/`",
        "(UTC; rows without a date are under `year=NULL`). Column meanings: docs/warehouse.md.",
        "",
        "Read it back with DuckDB:",
        "",
        "```sql",
        "select * from read_parquet('events/**/*.parquet', hive_partitioning = true);",
        "```",
        "",
        "| relation | kind | rows | files | partitioned by |",
        "|---|---|---:|---:|---|",
    ]
    for e in written:
        lines.append(f"| {e.name} | {e.kind} | {e.rows} | {e.files} | {e.partition_by or '—'} |")
    if not include_raw:
        lines += ["", "`raw_documents` (the gzip bodies of fetched pages) was left out: `--include-raw` adds it."]
    (folder / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
