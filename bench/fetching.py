"""Fetch throughput against the politeness floor.

A local site with N articles spread over H host names (h0.bench ... on loopback aliases 127.0.0.2, 127.0.0.3,
...; every response delayed by a fixed latency) is fetched with the project's Fetcher and the pipeline's
``fetch_many`` (robots.txt honoured, per-host slots and gaps as configured). The politeness floor is what
the limits alone imply: on the busiest host, (requests - 1) gaps plus one response, where requests counts
its robots.txt too. Target: fetch time within 1.5x of that floor.

    python bench/fetching.py [--articles 200] [--hosts 10] [--latency 0.1] [--host-delay 1.0]
"""

from __future__ import annotations

import argparse
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ingest.config import Settings
from ingest.fetch import Fetcher
from ingest.pipeline.articles import fetch_many

PAGE = b"<html><head><title>Bench</title></head><body>" + b"<p>Rockets hit a base.</p>" * 200 + b"</body></html>"


def serve(address: str, latency: float) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            time.sleep(latency)
            body = b"User-agent: *\nAllow: /\n" if self.path == "/robots.txt" else PAGE
            self.send_response(200)
            self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((address, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds every response is delayed")
    parser.add_argument("--host-delay", type=float, default=1.0, help="minimum gap between starts per host")
    parser.add_argument("--grouped", action="store_true", help="list URLs host by host, as feeds do")
    args = parser.parse_args()

    servers = [serve(f"127.0.0.{i + 2}", args.latency) for i in range(args.hosts)]
    connect_to = {f"h{i}.bench:80": f"127.0.0.{i + 2}:{s.server_address[1]}" for i, s in enumerate(servers)}
    settings = Settings(
        host_delay_s=args.host_delay,
        allow_hosts=frozenset(connect_to.values()),
        connect_to=connect_to,
    )
    urls = [f"http://h{i % args.hosts}.bench/news/{i}" for i in range(args.articles)]
    if args.grouped:  # as a feed lists them: one host's articles together
        urls.sort(key=lambda u: u.split("/")[2])
    per_host = Counter(u.split("/")[2] for u in urls)
    busiest = max(per_host.values()) + 1  # + its robots.txt
    floor = (busiest - 1) * args.host_delay + args.latency
    try:
        with Fetcher(settings) as fetcher:
            started = time.perf_counter()
            results = fetch_many(fetcher, urls, kind="article", workers=settings.max_workers)
            wall = time.perf_counter() - started
    finally:
        for server in servers:
            server.shutdown()
    failed = [r for r in results if not r.ok]
    limits = f"{settings.per_host_concurrency} per host, {settings.max_workers} overall"
    print(
        f"{args.articles} articles over {args.hosts} hosts ({'grouped by host' if args.grouped else 'interleaved'}), "
        f"{args.latency * 1000:.0f} ms latency, gap {args.host_delay:g} s, {limits}"
    )
    print(f"{'fetch time':<26}{wall:8.2f} s")
    print(f"{'politeness floor':<26}{floor:8.2f} s   ({busiest} requests on the busiest host)")
    print(f"{'ratio (target <= 1.5)':<26}{wall / floor:8.2f}")
    print(f"{'pages per second':<26}{args.articles / wall:8.1f}")
    print(f"{'failed':<26}{len(failed):8d}" + (f"   first: {failed[0].error}" if failed else ""))


if __name__ == "__main__":
    main()
