"""Which event type a sentence asserts, if any: triggers, vetoes and modality (hypothetical, future,
negated, historical, fictional) from data/patterns.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from re import Pattern  # dataclass fields name it bare: mypyc (native.py) resolves their types by name

from ingest.tag.prefilter import Guarded, GuardedAlternation, for_lowered_text
from ingest.tag.prefilter import present as needles_in
from ingest.tag.resources import alternation, lowered_alternation, patterns
from ingest.tag.text import quotations

# How far before a trigger a negator still negates it ("did not fire rockets", "denied carrying out the strike").
_NEGATION_WINDOW = 40
_FAR_WINDOW = 90
_COURT_WINDOW = 220
_PUT_TO_DEATH = re.compile(r"(?:hanged|executed|put to death)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_YEAR_REACH = 90  # characters after the act within which a past year still dates it (see _old_year)
# "shot dead a former commander who had signed a reconciliation deal in 2018": a year in a clause about someone's past
_PAST_CLAUSE = re.compile(r"\b(?:who|which|that) (?:had|has|have)\b")


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int  # offsets within the sentence
    end: int
    generic: bool = False  # "attacks on", "came under fire": no weapon or manner named
    hedged: bool = False
    continuation: bool = False  # "Two were injured in the attack": details of the event just reported


@dataclass(frozen=True)
class _Rules:
    order: tuple[str, ...]
    violent: frozenset[str]
    triggers: dict[str, list[Guarded]]
    # Per type, the literal words one of which any of its triggers needs (None: cannot rule the type out).
    # Per type: needle -> indices of the triggers it admits, and the triggers with no needle (always tried).
    gates: dict[str, tuple[dict[str, list[int]], tuple[int, ...]]]
    gate_words: dict[str, frozenset[str]]  # per type, its needles as a set (intersected with a sentence's needles)
    needles: frozenset[str]  # every trigger word: which occur is found once per sentence, in one C-level pass
    types_of: dict[str, frozenset[str]]  # trigger word -> the types it may trigger
    always: frozenset[str]  # types with a trigger that needs no word (tried on every sentence)
    # Everything from here to `weapons` but `hedge` runs on the lower-cased sentence (see lowered_alternation).
    generic: dict[str, Pattern[str]]  # per type, its generic wording ([generic] in the data file)
    veto_violent: GuardedAlternation
    veto_sport: GuardedAlternation  # (lifted by the tagger where the story is surely security news)
    veto_launch: GuardedAlternation
    veto_protest: GuardedAlternation
    veto_diplomacy: GuardedAlternation
    veto_threat: GuardedAlternation
    veto_arrest: GuardedAlternation
    veto_deployment: GuardedAlternation
    disaster: GuardedAlternation  # a story that opens with a storm or a quake (tagger: its relevance)
    crime: GuardedAlternation  # ordinary crime (a gang of antiquities smugglers): no arrest of ours, nor its story
    hypothetical: GuardedAlternation
    future: GuardedAlternation
    negation: GuardedAlternation
    negation_ok: GuardedAlternation
    background: GuardedAlternation
    background_far: GuardedAlternation
    court_crime: GuardedAlternation
    history: GuardedAlternation
    trend: GuardedAlternation
    fiction: GuardedAlternation
    retrospective: GuardedAlternation
    aftermath: GuardedAlternation  # a story that opens on a funeral or reactions (tagger: acts days old are not news)
    hedge: GuardedAlternation
    weapons: GuardedAlternation  # one named group per weapon: the leftmost match names it


@cache
def rules() -> _Rules:
    p = patterns()
    # Triggers run on the lower-cased sentence: without IGNORECASE where they name no upper-case letter. Generic
    # wording comes after a type's own triggers.
    specs = {t: [*p["triggers"][t], *p["generic"].get(t, [])] for t in p["order"]["types"]}
    triggers = {t: [Guarded.compile(x, for_lowered_text([x])) for x in specs[t]] for t in p["order"]["types"]}
    generic = {t: "|".join(f"(?:{x})" for x in xs) for t, xs in p["generic"].items()}
    gates = {t: _gate(triggers[t]) for t in p["order"]["types"]}
    return _Rules(
        order=tuple(p["order"]["types"]),
        violent=frozenset(p["order"]["violent"]),
        triggers=triggers,
        gates=gates,
        gate_words={t: frozenset(by_needle) for t, (by_needle, _) in gates.items()},
        needles=frozenset(n for ts in triggers.values() for g in ts for n in g.needles or ()),
        types_of=_types_of(triggers),
        always=frozenset(t for t, ts in triggers.items() if any(g.needles is None for g in ts)),
        generic={t: re.compile(x, for_lowered_text([x])) for t, x in generic.items()},
        veto_violent=lowered_alternation(p["vetoes"]["violent"]),
        veto_sport=lowered_alternation(p["vetoes"]["sport"]),
        veto_launch=lowered_alternation(p["vetoes"]["launch"]),
        veto_protest=lowered_alternation(p["vetoes"]["protest"]),
        veto_diplomacy=lowered_alternation(p["vetoes"]["diplomacy"]),
        veto_threat=lowered_alternation(p["vetoes"]["threat"]),
        veto_arrest=lowered_alternation(p["vetoes"]["arrest"]),
        veto_deployment=lowered_alternation(p["vetoes"]["deployment"]),
        disaster=lowered_alternation(p["vetoes"]["disaster"]),
        crime=lowered_alternation(p["vetoes"]["crime"]),
        hypothetical=lowered_alternation(p["modality"]["hypothetical"]),
        future=lowered_alternation(p["modality"]["future"]),
        negation=lowered_alternation(p["modality"]["negation"]),
        negation_ok=lowered_alternation(p["modality"]["negation_ok"]),
        background=lowered_alternation(p["modality"]["background"]),
        background_far=lowered_alternation(p["modality"]["background_far"]),
        court_crime=lowered_alternation(p["modality"]["court_crime"]),
        history=lowered_alternation(p["modality"]["history"]),
        trend=lowered_alternation(p["modality"]["trend"]),
        fiction=lowered_alternation(p["modality"]["fiction"]),
        retrospective=lowered_alternation(p["modality"]["retrospective"]),
        aftermath=lowered_alternation(p["modality"]["aftermath"]),
        hedge=alternation(p["modality"]["hedge"]),
        # Weapons are named by whole words: the boundary also spares the engine most positions.
        weapons=lowered_alternation(
            [rf"\b(?P<{name}>" + "|".join(f"(?:{x})" for x in pats) + ")" for name, pats in p["weapons"].items()]
        ),
    )


def _types_of(triggers: dict[str, list[Guarded]]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for event_type, guarded in triggers.items():
        for g in guarded:
            for n in g.needles or ():
                out.setdefault(n, set()).add(event_type)
    return {n: frozenset(ts) for n, ts in out.items()}


def _gate(patterns: list[Guarded]) -> tuple[dict[str, list[int]], tuple[int, ...]]:
    by_needle: dict[str, list[int]] = {}
    for i, g in enumerate(patterns):
        for n in g.needles or ():
            by_needle.setdefault(n, []).append(i)
    return by_needle, tuple(i for i, g in enumerate(patterns) if g.needles is None)


def is_violent(event_type: str) -> bool:
    return event_type in rules().violent


def _vetoed(event_type: str, sentence: str, r: _Rules, memo: dict[str, bool] | None = None) -> bool:
    memo = {} if memo is None else memo

    def hit(name: str) -> bool:  # each veto list is searched at most once per sentence
        if name not in memo:
            memo[name] = bool(getattr(r, name).search(sentence))
        return memo[name]

    def violence_vetoed() -> bool:  # (sport words: see vetoed_violent)
        return hit("veto_violent") or hit("veto_sport")

    if event_type == "threat":
        return violence_vetoed() or hit("veto_launch") or hit("veto_threat")
    if event_type in r.violent:
        return violence_vetoed() or hit("veto_launch")
    if event_type == "military_deployment":  # troops sent after a cyclone rescue people
        return violence_vetoed() or hit("veto_launch") or hit("disaster") or hit("veto_deployment")
    if event_type == "protest":
        return hit("veto_protest") or violence_vetoed()
    if event_type == "diplomacy":
        return hit("veto_diplomacy") or hit("fiction")
    if event_type == "arrest_or_seizure":
        return violence_vetoed() or hit("veto_arrest") or hit("crime")
    return violence_vetoed() and event_type != "sanctions"


def _negated(sentence: str, start: int, r: _Rules) -> bool:
    window = sentence[max(0, start - _NEGATION_WINDOW) : start]
    if r.background.search(window):
        return True  # "denouncing the strikes": what another event is about
    if start > _NEGATION_WINDOW and r.background_far.search(sentence[max(0, start - _FAR_WINDOW) : start]):
        return True  # "the funeral of four soldiers killed in Israel's air strikes"
    if (
        start > _FAR_WINDOW
        and r.court_crime.search(sentence[max(0, start - _COURT_WINDOW) : start])
        and not _PUT_TO_DEATH.match(sentence, start)  # (the convict's own execution is an act)
    ):
        return True  # "sentenced a man ... for a stabbing attack at a hitchhiking stop last year that killed two"
    cut = max(window.rfind(", but "), window.rfind("; "))
    if cut >= 0:  # "did not disclose any wounded, but said its air force had pounded ...": the denial ends at "but"
        window = window[cut:]
    window = r.negation_ok.sub(" ", window)
    return bool(r.negation.search(window))


def unreal(sentence: str, event_type: str, published_year: int | None, act_end: int | None = None) -> str | None:
    """Why the sentence does not assert a current real event (or None when it does); `act_end` as for
    :func:`_not_asserted`."""
    past = _not_current(sentence, published_year, act_end)
    if past or event_type == "threat":  # threats are about the future by nature; the threat itself is the event
        return past
    return _not_asserted(sentence, act_end)


def _not_current(sentence: str, published_year: int | None, act_end: int | None = None) -> str | None:
    """ "fiction", "history" or "trend" when the sentence does not tell a current real act (see _old_year)."""
    return not_current_cues(sentence) or _old_year(sentence, published_year, act_end)


def not_current_cues(sentence: str) -> str | None:
    r = rules()
    if r.fiction.search(sentence):
        return "fiction"
    if r.history.search(sentence):
        return "history"
    m = r.trend.search(sentence)
    if m and not _ONE_OF_A_TREND.search(sentence, max(0, m.start() - 40), m.start()):
        return "trend"
    return None


# "A Palestinian stabbed two Israeli men ..., the latest in a month-long wave of street attacks", "A car bomb tore
# through a market ..., as a surge in violence raised fears ...": the act told is the news, the wave its setting
_ONE_OF_A_TREND = re.compile(r"(?:\b(?:the )?latest (?:in|of)|,\s*(?:as|amid)) (?:a|an|the)\b[^.;,]{0,25}$")


def _old_year(sentence: str, published_year: int | None, act_end: int | None) -> str | None:
    """ "history" when a year before last dates the act: one told before it or close after it ("killed 12 in
    2016"), not one deep in a later clause ("executed nine men ... after convicting them of involvement in the
    2018 killing": that tells why)."""
    if published_year is None:
        return None
    for found in _YEAR.finditer(sentence):
        if act_end is not None and found.start() > act_end + _YEAR_REACH:
            continue
        if act_end is not None and found.start() > act_end and _PAST_CLAUSE.search(sentence, act_end, found.start()):
            continue
        y = found.group()
        if int(y) < published_year - 1 and not re.search(rf"since (?:\w+ )?{y}", sentence):
            return "history"
    return None


# "..., intelligence officials said, warning it could allow strikes": a reporting clause after the act says what
# may follow from it; the act itself is still asserted.
# A clash told as the answer to an attack: "the soldiers returned fire", "were met with fire from the troops"
RETURNED_FIRE = re.compile(
    r"\b(?:returned fire|returning fire|fired back|responded with (?:live )?fire|(?:were|was) met with fire|"
    r"(?:an|the) exchange of fire|exchanged fire)\b",
    re.IGNORECASE,
)


_REPORTING_TAIL = re.compile(
    r",\s*(?:\w+\s+){0,3}?(?:warning|saying|adding|noting|arguing|stressing|cautioning|insisting|raising|sparking|"
    r"fuell?ing|stoking|heightening|deepening|prompting)\b"
    # "..., as a surge in violence raised fears that Iraq could slide back into civil war"
    r"|,\s*as\s+(?:[\w-]+\s+){0,5}?(?:raised|sparked|fuell?ed|stoked|heightened|deepened|prompted)\b"
    # "... was struck by a missile on Tuesday, as the world's biggest container lines said they would keep ..."
    r"|,\s*as\s+(?:\S+\s+){1,6}?(?:said|says|announced|warned|vowed|pledged)\b"
    # "... had seized a British-flagged tanker, a move Britain called unacceptable and warned would bring serious
    # consequences": another's word on the act, told after it
    r"|,\s*(?:in\s+)?an?\s+(?:move|step|decision|act|action|escalation|development)\s+(?:that\s+|which\s+)?"
    r"(?:[\w-]+\s+){1,4}?(?:called|calls|described|condemned|denounced|branded|labell?ed|slammed|decried|warned)\b"
)


_RELATIVE = re.compile(r"\b(?:who|which|where(?:\s+(?:it|they|he|she|the \w+))?)\s+$")


def _not_asserted(sentence: str, act_end: int | None = None) -> str | None:
    """ "hypothetical" or "future" when a cue of that kind makes the sentence's act unreal. With `act_end`
    (where the act's words end), cues that all come after it, in a reporting clause, do not count."""
    r = rules()
    for kind, cues in (("hypothetical", r.hypothetical), ("future", r.future)):
        m = cues.search(sentence)
        at = m.start() if m is not None else -1
        if m is not None and act_end is not None and at >= act_end and _RELATIVE.search(sentence, 0, at):
            # "has arrived in Israel along with the first of 100 troops who will operate it": what those named
            # after the act will do; look on past it
            later = cues.search(sentence[m.end() :])
            at = m.end() + later.start() if later is not None else -1
        if at >= 0 and (act_end is None or at < act_end or not _REPORTING_TAIL.search(sentence, act_end, at)):
            return kind
    return None


_CLOSERS = " \t\n\"'\u201d\u2019)"
_QUESTION_LENGTH = 200  # characters: a question longer than that is text run together, not a question


def find_triggers(
    sentence: str, published_year: int | None = None, vetoes: dict[str, bool] | None = None
) -> list[Trigger]:
    """Surviving triggers of the sentence, in the tagger's type order (best first). `vetoes` remembers which
    veto lists matched the sentence, for a caller that asks about them too (see :func:`vetoed_violent`)."""
    r = rules()
    lowered = sentence.lower()
    found: list[Trigger] = []
    # Vetoes and modality look at the whole sentence, not at the matched words: worked out once, and only for
    # a type one of whose triggers matched (they are pure tests of the sentence: the order changes nothing).
    vetoes = {} if vetoes is None else vetoes
    past: list[str | None] = []
    modal: list[str | None] = []
    hedged: bool | None = None
    in_sentence = needles_in(r.needles, lowered)
    # The types one of whose words occurs: most sentences rule most types out here (and many rule out all).
    candidates = r.always.union(*(r.types_of[n] for n in in_sentence))
    if not candidates or (len(lowered) <= _QUESTION_LENGTH and lowered.rstrip(_CLOSERS).endswith("?")):
        # (a question asserts no act: "WHAT ABOUT SANCTIONS?", "Will Iran strike back?"; a long run of text that ends
        # in one is page furniture run together with a story's sentences)
        return found
    for event_type in r.order:
        if event_type not in candidates:
            continue
        present = in_sentence.intersection(r.gate_words[event_type])
        m = _first_match(event_type, present, r.gates[event_type][1], lowered, r)
        if m is None or _vetoed(event_type, lowered, r, vetoes):
            continue
        if event_type != "threat" and _quoted_comment(lowered, m.start()):
            continue
        if not past:
            past.append(not_current_cues(lowered))
        if past[0] or _old_year(lowered, published_year, m.end()):
            continue
        if event_type != "threat":  # threats are about the future by nature; the threat itself is the event
            if not modal:
                modal.append(_not_asserted(lowered))
            if modal[0] and _not_asserted(lowered, m.end()):  # (a cue anywhere, then: does it govern this act?)
                continue
        if hedged is None:
            hedged = bool(r.hedge.search(sentence))
        found.append(Trigger(event_type, m.start(), m.end(), _is_generic(event_type, m, r), hedged))
    return found


# A quotation closed by its attribution alone: '"This is a truce without a text," said a Western diplomat in Baghdad.'
_WORD = re.compile(r"[\w'\u2019-]+")
_SPEECH_VERBS = frozenset({"said", "says", "told", "wrote", "added", "asked", "according"})
_ATTRIBUTION_WORDS = 12  # "said a Western diplomat who follows the talks in Baghdad": who said it, nothing more
# ... unless the speaker tells its own act ('"We targeted the ship with naval missiles," Saree said.') or a toll
# ('"Twelve takfiri elements were killed in an exchange of fire with the forces," the spokesman said.')
_OWN_ACT_OR_HARM = re.compile(
    r"\b(?:we|our|us|i|my|killed|wounded|injured|dead|died|beheaded|executed|hanged|shot|martyred|bodies)\b"
)


def _quoted_comment(lowered: str, at: int) -> bool:
    """Is the act's word inside a quotation that is someone's comment (the sentence outside it only says who said
    it, and the speaker tells no act of its own)?"""
    for q in quotations(lowered):
        if q.start() < at < q.end():
            outside = _WORD.findall(lowered[: q.start()] + " " + lowered[q.end() :])
            # (a sentence all quotation is someone's words too: its speaker is named in the sentence before)
            attribution = not outside or (len(outside) <= _ATTRIBUTION_WORDS and not _SPEECH_VERBS.isdisjoint(outside))
            return attribution and not _OWN_ACT_OR_HARM.search(q.group(1))
    return False


def _first_match(
    event_type: str, present: frozenset[str] | set[str], always: tuple[int, ...], lowered: str, r: _Rules
) -> re.Match[str] | None:
    """The first of the type's triggers (in the data file's order) that matches and is not negated (a trigger
    whose text lacks every word of one of its further sets cannot match: not tried)."""
    by_needle = r.gates[event_type][0]
    if len(present) == 1 and not always:
        (word,) = present
        order: list[int] = by_needle[word]  # already in the data file's order
    else:
        possible = set(always)
        for n in present:
            possible.update(by_needle[n])
        order = sorted(possible)
    patterns = r.triggers[event_type]
    contains = lowered.__contains__
    for index in order:
        pattern = patterns[index]
        further = pattern.further
        if further:
            if not any(map(contains, further[0])):
                continue
            if len(further) > 1 and not all(any(map(contains, s)) for s in further[1:]):
                continue
        m = pattern.regex.search(lowered)
        if m and not _negated(lowered, m.start(), r):
            return m
    return None


def _is_generic(event_type: str, m: re.Match[str], r: _Rules) -> bool:
    """Is the matched trigger the type's generic wording ("attacks on", "came under fire")?"""
    wording = r.generic.get(event_type)
    return wording is not None and wording.match(m.group(0)) is not None


def triggers_in_part(part: str, asserted: dict[str, Trigger]) -> list[Trigger]:
    """Triggers in a part of a sentence (a clause) of the types the whole sentence asserts (`asserted`: its
    triggers by type). The sentence's vetoes and modality already hold for those types: only the patterns and
    the negation window run here."""
    r = rules()
    lowered = part.lower()
    in_part = needles_in(r.needles, lowered)
    found: list[Trigger] = []
    for event_type in r.order:
        if event_type not in asserted:
            continue
        always = r.gates[event_type][1]
        present = in_part.intersection(r.gate_words[event_type])
        if not present and not always:
            continue
        m = _first_match(event_type, present, always, lowered, r)
        if m is not None:
            generic = _is_generic(event_type, m, r)
            found.append(Trigger(event_type, m.start(), m.end(), generic, asserted[event_type].hedged))
    return found


def vetoed_violent(lowered: str, vetoes: dict[str, bool]) -> bool:
    """Does the lower-cased sentence hit the violence veto (markets, space, accidents) or the sport veto? Shares
    find_triggers' memo: a caller that sets ``vetoes["veto_sport"] = False`` after this lifts the sport veto for the
    sentence's triggers."""
    if "veto_violent" not in vetoes:
        vetoes["veto_violent"] = bool(rules().veto_violent.search(lowered))
    if "veto_sport" not in vetoes:
        vetoes["veto_sport"] = bool(rules().veto_sport.search(lowered))
    return vetoes["veto_violent"] or vetoes["veto_sport"]


def weapon_of(sentence: str) -> str | None:
    """The weapon named first in the sentence."""
    # Leftmost match; at the same position the weapon listed first wins, as the data file says.
    m = rules().weapons.search(sentence)
    return m.lastgroup if m else None
