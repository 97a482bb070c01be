"""Casualty and attack counts in a sentence: digits or words, lower bounds, explicit zeros."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from ingest.tag.prefilter import Guarded, GuardedAlternation, for_lowered_text
from ingest.tag.prefilter import present as needles_in
from ingest.tag.resources import lowered_alternation, numbers, patterns

# Number-like tokens that are not counts of people or attacks ("12-year-old", "10 kilometres", "7pm").
_NOT_A_COUNT = (
    r"(?![-\s]?(?:year|years-old|km|kilomet|mile|metre|meter|percent|per cent|%|am\b|pm\b|:|th\b|st\b"
    r"|nd\b|rd\b|sides?\b|family\b|household\b))"  # "six fighters from both sides", "members of one family"
)
# Nouns that sit between a number and "killed" but are the weapon, not the victims ("a drone strike killed").
# Another number in between is a count of its own: "a monitor said twelve fighters were killed" must not be
# read as "a ... were killed" (that match would hide the twelve); an age ("a 70-year-old man") or "both sides" is
# not. The number words come from numbers.toml.
_NOT_VICTIMS = (
    r"(?!(?:strike|attack|bomb|blast|explosion|raid|drone|missile|rocket|shell|air|mortar|round)s?\b"
    # time, distance and who said it ("for nearly an hour, an officer said, and four of them were wounded")
    r"|(?:hour|minute|day|week|month|year|kilomet(?:re|er)|km|mile)s?\b|(?:said|says|told|added|reported)\b"
    r"|of\s+(?:his|her|their|the)\s+(?:sheep|cattle|livestock|animals|goats|cows|camels|horses|donkeys|chickens)\b"
    r"|(?:dead|died|killed|injured|wounded|hurt|but|nobody|none|\d+(?![\d-])|{NUMBER_WORDS})\b"
    r"(?! (?:sides?|family|household)\b))"
)


_PROVISIONAL = re.compile(r"\b(?:early|earlier|initial|preliminary|first)\s+(?:\w+\s+)?figures\b")
_NONE_OF = (
    "(?<!none of the )(?<!none of its )(?<!none of their )(?<!none of )(?<!none of the other )(?<!none of its other )"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_QUALIFIERS = ("at least", "more than", "over", "upwards of", "no fewer than", "nearly", "almost", "about", "around",
               "some", "up to", "a total of")  # fmt: skip
_WORD = re.compile(r"\w+")

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# A running total over a period is no event's toll: "more than 300,000 people have been killed since 2011", "the
# war has killed ...", "in the past two weeks more than 200 civilians were killed", "so far".
_CUMULATIVE = re.compile(
    rf"\bsince (?:(?:early |late |mid-?|\d{{1,2}} )?(?:{_MONTHS}|(?:19|20)\d\d)\b|the (?:start|beginning|outbreak) of"
    r"|(?:the )?(?:war|conflict|uprising|revolt|crisis|exchanges|fighting|hostilities|clashes|offensive|unrest|"
    r"escalation|protests|protest movement|movement|demonstrations|campaign) (?:began|started|erupted|broke out|flared)"
    r"|it (?:began|started|erupted)|then\b)"
    r"|\b(?:in|over|during) the (?:past|last) (?:[\w-]+ )?(?:weeks|months|years)\b|\bso far\b"
    r"|\b(?:war|conflict|uprising)\b[^.;]{0,100}?\b(?:has|have|had) (?:now |so far )?(?:killed|left|claimed)\b"
    # "the overall death toll in Gaza has risen to 30,000": a territory's total, not the toll of an act in it
    r"|\b(?:overall|total|cumulative) (?:death |casualty )?toll (?:in|across|among) "
    r"(?!the (?:attack|strikes?|bombings?|blasts?|raids?|explosions?|assault|shooting|massacre)\b)(?![\w-]+\'s )"
)
_CLAUSE_BREAK = re.compile(r",\s+and\s+|;\s+")
_LATER_CLAUSE = re.compile(r",\s+(?:and|which|who|while|but|according to)\b|;\s+")
_CUMULATIVE_WORDS = ("since", " past ", " last ", "so far", "has ", "have ", "had ", "overall", "total ", "cumulative")
# (one is in every cue)
# "killing 12 in the deadliest raid since 2016": the period measures the raid, not a total
_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|heaviest|largest|highest|first)\b")


def _cumulative(sentence: str, start: int, end: int) -> bool:
    """Does the count at sentence[start:end] (lower case) sit next to a period or a war total? A period told in an
    earlier clause ("combing the mountains since the start of the week, came under fire on Thursday, and eleven
    were killed") dates that clause, not the count."""
    offset = max(0, start - 120)
    window = sentence[offset : end + 60]
    if not any(w in window for w in _CUMULATIVE_WORDS):
        return False
    count_at, count_end = start - offset, end - offset
    # a cue before the count governs it unless a clause break comes between; one after it, unless a new clause
    # starts first ("Nine people ... died, according to a network which put the toll since the unrest erupted at 70")
    cues = [
        m
        for m in _CUMULATIVE.finditer(window)
        if (m.end() > count_at and not _LATER_CLAUSE.search(window, count_end, m.start()))
        or (m.end() <= count_at and not _CLAUSE_BREAK.search(window, m.end(), count_at))
    ]
    return bool(cues) and _SUPERLATIVE.search(window) is None


@dataclass
class Counts:
    killed: int | None = None
    injured: int | None = None
    attack_count: int | None = None
    lower_bound: bool = False
    killed_vague: bool = False  # the toll is a word such as "dozens": a later exact number for it wins
    killed_revised: bool = False  # told as revised ("the toll rose to 16"): it replaces an earlier telling's
    killed_also: bool = False  # told as more ("seven of the attackers were also killed"): added to an earlier telling
    injured_revised: bool = False  # the wounded counted anew ("raising the number of wounded to nine"): replaces

    @property
    def any(self) -> bool:
        return self.killed is not None or self.injured is not None or self.attack_count is not None


@dataclass(frozen=True)
class _NumberParts:
    """Pieces of the count patterns, built from numbers.toml."""

    word_alt: str  # every number word, vague ones first, longest first
    between: str  # the same without "a"/"an"
    not_victims: str  # _NOT_VICTIMS with the number words filled in
    digits: str
    compound: str  # "-one" of "twenty-one"
    qualifier: str  # "at least " and the like, as group q


@cache
def _number_parts() -> _NumberParts:
    words = numbers()
    units = sorted(words["units"], key=len, reverse=True)
    vague = sorted(words["vague"], key=len, reverse=True)
    # "a"/"an" stay allowed in between: "two members of a Yazidi group died"
    between = "|".join(re.escape(w) for w in vague + units if w not in ("a", "an"))
    return _NumberParts(
        word_alt="|".join(re.escape(w) for w in vague + units),
        between=between,
        not_victims=_NOT_VICTIMS.replace("{NUMBER_WORDS}", between),
        digits=r"\d{1,3}(?:,\d{3})+|\d+",
        compound="(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?",
        # The leading \b changes nothing (a qualifier and a number both start a word) but lets the regex engine
        # give up at once inside words instead of trying every qualifier and number word at every character.
        qualifier=r"\b(?P<q>(?:" + "|".join(_QUALIFIERS) + r")\s+)?",
    )


@cache
def _compiled() -> dict[str, list[Guarded] | GuardedAlternation]:
    np_ = _number_parts()
    digits, compound, qualifier, not_victims = np_.digits, np_.compound, np_.qualifier, np_.not_victims
    # "None of the 24 crew was hurt" counts no one (zero_injured reads it).
    number = rf"(?<!no ){_NONE_OF}\b(?P<n>{digits}|(?:{np_.word_alt}){compound})\b" + _NOT_A_COUNT
    # An attack count is never "a" ("a wave of attacks" is not one attack); leaving it out also spares the
    # engine a try at every article "a" in the sentence.
    attack_number = rf"(?<!no ){_NONE_OF}\b(?P<n>{digits}|(?:{np_.between}){compound})\b" + _NOT_A_COUNT
    spec = patterns()["counts"]
    out: dict[str, list[Guarded] | GuardedAlternation] = {}
    # All run on the lower-cased sentence: without IGNORECASE where a pattern names no upper-case letter.
    for key in ("killed", "injured", "attack_count", "killed_revised", "injured_revised"):
        # victims' words may be possessive: "three soldiers of the Southern Transitional Council's forces"
        # (quoted too: '14 "takfiri elements"'; an abbreviation: "Three members of the Kurdistan Workers' Party (PKK)")
        word = f"(?:{not_victims}[\\w'\u2019\"\u201c\u201d()-]+\\s+)"
        full = [p.replace("(?:[\\w-]+\\s+)", word).replace("{Q}", qualifier)
                .replace("{N}", attack_number if key == "attack_count" else number) for p in spec[key]]  # fmt: skip
        out[key] = [Guarded.compile(p, for_lowered_text([p])) for p in full]
    out["zero_killed"] = lowered_alternation(spec["zero_killed"])
    out["zero_injured"] = lowered_alternation(spec["zero_injured"])
    return out


# Words that end a victim noun phrase in a list of counts: a place or time ("12 in Aleppo and 5 in Idlib" are two
# tolls, not one), or the verb.
_NOT_NOUN = r"(?!(?:and|or|in|on|at|near|of|from|by|with|since|during|were|was|had|have|has|are|while|as)\b)"
_PASSIVE_KILLED = (
    r"(?:were |was |have been |had been |are |)(?:killed|dead|died|slain|lost their lives|martyred|among the dead)\b"
)
_PASSIVE_INJURED = (
    r"(?:were |was |have been |had been |are |)"
    r"(?:injured|wounded|hurt|treated for (?:[\w-]+ ){0,5}?(?:injuries|wounds))\b"
)
# Verbs a list of victims follows ("shot dead a shepherd and his two sons", "wounded two guards and a driver").
_LIST_VERBS = {
    "killed": r"killing|killed|kills|kill|claimed the lives of|left|leaving|shot dead|shooting dead|gunned down|"
    r"executed|stabbed to death|beheaded|assassinated",
    "injured": r"wounding|wounded|injuring|injured|hurting|hurt|stabbed|stabbing",
}
_KIN = r"(?:(?:her|his|their)\s+)?"
_ONE_OF_KIN = (
    r"(?:driver|wife|husband|son|daughter|brother|sister|father|mother|bodyguard|companion|child|nephew|cousin)\b"
)
_KIN_JOIN = re.compile(rf" and (?:his|her|their) (?={_ONE_OF_KIN})")
_LIST_JOINS = (" and ", " and her ", " and his ", " and their ")


@cache
def _conjoined(kind: str = "killed") -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(number-led, verb-led) regexes for a list of counts that together make one toll: "ten children and five
    women were killed", "killed 50 militants and eight civilians", "killing five women and a child". Groups
    n1, n2 (and n3 for three parts) hold the numbers; each part names its victims (one to four words, no
    preposition: "45 in Aleppo and 22 in Idlib" is not a list)."""
    np_ = _number_parts()
    word_alt, not_victims, digits, compound = np_.word_alt, np_.not_victims, np_.digits, np_.compound

    def part(i: int) -> str:
        # "15 soldiers and 12 of the attackers were killed"
        # (a later part may carry its own qualifier: "six of his fighters and at least nine rebels")
        later_q = "" if i == 1 else r"(?:\b(?:" + "|".join(_QUALIFIERS) + r")\s+)?"
        num = later_q + rf"\b(?P<n{i}>{digits}|(?:{word_alt}){compound})\b" + _NOT_A_COUNT + r"(?:\s+of(?:\s+the)?\b)?"
        # a later part may be kin of the first: "a woman and her two children"
        kin = _KIN if i > 1 else ""
        # whose they were may follow: "an officer and two soldiers of the Iraqi army were killed"
        # ... or both sides: "At least seventeen fighters from both sides and two civilians were killed"
        whose = r"(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}|\s+(?:from|on|of)\s+both\s+sides)?"
        counted = rf"{kin}{num}\s+(?:{not_victims}{_NOT_NOUN}[\w-]+\s+){{0,3}}?{not_victims}{_NOT_NOUN}[\w-]+{whose}"
        # one of kin or retinue, no number: "a commander and his driver", "a commander, his wife and their son"
        return counted if i == 1 else rf"(?:{counted}|(?P<k{i}>(?:his|her|their)\s+{_ONE_OF_KIN}))"

    parts = rf"{np_.qualifier}(?<!no ){part(1)}(?:,\s+{part(3)})?,?\s+and\s+{part(2)}"
    led = re.compile(rf"{parts}\s+{_PASSIVE_KILLED if kind == 'killed' else _PASSIVE_INJURED}")
    # "killed 13 people and 20 soldiers were wounded": the second part belongs to another verb
    other = r"(?:wounded|injured|hurt)" if kind == "killed" else r"(?:killed|dead|died)"
    verb = re.compile(
        rf"\b(?:{_LIST_VERBS[kind]})\s+{parts}\b"
        # (not "... and a civilian contractor and wounded five others": a verb of its own with its own count)
        rf"(?!\s+(?:(?!and\b)[\w-]+\s+){{0,2}}?(?:were |was |have been |had been |are |){other}\b)"
    )
    return led, verb


_LIST_SPAN = 150  # characters from a list's first number to the "and" before its last: three parts of 4 words


def _list_starts(starts: Iterable[int], ands: list[int]) -> list[int]:
    """Where a list of counts can begin: a number not too far before an "and" that a number follows."""
    return [p for p in starts if any(0 < a - p <= _LIST_SPAN for a in ands)]


_SOME = r"(?:at least |more than |some |about |nearly |around |over )?$"
_OBJECT_OF_KILLING = re.compile(r"\b(?:killed|killing|kills)\s+" + _SOME)
_OBJECT_OF_WOUNDING = re.compile(r"\b(?:wounded|wounding|injured|injuring)\s+" + _SOME)


def _conjoined_toll(sentence: str, starts: Iterable[int], kind: str = "killed") -> tuple[int, bool, bool] | None:
    """The largest toll a list of counts gives in the lower-cased `sentence` (see :func:`_conjoined`), as
    (count, lower bound, vague), or None. The number-led list is tried at `starts` only: where a qualifier or
    a number begins a word not too far before an "and" followed by a number."""
    best: tuple[int, bool, bool] | None = None
    led, verb = _conjoined(kind)
    # (a number-led list is not the object of the other verb: "killed 13 people and 20 soldiers were wounded"
    # wounded 20, not 33)
    other = _OBJECT_OF_KILLING if kind == "injured" else _OBJECT_OF_WOUNDING
    led_lists = (m for pos in starts if (m := led.match(sentence, pos)) and not other.search(sentence, 0, m.start()))
    matches = itertools.chain(led_lists, verb.finditer(sentence))
    for m in matches:
        total, vague = 0, False
        values: list[int] = []
        for g in ("n1", "n2", "n3"):
            token = m.group(g)
            if token is None:
                total += 1 if g != "n1" and m.group("k" + g[1]) else 0  # "his driver"
                continue
            value, is_vague = parse_number(token)
            if value is None or _YEAR.fullmatch(token):
                break
            total, vague = total + value, vague or is_vague
            values.append(value)
        else:
            if len(values) == 3 and values[0] == values[1] + values[2]:
                total = values[0]  # "wounded five people, two Saudi citizens and three foreign residents": a sum told
            if total <= 100000 and (best is None or total > best[0]):
                best = (total, vague or _is_lower_bound(m.group("q")), vague)
    return best


@cache
def _lead_words() -> frozenset[str]:
    """First words of every qualifier and number word: where a "{Q}{N} ..." count can start."""
    words = numbers()
    phrases = [*_QUALIFIERS, *words["units"], *words["vague"]]
    return frozenset(m.group().lower() for m in map(_WORD.match, phrases) if m)


@cache
def _number_led() -> dict[str, frozenset[int]]:
    """Per count kind, the patterns that start with the qualifier or the number ("{Q}{N} were killed")."""
    spec = patterns()["counts"]
    return {k: frozenset(i for i, p in enumerate(spec[k]) if p.startswith(("{Q}{N}", "{N}")))
            for k in ("killed", "injured", "attack_count")}  # fmt: skip


def _starts(lowered: str) -> list[int]:
    """Offsets where a qualifier, a number word or a digit starts a word of the lower-cased sentence: the only
    places a number-led count pattern can match (each starts with ``\\b`` and a qualifier or a number), so
    trying it there alone finds what finditer finds, without the engine trying dozens of number words at
    every word."""
    # one C-level pass: a lead word as a whole word, or a word that starts with a digit (a word starting with
    # some other numeric character, "²", is left out, but no count pattern can match there either)
    return [m.start() for m in _lead_regex().finditer(lowered)]


@cache
def _lead_regex() -> re.Pattern[str]:
    words = sorted(_lead_words(), key=len, reverse=True)
    return re.compile(r"\b(?:(?:" + "|".join(map(re.escape, words)) + r")\b|\d)")


class _LazyStarts:
    """:func:`_starts` of a sentence, worked out on first use: half the sentences asked about have none of the
    words a number-led count needs ("killed", "attacks"), and then no pattern ever asks for the offsets."""

    def __init__(self, sentence: str) -> None:
        self._sentence = sentence
        self._offsets: list[int] | None = None

    def __iter__(self) -> Iterator[int]:
        if self._offsets is None:
            self._offsets = _starts(self._sentence)
        return iter(self._offsets)


def _led_finditer(pattern: Guarded, sentence: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """pattern.finditer(sentence) for a number-led pattern, trying only the candidate `starts`."""
    if not pattern.possible(sentence):
        return
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.regex.match(sentence, pos)
        if m:
            yield m
            end = m.end()


def parse_number(token: str) -> tuple[int | None, bool]:
    """(value, is_vague) for "23", "1,200", "twenty-one", "dozens"."""
    token = token.lower().strip()
    if token.replace(",", "").isdigit():
        return int(token.replace(",", "")), False
    words = numbers()
    if token in words["vague"]:
        return words["vague"][token], True
    if token in words["units"]:
        return words["units"][token], False
    total = 0
    for part in re.split(r"[- ]", token):
        if part not in words["units"]:
            return None, False
        total += words["units"][part]
    return total, False


def _is_lower_bound(qualifier: str | None) -> bool:
    # "about", "nearly", "up to" are estimates, not floors
    floors = ("at least", "more than", "over", "upwards of", "no fewer than")
    return qualifier is not None and qualifier.strip().lower() in floors


def _best(
    patterns_: list[Guarded],
    sentence: str,
    led: frozenset[int] = frozenset(),
    starts: Iterable[int] | None = None,
    cased: str | None = None,
    running_totals: bool = False,
) -> tuple[int | None, bool, bool]:
    """(count, lower bound, vague): the largest exact count the patterns give in the lower-cased `sentence`,
    else the largest vague one ("Four medics were killed days after dozens of aid workers were killed": four);
    those whose index is in `led` are tried at `starts` only. `cased` is the sentence as written, when
    lower-casing kept its length. `running_totals`: skip counts told as a total over a period (tolls only:
    "23 attacks since October" is still a count of attacks)."""
    cased = sentence if cased is None or len(cased) != len(sentence) else cased
    best: int | None = None
    lower = is_vague = False
    for i, pattern in enumerate(patterns_):
        found = (
            _led_finditer(pattern, sentence, starts) if starts is not None and i in led else pattern.finditer(sentence)
        )
        for m in found:
            token = m.group("n")
            # "a"/"an" count one person only in passives ("a soldier was killed"), never "a drone strike killed".
            if (
                token.lower() in ("a", "an")
                and not re.search(r"\b(?:was|has been|had been)\b", cased[m.start() : m.end()])
                and not (m.start("n") > m.start())
                and not sentence.endswith(("left ", "leaving "), 0, m.start())  # "left a child dead"
            ):
                continue
            value, vague = parse_number(token)
            if value is None or value > 100000 or _YEAR.fullmatch(token):
                continue  # "Published July 5 2016 A motorcycle bomber killed ...": a year, not a toll
            if running_totals and _cumulative(sentence, m.start(), m.end()):
                continue  # "more than 300,000 people have been killed since 2011": no event's toll
            if best is None or (is_vague and not vague) or (value > best and vague == is_vague):
                best, lower, is_vague = value, vague or _is_lower_bound(m.group("q")), vague
    return best, lower, is_vague


# "At least 11 civilians, including three children, were killed": the part is not the toll; dropping it lets
# the whole ("11 ... were killed") be read.
_SUBCOUNT = re.compile(
    r",?\s+(?:including|among them|among whom|mostly|most of them|many of them)"
    r"\s+(?:[\w'\u2019-]+\s+){0,8}?[\w-]+\s*,?\s*"  # (possessives too: "the Quds Force's intelligence chief")
    r"(?=(?:were|was|have|had|are|died|lost)\b)"
    # "At least 17 people, five of them children, were killed"; "at least 20 people, civilians among them, were wounded"
    r"|,\s+[\w-]+\s+of\s+(?:them|whom)(?:\s+[\w-]+){0,6}\s*,\s*(?=(?:were|was|have|had|are|died|lost)\b)"
    r"|,\s+(?:[\w-]+\s+){1,3}among\s+them\s*,\s*(?=(?:were|was|have|had|are|died|lost)\b)",
    re.IGNORECASE,
)


# "leaving 23 civilians - including nine children - and 16 fighters dead": an aside between dashes or brackets;
# "Six members of one family \u2014 a father, his two wives and three children \u2014 were killed": any aside between
# long dashes (counts only read the sentence without it).
_SUBCOUNT_ASIDE = re.compile(
    r"\s+[-\u2013\u2014(]\s*(?:including|among them|mostly|most of them)\s+"
    r"[^-\u2013\u2014()]{1,60}?\s*[-\u2013\u2014)]"
    r"|\s+[\u2013\u2014]\s*[^\u2013\u2014]{1,80}?\s*[\u2013\u2014](?=\s)",
    re.IGNORECASE,
)


# "Five Egyptian soldiers, among them an officer, and 18 militants were killed": an aside within a list of counts
_LISTED_ASIDE = re.compile(r",\s+(?:including|among them|among whom)\s+[^,;]{1,40}(?=,\s+and\s)", re.IGNORECASE)


# "Iran fired ballistic missiles at two bases, its retaliation for the American drone strike that killed Qassem
# Soleimani": the toll of the act answered, told in a relative clause, is not the answer's.
_ANSWERED_TOLL = re.compile(
    r"\b(?:retaliation|revenge|reprisal|response|reply)\s+(?:for|to)\s+(?:[\w'\u2019-]+\s+){1,8}?(?:that|which)\s+"
    r"(?:had\s+|has\s+)?(?:killed|left|claimed|wounded|injured)\b[^,;.]*",
    re.IGNORECASE,
)
_ANSWER_WORDS = ("retaliat", "revenge", "reprisal", "response", "reply")


def _without_subcounts(sentence: str) -> str:
    if " that " in sentence or " which " in sentence:
        lowered = sentence.lower()
        if any(w in lowered for w in _ANSWER_WORDS):
            sentence = _ANSWERED_TOLL.sub(" ", sentence)
    # cheap substring tests before each regex: most sentences have neither an aside nor a part of a count
    listed = "includ" in sentence or "among" in sentence or "most" in sentence
    if "\u2013" in sentence or "\u2014" in sentence or (listed and ("- " in sentence or "(" in sentence)):
        sentence = _SUBCOUNT_ASIDE.sub("", sentence)
    if listed:
        sentence = _LISTED_ASIDE.sub("", sentence)
    if listed or " of them" in sentence or " of whom" in sentence:
        return _SUBCOUNT.sub(" ", sentence)
    return sentence


def has_toll(sentence: str) -> bool:
    """Does the sentence give a number killed or injured, none included ("No one was hurt"), cheaper than
    extract_counts (stops at the first)?"""
    compiled = _compiled()
    cased = _without_subcounts(sentence)
    sentence = cased.lower()
    if compiled["zero_killed"].search(sentence) or compiled["zero_injured"].search(sentence):  # type: ignore[union-attr]
        return True
    # "His driver was seriously wounded.", "shot dead Omar Haddad, a commander", "A passer-by suffered light injuries"
    if _one_victim(sentence) or _named_victim(sentence, cased) or _one_hurt(sentence):
        return True
    if _revised_toll(sentence):
        return True  # "By nightfall the monitor said the toll had climbed to 16"
    led, starts = _number_led(), _LazyStarts(sentence)
    return any(
        _best([p], sentence, frozenset({0}) if i in led[key] else frozenset(), starts, cased, key == "killed")[0]
        for key in ("killed", "injured")
        for i, p in enumerate(compiled[key])  # type: ignore[arg-type]
    )


@cache
def _kind_words() -> tuple[frozenset[str], dict[str, frozenset[str] | None]]:
    """Every word a count pattern needs, and per count kind the words one of which each of its patterns needs
    (None when some pattern needs none): a sentence with none of a kind's words has no count of that kind."""
    compiled = _compiled()
    kinds: dict[str, frozenset[str] | None] = {}
    for key in ("killed", "injured", "attack_count"):
        guards: list[Guarded] = compiled[key]  # type: ignore[assignment]
        kinds[key] = (
            None if any(g.needles is None for g in guards) else frozenset(n for g in guards for n in g.needles or ())
        )
    return frozenset().union(*(k for k in kinds.values() if k)), kinds


# "whether anyone was killed", "nobody was hurt": no one (zeros are read by the zero patterns)
_NO_ONE = r"(?<!anyone )(?<!anybody )(?<!no one )(?<!nobody )(?<!none )(?<!someone )"
_ONE_KILLED = re.compile(
    _NO_ONE + r"\bwas\s+(?:\w+\s+)?"
    r"(?:killed|shot dead|assassinated|gunned down|stabbed to death|beheaded|executed|hanged)\b"
    r"|\b(?:killing|killed) (?:him|her) (?:on the spot|instantly|outright)\b"
    r"|\b(?:died|succumbed) (?:of|from|to) (?:his|her) (?:wounds|injuries)\b|\bwas found (?:shot )?dead\b"
)
_ONE_CUES = (" was ", " him ", " her ", " his ")  # words every single-victim pattern needs one of
_ONE_INJURED = re.compile(
    _NO_ONE + r"\bwas\s+(?:\w+\s+)?(?:wounded|injured|hurt)\b"
    r"|\bwas\s+(?:shot|hit|struck|wounded)\s+in\s+the\s+(?:\w+\s+)?(?:leg|legs|arm|arms|shoulder|head|chest|back|"
    r"abdomen|stomach|foot|feet|hand|neck|thigh)\b"
)
# One victim told by role, not number: "killing its rider", "wounding the driver", "leaving him with moderate wounds"
_ONE_ROLE = (
    r"(?:its|the|his|her)\s+(?:[\w-]+\s+)?(?:driver|owner|rider|pilot|passenger|occupant|guard|shepherd|farmer|"
    r"prosecutor|imam|mayor|governor|commander)\b(?!s\b|['\u2019]s\b|\s+(?:and|or|of the (?:two|three|four|five)))"
)
# words one of which every victim-by-role pattern needs (a substring test spares most sentences the regexes)
_ROLE_CUES = ("driver", "owner", "rider", "pilot", "passenger", "occupant", "guard", "shepherd", "farmer", "prosecutor",
              "imam", "mayor", "governor", "commander", " him ", " her ")  # fmt: skip
_KILLED_WITH_KIN = re.compile(rf"\b(?:killing|killed)\s+(?:him|her)\s+and\s+(?:his|her)\s+{_ONE_OF_KIN}")
_ONE_KILLED_ROLE = re.compile(r"\b(?:killing|killed|kills)\s+" + _ONE_ROLE)
_ONE_INJURED_ROLE = re.compile(
    r"\b(?:wounding|injuring|wounded|injured)\s+"
    + _ONE_ROLE
    + r"|\bleaving (?:him|her) with (?:\w+\s+){0,2}(?:wounds|injuries|burns)\b"
)
# "A motorcyclist riding behind the car suffered light injuries", "One sailor suffered minor burns"
_ONE_HURT = re.compile(
    r"(?:^|[.;,]\s*|\band\s+)(?:a|an|one)\s+(?:[\w-]+\s+){1,6}?(?:suffered|sustained)\s+(?:\w+\s+)?(?:injuries|wounds|burns)\b"
)
# "Seven of the attackers were also killed": a toll beside one told before, not a retelling of it
_ALSO_KILLED = re.compile(
    r"\b(?:were|was|have been|had been)\s+also\s+(?:killed|dead)\b|\b(?:had|have|has)\s+also\s+been\s+killed\b"
    r"|\balso\s+(?:killed|died)\b"
    # "... five of the attackers were killed in the ensuing clashes": the other side's dead
    r"|\bof the (?:attackers|assailants|raiders)\s+(?:were|had been|have been)\s+killed\b"
)
# "... troops had killed 17 of the attackers during the fighting": the same, told of those who killed them (when it
# is the sentence's whole toll: "saying seven soldiers had been killed ... and that troops had killed 10 of the
# attackers" tells both sides again)
_DEATH_WORD = re.compile(r"\b(?:killed|dead|died)\b")
_KILLED_OF_ATTACKERS = re.compile(r"\bkilled\s+(?:at least\s+)?(\w+)\s+of the (?:attackers|assailants|raiders)\b")
# "Gunmen shot dead Abu Hamza al-Zoubi, 42, a former commander": one named victim, told by the apposition after his
# name (an age or "a ..."); run on the sentence as written, where names are capitalised.
_VICTIM_VERBS = ("shot dead", "gunned down", "assassinated", "killed", "killing", "stabbed to death", "beheaded",
                 "hanged", "executed")  # fmt: skip
_NAMED_VICTIM = re.compile(
    r"\b(?:shot dead|gunned down|assassinated|killed|killing|stabbed to death|beheaded|hanged|executed)\s+"
    r"(?:(?!(?:in|on|at|near|by|when|after|during|as|and|while|from|with|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozens|scores|hundreds|several)\b)[a-z]+\s+){0,3}?"
    r"[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){0,4}?,\s+(?:\d{1,3},|an?\s|the\s)"
)


def _one_hurt(lowered: str) -> bool:
    return ("suffered" in lowered or "sustained" in lowered) and bool(_ONE_HURT.search(lowered))


_RISEN = ("risen", "rose", "climbed", "jumped", "increased", "reached")


def _revised_toll(lowered: str) -> int | None:
    """A toll the lower-cased sentence tells as revised ("the toll had climbed to 16"; patterns: killed_revised),
    running totals left out; a substring test first."""
    if (
        "toll" not in lowered
        and "number" not in lowered
        and "figure" not in lowered
        and "tally" not in lowered
        and "now " not in lowered
        # ("by late afternoon it had risen to 54 dead")
        and not ((" it " in lowered or lowered.startswith("it ")) and any(map(lowered.__contains__, _RISEN)))
        and not lowered.startswith("by ")  # ("by evening, officials said 17 people had died")
    ):
        return None
    return _best(_compiled()["killed_revised"], lowered, running_totals=True)[0]  # type: ignore[arg-type]


# (not one among others: "killed its leader Hassan Aboud as well as other commanders")
_NOT_ALONE = r"(?![^.;]{0,40}\b(?:as well as|along with|together with|and (?:other|his|her|their|several|\d+))\b)"
# ... or by a title before the name ("shot dead prominent protest organiser Ihab al-Wazni", "killed Hamas commander
# Saleh al-Arouri"), or by one office ("shot dead the head of the municipal council", "killing the driver")
_TITLED_VICTIM = re.compile(
    r"\b(?:shot dead|gunned down|assassinated|killed|killing|stabbed to death|beheaded)\s+(?:(?:a|the)\s+)?"
    r"(?:(?!(?:in|on|at|near|by|when|after|during|as|and|while|from|with|of|two|three|four|five|six|seven|eight|"
    r"nine|ten|dozens|scores|hundreds|several|\d+)\b)[\w'\u2019-]+\s+){0,3}?"
    r"(?:commander|leader|chief|official|organi[sz]er|activist|journalist|cleric|imam|judge|officer|lawyer|politician|"
    r"lawmaker|mp|spokesman|scientist|mayor|governor)\s+[A-Z][\w'\u2019-]+\s+[A-Za-z][\w'\u2019-]+" + _NOT_ALONE + "|"
    r"\b(?:shot dead|gunned down|assassinated|killed|killing|stabbed to death|beheaded)\s+the\s+(?:[a-z-]+\s+)?"
    r"(?:head|mayor|mukhtar|commander|chief|leader|driver|governor|imam|director|spokesman|deputy|judge|preacher|owner)"
    r"\b(?!['\u2019]s)(?!\s+(?:and|&)\b)" + _NOT_ALONE
)


def _named_victim(lowered: str, cased: str) -> bool:
    if not any(map(lowered.__contains__, _VICTIM_VERBS)):
        return False
    return bool(("," in cased and _NAMED_VICTIM.search(cased)) or _TITLED_VICTIM.search(cased))


def _one_victim(sentence: str) -> bool:
    """A single victim told without a number ("was shot dead", "killing him on the spot", "was seriously wounded")."""
    return any(map(sentence.__contains__, _ONE_CUES)) and bool(
        _ONE_KILLED.search(sentence) or _ONE_INJURED.search(sentence)
    )


@cache
def _along_with() -> re.Pattern[str]:
    """ "Six soldiers died, along with eleven of the attackers": the others killed beside a toll (group n)."""
    np_ = _number_parts()
    return re.compile(
        rf"\b(?:killed|dead|died|slain|lost their lives|martyred)\b[^.;]{{0,40}}?\b(?:along with|as well as)\s+"
        rf"(?P<n>{np_.digits}|(?:{np_.between}){np_.compound})\s+(?:of\s+the\s+|other\s+|more\s+)?[\w-]+"
    )


def _also_killed(sentence: str) -> int:
    m = _along_with().search(sentence)
    value = parse_number(m.group("n"))[0] if m else None
    return value or 0


def extract_counts(sentence: str) -> Counts:
    compiled = _compiled()
    cased = _without_subcounts(sentence)
    if "U.S." in cased:  # "two U.S. service members and an Iraqi soldier": its stops end no word of a count
        cased = cased.replace("U.S.", "US")
    sentence = cased.lower()
    led, starts = _number_led(), _LazyStarts(sentence)
    # one needle scan rules out the kinds whose words are all absent (most sentences name no injury)
    every, kinds = _kind_words()
    found = needles_in(every, sentence)
    killed: int | None = None
    lk = kv = False
    killed_words, injured_words, attack_words = kinds["killed"], kinds["injured"], kinds["attack_count"]
    if killed_words is None or not killed_words.isdisjoint(found):
        killed, lk, kv = _best(compiled["killed"], sentence, led["killed"], starts, cased, True)  # type: ignore[arg-type]
    # a list of counts makes one toll: only where "and" (or "and her") comes right before a number
    # (also when no single count was found: "Two American soldiers and a British medic were among the dead")
    listing = " and " in sentence and (killed is not None or killed_words is None or not killed_words.isdisjoint(found))
    hurt = injured_words is None or not injured_words.isdisjoint(found)
    # offsets of a number right after "and": worked out once, for the dead's list and the wounded's
    joined = listing or (hurt and " and " in sentence)
    joins = [p for p in starts if sentence.endswith(_LIST_JOINS, 0, p)] if joined else []
    ands = joins if listing else []
    if listing and not ands:  # "a commander and his driver": the last part one of kin, with no number
        ands = [m.end() for m in _KIN_JOIN.finditer(sentence)]
    if ands:
        listed = _conjoined_toll(sentence, _list_starts(starts, ands))
        if listed is not None and (kv or not listed[2]) and (killed is None or listed[0] > killed):
            killed, lk, kv = listed
    if killed is not None and not kv and ("along with" in sentence or "as well as" in sentence):
        killed += _also_killed(sentence)  # ("... dead, as well as four civilians caught in the crossfire")
    if killed is not None and not kv and "figures" in sentence and _PROVISIONAL.search(sentence):
        kv = True  # "Early police figures put the dead at 28": a later exact toll replaces it, as it does "dozens"
    revised = _revised_toll(sentence)
    if revised and (killed is None or kv or revised >= killed):
        killed, lk, kv = revised, False, False
    injured, li = None, False
    if hurt:
        injured, li, _ = _best(compiled["injured"], sentence, led["injured"], starts, cased, True)  # type: ignore[arg-type]
        # "wounded two Saudi citizens and a Yemeni resident", "wounding a woman and her daughter"
        hurt_joins = joins or ([m.end() for m in _KIN_JOIN.finditer(sentence)] if " and " in sentence else [])
        if hurt_joins:
            listed = _conjoined_toll(sentence, _list_starts(starts, hurt_joins), "injured")
            if listed is not None and not listed[2] and (injured is None or listed[0] > injured):
                injured, li = listed[0], listed[1]
    attacks, la = None, False
    if attack_words is None or not attack_words.isdisjoint(found):
        attacks, la, _ = _best(compiled["attack_count"], sentence, led["attack_count"], starts, cased)  # type: ignore[arg-type]
    if killed is None and compiled["zero_killed"].search(sentence):  # type: ignore[union-attr]
        killed = 0
    if injured is None and _one_hurt(sentence):
        injured = 1
    if injured is None and compiled["zero_injured"].search(sentence):  # type: ignore[union-attr]
        injured = 0
    # one person named, no number: "Ihab al-Wazni, a protest organiser, was shot dead" is a toll of one
    if killed is None and (
        (any(map(sentence.__contains__, _ONE_CUES)) and _ONE_KILLED.search(sentence)) or _named_victim(sentence, cased)
    ):
        killed = 1 + (_also_killed(sentence) if "along with" in sentence else 0)
    if injured is None and " was " in sentence and _ONE_INJURED.search(sentence):
        injured = 1
    role = (killed is None or injured is None) and any(map(sentence.__contains__, _ROLE_CUES))
    if role and killed is None and ("killing" in sentence or "killed" in sentence):
        if _KILLED_WITH_KIN.search(sentence):  # "killing him and his son"
            killed = 2
        elif _ONE_KILLED_ROLE.search(sentence):
            killed = 1
    if role and injured is None and hurt and _ONE_INJURED_ROLE.search(sentence):
        injured = 1
    told_more = " also " in sentence or " of the " in sentence
    also = killed is not None and told_more and bool(_ALSO_KILLED.search(sentence))
    if not also and killed is not None and " of the " in sentence:
        of_attackers = _KILLED_OF_ATTACKERS.search(sentence)
        also = (
            of_attackers is not None
            and parse_number(of_attackers.group(1))[0] == killed
            and _DEATH_WORD.search(sentence, 0, of_attackers.start()) is None
        )
    injured_revised = False
    if "number of" in sentence and ("wounded" in sentence or "injured" in sentence):
        recounted = _best(compiled["injured_revised"], sentence)[0]  # type: ignore[arg-type]
        if recounted is not None:
            injured, injured_revised = recounted, True
    return Counts(killed, injured, attacks, lk or li or la, kv, bool(revised) and killed == revised, also,
                  injured_revised)  # fmt: skip
