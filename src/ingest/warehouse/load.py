"""Bulk loading: rows become one Arrow table, then one set-based statement. Never row by row."""

from __future__ import annotations

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

    Natural keys make every load idempotent: loading the same batch twice changes nothing.
    """
    data = to_arrow(rows)
    if data.num_rows == 0:
        return 0
    names = _columns(data)
    cols = ", ".join(f'"{c}"' for c in names)
    keys = ", ".join(f'"{k}"' for k in key)
    to_update = [c for c in (update if update is not None else names) if c not in key]
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
