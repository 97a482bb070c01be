"""HTML text -> one lxml tree, shared by every step that follows."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

# Control characters other than tab/newline make libxml2 stop or drop content.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PARSER = HTMLParser(
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    huge_tree=True,
)


# Elements whose text no reader sees. Removed once the structured data has been read from the scripts,
# so that every later step walks a smaller tree and page-text measures count only visible text.
INVISIBLE = ("script", "style", "noscript", "template", "svg")


def drop_invisible(tree: HtmlElement) -> None:
    etree.strip_elements(tree, *INVISIBLE, with_tail=False)


def parse_html(html: str) -> HtmlElement | None:
    """The document tree, or None when there is nothing parseable."""
    html = _CONTROL.sub("", html)
    if not html.strip():
        return None
    try:
        # Bytes plus an explicit encoding: lxml rejects str input that carries an XML declaration.
        tree = document_fromstring(html.encode("utf-8", errors="replace"), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return tree if len(tree) else None
