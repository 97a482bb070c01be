"""Publishing the warehouse to a DuckLake (catalog + Parquet files): the first step of the scale-out path."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.warehouse import read_only, writer
from ingest.warehouse.lake import lake_connection, publish_ducklake

runner = CliRunner()

READER = """
import json, sys
from pathlib import Path
from ingest.warehouse.lake import lake_connection
con = lake_connection(Path(sys.argv[1]), read_only=True)
sql = "select table_name from information_schema.tables where table_catalog = 'lake'"
tables = [r[0] for r in con.execute(sql).fetchall()]
print(json.dumps({t: con.execute(f'select count(*) from lake."{t}"').fetchone()[0] for t in tables}))
"""


@pytest.mark.xdist_group("prefect")
def test_the_demo_warehouse_published_to_a_ducklake_reads_back_in_another_process(demo_warehouse: Path, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(demo_warehouse, db)
    lake = tmp_path / "lake"
    result = runner.invoke(app, ["export", "--format", "ducklake", "--out", str(lake), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "as snapshot 1" in result.output

    with read_only(db) as con:
        tables = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_type = 'BASE TABLE'"
            " and table_name not in ('schema_migrations', 'schema_views', 'raw_documents')").fetchall()]  # fmt: skip
        expected = {t: con.execute(f'select count(*) from "{t}"').fetchone()[0] for t in tables}
        events = con.execute("select event_id, killed, evidence from events order by event_id").fetchall()
    reader = subprocess.run([sys.executable, "-c", READER, str(lake)], capture_output=True, text=True, timeout=120)
    assert reader.returncode == 0, reader.stderr
    assert json.loads(reader.stdout) == expected and expected["events"] > 0
    con = lake_connection(lake, read_only=True)
    try:
        assert con.execute("select event_id, killed, evidence from lake.events order by event_id").fetchall() == events
    finally:
        con.close()


def test_each_publish_is_a_snapshot_and_older_ones_stay_readable(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    with writer(db) as con:
        con.execute("insert into sources (source, name, updated_at) values ('a', 'Outlet A', now())")
    lake = tmp_path / "lake"
    first = publish_ducklake(db, lake)
    with writer(db) as con:
        con.execute("insert into sources (source, name, updated_at) values ('b', 'Outlet B', now())")
    second = publish_ducklake(db, lake)
    assert second.snapshot_id > first.snapshot_id
    assert {t.table: t.rows for t in second.tables}["sources"] == 2
    con = lake_connection(lake, read_only=True)
    try:
        assert con.execute("select count(*) from lake.sources").fetchone()[0] == 2
        old = con.execute(f"select count(*) from lake.sources at (version => {first.snapshot_id})").fetchone()[0]
        assert old == 1
    finally:
        con.close()
    assert not [p for p in lake.iterdir() if p.name.startswith(".publish-")], "staging files are removed"


def test_publishing_into_a_folder_that_is_not_a_lake_is_refused(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    with writer(db):
        pass
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"\xff\xd8")
    result = runner.invoke(app, ["export", "--format", "ducklake", "--out", str(other), "--db", str(db)])
    assert result.exit_code == 2 and result.output.count("error:") == 1 and "holds no DuckLake catalog" in result.output
    assert sorted(p.name for p in other.iterdir()) == ["cat.jpg"]
