"""Where a sentence says something happened: bases, towns, provinces, countries and sea areas."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from ingest.tag.resources import Place, actors, places
from ingest.tag.text import dateline as opening_dateline
from ingest.tag.text import fold, quotations

# Words before a place name that make it the scene rather than an actor or an origin.
_LOCATIVE = re.compile(
    r"\b(?:in|at|on|near|over|off|across|into|outside|inside|toward|towards|targeting|targeted|struck|hit|hitting|"
    r"around|of|to|northern|southern|eastern|western|central|north|south|east|west)\s+(?:the\s+)?"
    # (the words between may not start another clause: "in northeast Syria on Friday as Ankara pressed on")
    r"(?:(?!(?:as|and|but|while|when|after|before|said|says|that|which|who|where|because|since|until)\s)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "Iran-backed", "Iran's Guards": the country is an actor or patron here, not a place; "Lebanon-based exchangers"
# says where someone is based, not where something happened. A town's possessive
# is still a place ("Baghdad's Green Zone").
_ACTOR_USE = re.compile(
    r"^[- ](?:backed|aligned|allied|sponsored|supported|funded|armed|based|linked|affiliated|inspired)"
)
# "Iran fired around 180 ballistic missiles at Israel": a state that acts is the doer, not the scene
_STATE_ACTS = re.compile(
    r"^\s+(?:has |had |have |then |also )?(?:fired|launched|struck|attacked|bombed|shelled|retaliated)\b"
)
# "Palestine Street"; "Al Mayadeen TV", "Asharq Al-Awsat newspaper": a name of a street or of the media
_STREET = re.compile(
    r"^ (?:Street|Road|Avenue|Square|Bridge|Highway|Hospital|Stadium|TV|[Tt]elevision|channel|newspaper)\b"
)
_QUARTER = re.compile(r" (?:neighbou?rhood|district|quarter|market)\b")
_POSSESSIVE = re.compile(r"^(?:'s\b|’s\b)")
_LAND_OF = re.compile(
    r"(?:'s|’s) (?:[\w-]+ ){0,3}?(?:province|governorate|coast|coastline|border (?:town|city|village|area|region)|"
    r"(?:north|south|east|west)(?:east|west)?|(?:northern|southern|eastern|western) (?:border|province|city|town|"
    r"coast|desert|region)|territory|territorial waters|desert)\b(?! (?:guards?|police|forces|"
    r"troops|ministry|minister|officials?|authorities|government|army|command)\b)"
)
# "Turkey said it had hit PKK targets": a state named as the speaker is a party, not the scene.
_SPEAKER = re.compile(r"\s+(?:has |had )?(?:said|says|announced|claimed|denied|warned|accused|blamed)\b")
# "Ankara did not immediately comment", "Tehran denied": a capital that speaks is its government, not a scene.
_TOWN_SPEAKS = re.compile(
    r"\s+(?:has |had |also )?(?:said|says|announced|claimed|denied|denies|warned|accused|blamed|insists|insisted|"
    r"responded|retorted|condemned|rejected|vowed|called|calls|described|describes|"
    r"did not (?:immediately )?(?:comment|respond)|declined to comment|"
    r"has not commented|has yet to comment)\b"
)
# "the Syrian city of Azaz", "the southern Lebanese town of": the scene's country even when the town is
# missing from the gazetteer.
_DEMONYM_SCENE = re.compile(
    r"(?:\s+(?:port\s+)?(?:city|town|village|port|capital|province|governorate|region|"
    r"border town|coastal town|refugee camp|camp|desert|countryside|district|base|air base|airport)\s+of)\b"
    r"|\s+capital\b(?!\s+[A-Z])"  # "in the Yemeni capital" (not "the de facto Syrian capital Raqqa")
)
# Country names need a stricter cue: "aimed at deterring Iran" is not about events in Iran.
_COUNTRY_LOCATIVE = re.compile(r"\b(?:in|into|across|inside|throughout|over|to|on|of|at|toward|towards|targeting|struck"
                               r"|hit|visited|visiting|visits)\s+(?:the\s+)?(?:[\w-]+\s+)?$",
                               re.IGNORECASE)  # fmt: skip
# "a protest against the war in Gaza", "demanding a ceasefire in Gaza", "talks on aid to Gaza": what a protest or a
# statement is about, not where it is.
_TOPIC = re.compile(
    r"\b(?:(?:war|conflict|offensive|siege|blockade|bombardment|ceasefire|truce)\s+(?:in|on|against|around)"
    r"|(?:aid|assistance|supplies|deliveries|oil|fuel|weapons|arms|shipments?)\s+(?:to|for|into)|role\s+in"
    # "chanting in support of Gaza": whom a protest stands with
    r"|(?:support|solidarity)\s+(?:of|with|for)|death\s+to"
    # whom a ship is linked to: "an American ship supporting Israel"
    r"|(?:supporting|backing|linked\s+to|tied\s+to)"
    # what a resolution or a call demands: "a resolution demanding a humanitarian pause in Gaza"
    r"|(?:pause|halt|end|stop)\s+(?:to\s+(?:the\s+)?(?:war|fighting)\s+)?in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Of those, where goods go: near where a convoy is hit ("trucks carrying aid to Aleppo"), so still a violent act's place
_GOODS_TO = re.compile(
    r"\b(?:aid|assistance|supplies|deliveries|oil|fuel|weapons|arms|shipments?)\s+(?:to|for|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Where a ship or a cargo was bound, not where it was hit: "any ship heading to the ports of occupied Palestine",
# "a tanker bound for Basra"
_BOUND = re.compile(
    r"\b(?:ports\s+(?:of|in)|(?:bound|heading|headed|destined|sailing|en\s+route)\s+(?:to|for))\s+[\"\u201c]?(?:the\s+)?"
    r"(?:occupied\s+)?$",  # (quoted too: 'bound for ports of "occupied Palestine"')
    re.IGNORECASE,
)
_NAMED_NEXT = re.compile(r" [A-Z]")
# "from Beirut", "a Palestinian from the West Bank town of Qalqilya": where someone came from; "the negotiator, who is
# based in Muscat": where someone lives
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}(?:town|city|village|camp|province)\s+of\s+)?$"
                     r"|\bwho\s+(?:(?:is|was|are|were)\s+(?:now\s+)?(?:based|exiled|living)|lives|resides)\s+in\s+(?:the\s+)?$"
                     # "Jordanian troops killed four smugglers on the border with Syria": the state across the line
                     r"|\b(?:border|frontier)\s+with\s+$",
                     re.IGNORECASE)  # fmt: skip
_BASED = re.compile(r"\b(?:based|headquartered)\s+(?:in|across)\s+(?:the\s+)?$", re.IGNORECASE)
_KIND_SCORE = {"base": 4.0, "town": 3.0, "sea": 2.5, "admin1": 2.0, "country": 1.0}
_FILED_SCORE = 1.9  # a dateline's place: above a country named in passing, below a province or "in Syria"


@dataclass(frozen=True)
class PlaceMention:
    place: Place
    start: int
    end: int
    score: float
    topic: bool = False  # "the war in Gaza": the subject of a protest or statement, not its scene
    origin: bool = False  # "recalled its ambassador from Beirut": where someone or something came from
    bound: bool = False  # "a ship heading to the ports of occupied Palestine": where it was going
    goods_to: bool = False  # "trucks carrying aid to Aleppo": a topic still near a violent act's scene
    based: bool = False  # "links to groups based in Iraq": where a party is based, not where it was acted on


# "police spokesman Abdifatah Aden Hassan": a town's name between a given name and a family name is a person's
_NAME_BEFORE = re.compile(
    r"(?<![.!?:;\"]\s)(?<!^)\b(?!(?:North|South|East|West|Eastern|Western|Northern|Southern|Central|"
    r"Upper|Lower|Old|New|Greater|Port|Mount|Lake|Wadi|Jebel|Jabal)\b)[A-Z][a-z]+ $"
)
_ARTICLE = ("al-", "Al-", "al ", "Al ", "el-", "El-")
_NAME_AFTER = re.compile(
    r" (?!(?:Province|Governorate|City|District|Dam|Airport|Base|Port|Camp|Road|Street|Square|"
    r"Gate|Crossing|Refinery|Field|Valley|Mountains?|Bridge|Hospital|Mosque|University)\b)[A-Z][a-z]+\b"
)


def _in_a_name(sentence: str, start: int, end: int) -> bool:
    # "Tariq al-Bab", "Bab al-Salameh": a name that opens with the article after a name is the end of a longer one
    if not _NAME_AFTER.match(sentence, end) and not sentence.startswith(_ARTICLE, start):
        return False  # (the cheaper tests first: most towns are followed by no name and open with no article)
    before = _NAME_BEFORE.search(sentence[max(0, start - 20) : start])
    if before is None:
        return False
    # (not a place or its people before it: "Car bomb kills 23 in Syrias Aleppo", "Syrian Homs Governor")
    word = before.group().strip()
    index = places()
    return not any(w in index.by_alias or w in index.demonyms for w in (word, word[:-1], word[:-2]))


def place_mentions(sentence: str) -> list[PlaceMention]:
    index = places()
    folded = fold(sentence)
    dateline = opening_dateline(folded)
    filed_at = 0
    if dateline:  # "ADEN - A suicide bomber ...": the dateline's city in capitals, read as the name it is
        folded = dateline.group(1).title() + folded[dateline.end(1) :]
        filed_at = dateline.end()
    out = []
    shared: list[tuple[int, str]] = []  # (index in out, alias) of names two places share
    for m_start, m_end, alias in index.names.finditer(folded):
        place = index.by_alias.get(alias)
        after = folded[m_end : m_end + 10]
        if place is None or _ACTOR_USE.match(after) or _STREET.match(after):
            continue
        if place.kind == "admin1" and _QUARTER.match(folded, m_end):
            continue  # "the Qadisiyah district" of Raqqa, "Kirkuk's Qadisiyah market": a city's quarter, no province
        if place.kind == "country" and _LAND_OF.match(folded, m_end):
            # "into Turkey's Hatay province", "on Yemen's Red Sea coast": the state named as where (over a dateline,
            # under the province it names)
            out.append(PlaceMention(place, m_start, m_end, _FILED_SCORE + 0.05))
            continue
        if place.kind == "country" and (_POSSESSIVE.match(after) or _SPEAKER.match(folded, m_end)):
            if not (place.country_iso not in index.region and _POSSESSIVE.match(after)):
                continue
            # "Ukraine's air force said it had shot down 41 drones": a state outside the region, named as the party
            # whose own war it is, places the act there (weakly: any other place in the sentence wins)
            out.append(PlaceMention(place, m_start, m_end, _KIND_SCORE["country"]))
            continue
        if place.kind == "town" and (_TOWN_SPEAKS.match(folded, m_end) or _in_a_name(folded, m_start, m_end)):
            continue
        if place.kind == "country" and _STATE_ACTS.match(folded, m_end):
            continue
        score = _KIND_SCORE[place.kind]
        before = folded[max(0, m_start - 30) : m_start]
        if (_COUNTRY_LOCATIVE if place.kind == "country" else _LOCATIVE).search(before):
            score += 1.5
        if m_start < filed_at:  # "BEIRUT (AP) - Russian jets pounded Maarat al-Numan": where the story was filed is
            score = _FILED_SCORE  # the scene only when the sentence names no other place ("in Syria" included)
        topic, origin, bound = bool(_TOPIC.search(before)), bool(_ORIGIN.search(before)), bool(_BOUND.search(before))
        goods_to = topic and bool(_GOODS_TO.search(before))
        if alias in index.homonyms:
            shared.append((len(out), alias))
        based = bool(_BASED.search(before))
        out.append(PlaceMention(place, m_start, m_end, score, topic, origin or based, bound, goods_to, based))
    for d_start, d_end, demonym in index.demonym_names.finditer(folded):
        if _DEMONYM_SCENE.match(folded, d_end):
            out.append(PlaceMention(index.demonyms[demonym], d_start, d_end, _KIND_SCORE["country"] + 1.5))
    words = index.scene_words
    for w_start, w_end, word in index.scene_word_names.finditer(folded) if any(map(folded.__contains__, words)) else ():
        if _NAMED_NEXT.match(folded, w_end):  # "near Kibbutz Nahal Oz": in the state, where exactly unknown
            out.append(PlaceMention(index.scene_words[word], w_start, w_end, _KIND_SCORE["country"] + 1.5))
    if shared:
        _resolve_shared_names(out, shared, index.homonyms)
    if len(out) > 1:
        _anchors_yield(out, folded)
    if '"' in folded and len(out) > 1:
        out = _outside_quotes(out, folded)
    return _outside_names(out, folded) if out else out


def filed_only(mentions: list[PlaceMention]) -> bool:
    """Is the dateline the only scene the sentence names ("DUBAI (Reuters) - Iran hanged two men on Thursday": a
    country named bare is no scene)?"""
    filed = any(m.score == _FILED_SCORE for m in mentions)
    return filed and all(m.score == _FILED_SCORE or m.score <= _KIND_SCORE["country"] for m in mentions)


def filed_elsewhere(sentence: str, mentions: list[PlaceMention]) -> bool:
    """Does the story's opening dateline name a place of a war outside the region ("KYIV, Ukraine (AP) -")?
    (`mentions`: the sentence's place mentions)"""
    filed = opening_dateline(fold(sentence))
    if filed is None:
        return False
    elsewhere = places().elsewhere
    return any(m.end <= filed.end() and m.place.country_iso in elsewhere for m in mentions)


# "the enclave of Eastern Ghouta outside Damascus", "Taftanaz, near Idlib": a place named to say where the one before
# it lies is not the scene
_ANCHORED = re.compile(
    r",?\s+(?:just\s+|some\s+|about\s+|\d+\s*(?:km|kilomet(?:re|er)s|miles)\s+)*(?:outside|near|(?:north|south|east|"
    r"west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest)\s+of)\s+"
    r"(?:the\s+)?(?:(?:capital|city|town|village|port)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)


def _anchors_yield(mentions: list[PlaceMention], sentence: str) -> None:
    by_start = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    for a, b in itertools.pairwise(by_start):
        first, anchor = mentions[a], mentions[b]
        if first.place.kind == "country":  # ("a chemical massacre in Syria near Damascus": the town says more)
            continue
        if anchor.score >= first.score and _ANCHORED.fullmatch(sentence, first.end, anchor.start):
            mentions[b] = replace(anchor, score=first.score - 0.5)


def _outside_quotes(mentions: list[PlaceMention], sentence: str) -> list[PlaceMention]:
    """Drop places inside quoted words where the sentence places its act outside them: "a drone struck a car in the
    town of Kafra in south Lebanon ..., which mourned them as 'martyrs on the road to Jerusalem'"."""
    spans = [q.span() for q in quotations(sentence)]
    inside = [any(a < m.start < b for a, b in spans) for m in mentions]
    outside = [m for m, q in zip(mentions, inside, strict=True) if not q]
    if len(outside) == len(mentions):
        return mentions
    scene_outside = any(m.score > _KIND_SCORE[m.place.kind] and not m.topic and not m.origin for m in outside)
    return outside if scene_outside else mentions


def _resolve_shared_names(
    mentions: list[PlaceMention], shared: list[tuple[int, str]], homonyms: dict[str, tuple[Place, ...]]
) -> None:
    """ "Rafah in North Sinai", "EL-ARISH, Egypt - ... south of Rafah", "AMMAN - ... inside the kingdom": a name two
    places share is the one in the state the sentence's other places are in (else the first listed, as before)."""
    ambiguous = {i for i, _ in shared}
    named = {m.place.country_iso for i, m in enumerate(mentions) if i not in ambiguous}
    for i, alias in shared:
        m = mentions[i]
        if m.place.country_iso in named:
            continue
        other = next((p for p in homonyms[alias] if p.country_iso in named), None)
        if other is not None:
            mentions[i] = PlaceMention(other, m.start, m.end, m.score, m.topic, m.origin, m.bound, m.goods_to, m.based)


def _outside_names(mentions: list[PlaceMention], sentence: str) -> list[PlaceMention]:
    """Drop places that are only part of a group's name ("the Islamic Resistance in Iraq claimed an attack in
    Syria": the scene is Syria). An actor alias that is the place name itself ("Iraq") does not count."""
    names = [(a, b) for a, b, _ in actors().names.finditer(sentence)]
    if not names:
        return mentions
    return [m for m in mentions if not any(a <= m.start and m.end <= b and b - a > m.end - m.start for a, b in names)]


def regional_demonyms(sentence: str) -> int:
    """How many times the sentence names a covered state by its adjective ("Syrian", "Houthi" is an actor)."""
    index = places()
    return sum(1 for _, _, d in index.demonym_names.finditer(fold(sentence)) if index.demonyms[d].country_iso
               in index.region)  # fmt: skip


def in_region(place: Place) -> bool:
    return place.country_iso is None or place.country_iso in places().region


def best_place(mentions: list[PlaceMention], strict: bool = False, at_sea: bool = True) -> Place | None:
    """The most specific, scene-like place; a sea area borrows a coastal state named beside it. With
    `strict`, a bare country name counts only after a locative word ("in Iraq", not "deter Iran")."""
    if strict:
        mentions = [m for m in mentions if m.place.kind != "country" or m.score > _KIND_SCORE["country"]]
    if not at_sea and any(m.place.kind != "sea" and in_region(m.place) for m in mentions):
        mentions = [m for m in mentions if m.place.kind != "sea"]  # strikes ashore, not where the ships are
    if not mentions:
        return None
    best = max(mentions, key=lambda m: (m.score, -m.start))
    place = best.place
    if place.kind == "sea":
        # (not the dateline's city: "DUBAI - Iran's Guards seized a tanker in the Strait of Hormuz" is filed there;
        # nor a state on no shore of that sea)
        shores = places().sea_coasts.get(place.name)
        coastal = next(
            (
                m.place
                for m in mentions
                if m.place.country_iso
                and in_region(m.place)
                and m.score != _FILED_SCORE
                and not m.topic
                and (shores is None or m.place.country_iso in shores)
            ),
            None,
        )
        if coastal is not None:
            return Place(place.name, "sea", coastal.country_iso, None, place.lat, place.lon)
    return place


def country_place(iso: str) -> Place | None:
    return places().countries.get(iso)
