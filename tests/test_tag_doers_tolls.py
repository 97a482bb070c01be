"""Doers and tolls the tagger misread in the blind `b37-*`..`b39-*` passages (tag-12): revised tolls, forces named
only as "the army" or "troops", doers helped by others, named single victims, capitals that speak, weapons listed
for one act, claims of the sentence's own act. Each a general rule; the sentences here are written for these
tests."""

from __future__ import annotations

from ingest.tag import tag_article
from ingest.tag.counts import extract_counts, has_toll
from tag_cases import DAY, summary


def test_a_revised_toll_replaces_the_first() -> None:
    text = (
        "Russian jets bombed a bakery in Ariha in Idlib province on Tuesday, killing nine people, rescuers said. "
        "By evening the toll had risen to 14 as bodies were pulled from the rubble."
    )
    assert summary(text) == [("air_or_drone_strike", "SY", 14, None, "Russian forces")]
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
    assert summary("Israeli fighter jets pounded the port of Hodeidah on Sunday, killing three people.") == [
        ("air_or_drone_strike", "YE", 3, None, "IDF")
    ]
    assert [e.actor1 for e in tag_article("Turkish F-16 jets struck PKK hideouts in northern Iraq.").events] == [
        "Turkey"
    ]


def test_harm_by_gunfire_is_an_attack_and_a_clash_keeps_its_toll() -> None:
    assert summary("A teenager was wounded by Israeli gunfire near the fence east of Khan Younis in Gaza.") == [
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
    assert summary(text) == [("protest", "IQ", None, 7, "Protesters")]
    text = "Hundreds of worshippers marched through Zahedan in Iran after Friday prayers, chanting against a governor."
    assert [e.actor1 for e in tag_article(text, published=DAY).events] == ["Protesters"]


# tag-13: the dev part of the blind `b40-*`..`b42-*` passages (tolls in everyday wire copy, a regional desk's day,
# doers in Iraq, Syria and Yemen).


def test_lists_of_victims_after_more_verbs_and_for_the_wounded() -> None:
    assert extract_counts("Gunmen shot dead a shepherd and his two sons near Muqdadiya.").killed == 3
    assert extract_counts("Falling debris wounded two Saudi citizens and a Yemeni resident in Jazan.").injured == 3
    assert extract_counts("An assailant stabbed a 70-year-old man and a teenage girl at a bus stop.").injured == 2
    counts = extract_counts("Five soldiers, among them an officer, and 18 militants were killed in the assault.")
    assert counts.killed == 23
    assert extract_counts("Fourteen soldiers and dozens of Houthi fighters died in the fighting.").killed == 38


def test_tolls_told_without_a_verb_of_killing_or_wounding() -> None:
    assert extract_counts("A 68-year-old man died of his wounds in hospital on Saturday.").killed == 1
    assert extract_counts("Nine others remain in hospital, two of them in critical condition.").injured == 9
    counts = extract_counts("The rockets hit the base, leaving several US service members with minor injuries.")
    assert counts.injured == 3
    counts = extract_counts("The number of people killed in the blast climbed to 16 after three of the wounded died.")
    assert (counts.killed, counts.injured) == (16, None)


def test_a_hospital_named_for_martyrs_is_no_toll() -> None:
    assert extract_counts("Another 20 people were taken to al-Aqsa Martyrs Hospital with wounds.").killed is None


def test_more_wordings_of_acts() -> None:
    def types(text: str) -> list[str]:
        return [e.event_type for e in tag_article(text, published=DAY).events]

    assert types("AMMAN - The army said it had killed 27 smugglers in a gunfight on the Syrian border.") == [
        "armed_clash"
    ]
    assert types(
        "SHEIKH ZUWEID, Egypt - A bomb planted on the road struck an army vehicle, wounding four soldiers."
    ) == ["remote_explosive"]
    assert types("ERBIL, Iraq - A single rocket was shot down near Erbil airport on Sunday night.") == [
        "shelling_artillery_missile"
    ]
    assert types("SINJAR, Iraq - Two fighters were killed when their car was hit by a drone near Sinuni.") == [
        "air_or_drone_strike"
    ]
    text = "IDLIB, Syria - Turkey sent a convoy of 50 military vehicles carrying commandos into Idlib province."
    assert types(text) == ["military_deployment"]


def test_words_that_name_acts_that_are_not_told() -> None:
    text = (
        "UNITED NATIONS - The Security Council adopted a resolution demanding that the Houthis immediately halt "
        "attacks on merchant vessels in the Red Sea."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["diplomacy"]
    text = (
        "ZINJIBAR, Yemen - A suicide bomber rammed a car into an army camp in Abyan, killing 21 soldiers. Al-Qaeda in "
        "the Arabian Peninsula claimed responsibility, saying the attack avenged its fighters killed in Shabwa."
    )
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [("suicide_bomb", "AQAP")]
    text = (
        "WASHINGTON - The US Treasury sanctioned two Kataib Hezbollah commanders it said had directed attacks on "
        "US forces in Iraq."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["sanctions"]
    text = "BAGHDAD - Iraq summoned the Turkish envoy and handed him a protest note over the strikes in Duhok."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["diplomacy"]
    text = "A Turkish incursion into Syria could uproot 200,000 people, aid agencies warned on Wednesday in Gaziantep."
    assert tag_article(text, published=DAY).events == []


def test_the_weapon_a_site_makes_is_not_the_weapon_used() -> None:
    text = "GAZA - Israeli jets struck a Hamas rocket-manufacturing site in the central Gaza Strip before dawn."
    # (the jets are the weapon used, tag-20; the rockets made at the site never are)
    assert [(e.event_type, e.weapon) for e in tag_article(text, published=DAY).events] == [
        ("air_or_drone_strike", "air_strike")
    ]


def test_doers_told_by_attribution_a_state_possessive_or_an_account() -> None:
    def doers(text: str) -> list[tuple]:
        return [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events]

    assert doers("SINJAR, Iraq - A drone believed to be Turkish struck a car near Sinuni, killing two fighters.") == [
        ("air_or_drone_strike", "Turkey")
    ]
    text = "KIRKUK, Iraq - Iraq's Counter-Terrorism Service said its operatives had detained an Islamic State leader."
    assert doers(text) == [("arrest_or_seizure", "Iraqi forces")]
    text = (
        "Several rockets were fired at Ain al-Asad air base in Anbar on Tuesday, a US official said. The Islamic "
        "Resistance in Iraq said in a Telegram post that it had targeted the base."
    )
    assert doers(text) == [("shelling_artillery_missile", "Islamic Resistance in Iraq")]
    text = "ZAHEDAN, Iran - Security forces fired live rounds and tear gas at worshippers, killing four people."
    assert doers(text) == [("attack", "Iran")]


def test_the_same_kind_of_act_by_the_other_side_is_an_event_of_its_own() -> None:
    text = (
        "BEIRUT - Hezbollah said its fighters fired guided missiles at an Israeli army position opposite the village "
        "of Aitaroun on Sunday. Israeli artillery then shelled the outskirts of Aitaroun."
    )
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("shelling_artillery_missile", "Hezbollah"),
        ("shelling_artillery_missile", "IDF"),
    ]


def test_weapons_listed_after_a_number_are_one_act() -> None:
    text = (
        "RIYADH - Saudi air defences intercepted a ballistic missile and nine explosive-laden drones launched by the "
        "Houthis toward Jizan on Sunday."
    )
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("shelling_artillery_missile", "Houthis")
    ]


# tag-14: the dev part of the blind `b43-*`..`b45-*` passages (hard negatives, the wounded told apart from the dead,
# the Red Sea, the Gulf and the Levant).


def test_single_wounded_told_without_a_number() -> None:
    assert extract_counts("A friend who was with her was hit in the leg and is in stable condition.").injured == 1
    assert extract_counts("A motorcyclist riding behind the car suffered light injuries, the agency said.").injured == 1
    assert extract_counts("One sailor suffered minor burns; the other 22 crew members were unharmed.").injured == 1


def test_animals_are_no_toll() -> None:
    assert extract_counts("A shepherd was lightly hurt and about 40 of his sheep were killed, he said.").killed is None
    assert extract_counts("Two children herding sheep were killed when a landmine exploded.").killed == 2


def test_both_sides_of_a_clash_add_up() -> None:
    text = (
        "ANKARA - Two Turkish soldiers were killed when PKK militants stormed an outpost in Hakkari province "
        "overnight, setting off a firefight, the military said. Seven of the attackers were also killed, it said."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("armed_clash", 9)]
    text = (
        "DUHOK, Iraq - The defence ministry said two soldiers had lost their lives when PKK militants attacked a "
        "base in Duhok province, and that nine of the attackers were killed in the firefight that followed."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("armed_clash", 11)]
    text = (
        "BAGHDAD - A US drone strike on a car in eastern Baghdad killed a Kataib Hezbollah commander on Wednesday. "
        "Two other people in the car also died, Iraqi officials said."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("air_or_drone_strike", 3)]


def test_a_year_in_a_clause_about_someones_past_does_not_date_the_act() -> None:
    text = (
        "DARAA, Syria - Unidentified gunmen shot dead a former rebel commander who had signed a reconciliation deal "
        "with Damascus in 2018, local activists said."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("attack", 1)]


def test_acts_dated_by_their_day_and_threats_named_are_background() -> None:
    text = (
        "TEHRAN - The Revolutionary Guards said the operation was punishment for the April 1 strike on Iran's "
        "consulate in Damascus."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == []
    text = (
        "AMMAN - A squadron of US Air Force F-22 jets has arrived in Jordan, the Pentagon said, part of a build-up "
        "against a threatened Iranian retaliation."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["military_deployment"]


def test_more_wordings_of_strikes_launches_and_deployments() -> None:
    def summary(text: str) -> list[tuple]:
        return [(e.event_type, e.country_iso, e.actor1) for e in tag_article(text, published=DAY).events]

    text = "TYRE, Lebanon - A car on the coastal road was obliterated by an Israeli drone on Wednesday, killing two."
    assert summary(text) == [("air_or_drone_strike", "LB", "IDF")]
    text = "DAMASCUS - The Israeli enemy carried out an aerial aggression targeting points near Damascus, SANA said."
    assert summary(text) == [("air_or_drone_strike", "SY", "IDF")]
    text = "Around 100 rockets had been hurled at northern Israel by nightfall, the Israeli military said."
    assert summary(text) == [("shelling_artillery_missile", "IL", None)]
    text = "DOHA - Four additional RAF Typhoon jets had been flown to Al Udeid air base in Qatar, Britain said."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["military_deployment"]


def test_provinces_and_conflicts_beyond_the_region() -> None:
    text = (
        "Iran's intelligence ministry said 12 members of a cell had been arrested in the province of West Azerbaijan."
    )
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [
        ("arrest_or_seizure", "IR")
    ]
    text = "OUAGADOUGOU - Al-Qaeda-linked fighters attacked villagers near Barsalogho on Saturday, killing 100 people."
    assert tag_article(text, published=DAY).events == []


# tag-15: the dev part of the blind `b46-*`..`b48-*` passages (a week's regional wire file; Lebanon, Jordan, Egypt and
# the Palestinian territories; Iran, Iraq and the Gulf waters).


def test_kin_and_retinue_in_a_list_of_victims() -> None:
    text = "A Turkish drone hit a car, killing a senior commander of the Syrian Democratic Forces and his driver."
    assert extract_counts(text).killed == 2
    assert extract_counts("The strike killed a senior Islamic Jihad commander, his wife and their son.").killed == 3


def test_clashes_told_in_more_ways() -> None:
    def clash(text: str) -> list[tuple]:
        return [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events]

    text = (
        "AL-ARISH, Egypt - Militants attacked a checkpoint south of Rafah, killing seven soldiers in a firefight, the "
        "army spokesman said, adding that 14 militants were killed as troops repelled the assault."
    )
    assert clash(text) == [("armed_clash", 21)]
    text = (
        "BAQUBA, Iraq - Islamic State militants attacked a PMF outpost in Diyala province, sparking a firefight. Five "
        "PMF fighters were killed, and two of the assailants died before reinforcements arrived, a commander said."
    )
    assert clash(text) == [("armed_clash", 7)]
    text = "IDLIB, Syria - Government troops pushed towards Khan Sheikhoun but were beaten back by rebels on Sunday."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["armed_clash"]


def test_troops_entering_and_convoys_on_the_move_are_deployments() -> None:
    text = "MANBIJ, Syria - Syrian army units entered the town on Tuesday, state news agency SANA reported."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["military_deployment"]
    text = "HASAKAH, Syria - Convoys of American armoured vehicles were seen heading east towards the Iraqi border."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["military_deployment"]


def test_a_formal_protest_and_football_fans_are_no_street_protest() -> None:
    text = "BAGHDAD - Iraq's foreign ministry summoned Turkey's charge d'affaires to deliver a formal protest."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["diplomacy"]
    text = "AMMAN - Thousands of fans poured onto the streets of Amman after the final whistle, honking horns."
    assert tag_article(text, published=DAY).events == []


def test_the_same_kind_of_act_told_hours_later_is_another_event() -> None:
    text = (
        "BAGHDAD - A car bomb exploded near a market in Sadr City on Wednesday, killing 12 people. Hours later, a "
        "sticky bomb attached to a minibus went off in the Shaab district, wounding five passengers."
    )
    assert [(e.event_type, e.killed, e.injured) for e in tag_article(text, published=DAY).events] == [
        ("remote_explosive", 12, None),
        ("remote_explosive", None, 5),
    ]


def test_arrests_with_no_doer_named_are_the_states_where_they_happen() -> None:
    text = "CAIRO - Hundreds protested in downtown Cairo on Friday, and by Saturday 74 people had been detained."
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("protest", "Protesters"),
        ("arrest_or_seizure", "Egypt"),
    ]
    text = "AMMAN - Jordan's General Intelligence Department has arrested 16 people accused of making rockets."
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("arrest_or_seizure", "Jordan")
    ]


def test_a_victim_found_dead_after_being_shot() -> None:
    text = (
        "BEIRUT - A Lebanese publisher was found dead in his car in southern Lebanon on Thursday. He had been shot "
        "four times in the head by gunmen, security sources said."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("attack", 1)]


# tag-16: the dev part's remaining injured errors, read again after tag-15.


def test_more_shapes_of_the_wounded() -> None:
    assert extract_counts("Another 20 people were taken to al-Aqsa Martyrs Hospital in Deir el-Balah.").injured == 20
    text = (
        "Two American service members and an Iraqi contractor were treated for what were described as minor injuries."
    )
    assert extract_counts(text).injured == 3
    assert extract_counts("No civilians or US personnel were harmed, the command said.").injured == 0
    text = (
        "DEIR EZZOR, Syria - US troops backed by helicopters raided a house in al-Busayrah and detained a senior "
        "Islamic State financier; no one was hurt in the operation, the coalition said."
    )
    assert [(e.event_type, e.injured) for e in tag_article(text, published=DAY).events] == [("arrest_or_seizure", 0)]


def test_names_that_contain_event_words_are_no_events() -> None:
    text = (
        "BAGHDAD - US jets struck three Kataib Hezbollah depots in western Iraq on Sunday, in response to a string of "
        "rocket attacks on bases hosting coalition troops. Twenty-five fighters died, according to the Popular "
        "Mobilisation Forces, the state-sanctioned umbrella to which the group belongs."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [("air_or_drone_strike", 25)]
    text = (
        "BASRA, Iraq - Gunmen shot dead an activist in central Basra on Wednesday, the latest in a string of "
        "assassinations targeting figures in the protest movement."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["attack"]


# tag-17: rules read off the dev part of the blind batches b49-b51 (tolls as the wires give them, doers, a desk's day)


def test_a_toll_revised_or_put_at_a_figure_replaces_the_first_with_its_wounded() -> None:
    assert extract_counts("The provincial council later revised the toll to 17 dead.").killed == 17
    text = (
        "HODEIDAH, Yemen - A Saudi-led coalition air strike hit a fish market in Hodeidah on Monday, killing 12 "
        "people and wounding 30, medics said. By evening the health office put the overall toll at 26 dead and 54 "
        "wounded."
    )
    assert summary(text) == [("air_or_drone_strike", "YE", 26, 54, "Saudi Arabia")]


def test_the_wounded_treated_for_what_harmed_them() -> None:
    assert extract_counts("Twelve students were treated for suffocation after police fired tear gas.").injured == 12
    assert extract_counts("Seven firefighters were treated for burns and bruises, a medic said.").injured == 7


def test_a_toll_told_past_a_sentence_that_tells_nothing_is_the_events() -> None:
    text = (
        "TAIZ, Yemen - A Houthi shell slammed into a crowded street in the old city of Taiz on Friday. "
        "Ambulances raced to the scene for hours. Doctors at al-Thawra hospital said they had received 9 dead and "
        "21 wounded."
    )
    assert summary(text) == [("shelling_artillery_missile", "YE", 9, 21, "Houthis")]
    # a running total in between keeps a later figure off the event (nor is it a toll of its own)
    assert extract_counts("About 20 civilians have been killed in Lebanon since the exchanges began.").killed is None
    assert extract_counts("Since then hundreds of thousands of people have been killed.").killed is None
    text = (
        "NAQOURA, Lebanon - Hezbollah fired a salvo of rockets at an Israeli post near the border on Tuesday. "
        "More than 200 of its fighters have been killed since the exchanges began in October. "
        "Six Israeli soldiers and three civilians have died in the same period."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [
        ("shelling_artillery_missile", None)
    ]


def test_a_clashs_wounded_on_both_sides_are_summed() -> None:
    text = (
        "NABLUS, West Bank - Israeli troops and Palestinian gunmen exchanged fire for two hours in the old city of "
        "Nablus on Thursday. Two Palestinians were killed and 9 wounded, according to the health ministry, while "
        "the army said one of its soldiers had been killed and three others lightly hurt."
    )
    assert [(e.event_type, e.killed, e.injured) for e in tag_article(text, published=DAY).events] == [
        ("armed_clash", 3, 12)
    ]


def test_the_group_named_in_a_sentence_before_acts_as_the_group() -> None:
    text = (
        "TYRE, Lebanon - An Israeli drone strike hit a motorcycle near Tyre on Monday, killing its rider, the "
        "state news agency said. Hezbollah later named the man as one of its fighters. In the evening the group said "
        "it had fired rockets at an Israeli position in Metula."
    )
    events = [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events]
    assert events == [("air_or_drone_strike", "IDF"), ("shelling_artillery_missile", "Hezbollah")]


def test_a_state_office_announcing_sanctions_imposes_them() -> None:
    text = (
        "WASHINGTON - The US Treasury imposed sanctions on three shipping firms it said moved Iranian oil for the "
        "Houthis. Britain's Foreign Office announced asset freezes on two Houthi commanders the same day."
    )
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("sanctions", "United States"),
        ("sanctions", "United Kingdom"),
    ]


def test_vows_to_keep_protesting_and_seized_rocket_caches_are_no_events() -> None:
    text = (
        "BASRA, Iraq - Hundreds of oil workers protested outside the provincial council in Basra on Sunday over "
        "unpaid wages. Organisers vowed to return to the streets next week."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["protest"]
    text = (
        "FALLUJAH, Iraq - Iraqi troops arrested four Islamic State suspects in a raid near Fallujah on Tuesday and "
        "seized a suicide vest and a cache of Katyusha rockets, the army said."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["arrest_or_seizure"]


def test_the_army_that_responded_is_the_state_that_spoke_before() -> None:
    text = (
        "About fifteen rockets were fired from southern Lebanon at the Galilee on Sunday, the Israeli military said. "
        "No injuries were reported. The army said it responded by pounding the launch sites near Kfar Kila with "
        "artillery."
    )
    events = [(e.event_type, e.country_iso, e.actor1) for e in tag_article(text, published=DAY).events]
    assert events[-1] == ("shelling_artillery_missile", "LB", "IDF")


def test_a_quoted_word_before_the_victims_keeps_them_the_target() -> None:
    text = (
        "CAIRO - A roadside bomb killed two Egyptian soldiers near Arish on Saturday, the military said. Separately, "
        "the army spokesman said troops killed 9 'takfiri' militants in an exchange of fire near Sheikh Zuweid."
    )
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events][-1] == ("armed_clash", "Egypt")
