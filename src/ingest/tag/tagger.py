"""tag_article: sentences -> triggers that survive modality checks -> actors, place, date, counts ->
one event per asserted event (a sentence may assert several: see clauses.py), with neighbouring sentences about
the same event merged."""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from ingest.tag.actors import (
    ARMED_GROUP_TYPES,
    ActorMention,
    actor_mentions,
    assign_roles,
    patron_in,
    roles,
    speaking_surname,
    titled_speakers,
)
from ingest.tag.clauses import units as clause_units
from ingest.tag.counts import Counts, extract_counts, has_toll
from ingest.tag.dates import RECALLED_DAYS, RECALLED_DAYS_AFTER_LEDE, dated_before, opening_date, resolve_date
from ingest.tag.model import ArticleTags, Event
from ingest.tag.places import (
    PlaceMention,
    best_place,
    filed_elsewhere,
    filed_only,
    in_region,
    place_mentions,
    regional_demonyms,
)
from ingest.tag.prefilter import Guarded, prescan
from ingest.tag.relevance import relevance_score, topic_tags
from ingest.tag.resources import Actor, Place, actors, event_types, numbers, patterns, places
from ingest.tag.rules import RETURNED_FIRE, Trigger, find_triggers, not_current_cues, rules, vetoed_violent, weapon_of
from ingest.tag.story import (
    EVENT_MIN_WORDS,
    EVENT_THRESHOLD,
    NO_NEWS_THRESHOLD,
    OFFTOPIC_THRESHOLD,
    SURELY_ON_TOPIC,
    VIOLENT_EVENT_THRESHOLD,
    event_features,
    event_model,
    features,
    no_news_model,
    offtopic_model,
    told_before,
)
from ingest.tag.text import sentence_spans

_log = logging.getLogger(__name__)

TAGGER_VERSION = "tag-29"
# Articles longer than this are tagged on their first part only: news bodies are far shorter, and a
# runaway page must not stall a worker.
MAX_CHARS = 200_000
MIN_RELEVANCE = 0.3  # below this an article yields no events
REGION_ENOUGH = 3  # region mentions that make relevance's region part full (see relevance_score)
_LEAD_SENTENCES = 3  # headline, dateline and lede: where a toll may come before its event
# How many sentences after such a toll its event may come: the first violent event of the article takes it
# ("47 commanders killed in Idlib blast. [dateline] [who reported it] The explosion hit a meeting ...").
_LEAD_REACH = 3
MERGE_DISTANCE = 2  # sentences: "Rockets hit the base. The attack injured two." is one event
# "the attack", "the blast": a sentence that refers back to an event already reported.
# (Run on the lower-cased text, guarded by its nouns: most sentences name none of them.)
_ANAPHORA = Guarded.compile(
    r"\b(?:the|that|this|(?:mon|tues|wednes|thurs|fri|satur|sun)day's) (?:(?:air|drone|rocket|missile|suicide|car|"
    r"israeli|us|american|turkish|russian|iranian|anti-ship|ballistic|cruise|"
    r"coalition|container|cargo|merchant|oil|commercial|stricken|damaged|barrel)\s){0,2}"
    r"(?:attack|attacks|strike|strikes|blast|explosion|bombing|raid|raids|assault|incident|barrage|shelling|drone|"
    r"rockets|missiles|missile|vessel|ship|tanker|freighter|bulk carrier|operation|bombs?|device|explosive device|"
    r"aircraft|warplanes|jets|planes)\b"
    r"|\b(?:these|those|both|the two) (?:attacks|strikes|raids)\b"
    r"|\b(?:both|the two|the opposing) sides (?:fought|clashed|battled|exchanged|traded)\b"  # "the two sides fought on"
)
# "Iran hanged four men": executions are the state's own act, by its courts, not its forces'
# "fighter jets", "warplanes", "helicopter gunships": a state's air force (armed groups fly drones, not these)
_WARPLANES = re.compile(
    r"\b(?:warplanes?|war planes?|(?:fighter )?jets?|fighter-bombers?|bombers|helicopters?|gunships?|air force|"
    r"F-\d\ds?|(?<!unmanned )(?<!drone )aircraft)\b",
    re.IGNORECASE,
)
_DRONE = re.compile(r"\bdrones?\b", re.IGNORECASE)
_EXECUTION = re.compile(r"\b(?:execut(?:ed|es|ing|ions?)|hanged|hangings?|firing squad|beheaded)\b", re.IGNORECASE)
# "Islamic State claimed responsibility through its news agency": a claim of the act just told, wherever the
# claimant says it aimed ("... saying they had fired a missile at a target in Jaffa").
_CLAIM = Guarded.compile(
    r"\b(?:claimed|claims|claiming|took|takes|taking|claim) responsibility\b"
    # "Responsibility was claimed by the Al-Quds Brigades", "The assault was claimed hours later by Sinai Province"
    r"|\bresponsibility (?:was|has been|had been) claimed\b|\b(?:was|were|has been|had been) claimed (?:\w+ ){0,3}?by\b"
    # ("claimed both the drone attack on Erbil and the rocket fire on Ain al-Asad")
    r"|\bclaimed (?:both )?(?:the|this|that|these|those|both) (?:[\w-]+ ){0,2}?(?:attacks?|bombings?|strikes?|assault|"
    r"blast|explosion|shooting|ambush|barrage|raid|fire)\b"
)
# A blame or an attribution told on its own names the doer of the act just told, as a claim does: "He blamed
# Islamic State sleeper cells." (in a sentence with an act of its own it is about that act)
_BLAME = Guarded.compile(r"\b(?:blamed|blaming)\b|\battribut(?:ed|ing) (?:the |it |them )(?:[\w-]+ )?to\b")
# "the group", "the militia": the armed group the story named last (groups only: "the government" is not one).
_GROUP_SUBJECT = Guarded.compile(r"\b(?:the|this) (group|militia|movement|rebels|insurgents|militants|jihadists)\b")
# "a financier for the group": the group after a preposition is not who acts
_GROUP_OBJECT = re.compile(
    r"\b(?:for|of|to|with|by|from|against|on|at|in|into|about|inside|within) (?:the|this) (?:group|militia|movement|"
    r"rebels|insurgents|militants|jihadists)\b"
)
# "The army said its troops arrested three wanted men", "Troops later demolished the house": forces named by no
# state act, those of the state named last (see _forces_named); a passive ("two soldiers were killed") is no doing.
_FORCES_DID = Guarded.compile(
    r"\b(?:the (?:army|military|air force|navy)(?: said(?: that| on \w+)? (?:it|its (?:troops|forces|soldiers|jets|"
    r"warplanes)))?|(?:its|their) (?:troops|forces|soldiers)|troops|soldiers|the (?:occupation )?forces)"
    r" (?:had |have |also |later |then |subsequently )?(?:raided|stormed|fired|shot|killed|struck|shelled|demolished|"
    r"seized|arrested|detained|opened fire|rounded up|carried out|conducted|confiscated|swept|bulldozed|responded|"
    r"retaliated|pounded|bombarded)\b"
    r"|\b(?:seized|arrested|detained|confiscated|killed|shot|demolished|shelled) by (?:the )?(?:troops|army|military|"
    r"soldiers|forces)\b"
)
_FORCES_REACH = 3  # sentences back to the forces "the army" refers to
_HARM_WORDS = ("kill", "dead", "died", "death", "wound", "injur", "hurt", "casualt", "toll")


_DAY_NAMED = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'|\u2019)s\b", re.IGNORECASE)


def _day_named(unit: str, published: dt.date | None) -> dt.date | None:
    named = _DAY_NAMED.search(unit) if published is not None else None
    if named is None:
        return None
    day, precision = resolve_date("on " + named.group()[:-2], published)
    return day if precision == "day" else None


_ITEM_START = re.compile(r"^\W{0,3}[A-Z][A-Z'.-]+(?:[ /][A-Z][A-Z'.-]+){0,3}\s*(?:[-\u2013\u2014:]|--)\s")
_TOLD_TOLL_REACH = 4  # sentences after an act within which its own death toll, told again, brings its wounded
_REVISION_REACH = 8  # sentences: a raised toll may come after quotes and colour (not past the next acts)


def _same_toll_again(sentence: str, cands: list[_Candidate], i: int) -> bool:
    """Is this sentence, a few sentences on, the last act's death toll told again with more ("killing at least 48 of
    them ... Aden's health director said by the evening that 48 soldiers had been killed and 34 wounded")? The last
    act may be told in several sentences (merged later): any of those within reach gives its toll."""
    recent = [c for c in cands[-3:] if i - c.last_sentence <= _TOLD_TOLL_REACH]
    tolls = {c.counts.killed for c in recent if c.counts.killed}
    if len(tolls) != 1 or any(c.counts.injured is not None for c in recent):
        return False
    counts = extract_counts(sentence)
    return counts.injured is not None and counts.killed in tolls


def _toll_revised(sentence: str, cands: list[_Candidate], i: int, text: str) -> bool:
    """Does the sentence raise the death toll of an act told before with a smaller one ("By late afternoon an
    official said the death toll had climbed to 23"), however many sentences of quotes and colour lie between?"""
    if not any(map(sentence.__contains__, ("toll", "risen", "climbed", "now ", "revised", "number of"))) and not (
        sentence.startswith("By ")  # ("By evening, the health ministry said the strikes had killed 10")
    ):
        return False
    counts = extract_counts(sentence)
    if counts.injured_revised and counts.injured is not None and not counts.killed_revised:
        # "raising the number of wounded to nine": the one act told with fewer wounded, or the one it names
        hurt = [c for c in cands if c.event_type in rules().violent]
        if _act_a_toll_names(hurt, i, sentence, counts.injured, text, wounded=True) >= 0:
            return True
        fewer = [c for c in hurt if i - c.last_sentence <= _REVISION_REACH and (k := c.counts.injured) is not None
                 and k < counts.injured]  # fmt: skip
        # (one act told in several sentences with one count: "wounding at least eight ... the eight wounded were")
        return len({(c.event_type, c.counts.injured) for c in fewer}) == 1
    if not counts.killed_revised or counts.killed is None:
        return False
    revised = counts.killed
    if _act_a_toll_names([c for c in cands if c.event_type in rules().violent], i, sentence, revised, text) >= 0:
        return True  # "Police sources now put the Kadhimiya toll at 21 dead": an act it names
    violent = [c for c in cands if c.event_type in rules().violent and c.counts.killed is not None]
    if any(c.counts.killed == revised for c in violent):
        return False  # an act's toll told again, not another's raised
    near = [c for c in violent if i - c.last_sentence <= _REVISION_REACH]
    if not near:
        # "One strike destroyed the home of an officer, killing him, his wife and several relatives. Health officials
        # initially reported 12 dead, but said the toll had risen to 20": the one act near, told with no number
        untold = [c for c in cands if c.event_type in rules().violent and i - c.last_sentence <= _REVISION_REACH]
        return len({(c.event_type, c.place.country_iso if c.place else None) for c in untold}) == 1
    smaller = [c for c in near if (k := c.counts.killed) is not None and k < revised]
    named = {m.place.country_iso for m in place_mentions(sentence)}
    if named:  # (a toll placed elsewhere is not theirs)
        smaller = [c for c in smaller if c.place is None or c.place.country_iso in named]
    # (of two acts with smaller tolls, the one whose place the sentence names: "the toll from the Doura bombing")
    return len(smaller) == 1 or len(_named_places(smaller, sentence)) == 1


def _named_places(acts: list[_Candidate], sentence: str) -> list[_Candidate]:
    return [c for c in acts if c.place is not None and c.place.kind != "country" and c.place.name in sentence]


def _recount(counts: Counts) -> bool:
    """A toll told as revised ("the health authority has raised the number of wounded in this morning's car bomb to
    19"): an act told before, even where the sentence names its kind anew."""
    return counts.killed_revised or counts.injured_revised


def _revised_target(
    merged: list[_Candidate], told: list[int], target: int, revised: int | None, unit: str, wounded: bool = False
) -> int:
    """The act a raised toll is for: the one act told with a smaller toll (not an act told since with none); of
    wounded with `wounded`."""
    if revised is None:
        return target
    counted = [(j, merged[j].counts.injured if wounded else merged[j].counts.killed) for j in told]
    smaller = [j for j, k in counted if k is not None and k < revised]
    if len(smaller) == 1:
        return smaller[0]
    named = [j for j in smaller if _named_places([merged[j]], unit)]
    return named[0] if len(named) == 1 else target


_ZERO_REACH = 4  # sentences of one paragraph a "No one was killed." may look back over to its act


def _no_harm(sentence: str) -> bool:
    """Does the sentence say only that no one was killed or hurt ("No deaths were reported.")?"""
    counts = extract_counts(sentence)
    return 0 in (counts.killed, counts.injured) and not counts.killed and not counts.injured


def _tells_harm(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(w in lowered for w in _HARM_WORDS)


_GROUP_REACH = 2  # sentences back to an armed group "the group" refers to when no event named one


def _named_before(
    text: str, spans: list[tuple[int, int]], i: int, reach: int, wanted: Callable[[Actor], bool]
) -> Actor | None:
    """The `wanted` actor named last in the `reach` sentences before sentence `i` (nearest sentence first)."""
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        start, end = spans[j]
        named = [m.actor for m in actor_mentions(text[start:end]) if wanted(m.actor)]
        if named:
            return named[-1]
    return None


# A threat told by a pronoun or a statement: "He warned that ...", '"...," he said', "the statement said"
_PRONOUN_SPEAKS = re.compile(
    r"(?:^|[,.;:\"\u201d]\s*)(?:he|she|they|the statement|the group|the movement)\s+(?:also\s+)?"
    r"(?:said|says|warned|warns|added|vowed|threatened|declared)\b",
    re.IGNORECASE,
)


_QUOTE_OPENS = re.compile(r"^\W{0,3}[\"\u201c]")
_QUOTE_CLOSE = re.compile(r"[\"\u201d]")
_SPEAKER_REACH = 2  # sentences back to the speaker of a quotation or of "he said"


def _speaker_after_quote(sentence: str, opened: re.Match[str]) -> Actor | None:
    """The speaker named after the quotation that opens the sentence ('"...," the Guards said in a statement')."""
    close = _QUOTE_CLOSE.search(sentence, opened.end())
    if close is None:
        return None
    said = [m for m in actor_mentions(sentence[close.end() :]) if m.role_hint in ("speaker", "agent")]
    return said[0].actor if said else None


def _speaker_before(text: str, spans: list[tuple[int, int]], i: int) -> Actor | None:
    """Who spoke or acted first in the nearest sentence before `i` that names one (the "he" of a threat told next)."""
    for j in range(i - 1, max(-1, i - 1 - _SPEAKER_REACH), -1):
        start, end = spans[j]
        said = [m for m in actor_mentions(text[start:end]) if m.role_hint in ("speaker", "agent")]
        if said:
            return said[0].actor
    return None


def _an_armed_group(actor: Actor) -> bool:
    return actor.type in ARMED_GROUP_TYPES


def _a_state(actor: Actor) -> bool:
    return actor.type in ("state_forces", "government") and actor.country is not None


# "In response, an Israeli tank shelled ...": a sentence that opens with an answer reports an act of its own.
_ANSWER = re.compile(r"(?:in (?:response|retaliation|reply)|retaliating|responding|in a (?:retaliatory|response))\b")
# "Hours later, a sticky bomb went off in Shaab": another act of the same kind, told next (when named as an act, not
# a party's account of the one before: "Hours later the Houthis said they had targeted the ship")
_ACCOUNT = re.compile(r"\b(?:said|says|claimed|announced)\b")
_LATER = re.compile(
    r"(?:(?:hours|minutes|a day|days) later|separately|elsewhere|in (?:a |another )?separate (?:attack|"
    r"incident|announcement|statement|development|operation|raid)|in other (?:parts|areas|towns|districts) of)\b"
)
_APART = ("separately", "elsewhere", "in a separate", "in another separate", "in separate", "in other")
# "claimed both attacks": the two violent events told last, each of which the claim names the doer of.
_WEEKLY = re.compile(
    r"\b(?:this|past|last) week\b|\bthe week's\b|\b(?:weekly|week-long|week in review) (?:roundup|round-up|summary)\b"
    r"|\broundup of the week\b",
    re.IGNORECASE,
)
_NO_CLAIM = re.compile(r"\b(?:no|nobody|none|not|no one|never|denied|deny|denies)\b[^.;]{0,30}\bclaim")
_CLAIM_REACH = 8  # sentences back to the act a claim names by its kind
_PAIR = re.compile(r"\b(?:both|the two) (?:attacks|strikes|raids)\b")
# Types that happen somewhere even when the sentence does not say where.
_LOCATED_TYPES = {"arrest_or_seizure", "protest"}
_BOMBINGS = frozenset({"remote_explosive", "suicide_bomb"})
# What a crowd does when a protest turns to a riot: "protesters stormed the council building", "rioters torched cars"
_CROWD_CONTROL = re.compile(
    r"\b(?:protesters|demonstrators|rioters|tear gas|rubber bullets|water cannons?|stone-throw\w*|throwing stones)\b",
    re.IGNORECASE,
)
_CROWD_ACTS = re.compile(
    r"\b(?:storm|torch|set (?:fire|alight|ablaze)|attacked|rampag|clash|hurl|threw|burn|loot|smash)", re.IGNORECASE
)
_INDEFINITE = re.compile(r"^\W{0,3}(?:An?|Another)\s")
_PARTITIVE = re.compile(
    r"^\W{0,3}(?:One|Another|One of the|Some of the|Several of the) (?:rockets?|missiles?|shells?|mortars?|drones?)\b"
)
_STATES = frozenset({"government", "state_forces"})
_CLAIM_OVERRIDES = frozenset({"unknown", "government", "state_forces", "external_force"})  # doers a claim replaces
_DONE_AT_HOME = frozenset({"attack", "arrest_or_seizure"})  # a state's executions and arrests
# "Sources said the discussions focused on a ceasefire", "A delegation from Oman also took part in the meeting": the
# talks the story told, told again
_TOLD_BACK = {
    kind: re.compile(
        r"\b(?:the|these|those|this|sunday's|monday's|tuesday's|wednesday's|thursday's|friday's|saturday's) (?:\w+ )?"
        rf"(?:{nouns})\b"
    )
    for kind, nouns in (
        ("diplomacy", "talks|meeting|meetings|discussions|negotiations|visit|delegation"),
        # "President Trump has said Saudi Arabia agreed to pay for the additional deployment"
        ("military_deployment", "deployment|deployments|reinforcements|buildup|build-up"),
        ("sanctions", "sanctions|designation|measures|listing|penalties"),
        # "The Israeli military said the two wanted men had been detained"
        ("arrest_or_seizure", "suspects|detainees|wanted men|men|arrests|detentions"),
        # "At least 12 IS fighters and three SDF members were killed in the clashes": the fight told before
        ("armed_clash", "clashes|clash|fighting|firefight|gun battle|gunbattle|battle|battles|exchange of fire"),
    )
}


@dataclass
class _Candidate:
    sentence: int
    last_sentence: int
    trigger: Trigger
    start: int
    end: int
    actor1: Actor | None
    actor2: Actor | None
    patron: str | None
    place: Place | None
    place_from_text: bool
    date: dt.date | None
    date_precision: str | None
    counts: Counts
    weapon: str | None
    anaphoric: bool
    pair: bool = False  # refers back to the last two violent events ("both attacks")
    abroad: bool = False  # its sentence places it outside the region: no place is looked for elsewhere
    clause: int = 0  # which event of its sentence (clauses.units): events of one sentence are never merged
    answers: bool = False  # its sentence opens "In response, ...": an act of its own, never merged into the last
    claim: bool = False  # its sentence claims responsibility: for the act just told, wherever it says it aimed
    named_claim: bool = False  # a claim by someone, or blame on someone ("IS claimed the attack"; not "no group ...")
    claimed: bool = False  # a claim of responsibility by someone: for the act of its kind told paragraphs before
    told_back: bool = False  # talks, a deployment, sanctions or arrests told again: "the talks", "the deployment"
    account: bool = False  # a party's own telling of its act: "Hezbollah said it had fired rockets at ..."
    fire_returned: bool = False  # a clash told as the answer to an attack: "The soldiers returned fire"
    far_revision: bool = False  # a raised death toll told sentences after its act ("the toll had climbed to 23")
    intercepted: bool = False  # tells only that projectiles were stopped: the barrage told before, told again
    day_named: dt.date | None = None  # the day that names its act ("Saturday's car bomb"): an act of that day only
    indefinite: bool = False  # its sentence opens on an act named afresh ("An Israeli strike on a car ..."): a new one
    partitive: bool = False  # its sentence opens on one of the projectiles told before ("One rocket struck Holon")
    more: bool = False  # it tells more of its kind: "Two more civilians were killed", "also", "another"
    apart: bool = False  # its sentence opens "Separately, ...", "Elsewhere, ...": told as another act
    fragment: bool = False  # what fell of a barrage: "killed when a falling missile fragment struck his car"

    @property
    def event_type(self) -> str:
        return self.trigger.event_type


# Weapons that decide between the two remote-violence types when a sentence names both ("rocket and drone
# attacks" is coded by the weapon named first).
_WEAPON_TYPE = {"rocket": "shelling_artillery_missile", "mortar": "shelling_artillery_missile",
                "artillery": "shelling_artillery_missile", "missile": "shelling_artillery_missile",
                "ballistic_missile": "shelling_artillery_missile", "cruise_missile": "shelling_artillery_missile",
                "drone": "air_or_drone_strike", "air_strike": "air_or_drone_strike"}  # fmt: skip


def _by_weapon(triggers: list[Trigger], weapon: str | None) -> Trigger:
    best = triggers[0]
    wanted = _WEAPON_TYPE.get(weapon or "")
    if best.event_type in ("air_or_drone_strike", "shelling_artillery_missile") and wanted != best.event_type:
        return next((t for t in triggers if t.event_type == wanted), best)
    return best


def _as_date(published: object) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if isinstance(published, str):  # "2024-01-23" or a full ISO timestamp, as JSON gives it
        try:
            return dt.date.fromisoformat(published[:10])
        except ValueError:
            return None
    return None


def _place_rank(place: Place | None) -> int:
    return {"base": 4, "town": 4, "sea": 3, "admin1": 2, "country": 1}.get(place.kind, 0) if place else 0


def _places_compatible(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None or a.name == b.name:
        return True
    # a sea and a port or coast of the same state: "in the Gulf of Aden" then "90 nautical miles southeast of Aden"
    if a.kind in ("country", "admin1", "sea") or b.kind in ("country", "admin1", "sea"):
        return a.country_iso == b.country_iso
    return False


@cache
def _act_nouns(use: str) -> tuple[tuple[re.Pattern[str], frozenset[str]], ...]:
    """The nouns that name each kind of act ([[act_nouns]] in patterns.toml): `use` "told" (after "the", a word may
    come between) or "raised" (bare)."""
    lead = r"\bthe (?:\w+ )?(?:" if use == "told" else r"\b(?:"
    return tuple((re.compile(lead + "|".join(entry[use]) + r")\b"), frozenset(entry["kinds"]))
                 for entry in patterns()["act_nouns"])  # fmt: skip


# "raised the toll from Thursday's strikes to 23", "now put the Kadhimiya toll at 21": the words naming the act whose
# toll is raised (the nouns that name its kind there: _act_nouns("raised"))
_TOLL_OF = re.compile(
    r"\b(?:toll|number of (?:the )?(?:wounded|injured|dead)) (?:from|of|in) ([^,;.]{1,40})"
    r"|\b(?:the|its|their) ((?:(?!(?:the|its|their|toll)\b)[\w'\u2019-]+ ){1,3}?)toll\b"
    r"|\b(?:killed|dead|died) (?:in|by|from) ([^,;.]{1,40})"  # "now says 41 were killed in Saturday's strikes"
)
_NAME_WORD = re.compile(r"\b[A-Z][\w'\u2019-]{3,}")
_CALENDAR = frozenset(  # (capitalised, but no name: "the toll from Thursday's strikes")
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
     "April", "June", "July", "August", "September", "October", "November", "December")
)  # fmt: skip


def _act_a_toll_names(
    acts: list[_Candidate], sentence: int, unit: str, revised: int | None, text: str, wounded: bool = False
) -> int:
    """Of `acts` (violent, told before), the one a raised toll names by a name told with it or its kind ("the toll
    from the Doura market bombing", "the Kadhimiya toll", a live blog's hours on): told within reach with no toll
    or a smaller one (of wounded with `wounded`); -1 when the toll names none, or more than one."""
    lowered = unit.lower()
    m = _TOLL_OF.search(lowered)
    if m is None or revised is None or len(lowered) != len(unit):
        return -1
    at = next(m.span(g) for g in (1, 2, 3) if m.group(g) is not None)
    phrase, cased = lowered[at[0] : at[1]], unit[at[0] : at[1]]
    within = [j for j, c in enumerate(acts) if sentence - c.last_sentence <= 2 * _REVISION_REACH
              and ((k := c.counts.injured if wounded else c.counts.killed) is None or k < revised)]  # fmt: skip
    names = [n for w in _NAME_WORD.findall(cased) if (n := w.rstrip("'\u2019s")) not in _CALENDAR]
    placed = [j for j in within if ((p := acts[j].place) is not None and p.kind != "country" and p.name in cased)
              or any(n in text[acts[j].start : acts[j].end] for n in names)]  # fmt: skip
    if placed and all(acts[j].event_type == acts[placed[0]].event_type for j in placed):
        return placed[0]  # (one act told in several sentences: "a suicide bomber ...", "claimed the Kadhimiya bombing")
    ends = [(h.end(), -h.start(), kinds) for noun, kinds in _act_nouns("raised") for h in noun.finditer(phrase)]
    if not ends:
        return -1
    kinds = max(ends, key=lambda e: (e[0], e[1]))[2]
    typed = [j for j in (placed or within) if acts[j].event_type in kinds]
    return typed[0] if len(typed) == 1 else -1


def _named_among(merged: list[_Candidate], told: list[int], target: int, unit: str) -> int:
    """Of acts told in one sentence (a lede's two clauses), the one a later toll names: "Israeli forces raided the camp
    ..., as a gunman killed two Israelis. The ministry initially said four people had been killed in the raid"."""
    ties = [j for j in told if merged[j].last_sentence == merged[target].last_sentence]
    if len(ties) < 2:
        return target
    lowered = unit.lower()
    for noun, kinds in _act_nouns("told"):
        if noun.search(lowered):
            named = [j for j in ties if merged[j].event_type in kinds]
            return max(named) if len(named) == 1 else target
    return target


def _clause_sibling(merged: list[_Candidate], last: int, event_type: str) -> int | None:
    """The act of `event_type` told in an earlier clause of the sentence whose later clause told the last act."""
    if merged[last].event_type == event_type or merged[last].clause == 0:
        return None
    sentence = merged[last].sentence
    return next((j for j in range(last - 1, -1, -1) if merged[j].sentence == sentence
                 and merged[j].event_type == event_type), None)  # fmt: skip


def _mergeable(prev: _Candidate, cur: _Candidate, told: set[int]) -> bool:
    """May `cur` be `prev` told again? (`told`: the sentences that tell an act of their own)"""
    if cur.clause and cur.sentence == prev.last_sentence:
        return False  # told apart by the clause split
    if cur.day_named is not None and prev.date is not None and cur.day_named != prev.date:
        return False  # "the death toll from Saturday's car bomb" after Monday's shooting: another day's act
    if (
        cur.trigger.continuation
        and prev.counts.killed
        and cur.counts.killed == prev.counts.killed
        and cur.sentence - prev.last_sentence <= _TOLD_TOLL_REACH
    ):
        return True  # its death toll told again a few sentences on, with the wounded (see _same_toll_again)
    if cur.far_revision:
        return True  # "By nightfall the ministry said the death toll had risen to 205": the act told with fewer dead
    if (
        cur.claimed
        and cur.anaphoric
        and cur.event_type == prev.event_type
        and cur.sentence - prev.last_sentence <= _CLAIM_REACH
        and _same_area(prev.place, cur.place)
    ):
        return True  # "... claimed both the drone attack on Erbil and the rocket fire on Ain al-Asad"
    if cur.sentence - prev.last_sentence > MERGE_DISTANCE or cur.answers:
        return False
    if cur.trigger.continuation:  # a toll of the act just told: where the wounded were taken is no other scene
        return True
    violent = rules().violent
    if cur.claim and prev.event_type in violent and cur.event_type in violent:
        return True
    if prev.event_type == "maritime_attack" and cur.event_type in _MISSILES_AT_SEA and not cur.answers:
        # "A tanker was struck by a missile off Aden ... one missile struck its port side": where the missiles fell
        same_doer = cur.actor1 is None or (prev.actor1 is not None and _same_party(prev.actor1, cur.actor1))
        # (a sea names no state yet: "... in the Gulf of Aden. The ship ... was 70 nautical miles southeast of Aden")
        unplaced_sea = prev.place is not None and prev.place.kind == "sea" and prev.place.country_iso is None
        at_sea = cur.place is None or cur.place.kind == "sea" or unplaced_sea or _same_country(prev.place, cur.place)
        return same_doer and at_sea
    if cur.fire_returned and prev.event_type == "attack" and cur.sentence - prev.last_sentence <= 1:
        return _places_compatible(prev.place, cur.place)  # "Gunmen opened fire on a patrol. The soldiers returned fire"
    if (
        prev.event_type == "armed_clash"
        and cur.event_type == "attack"
        and cur.weapon == "small_arms"
        and cur.counts.killed in (None, prev.counts.killed)
        and not cur.more
        and cur.sentence - prev.last_sentence <= 1
        and _places_compatible(prev.place, cur.place)
        and prev.actor1 is not None
        and cur.actor1 is not None
        and (
            cur.actor1.type == "unknown"
            or prev.actor1.type == "unknown"
            or _same_party(prev.actor1, cur.actor1)
            or (prev.actor2 is not None and _same_party(prev.actor2, cur.actor1))
        )
    ):
        # "Kurdish militants attacked an outpost, sparking a gun battle ... The militants opened fire with rifles and
        # rocket-propelled grenades on the base": how the fight began, told after it
        return True
    if cur.partitive and cur.event_type == prev.event_type and cur.sentence - prev.last_sentence <= MERGE_DISTANCE:
        # "Hamas fired barrages of rockets at Tel Aviv. One rocket struck a house in Holon": where one of them fell
        return prev.place is None or cur.place is None or prev.place.country_iso == cur.place.country_iso
    if not _places_compatible(prev.place, cur.place):
        return False
    if prev.event_type in violent and cur.event_type in violent:
        if cur.anaphoric or cur.trigger.generic or prev.trigger.generic:
            return True
        # "Hezbollah fired missiles ... Israeli artillery then shelled ...": the same kind of act by the other side
        named = [a for a in (prev.actor1, cur.actor1) if a is not None and a.type != "unknown"]  # ("gunmen": anyone)
        other_side = len(named) == 2 and not _same_party(named[0], named[1])
        # (the next sentence, or the one after where the one between tells nothing: "Islamic State militants attacked
        # a checkpoint ... The militants, armed with rifles, approached the post ... Soldiers returned fire ...")
        gap = cur.sentence - prev.last_sentence
        # (not an act named afresh: "An Israeli strike on a car in Rafah killed two people")
        told_on = gap <= 1 or (gap == 2 and prev.last_sentence + 1 not in told and not cur.indefinite)
        return cur.event_type == prev.event_type and told_on and not other_side
    if prev.event_type == cur.event_type and cur.sentence - prev.last_sentence <= 1:
        return cur.actor1 is None or prev.actor1 is None or _same_party(prev.actor1, cur.actor1)
    return False


def _answers(lowered: str, trigger: Trigger) -> bool:
    """Does the sentence open as an act of its own ("In response, ...", "Hours later, ...")?"""
    if _ANSWER.match(lowered):
        return True
    later = _LATER.match(lowered)
    if trigger.generic or later is None:
        return False
    # "Separately, the ministry said charges had toppled two towers": another act whoever tells it
    return later.group().startswith(_APART) or not _ACCOUNT.search(lowered, 0, trigger.start)


def _refers_before(lowered: str, trigger: Trigger) -> bool:
    """Does a claim or a reference back come before the sentence's first act, or name it ("died in the blast")?"""
    head = lowered[: trigger.start]
    return bool(_CLAIM.search(head) or _BLAME.search(head) or _ANAPHORA.search(lowered[: trigger.end]))


# "Two soldiers had lost their lives ..., and nine of the attackers were killed": each side's dead in a clause
_SIDE_BREAK = re.compile(
    r",? (?:and|adding) that |; |, while |,? and (?=(?:[\w-]+ ){0,3}?(?:of the )?(?:attackers|assailants|militants|"
    r"gunmen|insurgents|fighters|soldiers|troops|policemen|terrorists|rebels|jihadists)\b)"
)


# "The bomber was also killed", "killing ten people, including the bomber": the bomber is never among the dead counted
_BOMBER_DIED = re.compile(
    r"\b(?:the|a) (?:suicide )?(?:bomber|attacker)s? (?:(?:was|were|had been|has been) )?(?:also )?"
    r"(?:killed|died|dead)\b",
    re.IGNORECASE,
)
_BOMBER_AMONG = re.compile(r"\b(?:including|among them) the (?:suicide )?(?:bomber|attacker)\b", re.IGNORECASE)


def _bomber_not_counted(unit: str, counts: Counts) -> Counts:
    if counts.killed == 1 and _BOMBER_DIED.search(unit):
        return replace(counts, killed=None, killed_also=False)
    if counts.killed and counts.killed > 1 and _BOMBER_AMONG.search(unit):
        return replace(counts, killed=counts.killed - 1)
    return counts


_BOTH_SIDES = frozenset({"armed_clash", "attack"})  # acts whose toll may be told side by side (attackers' dead count)


def _both_sides(unit: str, counts: Counts) -> Counts:
    """A clash's toll told side by side in two clauses is their sum (each clause read on its own), the dead's and
    the wounded's: "Three Palestinians were killed and 11 wounded ..., while the Israeli military said one of its
    soldiers had been killed and two others lightly hurt"."""
    parts = _SIDE_BREAK.split(unit)
    if len(parts) < 2:
        return counts
    each = [extract_counts(part) for part in parts]
    killed = _summed(counts.killed, [c.killed for c in each if not c.killed_revised])
    return replace(counts, killed=killed, injured=_summed(counts.injured, [c.injured for c in each]))


def _summed(whole: int | None, parts: list[int | None]) -> int | None:
    """Two clauses' counts in place of the sentence's one, when it is one of them and they add up to more."""
    given = [n for n in parts if n]
    if whole is not None and len(given) == 2 and sum(given) > whole and whole in given:
        return sum(given)
    return whole


def _same_party(a: Actor, b: Actor) -> bool:
    """One actor, or a state and its forces ("Turkish troops arrived ... Ankara insists the deployment ...")."""
    if a.name == b.name:
        return True
    states = ("government", "state_forces")
    return a.country is not None and a.country == b.country and a.type in states and b.type in states


def _max(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _killed(a: Counts, b: Counts, first: bool) -> tuple[int | None, bool]:
    """The toll of two tellings of one event: an exact number over a vague one ("Dozens were killed ... At least
    73 civilians were killed": 73), else the first (`first`) or the larger."""
    if a.killed is None or (a.killed_vague and b.killed is not None and not b.killed_vague):
        return b.killed, b.killed_vague
    if b.killed is None or (b.killed_vague and not a.killed_vague) or first:
        return a.killed, a.killed_vague
    return (a.killed, a.killed_vague) if a.killed >= b.killed else (b.killed, b.killed_vague)


def _combine(a: Counts, b: Counts) -> Counts:
    killed, vague = _killed(a, b, first=False)
    return Counts(killed, _max(a.injured, b.injured), _max(a.attack_count, b.attack_count),
                  a.lower_bound or b.lower_bound, vague)  # fmt: skip


def _lede_first(a: Counts, b: Counts, add_also: bool = False) -> Counts:
    """Counts of an event told over several sentences: the first toll given is the event's own; later ones
    are more often other groups' or running totals ("It also said 19 regime fighters were killed"). A vague
    toll ("dozens") gives way to the first exact one; a toll told as revised ("by nightfall the toll had climbed
    to 16") replaces any before it."""
    first = lambda x, y: y if x is None else x  # noqa: E731
    killed, vague = _killed(a, b, first=True)
    injured = first(a.injured, b.injured)
    revised = a.killed_revised
    if b.killed_revised and b.killed is not None and (killed is None or b.killed >= killed):
        killed, vague, revised = b.killed, False, True
        # "... put the overall toll at 50 dead and 77 wounded": the revision's wounded too
        injured = _max(injured, b.injured)
    if b.injured_revised and b.injured is not None:
        injured = b.injured  # "raising the number of wounded to nine": the count anew (one of them may have died)
    elif add_also and b.killed_also and b.killed is not None and a.killed is not None and not a.killed_vague:
        killed = a.killed + b.killed  # "Two soldiers were killed ... Seven of the attackers were also killed"
    return Counts(killed, injured, _max(a.attack_count, b.attack_count),
                  a.lower_bound or b.lower_bound, vague, revised)  # fmt: skip


def _named(first: Actor | None, then: Actor | None) -> Actor | None:
    """The doer of an event told twice: the first named, unless only a later telling names who it was ("A suicide
    bomber blew himself up ... Islamic State claimed responsibility")."""
    if first is None or (first.type == "unknown" and then is not None and then.type != "unknown"):
        return then
    return first


def _state_speaking(people: list[ActorMention]) -> Actor | None:
    """The forces of a state that speaks in the sentence ("Israel's military said ..."), if one does."""
    for m in people:
        if m.role_hint == "speaker" and m.actor.type in ("state_forces", "government") and m.actor.country:
            return actors().forces_of.get(m.actor.country, m.actor)
    return None


def _speaker(people: list[ActorMention]) -> Actor | None:
    return next((m.actor for m in people if m.role_hint == "speaker"), None)


def _claimed(first: Actor | None, cur: _Candidate) -> Actor | None:
    """The armed group that claims an act whose doer was read from the words around it ("... a member of the
    Saudi-led coalition backing Yemen's government. AQAP claimed the attack"): the claimant, over a state or
    no one named."""
    claimant = cur.actor1
    if not cur.named_claim or claimant is None or claimant.type not in ARMED_GROUP_TYPES:
        return None
    return claimant if first is None or first.type in _CLAIM_OVERRIDES else None


def _merge(prev: _Candidate, cur: _Candidate) -> _Candidate:
    specific = cur if prev.trigger.generic and not cur.trigger.generic else prev
    if cur.trigger.continuation:
        specific = prev
    # a toll or a claim merged whatever place it names ("... ships bound for Suez", "aimed at Jaffa") does not move it
    better = (
        not (cur.claim and prev.place is not None)
        and _place_rank(cur.place) > _place_rank(prev.place)
        and _places_compatible(prev.place, cur.place)
    )
    better_place = cur.place if better else prev.place
    dated = prev if prev.date_precision != "published" else cur
    # an attack met with fire is a clash (ACLED: both sides armed and firing)
    kind = "armed_clash" if cur.fire_returned and prev.event_type == "attack" else specific.trigger.event_type
    doer = _claimed(prev.actor1, cur) or _named(prev.actor1, cur.actor1)
    if kind == "armed_clash" and doer is not None and doer.type == "civilians" and not cur.fire_returned:
        kind = "attack"  # "Dozens of settlers stormed the village ... injured by live ammunition fired by a settler"
    return replace(
        prev,
        trigger=replace(
            specific.trigger, event_type=kind, generic=prev.trigger.generic and cur.trigger.generic, continuation=False
        ),
        end=cur.end,
        last_sentence=cur.sentence,
        actor1=doer,
        actor2=prev.actor2 or cur.actor2,
        patron=prev.patron or cur.patron,
        place=better_place,
        place_from_text=prev.place_from_text or cur.place_from_text,
        date=dated.date,
        date_precision=dated.date_precision,
        # more dead told with "also": a clash's other side, or more victims in a sentence of no act of its own ("Two
        # other people in the car also died"); with an act of its own it is more often another act's
        counts=_lede_first(prev.counts, cur.counts, prev.event_type == "armed_clash" or cur.trigger.continuation),
        weapon=specific.weapon or prev.weapon or cur.weapon,
    )


def _name_doer_of_the_one_before(merged: list[_Candidate], target: int, claim: _Candidate) -> None:
    """ "The group claimed both attacks", merged into the second: the first, if it has no doer yet, is theirs too."""
    violent = rules().violent
    before = next((j for j in range(target - 1, -1, -1) if merged[j].event_type in violent), None)
    if before is not None and merged[before].actor1 is None:
        merged[before] = replace(merged[before], actor1=claim.actor1, patron=merged[before].patron or claim.patron)


def _dedupe(cands: list[_Candidate]) -> list[_Candidate]:
    """One event per (type, doer, country) for politics, per (type, place, date) for violence: a summary
    paragraph repeating the lede is not a second event."""
    kept: list[_Candidate] = []
    for c in cands:
        twin = next((k for k in kept if _same_kind(c, k) and _told_again(c, k, kept)), None)
        if twin is None:
            kept.append(c)
        else:
            twin.counts = _combine(twin.counts, c.counts)
            if c.account and c.actor1 is not None and c.actor1.type != "unknown":
                twin.actor1 = c.actor1  # the party that tells its own act names its doer best
            elif c.anaphoric:
                twin.actor1 = _named(twin.actor1, c.actor1)  # "The attack ... was claimed by ...": who it was
    return kept


def _same_day(c: _Candidate, k: _Candidate) -> bool:
    """The same date, or a later telling that gives none of its own ("on Monday ..." then "What was meant to be a
    routine arrest raid turned into a prolonged gun battle"), or a day of the week `k` was told in ("a suicide bomber
    struck police recruits in Ramadi this week" then "On Monday a suicide bomber blew himself up ... in Ramadi")."""
    if c.date == k.date or c.date_precision == "published":
        return True
    return k.date_precision == "week" and c.date is not None and k.date is not None and 0 <= (k.date - c.date).days < 7


def _same_kind(c: _Candidate, k: _Candidate) -> bool:
    """Of one type, or violence named in general words ("Iran's second direct attack on Israel") after violence."""
    if k.event_type == c.event_type:
        return True
    if c.account and c.event_type == "attack" and k.event_type in _WAVES:
        # "The Israeli military said it had struck 'terror infrastructure' ..." after its air strikes: its own word
        # for the wave, not a raid of another kind
        return c.actor1 is not None and k.actor1 is not None and _same_party(c.actor1, k.actor1)
    violent = rules().violent
    return c.trigger.generic and c.anaphoric and c.event_type in violent and k.event_type in violent


def _told_again(c: _Candidate, k: _Candidate, kept: list[_Candidate]) -> bool:
    """Is `c` the act `k` (of its type, kept before it) told again?"""
    country = c.place.country_iso if c.place else None
    k_country = k.place.country_iso if k.place else None
    if c.event_type not in rules().violent:
        if c.actor1 and k.actor1 and c.actor1.name == k.actor1.name and country == k_country:
            return True
        # "the talks", "the deployment", "the sanctions": told again, in the same country where both name one
        return c.told_back and (country is None or k_country is None or country == k_country)
    if (
        c.fragment
        and k.event_type == c.event_type
        and (c.actor1 is None or k.actor1 is None or _same_party(c.actor1, k.actor1))
        and not c.apart
        and _told_last(c, k, kept)
    ):
        return True  # "A man was killed near Dimona when a falling missile fragment struck his car": the barrage's toll
    if c.answers:  # "Separately, a gunman opened fire ...": told as another act, even where unplaced
        # (unless it is the lede's wave of strikes told again as the answer it was: "Turkish warplanes pounded PKK
        # positions in northern Iraq overnight ... In response, F-16 jets struck 29 targets in the Metina area")
        return not c.apart and c.event_type in _WAVES and _one_wave(c, k) and _told_last(c, k, kept)
    if c.intercepted and k.event_type == c.event_type and _same_day(c, k) and _places_compatible(k.place, c.place):
        return _told_last(c, k, kept)  # "Israel's Iron Dome system intercepted several rockets": the barrage before
    if c.account and _same_day(c, k) and _same_country(k.place, c.place) and _adds_to(c.counts, k.counts):
        # "Hezbollah said it had fired rockets at a base near Metula": the barrage told (the last there: a roundup
        # tells another front's act in between)
        here = c.place.country_iso if c.place is not None and k.place is not None else None
        return _told_last(c, k, kept) or (here is not None and _told_last(c, k, kept, here))
    if c.event_type in _WAVES and _one_wave(c, k):
        # "Warplanes struck the air base ... The coalition said its jets destroyed ..." (the last of its kind there: a
        # lede may tell the other side's answer in its next clause)
        here = c.place.country_iso if c.place is not None else None
        return _told_last(c, k, kept) or (here is not None and _told_last(c, k, kept, here))
    if c.told_back and _same_day(c, k) and _places_compatible(k.place, c.place) and _adds_to(c.counts, k.counts):
        return _told_last(c, k, kept)  # "killed in the clashes": the last fight told
    named = [a for a in (k.actor1, c.actor1) if a is not None and a.type != "unknown"]
    if len(named) == 2 and not _same_party(named[0], named[1]):
        return False  # "Hezbollah fired rockets ... Israeli artillery then pounded the outskirts": the other side's act
    if c.place and k.place and c.place.name == k.place.name and _same_day(c, k):
        # (a later account may count only some of the dead: "two of its fighters were killed" after "Three
        # Palestinians were killed"; not an act named afresh: "An Israeli strike on a car in Rafah killed two")
        # (bombings in one city on one day are as often several: "About an hour later, a car bomb ... exploded")
        partial = (
            c.event_type in _ONE_PER_PLACE_AND_DAY
            and not c.indefinite
            and not c.more
            and c.counts.killed is not None
            and (k.counts.killed or 0) > c.counts.killed
        )
        return c.counts.killed is None or k.counts.killed in (None, c.counts.killed) or partial
    # "Tuesday's barrage was Iran's second direct attack on Israel", paragraphs after the barrage: the act told again
    # by name, where the story puts no other act of its kind in between
    # (a day apart at most: "after a drone attack overnight" in a story of Thursday, then "The attack came at about
    # 11:40 p.m. on Wednesday")
    return (
        c.anaphoric
        and _adds_to(c.counts, k.counts)
        and (_same_day(c, k) or (c.date is not None and k.date is not None and abs((c.date - k.date).days) == 1))
        and _same_area(k.place, c.place)
        and _told_last(c, k, kept)
    )


def _same_area(a: Place | None, b: Place | None) -> bool:
    """Compatible places, or two places of one province ("the air base that hosts coalition troops" near Erbil, then
    "Erbil"): where an act told again by name may be placed at another precision."""
    if _places_compatible(a, b):
        return True
    if a is None or b is None or a.admin1 is None:
        return False
    return a.country_iso == b.country_iso and a.admin1 == b.admin1


# "Hezbollah said it had fired a barrage of rockets at ...", "the group said its fighters had targeted ...": a party's
# own telling, not another act unless it says so ("also", "separately", "another")
_OWN_ACCOUNT = re.compile(
    r"\b(?:said|says|claimed|announced|confirmed)(?: in a \w+)?,? (?:that )?(?:it|they|its \w+|their \w+|the group)"
    r"(?! (?:had |has |have )?(?:also|separately|again)\b)(?:[^.;]{0,30}?)\b(?:fired|targeted|launched|attacked|struck|"
    r"hit|shelled|shot|destroyed|pounded|bombed|raided)\b(?![^.;]*\b(?:another|second|separate)\b)",
    re.IGNORECASE,
)


def _same_country(a: Place | None, b: Place | None) -> bool:
    return a is None or b is None or a.country_iso == b.country_iso


_WAVES = frozenset({"air_or_drone_strike", "shelling_artillery_missile"})
# Acts that one place sees once a day as a rule (a fight, a wave of strikes, a ship attacked): a later telling there
# that counts fewer dead counts some of them
_ONE_PER_PLACE_AND_DAY = _WAVES | {"armed_clash", "maritime_attack"}
# Debris of a barrage: where it fell is no act of its own, wherever it fell (a Jericho man killed by a fragment of
# Iran's missiles at Israel)
_FRAGMENT = re.compile(
    r"\b(?:falling|fallen)\s+(?:\w+\s+)?(?:fragments?|debris|shrapnel|remnants?)\b"
    r"|\b(?:fragments?|debris|shrapnel|remnants?)\s+(?:of|from)\s+(?:an?\s+|the\s+)?(?:intercepted\s+|downed\s+)?"
    r"(?:missiles?|rockets?|drones?|interceptors?|projectiles?)\b",
    re.IGNORECASE,
)
_MORE = re.compile(r"\b(?:more|also|another|other|separately|further|second|new)\b", re.IGNORECASE)
_MISSILES_AT_SEA = _WAVES  # a ship's attack told by where its missiles or drones fell


def _one_wave(c: _Candidate, k: _Candidate) -> bool:
    """Strikes by one doer on one province on one day, told in pieces: one wave (ACLED's one event)."""
    if c.actor1 is None or k.actor1 is None or not _same_party(c.actor1, k.actor1) or c.actor1.type == "unknown":
        return False
    if c.place is None or k.place is None or c.place.country_iso != k.place.country_iso:
        return False
    same_area = c.place.admin1 is None or k.place.admin1 is None or c.place.admin1 == k.place.admin1
    return same_area and (c.date == k.date or c.date_precision == "published") and _adds_to(c.counts, k.counts)


def _told_last(c: _Candidate, k: _Candidate, kept: list[_Candidate], here: str | None = None) -> bool:
    """Is `k` the last act of `c`'s kind kept so far (no other act of the kind told in between), or with `here` the
    last in that country?"""
    kind = (x for x in reversed(kept) if _same_kind(c, x))
    if here is None:
        return k is next(kind)
    return k is next((x for x in kind if x.place is not None and x.place.country_iso == here), None)


# "intercepted several rockets", "one drone was shot down": what air defences stopped
_INTERCEPTED = re.compile(r"\b(?:intercepted|intercepting|shot down|downed)\b", re.IGNORECASE)


def _adds_to(later: Counts, first: Counts) -> bool:
    """Can a later telling's toll be the first telling's ("The container ship ... No injuries were reported")?"""
    pairs = ((later.killed, first.killed), (later.injured, first.injured))
    return all(a is None or b is None or a == b for a, b in pairs)


def _told_back(event_type: str, unit: str) -> bool:
    told = _TOLD_BACK.get(event_type)
    return told is not None and told.search(unit.lower()) is not None


def _confidence(c: _Candidate) -> float:
    score = 0.45
    score += 0.15 if c.actor1 else 0.0
    score += 0.15 if c.place_from_text else 0.05 if c.place else 0.0
    score += 0.1 if not c.trigger.generic else 0.0
    score += 0.05 if c.counts.any else 0.0
    score += 0.05 if c.date_precision not in (None, "published") else 0.0
    score -= 0.15 if c.trigger.hedged else 0.0
    return round(min(0.95, max(0.05, score)), 2)


def _forces_named(
    people: list[ActorMention], cands: list[_Candidate], sentence: int, text: str, spans: list[tuple[int, int]]
) -> Actor | None:
    """Whose "troops" or "army" an unnamed doer is: the state that speaks in the sentence ("the Israeli military
    said troops had detained ..."), else the state forces named in the last events of the story, else the state
    named last in the sentences before ("..., the Israeli military said. ... The army said it responded by
    pounding the sources of fire")."""
    speaking = _state_speaking(people)
    if speaking is not None:
        return speaking
    for c in reversed(cands):
        if sentence - c.last_sentence > _FORCES_REACH:
            break
        for actor in (c.actor1, c.actor2):
            if actor is not None and actor.type in ("state_forces", "government") and actor.country:
                return actors().forces_of.get(actor.country, actor)
    state = _named_before(text, spans, sentence, _FORCES_REACH, _a_state)
    return actors().forces_of.get(state.country, state) if state is not None and state.country else None


def _of_scene(actor: Actor | None, place: Place | None) -> Actor | None:
    """ "Government forces" are the forces of the state where the event happened (none where it has no country);
    "the coalition" is the coalition fighting there."""
    if actor is None or not (actor.of_scene or actor.by_scene):
        return actor
    iso = place.country_iso if place is not None else None
    if not iso:
        return None
    if actor.by_scene:
        for pair in actor.by_scene.split(";"):
            where, name = pair.split("=", 1)
            if where == iso:
                return actors().by_name.get(name)
        return None
    return actors().forces_of.get(iso)


def _event(c: _Candidate, text: str, story_place: Place | None = None) -> Event:
    """The event of a candidate (`story_place`: where the story's first placed act happened, whose "coalition" or
    "government forces" a placeless act's are: "Coalition spokesman Turki al-Maliki warned that the alliance 'will
    not tolerate' attacks" in a story of Houthi strikes on Saudi Arabia)."""
    spec = event_types()[c.event_type]
    place = c.place
    region_level = place is not None and place.kind == "admin1"
    scene = place or story_place
    actor1 = _of_scene(c.actor1, scene) or (
        actors().by_name[spec["default_actor1"]] if "default_actor1" in spec else None
    )
    actor2 = _of_scene(c.actor2, scene)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name:
        actor2 = None
    # A toll belongs to violence: an arrest, a threat or a sanction told beside a death toll ("blamed for the 2016
    # putsch attempt that killed 251 people") is not one; a protest keeps its injured, its dead are another event's.
    violent = c.event_type in rules().violent
    killed = c.counts.killed if violent else None
    injured = c.counts.injured if violent or c.event_type == "protest" else None
    if c.event_type == "arrest_or_seizure" and c.counts.injured == 0:
        injured = 0  # "no one was hurt in the operation": a raid's own zero
    counted = killed is not None or injured is not None or c.counts.attack_count is not None
    return Event(
        event_type=c.event_type,
        actor1=actor1.name if actor1 else None,
        actor1_type=actor1.type if actor1 else None,
        actor1_patron=c.patron if c.actor1 else None,
        actor2=actor2.name if actor2 else None,
        actor2_type=actor2.type if actor2 else None,
        country_iso=place.country_iso if place else None,
        admin1=place.admin1 if place else None,
        place=place.name if place and place.kind not in ("country",) and not region_level else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=place.precision if place else None,
        event_date=c.date,
        date_precision=c.date_precision,
        killed=killed,
        injured=injured,
        attack_count=c.counts.attack_count,
        counts_lower_bound=c.counts.lower_bound and counted,
        weapon=c.weapon,
        evidence=text[c.start : c.end],
        evidence_start=c.start,
        evidence_end=c.end,
        confidence=_confidence(c),
        acled_event_type=spec["acled_event_type"],
        acled_sub_event_type=spec["acled_sub_event_type"],
        cameo_root=spec["cameo_root"],
        tagger_version=TAGGER_VERSION,
    )


def _tag(text: str, published: dt.date | None, title: str | None, screen: bool = True) -> ArticleTags:
    text = text[:MAX_CHARS]
    r = rules()
    year = published.year if published else None  # (the feed's: a year printed in the story is checked against it)
    if published is not None:
        published = opening_date(text, published)
    spans = sentence_spans(text)
    # One needle scan of the lower-cased article serves every sentence's triggers, vetoes and modality and
    # the topic cues (all read lower-cased text); offsets hold when lower-casing keeps the length.
    article = f"{title or ''}\n{text}"
    lowered = article.lower()
    if len(lowered) == len(article):
        head = len(article) - len(text)
        prescan(lowered, [(head + s, head + e) for s, e in spans])
    region = places().region
    title_places = [m for m in place_mentions(title or "") if _regional(m.place)]
    title_place = best_place(title_places)

    cands: list[_Candidate] = []
    region_mentions = sum(1 for _ in title_places)
    region_mentions += sum(1 for m in actor_mentions(title or "") if m.actor.country in region or m.actor.of_scene)
    security = offtopic = 0
    offtopic_lead = False  # the story opens with sport, markets or space
    # Scenes of earlier sentences, for carrying the scene forward: worked out when a sentence is read for
    # other reasons, else on demand (most sentences of a story are never looked back at).
    scenes = _Scenes(text, spans)
    speakers = _Speakers(text, spans)
    # A toll told before its event, as headlines do ("Syria troops kill at least 50 jihadists. ... clashes"):
    # (sentence index, counts) of the last such sentence.
    lead_toll: tuple[int, Counts] | None = None
    first_violent: int | None = None  # the sentence of the first violent event: the one a lead toll is for
    recalled = -2  # the last sentence whose act is dated weeks before publication (background, not news)
    news_day: dt.date | None = None  # the day of the first act the lede dates: later acts days before it are history
    # ("Iran this week: a deadly assault ..., two more executions ... Here is our roundup of the week's main security
    # developments": every day of the week is news)
    lede_end = spans[min(len(spans), _LEAD_SENTENCES) - 1][1] if spans else 0
    weekly = _WEEKLY.search(text, 0, lede_end) is not None
    looks_back = False  # the story opens by looking back (see [modality] retrospective): undated acts are history
    aftermath = False  # ... or on a funeral or the reactions to an act (see [modality] aftermath)
    # The story opens with an act outside the region (Kyiv, Niger, Mogadishu): later acts it places nowhere are that
    # story's, not the region's ("Security forces killed five attackers and captured one alive").
    abroad_lede = False
    filed_abroad = False  # ... told by its dateline ("GOMA, Democratic Republic of Congo (Reuters) -")
    background_until = -1  # the end of a paragraph headed "BACKGROUND:" (what it tells is no news)
    # The story models' view of the whole story (story.py), worked out when first needed
    words: set[str] | None = None
    story_off = -1.0
    for i, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if _BACKGROUND_HEAD.match(sentence):
            background_until = _paragraph_end(text, start)
        if start < background_until:
            continue
        vetoes: dict[str, bool] = {}
        far_revision = False  # a raised toll told far from its act (below)
        lowered_sentence = sentence.lower()
        if vetoed_violent(lowered_sentence, vetoes):
            if vetoes["veto_sport"] and not vetoes["veto_violent"]:
                words = features(lowered, lowered=True) if words is None else words
                story_off = offtopic_model().score(words) if story_off < 0 else story_off
                if story_off < SURELY_ON_TOPIC:
                    vetoes["veto_sport"] = False  # "a suicide bomber struck a crowd watching a football match": news
            if vetoes["veto_violent"] or vetoes["veto_sport"]:
                offtopic += 1
        triggers = find_triggers(sentence, year, vetoes)
        if i == 0:
            # (not a lede that tells its own act first: "Israeli troops killed a gunman in a raid ..., as thousands
            # rallied in Ramallah to mark 75 years since the Nakba")
            back = r.retrospective.search(lowered_sentence)
            looks_back = back is not None and not _act_then_aside(sentence, back.start(), year)
            aftermath = bool(r.aftermath.search(lowered_sentence))
            # "KYIV, Ukraine (AP) - Swarms of Iranian-made drones ...": a story filed from another war
            filed_abroad = abroad_lede = filed_elsewhere(sentence, scenes.mentions(0))
            # a story that opens with sport, markets, space, a film, a disaster or a crime ("a drama ... won applause")
            offtopic_lead = not triggers and (
                offtopic == 1
                or bool(r.fiction.search(lowered_sentence))
                or bool(r.disaster.search(lowered_sentence))
                or bool(r.crime.search(lowered_sentence))
            )
        if region_mentions < REGION_ENOUGH:  # past that the count changes nothing
            mentions = scenes.mentions(i)
            region_mentions += sum(1 for m in mentions if _regional(m.place)) + regional_demonyms(sentence)
        if triggers:
            scene = scenes.keep(i, scenes.mentions(i), triggers)
        last = _last_told(cands, r.violent)
        follows_violence = last is not None and last.event_type in r.violent
        claim = bool(_CLAIM.search(lowered_sentence)) if triggers or follows_violence else False
        # ("No group claimed responsibility for the bombing": about the act told, naming no one)
        unclaimed = _NO_CLAIM.search(lowered_sentence) is not None
        claimed = claim and not unclaimed
        if not triggers and follows_violence and not claim:
            claim = bool(_BLAME.search(lowered_sentence))
        named_claim = claim and not unclaimed  # a claimant or one blamed
        anaphoric = claim or bool(_ANAPHORA.search(lowered_sentence)) if triggers or follows_violence else False
        if anaphoric and triggers and not triggers[0].generic and not _refers_before(lowered_sentence, triggers[0]):
            # "An explosive device tore into an armoured vehicle ...; Islamic Jihad claimed the bombing": the
            # sentence's own act, claimed and named after it is told, not the one before
            claim = anaphoric = False
        if not triggers:
            # "Seven fighters were killed and 12 wounded, a monitor said." right after a clash: its toll.
            # (a protest's injured too: "Eleven people were hurt before the crowd dispersed")
            # (or, after the story's lede, one sentence on past one that tells of no harm: "A missile slammed into a
            # mosque ... Rescue teams worked through the night. By morning medics had counted 83 dead")
            told_next = (
                last is not None
                and (
                    last.last_sentence == i - 1
                    or (
                        last.last_sentence == i - 2
                        # (or in the act's own paragraph: "Overnight, coalition warplanes pounded Houthi targets
                        # in Sanaa ... Rescuers worked through the night ... The ministry raised the toll to 14")
                        and (last.sentence < _LEAD_SENTENCES or "\n\n" not in text[spans[i - 2][0] : start])
                        and not _tells_harm(text[spans[i - 1][0] : spans[i - 1][1]])
                    )
                    # ("... wounding two civilians. Debris fell on houses. Two residents suffered light injuries.
                    # No deaths were reported."): that no one died or was hurt is said of the act of its paragraph
                    or (
                        last.last_sentence >= i - _ZERO_REACH
                        and "\n\n" not in text[spans[last.last_sentence][0] : start]
                        and _no_harm(sentence)
                    )
                )
            )
            follows_protest = (
                told_next
                and cands[-1].event_type == "protest"
                and not any(c.event_type in r.violent and i - c.last_sentence <= MERGE_DISTANCE for c in cands)
            )  # (after gunfire on the crowd, the wounded are the shooting's)
            # "* KERBALA - Police said the death toll from Saturday's car bomb had risen to 42": a roundup's next
            # item, opened by its place in capitals, tells no detail of the item before
            new_item = _ITEM_START.match(sentence) is not None
            if new_item or not (
                (follows_violence and (anaphoric or (told_next and has_toll(sentence))))
                or (follows_protest and has_toll(sentence))
                or (follows_violence and _same_toll_again(sentence, cands, i))
                or (far_revision := follows_violence and not told_next and _toll_revised(sentence, cands, i, text))
            ):
                # only in the opening sentences, where headlines and ledes give a toll before the event
                counts = extract_counts(sentence) if first_violent is None and i < _LEAD_SENTENCES else None
                if counts is not None and counts.killed:
                    lead_toll = (i, counts)
                continue
            if (
                recalled == i - 1
                or not_current_cues(lowered_sentence) in ("history", "fiction")
                or (not claim and _names_an_earlier_year(sentence, published))
            ):
                # "Sunday marked 100 days since Hamas fighters stormed southern Israel, killing about 1,200": an
                # anniversary's toll (its act dropped as history), not a detail of the event before; nor the toll
                # after an act recalled from weeks before ("In January, IS stormed the prison. Over 500 died."); a
                # trend's words may still name the doer ("The rising number of these attacks, mainly executed by
                # Iran-backed militia groups, ...")
                continue
            scene = scenes.without_triggers(i)
            # Details of the event just reported: merged into it below, never an event on its own.
            told_type = last.event_type if last is not None else cands[-1].event_type
            triggers = [Trigger(told_type, 0, 0, generic=True, continuation=True)]
        else:
            security += 1
        abroad = False  # done outside the region by or on a party of it: coded, with no place
        if scene is not None and not in_region(scene):
            if not _abroad_but_regional(sentence, triggers[0].event_type):
                if i < _LEAD_SENTENCES and not cands:
                    abroad_lede = True
                continue  # North Korea, Florida, Ukraine: not coded here
            scene, abroad = None, True  # sanctions decided in London on the IRGC, talks in Cyprus
        split = clause_units(sentence, triggers)
        previous: tuple[ActorMention | None, ActorMention | None] = (None, None)  # the unit before: doer, target
        for n, u in enumerate(split):
            cs, ce, unit_triggers = u.start, u.end, u.triggers
            unit = sentence[cs:ce]
            if recalled == i and _CONSEQUENCE.search(
                sentence, max(0, cs - _CONSEQUENCE_REACH), cs + _CONSEQUENCE_REACH
            ):
                continue  # ("Earlier this month, a Turkish air strike ... killed two, prompting small demonstrations")
            whole = len(split) == 1  # one event: the sentence's scene and text (the unit may leave out a tail)
            unit_scene = scene if whole else _scene(place_mentions(unit), unit_triggers)
            unit_abroad = abroad if whole else False
            if unit_scene is not None and not in_region(unit_scene):
                if not _abroad_but_regional(unit, unit_triggers[0].event_type):
                    continue
                unit_scene, unit_abroad = None, True
            people = actor_mentions(unit)
            region_mentions += sum(1 for m in people if m.actor.country in region or m.actor.of_scene)
            # "... and warned Iran": the doer named before; "... after the group fired": the target named before
            carried = previous[0] if u.shares_subject else previous[1] if u.refers_back else None
            if carried is None and claim and n > 0 and _CLAIM.search(lowered_sentence[:cs]) is not None:
                carried = previous[0]  # "X claimed both the drone attack on Erbil and the rocket fire on Ain al-Asad"
            if carried is not None:
                people = [replace(carried, role_hint="agent"), *people]
            if unit_triggers[0].event_type == "threat" and not any(m.role_hint in ("agent", "speaker") for m in people):
                said_by = speakers.of(i, cands[-1] if cands else None, people)
                if said_by is not None:
                    people = [ActorMention(said_by, 0, 0, "speaker"), *people]
            weapon = weapon_of(unit.lower()) if unit_triggers[0].event_type in r.violent else None
            trigger = _by_weapon(unit_triggers, weapon)
            previous = roles(people, trigger.event_type)
            a1, a2 = assign_roles(people, trigger.event_type)
            agent = previous[0]
            if (
                trigger.event_type in _BOMBINGS
                and a1 is not None
                and a1.type in _STATES
                and (agent is None or agent.role_hint != "agent")
            ):
                # "A car bomb tore through a market ..., as violence raised fears that Iraq could slide back": bombs
                # are armed groups' (a state's only when the story says so: "planted by Israel")
                a1 = None
            if (
                trigger.event_type == "air_or_drone_strike"
                and (a1 is None or (a1.type in ARMED_GROUP_TYPES and (agent is None or agent.role_hint != "agent")))
                and _WARPLANES.search(unit) is not None
                and _DRONE.search(unit) is None
            ):
                # "Israel's military said dozens of aircraft had struck ... infrastructure used by the Houthis": the
                # group is what was struck; the jets are a state's, the one speaking (or, where a group was read as
                # the doer, the one named before)
                a1 = _forces_named(people, cands, i, text, spans) if a1 is not None else _state_speaking(people)
            if claimed and (voice := _speaker(people)) is not None and voice.type in ARMED_GROUP_TYPES:
                a1 = voice  # "The Houthi military spokesman claimed responsibility ...": the group that speaks did it
            if (
                agent is not None
                and trigger.event_type == "attack"
                and agent.actor.type == "government"
                and _EXECUTION.search(unit)
            ):
                a1 = agent.actor  # "Iran hanged four men": the state's courts, not its forces
            before_act = unit[: trigger.start].lower()
            subject = _GROUP_SUBJECT.search(before_act)
            loose = subject is not None and subject.group(1) in ("militants", "jihadists")
            if loose and _GROUP_OBJECT.search(before_act):
                subject = None  # "stepped up its air campaign against the jihadists": whom it was against
            # "the militants had since executed 20 men": the group named before, not just anyone
            if subject is not None and (a1 is None or (loose and a1.type == "unknown")):
                # "Hours later, the group fired a ballistic missile": the armed group named last
                named = next((c.actor1 for c in reversed(cands) if c.actor1 and _an_armed_group(c.actor1)), None)
                if named is None and not _GROUP_OBJECT.search(before_act):
                    # "Hezbollah later mourned the pair. In the afternoon the group said it had fired rockets"
                    named = _named_before(text, spans, i, _GROUP_REACH, _an_armed_group)
                a1 = named or a1
            if a1 is None and _FORCES_DID.search(unit.lower()):
                a1 = _forces_named(people, cands, i, text, spans)
            if trigger.event_type == "armed_clash" and a1 is not None and a1.type == "civilians":
                trigger = replace(trigger, event_type="attack")  # "settlers stormed the village": no armed side met
            elif (
                trigger.event_type in ("armed_clash", "attack")
                and a1 is not None
                and a1.type == "protesters"
                and agent is not None
                and agent.start < trigger.start - cs  # (the crowd acts: not "assassinations of ... activists")
                and _CROWD_ACTS.search(sentence, trigger.start, trigger.end) is not None  # (not "a gas attack")
            ):
                # "protesters stormed the council building", "crowds of rioters torched cars": a riot
                trigger = replace(trigger, event_type="protest")
            elif (
                trigger.event_type == "armed_clash"
                and a2 is not None
                and a2.type == "protesters"
                and _CROWD_CONTROL.search(unit) is not None  # (not "local activists ... said")
            ):
                # "riot police firing tear gas clashed for several hours with hundreds of protesters": no armed side met
                trigger = replace(trigger, event_type="protest")
            quoted = _QUOTE_OPENS.match(sentence) if trigger.event_type == "threat" else None
            if quoted is not None:
                # '"Hezbollah is dragging Lebanon into a war it will pay for dearly."': the speaker's threat, whoever
                # the quotation names; the speaker is named after it or in the sentences before
                a1 = _speaker_after_quote(sentence, quoted) or _speaker_before(text, spans, i) or a1
            elif a1 is None and trigger.event_type == "threat" and _PRONOUN_SPEAKS.search(sentence):
                a1 = _speaker_before(text, spans, i)  # 'He warned that ...': the speaker named before
            event_date, precision = resolve_date(unit, published)
            if precision == "published" and cs > 0:  # "..., a day after Israeli warplanes pounded ports"
                told_day = cands[-1].date if cands else None
                act_at = cs + trigger.start
                event_date, precision = _days_apart(sentence, cs, act_at, published, told_day, event_date, precision)
            if precision == "published" and len(unit) != len(sentence):  # a clause: the sentence may date it
                event_date, precision = resolve_date(sentence, published)
            that_day = precision == "published" and i > 0 and _THAT_DAY.search(unit) is not None
            if that_day:
                # "... since the war began on October 7, 2023. The Hamas-led attack on southern Israel that day
                # killed about 1,200 people.": the day the sentence before names
                event_date, precision = resolve_date(text[spans[i - 1][0] : spans[i - 1][1]], published)
            elif precision == "published" and cands and _SOON_AFTER.search(unit) is not None:
                # "A bulk carrier was struck by a missile on Tuesday. ... Hours later, U.S. Central Command said
                # American fighter jets had struck ...": the day of the act told before (its retellings carry none)
                dated = next((c for c in reversed(cands) if c.date_precision != "published"), None)
                if dated is not None and i - cands[-1].last_sentence <= MERGE_DISTANCE:
                    event_date, precision = dated.date, dated.date_precision
            # ("That truce followed a drone attack on Jan. 28 on the Tower 22 outpost ... Washington responded days
            # later with strikes"): told by its distance from a recalled act, it is background too
            later_than_recalled = (
                recalled == i - 1 and precision == "published" and _TOLD_LATER.search(unit) is not None
            )
            if (
                later_than_recalled
                or _recalled(
                    unit, i, trigger, event_date, precision, published, looks_back, that_day, news_day, sentence[:cs]
                )
                or _came_after(sentence, cs + trigger.start, published, cands[-1].date if cands else None)
            ):
                recalled = i
                continue
            if aftermath and (
                _days_old(event_date, precision, published)
                or _days_old(*resolve_date(_around(unit, trigger.start, trigger.end, published), published), published)
            ):  # fmt: skip
                # "Hundreds of mourners ... on Monday to bury two officers killed last week", "Condemnations continued
                # to pour in on Wednesday over Sunday's twin suicide bombings": the act is days old, its aftermath the
                # news; its retellings, undated, go with it
                recalled, looks_back = i, True
                continue
            counts = extract_counts(unit)
            if trigger.event_type == "suicide_bomb" and counts.killed is not None:
                counts = _bomber_not_counted(unit, counts)
            if trigger.event_type in _BOTH_SIDES and (counts.killed is not None or counts.injured is not None):
                counts = _both_sides(unit, counts)
            if (
                lead_toll
                and first_violent in (None, i)
                and i - lead_toll[0] <= _LEAD_REACH
                and counts.killed is None
                and trigger.event_type in r.violent
            ):
                counts = replace(
                    counts,
                    killed=lead_toll[1].killed,
                    lower_bound=lead_toll[1].lower_bound,
                    killed_vague=lead_toll[1].killed_vague,
                )
            if first_violent is None and trigger.event_type in r.violent:
                first_violent = i
            anaphor = anaphoric if whole else bool(_ANAPHORA.search(unit.lower()))
            place = unit_scene or scene
            if (
                place is not None
                and trigger.event_type in _DONE_AT_HOME
                and a1 is not None
                and a1.type in _STATES
                and a1.country in region
                and a1.country != place.country_iso
                and filed_only(scenes.mentions(i))
            ):
                # "DUBAI (Reuters) - Iran hanged two men on Thursday": a state's own hangings and arrests are at
                # home, not where the story was filed
                place = places().countries.get(a1.country, place)
            if unit_scene is None and not whole and place is not None and _strikes_home(trigger, a1, place):
                # "Palestinian militants fired rockets into Ashkelon, as Israeli warplanes pounded targets across the
                # enclave": a state's strikes told in a clause that names no place are not on its own soil
                place = best_place([m for m in scenes.mentions(i) if m.place.country_iso != place.country_iso]) or place
            cands.append(_Candidate(
                sentence=i, last_sentence=i, trigger=trigger, start=start if whole else start + cs,
                end=end if whole else start + ce, actor1=a1, actor2=a2, patron=patron_in(unit),
                place=place, place_from_text=place is not None, date=event_date,
                date_precision=precision, counts=counts, weapon=weapon,
                anaphoric=anaphor, pair=anaphor and bool(_PAIR.search(unit.lower())), clause=n, abroad=unit_abroad,
                far_revision=far_revision,
                answers=n == 0 and _answers(lowered_sentence, trigger), claim=claim, named_claim=named_claim,
                claimed=claimed,
                told_back=_told_back(trigger.event_type, unit), intercepted=bool(_INTERCEPTED.search(unit)),
                account=trigger.event_type in r.violent and _OWN_ACCOUNT.search(unit) is not None,
                day_named=_day_named(unit, published), indefinite=n == 0 and _INDEFINITE.match(sentence) is not None,
                partitive=n == 0 and _PARTITIVE.match(sentence) is not None,
                fire_returned=trigger.event_type == "armed_clash" and RETURNED_FIRE.search(unit) is not None,
                more=_MORE.search(unit) is not None,
                apart=n == 0 and lowered_sentence.startswith(_APART),
                fragment=trigger.event_type in _WAVES and _FRAGMENT.search(unit) is not None,
            ))  # fmt: skip
            if news_day is None and i < _LEAD_SENTENCES and precision == "day" and not weekly:
                news_day = event_date

    relevance = relevance_score(region_mentions, security, offtopic, offtopic_lead)
    if relevance < MIN_RELEVANCE:
        return ArticleTags(relevance=relevance, topics=[], events=[])

    told = {c.sentence for c in cands}  # sentences that report an event (or a detail of one)
    merged: list[_Candidate] = []
    for c in cands:
        # "The strikes were ..." may refer back past a statement about them: look at the last violent event.
        target = len(merged) - 1
        if c.event_type in r.violent and (c.anaphoric or c.trigger.continuation or _recount(c.counts)):
            # "the air raids alone had killed nine": the last act of that kind, else the last violent one
            recent = range(len(merged) - 1, -1, -1)
            target = next((j for j in recent if merged[j].event_type == c.event_type and not c.trigger.continuation
                           and c.sentence - merged[j].last_sentence <= MERGE_DISTANCE), -1)  # fmt: skip
            if target >= 0 and _recount(c.counts):
                target = -1  # a toll told anew goes to the act it names or counts fewer for (below), however near
            elif target < 0 and c.claimed and c.anaphoric:
                # "The Islamic Resistance in Iraq claimed both the drone attack on Erbil and ...": the act of that kind
                # there, told paragraphs before
                target = next((j for j in recent if merged[j].event_type == c.event_type
                               and _same_area(merged[j].place, c.place)
                               and c.sentence - merged[j].last_sentence <= _CLAIM_REACH), -1)  # fmt: skip
            if target < 0:  # the violent act told last (a clause's act may sit after one told on since)
                violent_told = [j for j in recent if merged[j].event_type in r.violent]
                target = max(violent_told, key=lambda j: (merged[j].last_sentence, j), default=len(merged) - 1)
                if violent_told and (c.trigger.continuation or c.counts.killed_revised or c.counts.injured_revised):
                    unit = text[c.start : c.end]
                    if c.trigger.continuation:
                        target = _named_among(merged, violent_told, target, unit)
                    told_acts = [merged[j] for j in violent_told]
                    hurt_only = c.counts.injured_revised and not c.counts.killed_revised
                    raised = c.counts.injured if hurt_only else c.counts.killed
                    by_name = _act_a_toll_names(told_acts, c.sentence, unit, raised, text, hurt_only)
                    if (c.counts.killed_revised or hurt_only) and by_name >= 0:
                        # ("now says 41 civilians were killed in Saturday's air strikes": not the mortar fire told last)
                        target = violent_told[by_name]
                        c.far_revision = True  # (however far back it was told)
                    elif c.far_revision and c.trigger.continuation:
                        target = _revised_target(merged, violent_told, target, raised, unit, hurt_only)
                    elif c.counts.killed_revised and c.trigger.continuation:
                        # "A car bomb ... killed at least 14, while a suicide bomber struck police recruits ... Police
                        # later raised the toll to 21": of two acts told last in one sentence, the one told with fewer
                        # dead (not so of acts told apart: the last may be the one whose toll was not told before)
                        fewer = _revised_target(merged, violent_told, target, raised, unit)
                        again = any(merged[j].counts.killed == raised for j in violent_told)  # (a toll told again)
                        last_told = merged[fewer].last_sentence == merged[target].last_sentence
                        target = fewer if last_told and not again else target
        elif (
            c.event_type in r.violent
            and target >= 0
            and (sibling := _clause_sibling(merged, target, c.event_type)) is not None
        ):
            # "Helicopters dropped barrel bombs on Aleppo ..., as fighting raged on several fronts. The Observatory said
            # the bombs struck ...": the act of its kind in the sentence told last, not the clause after it
            target = sibling
        elif c.event_type in r.violent and target >= 0 and merged[target].event_type not in r.violent:
            # "The toll from Tuesday's bombing rose to 11 as police detained 18. The attacker blew himself up ...":
            # an arrest told in between does not part the act from its telling in the next sentence
            target = next((j for j in range(target - 1, -1, -1) if merged[j].event_type == c.event_type
                           and c.sentence - merged[j].last_sentence <= 1), target)  # fmt: skip
        if target >= 0 and _mergeable(merged[target], c, told):
            merged[target] = _merge(merged[target], c)
            if c.pair and c.actor1 is not None:
                _name_doer_of_the_one_before(merged, target, c)
        elif not c.trigger.continuation:
            merged.append(c)
    # Violence without a place in its sentence happened where the story last said it was, or where its lede's act did.
    lede_place = next((c.place for c in merged if c.sentence < _LEAD_SENTENCES and c.place_from_text
                       and c.event_type in r.violent), None)  # fmt: skip
    for c in merged:
        fixed = event_types()[c.event_type].get("fixed_actor1")  # (a string: the data file's values are all text)
        if fixed is not None:
            c.actor1 = actors().by_name[fixed]
        at_sea_unplaced = c.place is not None and c.place.kind == "sea" and c.place.country_iso is None
        if at_sea_unplaced and c.event_type in r.violent and c.place is not None:
            # At sea, ACLED codes an attack to the attacker's coastal state (Houthi attacks -> Yemen), or
            # to the state the data file names for that sea when the attacker is not named.
            coded_to = c.actor1.country if c.actor1 and c.actor1.country in region else None
            coded_to = coded_to or places().sea_attacks.get(c.place.name)
            if coded_to:
                c.place = replace(c.place, country_iso=coded_to)
        home = _home(c)
        if c.event_type == "threat" and home is not None:
            c.place = home  # a threat is coded where its maker is, not where it points
        arrest_by_state = c.event_type == "arrest_or_seizure" and c.actor1 is not None and c.actor1.type == "government"
        if c.place is None and arrest_by_state and home is not None:
            c.place = home  # "Bahrain's interior ministry said it had dismantled a cell": a state's own police work
        # "The Israeli army said its jets had struck ... in response to the rocket fire" after rockets hit Safed: a
        # state whose strikes land abroad did not strike where the sentences before it were
        not_home = c.actor1.country if c.actor1 is not None and _strikes_abroad(c) else None
        if c.place is None and (c.event_type in r.violent or c.event_type in _LOCATED_TYPES):
            c.place = scenes.last_before(c.sentence, 3, not_home) or _unless_in(title_place, not_home)
        if c.event_type in r.violent and _place_rank(c.place) < _ADMIN1_RANK:
            c.place = _refined(c, scenes, told, len(spans))
        if c.place is None and c.event_type not in r.violent and home is not None and not c.abroad:
            c.place = home  # "Jordanian authorities seized ...", "Egypt summoned ...": the state's own act
        if c.place is None and (c.event_type in r.violent or c.event_type in _LOCATED_TYPES) and not c.abroad:
            c.place = _unless_in(lede_place, not_home)  # told far from any place: where the story's news happened
        # "at least 74 people had been detained": by the state where it happened (not everywhere: actors.toml)
        where = c.place.country_iso if c.place is not None else None
        unnamed = c.event_type == "arrest_or_seizure" and c.actor1 is None
        if unnamed and where in region and where not in actors().arrests_unnamed_in:
            c.actor1 = actors().forces_of.get(where)  # type: ignore[arg-type]
    merged = _dedupe(merged)
    if abroad_lede:
        # a story of another war: the region's acts it tells with no day and no toll are asides ("it coordinates with
        # Moscow over its air operations against Iranian-linked targets in Syria")
        # (nor, in a story filed from there, what no party of the region did: "GOMA, Democratic Republic of Congo -
        # ... even as delegations from both sides met in Qatar to agree a truce", "shells struck a market")
        merged = [c for c in merged if c.place_from_text and not _aside(c) and (_regional_actor(c) or not filed_abroad)]
    elif _told_in_passing(cands, merged, len(spans)):
        merged = []
    elif offtopic_lead:
        # a story that opens with sport, markets, space, a film or a disaster: its metaphors hurt no one ("We attacked
        # until the last second"); only an act that killed or hurt someone is news in it
        merged = [c for c in merged if c.counts.killed or c.counts.injured]
    events = []
    story_place = next((c.place for c in merged if c.place is not None and c.place.country_iso), None)
    for c in merged:
        if c.event_type in r.violent and c.place is None and not _regional_actor(c):
            continue  # violence we cannot place in the region is not coded
        events.append(_event(c, text, story_place))
    if events:
        # the story as a whole, by its words (story.py's models): a match report, a market wrap, a crash or another
        # war told in war words is no act in the region, and an anniversary, a verdict or an analysis retells old
        # acts, however their sentences read one by one
        words = features(lowered, lowered=True) if words is None else words
        story_off = offtopic_model().score(words) if story_off < 0 else story_off
        if story_off >= OFFTOPIC_THRESHOLD:
            return ArticleTags(relevance=min(relevance, round(1.0 - story_off, 3)), topics=[], events=[])
        if no_news_model().score(words) >= NO_NEWS_THRESHOLD:
            return ArticleTags(relevance=relevance, topics=[], events=[])
        if screen and len(text.split()) >= EVENT_MIN_WORDS:
            events = _not_told_before(text, events)
    return ArticleTags(relevance=relevance, topics=topic_tags(article, events, r.violent),
                       events=events)  # fmt: skip


_QUOTES = ('"', "\u201c")
_QUOTE_REACH = 3  # sentences of one quote a threat may be told after its speaker's sentence
_PRONOUN_SAID = re.compile(r",\W*\s(?:he|she)\s+(?:said|added|warned|told)\b")


class _Speakers:
    """Who speaks a threat that names no party: a speaker named by surname alone, whose party a title named before
    ("Houthi military spokesman Yahya Saree ... Saree warned that the United States 'will pay a heavy price'"), or the
    party of the sentence before a quote ('The commander of the Guards' navy warned Western countries. "Any foreign
    force ... will receive a crushing response," he said.')."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self._text = text
        self._spans = spans
        self._by_surname: dict[str, Actor] | None = None  # read once, when a sentence first asks

    def _sentence(self, i: int) -> str:
        start, end = self._spans[i]
        return self._text[start:end]

    def of(self, i: int, last: _Candidate | None, named: list[ActorMention]) -> Actor | None:
        """The party speaking sentence `i` (`last`: the event told last, a threat the quote may go on with; `named`:
        the parties the sentence names itself)."""
        sentence = self._sentence(i)
        surname = speaking_surname(sentence)
        if surname is not None:
            if self._by_surname is None:
                self._by_surname = titled_speakers(self._text)
            return self._by_surname.get(surname)
        # A sentence that opens with a quote: the parties it names are whom it threatens. Any other needs a "he said"
        # and no party of its own ("Guards commander Hossein Salami warned ... 'We do not hesitate,' he said").
        quoted = sentence.lstrip().startswith(_QUOTES)
        if i == 0 or not (quoted or (_PRONOUN_SAID.search(sentence) and not any(_a_party(m) for m in named))):
            return None
        if last is not None and last.event_type == "threat" and last.last_sentence == i - 1 and last.actor1:
            return last.actor1  # 'Saree vowed retaliation. "The American and British aggression will not go ..."'
        for j in range(i - 1, max(-1, i - 1 - _QUOTE_REACH), -1):
            before = self._sentence(j)
            if not before.lstrip().startswith(_QUOTES):  # (a quote that goes on is passed over)
                return next((m.actor for m in actor_mentions(before) if _a_party(m)), None)
        return None


def _a_party(mention: ActorMention) -> bool:
    """Is the mention a party that may speak: not a target, nor civilians or someone unknown?"""
    return mention.role_hint != "target" and mention.actor.type not in ("civilians", "unknown")


class _Scenes:
    """Each sentence's scene as the look-back sees it (a place in the region, or None), worked out at most
    once and only when needed: most sentences of a story are never looked back at."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self._text = text
        self._spans = spans
        self._mentions: dict[int, list[PlaceMention]] = {}
        self._kept: dict[int, Place | None] = {}
        self._senses: dict[str, Place] = {}  # a shared name -> the place a sentence of the story showed it to be

    def mentions(self, i: int) -> list[PlaceMention]:
        if i not in self._mentions:
            start, end = self._spans[i]
            found = place_mentions(self._text[start:end])
            self._mentions[i] = self._one_sense(found) if found else found
        return self._mentions[i]

    def _one_sense(self, found: list[PlaceMention]) -> list[PlaceMention]:
        """ "TRIPOLI (Reuters) - Heavy fighting ... in the Libyan capital ... Gunfire rang out across central Tripoli":
        a name two places share means, all through a story, the one its sentence with other places showed; a
        sentence that names nothing else takes the story's sense (one sense per story)."""
        shared = places().shared_names
        for n, m in enumerate(found):
            name = shared.get(m.place)
            if name is None or name.startswith("the "):  # ("the kingdom" is the kingdom told of last)
                continue
            if m.place is not places().homonyms[name][0]:
                self._senses.setdefault(name, m.place)  # resolved by its sentence's other places
            elif name in self._senses and all(o is m or o.place.country_iso is None for o in found):
                found[n] = replace(m, place=self._senses[name])
        return found

    def keep(self, i: int, mentions: list[PlaceMention], triggers: list[Trigger]) -> Place | None:
        """The scene of sentence `i` read with its triggers (the look-back sees it so too)."""
        self._mentions[i] = mentions
        scene = _scene(mentions, triggers)
        self._kept[i] = scene if scene is not None and in_region(scene) else None
        return scene

    def without_triggers(self, i: int) -> Place | None:
        return _scene(self.mentions(i), [])

    def last_before(self, i: int, back: int, unless: str | None = None) -> Place | None:
        """The scene of the nearest of the `back` sentences before sentence `i` that has one (not in the
        country `unless`)."""
        for j in range(i - 1, max(-1, i - back - 1), -1):
            if j not in self._kept:
                scene = self.without_triggers(j)
                self._kept[j] = scene if scene is not None and in_region(scene) else None
            kept = self._kept[j]
            if kept is not None and kept.country_iso != unless:
                return kept
        return None


_ADMIN1_RANK = 2  # _place_rank of a province
_DATE_REACH = 120  # characters after the act within which a date still dates it as recalled
_OWN_DATE_REACH = 40  # characters after an act's trigger within which a date is the act's own
_DAYS_BEFORE_NEWS = 3  # an act told after the lede this many days before the lede's act is background
# An act told after the lede as "earlier this month" is background to the day's news (in the lede it may be the news).
_EARLIER = re.compile(r"\b[Ee]arlier this (?:month|year)\b")
# ("That summer, several tankers were also damaged by limpet mines off Fujairah", "An Egyptian-brokered truce ended
# that round": the time the sentence before names)
_THAT_DAY = re.compile(
    r"\b(?:that|the same) (?:day|night|morning|afternoon|evening|week|month|summer|spring|autumn|winter|year|round)\b",
    re.IGNORECASE,
)
# "rallied in Sanaa on Friday, a day after Israeli warplanes pounded ports": the clause's act is dated from the
# sentence's own act
_DAYS_APART = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|\d) (?:full )?days? (?P<dir>after|before)\s+(?:[\w'’-]+\s+){0,4}$",
    re.IGNORECASE,
)


_CAME = re.compile(r"\b(?:came|comes|happened|occurred|followed)\s+(?:just\s+|only\s+|barely\s+)?$", re.IGNORECASE)


def _count_of(word: str) -> int:
    """A small count in figures or words ("3", "a", "five"; numbers.toml), 0 for a vague one ("several")."""
    return int(word) if word.isdigit() else numbers()["units"].get(word, 0)


def _days_apart(
    sentence: str,
    cs: int,
    act_at: int,
    published: dt.date | None,
    told: dt.date | None,
    date: dt.date | None,
    precision: str | None,
) -> tuple[dt.date | None, str | None]:
    """The date of a clause's act told as "N days after/before" the act the sentence opens with, when the sentence
    dates its own act, or is the act told before ("The attack came two days after ..."); else the date given."""
    m = _DAYS_APART.search(sentence, max(0, act_at - 60), act_at)
    if m is None or m.start() > cs + 3:
        return date, precision
    opening = sentence[: m.start()]
    main, main_precision = resolve_date(opening, published)
    if main_precision == "published" and _CAME.search(opening) is not None:
        main = told
    if main is None or main_precision not in ("day", "published"):
        return date, precision
    n = m.group("n").lower()
    shift = dt.timedelta(days=_count_of(n))
    return (main - shift if m.group("dir").lower() == "after" else main + shift), "day"


# "The violence came five days after two car bombs ...", "The overnight raids came after Israeli aircraft hit the
# port of Latakia on Tuesday": what the news followed, told as its cause
_CAME_AFTER = re.compile(
    r"\b(?:came|comes|followed|follows|occurred|happened)\s+(?:just |only |barely |less than |more than |about |some )?"
    r"(?:(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|few) (?P<unit>days?|weeks?|months?)\s+)?"
    r"after\s+(?:[\w'’-]+\s+){0,8}$",
    re.IGNORECASE,
)


def _came_after(sentence: str, act_at: int, published: dt.date | None, told: dt.date | None) -> bool:
    """Is the act at `act_at` what the act told before (on `told`) "came" days after: three days or more (as
    _DAYS_BEFORE_NEWS), or weeks or months, or just "after" an act of its own day two or more days before? Background
    to it then. (A day after, it is as often news the story tells for the first time: "The raid followed a shooting
    Monday evening near Eli, where a gunman ...")"""
    m = _CAME_AFTER.search(sentence, max(0, act_at - 110), act_at)
    if m is None:
        return False
    n, unit = (m.group("n") or "").lower(), (m.group("unit") or "").lower()
    if unit.startswith(("week", "month")):
        return True
    if not unit:
        # "The overnight raids came after Israeli aircraft hit the port of Latakia on Tuesday" (a story of Thursday)
        own, precision = resolve_date(sentence[m.end() :], published)
        return precision == "day" and own is not None and told is not None and (told - own).days >= 2
    return n in ("several", "few") or _count_of(n) >= _DAYS_BEFORE_NEWS


_SOON_AFTER = re.compile(r"\b(?:hours|minutes) (?:later|afterwards?)\b", re.IGNORECASE)
# What a recalled act set off, told in its sentence, is as old as it
_CONSEQUENCE = re.compile(r"\b(?:prompting|sparking|triggering|provoking|drawing|leading to|causing)\b")
_CONSEQUENCE_REACH = 20  # characters around a clause's start where its "prompting" may stand
_TOLD_LATER = re.compile(
    r"\b(?:(?:hours|minutes|days|a day|a few days|weeks|a week|shortly) (?:later|afterwards?)"
    r"|the (?:next|following) (?:day|morning|night|week))\b",
    re.IGNORECASE,
)
_LOOK_AHEAD = 2  # sentences after an event that may still say where it happened
# A paragraph a live blog or a summary heads as background: "BACKGROUND: The ceasefire, brokered by ..."
_BACKGROUND_HEAD = re.compile(r"^\W{0,3}(?:BACKGROUND|Background|CONTEXT|Context)\s*(?::|[-\u2013\u2014]\s)")


_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _names_an_earlier_year(sentence: str, published: dt.date | None) -> bool:
    """ "... after a string of attacks inside Israel killed 19 people in the spring of 2022": a toll of a year gone."""
    return published is not None and any(int(y) < published.year for y in _A_YEAR.findall(sentence))


def _last_told(cands: list[_Candidate], violent: frozenset[str]) -> _Candidate | None:
    """The act a detail in the next sentence belongs to: the last one told, or the violent one of the same sentence
    when that sentence ended on an aside ("Settlers rampaged through the village, shooting dead a man, in an attack
    that came hours before the United States unveiled sanctions ... Twelve other Palestinians were wounded")."""
    if not cands:
        return None
    last = cands[-1]
    for c in reversed(cands):
        if c.sentence != last.sentence:
            break
        if c.event_type in violent:
            return c
    return last


_AFTERMATH_DAYS = 2  # an act this many days before publication, in a story that opens on its aftermath, is not news


def _around(unit: str, start: int, end: int, published: dt.date | None) -> str:
    """The words just around an act, where its own day is told ("on Monday to bury two officers killed last week in an
    ambush", "over Sunday's twin suicide bombings"), not the aftermath's day."""
    near = unit[max(0, start - 15) : end + 25]  # ("on Monday over Friday's suicide bombing": Friday's)
    return near if resolve_date(near, published)[1] not in (None, "published") else unit[max(0, start - 40) : end + 25]


def _days_old(event_date: dt.date | None, precision: str | None, published: dt.date | None) -> bool:
    if event_date is None or published is None or precision not in ("day", "week"):
        return False
    return (published - event_date).days >= _AFTERMATH_DAYS


# "..., as thousands rallied to mark 75 years since the Nakba": a clause told beside the sentence's own act
_ASIDE_CLAUSE = re.compile(r"(?:,|;) (?:as|while|even as|hours after|a day after)\b")


def _act_then_aside(sentence: str, at: int, year: int | None) -> bool:
    """Does the sentence tell an act of its own before a clause, beside it, that holds the cue at `at`?"""
    starts = [m.start() for m in _ASIDE_CLAUSE.finditer(sentence, 0, at)]
    return bool(starts) and any(not t.generic for t in find_triggers(sentence[: starts[-1]], year))


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


def _recalled(
    unit: str,
    i: int,
    trigger: Trigger,
    event_date: dt.date | None,
    precision: str | None,
    published: dt.date | None,
    looks_back: bool,
    dated_before_it: bool = False,
    news_day: dt.date | None = None,
    lead_in: str = "",
) -> bool:
    """Is the act of `unit` (in sentence `i`) background to the story's news rather than news? (`dated_before_it`:
    the unit's date is the sentence before's, which it refers to by "that day"; `news_day`: the day of the lede's act;
    `lead_in`: the sentence's words before the unit, whose date dates its clauses: "Last Sunday, ...; one blew himself
    up".)"""
    if i > 0 and _EARLIER.search(unit, 0, trigger.end + _DATE_REACH):
        return True  # "Rights activist Nabeel Rajab was also detained earlier this month": not today's news
    # "Hariri's assassination transformed Lebanese politics." in a story about the verdict; there a date anywhere
    # in the sentence dates its act ("... killed when a suicide bomber detonated a van ... on February 14, 2005")
    old_act = precision == "published" or (published is not None and dated_before(event_date, precision, published))
    if looks_back and i > 0 and not trigger.continuation and old_act:
        return True
    if published is None or (precision == "week" and i == 0):  # (a lede's "last week" is a weekly's news)
        return False
    # "In January, IS fighters stormed Ghwayran prison", "on November 19, 2023": dated by words before the act or
    # close after it, not by a later clause ("..., bringing to 400 the number killed since the movement began in
    # October")
    if news_day is not None and i >= _LEAD_SENTENCES and precision == "day" and not dated_before_it:
        # "Last Sunday, two assailants attacked the entrance of the Interior Ministry" in a story whose lede tells
        # Thursday's act: an act days before the news, told after the lede, is background too
        near = resolve_date(lead_in + unit[: trigger.end + _DATE_REACH], published)
        if (
            event_date is not None
            and (news_day - event_date).days >= _DAYS_BEFORE_NEWS
            and near[1] == "day"
            and near[0] == event_date
        ):
            return True
    days = RECALLED_DAYS_AFTER_LEDE if i > 0 else RECALLED_DAYS
    # "... after the attacks on Saudi oil facilities in September": the act's own date, told right after it
    # (violence only: a deployment's word may come last, "a Patriot battery arrived ..., part of reinforcements
    # ordered last month")
    if trigger.event_type in rules().violent and not dated_before_it:
        own = resolve_date(unit[trigger.start : trigger.end + _OWN_DATE_REACH], published)
        if own[1] in ("day", "week", "month") and dated_before(*own, published, days):
            return True
    if dated_before_it:
        return dated_before(event_date, precision, published, days)
    return dated_before(event_date, precision, published, days) and dated_before(
        *resolve_date(unit[: trigger.end + _DATE_REACH], published), published, days
    )


def _refined(c: _Candidate, scenes: _Scenes, told: set[int], sentences: int) -> Place | None:
    """A more precise scene for a violent event placed only in a country (or nowhere), from the sentences that
    follow it and report nothing new: "... killed in a car bomb in northern Syria. The car blew up on the
    western edge of the town of Qamishli." The story has moved on at the next sentence with an event of its own.
    Sentences inside the event's own telling that report nothing ("... car bomb. The car blew up in Qamishli.
    The explosion targeted ...") are read too."""
    for j in range(c.sentence + 1, min(sentences, c.last_sentence + 1 + _LOOK_AHEAD)):
        if j in told:
            if j <= c.last_sentence:
                continue  # told as part of this event (its place already weighed in the merge)
            break
        scene = scenes.without_triggers(j)
        if scene is None or not in_region(scene) or _place_rank(scene) <= _place_rank(c.place):
            continue
        if c.place is None or scene.country_iso == c.place.country_iso:
            return scene
    return c.place


_STRIKES = frozenset({"air_or_drone_strike", "shelling_artillery_missile"})


def _strikes_home(trigger: Trigger, doer: Actor | None, scene: Place) -> bool:
    """Would a state's own strike be placed in its own territory?"""
    return (
        trigger.event_type in _STRIKES
        and doer is not None
        and doer.type in ("state_forces", "government")
        and doer.country == scene.country_iso
    )


def _strikes_abroad(c: _Candidate) -> bool:
    """A strike by the forces of a state whose strikes land abroad (places.toml `strikes_abroad`)?"""
    doer = c.actor1
    return (
        c.event_type in _STRIKES
        and doer is not None
        and doer.type in ("state_forces", "government")
        and doer.country in places().strikes_abroad
    )


def _unless_in(place: Place | None, country: str | None) -> Place | None:
    return None if place is not None and country is not None and place.country_iso == country else place


def _home(c: _Candidate) -> Place | None:
    """The covered state the doer belongs to, as a country-level place."""
    if c.actor1 is None or c.actor1.country not in places().region:
        return None
    return places().countries.get(c.actor1.country)


def _aside(c: _Candidate) -> bool:
    """An act of the region told in passing by a story of elsewhere: force used or sent, talks or a threat, with no
    day of its own and no one hurt ("Talks in the Saudi city of Jeddah ... broke down late last year")."""
    if c.event_type not in rules().violent and c.event_type not in _ASIDE_TYPES:
        return False
    return c.date_precision != "day" and c.counts.killed is None and c.counts.injured is None


_ASIDE_TYPES = frozenset({"military_deployment", "diplomacy", "threat"})
_QUIET_LEDE = 2  # sentences of a story's opening that tell no act of ours make it a story of something else
_STORY_SENTENCES = 5  # below that a text is a brief or a passage: its opening is all of it


def _told_in_passing(cands: list[_Candidate], merged: list[_Candidate], sentences: int) -> bool:
    """A story that opens on something else (a trial, a market, a start-up, a season of quiet) and tells the
    region's acts only as asides, none with a day of its own or anyone hurt ("Since then the group has fired drones
    and anti-ship missiles at dozens of vessels"): its acts are background, not news. One act told with its day or
    toll makes it a news story whose other acts stand."""
    if sentences < _STORY_SENTENCES or any(c.sentence < _QUIET_LEDE for c in cands):
        return False
    return all(_aside(c) for c in merged)


def _abroad_but_regional(text: str, event_type: str) -> bool:
    """Politics decided outside the region about a regional actor (sanctions, talks) is still coded."""
    if event_type in rules().violent or event_type == "military_deployment":
        return False
    return any(m.actor.country in places().region for m in actor_mentions(text))


def _regional(place: Place) -> bool:
    """A covered state, or a sea area we cover (seas carry no state of their own)."""
    return place.country_iso in places().region or (place.kind == "sea" and place.country_iso is None)


# Acts done where a state decides them (talks, recalls, warnings, sanctions): a place named as what they are about
# or where someone comes from is not their scene.
_DONE_WHERE_DECIDED = frozenset({"diplomacy", "threat", "sanctions"})


def _scene(mentions: list, triggers: list[Trigger]) -> Place | None:
    if triggers and triggers[0].event_type == "protest":
        mentions = [m for m in mentions if not m.topic]  # marching in Cairo against the war in Gaza
    elif triggers and triggers[0].event_type == "arrest_or_seizure":
        mentions = [m for m in mentions if not m.based]  # (the cell's links "to groups based in Iraq")
    elif triggers and triggers[0].event_type in _DONE_WHERE_DECIDED:
        # "Jordan recalled its ambassador from Israel in protest at the war in Gaza": neither is where it happened
        mentions = [m for m in mentions if not m.topic and not m.origin]
    elif triggers and triggers[0].event_type in rules().violent:
        # "clashed with smugglers crossing from Syria", "rockets fired from Lebanon": where the fire or the
        # attackers came from is not where it struck
        # (nor what a strike answered or where a ship was bound: "in response to US support for Israel's offensive in
        # Gaza", "ships heading to the ports of occupied Palestine"; where aid was going is near where a convoy was hit)
        mentions = [m for m in mentions if not m.origin and not m.bound and (not m.topic or m.goods_to)]
    at_sea = not triggers or triggers[0].event_type in ("maritime_attack", "military_deployment")
    scene = best_place(mentions, strict=True, at_sea=at_sea)
    if scene is None and triggers and triggers[0].event_type in rules().violent:
        scene = best_place(mentions, at_sea=at_sea)  # violence names its scene even without "in"
    return scene


def _not_told_before(text: str, events: list[Event]) -> list[Event]:
    """The events story.py's told-before model is not sure of (an act retold paragraphs later, background, an
    aside): each scored from its evidence sentence and where the story tells it. A dropped event's toll goes to the
    first kept event of its type and country where that tells none ("Turkish warplanes pounded PKK positions ...",
    then "In response, F-16 jets ... struck 29 targets ..., killing 21 militants")."""
    model = event_model()
    violent = rules().violent
    kept: list[Event] = []
    for rank, e in enumerate(events):
        limit = VIOLENT_EVENT_THRESHOLD if e.event_type in violent else EVENT_THRESHOLD
        if model.score(event_features(text, e, rank, told_before(e, events[:rank]))) < limit:
            kept.append(e)
            continue
        at = next(
            (i for i, k in enumerate(kept) if k.event_type == e.event_type and k.country_iso == e.country_iso), None
        )
        if at is not None:
            first = kept[at]
            killed = first.killed if first.killed is not None else e.killed
            injured = first.injured if first.injured is not None else e.injured
            kept[at] = replace(first, killed=killed, injured=injured)
    return kept


def _regional_actor(c: _Candidate) -> bool:
    region = places().region
    return any(a is not None and (a.country in region or a.of_scene) for a in (c.actor1, c.actor2))


def tag_article(text: object, published: object = None, title: object = None, screen: object = True) -> ArticleTags:
    """Tag one article's cleaned text (a str; `published` a date or datetime, `title` a str). Odd input of any type
    gives an empty, zero-relevance result, and a tagging bug on one article is logged and gives the same; only a
    broken data file raises (at the first call of a process). (Typed `object`: compiled, native.py, a function
    checks its arguments against their declared types.) `screen=False` keeps the events the told-before model
    would drop (tools/train_story_models.py learns from them)."""
    if not isinstance(text, str) or not text.strip():
        return ArticleTags(relevance=0.0, topics=[], events=[])
    _resources_ready()
    try:
        return _tag(text, _as_date(published), title if isinstance(title, str) else None, screen is not False)
    except Exception:  # a tagging bug must not take down the pipeline's worker, but it must be seen
        _log.exception("tagging failed on an article of %d characters; it gets no events", len(text))
        return ArticleTags(relevance=0.0, topics=[], events=[])


# Words that reach every data file and pattern list (triggers, vetoes, modality, counts, clauses, dates, places,
# actors, topics).
_PROBE = ("Iraqi officials said on Monday that at least three people were killed and 12 wounded when rockets hit a "
          "base in Anbar province, and Iran warned the United States against new strikes.")  # fmt: skip


_LOADING = threading.Lock()  # the pipeline tags on several threads: one loads, the others wait for it


def _resources_ready() -> None:
    with _LOADING:
        _resources_loaded()


@cache
def _resources_loaded() -> None:
    """Load and compile the data files once per process, outside tag_article's guard: a broken data file (a
    pattern that does not compile, a TOML error) is the operator's error and stops the run with its traceback,
    instead of quietly giving every article no events."""
    offtopic_model(), no_news_model(), event_model()  # (the probe is too short to screen its events)
    tags = _tag(_PROBE, dt.date(2024, 1, 15), None)
    if not tags.events:
        raise RuntimeError("the tagger's data files load but find no event in a sentence written to have one")
    for event_type, spec in event_types().items():
        for key in ("default_actor1", "fixed_actor1"):
            name = spec.get(key)
            if name is not None and name not in actors().by_name:
                raise RuntimeError(f"event_types.toml: {event_type}'s {key} {name!r} is no actor")
