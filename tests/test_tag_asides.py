"""Rules of tag-21: stories set outside the region, and the asides and settings around a story's news. Read off the
dev part of the whole-article batches b96-b111; each a general rule. The sentences are written for these tests
(published on DAY, 2024-05-20)."""

from __future__ import annotations

from ingest.tag import tag_article
from tag_cases import DAY, summary, types


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


def test_a_trend_told_after_the_act_is_its_setting() -> None:
    text = (
        "BAGHDAD - A car bomb exploded at a crowded market in Baghdad on Sunday, killing nine people and wounding 20, "
        "police said, as a rise in attacks raised fears that Iraq could slide back into civil war."
    )
    # (and a state named in the later clause is not the bomber)
    assert summary(text) == [("remote_explosive", "IQ", 9, 20, None)]


def test_a_clash_told_again_after_a_sentence_that_tells_nothing_is_the_same_clash() -> None:
    text = (
        "Islamic State militants attacked an army post near Kirkuk on Sunday, setting off a gun battle that killed "
        "three soldiers, officials said.\n\nThe militants, armed with rifles, crept up on the post under cover of "
        "darkness.\n\nSoldiers returned fire for nearly an hour before police reinforcements arrived and the attackers "
        "fled."
    )
    assert summary(text) == [("armed_clash", "IQ", 3, None, "Islamic State")]


def test_rocket_propelled_grenades_are_no_rocket_fire() -> None:
    text = "Militants fired rocket-propelled grenades and machine guns at a checkpoint in Daraa on Sunday."
    assert "shelling_artillery_missile" not in types(text)


def test_a_worry_about_attacks_is_no_threat() -> None:
    text = (
        "A drone struck a hangar at Erbil airport on Sunday, officials said.\n\nThe Kurdistan Regional Government "
        "warned that the attacks threatened the security of the region."
    )
    assert "threat" not in types(text)


def test_a_war_fought_for_years_and_strikes_made_a_habit_are_no_acts() -> None:
    text = (
        "A Turkish drone struck a car near Sulaimaniyah on Sunday, killing two men.\n\nAnkara has fought the PKK "
        "since 1984, and Turkish drones now regularly hit targets in the province."
    )
    assert summary(text) == [("air_or_drone_strike", "IQ", 2, None, "Turkey")]


def test_the_act_set_against_others_is_no_act_of_its_own() -> None:
    text = (
        "Several rockets were fired at the US embassy in Baghdad before dawn on Sunday, officials said, in the most "
        "serious attack on the diplomatic mission since militias began targeting US interests, wounding two guards."
    )
    assert [(t, k, i) for t, _, k, i, _ in summary(text)] == [("shelling_artillery_missile", None, 2)]


def test_what_a_condemnation_calls_an_act_is_no_act() -> None:
    text = (
        "An Israeli air strike hit a house in Deir al-Balah on Sunday, killing six people. The Palestinian foreign "
        'ministry condemned what it called a "massacre".'
    )
    assert types(text) == ["air_or_drone_strike"]
    # what the doer calls its own act is still the act
    own = 'Iran\'s Revolutionary Guards launched what they called a "wave" of ballistic missiles at Israel on Sunday.'
    assert types(own) == ["shelling_artillery_missile"]


def test_a_briefing_at_home_and_troops_asked_for_are_no_events() -> None:
    text = (
        "Iranian missiles struck near Tel Aviv on Sunday, officials said.\n\nCongressional leaders were summoned to "
        "the White House for a briefing."
    )
    assert types(text) == ["shelling_artillery_missile"]
    assert types("The governor called on Baghdad to send more troops to Kirkuk on Sunday.") == []


def test_a_story_filed_from_another_war_codes_none_of_the_regions_acts_it_tells_in_passing() -> None:
    text = (
        "KYIV, Ukraine (AP) - Russian drones struck an apartment block in Kyiv on Sunday, killing four people, "
        "Ukrainian officials said.\n\nIran also supplies the drones to allied militias in Yemen and Iraq, and Israel "
        "coordinates with Moscow over its air operations against Iranian-linked targets in Syria."
    )
    assert types(text) == []
    # an act of the region told with its own day is news all the same
    dated = text + " On Sunday an Israeli strike killed three people near Damascus, Syrian state media said."
    assert [c for _, c, _, _, _ in summary(dated)] == ["SY"]


def test_a_politicians_quarrel_and_advice_against_war_are_no_clash_and_no_threat() -> None:
    text = (
        "BOCA RATON, Fla. - President Obama and his Republican challenger clashed over Iran, Libya and America's "
        'standing in the world in their final debate on Sunday. Obama warned against being drawn into "another war '
        'in the Middle East".'
    )
    assert types(text) == []


def test_freight_rates_and_what_is_still_to_come_are_no_events() -> None:
    freight = (
        "Global container freight rates fell for a fourth consecutive week, an industry index showed on Sunday, as "
        "new vessels entered service.\n\nRates remain far above their level a year earlier, before attacks on "
        "shipping in the Red Sea forced carriers to abandon the Suez Canal route."
    )
    assert types(freight) == []
    ahead = (
        "A drone struck a refinery near Erbil on Sunday, officials said. Oil prices edged higher. Tight diesel "
        "markets in Europe, where buyers are racing to replace Russian barrels ahead of EU sanctions, also lent "
        "support."
    )
    assert types(ahead) == ["air_or_drone_strike"]


def test_a_paragraph_headed_background_tells_no_news() -> None:
    text = (
        "Israeli jets struck a Hezbollah depot near Tyre on Sunday, the army said.\n\nBACKGROUND: The ceasefire, "
        "brokered by the United States and France and approved by Israel's security cabinet on Tuesday, gives "
        "Israel 60 days to withdraw its troops."
    )
    assert types(text) == ["air_or_drone_strike"]


def test_protesters_storming_a_building_is_a_protest_not_a_clash() -> None:
    text = "In Nasiriyah, protesters stormed the provincial council building on Sunday and set it ablaze."
    assert summary(text) == [("protest", "IQ", None, None, "Protesters")]


def test_police_firing_to_disperse_a_crowd_is_an_attack_beside_the_protest() -> None:
    text = (
        "Thousands of protesters marched in Nasiriyah on Sunday. Police opened fire to disperse them, killing three "
        "protesters and wounding dozens, a health official said."
    )
    assert [(t, k, i) for t, _, k, i, _ in summary(text)] == [("protest", None, None), ("attack", 3, 24)]


def test_firefighters_battling_a_wildfire_fight_no_one() -> None:
    text = (
        "LATAKIA, Syria - Firefighters battled for a fourth day on Sunday to contain wildfires raging through forests "
        "in Latakia province, officials said."
    )
    assert types(text) == []


def test_the_act_the_dead_of_a_funeral_died_in_is_background() -> None:
    text = (
        "TEHRAN - Thousands of mourners filled the streets of Tehran on Sunday for the funeral of four soldiers killed "
        "in Israel's air strikes on Iran over the weekend."
    )
    assert types(text) == []


def test_a_month_named_before_a_relative_cue_dates_the_act() -> None:
    text = (
        "Iran fired a barrage of ballistic missiles at Israel on Sunday, the army said.\n\nIn March, Iran launched "
        "more than 300 drones and missiles in an overnight assault that was almost entirely shot down."
    )
    assert types(text) == ["shelling_artillery_missile"]


def test_a_count_of_acts_is_no_act() -> None:
    text = (
        "Iran fired a barrage of ballistic missiles at Israel on Sunday, the army said.\n\nAirlines cancelled dozens "
        "of flights across the Gulf, and several airports closed for hours.\n\nOil prices rose in early Asian trade."
        "\n\nIt was the second direct Iranian attack on Israel this year."
    )
    assert types(text) == ["shelling_artillery_missile"]
    seized = (
        "Iran's Revolutionary Guards seized a tanker in the Strait of Hormuz on Sunday. Iran has seized several "
        "foreign vessels in the area since 2019."
    )
    assert types(seized) == ["maritime_attack"]


def test_a_toll_two_sentences_on_in_the_acts_own_paragraph_is_its_toll() -> None:
    text = (
        "A Houthi drone struck a fuel depot near Jizan on Sunday, officials said. The coalition said the depot was "
        "damaged. Saudi officials condemned the attack.\n\nEight hours later, coalition warplanes pounded Houthi "
        "targets in Sanaa, striking what the coalition said were missile launch sites. Rescuers worked through the "
        "night to reach survivors under the rubble. The Houthi-run health ministry said on Monday that 11 people had "
        "been killed, before raising the toll to 14 dead and around 20 injured."
    )
    assert summary(text)[1] == ("air_or_drone_strike", "YE", 14, 20, "Saudi Arabia")


def test_a_toll_of_a_year_gone_is_no_detail_of_the_act_before() -> None:
    text = (
        "Settlers set fire to a house and three cars overnight in the village of Burqa, northwest of Nablus, on "
        "Sunday, Palestinian officials said. The Red Crescent said it treated five people for injuries.\n\nSunday's "
        "raid was the latest in more than a year of Israeli operations, launched after a string of attacks inside "
        "Israel killed 19 people in the spring of 2023."
    )
    assert summary(text) == [("attack", "PS", None, 5, "Civilians")]


def test_a_shutter_down_strike_is_no_air_strike() -> None:
    text = (
        "A bomb exploded at a market in Zahedan on Monday, killing seven people, police said. Traders observed a "
        "shutter-down strike on Tuesday to mourn the victims."
    )
    assert types(text) == ["remote_explosive"]


def test_sanctions_talked_about_and_interceptors_fired_since_october_are_no_events() -> None:
    session = (
        "A drone struck a fuel depot near Jizan on Sunday. The conference closes on Thursday with a session on "
        "sanctions compliance."
    )
    assert types(session) == ["air_or_drone_strike"]
    total = (
        "Navy officials have told Congress that warships in the Red Sea have fired more than 100 Standard Missile "
        "interceptors since October against missiles and drones launched from Yemen."
    )
    assert types(total) == []


def test_a_decade_of_brokering_and_towns_captured_are_no_events() -> None:
    decade = (
        "A bomb exploded in Manama on Sunday, wounding two policemen. Omani officials also quietly brokered the "
        "release of several Western detainees held in Iran over the past decade."
    )
    assert types(decade) == ["remote_explosive"]
    towns = (
        "Fighting raged in Rakhine State on Sunday, where the Arakan Army has captured several towns, and Myanmar's "
        "junta has bought drones of the kind Iran sells to its allies in Yemen."
    )
    assert types(towns) == []


def test_talks_broken_down_late_last_year_are_an_aside_of_a_story_of_elsewhere() -> None:
    text = (
        "The war in Sudan raged on in El Fasher on Sunday, killing dozens, witnesses said.\n\nTalks in the Saudi city "
        "of Jeddah, co-sponsored by Saudi Arabia and the United States, broke down late last year."
    )
    assert types(text) == []


def test_a_siege_told_from_a_month_and_year_is_history() -> None:
    text = (
        "A suicide bomber killed two YPG fighters at a checkpoint in Kobani on Sunday.\n\nKobani was besieged by "
        "Islamic State from September 2023 until January, when Kurdish fighters backed by U.S.-led air strikes drove "
        "the militants out."
    )
    assert types(text) == ["suicide_bomb"]


def test_running_totals_ongoing_talks_and_posts_captured_are_no_events() -> None:
    total = (
        "Rockets fired from Afrin hit Kilis on Sunday, killing two people. The military says 268 militants have been "
        '"neutralized" since the operation began, a term it uses for killed, wounded or captured.'
    )
    assert types(total) == ["shelling_artillery_missile"]
    talks = (
        "A Turkish drone struck a car near Qamishli on Sunday, killing three SDF fighters. Moscow has been hosting "
        "talks on normalising ties between Ankara and Damascus."
    )
    assert types(talks) == ["air_or_drone_strike"]
    posts = (
        "Houthi fighters attacked border posts in Jazan on Sunday, the coalition said. Al-Masirah said the group's "
        "fighters had captured three Saudi posts and seized weapons."
    )
    assert types(posts) == ["attack"]


def test_a_navy_boarding_a_smugglers_boat_to_seize_its_cargo_is_a_seizure() -> None:
    text = (
        "US naval forces boarded a small wooden vessel in the Arabian Sea and seized Iranian-made missile components "
        "bound for Yemen's Houthi movement, US Central Command said on Sunday."
    )
    assert types(text) == ["arrest_or_seizure"]


def test_a_crowd_is_never_the_doer_of_a_strike() -> None:
    text = (
        "Activists from the group Raqqa is Being Slaughtered Silently report that coalition air strikes on Raqqa on "
        "Sunday killed 11 civilians."
    )
    assert summary(text) == [("air_or_drone_strike", "SY", 11, None, "US forces")]


def test_a_tank_shell_is_shelling() -> None:
    text = (
        "In Beit Lahiya, a shell fired by an Israeli tank struck the home of the Salman family on Sunday, killing "
        "seven people."
    )
    assert summary(text) == [("shelling_artillery_missile", "PS", 7, None, "IDF")]


def test_a_place_named_to_say_where_another_lies_is_not_the_scene() -> None:
    text = (
        "Syrian government air strikes pounded the besieged rebel enclave of Eastern Ghouta outside Damascus on "
        "Sunday, killing at least 44 civilians, a war monitor said.\n\nWarplanes hit the towns of Hammuriyeh, Kafr "
        "Batna and Douma throughout the day, and the monitor later raised the toll to 57 dead."
    )
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.admin1, e.killed) for e in events] == [("air_or_drone_strike", "Rif Dimashq", 57)]


def test_one_rocket_of_a_barrage_told_before_is_that_barrage() -> None:
    text = (
        "Hamas fired barrages of rockets at Tel Aviv and central Israel on Sunday. One rocket struck a house in the "
        "city of Holon, killing a woman, and seven people were wounded across the area, medics said."
    )
    assert summary(text) == [("shelling_artillery_missile", "IL", 1, 7, "Hamas")]


def test_a_story_that_marks_an_anniversary_tells_history() -> None:
    text = (
        "BAGHDAD - Iraqis on Sunday marked the tenth anniversary of the Speicher massacre, in which Islamic State "
        "militants executed hundreds of air force cadets near Tikrit.\n\nAround 1,700 cadets were captured as they "
        "tried to flee the base, and many were shot in batches on the riverbank, rights groups say."
    )
    assert types(text) == []


def test_an_accidents_inquiry_and_a_motor_rally_are_no_events() -> None:
    trains = (
        "Two trains collided near Tahta on Sunday, killing 20 people. The prosecutor ordered the detention of the "
        "drivers of both trains pending an investigation."
    )
    assert types(trains) == []
    rally = (
        "AL DUWADIMI, Saudi Arabia - Saudi driver Faisal al-Harbi launched a fierce attack through the dunes on "
        "Sunday to take the lead of the Dakar Rally."
    )
    assert types(rally) == []


def test_a_condemnation_alone_and_talks_that_go_on_are_no_diplomacy() -> None:
    text = (
        "A suicide car bomber killed 38 recruits at a camp in Aden on Sunday. The Saudi-led coalition and the UN envoy "
        "for Yemen also condemned the bombing. Peace talks between the government and the rebels are continuing in "
        "Kuwait but have made little progress."
    )
    assert types(text) == ["suicide_bomb"]
    # a condemnation told with an envoy summoned is the summons
    summoned = (
        "US jets struck militia sites near al-Qaim on Sunday. Baghdad's government spokesman condemned the U.S. "
        "strikes, and the Foreign Ministry summoned the U.S. charge d'affaires."
    )
    assert types(summoned) == ["air_or_drone_strike", "diplomacy"]


def test_a_toll_after_a_lede_that_ends_on_an_aside_is_the_ledes_act() -> None:
    text = (
        "Suicide attackers stormed two security compounds in Homs on Sunday, killing dozens of people, in an attack "
        "that came hours before the United Nations opened talks on Syria in Geneva.\n\nDozens more were wounded, the "
        "governor said."
    )
    assert [(t, k, i) for t, _, k, i, _ in summary(text)] == [("suicide_bomb", 24, 24), ("diplomacy", None, None)]


def test_what_activists_say_of_a_gas_attack_is_no_riot() -> None:
    text = "Activists say more than 200 people were killed in a gas attack near Damascus on Sunday."
    assert [(t, k) for t, _, k, _, _ in summary(text)] == [("attack", 200)]


def test_shooting_dead_a_man_kills_one() -> None:
    text = (
        "Israeli settlers rampaged through a Palestinian village south of Nablus on Sunday, torching houses and cars "
        "and shooting dead a 19-year-old man, Palestinian officials said."
    )
    assert summary(text) == [("attack", "PS", 1, None, "Civilians")]
