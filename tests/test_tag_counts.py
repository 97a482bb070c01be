"""Casualty counts (tag-4, ingest.tag.counts): how a toll is read from the way news phrases it. Sentences written
for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.tag import tag_article
from ingest.tag.counts import extract_counts

PUBLISHED = dt.date(2024, 6, 11)


def _killed(sentence: str) -> int | None:
    return extract_counts(sentence).killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # an exact number beats a vague one in the same sentence, however large the vague one reads
        ("Three guards were killed on Monday, a week after dozens of villagers were killed nearby.", 3),
        ("The bombing killed four medics, days after scores of aid workers were killed in the same town.", 4),
        # a vague toll alone is still read
        ("Dozens of people were killed when the market was shelled.", 24),
    ],
)
def test_an_exact_count_beats_a_vague_one(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


def test_a_vague_lede_gives_way_to_the_exact_toll_told_next() -> None:
    text = (
        "Dozens of people were killed when jets struck a market in Idlib on Monday. "
        "At least 41 people were killed in the strike, a local monitor said."
    )
    violent = [e for e in tag_article(text, published=PUBLISHED).events if e.event_type == "air_or_drone_strike"]
    assert [e.killed for e in violent] == [41]


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # "left N wounded" is not a toll of the dead
        ("The shelling killed two people and left 30 wounded.", 2, 30),
        ("The car bomb left dozens wounded in the town centre.", None, 24),
        # "left N ... dead" is
        ("The ambush left nine soldiers dead.", 9, None),
        ("The blast left a child dead and a woman injured.", 1, None),
        ("Mortar fire on the camp left 4 martyrs.", 4, None),
        ("Rocket shells fell on the market: 4 martyrs and 9 wounded.", 4, 9),
    ],
)
def test_left_counts_the_dead_only_when_it_says_dead(sentence: str, killed: int | None, injured: int | None) -> None:
    counts = extract_counts(sentence)
    assert (counts.killed, counts.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Shells hit the old market, leading to the death of eight people.", 8),
        ("The rocket landed near a school and resulted in the deaths of 11 civilians.", 11),
        ("The death toll from the raid was 45, a hospital director said.", 45),
        # a report of deaths over years is not the event's toll
        ("The monitor has documented the deaths of 5,200 civilians since 2015.", None),
    ],
)
def test_tolls_told_as_a_death_of_or_a_toll_that_was(sentence: str, killed: int | None) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("Seven soldiers and four civilians were killed in the ambush.", 11),
        ("The strike killed 12 fighters and three civilians near the border.", 15),
        ("The raid killed four women and a child.", 5),
        ("Two police officers, a driver and three passengers were killed in the blast.", 6),
        ("Gunmen opened fire on the convoy, leaving 23 civilians - including nine children - and 16 guards dead.", 39),
        # two places: two tolls, the larger one is read (not their sum)
        ("The shelling killed 12 people in Aleppo and 5 in Idlib.", 12),
        # the second number belongs to another verb
        ("The raid killed 13 people and 20 others were wounded.", 13),
        ("The raid killed 13 people and wounded 20 others.", 13),
    ],
)
def test_a_list_of_counts_is_one_toll(sentence: str, killed: int) -> None:
    assert _killed(sentence) == killed


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        # headlines without commas: the number after "killed" is the injured
        ("Five civilians killed 40 injured in rocket attack on the town", 5, 40),
        ("Mortar shells hit the market: 3 people killed 12 others wounded", 3, 12),
        # "killed N" itself still reads
        ("Gunmen killed 30 people and injured 90 at the checkpoint.", 30, 90),
    ],
)
def test_killed_then_a_number_injured_is_the_injured_count(sentence: str, killed: int, injured: int) -> None:
    counts = extract_counts(sentence)
    assert (counts.killed, counts.injured) == (killed, injured)


def test_a_headline_toll_reaches_the_first_violent_event_a_few_sentences_on() -> None:
    text = (
        "Twelve soldiers killed near Deir ez-Zor, monitor says. "
        "BEIRUT (Agency) The figure was released on Tuesday. "
        "The monitor relies on sources on the ground. "
        "A car bomb exploded at an army checkpoint near Deir ez-Zor on Tuesday."
    )
    violent = [e for e in tag_article(text, published=PUBLISHED).events if e.event_type == "remote_explosive"]
    assert [e.killed for e in violent] == [12]


def test_a_headline_toll_goes_to_the_first_violent_event_only() -> None:
    text = (
        "Twelve soldiers killed near Deir ez-Zor, monitor says. "
        "A car bomb exploded at an army checkpoint near Deir ez-Zor on Tuesday. "
        "Separately, rockets hit a village in Idlib province."
    )
    violent = [e for e in tag_article(text, published=PUBLISHED).events if e.event_type != "diplomacy"]
    assert [(e.event_type, e.killed) for e in violent] == [
        ("remote_explosive", 12),
        ("shelling_artillery_missile", None),
    ]


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # running totals over a period or a war are no event's toll
        ("More than 3,000 people have been killed in the province since March.", None),
        ("The war, which began in 2011 with a crackdown on protests, has killed more than 50,000 people.", None),
        ("In the past two weeks more than 200 civilians have been killed in the city.", None),
        ("The monitor says air strikes have killed 640 civilians since September 2014.", None),
        # a period that measures the event itself leaves its toll alone
        ("Jets struck the town on Monday, killing 12 in the deadliest raid since 2016.", 12),
        ("Shelling killed 7 people in the town on Sunday, a monitor said.", 7),
    ],
)
def test_running_totals_are_not_tolls(sentence: str, killed: int | None) -> None:
    assert _killed(sentence) == killed


def test_attacks_counted_over_a_period_are_still_counted() -> None:
    assert extract_counts("There have been at least 23 attacks on the bases since October 17.").attack_count == 23
