"""Title, authors, site name, description, canonical URL: JSON-LD, then <meta>, then the page itself."""

from __future__ import annotations

import copy
import html
import re
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from ingest.extract.structured import PageData, types_of
from ingest.extract.visible_dates import parse_displayed_dates
from ingest.extract.vocab import vocab

_SPACES = re.compile(r"\s+")
_MAX_NAME_CHARS = 60


# UTF-8 bytes read as Latin-1 or cp1252 somewhere upstream: "Investorâ\x80\x99s", "cafÃ©", "â€™".
_MOJIBAKE = re.compile("Ã[\x80-\xbf]|â(?:\x80|€)[\x80-\xbf™œ“”˜š›]|Â[\x80-\xbf]")


def repair_mojibake(value: str) -> str:
    """Undo one round of UTF-8 read as Latin-1/cp1252; the value as it was when it does not undo cleanly."""
    if not _MOJIBAKE.search(value):
        return value
    for codec in ("latin-1", "cp1252"):
        try:
            return value.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return value


def clean_field(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    value = _SPACES.sub(" ", repair_mojibake(html.unescape(value))).strip()
    return value or None


# --- site name, description, canonical -----------------------------------------------------------------


def site_name(data: PageData) -> str | None:
    found = data.first("og:site_name")
    if found:
        return clean_field(found)
    for node in [data.article, *data.jsonld]:
        if node and isinstance(node.get("publisher"), dict) and (name := clean_field(node["publisher"].get("name"))):
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
        if el.find(".//br") is not None:  # a line break inside a headline separates words: "(US)<br>Your Guide"
            el = copy.deepcopy(el)  # on a copy: the body's extraction reads this same tree
            for br in el.iter("br"):
                br.tail = " " + (br.tail or "")
        text = clean_field(el.text_content())
        if text and 3 <= len(text) <= 300:
            out.append(text)
    return out


def _cut_site(title: str, site: str | None, heads: list[str]) -> str:
    """Remove a " | Site" style part at either end of a title, when something shows it is the site name."""
    folded_title, folded_site = title.casefold(), (site or "").casefold()
    for sep in vocab()["title"]["separators"]:
        # The whole site name, even one holding a separator itself ("Acme - Consulting").
        if site and folded_title.endswith(sep + folded_site) and len(title) > len(sep + site):
            return title[: -len(sep + site)].strip()
        if site and folded_title.startswith(folded_site + sep) and len(title) > len(site + sep):
            return title[len(site + sep) :].strip()
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
            if h1 == last.strip() and len(h1.split()) <= _MAX_SITE_WORDS and len(first) > len(last):
                # A short h1 equal to the trailing part is the site's name in a blog header, not the headline.
                return first.strip()
            if h1 in (first.strip(), tail.strip()):
                return h1
        # Without other evidence only a short trailing part is taken to be a site name.
        if len(last.split()) <= 4 and len(first) > len(last):
            return first.strip()
    return title


_WORDS = re.compile(r"\w+")
_MAX_SITE_WORDS = 4
_MAX_HEADLINE_WORDS = 30  # an h1 longer than this is a paragraph styled as a heading


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_WORDS.findall(a.casefold())), set(_WORDS.findall(b.casefold()))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _shares_content_word(h1: str, machine: str, site: str | None) -> bool:
    """The h1 shares a word with the machine titles other than a function word or the site's name: a
    "Return to Nationwide Website" h1 shares only the site's name with the article's title."""
    skip = set(vocab()["title"]["function_words"]) | set(_WORDS.findall((site or "").casefold()))
    return bool((set(_WORDS.findall(h1.casefold())) - skip) & set(_WORDS.findall(machine.casefold())))


def meta_title(data: PageData, site: str | None, heads: list[str]) -> str | None:
    """The headline publishers give to machines: JSON-LD, then social cards, then <title>."""
    if data.article:
        headline = clean_field(data.article.get("headline")) or clean_field(data.article.get("name"))
        if headline:
            # SEO plugins cut the JSON-LD headline at ~110 characters; the social or <title> one is whole.
            others = [
                _cut_site(t, site, heads)
                for t in (clean_field(data.first("og:title")), clean_field(data.title_tag))
                if t
            ]
            whole = next((t for t in others if len(t) > len(headline) and t.startswith(headline)), None)
            if whole:
                return whole
            return _cut_site(headline, site, heads) if " | " in headline else headline
    for key in ("og:title", "twitter:title"):
        found = clean_field(data.first(key))
        if found:
            return _cut_site(found, site, heads)
    if data.title_tag:
        return _cut_site(clean_field(data.title_tag) or "", site, heads) or None
    return None


def _trailing_part(title_tag: str | None) -> str:
    """The short part after the last separator of <title> ("... | Playful Tones"): where sites put their name."""
    for sep in vocab()["title"]["separators"]:
        first, found, last = (title_tag or "").rpartition(sep)
        if found and len(last.split()) <= _MAX_SITE_WORDS and len(first) > len(last):
            return last.strip()
    return ""


def title(tree: HtmlElement, data: PageData, site: str | None, heads: list[str] | None = None) -> str | None:
    """The article's headline (see ``_headline``) without a trailing media tag. ``heads``: the page's
    ``h1_texts``, when the caller has them already (each call walks the whole tree)."""
    return without_media_tag(_headline(data, site, h1_texts(tree) if heads is None else heads))


def _headline(data: PageData, site: str | None, heads: list[str]) -> str | None:
    """The headline readers see (the page's <h1>), else the one given to machines.

    The <h1> wins because social and search titles are often rewritten for clicks or truncated, while the
    h1 is the headline as printed. An h1 that is the site's name or a short section label is skipped.
    """
    fallback = meta_title(data, site, heads)
    site_key = (site or "").casefold()
    # Every title the page gives machines: an h1 sharing no word with any of them is a label or a
    # widget ("Webcams", "Select an option"), not this page's headline.
    machine = " ".join(filter(None, [fallback, data.title_tag, data.first("og:title")]))
    site_like = {site_key, _trailing_part(data.title_tag).casefold()} - {""}
    usable = [
        h
        for h in heads
        if h.casefold() not in site_like
        and len(h.split()) <= _MAX_HEADLINE_WORDS
        and (len(h.split()) >= 3 or (fallback and _overlap(h, fallback) >= 0.5))
        and (not machine or _shares_content_word(h, machine, site))
    ]
    if len(usable) == 1:
        return _without_extras(usable[0], fallback)
    if usable:
        # Several h1s (logo, article, related stories): the one closest to the machine title.
        best = max(usable, key=lambda h: _overlap(h, fallback or "")) if fallback else usable[0]
        return _without_extras(best, fallback)
    return fallback


_MIN_CONTAINED_WORDS = 4
# What markup nests in an h1 beside the headline: a section label ("Blog:"), a source in brackets
# ("(latimes.com) 87"), a posting line ("Posted on ... by ...").
_H1_EXTRA = re.compile(r"^\W*(?:\w+:\s*\W*|\(\S+\.\w+\)[\s\d]*|(?:posted|published|updated)\b.*)$", re.IGNORECASE)


def _without_extras(h1: str, machine: str | None) -> str:
    """The machine title when the h1 is that title plus glued extras (see ``_H1_EXTRA``), or plus a date,
    or the same words set in capitals (the machine title keeps the headline's own casing)."""
    h1, machine = without_media_tag(h1) or h1, without_media_tag(machine)
    if machine and h1.isupper() and h1.casefold() == machine.casefold():
        return machine
    if not machine or len(machine.split()) < _MIN_CONTAINED_WORDS or len(machine) >= len(h1):
        return h1
    at = h1.casefold().find(machine.casefold())
    if at < 0:
        return h1
    before, after = h1[:at].strip(), h1[at + len(machine) :].strip()
    extra = (before + " " + after).strip()
    if _H1_EXTRA.match(extra) or parse_displayed_dates(extra) or _section_labels(before, after):
        return machine
    return h1


# A kicker or section name set off by a bar: "Politics | <headline>", "Opinion | <headline> | Editorial".
_LABEL = re.compile(r"^[\w'’&.]+(?:\s+[\w'’&.]+){0,2}$")


def _section_labels(before: str, after: str) -> bool:
    """Whether what an h1 holds beside the machine title is only short labels set off by " | "."""
    if before and not (before.endswith("|") and _LABEL.match(before[:-1].strip())):
        return False
    if after and not (after.startswith("|") and _LABEL.match(after[1:].strip())):
        return False
    return bool(before or after)


# A media tag after a headline: "... to Show Finale [Watch]", "... 19 million miles away (video)".
_MEDIA_TAG = re.compile(
    r"\s*[\[(](?:watch|video|videos|photos?|pictures|pics|gallery|listen|audio|podcast)[\])]$", re.IGNORECASE
)


def without_media_tag(headline: str | None) -> str | None:
    """The headline without a trailing bracketed media tag: the tag says what the page embeds, not what
    the story is called."""
    if not headline:
        return headline
    return _MEDIA_TAG.sub("", headline) or headline
