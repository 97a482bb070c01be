"""Which event type a sentence asserts, if any: triggers, vetoes and modality (hypothetical, future,
negated, historical, fictional) from data/patterns.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.tag.resources import alternation, patterns

# How far before a trigger a negator still negates it ("did not fire rockets", "denied carrying out the strike").
_NEGATION_WINDOW = 40


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int  # offsets within the sentence
    end: int
    generic: bool = False  # "attacks on", "came under fire": no weapon or manner named
    hedged: bool = False
    continuation: bool = False  # "Two were injured in the attack": details of the event just reported


@dataclass(frozen=True)
class _Rules:
    order: tuple[str, ...]
    violent: frozenset[str]
    triggers: dict[str, list[re.Pattern[str]]]
    generic: re.Pattern[str]
    veto_violent: re.Pattern[str]
    veto_launch: re.Pattern[str]
    veto_protest: re.Pattern[str]
    veto_diplomacy: re.Pattern[str]
    hypothetical: re.Pattern[str]
    future: re.Pattern[str]
    negation: re.Pattern[str]
    negation_ok: re.Pattern[str]
    history: re.Pattern[str]
    trend: re.Pattern[str]
    fiction: re.Pattern[str]
    hedge: re.Pattern[str]
    weapons: list[tuple[str, re.Pattern[str]]]


# Generic attack wording: an event only when nothing more specific is said nearby (see tagger merging).
_GENERIC = (
    r"\battacks?\b (?:on|against|targeting) |\battacked\b|\btargeted by\b|c[oa]me under (?:fire|attack)"
    r"|under attack"
)


@cache
def rules() -> _Rules:
    p = patterns()
    triggers = {t: [re.compile(x, re.IGNORECASE) for x in p["triggers"][t]] for t in p["order"]["types"]}
    return _Rules(
        order=tuple(p["order"]["types"]),
        violent=frozenset(p["order"]["violent"]),
        triggers=triggers,
        generic=re.compile(_GENERIC, re.IGNORECASE),
        veto_violent=alternation(p["vetoes"]["violent"]),
        veto_launch=alternation(p["vetoes"]["launch"]),
        veto_protest=alternation(p["vetoes"]["protest"]),
        veto_diplomacy=alternation(p["vetoes"]["diplomacy"]),
        hypothetical=alternation(p["modality"]["hypothetical"]),
        future=alternation(p["modality"]["future"]),
        negation=alternation(p["modality"]["negation"]),
        negation_ok=alternation(p["modality"]["negation_ok"]),
        history=alternation(p["modality"]["history"]),
        trend=alternation(p["modality"]["trend"]),
        fiction=alternation(p["modality"]["fiction"]),
        hedge=alternation(p["modality"]["hedge"]),
        weapons=[(name, alternation(pats)) for name, pats in p["weapons"].items()],
    )


def is_violent(event_type: str) -> bool:
    return event_type in rules().violent


def _vetoed(event_type: str, sentence: str, r: _Rules) -> bool:
    if event_type in r.violent or event_type in ("military_deployment", "threat"):
        return bool(r.veto_violent.search(sentence) or r.veto_launch.search(sentence))
    if event_type == "protest":
        return bool(r.veto_protest.search(sentence) or r.veto_violent.search(sentence))
    if event_type == "diplomacy":
        return bool(r.veto_diplomacy.search(sentence) or r.fiction.search(sentence))
    return bool(r.veto_violent.search(sentence)) and event_type != "sanctions"


def _negated(sentence: str, start: int, r: _Rules) -> bool:
    window = sentence[max(0, start - _NEGATION_WINDOW) : start]
    window = r.negation_ok.sub(" ", window)
    return bool(r.negation.search(window))


def unreal(sentence: str, event_type: str, published_year: int | None) -> str | None:
    """Why the sentence does not assert a current real event (or None when it does)."""
    r = rules()
    if r.fiction.search(sentence):
        return "fiction"
    if r.history.search(sentence):
        return "history"
    if r.trend.search(sentence):
        return "trend"
    if published_year is not None:
        for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence):
            if int(y) < published_year - 1 and not re.search(rf"since (?:\w+ )?{y}", sentence):
                return "history"
    if event_type == "threat":  # threats are about the future by nature; the threat itself is the event
        return None
    if r.hypothetical.search(sentence):
        return "hypothetical"
    if r.future.search(sentence):
        return "future"
    return None


def find_triggers(sentence: str, published_year: int | None = None) -> list[Trigger]:
    """Surviving triggers of the sentence, in the tagger's type order (best first)."""
    r = rules()
    lowered = sentence.lower()
    found: list[Trigger] = []
    hedged = bool(r.hedge.search(sentence))
    for event_type in r.order:
        for pattern in r.triggers[event_type]:
            m = pattern.search(lowered)
            if not m:
                continue
            if _vetoed(event_type, lowered, r) or _negated(lowered, m.start(), r):
                continue
            if unreal(lowered, event_type, published_year):
                continue
            generic = event_type == "attack" and bool(r.generic.match(m.group(0)))
            found.append(Trigger(event_type, m.start(), m.end(), generic, hedged))
            break
    return found


def weapon_of(sentence: str) -> str | None:
    """The weapon named first in the sentence."""
    best: tuple[int, str] | None = None
    for name, pattern in rules().weapons:
        m = pattern.search(sentence)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None
