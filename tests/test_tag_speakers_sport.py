"""Rules of tag-26: sport told in war words beyond football, talks that were not held, acts told as later than a
recalled one, campaigns told as rounds or as what stays common or goes on, a speaker named by surname or before a
quote, "no one was killed" said of an act a few sentences back, ordinary crime, questions, a story filed from another
war, two acts of one kind in two places. Read off the dev part of the whole-article set; general rules. The stories
are written for these tests (published on DAY, 2024-05-20, a Monday)."""

from __future__ import annotations

from tag_cases import doers, summary, types


def test_a_boxing_story_told_in_war_words_has_no_event() -> None:
    text = (
        "RIYADH - A Nigerian-born heavyweight demolished his Russian opponent inside four rounds at the Kingdom Arena "
        "on Saturday night, unleashing a barrage of right hands that left the former champion slumped against the "
        "ropes and the referee waving off the fight.\n\n"
        '"But my coach told me to stay patient, to wait for the ambush," he said in the ring.\n\n'
        "The win makes him the mandatory challenger for the undisputed heavyweight crown, according to the "
        "sanctioning body."
    )
    assert summary(text) == []
    # (a race's name alone is no sport story: a strike near the Jeddah Grand Prix is news)
    race = (
        "JEDDAH - A Houthi missile struck a fuel depot in Jeddah on Friday, sending smoke over the city as drivers "
        "practised for the Saudi Arabian Grand Prix nearby."
    )
    assert types(race) == ["shelling_artillery_missile"]


def test_talks_postponed_or_called_off_are_no_talks() -> None:
    text = (
        "BAGHDAD - A round of talks between Iraq and the United States on ending the mission of the U.S.-led "
        "coalition, which had been due to take place in Washington this week, has been postponed, Iraqi officials "
        "said on Monday."
    )
    assert types(text) == []
    called_off = "AMMAN - Jordan's king called off a planned summit with the Egyptian and Palestinian leaders today."
    assert types(called_off) == []
    held = "BAGHDAD - Iraqi and U.S. officials held talks in Baghdad on Monday on ending the coalition's mission."
    assert types(held) == ["diplomacy"]


def test_an_act_told_days_later_than_a_recalled_act_is_background_too() -> None:
    text = (
        "BAGHDAD - Iraq's prime minister is under pressure from Iran-aligned factions to set a date for the U.S. "
        "exit, officials said on Monday.\n\nThe factions' pause followed a drone attack on Jan. 28 on the Tower 22 "
        "outpost in Jordan, which killed three U.S. soldiers. Washington responded days later with strikes on "
        "dozens of targets in Iraq and Syria."
    )
    assert types(text) == []
    # (days later than the news is still news)
    news = (
        "BAGHDAD - A drone struck the Ain al-Asad air base in western Iraq early on Monday, wounding two U.S. "
        "soldiers, the Pentagon said.\n\nHours later, U.S. jets struck a militia depot near al-Qaim."
    )
    assert types(news) == ["air_or_drone_strike", "air_or_drone_strike"]


def test_campaigns_told_as_rounds_since_a_day_or_as_what_stays_common_are_no_acts() -> None:
    rounds = (
        "U.S. and British forces have carried out several rounds of strikes on Houthi targets in Yemen since "
        "January 12."
    )
    assert types(rounds) == []
    common = "U.S. commanders say car bombs and suicide attacks remain frequent in Baghdad."
    assert types(common) == []
    standing = (
        "The United States has deployed two aircraft carrier strike groups to the eastern Mediterranean since "
        "October, a move officials describe as a message to Iran."
    )
    assert types(standing) == []
    reported = (
        "ADEN - The coast guard commander said his men had intercepted dozens of dhows carrying drone components "
        "and rockets off Yemen since 2016. For him, the war in Yemen is fought as much at sea as on land."
    )
    assert types(reported) == []
    total = "More than 130 Palestinians have been killed in the West Bank since January, officials said."
    assert types(total) == []


def test_what_suspects_are_questioned_about_is_no_act() -> None:
    text = (
        "BAQOUBA, Iraq - Police in Diyala province arrested 14 suspected insurgents in raids on villages on Monday. "
        "A police spokesman said the suspects were being questioned about a series of attacks on local markets."
    )
    assert types(text) == ["arrest_or_seizure"]


def test_a_claim_naming_where_the_ship_was_bound_stays_at_sea() -> None:
    text = (
        "DUBAI - Yemen's Houthi militia fired two anti-ship missiles at a Greek-owned bulk carrier in the Gulf of "
        "Aden on Monday, causing minor damage, maritime security sources said.\n\n"
        "Houthi military spokesman Yahya Saree said the group's naval forces had targeted the ship because it was "
        'bound for ports of "occupied Palestine".'
    )
    assert [(e[0], e[1], e[4]) for e in summary(text)] == [("maritime_attack", "YE", "Houthis")]


def test_a_speaker_named_by_surname_speaks_for_the_party_that_titled_him() -> None:
    text = (
        "DUBAI - Yemen's Houthi militia fired two anti-ship missiles at a bulk carrier in the Gulf of Aden on Monday, "
        "Houthi military spokesman Yahya Saree said.\n\n"
        'Saree warned that the United States and Britain "will pay a heavy price" for their aggression.'
    )
    assert doers(text) == [("maritime_attack", "Houthis"), ("threat", "Houthis")]
    # the quote that goes on right after a threat is the same speaker's
    quoted = (
        "DUBAI - Houthi military spokesman Yahya Saree said on Monday the group had fired missiles at a ship in the "
        'Red Sea.\n\nSaree vowed retaliation. "The American and British aggression will not go unanswered, and our '
        'forces will strike every ship heading to the ports of occupied Palestine."'
    )
    assert doers(quoted)[-1] == ("threat", "Houthis")
    assert [d for d in doers(quoted) if d[0] == "threat"] == [("threat", "Houthis")]


def test_titled_speakers_and_the_surnames_that_speak() -> None:
    from ingest.tag.actors import speaking_surname, titled_speakers

    story = (
        "Houthi military spokesman Yahya Saree spoke first. Coalition spokesman Brig. Gen. Turki Al-Maliki replied. "
        "Israeli Defence Minister Moshe Yaalon said nothing. Defence Minister Hulusi Akar was visiting."
    )
    assert {k: a.name for k, a in titled_speakers(story).items()} == {
        "saree": "Houthis",
        "maliki": "Coalition",
        "yaalon": "Israel",
    }  # (a title no party stands before names no party)
    assert speaking_surname('Saree warned that the United States "will pay a heavy price".') == "saree"
    assert speaking_surname("In the same address, Mr Saree warned the Emirates.") == "saree"
    assert speaking_surname('"We will strike the source of fire every time," Yaalon told reporters.') == "yaalon"
    assert speaking_surname("Al-Maliki warned that the coalition would respond.") == "maliki"
    assert speaking_surname("The United States said it would respond.") is None


def test_no_one_killed_is_said_of_the_act_of_its_paragraph_a_few_sentences_back() -> None:
    text = (
        "RIYADH - Saudi air defences on Monday intercepted a ballistic missile launched by the Houthi militia toward "
        "the southern city of Jazan, the coalition said, with falling fragments wounding two civilians.\n\n"
        "The coalition spokesman said debris from the intercepted missile fell on a residential neighbourhood, "
        "damaging several houses and vehicles. Two residents, a Saudi citizen and a Yemeni national, suffered light "
        "injuries and were taken to hospital, the Saudi Press Agency reported. No deaths were reported."
    )
    assert summary(text) == [("shelling_artillery_missile", "SA", 0, 2, "Houthis")]
    # (another paragraph's "no one was killed" is not said of it)
    apart = (
        "RIYADH - A Houthi drone struck near the airport in Abha on Monday, wounding eight civilians, the coalition "
        "said.\n\nThe wounded included two children. Flights resumed later.\n\n"
        "In a separate development, talks on a truce made no progress. No deaths were reported."
    )
    assert summary(apart)[0][2] is None


def test_a_quote_threat_is_spoken_by_the_party_of_the_sentence_before_the_quote() -> None:
    text = (
        "JERUSALEM - Rockets fired from Gaza hit the southern town of Sderot on Monday, wounding two people.\n\n"
        "Prime Minister Benjamin Netanyahu, speaking after a meeting with Israeli commanders in Tel Aviv, said the "
        'campaign would intensify. "Hamas will pay a heavy price for firing at our citizens," he said.'
    )
    assert summary(text)[-1] == ("threat", "IL", None, None, "Israel")
    # the quote may go on for sentences after its speaker's: one threat, his party's
    longer = (
        "DUBAI - US jets struck Houthi missile launchers near Hodeidah on Monday, CENTCOM said.\n\n"
        "In a televised speech, Houthi leader Abdul Malik al-Houthi vowed to widen the campaign. "
        '"American and British ships will be targets for our missiles wherever they sail in the Red Sea," he said. '
        '"Every new aggression will be met with a stronger response."'
    )
    assert [d for d in doers(longer) if d[0] == "threat"] == [("threat", "Houthis")]
    # (a sentence that names its own speaker keeps it)
    own = (
        "RIYADH - The first of 3,000 more US troops arrived in Saudi Arabia on Monday, the Pentagon said. In Tehran, "
        "Revolutionary Guards commander Hossein Salami warned that any country that lets its soil be used for an "
        "attack on Iran will itself become the battlefield, and 'we will strike it,' he said."
    )
    assert [d for d in doers(own) if d[0] == "threat"] == [("threat", "IRGC")]


def test_an_antiquities_gang_and_its_arrests_are_no_security_news() -> None:
    text = (
        "CAIRO - Egyptian police have broken up a gang accused of digging illegally for antiquities under a house in "
        "Luxor and smuggling the finds abroad, arresting nine people, the Interior Ministry said on Monday.\n\n"
        "Those arrested include the owner of the house and a former employee of the antiquities ministry, according "
        "to a security source."
    )
    assert types(text) == []
    # (militants arrested are still arrests)
    cell = "CAIRO - Egyptian police arrested nine suspected members of an Islamic State cell in Giza on Monday."
    assert types(cell) == ["arrest_or_seizure"]


def test_a_question_asserts_no_act() -> None:
    text = (
        "Iran's nuclear programme: what we know.\n\nWHAT ABOUT SANCTIONS?\n\n"
        "Will Israel strike Iran's nuclear sites this year?"
    )
    assert types(text) == []


def test_a_story_filed_from_another_war_codes_nothing_no_party_of_the_region_did() -> None:
    text = (
        "GOMA, Democratic Republic of Congo (Reuters) - Fighting between M23 rebels and pro-government militias "
        "killed at least 20 people in eastern Congo on Monday, even as delegations from both sides met in Qatar to "
        "try to agree a truce.\n\nAt least four civilians were killed when shells struck a market, a local leader said."
    )
    assert types(text) == []


def test_campaigns_that_go_on_and_what_a_recalled_act_set_off_are_background() -> None:
    text = (
        "U.S. and British warplanes have struck Houthi targets in Yemen repeatedly since Jan. 12, but the attacks "
        "on shipping have continued."
    )
    assert types(text) == []
    listed = "The PKK is designated a terrorist organisation by Turkey, the United States and the European Union."
    assert types(listed) == []
    text = (
        "ANKARA - Turkish warplanes struck PKK positions in the Qandil mountains of northern Iraq overnight, the "
        "defence ministry said on Monday.\n\nEarlier this month, a Turkish air strike near the town of Sidakan "
        "killed two civilians, according to local officials, prompting small demonstrations in the area."
    )
    assert types(text) == ["air_or_drone_strike"]
    seized = (
        "BAGHDAD - Iraqi police detained six men in Adhamiya on Monday. The troops also seized two vehicles packed "
        "with explosives and a stack of mortar rounds in a garage near the raided houses."
    )
    assert types(seized) == ["arrest_or_seizure"]
    despite = (
        "BAGHDAD - A car bomb killed 14 people in a Baghdad market on Monday, police said. The bloodshed came "
        "despite a security crackdown launched in February, under which thousands of extra U.S. and Iraqi troops "
        "have been sent onto the streets of the capital."
    )
    assert types(despite) == ["remote_explosive"]


def test_a_date_last_year_and_last_month_of_the_same_name_are_a_year_back() -> None:
    import datetime as dt

    from ingest.tag.dates import resolve_date

    day = dt.date(2022, 5, 21)
    assert resolve_date("flattened by an Israeli air strike on May 15 last year", day) == (dt.date(2021, 5, 15), "day")
    assert resolve_date("on 15 May last year", day) == (dt.date(2021, 5, 15), "day")
    assert resolve_date("last May", day) == (dt.date(2021, 5, 1), "month")
    assert resolve_date("on May 15", day) == (dt.date(2022, 5, 15), "day")
    text = (
        "GAZA - A year after the May 2021 ceasefire, Gaza City's Rimal district still bears the scars of the war, "
        "residents said on Monday.\n\nWhere the al-Jalaa tower was flattened by an Israeli air strike on May 15 last "
        "year, the lot remains an expanse of rubble."
    )
    assert types(text) == []


def test_parades_arsenals_inquiries_condolences_and_firsts_are_no_acts() -> None:
    parade = (
        "TEHRAN - Iran's regular army paraded long-range drones, a locally built air defence system and short-range "
        "ballistic missiles through southern Tehran on Monday as the Islamic Republic marked National Army Day."
    )
    assert types(parade) == []
    arsenal = (
        "The report estimates that the group now fields at least five types of one-way attack drone, alongside "
        "ballistic missiles capable of reaching Riyadh."
    )
    assert types(arsenal) == []
    inquiry = (
        "RAMALLAH - The Israeli military said on Monday that it had opened a criminal investigation into the death "
        "of a Palestinian man who was shot near a checkpoint south of Nablus."
    )
    assert types(inquiry) == []
    condolences = "Parliament's speaker sent condolences to the families of the two soldiers killed in Hakkari."
    assert "military_deployment" not in types(condolences)
    first = (
        "ADEN - A Houthi missile struck a bulk carrier in the Gulf of Aden on Monday, wounding three crew.\n\n"
        "It was the first strike to damage a merchant ship since the Rubymar was hit on February 18."
    )
    assert types(first) == ["maritime_attack"]


def test_campaigns_over_a_span_and_sanctions_sought_to_be_eased_are_background() -> None:
    assert types("Egyptian and UN mediators have been working for months to shore up a truce in Gaza.") == []
    assert types("The Houthis' attacks on merchant shipping have forced most vessels to avoid the Red Sea.") == []
    assert types("The Observatory says air raids on Aleppo have killed more than 500 people since mid-December.") == []
    assert types("Syria's new leaders are seeking to ease Western sanctions imposed during Assad's rule.") == []
    assert types("The officials have since met in Beijing and Riyadh to prepare the reopening of embassies.") == []
    assert (
        types("Kerry accused Damascus of stepping up the bombardment to strengthen its hand at the negotiating table.")
        == []
    )
    that_summer = (
        "DUBAI - Iran's Revolutionary Guards seized a tanker in the Strait of Hormuz on Monday.\n\n"
        "In June 2019, Iran shot down a U.S. drone over the strait. That summer, several tankers were also damaged by "
        "limpet mines off Fujairah."
    )
    assert types(that_summer) == ["maritime_attack"]


def test_two_acts_of_one_kind_in_two_places_each_with_its_toll_are_two_events() -> None:
    text = (
        "BAGHDAD (Reuters) - A roadside bomb killed three U.S. soldiers and wounded two others near the city of "
        "Baquba on Monday, the U.S. military said, and a car bomb tore through a crowded market in central Baghdad, "
        "killing at least 11 people."
    )
    assert [(e[0], e[2], e[3]) for e in summary(text)] == [("remote_explosive", 3, 2), ("remote_explosive", 11, None)]
    # (one act told with its weapons or its place twice stays one)
    one = (
        "BAGHDAD - A car bomb tore through a market in Baghdad's Karrada district on Monday, killing 11 people, and a "
        "second blast hit the same market minutes later, police said."
    )
    assert len(summary(one)) == 1


def test_what_a_party_would_stop_or_blames_and_paces_and_estimates_are_no_acts() -> None:
    assert types("Residents protested in Sderot on Monday, demanding stronger action to halt the rocket fire.") == [
        "protest"
    ]
    blamed = (
        "BEIRUT - An Israeli air strike killed a Hezbollah commander in southern Lebanon on Monday. The Israeli "
        "military said the commander was responsible for rocket fire on northern Israel."
    )
    assert types(blamed) == ["air_or_drone_strike"]
    assert types("Rocket fire from Gaza has increased sharply since then, officials said.") == []
    estimate = "The report estimates that the Houthis fired at least 450 drones and missiles at shipping."
    assert types(estimate) == []
    wreckage = (
        "RIYADH - The Saudi defence ministry displayed what it said was the wreckage of 18 drones and seven cruise "
        "missiles at a news conference on Monday."
    )
    assert types(wreckage) == []


def test_calls_wishes_and_readiness_for_talks_are_no_talks() -> None:
    for said in (
        "Lebanon's prime minister has demanded an immediate and unconditional ceasefire.",
        "Kurdish politicians condemned the bombing, calling for a return to peace talks.",
        "The prime minister said Israel preferred a diplomatic solution.",
        "Iraq's prime minister has said he wants to begin talks on ending the coalition's presence.",
        "An Israeli official said Israel's negotiating team was ready to travel.",
        "Officials say the anger is fuelled by the absence of any peace process.",
        "After a day of fighting both sides claimed to hold the summit by nightfall.",
    ):
        assert "diplomacy" not in types(said), said
    # (a resolution that demands one, and talks held, are)
    vote = "The UN Security Council on Monday adopted a resolution demanding an immediate ceasefire in Gaza."
    assert types(vote) == ["diplomacy"]
    held = "Egyptian mediators held talks with a Hamas delegation in Cairo on Monday on a ceasefire."
    assert types(held) == ["diplomacy"]


def test_totals_over_a_span_and_accusations_are_no_acts() -> None:
    for said in (
        "Iran-aligned groups in Iraq have been claiming more than 130 attacks on U.S. forces since October.",
        "Since the start of October, 14 Israelis have been killed in Palestinian stabbing and shooting attacks.",
        "At least 20 people have been killed in Palestinian attacks on Israelis over the same period.",
        "Rights groups said Turkish border guards had shot and killed at least five asylum seekers since December.",
        "The group has carried out mass executions of captured soldiers and members of religious minorities.",
        "Tehran accuses Mossad of carrying out a string of assassinations of nuclear scientists.",
    ):
        assert types(said) == [], said


def test_wars_over_years_habits_and_counted_acts_are_no_new_acts() -> None:
    for said in (
        "The Houthis have controlled Sanaa since 2014 and fought a Saudi-led coalition for eight years.",
        "Turkish drone strikes against suspected PKK militants are a regular occurrence in the mountains.",
        "Monday's clash was the third reported on the frontier this month.",
    ):
        assert types(said) == [], said


def test_a_clash_toll_revised_by_the_number_killed_and_the_attackers_killed_by_the_troops() -> None:
    text = (
        "EL-ARISH, Egypt - Islamist militants stormed an army checkpoint in North Sinai on Monday, killing at least "
        "seven soldiers in a gun battle that lasted two hours, security sources said.\n\n"
        "By the evening the military put the number of soldiers killed at nine, with 12 others wounded. An army "
        "spokesman said troops had killed 17 of the attackers during the fighting."
    )
    assert [(e[0], e[2], e[3]) for e in summary(text)] == [("armed_clash", 26, 12)]
    # (a statement that tells both sides again gives the toll anew, not more: the first telling's 13 or its 17, never
    # the two added)
    again = (
        "EL-ARISH, Egypt - Militants attacked an army checkpoint near Rafah on Monday, setting off a gun battle that "
        "killed five soldiers and at least eight of the assailants, security sources said.\n\n"
        "A military spokesman gave a higher toll, saying seven soldiers had been killed in the assault and that "
        "troops had killed 10 of the attackers."
    )
    assert summary(again)[0][2] in (13, 17)


def test_a_placeless_act_of_the_coalition_is_the_coalition_of_the_storys_scene() -> None:
    text = (
        "RIYADH - Saudi air defences intercepted a ballistic missile fired by the Houthis at the southern city of "
        "Jazan on Monday, the coalition said.\n\n"
        'Coalition spokesman Turki al-Maliki warned that the alliance would strike "with an iron fist" any launch site.'
    )
    assert doers(text)[-1] == ("threat", "Saudi Arabia")
