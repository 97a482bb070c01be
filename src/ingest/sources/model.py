"""Loading and validating a sources file.

```toml
[[source]]
name = "Gulf Herald"                 # required
key = "gulf-herald"                  # optional; slug of name by default
homepage = "https://gulf-herald.example/"
feeds = ["https://gulf-herald.example/rss.xml"]   # required, http(s) only
language = "en"                      # ISO 639-1
country = "AE"                       # ISO 3166 alpha-2
host_delay_s = 2.0                   # optional politeness override for this outlet's hosts
```
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

_KNOWN_FIELDS = {"name", "key", "homepage", "feeds", "language", "country", "host_delay_s"}


class SourcesError(ValueError):
    """The sources file is missing or malformed; the message says where and why."""


@dataclass(frozen=True)
class Source:
    key: str
    name: str
    feeds: tuple[str, ...]
    homepage: str | None = None
    language: str | None = None
    country: str | None = None
    host_delay_s: float | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False)


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "source"


def _is_http_url(url: object) -> bool:
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse_sources(text: str, *, origin: str = "<sources>") -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{origin}: not valid TOML: {exc}") from exc
    entries = data.get("source")
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{origin}: no [[source]] tables found")
    sources: list[Source] = []
    seen_keys: set[str] = set()
    for i, entry in enumerate(entries, start=1):
        where = f"{origin}: source #{i}"
        if not isinstance(entry, dict):
            raise SourcesError(f"{where}: must be a table")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise SourcesError(f"{where}: 'name' is required")
        where = f"{origin}: source #{i} ({name})"
        feeds = entry.get("feeds")
        if not isinstance(feeds, list) or not feeds:
            raise SourcesError(f"{where}: 'feeds' must be a non-empty list of URLs")
        bad = [f for f in feeds if not _is_http_url(f)]
        if bad:
            raise SourcesError(f"{where}: feeds must be http(s) URLs, got {bad[0]!r}")
        key = entry.get("key") or slugify(name)
        if key in seen_keys:
            raise SourcesError(f"{where}: duplicate key {key!r}")
        seen_keys.add(key)
        delay = entry.get("host_delay_s")
        if delay is not None and (not isinstance(delay, int | float) or delay < 0):
            raise SourcesError(f"{where}: host_delay_s must be a non-negative number")
        homepage = entry.get("homepage")
        if homepage is not None and not _is_http_url(homepage):
            raise SourcesError(f"{where}: homepage must be an http(s) URL")
        sources.append(
            Source(
                key=key,
                name=name.strip(),
                feeds=tuple(dict.fromkeys(feeds)),
                homepage=homepage,
                language=entry.get("language"),
                country=entry.get("country"),
                host_delay_s=float(delay) if delay is not None else None,
                extra={k: v for k, v in entry.items() if k not in _KNOWN_FIELDS},
            )
        )
    return sources


def load_sources(path: str | Path) -> list[Source]:
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise SourcesError(f"cannot read sources file {path}: {exc.strerror or exc}") from exc
    return parse_sources(text, origin=str(path))


def default_sources_path() -> Path:
    """The curated production list shipped with the package."""
    return Path(str(resources.files("ingest.sources").joinpath("data/sources.toml")))
