"""Wordings the tagger missed or misread on fresh text (the blind `b16-*`/`b17-*` passages and FA-KES news), each
fixed as a general rule (tag-7). Sentences written for these tests, in other words than the passages."""

from __future__ import annotations

from ingest.tag import tag_article
from tag_cases import DAY, summary


def test_a_place_told_between_two_tellings_of_one_event_places_it() -> None:
    text = (
        "A car bomb killed nine people in north-eastern Syria on Sunday, state media said. "
        "The vehicle blew up outside a market in the town of Qamishli. "
        "The explosion also destroyed several shops, a monitor said."
    )
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.country_iso, e.admin1, e.killed) for e in events] == [
        ("remote_explosive", "SY", "Hasakah", 9)
    ]


def test_new_wordings_of_known_acts() -> None:
    assert summary("Militants in Raqqa shot six prisoners by firing squad on Friday, a monitor said.")[0][0] == "attack"
    # (settlers are civilians, as ACLED codes them and the labelled whole articles do: tag-20)
    assert summary("Settlers rampaged through the West Bank village of Burin, setting fire to two houses.") == [
        ("attack", "PS", None, None, "Civilians")
    ]
    assert summary("Egypt halted all trade with Israel on Monday, the ministry said.") == [
        ("sanctions", "EG", None, None, "Egypt")
    ]
    assert summary("Qatar's prime minister shuttled between the two delegations in Doha on Sunday.") == [
        ("diplomacy", "QA", None, None, "Qatar")
    ]
    assert summary("Gunfire erupted near the town of Marib on Monday as Houthi fighters tried to advance.") == [
        ("armed_clash", "YE", None, None, "Houthis")
    ]
    assert [e[0] for e in summary("A Turkish drone hammered a pickup truck near Kobani on Friday.")] == [
        "air_or_drone_strike"
    ]
    assert summary("Hamas unleashed a volley of rockets at Ashkelon on Tuesday.")[0][0] == "shelling_artillery_missile"
    assert summary("Iraqi police rounded up twelve suspects in Basra on Sunday.") == [
        ("arrest_or_seizure", "IQ", None, None, "Iraqi forces")
    ]


def test_denied_reports_and_repeated_acts_are_no_events() -> None:
    assert summary("The army dismissed reports that its jets had struck a convoy near Homs.") == []
    assert (
        summary("The ministry said no strike had taken place near Sinjar, after a drone was said to hit a car.") == []
    )
    assert summary("Iran has repeatedly seized foreign tankers in the Gulf since 2019.") == []
    assert summary("London has listed 300 Iranians since the protests erupted in Tehran in 2022.") == []


def test_software_deployed_and_diplomacy_as_an_option_are_no_events() -> None:
    assert summary("The Dubai bank deployed its new language model across its branches in the UAE.") == []
    assert summary("He said a negotiated settlement with Hamas remained the only option for Israel.") == []


def test_counts_in_new_shapes() -> None:
    # an aside "five of them children", a toll "cost the lives of", "taken to hospital", ages and "both sides"
    assert summary("At least 12 people, four of them women, were killed when an air strike hit Idlib.")[0][2] == 12
    assert summary("Fighting near Aleppo cost the lives of 31 fighters, a monitor said.")[0][2] == 31
    events = summary("A roadside bomb hit a patrol near Samarra. Three soldiers were taken to hospital.")
    assert events == [("remote_explosive", "IQ", None, 3, None)]
    assert summary("A rocket hit Sderot, where a 70-year-old man was lightly hurt.")[0][3] == 1
    assert summary("Clashes erupted in Taiz, where six fighters from both sides were killed.")[0][2] == 6
    assert summary("A drone hit a tanker in the Red Sea; none of the crew were injured.")[0][3] == 0


def test_a_period_told_in_an_earlier_clause_does_not_make_a_toll_a_running_total() -> None:
    text = ("Turkish troops, who had been searching the mountains of Hakkari since the start of the week, came under "
            "fire on Thursday, and in the clash that followed nine people were killed.")  # fmt: skip
    assert summary(text) == [("armed_clash", "TR", 9, None, "Turkey")]
    assert (
        summary("More than 500 civilians have been killed in Idlib since the start of the year, a monitor said.") == []
    )


def test_who_opened_fire_on_troops_is_the_doer() -> None:
    text = ("Iraqi soldiers, who had been searching villages near Kirkuk, came under fire from Islamic State "
            "militants, and two soldiers were killed.")  # fmt: skip
    assert summary(text)[0][4] == "Islamic State"


def test_a_party_that_acts_with_and_after_a_with_is_not_the_doer() -> None:
    text = "Islamic State militants seized ten men they accused of working with the SDF and shot them dead near Raqqa."
    assert summary(text)[0][4] == "Islamic State"


def test_a_capital_in_a_list_of_cities_is_a_place_not_a_party() -> None:
    text = "Thousands took to the streets of Isfahan, Shiraz and Tehran on Friday against rising prices."
    assert summary(text) == [("protest", "IR", None, None, "Protesters")]


def test_a_later_claim_names_an_unidentified_doer() -> None:
    text = ("A suicide bomber blew himself up at a checkpoint near Karbala on Friday, killing seven people. "
            "Islamic State claimed responsibility in a statement on Saturday.")  # fmt: skip
    assert summary(text) == [("suicide_bomb", "IQ", 7, None, "Islamic State")]


def test_turkish_towns_with_a_dotless_i_and_the_south_east_are_known() -> None:
    events = tag_article("A car bomb exploded in Diyarbakir on Monday, killing three police officers.").events
    assert [(e.country_iso, e.place) for e in events] == [("TR", "Diyarbakir")]
    events = tag_article("PKK militants attacked a military outpost in Yuksekova on Monday.").events
    assert [(e.country_iso, e.place) for e in events] == [("TR", "Yuksekova")]


def test_an_anniversary_told_as_years_after_is_history() -> None:
    assert (
        summary("Ten years after Islamic State fighters stormed Mosul, the old city's mosque reopened on Friday.") == []
    )


def test_troops_pulled_out_and_a_warning_of_an_assault() -> None:
    text = ("Iraqi troops pulled out of two outposts near Sinjar on Sunday. Erbil's interior minister warned Baghdad "
            "that any assault on the Peshmerga would draw a firm response.")  # fmt: skip
    assert [e[0] for e in summary(text)] == ["military_deployment", "threat"]


def test_capitalised_titles_and_traded_fire() -> None:
    text = "Egyptian Foreign Minister Badr Abdelatty met his Qatari counterpart in Cairo on Monday."
    assert summary(text) == [("diplomacy", "EG", None, None, "Egypt")]
    assert summary("Syrian troops and HTS fighters traded fire near Saraqeb overnight.")[0][0] == "armed_clash"


def test_counts_with_asides() -> None:
    # the comma aside ("including three children") before the verb was never cut before
    assert (
        summary("At least 11 civilians, including three children, were killed in an air strike on Idlib.")[0][2] == 11
    )
    text = ("Five members of one family \u2014 a mother and four children \u2014 were killed in an Israeli air raid "
            "on Gaza.")  # fmt: skip
    assert summary(text) == [("air_or_drone_strike", "PS", 5, None, "IDF")]


def test_a_toll_sentence_naming_the_hospital_town_stays_with_its_event() -> None:
    text = ("A roadside bomb ripped through a minibus near Tikrit on Monday. At least four passengers were killed, and "
            "six were taken to hospital in Samarra.")  # fmt: skip
    assert [(e.event_type, e.place, e.killed, e.injured) for e in tag_article(text, published=DAY).events] == [
        ("remote_explosive", "Tikrit", 4, 6)
    ]


def test_an_answer_is_an_act_of_its_own_and_a_kibbutz_is_in_israel() -> None:
    text = ("Two mortar bombs fired from Gaza landed near Kibbutz Kfar Aza on Tuesday. In response, an Israeli tank "
            "shelled a Hamas post near Beit Hanoun.")  # fmt: skip
    assert [(e[0], e[1], e[4]) for e in summary(text)] == [
        ("shelling_artillery_missile", "IL", None),
        ("shelling_artillery_missile", "PS", "IDF"),
    ]


def test_a_kidnapping_and_a_seizure_of_rifles() -> None:
    assert summary("Gunmen snatched a Turkish engineer near Tikrit on Wednesday.")[0][0] == "attack"
    text = "Jordanian border guards stopped a convoy from Syria on Thursday, confiscating rifles and grenades."
    assert summary(text) == [("arrest_or_seizure", "JO", None, None, "Jordan")]


def test_a_tanker_boarded_from_a_helicopter() -> None:
    text = "Iranian commandos descended by helicopter onto the oil tanker Nordic Star in the Gulf of Oman on Friday."
    assert [e[0] for e in summary(text)] == ["maritime_attack"]


def test_a_product_word_must_be_a_whole_word_to_veto_a_launch() -> None:
    # "launched from Yemen approached" once read as launching an "app"
    text = "Sirens sounded in Eilat as a missile launched from Yemen approached the city on Sunday."
    assert [e[0] for e in summary(text)] == ["shelling_artillery_missile"]


def test_explosive_belts_drones_launched_and_centcom_strikes() -> None:
    text = "An attacker wearing an explosives belt detonated it at a mosque gate in Kirkuk, killing nine people."
    assert summary(text)[0][:3] == ("suicide_bomb", "IQ", 9)
    text = "Kataib Hezbollah said it launched a drone at the al-Tanf garrison on Monday."
    assert summary(text)[0][0] == "air_or_drone_strike"
    text = "US Central Command forces struck four Houthi missile launchers near Hodeidah on Tuesday."
    assert summary(text)[0][:2] == ("air_or_drone_strike", "YE")


def test_artillery_moved_is_no_fire_and_a_spy_drama_is_fiction() -> None:
    text = "Iraqi army reinforcements, including tanks and artillery pieces, rolled into Makhmour on Sunday."
    assert [e[0] for e in summary(text)] == ["military_deployment"]
    assert summary("In the new season of the spy drama, agents plant a car bomb in Beirut.") == []


def test_a_tanker_impounded_and_its_crew_detained_is_one_seizure() -> None:
    text = ("Iranian commandos descended by helicopter onto a tanker in the Strait of Hormuz on Wednesday. State "
            "television said the Revolutionary Guards had impounded the ship and detained its crew.")  # fmt: skip
    assert summary(text) == [("maritime_attack", "IR", None, None, "IRGC")]


def test_a_spokesman_saying_the_group_did_it_names_the_doer() -> None:
    text = ("A cargo ship was hit by a missile west of Hodeidah on Friday. A Houthi military spokesman said in a "
            "televised statement that the group's naval forces had targeted the vessel.")  # fmt: skip
    assert summary(text)[0][4] == "Houthis"


def test_a_claim_of_responsibility_aimed_elsewhere_is_the_same_act() -> None:
    text = ("A missile fired from Yemen was intercepted over central Israel, and shrapnel fell in Ramat Gan. "
            "The Houthis claimed responsibility, saying they had fired a missile at a target in Jaffa.")  # fmt: skip
    assert [(e[0], e[1], e[4]) for e in summary(text)] == [("shelling_artillery_missile", "IL", "Houthis")]


def test_stabbed_two_is_a_count_of_wounded_and_slemani_is_known() -> None:
    assert summary("An assailant stabbed two Israelis near Hebron on Thursday.")[0][3] == 2
    text = "Hundreds of teachers rallied in Slemani on Tuesday to demand unpaid salaries."
    assert summary(text) == [("protest", "IQ", None, None, "Protesters")]


def test_a_story_that_opens_with_sport_is_off_topic() -> None:
    text = ("Al-Ahli stormed to a 3-1 derby win over Al-Ittihad in Jeddah on Saturday. The home side's defence "
            "survived a bombardment of 19 shots. 'We attacked like an army,' their coach said.")  # fmt: skip
    assert tag_article(text, published=DAY).events == []
    # violence told at length after a sport lede is still coded
    text = ("The football season in Gaza was suspended on Monday. Israeli air strikes hit Khan Younis overnight. "
            "The strikes killed five people. Rockets were fired at Sderot. Israeli jets struck again.")  # fmt: skip
    assert {e.event_type for e in tag_article(text, published=DAY).events} >= {"air_or_drone_strike"}


def test_new_wordings_from_the_b20_passages() -> None:
    text = "Turkish howitzers lobbed shells at YPG positions near Afrin on Monday."
    assert [(e[0], e[4]) for e in summary(text)] == [("shelling_artillery_missile", "Turkey")]
    text = "A bomber drove an explosives-laden car into a checkpoint in Aden on Sunday, killing 12 soldiers."
    assert summary(text)[0][:3] == ("suicide_bomb", "YE", 12)
    text = "Security forces opened fire with live ammunition on marchers in Nasiriyah on Friday, killing three."
    assert [e[0] for e in summary(text)][-1] == "attack"
    assert summary("Protesters burned tyres on the main road into Basra on Monday.")[0][0] == "protest"
    text = "Bahrain added nine people tied to the IRGC to its terrorist list on Monday, freezing their assets."
    assert summary(text) == [("sanctions", "BH", None, None, "Bahrain")]
    text = "The US Treasury blacklisted a network that moved Iranian oil to Syria on Wednesday."
    assert [(e[0], e[1]) for e in summary(text)] == [("sanctions", None)]


def test_threats_and_deployments_in_new_shapes() -> None:
    text = "Israel's defence minister said Hezbollah would 'pay a price' if rocket fire on Metula continued."
    assert [e[0] for e in summary(text)] == ["threat"]
    text = "Iran's army chief warned that any attack would turn every US base in the region into a target."
    assert [e[0] for e in summary(text)] == ["threat"]
    text = "An armoured brigade was moved up to the Lebanese border overnight, the Israeli army said."
    assert [e[0] for e in summary(text)] == ["military_deployment"]
    # a coal carrier that "was left taking on water" is no warship leaving
    text = "A coal carrier was left taking on water in the Red Sea after a drone boat rammed it near Hodeidah."
    assert "military_deployment" not in [e[0] for e in summary(text)]


def test_counts_from_bodies_lists_and_the_dead() -> None:
    assert summary("Rescuers recovered 17 bodies after barrel bombs hit Aleppo on Sunday.")[0][2] == 17
    text = "Rockets hit Camp Taji in Iraq. Two American soldiers and a British medic were among the dead."
    assert summary(text)[0][2] == 3
    text = "An air strike flattened a house in Khan Younis, and eight people were pulled out dead."
    assert summary(text)[0][2] == 8
    text = "Militants fired 40 rockets at Israel; one slammed into a house in Sderot but nobody was hurt."
    assert summary(text)[0][3] == 0
    text = "In the firefight that followed in North Sinai, 15 soldiers and 12 of the attackers were killed."
    assert summary(text)[0][2] == 27


def test_the_group_names_the_group_told_before() -> None:
    text = ("The Houthis launched drones at Jazan on Sunday, the coalition said. Hours later, the group fired a "
            "ballistic missile at Khamis Mushait.")  # fmt: skip
    assert [(e[0], e[4]) for e in summary(text)] == [
        ("air_or_drone_strike", "Houthis"),
        ("shelling_artillery_missile", "Houthis"),
    ]


def test_the_saudi_led_coalition_is_saudi_arabia_and_its_air_raids_are_one_act() -> None:
    text = "Warplanes of the Saudi-led coalition hit a wedding hall in Dhamar, Yemen, killing 20 people."
    assert summary(text)[0][4] == "Saudi Arabia"
    text = ("Turkish jets pounded villages around Afrin while Turkish howitzers shelled YPG positions near Rajo. "
            "The air raids alone killed nine civilians, a health official said.")  # fmt: skip
    assert [(e[0], e[2]) for e in summary(text)] == [
        ("air_or_drone_strike", 9),
        ("shelling_artillery_missile", None),
    ]


def test_a_decade_and_a_half_after_is_history() -> None:
    assert summary("A decade and a half after gunmen stormed it, the Baghdad cathedral reopened on Sunday.") == []


def test_a_claim_by_one_of_its_soldiers_and_units_that_captured() -> None:
    text = ("A suicide bomber blew himself up in a Kirkuk market on Friday, killing nine. Islamic State said one of "
            "its 'soldiers of the caliphate' had carried out the operation.")  # fmt: skip
    assert summary(text)[0][4] == "Islamic State"
    text = "SDF units captured 12 suspected Islamic State members in raids near Hajin on Tuesday."
    assert summary(text)[0][4] == "SDF"


def test_rules_from_the_b21_passages() -> None:
    text = "Twenty civilians, six of them children, lost their lives when Russian jets struck Ariha on Monday."
    assert summary(text)[0][2] == 20
    text = "A bomb hidden in a parked motorcycle tore through a bus stop in Sadr City, Baghdad, on Wednesday."
    assert [e[0] for e in summary(text)] == ["remote_explosive"]
    text = "Any aggression against Lebanon will not go unanswered, Hezbollah's leader said on Sunday."
    assert [(e[0], e[1], e[4]) for e in summary(text)] == [("threat", "LB", "Hezbollah")]
    text = "The Emirati defence ministry said air-defence units had been positioned around Abu Dhabi."
    assert summary(text) == [("military_deployment", "AE", None, None, "United Arab Emirates")]
    text = "Two soldiers were killed and a third wounded when a roadside bomb hit their patrol near Mosul."
    assert summary(text)[0][2:4] == (2, 1)
    text = "ADEN - A suicide bomber drove a car packed with explosives into an army camp on Sunday."
    assert summary(text)[0][:2] == ("suicide_bomb", "YE")
    text = "The UAE cabinet has designated 20 companies as terrorist entities, state news agency WAM said."
    assert summary(text) == [("sanctions", "AE", None, None, "United Arab Emirates")]
    text = "The European Union added eight Iranian officials to its sanctions list on Monday."
    assert [(e[0], e[1]) for e in summary(text)] == [("sanctions", None)]
    text = "No ship has come under fire in the Red Sea since the Gaza ceasefire took effect, the centre said."
    assert summary(text) == []


def test_what_the_demo_articles_showed() -> None:
    # a trend told in passing is no event; a man shot "several times" still is
    assert summary("Convoys near Nasiriyah have been hit by roadside bombs dozens of times since 2020.") == []
    text = "Gunmen shot dead a council member in Daraa. The man was shot several times near the town of Jasim."
    assert [(e.event_type, e.place) for e in tag_article(text, published=DAY).events] == [("attack", "Jasim")]
    # a toll sentence naming another place does not move the event there
    text = ("An anti-ship missile landed near a container ship in the Red Sea on Monday. No one was hurt on the "
            "vessel, which was bound for the Suez Canal.")  # fmt: skip
    assert [(e.event_type, e.place) for e in tag_article(text, published=DAY).events] == [
        ("maritime_attack", "Red Sea")
    ]
    # "in US jurisdictions" names a place, not a party; seized explosive belts are no suicide bombing
    assert summary("The sanctions freeze any assets the firms hold in US jurisdictions.") == []
    text = "The SDF said it seized rifles and explosive belts in a raid on an Islamic State cell near Hasakah."
    assert [e[0] for e in summary(text)] == ["arrest_or_seizure"]


def test_government_forces_are_the_forces_of_the_state_where_it_happened() -> None:
    assert summary("Government forces shelled rebel positions near Atarib, west of Aleppo, on Monday.")[0][4] == (
        "Syrian forces"
    )
    assert summary("Government troops clashed with Houthi fighters south of Marib on Tuesday.")[0][4] == (
        "Yemeni government forces"
    )
    assert summary("Government helicopters bombed villages near Kirkuk on Friday, killing four.")[0][4] == (
        "Iraqi forces"
    )
