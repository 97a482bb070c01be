"""Is an article Middle East security news at all, and which topics does it touch."""

from __future__ import annotations

from functools import cache

from ingest.tag.model import Event
from ingest.tag.prefilter import GuardedAlternation
from ingest.tag.resources import lowered_alternation, topics


def relevance_score(
    region_mentions: int, security_sentences: int, offtopic_sentences: int, offtopic_lead: bool = False
) -> float:
    """0..1. Needs both the region and security wording; sport, markets and space pull it down, and so does a
    story that opens with them (`offtopic_lead`: "Al-Hilal laid siege to Al-Nassr's goal ..."), unless it goes on
    to tell of violence at some length."""
    if region_mentions == 0:
        return 0.0 if security_sentences == 0 else 0.1
    score = 0.4 * min(1.0, region_mentions / 3) + 0.6 * min(1.0, security_sentences / 3)
    if offtopic_sentences > security_sentences or (offtopic_lead and security_sentences < 3):
        score *= 0.3
    return round(score, 3)


@cache
def _topic_cues() -> list[tuple[str, GuardedAlternation | None, frozenset[str], bool, int]]:
    out = []
    for name, spec in topics().items():
        cues = spec.get("cues", [])
        regex = lowered_alternation(cues) if cues else None  # run on the lower-cased article
        out.append((name, regex, frozenset(spec.get("event_types", [])), bool(spec.get("needs_violence")),
                    int(spec.get("min_hits", 1))))  # fmt: skip
    return out


def topic_tags(text: str, events: list[Event], violent_types: frozenset[str]) -> list[str]:
    types = {e.event_type for e in events}
    lowered: str | None = None
    has_violence = bool(types & violent_types)
    tags = []
    for name, regex, event_types, needs_violence, min_hits in _topic_cues():
        if types & event_types:
            tags.append(name)
            continue
        if regex is None or (needs_violence and not has_violence) or not events:
            continue
        lowered = text.lower() if lowered is None else lowered
        hits = sum(1 for _ in zip(range(min_hits), regex.finditer_long(lowered), strict=False))
        if hits >= min_hits:
            tags.append(name)
    return tags
