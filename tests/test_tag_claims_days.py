"""Rules of tag-25: who flies the jets, what a claim names, days told relative to other acts ("a day after",
"came five days after"), a weekly roundup's days, acts told again a day apart, and words that tell no act. Read off
the dev part of the whole-article set; general rules. The stories are written for these tests (published on DAY,
2024-05-20, a Monday, unless a test says otherwise)."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article
from ingest.tag.actors import actor_mentions, assign_roles
from tag_cases import doers, summary, types


def _events(text: str, published: dt.date) -> list[tuple]:
    return [(e.event_type, e.country_iso, e.killed, e.injured, e.actor1) for e in
            tag_article(text, published=published).events]  # fmt: skip


def test_jets_are_a_states_and_the_group_they_struck_is_no_doer() -> None:
    text = (
        "TEL AVIV - Israel's military said on Monday that dozens of aircraft, including fighter jets, had struck the "
        "port of Hodeidah and a power station in Sanaa, targeting infrastructure used by the Houthis to bring in "
        "weapons.\n\nThe Houthi-run health ministry said four people were killed in the raids."
    )
    assert doers(text) == [("air_or_drone_strike", "IDF")]
    # a group's drones are its own
    drones = "SANAA - A Houthi drone struck a military post near the Saudi border town of Najran on Monday."
    assert doers(drones) == [("air_or_drone_strike", "Houthis")]


def test_a_clause_told_a_day_after_is_dated_from_its_sentence_and_merges_with_its_retelling() -> None:
    text = (
        "SANAA - Tens of thousands of Houthi supporters rallied in Sanaa on Monday, a day after Israeli warplanes "
        "pounded the port of Hodeidah.\n\n"
        "Speakers vowed that attacks on Israel would go on.\n\n"
        "Similar rallies were held in Saada and Dhamar, the Houthi-run channel said.\n\n"
        "Israel's military said on Sunday that its jets had struck the port of Hodeidah and fuel depots beside it.\n\n"
        "The Houthi-run health ministry said five people were killed in the strikes."
    )
    assert types(text).count("air_or_drone_strike") == 1
    assert "protest" in types(text)


def test_what_the_news_came_days_after_is_background_but_not_what_it_came_hours_after() -> None:
    text = (
        "BAGHDAD - A car bomb exploded near a busy market in eastern Baghdad on Monday, killing eight people, police "
        "said.\n\nThe blast damaged a dozen shops.\n\n"
        "The bombing came five days after a suicide bomber killed 20 people at a bus station in Kirkuk."
    )
    assert [e[:3] for e in summary(text)] == [("remote_explosive", "IQ", 8)]
    hours = text.replace("five days after", "hours after")
    assert [e[0] for e in summary(hours)] == ["remote_explosive", "suicide_bomb"]


def test_a_claim_names_the_acts_it_claims_and_their_doer() -> None:
    text = (
        "ERBIL, Iraq - A drone attack hit the air base near Erbil International Airport overnight, local officials "
        "said on Monday.\n\n"
        "Schools near the airport stayed closed and two airlines postponed their flights.\n\n"
        "Coalition air defences shot down one drone and the second crashed inside the perimeter.\n\n"
        "Less than an hour later, five rockets were fired at Ain al-Asad air base in Anbar province. Two US "
        "personnel suffered minor injuries, a US defence official said.\n\n"
        "The Islamic Resistance in Iraq, an umbrella of Iran-aligned factions, claimed both the drone attack on "
        "Erbil and the rocket fire on Ain al-Asad in posts on Telegram, calling them a response to US support for "
        "Israel's war in Gaza."
    )
    assert doers(text) == [
        ("air_or_drone_strike", "Islamic Resistance in Iraq"),
        ("shelling_artillery_missile", "Islamic Resistance in Iraq"),
    ]


def test_a_groups_claim_replaces_a_state_read_from_the_words_around_a_bombing() -> None:
    text = (
        "MUKALLA, Yemen - A suicide bomber drove an explosives-packed car into a checkpoint at an army camp west of "
        "Mukalla on Monday, killing at least eight soldiers, officials said.\n\n"
        "The bomber struck as troops gathered for roll call at the camp, which houses units trained by the United Arab "
        "Emirates, a member of the Saudi-led coalition backing Yemen's government.\n\n"
        "By evening the toll had risen to 12 soldiers killed, a medical official said.\n\n"
        "Al-Qaeda in the Arabian Peninsula claimed the attack in a statement posted online."
    )
    assert [(e[0], e[4]) for e in summary(text)] == [("suicide_bomb", "AQAP")]


def test_a_weekly_roundups_days_are_all_news() -> None:
    saturday = dt.date(2024, 5, 25)
    text = (
        "BAGHDAD - A car bomb tore through a market in Baghdad and a suicide bomber struck police recruits in Ramadi "
        "this week, as commanders said their security plan was taking hold.\n\n"
        "The deadliest attack came on Friday, when a car packed with explosives exploded outside vegetable stalls in "
        "the Bayaa district, killing 20 people.\n\n"
        "On Monday a suicide bomber blew himself up among young men queuing outside a police recruitment centre in "
        "Ramadi, killing 12 of them."
    )
    assert [e[:3] for e in _events(text, saturday)] == [("remote_explosive", "IQ", 20), ("suicide_bomb", "IQ", 12)]
    # a story of one day's act keeps days before it as background (tag-24)
    daily = (
        "BAGHDAD - A car bomb exploded outside vegetable stalls in the Bayaa district of Baghdad on Friday, killing "
        "20 people, police said.\n\nShops were wrecked.\n\nWitnesses described panic in the market.\n\n"
        "On Monday a suicide bomber blew himself up among young men queuing outside a police recruitment centre in "
        "Ramadi, killing 12 of them."
    )
    assert [e[:3] for e in _events(daily, saturday)] == [("remote_explosive", "IQ", 20)]


def test_an_act_retold_a_day_apart_at_another_precision_is_one_act() -> None:
    tuesday = dt.date(2024, 5, 21)
    text = (
        "ERBIL, Iraq - Schools near Erbil International Airport stayed closed on Tuesday after a drone attack "
        "overnight on the air base that hosts US-led coalition troops, officials said.\n\n"
        "Two airlines postponed their morning departures.\n\n"
        "Parents said their children were frightened.\n\n"
        "The attack came at about 11:40 p.m. on Monday, when two explosive-laden drones approached Erbil from the "
        "south-west; one was shot down, and no one was hurt."
    )
    assert [e[:2] for e in _events(text, tuesday)] == [("air_or_drone_strike", "IQ")]


def test_a_formal_protest_a_stance_on_attacks_and_a_freight_market_are_no_acts() -> None:
    summoned = (
        "BAGHDAD - Iraq's Foreign Ministry summoned the US charge d'affaires in Baghdad on Monday and handed her a "
        "formal protest over the air strikes near Jurf al-Sakhar."
    )
    assert "protest" not in types(summoned) and "diplomacy" in types(summoned)
    stance = (
        "BAGHDAD - A spokesman for Iraq's prime minister said the government condemns all attacks on Iraqi "
        "territory, whatever their source."
    )
    assert types(stance) == []
    freight = (
        "DUBAI - Container rates on routes through the Red Sea and the Gulf slid again on Monday as carriers "
        "battled for cargo in a market flooded with new ships."
    )
    assert types(freight) == []


def test_a_barrage_answered_by_a_wave_of_air_strikes_is_two_acts() -> None:
    text = (
        "GAZA - Rockets fired from the Gaza Strip pounded southern Israel overnight, wounding seven people in Sderot, "
        "as the Israeli military responded with a wave of air strikes across the enclave that killed three people."
    )
    assert [e[0] for e in summary(text)] == ["shelling_artillery_missile", "air_or_drone_strike"]
    assert summary(text)[0][4] != "IDF"  # (southern Israel was pounded: no doer)


def test_who_reacts_and_where_a_group_is_based_are_no_party_and_no_scene() -> None:
    hanged = (
        "TEHRAN - Iran hanged two men in Karaj prison on Monday over the killing of a member of the Basij militia, "
        "drawing condemnation from the European Union."
    )
    assert doers(hanged) == [("attack", "Iran")]
    cell = (
        "TEHRAN - Iran's intelligence ministry said on Monday it had dismantled a cell in Kermanshah province and "
        "arrested six members who had planned bombings during the anniversary of the Islamic Revolution.\n\n"
        "It said weapons and explosives were seized, and accused the group of links to Kurdish groups based in Iraq."
    )
    assert [e[:2] for e in summary(cell)] == [("arrest_or_seizure", "IR")]


def test_who_a_sentence_names_as_reporter_target_or_attacker() -> None:
    def roles(sentence: str, event_type: str) -> tuple:
        a1, a2 = assign_roles(actor_mentions(sentence), event_type)
        return (a1.name if a1 else None, a2.name if a2 else None)

    assert (
        roles(
            "Hamas's armed wing, the Izz ad-Din al-Qassam Brigades, said in a statement it had fired the barrage in "
            "response to the killing of two of its members by Israeli tank fire.",
            "shelling_artillery_missile",
        )[0]
        == "Hamas"
    )
    assert (
        roles(
            "The navy of the Islamic Revolutionary Guard Corps (IRGC) said on Thursday it had seized a tanker.",
            "maritime_attack",
        )[0]
        == "IRGC"
    )
    assert (
        roles(
            "The Syrian Democratic Forces said its fighters repelled an attack by factions of the Syrian National "
            "Army.",
            "armed_clash",
        )[0]
        == "Syrian opposition"
    )
    assert roles("Two US personnel suffered minor injuries in the attack on the base.", "attack")[0] is None


def test_words_that_tell_no_act_tanker_trucks_habits_histories_and_purposes() -> None:
    trucks = (
        "ABU DHABI - Three people were killed on Monday when suspected drones struck fuel tanker trucks in Abu Dhabi's "
        "industrial district of Musaffah, police said."
    )
    assert types(trucks) == ["air_or_drone_strike"]
    habit = (
        "RIYADH - Before the truce, the Houthis regularly fired missiles and drones at Saudi cities and oil facilities."
    )
    assert types(habit) == []
    since_when = (
        "GAZA - The flare-up was the most serious since early May, when two days of fighting killed 25 Palestinians "
        "before an Egyptian-mediated ceasefire took hold."
    )
    assert types(since_when) == []
    engineers = (
        "JENIN, West Bank - Troops found several explosive devices on the main road of the camp, which were later "
        "detonated by military engineers, the army said."
    )
    assert types(engineers) == []
    purpose = (
        "JENIN, West Bank - Israeli troops entered the camp before dawn to arrest two men wanted over shooting "
        "attacks and came under heavy fire from gunmen; three Palestinians were killed in the gun battle."
    )
    assert types(purpose) == ["armed_clash"]
    critics = (
        "US strikes hit militia warehouses in Iraq and Syria last month.\n\nBut critics in Congress argue that "
        "limited strikes on empty warehouses in Iraq and Syria have failed to deter the militias."
    )
    assert types(critics) == []


def test_a_summons_to_protest_after_an_abbreviation_is_diplomacy() -> None:
    text = "BAGHDAD - Iraq's foreign ministry summoned the U.S. charge d'affaires in Baghdad on Monday to protest."
    assert types(text) == ["diplomacy"]


def test_a_clashs_sides_are_summed_with_a_vague_side() -> None:
    text = (
        "RIYADH - Saudi border guards fought off Houthi fighters who attacked a frontier post in Najran province on "
        "Monday. Two Saudi soldiers were killed and several of the attackers died in the exchange of fire, the "
        "ministry said."
    )
    assert [e[:3] for e in summary(text)] == [("armed_clash", "SA", 5)]


def test_a_sea_borrows_only_a_state_on_its_shores() -> None:
    text = (
        "DUBAI - Yemen's Houthi movement said on Monday it had hit a Greek-owned bulk carrier in the Gulf of Aden with "
        "anti-ship missiles, in a campaign it says is meant to pressure Israel over the war in Gaza."
    )
    assert [e[:2] for e in summary(text)] == [("maritime_attack", "YE")]


def test_a_states_rescue_service_reports_and_settlers_who_storm_a_village_attack_it() -> None:
    rocket = (
        "BEIRUT - Hours before the strike, a rocket launched from southern Lebanon slammed into a kibbutz in the Upper "
        "Galilee, killing a man, Israel's Magen David Adom ambulance service said."
    )
    assert doers(rocket) == [("shelling_artillery_missile", None)]
    settlers = (
        "RAMALLAH - Dozens of Israeli settlers, some of them armed and masked, stormed the Palestinian village of "
        "Qaryut south of Nablus on Monday evening, setting fire to two homes, residents said.\n\n"
        "Four Palestinians were injured, one of them by live ammunition fired by a settler and the others by stones."
    )
    assert [e[0] for e in summary(settlers)] == ["attack"]


def test_how_a_fight_began_told_after_it_is_the_fight() -> None:
    text = (
        "ANKARA - Kurdish militants attacked a military outpost in southeastern Turkey near the Iraqi border on "
        "Monday, sparking a gun battle in which two Turkish soldiers and five attackers were killed, the Defence "
        "Ministry said.\n\n"
        "The militants opened fire with rifles and rocket-propelled grenades on the base in Hakkari province shortly "
        "after midnight. Three other soldiers were wounded."
    )
    assert [e[:4] for e in summary(text)] == [("armed_clash", "TR", 7, 3)]


def test_a_bodys_concern_and_talks_as_the_backdrop_of_violence_are_no_diplomacy() -> None:
    concern = (
        "BEIRUT - The UN peacekeeping force in south Lebanon, UNIFIL, said it was deeply concerned by the "
        "intensity of the exchanges on Monday."
    )
    assert types(concern) == []
    backdrop = (
        "GAZA - The escalation comes as Egyptian and UN mediators try to broker a long-term truce between Israel and "
        "Hamas."
    )
    assert types(backdrop) == []


def test_the_group_that_claims_the_attack_is_its_doer() -> None:
    text = (
        "BAGHDAD - At least four rockets were fired at Ain al-Asad air base in Anbar province late on Sunday, a US "
        "defence official said.\n\n"
        "A coalition of Iran-aligned armed groups calling itself the Islamic Resistance in Iraq claimed the attack in "
        "a statement on Telegram, describing it as a response to Washington's support for Israel in the war in Gaza."
    )
    assert doers(text) == [("shelling_artillery_missile", "Islamic Resistance in Iraq")]
