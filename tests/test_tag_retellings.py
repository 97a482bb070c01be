"""Rules of tag-20: whole stories tell one act several times and in several places (the lede, a paragraph of
detail, a claim) and recall acts of the week before. Read off the dev part of the whole-article batches; each a
general rule. The sentences are written for these tests (published on DAY, 2024-05-20)."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article
from tag_cases import DAY, doers, summary, types


def test_a_toll_told_in_the_detail_paragraph_belongs_to_the_act_the_lede_told() -> None:
    text = (
        "American warplanes struck radar sites near the Red Sea port of Hodeidah on Sunday, officials said.\n\n"
        "The Pentagon said the targets had been preparing to launch missiles at shipping.\n\n"
        "Shortly after midnight, US forces carried out a strike on a Houthi radar installation north of Hodeidah. "
        "Two people were killed in the raid, the Houthi-run Saba news agency reported."
    )
    assert summary(text) == [("air_or_drone_strike", "YE", 2, None, "US forces")]
    # two tolls for one scene on one day stay two acts
    two = (
        "An Israeli strike on a house in Rafah killed four people on Sunday, medics said.\n\n"
        "Residents said the neighbourhood had been crowded with families who fled the north.\n\n"
        "An Israeli strike on a car in Rafah killed two people on Sunday, medics said."
    )
    assert [k for _, _, k, _, _ in summary(two)] == [4, 2]


def test_the_ship_told_again_at_sea_off_a_port_is_the_ship_of_the_lede() -> None:
    text = (
        "Yemen's Houthi movement fired an anti-ship missile at a container vessel in the Gulf of Aden on Sunday, "
        "setting a fire in one of its holds.\n\n"
        "The container ship was hit roughly 90 nautical miles southeast of Aden, according to UKMTO. No injuries "
        "were reported among those on board."
    )
    assert summary(text) == [("maritime_attack", "YE", None, 0, "Houthis")]


def test_a_place_inside_quoted_words_is_not_the_scene_of_an_act_placed_outside_them() -> None:
    text = (
        "An Israeli drone struck a car in south Lebanon on Sunday, killing two members of Hezbollah, which "
        'mourned them as "martyrs on the road to Jerusalem".'
    )
    assert summary(text) == [("air_or_drone_strike", "LB", 2, None, "IDF")]
    # a quote that is the only place still places the act
    quoted = 'The army said its jets had "struck terrorist targets in Khan Younis" on Sunday.'
    assert [e.country_iso for e in tag_article(quoted, published=DAY).events] == ["PS"]


def test_a_calendar_day_more_than_a_week_back_is_background_after_the_lede() -> None:
    text = (
        "Houthi forces fired a missile at a tanker in the Red Sea on Sunday, the US military said.\n\n"
        "US and British jets struck dozens of Houthi targets across Yemen on May 9 and 10."
    )
    assert types(text) == ["maritime_attack"]
    # within the week it is news; in the lede a weekly's date is its news too
    assert types(text.replace("May 9 and 10", "May 14")) == ["maritime_attack", "air_or_drone_strike"]
    lede = "US and British jets struck dozens of Houthi targets across Yemen on May 9, officials said."
    assert types(lede) == ["air_or_drone_strike"]


def test_a_publication_date_given_as_iso_text_dates_the_story() -> None:
    text = "US and British jets struck Houthi targets in Yemen on Sunday."
    as_text = tag_article(text, published="2024-05-20").events
    assert [e.event_date for e in as_text] == [dt.date(2024, 5, 19)]
    assert tag_article(text, published="not a date").events[0].event_date is None


def test_a_quoted_comment_is_no_act_but_a_quoted_claim_or_toll_is() -> None:
    text = (
        "Israeli jets struck a house in Khan Younis on Sunday, killing five people, medics said.\n\n"
        '"This is a truce without a text," said a Western diplomat in Cairo.\n\n'
        '"They have shifted to smaller attacks using roadside bombs and snipers," said a Cairo-based researcher.'
    )
    assert types(text) == ["air_or_drone_strike"]
    claim = '"We targeted the ship with naval missiles in the Red Sea," Houthi spokesman Yahya Saree said on Sunday.'
    assert types(claim) == ["maritime_attack"]
    toll = '"Twelve militants were killed in an exchange of fire with our forces in North Sinai," the spokesman said.'
    assert types(toll) == ["armed_clash"]
    beheaded = '"Three footballers were beheaded in a square in Raqqa," the sources said on Sunday.'
    assert types(beheaded) == ["attack"]
    # a threat is spoken by nature
    threat = '"The enemy will pay a heavy price for its aggression on Yemen," a Houthi official said on Sunday.'
    assert types(threat) == ["threat"]


def test_the_lebanon_israel_frontier_villages_are_placed_on_their_side() -> None:
    strike = "An Israeli drone struck a car on the outskirts of Aita al-Shaab on Sunday, killing two men."
    assert [(e.country_iso, e.place) for e in tag_article(strike, published=DAY).events] == [("LB", "Aita al-Shaab")]
    fire = "Hezbollah fired anti-tank missiles at an army post near Shtula on Sunday, wounding three soldiers."
    assert [(e.country_iso, e.place) for e in tag_article(fire, published=DAY).events] == [("IL", "Shtula")]


def test_the_killed_are_not_counted_again_as_the_wounded_of_a_second_verb() -> None:
    from ingest.tag.counts import extract_counts

    both = extract_counts("Government air strikes on Arbin killed 37 civilians and wounded dozens, a monitor said.")
    assert (both.killed, both.injured) == (37, 24)
    several = extract_counts("The strike killed five people and wounded several others.")
    assert (several.killed, several.injured) == (5, 3)


def test_the_dead_of_the_clashes_told_later_are_the_fight_told_before() -> None:
    text = (
        "The Syrian Democratic Forces fought house to house with Islamic State militants in the Qadisiya district "
        "of Raqqa on Sunday, the SDF said.\n\n"
        "Residents said they had been sheltering in basements for days.\n\n"
        "At least 12 IS fighters and three SDF members were killed in the clashes, according to a war monitor."
    )
    assert summary(text) == [("armed_clash", "SY", 15, None, "SDF")]


def test_a_later_part_of_a_toll_may_carry_its_own_qualifier() -> None:
    from ingest.tag.counts import extract_counts

    assert extract_counts("An official said six of his fighters and at least nine rebels were killed.").killed == 15
    # a part with its own verb is no part of the next list
    apart = extract_counts("Two protesters died and about 30 people, among them police, were hurt, officials said.")
    assert (apart.killed, apart.injured) == (2, 30)


def test_the_death_toll_told_again_paragraphs_on_brings_the_wounded() -> None:
    text = (
        "A suicide bomber blew himself up among soldiers queuing for their salaries at a base in Aden on Sunday, "
        "killing at least 48 of them, officials said.\n\n"
        "The attacker walked into a crowd gathered at the gates of the base early in the morning. Soldiers had "
        "been waiting since dawn.\n\n"
        "The toll rose through the day. Aden's health director said by the evening that 48 soldiers had been "
        "killed and 34 wounded."
    )
    assert summary(text) == [("suicide_bomb", "YE", 48, 34, "Unidentified armed group")]
    # another toll is another act's, or a running total: it brings nothing
    other = text.replace("48 soldiers had been killed and 34 wounded", "12 soldiers had been killed and 34 wounded")
    assert summary(other) == [("suicide_bomb", "YE", 48, None, "Unidentified armed group")]


def test_the_wounded_told_after_the_aircraft_belong_to_the_air_raid_not_the_clause_after_it() -> None:
    text = (
        "Warplanes pounded rebel-held towns in Idlib province on Sunday, killing 21 civilians, a monitor said, as "
        "fighting raged on the front lines of Aleppo.\n\n"
        "The Syrian Observatory said the aircraft that struck the towns of Maarat al-Numan and Kafr Nabl were "
        "Russian. More than 40 people were wounded, the Observatory said."
    )
    assert [(t, k, w) for t, _, k, w, _ in summary(text)] == [
        ("air_or_drone_strike", 21, 40),
        ("armed_clash", None, None),
    ]


def test_an_envoys_feelings_and_commentators_views_are_no_diplomacy() -> None:
    text = (
        "Israeli warplanes struck the port of Hodeidah in Yemen on Sunday, killing three people.\n\n"
        'UN envoy Hans Grundberg said he was "deeply concerned" by the escalation.\n\n'
        "The envoy welcomed the contacts between the parties.\n\n"
        "Analysts said the escalation threatened efforts to revive peace talks."
    )
    assert types(text) == ["air_or_drone_strike"]
    talks = "UN envoy Hans Grundberg held talks with Houthi leaders in Muscat on Sunday, his office said."
    assert types(talks) == ["diplomacy"]


def test_threats_told_as_what_the_enemy_will_face_or_pay_are_the_speakers() -> None:
    text = (
        "Houthi military spokesman Yahya Saree said the group had fired missiles at Saudi Aramco facilities in "
        "Jeddah on Sunday.\n\n"
        'He warned that Saudi Arabia would face "more painful and larger operations" unless it halted its '
        '"aggression" on Yemen.'
    )
    assert doers(text)[-1] == ("threat", "Houthis")
    pay = 'In Tehran, the Guards said that "the Zionist regime will certainly pay for this crime".'
    assert types(pay) == ["threat"]
    quoted = (
        "The IRGC said in a statement in Tehran on Sunday that its navy was ready to defend the Gulf.\n\n"
        '"Any foreign warship that tries to escort these ships will be targeted and will regret it," he said.'
    )
    assert doers(quoted) == [("threat", "IRGC")]
    assert types("Israeli Defence Minister Yoav Gallant issued a stark warning to Hezbollah on Sunday.") == ["threat"]


def test_what_a_speaker_calls_an_act_a_court_charge_a_funeral_and_a_show_of_strength_are_no_acts() -> None:
    called = (
        'The Palestinian foreign ministry condemned the overnight strike as "a new massacre against a defenceless '
        'family" on Sunday.'
    )
    assert types(called) == []
    court = (
        "BAGHDAD - An Iraqi criminal court on Sunday sentenced to death a man convicted of helping plan the twin "
        "suicide bombing that killed 32 people at a market in central Baghdad."
    )
    assert types(court) == []
    funeral = "Funerals for the soldiers were held in Diyarbakir on Sunday, with crowds chanting nationalist slogans."
    assert types(funeral) == []
    marched = "Hundreds of mourners marched through Qamishli during the funeral on Sunday, chanting against Ankara."
    assert types(marched) == ["protest"]
    shown = "Aramco's chief described the recovery in Abqaiq as a demonstration of the resilience of the kingdom."
    assert types(shown) == []
    # an act its doer names is still told: "carried out what Central Command described as a unilateral strike"
    own = "US forces carried out what Central Command described as a unilateral strike on a Houthi radar near Hodeidah."
    assert types(own) == ["air_or_drone_strike"]


def test_an_interception_told_after_a_barrage_is_that_barrage() -> None:
    text = (
        "Hamas's armed wing said it fired more than 130 rockets at Israel on Sunday, including rockets at Tel Aviv.\n\n"
        "Residents of the south spent the night in shelters.\n\n"
        "Israel's Iron Dome system intercepted several rockets over the Tel Aviv area and no casualties were "
        "reported, the army said."
    )
    assert summary(text) == [("shelling_artillery_missile", "IL", 0, 0, "Hamas")]
    # another scene is another barrage: "a missile fired toward Eilat was intercepted" after rockets on Shtula
    apart = (
        "Hezbollah fired anti-tank missiles at an army post near Shtula on Sunday, wounding three soldiers.\n\n"
        "Later, a ballistic missile fired by Yemen's Houthis toward Eilat was intercepted by the Arrow system."
    )
    assert [d for _, d in doers(apart)] == ["Hezbollah", "Houthis"]


def test_the_act_another_answers_and_a_campaign_dated_by_a_named_act_are_background() -> None:
    text = (
        'Hezbollah fired rockets at a military position near Metula on Sunday "in response to the assassination" of '
        "its commander in Tyre, the group said."
    )
    assert types(text) == ["shelling_artillery_missile"]
    since = "Troops on the border have been on high alert since Hamas's attack on southern Israel, officials say."
    assert types(since) == []


def test_a_verdict_story_dates_its_old_act_wherever_the_sentence_gives_the_date() -> None:
    text = (
        "A UN-backed tribunal on Sunday found a member of Hezbollah guilty of conspiring to kill former prime "
        "minister Rafik Hariri, but acquitted three other defendants.\n\n"
        "Hariri, a billionaire who had rebuilt Beirut after the civil war, was killed along with 21 other people when "
        "a suicide bomber detonated a van packed with around two tonnes of explosives as his motorcade drove past the "
        "St George Hotel on the Beirut seafront, in an attack that shook the whole region, on February 14, 2005."
    )
    assert types(text) == []


def test_a_towns_name_inside_a_persons_name_is_no_place() -> None:
    text = (
        "MOGADISHU - Al-Shabaab gunmen stormed a hotel in the Somali capital on Sunday.\n\n"
        "Security forces killed five attackers and captured one alive, police spokesman Abdifatah Aden Hassan told "
        "reporters."
    )
    assert types(text) == []
    port = "A car bomb exploded near the port in Aden on Sunday, killing three soldiers, officials said."
    assert [e.place for e in tag_article(port, published=DAY).events] == ["Aden"]


def test_the_dead_counted_as_the_ones_inside_or_a_family() -> None:
    from ingest.tag.counts import extract_counts

    assert extract_counts("An Israeli drone fired a missile at a car, killing the two men inside.").killed == 2
    assert extract_counts("One raid flattened a house in the Attan district, killing a family of five.").killed == 5


def test_one_victim_told_by_role_and_a_kin_pair_among_the_wounded() -> None:
    from ingest.tag.counts import extract_counts

    assert extract_counts("Gunmen opened fire on a car near Eli, wounding the driver, the army said.").injured == 1
    assert extract_counts("A drone hit a motorbike near Tyre, killing its rider.").killed == 1
    assert extract_counts("A device detonated under his car, leaving him with moderate wounds.").injured == 1
    assert extract_counts("A Houthi drone hit a building in Marib, wounding a woman and her daughter.").injured == 2
    # the role of many is no one's count
    assert extract_counts("The strikes hit a convoy, killing the drivers of two trucks.").killed is None


def test_lists_of_the_dead_and_wounded_read_each_verb_apart() -> None:
    from ingest.tag.counts import extract_counts

    both = extract_counts("Militants killed at least 13 people and 20 soldiers were wounded in the attack.")
    assert (both.killed, both.injured) == (13, 20)
    contractor = extract_counts(
        "Shelling near Saraqeb killed five Turkish soldiers and a civilian contractor and wounded five others."
    )
    assert (contractor.killed, contractor.injured) == (6, 5)
    named = extract_counts("Three members of the Kurdistan Workers' Party (PKK) were killed when a drone hit them.")
    assert named.killed == 3
    assert extract_counts("A landmine exploded under a tractor, killing him and his son, an official said.").killed == 2


def test_acts_named_by_an_abbreviated_date_or_as_previous_and_a_quarters_tally_are_background() -> None:
    dated = (
        "Rockets were fired at a base hosting US troops in Syria on Sunday, officials said.\n\n"
        "The Jan. 28 drone attack on Tower 22, a logistics base in northeastern Jordan, killed three US soldiers."
    )
    assert types(dated) == ["shelling_artillery_missile"]
    previous = "Mourners in Sulaimaniyah carried pictures of civilians killed in previous Turkish strikes."
    assert types(previous) == []
    tally = (
        "Air strikes, shelling and ground fighting killed or wounded more than 900 civilians in Yemen in the first "
        "three months of the year, a monitor said on Sunday."
    )
    assert types(tally) == []


def test_a_coalition_fighting_in_a_war_is_no_clash() -> None:
    text = "The Saudi-led coalition fighting in Yemen said a fuel depot in Jeddah was set ablaze on Sunday."
    assert "armed_clash" not in types(text)
    assert types("Fighting in Yemen's Marib province killed 12 soldiers on Sunday.") == ["armed_clash"]


def test_a_states_strike_told_in_a_clause_with_no_place_is_not_on_its_own_soil() -> None:
    text = (
        "Palestinian militants in the Gaza Strip fired hundreds of rockets into southern Israel on Sunday, killing "
        "one man in Ashkelon, as Israeli warplanes pounded dozens of targets across the enclave."
    )
    assert [(t, c) for t, c, _, _, _ in summary(text)] == [
        ("shelling_artillery_missile", "IL"),
        ("air_or_drone_strike", "PS"),
    ]


def test_an_act_named_by_another_day_is_not_the_act_told_before() -> None:
    text = (
        "BAGHDAD - Following are security developments in Iraq on Monday.\n\n"
        "* KIRKUK - Gunmen shot dead a chemistry professor at Kirkuk University as he left his home, police said.\n\n"
        "* KERBALA - Police said on Monday the death toll from Saturday's car bomb near a bus station had risen "
        "to 42. Around 150 people were wounded in that blast."
    )
    events = tag_article(text, published=dt.date(2007, 4, 16)).events
    assert [(e.event_type, e.killed, e.injured) for e in events] == [
        ("attack", 1, None),
        ("remote_explosive", 42, 150),
    ]


def test_a_consequence_warned_of_is_no_threat_and_an_ended_truce_no_diplomacy() -> None:
    assert (
        types("UN officials have warned that the violence in Jenin could turn the West Bank into a second front.") == []
    )
    aimed = "Hezbollah's leader warned Israel on Sunday that any war on Lebanon could open the door to fighters."
    assert types(aimed) == ["threat"]
    forces = "Erdogan warned on Sunday that Turkish forces may come suddenly one night to Tal Rifaat in Syria."
    assert types(forces) == ["threat"]
    ended = (
        "The offensive on Aleppo began days after the collapse of a week-long truce brokered by Washington and Moscow."
    )
    assert "diplomacy" not in types(ended)


def test_settlers_violence_is_an_attack_by_civilians() -> None:
    rampage = (
        "Israeli settlers rampaged through a Palestinian village south of Nablus on Sunday, torching houses and cars."
    )
    assert doers(rampage) == [("attack", "Civilians")]
    stormed = "Hundreds of Israeli settlers stormed the village of al-Mughayyir on Sunday, setting fire to homes."
    assert doers(stormed) == [("attack", "Civilians")]


def test_fire_named_by_its_weapon_names_its_side() -> None:
    rebel = "Rebel shells slammed into the al-Midan neighbourhood of Aleppo on Sunday, killing four people."
    assert doers(rebel) == [("shelling_artillery_missile", "Syrian opposition")]
    government = "Government air strikes on the town of Arbin in Syria's Ghouta killed 37 civilians on Sunday."
    assert doers(government) == [("air_or_drone_strike", "Syrian forces")]


def test_the_coalition_is_the_one_fighting_where_it_struck() -> None:
    yemen = "Overnight, coalition warplanes pounded Houthi targets in Sanaa, striking drone launch sites."
    assert doers(yemen) == [("air_or_drone_strike", "Saudi Arabia")]
    iraq = "Coalition aircraft struck Islamic State positions near Mosul on Sunday, the US military said."
    assert doers(iraq) == [("air_or_drone_strike", "US forces")]


def test_deployments_told_as_arrivals_and_convoys() -> None:
    frigate = (
        "Britain said on Sunday that the frigate HMS Richmond had arrived in the Red Sea, where it will join the "
        "destroyer HMS Diamond in protecting merchant shipping."
    )
    assert types(frigate) == ["military_deployment"]
    jets = "CENTCOM said a squadron of F-16 fighter jets had arrived at Al Dhafra Air Base in the UAE on Sunday."
    assert types(jets) == ["military_deployment"]
    convoy = (
        "A Turkish military convoy of around 30 vehicles, including armoured personnel carriers and trucks loaded "
        "with ammunition, crossed into Idlib through the Kafr Lusin border post on Sunday."
    )
    assert types(convoy) == ["military_deployment"]


def test_the_state_across_the_border_is_not_the_scene() -> None:
    text = "Jordanian troops killed four smugglers in a gunfight on the border with Syria on Sunday, the army said."
    assert [e.country_iso for e in tag_article(text, published=DAY).events] != ["SY"]


def test_the_dead_told_beside_a_toll_as_well_as_are_added() -> None:
    from ingest.tag.counts import extract_counts

    text = "The clashes have left at least 30 fighters from both sides dead, as well as four civilians caught in them."
    assert extract_counts(text).killed == 34
    both = "At least seventeen fighters from both sides and two civilians were killed, a monitor said."
    assert extract_counts(both).killed == 19


def test_a_claim_made_at_the_time_a_summons_for_questioning_and_a_quotation_alone_are_no_news() -> None:
    claimed = (
        "Five years ago, drones and cruise missiles slammed into the Abqaiq plant.\n\n"
        "Yemen's Houthi rebels claimed responsibility at the time, saying they had launched 10 drones."
    )
    assert types(claimed) == []
    summoned = "The restaurant's owner in Amman was summoned for questioning on Sunday, police said."
    assert types(summoned) == []
    alone = (
        "A security official in Diyala spoke to reporters on Sunday.\n\n"
        '"What they can still do is ambush a patrol at night, plant a bomb and disappear."'
    )
    assert types(alone) == []
    # "at the time and place of our choosing" is a threat's, not the past's
    threat = "Revolutionary Guards commander Hossein Salami warned on Sunday that Israel would receive a crushing "
    assert types(threat + 'response "at the time and place of our choosing".') == ["threat"]


def test_strikes_told_by_their_doers_words_and_the_wires_spelling_of_towns() -> None:
    quoted = (
        'Earlier, US Central Command said its forces had carried out "self-defence strikes" late on Sunday against '
        "four mobile anti-ship cruise missiles in Houthi-controlled territory in Yemen."
    )
    assert types(quoted) == ["air_or_drone_strike"]
    aircraft = (
        "Hours later, U.S. aircraft struck a house in the village of al-Hadid near Baquba where, according to the "
        "military, insurgents involved in making roadside bombs had gathered."
    )
    assert [(e.event_type, e.country_iso) for e in tag_article(aircraft, published=DAY).events] == [
        ("air_or_drone_strike", "IQ")
    ]
    drone = "Yemen's Houthi movement sent an explosives-laden drone towards Abha airport in Saudi Arabia on Sunday."
    assert types(drone) == ["air_or_drone_strike"]


def test_threats_in_the_speakers_own_words_are_the_speakers() -> None:
    pay = "Netanyahu said on Sunday that Tehran had made a big mistake and would 'pay for it'."
    assert types(pay) == ["threat"]
    quoted = (
        "Speaking to troops near the border on Sunday, Defence Minister Yoav Gallant said Israel was ready.\n\n"
        '"Hezbollah is dragging Lebanon into a war it will pay for dearly."'
    )
    assert doers(quoted) == [("threat", "Israel")]
    ours = (
        "Kataib Hezbollah's spokesman spoke on the group's channel in Baghdad on Sunday.\n\n"
        '"We will strike their bases one by one," he said.'
    )
    assert doers(ours) == [("threat", "Kataib Hezbollah")]
    assert types("The UAE foreign ministry in Abu Dhabi said on Sunday that it reserves the right to respond.") == [
        "threat"
    ]


def test_a_bomb_being_planted_a_sanctioned_rally_and_a_drivers_words_are_no_acts_of_their_kind() -> None:
    planting = (
        "Later on Sunday, a U.S. helicopter fired a Hellfire missile at a group of gunmen who were planting a roadside "
        "bomb near a main road in Sadr City in Baghdad, killing four of them, the military said."
    )
    assert types(planting) == ["air_or_drone_strike"]
    rally = (
        "CAIRO - Thousands of Egyptians poured out of Al-Azhar mosque after Friday prayers to rally in support of "
        "Palestinians, in rare mass street protests that authorities had partly sanctioned."
    )
    assert types(rally) == ["protest"]
    driver = '"I was fighting with the world champions out there," the driver said after the race in Jeddah.'
    assert types(driver) == []


def test_a_capital_named_by_its_states_adjective_is_the_capital() -> None:
    text = "Iran's foreign minister held indirect talks with the US envoy in the Omani capital on Sunday."
    assert [(e.country_iso, e.place) for e in tag_article(text, published=DAY).events] == [("OM", "Muscat")]


def test_jets_are_the_weapon_that_types_a_strike() -> None:
    text = "SANA said Israeli jets fired the missiles from over Lebanese territory at targets near Damascus on Sunday."
    assert types(text) == ["air_or_drone_strike"]


def test_weapons_carried_and_a_reports_tally_are_no_fire() -> None:
    armed = "Fighters armed with mortars and rockets were patrolling openly in Basra on Sunday."
    assert types(armed) == []
    tally = "In Sanaa, the panel said it estimates that the group fired at least 450 drones and missiles at ships."
    assert types(tally) == []
