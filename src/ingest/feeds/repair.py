"""Small text repairs that let the strict XML parser read what real feeds get slightly wrong.

Each returns the repaired text and how many places it changed; CDATA sections and comments are left
alone because their content is literal.
"""

from __future__ import annotations

import re
from html.entities import name2codepoint

_LITERAL = re.compile(r"<!\[CDATA\[.*?\]\]>|<!--.*?-->", re.DOTALL)
_NAMED_REF = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_BARE_AMPERSAND = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z_][\w.:-]*;)")
_XML_PREDEFINED = {"amp", "lt", "gt", "quot", "apos"}
# Characters XML 1.0 forbids outright; CMSs leak them from pasted Word text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _outside_literals(text: str, fix) -> tuple[str, int]:
    parts: list[str] = []
    changed = 0
    last = 0
    for match in _LITERAL.finditer(text):
        fixed, n = fix(text[last : match.start()])
        parts += [fixed, match.group(0)]
        changed += n
        last = match.end()
    fixed, n = fix(text[last:])
    parts.append(fixed)
    return "".join(parts), changed + n


def _html_entities(chunk: str) -> tuple[str, int]:
    count = 0

    def numeric(match: re.Match[str]) -> str:
        nonlocal count
        name = match.group(1)
        if name in _XML_PREDEFINED or name not in name2codepoint:
            return match.group(0)
        count += 1
        return f"&#{name2codepoint[name]};"

    return _NAMED_REF.sub(numeric, chunk), count


def _ampersands(chunk: str) -> tuple[str, int]:
    return _BARE_AMPERSAND.subn("&amp;", chunk)


def repair_markup(text: str) -> tuple[str, list[str]]:
    warnings: list[str] = []
    text, controls = _CONTROL.subn("", text)
    if controls:
        warnings.append(f"{controls} control character(s) not allowed in XML removed")
    text, entities = _outside_literals(text, _html_entities)
    if entities:
        warnings.append(f"{entities} HTML entity reference(s) rewritten as character references")
    text, ampersands = _outside_literals(text, _ampersands)
    if ampersands:
        warnings.append(f"{ampersands} unescaped '&' escaped")
    return text, warnings


_TAG = re.compile(r"<!\[CDATA\[.*?\]\]>|<!--.*?-->|<\?.*?\?>|<(/?)([A-Za-z_][\w.:-]*)[^<>]*?(/?)>", re.DOTALL)
_ITEM_END = re.compile(r"</(?:[\w.-]+:)?(?:item|entry)\s*>")


def close_after_last_item(text: str) -> tuple[str, int] | None:
    """Cut a truncated document after its last complete item and close the elements still open.

    Returns the repaired text and the offset where it was cut, or None when no item ever closed.
    """
    last = None
    for last in _ITEM_END.finditer(text):  # noqa: B007 - only the last match matters
        pass
    if last is None:
        return None
    kept = text[: last.end()]
    stack: list[str] = []
    for match in _TAG.finditer(kept):
        closing, name, self_closing = match.group(1), match.group(2), match.group(3)
        if name is None or self_closing:
            continue
        if closing:
            if name in stack:
                while stack and stack.pop() != name:
                    pass
        else:
            stack.append(name)
    return kept + "".join(f"</{name}>" for name in reversed(stack)), last.end()
