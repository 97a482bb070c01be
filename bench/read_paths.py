"""Time the read paths (report, search index build and query, Parquet export) on a scaled-up warehouse.

    python bench/read_paths.py --db data/warehouse.duckdb --scale 500

Copies the warehouse (the demo's, after `ingest demo`) into a temporary folder and multiplies its articles
and events ``--scale`` times (new ids, event dates spread over a year, text varied per copy so the search
index has distinct documents), then times each command's library call. It prints numbers; it gates nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from ingest.report import build_report
from ingest.warehouse import read_only, writer
from ingest.warehouse.export import export_parquet
from ingest.warehouse.search import search

SCALE_SQL = """
create temp table copies as select range as k from range(1, $scale);
insert into articles by name
select a.* replace (
    article_id || '-' || k as article_id, url || '?copy=' || k as url, canonical_url || '?copy=' || k as canonical_url,
    text || ' copy' || k as text, case when duplicate_of is null then null else duplicate_of || '-' || k end
    as duplicate_of, published_at - to_days(cast(k % 365 as integer)) as published_at)
from articles a, copies where article_id not like '%-%';
insert into events by name
select a.* replace (event_id || '-' || k as event_id, article_id || '-' || k as article_id,
    event_date - cast(k % 365 as integer) as event_date)
from events a, copies where event_id not like '%-%';
"""


def timed(label: str, fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    print(f"{label:<34} {time.perf_counter() - started:7.2f} s")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("data/warehouse.duckdb"))
    parser.add_argument("--scale", type=int, default=200)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"no warehouse at {args.db}: run `ingest demo` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "scaled.duckdb"
        shutil.copy(args.db, db)
        with writer(db) as con:
            con.execute(SCALE_SQL.replace("$scale", str(args.scale)))
        with read_only(db) as con:
            articles, events = con.execute(
                "select (select count(*) from articles), (select count(*) from events)"
            ).fetchone()
        size_mb = db.stat().st_size / 1e6
        print(f"warehouse: {articles} articles, {events} events, {size_mb:.0f} MB")
        report = timed("report (30 days)", build_report, db, Path(tmp) / "report", 30)
        print(f"  {report.events} events in the window, {len(report.images)} charts")
        timed("report (365 days)", build_report, db, Path(tmp) / "report365", 365)
        hits, info = timed("search, index stale -> rebuilt", search, db, "houthi drone attack on shipping")
        print(f"  {info.documents} documents, {len(hits)} hits; warehouse held {info.held_seconds:.2f} s of the build")
        timed("search, index fresh", search, db, "ceasefire talks")
        written = timed("export parquet", export_parquet, db, Path(tmp) / "export")
        print(f"  {sum(e.files for e in written)} files, {sum(e.rows for e in written)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
