"""Render docs/warehouse.md from the COMMENTs in the DDL, so the documentation cannot drift."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ingest.warehouse.connection import connect
from ingest.warehouse.migrations import apply_migrations, sql_dir

HEADER = """# Warehouse reference

Generated from the comments in `sql/migrations/`, `sql/views/` and the first lines of `sql/queries/` by
`python tools/render_warehouse_docs.py`; a test fails when this file is out of date.
Times are `TIMESTAMPTZ` (instants, shown in UTC), days are `DATE`.
Open the warehouse read-only with `ingest query "..."` or any DuckDB client (`duckdb -readonly data/warehouse.duckdb`).
"""


def _escape(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def example_queries(folder: Path | None = None) -> list[tuple[str, str]]:
    """(file name, question) for every ``sql/queries/*.sql``; the question is its leading ``-- `` comment."""
    found = []
    for path in sorted((folder or sql_dir() / "queries").glob("*.sql")):
        lines = path.read_text("utf-8").splitlines()
        question = []
        for line in lines:
            if not line.startswith("-- "):
                break
            question.append(line[3:].strip())
        found.append((path.name, " ".join(question)))
    return found


def render_markdown() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "docs.duckdb")
        try:
            apply_migrations(con)
            tables = con.execute(
                "select table_name, comment from duckdb_tables() where table_name not like 'schema_%' order by 1"
            ).fetchall()
            views = con.execute(
                "select view_name, comment from duckdb_views() where not internal order by 1"
            ).fetchall()
            columns: dict[str, list[tuple[str, str, str | None]]] = {}
            for table, column, dtype, comment in con.execute(
                "select table_name, column_name, data_type, comment from duckdb_columns()"
                " where not internal order by table_name, column_index"
            ).fetchall():
                columns.setdefault(table, []).append((column, dtype, comment))
        finally:
            con.close()
    out = [HEADER]
    for title, items in (("Tables", tables), ("Views", views)):
        if not items:
            continue
        out.append(f"## {title}\n")
        for name, comment in items:
            out.append(f"### `{name}`\n\n{comment or ''}\n")
            out.append("| column | type | meaning |\n|---|---|---|")
            for column, dtype, ccomment in columns.get(name, []):
                out.append(f"| `{column}` | {dtype} | {_escape(ccomment)} |")
            out.append("")
    queries = example_queries()
    if queries:
        out.append("## Example queries\n")
        out.append("Worked examples in `sql/queries/`; run one with `ingest query --file sql/queries/NAME.sql`.\n")
        out.append("| file | question it answers |\n|---|---|")
        out.extend(f"| [`{name}`](../sql/queries/{name}) | {_escape(question)} |" for name, question in queries)
    return "\n".join(out).rstrip() + "\n"
