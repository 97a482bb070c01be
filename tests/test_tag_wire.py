"""Wire-copy shapes the tagger misread in the blind `b22-*`..`b24-*` passages (tag-8): datelines, tolls told in
other shapes, doers named by a blame or by a generic noun, places two states share, and cues that looked like
modality but were not. Each a general rule; the sentences here are written for these tests."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article
from ingest.tag.counts import extract_counts
from ingest.tag.places import place_mentions
from ingest.tag.text import dateline

DAY = dt.date(2024, 5, 20)


def _summary(text: str) -> list[tuple]:
    return [
        (e.event_type, e.country_iso, e.killed, e.injured, e.actor1) for e in tag_article(text, published=DAY).events
    ]


def test_datelines_in_their_wire_forms() -> None:
    cases = {
        "MOSUL, Iraq (Reuters) - Gunmen ...": "MOSUL",
        "EL-ARISH, Egypt \u2014 Militants ...": "EL-ARISH",
        "AMMAN \u2013 Crowds ...": "AMMAN",
        "RIYADH/DUBAI - Oil ...": "RIYADH/DUBAI",
        "KING KHALID MILITARY CITY, Saudi Arabia \u2014 The ...": "KING KHALID MILITARY CITY",
        "WASHINGTON, Oct 3 (Reuters) - The ...": "WASHINGTON",
        "SULAIMANI (AFP) -- A ...": "SULAIMANI",
    }
    for text, place in cases.items():
        m = dateline(text)
        assert m is not None and m.group(1) == place, text
    for text in ("UN-backed talks resumed.", "IS fighters - who fled - were caught.", "Iraq's army said."):
        assert dateline(text) is None, text


def test_the_state_in_a_dateline_is_not_a_party() -> None:
    text = (
        "TABUK, Saudi Arabia \u2014 Some 2,000 more American troops have arrived at a base in the kingdom with two "
        "Patriot batteries, US officials said on Tuesday."
    )
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [
        ("military_deployment", "US forces")
    ]


def test_tolls_in_other_shapes() -> None:
    assert extract_counts("four policemen died, along with seven of the gunmen, officials said.").killed == 11
    assert extract_counts("a captain and four soldiers of the border guard were killed in the ambush.").killed == 5
    assert extract_counts("the dead numbered 21, the ministry said.").killed == 21
    counts = extract_counts("nobody else was killed, but three guards suffered minor injuries.")
    assert (counts.killed, counts.injured) == (0, 3)


def test_a_name_two_states_share_is_the_one_in_the_state_the_sentence_names() -> None:
    def countries(sentence: str) -> list[tuple[str, str | None]]:
        return [(m.place.name, m.place.country_iso) for m in place_mentions(sentence)]

    assert ("Rafah", "EG") in countries("Gunmen attacked a police post near Rafah in North Sinai on Monday.")
    assert ("Rafah", "EG") in countries("ARISH, Egypt - A bomb went off south of Rafah.")
    assert countries("Israeli tanks pushed deeper into Rafah on Monday.") == [("Rafah", "PS")]
    # the Arabic article, as the news writes it
    assert ("El Arish", "EG") in countries("The wounded were flown to el-Arish on Monday.")


def test_doers_named_by_a_blame_or_a_generic_noun() -> None:
    text = (
        "Shells slammed into a school in government-held Aleppo on Tuesday, killing two pupils, state television "
        "said, blaming rebel factions in the countryside."
    )
    assert _summary(text)[0][4] == "Syrian opposition"
    text = (
        "A roadside bomb killed two soldiers near Tuz Khurmatu on Sunday, a security source said. "
        "He blamed Islamic State remnants hiding in the hills."
    )
    assert _summary(text) == [("remote_explosive", "IQ", 2, None, "Islamic State")]
    assert _summary("Security forces opened fire on protesters in Basra on Friday, killing two.")[0][4] == (
        "Iraqi forces"
    )
    assert _summary("A Palestinian attacker stabbed a guard at a checkpoint near Hebron on Monday.")[0][4] == (
        "Palestinian militants"
    )
    assert _summary("Turkish fire killed a smuggler on the Syrian border near Kilis on Monday.")[0][4] == "Turkey"


def test_a_monitors_name_does_not_make_its_state_a_party() -> None:
    text = (
        "Riot police fired on mourners in Zahedan on Friday, and the Norway-based Iran Human Rights group said "
        "at least 12 people were shot dead."
    )
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["attack"]


def test_cues_that_are_not_modality() -> None:
    # a superlative over a country's history is not history
    text = "Tens of thousands marched through Kuwait City on Sunday, the largest rally in the country's history."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["protest"]
    # "amid fears of" sets the scene; the act is still told
    text = "Egypt moved dozens of tanks into northern Sinai on Monday amid fears of an influx across the border."
    assert _summary(text) == [("military_deployment", "EG", None, None, "Egypt")]


def test_acts_not_done() -> None:
    text = "EU ministers debated whether to list the IRGC as a terrorist group but stopped short of a decision."
    assert _summary(text) == []
    text = "The new thriller opens with a car bomb in Beirut and an air strike on a Hezbollah convoy."
    assert _summary(text) == []
    # what a designation cites is not an act told
    text = (
        "The State Department designated two Egyptian groups as terrorists on Monday, citing a string of "
        "bombings and assassinations since 2016."
    )
    assert "remote_explosive" not in [s[0] for s in _summary(text)]
    # an earlier attack that dates a deployment is not told again
    text = "More US troops arrived in Saudi Arabia on Friday, a month after the drone attacks on its oil plants."
    assert [s[0] for s in _summary(text)] == ["military_deployment"]


def test_new_wordings_of_acts() -> None:
    assert _summary("US forces carried out strikes that destroyed three Houthi launchers in Yemen on Monday.") == [
        ("air_or_drone_strike", "YE", None, None, "US forces")
    ]
    text = "Two B-1 bombers dispatched by Washington landed at Al Udeid Air Base in Qatar on Sunday."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [
        ("military_deployment", "QA")
    ]
    text = "The IRGC navy commander said Iran would not hesitate to close the Strait of Hormuz."
    assert [(e.event_type, e.actor1) for e in tag_article(text, published=DAY).events] == [("threat", "IRGC")]


def test_what_a_protest_stands_with_is_not_its_scene() -> None:
    text = "AMMAN \u2013 Thousands rallied outside parliament on Friday in solidarity with Gaza."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [("protest", "JO")]
