"""Doers and tolls the tagger misread in the blind `b37-*`..`b39-*` passages (tag-12): revised tolls, forces named
only as "the army" or "troops", doers helped by others, named single victims, capitals that speak, weapons listed
for one act, claims of the sentence's own act. Each a general rule; the sentences here are written for these
tests."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article
from ingest.tag.counts import extract_counts, has_toll

DAY = dt.date(2024, 5, 20)


def _summary(text: str) -> list[tuple]:
    return [
        (e.event_type, e.country_iso, e.killed, e.injured, e.actor1) for e in tag_article(text, published=DAY).events
    ]


def test_a_revised_toll_replaces_the_first() -> None:
    text = (
        "Russian jets bombed a bakery in Ariha in Idlib province on Tuesday, killing nine people, rescuers said. "
        "By evening the toll had risen to 14 as bodies were pulled from the rubble."
    )
    assert _summary(text) == [("air_or_drone_strike", "SY", 14, None, "Russian forces")]
    assert extract_counts("The death toll from Friday's bombing of the market has climbed to 57.").killed == 57
    assert extract_counts("Two more died in hospital, bringing the overall toll to 11.").killed == 11
    assert has_toll("Later the toll rose to twelve, the monitor said.")
    # a total over a period is no revision of the day's toll
    assert not extract_counts("The toll since 2011 has risen to more than 300,000.").killed


def test_forces_named_only_as_the_army_or_troops_are_the_state_named_before() -> None:
    text = (
        "Israeli forces raided the Balata camp near Nablus before dawn, exchanging fire with gunmen. "
        "The army said its troops arrested six wanted men and seized two rifles."
    )
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("armed_clash", "IDF"),
        ("arrest_or_seizure", "IDF"),
    ]
    # the state that speaks: "the Jordanian army said troops had ..."
    text = "AMMAN - The Jordanian army said troops had detained nine smugglers near the Syrian border on Monday."
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("arrest_or_seizure", "Jordan")
    ]
    # soldiers harmed are not doers
    text = "Two soldiers were killed when a roadside bomb hit their patrol near Kirkuk, police said."
    assert [e.actor1 for e in tag_article(text, published=DAY).events] == [None]


def test_demonym_with_an_aircraft_or_force_noun_is_the_states_forces() -> None:
    assert _summary("Israeli fighter jets pounded the port of Hodeidah on Sunday, killing three people.") == [
        ("air_or_drone_strike", "YE", 3, None, "IDF")
    ]
    assert [e.actor1 for e in tag_article("Turkish F-16 jets struck PKK hideouts in northern Iraq.").events] == [
        "Turkey"
    ]


def test_harm_by_gunfire_is_an_attack_and_a_clash_keeps_its_toll() -> None:
    assert _summary("A teenager was wounded by Israeli gunfire near the fence east of Khan Younis in Gaza.") == [
        ("attack", "PS", None, 1, "IDF")
    ]
    text = (
        "JENIN - Four men were killed and nine wounded by Israeli gunfire as fighters confronted troops who stormed "
        "the camp at dawn, the health ministry said."
    )
    assert [(e.event_type, e.killed, e.injured) for e in tag_article(text, published=DAY).events] == [
        ("armed_clash", 4, 9)
    ]


def test_a_doer_helped_by_others_still_acts() -> None:
    text = "US troops backed by helicopters raided a farm near Rutba in Anbar and detained two Islamic State suspects."
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("arrest_or_seizure", "US forces")
    ]


def test_a_named_victim_with_an_apposition_is_a_toll_of_one() -> None:
    assert extract_counts("Gunmen shot dead Khaled al-Masri, 38, a local council member, in Daraa.").killed == 1
    assert extract_counts("Unknown assailants killed Omar Haddad, a former rebel commander, in Tafas.").killed == 1
    # a place after the verb is no name: "killed in Daraa, a monitor said"
    assert extract_counts("Civilians were killed in Daraa, a monitor said.").killed is None


def test_a_capital_that_speaks_is_not_the_scene() -> None:
    text = (
        "In Iraqi Kurdistan, two PKK fighters were killed when a Turkish drone hit their car near Sidakan, "
        "a local official said; Ankara did not immediately comment."
    )
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [
        ("air_or_drone_strike", "IQ")
    ]


def test_weapons_listed_for_one_act_make_one_event() -> None:
    text = (
        "ERBIL, Iraq - At least nine people were killed when ballistic missiles and explosive-laden drones slammed "
        "into the offices of an exiled Kurdish party near Koya, the regional health ministry said."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [
        ("shelling_artillery_missile", 9)
    ]


def test_a_claim_of_the_sentences_own_act_is_not_a_reference_back() -> None:
    text = (
        "NABLUS - Israeli troops clashed with gunmen in the Askar camp overnight, killing two, the health ministry "
        "said. A bomb planted under the road exploded beneath an army jeep as it left the camp, wounding three "
        "soldiers; the Nablus Brigade claimed the bombing."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["armed_clash", "remote_explosive"]


def test_market_moves_and_years_of_attacks_are_no_events() -> None:
    text = (
        "DUBAI - Gulf bourses ended mixed on Monday, with Qatar's index slipping 0.4% as Brent crude rose 1.2% "
        "after last week's strikes in Yemen."
    )
    assert tag_article(text, published=DAY).events == []
    text = "Since 2015, Houthi forces have fired scores of missiles and drones at Saudi cities and oil plants."
    assert tag_article(text, published=DAY).events == []


def test_protests_keep_their_crowd_and_their_wounded() -> None:
    text = (
        "SULAIMANI, Iraq - Hundreds of unpaid teachers poured into the streets on Monday, blocking the main road. "
        "Seven people were hurt before the crowd dispersed, a hospital official said."
    )
    assert _summary(text) == [("protest", "IQ", None, 7, "Protesters")]
    text = "Hundreds of worshippers marched through Zahedan in Iran after Friday prayers, chanting against a governor."
    assert [e.actor1 for e in tag_article(text, published=DAY).events] == ["Protesters"]
