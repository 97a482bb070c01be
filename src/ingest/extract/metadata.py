"""Title, authors, site name, description, canonical URL: JSON-LD, then <meta>, then the page itself."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from ingest.extract.structured import PageData, types_of
from ingest.extract.vocab import pattern, vocab

_SPACES = re.compile(r"\s+")
_MAX_NAME_CHARS = 60


def clean_field(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", html.unescape(value)).strip()
    return value or None


# --- site name, description, canonical -----------------------------------------------------------------


def site_name(data: PageData) -> str | None:
    found = data.first("og:site_name")
    if found:
        return clean_field(found)
    for node in [data.article, *data.jsonld]:
        if (
            node
            and isinstance(node.get("publisher"), dict)
            and (name := clean_field(node["publisher"].get("name")))
        ):
            return name
    for node in data.jsonld:
        is_outlet = types_of(node) & {"WebSite", "Organization", "NewsMediaOrganization"}
        if is_outlet and (name := clean_field(node.get("name"))):
            return name
    found = data.first("application-name", "apple-mobile-web-app-title")
    return clean_field(found)


def description(data: PageData) -> str | None:
    found = data.first(*vocab()["meta"]["description"])
    if not found and data.article:
        found = clean_field(data.article.get("description"))
    return clean_field(found)


def canonical_url(data: PageData, url: str | None) -> str | None:
    found = data.canonical or data.first("og:url")
    if not found or found.startswith(("javascript:", "data:", "#")):
        return None
    resolved = urljoin(url, found) if url else found
    return resolved if resolved.startswith(("http://", "https://")) else None


# --- title ---------------------------------------------------------------------------------------------


def h1_texts(tree: HtmlElement) -> list[str]:
    out = []
    for el in tree.iter("h1"):
        text = clean_field(el.text_content())
        if text and 3 <= len(text) <= 300:
            out.append(text)
    return out


def _cut_site(title: str, site: str | None, heads: list[str]) -> str:
    """Remove a " | Site" style part at either end of a title, when something shows it is the site name."""
    for sep in vocab()["title"]["separators"]:
        if sep not in title:
            continue
        first, _, last = title.rpartition(sep)
        head, _, tail = title.partition(sep)
        folded = (site or "").casefold()
        if site and (last.casefold() in folded or folded in last.casefold()):
            return first.strip()
        if site and (head.casefold() in folded or folded in head.casefold()):
            return tail.strip()
        for h1 in heads:
            if h1 in (first.strip(), tail.strip()):
                return h1
        # Without other evidence only a short trailing part is taken to be a site name.
        if len(last.split()) <= 4 and len(first) > len(last):
            return first.strip()
    return title


def title(tree: HtmlElement, data: PageData, site: str | None) -> str | None:
    heads = h1_texts(tree)
    if data.article:
        headline = clean_field(data.article.get("headline")) or clean_field(data.article.get("name"))
        if headline:
            return _cut_site(headline, site, heads) if any(s in headline for s in (" | ",)) else headline
    for key in ("og:title", "twitter:title"):
        found = clean_field(data.first(key))
        if found:
            return _cut_site(found, site, heads)
    if len(heads) == 1:
        return heads[0]
    if data.title_tag:
        return _cut_site(clean_field(data.title_tag) or "", site, heads) or None
    return heads[0] if heads else None


# --- authors -------------------------------------------------------------------------------------------


def _names_from_jsonld(value: Any) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names_from_jsonld(v)]
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        kinds = types_of(value)
        if kinds and not kinds & set(vocab()["jsonld"]["person_types"]):
            return []  # an Organization is the outlet, not an author
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}"]
    return []


def split_byline(byline: str) -> list[str]:
    """ "By Jane Doe and John Roe, Reuters" -> ["Jane Doe", "John Roe"] (outlet dropped by clean_name)."""
    text = clean_field(byline) or ""
    text = (
        pattern("authors", "prefixes").sub("", text, count=1)
        if pattern("authors", "prefixes").match(text)
        else text
    )
    # Keep credentials ("Jane Doe, MS, RD") with the name instead of splitting them off as people.
    credentials = pattern("authors", "credentials")
    pieces = [p for p in re.split("|".join(vocab()["authors"]["separators"]), text) if p and p.strip()]
    names: list[str] = []
    for piece in pieces:
        if names and credentials.fullmatch(piece.strip()):
            names[-1] = f"{names[-1]}, {piece.strip()}"
        else:
            names.append(piece.strip())
    return names


def clean_name(name: str, site: str | None) -> str | None:
    name = clean_field(name) or ""
    prefixes = pattern("authors", "prefixes")
    if prefixes.match(name):
        name = prefixes.sub("", name, count=1).strip()
    name = name.strip(" .,;:-–—|")
    if not name or len(name) > _MAX_NAME_CHARS or len(name.split()) > 6:
        return None
    if site and name.casefold() == site.casefold():
        return None
    if pattern("authors", "not_a_person").search(name):
        return None
    if name.isupper() and len(name) > 4:
        name = name.title()
    return name


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


def _byline_elements(tree: HtmlElement) -> list[str]:
    found = []
    for el in tree.xpath('.//*[@rel="author"] | .//*[@itemprop="author"]//*[@itemprop="name"]'):
        found.append(el.get("content") or el.text_content())
    if found:
        return found
    for el in tree.xpath(
        './/*[@itemprop="author"] | .//*[contains(@class, "byline")] | .//*[contains(@class, "author-name")]'
    ):
        text = clean_field(el.get("content") or el.text_content())
        if text and len(text) <= 120:
            found.append(text)
    return found[:3]


def authors(tree: HtmlElement, data: PageData, site: str | None) -> list[str]:
    raw: list[str] = []
    if data.article:
        raw = _names_from_jsonld(data.article.get("author")) or _names_from_jsonld(
            data.article.get("creator")
        )
    if not raw:
        for key in vocab()["meta"]["authors"]:
            values = [v for v in data.meta.get(key, ()) if v.strip() and not v.startswith("http")]
            if values:
                raw = values
                break
    if not raw:
        raw = _byline_elements(tree)
    names = [clean_name(n, site) for r in raw for n in split_byline(r)]
    return _dedupe([n for n in names if n])
