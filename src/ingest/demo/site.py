"""The bundled demo news site: three fictional outlets served over real HTTP on 127.0.0.1.

``ingest demo`` and the end-to-end tests run the real pipeline against it. Every page and feed is
rendered once when the site is built, so a request only looks up bytes; the server dispatches on the
Host header, which lets the fetcher keep stable ``http://<outlet>.example/...`` URLs while a
curl-style connect-to override sends the bytes to 127.0.0.1 (see ``DemoSite.connect_to``).

Run ``python -m ingest.demo.site`` to serve it in the foreground and poke at it with curl.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

from ingest.demo.content import Article, Outlet, load_articles, load_outlets, load_site_facts, section_slug
from ingest.demo.feeds import MEDIA_TYPES, feed_articles, render_feed
from ingest.demo.render import outlet_templates, render_article, render_listing, render_message

HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
_RELATED_COUNT = 3


@dataclass(frozen=True)
class Resource:
    """One response body with the validators a real server would send for it."""

    body: bytes
    gzipped: bytes
    content_type: str
    last_modified: datetime
    etag: str
    """Hash of the body, unquoted; the gzip representation gets the same tag plus '-gzip'."""

    @classmethod
    def of(cls, text: str, content_type: str, last_modified: datetime) -> Resource:
        body = text.encode("utf-8")
        return cls(
            body=body,
            gzipped=gzip.compress(body, mtime=0),  # mtime=0: same bytes every run
            content_type=content_type,
            last_modified=last_modified.astimezone(UTC).replace(microsecond=0),
            etag=hashlib.sha256(body).hexdigest()[:32],
        )


@dataclass(frozen=True)
class SiteContent:
    """Everything one edition of the site serves, keyed by (host, path)."""

    edition: str
    outlets: tuple[Outlet, ...]
    articles: tuple[Article, ...]
    resources: dict[tuple[str, str], Resource]


def _related(article: Article, outlet: Outlet, candidates: list[Article]) -> list[Article]:
    """Same-section stories first, then the closest in time: how 'related' boxes usually behave."""
    others = [a for a in candidates if a.slug != article.slug and outlet.key in a.outlets]
    others.sort(key=lambda a: (a.section != article.section, abs((a.published - article.published).total_seconds())))
    return others[:_RELATED_COUNT]


def _latest(articles: list[Article], default: datetime) -> datetime:
    return max((a.last_modified for a in articles), default=default)


def build_site(edition: str = "final") -> SiteContent:
    """Render every page, feed and robots.txt of the given edition."""
    facts = load_site_facts()
    outlets = load_outlets()
    by_key = {o.key: o for o in outlets}
    articles = load_articles(edition)
    resources: dict[tuple[str, str], Resource] = {}
    robots = "User-agent: *\n" + "".join(f"Disallow: {p}\n" for p in facts.robots_disallow)

    for outlet in outlets:
        own = sorted((a for a in articles if outlet.key in a.outlets), key=lambda a: a.published, reverse=True)
        host = outlet.host

        def add(path: str, resource: Resource, host: str = host) -> None:
            resources[(host, path)] = resource

        for article in own:
            origin = by_key[article.outlets[0]] if article.outlets[0] != outlet.key else None
            html = render_article(article, outlet, _related(article, outlet, own), origin)
            add(urlsplit(article.urls[host]).path, Resource.of(html, HTML, article.last_modified))

        year = facts.fortnight_start.year
        home = render_listing(outlet, f"{outlet.name}: {outlet.tagline}", outlet.homepage, own, year)
        add("/", Resource.of(home, HTML, _latest(own, facts.fortnight_start)))
        sections = dict.fromkeys([*outlet_templates(outlet.template).nav_sections, *(a.section for a in own)])
        for section in sections:
            path = outlet.section_path.format(section=section_slug(section))
            listed = [a for a in own if a.section == section]
            page = render_listing(outlet, section, outlet.url(path), listed, year)
            add(path, Resource.of(page, HTML, _latest(listed, facts.fortnight_start)))

        for feed in outlet.feeds:
            entries = feed_articles(outlet, feed, articles)
            built = _latest(entries, facts.fortnight_start)
            add(
                feed.path,
                Resource.of(render_feed(outlet, feed, entries, built), MEDIA_TYPES[feed.format], built),
            )

        add("/robots.txt", Resource.of(robots, TEXT, facts.fortnight_start))
        for prefix in facts.robots_disallow:
            # A real page behind the disallowed prefix, so a crawler that ignores robots.txt is caught.
            draft = render_message(outlet.name, "Staff drafts", "Unpublished drafts. Staff only.")
            add(prefix, Resource.of(draft, HTML, facts.fortnight_start))

    return SiteContent(edition, outlets, tuple(articles), resources)


def sources_toml(outlets: tuple[Outlet, ...] | None = None) -> str:
    """The sources file for the pipeline's loader, listing every demo outlet and its feeds."""
    lines = ["# Sources of the bundled demo site. Regenerate with: python -m ingest.demo.site --sources", ""]
    for outlet in outlets or load_outlets():
        feeds = ", ".join(json.dumps(outlet.url(f.path)) for f in outlet.feeds)
        lines += [
            "[[source]]",
            f"name = {json.dumps(outlet.name)}",
            f"homepage = {json.dumps(outlet.homepage)}",
            f"feeds = [{feeds}]",
            f"language = {json.dumps(outlet.language)}",
            f"country = {json.dumps(outlet.country)}",
            "",
        ]
    return "\n".join(lines)


# --- HTTP -------------------------------------------------------------------------------------------


def _request_host(handler: BaseHTTPRequestHandler) -> str:
    """Host the client asked for, lower-case and without port; absolute-form targets win over Host."""
    target_host = urlsplit(handler.path).hostname
    if target_host:
        return target_host.lower()
    header = (handler.headers.get("Host") or "").strip().lower()
    if header.startswith("["):  # IPv6 literal, e.g. [::1]:8080
        return header.partition("]")[0] + "]"
    return header.partition(":")[0].rstrip(".")


def _accepts_gzip(header: str | None) -> bool:
    for part in (header or "").split(","):
        coding, _, params = part.partition(";")
        if coding.strip().lower() not in ("gzip", "x-gzip"):
            continue
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    return float(value) > 0
                except ValueError:
                    return False
        return True
    return False


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison (RFC 9110 13.1.2); either representation's tag matches."""
    if header.strip() == "*":
        return True
    for candidate in header.split(","):
        tag = candidate.strip().removeprefix("W/").strip('"')
        if tag.removesuffix("-gzip") == etag:
            return True
    return False


def _not_modified(handler: BaseHTTPRequestHandler, resource: Resource) -> bool:
    if_none_match = handler.headers.get("If-None-Match")
    if if_none_match is not None:
        # When both are sent, If-None-Match decides and If-Modified-Since is ignored (RFC 9110 13.2.2).
        return _etag_matches(if_none_match, resource.etag)
    if_modified_since = handler.headers.get("If-Modified-Since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return resource.last_modified <= since
    return False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive works because every response has a Content-Length
    sys_version = ""
    timeout = 10  # seconds an idle keep-alive connection may hold its thread
    server: _DemoServer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the request log lives in DemoSite.request_log, not on stderr."""

    def version_string(self) -> str:
        return self.server.server_name_header

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, send_body: bool) -> None:
        content = self.server.content
        host = _request_host(self)
        path = urlsplit(self.path).path or "/"
        outlet = next((o for o in content.outlets if o.host == host), None)
        if outlet is None:
            known = ", ".join(o.host for o in content.outlets)
            body = f"Unknown host {host or '(none)'!r}. This server answers for: {known}\n".encode()
            self._plain_response(404, body, TEXT, send_body, host)
            return
        resource = content.resources.get((host, path))
        if resource is None:
            message = f"Sorry, there is nothing at {path}. It may have been moved or deleted."
            body = render_message(outlet.name, "Page not found", message).encode("utf-8")
            self._plain_response(404, body, HTML, send_body, host)
            return

        use_gzip = _accepts_gzip(self.headers.get("Accept-Encoding"))
        payload = resource.gzipped if use_gzip else resource.body
        status = 304 if _not_modified(self, resource) else 200
        # logged before the answer goes out: a client that has its response finds the request in the log
        self.server.log_request_served(host, self.path, status)
        self.send_response(status)
        self.send_header("Content-Type", resource.content_type)
        self.send_header("Content-Length", str(len(payload)))  # on a 304: the length a 200 would have
        self.send_header("ETag", f'"{resource.etag}-gzip"' if use_gzip else f'"{resource.etag}"')
        self.send_header("Last-Modified", format_datetime(resource.last_modified, usegmt=True))
        self.send_header("Cache-Control", f"public, max-age={self.server.max_age_s}")
        self.send_header("Vary", "Accept-Encoding")
        if use_gzip:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if send_body and status == 200:
            self.wfile.write(payload)

    def _plain_response(self, status: int, body: bytes, content_type: str, send_body: bool, host: str) -> None:
        self.server.log_request_served(host, self.path, status)  # (before the answer: see _serve)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class _RequestLog:
    """(host, target, status) of answered requests; appended to by handler threads, read by tests."""

    def __init__(self) -> None:
        self._entries: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()

    def append(self, host: str, target: str, status: int) -> None:
        with self._lock:
            self._entries.append((host, target, status))

    def snapshot(self) -> list[tuple[str, str, int]]:
        with self._lock:
            return list(self._entries)


class _DemoServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that knows the site content and can cut open keep-alive connections on stop."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], content: SiteContent, log: _RequestLog) -> None:
        self.content = content
        facts = load_site_facts()
        self.max_age_s = facts.max_age_s
        self.server_name_header = facts.server_name
        self.log_request_served = log.append
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        super().__init__(address, _Handler)

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        with self._lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        with self._lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_open_connections(self) -> None:
        with self._lock:
            open_now = list(self._open)
        for conn in open_now:
            with contextlib.suppress(OSError):  # the client closed it first
                conn.shutdown(socket.SHUT_RDWR)


class DemoSite:
    """The demo news site, served from a daemon thread on 127.0.0.1.

    >>> with DemoSite() as site:                       # doctest: +SKIP
    ...     site.connect_to["gulf-herald.example:80"]  # '127.0.0.1:41873'
    """

    def __init__(self, edition: str = "final", port: int = 0) -> None:
        self.edition = edition
        self._requested_port = port
        self._content = build_site(edition)
        self._server: _DemoServer | None = None
        self._thread: threading.Thread | None = None
        self._log = _RequestLog()

    # --- lifecycle ----------------------------------------------------------------------------------

    def start(self) -> DemoSite:
        if self._server is not None:
            raise RuntimeError("the demo site is already running")
        self._server = _DemoServer(("127.0.0.1", self._requested_port), self._content, self._log)
        # A short poll interval so stop() returns promptly; the idle cost is a wake-up every 0.1 s.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.1}, name="demo-site", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.shutdown()
        server.close_open_connections()
        server.server_close()
        thread.join()
        self._thread = None
        self._server = None

    def __enter__(self) -> DemoSite:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # --- what callers need ----------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the demo site is not running; call start() first")
        return self._server.server_address[1]

    @property
    def hosts(self) -> list[str]:
        return [o.host for o in self._content.outlets]

    @property
    def connect_to(self) -> dict[str, str]:
        """'host:80' -> '127.0.0.1:<port>' for every outlet, for the fetcher's connect-to overrides."""
        return {f"{host}:80": f"127.0.0.1:{self.port}" for host in self.hosts}

    @property
    def feed_urls(self) -> list[str]:
        return [o.url(f.path) for o in self._content.outlets for f in o.feeds]

    @property
    def articles(self) -> list[Article]:
        """The articles this edition serves (oldest first), with the expectations tests check."""
        return list(self._content.articles)

    @property
    def request_log(self) -> list[tuple[str, str, int]]:
        """(host, request target as sent, status) of every request answered so far, in order."""
        return self._log.snapshot()

    def sources_toml(self) -> str:
        return sources_toml(self._content.outlets)


def main(argv: list[str] | None = None) -> None:
    """Serve the demo site in the foreground until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m ingest.demo.site", description=__doc__.splitlines()[0])
    parser.add_argument("--edition", choices=("early", "final"), default="final")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free port)")
    parser.add_argument("--sources", action="store_true", help="print the sources file and exit")
    args = parser.parse_args(argv)
    if args.sources:
        print(sources_toml(), end="")
        return
    site = DemoSite(edition=args.edition, port=args.port).start()
    print(f"Demo site ({args.edition} edition) on 127.0.0.1:{site.port}")
    for host_port, target in site.connect_to.items():
        print(f"  {host_port} -> {target}")
    first = site.hosts[0]
    print(f"Try: curl --connect-to {first}:80:127.0.0.1:{site.port} http://{first}/", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        site.stop()


if __name__ == "__main__":
    main()
