"""Casualty and attack counts in a sentence: digits or words, lower bounds, explicit zeros."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ingest.tag.prefilter import Guarded, GuardedAlternation
from ingest.tag.resources import alternation, numbers, patterns

# Number-like tokens that are not counts of people or attacks ("12-year-old", "10 kilometres", "7pm").
_NOT_A_COUNT = (
    r"(?![-\s]?(?:year|years-old|km|kilomet|mile|metre|meter|percent|per cent|%|am\b|pm\b|:|th\b|st\b"
    r"|nd\b|rd\b))"
)
# Nouns that sit between a number and "killed" but are the weapon, not the victims ("a drone strike killed").
# Another number in between is a count of its own: "a monitor said twelve fighters were killed" must not be
# read as "a ... were killed" (that match would hide the twelve). The number words come from numbers.toml.
_NOT_VICTIMS = (
    r"(?!(?:strike|attack|bomb|blast|explosion|raid|drone|missile|rocket|shell|air|mortar|round)s?\b"
    r"|(?:dead|killed|injured|wounded|hurt|\d+|{NUMBER_WORDS})\b)"
)


_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass
class Counts:
    killed: int | None = None
    injured: int | None = None
    attack_count: int | None = None
    lower_bound: bool = False

    @property
    def any(self) -> bool:
        return self.killed is not None or self.injured is not None or self.attack_count is not None


@cache
def _compiled() -> dict[str, list[Guarded] | GuardedAlternation]:
    words = numbers()
    units = sorted(words["units"], key=len, reverse=True)
    vague = sorted(words["vague"], key=len, reverse=True)
    word_alt = "|".join(re.escape(w) for w in vague + units)
    # "a"/"an" stay allowed in between: "two members of a Yazidi group died"
    between = "|".join(re.escape(w) for w in vague + units if w not in ("a", "an"))
    not_victims = _NOT_VICTIMS.replace("{NUMBER_WORDS}", between)
    digits = r"\d{1,3}(?:,\d{3})+|\d+"
    compound = "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    number = rf"(?<![Nn]o )\b(?P<n>{digits}|(?:{word_alt}){compound})\b" + _NOT_A_COUNT
    # An attack count is never "a" ("a wave of attacks" is not one attack); leaving it out also spares the
    # engine a try at every article "a" in the sentence.
    attack_number = rf"(?<![Nn]o )\b(?P<n>{digits}|(?:{between}){compound})\b" + _NOT_A_COUNT
    # The leading \b changes nothing (a qualifier and a number both start a word) but lets the regex engine
    # give up at once inside words instead of trying every qualifier and number word at every character.
    qualifier = (
        r"\b(?P<q>(?:at least|more than|over|upwards of|no fewer than|nearly|almost|about|around|some|up to"
        r"|a total of)\s+)?"
    )
    spec = patterns()["counts"]
    out: dict[str, list[Guarded] | GuardedAlternation] = {}
    for key in ("killed", "injured", "attack_count"):
        out[key] = [
            Guarded.compile(p.replace("(?:[\\w-]+\\s+)", f"(?:{not_victims}[\\w-]+\\s+)").replace("{Q}", qualifier)
                            .replace("{N}", attack_number if key == "attack_count" else number), re.IGNORECASE)
            for p in spec[key]
        ]  # fmt: skip
    out["zero_killed"] = alternation(spec["zero_killed"])
    out["zero_injured"] = alternation(spec["zero_injured"])
    return out


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
    return bool(qualifier) and qualifier.strip().lower() in floors


def _best(patterns_: list[Guarded], sentence: str) -> tuple[int | None, bool]:
    best: int | None = None
    lower = False
    for pattern in patterns_:
        for m in pattern.finditer(sentence):
            token = m.group("n")
            # "a"/"an" count one person only in passives ("a soldier was killed"), never "a drone strike killed".
            if (
                token.lower() in ("a", "an")
                and not re.search(r"\b(?:was|has been|had been)\b", m.group(0))
                and not (m.start("n") > m.start())
            ):
                continue
            value, vague = parse_number(token)
            if value is None or value > 100000 or _YEAR.fullmatch(token):
                continue  # "Published July 5 2016 A motorcycle bomber killed ...": a year, not a toll
            if best is None or value > best:
                best, lower = value, vague or _is_lower_bound(m.group("q"))
    return best, lower


# "At least 11 civilians, including three children, were killed": the part is not the toll; dropping it lets
# the whole ("11 ... were killed") be read.
_SUBCOUNT = re.compile(
    r",?\s+(?:including|among them|among whom|mostly|most of them|many of them)\s+(?:[\w-]+\s+){0,5}?,?\s*"
    r"(?=(?:were|was|have|had|are|died)\b)",
    re.IGNORECASE,
)


def _without_subcounts(sentence: str) -> str:
    if "includ" in sentence or "among" in sentence or "most" in sentence:  # cheap test before the regex
        return _SUBCOUNT.sub(" ", sentence)
    return sentence


def has_toll(sentence: str) -> bool:
    """Does the sentence give a number killed or injured (cheaper than extract_counts: stops at the first)?"""
    compiled = _compiled()
    sentence = _without_subcounts(sentence)
    return any(_best([p], sentence)[0] for key in ("killed", "injured") for p in compiled[key])  # type: ignore[union-attr]


def extract_counts(sentence: str) -> Counts:
    compiled = _compiled()
    sentence = _without_subcounts(sentence)
    killed, lk = _best(compiled["killed"], sentence)  # type: ignore[arg-type]
    injured, li = _best(compiled["injured"], sentence)  # type: ignore[arg-type]
    attacks, la = _best(compiled["attack_count"], sentence)  # type: ignore[arg-type]
    if killed is None and compiled["zero_killed"].search(sentence):  # type: ignore[union-attr]
        killed = 0
    if injured is None and compiled["zero_injured"].search(sentence):  # type: ignore[union-attr]
        injured = 0
    return Counts(killed, injured, attacks, lk or li or la)
