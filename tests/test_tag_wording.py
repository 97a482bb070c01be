"""Wordings the tagger missed or misread on the fresh `b5-*` and `b6-*` passages, each fixed as a general rule (tag-6).
Sentences written for these tests, in other words than the passages."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article

DAY = dt.date(2024, 5, 20)


def _summary(text: str) -> list[tuple]:
    return [(e.event_type, e.country_iso, e.actor1) for e in tag_article(text, published=DAY).events]


def test_a_warning_by_commentators_is_no_partys_threat() -> None:
    assert _summary("Economists warned that an Israeli strike on Iranian refineries could double fuel prices.") == []
    # a party's warning still is one
    assert _summary("The Houthis warned that they would target any ship bound for Israeli ports.") == [
        ("threat", "YE", "Houthis")
    ]


def test_saying_attacks_will_resume_is_a_threat() -> None:
    assert _summary("Harakat al-Nujaba said it would resume attacks on American bases unless US troops leave.") == [
        ("threat", "IQ", "Harakat al-Nujaba")
    ]


def test_a_warship_withdrawn_is_a_deployment() -> None:
    events = tag_article("France has withdrawn the frigate Languedoc from the Red Sea after four months.").events
    assert [(e.event_type, e.actor1) for e in events] == [("military_deployment", "French forces")]


def test_where_someone_is_based_is_not_where_something_happened() -> None:
    text = "The Dubai-based firm was sanctioned by the US Treasury for shipping Iranian oil, the department said."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [("sanctions", None)]


def test_a_ceasefire_called_for_somewhere_is_what_talks_are_about_not_where() -> None:
    text = "Arab foreign ministers held talks on Sunday on a truce in Lebanon."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [("diplomacy", None)]
    # (tag-26: a call for one, alone, is no talks, as the whole-article labels code Siniora's appeals for a ceasefire)
    assert tag_article("Arab foreign ministers called for a truce in Lebanon on Sunday.", published=DAY).events == []


def test_a_protest_with_no_organiser_named_is_by_protesters() -> None:
    assert _summary("Thousands of people marched in Beirut on Saturday against the price of bread.") == [
        ("protest", "LB", "Protesters")
    ]
    # a group's supporters are protesters too (as ACLED codes them; tag-19 made the protesters every protest's doer)
    assert _summary("Hezbollah supporters rallied in Beirut's southern suburbs on Friday.")[0][2] == "Protesters"


def test_sanctions_traders_worry_about_are_no_sanctions() -> None:
    assert _summary("Shares in Tehran slid on Monday as investors worried about new European sanctions on Iran.") == []


def test_who_warns_that_the_group_will_strike_is_the_threatener() -> None:
    text = ("The Houthis' leader warned on Thursday that the group would sink US warships if American forces launched "
            "a ground operation in Yemen.")  # fmt: skip
    assert _summary(text) == [("threat", "YE", "Houthis")]


def test_jazan_in_the_news_spelling_is_in_saudi_arabia() -> None:
    text = "A drone launched from Yemen hit a fuel depot in Jazan on Monday, causing a fire but no casualties."
    assert [(e.event_type, e.country_iso, e.place) for e in tag_article(text, published=DAY).events] == [
        ("air_or_drone_strike", "SA", "Jazan")
    ]


def test_neutralised_is_how_some_armies_report_a_toll() -> None:
    text = "Turkish drones struck PKK positions in northern Iraq. The ministry said nine militants were neutralised."
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("air_or_drone_strike", 9)]


def test_a_grenade_thrown_is_an_attack() -> None:
    assert _summary("An attacker hurled a grenade at a police patrol in the Iraqi city of Basra on Monday.") == [
        ("attack", "IQ", None)
    ]


def test_counter_terrorism_forces_are_the_states_forces() -> None:
    text = "Iraqi counter-terrorism forces killed three Islamic State militants in a raid near Kirkuk on Sunday."
    assert _summary(text)[0][2] == "Iraqi forces"


def test_missiles_test_fired_in_drills_hit_no_one() -> None:
    assert _summary("The IRGC test-fired two ballistic missiles during naval drills near the Strait of Hormuz.") == []


def test_police_dispersing_a_protest_do_not_make_it_theirs() -> None:
    events = tag_article("Lebanese troops used batons to disperse protesters who blocked a road in Beirut.").events
    assert [(e.event_type, e.actor1, e.actor2) for e in events] == [("protest", "Protesters", "Lebanese army")]


def test_a_state_protesting_through_its_envoy_is_diplomacy() -> None:
    text = "Egypt summoned Israel's ambassador on Monday to protest against the killing of an Egyptian border guard."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["diplomacy"]


def test_what_something_could_threaten_is_no_threat() -> None:
    assert _summary("Iran's new missiles could threaten US bases in the Gulf, the Pentagon said.") == []


def test_no_casualties_in_the_next_sentence_gives_the_event_zero() -> None:
    text = "Two rockets hit near the Harir base in northern Iraq late on Monday. There were no reports of casualties."
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.killed, e.injured) for e in events] == [("shelling_artillery_missile", 0, 0)]


def test_targeting_something_with_drones_is_a_drone_attack() -> None:
    text = "The Houthis said they had targeted a military site in the Israeli city of Eilat with several drones."
    assert _summary(text) == [("air_or_drone_strike", "IL", "Houthis")]


def test_a_report_that_could_not_be_verified_is_still_reported() -> None:
    text = "Activists said 12 people were killed in a Russian air strike on Idlib; the toll could not be verified."
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("air_or_drone_strike", 12)]


def test_what_a_cell_had_planned_does_not_make_the_act_a_plan() -> None:
    text = "Iraqi forces killed four Islamic State militants who planned attacks on Baghdad, in a raid near Tarmiyah."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["armed_clash"]


def test_plans_for_an_operation_are_no_operation() -> None:
    assert _summary("Israel's war cabinet approved plans for a ground operation in Khan Younis, officials said.") == []


def test_signing_an_agreement_and_meeting_a_leader_are_diplomacy() -> None:
    assert [e[0] for e in _summary("Iraq and Turkey signed a security agreement in Baghdad on Monday.")] == [
        "diplomacy"
    ]
    assert [e[0] for e in _summary("The Emir of Qatar met Iranian President Pezeshkian in Doha on Sunday.")] == [
        "diplomacy"
    ]


def test_weapons_moved_are_not_fired_and_a_reporting_tail_does_not_unmake_the_act() -> None:
    text = "Iran sent drones to Russian forces in Syria, officials said, saying they could be used against rebels."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["military_deployment"]


def test_repelling_an_assault_is_a_clash_and_the_fighting_takes_the_toll() -> None:
    text = ("Kurdish forces repelled an Islamic State assault on a village near Deir ez-Zor overnight. Nine militants "
            "and two Kurdish fighters were killed in the fighting, a spokesman said.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.country_iso, e.killed) for e in events] == [("armed_clash", "SY", 11)]


def test_no_immediate_reports_of_injuries_is_zero_injured() -> None:
    text = "Rockets fired from Gaza struck a factory in Sderot on Monday. There were no immediate reports of injuries."
    assert [(e.event_type, e.injured) for e in tag_article(text, published=DAY).events] == [
        ("shelling_artillery_missile", 0)
    ]


def test_a_cell_preparing_attacks_has_not_attacked() -> None:
    text = "Jordanian police arrested a cell that was plotting bomb attacks on shopping malls in Amman."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["arrest_or_seizure"]


def test_a_hyphenated_direction_before_a_country_still_places_the_event() -> None:
    text = ("A drone attack injured three soldiers at a base in north-eastern Syria on Monday, one of dozens of "
            "attacks on US forces in Iraq and Syria.")  # fmt: skip
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [
        ("air_or_drone_strike", "SY")
    ]


def test_arson_by_masked_men_is_an_attack() -> None:
    assert _summary("Masked men torched a Christian shop in the northern Iraqi city of Mosul on Friday.") == [
        ("attack", "IQ", "Unidentified armed group")
    ]


def test_where_attackers_came_from_is_not_where_they_struck() -> None:
    text = "Jordanian soldiers clashed with armed smugglers crossing from Syria on Monday, killing four of them."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] != [("armed_clash", "SY")]


def test_a_toll_told_as_kin_adds_up() -> None:
    text = "An air strike on a house in Rafah killed a man and his four children on Tuesday, medics said."
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("air_or_drone_strike", 5)]


def test_meeting_a_force_commander_is_diplomacy() -> None:
    text = "Iraq's foreign minister met the head of the UN mission in Baghdad on Tuesday to discuss its withdrawal."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [("diplomacy", "IQ")]


def test_forces_and_allied_militias_act_together() -> None:
    text = "Syrian government forces and allied militias shelled the town of Ariha in Idlib province on Monday."
    assert _summary(text) == [("shelling_artillery_missile", "SY", "Syrian forces")]


def test_who_says_it_intercepted_a_drone_was_attacked() -> None:
    text = ("The Saudi-led coalition said it had intercepted and destroyed an explosive-laden drone launched by the "
            "Houthis towards Najran on Sunday.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.country_iso, e.actor1) for e in events] == [("air_or_drone_strike", "SA", "Houthis")]


def test_a_cause_blamed_is_an_allegation_not_an_event() -> None:
    text = ("A blast hit an arms depot at a militia base south of Baghdad on Friday. The group blamed an air strike; "
            "the US military denied any involvement.")  # fmt: skip
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["remote_explosive"]


def test_debris_falling_without_causing_casualties_is_zero() -> None:
    text = "Saudi air defences intercepted a missile over Jazan on Monday; debris fell without causing casualties."
    assert [(e.killed, e.injured) for e in tag_article(text, published=DAY).events] == [(0, 0)]


def test_talks_abroad_by_a_party_of_the_region_have_no_place() -> None:
    # not its home either: the sentence says where it happened, outside the region
    text = "Lebanon's prime minister visited Cyprus on Monday for talks on migrant boats and aid to Gaza."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [("diplomacy", None)]


def test_a_partys_later_account_of_what_it_targeted_names_the_doer() -> None:
    text = ("A drone hit a motorcycle near the town of Bint Jbeil in southern Lebanon on Monday, killing two men. "
            "Residents said one was a member of Hezbollah. The Israeli military said it had targeted a militant "
            "who was planning attacks.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.country_iso, e.actor1, e.killed) for e in events] == [
        ("air_or_drone_strike", "LB", "IDF", 2)
    ]


def test_a_state_named_as_the_speaker_is_not_the_scene() -> None:
    text = "Kurdish officials said Turkish artillery shelled villages on Tuesday. Turkey said it had hit PKK targets."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [
        ("shelling_artillery_missile", None)
    ]


def test_boats_sunk_at_sea_are_an_attack_at_sea() -> None:
    text = "US Navy helicopters sank three Houthi boats in the Red Sea on Sunday, killing their crews."
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("maritime_attack", "US forces")
    ]


def test_proposing_a_truce_plan_is_diplomacy() -> None:
    text = "Qatari mediators proposed a new truce plan to Israel and Hamas on Tuesday, officials said."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["diplomacy"]


def test_a_launcher_found_and_dismantled_is_a_seizure() -> None:
    text = "The Lebanese army found and dismantled two rocket launchers in an orchard near Tyre on Sunday."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["arrest_or_seizure"]


def test_the_doers_account_in_the_same_sentence_is_the_same_act() -> None:
    text = ("Two men were killed when an Israeli drone struck their car near Quneitra in Syria, state media said, "
            "while the Israeli army said it had targeted Hezbollah operatives.")  # fmt: skip
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("air_or_drone_strike", 2)]


def test_designating_companies_is_a_sanction() -> None:
    text = "The US Treasury designated six Chinese companies that it said supplied drone engines to Iran."
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("sanctions", "United States")
    ]


def test_who_says_a_state_will_pay_a_price_threatens_it() -> None:
    text = "A senior Houthi official said on Friday that Britain would pay a heavy price for its strikes on Yemen."
    assert _summary(text) == [("threat", "YE", "Houthis")]


def test_saying_it_will_target_any_ship_is_a_threat() -> None:
    assert _summary(
        "Iran's navy commander said on Monday it would target any vessel that violates Iranian waters."
    ) == [("threat", "IR", "Iran")]


def test_a_naval_mission_is_a_deployment() -> None:
    text = "The European Union started a naval mission on Monday to escort merchant ships through the Red Sea."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["military_deployment"]


def test_a_states_role_somewhere_is_a_topic_not_a_scene() -> None:
    text = "Egypt summoned the Israeli ambassador on Monday over remarks about Egypt's role in Gaza."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [("diplomacy", "EG")]


def test_demolitions_and_prisoner_exchanges() -> None:
    assert [
        e[0] for e in _summary("Israeli bulldozers demolished three homes in the West Bank village of Aqraba.")
    ] == ["attack"]
    assert [e[0] for e in _summary("Yemen's government and the Houthis exchanged 900 prisoners in a deal.")] == [
        "diplomacy"
    ]


def test_killed_or_wounded_is_no_death_toll() -> None:
    text = "Dozens of people were killed or wounded in an air strike on a market in Yemen's Saada province."
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [
        ("air_or_drone_strike", None)
    ]


def test_a_later_toll_of_an_earlier_bombing_is_no_new_event() -> None:
    text = "A wounded man died on Monday, raising the toll from last week's car bombing in Kirkuk to 12."
    assert _summary(text) == []


def test_how_an_act_was_done_is_not_a_second_act() -> None:
    text = "Gunmen killed a Syrian army colonel and his driver in an ambush near Daraa on Friday."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["armed_clash"]  # an ambush on troops


def test_jableh_in_the_news_spelling() -> None:
    text = "A car bomb killed six people in the coastal Syrian city of Jableh on Monday."
    assert [(e.country_iso, e.place) for e in tag_article(text, published=DAY).events] == [("SY", "Jablah")]


def test_one_line_casualty_reports() -> None:
    day = dt.date(2024, 4, 2)
    cases = {
        "A sniper shot dead a teenager in the besieged Syrian town of Madaya on Monday.": "attack",
        "Israeli fire killed a Lebanese shepherd near the border town of Kfar Kila on Sunday.": "attack",
        "A bomb hidden under a car went off in the Iraqi city of Kirkuk on Monday, wounding four.": "remote_explosive",
        "Twin bombings hit a market in the Yemeni city of Aden on Friday, killing seven people.": "remote_explosive",
    }
    for text, event_type in cases.items():
        assert [e.event_type for e in tag_article(text, published=day).events] == [event_type], text


def test_the_base_of_a_town_named_by_a_demonym_places_the_event() -> None:
    text = (
        "Nobody was hurt when two rockets struck near the Iraqi air base of Balad on Tuesday, a security source said."
    )
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [
        ("shelling_artillery_missile", "IQ")
    ]
