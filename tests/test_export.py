"""`ingest export`: every table and view as Parquet partitioned by year/month, read back identical."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.warehouse import read_only, writer
from ingest.warehouse.export import export_parquet

runner = CliRunner()


def _read_back(con: duckdb.DuckDBPyConnection, folder: Path, partitioned: bool) -> str:
    pattern = str(folder / "**" / "*.parquet") if partitioned else str(folder / "part-0.parquet")
    if partitioned:
        return f"(select * exclude (year, month) from read_parquet('{pattern}', hive_partitioning = true))"
    return f"read_parquet('{pattern}')"


def _assert_identical(db: Path, out: Path, manifest: dict) -> dict[str, int]:
    """Each exported relation has the warehouse's rows, and the same values (EXCEPT ALL both ways)."""
    counts = {}
    with read_only(db) as con:
        con.execute("set TimeZone = 'UTC'")
        for rel in manifest["relations"]:
            name, folder = rel["name"], out / rel["name"]
            source = _read_back(con, folder, rel["partition_by"] is not None)
            n = con.execute(f"select count(*) from {source}").fetchone()[0]
            assert n == rel["rows"] == con.execute(f'select count(*) from "{name}"').fetchone()[0], name
            for a, b in ((f'"{name}"', source), (source, f'"{name}"')):
                diff = con.execute(f"select count(*) from (select * from {a} except all select * from {b})")
                assert diff.fetchone()[0] == 0, name
            counts[name] = n
    return counts


@pytest.mark.xdist_group("prefect")
def test_export_of_the_demo_warehouse_reads_back_identical(demo_warehouse: Path, tmp_path: Path):
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", "--format", "parquet", "--out", str(out), "--db", str(demo_warehouse)])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    names = {r["name"] for r in manifest["relations"]}
    assert {"articles", "events", "sources", "feeds", "fetch_log", "runs", "article_versions"} <= names
    assert "raw_documents" not in names and "schema_migrations" not in names
    counts = _assert_identical(demo_warehouse, out, manifest)
    assert counts["articles"] == 41 and counts["events"] >= 60  # (86 with tag-19)
    events = next(r for r in manifest["relations"] if r["name"] == "events")
    assert events["partition_by"] == "event_date" and events["files"] >= 2
    assert sorted(p.name for p in (out / "events").iterdir()) == ["year=2023", "year=2024"]
    assert (out / "events" / "year=2024" / "month=1").is_dir()
    readme = (out / "README.md").read_text("utf-8")
    assert "| events | table |" in readme and "read_parquet" in readme
    assert "events" in result.stdout and "exported" in result.stdout


def _small(db: Path) -> None:
    with writer(db) as con:
        con.execute("insert into sources values ('s', 'S', null, 'en', null, null, now())")
        con.execute(
            "insert into articles (article_id, url, canonical_url, source, title, version, published_at) values"
            " ('a1', 'https://x.example/1', 'https://x.example/1', 's', 'Dated', 1, '2024-01-31 23:30:00-02'),"
            " ('a2', 'https://x.example/2', 'https://x.example/2', 's', 'Undated', 1, null)"
        )
        con.execute(
            "insert into raw_documents values ('r1', 'https://x.example/1', null, 'article', 'run', now(), 200,"
            " 'text/html', null, '\\x1f\\x8b'::blob, 2, 'abc')"
        )
        # A user's own view is exported too; incidents (migration 0002) with dates in two years.
        con.execute("create view articles_per_source as select source, count(*) as n from articles group by 1")
        for incident_id, day, killed in (("i1", "2023-12-30", 3), ("i2", "2024-01-02", None)):
            con.execute(
                "insert into incidents (incident_id, event_type, event_date, first_event_date, last_event_date,"
                " killed, n_articles, n_sources, n_events, representative_event_id, representative_article_id,"
                " evidence, rebuilt_at) values (?, 'attack', ?, ?, ?, ?, 1, 1, 1, 'e', 'a1', 'x', now())",
                [incident_id, day, day, day, killed],
            )


def test_views_incidents_null_dates_and_raw_documents(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    _small(db)
    out = tmp_path / "out"
    written = {e.name: e for e in export_parquet(db, out, include_raw=True)}
    assert written["articles_per_source"].kind == "view" and written["articles_per_source"].rows == 1
    assert written["incidents"].partition_by == "event_date" and written["incidents"].rows == 2
    assert written["raw_documents"].rows == 1
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert manifest["schema_version"] >= 1
    _assert_identical(db, out, manifest)
    # Partitions are UTC months: 23:30 at UTC-2 on 31 January is 1 February; no date -> year=NULL.
    assert (out / "articles" / "year=2024" / "month=2").is_dir()
    assert (out / "articles" / "year=NULL").is_dir()
    assert sorted(p.name for p in (out / "incidents").iterdir()) == ["year=2023", "year=2024"]


def test_export_refuses_to_clobber_and_replaces_only_an_earlier_export(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    _small(db)
    out = tmp_path / "out"
    assert runner.invoke(app, ["export", "--out", str(out), "--db", str(db)]).exit_code == 0
    again = runner.invoke(app, ["export", "--out", str(out), "--db", str(db)])
    assert again.exit_code == 2 and "pass --overwrite" in again.output
    assert runner.invoke(app, ["export", "--out", str(out), "--db", str(db), "--overwrite"]).exit_code == 0
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == ["README.md", "manifest.json"]
    assert not list(tmp_path.glob(".out.partial*"))

    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_bytes(b"\xff\xd8")
    for args, message in [
        (["--out", str(other), "--overwrite"], "holds no earlier export"),
        (["--out", str(tmp_path / "new"), "--format", "csv"], "--format must be one of: parquet, ducklake"),
        (["--out", str(tmp_path / "new2"), "--db", str(tmp_path / "missing.duckdb")], "no warehouse at"),
        (["--out", str(db)], "is not a folder"),
    ]:
        result = runner.invoke(app, ["export", "--db", str(db), *args])
        assert result.exit_code == 2, (args, result.output)
        assert result.output.count("error:") == 1 and message in result.output and "Traceback" not in result.output
    assert (other / "cat.jpg").exists() and not (tmp_path / "new2").exists()
