"""Rules of tag-22: acts a story tells only in passing. Read off the dev part of the whole-article batches; each a
general rule. The sentences are written for these tests (published on DAY, 2024-05-20)."""

from __future__ import annotations

from tag_cases import summary, types

_TRIAL = (
    "BAGHDAD - A federal court in Baghdad on Monday opened the trial of four men accused of embezzling funds meant for "
    "rebuilding schools in Mosul. The defendants, former officials of the education directorate, deny the charges. "
    "Their lawyers asked for the hearing to be delayed.\n\n"
    "Prosecutors say more than $12 million went missing between 2018 and 2020. Parents in the city say classes are "
    "still held in tents.\n\n"
    "Mosul was retaken from Islamic State in 2017 after a nine-month battle. {aside}\n\n"
    "The court adjourned until June 3."
)


def test_a_story_of_something_else_tells_the_regions_acts_in_passing() -> None:
    # a trial of embezzlers; the bombs and strikes it mentions have no day and hurt no one it names
    aside = (
        "Militants still plant roadside bombs on rural roads south of the city, and US aircraft strike their "
        "hideouts in the Hamrin mountains."
    )
    assert types(_TRIAL.format(aside=aside)) == []


def test_one_act_with_its_own_day_makes_it_news_told_mid_story() -> None:
    aside = "On Sunday a roadside bomb killed two soldiers on a road south of the city."
    assert summary(_TRIAL.format(aside=aside)) == [("remote_explosive", "IQ", 2, None, None)]
    # a brief of a few sentences is all opening: its acts are not asides
    brief = "Prosecutors in Baghdad opened a trial on Monday. Militants planted roadside bombs south of Mosul."
    assert types(brief) == ["remote_explosive"]
