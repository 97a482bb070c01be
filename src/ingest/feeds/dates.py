"""Feed dates in the formats real feeds use, always returned as UTC-aware datetimes.

Tried in order: ISO 8601 / RFC 3339, RFC 822 (with the project's table of zone abbreviations, since
the stdlib reads AST as Atlantic time), then dateutil for everything else. A date without a zone is
read as UTC and reported, because guessing the server's zone would be worse than a visible assumption.
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_tz
from functools import cache
from importlib import resources

from dateutil import parser as dateutil_parser

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TRAILING_ZONE = re.compile(r"\s\(?([A-Za-z]{1,5})\)?\s*$")
_EPOCH = re.compile(r"^\d{9,10}$")
# The shape email.utils reads correctly; anything else (AM/PM, month first) goes to dateutil.
_RFC822_SHAPE = re.compile(
    r"^(?:[A-Za-z]{3,9},?\s+)?\d{1,2}\s+[A-Za-z]{3,9}\s+\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S+)?$"
)
_NO_YEAR = datetime(1, 1, 1)


@cache
def _rules() -> dict:
    text = resources.files("ingest.feeds").joinpath("data/dates.toml").read_text("utf-8")
    rules = tomllib.loads(text)
    months = rules["months"]
    rules["month_re"] = re.compile(
        "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True)), re.IGNORECASE
    )
    rules["ignored_re"] = re.compile(r"\b(?:" + "|".join(rules["ignored"]["words"]) + r")\b,?", re.IGNORECASE)
    rules["tzinfos"] = {name: timezone(timedelta(minutes=m), name) for name, m in rules["zones"].items()}
    return rules


def _localised(raw: str) -> str:
    rules = _rules()
    text = rules["ignored_re"].sub(" ", raw.strip().translate(_DIGITS))
    if not text.isascii() or rules["month_re"].search(text):
        text = rules["month_re"].sub(lambda m: f" {rules['months'][m.group(0).lower()]} ", text)
        text = re.sub(r"[^\x00-\x7f]+", " ", text)  # weekday names and particles in other scripts
    return " ".join(text.split())


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    if not _RFC822_SHAPE.match(text):
        return None
    zone = _TRAILING_ZONE.search(text)
    offset_minutes: int | None = None
    if zone and zone.group(1).upper() in _rules()["zones"]:
        offset_minutes = _rules()["zones"][zone.group(1).upper()]
        text = text[: zone.start()]
    parts = parsedate_tz(text)
    if parts is None:
        return None
    year, month, day, hour, minute, second = parts[:6]
    try:
        value = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if offset_minutes is None and parts[9] is not None and re.search(r"[+-]\d{4}\s*$|\b(GMT|UTC?|Z)\s*$", text):
        offset_minutes = parts[9] // 60
    if offset_minutes is None:
        return value
    return value.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))


def _dateutil(text: str) -> datetime | None:
    rules = _rules()
    try:
        value = dateutil_parser.parse(text, default=_NO_YEAR, dayfirst=rules["dayfirst"], tzinfos=rules["tzinfos"])
    except (ValueError, OverflowError, TypeError, dateutil_parser.ParserError):
        return None
    return None if value.year == _NO_YEAR.year else value


# What parse_date concluded besides the value.
READ, ASSUMED_UTC, IMPLAUSIBLE, UNREADABLE, MISSING = "read", "assumed_utc", "implausible", "unreadable", "missing"


def parse_date(raw: str | None) -> tuple[datetime | None, str]:
    """(UTC datetime or None, outcome): ``ASSUMED_UTC`` for a date that named no zone, ``IMPLAUSIBLE`` for
    placeholder years, ``UNREADABLE`` for text that is no date."""
    if not raw or not raw.strip():
        return None, MISSING
    text = _localised(raw)
    if _EPOCH.match(text):
        value: datetime | None = datetime.fromtimestamp(int(text), UTC)
    else:
        value = _iso(text) or _rfc822(text) or _dateutil(text)
    if value is None:
        return None, UNREADABLE
    rules = _rules()
    if not rules["earliest_year"] <= value.year <= rules["latest_year"]:
        return None, IMPLAUSIBLE
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC), ASSUMED_UTC
    return value.astimezone(UTC), READ
