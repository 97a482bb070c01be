"""Rules of tag-23 and later (see the section heads): death tolls raised later in a story and the act each raise belongs
to, a few missed acts and a few false talks and deployments. Read off the dev part of the whole-article batches
(b144-b147 first); each a general rule. The stories are written for these tests (published on DAY, 2024-05-20)."""

from __future__ import annotations

from ingest.tag import Event, tag_article
from ingest.tag.counts import extract_counts
from tag_cases import DAY, summary


def summary_events(text: str) -> list[Event]:
    return tag_article(text, published=DAY).events


def _assert_killed_and_revised(cases: dict[str, tuple[int | None, bool]]) -> None:
    """Each sentence's (killed, told as a revision)."""
    for sentence, (killed, revised) in cases.items():
        counts = extract_counts(sentence)
        assert (counts.killed, counts.killed_revised) == (killed, revised), sentence


def test_tolls_raised_in_words_the_patterns_had_missed() -> None:
    # (killed, injured, told as a revision)
    cases = {
        "One of the wounded later died, raising the death toll from the ambush to four, the governor said.": (4, True),
        "Rescuers found another body, raising the toll to nine, a health official said.": (9, True),
        "The monitor raised the toll from the Idlib air raids to 31 dead.": (31, True),
        "Hospital sources now put the Sadr City toll at 18 dead and 40 wounded.": (18, True),
        "The civil defence now says 27 civilians were killed in Monday's strikes on the town.": (27, True),
    }
    _assert_killed_and_revised(cases)


def test_wounded_who_died_are_no_count_of_wounded() -> None:
    counts = extract_counts("Several of the wounded had died on the way to hospital, the monitor said.")
    assert counts.injured is None


_BLOG = (
    "LIVE: Strikes on Gaza, rockets on Israel\n\n"
    "08:30 Israeli warplanes carried out a wave of air strikes across the Gaza Strip overnight, killing at least 12 "
    "Palestinians, the Gaza health ministry said. A house in Rafah was among the buildings hit.\n\n"
    '09:15 Neighbours said they had been warned minutes before one strike. "We ran with nothing," one woman said. '
    "Rescue teams were still searching the rubble.\n\n"
    "10:40 Sirens sounded in Ashkelon as rockets were fired from Gaza. The army said most were intercepted. "
    "No casualties were reported. Hamas's armed wing said it had fired the rockets.\n\n"
    "11:20 Schools in southern Israel will stay closed on Tuesday, officials said. Trains to the south were halted. "
    "Shoppers cleared the shelves of bottled water.\n\n"
    "12:05 The ministry has raised the toll from the overnight strikes to 17 dead and more than 50 wounded."
)


def test_a_raised_toll_goes_to_the_act_it_names_hours_later() -> None:
    # the rockets told last had no casualties: the raise names the strikes, told a dozen sentences before (and a
    # warning given before a strike is no threat)
    assert summary(_BLOG) == [
        ("air_or_drone_strike", "PS", 17, 50, "IDF"),
        ("shelling_artillery_missile", "IL", 0, 0, "Hamas"),
    ]


def test_a_raised_toll_goes_to_the_act_whose_place_it_names() -> None:
    text = (
        "BAGHDAD - A car bomb exploded in a crowded market in the Shorja district of Baghdad on Sunday, killing at "
        "least nine people, police said.\n\n"
        "Hours later, a suicide bomber blew himself up at a checkpoint in Tarmiyah, north of the capital, killing "
        "four soldiers.\n\n"
        "No group claimed either attack.\n\n"
        "By evening, officials said the toll from the Shorja market bombing had risen to 15."
    )
    assert summary(text) == [
        ("remote_explosive", "IQ", 15, None, None),
        ("suicide_bomb", "IQ", 4, None, "Unidentified armed group"),
    ]


def test_a_raised_toll_named_by_its_kind_passes_the_act_told_last() -> None:
    text = (
        "BEIRUT (AFP) - Syrian government helicopters dropped barrel bombs on rebel-held districts of Aleppo on "
        "Tuesday, killing at least 14 people, a monitor said.\n\n"
        "In the central city of Homs, a car bomb exploded near a checkpoint, killing three people, state media "
        "reported.\n\n"
        "Later on Tuesday, the monitor raised the toll from the Aleppo barrel bomb raids to 20 dead."
    )
    assert summary(text) == [
        ("air_or_drone_strike", "SY", 20, None, "Syrian forces"),
        ("remote_explosive", "SY", 3, None, None),
    ]


def test_a_place_named_toll_of_an_act_told_twice_is_raised() -> None:
    # the raise equals another act's toll (21): it still raises the act whose place it names
    text = (
        "9.00am: A suicide bomber blew himself up at a police checkpoint at the entrance to Kadhimiya in northern "
        "Baghdad, killing at least 11 people and wounding 30, police said.\n\n"
        "10.30am: Islamic State claimed the Kadhimiya bombing in a statement online.\n\n"
        "12.15pm: Militants attacked an army post near Fallujah before dawn, sparking a gun battle. An officer said "
        "21 militants were killed.\n\n"
        "5.45pm: Police now put the Kadhimiya toll at 21 dead and 52 wounded."
    )
    assert summary(text) == [
        ("suicide_bomb", "IQ", 21, 52, "Islamic State"),
        ("armed_clash", "IQ", 21, None, "Unidentified armed group"),
    ]


def test_a_toll_given_anew_for_the_act_it_names_passes_the_act_told_last() -> None:
    text = (
        "10:15 - Government warplanes struck Douma and Saqba since early morning, rescuers said.\n\n"
        "13:05 - Government troops tried to advance on the Harasta front and clashed with rebels. The monitor said "
        "six soldiers and nine rebels were killed.\n\n"
        '14:30 - State media says mortar shells fired by "terrorists" hit the Bab Touma neighbourhood of Damascus, '
        "killing two civilians and wounding 11.\n\n"
        "16:40 - The monitor now says 41 civilians were killed in Monday's air strikes on the enclave."
    )
    assert [(e.event_type, e.killed) for e in summary_events(text)] == [
        ("air_or_drone_strike", 41),
        ("armed_clash", 15),
        ("shelling_artillery_missile", 2),
    ]


def test_a_rocket_that_smashed_into_a_depot_and_raids_told_by_their_warplanes() -> None:
    text = (
        "HAIFA, Israel (Reuters) - A Hezbollah rocket smashed into a railway depot in the port city of Haifa on "
        "Sunday, killing eight workers, as Israeli warplanes pressed their offensive in Lebanon with raids that "
        "killed at least 12 people in the southern city of Tyre."
    )
    assert summary(text) == [
        ("shelling_artillery_missile", "IL", 8, None, "Hezbollah"),
        ("air_or_drone_strike", "LB", 12, None, "IDF"),
    ]


def test_no_talks_or_deployment_from_a_cabinet_a_standing_commitment_or_a_system_in_place_for_years() -> None:
    assert summary("Israel's security cabinet met in Tel Aviv late on Sunday to weigh its next steps.") == []
    assert summary("Hezbollah denied firing the rockets and said it remained committed to the ceasefire.") == []
    assert summary("Israel has deployed the Iron Dome rocket interceptor since 2011, officials said.") == []
    # a meeting that says the same is still one; forces sent are still sent
    assert [e[0] for e in summary("Blinken, who held talks with King Abdullah in Amman on Sunday, said Washington "
                                   "remained committed to a ceasefire.")] == ["diplomacy"]  # fmt: skip
    sent = "The US has deployed two more carrier strike groups to the eastern Mediterranean, officials said on Sunday."
    assert [e[0] for e in summary(sent)] == ["military_deployment"]
    # (tag-26: forces in place since a month are a standing presence too, as the whole-article labels code it)
    assert summary("The US has deployed two carrier strike groups to the eastern Mediterranean since Oct. 7.") == []


# --- tag-28: written for these tests after errors read off the dev part of the whole-article batches


def test_a_first_count_is_no_revision_and_a_raise_told_by_it_is_one() -> None:
    # (killed, told as a revision)
    cases = {
        "Police initially put the death toll at 10, but it rose during the afternoon.": (10, False),
        "A health ministry official originally put the number of dead at 45.": (45, False),
        "By late afternoon it had risen to 54 dead and 67 wounded, officials said.": (54, True),
        "Activists later put Monday's death toll in Baba Amr at 31, with dozens wounded.": (31, True),
    }
    _assert_killed_and_revised(cases)


def test_one_of_the_deadliest_attacks_counts_no_one() -> None:
    counts = extract_counts(
        "A suicide bomber drove a car into a crowd of army recruits on Tuesday, killing dozens of young men in one of "
        "the deadliest attacks on the port."
    )
    assert (counts.killed, counts.killed_vague, counts.attack_count) == (24, True, None)
    assert extract_counts("Militias have carried out at least 23 attacks on US forces.").attack_count == 23


def test_a_raised_toll_goes_to_the_act_of_the_lede_told_with_fewer_dead() -> None:
    # two acts told in the lede, the second with no toll: the raise is the first's, not the act told last
    text = (
        "BAGHDAD (Reuters) - A car bomb tore through a crowded vegetable market in eastern Baghdad on Monday, killing "
        "at least 14 people, while a suicide bomber blew himself up among police recruits north of the capital.\n\n"
        "The car, parked beside stalls in the mainly Shi'ite district of Baladiyat, exploded shortly before noon as "
        "shoppers packed the narrow lanes.\n\n"
        "Police later raised the toll to 21 dead and said 47 people had been wounded."
    )
    assert summary(text) == [
        ("remote_explosive", "IQ", 21, 47, None),
        ("suicide_bomb", "IQ", None, None, "Unidentified armed group"),
    ]


def test_a_raise_after_acts_told_apart_stays_with_the_act_told_last() -> None:
    # the act told last had no toll yet: the raise may be its first (not the earlier act's, told with fewer dead)
    text = (
        "GAZA/JERUSALEM (Reuters) - Israeli aircraft struck targets across the Gaza Strip overnight into Sunday after "
        "Palestinian militants fired a barrage of rockets at southern Israel, killing one Palestinian, health "
        "officials said.\n\n"
        "The Israeli military said its jets and attack helicopters hit about a dozen targets belonging to Hamas, "
        "including a weapons manufacturing site.\n\n"
        "Gaza's health ministry later raised the toll to two, saying a man died of his wounds in hospital."
    )
    assert [(e.event_type, e.killed) for e in summary_events(text)] == [
        ("air_or_drone_strike", 2),
        ("shelling_artillery_missile", 1),
    ]


def test_a_count_told_by_the_hour_it_came_replaces_the_first() -> None:
    # (killed, told as a revision); a total over a period told so is still none
    cases = {
        "By evening, the health ministry said Israeli strikes on Tuesday had killed 10 Palestinians.": (10, True),
        "By nightfall it said four had died, including two members of Hamas's armed wing.": (4, True),
        "By late afternoon, the ministry said 17 people had been killed in the Sanaa raids.": (17, True),
        "By Monday, more than 300 people had been killed since the war began.": (None, False),
    }
    _assert_killed_and_revised(cases)
    text = (
        "BAGHDAD (Reuters) - A car bomb tore through a crowded market in central Baghdad on Monday, killing at least "
        "14 people and wounding 30, police said.\n\n"
        '"There was fire everywhere," said a vendor.\n\n'
        "By evening, officials at al-Kindi hospital said 17 people had died in the blast."
    )
    assert summary(text) == [("remote_explosive", "IQ", 17, 30, None)]


def test_no_one_hurt_told_in_more_ways() -> None:
    # (killed, injured)
    cases = {
        "They landed in open ground near the border, causing no damage or casualties.": (0, 0),
        "No worshippers were hurt, the mosque's imam said.": (None, 0),
        "The army said no civilians had been hurt.": (None, 0),
        "The drone fell in a field without hurting anyone.": (None, 0),
        "No US service members were killed, a Pentagon spokesman said.": (0, None),
        "No one was reported killed.": (0, None),
    }
    for sentence, want in cases.items():
        counts = extract_counts(sentence)
        assert (counts.killed, counts.injured) == want, sentence


# --- tag-29: written for these tests after errors read off the dev part of the whole-article batch b236-b239


def test_a_territorys_overall_toll_is_no_acts_toll() -> None:
    strike = "An Israeli air strike hit a house in Rafah on Monday{toll}, medics said. Neighbours dug with their hands."
    total = " The overall death toll in Gaza has risen to 30,000, the health ministry said."
    assert summary(strike.format(toll=", killing five people") + total) == [
        ("air_or_drone_strike", "PS", 5, None, "IDF")
    ]
    assert summary(strike.format(toll="") + total) == [("air_or_drone_strike", "PS", None, None, "IDF")]
    # the act's own overall toll still counts
    bombing = (
        "A car bomb exploded in the Kadhimiya district of Baghdad on Monday, killing 9 people. The overall death toll "
        "in Monday's bombing has risen to 21, police said."
    )
    assert [e[2] for e in summary(bombing)] == [21]


def test_a_raised_toll_goes_to_the_one_act_near_told_with_no_number() -> None:
    text = (
        "Warplanes of the Saudi-led coalition struck the Yemeni capital Sanaa on Monday. One strike destroyed the home "
        "of a retired officer, killing him, his wife and several relatives, residents said. Health officials initially "
        "reported 12 dead, but said on Tuesday that the toll had risen to 20."
    )
    assert summary(text) == [("air_or_drone_strike", "YE", 20, None, "Saudi Arabia")]


def test_fuel_tankers_on_land_are_no_ships() -> None:
    land = (
        "ABU DHABI - Three people were killed and six injured when suspected drones struck fuel tankers in Abu Dhabi's "
        "industrial district of Mussafah on Monday, police said, in an attack claimed by Yemen's Houthi rebels."
    )
    assert [e[0] for e in summary(land)] == ["air_or_drone_strike"]
    sea = "A Houthi drone struck a fuel tanker off the coast of Hodeidah on Monday, the crew said."
    assert [e[0] for e in summary(sea)] == ["maritime_attack"]


def test_a_reaction_told_as_a_move_others_called_leaves_the_act_asserted() -> None:
    text = (
        "Iran's Revolutionary Guards said on Monday they had seized a British-flagged oil tanker in the Strait of "
        'Hormuz, a move Britain called unacceptable and warned would bring "serious consequences" if the ship was not '
        "released."
    )
    assert ("maritime_attack", "IR") in [e[:2] for e in summary(text)]


def test_the_toll_of_the_act_answered_is_not_the_answers() -> None:
    counts = extract_counts(
        "Iran fired a salvo of ballistic missiles at two military bases in Iraq housing U.S. troops early on Monday, "
        "its first direct retaliation for the American drone strike that killed Revolutionary Guards commander "
        "Qassem Soleimani in Baghdad five days ago."
    )
    assert counts.killed is None
    # a toll of the answer told after the answered act's clause still counts
    counts = extract_counts(
        "In retaliation for a rocket attack that killed two soldiers, jets struck the camp, killing 14 militants."
    )
    assert counts.killed == 14


def test_a_missile_fired_from_the_air_is_an_air_strike() -> None:
    for sentence in (
        "A missile fired by an Israeli aircraft hit a minivan near Tyre on Monday, killing seven people.",
        "A missile fired from an Israeli drone hit a car in Tyre on Monday, killing two people.",
    ):
        assert [e[0] for e in summary(sentence)] == ["air_or_drone_strike"], sentence
    assert [e[0] for e in summary("Rockets fired by Hezbollah hit Haifa on Monday, killing two.")] == [
        "shelling_artillery_missile"
    ]


def test_no_word_of_arrests_is_no_arrest() -> None:
    text = "Gunmen killed two policemen in Tehran on Monday. There was no immediate word of arrests."
    assert [e[0] for e in summary(text)] == ["attack"]


def test_a_years_tally_is_no_act() -> None:
    for sentence in (
        "Iran executed at least 834 people last year, a Norway-based rights group said in its annual report on Monday.",
        "At least 22 women were executed in Iran, the highest number in a decade, the group said on Monday.",
    ):
        assert summary(sentence) == [], sentence
    assert [e[0] for e in summary("Iran executed two men convicted of spying for Israel on Monday.")] == ["attack"]


def test_a_period_measured_from_a_since_clause_does_not_date_the_act() -> None:
    text = (
        "Air strikes on a crowded market in the rebel-held town of Maarat al-Numan killed 31 civilians on Monday, "
        "rescuers said, in one of the bloodiest days in northwest Syria since the regime and its Russian ally "
        "stepped up their bombardment of the region three months ago."
    )
    assert [(e[0], e[2]) for e in summary(text)] == [("air_or_drone_strike", 31)]
    assert summary("Three months ago, air strikes on a market in Maarat al-Numan killed 31 civilians.") == []


def test_us_forces_spelled_with_stops_strike_too() -> None:
    # "u.s." ends in a stop: a word boundary after it never matched, so "U.S. forces struck" was no act
    text = "U.S. forces struck two facilities used by Kataib Hezbollah south of Baghdad on Monday, killing eight men."
    assert summary(text) == [("air_or_drone_strike", "IQ", 8, None, "US forces")]


def test_britains_maritime_agency_reports_and_is_no_party() -> None:
    text = (
        "Britain's UKMTO agency confirmed that a vessel had been struck on Monday some 90 nautical miles southeast of "
        "Aden, adding that no injuries were reported among the crew."
    )
    assert [(e[0], e[3], e[4]) for e in summary(text)] == [("maritime_attack", 0, None)]
