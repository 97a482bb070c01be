"""URL canonicalisation: one article, one URL."""

from __future__ import annotations

import hashlib
import tomllib
from functools import lru_cache
from importlib import resources
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


@lru_cache(maxsize=1)
def _tracking_params() -> tuple[frozenset[str], tuple[str, ...]]:
    data = tomllib.loads(resources.files("ingest.clean").joinpath("data/tracking_params.toml").read_text("utf-8"))
    return frozenset(p.lower() for p in data["exact"]), tuple(p.lower() for p in data["prefixes"])


def _is_tracking(name: str) -> bool:
    exact, prefixes = _tracking_params()
    lowered = name.lower()
    return lowered in exact or lowered.startswith(prefixes)


def canonicalize_url(url: str) -> str:
    """Lower-case scheme and host, drop default ports, fragments and tracking parameters, sort the query.

    The path keeps its case (servers treat it as case-sensitive) but gets a canonical percent-encoding.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if host and ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = f"{parts.username or ''}{':' + parts.password if parts.password else ''}@{netloc}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=~%-._") or "/"
    query_pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query = urlencode(sorted(query_pairs), doseq=True)
    return urlunsplit((scheme, netloc, path, query, ""))


def url_id(url: str) -> str:
    """Stable 16-hex-digit id for a canonical URL (the natural key of an article)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
