"""Rules of tag-22: acts a story tells only in passing, tolls raised far from their act, a party's own telling of
its act, waves of strikes told in pieces, and what diplomacy, threats and deployments are not. Read off the dev part
of the whole-article batches b120-b135 (and the dev part before them); each a general rule. The sentences are
written for these tests (published on DAY, 2024-05-20)."""

from __future__ import annotations

from ingest.tag import tag_article
from ingest.tag.places import place_mentions
from tag_cases import DAY, summary, types

_TRIAL = (
    "BAGHDAD - A federal court in Baghdad on Monday opened the trial of four men accused of embezzling funds meant for "
    "rebuilding schools in Mosul. The defendants, former officials of the education directorate, deny the charges. "
    "Their lawyers asked for the hearing to be delayed.\n\n"
    "Prosecutors say more than $12 million went missing between 2018 and 2020. Parents in the city say classes are "
    "still held in tents.\n\n"
    "Mosul was retaken from Islamic State in 2017 after a nine-month battle. {aside}\n\n"
    "The court adjourned until June 3."
)


def test_a_story_of_something_else_tells_the_regions_acts_in_passing() -> None:
    # a trial of embezzlers; the bombs and strikes it mentions have no day and hurt no one it names
    aside = (
        "Militants still plant roadside bombs on rural roads south of the city, and US aircraft strike their "
        "hideouts in the Hamrin mountains."
    )
    assert types(_TRIAL.format(aside=aside)) == []


def test_one_act_with_its_own_day_makes_it_news_told_mid_story() -> None:
    aside = "On Sunday a roadside bomb killed two soldiers on a road south of the city."
    assert summary(_TRIAL.format(aside=aside)) == [("remote_explosive", "IQ", 2, None, None)]
    # a brief of a few sentences is all opening: its acts are not asides
    brief = "Prosecutors in Baghdad opened a trial on Monday. Militants planted roadside bombs south of Mosul."
    assert types(brief) == ["remote_explosive"]


def test_an_act_hours_later_takes_the_day_of_the_act_told_before() -> None:
    text = (
        "DUBAI (Reuters) - A Greek-owned bulk carrier was struck by a missile in the southern Red Sea on Saturday, "
        "as the world's biggest container lines said they would keep sending ships around Africa.\n\n"
        "Yemen's Houthi movement claimed responsibility. The ship's manager said the crew were safe.\n\n"
        "Hours later, U.S. Central Command said American fighter jets had struck two Houthi anti-ship missiles near "
        "Ras Isa.\n\n"
        "Freight rates on the route have tripled since December. Insurers have raised war-risk premiums again.\n\n"
        "Economists warn the disruption could add to inflation in Europe."
    )
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.country_iso, str(e.event_date), e.date_precision) for e in events] == [
        ("maritime_attack", "YE", "2024-05-18", "day"),
        ("air_or_drone_strike", "YE", "2024-05-18", "day"),
    ]


def test_a_place_that_ends_a_longer_name_is_not_that_town() -> None:
    # "Tariq al-Bab" is a quarter of Aleppo, not the town of al-Bab
    assert [m.place.name for m in place_mentions("bombs fell on the Qaterji and Tariq al-Bab districts")] == []
    assert [m.place.name for m in place_mentions("Turkish troops entered al-Bab on Monday")] == ["Al Bab"]


def test_a_state_named_as_the_land_of_a_place_is_the_scene_over_the_dateline() -> None:
    text = (
        "BEIRUT/ISTANBUL (Reuters) - Turkish border guards shot dead three Syrians after they climbed over the border "
        "wall into Turkey's Hatay province on Saturday, a monitor said."
    )
    (event,) = tag_article(text, published=DAY).events
    assert (event.country_iso, event.admin1) == ("TR", "Hatay")
    # a state's officials are still a party, not a place
    assert place_mentions("Turkey's border guards said") == []


def test_a_retelling_after_a_lede_with_two_acts_is_the_act_of_its_kind() -> None:
    text = (
        "BEIRUT (AP) - Syrian government helicopters dropped barrels packed with explosives on rebel-held "
        "neighborhoods of Aleppo on Monday, killing at least 37 people, activists said, as fighting raged on several "
        "fronts across the country.\n\n"
        "The Syrian Observatory for Human Rights said the crude bombs, which are rolled out of helicopters, struck the "
        "districts of Sakhour and Haidariya in the city's east. Later in the day the group raised the death toll to 42 "
        "and said dozens of people had been wounded."
    )
    strikes = [e for e in summary(text) if e[0] == "air_or_drone_strike"]
    assert strikes == [("air_or_drone_strike", "SY", 42, 24, "Syrian forces")]


def test_violence_told_far_from_any_place_happened_where_the_ledes_act_did() -> None:
    text = (
        "BAGHDAD (Reuters) - A car bomb tore through a crowded market in the city of Hilla on Monday, killing 14 "
        "people, police said.\n\n"
        "Prime Minister Nouri al-Maliki condemned the bombing. He promised to find those responsible.\n\n"
        "The government has struggled to restore order. Officials blame al Qaeda's local wing.\n\n"
        "Late on Monday, gunmen shot dead two policemen at a checkpoint, an officer said."
    )
    assert summary(text)[-1] == ("attack", "IQ", 2, None, "Unidentified armed group")


def test_a_story_that_opens_with_sport_codes_only_acts_that_hurt_someone() -> None:
    text = (
        "BASRA, Iraq - Substitute striker Ali Jasim fired a stoppage-time winner as Iraq came from behind to beat Oman "
        "2-1 at a packed stadium on Thursday night.\n\n"
        "Oman had led after a swift counter-attack in the 23rd minute. The hosts then laid siege to the Omani goal.\n\n"
        '"We attacked until the last second," the coach said. "We executed the plan perfectly."\n\n'
        "Fans celebrated in the streets of Baghdad and Basra late into the night."
    )
    assert types(text) == []


def test_a_count_of_times_told_in_words_is_a_trend() -> None:
    text = (
        "The Khor Mor gas field in Iraq's Sulaimaniyah province has been targeted more than a dozen times with rockets "
        "and drones."
    )
    assert types(text) == []


def test_the_suicide_bomber_is_never_among_the_dead_counted() -> None:
    also = (
        "In Ramadi, a suicide bomber blew himself up among young men queuing outside a police recruitment centre, "
        "killing nine and wounding 20, police said. The bomber was also killed."
    )
    assert summary(also) == [("suicide_bomb", "IQ", 9, 20, "Unidentified armed group")]
    including = "A suicide bomber blew himself up at a police post in Ramadi, killing ten people including the bomber."
    assert summary(including) == [("suicide_bomb", "IQ", 9, None, "Unidentified armed group")]


def test_an_act_characterised_by_its_rank_is_the_act_not_another() -> None:
    text = (
        "TEL AVIV (AFP) - A drone launched from Yemen slammed into an apartment building in central Tel Aviv early "
        "Friday, killing one man and wounding at least eight people, in the first deadly attack on Israel's commercial "
        "hub claimed by Yemen's Huthi rebels."
    )
    assert summary(text) == [("air_or_drone_strike", "IL", 1, 8, "Houthis")]


def test_acts_named_as_plans_purposes_habits_or_names_in_quotes_are_no_acts() -> None:
    assert types("The ministry said the cell had been planning attacks on religious sites in Damascus.") == []
    assert types("Officials said the new rules were meant to deter attacks on US personnel in Iraq and Syria.") == []
    condemned = (
        "Israeli warplanes struck a house in Rafah overnight, killing 14 people. The Palestinian foreign ministry "
        'condemned the overnight strike as "a new massacre against a defenceless family".'
    )
    assert types(condemned) == ["air_or_drone_strike"]
    # a plan told beside an act done: the arrest stands
    cell = "Security forces in Bahrain dismantled a cell that was preparing bomb attacks and seized explosives."
    assert types(cell) == ["arrest_or_seizure"]


def test_what_an_act_did_told_as_a_participle_is_that_act() -> None:
    text = (
        "Israeli artillery shelled the outskirts of Kfar Kila and the nearby Wazzani plain in southern Lebanon, "
        "setting fire to farmland, the agency said."
    )
    assert types(text) == ["shelling_artillery_missile"]


def test_a_campaign_that_goes_on_is_the_setting_of_the_act_told() -> None:
    text = (
        "U.S. jets struck a weapons depot in eastern Syria on Wednesday, the Pentagon said, as attacks on American "
        "troops in Iraq and Syria continue."
    )
    assert summary(text) == [("air_or_drone_strike", "SY", None, None, "US forces")]


def test_each_sides_dead_told_in_two_clauses_add_up() -> None:
    text = (
        "Four Turkish soldiers were martyred and seven PKK terrorists were killed on Thursday when the group attacked "
        "a Turkish military base in northern Iraq, the ministry said."
    )
    assert [(t, k) for t, _, k, _, _ in summary(text)] == [("attack", 11)]


def test_a_toll_that_names_its_act_goes_to_that_act_of_the_lede() -> None:
    text = (
        "JENIN, West Bank (AP) - Israeli forces raided the Jenin refugee camp on Tuesday, setting off a fierce "
        "gunbattle in which six Palestinians were killed, hours after a Palestinian gunman killed two Israelis near "
        "a Jewish settlement.\n\n"
        "The health ministry initially said four people had been killed in the raid, then raised the toll to six, "
        "saying at least 20 others were wounded."
    )
    assert [(t, k, i) for t, _, k, i, _ in summary(text)] == [("armed_clash", 6, 20), ("attack", 2, None)]


def test_a_partys_own_telling_of_its_act_is_that_act_and_names_its_doer() -> None:
    text = (
        "JERUSALEM (Reuters) - Militants in Gaza kept up rocket fire deep into Israel on Tuesday, the army said.\n\n"
        "Sirens wailed in Tel Aviv and Jerusalem. Hamas's armed wing, the Qassam Brigades, said it had fired rockets "
        "at Tel Aviv, Jerusalem and Beersheba. No one was hurt, the police said."
    )
    assert summary(text) == [("shelling_artillery_missile", "IL", None, 0, "Hamas")]


def test_diplomacy_is_talks_held_not_roles_calls_plans_or_visits_to_troops() -> None:
    for text in (
        "Visiting troops on the northern border, Israeli Defence Minister Yoav Gallant said the army was ready.",
        "Tel Aviv Mayor Ron Huldai visited the scene and urged residents to follow instructions.",
        "Lebanon's prime minister condemned the raid and again called for an immediate and unconditional ceasefire.",
        "Oman has long served as a back channel between Washington and Tehran.",
        "His government is also negotiating with Washington over a timetable for the withdrawal of US troops.",
        "The UN Security Council was due to hold an emergency meeting on the crisis later on Thursday.",
        "Neighbours in Gaza City said the family had received a warning phone call minutes before the house was hit.",
    ):
        assert "diplomacy" not in types(text), text
    envoy = (
        "US envoy Amos Hochstein has arrived in Beirut, where he is meeting Parliament Speaker Nabih Berri, a "
        "Hezbollah ally who has acted as a go-between."
    )
    assert types(envoy) == ["diplomacy"]
    met = "Ministers met in Riyadh on Friday to discuss Red Sea shipping and called for restraint from all sides."
    assert types(met) == ["diplomacy"]


def test_no_threat_from_warnings_told_as_background_or_politics() -> None:
    for text in (
        "There was no immediate comment from the SDF, which had warned on Wednesday that it would respond.",
        "Prime Minister Sudani has vowed to pursue those behind the attacks on Iraqi soil.",
        "He has been threatening for months to launch a new land operation against the YPG in Syria.",
        "Far-right minister Itamar Ben-Gvir has threatened to quit the government if it approves the deal.",
        "The Israeli army said it had warned residents of some targeted houses in Gaza to leave by telephone.",
        "Kurdish officials in Syria have warned that they may be forced to divert fighters to the front line.",
    ):
        assert "threat" not in types(text), text


def test_no_deployment_from_forces_sent_to_an_incident_or_a_ships_countermeasures() -> None:
    for text in (
        "The Israeli military said troops were dispatched to the area after reports of a confrontation in Hebron.",
        "The Israeli military said troops arrived at the scene near Nablus and dispersed the settlers.",
        "An Indian navy destroyer deployed in the Gulf of Aden rescued the survivors.",
        "The ship deployed countermeasures in the Red Sea and the missile fell into the sea.",
        "Iraq's prime minister ordered the security forces to find those behind the rocket attack in Baghdad.",
    ):
        assert "military_deployment" not in types(text), text
    moved = "Federal forces also moved into the town of Makhmour, southwest of Erbil, on Friday afternoon."
    assert types(moved) == ["military_deployment"]


def test_an_attack_met_with_fire_is_a_clash() -> None:
    told_on = (
        "Gunmen opened fire on an army patrol near Baquba on Monday. The soldiers returned fire and two of the "
        "attackers were killed, an officer said."
    )
    assert summary(told_on) == [("armed_clash", "IQ", 2, None, "Unidentified armed group")]
    one_sentence = "Gunmen opened fire on an army patrol near Baquba on Monday, and the soldiers returned fire."
    assert types(one_sentence) == ["armed_clash"]


def test_strikes_by_one_doer_on_one_province_on_one_day_are_one_wave() -> None:
    text = (
        "HODEIDAH (Reuters) - Saudi-led coalition warplanes pounded Houthi positions in Bajil overnight into Monday, "
        "residents said.\n\n"
        "The Houthis' television said the raids had damaged homes. Residents described a sleepless night.\n\n"
        "Officials at the port said ships were waiting offshore. Schools stayed closed.\n\n"
        "Saudi-led coalition jets also struck a camp near Bayt al Faqih before dawn, residents said."
    )
    assert types(text) == ["air_or_drone_strike"]
    # another province is another event
    elsewhere = text.replace("a camp near Bayt al Faqih", "a camp near Dhamar")
    assert types(elsewhere) == ["air_or_drone_strike", "air_or_drone_strike"]


def test_fire_traded_almost_daily_since_a_date_is_a_trend() -> None:
    text = (
        "Hezbollah and Israel have traded fire almost daily since Oct. 8. More than 400 people have been killed in "
        "Lebanon, most of them fighters."
    )
    assert types(text) == []


def test_where_a_ships_missiles_fell_is_the_attack_on_the_ship() -> None:
    text = (
        "DUBAI, Feb 6 (Reuters) - Yemen's Houthi movement fired two missiles at a Greek-owned bulk carrier in the "
        "southern Red Sea on Tuesday, the British maritime agency UKMTO said.\n\n"
        "The master reported that one missile exploded in the water close to the ship and a second struck the port "
        "side above the waterline. No one was hurt.\n\n"
        "Hours later, US Central Command said its forces had carried out strikes on two Houthi missile launchers near "
        "Hodeidah."
    )
    assert [(t, a) for t, _, _, _, a in summary(text)] == [
        ("maritime_attack", "Houthis"),
        ("air_or_drone_strike", "US forces"),
    ]


def test_a_toll_raised_sentences_after_its_act_is_that_acts() -> None:
    text = (
        "GAZA CITY, Dec 27 - Israeli warplanes pounded Hamas targets across the Gaza Strip on Saturday, killing at "
        "least 195 Palestinians and wounding 200, medics said.\n\n"
        '"The sky was raining fire," said a shopkeeper in Gaza City. "Nobody knew where to run."\n\n'
        "Hospitals appealed for blood donations. Families searched the rubble with their hands.\n\n"
        "By nightfall the health ministry said the death toll had risen to 205, with more than 700 wounded."
    )
    assert summary(text) == [("air_or_drone_strike", "PS", 205, 700, "IDF")]


def test_bare_militiamen_are_iraqs_militias_only_in_iraq() -> None:
    syria = "Syrian army units and allied militiamen attacked rebel positions near Hama on Monday, killing five."
    assert "Iraqi militias" not in [a for _, _, _, _, a in summary(syria)]
    iraq = "Militiamen fired rockets at a base hosting US troops near Baghdad on Monday, officials said."
    assert [a for _, _, _, _, a in summary(iraq)] == ["Iraqi militias"]


def test_a_medical_arrest_and_captured_as_an_adjective_are_no_arrests() -> None:
    assert types("A US contractor died of a cardiac arrest while sheltering at Ain al-Asad air base in Iraq.") == []
    video = "The Islamic State group released a video in Raqqa showing the killing of captured Jordanian pilot Moaz."
    assert "arrest_or_seizure" not in types(video)


def test_a_story_that_opens_with_a_cup_won_is_sport() -> None:
    text = (
        "BASRA, Iraq - Iraq won the Arabian Gulf Cup for the first time in 35 years on Thursday night, beating Oman "
        "3-2 after extra time.\n\n"
        "Tens of thousands of fans poured into the streets of Baghdad and Basra. Visiting fans from Kuwait and Saudi "
        "Arabia said they had been struck by the warmth of their welcome.\n\n"
        "It was the first time Iraq had hosted the tournament since 1979, after decades of war and sanctions."
    )
    assert types(text) == []


def test_people_taken_to_hospital_with_an_illness_are_not_injured() -> None:
    text = (
        "Thousands of protesters rallied in Basra on Friday, after more than 20,000 people were taken to hospital "
        "with illnesses blamed on contaminated tap water."
    )
    assert summary(text) == [("protest", "IQ", None, None, "Protesters")]


def test_a_welcome_for_a_resolution_and_weeks_of_effort_are_no_talks() -> None:
    assert types("Hamas welcomed the resolution and said it was ready to engage in an exchange of prisoners.") == []
    weeks = "Negotiators from the U.S., Qatar and Egypt have spent weeks trying to broker a truce in Gaza."
    assert types(weeks) == []
