"""Paragraph-level rules that remove what extractors leave around an article: the headline repeated,
bylines and author bios, ad labels, newsletter and donation boxes, "Read more" links, photo credits."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ingest.clean import strip_boilerplate_lines
from ingest.extract.vocab import vocab

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


# A pattern that opens with ".{0,N}" then a word list ("...(sign up|subscribe)...") can only match a paragraph
# holding one of those words; re tries it at every offset, so a substring test first saves most of the time.
_FLOATING = re.compile(r"^\.\{0,\d+\}(?:\\b)?")
_META = re.compile(r"[\\.^$*+?{}\[\]()]")


def _needed_words(rest: str) -> tuple[str, ...] | None:
    """Lower-case literals one of which any match of ``rest`` contains; None when they cannot be read off."""
    if rest.startswith("("):
        depth, end = 0, -1
        for i, char in enumerate(rest):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                end = i
                break
        alternatives = _split_top(rest[1:end]) if end > 0 else []
    else:
        alternatives = [rest]
    words = tuple(_literal_prefix(a) for a in alternatives)
    return words if words and all(w.strip() for w in words) else None


def _literal_prefix(alternative: str) -> str:
    """The plain text an alternative starts with; a character made optional by a quantifier is not part."""
    match = _META.search(alternative)
    if not match:
        return alternative.lower()
    prefix = alternative[: match.start()]
    return (prefix[:-1] if match.group() in "?*{" else prefix).lower()


def _split_top(group: str) -> list[str]:
    """``a|b (c|d)|e`` -> [a, b (c|d), e]: alternatives at the top level only."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(group):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(group[start:i])
            start = i + 1
    return [*parts, group[start:]]


_Floating = list[tuple[tuple[str, ...], re.Pattern[str]]]


@lru_cache(maxsize=1)
def _furniture() -> tuple[re.Pattern[str] | None, _Floating, tuple[str, ...]]:
    """The anchored patterns as one regex, each floating pattern with the words it needs, and all those
    words."""
    anchored, floating = [], []
    for source in vocab()["boilerplate"]["paragraphs"]:
        lead = _FLOATING.match(source)
        words = _needed_words(source[lead.end() :]) if lead else None
        if words:
            floating.append((words, re.compile(source, re.IGNORECASE)))
        else:
            anchored.append(source)
    joined = re.compile("|".join(f"(?:{p})" for p in anchored), re.IGNORECASE) if anchored else None
    needed = tuple(dict.fromkeys(w for words, _regex in floating for w in words))
    return joined, floating, needed


def is_furniture(paragraph: str) -> bool:
    text = paragraph.strip(" \t-–—•*|[]")
    anchored, floating, needed = _furniture()
    if anchored is not None and anchored.fullmatch(text):
        return True
    lower = text.lower()
    # Most paragraphs hold none of the words, and then no floating pattern can match: one flat test of all
    # words is half the cost of the nested per-pattern tests (a regex alternation of them is slower still).
    if not any(map(lower.__contains__, needed)):
        return False
    return any(any(w in lower for w in words) and regex.fullmatch(text) for words, regex in floating)


def drop_furniture(paragraphs: list[str]) -> list[str]:
    # Every pattern is bounded well under this length: longer paragraphs are text, not furniture.
    return [p for p in paragraphs if len(p) > _MAX_FURNITURE_CHARS or not is_furniture(p)]


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
        keys = {_key(a) for a in authors}  # once, not once per short paragraph
        paragraphs = [p for p in paragraphs if not (len(p.split()) <= 6 and _key(p) in keys)]
    return paragraphs


def clean_paragraphs(paragraphs: list[str], titles: list[str], authors: list[str] | None = None) -> list[str]:
    paragraphs = [line for line in strip_boilerplate_lines("\n".join(paragraphs)).split("\n") if line.strip()]
    paragraphs = drop_leading_headline(paragraphs, titles)
    paragraphs = drop_furniture(paragraphs)
    return drop_bylines_and_bios(paragraphs, authors or [])
