"""The fetch stage against real HTTP servers on 127.0.0.1: safety (address guard, size caps, deadlines,
redirect limits), politeness (per-host slots, gaps, robots.txt) and readable errors that never raise."""

from __future__ import annotations

import gzip
import itertools
import random
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from badsite import send
from ingest.config import Settings
from ingest.fetch import AddressRefused, Fetcher, next_fetch_after, parse_retry_after
from ingest.fetch.decoding import BoundedDecoder, TooLarge
from ingest.fetch.guard import resolve_target

Handler = Callable[[BaseHTTPRequestHandler], None]
PAGE = b"<html><head><title>t</title></head><body><p>Hello</p></body></html>"


class Server:
    """A tiny routable HTTP server: ``routes[path] = handler(request)``; records every request."""

    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[tuple[float, str, dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                with server._lock:
                    headers = {k.lower(): v for k, v in self.headers.items()}
                    server.requests.append((time.monotonic(), self.path, headers))
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    route = server.routes.get(self.path.split("?")[0])
                    if route is None:
                        self.send_response(404)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                    else:
                        route(self)
                finally:
                    with server._lock:
                        server.in_flight -= 1

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        # The fetcher hangs up on trickles and oversize bodies on purpose: not an error worth a traceback.
        self.httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.allow = frozenset({f"127.0.0.1:{self.port}"})

    def paths(self) -> list[str]:
        return [p for _, p, _ in self.requests]


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    thread = threading.Thread(target=srv.httpd.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


def settings_for(srv: Server, **changes: object) -> Settings:
    base = {"allow_hosts": srv.allow, "host_delay_s": 0.0, "respect_robots": False}
    base.update(changes)
    return Settings(**base)  # type: ignore[arg-type]


def reply(status: int = 200, body: bytes = PAGE, ctype: str | None = "text/html; charset=utf-8",
          headers: dict[str, str] | None = None) -> Handler:  # fmt: skip
    return lambda req: send(req, status, body, ctype, headers)


def redirect(location: str, status: int = 302) -> Handler:
    return reply(status, b"", None, {"Location": location})


# --- address guard --------------------------------------------------------------------------------
def test_loopback_and_private_addresses_are_refused_unless_allowed(server: Server) -> None:
    server.routes["/a"] = reply()
    result = Fetcher(Settings(host_delay_s=0.0, respect_robots=False)).fetch(f"{server.base}/a", kind="article")
    assert result.error is not None and result.error.startswith("refused:") and "127.0.0.1" in result.error
    assert server.requests == [], "a refused address must not be connected to at all"
    for host in ("localhost", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1"):
        with pytest.raises(AddressRefused):
            resolve_target(host, 80, connect_to={}, allow_hosts=frozenset())
    assert Fetcher(settings_for(server)).fetch(f"{server.base}/a", kind="article").ok


def test_connect_to_pins_the_connection_and_keeps_the_host_name(server: Server) -> None:
    server.routes["/story"] = reply()
    settings = settings_for(server, connect_to={"news.example:80": f"127.0.0.1:{server.port}"})
    result = Fetcher(settings).fetch("http://news.example/story", kind="article")
    assert result.ok and result.body == PAGE
    assert server.requests[0][2]["host"] == "news.example"
    assert "me-security-ingest" in server.requests[0][2]["user-agent"]


def test_a_redirect_into_the_private_network_is_refused(server: Server) -> None:
    server.routes["/go"] = redirect("http://10.0.0.7/admin")
    result = Fetcher(settings_for(server)).fetch(f"{server.base}/go", kind="article")
    assert result.error == "refused: 10.0.0.7 resolves to non-public address 10.0.0.7"
    assert result.redirects == ["http://10.0.0.7/admin"]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x/"])
def test_non_http_schemes_are_refused(url: str) -> None:
    result = Fetcher(Settings(host_delay_s=0.0)).fetch(url, kind="feed")
    assert result.error is not None and "is not http(s)" in result.error


def test_a_redirect_to_a_file_url_is_refused(server: Server) -> None:
    server.routes["/x"] = redirect("file:///etc/passwd")
    result = Fetcher(settings_for(server)).fetch(f"{server.base}/x", kind="feed")
    assert result.error == "refused: scheme file:// is not http(s)"


# --- redirects ------------------------------------------------------------------------------------
def test_redirects_are_followed_and_recorded(server: Server) -> None:
    server.routes["/old"] = redirect("/mid", 301)
    server.routes["/mid"] = redirect(f"{server.base}/new", 308)
    server.routes["/new"] = reply()
    result = Fetcher(settings_for(server)).fetch(f"{server.base}/old", kind="article")
    assert result.ok and result.body == PAGE and result.status == 200
    assert result.final_url == f"{server.base}/new"
    assert result.redirects == [f"{server.base}/mid", f"{server.base}/new"]


def test_each_redirect_hop_is_resolved_once(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # With robots.txt on, a hop's address is checked before its robots.txt; the request must then use
    # that same checked address instead of asking DNS again.
    import ingest.fetch.fetcher as fetcher_module

    server.routes["/old"] = redirect("/new", 301)
    server.routes["/new"] = reply()
    server.routes["/robots.txt"] = reply(404, b"", "text/plain")
    calls: list[str] = []
    real = fetcher_module.resolve_target

    def counting(host: str, port: int, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(host)
        return real(host, port, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(fetcher_module, "resolve_target", counting)
    result = Fetcher(settings_for(server, respect_robots=True)).fetch(f"{server.base}/old", kind="article")
    assert result.ok and result.final_url == f"{server.base}/new"
    # robots.txt once, /old once, /new once
    assert len(calls) == 3, calls


def test_redirect_loops_and_long_chains_stop_with_a_reason(server: Server) -> None:
    server.routes["/a"] = redirect("/b")
    server.routes["/b"] = redirect("/a")
    for i in range(10):
        server.routes[f"/c{i}"] = redirect(f"/c{i + 1}")
    fetcher = Fetcher(settings_for(server, max_redirects=3))
    loop = fetcher.fetch(f"{server.base}/a", kind="article")
    assert loop.error == f"redirect loop at {server.base}/a"
    chain = fetcher.fetch(f"{server.base}/c0", kind="article")
    assert chain.error == "too many redirects (4)" and len(chain.redirects) == 3
    assert server.paths().count("/c4") == 0


# --- size caps and deadlines ----------------------------------------------------------------------
def test_a_gzip_bomb_is_refused_without_inflating_it(server: Server) -> None:
    bomb = gzip.compress(b"\0" * 30_000_000, compresslevel=9)  # ~30 KB on the wire, 30 MB inflated
    server.routes["/bomb"] = reply(body=bomb, headers={"Content-Encoding": "gzip"})
    result = Fetcher(settings_for(server, max_page_bytes=1_000_000)).fetch(f"{server.base}/bomb", kind="article")
    assert result.error == "response larger than 1 MB" and result.body == b""


def test_gzip_and_both_kinds_of_deflate_are_decoded(server: Server) -> None:
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    server.routes["/gz"] = reply(body=gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
    server.routes["/zlib"] = reply(body=zlib.compress(PAGE), headers={"Content-Encoding": "deflate"})
    server.routes["/raw"] = reply(body=raw.compress(PAGE) + raw.flush(), headers={"Content-Encoding": "deflate"})
    server.routes["/br"] = reply(body=b"xx", headers={"Content-Encoding": "br"})
    fetcher = Fetcher(settings_for(server))
    for path in ("/gz", "/zlib", "/raw"):
        assert fetcher.fetch(f"{server.base}{path}", kind="article").body == PAGE, path
    assert fetcher.fetch(f"{server.base}/br", kind="article").error == "unsupported content encoding br"


def test_a_declared_oversize_body_is_refused_before_download(server: Server) -> None:
    def huge(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "application/rss+xml")
        req.send_header("Content-Length", "50000000")
        req.end_headers()
        req.wfile.write(b"<rss>")  # then hang up: we must not wait for the rest

    server.routes["/feed"] = huge
    started = time.monotonic()
    result = Fetcher(settings_for(server, max_feed_bytes=2_000_000)).fetch(f"{server.base}/feed", kind="feed")
    assert result.error == "response larger than 2 MB (Content-Length 50000000)"
    assert time.monotonic() - started < 5


def test_an_undeclared_oversize_body_is_cut_off(server: Server) -> None:
    def chunked(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "text/html")
        req.send_header("Connection", "close")
        req.end_headers()
        for _ in range(40):
            req.wfile.write(b"x" * 100_000)

    req_protocol = chunked
    server.routes["/big"] = req_protocol
    result = Fetcher(settings_for(server, max_page_bytes=1_000_000)).fetch(f"{server.base}/big", kind="article")
    assert result.error == "response larger than 1 MB"


def test_a_trickling_server_hits_the_total_deadline(server: Server) -> None:
    def trickle(req: BaseHTTPRequestHandler) -> None:
        req.send_response(200)
        req.send_header("Content-Type", "text/html")
        req.send_header("Content-Length", "1000")
        req.end_headers()
        try:
            for _ in range(1000):
                req.wfile.write(b"x")
                req.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    server.routes["/slow"] = trickle
    settings = settings_for(server, total_deadline_s=1.0, read_timeout_s=5.0)
    started = time.monotonic()
    result = Fetcher(settings).fetch(f"{server.base}/slow", kind="article")
    assert result.error == "timeout after 1 s (total deadline)"
    assert time.monotonic() - started < 3


def test_a_silent_server_hits_the_read_timeout(server: Server) -> None:
    def silent(req: BaseHTTPRequestHandler) -> None:
        time.sleep(2)

    server.routes["/silent"] = silent
    result = Fetcher(settings_for(server, read_timeout_s=0.3)).fetch(f"{server.base}/silent", kind="feed")
    assert result.error == "read timeout after 0.3 s" and result.status is None


def test_a_closed_port_is_connection_refused(server: Server) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = Settings(allow_hosts=frozenset({f"127.0.0.1:{port}"}), host_delay_s=0.0)
    result = Fetcher(settings).fetch(f"http://127.0.0.1:{port}/feed", kind="feed")
    assert result.error == "connection refused" and result.status is None


# --- HTTP semantics -------------------------------------------------------------------------------
def test_conditional_requests_and_304(server: Server) -> None:
    def conditional(req: BaseHTTPRequestHandler) -> None:
        if req.headers.get("If-None-Match") == '"v1"':
            req.send_response(304)
            req.send_header("ETag", '"v1"')
            req.end_headers()
        else:
            reply(headers={"ETag": '"v1"'}, ctype="application/rss+xml")(req)

    server.routes["/feed"] = conditional
    fetcher = Fetcher(settings_for(server))
    first = fetcher.fetch(f"{server.base}/feed", kind="feed")
    assert first.ok and first.headers["etag"] == '"v1"' and not first.not_modified
    since = "Mon, 02 Nov 2026 10:00:00 GMT"
    second = fetcher.fetch(f"{server.base}/feed", kind="feed", etag='"v1"', last_modified=since)
    assert second.ok and second.not_modified and second.body == b""
    assert server.requests[1][2]["if-modified-since"] == "Mon, 02 Nov 2026 10:00:00 GMT"


def test_http_errors_are_readable_and_keep_retry_after(server: Server) -> None:
    server.routes["/busy"] = reply(429, b"slow down", headers={"Retry-After": "120"})
    server.routes["/down"] = reply(503, b"", headers={"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"})
    fetcher = Fetcher(settings_for(server))
    missing = fetcher.fetch(f"{server.base}/nope", kind="article")
    assert (missing.status, missing.error, missing.body) == (404, "HTTP 404 Not Found", b"")
    busy = fetcher.fetch(f"{server.base}/busy", kind="feed")
    assert busy.error == "HTTP 429 Too Many Requests" and busy.retry_after_s == 120
    down = fetcher.fetch(f"{server.base}/down", kind="feed")
    assert down.error == "HTTP 503 Service Unavailable" and down.retry_after_s == 86_400


def test_content_types_that_are_not_pages_are_refused(server: Server) -> None:
    server.routes["/img"] = reply(body=b"\x89PNG....", ctype="image/png")
    server.routes["/xml"] = reply(body=b"<rss/>", ctype="application/xml")
    server.routes["/untyped"] = reply(ctype=None)
    fetcher = Fetcher(settings_for(server))
    assert fetcher.fetch(f"{server.base}/img", kind="article").error == "unsupported content type image/png"
    assert fetcher.fetch(f"{server.base}/img", kind="feed").error == "unsupported content type image/png"
    assert fetcher.fetch(f"{server.base}/xml", kind="feed").body == b"<rss/>"
    assert fetcher.fetch(f"{server.base}/untyped", kind="article").body == PAGE


@pytest.mark.parametrize("url", ["not a url", "http://", "http://127.0.0.1:99999/x", "http://no-such-host.invalid/"])
def test_bad_urls_come_back_as_errors_not_exceptions(url: str) -> None:
    result = Fetcher(Settings(host_delay_s=0.0)).fetch(url, kind="feed")
    assert result.error and result.status is None and result.body == b""


# --- robots.txt -----------------------------------------------------------------------------------
def test_robots_txt_is_fetched_once_and_obeyed(server: Server) -> None:
    server.routes["/robots.txt"] = reply(body=b"User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n",
                                         ctype="text/plain")  # fmt: skip
    server.routes["/private/x"] = reply()
    server.routes["/public/y"] = reply()
    fetcher = Fetcher(settings_for(server, respect_robots=True))
    assert fetcher.fetch(f"{server.base}/private/x", kind="article").error == "disallowed by robots.txt"
    assert fetcher.fetch(f"{server.base}/public/y", kind="article").ok
    assert fetcher.fetch(f"{server.base}/private/x", kind="feed").ok, "feeds are published to be polled"
    assert server.paths().count("/robots.txt") == 1 and "/private/x" in server.paths()
    assert server.paths().index("/private/x") > server.paths().index("/public/y")
    assert fetcher.gate.gap("127.0.0.1") == 1.0


def test_a_missing_robots_txt_allows_and_a_broken_one_disallows(server: Server) -> None:
    server.routes["/page"] = reply()
    assert Fetcher(settings_for(server, respect_robots=True)).fetch(f"{server.base}/page", kind="article").ok
    server.routes["/robots.txt"] = reply(500, b"")
    result = Fetcher(settings_for(server, respect_robots=True)).fetch(f"{server.base}/page", kind="article")
    assert result.error == (
        "robots.txt unreachable (HTTP 500 Internal Server Error): pages of 127.0.0.1 not fetched this run"
    )


# --- politeness -----------------------------------------------------------------------------------
def _fetch_all(fetcher: Fetcher, urls: list[str]) -> None:
    threads = [threading.Thread(target=fetcher.fetch, args=(u,), kwargs={"kind": "article"}) for u in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_at_most_two_requests_in_flight_per_host(server: Server) -> None:
    def slow(req: BaseHTTPRequestHandler) -> None:
        time.sleep(0.2)
        reply()(req)

    server.routes["/s"] = slow
    _fetch_all(Fetcher(settings_for(server, per_host_concurrency=2)), [f"{server.base}/s"] * 8)
    assert len(server.requests) == 8 and server.max_in_flight == 2


def test_request_starts_to_one_host_are_spaced_by_the_gap(server: Server) -> None:
    server.routes["/p"] = reply()
    _fetch_all(Fetcher(settings_for(server, host_delay_s=0.15)), [f"{server.base}/p"] * 5)
    starts = sorted(t for t, _, _ in server.requests)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(starts) == 5 and min(gaps) >= 0.13, gaps


# --- back-off -------------------------------------------------------------------------------------
def test_retry_after_parsing() -> None:
    now = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
    assert parse_retry_after("30") == 30
    assert parse_retry_after("Mon, 02 Nov 2026 10:05:00 GMT", now=now) == 300
    assert parse_retry_after("Mon, 02 Nov 2026 09:00:00 GMT", now=now) == 0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None
    assert parse_retry_after("999999999") == 86_400


def test_back_off_doubles_with_jitter_caps_at_a_day_and_honours_retry_after() -> None:
    now = datetime(2026, 11, 2, tzinfo=UTC)
    rng = random.Random(1)
    delays = [(next_fetch_after(n, retry_after_s=None, base_interval_s=600, now=now, rng=rng) - now).total_seconds()
              for n in range(1, 12)]  # fmt: skip
    for n, delay in enumerate(delays[:5], start=1):
        assert 0.9 * 600 * 2 ** (n - 1) <= delay <= 1.1 * 600 * 2 ** (n - 1)
    assert max(delays) <= 86_400
    asked = next_fetch_after(1, retry_after_s=7200, base_interval_s=600, now=now, rng=rng) - now
    assert timedelta(hours=2) <= asked <= timedelta(hours=2.2)


def test_bounded_decoder_counts_decoded_bytes() -> None:
    decoder = BoundedDecoder("gzip", 100)
    with pytest.raises(TooLarge):
        decoder.feed(gzip.compress(b"a" * 101))
    ok = BoundedDecoder("gzip", 100)
    ok.feed(gzip.compress(b"a" * 100))
    assert ok.finish() == b"a" * 100


# --- scheduling -----------------------------------------------------------------------------------
def test_interleave_by_host_takes_hosts_in_turn_and_keeps_their_order() -> None:
    from ingest.fetch.schedule import interleave_by_host

    urls = [
        "http://a.example/1",
        "http://a.example/2",
        "http://a.example/3",
        "http://B.example/1",
        "http://c.example/1",
    ]
    assert interleave_by_host(urls, str) == [
        "http://a.example/1", "http://B.example/1", "http://c.example/1", "http://a.example/2", "http://a.example/3",
    ]  # fmt: skip
    assert interleave_by_host([], str) == []


def test_fetch_many_returns_results_in_the_order_asked(server: Server) -> None:
    from ingest.pipeline.articles import fetch_many

    server.routes.update({f"/p{i}": reply(body=f"page {i}".encode()) for i in range(6)})
    settings = settings_for(server, connect_to={f"h{i}.example:80": f"127.0.0.1:{server.port}" for i in range(2)})
    urls = [f"http://h{i % 2}.example/p{i}" for i in range(6)]
    urls.sort()  # grouped by host, as a feed lists them
    results = fetch_many(Fetcher(settings), urls, kind="article", workers=3)
    assert [r.url for r in results] == urls
    assert [r.body for r in results] == [f"page {u[-1]}".encode() for u in urls]
