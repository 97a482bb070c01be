"""Incremental runs: what a second nightly run costs when nothing changed.

Runs the nightly flow twice against the bundled demo site (real HTTP on 127.0.0.1, the default 1 s gap
between requests to one host) into a fresh warehouse and prints, for each run, wall time, feeds polled and
how they answered, and article pages fetched. The target: the second run fetches no article, every feed
answers 304 or an unchanged body, and it takes under 10% of the first run's time.

    python bench/incremental.py [--host-delay 1.0]

The flows run through a temporary Prefect API started once before the first run (not timed).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host-delay", type=float, default=1.0)
    args = parser.parse_args()
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "ERROR")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("PREFECT_HOME", str(Path(tmp) / "prefect"))
        from prefect.testing.utilities import prefect_test_harness

        from flows.nightly import nightly
        from ingest.demo.site import DemoSite

        db = Path(tmp) / "bench.duckdb"
        sources = Path(tmp) / "sources.toml"
        rows = []
        with prefect_test_harness(server_startup_timeout=180), DemoSite() as site:
            sources.write_text(site.sources_toml(), "utf-8")
            for label in ("first", "second"):
                before = len(site.request_log)
                clock = time.perf_counter()
                result = nightly(sources=str(sources), db=str(db), connect_to=site.connect_to,
                                 allow_hosts=[f"127.0.0.1:{site.port}"], host_delay=args.host_delay)  # fmt: skip
                wall = time.perf_counter() - clock
                requests = site.request_log[before:]
                pages = sum(1 for _h, path, _s in requests if "/feeds/" not in path and not path.endswith(".rdf"))
                feeds = result["stats"].get("feeds", {})
                rows.append((label, wall, feeds, pages, result["stats"].get("articles", {})))
    print(f"incremental runs against the demo site, host delay {args.host_delay} s")
    print("| run | wall s | feeds polled | not modified | article fetches | articles |\n|---|---|---|---|---|---|")
    for label, wall, feeds, pages, articles in rows:
        print(f"| {label} | {wall:.2f} | {feeds.get('polled', 0)} | {feeds.get('not_modified', 0)} | {pages} | "
              f"{dict(articles)} |")  # fmt: skip
    print(f"second / first wall time: {rows[1][1] / rows[0][1]:.1%} (target under 10%)")


if __name__ == "__main__":
    main()
