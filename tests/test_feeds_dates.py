"""Feed dates: the formats and zones real feeds write, always read as UTC-aware datetimes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.feeds.dates import ASSUMED_UTC, IMPLAUSIBLE, MISSING, READ, UNREADABLE, parse_date

NOON_UTC = datetime(2025, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "raw",
    [
        "Tue, 25 Nov 2025 12:00:00 GMT",
        "Tue, 25 Nov 2025 12:00:00 +0000",
        "Tue, 25 Nov 2025 15:00:00 +0300",
        "Tue, 25 Nov 2025 15:00:00 AST",  # Arabia Standard Time, not Atlantic
        "Tue, 25 Nov 2025 16:00:00 GST",  # Gulf Standard Time
        "Tue, 25 Nov 2025 14:00:00 IST",  # Israel Standard Time
        "Tue, 25 Nov 2025 15:30 IRST",
        "Tue, 25 Nov 2025 07:00:00 EST",
        "25 Nov 2025 12:00:00 Z",
        "2025-11-25T12:00:00Z",
        "2025-11-25T14:00:00+02:00",
        "2025-11-25T15:00:00.000+0300",
        "2025-11-25 12:00:00+00:00",
        "November 25, 2025 7:00 AM EST",
        "الثلاثاء ٢٥ نوفمبر ٢٠٢٥ ١٥:٠٠ +0300",  # Arabic weekday and month, Arabic-Indic digits
        "25 تشرين الثاني 2025 15:00 +0300",  # Levantine month name
        "mardi 25 novembre 2025 13:00 +0100",
        "1764072000",
    ],
)
def test_one_instant_written_many_ways(raw: str) -> None:
    assert parse_date(raw) == (NOON_UTC, READ)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("25/11/2025 12:00", NOON_UTC),
        ("2025-11-25 12:00", NOON_UTC),
        ("Tue, 25 Nov 2025 12:00:00", NOON_UTC),
        ("03/04/2025", datetime(2025, 4, 3, tzinfo=UTC)),  # day first
    ],
)
def test_dates_without_a_zone_are_read_as_utc_and_say_so(raw: str, expected: datetime) -> None:
    assert parse_date(raw) == (expected, ASSUMED_UTC)


@pytest.mark.parametrize(
    ("raw", "outcome"),
    [
        (None, MISSING),
        ("  ", MISSING),
        ("yesterday afternoon", UNREADABLE),
        ("n/a", UNREADABLE),
        ("0001-01-01T00:00:00Z", IMPLAUSIBLE),
        ("Thu, 01 Jan 1970 00:00:00 GMT", IMPLAUSIBLE),
        ("9999-12-31T23:59:59Z", IMPLAUSIBLE),
    ],
)
def test_missing_unreadable_and_placeholder_dates(raw: str | None, outcome: str) -> None:
    assert parse_date(raw) == (None, outcome)
