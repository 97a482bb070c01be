"""Pipeline benchmark: articles per second per stage and end to end, peak memory, scaling.

Synthetic articles are built from the demo site's own paragraphs (the project's writing), 2-8 KB of
text each, rendered into the demo outlets' HTML templates (navigation, cookie banner, related links,
comments, newsletter box, ads between paragraphs). Nothing touches the network.

    python bench/pipeline.py                       # N = 1,000 and 10,000, growth test; ~15 min on 2 cores
    python bench/pipeline.py --n 300 --no-growth   # a quick look

What is measured, in one process unless said otherwise (times are inside the stage calls only):
- feed parse: ``parse_feed`` on RSS 2.0 documents of 200 items each (items/s);
- extract, clean, tag: the stages inside ``process_article`` (articles/s of each stage alone);
- load: ``load_articles`` into a DuckDB file, one write transaction per batch (rows/s), at the nightly
  batch size (50) and in bulk (1,000 per transaction);
- trafilatura: ``trafilatura.extract`` alone on the same pages (the ratio's baseline);
- end to end: extract + clean + tag + load, 1 process, and with the work split over a process pool;
- peak RSS of each N's run (a separate process per N, so the numbers do not mix): flat in N means
  batches stream through memory;
- growth: loading 10,000 articles into an empty warehouse vs one already holding 100,000.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

BATCH = 200  # synthetic articles generated, parsed and processed per step (memory stays bounded)


def _paragraph_pool() -> list[str]:
    from ingest.demo.content import load_articles

    return [p for a in load_articles() for p in a.paragraphs if len(p) > 80]


def synthetic_batches(n: int, seed: int = 7) -> Iterator[list[tuple[str, str, datetime, str]]]:
    """Yield batches of (url, title, published, html); 300 articles a day from 2024-01-01."""
    from ingest.demo.content import load_articles, load_outlets
    from ingest.demo.render import render_article

    rng = random.Random(seed)
    pool = _paragraph_pool()
    bases = load_articles()
    outlets = load_outlets()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    batch: list[tuple[str, str, datetime, str]] = []
    for i in range(n):
        base = rng.choice(bases)
        outlet = rng.choice(outlets)
        target = rng.randint(2000, 8000)
        paragraphs: list[str] = []
        while sum(len(p) for p in paragraphs) < target:
            paragraphs.append(rng.choice(pool))
        # A sentence of its own keeps each text distinct, as real follow-up stories are.
        filed = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        paragraphs.insert(1, f"Correspondent {i} filed this report at {filed}.")
        slug = f"{base.slug}-{i}"
        published = start + timedelta(seconds=i * 288)
        url = f"https://{outlet.host}/bench/{slug}"
        article = replace(base, slug=slug, title=f"{base.title} ({i})", paragraphs=tuple(paragraphs),
                          published=published, updated=None, outlets=(outlet.key,),
                          urls={outlet.host: url})  # fmt: skip
        related = [replace(b, urls={outlet.host: f"https://{outlet.host}/bench/{b.slug}"}) for b in bases[:4]]
        batch.append((url, article.title, published, render_article(article, outlet, related, None)))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def rss(items: list[tuple[str, str, datetime, str]]) -> bytes:
    from email.utils import format_datetime

    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link><guid>{escape(u)}</guid>"
        f"<pubDate>{format_datetime(p)}</pubDate><description>{escape(t)}</description></item>"
        for u, t, p, _ in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>bench</title>'
            f"<link>https://bench.example/</link>{entries}</channel></rss>").encode()  # fmt: skip


def run_one(n: int, db: Path, baseline: int, processes: int, pool_sample: int) -> dict[str, float]:
    """Stream N articles through every stage; returns seconds per stage and counts."""
    import trafilatura

    from ingest.feeds import parse_feed
    from ingest.pipeline.load import load_articles
    from ingest.pipeline.plan import ArticleJob
    from ingest.pipeline.pool import processing_map
    from ingest.pipeline.process import ProcessedArticle, process_article
    from ingest.warehouse import writer

    t: dict[str, float] = {"feed": 0.0, "trafilatura": 0.0, "load": 0.0, "pool": 0.0, "inproc_sample": 0.0}
    counts = {"articles": 0, "failed": 0, "events": 0, "feed_items": 0, "baseline": 0, "pool_sample": 0}
    with writer(db):
        pass  # migrations outside the timed loads
    sample: list[tuple[ArticleJob, bytes, str, str]] = []
    for batch in synthetic_batches(n):
        clock = time.perf_counter()
        parsed = parse_feed(rss(batch), "https://bench.example/feed.xml", "application/rss+xml")
        t["feed"] += time.perf_counter() - clock
        counts["feed_items"] += len(parsed.entries)
        processed: list[ProcessedArticle] = []
        for url, title, published, html in batch:
            body = html.encode()
            job = ArticleJob(url=url, feed_url="https://bench.example/feed.xml", source="bench", reason="new",
                             entry_title=title, entry_published=published)  # fmt: skip
            if len(sample) < pool_sample:
                sample.append((job, body, url, f"raw-{url}"))
            if counts["baseline"] < baseline:
                clock = time.perf_counter()
                trafilatura.extract(html, url=url)
                t["trafilatura"] += time.perf_counter() - clock
                counts["baseline"] += 1
            outcome = process_article(job, body, url, f"raw-{url}", timings=t)
            if isinstance(outcome, ProcessedArticle):
                processed.append(outcome)
                counts["events"] += len(outcome.events)
            else:
                counts["failed"] += 1
        for start in range(0, len(processed), 50):  # the nightly batch size: one transaction each
            clock = time.perf_counter()
            with writer(db) as con:
                load_articles(con, processed[start : start + 50], "bench")
            t["load"] += time.perf_counter() - clock
        counts["articles"] += len(processed)
    if processes > 1 and sample:
        clock = time.perf_counter()
        list(map(_process, sample))
        t["inproc_sample"] = time.perf_counter() - clock
        with processing_map(processes) as pmap:
            list(pmap(_process, sample[:processes]))  # start the workers outside the timing
            clock = time.perf_counter()
            list(pmap(_process, sample))
            t["pool"] = time.perf_counter() - clock
        counts["pool_sample"] = len(sample)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {**t, **counts, "peak_rss_mb": peak_kb / 1024, "n": n}


def _process(args):  # top level: a process pool pickles it by name
    from ingest.pipeline.process import process_article

    return process_article(*args)


def bulk_load_rate(db: Path, n: int = 10_000) -> float:
    """Rows per second for ``load_articles`` with 1,000 articles per transaction."""
    from ingest.pipeline.load import load_articles
    from ingest.warehouse import writer

    articles = list(synthetic_processed(n, offset=10_000_000))
    clock = time.perf_counter()
    for start in range(0, n, 1000):
        with writer(db) as con:
            load_articles(con, articles[start : start + 1000], "bench")
    return n / (time.perf_counter() - clock)


def append_rate(db: Path, n: int = 100_000) -> tuple[float, float]:
    """Article rows per second through the warehouse's bulk path (``warehouse.append`` of an Arrow table,
    one transaction, commit and close included), and the same including building the Arrow table from
    Python rows."""
    import pyarrow as pa

    from ingest.pipeline.load import _article_row
    from ingest.warehouse import append, writer

    now = datetime.now(UTC)
    rows = [_article_row(p, 1, None, "bench", now) for p in synthetic_processed(n, offset=50_000_000)]
    clock = time.perf_counter()
    table = pa.Table.from_pylist(rows)
    built = time.perf_counter() - clock
    with writer(db):
        pass  # create and migrate the warehouse outside the timing
    clock = time.perf_counter()
    with writer(db) as con:  # timed: open, insert, commit, close (DuckDB checkpoints the file on close)
        append(con, "articles", table)
    inserted = time.perf_counter() - clock
    return n / inserted, n / (inserted + built)


def synthetic_processed(n: int, offset: int = 0, day0: datetime | None = None) -> Iterator:
    """ProcessedArticle objects without running extract/tag, for load-only measurements."""
    from ingest.clean import content_hash, simhash
    from ingest.pipeline.process import ProcessedArticle

    rng = random.Random(offset)
    pool = _paragraph_pool()
    day0 = day0 or datetime(2024, 1, 1, tzinfo=UTC)
    for i in range(offset, offset + n):
        text = "\n\n".join([f"Report {i}.", *rng.sample(pool, 6)])
        url = f"https://load.example/a/{i}"
        event = {"event_type": "air_or_drone_strike", "country_iso": "IQ", "evidence": text[:60],
                 "evidence_start": 0, "evidence_end": 60, "confidence": 0.8, "tagger_version": "bench"}  # fmt: skip
        yield ProcessedArticle(
            article_id=f"{i:016x}", url=url, canonical_url=url, urls=[url], source="bench",
            feed_url="https://load.example/feed", guid=None, title=f"Story {i}", authors=["A. Writer"],
            published_at=day0 + timedelta(seconds=(i - offset) * 288), feed_updated_at=None, language="en",
            summary=None, text=text, content_hash=content_hash(text), simhash=simhash(text), raw_id=f"r{i}",
            extractor_version="bench", relevance=0.9, topics=["bench"], tagger_version="bench",
            events=[event, {**event, "event_type": "military_deployment"}],
        )  # fmt: skip


def growth(tmp: Path, existing: int = 100_000, new: int = 10_000) -> dict[str, float]:
    """Seconds to load ``new`` articles (nightly batches of 50) into an empty warehouse and into one
    already holding ``existing`` articles from earlier days."""
    from ingest.pipeline.load import load_articles
    from ingest.warehouse import writer

    fresh = list(synthetic_processed(new, offset=0, day0=datetime(2025, 1, 1, tzinfo=UTC)))
    out: dict[str, float] = {}
    for label, prefill in (("empty", 0), ("grown", existing)):
        db = tmp / f"growth-{label}.duckdb"
        clock = time.perf_counter()
        for start in range(0, prefill, 5000):  # earlier days, loaded in bulk
            with writer(db) as con:
                load_articles(con, list(synthetic_processed(min(5000, prefill - start), offset=1_000_000 + start)),
                              "prefill")  # fmt: skip
        out[f"prefill_s_{label}"] = time.perf_counter() - clock
        clock = time.perf_counter()
        for start in range(0, new, 50):
            with writer(db) as con:
                load_articles(con, fresh[start : start + 50], "bench")
        out[label] = time.perf_counter() - clock
    return out


def _child(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        result = run_one(args.one, Path(tmp) / "bench.duckdb", args.baseline, args.processes, args.pool_sample)
    print(json.dumps(result))


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--baseline", type=int, default=1000, help="pages for the trafilatura baseline")
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--pool-sample", type=int, default=1000, help="articles for the process-pool comparison")
    parser.add_argument("--no-growth", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _child(args)
        return
    print(f"pipeline benchmark: {os.cpu_count()} cores, python {sys.version.split()[0]}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")  # fmt: skip
    rows = []
    for n in args.n:
        cmd = [sys.executable, __file__, "--one", str(n), "--baseline", str(min(args.baseline, n)),
               "--processes", str(args.processes), "--pool-sample", str(min(args.pool_sample, n))]  # fmt: skip
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(out.stderr[-3000:])
            raise SystemExit(f"the run for N={n} failed")
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    header = ("N", "feed items/s", "extract/s", "clean/s", "tag/s", "load rows/s", "e2e/s 1 proc",
              "trafilatura/s", "ratio", f"e2e/s {args.processes} proc", "ratio", "peak MB")  # fmt: skip
    print("\n| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for r in rows:
        n = r["articles"]
        e2e = _rate(n, r["extract"] + r["clean"] + r["tag"] + r["load"])
        traf = _rate(r["baseline"], r["trafilatura"])
        cpu_pool = _rate(r["pool_sample"], r["pool"]) if r["pool"] else float("nan")
        e2e_pool = 1 / (1 / cpu_pool + r["load"] / n) if r["pool"] else float("nan")
        cells = [r["n"], _rate(r["feed_items"], r["feed"]), _rate(n, r["extract"]), _rate(n, r["clean"]),
                 _rate(n, r["tag"]), _rate(n, r["load"]), e2e, traf, e2e / traf, e2e_pool, e2e_pool / traf,
                 r["peak_rss_mb"]]  # fmt: skip
        print("| " + " | ".join(f"{c:,.2f}" if isinstance(c, float) and c < 10 else f"{c:,.0f}" for c in cells) + " |")
    for r in rows:
        if r["pool"]:
            speedup = r["inproc_sample"] / r["pool"]
            print(f"\nN={r['n']}: extract+clean+tag on {r['pool_sample']} articles: 1 process "
                  f"{r['inproc_sample']:.1f} s, {args.processes} processes {r['pool']:.1f} s: speed-up {speedup:.2f}x; "
                  f"{r['failed']} failed, {r['events']} events")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        rate = bulk_load_rate(Path(tmp) / "bulk.duckdb")
        print(f"\nload_articles in bulk (1,000 articles per transaction, with versions, URLs and 2 events each): "
              f"{rate:,.0f} article rows/s")  # fmt: skip
        arrow_rate, python_rate = append_rate(Path(tmp) / "append.duckdb")
        print(f"warehouse bulk append of 100,000 article rows (~2-8 KB of text each), one transaction: "
              f"{arrow_rate:,.0f} rows/s from an Arrow table, {python_rate:,.0f} rows/s counting the "
              "Python-to-Arrow conversion")  # fmt: skip
        if not args.no_growth:
            g = growth(Path(tmp))
            print(f"growth: 10,000 new articles in nightly batches of 50: empty warehouse {g['empty']:.1f} s, "
                  f"warehouse holding 100,000 {g['grown']:.1f} s (ratio {g['grown'] / g['empty']:.2f}; "
                  f"prefill took {g['prefill_s_grown']:.0f} s)")  # fmt: skip


if __name__ == "__main__":
    main()
