"""Rules of tag-24: an act told after the lede, dated days before the lede's own act, is background to the news;
places and parties of retold acts. Read off the dev part of the whole-article set; general rules. The stories are
written for these tests (published on DAY, 2024-05-20, a Monday)."""

from __future__ import annotations

from ingest.tag import tag_article
from ingest.tag.actors import actor_mentions
from ingest.tag.places import place_mentions
from tag_cases import DAY, summary


def test_an_act_days_before_the_ledes_act_told_later_is_background() -> None:
    text = (
        "ANKARA - Turkish warplanes struck Kurdish militant positions in northern Iraq on Monday, killing six "
        "fighters, the defence ministry said.\n\n"
        "The jets hit shelters and ammunition depots in the Qandil mountains, the ministry said in a statement.\n\n"
        "The strikes were ordered after a deadly attack in the capital.\n\n"
        "Last Wednesday, two assailants attacked the entrance of the Interior Ministry in Ankara; one blew himself up "
        "and the other was killed by police, and two officers were wounded."
    )
    assert [(e[0], e[1]) for e in summary(text)] == [("air_or_drone_strike", "IQ")]


def test_an_act_two_days_before_the_ledes_statement_is_still_news() -> None:
    text = (
        "CAIRO - Egypt's armed forces said on Monday that 12 militants had been killed in exchanges of fire with "
        "troops in North Sinai over the past four days.\n\n"
        "Ground forces backed by police raided militant hideouts south of el-Arish, the military said.\n\n"
        "The military also acknowledged losses.\n\n"
        "Two soldiers were killed and three others wounded on Saturday when an explosive device planted on a road "
        "near Bir al-Abd went off as their armoured vehicle passed, the statement said."
    )
    assert ("remote_explosive", "EG", 2, 3) in [e[:4] for e in summary(text)]


def test_a_story_whose_lede_dates_no_act_keeps_the_days_it_reviews() -> None:
    # a weekly review: its lede tells the week, each item its own day (no act of the lede to measure them against)
    text = (
        "SYRIA WEEK IN REVIEW - Turkey's offensive in north-east Syria entered its second week.\n\n"
        "The key developments of the week follow.\n\n"
        "The front lines moved every day.\n\n"
        "Tuesday: Turkish artillery pounded the besieged border town of Ras al-Ain, killing seven fighters, the "
        "Observatory said."
    )
    assert [e[:3] for e in summary(text)] == [("shelling_artillery_missile", "SY", 7)]


def test_a_capital_after_a_new_clause_is_no_scene_and_a_channel_is_no_town() -> None:
    def scores(sentence: str) -> dict[str, float]:
        return {m.place.name: m.score for m in place_mentions(sentence)}

    pressed = scores("Turkish warplanes pounded Kurdish-held towns in northeast Syria on Friday as Ankara pressed on.")
    assert pressed["Syria"] > 1.0 and pressed["Ankara"] < 4.0  # "on Friday as Ankara": no locative for Ankara
    assert scores("Three people were killed on Friday in the centre of Ankara, police said.")["Ankara"] > 4.0
    channel = scores("At least 14 civilians were killed in Raqqa, Al Mayadeen TV channel reported on Sunday.")
    assert "Raqqa" in channel and "Mayadin" not in channel


def test_a_retold_strike_of_a_state_that_strikes_abroad_is_not_placed_at_home() -> None:
    text = (
        "BEIRUT - A Hezbollah rocket barrage hit the northern Israeli town of Safed on Monday, killing a soldier and "
        "wounding eight people, Israeli medics said.\n\n"
        "The Israeli army said its jets had struck Hezbollah targets in response to the rocket fire."
    )
    strikes = [e for e in summary(text) if e[0] == "air_or_drone_strike"]
    assert strikes and all(e[1] != "IL" for e in strikes)


def test_a_retold_strike_of_a_state_at_war_at_home_keeps_its_place() -> None:
    text = (
        "BEIRUT - Rebels shelled a government-held district of Aleppo on Monday, killing three civilians, state media "
        "said.\n\n"
        "Syrian government warplanes struck rebel positions in response, the army said."
    )
    assert ("air_or_drone_strike", "SY") in [e[:2] for e in summary(text)]


def test_a_note_or_letter_of_protest_handed_to_an_envoy_is_diplomacy_not_a_protest() -> None:
    text = (
        "BAGHDAD - Iraq's foreign ministry said on Monday it had summoned the U.S. charge d'affaires in Baghdad to "
        "deliver a formal letter of protest over what it called a violation of Iraqi sovereignty."
    )
    assert [e[:2] for e in summary(text)] == [("diplomacy", "IQ")]
    handed = "BAGHDAD - The ministry said on Monday it had handed the Iranian ambassador a note of protest."
    assert "protest" not in [e[0] for e in summary(handed)]


def test_the_maritime_agency_named_in_full_reports_the_attack_it_is_no_party() -> None:
    text = (
        "DUBAI - A Houthi missile struck a bulk carrier in the Red Sea off Yemen on Monday, wounding one crew "
        "member.\n\n"
        "The United Kingdom Maritime Trade Operations (UKMTO) agency said the master of the vessel reported an "
        "explosion on the starboard side southwest of the port of Hodeidah."
    )
    assert [(e[0], e[4]) for e in summary(text)] == [("maritime_attack", "Houthis")]


def test_where_a_ship_was_bound_is_no_scene_of_its_attack() -> None:
    text = (
        "DUBAI - Yemen's Houthi militia fired two anti-ship missiles at a bulk carrier in the Gulf of Aden on Monday, "
        "causing minor damage, the U.S. military said.\n\n"
        "Houthi military spokesman Yahya Saree said in a televised statement that the group's naval forces had "
        'targeted the ship, which he described as "belonging to a company that deals with the ports of occupied '
        'Palestine".'
    )
    assert [e[:2] for e in summary(text)] == [("maritime_attack", "YE")]


def test_a_later_account_counting_some_of_a_fights_dead_is_that_fight() -> None:
    text = (
        "NABLUS, West Bank - Three Palestinians were killed and 19 wounded on Monday when Israeli forces raided the "
        "old city of Nablus and fought a gun battle with local militants, the health ministry said.\n\n"
        "Witnesses said dozens of military vehicles entered the city before dawn.\n\n"
        "Shops stayed shut and the streets were empty by mid-morning.\n\n"
        "The Israeli army said troops came under fire from gunmen in Nablus and returned fire, killing two of them."
    )
    assert [e[:3] for e in summary(text)] == [("armed_clash", "PS", 3)]


def test_two_bombings_in_one_city_on_one_day_stay_two() -> None:
    text = (
        "BAGHDAD - A car bomb ripped through a crowded market in Baghdad on Monday, killing 17 people, police said.\n\n"
        "Ambulances rushed the wounded to nearby hospitals.\n\n"
        "Shopkeepers swept glass from the pavement.\n\n"
        "About an hour later, a roadside bomb in Baghdad killed two soldiers, the army said."
    )
    assert [e[:3] for e in summary(text)] == [("remote_explosive", "IQ", 17), ("remote_explosive", "IQ", 2)]


def test_where_the_missiles_fell_near_a_coast_is_the_ship_attack_at_sea() -> None:
    text = (
        "DUBAI - Yemen's Houthi militia fired two anti-ship ballistic missiles at a bulk carrier in the Gulf of Aden "
        "on Monday, the U.S. military said.\n\n"
        "The ship, which was carrying grain from Brazil, was about 70 nautical miles southeast of Aden when one "
        "missile exploded in the water nearby, causing minor damage. No one was hurt."
    )
    assert [e[:2] for e in summary(text)] == [("maritime_attack", "YE")]


def test_a_citys_quarter_named_like_a_province_is_no_province() -> None:
    sentence = "At least 11 fighters were killed in the clashes in the Qadisiyah district, a monitor said."
    assert "Qadisiyah" not in [m.place.name for m in place_mentions(sentence)]
    assert "Qadisiyah" in [m.place.name for m in place_mentions("Gunmen killed two police officers in Qadisiyah.")]


def test_a_partys_own_account_after_another_fronts_act_is_its_act_told_again() -> None:
    text = (
        "Israel-Lebanon border live: here are Monday's key developments.\n\n"
        "- Rockets fired from Lebanon hit an army base in Kiryat Shmona, lightly wounding one soldier.\n\n"
        "- Israeli artillery shelled the outskirts of the southern Lebanese town of Khiam.\n\n"
        'Hezbollah said it fired "dozens of Katyusha rockets" at an army base in Kiryat Shmona in response to Israeli '
        "strikes on southern villages."
    )
    assert sorted(e[:2] for e in summary(text)) == [
        ("shelling_artillery_missile", "IL"),
        ("shelling_artillery_missile", "LB"),
    ]


def test_a_story_gathered_to_mark_years_since_an_act_reports_no_act() -> None:
    text = (
        "TIKRIT, Iraq - Hundreds of mothers gathered on the banks of the Tigris on Monday to mark ten years since "
        "Islamic State militants massacred hundreds of air force cadets captured at Camp Speicher.\n\n"
        "Militants separated the cadets from other captives and killed them in batches, posting videos of the "
        "executions online.\n\n"
        '"I want a grave I can visit," said one mother.'
    )
    assert summary(text) == []


def test_an_act_told_before_a_rally_marking_years_since_stays_news() -> None:
    text = (
        "NABLUS, West Bank - Israeli troops killed a Palestinian gunman in a firefight during a raid on the Balata "
        "refugee camp early Monday, as thousands of Palestinians rallied in Ramallah to mark 75 years since the "
        "Nakba.\n\n"
        "Hours later, a Palestinian gunman opened fire on an Israeli car near the Huwara junction south of Nablus, "
        "wounding two Israelis."
    )
    assert ("attack", "PS") in [e[:2] for e in summary(text)]


def test_a_markets_meeting_or_rally_is_no_talks_and_no_protest() -> None:
    text = (
        "DUBAI - Oil prices rose for a third day on Monday after Saudi Arabia and Iraq said they would keep exports "
        "from the Gulf steady despite the war in Yemen.\n\n"
        "Supply worries added to the rally.\n\n"
        "The Organization of the Petroleum Exporting Countries, meeting at its headquarters in Vienna, agreed on "
        "Monday to keep its existing output curbs until the end of next year.\n\n"
        "The U.S. Federal Reserve begins a two-day policy meeting later on Monday."
    )
    assert summary(text) == []


def test_the_crime_a_court_sentences_for_is_no_act_however_long_its_telling() -> None:
    text = (
        "JERUSALEM - An Israeli military court on Monday sentenced a Palestinian man from the southern West Bank to "
        "two consecutive life terms for a stabbing attack at a hitchhiking stop near the Gush Etzion junction last "
        "year that killed two Israelis."
    )
    assert summary(text) == []
    hanged = (
        "TEHRAN - The judiciary's Mizan news agency said on Monday that a man convicted of 'waging war against God' "
        "over a knife attack on a Basij member was hanged at dawn in Karaj."
    )
    assert [e[:2] for e in summary(hanged)] == [("attack", "IR")]


def test_a_hyphenated_outlet_in_the_dateline_still_lets_the_lede_look_back() -> None:
    text = (
        "BAGHDAD (Al-Monitor) - Six years after Iraq declared victory over the Islamic State, the group has been "
        "reduced to scattered cells hiding in the deserts of Anbar.\n\n"
        "The group's last major strike in the capital came in January 2021, when two suicide bombers blew themselves "
        "up in a clothing market, killing 32 people. A year later, militants stormed an army post in the al-Azim "
        "district of Diyala and killed 11 soldiers as they slept."
    )
    assert summary(text) == []


def test_what_a_strike_answered_is_no_scene_but_where_aid_was_going_is() -> None:
    claim = (
        "BAGHDAD - At least eight rockets were fired at Ain al-Asad air base in Iraq's western Anbar province on "
        "Monday evening, lightly wounding two U.S. service members, officials said.\n\n"
        "In a short statement posted on Telegram, the group said it had hit the base with a barrage of rockets in "
        "response to US support for Israel's offensive in Gaza."
    )
    assert [e[:2] for e in summary(claim)] == [("shelling_artillery_missile", "IQ")]
    convoy = (
        "GENEVA - Aid deliveries were suspended on Monday after an air strike hit trucks carrying aid to Aleppo, "
        "killing 12 aid workers, the United Nations said."
    )
    assert [e.admin1 for e in tag_article(convoy, published=DAY).events] == ["Aleppo"]


def test_a_warning_of_where_fighting_may_go_told_to_someone_is_no_threat() -> None:
    text = (
        "BEIRUT - Western diplomats shuttling between Beirut and Israel have warned Lebanese officials that the "
        "fighting could escalate into a full-scale war, officials said on Monday.\n\n"
        "Diplomats in Baghdad warn the tit-for-tat exchanges could escalate further."
    )
    assert summary(text) == []


def test_police_clashing_with_protesters_is_a_protest_not_a_fight() -> None:
    text = (
        "MANAMA - In Sitra, a largely Shia village south of the capital, riot police firing tear gas and rubber "
        "bullets clashed for several hours on Monday with hundreds of protesters, witnesses said."
    )
    assert [e[:2] for e in summary(text)] == [("protest", "BH")]
    fight = (
        "DERAA, Syria - Activists said on Monday that troops had tried to storm the district before dawn and were "
        "driven back by local fighters after hours of street battles."
    )
    assert [e[:2] for e in summary(fight)] == [("armed_clash", "SY")]


def test_a_partys_outlet_that_reports_strikes_on_it_is_their_speaker_not_their_doer() -> None:
    sentence = "The Houthis' al-Masirah satellite channel reported several strikes on the Ras Issa area."
    assert [(m.actor.name, m.role_hint) for m in actor_mentions(sentence)] == [("Houthis", "speaker")]


def test_the_ledes_wave_told_again_hours_later_is_one_but_separately_stays_apart() -> None:
    text = (
        "BEIRUT - Israeli aircraft struck targets across south Lebanon on Monday, killing seven people, Lebanese "
        "officials said.\n\n"
        "Rockets fired from Lebanon earlier hit an open field near Metula, causing no damage.\n\n"
        "Hours later, Israeli warplanes struck what the army said were dozens of Hezbollah rocket launchers in south "
        "Lebanon, wounding 40 people."
    )
    assert [e[:4] for e in summary(text) if e[0] == "air_or_drone_strike"] == [("air_or_drone_strike", "LB", 7, 40)]
    apart = text.replace("Hours later, Israeli", "Separately, Israeli")
    assert len([e for e in summary(apart) if e[0] == "air_or_drone_strike"]) == 2


def test_a_count_of_launches_or_deaths_over_a_span_is_no_act() -> None:
    for sentence in (
        "GAZA - The Israeli military says more than 365 rockets have been fired at Israel from Gaza since Tuesday.",
        "GAZA - The army says militants in Gaza have fired more than 500 rockets at Israel over the past week.",
        "KILIS, Turkey - More than 20 people have been killed in rocket strikes on the town this year, officials say.",
    ):
        assert summary(sentence) == [], sentence


def test_a_fragment_of_a_barrage_that_killed_someone_is_the_barrages_toll() -> None:
    text = (
        "JERUSALEM - Iran fired around 180 ballistic missiles at Israel on Monday night, sending millions of people "
        "into bomb shelters, the Israeli military said.\n\n"
        "Most of the missiles were intercepted, the army said.\n\n"
        "Two people were lightly wounded by shrapnel in Tel Aviv.\n\n"
        "In the occupied West Bank, the governor of Jericho said a Palestinian man had been killed when a falling "
        "missile fragment struck him."
    )
    assert [e[:3] for e in summary(text)] == [("shelling_artillery_missile", "IL", 1)]


def test_a_states_hangings_filed_from_another_capital_are_at_home_and_their_tally_is_no_act() -> None:
    text = (
        "DUBAI (Reuters) - Iran hanged two men on Monday who had been convicted of killing a member of the Basij "
        "militia during last year's protests, the judiciary's news agency said.\n\n"
        "With Monday's hangings, Iran has executed nine people in connection with the unrest.\n\n"
        "Police said the driver had walked away into the crowd, ruling out a suicide attack."
    )
    assert [e[:3] for e in summary(text)] == [("attack", "IR", 2)]


def test_weapons_shown_in_photos_are_no_act() -> None:
    text = (
        "DAMASCUS - Syrian security forces killed two suspected Islamic State militants in a gunfight during a raid "
        "on a hideout in the Damascus countryside on Monday, the Interior Ministry said.\n\n"
        "Photos released by the ministry showed suicide belts, assault rifles and a stack of mobile phones laid out on "
        "a blanket."
    )
    assert [e[:2] for e in summary(text)] == [("armed_clash", "SY")]


def test_the_act_a_funerals_dead_died_in_on_a_named_day_is_no_act() -> None:
    text = (
        "BEIRUT - An Israeli drone strike in south Lebanon killed two Hezbollah members on Monday, the group said.\n\n"
        "In the southern town of Kfar Kila, hundreds attended the funeral of a Hezbollah fighter who was killed "
        "Sunday in a car bomb blast near the border."
    )
    assert [e[:3] for e in summary(text)] == [("air_or_drone_strike", "LB", 2)]
