"""Paragraph-level rules that remove what extractors leave around an article: the headline repeated,
bylines and author bios, ad labels, newsletter and donation boxes, "Read more" links, photo credits."""

from __future__ import annotations

import re
import unicodedata

from ingest.clean import strip_boilerplate_lines
from ingest.extract.vocab import pattern

_SPACES = re.compile(r"\s+")
_MAX_FURNITURE_CHARS = 500
_BIO_VERB = re.compile(r"^.{0,60}?\b(is|was|has been|writes|covers|reports)\b", re.IGNORECASE)
_BYLINE = re.compile(r"^(by|written by)\s+\S.{0,80}$", re.IGNORECASE)


def _key(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def drop_leading_headline(paragraphs: list[str], titles: list[str]) -> list[str]:
    """The headline is metadata, not body: drop it when the text opens with it."""
    keys = {_key(t) for t in titles if t}
    while paragraphs and _key(paragraphs[0]) in keys:
        paragraphs = paragraphs[1:]
    return paragraphs


def drop_furniture(paragraphs: list[str]) -> list[str]:
    furniture = pattern("boilerplate", "paragraphs")
    # Every pattern is bounded well under this length: longer paragraphs are text, not furniture.
    return [p for p in paragraphs if len(p) > _MAX_FURNITURE_CHARS or not furniture.fullmatch(p.strip(" \t-–—•*|[]"))]


def _mentions_author(paragraph: str, authors: list[str]) -> bool:
    head = paragraph[:80].casefold()
    for name in authors:
        parts = name.casefold().split()
        if parts and (name.casefold() in head or (len(parts) > 1 and head.startswith(parts[-1]))):
            return True
    return False


def drop_bylines_and_bios(paragraphs: list[str], authors: list[str]) -> list[str]:
    """A "By Jane Doe" line at the start, and "Jane Doe is a reporter..." bios at the end."""
    while paragraphs and _BYLINE.match(paragraphs[0]) and len(paragraphs[0].split()) <= 12:
        paragraphs = paragraphs[1:]
    if authors:
        while (
            paragraphs
            and len(paragraphs[-1].split()) <= 80
            and _mentions_author(paragraphs[-1], authors)
            and _BIO_VERB.match(paragraphs[-1])
        ):
            paragraphs = paragraphs[:-1]
        paragraphs = [p for p in paragraphs if not (len(p.split()) <= 6 and _key(p) in {_key(a) for a in authors})]
    return paragraphs


def clean_paragraphs(paragraphs: list[str], titles: list[str], authors: list[str] | None = None) -> list[str]:
    paragraphs = [line for line in strip_boilerplate_lines("\n".join(paragraphs)).split("\n") if line.strip()]
    paragraphs = drop_leading_headline(paragraphs, titles)
    paragraphs = drop_furniture(paragraphs)
    return drop_bylines_and_bios(paragraphs, authors or [])
