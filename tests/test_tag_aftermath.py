"""Rules from the dev part of the blind `b52-*`..`b54-*` passages (tag-18): aftermath stories, the Red Sea and the
Gulf, raids and bombings in Iraq and Syria. Each a general rule; the sentences here are written for these tests."""

from __future__ import annotations

from ingest.tag import tag_article
from ingest.tag.counts import extract_counts
from tag_cases import DAY, doers, summary, types


def test_a_lone_gunman_who_killed_is_an_attack_with_its_wounded() -> None:
    text = (
        "ISTANBUL - A gunman who shot his way into a crowded cafe in the Besiktas district killed 14 people, "
        "officials said on Sunday. Twenty-two others were being treated in hospitals across the city."
    )
    assert summary(text) == [("attack", "TR", 14, 22, None)]


def test_an_attack_weeks_or_months_before_is_background() -> None:
    text = (
        "RIYADH - Two squadrons of US fighter jets have arrived at Prince Sultan Air Base, the Pentagon said, "
        "weeks after a drone-and-missile attack on an oil terminal in the Eastern Province."
    )
    assert types(text) == ["military_deployment"]
    moved = "The move came months after missiles struck the kingdom's largest refinery."
    assert tag_article(moved, published=DAY).events == []
    # the news of the day stays an event
    hours = "The talks came hours after an Israeli air strike on a school in Gaza City killed 30 people."
    assert ("air_or_drone_strike", "PS", 30, None, "IDF") in summary(hours)


def test_air_raid_sirens_and_a_naval_mission_that_speaks_are_no_events() -> None:
    assert tag_article("Air raid sirens wailed across Tel Aviv shortly after midnight.", published=DAY).events == []
    text = (
        "The bulk carrier was hit by two drones off Hodeidah on Monday, the EU's Aspides naval mission said. "
        "Its crew were unharmed."
    )
    assert types(text) == ["maritime_attack"]


def test_a_ship_sunk_after_an_assault_and_a_bulker_struck_are_maritime_attacks() -> None:
    sunk = "The Liberian-flagged bulk carrier has sunk in the Red Sea after a two-day Houthi assault with drones."
    assert doers(sunk) == [("maritime_attack", "Houthis")]
    bulker = "Houthi missiles struck the Greek-operated bulker in the Red Sea on Sunday."
    assert types(bulker) == ["maritime_attack"]
    storm = "A cargo ship sank off the coast of Oman after its engine failed in rough seas."
    assert tag_article(storm, published=DAY).events == []


def test_a_ship_detained_is_the_seizure_told_again_not_an_arrest() -> None:
    text = (
        "Iran's Revolutionary Guards navy seized a tanker off Fujairah on Friday and escorted it toward Bandar Abbas. "
        "None of the 24 crew was hurt, the manager said. Iranian state television said the vessel had been detained "
        "on a court order."
    )
    assert summary(text) == [("maritime_attack", "AE", None, 0, "IRGC")]
    assert extract_counts("None of the 24 crew was hurt, the manager said.").injured == 0


def test_warplanes_that_flatten_and_a_market_hit_by_what_were_jets_are_air_strikes() -> None:
    flattened = "Israeli warplanes flattened a two-storey building in Deir al-Balah on Sunday, killing six people."
    assert summary(flattened) == [("air_or_drone_strike", "PS", 6, None, "IDF")]
    passive = (
        "Rescuers dug through the collapsed market in Maarat al-Numan, hit on Monday evening by what monitors said "
        "were Russian jets."
    )
    assert doers(passive) == [("air_or_drone_strike", "Russian forces")]


def test_condemned_attacks_are_what_a_statement_is_about() -> None:
    text = (
        "The UN Security Council on Wednesday adopted a resolution demanding that the Houthis halt attacks on "
        "merchant vessels in the Red Sea. The text condemned more than two dozen attacks on shipping since November."
    )
    assert types(text) == ["diplomacy"]


def test_a_strike_that_would_be_met_with_a_response_is_a_threat() -> None:
    text = "A senior Houthi official said any American strike on Yemen would be met with a response beyond imagining."
    assert doers(text) == [("threat", "Houthis")]


def test_troops_that_begin_arriving_are_deployed() -> None:
    text = (
        "The first of some 2,000 additional US troops, along with two Patriot missile batteries and a radar, have "
        "begun arriving in Saudi Arabia, the Pentagon said."
    )
    assert [(e.event_type, e.country_iso, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("military_deployment", "SA", "US forces")
    ]


def test_analysts_reading_a_campaign_and_weapons_recovered_in_a_raid_are_no_events() -> None:
    analysts = "Turkey's armed drones have transformed its long war with the PKK, analysts say."
    assert tag_article(analysts, published=DAY).events == []
    raid = (
        "Iraqi counter-terrorism forces raided a safe house in Hawija before dawn and detained four suspects. "
        "Two suicide vests and several rifles were recovered from the building, the service said."
    )
    assert types(raid) == ["arrest_or_seizure"]


def test_victims_counted_after_an_appositive_and_wounded_named_by_kin() -> None:
    text = (
        "Five members of Iran's Revolutionary Guards, including the Quds Force's intelligence chief, were killed "
        "when Israeli warplanes struck a building in Damascus."
    )
    assert extract_counts(text).killed == 5
    kin = "A mortar round hit a house in Taiz, killing an eight-year-old girl and wounding her two brothers."
    assert extract_counts(kin).injured == 2
    medics = "Medics said they were treating 27 people for shrapnel wounds."
    assert extract_counts(medics).injured == 27


def test_an_arrest_told_between_does_not_part_a_bombing_from_its_second_telling() -> None:
    text = (
        "ISTANBUL - The death toll from Tuesday's suicide bombing in the Sultanahmet district rose to 11, as police "
        "detained 18 people in dawn raids. Officials said the attacker blew himself up among a tour group, wounding "
        "15 others."
    )
    assert summary(text) == [
        ("suicide_bomb", "TR", 11, 15, None),
        ("arrest_or_seizure", "TR", None, None, "Turkey"),
    ]
    # "in other parts of" the province is another act
    other = (
        "Islamic State militants beheaded two men in al-Shaafa in Deir al-Zor province on Sunday, monitors said. "
        "In other parts of the province the militants crucified two men in the city of Mayadin."
    )
    assert len(tag_article(other, published=DAY).events) == 2


def test_one_victim_named_by_title_or_office_is_a_toll_of_one() -> None:
    for text in (
        "Gunmen on a motorcycle shot dead prominent protest organiser Ihab al-Wazni outside his home in Karbala.",
        "Unknown gunmen shot dead the head of the municipal council in the town of Jasim.",
        "A magnetic bomb exploded in Baghdad, killing the driver, a mid-ranking official in the PMF.",
        "An Israeli drone strike killed Hamas commander Saleh al-Arouri in Beirut.",
    ):
        assert extract_counts(text).killed == 1, text
    for text in (
        "The explosion killed the group's leader Hassan Aboud as well as other commanders.",
        "The attack came in retaliation for the US killing of Revolutionary Guards commander Qassem Soleimani.",
        "Gunmen killed the commander's two bodyguards.",
    ):
        assert extract_counts(text).killed != 1, text


def test_where_a_negotiator_lives_is_not_where_the_talks_are() -> None:
    text = (
        "SANAA - An Omani delegation landed in Sanaa on Saturday for talks with Houthi leaders. The Houthis' chief "
        "negotiator, who is based in Muscat, travelled with the delegation."
    )
    assert {e.country_iso for e in tag_article(text, published=DAY).events} == {"YE"}


def test_the_attackers_dead_told_after_the_victims_are_added_to_the_clash() -> None:
    text = (
        "HAKKARI, Turkey - Two Turkish soldiers were killed when PKK militants attacked a gendarmerie outpost in "
        "Hakkari province overnight, the governor's office said. Troops returned fire and five of the attackers were "
        "killed in the ensuing clashes, it said."
    )
    assert summary(text) == [("armed_clash", "TR", 7, None, "PKK")]


def test_who_holds_the_city_does_not_march_in_its_rallies() -> None:
    text = (
        "SANAA - Tens of thousands of Yemenis poured into al-Sabeen square after Friday prayers, waving Palestinian "
        "flags, in one of the largest rallies held in the Houthi-controlled capital this year."
    )
    assert doers(text) == [("protest", "Protesters")]
    # the protesters are the doer even where they are a group's supporters (as ACLED codes them; tag-19, after the
    # whole-article batches' labels: "Tens of thousands of Houthi supporters rallied in Sanaa" -> Protesters)
    organised = "Supporters of the Houthis rallied in Sanaa on Friday against the US strikes."
    assert doers(organised) == [("protest", "Protesters")]


# tag-18, second round: rules from the dev part of the blind `b55-*`..`b57-*` passages (Lebanon, Israel and Gaza; Iran
# and the Gulf; briefs that pack several items into one passage).


def test_explosive_devices_hurled_at_troops_are_no_roadside_bomb() -> None:
    text = (
        "JENIN, West Bank - Israeli forces stormed the Jenin camp before dawn, the health ministry said. The army said "
        "its troops came under heavy fire and had explosive devices hurled at them; one soldier was wounded."
    )
    assert "remote_explosive" not in types(text)
    assert extract_counts("Lebanon's health ministry put the number of wounded at 11.").injured == 11


def test_a_truce_that_moves_markets_or_dates_a_strike_is_no_diplomacy() -> None:
    markets = (
        "TEL AVIV - Israeli shares and the shekel rallied on Wednesday as a ceasefire between Israel and Hezbollah "
        "took effect, with the TA-35 index closing 1.8% higher."
    )
    assert tag_article(markets, published=DAY).events == []
    since = (
        "An Israeli drone struck a car on the coastal road between Tyre and Naqoura on Thursday, killing one man, "
        "Lebanon's health ministry said, the latest in a string of strikes since a November ceasefire."
    )
    assert summary(since) == [("air_or_drone_strike", "LB", 1, None, "IDF")]


def test_boats_taken_and_tankers_confiscated_at_sea_are_maritime_attacks() -> None:
    boat = (
        "Israeli naval commandos boarded and took control of the Madleen, a British-flagged sailing boat carrying "
        "activists, about 100 nautical miles off Gaza early on Monday, the organisers said."
    )
    assert types(boat) == ["maritime_attack"]
    tanker = "Iran's Revolutionary Guards said they had confiscated a British-flagged tanker in the Strait of Hormuz."
    seized = doers(tanker)
    assert seized == [("maritime_attack", "IRGC")]
    # cargo taken from a boat is a seizure, not an attack on it
    dhow = "US Navy Seals seized Iranian-made missile parts from a dhow in the Arabian Sea bound for Yemen."
    assert types(dhow) == ["arrest_or_seizure"]


def test_threats_of_a_price_the_stone_age_and_a_closed_strait() -> None:
    for text, maker in (
        ('"Iran made a big mistake tonight, and it will pay for it," the Israeli prime minister said.', "Israel"),
        ("Israel's defence minister warned that Israel would return Lebanon to the Stone Age if Hezbollah escalated.",
         "Israel"),
        ('An IRGC navy commander warned that if Iran were prevented from exporting its oil, "no oil will pass through '
         'the Strait of Hormuz".', "IRGC"),
    ):  # fmt: skip
        assert doers(text) == [("threat", maker)], text


def test_counts_past_us_with_stops_and_named_executions() -> None:
    text = "Rockets hit Ain al-Asad air base, lightly wounding two U.S. service members and an Iraqi soldier."
    assert extract_counts(text).injured == 3
    assert extract_counts("Three U.S. soldiers were killed and more than 30 wounded.").killed == 3
    hanged = "Iran has hanged Alireza Akbari, a British-Iranian dual national, after convicting him of spying."
    assert extract_counts(hanged).killed == 1
    assert extract_counts("Gunmen in a speeding car shot dead the mukhtar of a village near Muqdadiya.").killed == 1
    shrapnel = "Most were intercepted, and two people in Tel Aviv suffered light shrapnel wounds."
    assert extract_counts(shrapnel).injured == 2


def test_jets_that_kill_an_exchange_that_ensues_and_gunmen_who_fire_on_troops() -> None:
    jets = "Turkish jets killed 12 PKK militants in an air operation in the Gara region of northern Iraq."
    assert summary(jets) == [("air_or_drone_strike", "IQ", 12, None, "Turkey")]
    # what warplanes "have killed" over years is no strike
    years = "Critics say Assad's warplanes have killed thousands of children in Syria."
    assert tag_article(years, published=DAY).events == []
    ensued = "Israeli troops raiding the Jenin camp came under fire from gunmen and a prolonged exchange ensued."
    assert types(ensued) == ["armed_clash"]
    fired = "JENIN, West Bank - Gunmen fired on Israeli troops raiding the Jenin refugee camp overnight."
    assert tag_article(fired, published=DAY).events != []


def test_aircraft_by_type_arrive_and_no_let_up_negates_nothing() -> None:
    jets = "F-15E Strike Eagles from RAF Lakenheath have arrived at an air base in Jordan, US Central Command said."
    assert [(e.event_type, e.country_iso) for e in tag_article(jets, published=DAY).events] == [
        ("military_deployment", "JO")
    ]
    raptors = "A squadron of U.S. Air Force F-22 Raptors has arrived in Jordan, the Pentagon said."
    assert doers(raptors) == [("military_deployment", "US forces")]
    no_letup = "On the ground there was no let-up: Israeli air strikes overnight killed 17 people in Rafah."
    assert summary(no_letup) == [("air_or_drone_strike", "PS", 17, None, "IDF")]


def test_separate_acts_stay_apart_and_a_toll_also_told_is_added() -> None:
    text = (
        "JENIN, West Bank - Israeli forces killed three Palestinians during a raid on the Jenin camp on Tuesday, "
        "as gunmen fired on the troops. The army said soldiers detained a dozen suspects during the operation. "
        "Separately, a Palestinian gunman opened fire at a bus stop near the settlement of Ariel, wounding two."
    )
    events = summary(text)
    assert len([e for e in events if e[0] in ("attack", "armed_clash")]) == 2
    assert extract_counts("The ministry said two Saudi soldiers had also been killed in the clashes.").killed_also
    announced = (
        "Iran has hanged a dual national convicted of spying, the judiciary said. In a separate announcement, the "
        "Revolutionary Guards said they had detained seven members of a spy network in West Azerbaijan province."
    )
    assert types(announced) == ["attack", "arrest_or_seizure"]


# tag-18, third round: rules from the dev part of the blind `b58-*`..`b60-*` passages (Syria; Iraq and Sinai; one day
# told by different kinds of outlets).


def test_counter_attacks_riots_and_crowds_that_pelt_troops() -> None:
    counter = "Jihadist-led insurgents counter-attacked government forces in northwest Syria on Wednesday."
    assert types(counter) == ["armed_clash"]
    riots = "In Kayseri, rioters smashed the windows of Syrian-owned shops overnight, Turkish police said."
    assert [(e.event_type, e.country_iso) for e in tag_article(riots, published=DAY).events] == [("protest", "TR")]
    crowds = "Angry crowds pelted Turkish military trucks with stones in the town of al-Bab in northern Syria."
    assert types(crowds) == ["protest"]


def test_a_film_scene_weapons_also_seized_and_a_visit_as_setting_are_no_events() -> None:
    film = "In its most harrowing scene, a barrel bomb levels a bakery in Homs as children queue for bread."
    assert tag_article(film, published=DAY).events == []
    cache = (
        "Iraqi troops captured three Islamic State suspects in a raid in Anbar; a cache of suicide vests was also "
        "seized there."
    )
    assert types(cache) == ["arrest_or_seizure"]
    visit = (
        "EL-ARISH, Egypt - Militants fired a guided anti-tank missile at Arish airport on Tuesday while the defence "
        "and interior ministers were visiting, the army said. One officer was killed and two others were wounded."
    )
    assert summary(visit) == [("shelling_artillery_missile", "EG", 1, 2, "Unidentified armed group")]


def test_tolls_put_at_early_figures_and_civilians_among_them() -> None:
    text = (
        "BAGHDAD - A suicide bomber set off his explosive vest in a market in Baghdad on Thursday morning. Early "
        "police figures put the dead at 28. By evening the health ministry said 32 people had been killed and 110 "
        "wounded."
    )
    assert [(e.event_type, e.killed, e.injured) for e in tag_article(text, published=DAY).events] == [
        ("suicide_bomb", 32, 110)
    ]
    among = "At least 20 people, civilians among them, were wounded, according to the hospital's director."
    assert extract_counts(among).injured == 20


def test_an_air_force_that_pounds_and_charges_that_topple_towers() -> None:
    text = (
        "EL-ARISH, Egypt - A roadside bomb killed ten soldiers in North Sinai on Thursday. The military did not "
        "disclose any wounded, but said its air force had pounded militant hideouts in central Sinai, killing 18."
    )
    assert [(e.event_type, e.killed) for e in tag_article(text, published=DAY).events] == [
        ("remote_explosive", 10),
        ("air_or_drone_strike", 18),
    ]
    # "Strike Eagles" that arrive strike nothing
    eagles = "A squadron of US Air Force F-15E Strike Eagles has arrived at an air base in Jordan."
    assert types(eagles) == ["military_deployment"]
    towers = (
        "KIRKUK, Iraq - A bomb planted beneath the Kirkuk-Ceyhan pipeline ripped it open near al-Sharqat on Tuesday. "
        "Separately, the electricity ministry said explosive charges had toppled two power towers in Diyala."
    )
    assert types(towers) == ["remote_explosive"] * 2


def test_truces_brokered_violations_crackdowns_and_cameras_are_no_acts() -> None:
    for text in (
        "The war ended with the Beijing-brokered rapprochement between Riyadh and Tehran in 2023, analysts recall.",
        "The Saudi spokesman said the launch was in blatant violation of Security Council resolution 2216.",
        "The EU agreed asset freezes on 37 more Iranian officials over the crackdown on protesters.",
    ):
        assert "diplomacy" not in types(text), text
        assert "protest" not in types(text), text
    camera = (
        "KARBALA, Iraq - Gunmen shot dead a protest organiser outside his home on Sunday, police said, in an attack "
        "captured by a neighbour's security camera."
    )
    assert types(camera) == ["attack"]
    sirens = "Rocket sirens sounded in the Upper Galilee, sending residents into shelters, but no launch was seen."
    assert "military_deployment" not in types(sirens)
    wreaths = "Mothers laid wreaths by the river bank in Tikrit where many of the young men were shot."
    assert tag_article(wreaths, published=DAY).events == []


def test_threats_sanctions_and_hosts() -> None:
    battlefield = (
        "IRGC commander Hossein Salami warned that any country that lets its soil be used for an attack on Iran "
        "'will itself become the main battlefield'."
    )
    assert doers(battlefield) == [("threat", "IRGC")]
    treasury = (
        "The US Treasury on Thursday designated four men and three companies it accused of moving money to Hezbollah."
    )
    assert doers(treasury) == [("sanctions", "United States")]
    host = "Turkey hosted Russian officials and rebel representatives in Ankara on Sunday for talks on Aleppo."
    assert doers(host) == [("diplomacy", "Turkey")]


def test_the_militants_are_the_group_named_before() -> None:
    text = (
        "HOMS, Syria - Islamic State fighters seized full control of Palmyra on Thursday after a week of fighting, "
        "the Syrian Observatory said. Residents said the militants had since executed at least 20 men in the streets."
    )
    assert ("attack", "SY", 20, None, "Islamic State") in summary(text)


def test_a_victim_named_with_others_is_no_doer() -> None:
    text = (
        "BEIRUT - A senior Hamas leader and six other people were killed on Tuesday evening when an Israeli drone "
        "strike tore through an office in Beirut's southern suburbs."
    )
    assert summary(text) == [("air_or_drone_strike", "LB", 7, None, "IDF")]


def test_a_toll_listed_with_a_long_first_part_adds_the_second() -> None:
    for text, dead in (
        ("A man blew himself up at a checkpoint in Salamiyah, killing seven members of the pro-government National "
         "Defence Forces and a passer-by.", 8),
        ("A drone strike in eastern Baghdad killed a senior commander of an Iran-aligned armed group and one of his "
         "aides on Monday.", 2),
    ):  # fmt: skip
        assert extract_counts(text).killed == dead, text
