"""Migrations move an old warehouse forward; every view and example query runs on the demo warehouse."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ingest.warehouse import append, apply_migrations, connect, read_only, sql_dir, writer
from ingest.warehouse.docs import example_queries
from ingest.warehouse.incidents import rebuild_incidents
from ingest.warehouse.migrations import load_migrations, load_views

VIEWS = [name for name, _ in load_views()]
QUERIES = sorted((sql_dir() / "queries").glob("*.sql"))


def test_migrating_a_first_migration_warehouse_to_head_keeps_its_rows(db_path: Path):
    migrations = load_migrations()
    assert len(migrations) >= 2 and migrations[0].version == 1
    con = connect(db_path)
    try:
        assert apply_migrations(con, migrations[:1], views=False) == [1]
        when = datetime(2024, 1, 8, 6, tzinfo=UTC)
        append(con, "articles", [{"article_id": "a1", "url": "u", "canonical_url": "u", "version": 1,
                                  "source": "gulf-herald", "published_at": when, "first_seen_at": when}])  # fmt: skip
        event = {"event_id": "e1", "article_id": "a1", "article_version": 1, "event_type": "attack",
                 "country_iso": "IQ", "event_date": date(2024, 1, 7), "evidence": "s", "evidence_start": 0,
                 "evidence_end": 1, "tagger_version": "t"}  # fmt: skip
        append(con, "events", [event])
        assert apply_migrations(con) == [m.version for m in migrations[1:]]
        assert con.execute("select article_id, source from articles").fetchall() == [("a1", "gulf-herald")]
        assert con.execute("select event_id, event_date from events").fetchall() == [("e1", date(2024, 1, 7))]
        views = {r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
        assert set(VIEWS) <= views
        con.begin()
        rebuild_incidents(con)
        con.commit()
        assert con.execute("select event_id from event_incident").fetchall() == [("e1",)]
        assert con.execute("select n_events, n_sources from incidents").fetchall() == [(1, 1)]
    finally:
        con.close()


def test_every_view_and_view_column_is_documented(db_path: Path):
    with writer(db_path):
        pass
    with read_only(db_path) as con:
        undocumented = con.execute(
            "select view_name from duckdb_views() where not internal and comment is null"
        ).fetchall()
        columns = con.execute(
            "select c.table_name, c.column_name from duckdb_columns() c"
            " join duckdb_views() v on v.view_name = c.table_name and not v.internal where c.comment is null"
        ).fetchall()
    assert undocumented == [] and columns == []


def test_a_view_may_select_from_a_view_that_sorts_after_it(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    from ingest.warehouse import migrations

    views = [
        ("a_totals", "create or replace view a_totals as select sum(x) as total from z_base"),
        ("z_base", "create or replace view z_base as select 1 as x union all select 2"),
    ]
    monkeypatch.setattr(migrations, "load_views", lambda: views)
    con = connect(db_path)
    try:
        apply_migrations(con)
        assert con.execute("select total from a_totals").fetchone() == (3,)
        monkeypatch.setattr(
            migrations, "load_views", lambda: [*views, ("b_bad", "create view b_bad as select * from nope")]
        )
        with pytest.raises(migrations.MigrationError, match="view b_bad failed"):
            apply_migrations(con)
    finally:
        con.close()


def test_every_example_query_says_what_it_answers():
    assert 6 <= len(QUERIES) <= 10
    for name, question in example_queries():
        assert question.endswith((".", "?")) and len(question) > 20, name


def _documented_columns(con, view: str) -> list[str]:
    return [
        r[0]
        for r in con.execute(
            "select column_name from duckdb_columns() where table_name = ? and comment is not null"
            " order by column_index",
            [view],
        ).fetchall()
    ]


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
@pytest.mark.parametrize("view", VIEWS)
def test_view_returns_rows_with_its_documented_columns(demo_warehouse: Path, view: str):
    with read_only(demo_warehouse) as con:
        rel = con.sql(f"select * from {view}")
        rows = rel.fetchall()
        assert rel.columns == _documented_columns(con, view)
    assert rows, f"{view} returned no rows on the demo warehouse"


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_example_query_runs_and_returns_rows(demo_warehouse: Path, path: Path):
    sql = path.read_text("utf-8")
    assert sql.startswith("-- ")
    with read_only(demo_warehouse) as con:
        rel = con.sql(sql)
        rows = rel.fetchall()
    assert rows, f"{path.name} returned no rows on the demo warehouse"
    assert len(set(rel.columns)) == len(rel.columns)


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_demo_incidents_merge_reports_and_account_for_every_event(demo_warehouse: Path):
    with read_only(demo_warehouse) as con:
        n_events = con.execute("select count(*) from current_events").fetchone()[0]
        n_incidents, n_merged, summed = con.execute(
            "select count(*), count(*) filter (where n_events > 1), sum(n_events) from incidents"
        ).fetchone()
        unassigned = con.execute("select count(*) from current_events where incident_id is null").fetchone()[0]
        syndicated = con.execute(
            "select i.n_sources, i.n_articles, i.sources from articles copy"
            " join current_events e on e.article_id = copy.duplicate_of"
            " join incidents i using (incident_id) where copy.duplicate_of is not null"
        ).fetchall()
        copy_source = con.execute("select source from articles where duplicate_of is not null").fetchone()[0]
        daily = con.execute(
            "select sum(n_events), bool_and(n_incidents <= n_events) from daily_event_counts"
        ).fetchone()
        deaths = con.execute(
            "select (select sum(killed) from casualties_by_country_month), (select sum(killed) from incidents),"
            " (select sum(killed) from current_events)"
        ).fetchone()
        feeds = con.execute("select state, success_rate from feed_health").fetchall()
        coverage = dict(
            con.execute("select source, sum(n_syndicated_articles) from source_coverage group by 1").fetchall()
        )
        targets = con.execute("select distinct unnest(targets) from attacks_on_us_forces").fetchall()
        run_stats = con.execute("select stats->'incidents' from runs").fetchone()[0]

    assert 0 < n_incidents < n_events and n_merged > 0
    assert summed == n_events and unassigned == 0  # every event is in exactly one incident
    assert syndicated, "the demo's syndicated wire story should have events"
    assert all(
        n_sources >= 2 and n_articles >= 2 and copy_source in sources for n_sources, n_articles, sources in syndicated
    )
    assert daily == (n_events, True)
    assert deaths[0] == deaths[1] <= deaths[2]  # merged reports: never more than summing every mention
    assert len(feeds) == 4 and set(feeds) == {("ok", 1.0)}
    assert set(coverage) == {"gulf-herald", "levant-wire", "red-sea-monitor"} and coverage[copy_source] >= 1
    assert targets and {t for (t,) in targets} <= {"US forces", "United States", "UK forces", "United Kingdom",
                                                   "French forces"}  # fmt: skip
    assert '"rebuilt"' in str(run_stats)


@pytest.mark.prefect
@pytest.mark.xdist_group("prefect")
def test_full_rebuild_of_the_demo_reproduces_the_nightly_incidents(demo_warehouse: Path, tmp_path: Path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy(demo_warehouse, copy)
    query = "select * exclude (rebuilt_at) from incidents order by incident_id"
    with read_only(copy) as con:
        before = con.execute(query).fetchall()
        members = con.execute("select * from event_incident order by event_id").fetchall()
    with writer(copy) as con:
        stats = rebuild_incidents(con)
    with read_only(copy) as con:
        assert con.execute(query).fetchall() == before
        assert con.execute("select * from event_incident order by event_id").fetchall() == members
    assert stats.incidents == len(before)
