"""Main article text: candidates from the DOM (trafilatura) and from JSON-LD, checked against each other."""

from __future__ import annotations

import html
import logging
import re
from copy import copy
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml.html import HtmlElement, fragment_fromstring

from ingest.clean import normalize_text
from ingest.extract.boilerplate import clean_paragraphs
from ingest.extract.structured import PageData

if TYPE_CHECKING:  # trafilatura itself is imported on first use: it takes about a second
    from trafilatura.settings import Extractor

# trafilatura logs every page it discards at WARNING: noise for a batch pipeline that counts failures itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_TOKENS = re.compile(r"\w+")
_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
# JSON-LD bodies shorter than this are teasers or descriptions, not the article.
_MIN_JSONLD_CHARS = 400
# DOM text holding the JSON-LD body plus this much unrelated text again has swallowed neighbouring content.
_CONTAINS_SHARE = 0.7
_EXTRA_SHARE = 0.5
# Below this overlap both ways the two candidates are different texts.
_DISAGREE_SHARE = 0.2
_KEEP_PARAGRAPH_SHARE = 0.5
# A first pass returning less than this share of the page's visible text probably missed the article.
_CASCADE_BELOW_SHARE = 0.1


def _paragraphs(text: str) -> list[str]:
    # Only split here: the joined text is normalised once at the end (normalize_text is idempotent).
    return [line.strip() for line in text.splitlines() if line.strip()]


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _TOKENS.findall(text.casefold())
    if len(tokens) < 4:
        return {tuple(tokens)} if tokens else set()
    # zip of four shifted views: the same 4-grams as slicing at every offset, without a slice per token.
    return set(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


@lru_cache(maxsize=2)
def _pass_options(fast: bool) -> Extractor:
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=fast, comments=False, tables=True)


def trafilatura_options(url: str | None, fast: bool) -> Extractor:
    """What ``bare_extraction(url=url, fast=fast, include_comments=False, include_tables=True,
    output_format="python")`` builds, from a copy: building an Extractor reads nine settings through
    configparser (~0.13 ms a call). Only the URL fields differ between pages; they are set as Extractor's
    own constructor sets them (trafilatura's CLI likewise reuses one Extractor and sets ``url``)."""
    options = copy(_pass_options(fast))
    options.url = url
    source = url or None
    options.source = source and source.encode("utf-8", "replace").decode("utf-8")
    return options


def _trafilatura(tree: HtmlElement, url: str | None, fast: bool) -> list[str]:
    from trafilatura import bare_extraction

    document = bare_extraction(tree, options=trafilatura_options(url, fast))
    if document is None or not getattr(document, "text", None):
        return []
    return _paragraphs(document.text)


def dom_paragraphs(tree: HtmlElement, url: str | None, page_chars: int) -> list[str]:
    """trafilatura's main extractor alone, and its full cascade only when that found too little.

    The cascade (readability and jusText comparisons, recall retries) costs about as much again, and on
    news pages the main extractor alone is as accurate or more: it is worth running only when the first
    pass covers a small share of the page's text, the sign of an unusual layout it did not understand.
    """
    # trafilatura copies the tree up to three times per pass and runs its XPath prunes over all of it, yet
    # without metadata extraction it never reads <head> (its page measures use <body>): set it aside.
    head = tree.find("head")
    at = tree.index(head) if head is not None else -1
    if head is not None:
        tree.remove(head)
    try:
        paragraphs = _trafilatura(tree, url, fast=True)
        if sum(len(p) for p in paragraphs) < _CASCADE_BELOW_SHARE * page_chars or not paragraphs:
            paragraphs = _trafilatura(tree, url, fast=False) or paragraphs
    finally:
        if head is not None:
            tree.insert(at, head)
    return paragraphs


def jsonld_paragraphs(data: PageData) -> list[str]:
    if not data.article:
        return []
    body = data.article.get("articleBody")
    if not isinstance(body, str) or not body.strip():
        return []
    if _TAG.search(body):  # some CMSs put the HTML of the body in the JSON
        try:
            fragment = fragment_fromstring(body, create_parent="div")
            for block in fragment.iter("p", "br", "h2", "h3", "h4", "li", "div"):
                block.tail = "\n" + (block.tail or "")
            body = fragment.text_content()
        except Exception:  # malformed markup: keep the raw string, tags and all, rather than nothing
            pass
    return _paragraphs(html.unescape(body))


def reconcile(dom: list[str], structured: list[str]) -> tuple[list[str], str]:
    """Pick or trim candidates by how much text they share.

    * DOM text that contains the publisher's JSON-LD body plus much more has picked up neighbouring
      content (related stories, live-blog entries): keep only its paragraphs that belong to the body.
    * Candidates that share almost nothing mean the DOM extraction found some other block (a listing,
      a cookie notice): the publisher's own statement of the body wins.
    """
    if not structured or sum(len(p) for p in structured) < _MIN_JSONLD_CHARS:
        return dom, "dom"
    if structured[-1].endswith(("…", "...", "[…]", "[...]")):  # a teaser cut at N characters
        return dom, "dom"
    if not dom:
        return structured, "jsonld"
    s_dom, s_json = _shingles(" ".join(dom)), _shingles(" ".join(structured))
    shared = len(s_dom & s_json)
    json_in_dom, dom_in_json = shared / max(1, len(s_json)), shared / max(1, len(s_dom))
    if json_in_dom >= _CONTAINS_SHARE and dom_in_json < _EXTRA_SHARE:
        kept = []
        for paragraph in dom:
            own = _shingles(paragraph)
            if own and len(own & s_json) / len(own) >= _KEEP_PARAGRAPH_SHARE:
                kept.append(paragraph)
        return (kept, "dom+jsonld") if kept else (structured, "jsonld")
    if json_in_dom < _DISAGREE_SHARE and dom_in_json < _DISAGREE_SHARE:
        return structured, "jsonld"
    return dom, "dom"


def main_text(
    tree: HtmlElement, data: PageData, url: str | None, titles: list[str], page_chars: int
) -> tuple[str, str | None]:
    """The article text and the name of the candidate it came from."""
    paragraphs, source = reconcile(dom_paragraphs(tree, url, page_chars), jsonld_paragraphs(data))
    paragraphs = clean_paragraphs(paragraphs, titles)
    text = normalize_text("\n\n".join(paragraphs))
    return (text, source) if text else ("", None)
