"""Rules of tag-23 (third part): how a round of fighting began, a live blog's context entry, calls that are no talks,
funeral processions, missions at their station, a party's silence and what a word means. Read off the dev part of
the whole-article batch b152-b155; each a general rule. The sentences are written for these tests (published on
DAY, 2024-05-20)."""

from __future__ import annotations

from tag_cases import summary, types


def test_how_the_fighting_began_is_its_history() -> None:
    assert summary("The crisis began on Friday when militants crossed the border and captured two soldiers.") == []
    assert summary("Israel says the war began when Hamas-led gunmen killed some 1,200 people in southern Israel.") == []
    # fighting that erupted today, told without a "when", is still news
    assert "armed_clash" in types(
        "The fighting erupted on Monday after the SDF detained a tribal commander in Deir ez-Zor."
    )


def test_a_live_blogs_context_entry_is_background() -> None:
    text = "14:20 - Some context: Israeli drones have struck targets in the West Bank since last summer."
    assert summary(text) == []


def test_calls_for_a_halt_or_a_ceasefire_are_no_talks() -> None:
    assert (
        summary("The UN envoy called on the Houthis to halt their offensive on Marib, warning of a catastrophe.") == []
    )
    assert summary("Lebanon's prime minister called for an immediate ceasefire on Monday.") == []
    # a call made in talks is still talks
    assert types("The envoy met Houthi leaders in Sanaa on Monday and urged them to halt the offensive.") == [
        "diplomacy"
    ]


def test_a_funeral_procession_is_no_protest() -> None:
    text = "Thousands of mourners followed the small coffins through Khan Younis on Monday, some chanting for revenge."
    assert summary(text) == []


def test_a_mission_at_its_station_for_months_is_no_deployment() -> None:
    text = "A European naval mission has been operating in the Red Sea since February alongside US warships."
    assert summary(text) == []


def test_silence_and_definitions_tell_no_act() -> None:
    assert summary("The Palestinian presidency did not comment on the stabbing in Jerusalem.") == []
    text = '"Seven terrorists were neutralised," it said, a term the authorities use to mean killed or captured.'
    assert summary(text) == []


def test_an_anniversary_to_the_day_an_explainer_and_a_markets_rally_tell_no_act() -> None:
    text = (
        "NORFOLK, Va. - Twenty years to the day after suicide bombers blew a hole in the side of a warship in Aden, "
        "sailors and families gathered on Monday at a memorial to read the names of the dead."
    )
    assert summary(text) == []
    explainer = (
        "EXPLAINER: Why the Red Sea is still empty\n\n"
        "For months, the Houthis attacked merchant ships with missiles and drones, and insurers raised their premiums."
    )
    assert summary(explainer) == []
    assert summary("The benchmark index closed up 8.4 percent, with banks and exporters leading the rally.") == []


def test_the_crime_a_court_sentences_for_is_no_act_but_an_execution_is() -> None:
    text = (
        "An Israeli military court on Wednesday sentenced a Palestinian man to two consecutive life terms for a "
        "stabbing attack near the Gush Etzion junction last year that killed two Israelis."
    )
    assert summary(text) == []
    text = (
        "A Kuwaiti appeals court on Sunday upheld the death sentence of a man convicted of driving the suicide bomber "
        "who attacked a packed mosque in June."
    )
    assert summary(text) == []
    text = "The interior ministry said three men convicted of terrorism offences had been executed in Riyadh on Monday."
    assert types(text) == ["attack"]


def test_a_truce_weeks_old_and_a_rally_of_shares_are_no_news() -> None:
    assert summary("A month into the Gaza ceasefire, the Red Sea is quiet.") == []
    assert summary("The EGX30 index closed up 8.4 percent on Monday, with banks and exporters leading the rally.") == []
