"""The ``ingest`` command line. Heavy imports (Prefect, DuckDB, extractors) happen inside commands so
that ``ingest --help`` answers at once.

Exit codes: 0 done (a run with some failed feeds or articles still exits 0: see its status),
1 the run or command failed, 2 bad usage or bad input, 3 the warehouse or writer slot is busy.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    name="ingest",
    help="Middle East security news ETL: feeds -> clean articles -> tagged events -> DuckDB.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
sources_app = typer.Typer(help="Manage sources files.", no_args_is_help=True)
app.add_typer(sources_app, name="sources")

DEFAULT_DB = Path("data/warehouse.duckdb")
DbOption = Annotated[Path, typer.Option("--db", help="Warehouse file.")]
EXIT_FAILED, EXIT_USAGE, EXIT_BUSY = 1, 2, 3


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _quiet_prefect() -> None:
    """Prefect logs every task at INFO; a CLI user wants the summary. PREFECT_LOGGING_LEVEL overrides."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # A failing task re-raises into the flow and then here, where it becomes one "error:" line and an
    # exit code; Prefect's own copy of it (with a traceback) would only bury that line.
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL", "CRITICAL")
    # The temporary server's telemetry heartbeat races it for its own SQLite file and logs tracebacks.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # With no server configured Prefect starts a temporary one and gives it 20 s; a busy 2-core laptop
    # (or CI running tests in parallel) can need more, and failing the whole run for it helps nobody.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


ErrorTypes = type[BaseException] | tuple[type[BaseException], ...]


@contextmanager
def _exit_codes(*mapping: tuple[ErrorTypes, int]) -> Iterator[None]:
    """Turn the listed errors into one "error:" line and an exit code (first match wins), no traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except Exception as exc:
        for types, code in mapping:
            if isinstance(exc, types):
                _err(f"error: {exc}")
                raise typer.Exit(code) from None
        raise


def _busy_waiting(waited: float) -> None:
    _err("warehouse is busy (a run is writing); waiting for it...")


def _run_flow(flow_fn: Any, **params: Any) -> dict[str, Any]:
    from ingest.sources import SourcesError
    from ingest.warehouse import WarehouseBusy, WarehouseError, WriterSlotBusy

    with _exit_codes(((WriterSlotBusy, WarehouseBusy), EXIT_BUSY), (SourcesError, EXIT_USAGE),
                     (WarehouseError, EXIT_FAILED)), _progress_bars():  # fmt: skip
        return flow_fn(**params)


@contextmanager
def _progress_bars() -> Iterator[None]:
    """Progress bars for the run's stages on a terminal; nothing when stderr is a file or a pipe."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ingest.pipeline import progress

    bars = Progress(TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=False)  # fmt: skip
    tasks: dict[str, Any] = {}

    def show(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bars.add_task(stage, total=total)
        bars.update(tasks[stage], completed=done, total=total)

    with bars, progress.listening(show):
        yield


def _print_summary(result: dict[str, Any], *, examples: bool) -> None:
    from ingest.cli_output import print_run_summary

    print_run_summary(result, examples=examples)
    if result.get("status") == "failed":
        raise typer.Exit(EXIT_FAILED)


@app.command()
def demo(
    db: DbOption = DEFAULT_DB,
    host_delay: Annotated[
        float, typer.Option(help="Gap between requests per host; the demo site is ours, so short.")
    ] = 0.2,
    edition: Annotated[str, typer.Option(help="Demo site edition: final, or early (half the fortnight).")] = "final",
) -> None:
    """Serve the bundled demo news site on 127.0.0.1 and run the nightly flow against it."""
    _quiet_prefect()
    from ingest.demo.site import DemoSite

    with DemoSite(edition=edition) as site:
        sources_file = db.parent / ".demo-sources.toml" if db.parent != Path() else Path(".demo-sources.toml")
        sources_file.parent.mkdir(parents=True, exist_ok=True)
        sources_file.write_text(site.sources_toml(), "utf-8")
        typer.echo(f"demo site: {len(site.hosts)} outlets served on 127.0.0.1:{site.port}; warehouse: {db}")
        from flows.nightly import nightly

        result = _run_flow(
            nightly,
            sources=str(sources_file),
            db=str(db),
            allow_hosts=[f"127.0.0.1:{site.port}"],
            connect_to=site.connect_to,
            host_delay=host_delay,
        )
    _print_summary(result, examples=True)


@app.command()
def run(
    sources: Annotated[Path | None, typer.Option("--sources", help="Sources TOML file.")] = None,
    feed: Annotated[list[str] | None, typer.Option("--feed", help="A feed URL (repeatable).")] = None,
    db: DbOption = DEFAULT_DB,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="host:port exempt from the private-address guard."),
    ] = None,
    connect_to: Annotated[
        list[str] | None, typer.Option("--connect-to", help="HOST:PORT:TARGET_HOST:TARGET_PORT, like curl.")
    ] = None,
    host_delay: Annotated[float | None, typer.Option(help="Minimum seconds between requests to one host.")] = None,
    wait: Annotated[float, typer.Option(help="Seconds to wait for another run to release the writer slot.")] = 0.0,
    force: Annotated[bool, typer.Option(help="Poll feeds that are backing off after failures too.")] = False,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Articles per fetch/process/load batch (one transaction each).")
    ] = None,
    processes: Annotated[
        int | None, typer.Option(help="Processes for extract/tag (default: one per core for 100+ articles).")
    ] = None,
    request_deadline: Annotated[
        float | None, typer.Option(min=0.1, help="Wall-clock cap per HTTP request in seconds (default 60).")
    ] = None,
) -> None:
    """Run the nightly job once: poll feeds, fetch new articles, extract, tag and load."""
    _quiet_prefect()
    mapping = {}
    for spec in connect_to or []:
        parts = spec.rsplit(":", 3) if spec.count(":") >= 3 else []
        if len(parts) != 4:
            _err(f"error: --connect-to {spec!r} is not HOST:PORT:TARGET_HOST:TARGET_PORT")
            raise typer.Exit(EXIT_USAGE)
        mapping[f"{parts[0]}:{parts[1]}"] = f"{parts[2]}:{parts[3]}"
    from flows.nightly import nightly

    result = _run_flow(
        nightly,
        sources=str(sources) if sources else None,
        feeds=feed or None,
        db=str(db),
        allow_hosts=allow_host or [],
        connect_to=mapping,
        host_delay=host_delay,
        wait=wait,
        force=force,
        processes=processes,
        batch_size=batch_size,
        request_deadline=request_deadline,
    )
    _print_summary(result, examples=False)


@app.command()
def backfill(
    start: Annotated[str, typer.Option(help="First day, YYYY-MM-DD.")],
    end: Annotated[str, typer.Option(help="Last day, YYYY-MM-DD (inclusive).")],
    db: DbOption = DEFAULT_DB,
    wait: Annotated[float, typer.Option(help="Seconds to wait for the writer slot.")] = 0.0,
    processes: Annotated[
        int | None, typer.Option(help="Processes for extract/tag (default: one per core for 100+ articles).")
    ] = None,
) -> None:
    """Re-extract and re-tag the stored raw documents of a date range with the current code."""
    try:
        first, last = date.fromisoformat(start), date.fromisoformat(end)
    except ValueError as exc:
        _err(f"error: dates must be YYYY-MM-DD: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    if last < first:
        _err(f"error: --end {last} is before --start {first}")
        raise typer.Exit(EXIT_USAGE)
    if not db.exists():
        _err(f"error: no warehouse at {db}")
        raise typer.Exit(EXIT_USAGE)
    _quiet_prefect()
    from flows.backfill import backfill as backfill_flow

    result = _run_flow(backfill_flow, start=first, end=last, db=str(db), wait=wait, processes=processes)
    _print_summary(result, examples=False)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="HTML or .html.gz files.")],
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line (the only format).")] = True,
) -> None:
    """Extract main text and metadata from saved article pages."""
    from ingest.extract import extract_file

    failed = 0
    for path in paths:
        try:
            record: dict[str, Any] = {"source": str(path), **extract_file(path).to_dict()}
        except OSError as exc:
            failed += 1
            record = {"source": str(path), "error": f"cannot read: {exc.strerror or exc}"}
            _err(f"{path}: cannot read: {exc.strerror or exc}")
        typer.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        raise typer.Exit(EXIT_USAGE)


@app.command()
def tag(
    file: Annotated[str, typer.Argument(help="JSON lines {id, text, published}; '-' for standard input.")] = "-",
    jsonl: Annotated[bool, typer.Option("--jsonl", help="One JSON object per line (the only format).")] = True,
) -> None:
    """Tag security events in texts: reads {"id","text","published"} lines, writes {"id","events":[...]}."""
    from ingest.pipeline.common import parse_when
    from ingest.tag import tag_article

    stream = sys.stdin if file == "-" else open(file, encoding="utf-8")  # noqa: SIM115
    bad = 0
    with stream:
        for lineno, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                    raise ValueError('expected an object with a string "text"')
            except ValueError as exc:
                bad += 1
                _err(f"line {lineno}: {exc}")
                typer.echo(json.dumps({"line": lineno, "error": str(exc)}))
                continue
            published = parse_when(item.get("published"))
            tags = tag_article(item["text"], published=published, title=item.get("title"))
            out = {
                "id": item.get("id"),
                "relevance": tags.relevance,
                "topics": list(tags.topics),
                "events": [e.to_dict() for e in tags.events],
            }
            typer.echo(json.dumps(out, ensure_ascii=False))
    if bad:
        raise typer.Exit(EXIT_USAGE)


@app.command()
def query(
    sql: Annotated[str | None, typer.Argument(help="SQL to run (read-only).")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="Read the SQL from a file (e.g. one in sql/queries/).")
    ] = None,
    db: DbOption = DEFAULT_DB,
    format: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    wait: Annotated[float, typer.Option(help="Seconds to wait while a run holds the warehouse.")] = 120.0,
) -> None:
    """Run a read-only SQL query against the warehouse."""
    import duckdb

    from ingest.cli_output import print_rows
    from ingest.warehouse import WarehouseBusy, WarehouseError, read_only

    if format not in ("table", "csv", "json"):
        _err("error: --format must be table, csv or json")
        raise typer.Exit(EXIT_USAGE)
    if (sql is None) == (file is None):
        _err("error: give either SQL or --file FILE")
        raise typer.Exit(EXIT_USAGE)
    if file is not None:
        try:
            sql = file.read_text("utf-8")
        except OSError as exc:
            _err(f"error: cannot read {file}: {exc.strerror or exc}")
            raise typer.Exit(EXIT_USAGE) from None
    with (
        _exit_codes((WarehouseBusy, EXIT_BUSY), ((WarehouseError, duckdb.Error), EXIT_USAGE)),
        read_only(db, wait_s=wait, on_wait=_busy_waiting) as con,
    ):
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    print_rows(columns, rows, format)


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    out: Annotated[Path, typer.Option("--out", help="Folder for index.html and its PNG charts.")] = Path("report"),
    days: Annotated[int, typer.Option(help="Days covered, ending at the newest event.")] = 30,
    wait: Annotated[float, typer.Option(help="Seconds to wait while a run holds the warehouse.")] = 120.0,
) -> None:
    """Write a static HTML report (charts, map, actors, casualties, latest incidents) of the warehouse."""
    from ingest.report import ReportError, build_report
    from ingest.warehouse import WarehouseBusy, WarehouseError

    with _exit_codes((WarehouseBusy, EXIT_BUSY), ((WarehouseError, ReportError), EXIT_USAGE)):
        result = build_report(db, out, days, wait_s=wait, on_wait=_busy_waiting)
    typer.echo(f"report: {result.index} ({len(result.images)} charts, {result.events} events)")


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to look for in article titles and text.")],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="Most articles to show.")] = 20,
    reindex: Annotated[bool, typer.Option(help="Rebuild the search index even if it is up to date.")] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait while a run holds the warehouse.")] = 120.0,
) -> None:
    """Full-text search over articles (BM25; the index is rebuilt first when articles changed)."""
    from ingest.cli_output import print_search_hits
    from ingest.warehouse import WarehouseBusy, WarehouseError
    from ingest.warehouse.search import SearchError
    from ingest.warehouse.search import search as run_search

    with _exit_codes((WarehouseBusy, EXIT_BUSY), ((SearchError, WarehouseError), EXIT_USAGE)):
        hits, info = run_search(db, text, limit=limit, rebuild=reindex, wait_s=wait, on_wait=_busy_waiting)
    if info.rebuilt:
        _err(
            f"search index rebuilt: {info.documents} articles in {info.seconds:.1f} s, the warehouse held "
            f"{info.held_seconds:.1f} s of it ({info.path})"
        )
    print_search_hits(hits, text)


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write (new, empty, or an earlier export).")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        str, typer.Option("--format", help="parquet (files by year/month) or ducklake (catalog + Parquet, snapshots).")
    ] = "parquet",
    include_raw: Annotated[bool, typer.Option(help="Export raw_documents (every fetched body) too.")] = False,
    overwrite: Annotated[bool, typer.Option(help="Replace an earlier export in --out.")] = False,
    wait: Annotated[float, typer.Option(help="Seconds to wait while a run holds the warehouse.")] = 120.0,
) -> None:
    """Export tables and views as Parquet by year and month (with a manifest and README), or publish the
    tables to a DuckLake (one snapshot per publish; see docs/scaleout.md)."""
    from ingest.warehouse import WarehouseBusy, WarehouseError
    from ingest.warehouse.export import FORMATS, ExportError, export_parquet

    if format not in FORMATS:
        _err(f"error: --format must be one of: {', '.join(FORMATS)}")
        raise typer.Exit(EXIT_USAGE)
    if format == "ducklake":
        from ingest.warehouse.lake import publish_ducklake

        with _exit_codes((WarehouseBusy, EXIT_BUSY), ((WarehouseError, ExportError), EXIT_USAGE)):
            lake = publish_ducklake(db, out, wait_s=wait, on_wait=_busy_waiting)
        for t in lake.tables:
            typer.echo(f"{t.table:<20} {t.rows:>9} rows")
        typer.echo(f"published {len(lake.tables)} tables to the DuckLake {lake.catalog} as snapshot {lake.snapshot_id}")
        return
    with _exit_codes((WarehouseBusy, EXIT_BUSY), ((WarehouseError, ExportError), EXIT_USAGE)):
        written = export_parquet(db, out, include_raw=include_raw, overwrite=overwrite, wait_s=wait,
                                 on_wait=_busy_waiting)  # fmt: skip
    for e in written:
        typer.echo(
            f"{e.name:<20} {e.rows:>9} rows  {e.files:>4} files" + (f"  by {e.partition_by}" if e.partition_by else "")
        )
    typer.echo(f"exported {len(written)} tables and views to {out} (see {out / 'README.md'})")


@app.command()
def status(db: DbOption = DEFAULT_DB) -> None:
    """Recent runs, and feeds that are failing with their last error and next attempt."""
    from ingest.cli_output import print_status
    from ingest.warehouse import WarehouseError, read_only

    with _exit_codes((WarehouseError, EXIT_USAGE)), read_only(db, on_wait=_busy_waiting) as con:
        print_status(con)


@sources_app.command("import")
def sources_import(
    opml: Annotated[Path, typer.Argument(help="OPML file exported from a feed reader.")],
    out: Annotated[Path, typer.Option("--out", help="Sources TOML file to write.")] = Path("sources.toml"),
    merge: Annotated[bool, typer.Option(help="Keep sources already in --out.")] = True,
) -> None:
    """Import feeds from an OPML file into a sources TOML file."""
    from ingest.sources import SourcesError, import_opml, load_sources, sources_to_toml

    with _exit_codes((SourcesError, EXIT_USAGE)):
        imported = import_opml(opml)
        existing = load_sources(out) if merge and out.exists() else []
    known_feeds = {f for s in existing for f in s.feeds}
    known_keys = {s.key for s in existing}
    added = [s for s in imported if not set(s.feeds) & known_feeds and s.key not in known_keys]
    out.write_text(sources_to_toml(existing + added), "utf-8")
    typer.echo(f"{len(added)} sources added ({len(imported) - len(added)} already present) -> {out}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
