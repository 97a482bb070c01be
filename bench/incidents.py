"""Incident clustering at scale: full rebuild and a nightly-sized incremental one on synthetic events.

Builds a throw-away warehouse with N events (default 200,000) spread over two years, seven event types,
seven countries and 300 places (a quarter of the events name no place), loaded from Arrow in one
statement, then times ``rebuild_incidents`` over everything and over the last week only.

    python bench/incidents.py [--events 200000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

from ingest.warehouse import apply_migrations, connect
from ingest.warehouse.incidents import rebuild_incidents

TYPES = ["air_or_drone_strike", "shelling_artillery_missile", "attack", "armed_clash", "maritime_attack", "threat"]
COUNTRIES = ["IQ", "SY", "YE", "LB", "PS", "IL", "IR"]
TARGETS = ["US forces", None, "IDF", "Houthis"]
START, DAYS = date(2023, 1, 1), 730


def synthetic(n: int, seed: int = 0) -> tuple[pa.Table, pa.Table]:
    rng = np.random.default_rng(seed)
    n_articles = max(1, n // 3)
    ids = [f"a{i}" for i in range(n_articles)]
    articles = pa.table({
        "article_id": ids, "url": ids, "canonical_url": ids, "source": [f"s{i % 40}" for i in range(n_articles)],
        "version": pa.array(np.ones(n_articles, dtype=np.int32)),
        "published_at": pa.array([START + timedelta(days=int(d)) for d in rng.integers(DAYS, size=n_articles)],
                                 pa.date32()).cast(pa.timestamp("us", tz="UTC")),
    })  # fmt: skip
    places = [f"place{i}" for i in range(300)] + [None] * 100
    events = pa.table({
        "event_id": [f"e{i}" for i in range(n)],
        "article_id": [ids[i] for i in rng.integers(n_articles, size=n)],
        "article_version": pa.array(np.ones(n, dtype=np.int32)),
        "event_type": [TYPES[i] for i in rng.integers(len(TYPES), size=n)],
        "country_iso": [COUNTRIES[i] for i in rng.integers(len(COUNTRIES), size=n)],
        "place": [places[i] for i in rng.integers(len(places), size=n)],
        "event_date": pa.array([START + timedelta(days=int(d)) for d in rng.integers(DAYS, size=n)], pa.date32()),
        "actor2": [TARGETS[i] for i in rng.integers(len(TARGETS), size=n)],
        "evidence": ["s"] * n,
        "evidence_start": pa.array(np.zeros(n, dtype=np.int32)),
        "evidence_end": pa.array(np.ones(n, dtype=np.int32)),
        "tagger_version": ["bench"] * n,
    })  # fmt: skip
    return articles, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    args = parser.parse_args()
    articles, events = synthetic(args.events)
    with tempfile.TemporaryDirectory() as tmp:
        con = connect(Path(tmp) / "bench.duckdb")
        try:
            apply_migrations(con)
            con.register("bench_articles", articles)
            con.register("bench_events", events)
            con.execute("insert into articles by name select *, published_at as first_seen_at from bench_articles")
            con.execute("insert into events by name select * from bench_events")
            for label, since in (("full rebuild", None), ("last 7 days", START + timedelta(days=DAYS - 7))):
                started = time.perf_counter()
                con.begin()
                stats = rebuild_incidents(con, since_date=since)
                con.commit()
                took = time.perf_counter() - started
                print(f"{label:>13}: {took:6.2f} s  {stats.events:>8,} events -> {stats.incidents:>8,} incidents")
        finally:
            con.close()


if __name__ == "__main__":
    main()
