"""Main article text: candidates from the DOM (trafilatura) and from JSON-LD, checked against each other."""

from __future__ import annotations

import logging

from lxml.html import HtmlElement

from ingest.clean import normalize_text
from ingest.extract.boilerplate import clean_paragraphs
from ingest.extract.structured import PageData

# trafilatura logs every page it discards at WARNING: noise for a batch pipeline that counts failures itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in normalize_text(text).split("\n") if line.strip()]


def dom_text(tree: HtmlElement, url: str | None) -> str:
    from trafilatura import bare_extraction

    document = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        output_format="python",
        with_metadata=False,
    )
    if document is None or not getattr(document, "text", None):
        return ""
    return "\n\n".join(_paragraphs(document.text))


def jsonld_text(data: PageData) -> str:
    if not data.article:
        return ""
    body = data.article.get("articleBody")
    if not isinstance(body, str):
        return ""
    return "\n\n".join(_paragraphs(body))


def main_text(
    tree: HtmlElement, data: PageData, url: str | None, titles: list[str]
) -> tuple[str, str | None]:
    """The article text and the name of the candidate it came from."""
    for name, candidate in (("dom", dom_text(tree, url)), ("jsonld", jsonld_text(data))):
        paragraphs = clean_paragraphs(candidate.split("\n\n"), titles) if candidate else []
        if paragraphs:
            return "\n\n".join(paragraphs), name
    return "", None
