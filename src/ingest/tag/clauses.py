"""More than one event in a sentence: "Israeli jets struck Hezbollah positions in southern Lebanon after the group
fired rockets at northern Israel" is two events, "militants fired rockets and mortars at the base" is one.

The sentence is cut at every clause break of data/patterns.toml ``[clauses]``; a piece with a trigger of a type
the whole sentence asserts (so the sentence's vetoes and modality still rule) starts an event of its own when
it differs from the event before it in kind, or, for the same kind, in who did it. Pieces without a
trigger of their own stay with the event before them. ACLED codes one event per distinct act: two violent
acts told of one doer ("stormed a police post and exchanged fire with the guards") are one event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from re import Pattern  # dataclass fields name it bare: mypyc (native.py) resolves their types by name

from ingest.tag.actors import actor_mentions, roles
from ingest.tag.counts import has_toll
from ingest.tag.places import place_mentions
from ingest.tag.prefilter import for_lowered_text
from ingest.tag.resources import actors, patterns, places
from ingest.tag.rules import RETURNED_FIRE, Trigger, rules, triggers_in_part
from ingest.tag.text import dateline


@dataclass(frozen=True)
class Unit:
    """Part of a sentence (offsets within it) that reports one event."""

    start: int
    end: int
    triggers: list[Trigger]
    shares_subject: bool = False  # "... and warned Iran": the doer is the previous unit's
    refers_back: bool = False  # "... after the group fired rockets": the doer is the previous unit's target


@dataclass(frozen=True)
class _Spec:
    breaks: Pattern[str]
    response: Pattern[str]
    shared_subject: Pattern[str]
    refers_back: Pattern[str]
    infinitive_tail: Pattern[str]


# "..., while the army said it had targeted ...": a party's account of its own act
_MANNER = re.compile(r"\b(?:in|during) (?:an?|the) (?:[\w-]+ )?$", re.IGNORECASE)
_ACCOUNT = re.compile(r"\b(?:said|says|claimed|announced|confirmed) (?:that )?(?:it|they|its \w+|their \w+) "
                      r"(?:had |have |has )?\w+", re.IGNORECASE)  # fmt: skip


@cache
def _spec(lowered: bool = False) -> _Spec:
    """The patterns, for the sentence as written or (`lowered`) for the lower-cased sentence, where they run
    without IGNORECASE (faster) when they name no upper-case letter."""
    spec = patterns()["clauses"]
    join = lambda xs: "|".join(f"(?:{x})" for x in xs)  # noqa: E731
    caseless = lambda xs: re.compile(join(xs), for_lowered_text(xs) if lowered else re.IGNORECASE)  # noqa: E731
    return _Spec(
        breaks=caseless(spec["strong"] + spec["weak"]),
        response=caseless(spec["response"]),
        shared_subject=caseless(spec["shared_subject"]),
        refers_back=caseless(spec["refers_back"]),
        infinitive_tail=re.compile(join(spec["infinitive_tail"])),  # case matters: "to Jordan" is a place
    )


@dataclass
class _Piece:
    start: int
    end: int
    triggers: list[Trigger]
    shares_subject: bool
    refers_back: bool
    response: bool = False  # tells the answer to the act before it (for a group: one of its pieces does)
    act_end: int = -1  # a group's text up to any answer: what its acts are read from
    origin: int = -1  # where the piece began before a group took in text before it (its triggers' offsets)

    def __post_init__(self) -> None:
        self.act_end = self.end if self.act_end < 0 else self.act_end
        self.origin = self.start if self.origin < 0 else self.origin


def units(sentence: str, triggers: list[Trigger]) -> list[Unit]:
    """The sentence as one unit, or its parts that report distinct events (in sentence order)."""
    whole = [Unit(0, len(sentence), triggers)]
    if not triggers or triggers[0].continuation:
        return whole
    asserted = {t.event_type: t for t in triggers}
    if len(asserted) == 1 and not _two_parties(sentence) and not _and_another(sentence, triggers[0]):
        return whole  # one kind of act and at most one named party: one event (most sentences stop here)
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a rare letter whose lower case is longer: read the sentence as written
        lowered = sentence
    spec = _spec(lowered is not sentence)
    cuts = [(m.start(), m.end()) for m in spec.breaks.finditer(lowered)]
    if not cuts:
        return whole
    pieces: list[_Piece] = []
    starts = [0] + [e for _, e in cuts]
    ends = [s for s, _ in cuts] + [len(sentence)]
    for a, b in zip(starts, ends, strict=True):
        text = lowered[a:b]
        response = bool(pieces) and bool(spec.response.search(text))
        found = _acts(text, asserted) if text.strip() and not response else []
        shares, back = bool(spec.shared_subject.match(text)), bool(spec.refers_back.match(text))
        pieces.append(_Piece(a, b, found, shares, back, response))
    groups: list[_Piece] = []
    for p in pieces:
        if not p.triggers:
            if groups:
                groups[-1].end = p.end
                groups[-1].response = groups[-1].response or p.response
                if not groups[-1].response:
                    groups[-1].act_end = p.end
            continue
        if groups and not _distinct(sentence, groups[-1], p):
            groups[-1].end = groups[-1].act_end = p.end
            continue
        if not groups:
            p.start = 0  # "On Tuesday, ..." before the first event is its own
        groups.append(p)
    if len(groups) < 2:
        if groups and groups[0].response:  # "... struck a depot, while air defences intercepted missiles"
            return [Unit(0, len(sentence), _acts(sentence[: groups[0].act_end], asserted) or triggers)]
        return whole
    groups[-1].end = len(sentence)
    out = []
    for g in groups:
        # The group's own acts, read over its pieces up to any answer ("fired rockets and mortars" is one).
        found = _acts(sentence[g.start : g.act_end], asserted) or g.triggers
        out.append(Unit(g.start, g.end, found, g.shares_subject, g.refers_back))
    return out


def _two_parties(sentence: str) -> bool:
    """Does the sentence name two different actors (two sides that may each act)?"""
    index = actors()
    first: str | None = None
    for _, _, alias in index.names.finditer(sentence):
        name = index.by_alias[alias].name
        if first is None:
            first = name
        elif name != first:
            return True
    return False


def _acts(text: str, asserted: dict[str, Trigger]) -> list[Trigger]:
    """The piece's triggers of the asserted types; "threatened further strikes" is a threat, not a strike."""
    found = triggers_in_part(text, asserted)
    threat = next((t for t in found if t.event_type == "threat"), None)
    if threat is not None:
        violent = rules().violent
        found = [t for t in found if not (t.event_type in violent and t.start > threat.start)]
    return found


def _distinct(sentence: str, prev: _Piece, cur: _Piece) -> bool:
    """Does `cur` report an event apart from the one `prev` reports?"""
    violent = rules().violent
    prev_text, cur_text = sentence[prev.start : prev.end], sentence[cur.start : cur.end]
    if not cur.shares_subject and _spec().infinitive_tail.search(prev_text) and cur_text[:1].islower():
        return False  # "to intensify communication and bolster its posture": one purpose, not an act
    a, b = prev.triggers[0].event_type, cur.triggers[0].event_type
    both_violent = a in violent and b in violent
    if both_violent and all(t.generic for t in cur.triggers) and _ACCOUNT.search(cur_text):
        return False  # "..., while the army said it had targeted operatives": an account of the same act
    weapons_end = prev.origin + max(t.end for t in prev.triggers)
    # "when ballistic missiles and explosive-laden drones rained down", "... with precision missiles and suicide
    # drones.": weapons of one act
    leads = len(cur_text[: cur.triggers[0].start].split()) <= 1  # ("and nine explosive-laden drones")
    listed = leads and len(cur_text.split()) <= 4
    if both_violent and (listed or (leads and not sentence[weapons_end : prev.end].strip())):
        return False
    lead = cur.triggers[0]
    if (
        both_violent
        and cur_text[: lead.start].rstrip().endswith(",")
        and cur_text[lead.start : lead.end].split()[0].endswith("ing")
    ):
        return False  # "shelled the outskirts of Ramyeh, setting fire to olive groves": what the act did
    harm = prev if b == "armed_clash" else cur
    if both_violent and "armed_clash" in (a, b) and all(t.generic for t in harm.triggers):
        return False  # "three were killed by gunfire as fighters confronted the force": the clash's toll
    if both_violent and _MANNER.search(cur_text, 0, cur.triggers[0].start):
        return False  # "killed a colonel and his driver in an ambush": how the act was done, not a second one
    if {a, b} == {"attack", "armed_clash"} and RETURNED_FIRE.search(cur_text):
        return False  # "gunmen opened fire on the patrol, and the soldiers returned fire": one clash
    if a != b:
        # "stormed a post and exchanged fire": one doer's violent acts at one time are one event; so is seizing a
        # ship and detaining its crew
        at_sea = {a, b} == {"maritime_attack", "arrest_or_seizure"}
        return not ((both_violent or at_sea) and cur.shares_subject)
    if cur.shares_subject or cur.refers_back or a == "diplomacy":
        # "fired rockets and shelled the town": one doer, one act of this kind; talks name several parties, each
        # with a part in them ("the minister shuttled between the Iranian and American delegations, passing
        # messages"): one diplomatic event
        return False
    # Two doers each with an act of their own ("Hezbollah fired missiles ... and Israeli artillery shelled ...").
    doer_a = _doer(prev_text, a)
    doer_b = _doer(cur_text[: cur.triggers[0].end], b)  # named by the end of its own act: a subject of its own
    if doer_a is not None and doer_b is not None:
        return doer_a != doer_b
    # Two acts of one kind in two places, each with its own toll ("A roadside bomb killed three U.S. soldiers near
    # Baquba ..., and a car bomb tore through a market in central Baghdad, killing at least 11 people").
    return a in violent and _own_place_and_toll(prev_text, cur_text)


def _and_another(sentence: str, trigger: Trigger) -> bool:
    """Might the sentence tell a second act of its one kind after a clause break ("..., and a car bomb ...")?"""
    if trigger.event_type not in rules().violent:
        return False
    cut = max(sentence.find(", and a"), sentence.find("; a"), sentence.find(", while a"))
    return cut > trigger.end


def _own_place_and_toll(first: str, second: str) -> bool:
    """Does each text name a place of its own in the region, the two apart, and a toll?"""
    filed = dateline(first)  # ("BAGHDAD (Reuters) - ...": where the story was filed is no place of its act)
    first = first[filed.end() :] if filed else first
    here, there = _towns_in_region(first), _towns_in_region(second)
    return bool(here) and bool(there) and not here & there and has_toll(first) and has_toll(second)


def _towns_in_region(text: str) -> set[str]:
    """The names of the places below a country that the text names in the region."""
    region = places().region
    return {m.place.name for m in place_mentions(text) if m.place.country_iso in region and m.place.kind != "country"}


def _doer(text: str, event_type: str) -> str | None:
    agent, _ = roles(actor_mentions(text), event_type)
    return agent.actor.name if agent else None
