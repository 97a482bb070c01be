"""The `ingest` command line: every command's contract, bad input included."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.warehouse import append, upsert, writer

runner = CliRunner()

PAGE = """<!doctype html><html lang="en"><head><title>Rockets hit Ain al-Asad air base | Gulf Herald</title>
<link rel="canonical" href="http://gulf-herald.example/2024/01/08/rockets"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rockets hit Ain al-Asad air base</h1><p class="byline">By Sara Khalil</p>
<p>Several rockets struck Ain al-Asad air base in western Iraq on Monday, a US defence official said.</p>
<p>Two US service members suffered minor injuries in the attack, which was claimed by the Islamic Resistance
in Iraq, an umbrella group of Iran-backed militias that has targeted US forces since October.</p>
<p>The base, in Anbar province, hosts US and coalition troops who advise Iraqi forces.</p></article>
<footer>Copyright 2024 Gulf Herald. All rights reserved.</footer></body></html>"""


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("demo", "run", "backfill", "extract", "tag", "query", "status", "sources", "report", "search",
                    "export"):  # fmt: skip
        assert command in result.output


def test_extract_reads_html_and_gzip_and_reports_unreadable_files(tmp_path: Path):
    (tmp_path / "a.html").write_text(PAGE, "utf-8")
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    result = runner.invoke(app, ["extract", str(tmp_path / "a.html"), str(tmp_path / "b.html.gz"),
                                 str(tmp_path / "missing.html"), "--jsonl"])  # fmt: skip
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["source"] for line in lines] == [str(tmp_path / n) for n in ("a.html", "b.html.gz", "missing.html")]
    for line in lines[:2]:
        assert {"title", "authors", "published", "language", "text"} <= set(line)
        assert "Ain al-Asad" in line["text"] and "All rights reserved" not in line["text"]
    assert "error" in lines[2]


def test_tag_reads_json_lines_and_flags_bad_lines():
    text = (
        "Several rockets struck Ain al-Asad air base in western Iraq on Monday. "
        "Two US service members suffered minor injuries in the attack."
    )
    stdin = "\n".join([
        json.dumps({"id": "a", "text": text, "published": "2024-01-09"}),
        "not json",
        json.dumps({"id": "b", "text": "Real Madrid beat Barcelona 3-1 in a derby.", "published": "2024-01-09"}),
    ])  # fmt: skip
    result = runner.invoke(app, ["tag", "-", "--jsonl"], input=stdin)
    assert result.exit_code == 2
    out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    by_id = {o.get("id"): o for o in out}
    assert by_id["a"]["events"] and by_id["b"]["events"] == []
    event = by_id["a"]["events"][0]
    assert text[event["evidence_start"] : event["evidence_end"]] == event["evidence"]
    assert any(o.get("error") and o.get("line") == 2 for o in out)


@pytest.fixture
def small_warehouse(db_path: Path) -> Path:
    with writer(db_path) as con:
        append(con, "articles", [{"article_id": "a1", "url": "http://x.example/1", "canonical_url": "http://x.example/1",
                                  "version": 1, "title": 'He said "stop"; drop table events;--'}])  # fmt: skip
        upsert(con, "feeds", [{"feed_url": "http://x.example/feed", "source": "x", "created_at": "2024-01-01",
                               "consecutive_failures": 3, "last_error": "HTTP 503 Service Unavailable"}],
               key=["feed_url"])  # fmt: skip
    return db_path


def test_query_formats_and_keeps_text_verbatim(small_warehouse: Path):
    sql = "select article_id, title from articles"
    as_json = runner.invoke(app, ["query", sql, "--db", str(small_warehouse), "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == [{"article_id": "a1", "title": 'He said "stop"; drop table events;--'}]
    as_csv = runner.invoke(app, ["query", sql, "--db", str(small_warehouse), "--format", "csv"])
    assert list(csv.reader(io.StringIO(as_csv.stdout)))[1] == ["a1", 'He said "stop"; drop table events;--']
    as_table = runner.invoke(app, ["query", sql, "--db", str(small_warehouse)])
    assert as_table.exit_code == 0 and "1 rows" in as_table.stdout


def test_query_is_read_only_and_reports_bad_sql(small_warehouse: Path):
    write = runner.invoke(app, ["query", "delete from articles", "--db", str(small_warehouse)])
    assert write.exit_code == 2 and "read-only" in write.stderr.lower()
    bad = runner.invoke(app, ["query", "selec 1", "--db", str(small_warehouse)])
    assert bad.exit_code == 2 and "error" in bad.stderr.lower()
    missing = runner.invoke(app, ["query", "select 1", "--db", str(small_warehouse.parent / "none.duckdb")])
    assert missing.exit_code == 2 and "no warehouse" in missing.stderr


def test_status_lists_failing_feeds(small_warehouse: Path):
    result = runner.invoke(app, ["status", "--db", str(small_warehouse)])
    assert result.exit_code == 0
    assert "http://x.example/feed" in result.stdout and "503" in result.stdout


def test_sources_import_merges_into_a_sources_file(tmp_path: Path):
    opml = tmp_path / "f.opml"
    opml.write_text('<opml version="2.0"><body><outline text="A" xmlUrl="http://a.example/f"/></body></opml>', "utf-8")
    out = tmp_path / "sources.toml"
    first = runner.invoke(app, ["sources", "import", str(opml), "--out", str(out)])
    second = runner.invoke(app, ["sources", "import", str(opml), "--out", str(out)])
    assert first.exit_code == second.exit_code == 0
    assert "1 sources added" in first.stdout and "0 sources added" in second.stdout
    assert out.read_text().count("[[source]]") == 1
    bad = runner.invoke(app, ["sources", "import", str(tmp_path / "nope.opml"), "--out", str(out)])
    assert bad.exit_code == 2


def test_run_rejects_a_malformed_connect_to():
    result = runner.invoke(app, ["run", "--feed", "http://a.example/f", "--connect-to", "nonsense"])
    assert result.exit_code == 2 and "HOST:PORT:TARGET_HOST:TARGET_PORT" in result.stderr


def test_backfill_rejects_bad_dates(tmp_path: Path):
    result = runner.invoke(
        app, ["backfill", "--start", "2024-13-01", "--end", "2024-01-02", "--db", str(tmp_path / "w")]
    )
    assert result.exit_code == 2
    result = runner.invoke(
        app, ["backfill", "--start", "2024-01-05", "--end", "2024-01-02", "--db", str(tmp_path / "w")]
    )
    assert result.exit_code == 2 and "before" in result.stderr


@pytest.mark.slow
def test_ingest_demo_in_a_fresh_process_then_query(tmp_path: Path):
    """The new user's path: a fresh process, no Prefect server configured, the demo, then a query."""
    exe = Path(sys.executable).parent / "ingest"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    env.pop("PREFECT_API_URL", None)
    db = tmp_path / "demo.duckdb"
    demo = subprocess.run([str(exe), "demo", "--db", str(db)], capture_output=True, text=True, env=env, timeout=300,
                          stdin=subprocess.DEVNULL)  # fmt: skip
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "articles new 40, updated 0, duplicate 1, failed 0" in demo.stdout
    assert "ingest query" in demo.stdout and "Traceback" not in demo.stderr
    sql = "select count(*) as n from articles"
    query = subprocess.run([str(exe), "query", sql, "--db", str(db), "--format", "csv"],
                           capture_output=True, text=True, env=env, timeout=60)  # fmt: skip
    assert query.returncode == 0 and query.stdout.splitlines()[1] == "41"


def test_query_reads_sql_from_a_file(small_warehouse: Path, tmp_path: Path):
    sql_file = tmp_path / "q.sql"
    sql_file.write_text("-- the question this answers\nselect title from articles\n", "utf-8")
    result = runner.invoke(app, ["query", "--file", str(sql_file), "--db", str(small_warehouse), "--format", "csv"])
    assert result.exit_code == 0 and "drop table events" in result.stdout
    both = runner.invoke(app, ["query", "select 1", "--file", str(sql_file), "--db", str(small_warehouse)])
    missing = runner.invoke(app, ["query", "--file", str(tmp_path / "none.sql"), "--db", str(small_warehouse)])
    assert both.exit_code == missing.exit_code == 2 and "cannot read" in missing.stderr
