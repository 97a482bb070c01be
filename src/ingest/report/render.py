"""The report's index.html: static, self-contained, no JavaScript, nothing loaded from elsewhere.

Every value from the warehouse is untrusted (article titles and URLs come from the web) and passes through
``esc`` or ``safe_href``; the Content-Security-Policy makes the browser refuse scripts and remote loads even
if something slipped through.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from html import escape
from urllib.parse import urlsplit

from ingest.report.charts import Chart
from ingest.report.queries import Incident, ReportData, country_name

CSP = "default-src 'none'; img-src 'self' file:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       margin: 0 auto; max-width: 1040px; padding: 0 16px 48px; color: #1d1d1d; }
h1 { font-size: 1.6em; margin: 24px 0 4px; }
h2 { font-size: 1.2em; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.meta { color: #555; margin: 0 0 12px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.card b { display: block; font-size: 1.4em; }
img { max-width: 100%; height: auto; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eee; vertical-align: top; }
th { background: #f6f6f6; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
ul.articles { margin: 0; padding-left: 18px; }
.note { color: #666; font-size: 0.88em; }
table.incidents td:first-child { white-space: nowrap; }
.empty { border: 1px solid #e0c97f; background: #fff8e1; padding: 12px 16px; border-radius: 6px; }
"""


def esc(value: object) -> str:
    """Text for HTML content or a quoted attribute; None becomes an empty string."""
    return "" if value is None else escape(str(value), quote=True)


def safe_href(url: str | None) -> str | None:
    """The URL, escaped for an href, when it is http(s); None for javascript:, data: and the like."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return esc(url.strip()) if scheme in ("http", "https") else None


def _day(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    return value.strftime("%Y-%m-%d %H:%M UTC") if isinstance(value, datetime) else value.isoformat()


def _num(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _img(chart: Chart, alt: str) -> str:
    return f'<img src="{esc(chart.path.name)}" width="{chart.width}" height="{chart.height}" alt="{esc(alt)}">'


def _table(headers: Iterable[tuple[str, bool]], rows: Iterable[Iterable[tuple[str, bool]]], cls: str = "") -> str:
    """Cells are (already escaped html, numeric?) pairs."""
    head = "".join(f"<th{' class=n' if n else ''}>{h}</th>" for h, n in headers)
    body = "".join("<tr>" + "".join(f"<td{' class=n' if n else ''}>{c}</td>" for c, n in row) + "</tr>" for row in rows)
    opening = f'<table class="{cls}">' if cls else "<table>"
    return f"{opening}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _header(data: ReportData, generated: datetime, db_name: str) -> str:
    s = data.summary
    cards = [
        ("articles", _num(s.articles)),
        ("syndicated copies", _num(s.duplicates)),
        ("sources", _num(s.sources)),
        ("events", _num(s.events)),
    ]
    if data.start:
        cards.append((f"events {data.start:%d %b} – {data.end:%d %b %Y}", _num(data.window_events)))
    card_html = "".join(f'<div class="card"><b>{esc(v)}</b>{esc(k)}</div>' for k, v in cards)
    return (
        f"<h1>Middle East security events</h1>"
        f'<p class="meta">Warehouse <code>{esc(db_name)}</code> · events dated {esc(_day(s.first_event))} to '
        f"{esc(_day(s.last_event))} · articles published {esc(_day(s.first_published))} to "
        f"{esc(_day(s.last_published))} · last run finished {esc(_day(s.last_run))} · "
        f"report generated {esc(_day(generated))}</p>"
        f'<div class="cards">{card_html}</div>'
    )


def _incident_rows(incidents: list[Incident]) -> list[list[tuple[str, bool]]]:
    rows = []
    for i in incidents:
        where = ", ".join(p for p in (i.place, country_name(i.country_iso) if i.country_iso else None) if p) or "—"
        actors = " → ".join(esc(a) for a in (i.actor1, i.actor2) if a) or "—"
        links = []
        for a in i.articles:
            title = esc(a.title or a.url)
            href = safe_href(a.url)
            label = f'<a href="{href}" rel="noopener noreferrer nofollow">{title}</a>' if href else title
            source = f" <span class=note>({esc(a.source)}, {esc(_day(a.published_at))})</span>" if a.source else ""
            links.append(f"<li>{label}{source}</li>")
        rows.append(
            [
                (esc(i.event_date.isoformat()), False),
                (esc(i.event_type), False),
                (esc(where), False),
                (actors, False),
                (esc(_num(i.killed)), True),
                (esc(_num(i.injured)), True),
                (f'<ul class="articles">{"".join(links)}</ul>', False),
            ]
        )
    return rows


def render_html(data: ReportData, charts: dict[str, Chart], *, days: int, generated: datetime, db_name: str) -> str:
    parts = [_header(data, generated, db_name)]
    if data.start is None:
        if data.summary.events:
            why = f"None of its {_num(data.summary.events)} events has a date, so there is nothing to chart."
        else:
            why = "There are no events in this warehouse yet."
        parts.append(
            f'<p class="empty"><b>{why}</b> Run <code>ingest run</code> (or <code>ingest demo</code>) to load and '
            "tag articles, then build the report again.</p>"
        )
    else:
        parts.append(
            f'<p class="meta">Charts and tables cover the last {days} days up to the newest event: '
            f"{esc(data.start.isoformat())} to {esc(data.end.isoformat() if data.end else '')} "
            f"({_num(data.window_events)} events from {_num(data.window_articles)} articles).</p>"
        )
        parts.append("<h2>Events per day</h2>" + _img(charts["per_day"], "Stacked bars of events per day by type"))
        note = (
            f'<p class="note">{_num(data.without_coordinates)} events could not be placed and are not on the map.</p>'
            if data.without_coordinates
            else ""
        )
        parts.append("<h2>Where</h2>" + _img(charts["map"], "Map of event locations") + note)
        parts.append("<h2>Top actors</h2>")
        if data.actors:
            parts.append(_img(charts["actors"], "Bar chart of the actors named most often"))
            parts.append(
                _table(
                    [("actor", False), ("acting", True), ("acted upon", True), ("events", True)],
                    [
                        [(esc(a), False), (_num(x), True), (_num(y), True), (_num(t), True)]
                        for a, x, y, t in data.actors
                    ],
                )
            )
        else:
            parts.append('<p class="note">No event in this window names an actor.</p>')
        parts.append("<h2>Casualties by country</h2>")
        if data.casualties:
            parts.append(_img(charts["casualties"], "Bar chart of killed and injured per country"))
            parts.append(
                _table(
                    [
                        ("country", False),
                        ("incidents", True),
                        ("with figures", True),
                        ("killed", True),
                        ("injured", True),
                    ],
                    [
                        [
                            (esc(country_name(iso)), False),
                            (_num(n), True),
                            (_num(f), True),
                            (_num(k), True),
                            (_num(i), True),
                        ]
                        for iso, n, f, k, i in data.casualties
                    ],
                )
            )
            parts.append(
                '<p class="note">Each incident counts once, with the largest figure any article gives for it; '
                "figures are as reported and often lower bounds.</p>"
            )
        else:
            parts.append('<p class="note">No incident in this window reports people killed or injured.</p>')
        parts.append("<h2>Latest incidents</h2>")
        parts.append(
            _table(
                [
                    ("date", False),
                    ("type", False),
                    ("where", False),
                    ("actors", False),
                    ("killed", True),
                    ("injured", True),
                    ("reported by", False),
                ],
                _incident_rows(data.incidents),
                cls="incidents",
            )
        )
        parts.append(
            '<p class="note">An incident is one real-world event however many reports name it: killed and'
            " injured are the largest figure any report gives, not their sum.</p>"
        )
    body = "\n".join(parts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>Middle East security events — report</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )
