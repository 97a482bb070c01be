"""Author names: from JSON-LD, <meta>, byline markup, then the "By ..." line under the headline.

Each source is tried in turn and the first that yields a plausible person name wins. A "name" must look
like one (capitalised words, no digits, no role or outlet words): outlets, desks and usernames are dropped
rather than reported as people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.metadata import clean_field
from ingest.extract.structured import PageData, types_of
from ingest.extract.vocab import pattern, vocab

_MAX_NAME_CHARS = 60
_MAX_BYLINE_CHARS = 160
_GLUED_BY = re.compile(r"^(?:By|Written by|Author)(?=[A-Z][a-z])")
_LAST_FIRST = re.compile(r"^([^,\s][^,]{0,30}),\s*([^,]{1,40})$")
# "By Jane Doe" / "Written by Jane Doe and John Roe": capitalised words after the marker.
_NAME_WORDS = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|van|der|de|al|bin|von|da|di|la|le)){1,4}"
_BYLINE_TEXT = re.compile(
    rf"(?:^|[\s|•·])(?:[Bb]y|BY|[Ww]ritten by|[Aa]uthor:?)\s*"
    rf"({_NAME_WORDS}(?:\s*(?:,|and|&)\s*{_NAME_WORDS})*)"
)
_NAME_THEN_DATE = re.compile(
    rf"({_NAME_WORDS})\s*(?:[|•·,—–-]\s*)?"
    rf"(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{{1,2}}[/.]\d)"
)


def _names_from_jsonld(value: Any, people_only: bool = True) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names_from_jsonld(v, people_only)]
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        kinds = types_of(value)
        if people_only and kinds and not kinds & set(vocab()["jsonld"]["person_types"]):
            return []  # beside people, an Organization is the outlet, not an author
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}"]
    return []


def _strip_prefix(text: str) -> str:
    prefixes = pattern("authors", "prefixes")
    while (match := prefixes.match(text)) and match.end() > 0:
        text = text[match.end() :].lstrip(" :")
    # "ByJane Doe": markup that glues the label to the name.
    return _GLUED_BY.sub("", text)


def split_byline(byline: str) -> list[str]:
    """ "By Jane Doe and John Roe, Reuters" -> ["Jane Doe", "John Roe", "Reuters"] (outlets go later)."""
    text = _strip_prefix(clean_field(byline) or "")
    credentials = pattern("authors", "credentials")
    pieces = [p.strip() for p in re.split("|".join(vocab()["authors"]["separators"]), text) if p and p.strip()]
    # Credentials after a comma ("Jane Doe, MD") belong to the name before them: drop them, keep the name.
    return [p for p in pieces if not credentials.fullmatch(p)]


def is_declared_name(name: str) -> bool:
    """A name the publisher declared as the author in a field meant for it (JSON-LD, <meta>, rel=author).

    Looser than ``is_person_name``: bylines name teams, desks, outlets and single first names or handles
    ("Susan", "Everfit Team", "AJLabs"), and such a field is trusted to hold a byline. Only values that
    cannot be one are refused: links, e-mail addresses, numeric ids, labels and sentences.
    """
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > _MAX_NAME_CHARS or len(name) < 2:
        return False
    if name.replace(" ", "").isdigit() or not any(c.isalpha() for c in name):
        return False
    return not pattern("authors", "not_a_byline").search(name)


def is_person_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 5 or len(name) > _MAX_NAME_CHARS:
        return False
    if pattern("authors", "not_a_person").search(name):
        return False
    particles = set(vocab()["authors"]["particles"])
    for word in words:
        first = word.lstrip("'‘\"(")[:1]
        # Scripts without letter case (Arabic, CJK...) pass; in cased scripts every word but a particle
        # ("van", "al", "de") starts with a capital.
        if first.islower() and word.casefold() not in particles:
            return False
    return True


# Part of the name, unlike the credentials that share the list: "George T. Conway III", "John Garcia Jr.".
_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _trim_trailing_words(name: str) -> str:
    """Drop what byline markup glues after a name: a month ("Jane Doe Dec"), a credential ("Jane Doe MS")."""
    words = name.split()
    months = _month_words()
    credentials = pattern("authors", "credentials")
    while len(words) > 2 and (
        words[-1].lower().rstrip(".") in months
        or (credentials.fullmatch(words[-1]) and words[-1].lower().rstrip(".") not in _GENERATIONAL)
    ):
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=1)
def _month_words() -> frozenset[str]:
    return frozenset(name for names in vocab()["dates"]["months"] for name in names)


def clean_name(name: str, site: str | None, declared: bool = False) -> str | None:
    """The name in a byline piece, or None when it is not one. ``declared``: the piece comes from a field
    meant for the author, so teams, outlets and single names count (see ``is_declared_name``)."""
    name = _strip_prefix(clean_field(name) or "")
    name = re.sub(r"^(?:dr|prof|mr|mrs|ms|sir)\.?\s+", "", name, flags=re.IGNORECASE)
    name = name.strip(" ,;:-–—|•·")
    name = _trim_trailing_words(name)
    if not re.search(r"\b[A-Z]\.$", name):  # keep the full stop of a final initial ("Nelson C.J.")
        name = name.rstrip(".")
    if not name or (site and name.casefold() == site.casefold()):
        return None
    if declared:
        return name if is_declared_name(name) else None
    if not is_person_name(name):
        return None
    if name.isupper():
        name = name.title()
    return name


def _clean_all(raw: list[str], site: str | None, split: bool = True, declared: bool = False) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    for value in raw:
        if (clean_field(value) or "").startswith((",", "|", "-")):
            continue  # ", The Daily Journal": a template that lost the person's name, left with the outlet
        for piece in split_byline(value) if split else [value]:
            name = clean_name(piece, site, declared)
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
    return names


def _from_jsonld(data: PageData, people_only: bool = True) -> list[str]:
    """Author names of the article's JSON-LD; with ``people_only`` False, Organization authors too."""
    nodes = [data.article] if data.article else []
    article_types = set(vocab()["jsonld"]["article_types"])
    nodes += [o for o in data.jsonld if o is not data.article and types_of(o) & article_types]
    for node in nodes:
        raw = _names_from_jsonld(node.get("author"), people_only)
        if raw := raw or _names_from_jsonld(node.get("creator"), people_only):
            return raw
    return []


def _from_meta(data: PageData) -> tuple[list[str], bool]:
    """Raw values, and whether each value is exactly one person (so commas are not separators)."""
    for key in vocab()["meta"]["authors"]:
        values = [v for v in data.meta.get(key, ()) if v.strip() and not v.strip().startswith("http")]
        if not values:
            continue
        if len(values) > 1:  # one tag per person, sometimes written "Last, First"
            return [_LAST_FIRST.sub(r"\2 \1", v.strip()) for v in values], False
        return values, True
    return [], True


def _in_comments(el: HtmlElement) -> bool:
    # Checked on the few candidates in Python: an XPath ancestor test runs on every element of the page.
    return any("comment" in (a.get("class") or "") or "comment" in (a.get("id") or "") for a in el.iterancestors())


# Through the attribute axis: libxml2 then tests only the elements that carry the attribute, not every
# element of the page (about 2x faster); the node-set is the same, in document order.
_MARKED_AUTHOR = etree.XPath('//@rel[. = "author"]/.. | //@itemprop[. = "author"]/..')


def _from_markup(tree: HtmlElement, data: PageData) -> list[str]:
    # The XPath compares whole values: the page must hold "author" quoted, or unquoted after "=".
    if not any(data.may_contain(form) for form in ('"author"', "'author'", "=author")):
        return []
    marked = [el for el in _MARKED_AUTHOR(tree) if not _in_comments(el)]
    found: list[str] = []
    for el in marked:
        if el.get("itemprop") == "author":
            inner = el.xpath('.//*[@itemprop="name"]')
            found.extend(n.get("content") or n.text_content() for n in inner)
        else:
            found.append(el.get("content") or el.text_content())
    if not found:
        found = [el.get("content") or el.text_content() for el in marked if el.get("itemprop") == "author"]
    return [f for f in found if f and len(f.strip()) <= _MAX_BYLINE_CHARS][:4]


def _byline_classed(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Elements whose class contains "author" or "byline", in document order: the elements of
    ``//*[contains(@class, "author") or contains(@class, "byline")]``, tested in Python (XPath's contains()
    on every element of the page costs twice as much)."""
    for el in tree.iter(etree.Element):
        if (classes := el.get("class")) and ("author" in classes or "byline" in classes):
            yield el


def _from_byline_classes(tree: HtmlElement) -> list[str]:
    """Elements whose class says author/byline, in page order."""
    found: list[str] = []
    skip = pattern("authors", "byline_class_skip")
    for el in _byline_classed(tree):
        if skip.search(el.get("class") or "") or _in_comments(el):
            continue
        # Text nodes joined with "|", a byline separator: markup separates a name from the role, date or
        # "Read more" printed beside it ("<b>Jane Doe</b><span>Gardener</span>").
        text = clean_field(" | ".join(t.strip() for t in el.itertext() if t.strip()))
        if text and len(text) <= _MAX_BYLINE_CHARS:
            found.append(text)
        if len(found) >= 6:
            break
    return found


_LABELLED = re.compile(r"^(?:by|written by|posted by|text by|words by|authou?r)\b\s*:?\s*(\S.*)$", re.IGNORECASE)
# Where a labelled byline's name ends: "by Kiersten on May 5", "By FlowGuard EMEA • 04-ago-2021".
_BYLINE_END = re.compile(r"\s+(?:on|in|at|from|for)\s+|\s*[•·|—–]\s*|\s+-\s+|\s+\d|,\s*\d")
_TEAM = re.compile(r"^(?:team\s+\S+|(?:\S+\s+){1,3}(?:team|staff|editors|desk|newsdesk|newsroom))$", re.IGNORECASE)


def _labelled_bylines(texts: list[str]) -> list[str]:
    """The name part of "By X" pieces of byline elements, and pieces that name a team ("Podium Staff").

    Read as declared bylines: a label or an author class says this is who wrote the page, even when it is
    a team, an outlet or a single name that would not pass as a person's name.
    """
    found = []
    for text in texts:
        for piece in text.split(" | "):
            if match := _LABELLED.match(piece):
                found.append(_BYLINE_END.split(match.group(1), maxsplit=1)[0])
            elif _TEAM.match(piece):
                found.append(piece)
    return found


def _leading_name_words(text: str) -> str:
    """The capitalised words a byline capture starts with, up to the first label, month or role word."""
    kept: list[str] = []
    months = _month_words()
    for word in text.split():
        bare = word.strip(",;")
        if bare.lower().rstrip(".") in months or pattern("authors", "not_a_person").search(bare):
            break
        kept.append(bare)
        if word.endswith((",", ";")):
            break
    return " ".join(kept)


# Lower-case words that follow a whole name in a byline ("By Mary Ann Ruiz and ...", "... of Reuters").
_AFTER_NAME = frozenset({"and", "on", "at", "for", "from", "via", "in", "of", "with", "|"})


def _from_header(after_headline: str) -> list[str]:
    """ "By Jane Doe" printed between the headline and the body, or a name opening that zone right before a
    date ("Jane Doe  March 5, 2024")."""
    match = _BYLINE_TEXT.search(after_headline)
    if match:
        found = match.group(1)
        if "," in found:
            return [found]
        found = _leading_name_words(found)
        # "By Trevor Jones Last updated ...", "By Eric Ries Is a ...": a capitalised word followed by a
        # lower-case one opens the next sentence or label, not the name.
        words = found.split()
        rest = after_headline[match.end(1) :].split()
        if len(words) > 2 and rest and rest[0][:1].islower() and rest[0] not in _AFTER_NAME:
            found = " ".join(words[:-1])
        return [found]
    match = _NAME_THEN_DATE.match(after_headline.strip())
    return [match.group(1)] if match else []


def _typed_person_author(data: PageData) -> bool:
    """The article's author is declared a schema.org Person (then a name equal to the site is still a person:
    personal sites are named after their author)."""
    author = (data.article or {}).get("author")
    nodes = author if isinstance(author, list) else [author]
    person = set(vocab()["jsonld"]["person_types"])
    return any(isinstance(n, dict) and types_of(n) & person for n in nodes)


def authors(tree: HtmlElement, data: PageData, site: str | None, after_headline: str = "") -> list[str]:
    # Fields declared for the author: people by the strict rule first, else the declared byline as is.
    raw_ld = _from_jsonld(data)
    names = _clean_all(raw_ld, None if _typed_person_author(data) else site) or _clean_all(raw_ld, site, declared=True)
    if names:
        return names
    raw, split = _from_meta(data)
    names = _clean_all(raw, site, split) or _clean_all(raw, site, split, declared=True)
    if names:
        return names
    marked = _from_markup(tree, data)
    names = _clean_all(marked, site) or _clean_all(marked, site, declared=True)
    if names:
        return names
    classed = _from_byline_classes(tree)
    for text in classed:
        if names := _clean_all([text], site):
            return names
    names = _clean_all(_from_header(after_headline), site)
    if names:
        return names
    for text in _labelled_bylines(classed):
        if names := _clean_all([text], site, declared=True):
            return names
    # Last: an Organization, or the site itself, declared as the author. Many CMSs fill the field with the
    # publisher even when a person's byline is printed, so it counts only when no one else was found.
    for raw, split in ((_from_jsonld(data, people_only=False), True), _from_meta(data), (marked, True)):
        if names := _clean_all(raw, None, split, declared=True):
            return names
    return []
