"""The report's PNG charts, drawn with matplotlib's Agg canvas (no pyplot: no global state, no display).

Every string drawn comes from the warehouse and goes through ``_plain`` first: matplotlib would read
``$...$`` in an actor's name as mathtext, and a malformed one fails the whole drawing.
"""

from __future__ import annotations

import json
import math
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Polygon

DPI = 100
WIDTH_IN = 10.0
# The map's frame (lon_min, lat_min, lon_max, lat_max): Egypt to Iran, Yemen to Turkey. It grows to take in
# any event that falls outside, within the outlines shipped in data/middle_east.geojson.
MAP_FRAME = (28.0, 11.0, 63.0, 42.0)
LAND, BORDER, SEA = "#f1efe9", "#9a968c", "#dfe9f2"
WEEKLY_AFTER = 120  # days


@dataclass(frozen=True)
class Chart:
    """A written PNG and its pixel size (for the <img> tag's width/height)."""

    path: Path
    width: int
    height: int


def _plain(text: object) -> str:
    """A warehouse string as literal text for matplotlib (no mathtext), shortened for a chart label."""
    s = " ".join(str(text).split())
    if len(s) > 40:
        s = s[:39] + "…"
    return s.replace("\\", "\\\\").replace("$", r"\$")


@cache
def _event_type_colors() -> dict[str, str]:
    """One stable colour per event type, in the tagger's vocabulary order, so reports compare at a glance."""
    from matplotlib import colormaps

    types = list(tomllib.loads(resources.files("ingest.tag.data").joinpath("event_types.toml").read_text("utf-8")))
    palette = colormaps["tab20"]
    return {name: to_hex(palette(i % 20)) for i, name in enumerate(types)}


def _color(event_type: str) -> str:
    return _event_type_colors().get(event_type, "#7f7f7f")


def _save(fig: Figure, path: Path) -> Chart:
    FigureCanvasAgg(fig)
    fig.savefig(path, dpi=DPI, format="png", metadata={"Software": None})
    width, height = fig.get_size_inches() * DPI
    return Chart(path, round(width), round(height))


def events_per_day(per_day: list[tuple[date, str, int]], start: date, end: date, path: Path) -> Chart:
    """Stacked bars: events per day, one colour per event type, every day of the window on the axis.

    Windows longer than WEEKLY_AFTER days get one bar per week: a year of daily bars is unreadable, and
    drawing thousands of bar patches takes matplotlib many seconds."""
    step = 7 if (end - start).days + 1 > WEEKLY_AFTER else 1
    days = [start + timedelta(days=i) for i in range(0, (end - start).days + 1, step)]
    counts: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for day, event_type, n in per_day:
        counts[event_type][start + timedelta(days=(day - start).days // step * step)] += n
    order = sorted(counts, key=lambda t: -sum(counts[t].values()))
    fig = Figure(figsize=(WIDTH_IN, 4.2))
    ax = fig.add_subplot()
    x = list(range(len(days)))
    bottom = [0] * len(days)
    for event_type in order:
        heights = [counts[event_type].get(d, 0) for d in days]
        ax.bar(x, heights, bottom=bottom, color=_color(event_type), label=_plain(event_type), width=0.8)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    every = max(1, math.ceil(len(days) / 12))
    ax.set_xticks(x[::every], [d.strftime("%d %b" if step == 1 else "%d %b %y") for d in days[::every]], fontsize=8)
    ax.set_xlim(-0.6, len(days) - 0.4)
    ax.set_ylabel("events per day" if step == 1 else "events per week")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, ncols=2, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    unit = "day" if step == 1 else "week"
    ax.set_title(f"Events per {unit} by type, {start:%d %b %Y} to {end:%d %b %Y}", fontsize=11, loc="left")
    fig.tight_layout()
    return _save(fig, path)


@cache
def _basemap() -> dict[str, Any]:
    text = resources.files("ingest.report.data").joinpath("middle_east.geojson").read_text("utf-8")
    return json.loads(text)


def _rings(geometry: dict[str, Any]) -> list[list[list[float]]]:
    """Outer rings of a (Multi)Polygon: holes are not worth drawing at this scale."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    if geometry["type"] == "MultiPolygon":
        return [poly[0] for poly in geometry["coordinates"]]
    return []


def event_map(points: list[tuple[float, float, str, int]], path: Path) -> Chart:
    """Country outlines (Natural Earth, shipped with the package) and one circle per place, area ~ events."""
    basemap = _basemap()
    lon0, lat0, lon1, lat1 = MAP_FRAME
    bx0, by0, bx1, by1 = basemap["bbox"]
    for lat, lon, _label, _n in points:
        lon0, lon1 = max(min(lon0, lon - 1), bx0), min(max(lon1, lon + 1), bx1)
        lat0, lat1 = max(min(lat0, lat - 1), by0), min(max(lat1, lat + 1), by1)
    # Equirectangular with the aspect corrected at the frame's middle latitude: shapes look right.
    aspect = 1 / math.cos(math.radians((lat0 + lat1) / 2))
    height_in = min(9.0, WIDTH_IN * (lat1 - lat0) * aspect / (lon1 - lon0))
    fig = Figure(figsize=(WIDTH_IN, height_in))
    ax = fig.add_subplot()
    ax.set_facecolor(SEA)
    for feature in basemap["features"]:
        for ring in _rings(feature["geometry"]):
            ax.add_patch(Polygon(ring, closed=True, facecolor=LAND, edgecolor=BORDER, linewidth=0.6))
    if points:
        biggest = max(n for *_, n in points)
        sizes = [30 + 900 * n / biggest for *_, n in points]
        ax.scatter([p[1] for p in points], [p[0] for p in points], s=sizes, c="#c0392b", alpha=0.55,
                   edgecolors="#7b241c", linewidths=0.6, zorder=3)  # fmt: skip
        for lat, lon, label, n in points[:12]:  # label the busiest places only, or the map turns to text
            ax.annotate(f"{_plain(label)} ({n})", (lon, lat), xytext=(6, 4), textcoords="offset points",
                        fontsize=7.5, color="#333333", zorder=4)  # fmt: skip
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(aspect)
    ax.tick_params(labelsize=7)
    ax.set_title("Event locations (circle area ~ number of events)", fontsize=11, loc="left")
    fig.text(0.99, 0.005, "Country outlines: Natural Earth (public domain)", ha="right", va="bottom",
             fontsize=6.5, color="#666666")  # fmt: skip
    fig.tight_layout()
    return _save(fig, path)


def top_actors(actors: list[tuple[str, int, int, int]], path: Path) -> Chart:
    """Horizontal stacked bars: how often each actor acts (actor1) and is acted upon (actor2)."""
    names = [_plain(a[0]) for a in actors][::-1]
    acting = [a[1] for a in actors][::-1]
    targeted = [a[2] for a in actors][::-1]
    fig = Figure(figsize=(WIDTH_IN, 0.9 + 0.32 * len(actors)))
    ax = fig.add_subplot()
    ax.barh(names, acting, color="#2e6f9e", label="acting (actor1)")
    ax.barh(names, targeted, left=acting, color="#e39b3b", label="acted upon (actor2)")
    ax.tick_params(labelsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel("events")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.set_title("Top actors", fontsize=11, loc="left")
    fig.tight_layout()
    return _save(fig, path)


def casualties(rows: list[tuple[str, str, int, int]], path: Path) -> Chart:
    """Grouped horizontal bars of killed and injured per country (rows: iso, name, killed, injured)."""
    names = [_plain(r[1]) for r in rows][::-1]
    killed = [r[2] for r in rows][::-1]
    injured = [r[3] for r in rows][::-1]
    y = list(range(len(rows)))
    fig = Figure(figsize=(WIDTH_IN, 1.0 + 0.45 * len(rows)))
    ax = fig.add_subplot()
    ax.barh([v + 0.2 for v in y], killed, height=0.4, color="#8e2c2c", label="killed")
    ax.barh([v - 0.2 for v in y], injured, height=0.4, color="#e0a458", label="injured")
    ax.set_yticks(y, names, fontsize=8)
    # Counts span orders of magnitude (one large attack next to many small ones): a log axis keeps both.
    if max(killed + injured, default=0) >= 100:
        ax.set_xscale("symlog", linthresh=10)
    ax.set_xlabel("people (summed over incidents)")
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.set_title("Casualties by country", fontsize=11, loc="left")
    fig.tight_layout()
    return _save(fig, path)
