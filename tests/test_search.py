"""`ingest search`: BM25 full-text search over articles, with its index in a sidecar file rebuilt when stale."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest
from typer.testing import CliRunner

from ingest.cli import app
from ingest.warehouse import read_only, upsert, writer
from ingest.warehouse.search import index_path, search, snippet

runner = CliRunner()

ARTICLES = [
    ("a1", "Drone strike hits militia convoy near Baghdad",
     "A drone strike hit a convoy of an armed group near Baghdad airport on Monday, killing three fighters. "
     "Officials said the strike was carried out by US forces."),
    ("a2", "Ceasefire talks resume in Cairo",
     "Negotiators met in Cairo on Tuesday to resume talks on a ceasefire and the release of hostages."),
    ("a3", "Tanker attacked in the Red Sea",
     "A tanker was hit by a missile in the southern Red Sea; the crew put out a fire on deck. Shipping firms "
     "are rerouting around the Cape."),
    # A syndicated copy of a1: same story, it must not show up twice.
    ("a4", "Drone strike hits militia convoy near Baghdad (copy)",
     "A drone strike hit a convoy of an armed group near Baghdad airport on Monday, killing three fighters."),
]  # fmt: skip


def _articles(rows: list[tuple[str, str, str]], version: int = 1) -> pa.Table:
    return pa.table(
        {
            "article_id": [r[0] for r in rows],
            "url": [f"https://news.example/{r[0]}" for r in rows],
            "canonical_url": [f"https://news.example/{r[0]}" for r in rows],
            "source": ["herald"] * len(rows),
            "title": [r[1] for r in rows],
            "text": [r[2] for r in rows],
            "version": pa.array([version] * len(rows), pa.int32()),
            "duplicate_of": ["a1" if r[0] == "a4" else None for r in rows],
            "published_at": pa.array([f"2024-01-0{i + 1}" for i in range(len(rows))]).cast(pa.timestamp("s")),
            "changed_at": pa.array([f"2024-02-01 00:00:0{version}"] * len(rows)).cast(pa.timestamp("s")),
        }
    )


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    db = tmp_path / "w.duckdb"
    with writer(db) as con:
        con.execute("insert into sources values ('herald', 'The Herald', null, 'en', null, null, now())")
        upsert(con, "articles", _articles(ARTICLES), ["article_id"])
    return db


def test_search_ranks_matches_stems_words_and_skips_syndicated_copies(warehouse: Path):
    hits, info = search(warehouse, "drone strikes Baghdad")
    assert info.rebuilt and info.documents == 3 and info.path == index_path(warehouse)
    assert [h.url for h in hits] == ["https://news.example/a1"]  # a4 is a copy of a1
    hit = hits[0]
    assert (hit.rank, hit.source, hit.title) == (1, "The Herald", "Drone strike hits militia convoy near Baghdad")
    assert hit.score > 0 and hit.published_at is not None and hit.published_at.year == 2024
    assert "drone strike" in hit.snippet.lower()
    # Stop words alone match nothing; words match regardless of case and inflection.
    assert search(warehouse, "the and of")[0] == []
    assert [h.url for h in search(warehouse, "TANKERS attacked")[0]] == ["https://news.example/a3"]
    # The warehouse itself gets no index schema: everything lives in the sidecar.
    with read_only(warehouse) as con:
        assert con.execute("select count(*) from duckdb_schemas() where schema_name like 'fts%'").fetchone()[0] == 0


def test_index_is_reused_while_fresh_and_rebuilt_when_articles_change(warehouse: Path):
    assert search(warehouse, "ceasefire")[1].rebuilt
    hits, info = search(warehouse, "ceasefire")
    assert not info.rebuilt and [h.url for h in hits] == ["https://news.example/a2"]
    assert search(warehouse, "hostages", rebuild=True)[1].rebuilt
    # A new article and a new version of an old one: the next search sees both.
    changed = [
        ("a2", "Talks collapse in Cairo", "The talks in Cairo collapsed without agreement on Wednesday."),
        ("a5", "Ceasefire declared in the north", "A ceasefire took hold in the north on Thursday."),
    ]
    with writer(warehouse) as con:
        upsert(con, "articles", _articles(changed, version=2), ["article_id"])
    hits, info = search(warehouse, "ceasefire")
    assert info.rebuilt and [h.url for h in hits] == ["https://news.example/a5"]
    assert [h.title for h in search(warehouse, "collapsed")[0]] == ["Talks collapse in Cairo"]


def test_a_broken_sidecar_is_rebuilt(warehouse: Path):
    index_path(warehouse).write_bytes(b"not a duckdb file")
    hits, info = search(warehouse, "tanker")
    assert info.rebuilt and len(hits) == 1
    with duckdb.connect(str(index_path(warehouse)), read_only=True) as con:
        assert con.execute("select count(*) from docs").fetchone()[0] == 3


def test_snippet_centres_on_the_first_match():
    text = "word " * 100 + "The drone strike hit the convoy. " + "tail " * 100
    s = snippet(text, "strikes")
    assert "drone strike hit" in s and s.startswith("…") and s.endswith("…") and len(s) <= 205
    assert snippet("Short text.", "nothing") == "Short text."
    assert snippet(None, "x") == ""


def test_search_command_prints_rank_date_source_title_url_and_snippet(warehouse: Path):
    result = runner.invoke(app, ["search", "red sea tanker", "--db", str(warehouse), "--limit", "5"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "1. 2024-01-03  The Herald" in out and "Tanker attacked in the Red Sea" in out
    assert "https://news.example/a3" in out and "missile in the southern Red Sea" in out
    assert "search index rebuilt: 3 articles" in result.output
    result = runner.invoke(app, ["search", "strike", "--db", str(warehouse), "--limit", "1"])
    assert result.exit_code == 0 and result.stdout.count("https://news.example/") == 1
    assert "no article matches 'zebra'" in runner.invoke(app, ["search", "zebra", "--db", str(warehouse)]).stdout


def test_search_command_rejects_bad_input(warehouse: Path, tmp_path: Path):
    for args, message in [
        (["  ?! ", "--db", str(warehouse)], "no words to search for"),
        (["drone", "--db", str(warehouse), "--limit", "0"], "--limit must be 1 or more"),
        (["drone", "--db", str(tmp_path / "missing.duckdb")], "no warehouse at"),
    ]:
        result = runner.invoke(app, ["search", *args])
        assert result.exit_code == 2, (args, result.output)
        assert result.output.count("error:") == 1 and message in result.output and "Traceback" not in result.output


HOLD = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    """
)


def _hold_lock(path: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the warehouse open for writing, as a run does during a load."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    return proc


def test_search_waits_for_a_writer_then_answers(warehouse: Path):
    proc = _hold_lock(warehouse, 1.5)
    waits: list[float] = []
    try:
        hits, info = search(warehouse, "tanker", on_wait=waits.append)
    finally:
        proc.wait()
    assert waits and info.rebuilt and [h.url for h in hits] == ["https://news.example/a3"]


def test_read_commands_exit_3_when_the_warehouse_stays_busy(warehouse: Path, tmp_path: Path):
    proc = _hold_lock(warehouse, 60)
    try:
        for args in (["report", "--out", str(tmp_path / "r")], ["search", "tanker"],
                     ["export", "--out", str(tmp_path / "e")]):  # fmt: skip
            result = runner.invoke(app, [*args, "--db", str(warehouse), "--wait", "0.3"])
            assert result.exit_code == 3, (args, result.output)
            assert "warehouse is busy" in result.output and result.output.count("error:") == 1
    finally:
        proc.kill()
        proc.wait()
    assert not (tmp_path / "e").exists() and not list(tmp_path.glob(".e.partial"))


@pytest.mark.xdist_group("prefect")
def test_search_the_demo_warehouse(demo_warehouse: Path, tmp_path: Path):
    db = tmp_path / "demo.duckdb"  # a copy: the sidecar is written beside the warehouse
    db.write_bytes(demo_warehouse.read_bytes())
    hits, info = search(db, "Houthi", limit=50)
    assert info.rebuilt and info.documents == 40  # 41 articles, one a syndicated copy
    assert len(hits) >= 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    with read_only(db) as con:
        expected = con.execute(
            "select count(*) from articles"
            " where duplicate_of is null and (title ilike '%houthi%' or text ilike '%houthi%')"
        ).fetchone()[0]
    assert len(hits) == expected
