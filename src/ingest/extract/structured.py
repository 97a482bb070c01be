"""Structured data a publisher puts in the page for machines: JSON-LD and <meta> tags.

These are the most reliable signals for metadata (publishers fill them for search engines and social
cards), so every other step reads them from here first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from ingest.extract.vocab import vocab

_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x1f]")


@dataclass
class PageData:
    meta: dict[str, list[str]] = field(default_factory=dict)
    """<meta> contents keyed by lower-cased name/property/itemprop, in page order."""
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    """Every JSON-LD object in the page, flattened out of lists and @graph."""
    article: dict[str, Any] | None = None
    """The JSON-LD object that describes the article itself, if any."""
    html_lang: str | None = None
    canonical: str | None = None
    title_tag: str | None = None
    source: str | None = None
    """The page's HTML as text, when known: lets steps skip a whole-tree search for a value it lacks."""

    def may_contain(self, value: str) -> bool:
        """False only when the page's HTML certainly does not hold ``value`` (a substring test is ~50x
        cheaper than an XPath search of every element)."""
        return self.source is None or value in self.source

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value.strip():
                    return value.strip()
        return None


def _load_json(raw: str) -> Any:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    if raw.startswith("//<![CDATA["):
        raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>")
    for attempt in (raw, _TRAILING_COMMA.sub(r"\1", _CONTROL.sub(" ", raw))):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


def _flatten(node: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(node, list):
        for item in node:
            _flatten(item, out, depth + 1)
    elif isinstance(node, dict):
        out.append(node)
        if "@graph" in node:
            _flatten(node["@graph"], out, depth + 1)
        # An article is sometimes nested as mainEntity / mainEntityOfPage of a WebPage.
        for key in ("mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(node.get(key), dict | list):
                _flatten(node[key], out, depth + 1)


def types_of(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _pick_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    article_types = vocab()["jsonld"]["article_types"]
    candidates = [o for o in objects if types_of(o) & set(article_types)]
    if not candidates:
        return None

    # Prefer the most specific type (NewsArticle over Article over WebPage), then the richer object.
    def rank(node: dict[str, Any]) -> tuple[int, int]:
        best = min(article_types.index(t) for t in types_of(node) if t in article_types)
        return (best, -len(node))

    return min(candidates, key=rank)


def read_page_data(tree: HtmlElement, source: str | None = None) -> PageData:
    data = PageData(source=source)
    objects: list[dict[str, Any]] = []
    title_seen = False
    # One walk for the four tags (each tree.iter() is a walk of the whole page); each kind in page order.
    for el in tree.iter("meta", "script", "link", "title"):
        if el.tag == "meta":
            _read_meta(el, data.meta)
        elif el.tag == "script":
            if (el.get("type") or "").strip().lower() == "application/ld+json" and el.text:
                _flatten(_load_json(el.text), objects)
        elif el.tag == "link":
            if data.canonical is None and "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
                data.canonical = el.get("href").strip()
        elif not title_seen and el is not tree:  # the first <title>, as tree.find(".//title") gives
            data.title_tag = el.text_content().strip() or None
            title_seen = True
    data.jsonld = objects
    data.article = _pick_article(objects)
    data.html_lang = tree.get("lang") or tree.get("xml:lang")
    return data


def _read_meta(el: HtmlElement, meta: dict[str, list[str]]) -> None:
    content = el.get("content")
    if content is None:
        return
    for attr in ("property", "name", "itemprop", "http-equiv"):
        key = el.get(attr)
        if key:
            meta.setdefault(key.strip().lower(), []).append(content)
