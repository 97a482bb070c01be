"""Wire-copy shapes the tagger misread in the blind `b22-*`..`b24-*` passages (tag-8): datelines, tolls told in
other shapes, doers named by a blame or by a generic noun, places two states share, and cues that looked like
modality but were not. Each a general rule; the sentences here are written for these tests."""

from __future__ import annotations

import datetime as dt

from ingest.tag import tag_article
from ingest.tag.counts import extract_counts
from ingest.tag.places import place_mentions
from ingest.tag.text import dateline
from tag_cases import DAY, summary


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
    assert summary(text)[0][4] == "Syrian opposition"
    text = (
        "A roadside bomb killed two soldiers near Tuz Khurmatu on Sunday, a security source said. "
        "He blamed Islamic State remnants hiding in the hills."
    )
    assert summary(text) == [("remote_explosive", "IQ", 2, None, "Islamic State")]
    assert summary("Security forces opened fire on protesters in Basra on Friday, killing two.")[0][4] == (
        "Iraqi forces"
    )
    assert summary("A Palestinian attacker stabbed a guard at a checkpoint near Hebron on Monday.")[0][4] == (
        "Palestinian militants"
    )
    assert summary("Turkish fire killed a smuggler on the Syrian border near Kilis on Monday.")[0][4] == "Turkey"


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
    assert summary(text) == [("military_deployment", "EG", None, None, "Egypt")]


def test_acts_not_done() -> None:
    text = "EU ministers debated whether to list the IRGC as a terrorist group but stopped short of a decision."
    assert summary(text) == []
    text = "The new thriller opens with a car bomb in Beirut and an air strike on a Hezbollah convoy."
    assert summary(text) == []
    # what a designation cites is not an act told
    text = (
        "The State Department designated two Egyptian groups as terrorists on Monday, citing a string of "
        "bombings and assassinations since 2016."
    )
    assert "remote_explosive" not in [s[0] for s in summary(text)]
    # an earlier attack that dates a deployment is not told again
    text = "More US troops arrived in Saudi Arabia on Friday, a month after the drone attacks on its oil plants."
    assert [s[0] for s in summary(text)] == ["military_deployment"]


def test_new_wordings_of_acts() -> None:
    assert summary("US forces carried out strikes that destroyed three Houthi launchers in Yemen on Monday.") == [
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


def test_more_wordings_from_the_same_batches() -> None:
    # a toll told as bodies received
    assert extract_counts("the hospital said it had received the bodies of 14 people, six of them women.").killed == 14
    # executions by hanging, and their toll
    assert summary("Iran hanged three men convicted of spying for Israel on Saturday, the judiciary said.")[0][:3] == (
        "attack",
        "IR",
        3,
    )
    # who fired from Gaza
    assert summary("Militants in Gaza fired a barrage of rockets at Ashkelon on Monday, the army said.")[0][4] == (
        "Palestinian militants"
    )
    # troops leaving or moving in, subject first
    text = "Israeli troops withdrew from the Lebanese village of Kfar Kila on Tuesday, the army said."
    assert [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events] == [
        ("military_deployment", "LB")
    ]
    # a threat to close the strait
    text = "A Revolutionary Guards commander said on Monday that Iran could close the Strait of Hormuz at any time."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["threat"]
    # devices defused are not a bombing
    text = "Police in Kirkuk defused two explosive devices planted near a school on Sunday."
    assert [e.event_type for e in tag_article(text, published=DAY).events] == ["arrest_or_seizure"]


def _where(text: str) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.country_iso) for e in tag_article(text, published=DAY).events]


def test_a_dateline_is_the_scene_only_when_nothing_else_is() -> None:
    assert _where("BEIRUT (AP) \u2014 Russian warplanes pounded a market in Syria's Idlib province overnight.") == [
        ("air_or_drone_strike", "SY")
    ]
    assert _where("ADEN \u2014 A suicide bomber blew himself up at a checkpoint on Monday, officials said.") == [
        ("suicide_bomb", "YE")
    ]
    # "the kingdom" is Saudi Arabia unless the sentence is placed in another kingdom
    text = "AMMAN - Jordanian police arrested nine men plotting attacks inside the kingdom, officials said."
    assert _where(text) == [("arrest_or_seizure", "JO")]
    assert _where("Two more Patriot batteries were deployed to the kingdom on Monday, the Pentagon said.") == [
        ("military_deployment", "SA")
    ]


def test_places_that_are_not_the_scene() -> None:
    # where the attacker came from
    text = "HOLON, Israel - A Palestinian from the West Bank town of Qalqilya stabbed two people at a bus stop in Holon"
    assert _where(text) == [("attack", "IL")]
    # what a chant or a ship is about
    assert _where("Thousands rallied in the Yemeni capital on Friday, chanting death to Israel.") == [("protest", "YE")]
    text = "The Houthis said they had fired missiles at an American ship supporting Israel in the Red Sea."
    assert [country for _, country in _where(text)] == ["YE"]
    # villages of the border wars the gazetteer's population cut missed
    assert _where("Islamic State fighters attacked army posts around Arsal on Saturday.")[0][1] == "LB"


def test_executions_and_their_years() -> None:
    # the state executes, by its courts, not its forces
    assert summary("Iran hanged two men on Thursday for killing a Basij member, the judiciary said.") == [
        ("attack", "IR", 2, None, "Iran")
    ]
    # a past year told far after the act says why, not when
    text = (
        "Houthi authorities executed nine men by firing squad in Sanaa's Tahrir Square on Saturday after "
        "convicting them of involvement in the 2018 killing of a senior official."
    )
    assert summary(text) == [("attack", "YE", 9, None, "Houthis")]


def test_stories_that_are_not_about_acts() -> None:
    text = "The US military dismissed social media posts claiming American jets had hit a militia base near Baghdad."
    assert summary(text) == []
    text = (
        "A Yemeni drama won warm applause at its screening at a film festival in Jeddah on Sunday. "
        "In one scene an air raid hits a street in Aden and the family dives under the table."
    )
    assert summary(text) == []
    text = "A squadron of F-15E Strike Eagles has arrived at Muwaffaq Salti air base in Jordan, CENTCOM said."
    assert [s[0] for s in summary(text)] == ["military_deployment"]


def test_two_acts_in_one_sentence_after_a_phrase_with_to() -> None:
    text = (
        "Shopkeepers in Tehran marched on parliament in protest at the rial's fall to a record low, and police "
        "detained 30 people, a news agency said."
    )
    assert sorted(e for e, _ in _where(text)) == ["arrest_or_seizure", "protest"]
    text = "The coalition said its jets had destroyed the launcher in al-Jawf province."
    assert _where(text) == [("air_or_drone_strike", "YE")]


def test_a_patron_named_in_a_compound_is_not_a_party() -> None:
    text = (
        "BAMAKO - Jihadist fighters stormed a military airport in the Malian capital on Tuesday, and the "
        "al-Qaeda-linked JNIM group claimed the assault."
    )
    assert summary(text) == []


def test_tolls_belong_to_violence_and_to_single_victims() -> None:
    # an arrest told beside the toll of an earlier event carries no toll
    text = (
        "Turkish police detained 52 officers on Tuesday in raids across 19 provinces against the network that "
        "Ankara blames for the July 2016 coup attempt, which killed 251 people."
    )
    assert summary(text) == [("arrest_or_seizure", "TR", None, None, "Turkey")]
    # one named victim
    text = "Ihab al-Wazni, a protest organiser, was shot dead outside his home in Karbala on Sunday."
    assert summary(text)[0][2] == 1
    text = "Ismail Haniyeh was killed along with one of his bodyguards when a blast ripped through a house in Tehran."
    assert summary(text)[0][2] == 2
    # nobody hurt, told other ways
    assert extract_counts("the rockets fell into the sea without causing damage or injuries.").injured == 0
    counts = extract_counts("the missiles were intercepted and there were no deaths or injuries.")
    assert (counts.killed, counts.injured) == (0, 0)


def test_streets_and_recollections_are_not_scenes_or_acts() -> None:
    assert _where("A drone strike hit a building on Palestine Street in Baghdad on Thursday.") == [
        ("air_or_drone_strike", "IQ")
    ]
    text = "The plot recalled the suicide bombing of a Shiite mosque in Kuwait City that killed 27 worshippers."
    assert [t for t, _ in _where(text)] == []


def test_vows_of_retaliation_are_threats() -> None:
    for text in (
        "Hezbollah said the killing of its commander in Beirut will not pass without response and punishment.",
        "Iran's supreme leader said on Wednesday that avenging the commander was Tehran's duty.",
        "Iran's ambassador in Damascus said Tehran's response would be decisive.",
    ):
        assert [e.event_type for e in tag_article(text, published=DAY).events] == ["threat"], text


def test_deployments_told_other_ways() -> None:
    cases = {
        "Around 150 Turkish soldiers backed by 20 tanks moved into a camp near Bashiqa in Iraq on Friday.": "IQ",
        "Convoys carrying commandos and howitzers rolled into Kilis province in Turkey on Wednesday.": "TR",
        "A Patriot battery had been moved from Saudi Arabia to Kuwait's Ali Al Salem air base, officials said.": "KW",
        "A squadron of F-22 Raptors touched down at Al Dhafra Air Base in the UAE on Saturday.": "AE",
    }
    for text, country in cases.items():
        assert _where(text) == [("military_deployment", country)], text
    text = "More US fighter jets have arrived in the UAE to bolster defences after a string of Houthi missile attacks."
    assert [t for t, _ in _where(text)] == ["military_deployment"]


def test_a_story_that_opens_with_a_disaster_is_about_it() -> None:
    text = (
        "Floods swept through the Omani capital Muscat on Sunday, killing 11 people. "
        "Omani troops were deployed to Al Suwaiq with boats and helicopters."
    )
    assert summary(text) == []


def test_an_earlier_act_named_by_its_date_and_a_scenario_are_not_events() -> None:
    text = (
        "Officials at Ain al-Asad still speak of the January 2020 Iranian ballistic missile barrage that injured "
        "more than 100 American troops."
    )
    assert tag_article(text, published=dt.date(2021, 1, 15)).events == []
    text = "Any Iranian attempt to close the Strait of Hormuz would trigger a swift US response, a research unit said."
    assert summary(text) == []


def test_acts_outside_the_region_or_in_drills_and_rescues_are_not_coded() -> None:
    text = (
        "Russia launched a wave of drones at Kyiv overnight. Ukraine's air force said it had shot down 41 of the "
        "56 drones. The attack came hours after Tehran again denied supplying the drones."
    )
    assert summary(text) == []
    text = (
        "Army helicopters and hundreds of soldiers were deployed across the Batinah coast on Monday to pluck "
        "families from rooftops after Cyclone Shaheen slammed into northern Oman."
    )
    assert summary(text) == []
    assert [s[0] for s in summary("Britain sent two Typhoon fighter jets to Qatar on Monday.")] == [
        "military_deployment"
    ]
    text = "The Revolutionary Guards fired cruise missiles at mock enemy targets near the Strait of Hormuz on Tuesday."
    assert summary(text) == []


def test_a_party_named_like_a_states_forces_is_not_them() -> None:
    events = tag_article("Gunmen shot dead an official of the Lebanese Forces party near Jbeil.", published=DAY).events
    assert [(e.event_type, e.actor2) for e in events] == [("attack", "Lebanese Forces")]


def test_tolls_told_without_numbers_or_with_a_running_total_beside_them() -> None:
    assert extract_counts("gunmen opened fire on the lawyer, killing him on the spot, police said.").killed == 1
    assert extract_counts("his driver was seriously wounded.").injured == 1
    assert extract_counts("the command did not say whether anyone was killed.").killed is None
    assert extract_counts("the vessel was hit, with no crew members hurt, the agency said.").injured == 0
    counts = extract_counts("the toll stood at 28 dead, with 73 others being treated in hospitals across the capital.")
    assert (counts.killed, counts.injured) == (28, 73)
    assert extract_counts("three others were rushed to the national hospital in the town.").injured == 3
    # a running total in a later clause is not the day's toll
    text = (
        "nine people, two of them civilians caught in the crossfire, died in the day's fighting, according to a "
        "local network, which put the toll since the unrest erupted a week ago at more than 70."
    )
    assert extract_counts(text).killed == 9
