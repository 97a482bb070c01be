"""Static HTML report of the warehouse: ``build_report(db, out, days)`` writes index.html and its PNG charts.

- ``queries``: what the report shows, read in one short read-only connection (SQL in sql/report/).
- ``charts``: PNGs drawn with matplotlib's Agg canvas; the map's country outlines ship in ``data/``.
- ``render``: the HTML page, every warehouse string escaped.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ingest.report import charts
from ingest.report.queries import ReportData, country_name, read_report_data
from ingest.report.render import render_html
from ingest.warehouse import read_only

DEFAULT_DAYS = 30
CHART_FILES = {
    "per_day": "events_per_day.png",
    "map": "map.png",
    "actors": "top_actors.png",
    "casualties": "casualties.png",
}


class ReportError(RuntimeError):
    """The report cannot be written (bad output folder, bad option)."""


@dataclass(frozen=True)
class ReportResult:
    index: Path
    images: list[Path]
    events: int  # events in the report's window
    data: ReportData


def build_report(
    db: str | Path,
    out: str | Path,
    days: int = DEFAULT_DAYS,
    *,
    wait_s: float = 120.0,
    on_wait: Callable[[float], None] | None = None,
) -> ReportResult:
    if days < 1:
        raise ReportError(f"--days must be 1 or more, not {days}")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ReportError(f"{out} exists and is not a folder")
    # The warehouse is held only while reading; drawing happens after it is released for the next run.
    with read_only(db, wait_s=wait_s, on_wait=on_wait) as con:
        data = read_report_data(con, days)
    try:
        out.mkdir(parents=True, exist_ok=True)
        drawn: dict[str, charts.Chart] = {}
        if data.start and data.end:
            drawn["per_day"] = charts.events_per_day(data.per_day, data.start, data.end, out / CHART_FILES["per_day"])
            drawn["map"] = charts.event_map(data.points, out / CHART_FILES["map"])
            if data.actors:
                drawn["actors"] = charts.top_actors(data.actors, out / CHART_FILES["actors"])
            if data.casualties:
                rows = [(iso, country_name(iso), k, i) for iso, _n, _f, k, i in data.casualties]
                drawn["casualties"] = charts.casualties(rows, out / CHART_FILES["casualties"])
        # Charts of an earlier report that this one has no data for would otherwise linger beside it.
        for name in CHART_FILES.values():
            if name not in {c.path.name for c in drawn.values()}:
                (out / name).unlink(missing_ok=True)
        html = render_html(data, drawn, days=days, generated=datetime.now(UTC), db_name=Path(db).name)
        index = out / "index.html"
        # Written last and renamed into place: a reader never sees a page whose images are not there yet.
        tmp = out / f".index.html.{os.getpid()}.tmp"
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(index)
    except OSError as exc:
        raise ReportError(f"cannot write the report to {out}: {exc.strerror or exc}") from exc
    return ReportResult(index, [c.path for c in drawn.values()], data.window_events, data)


__all__ = ["DEFAULT_DAYS", "ReportError", "ReportResult", "build_report"]
