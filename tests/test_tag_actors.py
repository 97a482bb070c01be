"""States as parties (tag-5): a bare state name is a doer only where it acts, possessive office holders are
the state, self-reports survive a possessive or a few words of when and how, the means of a harm names its
doer, and a place a talk or recall is about or comes from is not where it happened. Sentences written for
these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.tag import tag_article
from ingest.tag.actors import actor_mentions

DAY = dt.date(2024, 7, 15)


def _events(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e.event_type, e.actor1, e.actor2, e.country_iso) for e in tag_article(text, published=DAY).events]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Jordan recalled its ambassador from Israel in protest at the war in Gaza.",
         ("diplomacy", "Jordan", None, "JO")),
        ("Turkey moved tanks and reinforcements to its border with Syria overnight.",
         ("military_deployment", "Turkey", None, "TR")),
        ("Russia withdrew several hundred troops from bases in southern Syria on Friday.",
         ("military_deployment", "Russian forces", None, "SY")),
        ("Bahrain recalled its ambassador from Beirut on Monday.", ("diplomacy", "Bahrain", None, "BH")),
    ],
)  # fmt: skip
def test_a_bare_state_name_that_acts_is_the_doer(sentence: str, expected: tuple) -> None:
    assert _events(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Gunmen attacked a checkpoint near the border with Jordan on Tuesday.",
        "The fighting in Syria displaced thousands of families, aid groups said.",
        "Clashes erupted near the road to Damascus, a monitor said.",
    ],
)
def test_a_bare_state_name_that_does_not_act_is_no_party(sentence: str) -> None:
    assert not [m for m in actor_mentions(sentence) if m.actor.name in ("Jordan", "Syria")]


def test_a_possessive_office_holder_is_the_state() -> None:
    assert _events("Turkey's president warned the SDF of a new military operation in northern Syria.") == [
        ("threat", "Turkey", "SDF", "TR")
    ]
    events = _events("Kuwait's emir received the Iranian foreign minister in Kuwait City on Sunday for talks.")
    assert events[0][:2] == ("diplomacy", "Kuwait")


def test_a_state_named_as_the_source_is_not_the_doer() -> None:
    events = _events("Islamic State fighters attacked a Syrian army post near Palmyra, killing four soldiers, "
                     "Syria's defence ministry said.")  # fmt: skip
    assert [(e[0], e[1]) for e in events] == [("armed_clash", "Islamic State")]


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("A Houthi spokesman said on Tuesday that the group had targeted a cargo ship in the Gulf of Aden.", "Houthis"),
        ("The Israeli army said in a statement that it had carried out an air strike near Nabatieh overnight.", "IDF"),
        ("Hamas's armed wing said its fighters had clashed with Israeli forces in Gaza City for a third day.", "Hamas"),
        ("Washington announced on Friday that it was sending a Patriot battery to Kuwait.", "US forces"),
    ],
)
def test_a_self_report_survives_a_possessive_and_words_of_when_and_how(sentence: str, actor: str) -> None:
    assert _events(sentence)[0][1] == actor


def test_the_means_of_a_harm_names_its_doer() -> None:
    events = _events("A journalist was killed in a Russian air strike on a town in Idlib province on Sunday.")
    assert [(e[0], e[1]) for e in events] == [("air_or_drone_strike", "Russian forces")]


def test_seizing_a_ship_and_detaining_its_crew_is_one_event() -> None:
    events = _events("Iran's navy said it had seized two oil tankers in the Strait of Hormuz and detained their crews.")
    assert [(e[0], e[1]) for e in events] == [("maritime_attack", "IRGC")]


def test_a_complaint_to_the_security_council_is_diplomacy() -> None:
    events = _events("Lebanon filed a complaint with the UN Security Council over Israeli violations of its airspace.")
    assert events == [("diplomacy", "Lebanon", "United Nations", "LB")]


def test_sanctions_by_the_treasury_office_are_the_united_states() -> None:
    events = _events("OFAC designated two Yemeni shipping firms for moving Iranian oil on behalf of the Houthis.")
    assert events[0][:2] == ("sanctions", "United States")


def test_a_victim_in_a_passive_is_the_target_not_the_doer() -> None:
    events = _events("Eleven civilians were killed in Syrian army shelling of a town in Idlib province on Friday.")
    assert [(e[0], e[1], e[2]) for e in events] == [("shelling_artillery_missile", "Syrian forces", "Civilians")]


def test_a_state_that_only_hosts_a_source_is_no_party() -> None:
    sentence = "The UK-based Syrian Observatory for Human Rights said 19 soldiers were killed in clashes near Aleppo."
    assert not [m for m in actor_mentions(sentence) if m.actor.name in ("United Kingdom", "UK forces")]


def test_the_sentence_after_a_violent_event_may_say_where_it_happened() -> None:
    text = ("A car bomb killed 22 people in northern Syria on Wednesday, state television said. "
            "The car blew up on the western edge of the town of Qamishli near the Turkish border.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.country_iso, e.place, e.admin1) for e in events] == [
        ("remote_explosive", "SY", "Qamishli", "Hasakah")
    ]


def test_a_place_after_the_story_moved_on_is_not_taken() -> None:
    text = ("A car bomb killed 22 people in northern Syria on Wednesday, state television said. "
            "Separately, Israeli jets struck a weapons depot near Quneitra.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert (events[0].event_type, events[0].admin1) == ("remote_explosive", None)


def test_doers_named_together_share_the_verb() -> None:
    events = _events("The United States and Britain carried out air strikes on Houthi targets in Yemen on Thursday.")
    assert [(e[0], e[1], e[2]) for e in events] == [("air_or_drone_strike", "US forces", "Houthis")]


def test_the_defender_that_shoots_down_drones_is_not_the_attacker() -> None:
    events = _events("US warships shot down a dozen drones launched by Yemen's Houthi movement over the Red Sea.")
    assert [(e[1], e[2]) for e in events] == [("Houthis", "US forces")]
    # intercepting a truck is a seizure by the one who stops it
    seized = _events("Egyptian border guards intercepted a truck carrying rocket launchers and ammunition near the "
                     "Libyan border.")  # fmt: skip
    assert [(e[0], e[1]) for e in seized] == [("arrest_or_seizure", "Egypt")]


def test_a_group_that_runs_a_territory_or_ministry_is_no_party() -> None:
    events = _events("Air strikes killed 40 Palestinians in Khan Younis, according to health officials in the "
                     "Hamas-run territory.")  # fmt: skip
    assert [(e[0], e[1]) for e in events] == [("air_or_drone_strike", None)]


def test_bare_militants_name_no_side() -> None:
    events = _events("Militants fired rockets at a military base in Anbar province on Monday, police said.")
    assert [(e[0], e[1], e[3]) for e in events] == [("shelling_artillery_missile", "Unidentified armed group", "IQ")]


def test_who_holds_a_place_is_no_party_to_what_happens_there() -> None:
    text = ("Four rockets were fired at a US base in eastern Syria from the river bank, which is controlled by Syrian "
            "government forces and Iran-aligned militias.")  # fmt: skip
    assert [(e[0], e[1]) for e in _events(text)] == [("shelling_artillery_missile", None)]


def test_a_protest_is_not_done_by_whom_it_denounces() -> None:
    events = _events("Thousands of people rallied in Sanaa on Friday to denounce overnight US and British strikes.")
    assert [(e[0], e[1], e[2]) for e in events] == [("protest", "Protesters", "United States")]


def test_a_leader_speaking_for_the_group_makes_it_the_doer() -> None:
    events = _events("In a televised speech, the Houthis' leader said the group would strike American ships, which he "
                     "called a legitimate target.")  # fmt: skip
    assert [(e[0], e[1]) for e in events] == [("threat", "Houthis")]


def test_a_reporting_body_named_after_a_state_is_no_party() -> None:
    text = ("A drone struck a tanker in the Gulf of Aden late on Wednesday, the UK Maritime Trade Operations centre "
            "and a security firm said.")  # fmt: skip
    assert [(e[0], e[1]) for e in _events(text)] == [("maritime_attack", None)]


def test_a_claim_of_both_attacks_names_the_doer_of_the_last_one() -> None:
    text = ("A drone was shot down near a US base at the Conoco gas field in eastern Syria late on Tuesday, a US "
            "official said. The Islamic Resistance in Iraq claimed both attacks in a statement.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert [(e.country_iso, e.actor1) for e in events] == [("SY", "Islamic Resistance in Iraq")]


def test_a_claim_of_both_attacks_names_the_doer_of_each() -> None:
    text = ("Rockets were fired at a US base in eastern Syria late on Tuesday. Hours later a drone was shot down "
            "near Erbil airport in northern Iraq. The Islamic Resistance in Iraq claimed both attacks.")  # fmt: skip
    events = tag_article(text, published=DAY).events
    assert [(e.event_type, e.country_iso, e.actor1) for e in events] == [
        ("shelling_artillery_missile", "SY", "Islamic Resistance in Iraq"),
        ("air_or_drone_strike", "IQ", "Islamic Resistance in Iraq"),
    ]
    # "the attack" names one: the earlier attack keeps no doer
    one = tag_article(text.replace("both attacks", "the attack"), published=DAY).events
    assert [e.actor1 for e in one] == [None, "Islamic Resistance in Iraq"]
