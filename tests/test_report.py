"""`ingest report`: the static HTML report, its PNG charts, escaping of untrusted text, and a real browser."""

from __future__ import annotations

import fcntl
import json
import os
import queue
import shutil
import subprocess
import threading
import time
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from typer.testing import CliRunner

from ingest.cli import app
from ingest.report import build_report
from ingest.report.queries import read_report_data
from ingest.warehouse import read_only, writer
from ingest.warehouse.incidents import rebuild_incidents

CHROMIUM = Path("/usr/bin/chromium")
runner = CliRunner()
demo = pytest.mark.xdist_group("prefect")  # shares the session's Prefect API and demo warehouse


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def _check_images(folder: Path, tags: _Tags) -> list[str]:
    """Every <img> names a valid, non-empty PNG in the folder whose size matches its width/height."""
    srcs = []
    for tag, attrs in tags.tags:
        if tag != "img":
            continue
        src = attrs["src"] or ""
        assert "/" not in src and ":" not in src, f"image {src!r} is not a file beside index.html"
        path = folder / src
        assert path.is_file() and path.stat().st_size > 1000, src
        with Image.open(path) as im:
            im.verify()
        with Image.open(path) as im:
            assert im.format == "PNG"
            assert im.size == (int(attrs["width"] or 0), int(attrs["height"] or 0))
            # A chart, not a blank canvas: many distinct colours.
            assert len(im.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 20, src
        srcs.append(src)
    return srcs


def _copy(db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "warehouse.duckdb"
    shutil.copy(db, target)
    return target


@pytest.fixture(scope="module")
def demo_report(demo_warehouse: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("report")
    return build_report(demo_warehouse, out, days=30), out


@demo
def test_report_of_the_demo_warehouse_has_every_section_and_valid_charts(demo_report, demo_warehouse: Path):
    result, out = demo_report
    html = (out / "index.html").read_text("utf-8")
    tags = _parse(html)
    assert sorted(_check_images(out, tags)) == sorted(p.name for p in result.images)
    assert {p.name for p in result.images} == {"events_per_day.png", "map.png", "top_actors.png", "casualties.png"}
    headings = [t for t in ("Events per day", "Where", "Top actors", "Casualties by country", "Latest incidents")]
    for heading in headings:
        assert f"<h2>{heading}</h2>" in html
    # Self-contained: no script, no stylesheet link, nothing fetched from elsewhere.
    assert not [t for t, _ in tags.tags if t in ("script", "link", "iframe", "object", "embed")]
    assert "url(" not in html and "@import" not in html

    with read_only(demo_warehouse) as con:
        articles, events, last_event = con.execute(
            "select (select count(*) from articles), (select count(*) from events),"
            " (select max(event_date) from events)"
        ).fetchone()
        known_urls = {r[0] for r in con.execute("select url from articles").fetchall()}
        window = con.execute(
            "select count(*) from events where event_date between ? and ?",
            [last_event - timedelta(days=29), last_event],
        ).fetchone()[0]
    text = " ".join(tags.text)
    assert f"{articles:,} articles" in text.replace("\n", " ") or f"{articles}articles" in text.replace(" ", "")
    assert result.data.summary.events == events and result.events == window
    assert result.data.start == last_event - timedelta(days=29) and result.data.end == last_event
    assert last_event.isoformat() in html
    # Latest incidents link to the articles that reported them, with their titles.
    links = [a["href"] for t, a in tags.tags if t == "a"]
    assert links and set(links) <= known_urls
    assert len(result.data.incidents) == 15
    assert all(i.articles and all(a.title for a in i.articles) for i in result.data.incidents)
    with read_only(demo_warehouse) as con:
        latest = con.execute("select count(*) from incidents where event_date between ? and ?",
                             [result.data.start, result.data.end]).fetchone()[0]  # fmt: skip
    assert latest >= len(result.data.incidents)


@demo
def test_untrusted_titles_urls_and_names_are_escaped(demo_warehouse: Path, tmp_path: Path):
    db = _copy(demo_warehouse, tmp_path)
    with read_only(db) as con:
        last = con.execute("select max(event_date) from events").fetchone()[0]
    bad_urls = ["javascript:alert(1)", 'http://evil.example/?a="b"&c=<d>']
    with writer(db) as con:
        for i, (title, url) in enumerate(
            [
                ('<script>alert("x")</script> & <b>bold</b>', bad_urls[0]),
                ('"><img src=x onerror=alert(1)>', bad_urls[1]),
            ]
        ):
            con.execute(
                "insert into articles (article_id, url, canonical_url, source, title, version, published_at, text)"
                " values (?, ?, ?, 'gulf-herald', ?, 1, ?, 'x')",
                [f"evil{i}", url, url, title, f"{last} 12:00:00+00"],
            )
            # A name matplotlib would read as broken mathtext, and markup in a place name.
            con.execute(
                "insert into events (event_id, article_id, article_version, event_type, actor1, actor2, country_iso,"
                " place, lat, lon, event_date, killed, evidence, evidence_start, evidence_end, tagger_version)"
                " values (?, ?, 1, 'attack', '$\\frac{$', '<i>them</i>', 'IQ', '<Gaza & co>', 33.3, 44.4, ?, 3,"
                " 'x', 0, 1, 'test')",
                [f"evilev{i}", f"evil{i}", last],
            )
        rebuild_incidents(con, since_date=last)
    out = tmp_path / "report"
    result = build_report(db, out)
    html = (out / "index.html").read_text("utf-8")
    assert "<script>alert" not in html and "<b>bold" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "&lt;Gaza &amp; co&gt;" in html and "&lt;i&gt;them&lt;/i&gt;" in html
    tags = _parse(html)
    hrefs = [a["href"] for t, a in tags.tags if t == "a"]
    assert not any(h.lower().startswith("javascript") for h in hrefs)
    assert bad_urls[1] in hrefs  # escaped in the source, the same URL once parsed
    assert 'href="http://evil.example/?a=&quot;b&quot;&amp;c=&lt;d&gt;"' in html
    assert [t for t, _ in tags.tags if t == "img"] == ["img"] * len(result.images)
    _check_images(out, tags)


def test_empty_warehouse_gives_a_report_saying_there_are_no_events(tmp_path: Path):
    db = tmp_path / "empty.duckdb"
    with writer(db):
        pass
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "map.png").write_bytes(b"an earlier report's chart")
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r" / "index.html").read_text("utf-8")
    assert "There are no events in this warehouse yet" in html
    assert "<img" not in html and not list((tmp_path / "r").glob("*.png"))
    with writer(db) as con:  # an event whose date could not be resolved: still nothing to chart
        con.execute(
            "insert into events (event_id, article_id, article_version, event_type, evidence, evidence_start,"
            " evidence_end, tagger_version) values ('e', 'a', 1, 'threat', 'x', 0, 1, 't')"
        )
    build_report(db, tmp_path / "r")
    assert "None of its 1 events has a date" in (tmp_path / "r" / "index.html").read_text("utf-8")


def _small_warehouse(db: Path, day: date) -> None:
    """Two articles report the same strike (5 and 7 killed), a third event elsewhere has no coordinates."""
    with writer(db) as con:
        con.execute(
            "insert into sources values ('a', 'Outlet A', null, 'en', null, null, now()),"
            " ('b', 'Outlet B', null, 'en', null, null, now())"
        )
        con.execute(
            "insert into articles (article_id, url, canonical_url, source, title, version, published_at) values"
            " ('a1', 'https://a.example/1', 'https://a.example/1', 'a', 'Strike kills five', 1, ?),"
            " ('b1', 'https://b.example/1', 'https://b.example/1', 'b', 'Strike kills seven', 1, ?)",
            [f"{day} 09:00:00+00", f"{day} 11:00:00+00"],
        )
        con.execute(
            "insert into events (event_id, article_id, article_version, event_type, actor1, actor2, country_iso,"
            " place, lat, lon, event_date, killed, injured, evidence, evidence_start, evidence_end, tagger_version)"
            " values ('e1', 'a1', 1, 'air_or_drone_strike', 'IDF', 'Hamas', 'PS', 'Gaza City', 31.5, 34.47, ?, 5,"
            " null, 'x', 0, 1, 't'),"
            " ('e2', 'b1', 1, 'air_or_drone_strike', 'IDF', null, 'PS', 'Gaza City', 31.5, 34.47, ?, 7, 2,"
            " 'x', 0, 1, 't'),"
            " ('e3', 'b1', 1, 'armed_clash', 'SDF', 'Islamic State', 'SY', null, null, null, ?, 2, null,"
            " 'x', 0, 1, 't'),"
            " ('e4', 'b1', 1, 'protest', null, null, 'IQ', 'Baghdad', 33.3, 44.4, ?, null, null, 'x', 0, 1, 't')",
            [day, day, day, day - timedelta(days=40)],
        )
        rebuild_incidents(con)


def test_incidents_are_grouped_and_casualties_not_counted_twice(tmp_path: Path):
    db = tmp_path / "small.duckdb"
    day = date(2024, 3, 10)
    _small_warehouse(db, day)
    with read_only(db) as con:
        data = read_report_data(con, days=30)
    assert (data.start, data.end) == (day - timedelta(days=29), day)
    assert data.window_events == 3 and data.without_coordinates == 1  # e4 is outside the window
    by_type = {i.event_type: i for i in data.incidents}
    strike = by_type["air_or_drone_strike"]
    assert (strike.killed, strike.injured, strike.n_articles, strike.n_sources) == (7, 2, 2, 2)
    assert [a.title for a in strike.articles] == ["Strike kills five", "Strike kills seven"]
    assert [(c[0], c[3], c[4]) for c in data.casualties] == [("PS", 7, 2), ("SY", 2, 0)]
    assert data.points == [(31.5, 34.47, "Gaza City", 2)]
    assert data.actors[0] == ("IDF", 2, 0, 2) and ("Hamas", 0, 1, 1) in data.actors
    assert {(d, t, n) for d, t, n in data.per_day} == {(day, "air_or_drone_strike", 2), (day, "armed_clash", 1)}


def test_the_report_reads_incidents_from_the_incidents_table(tmp_path: Path):
    db = tmp_path / "small.duckdb"
    day = date(2024, 3, 10)
    _small_warehouse(db, day)
    with writer(db) as con:  # what the report shows must come from incidents, not be recomputed from events
        con.execute("update incidents set place = 'Testville', killed = 9 where event_type = 'air_or_drone_strike'")
    out = tmp_path / "r"
    result = build_report(db, out)
    strike = next(i for i in result.data.incidents if i.event_type == "air_or_drone_strike")
    assert (strike.place, strike.killed) == ("Testville", 9)
    html = (out / "index.html").read_text("utf-8")
    assert "Testville" in html and "Strike kills seven" in html


def test_charts_draw_names_that_look_like_mathtext_or_markup(tmp_path: Path):
    from ingest.report import charts

    names = ["$\\frac{$", "a $x^$ b", "<script>", "back\\slash"]
    day = date(2024, 3, 10)
    drawn = [
        charts.top_actors([(n, 2, 1, 3) for n in names], tmp_path / "a.png"),
        charts.event_map([(31.5 + i, 34.5 + i, n, 2) for i, n in enumerate(names)], tmp_path / "m.png"),
        charts.casualties([("PS", n, 3, 1) for n in names], tmp_path / "c.png"),
        charts.events_per_day([(day, n, 1) for n in names], day - timedelta(days=3), day, tmp_path / "d.png"),
    ]
    for chart in drawn:
        with Image.open(chart.path) as im:
            assert im.size == (chart.width, chart.height)


def test_report_command_rejects_bad_input(tmp_path: Path):
    db = tmp_path / "w.duckdb"
    _small_warehouse(db, date(2024, 3, 10))
    for args, message in [
        (["--days", "0"], "--days must be 1 or more"),
        (["--db", str(tmp_path / "missing.duckdb")], "no warehouse at"),
        (["--out", str(db)], "is not a folder"),
    ]:
        result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r"), *args])
        assert result.exit_code == 2, (args, result.output)
        assert result.output.count("error:") == 1 and message in result.output
        assert "Traceback" not in result.output
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r"), "--days", "7"])
    assert result.exit_code == 0 and "3 events" in result.output
    # A window longer than the data starts at the first event (here e4, 40 days before the others).
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "r"), "--days", "999999999"])
    assert result.exit_code == 0 and "4 events" in result.output
    assert "2024-01-30 to 2024-03-10" in (tmp_path / "r" / "index.html").read_text("utf-8")


class _Chromium:
    """Headless Chromium driven over --remote-debugging-pipe (DevTools protocol, NUL-ended JSON on fds 3/4)."""

    def __init__(self, profile: Path) -> None:
        to_child_r, self._to_child_w = os.pipe()
        self._from_child_r, from_child_w = os.pipe()
        # Park the child's ends above 10 so that dup2 onto 3 and 4 cannot clobber one another.
        child_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
        child_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
        os.close(to_child_r)
        os.close(from_child_w)

        def wire() -> None:
            os.dup2(child_r, 3)
            os.dup2(child_w, 4)

        args = [str(CHROMIUM), "--headless", "--disable-gpu", "--no-sandbox", "--remote-debugging-pipe",
                f"--user-data-dir={profile}", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
                "about:blank"]  # fmt: skip
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, pass_fds=(3, 4), preexec_fn=wire)  # fmt: skip
        os.close(child_r)
        os.close(child_w)
        self.events: list[dict[str, Any]] = []
        self._replies: queue.Queue[dict[str, Any]] = queue.Queue()
        self._id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buf = b""
        while chunk := os.read(self._from_child_r, 65536):
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                (self._replies.put if "id" in msg else self.events.append)(msg)

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_child_w, json.dumps(msg).encode() + b"\0")
        while True:
            reply = self._replies.get(timeout=60)
            if reply["id"] == self._id:
                assert "error" not in reply, (method, reply["error"])
                return reply.get("result", {})

    def wait_for(self, method: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            assert time.monotonic() < deadline, f"no {method} within {timeout} s"
            time.sleep(0.05)

    def close(self) -> None:
        try:
            self.call("Browser.close")
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child_w)


@demo
def test_report_opens_in_headless_chromium_with_every_image_loaded(demo_report, tmp_path: Path):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package when run as root")
    result, _out = demo_report
    browser = _Chromium(tmp_path / "profile")
    try:
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.call(f"{domain}.enable", session=session)
        browser.call("Page.navigate", {"url": result.index.resolve().as_uri()}, session=session)
        browser.wait_for("Page.loadEventFired")
        probe = (
            "JSON.stringify({images: Array.from(document.images, i => [i.getAttribute('src'), i.complete,"
            " i.naturalWidth, i.naturalHeight]), scripts: document.scripts.length, h2: document.querySelectorAll('h2')"
            ".length, rows: document.querySelectorAll('tbody tr').length})"
        )
        value = browser.call("Runtime.evaluate", {"expression": probe, "returnByValue": True}, session=session)
        page = json.loads(value["result"]["value"])
        time.sleep(0.3)  # console messages of the load arrive just after it
    finally:
        browser.close()
    problems = [
        json.dumps(e["params"])[:300]
        for e in browser.events
        if e.get("method") in ("Runtime.exceptionThrown", "Network.loadingFailed")
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] in ("error", "warning"))
        or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "warning"))
    ]
    assert not problems, problems  # e.g. "Uncaught ...", "Failed to load resource", a CSP refusal
    assert page["scripts"] == 0 and page["h2"] == 5 and page["rows"] > 15
    assert sorted(src for src, *_ in page["images"]) == sorted(p.name for p in result.images)
    for src, complete, width, height in page["images"]:
        assert complete and width > 0 and height > 0, src
