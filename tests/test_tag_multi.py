"""More than one event in one sentence (tag-3, ingest.tag.clauses): each distinct act is an event with its own
doer, place and toll, evidence offsets point into the article, and sentences that only look double stay one."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.tag import Event, tag_article
from ingest.tag.clauses import units
from ingest.tag.rules import find_triggers

PUBLISHED = dt.date(2024, 6, 11)


def _events(text: str) -> list[Event]:
    return tag_article(text, published=PUBLISHED).events


def _summary(events: list[Event]) -> list[tuple]:
    return [(e.event_type, e.country_iso, e.actor1, e.killed, e.injured) for e in events]


def test_strike_after_rockets_is_two_events_each_with_its_own_side_and_place() -> None:
    text = (
        "Israeli jets struck Hezbollah positions in southern Lebanon on Tuesday after the group fired a barrage of "
        "rockets at northern Israel."
    )
    assert _summary(_events(text)) == [
        ("air_or_drone_strike", "LB", "IDF", None, None),
        ("shelling_artillery_missile", "IL", "Hezbollah", None, None),  # "the group": the target named before
    ]


def test_shared_subject_carries_the_doer_to_the_second_act() -> None:
    text = (
        "The United States sent a second aircraft carrier to the eastern Mediterranean and warned Iran against any "
        "escalation."
    )
    events = _events(text)
    assert [(e.event_type, e.actor1, e.actor2) for e in events] == [
        ("military_deployment", "US forces", None),
        ("threat", "United States", "Iran"),
    ]


def test_each_clause_keeps_its_own_toll() -> None:
    text = (
        "Syrian government forces shelled villages in Idlib province, killing four civilians, and Russian jets later "
        "bombed a market in the same area, wounding 11 people."
    )
    assert _summary(_events(text)) == [
        ("shelling_artillery_missile", "SY", "Syrian forces", 4, None),
        ("air_or_drone_strike", "SY", "Russian forces", None, 11),
    ]


def test_same_kind_of_act_by_two_sides_is_two_events() -> None:
    text = (
        "Hezbollah fighters fired anti-tank missiles at an Israeli army post near Metula and Israeli artillery shelled "
        "the outskirts of Khiam."
    )
    assert _summary(_events(text)) == [
        ("shelling_artillery_missile", "IL", "Hezbollah", None, None),
        ("shelling_artillery_missile", "LB", "IDF", None, None),
    ]


def test_clause_evidence_offsets_point_into_the_article() -> None:
    text = (
        "Lead paragraph about the region.\n\nHamas militants fired rockets at Ashkelon on Wednesday, and Israeli "
        "aircraft struck targets in Khan Younis in response."
    )
    events = _events(text)
    assert len(events) == 2
    for e in events:
        assert text[e.evidence_start : e.evidence_end] == e.evidence
    assert events[0].evidence.startswith("Hamas militants fired rockets")
    assert events[1].evidence.startswith("Israeli aircraft struck")
    assert events[0].evidence_end <= events[1].evidence_start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Militants fired rockets and mortars at a US base near Baghdad airport on Saturday, causing no casualties.",
            [("shelling_artillery_missile", "IQ", None, 0, 0)],
        ),
        (
            "Israeli air strikes on Rafah killed 13 people and wounded 20 on Monday, health officials said.",
            [("air_or_drone_strike", "PS", "IDF", 13, 20)],
        ),
        (
            "Protesters gathered outside parliament in Baghdad and marched to the Green Zone on Tuesday, demanding "
            "jobs.",
            [("protest", "IQ", "Protesters", None, None)],
        ),
        (
            "Israeli jets struck and destroyed a weapons depot near Damascus overnight, while Syrian state media said "
            "air defences intercepted several missiles.",
            [("air_or_drone_strike", "SY", "IDF", None, None)],
        ),
    ],
)
def test_sentences_that_only_look_double_stay_one_event(text: str, expected: list[tuple]) -> None:
    got = [
        (e.event_type, e.country_iso, e.actor1 if expected[0][2] else None, e.killed, e.injured) for e in _events(text)
    ]
    assert got == expected


def test_one_doers_violent_acts_are_one_event() -> None:
    text = (
        "Gunmen stormed a police station in Sinai on Wednesday and exchanged fire with officers for two hours, "
        "leaving five policemen dead."
    )
    assert [(e.event_type, e.killed) for e in _events(text)] == [("armed_clash", 5)]


def test_a_purpose_clause_is_not_a_second_act() -> None:
    sentence = (
        "The US is working through partners and allies to intensify communication and bolster its military posture."
    )
    triggers = find_triggers(sentence, 2024)
    assert {t.event_type for t in triggers} == {"diplomacy", "military_deployment"}
    assert len(units(sentence, triggers)) == 1


def test_units_cover_the_sentence_in_order() -> None:
    sentence = (
        "A roadside bomb killed three soldiers near Tikrit on Monday, while gunmen shot dead a police officer in "
        "Baqubah."
    )
    parts = units(sentence, find_triggers(sentence, 2024))
    assert [p.triggers[0].event_type for p in parts] == ["remote_explosive", "attack"]
    assert parts[0].start == 0 and parts[-1].end == len(sentence)
    assert parts[0].end <= parts[1].start


def test_modality_of_the_whole_sentence_still_rules_each_clause() -> None:
    text = "Officials warned that militants could fire rockets and attack the base in the coming days."
    assert all(e.event_type not in ("shelling_artillery_missile", "attack") for e in _events(text))


def test_a_place_inside_a_group_name_is_not_the_scene() -> None:
    from ingest.tag.places import place_mentions

    sentence = "The Islamic Resistance in Iraq claimed a drone attack on a US base in eastern Syria on Monday."
    assert [m.place.country_iso for m in place_mentions(sentence)] == ["SY"]
    # the country's own name is still a place, even though it is also an actor alias ("Iraq")
    assert [m.place.country_iso for m in place_mentions("Two rockets fell in Iraq.")] == ["IQ"]
    events = tag_article(sentence, published=dt.date(2024, 6, 10)).events
    assert [(e.event_type, e.country_iso) for e in events] == [("air_or_drone_strike", "SY")]


@pytest.mark.parametrize(
    ("sentence", "admin1"),
    [
        ("Hezbollah said its fighters fired a salvo of rockets at an Israeli barracks in the Upper Galilee.",
         "Northern District"),
        ("Rockets fired from Gaza struck a town in southern Israel on Monday, injuring two people.",
         "Southern District"),
    ],
)  # fmt: skip
def test_israeli_regions_place_an_event_in_israel(sentence: str, admin1: str) -> None:
    events = tag_article(sentence, published=dt.date(2024, 6, 10)).events
    assert [(e.event_type, e.country_iso, e.admin1, e.geo_precision) for e in events] == [
        ("shelling_artillery_missile", "IL", admin1, "region")
    ]


def test_the_golan_heights_name_no_side() -> None:
    # news of the Syrian war names them for places on either side of the ceasefire line
    events = tag_article("An Israeli air strike hit a village on the Syrian side of the Golan Heights.").events
    assert [e.country_iso for e in events] != ["IL"]
