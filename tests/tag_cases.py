"""What the tagger's rule tests compare: one tuple per event of a short text, tagged as if published on DAY."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article

DAY = dt.date(2024, 5, 20)


def summary(text: str) -> list[tuple]:
    """(event_type, country_iso, killed, injured, actor1) of each event, in the tagger's order."""
    return [
        (e.event_type, e.country_iso, e.killed, e.injured, e.actor1) for e in tag_article(text, published=DAY).events
    ]


def types(text: str) -> list[str]:
    """The event type of each event of a short text."""
    return [e.event_type for e in tag_article(text, published=DAY).events]


def doers(text: str) -> list[tuple]:
    """(event_type, actor1) of each event of a short text."""
    return [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events]
