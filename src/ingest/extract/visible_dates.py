"""The date a reader sees under the headline ("Updated March 5, 2024", "5 Mar 2024 | 10:00").

Pages often carry several machine dates (first publication, last update, sitemap dates); the one shown
beside the headline is the one the publisher stands by, and it is in the publisher's own time zone.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from ingest.extract.vocab import pattern, vocab

_SPACES = re.compile(r"\s+")
_LABEL_WINDOW = 40  # characters before a date searched for "Published", "Updated", "on Sunday,"...
_BODY_START_CHARS = 500
# "... game Saturday, Dec. 2, 2023" / "... the resort, Thursday, Dec. 21": a weekday with its comma right
# after a lower-case word is running text (a photo caption, the story), not a dateline. Case-sensitive:
# datelines follow a name or a label.
_CAPTION_WEEKDAY = re.compile(r"[a-z]{2},?\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+$")


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern[str], dict[str, int]]:
    months: dict[str, int] = {}
    for number, names in enumerate(vocab()["dates"]["months"], start=1):
        for name in names:
            months[name] = number
    names = "|".join(sorted((re.escape(n) for n in months), key=len, reverse=True))
    day = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|er|º)?"
    year = r"(?P<{}>(?:19|20)\d\d)"
    pattern = "|".join(
        [
            # March 5, 2024 / Mar. 5 2024
            rf"\b(?P<m1>{names})\.?\s+{day.format('d1')},?\s+{year.format('y1')}\b",
            # 5 March 2024 / 5. März 2024 / 5 de marzo de 2024
            rf"\b{day.format('d2')}\.?\s+(?:de\s+)?(?P<m2>{names})\.?,?\s+(?:de\s+)?{year.format('y2')}\b",
            # 2024-03-05 / 2024/03/05
            r"\b(?P<y3>(?:19|20)\d\d)[-/.](?P<n3>[01]?\d)[-/.](?P<d3>[0-3]?\d)\b",
            # 05.03.2024 / 03/05/2024 (day or month first: resolved by the caller)
            r"\b(?P<a4>[0-3]?\d)[./-](?P<b4>[0-3]?\d)[./-](?P<y4>(?:19|20)\d\d)\b",
        ]
    )
    return re.compile(pattern, re.IGNORECASE), months


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_displayed_dates(text: str, hints: set[date] | None = None, month_first: bool = False) -> list[date]:
    """Dates written for people in ``text``, in order of appearance."""
    return [found for found, _label in labelled_dates(text, hints, month_first)]


def slash_month_first(lang: str | None) -> bool:
    """Whether the page's language tag says 03/01/2017 is March 1: US English (en-US, or en with no region,
    which US sites mostly declare); elsewhere, and for dotted or dashed dates, the day comes first."""
    return (lang or "").strip().lower().replace("_", "-") in ("en", "en-us")


def _label(before: str) -> str | None:
    """ "published" or "updated" when the words just before a date say which it is."""
    match = pattern("dates", "labels").search(before)
    if not match:
        return None
    return "updated" if pattern("dates", "updated_labels").search(match.group(0)) else "published"


def labelled_dates(
    text: str, hints: set[date] | None = None, month_first: bool = False
) -> list[tuple[date, str | None]]:
    """Dates written for people in ``text`` with their label ("published", "updated" or None).

    All-numeric dates such as 03/05/2024 are read day-first or month-first; when both readings are valid,
    the one among ``hints`` (dates known from the page's metadata) wins, else, for a slashed date on a
    page whose language says so (``month_first``), the month-first reading, else the date is skipped. Dates
    inside a sentence ("... in Gaza on Sunday, Dec. 17, 2023") belong to photo captions or the story, not
    to the article's dateline, and are skipped.
    """
    date_re, months = _date_patterns()
    in_sentence = pattern("dates", "in_sentence")
    found: list[tuple[date, str | None]] = []
    for match in date_re.finditer(text):
        before = text[max(0, match.start() - _LABEL_WINDOW) : match.start()]
        label = _label(before)
        if label is None and (in_sentence.search(before) or _CAPTION_WEEKDAY.search(before)):
            continue
        g = match.groupdict()
        result: date | None = None
        if g["m1"]:
            result = _safe_date(int(g["y1"]), months[g["m1"].lower()], int(g["d1"]))
        elif g["m2"]:
            result = _safe_date(int(g["y2"]), months[g["m2"].lower()], int(g["d2"]))
        elif g["y3"]:
            result = _safe_date(int(g["y3"]), int(g["n3"]), int(g["d3"]))
        else:
            a, b, y = int(g["a4"]), int(g["b4"]), int(g["y4"])
            day_first, month_first_date = _safe_date(y, b, a), _safe_date(y, a, b)
            options = {d for d in (day_first, month_first_date) if d}
            if len(options) == 1:
                result = options.pop()
            elif hints and (picked := options & hints):
                result = picked.pop()
            elif month_first and "/" in match.group(0):
                result = month_first_date
        if result and 1995 <= result.year <= date.today().year + 1:
            found.append((result, label))
    return found


# A time of day right after a date: "December 26, 2023 - 9:03AM", "Dec 5, 2023 at 10:20 PM", "5 Mar 2024, 10:00".
_TIME_AFTER = re.compile(r"\s*(?:[-–—,|·•]|at)?\s*[0-2]?\d[:.][0-5]\d(?!\d)", re.IGNORECASE)


def timed_dates(text: str, hints: set[date] | None = None, month_first: bool = False) -> list[date]:
    """Dates in ``text`` printed with their time of day: a dateline, not a date the story mentions."""
    date_re, _months = _date_patterns()
    found: list[date] = []
    for match in date_re.finditer(text):
        if _TIME_AFTER.match(text, match.end()):
            found += [d for d, _label in labelled_dates(match.group(0), hints, month_first)]
    return found


_BODY_TEXT = etree.XPath("//body//text()", smart_strings=False)
_ALL_TEXT = etree.XPath("//text()", smart_strings=False)


def linear_text(tree: HtmlElement) -> str:
    """The page's text in reading order, whitespace collapsed (scripts and styles are gone by now)."""
    # Text nodes by XPath: the same strings as itertext() without an element proxy per node (2x faster).
    # Joined with spaces: adjacent elements ("Updated" + "<time>May 5</time>") are separate words.
    # str.split() collapses Unicode whitespace like the regex would, several times faster on whole pages.
    texts = _BODY_TEXT(tree) if tree.find("body") is not None else _ALL_TEXT(tree)
    return " ".join(" ".join(texts).split())


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _anchor(text: str, head: str, body: str) -> tuple[int, int]:
    """Where the headline is shown, and where the body starts after it.

    A headline also appears in menus, breadcrumbs and "related" boxes: the occurrence followed soonest
    by the body text is the real one.
    """
    best_head, best_body, best_gap = -1, -1, len(text) + 1
    start = text.find(head) if head else -1
    first = start
    while start >= 0:
        end = start + len(head)
        body_at = text.find(body, end) if body else -1
        if body_at >= 0 and body_at - end < best_gap:
            best_head, best_body, best_gap = start, body_at, body_at - end
        start = text.find(head, end)
    return (best_head, best_body) if best_head >= 0 else (first, -1)


def header_zone(text: str, headline: str | None, body_start: str | None) -> tuple[str, str, str]:
    """Visible text just after the headline (up to the body), just before it, and the body's first lines:
    where pages print the byline and the date. Empty strings when the headline cannot be found."""
    if not headline:
        return "", "", ""
    # Lower-cased for the search: headlines are often re-cased between <title>, og:title and the h1.
    folded = text.lower()
    if len(folded) != len(text):  # a few characters change length when lower-cased; keep offsets valid
        text = folded
    head = _key(headline).lower()
    body = _key(body_start or "")[:60].lower()
    settings = vocab()["dates"]
    head_at, body_at = _anchor(folded, head, body)
    if head_at < 0:
        return "", "", ""
    head_end = head_at + len(head)
    after_end = head_end + settings["after_headline_chars"]
    if body_at > head_end:
        after_end = min(after_end, body_at)
    body_zone = text[body_at : body_at + _BODY_START_CHARS] if body_at > head_end else ""
    return (
        text[head_end:after_end],
        text[max(0, head_at - settings["before_headline_chars"]) : head_at],
        body_zone,
    )


def headline_date(zone: tuple[str, str, str], hints: set[date] | None = None, month_first: bool = False) -> date | None:
    """The date shown with the headline: the first one after it labelled as the publication date, else
    the first after it, else the last one just before it."""
    after, before = zone[0], zone[1]
    found = labelled_dates(after, hints, month_first)
    published = [d for d, label in found if label == "published"]
    if published:
        return published[0]
    if found:
        return found[0][0]
    # Before the headline: the last date, unless that one says it is an update and another does not.
    earlier = labelled_dates(before, hints, month_first)
    plain = [d for d, label in earlier if label != "updated"]
    return plain[-1] if plain else (earlier[-1][0] if earlier else None)
