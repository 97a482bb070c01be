"""Rules of tag-21: stories set outside the region, and the asides and settings around a story's news. Read off the
dev part of the whole-article batches b96-b103; each a general rule. The sentences are written for these tests
(published on DAY, 2024-05-20)."""

from __future__ import annotations

from tag_cases import summary, types


def test_a_name_two_places_share_means_one_place_all_through_a_story() -> None:
    text = (
        "TRIPOLI (Reuters) - Heavy fighting between rival armed factions in the Libyan capital killed at least 23 "
        "people on Sunday, the health ministry said.\n\n"
        "Gunfire and explosions rang out across central Tripoli from the early hours as rival brigades battled for "
        "control of the city, killing 32 people."
    )
    assert types(text) == []
    # Lebanon's Tripoli stays the default where nothing says otherwise
    lebanon = "Gunmen clashed with the Lebanese army in Tripoli on Sunday, killing three soldiers."
    assert [c for _, c, _, _, _ in summary(lebanon)] == ["LB"]


def test_an_act_dated_that_day_takes_the_day_of_the_sentence_before() -> None:
    text = (
        "An Israeli strike on a house in Rafah killed five people on Sunday, medics said.\n\n"
        "More than 35,000 people have been killed in Gaza since the war began on October 7, 2023. The Hamas-led "
        "attack on southern Israel that day killed about 1,200 people."
    )
    assert summary(text) == [("air_or_drone_strike", "PS", 5, None, "IDF")]
    # "that day" after a day of this week is this week's news
    recent = text.replace("on October 7, 2023", "on Saturday")
    assert types(recent) == ["air_or_drone_strike", "attack"]


def test_the_latest_in_a_wave_of_attacks_is_the_news_not_a_trend() -> None:
    text = (
        "A Palestinian stabbed and wounded two Israeli men in an office building in Tel Aviv on Sunday, the latest "
        "in a month-long wave of street attacks."
    )
    assert types(text) == ["attack"]
    trend = "Israel has seen a month-long wave of street attacks by Palestinians."
    assert types(trend) == []


def test_what_a_seizures_haul_held_is_no_attack() -> None:
    text = (
        "Iraqi counter-terrorism forces arrested five Islamic State suspects near Hawija on Sunday, the service "
        "said.\n\nThe suspects were preparing attacks on army posts, it said.\n\nIn a separate operation, army units "
        "found a weapons store in Wadi Horan in Anbar province. It said the haul included 40 rockets, mortar rounds "
        "and two explosive belts."
    )
    assert types(text) == ["arrest_or_seizure"]


def test_an_act_nobody_knows_took_place_is_not_coded() -> None:
    text = (
        "Israeli troops raided the Jenin camp on Sunday. It was not immediately clear whether the two suspects had "
        "been detained."
    )
    assert "arrest_or_seizure" not in types(text)


def test_forces_reaching_the_scene_of_an_incident_are_no_deployment() -> None:
    text = (
        "Settlers set fire to four homes in the village of al-Mughayyir on Sunday night, residents said.\n\n"
        "\"By the time the soldiers arrived, the Nasser family's house was burning with the children still inside."
    )
    assert types(text) == ["attack"]
    assert types("The Israeli army deployed two more battalions to the West Bank on Sunday.") == ["military_deployment"]
    assert types("Israel sent more soldiers to the West Bank on Sunday.") == ["military_deployment"]
