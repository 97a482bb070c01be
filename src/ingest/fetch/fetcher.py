"""The HTTP client of the pipeline: polite to publishers, safe for the machine it runs on.

One ``Fetcher`` per run, shared by all threads. ``fetch`` never raises for network, HTTP or policy
problems: they come back as ``FetchResult.error``, a short reason a person can read in ``fetch_log``.

Connections go through urllib3 pools keyed by the *checked* address (see ``guard``), with the URL's
host name kept for the Host header, TLS SNI and certificate check. Redirects are followed here, one
hop at a time, so every hop passes the scheme check, the address guard and the loop detector.
"""

from __future__ import annotations

import errno
import threading
import time
from datetime import UTC, datetime
from http import HTTPStatus
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import certifi
import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from ingest.config import Settings
from ingest.fetch.backoff import parse_retry_after
from ingest.fetch.decoding import BoundedDecoder, TooLarge
from ingest.fetch.guard import AddressRefused, Target, resolve_target
from ingest.fetch.politeness import PolitenessGate
from ingest.fetch.result import FetchResult

REDIRECTS = {301, 302, 303, 307, 308}
CHUNK = 16 * 1024  # small reads keep the deadline check frequent and decompression steps bounded
PAGE_TYPES = ("text/html", "application/xhtml+xml")
BINARY_PREFIXES = ("image/", "audio/", "video/", "font/")
ROBOTS_AGENT = "me-security-ingest"
SMALL_DRAIN = 64 * 1024  # an unread error page up to this size is drained so the connection can be reused


class _Failure(Exception):
    """Internal: a readable reason, with the status and headers seen so far."""

    def __init__(self, reason: str, status: int | None = None, headers: dict[str, str] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.headers = headers or {}


class Fetcher:
    def __init__(self, settings: Settings, *, host_delays: dict[str, float] | None = None) -> None:
        self.settings = settings
        self.gate = PolitenessGate(
            concurrency_per_host=settings.per_host_concurrency,
            default_gap_s=settings.host_delay_s,
            gaps=host_delays,
            max_in_flight=settings.max_workers,
        )
        self._pools: dict[tuple[str, str, int, str], urllib3.HTTPConnectionPool] = {}
        self._pools_lock = threading.Lock()
        self._robots: dict[tuple[str, str, int], RobotFileParser | str] = {}
        self._robots_locks: dict[tuple[str, str, int], threading.Lock] = {}

    # -- public ---------------------------------------------------------------------------------------
    def fetch(self, url: str, *, kind: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        started = time.monotonic()
        fetched_at = datetime.now(UTC)
        redirects: list[str] = []
        current = url
        try:
            if kind == "article" and self.settings.respect_robots:
                self._check_robots(current)
            seen = {current}
            hop_target: Target | None = None  # a redirect hop's address, checked once, used for its request
            while True:
                status, headers, body, fetched_at = self._request(current, kind, etag, last_modified, started,
                                                                  hop_target)  # fmt: skip
                hop_target = None
                if status in REDIRECTS and "location" in headers:
                    target = urljoin(current, headers["location"].strip())
                    if len(redirects) >= self.settings.max_redirects:
                        raise _Failure(f"too many redirects ({len(redirects) + 1})", status, headers)
                    if target in seen:
                        raise _Failure(f"redirect loop at {target}", status, headers)
                    seen.add(target)
                    redirects.append(target)
                    current = target
                    etag = last_modified = None  # validators belong to the first URL
                    if kind == "article" and self.settings.respect_robots:
                        hop_target = self._target(current)  # a refused hop says so, not "robots.txt unreachable"
                        self._check_robots(current)
                    continue
                break
            error = None
            if status == 304:
                body = b""
            elif not 200 <= status < 300:
                error = _status_reason(status)
                body = b""
            elif kind == "article":
                error = _page_type_error(headers.get("content-type"))
            elif kind == "feed" and (headers.get("content-type") or "").lower().startswith(BINARY_PREFIXES):
                error = f"unsupported content type {headers['content-type'].split(';')[0].strip()}"
            if error is not None:
                body = b""
            retry = parse_retry_after(headers.get("retry-after")) if status in (429, 503) else None
            return FetchResult(url, current, kind, status, headers, body, error, _ms(started), fetched_at,
                               redirects, retry)  # fmt: skip
        except _Failure as exc:
            retry = parse_retry_after(exc.headers.get("retry-after")) if exc.status in (429, 503) else None
            return FetchResult(url, current, kind, exc.status, exc.headers, b"", exc.reason, _ms(started),
                               fetched_at, redirects, retry)  # fmt: skip
        except Exception as exc:  # the promise is "never raises": a bug here becomes a readable row
            reason = f"fetch failed: {type(exc).__name__}: {exc}"
            return FetchResult(url, current, kind, None, {}, b"", reason, _ms(started), fetched_at, redirects)

    def close(self) -> None:
        with self._pools_lock:
            for pool in self._pools.values():
                pool.close()
            self._pools.clear()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- one request ----------------------------------------------------------------------------------
    def _request(
        self, url: str, kind: str, etag: str | None, last_modified: str | None, started: float,
        target: Target | None = None,
    ) -> tuple[int, dict[str, str], bytes, datetime]:  # fmt: skip
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        target = target or self._target(url)
        headers = {
            "User-Agent": self.settings.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Accept": _accept(kind),
            "Host": parts.netloc.rsplit("@", 1)[-1],
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        limit = self.settings.max_feed_bytes if kind in ("feed", "robots") else self.settings.max_page_bytes
        with self.gate.slot(target.host):
            fetched_at = datetime.now(UTC)
            remaining = self.settings.total_deadline_s - (time.monotonic() - started)
            if remaining <= 0:
                raise _Failure(self._deadline_reason())
            pool = self._pool(scheme, target)
            timeout = urllib3.Timeout(connect=min(self.settings.connect_timeout_s, remaining),
                                      read=min(self.settings.read_timeout_s, remaining))  # fmt: skip
            try:
                response = pool.urlopen("GET", path, headers=headers, redirect=False, retries=False,
                                        preload_content=False, decode_content=False, timeout=timeout)  # fmt: skip
            except NewConnectionError as exc:  # before ConnectTimeoutError: urllib3 makes it a subclass
                raise _Failure(_connection_reason(exc)) from None
            except ConnectTimeoutError:
                raise _Failure(f"connect timeout after {self.settings.connect_timeout_s:g} s") from None
            except ReadTimeoutError:
                raise _Failure(f"read timeout after {self.settings.read_timeout_s:g} s") from None
            except SSLError as exc:
                raise _Failure(f"TLS error: {_short(exc)}") from None
            except (ProtocolError, HTTPError) as exc:
                raise _Failure(f"connection failed: {_short(exc)}") from None
            drain = True  # a body we chose not to read (redirect, error page) is drained if small
            try:
                status = response.status
                resp_headers = _lower(response.headers)
                if status in REDIRECTS or status == 304 or not 200 <= status < 300:
                    return status, resp_headers, b"", fetched_at  # no body wanted: don't read it
                declared = resp_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise _Failure(f"response larger than {_mb(limit)} (Content-Length {declared})",
                                   status, resp_headers)  # fmt: skip
                if kind == "article" and _page_type_error(resp_headers.get("content-type")):
                    return status, resp_headers, b"", fetched_at  # refused by type: no need to download it
                drain = False  # from here on a failure (deadline, size) means: hang up
                body = self._read_body(response, resp_headers, limit, started)
                return status, resp_headers, body, fetched_at
            finally:
                _finish(response, drain=drain)

    def _target(self, url: str) -> Target:
        """The checked address for a URL: scheme check, then the address guard (raises _Failure)."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise _Failure(f"refused: scheme {scheme or '(none)'}:// is not http(s)")
        if not parts.hostname:
            raise _Failure("refused: URL has no host")
        try:
            port = parts.port or (443 if scheme == "https" else 80)
        except ValueError as exc:
            raise _Failure(f"bad URL: {exc}") from None
        try:
            return resolve_target(parts.hostname, port, connect_to=self.settings.connect_to,
                                  allow_hosts=self.settings.allow_hosts)  # fmt: skip
        except (AddressRefused, OSError) as exc:  # both messages are readable already
            raise _Failure(str(exc)) from None

    def _read_body(self, response: urllib3.BaseHTTPResponse, headers: dict[str, str], limit: int,
                   started: float) -> bytes:  # fmt: skip
        try:
            decoder = BoundedDecoder(headers.get("content-encoding"), limit)
        except ValueError as exc:
            raise _Failure(str(exc), response.status, headers) from None
        try:
            while True:
                if time.monotonic() - started > self.settings.total_deadline_s:
                    raise _Failure(self._deadline_reason(), response.status, headers)
                chunk = response.read1(CHUNK, decode_content=False)  # whatever arrived: keeps the deadline checked
                if not chunk:
                    break
                decoder.feed(chunk)
            return decoder.finish()
        except _Failure:
            raise
        except TooLarge:
            raise _Failure(f"response larger than {_mb(limit)}", response.status, headers) from None
        except ReadTimeoutError:
            raise _Failure(f"read timeout after {self.settings.read_timeout_s:g} s", response.status,
                           headers) from None  # fmt: skip
        except (ProtocolError, HTTPError, OSError) as exc:
            raise _Failure(f"connection broken while reading: {_short(exc)}", response.status, headers) from None
        except Exception as exc:  # zlib.error and friends: a corrupt compressed body
            raise _Failure(f"corrupt {headers.get('content-encoding')} body: {_short(exc)}", response.status,
                           headers) from None  # fmt: skip

    def _deadline_reason(self) -> str:
        return f"timeout after {self.settings.total_deadline_s:g} s (total deadline)"

    def _pool(self, scheme: str, target: Target) -> urllib3.HTTPConnectionPool:
        key = (scheme, target.address, target.connect_port, target.host)
        with self._pools_lock:
            pool = self._pools.get(key)
            if pool is None:
                size = max(1, self.settings.per_host_concurrency)
                if scheme == "https":
                    # Connect to the checked address; verify the certificate for the URL's host name.
                    pool = urllib3.HTTPSConnectionPool(
                        target.address, target.connect_port, maxsize=size, block=False,
                        server_hostname=target.host, assert_hostname=target.host,
                        cert_reqs="CERT_REQUIRED", ca_certs=certifi.where(),
                    )  # fmt: skip
                else:
                    pool = urllib3.HTTPConnectionPool(target.address, target.connect_port, maxsize=size, block=False)
                self._pools[key] = pool
            return pool

    # -- robots.txt -----------------------------------------------------------------------------------
    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return  # the request itself refuses it with a clearer message
        key = (parts.scheme, parts.hostname.lower(), parts.port or (443 if parts.scheme == "https" else 80))
        with self._pools_lock:
            lock = self._robots_locks.setdefault(key, threading.Lock())
        with lock:  # one robots.txt fetch per host per run, however many threads want it
            rules = self._robots.get(key)
            if rules is None:
                rules = self._load_robots(parts.scheme, parts.netloc, key[1])
                self._robots[key] = rules
        if isinstance(rules, str):
            raise _Failure(rules)
        if not rules.can_fetch(ROBOTS_AGENT, url):
            raise _Failure("disallowed by robots.txt")

    def _load_robots(self, scheme: str, netloc: str, host: str) -> RobotFileParser | str:
        result = self.fetch(f"{scheme}://{netloc}/robots.txt", kind="robots")
        rules = RobotFileParser()
        if result.status is not None and 400 <= result.status < 500:
            rules.allow_all = True  # no robots.txt (or forbidden): everything allowed (RFC 9309 2.3.1.3)
            return rules
        if result.error is not None:
            # RFC 9309 2.3.1.4: when robots.txt is unreachable, assume complete disallow for now.
            return f"robots.txt unreachable ({result.error}): pages of {host} not fetched this run"
        rules.parse(result.body.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay:
            self.gate.raise_gap(host, float(delay))
        return rules


def _finish(response: urllib3.BaseHTTPResponse, *, drain: bool) -> None:
    """Give the connection back for reuse only when nothing unread is left on it: a small unread body
    (an error page) is drained; otherwise the connection is closed, which also stops a trickling server."""
    declared = (response.headers.get("content-length") or "").strip()
    try:
        if drain and declared.isdigit() and int(declared) <= SMALL_DRAIN:
            response.drain_conn()
        elif not response.isclosed():
            response.close()
    except Exception:
        response.close()
    response.release_conn()


def _accept(kind: str) -> str:
    if kind == "feed":
        return "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, */*;q=0.5"
    if kind == "article":
        return "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
    return "text/plain, */*;q=0.5"


def _page_type_error(content_type: str | None) -> str | None:
    if not content_type:
        return None  # servers that omit it usually send HTML; the extractor copes with the rest
    mime = content_type.split(";")[0].strip().lower()
    if mime in PAGE_TYPES:
        return None
    return f"unsupported content type {mime}"


def _status_reason(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _connection_reason(exc: NewConnectionError) -> str:
    text = str(exc).lower()
    cause = exc.__cause__ or exc.__context__
    if (
        isinstance(cause, ConnectionRefusedError)
        or "refused" in text
        or getattr(cause, "errno", None) == errno.ECONNREFUSED
    ):
        return "connection refused"
    if "timed out" in text:
        return "connect timeout"
    return f"cannot connect: {_short(exc)}"


def _lower(headers: urllib3.HTTPHeaderDict) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()}


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) < 200 else text[:197] + "..."


def _mb(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB"


def _ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)
