"""Rules of tag-19: whole stories carry background around their news (acts dated weeks back, running totals,
anniversaries, worries), and the dev part of the blind `b61-*`..`b63-*` passages and of the first whole-article
batches. Each a general rule; the sentences here are written for these tests (published on DAY, 2024-05-20)."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article
from ingest.tag.counts import extract_counts
from tag_cases import DAY, doers, summary, types


def test_an_act_dated_weeks_before_publication_is_background_and_keeps_its_toll() -> None:
    text = (
        "Islamic State gunmen killed three shepherds near Deir ez-Zor on Sunday, a monitor said.\n\n"
        "In January, IS fighters stormed a prison in Hasakah in the group's biggest attack in years. "
        "More than 500 people were killed in ten days of fighting."
    )
    assert summary(text) == [("attack", "SY", 3, None, "Islamic State")]
    dated = "On March 3, a drone struck a base in eastern Syria, injuring two soldiers."
    assert tag_article(dated, published=DAY).events == []
    # a date in a later clause dates nothing: "killed since the movement began in March"
    later = (
        "Security forces opened fire on protesters in Nasiriyah on Thursday, killing four people, medics said, in "
        "protests that have grown angrier every week since the movement began in March."
    )
    assert types(later) == ["attack"]


def test_a_dateline_date_or_a_date_naming_another_event_dates_no_act() -> None:
    filed = "GAZA, May 2 (Reuters) - An Israeli air strike on a house in Rafah killed six people on Thursday."
    assert types(filed) == ["air_or_drone_strike"]
    named = "Israeli troops pulled back from the village, the first handover under the March 27 truce, the army said."
    assert types(named) == ["military_deployment"]


def test_a_toll_recalled_by_an_anniversary_is_not_the_news_toll() -> None:
    text = (
        "A drone struck a car near Tyre on Sunday, Lebanese media said. "
        "Sunday marked 200 days since Hamas fighters stormed southern Israel, killing about 1,200 people."
    )
    assert summary(text) == [("air_or_drone_strike", "LB", None, None, None)]


def test_a_carrier_strike_group_that_moves_is_a_deployment() -> None:
    text = "A US aircraft carrier strike group has moved from the Gulf of Aden into the southern Red Sea, officials say"
    assert types(text) == ["military_deployment"]


def test_a_wave_of_strikes_carried_out_is_one_operation_and_a_surge_of_attacks_is_its_setting() -> None:
    wave = "Israeli aircraft carried out a wave of strikes on military targets near Tehran before dawn on Saturday."
    assert types(wave) == ["air_or_drone_strike"]
    amid = (
        "A squadron of F-15E fighter jets has arrived at an air base in Jordan, the Pentagon said, describing the "
        "move as a precaution amid a surge of attacks on American personnel."
    )
    assert types(amid) == ["military_deployment"]


def test_running_totals_and_campaigns_told_in_general_are_no_events() -> None:
    total = "The Pentagon says the group has carried out more than 60 attacks on commercial and naval vessels."
    assert tag_article(total, published=DAY).events == []
    since = "Since November 2023 the Houthis have attacked more than 100 merchant ships with missiles and drones."
    assert tag_article(since, published=DAY).events == []
    funds = '"The Houthis rely on Iran to bankroll their attacks on shipping," a Treasury official said.'
    assert tag_article(funds, published=DAY).events == []
    linked = (
        "The Guards said missile strikes had destroyed gatherings of militants in Syria's Idlib province, which "
        "they linked to a suicide bombing in the city of Kerman earlier this month."
    )
    assert types(linked) == ["shelling_artillery_missile"]


def test_a_warning_of_where_things_may_go_is_no_threat_but_a_party_warning_of_force_is() -> None:
    worry = (
        "Western diplomats have shuttled between Beirut and Israel, warning that the tit-for-tat exchanges could "
        "spiral into a full-scale war."
    )
    assert "threat" not in types(worry)
    force = "Iran warned that any attack on its soil would be met with a crushing response."
    assert types(force) == ["threat"]
    consequences = '"The Zionist regime will taste the bitter consequences," the Revolutionary Guards warned.'
    assert types(consequences) == ["threat"]


def test_a_company_reporting_results_is_off_topic() -> None:
    text = (
        "HAIFA - Elbit Systems reported a 41% jump in third-quarter net profit on Wednesday, driven by demand for "
        "artillery shells, drones and air-defence systems."
    )
    assert tag_article(text, published=DAY).events == []


def test_a_wire_hub_dateline_is_not_the_coast_of_a_sea_seizure() -> None:
    text = (
        "DUBAI - Iran's Revolutionary Guards navy seized a foreign-flagged tanker carrying smuggled fuel in the "
        "Strait of Hormuz on Thursday, state media reported."
    )
    assert summary(text) == [("maritime_attack", "IR", None, None, "IRGC")]


def test_warships_targeted_at_sea_are_a_maritime_attack() -> None:
    text = (
        "The Houthis claimed to have targeted the aircraft carrier USS Harry S. Truman and its escort warships in "
        "the northern Red Sea with ballistic missiles."
    )
    assert types(text)[0] == "maritime_attack"  # (its escorts, told in a clause of their own, still make a second)


def test_combined_and_told_tolls() -> None:
    combined = extract_counts("The blast had killed or wounded more than 40 people; civil defence confirmed nine dead.")
    assert (combined.killed, combined.injured) == (9, None)
    nobody = extract_counts("The ministry said nobody was killed or injured.")
    assert (nobody.killed, nobody.injured) == (0, 0)
    told = extract_counts("Falling shrapnel wounded five people, two Saudi citizens and three foreign residents.")
    assert told.injured == 5
    climbed = extract_counts("Rescuers first counted nine bodies; by nightfall the number had climbed to 13.")
    assert climbed.killed == 13
    from_strike = extract_counts(
        "Crews pulled six more bodies from the rubble, bringing the death toll from that single strike to 19."
    )
    assert from_strike.killed == 19


def test_gunmen_from_a_named_group_are_the_group_and_an_embassy_is_a_site() -> None:
    text = "Gunmen from al-Qaeda in the Arabian Peninsula abducted five aid workers in Abyan province on Friday."
    assert doers(text) == [("attack", "AQAP")]
    site = (
        "A drone launched from Yemen smashed into an apartment building near a U.S. embassy branch office in Tel "
        "Aviv on Friday, killing one man. The Houthis claimed the attack."
    )
    assert doers(site) == [("air_or_drone_strike", "Houthis")]


def test_what_those_named_after_an_arrival_will_do_leaves_the_arrival() -> None:
    text = (
        "A US THAAD missile defence battery has arrived in Israel along with the first of about 100 American "
        "troops who will operate it, the Israeli military said."
    )
    assert types(text) == ["military_deployment"]


def test_an_exchange_of_gunfire_is_a_clash_and_satellite_phones_are_no_space_story() -> None:
    clash = (
        "In Jenin, troops came under fire as they moved to arrest a wanted man, sparking an exchange of gunfire in "
        "which a Palestinian was killed."
    )
    assert types(clash)[0] == "armed_clash"
    cell = (
        "The Intelligence Ministry said it had dismantled a network in Kermanshah province, detaining 12 members "
        "and confiscating explosives and satellite communications equipment."
    )
    assert types(cell) == ["arrest_or_seizure"]


# Second round: rules from the dev part of the whole-article batches b64-b71.


def test_a_story_that_opens_by_looking_back_tells_its_undated_acts_as_history() -> None:
    verdict = (
        "An Ankara court on Thursday handed life sentences to nine defendants over the 2015 bombings at the railway "
        "station. More than 100 people were killed when two bombers detonated explosives among demonstrators. "
        "Police detained three men outside the court on Thursday after scuffles with relatives."
    )
    assert types(verdict) == ["arrest_or_seizure"]
    anniversary = (
        "Ten years ago today, Islamic State fighters swept into Mosul. Militants executed hundreds of prisoners. "
        "On Monday, a roadside bomb killed two soldiers near the city, police said."
    )
    assert types(anniversary) == ["remote_explosive"]


def test_standing_forces_counts_of_times_and_a_quickening_pace_are_no_events() -> None:
    assert types("Around 10,000 UNIFIL peacekeepers are deployed in south Lebanon.") == []
    assert types("The United States has about 2,500 troops in Iraq and 900 in Syria.") == []
    assert types("US forces in Iraq and Syria have come under attack more than 120 times since October.") == []
    assert types("The Houthis have sharply increased cross-border attacks on Saudi Arabia in recent weeks.") == []
    assert types("Analysts said the militants are likely to step up attacks on soft targets.") == []
    assert types("Saudi authorities say they have arrested thousands of suspected militants in recent years.") == []


def test_acts_named_as_measures_or_judged_in_court_are_background() -> None:
    since = (
        "A car bomb killed 20 people at a market in Baghdad on Monday, police said. The bombing was the deadliest in "
        "the capital since July, when a truck bomb tore through a shopping district."
    )
    assert types(since) == ["remote_explosive"]
    last = "Washington weighed its response to last weekend's drone attack on Saudi oil facilities."
    assert types(last) == []
    court = "The tribunal found Salim Ayyash guilty of conspiracy to commit a terrorist act."
    assert types(court) == []
    weakened = "AQAP has regrouped in parts of the south, although it has been weakened by US drone strikes."
    assert types(weakened) == []
    follows = "The restart of the pipeline follows weeks of negotiations between Baghdad and Erbil."
    assert types(follows) == []


def test_a_deadline_in_a_timetable_is_no_ultimatum() -> None:
    assert types("Officials said no foreign combat forces will remain at the base after the deadline.") == []
    assert types("The militia gave US forces a deadline to leave Iraq by the end of the month.") == ["threat"]


def test_talks_a_deployment_and_clashes_told_again_are_one_event_each() -> None:
    talks = (
        "A Saudi delegation held talks with Houthi leaders in Sanaa on Sunday. Sources said the discussions "
        "focused on a permanent ceasefire and the reopening of roads."
    )
    assert types(talks) == ["diplomacy"]
    deployment = (
        "A Patriot battery has arrived at Prince Sultan Air Base, the Pentagon said on Friday. Officials said "
        "Saudi Arabia had agreed to pay for the additional deployment, which was sent to deter attacks."
    )
    assert types(deployment) == ["military_deployment"]
    clash = (
        "Islamic State militants ambushed an army bus in the desert near Palmyra on Thursday, killing 23 soldiers. "
        "Dozens more were wounded. The two sides fought until shortly before dawn, the Observatory said."
    )
    assert types(clash) == ["armed_clash"]


def test_a_barrage_named_again_paragraphs_later_is_the_same_act() -> None:
    text = (
        "Hezbollah fired around 60 rockets at the Israeli town of Kiryat Shmona on Tuesday night, the army said.\n\n"
        "Sirens sounded across the Galilee and residents ran to shelters.\n\n"
        "Schools will stay closed on Wednesday, the Home Front Command said.\n\n"
        "Tuesday's barrage was the group's heaviest attack on the town this year."
    )
    assert types(text) == ["shelling_artillery_missile"]


def test_a_month_of_last_year_dates_an_act_a_year_back() -> None:
    text = "A UN-brokered truce that took effect in April last year largely held for six months."
    assert tag_article(text, published=DAY).events == []


def test_a_story_dated_at_its_top_counts_its_days_from_there() -> None:
    # republished weeks later: the feed's date is not the story's
    text = (
        "AFP Friday 12 Sep 2014 Syrian government air raids on a rebel-held area near Damascus killed 42 people, a "
        "monitoring group said on Friday."
    )
    events = tag_article(text, published=dt.date(2014, 10, 5)).events
    assert [(e.event_type, e.killed, str(e.event_date)) for e in events] == [("air_or_drone_strike", 42, "2014-09-12")]


def test_totals_since_the_protests_began_are_no_toll_of_the_day() -> None:
    text = (
        "Security forces opened fire on protesters in Basra on Saturday, killing four people. More than 300 people "
        "have been killed and about 15,000 wounded since the protests began, a rights commission said."
    )
    assert summary(text) == [("attack", "IQ", 4, None, "Iraqi forces")]


def test_fears_raised_after_an_act_leave_it_told() -> None:
    text = (
        "Turkey struck back at Syrian government forces on Friday after 33 Turkish soldiers were killed in an air "
        "strike in Idlib province, raising fears of a direct war between Ankara and Damascus."
    )
    assert "air_or_drone_strike" in types(text)


def test_running_totals_campaigns_and_market_rallies_from_the_third_article_round() -> None:
    for text in (
        "More than 11,000 Palestinians have been killed in Israeli strikes since the war began, the ministry says.",
        "The Fifth Fleet says Iran has harassed, attacked or seized nearly 20 internationally flagged vessels.",
        "The Houthis have carried out 27 attacks on vessels transiting the southern Red Sea.",
        "The United States and the European Union have imposed several rounds of sanctions on Iranian entities.",
        "The Houthis have attacked shipping in the Red Sea for most of the year.",
        "Months of negotiations mediated by Qatar and Egypt have produced frameworks but no deal.",
        "The violence is the worst since a March 2020 ceasefire brokered by Moscow and Ankara.",
        "The rally extends a months-long recovery for Israeli assets after a sharp sell-off.",
    ):
        assert types(text) == [], text


def test_campaigns_earlier_acts_and_councils_from_the_fourth_article_round() -> None:
    for text in (
        "The group has fired dozens of missiles and drones at Saudi cities since the start of the year.",
        "Near-daily exchanges of fire across the frontier have killed more than 190 people in Lebanon.",
        "Saudi Arabia has carried out more than 90 executions so far this year, according to a tally.",
        "Israeli officials have said they have hit hundreds of targets in the country over the past year.",
        "Since then, al-Bab and the nearby towns have been hit by dozens of car bombs.",
        "President Erdogan chaired an emergency security meeting in Istanbul.",
        "The PKK, designated a terrorist organisation by Turkey, the United States and the EU, denied involvement.",
        "Goldman Sachs said a rally towards $100 a barrel was possible.",
    ):
        assert types(text) == [], text
    earlier = (
        "Bahraini police arrested 12 people in a raid on a village near Manama on Tuesday, the ministry said. "
        "Prominent rights activist Nabeel Rajab was also detained earlier this month."
    )
    assert types(earlier) == ["arrest_or_seizure"]


def test_a_state_that_fires_at_another_is_the_doer_and_the_target_is_the_scene() -> None:
    text = "Iran fired around 180 ballistic missiles at Israel on Tuesday night, the Revolutionary Guards said."
    assert summary(text) == [("shelling_artillery_missile", "IL", None, None, "IRGC")]


def test_a_story_that_opens_outside_the_region_places_nothing_in_it() -> None:
    text = (
        "NIAMEY (AFP) - Twenty-three Nigerien soldiers were killed in an ambush by suspected jihadists in western "
        "Niger, the defence ministry said on Thursday. The junta said reinforcements including air support had "
        "been sent to the area. Security forces killed five attackers and captured one alive."
    )
    assert types(text) == []
    markets = (
        "Oil prices posted their biggest one-day jump in a year on Monday after Saudi Arabia and other producers "
        "announced surprise output cuts, a move traders called an ambush on short sellers."
    )
    assert types(markets) == []


def test_no_one_hurt_told_in_more_words_is_zero() -> None:
    for sentence, killed, injured in (
        ("The agency said the crew brought the blaze under control and that no one aboard was hurt.", None, 0),
        ("None of the crew had been injured, a company spokeswoman said.", None, 0),
        ("None of the other 22 crew were hurt, the company said.", None, 0),
        ("The energy ministry said neither incident caused injuries or loss of life.", 0, 0),
        ("The army said no Jordanian soldiers were hurt.", None, 0),
    ):
        counts = extract_counts(sentence)
        assert (counts.killed, counts.injured) == (killed, injured), sentence
