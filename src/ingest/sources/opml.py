"""OPML import: turn a feed reader's export into a sources file."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from ingest.sources.model import Source, SourcesError, _is_http_url, slugify


def import_opml(path: str | Path) -> list[Source]:
    """One Source per outlet (grouped by htmlUrl, else by feed host); skips outlines without an xmlUrl."""
    path = Path(path)
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError, DefusedXmlException) as exc:
        raise SourcesError(f"{path}: not a readable OPML file: {exc}") from exc
    if root.tag.lower() != "opml":
        raise SourcesError(f"{path}: root element is <{root.tag}>, not <opml>")
    grouped: dict[str, dict[str, object]] = {}
    for outline in root.iter():
        if outline.tag.lower() != "outline":
            continue
        attrs = {k.lower(): v for k, v in outline.attrib.items()}
        feed = attrs.get("xmlurl")
        if not feed or not _is_http_url(feed):
            continue
        homepage = attrs.get("htmlurl") if _is_http_url(attrs.get("htmlurl")) else None
        group_key = homepage or urlsplit(feed).netloc.lower()
        name = attrs.get("title") or attrs.get("text") or urlsplit(feed).netloc
        entry = grouped.setdefault(group_key, {"name": name, "homepage": homepage, "feeds": [], "language": None})
        feeds = entry["feeds"]
        assert isinstance(feeds, list)
        if feed not in feeds:
            feeds.append(feed)
        if attrs.get("language") and not entry["language"]:
            entry["language"] = attrs["language"]
    if not grouped:
        raise SourcesError(f"{path}: no outlines with an http(s) xmlUrl")
    sources: list[Source] = []
    used: set[str] = set()
    for entry in grouped.values():
        key = base = slugify(str(entry["name"]))
        n = 2
        while key in used:
            key, n = f"{base}-{n}", n + 1
        used.add(key)
        sources.append(
            Source(
                key=key,
                name=str(entry["name"]),
                feeds=tuple(entry["feeds"]),  # type: ignore[arg-type]
                homepage=entry["homepage"],  # type: ignore[arg-type]
                language=entry["language"],  # type: ignore[arg-type]
            )
        )
    return sources


def _toml_str(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def sources_to_toml(sources: list[Source]) -> str:
    out: list[str] = []
    for s in sources:
        out.append("[[source]]")
        out.append(f"name = {_toml_str(s.name)}")
        out.append(f"key = {_toml_str(s.key)}")
        if s.homepage:
            out.append(f"homepage = {_toml_str(s.homepage)}")
        out.append("feeds = [" + ", ".join(_toml_str(f) for f in s.feeds) + "]")
        for name in ("language", "country"):
            value = getattr(s, name)
            if value:
                out.append(f"{name} = {_toml_str(value)}")
        if s.host_delay_s is not None:
            out.append(f"host_delay_s = {s.host_delay_s}")
        out.append("")
    return "\n".join(out)
