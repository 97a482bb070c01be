"""Sentence spans and accent folding. Every function keeps character offsets into the original text."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Abbreviations whose full stop does not end a sentence ("U.S. forces", "Gen. Smith").
_ABBREVIATIONS = {"u.s", "u.n", "u.k", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "e.g",
                  "i.e", "a.m", "p.m", "rep", "sen", "gov", "prof", "adm", "cmdr", "brig", "u.s.-led"}  # fmt: skip
# Every break starts with whitespace: the leading (?=\s) changes nothing but lets the engine leave every other
# character at once.
_BOUNDARY = re.compile(r"(?=\s)(?:(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*)")
_LAST_WORD = re.compile(r"([\w.-]+)\.$")
_INITIAL = re.compile(r"[A-Z]")  # "Dwight D. Eisenhower"
# A wire dateline opening a story: "ADEN -", "EL-ARISH, Egypt (AP) —", "WASHINGTON, Feb 6 (Reuters) -",
# "DOHA/TEHRAN -", "PRINCE SULTAN AIR BASE, Saudi Arabia —". Group 1 is the place in capitals; the whole match
# runs to the dash, so what it names is where the story was filed, never a party to it.
_DATELINE = re.compile(
    r"([A-Z][A-Z'\u2019.-]*[A-Z](?:[ /][A-Z][A-Z'\u2019.-]*[A-Z]){0,4})"
    # ", Egypt", ", Kurdistan Region", ", Democratic Republic of Congo"
    r"(?:,\s+[A-Z][\w'\u2019.-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\w'\u2019.-]+){0,3})?"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # ", Feb 6"
    r"\s*(?:\([^()]{1,24}\)\s*)?"  # "(Reuters)"
    r"(?:[-\u2013\u2014]|--)\s"
)
_QUOTE_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "`": "'", "“": '"', "”": '"'})


@cache
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0] if decomposed else ch
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Accent-free text of the same length ("Ḩadīthah" -> "Hadithah", curly quotes -> straight)."""
    if text.isascii():
        return text
    return "".join(_fold_char(c) for c in text.translate(_QUOTE_MARKS))


def dateline(sentence: str) -> re.Match[str] | None:
    """The wire dateline that opens `sentence`, if any (see _DATELINE)."""
    return _DATELINE.match(sentence) if sentence[:2].isupper() else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed; paragraphs and line breaks always split."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.start() > 0 and text[m.start() - 1] == ".":
            word = _LAST_WORD.search(text, max(0, m.start() - 12), m.start())
            # a lone initial ("John F. Kennedy") or an abbreviation does not end the sentence
            abbreviation = word and (word.group(1).lower() in _ABBREVIATIONS or _INITIAL.fullmatch(word.group(1)))
            if abbreviation and "\n" not in m.group():
                continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# A quotation, straight or curly: '"This is a truce without a text," said a Western diplomat'
_QUOTATION = re.compile(r'["\u201c]([^"\u201c\u201d]+)["\u201d]')


def quotations(text: str) -> list[re.Match[str]]:
    """The quotations in `text`, left to right (group 1: the words quoted); an unclosed mark opens none."""
    return list(_QUOTATION.finditer(text)) if '"' in text or "\u201c" in text else []
