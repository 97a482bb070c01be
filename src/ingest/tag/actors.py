"""Who did what to whom in a sentence, normalised through the actor dictionary."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from ingest.tag.resources import Actor, actors, patterns, places
from ingest.tag.text import dateline, fold

# Words just before a mention that make it the target (actor2) rather than the doer.
_TARGET_CUE = re.compile(
    r"\b(?:on|at|against|targeting|targeted|target|hit|hitting|struck|striking|killed|killing|injuring|wounding|"
    r"arrested|detained|captured|capturing|suspected|sanctioned|sanctions on|designated|designating|near|toward|"
    r"towards|hosting|host|hosts|housing|houses|with|into|among|"
    r"attacked|attacking|raided|shelled|bombed|pounded|pounding|hammered|hammering|of|denounce|denouncing|condemn|"
    r"condemning|"
    r"(?:used|owned|operated|frequented) by)\s+"
    # "on Monday as Houthi fighters tried to push ...": a time, not a target, follows "on" or "at"
    r"(?!(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|dawn|night|noon|midnight|least)\b)"
    # (a quoted word too: "killed 12 'takfiri' militants")
    r"(?:the\s+|a\s+|an\s+|\w+\s+|['\"\u2018\u201c][\w-]+['\"\u2019\u201d]\s+){0,2}$",
    re.IGNORECASE,
)
# A mention followed by a verb of doing is its subject: "as Israeli forces raided the camp" (this beats a
# target cue a few words earlier, "on Tuesday as ..."); "a journalist was killed" is a passive, not a doing.
_ACTS = re.compile(r"^\s+(?:,?\s*(?:backed|supported|aided|escorted|accompanied|covered) by (?:[\w-]+\s+){1,3}?,?\s*)?"
                   r"(?:(?!(?:was|were|is|are|be|been|being|and|or|but)\b)\w+\s+)?"
                   r"(?:raided|fired|struck|attacked|opened fire|launched|shelled|bombed|stormed|"
                   r"shot|ambushed|clashed|seized|arrested|detained|killed|targeted|hit|pounded|carried out|"
                   r"conducted|deployed|sent|imposed|sanctioned|threatened|warned|vowed|visited|met|summoned|"
                   r"recalled|held|protested|marched|rallied|moved|withdrew|pulled|closed|filed|expelled|hosted|"
                   r"received|dispatched|reinforced|halted|suspended|banned|froze|blocked|barred|ordered|signed|"
                   r"mediated|added|listed|designated|blacklisted|captured|swept|rounded|rampaged|torched|set fire|"
                   r"set alight|hurled|threw|stabbed|kidnapped|abducted"
                   # "... calling itself the Islamic Resistance in Iraq claimed the attack": the claimant did it
                   r"|claimed (?:responsibility|credit)|claimed (?:both )?(?:the|this|that|these|those|both) "
                   r"(?:[\w-]+ ){0,2}?(?:attacks?|bombings?|strikes?|assault|blast|explosion|shooting|ambush|barrage|"
                   r"raid|operation))\b",
                   re.IGNORECASE)  # fmt: skip
# "US warships shot down drones launched by the Houthis": the defender is the one attacked, not the attacker.
_DEFENDS = re.compile(r"^\s+(?:\w+\s+){0,2}?(?:(?:shot down|intercepted|downed)\s+(?:and\s+\w+\s+)?"
                      r"(?:(?!(?:carrying|loaded|laden|containing|with|bound|smuggling)\b)[\w-]+\s+){0,3}?(?:drones?|missiles?|"
                      r"rockets?|projectiles?|uavs?)|(?:repelled|thwarted|foiled)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?"
                      r"(?:attack|assault|offensive))\b", re.IGNORECASE)  # fmt: skip
# "by the army", and the means of a harm: "killed in a Russian air strike" (the strike's owner did it).
# ("infrastructure used by the Houthis", "a vessel owned by an Israeli firm": whose the target is, not the doer)
_AGENT_CUE = re.compile(r"\b(?<!used )(?<!owned )(?<!operated )(?<!frequented )by\s+"
                        r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,1}$"
                        # "an attack by factions of the Syrian National Army"
                        r"|\bby\s+(?:\w+\s+)?(?:factions|fighters|members|units|elements|militants|gunmen)\s+"
                        r"(?:of|from|loyal to|linked to)\s+(?:the\s+)?$"
                        r"|\b(?:(?:came|come|comes|coming) under (?:\w+\s+)?(?:fire|attack)|attacks?)"
                        r" from\s+(?:the\s+)?$"
                        r"|\b(?:killed|wounded|injured|died|hurt)\s+(?:in|during)\s+(?:the\s+|a\s+|an\s+)?"
                        r"(?:(?:series|wave|spate) of\s+)?$"
                        # "..., state media reported, blaming rebel factions": whom the report names as the doer
                        r"|\bblam(?:ed|es|ing|e)\s+(?:it\s+|the\s+attacks?\s+|the\s+\w+\s+)?(?:on\s+)?(?:the\s+)?$",
                        re.IGNORECASE)  # fmt: skip
# "Iran-aligned group": the state is a patron here (see patron_in), not a party to the event; "the UK-based
# Syrian Observatory" says where a source sits, "the Hamas-run health ministry" who governs a place or an office
# ("Houthi-controlled territory" is kept: a missile fired from it is the Houthis').
_PATRON_USE = re.compile(
    r"^(?:[- ](?:backed|aligned|allied|sponsored|supported|funded|armed|based|linked|affiliated|inspired)|-run)\b"
    r"(?! by\b)"  # "US troops backed by helicopters raided ...": the troops act, helped
)
_HOLDS_PLACE = re.compile(r"-(?:controlled|held|run)\b")  # matched at the end of the name
_VIOLENT_OR_MILITARY = {"suicide_bomb", "maritime_attack", "remote_explosive", "air_or_drone_strike",
                        "shelling_artillery_missile", "armed_clash", "attack", "military_deployment"}  # fmt: skip


@dataclass(frozen=True)
class ActorMention:
    actor: Actor
    start: int
    end: int
    role_hint: str | None  # 'agent' | 'target' | 'speaker' ("X said": a party only to a threat it utters) | None
    holds_place: bool = False  # "the Houthi-controlled capital": who holds where it happened


@cache
def _patron_patterns() -> tuple[list[re.Pattern[str]], dict[str, str]]:
    spec = patterns()["patrons"]
    return [re.compile(p) for p in spec["patterns"]], spec["names"]


def patron_in(text: str) -> str | None:
    """The sponsor a sentence names ("Iran-backed" -> Iran)."""
    pats, names = _patron_patterns()
    for pattern in pats:
        m = pattern.search(text)
        if m:
            return names.get(m.group("patron"), m.group("patron"))
    return None


# "bases in Iraq", "sent to Saudi Arabia": the state is the scene, not a party.
_PLACE_USE = re.compile(r"\b(?:in|into|across|throughout|from|to|inside|outside|around|near|over|of|visited|visiting|"
                        r"visit|visits)\s+(?:the\s+)?"
                        r"(?:(?:northern|southern|eastern|western|central|north|south|east|west|northeastern|"
                        r"northwestern|southeastern|southwestern)\s+)?$",
                        re.IGNORECASE)  # fmt: skip


_HOLDER = re.compile(
    r"\b(?:controlled|held|occupied|run|ruled|dominated|besieged|surrounded)\s+by\s+(?:the\s+)?$", re.IGNORECASE
)
# "gunmen backed by the Syrian government": a backer, not a party to the act
_BACKER = re.compile(r"\b(?:backed|supported|funded|armed|sponsored) by\s+(?:the\s+)?$", re.IGNORECASE)
# "drawing condemnation from the European Union", "condemned by the Arab League": who reacts, not a party
_REACTS = re.compile(
    r"\b(?:condemn(?:ed|ation|ations)|criticis(?:ed|m)|criticiz(?:ed)|denounc(?:ed|ement)|deplored|rebuked|censured|"
    r"welcomed|praised|outrage|concern|rebuke|censure)\s+(?:from|by)\s+(?:the\s+)?(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
_SERVICE_OF = re.compile(
    r"^(?:'s|\u2019s)\s+(?:[\w-]+\s+){0,4}?(?:ambulance|rescue|emergency|health|medical|civil defen[cs]e|fire)\s+"
    r"(?:service|services|ministry|authority|agency|workers|teams?|directorate|department)\b",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"\baccording to (?:the |a |an )?(?:\w+ ){0,2}$", re.IGNORECASE)
# "The US military said it struck ...", "... said the group would keep targeting", "warned that the group would
# strike": the speaker is the doer.
# A possessive ("Hezbollah's media office said its fighters ...") and a few words of when or how between the verb and
# what was said ("said on Tuesday that", "said in a statement that") keep it a self-report.
# ("the Islamic Resistance in Iraq, an umbrella of Iran-aligned militias, said it": what it is, between commas)
_SELF_REPORT = re.compile(r"^(?:'s?|\u2019s?)?\)?(?:,\s+(?:an?|the)\s+[^,;.]{1,80},)?\s*"
                          r"(?:\w+\s+){0,4}?(?:said|says|announced|claimed|stated|warned|warns|"
                          r"threatened|vowed)"
                          r"(?:\s+(?:on|in|late|early|earlier|later)\b(?:\s+\w+){1,3}?)?\s+(?:that\s+)?(?:it|they|"
                          r"the group|the movement|(?:one of )?its \W?\w+|(?:one of )?their \W?\w+)\b",
                          re.IGNORECASE)  # fmt: skip
# (not a verb before "officials": "Turkey hosted Russian officials", "Qatar met Iranian officials")
_SPEAKS = re.compile(r"^(?:'s?)?\s*(?:(?!(?:\w+ed|met|held|sent|gave|took|saw)\b)[\w-]+\s+){0,2}"
                     # ("the Houthi-run al-Masirah satellite channel reported": a party's outlet)
                     r"(?:(?:television|tv|channel|radio|agency|network|newspaper)\s+)?"
                     r"(?:said|says|say|told|reported|report|announced|spokesman|spokesperson|"
                     r"official|officials|statement)\b", re.IGNORECASE)  # fmt: skip
# "... US troops being injured": a mention followed by a passive of harm is the target.
# "American ships are a legitimate target": named as one.
# ("A senior Hamas leader and six other people were killed": the victims named with others)
_HARMED = re.compile(r"^\s+(?:(?:and\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:were|was)\s+among\s+(?:the\s+)?"
                     # "Two American service members and a British medic were among the dead"
                     r"(?:dead|killed|wounded|injured|casualties|victims)\b|"
                     r"(?:\w+\s+){0,2}(?:and\s+(?:[\w-]+\s+){0,2}other\s+(?:[\w-]+\s+){0,2})?"
                     r"(?:(?:being|were|was|have been|had been|came|"
                     r"come|is|are)\s+"
                     r"(?:injured|killed|wounded|hurt|hit|targeted|attacked|struck|under|"
                     r"(?:an?\s+)?(?:legitimate\s+|fair\s+)?targets?)"
                     # "leaving several US service members with minor injuries"
                     r"|with\s+(?:\w+\s+)?(?:injuries|wounds)"
                     # "Two US personnel suffered minor injuries"
                     r"|(?:suffered|sustained)\s+(?:[\w-]+\s+){0,2}(?:injuries|wounds|concussions?|burns)"
                     # "warned that Saudi Arabia would face 'more painful operations'": whom a threat is aimed at
                     r"|(?:would|will)\s+(?:\w+\s+)?(?:face|pay|regret)))\b",
                     re.IGNORECASE)  # fmt: skip


_NAMED_AFTER = re.compile(r"\w, the $")
# "a few hundred metres from a U.S. embassy branch office": a state's building, a site and never the doer
_SITE = re.compile(r"\s+(?:embassy|consulate|diplomatic mission|branch office|compound)\b", re.IGNORECASE)

_MEMBERS_OF = re.compile(r"\s+(?:from|of|belonging to|loyal to|affiliated with)\s+(?:the\s+)?", re.IGNORECASE)
ARMED_GROUP_TYPES = frozenset({"militia", "rebel_group", "terrorist_group"})  # actor types that are armed groups

# Parties named together: "Syria and Russia", "government forces and allied militias"
_JOINED = re.compile(
    r"\s*(?:,\s*)?and\s+(?:the\s+)?(?:(?:allied|affiliated|other|pro-government|loyalist)\s+)?|\s*,\s*"
)


def actor_mentions(sentence: str) -> list[ActorMention]:
    index = actors()
    out: list[ActorMention] = []
    aliases: list[str] = []
    holder_end = -1  # end of the last mention skipped as the holder of a place
    filed = dateline(sentence)
    filed_at = filed.end() if filed else 0  # "DAMMAM, Saudi Arabia -": where the story was filed, not a party
    for m_start, m_end, alias in index.names.finditer(sentence):
        actor = index.by_alias[alias]
        if actor.type == "source" or m_end <= filed_at:
            continue  # "the UK Maritime Trade Operations centre said": who reports, never a party
        before = sentence[max(0, m_start - 30) : m_start]
        # "in Iran", "in US jurisdictions": a place; "warplanes of the Saudi-led coalition", "killed in Saudi-led
        # coalition air raids": a party (only a place name or a state's abbreviation is read as a place there)
        place_use = (actor.type == "government" and _PLACE_USE.search(before) is not None
                     and (alias.isupper() or fold(alias) in places().by_alias))  # fmt: skip
        if place_use or _PATRON_USE.match(sentence[m_end:]) or _BACKER.search(before):
            continue
        if _HOLDER.search(before) or (holder_end >= 0 and _JOINED.fullmatch(sentence, holder_end, m_start)):
            holder_end = m_end
            continue  # "the bank, which is controlled by Syrian government forces and militias": who holds a place
        after = sentence[m_end : m_end + 90]
        if after.startswith(",") and _NAMED_AFTER.search(sentence, max(0, m_start - 8), m_start):
            # "Hamas's armed wing, the Izz ad-Din al-Qassam Brigades, said it": the name in apposition
            after = after[1:]
        self_report = _SELF_REPORT.match(after)
        speaks_of_itself = self_report is not None
        # "The coalition said it had intercepted a drone": it reports defending itself
        reported = m_end + self_report.end() if self_report else -1
        defends = _DEFENDS.match(after) or (reported >= 0 and _DEFENDS.match(sentence[reported : reported + 80]))
        if _SERVICE_OF.match(after):
            continue  # "Israel's Magen David Adom ambulance service said": a rescue service of the state reports
        if not speaks_of_itself and (_SOURCE.search(before) or _REACTS.search(before)):
            continue  # "according to the Pentagon": a source, not a party
        if not speaks_of_itself and _SPEAKS.match(after):
            # "the Pentagon said": a source of what it reports, but the maker of a threat it utters (see roles)
            out.append(ActorMention(actor, m_start, m_end, "speaker"))
            aliases.append(alias)
            continue
        hint = ("target" if defends else
                "agent" if speaks_of_itself or _AGENT_CUE.search(before) or _ACTS.match(after) else
                "target" if _TARGET_CUE.search(before) or _HARMED.match(after) or _SITE.match(after) else
                None)  # fmt: skip
        out.append(ActorMention(actor, m_start, m_end, hint, _HOLDS_PLACE.match(sentence, m_end) is not None))
        aliases.append(alias)
    # "Gunmen from al-Qaeda in the Arabian Peninsula abducted ...": the unnamed fighters are the group's
    for i in range(len(out) - 2, -1, -1):
        nxt = out[i + 1]
        if (
            out[i].actor.type == "unknown"
            and nxt.actor.type in ARMED_GROUP_TYPES
            and _MEMBERS_OF.fullmatch(sentence, out[i].end, nxt.start)
        ):
            out[i + 1] = replace(nxt, role_hint=nxt.role_hint or out[i].role_hint)
            del out[i], aliases[i]
    # "The United States and Britain carried out strikes", "to denounce US and British strikes": parties named
    # together share the cue of either.
    for i in range(len(out) - 2, -1, -1):
        nxt = out[i + 1]
        if out[i].role_hint is None and nxt.role_hint and _JOINED.fullmatch(sentence, out[i].end, nxt.start):
            out[i] = replace(out[i], role_hint=nxt.role_hint)
    for i in range(1, len(out)):
        prev = out[i - 1]
        if out[i].role_hint is None and prev.role_hint and _JOINED.fullmatch(sentence, prev.end, out[i].start):
            out[i] = replace(out[i], role_hint=prev.role_hint)
    # "the border with Jordan", "Syria's war": a state named only by its bare name counts where it acts
    acting = index.acting_only
    return [m for m, alias in zip(out, aliases, strict=True) if m.role_hint == "agent" or alias not in acting]


def _as_forces(actor: Actor, event_type: str) -> Actor:
    if actor.forces and event_type in _VIOLENT_OR_MILITARY:
        return actors().by_name.get(actor.forces, actor)
    return actor


def roles(mentions: list[ActorMention], event_type: str) -> tuple[ActorMention | None, ActorMention | None]:
    """(agent, target) mentions: the doer ("by X", or the first named doer) and the target."""
    speaker = next((m for m in mentions if m.role_hint == "speaker"), None)
    mentions = [m for m in mentions if m.role_hint != "speaker"]
    if event_type == "threat" and speaker is not None and not any(m.role_hint == "agent" for m in mentions):
        # "A senior Houthi official said the United States will pay a heavy price": who says it threatens
        mentions = [replace(speaker, role_hint="agent"), *mentions]
    if event_type == "military_deployment":  # the deployer; the destination is the place
        doer = next((m for m in mentions if m.actor.type in ("government", "state_forces", "external_force")), None)
        if doer is None and speaker is not None and speaker.actor.type in _STATE_TYPES:
            doer = speaker  # "The Emirati defence ministry said units had been positioned around Abu Dhabi"
        return doer, None
    # "Britain's Foreign Office announced asset freezes on ...": a state that opens the sentence announcing them
    opens = speaker is not None and not any(m.role_hint == "agent" or m.start < speaker.start for m in mentions)
    if event_type == "sanctions" and speaker is not None and speaker.actor.type in _STATE_TYPES and opens:
        mentions = [replace(speaker, role_hint="agent"), *mentions]
    if event_type == "protest":  # "rallies in the Houthi-controlled capital": the crowd marched, not who holds it
        mentions = [m for m in mentions if not m.holds_place]
    if not mentions:
        return None, None
    agent = next((m for m in mentions if m.role_hint == "agent"), None)
    # In violence, an actor named as the target is not also the doer; in talks and visits "with" or "of"
    # marks a counterpart, and the first actor named is the doer.
    violent = event_type in _VIOLENT_OR_MILITARY
    targeted = {m.actor.name for m in mentions if m.role_hint == "target"} if violent else set()
    if agent is None:  # an actor named as the target elsewhere in the sentence is not also the doer
        # (nor a crowd the doer of a bombing or a strike: "activists said a suicide bomber ...")
        crowd = ("civilians", "protesters") if event_type in _NO_CROWD else ("civilians",)
        agent = next((m for m in mentions if m.role_hint != "target" and m.actor.type not in crowd
                      and m.actor.name not in targeted), None)  # fmt: skip
    if agent is None and event_type == "protest":  # who marched, not whom they marched against
        agent = next((m for m in mentions if m.role_hint != "target"), None) or next(
            (m for m in mentions if m.actor.type in ("protesters", "civilians")), None
        )
    target = next((m for m in mentions if m is not agent and m.role_hint == "target"
                   and (agent is None or m.actor.name != agent.actor.name)), None)  # fmt: skip
    if target is None:
        target = next((m for m in mentions if m is not agent and (agent is None or m.actor.name != agent.actor.name)),
                      None)  # fmt: skip
    return agent, target


_STATE_TYPES = frozenset({"government", "state_forces", "external_force"})
_NO_CROWD = frozenset({"suicide_bomb", "maritime_attack", "remote_explosive", "air_or_drone_strike",
                       "shelling_artillery_missile", "military_deployment"})  # fmt: skip


def assign_roles(mentions: list[ActorMention], event_type: str) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2): the agent ("by X", or the first named doer) and the target."""
    agent, target = roles(mentions, event_type)
    if event_type == "military_deployment":
        return (_as_forces(agent.actor, event_type) if agent else None), None
    if event_type == "protest" and (agent is None or agent.actor.type in _STATE_TYPES):
        # "Police fired tear gas to disperse protesters": the protest is the protesters'; the police step in
        # (an organiser named, "supporters of the PMF protested", stays the doer)
        crowd = next((m.actor for m in mentions if m.actor.type == "protesters"), None)
        if crowd is not None or agent is not None:  # (no crowd named: the protesters all the same)
            return crowd, (_as_forces(agent.actor, event_type) if agent else None)
    if event_type == "protest" and agent is not None and agent.actor.type == "civilians":
        agent = None  # "hundreds of worshippers marched": the crowd is the protesters
    a1 = _as_forces(agent.actor, event_type) if agent else None
    a2 = _as_forces(target.actor, event_type) if target else None
    if a1 is not None and a2 is not None and a1.name == a2.name:
        a2 = None
    return a1, a2


# Wire copy names a party's speaker once by title and then by surname alone ("Houthi military spokesman Yahya Saree
# said ... Saree warned that the United States 'will pay a heavy price'"): the surname speaks for that party.
_SURNAME = r"(?:[Aa]l-|[Ee]l-)?[A-Z][\w'\u2019-]+"
_TITLED = re.compile(
    r"\b(?i:spokes(?:man|woman|person)|leader|commander|chief|minister|official|general|envoy|negotiator|president"
    r"|ambassador|secretary)\s+(?:(?:[A-Z][a-z]{0,4}\.|Sheikh|Sayyed|Rear|Vice)\s+)*"
    r"(?:[A-Z][\w'\u2019-]+\s+){0,3}(?P<last>" + _SURNAME + r")"
)
_TITLE_REACH = 40  # characters between a party's name and its speaker's title ("Houthi military spokesman")
_SAYS = r"(?:said|says|warned|warns|added|vowed|vows|threatened|threatens|told|declared|pledged|promised|stressed)"
# the speaker opens the sentence ("Saree warned that ...") or closes a quote ('... every time," Yaalon told reporters.')
_SURNAME_SAYS = re.compile(
    r"^\W*(?:[^,;\"\u201c]{1,40},\s+)?(?:(?:But|And|Mr\.?|Ms\.?)\s+)?(?P<first>" + _SURNAME + r")\s+" + _SAYS + r"\b"
    r"|,\W*\s(?P<last>" + _SURNAME + r")\s+" + _SAYS + r"\b[^,;]{0,40}$"
)


def _surname_key(name: str) -> str:
    lowered = fold(name).lower()
    return lowered[3:] if lowered.startswith(("al-", "el-")) else lowered


def titled_speakers(text: str) -> dict[str, Actor]:
    """Surnames of the story's speakers introduced by title after their party's name -> that party (the first
    introduction wins)."""
    out: dict[str, Actor] = {}
    for m in _TITLED.finditer(text):
        key = _surname_key(m.group("last"))
        if key in out or any(True for _ in actors().names.finditer(m.group("last"))):
            continue  # (a party's own name is no surname: "commander of Hezbollah")
        head = text[max(0, m.start() - _TITLE_REACH) : m.start()]
        parties = [p for p in actor_mentions(head) if p.actor.type not in ("civilians", "unknown")]
        if parties:
            out[key] = parties[-1].actor
            continue
        # "Israeli Defence Minister Moshe Yaalon": a state's official speaks for the state
        demonyms = [places().demonyms[d] for _, _, d in places().demonym_names.finditer(head)]
        state = _states().get(demonyms[-1].country_iso or "") if demonyms else None
        if state is not None:
            out[key] = state
    return out


@cache
def _states() -> dict[str, Actor]:
    """ISO code -> the state's government actor."""
    return {a.country: a for a in actors().by_name.values() if a.type == "government" and a.country is not None}


def speaking_surname(sentence: str) -> str | None:
    """The surname that opens the sentence as its speaker, or closes it as the quote's speaker."""
    m = _SURNAME_SAYS.search(sentence)
    if m is None:
        return None
    return _surname_key(m.group("first") or m.group("last"))
