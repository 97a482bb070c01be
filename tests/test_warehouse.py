import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ingest.warehouse import (
    RunLock,
    WarehouseBusy,
    WarehouseError,
    WriterSlotBusy,
    append,
    apply_migrations,
    connect,
    read_only,
    update_from,
    upsert,
    writer,
)
from ingest.warehouse.migrations import Migration, MigrationError, load_migrations

CONTRACT = {
    "runs": {"run_id", "flow", "started_at", "finished_at", "status", "params", "stats"},
    "feeds": {"feed_url", "source", "etag", "last_modified", "body_hash", "consecutive_failures", "next_fetch_at"},
    "fetch_log": {"run_id", "url", "kind", "http_status", "error", "bytes", "elapsed_ms", "fetched_at"},
    "articles": {
        "article_id", "url", "canonical_url", "source", "feed_url", "title", "authors", "published_at", "language",
        "text", "content_hash", "duplicate_of", "first_seen_run", "last_seen_run",
    },
    "events": {
        "event_id", "article_id", "event_type", "actor1", "actor2", "country_iso", "place", "lat", "lon",
        "event_date", "killed", "injured", "evidence", "evidence_start", "evidence_end", "confidence",
        "tagger_version",
    },
}  # fmt: skip


def test_migrations_create_the_contract_tables_and_record_themselves(db_path: Path):
    with writer(db_path):
        pass
    with read_only(db_path) as con:
        for table, columns in CONTRACT.items():
            found = {r[0] for r in con.execute(f"select column_name from (describe {table})").fetchall()}
            assert columns <= found, (table, columns - found)
        versions = [r[0] for r in con.execute("select version from schema_migrations order by 1").fetchall()]
    assert versions == [m.version for m in load_migrations()]


def test_every_table_and_column_is_documented(db_path: Path):
    with writer(db_path):
        pass
    with read_only(db_path) as con:
        tables = con.execute(
            "select table_name from duckdb_tables() where comment is null and table_name not like 'schema_%'"
        ).fetchall()
        columns = con.execute(
            "select c.table_name, c.column_name from duckdb_columns() c join duckdb_tables() t using (table_name)"
            " where c.comment is null and t.table_name not like 'schema_%'"
        ).fetchall()
    assert tables == [] and columns == []


def test_applying_migrations_twice_is_a_no_op(db_path: Path):
    con = connect(db_path)
    assert apply_migrations(con) != []
    assert apply_migrations(con) == []
    con.close()


def test_edited_applied_migration_is_refused(db_path: Path):
    con = connect(db_path)
    migrations = load_migrations()
    apply_migrations(con, migrations, views=False)
    edited = [Migration(m.version, m.name, m.sql + "\n-- edited") for m in migrations]
    with pytest.raises(MigrationError, match="edited after it was applied"):
        apply_migrations(con, edited, views=False)
    con.close()


def test_failed_migration_rolls_back_and_is_not_recorded(db_path: Path):
    con = connect(db_path)
    migrations = [
        *load_migrations(),
        Migration(9999, "broken", "create table t_ok (a int); select * from nope;"),
    ]
    with pytest.raises(MigrationError, match="9999_broken failed"):
        apply_migrations(con, migrations, views=False)
    assert con.execute("select count(*) from schema_migrations where version = 9999").fetchone() == (0,)
    assert con.execute("select count(*) from duckdb_tables() where table_name = 't_ok'").fetchone() == (0,)
    con.close()


def test_upsert_is_idempotent_and_updates_on_the_natural_key(db_path: Path):
    row = {"article_id": "a1", "url": "u", "canonical_url": "u", "version": 1, "authors": ["A"], "title": "x"}
    with writer(db_path) as con:
        upsert(con, "articles", [row], key=["article_id"])
        upsert(con, "articles", [row], key=["article_id"])
        upsert(con, "articles", [{**row, "title": "y", "authors": ["B", "C"]}], key=["article_id"])
    with read_only(db_path) as con:
        assert con.execute("select article_id, title, authors from articles").fetchall() == [("a1", "y", ["B", "C"])]


def test_upsert_with_no_update_columns_keeps_the_first_row(db_path: Path):
    with writer(db_path) as con:
        upsert(con, "article_urls", [{"url": "u", "article_id": "a1"}], key=["url"], update=[])
        upsert(con, "article_urls", [{"url": "u", "article_id": "a2"}], key=["url"], update=[])
    with read_only(db_path) as con:
        assert con.execute("select url, article_id from article_urls").fetchall() == [("u", "a1")]


def test_update_from_only_touches_matching_rows_and_given_columns(db_path: Path):
    base = {"url": "u", "canonical_url": "u", "version": 1}
    with writer(db_path) as con:
        append(
            con,
            "articles",
            [{**base, "article_id": "a1", "title": "t1"}, {**base, "article_id": "a2", "title": "t2"}],
        )
        update_from(
            con,
            "articles",
            [{"article_id": "a1", "title": "new"}, {"article_id": "zz", "title": "x"}],
            ["article_id"],
        )
    with read_only(db_path) as con:
        assert con.execute("select article_id, title, version from articles order by 1").fetchall() == [
            ("a1", "new", 1), ("a2", "t2", 1)
        ]  # fmt: skip


def test_failed_write_transaction_leaves_nothing_behind(db_path: Path):
    with writer(db_path):
        pass
    with pytest.raises(RuntimeError), writer(db_path) as con:
        append(con, "article_urls", [{"url": "u", "article_id": "a1"}])
        raise RuntimeError("parser bug")
    with read_only(db_path) as con:
        assert con.execute("select count(*) from article_urls").fetchone() == (0,)


def test_write_transactions_run_on_one_duckdb_thread_and_commit_durably(db_path: Path):
    import duckdb

    default = duckdb.connect().execute("select current_setting('threads')").fetchone()[0]
    with writer(db_path) as con:
        assert con.execute("select current_setting('threads')").fetchone()[0] == 1
        append(con, "article_urls", [{"url": "u", "article_id": "a1"}])
    with writer(db_path, threads=None) as con:  # DuckDB's default, for whole-table SQL
        assert con.execute("select current_setting('threads')").fetchone()[0] == default
    with read_only(db_path) as con:  # reopened: the row is on disk, and readers keep DuckDB's default
        assert con.execute("select count(*) from article_urls").fetchone() == (1,)
        assert con.execute("select current_setting('threads')").fetchone()[0] == default


def test_read_only_on_a_missing_file_says_what_to_do(tmp_path: Path):
    with pytest.raises(WarehouseError, match="run `ingest demo`"):
        connect(tmp_path / "none.duckdb", read_only=True)


def test_unwritable_location_is_a_clear_error(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(WarehouseError, match="cannot"):
        connect(blocker / "sub" / "w.duckdb")


HOLD = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
    """
)


def _hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_reader_waits_for_a_writer_in_another_process_then_reads(db_path: Path):
    with writer(db_path):
        pass
    proc = _hold_lock(db_path, 1.5)
    waits: list[float] = []
    started = time.monotonic()
    with read_only(db_path, wait_s=30, on_wait=waits.append) as con:
        assert con.execute("select count(*) from runs").fetchone() == (0,)
    assert waits, "the reader should have been told it had to wait"
    assert time.monotonic() - started >= 0.5
    proc.wait()


def test_reader_gives_up_with_a_busy_error(db_path: Path):
    with writer(db_path):
        pass
    proc = _hold_lock(db_path, 5)
    with pytest.raises(WarehouseBusy, match="locked by another process"):
        connect(db_path, read_only=True, wait_s=0.5)
    proc.kill()
    proc.wait()


RUNLOCK = textwrap.dedent(
    """
    import sys, time
    from ingest.warehouse import RunLock
    lock = RunLock(sys.argv[1]); lock.acquire(flow="nightly")
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
    """
)


def test_writer_slot_is_exclusive_across_processes_and_freed_by_kill_9(db_path: Path):
    proc = subprocess.Popen([sys.executable, "-c", RUNLOCK, str(db_path), "60"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    with pytest.raises(WriterSlotBusy, match=r"another run is writing .*flow nightly, pid \d+"):
        RunLock(db_path, wait_s=0.3).acquire()
    proc.kill()  # SIGKILL: no cleanup code runs; the kernel drops the flock
    proc.wait()
    lock = RunLock(db_path, wait_s=5)
    lock.acquire(flow="backfill")
    assert lock.holder()["flow"] == "backfill"
    lock.release()


def test_docs_warehouse_md_is_up_to_date():
    from ingest.warehouse.docs import render_markdown

    docs = Path(__file__).resolve().parents[1] / "docs" / "warehouse.md"
    assert docs.read_text("utf-8") == render_markdown(), "run: python tools/render_warehouse_docs.py"
