"""Rules of tag-23 (second part): stories whose news is an act's aftermath, accidents, and the wounded counted anew.
Read off the dev part of the whole-article batch b148-b151; each a general rule. The stories are written for these
tests (published on DAY, 2024-05-20, a Monday)."""

from __future__ import annotations

from ingest.tag.counts import extract_counts
from tag_cases import summary


def test_a_funeral_for_the_dead_of_an_act_days_old_reports_no_act() -> None:
    text = (
        "ERBIL, Iraq - Hundreds of mourners gathered at a cemetery near Makhmour on Monday to bury three soldiers "
        "killed last week in an Islamic State ambush.\n\n"
        "The coffins, draped in the Iraqi flag, were carried through the town by fellow soldiers.\n\n"
        "The three died on Wednesday when militants attacked their patrol with machine guns and a roadside bomb, "
        "the army said. Two other soldiers were wounded in the ambush.\n\n"
        "The ambush was one of several attacks in the area in recent months, officials said."
    )
    assert summary(text) == []


def test_reactions_to_an_act_days_old_report_no_act_but_a_new_one_stands() -> None:
    text = (
        "CAIRO - Condemnations continued to pour in on Monday over Friday's suicide bombing at a church in Tanta, "
        "which killed at least 30 people.\n\n"
        "The Arab League called the bombing a cowardly crime. Saudi Arabia and Jordan sent condolences.\n\n"
        "The bomber blew himself up at the church gate during the morning service on Friday, the interior "
        "ministry said.\n\n"
        "On Monday, gunmen shot dead a police officer at a checkpoint in El-Arish, security sources said."
    )
    assert summary(text) == [("attack", "EG", 1, None, "Unidentified armed group")]


def test_a_funeral_the_day_after_its_act_is_still_news_of_it() -> None:
    text = (
        "GAZA - Thousands of mourners attended the funeral on Monday of five people killed in an Israeli air strike "
        "on a house in Rafah on Sunday, medics said."
    )
    assert [e[0] for e in summary(text)] == ["air_or_drone_strike"]


def test_an_explosion_from_an_accident_is_no_attack() -> None:
    text = (
        "MERSIN, Turkey - An explosion ripped through a chemical warehouse at the port on Monday, killing four "
        "workers, the governor said, adding that the blast appeared to have been caused by a gas leak."
    )
    assert summary(text) == []
    assert summary("The governor ruled out sabotage after the blast at the refinery killed two workers.") == []


def test_what_a_word_means_is_no_arrest() -> None:
    assert summary("Ankara routinely uses the term to mean killed, captured or surrendered.") == []


def test_the_wounded_counted_anew() -> None:
    cases = {
        "A tenth person was later taken to hospital, raising the number of wounded to ten.": (None, 10),
        "The health authority has raised the number of wounded in this morning's bombing to 19.": (None, 19),
        "By evening the civil defence had revised its figures to 12 dead and 20 wounded.": (12, 20),
    }
    for sentence, (killed, injured) in cases.items():
        counts = extract_counts(sentence)
        assert (counts.killed, counts.injured) == (killed, injured), sentence
        assert counts.killed_revised or counts.injured_revised, sentence


def test_a_later_count_of_the_wounded_replaces_the_first_far_or_named() -> None:
    text = (
        "KILIS, Turkey - Rockets fired from Syria slammed into the border town of Kilis on Monday, killing two "
        "people and wounding at least eight, officials said.\n\n"
        "The governor's office said the eight wounded were five Turkish citizens and three Syrian refugees.\n\n"
        '"We hear the whistle and we run," said one shopkeeper. Schools were closed for the day.\n\n'
        "Later on Monday a ninth person was taken to hospital, raising the number of wounded to nine."
    )
    assert summary(text) == [("shelling_artillery_missile", "TR", 2, 9, None)]
    blog = (
        "09:15 - A car bomb has exploded near a bakery in Qamishli, killing four people and wounding 17, local "
        "officials say.\n\n"
        "13:30 - The SDF say a Turkish drone struck a car near Kobani, killing two of their fighters.\n\n"
        "18:40 - The health authority has raised the number of wounded in this morning's car bomb to 21."
    )
    assert [(e[0], e[2], e[3]) for e in summary(blog)] == [
        ("remote_explosive", 4, 21),
        ("air_or_drone_strike", 2, None),
    ]
