"""A count of many strikes over years is a trend, not an event; one strike measured against those years is
still an event. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article

DAY = dt.date(2024, 4, 2)


def test_hundreds_of_strikes_over_the_past_decade_is_no_event() -> None:
    text = "Israel has carried out hundreds of strikes on targets in Syria over the past decade, officials say."
    assert tag_article(text, published=DAY).events == []


def test_the_deadliest_strike_in_the_past_years_is_still_an_event() -> None:
    text = ("An Israeli air strike killed seven people in Damascus on Monday, the deadliest of hundreds of strikes "
            "on Syria in the past years.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.country_iso, e.killed) for e in events] == [("air_or_drone_strike", "SY", 7)]


def test_an_act_preceded_by_no_did_not_happen() -> None:
    text = ("Thousands marched through central Amman on Friday. The march ended in the early evening, and no arrests "
            "were reported.")  # fmt: skip
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["protest"]


def test_a_pause_in_the_fighting_is_what_talks_are_about() -> None:
    text = "Qatari mediators stepped up efforts in Cairo to broker a new pause in the fighting in Gaza."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["diplomacy"]


def test_concern_about_attacks_is_no_attack() -> None:
    text = 'The ministers met in Riyadh and expressed "deep concern" about attacks on shipping in the Red Sea.'
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["diplomacy"]


def test_a_province_that_has_seen_a_stream_of_killings_is_a_trend() -> None:
    text = "Since then Syria's Daraa province has seen a steady stream of assassinations of former rebel commanders."
    assert tag_article(text, published=DAY).events == []


def test_diplomatic_missions_are_buildings_not_talks() -> None:
    text = "Footage showed a building reduced to rubble on a street lined with diplomatic missions in Damascus."
    assert tag_article(text, published=DAY).events == []


def test_previous_attacks_and_repeated_ones_are_no_new_event() -> None:
    previous = "Previous attacks on convoys near Nasiriyah in Iraq have been claimed by little-known factions."
    repeated = "The garrison at al-Tanf in Syria has been attacked repeatedly since October."
    assert tag_article(previous, published=DAY).events == []
    assert tag_article(repeated, published=DAY).events == []


def test_parts_for_missiles_are_cargo_not_an_attack() -> None:
    text = "US sailors boarded a dhow off Yemen and found parts for medium-range ballistic missiles."
    assert "shelling_artillery_missile" not in [e.event_type for e in tag_article(text, published=DAY).events]


def test_a_campaign_described_in_a_clause_drops_only_that_clause() -> None:
    deploy = ("The United States is deploying two Patriot batteries to Kuwait, officials said on Wednesday, as "
              "Iran-aligned groups keep up attacks on American forces in the region.")  # fmt: skip
    assert [e.event_type for e in tag_article(deploy, published=DAY).events] == ["military_deployment"]
    first = ("A missile fired by Yemen's Houthis hit a US-owned bulk carrier in the Gulf of Aden on Monday, the first "
             "strike on an American ship since the group began its attacks on shipping.")  # fmt: skip
    assert [e.event_type for e in tag_article(first, published=DAY).events] == ["maritime_attack"]


def test_what_a_system_is_designed_to_do_is_no_attack() -> None:
    text = ("A THAAD battery, which is designed to intercept ballistic missiles at high altitude, was moved to "
            "Kuwait on Monday.")  # fmt: skip
    assert "shelling_artillery_missile" not in [e.event_type for e in tag_article(text, published=DAY).events]


def test_what_a_group_has_done_before_told_in_a_relative_clause_is_no_new_event() -> None:
    text = "There was no claim from the Houthis in Yemen, who have launched dozens of missiles at ships since November."
    assert tag_article(text, published=DAY).events == []


def test_strikes_named_after_despite_are_the_setting_not_an_event() -> None:
    text = (
        "The Houthis attacked another tanker in the Red Sea despite the US and British strikes on their missile sites."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["maritime_attack"]
    # past a comma "despite" has done its work: the act after it is reported
    text = "Despite the ceasefire, rebels fired rockets at the town of Azaz in Syria."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["shelling_artillery_missile"]


def test_a_claim_that_names_the_vessel_two_sentences_on_is_the_same_attack() -> None:
    text = ("A drone struck a tanker in the Gulf of Aden late on Wednesday, a security firm said. The tanker was "
            "carrying refined fuel from India to the Mediterranean. The Houthis' military spokesman said the group "
            "had targeted the vessel with drones.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.actor1, e.place) for e in events] == [("maritime_attack", "Houthis", "Gulf of Aden")]
