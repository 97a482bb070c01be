"""Language of the page: what the page declares, else what its text looks like."""

from __future__ import annotations

import re

from ingest.extract.structured import PageData
from ingest.extract.vocab import vocab

_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
# Only this much text is enough to overrule a declared language (templates often keep a default "en").
_OVERRIDE_CHARS = 1000
_DETECT_CHARS = 1000  # a few paragraphs give a confident guess; more only costs time


def _iso639_1(value: str | None) -> str | None:
    match = _CODE.match((value or "").strip())
    if not match:
        return None
    code = match.group(1).lower()
    return code if len(code) == 2 else None


def detect_language(text: str) -> str | None:
    text = text.strip()[:_DETECT_CHARS]
    if not text:
        return None
    import py3langid  # loads its bundled model once per process

    code, _score = py3langid.classify(text)
    return code if len(code) == 2 else None


def declared_language(data: PageData) -> str | None:
    candidates = [data.html_lang]
    candidates += [data.first(key) for key in vocab()["meta"]["language"]]
    if data.article:
        lang = data.article.get("inLanguage")
        candidates.append(lang if isinstance(lang, str) else None)
    for value in candidates:
        if code := _iso639_1(value):
            return code
    return None


_LATIN_WORDS = re.compile(r"[a-z]+")
# The commonest English words: together about a third of running English text and rare in other languages
# written in Latin script, so a high share of them confirms a declared "en" without running the classifier.
_ENGLISH_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "that",
        "for",
        "it",
        "with",
        "as",
        "was",
        "on",
        "are",
        "be",
        "this",
        "by",
        "you",
        "at",
        "from",
        "have",
        "or",
        "not",
        "but",
    ]
)
_ENGLISH_SHARE = 0.2


def _clearly_english(text: str) -> bool:
    words = _LATIN_WORDS.findall(text[:_DETECT_CHARS].lower())
    if len(words) < 50:
        return False
    # map() over the set's own membership test: the same count, without a generator step per word.
    return sum(map(_ENGLISH_FUNCTION_WORDS.__contains__, words)) >= _ENGLISH_SHARE * len(words)


def page_language(data: PageData, text: str) -> str | None:
    """Declared language, checked against the text: templates often keep a default "en" on every page."""
    declared = declared_language(data)
    if not declared:
        return detect_language(text)
    if len(text) < _OVERRIDE_CHARS or (declared == "en" and _clearly_english(text)):
        return declared
    detected = detect_language(text)
    return detected if detected and detected != declared else declared
