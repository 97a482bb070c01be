"""Bulk loading: rows become one Arrow table, then one set-based statement. Never row by row."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa

Rows = Sequence[dict[str, Any]] | pa.Table


def to_arrow(rows: Rows) -> pa.Table:
    """Rows (dicts) as one Arrow table, column by column: about twice as fast as ``pa.Table.from_pylist``,
    which converts row by row. Inserts cast to the table's declared types, so a column of only None (Arrow
    type null) is fine."""
    if isinstance(rows, pa.Table):
        return rows
    rows = list(rows)
    names = dict.fromkeys(name for row in rows for name in row)  # every key, in first-seen order
    return pa.table({name: [row.get(name) for row in rows] for name in names})


def lookup_key(value: str | None) -> int | None:
    """A string's lookup key (migration 0005): the first 60 bits of its SHA-256 as a non-negative BIGINT, the
    same as SQL ``('0x' || substr(sha256(value), 1, 15))::bigint``. Not unique: compare the string too."""
    if value is None:
        return None
    return int(hashlib.sha256(value.encode("utf-8")).hexdigest()[:15], 16)


def rows_by_key(
    con: duckdb.DuckDBPyConnection,
    table: str,
    key_column: str,
    values: Sequence[str],
    columns: Sequence[str],
    where: str = "",
) -> list[tuple[Any, ...]]:
    """Rows of ``table`` whose ``key_column`` holds the lookup key of one of ``values`` (see ``lookup_key``),
    as tuples of ``columns``, and rows whose key is NULL (written by something that did not set it); ``where``
    adds conditions: compare the full strings there.

    Only the integer key column is scanned in full; the few rows that match are then read by rowid. A join
    on the key string, or on the key with the other columns projected, makes DuckDB decompress those
    columns for every row of the table: about ten times the cost at 100,000 articles."""
    keys = sorted({k for k in map(lookup_key, values) if k is not None})
    if not keys:
        return []
    with key_set(con, keys, name=f"_keys_{key_column}") as name:
        # A row written without its key (by a writer other than the loader) is read too, and judged by ``where``.
        found = con.execute(
            f'select rowid from "{table}" where "{key_column}" in (select key from {name}) or "{key_column}" is null'
        ).fetchall()
    if not found:
        return []
    rowids = ", ".join(str(int(r[0])) for r in found)
    cols = ", ".join(f'"{c}"' for c in columns)
    extra = f" and ({where})" if where else ""
    return con.execute(f'select {cols} from "{table}" where rowid in ({rowids}){extra}').fetchall()


def _columns(data: pa.Table) -> list[str]:
    return list(data.column_names)


def append(con: duckdb.DuckDBPyConnection, table: str, rows: Rows) -> int:
    """Insert rows as they are. Returns the number of rows."""
    data = to_arrow(rows)
    if data.num_rows == 0:
        return 0
    cols = ", ".join(f'"{c}"' for c in _columns(data))
    view = f"_load_{table}"
    con.register(view, data)
    try:
        con.execute(f'insert into "{table}" ({cols}) select {cols} from "{view}"')
    finally:
        con.unregister(view)
    return data.num_rows


def upsert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Rows,
    key: Sequence[str],
    *,
    update: Sequence[str] | None = None,
) -> int:
    """Insert rows, updating ``update`` columns (default: all non-key columns) where the key exists.

    Natural keys make every load idempotent: loading the same batch twice changes nothing. A table whose key
    has no PRIMARY KEY / UNIQUE constraint (migration 0005) gets the same result from ``update_from`` and
    ``insert_missing``.
    """
    data = to_arrow(rows)
    if data.num_rows == 0:
        return 0
    names = _columns(data)
    cols = ", ".join(f'"{c}"' for c in names)
    keys = ", ".join(f'"{k}"' for k in key)
    to_update = [c for c in (update if update is not None else names) if c not in key]
    if not _has_unique_key(con, table, key):
        if to_update:
            update_from(con, table, data.select([*key, *to_update]), key)
        insert_missing(con, table, data, key)
        return data.num_rows
    view = f"_load_{table}"
    con.register(view, data)
    try:
        if to_update:
            assignments = ", ".join(f'"{c}" = excluded."{c}"' for c in to_update)
            action = f"do update set {assignments}"
        else:
            action = "do nothing"
        con.execute(f'insert into "{table}" ({cols}) select {cols} from "{view}" on conflict ({keys}) {action}')
    finally:
        con.unregister(view)
    return data.num_rows


_unique_keys: dict[tuple[str, str], set[tuple[str, ...]]] = {}  # (database file, table) -> its unique keys


def _has_unique_key(con: duckdb.DuckDBPyConnection, table: str, key: Sequence[str]) -> bool:
    """Whether ``key`` is the table's PRIMARY KEY or a UNIQUE constraint (``on conflict`` needs one)."""
    found = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()
    cache_key = (str(found[0]) if found else "", table)
    if cache_key not in _unique_keys or not cache_key[0]:
        rows = con.execute(
            "select constraint_column_names from duckdb_constraints()"
            " where table_name = ? and constraint_type in ('PRIMARY KEY', 'UNIQUE')",
            [table],
        ).fetchall()
        _unique_keys[cache_key] = {tuple(r[0]) for r in rows}
    return tuple(key) in _unique_keys[cache_key]


def forget_unique_keys() -> None:
    """Drop the cached constraints (after a migration changed them)."""
    _unique_keys.clear()


def insert_missing(con: duckdb.DuckDBPyConnection, table: str, rows: Rows, key: Sequence[str]) -> int:
    """Insert the rows whose ``key`` the table does not hold yet (the first row of each key when the rows
    repeat one); rows whose key is there are left alone, as ``upsert(..., update=[])`` would.

    For tables that keep their natural key without a PRIMARY KEY index (migration 0005): the check is a
    hash anti-join against the key columns, so it costs a scan of those columns, not an index update that
    DuckDB would write out whole at the next checkpoint. Callers hold the only write transaction."""
    data = to_arrow(rows)
    if data.num_rows == 0:
        return 0
    names = _columns(data)
    seen: set[tuple[Any, ...]] = set()
    keep = []
    for i, values in enumerate(zip(*(data.column(k).to_pylist() for k in key), strict=True)):
        if values not in seen:
            seen.add(values)
            keep.append(i)
    if len(keep) < data.num_rows:
        data = data.take(keep)
    cols = ", ".join(f'"{c}"' for c in names)
    match = " and ".join(f't."{k}" = v."{k}"' for k in key)
    view = f"_new_{table}"
    con.register(view, data)
    try:
        inserted = con.execute(
            f'insert into "{table}" ({cols}) select {cols} from "{view}" as v'
            f' where not exists (select 1 from "{table}" as t where {match})'
        ).fetchone()
    finally:
        con.unregister(view)
    return int(inserted[0]) if inserted else 0


def update_from(con: duckdb.DuckDBPyConnection, table: str, rows: Rows, key: Sequence[str]) -> int:
    """Update existing rows' columns from the given rows, matched on ``key``; rows without a match are ignored."""
    data = to_arrow(rows)
    if data.num_rows == 0:
        return 0
    names = [c for c in _columns(data) if c not in key]
    if not names:
        return 0
    view = f"_upd_{table}"
    con.register(view, data)
    try:
        assignments = ", ".join(f'"{c}" = u."{c}"' for c in names)
        match = " and ".join(f'"{table}"."{k}" = u."{k}"' for k in key)
        con.execute(f'update "{table}" set {assignments} from "{view}" as u where {match}')
    finally:
        con.unregister(view)
    return data.num_rows


@contextmanager
def key_set(con: duckdb.DuckDBPyConnection, values: Sequence[Any], name: str = "_keys") -> Iterator[str]:
    """Register ``values`` as a one-column relation (column ``key``) for ``where x in (select key from ...)``.

    Passing a long Python list as a query parameter costs DuckDB ~0.2 ms per element; an Arrow
    column is handed over in one piece.
    """
    con.register(name, pa.table({"key": list(values)}))
    try:
        yield name
    finally:
        con.unregister(name)
