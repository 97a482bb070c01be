"""HTML text -> one lxml tree, shared by every step that follows."""

from __future__ import annotations

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
)

# Control characters other than tab/newline make libxml2 stop or drop content. Deleted from the UTF-8
# bytes (a byte below 0x20 is never part of a multi-byte character): bytes.translate is ~4x a regex.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_PARSER = HTMLParser(
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    huge_tree=True,
)
# lxml.html's default lookup is a Python method called for every element proxy that lxml creates (trafilatura
# creates hundreds of thousands per page); it only picks form-control classes (FormElement, InputElement...),
# whose extra methods (.value, .fields) nothing here uses. A C-level lookup gives every element an HtmlElement.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)


# Elements whose text no reader sees. Removed once the structured data has been read from the scripts,
# so that every later step walks a smaller tree and page-text measures count only visible text.
INVISIBLE = ("script", "style", "noscript", "template", "svg")


def drop_invisible(tree: HtmlElement) -> None:
    etree.strip_elements(tree, *INVISIBLE, with_tail=False)


def parse_html(html: str, utf8: bytes | None = None) -> HtmlElement | None:
    """The document tree, or None when there is nothing parseable. ``utf8``: ``html`` encoded as UTF-8,
    when the caller has those bytes already."""
    # Bytes plus an explicit encoding: lxml rejects str input that carries an XML declaration.
    if utf8 is None:
        utf8 = html.encode("utf-8", errors="replace")
    data = utf8.translate(None, _CONTROL_BYTES)
    if not data.strip():
        return None
    try:
        tree = document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return tree if len(tree) else None
