"""Pipeline benchmark: articles per second per stage and end to end, peak memory, scaling.

Synthetic articles are built from the demo site's own paragraphs (the project's writing), 2-8 KB of
text each, rendered into the demo outlets' HTML templates (navigation, cookie banner, related links,
comments, newsletter box, ads between paragraphs). Nothing touches the network.

    python bench/pipeline.py                       # N = 1,000 and 10,000, growth test; ~15 min on 2 cores
    python bench/pipeline.py --n 300 --no-growth   # a quick look
    python bench/pipeline.py --growth-only         # growth alone, with the per-batch split; ~6 min
    python bench/pipeline.py --load-only           # bulk load_articles, Arrow append and DuckDB control; ~5 min

What is measured, in one process unless said otherwise (times are inside the stage calls only):
- feed parse: ``parse_feed`` on RSS 2.0 documents of 200 items each (items/s);
- extract, clean, tag: the stages inside ``process_article`` (articles/s of each stage alone);
- load: ``load_articles`` into a DuckDB file, one write transaction per batch (rows/s), at the nightly
  batch size and in bulk (1,000 per transaction); DuckDB's own durable rate for the same texts as a control;
- trafilatura: ``trafilatura.extract`` alone on the same pages (the ratio's baseline);
- end to end: extract + clean + tag + load, 1 process, and with the work split over a process pool;
- the nightly flow's article phase as the flow runs it, network aside (``run_article_batch`` on 4 task
  threads: raw layer, extract + clean + tag on the process pool, one load per batch) beside trafilatura
  alone on the same pages, in wall time and in CPU time per article (main process plus pool workers);
- peak RSS of each N's run (a separate process per N, so the numbers do not mix): flat in N means
  batches stream through memory;
- growth: loading 10,000 articles into an empty warehouse vs one already holding 100,000, each batch's time
  split into open, lookup, write and commit + close.
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

    from ingest.config import Settings
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
        size = Settings().batch_size  # the nightly batch size: one transaction each
        for start in range(0, len(processed), size):
            clock = time.perf_counter()
            with writer(db) as con:
                load_articles(con, processed[start : start + size], "bench")
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


class MemoryFetcher:
    """Stands in for ``Fetcher`` with pages already in memory, so the article phase runs without network."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self.pages = pages

    def fetch(self, url: str, *, kind: str, **_: object):
        from ingest.fetch import FetchResult

        return FetchResult(url=url, final_url=url, kind=kind, status=200, headers={"content-type": "text/html"},
                           body=self.pages[url], error=None, elapsed_ms=0, fetched_at=datetime.now(UTC))  # fmt: skip


def flow_rate(n: int, processes: int, batch_size: int, tasks: int = 4) -> dict[str, float]:
    """Articles per second through the nightly flow's article phase, network aside: ``run_article_batch``
    (raw layer written first, extract + clean + tag on a process pool, one load transaction per batch) on
    ``tasks`` threads as the flow's task runner runs them, against trafilatura alone on the same pages,
    in one process and in a pool of ``processes``."""
    from concurrent.futures import ThreadPoolExecutor

    import trafilatura

    from ingest.pipeline.articles import run_article_batch
    from ingest.pipeline.common import chunks
    from ingest.pipeline.plan import ArticleJob
    from ingest.pipeline.pool import processing_map
    from ingest.warehouse import read_only, writer

    pages: dict[str, bytes] = {}
    jobs: list[ArticleJob] = []
    for batch in synthetic_batches(n, seed=11):
        for url, title, published, html in batch:
            pages[url] = html.encode()
            jobs.append(ArticleJob(url=url, feed_url="https://bench.example/feed.xml", source="bench", reason="new",
                                   entry_title=title, entry_published=published))  # fmt: skip
    out: dict[str, float] = {"n": n, "processes": processes, "batch_size": batch_size}

    def trafilatura_pass() -> None:  # the baseline at its best: the faster of a pass before and after ours
        clock, cpu = time.perf_counter(), time.process_time()
        for url, body in pages.items():
            trafilatura.extract(body.decode(), url=url)
        wall, cpu = time.perf_counter() - clock, time.process_time() - cpu
        if wall < out.get("trafilatura_1", float("inf")):
            out["trafilatura_1"], out["trafilatura_cpu"] = wall, cpu

    for url, body in list(pages.items())[:20]:
        trafilatura.extract(body.decode(), url=url)  # warm, as the pool's workers are warmed below
    trafilatura_pass()
    with processing_map(processes) as pmap:
        list(pmap(_trafilatura, list(pages.items())[:processes]))  # start the workers outside the timing
        clock = time.perf_counter()
        list(pmap(_trafilatura, list(pages.items())))
        out["trafilatura_pool"] = time.perf_counter() - clock
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "flow.duckdb"
        with writer(db):
            pass  # create and migrate outside the timing, as an existing warehouse would be
        fetcher = MemoryFetcher(pages)
        with processing_map(processes) as pmap, ThreadPoolExecutor(max_workers=tasks) as runner:
            # Warm workers (modules imported, tagger tables built), as a long run's workers are.
            warm = [(j, pages[j.url], j.url, f"warm-{j.url}") for j in jobs[: processes * 4]]
            list(pmap(_process, warm))
            workers_cpu = _live_children_cpu()
            warm_cpu = time.process_time()
            clock = time.perf_counter()
            list(runner.map(lambda b: run_article_batch(fetcher, db, "bench", b, workers=1, map_fn=pmap),
                            chunks(jobs, batch_size)))  # fmt: skip
            out["flow"] = time.perf_counter() - clock
            out["flow_cpu_main"] = time.process_time() - warm_cpu
            out["flow_cpu_workers"] = _live_children_cpu() - workers_cpu
        trafilatura_pass()
        with read_only(db) as con:
            out["loaded"] = con.execute("select count(*) from articles").fetchone()[0]
            out["raw"] = con.execute("select count(*) from raw_documents").fetchone()[0]
    return out


def _live_children_cpu() -> float:
    """CPU seconds so far of this process's running children (the pool's workers), from /proc (Linux);
    NaN elsewhere. getrusage counts children only once they exit, start-up included."""
    total, found, tick = 0.0, False, os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == os.getpid():  # fields[1] is the parent pid; utime, stime are fields[11:13]
            total += (int(fields[11]) + int(fields[12])) / tick
            found = True
    return total if found else float("nan")


def _trafilatura(item: tuple[str, bytes]) -> None:
    import trafilatura

    url, body = item
    trafilatura.extract(body.decode(), url=url)


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
    from ingest.pipeline.load import _article_table
    from ingest.warehouse import append, writer

    now = datetime.now(UTC)
    articles = list(synthetic_processed(n, offset=50_000_000))
    clock = time.perf_counter()
    table = _article_table(articles, [1] * n, [None] * n, "bench", now)  # what every load does with its articles
    built = time.perf_counter() - clock
    with writer(db):
        pass  # create and migrate the warehouse outside the timing
    clock = time.perf_counter()
    with writer(db) as con:  # timed: open, insert, commit, close (DuckDB checkpoints the file on close)
        append(con, "articles", table)
    inserted = time.perf_counter() - clock
    return n / inserted, n / (inserted + built)


def duckdb_floor_rate(db: Path, n: int = 100_000) -> float:
    """Control: rows per second DuckDB itself takes durably (insert, commit, close) into a bare two-column
    table (id, text) with the same texts as ``append_rate``: the ceiling for any article load here."""
    import duckdb
    import pyarrow as pa

    texts = [p.text for p in synthetic_processed(n, offset=50_000_000)]
    table = pa.table({"id": pa.array(range(n), pa.int64()), "text": texts})
    with duckdb.connect(str(db)) as con:
        con.execute("create table t (id bigint, text varchar)")
    clock = time.perf_counter()
    con = duckdb.connect(str(db))
    con.begin()
    con.register("v", table)
    con.execute("insert into t select id, text from v")
    con.commit()
    con.close()  # checkpoints the file
    return n / (time.perf_counter() - clock)


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


def growth(tmp: Path, existing: int = 100_000, new: int = 10_000) -> dict[str, object]:
    """Seconds to load ``new`` articles (in nightly batches) into an empty warehouse and into one
    already holding ``existing`` articles from earlier days, with each batch's time split into: open (connect,
    migration check, begin), lookup (existing articles and duplicate checks), write (rows built and upserted),
    commit + close (DuckDB checkpoints the file when the last connection closes)."""
    from ingest.config import Settings
    from ingest.pipeline.load import load_articles
    from ingest.warehouse import writer

    fresh = list(synthetic_processed(new, offset=0, day0=datetime(2025, 1, 1, tzinfo=UTC)))
    out: dict[str, object] = {}
    size = Settings().batch_size
    for label, prefill in (("empty", 0), ("grown", existing)):
        db = tmp / f"growth-{label}.duckdb"
        clock = time.perf_counter()
        for start in range(0, prefill, 5000):  # earlier days, loaded in bulk
            with writer(db) as con:
                load_articles(con, list(synthetic_processed(min(5000, prefill - start), offset=1_000_000 + start)),
                              "prefill")  # fmt: skip
        with writer(db):
            pass  # create and migrate the empty one outside the timing too
        out[f"prefill_s_{label}"] = time.perf_counter() - clock
        batches: list[dict[str, float]] = []
        clock = time.perf_counter()
        for start in range(0, new, size):
            t: dict[str, float] = {}
            t0 = time.perf_counter()
            with writer(db) as con:
                t1 = time.perf_counter()
                load_articles(con, fresh[start : start + size], "bench", timings=t)
                t2 = time.perf_counter()
            t["open"], t["commit_close"] = t1 - t0, time.perf_counter() - t2
            batches.append(t)
        out[label] = time.perf_counter() - clock
        out[f"batches_{label}"] = batches
    return out


def print_growth(g: dict[str, object], existing: int, new: int) -> None:
    ratio = g["grown"] / g["empty"]  # type: ignore[operator]
    print(f"growth: {new:,} new articles in nightly batches: empty warehouse {g['empty']:.1f} s, "
          f"warehouse holding {existing:,} {g['grown']:.1f} s (ratio {ratio:.2f}; "
          f"prefill took {g['prefill_s_grown']:.0f} s)")  # fmt: skip
    parts = ("open", "lookup", "write", "commit_close")
    print("per batch, ms (median over the batches; first and last tenth of the run in brackets):")
    print("| warehouse | " + " | ".join(parts) + " | total |\n|---|" + "---|" * (len(parts) + 1))
    for label in ("empty", "grown"):
        batches: list[dict[str, float]] = g[f"batches_{label}"]  # type: ignore[assignment]
        tenth = max(1, len(batches) // 10)
        cells = []
        for part in (*parts, "total"):
            values = [sum(b[p] for p in parts) if part == "total" else b[part] for b in batches]
            first, last = sorted(values[:tenth]), sorted(values[-tenth:])
            cells.append(f"{1000 * _median(values):.0f} ({1000 * _median(first):.0f} / {1000 * _median(last):.0f})")
        print(f"| {label} | " + " | ".join(cells) + " |")


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")


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
    parser.add_argument("--growth-only", action="store_true", help="only the growth measurement")
    parser.add_argument("--load-only", action="store_true", help="only the bulk load, append and control rates")
    parser.add_argument("--growth-existing", type=int, default=100_000, help="articles already in the grown warehouse")
    parser.add_argument("--growth-new", type=int, default=10_000, help="new articles loaded into both warehouses")
    parser.add_argument("--flow-n", type=int, default=1000, help="articles for the flow-shaped run (0: skip)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _child(args)
        return
    if args.growth_only:
        with tempfile.TemporaryDirectory() as tmp:
            g = growth(Path(tmp), args.growth_existing, args.growth_new)
        print_growth(g, args.growth_existing, args.growth_new)
        return
    print(f"pipeline benchmark: {os.cpu_count()} cores, python {sys.version.split()[0]}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")  # fmt: skip
    from ingest.tag import native

    print(f"tag stage {native.status()}")
    if args.load_only:
        print_load_rates()
        return
    rows = []
    for n in args.n:
        cmd = [sys.executable, __file__, "--one", str(n), "--baseline", str(min(args.baseline, n)),
               "--processes", str(args.processes), "--pool-sample", str(min(args.pool_sample, n))]  # fmt: skip
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(out.stderr[-3000:])
            raise SystemExit(f"the run for N={n} failed")
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    header = ("N", "feed items/s", "extract/s", "clean/s", "tag/s", "load rows/s (nightly batch)", "e2e/s 1 proc",
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
    if args.flow_n:
        from ingest.config import Settings

        f = flow_rate(args.flow_n, args.processes, Settings().batch_size)
        flow, traf1, trafp = (_rate(f["n"], f[k]) for k in ("flow", "trafilatura_1", "trafilatura_pool"))
        print(f"\nNightly article phase without the network (run_article_batch: raw layer, extract + clean + tag on "
              f"{args.processes} processes, load), {f['n']:,.0f} articles in batches of {f['batch_size']:.0f} on 4 "
              "task threads, beside trafilatura alone on the same pages:")  # fmt: skip
        cpu = f["flow_cpu_main"] + f["flow_cpu_workers"]
        print(f"| e2e articles/s | trafilatura 1 proc | ratio | trafilatura {args.processes} procs | ratio | "
              "CPU ms/article e2e (main + workers) | trafilatura CPU ms/article | loaded | raw |\n"
              "|---|---|---|---|---|---|---|---|---|")  # fmt: skip
        print(f"| {flow:,.1f} | {traf1:,.1f} | {flow / traf1:.2f} | {trafp:,.1f} | {flow / trafp:.2f} | "
              f"{1000 * cpu / f['n']:.1f} ({1000 * f['flow_cpu_main'] / f['n']:.1f} + "
              f"{1000 * f['flow_cpu_workers'] / f['n']:.1f}) | {1000 * f['trafilatura_cpu'] / f['n']:.1f} | "
              f"{f['loaded']:,.0f} | {f['raw']:,.0f} |")  # fmt: skip
    print_load_rates()
    if not args.no_growth:
        with tempfile.TemporaryDirectory() as tmp:
            g = growth(Path(tmp), args.growth_existing, args.growth_new)
        print_growth(g, args.growth_existing, args.growth_new)


def print_load_rates() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rate = bulk_load_rate(Path(tmp) / "bulk.duckdb")
        print(f"\nload_articles in bulk (1,000 articles per transaction, with versions, URLs and 2 events each): "
              f"{rate:,.0f} article rows/s")  # fmt: skip
        arrow_rate, python_rate = append_rate(Path(tmp) / "append.duckdb")
        print(f"warehouse bulk append of 100,000 article rows (~2-8 KB of text each), one transaction: "
              f"{arrow_rate:,.0f} rows/s from an Arrow table, {python_rate:,.0f} rows/s counting the "
              "Python-to-Arrow conversion")  # fmt: skip
        floor = duckdb_floor_rate(Path(tmp) / "floor.duckdb")
        print(f"control: DuckDB alone, the same 100,000 texts into a bare (id, text) table, one transaction: "
              f"{floor:,.0f} rows/s")  # fmt: skip


if __name__ == "__main__":
    main()
