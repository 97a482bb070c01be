"""Read what comes before a document's root element, and make it safe before any XML parser sees it.

A DOCTYPE is the only way to smuggle entities into XML: an internal subset whose entities expand into
each other (billion laughs) or an external entity that reads a file or a URL. Every DOCTYPE is removed
here; entities with plain literal values are substituted by hand, with a size bound, and anything else
(nested, parameter or external entities) refuses the whole document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NAME = r"[A-Za-z_][\w.:-]*"
_ENTITY_DECL = re.compile(
    rf"""<!ENTITY\s+(?P<param>%\s+)?(?P<name>{_NAME})\s+(?:(?P<external>SYSTEM|PUBLIC)\b|(?P<q>["'])(?P<value>.*?)(?P=q))""",
    re.DOTALL,
)
_ENTITY_REF = re.compile(rf"&({_NAME});")
_ROOT = re.compile(rf"<({_NAME})")
_FEED_ROOT = re.compile(r"<(?:rss|feed|(?:\w+:)?RDF)\b")
# A document may add this much text through its own entities before it counts as an expansion attack.
MAX_ENTITY_GROWTH = 1_000_000


class Refused(Exception):
    """The document tries entity tricks; the message is the readable reason."""


@dataclass
class Prolog:
    root: str | None  # qualified name of the first element, as written
    doctype: tuple[int, int] | None = None  # span of the DOCTYPE declaration
    doctype_public: str = ""  # the DOCTYPE's text up to its internal subset, e.g. 'html' or 'rss PUBLIC ...'
    warnings: list[str] = field(default_factory=list)


def strip_leading_junk(text: str) -> tuple[str, list[str]]:
    """Drop whitespace, and stray output such as PHP notices, in front of the XML declaration or feed root."""
    stripped = text.lstrip()
    if stripped.startswith("<?xml") or not stripped:
        warnings = ["whitespace before the XML declaration removed"] if len(stripped) != len(text) and stripped else []
        return stripped, warnings
    if stripped.startswith("<") and not stripped.startswith("<?xml"):
        declaration = stripped.find("<?xml", 0, 4096)
        if declaration < 0:
            return stripped, []
        junk = stripped[:declaration]
        if _FEED_ROOT.search(junk) or "<html" in junk.lower():
            return stripped, []  # a real element comes first: the late declaration is the document's own problem
        return stripped[declaration:], [f"{declaration} character(s) of markup before the XML declaration removed"]
    start = stripped.find("<?xml", 0, 4096)
    if start < 0:
        root = _FEED_ROOT.search(stripped, 0, 4096)
        start = root.start() if root else -1
    if start < 0:
        return stripped, []
    return stripped[start:], [f"{start} character(s) of text before the XML removed"]


def _doctype_end(text: str, start: int) -> int:
    """Index just past the '>' closing the DOCTYPE that starts at ``start``, or -1 when it never closes."""
    i, n, quote, in_subset = start + len("<!DOCTYPE"), len(text), "", False
    while i < n:
        ch = text[i]
        if quote:
            if ch == quote:
                quote = ""
        elif in_subset and text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            if close < 0:
                return -1
            i = close + 3
            continue
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            in_subset = True
        elif ch == "]":
            in_subset = False
        elif ch == ">" and not in_subset:
            return i + 1
        i += 1
    return -1


def scan_prolog(text: str) -> Prolog:
    """Skip the XML declaration, processing instructions, comments and the DOCTYPE; name the root element."""
    i, n = 0, len(text)
    doctype: tuple[int, int] | None = None
    public = ""
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if text.startswith("<?", i):
            close = text.find("?>", i)
            if close < 0:
                break
            i = close + 2
        elif text.startswith("<!--", i):
            close = text.find("-->", i)
            if close < 0:
                break
            i = close + 3
        elif text[i : i + 9].upper() == "<!DOCTYPE":
            end = _doctype_end(text, i)
            if end < 0:
                return Prolog(root=None, doctype=(i, n), doctype_public=text[i + 9 : i + 200].strip())
            doctype = (i, end)
            body = text[i + 9 : end - 1]
            public = body.split("[", 1)[0].strip()
            i = end
        else:
            match = _ROOT.match(text, i)
            return Prolog(match.group(1) if match else None, doctype, public)
    return Prolog(None, doctype, public)


def neutralise_doctype(text: str, prolog: Prolog) -> tuple[str, list[str]]:
    """Remove the DOCTYPE; expand plain literal entities by hand; raise Refused for anything else."""
    if prolog.doctype is None:
        return text, []
    start, end = prolog.doctype
    declaration = text[start:end]
    entities: dict[str, str] = {}
    for match in _ENTITY_DECL.finditer(declaration):
        name = match.group("name")
        if match.group("external"):
            kind = "parameter entity" if match.group("param") else "entity"
            raise Refused(f"external entity refused ({kind} {name!r} points outside the document)")
        value = match.group("value")
        if match.group("param"):
            raise Refused(f"entity expansion refused (parameter entity {name!r})")
        if "<" in value or _ENTITY_REF.search(value) or "%" in value:
            raise Refused(f"entity expansion refused (entity {name!r} refers to other entities or markup)")
        entities[name] = value
    rest = text[end:]
    warnings: list[str] = []
    if entities:
        growth = 0

        def expand(match: re.Match[str]) -> str:
            nonlocal growth
            value = entities.get(match.group(1))
            if value is None:
                return match.group(0)
            growth += len(value) - len(match.group(0))
            if growth > MAX_ENTITY_GROWTH:
                raise Refused(f"entity expansion refused (entities would add more than {MAX_ENTITY_GROWTH} characters)")
            return value

        rest = _ENTITY_REF.sub(expand, rest)
        warnings.append(
            f"DOCTYPE removed; {len(entities)} declared entit{'y' if len(entities) == 1 else 'ies'} expanded"
        )
    return text[:start] + rest, warnings
