"""The tagger's data files (event types, actors, places, patterns, numbers, dates, topics), read and
compiled once per process on first use."""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from ingest.tag.prefilter import GuardedAlternation, NameFinder, for_lowered_text
from ingest.tag.text import fold


def _read(name: str) -> str:
    return resources.files("ingest.tag.data").joinpath(name).read_text("utf-8")


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads(_read(name))


def alternation(patterns: list[str], flags: int = re.IGNORECASE) -> GuardedAlternation:
    """One pattern for a list of alternatives; only those whose literal words occur are run."""
    return GuardedAlternation(patterns, flags)


def lowered_alternation(patterns: list[str]) -> GuardedAlternation:
    """:func:`alternation` for text the caller has lower-cased: without IGNORECASE when no pattern names an
    upper-case letter (the same matches on such text, found faster)."""
    return GuardedAlternation(patterns, for_lowered_text(patterns))


@cache
def event_types() -> dict[str, dict[str, str]]:
    return _toml("event_types.toml")


@cache
def patterns() -> dict[str, Any]:
    return _toml("patterns.toml")


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    country: str | None
    forces: str | None
    of_scene: bool = False  # "government forces": the forces of the state where the event happened
    # "the coalition": whose coalition depends on where ("YE=Saudi Arabia IQ=US forces"): the party named there
    by_scene: str = ""


@dataclass(frozen=True)
class ActorIndex:
    by_alias: dict[str, Actor]
    by_name: dict[str, Actor]
    names: NameFinder  # whole-word, longest first: "US forces" wins over "US"
    # Bare state names that are places far more often than parties ("Jordan", "Syria"): an actor only where the
    # sentence has the state act ("Jordan recalled its ambassador"), see actors.actor_mentions.
    acting_only: frozenset[str] = frozenset()
    forces_of: dict[str, Actor] = field(default_factory=dict)  # ISO code -> the state's forces (of_scene actors)
    # where an arrest with no doer named is left without one (see actors.toml [arrests])
    arrests_unnamed_in: frozenset[str] = frozenset()


@cache
def actors() -> ActorIndex:
    by_alias: dict[str, Actor] = {}
    by_name: dict[str, Actor] = {}
    data = _toml("actors.toml")
    for raw in data["actor"]:
        actor = Actor(
            raw["name"], raw["type"], raw.get("country"), raw.get("forces"), raw.get("of_scene", False),
            raw.get("by_scene", ""),
        )  # fmt: skip
        by_name[actor.name] = actor
        for alias in raw["aliases"]:
            by_alias.setdefault(alias, actor)
            if alias[0].islower():  # "protesters" opens a sentence as "Protesters"
                by_alias.setdefault(alias[0].upper() + alias[1:], actor)
    acting_only: set[str] = set()
    for raw in data["actor"]:
        for name in raw.get("state_names", []):
            if name not in by_alias:
                by_alias[name] = by_name[raw["name"]]
                acting_only.add(name)
    # "Saudi authorities", "Turkish soldiers", "Jordan's foreign minister": after the listed aliases, which win
    # where they overlap. A possessive with an office or a force is the state (or its forces) acting, never a place.
    possessive_states = set(data["generated"]["possessive_states"])
    for raw in data["actor"]:
        state = by_name[raw["name"]]
        forces = by_name.get(state.forces or "", state)
        qualifiers = [raw["demonym"]] if "demonym" in raw else []
        # "Jordan's foreign minister"; an abbreviation also attributively: "UAE cabinet"
        qualifiers += [f"{name}{s}" for name in raw.get("state_names", []) for s in ("'s", "\u2019s", "")
                       if s or name.isupper()]  # fmt: skip
        # "Iraq's Counter-Terrorism Service", "Jordan's foreign minister": the state's own name as a possessive (with
        # a force only where its forces are one: "Iran's army" may be the Guards or the regular army)
        own_names = possessive_states & set(raw["aliases"]) if state.type == "government" else set()
        possessive = [f"{name}{s}" for name in sorted(own_names) for s in ("'s", "\u2019s")]
        with_forces = not raw.get("forces_ambiguous")
        for qualifier, forces_too in [(q, with_forces) for q in possessive] + [(q, True) for q in qualifiers]:
            # titles are capitalised before a name: "Omani Foreign Minister Badr Albusaidi"
            for noun in data["generated"]["government"]:
                by_alias.setdefault(f"{qualifier} {noun}", state)
                by_alias.setdefault(f"{qualifier} {noun.title()}", state)
            for noun in data["generated"]["forces"] if forces_too else ():
                by_alias.setdefault(f"{qualifier} {noun}", forces)
                by_alias.setdefault(f"{qualifier} {noun.title()}", forces)
        for demonym in qualifiers[:1] if "demonym" in raw else []:
            for suffix in data["generated"]["mediator"]:  # "an Egyptian-brokered truce": Egypt mediated it
                by_alias.setdefault(f"{demonym}{suffix}", state)
            for phrase in data["generated"]["attributed"]:  # "a drone believed to be Turkish": its forces did it
                by_alias.setdefault(f"{phrase} {demonym}", forces)
    # a state's own forces first ("Iraqi forces", "IDF"), else its government's forces, else the government
    forces_of: dict[str, Actor] = {}
    for raw in data["actor"]:  # "security forces" in Iran: the state, not one of its forces in particular
        if raw.get("forces_ambiguous") and raw.get("country"):
            forces_of[raw["country"]] = by_name[raw["name"]]
    for actor in by_name.values():
        if actor.type == "state_forces" and actor.country and not actor.of_scene:
            forces_of.setdefault(actor.country, actor)
    for actor in by_name.values():
        if actor.type == "government" and actor.country:
            forces_of.setdefault(actor.country, by_name.get(actor.forces or "", actor))
    unnamed = frozenset(data["arrests"]["unnamed_in"])
    return ActorIndex(by_alias, by_name, NameFinder(list(by_alias)), frozenset(acting_only), forces_of, unnamed)


@dataclass(frozen=True)
class Place:
    name: str
    kind: str  # country | admin1 | base | town | sea
    country_iso: str | None
    admin1: str | None
    lat: float | None
    lon: float | None

    @property
    def precision(self) -> str:
        return {"country": "country", "admin1": "region", "sea": "sea"}.get(self.kind, "place")


@dataclass(frozen=True)
class PlaceIndex:
    by_alias: dict[str, Place]
    names: NameFinder  # whole-word, longest first: "US forces" wins over "US"
    region: frozenset[str]  # ISO codes of the covered states
    countries: dict[str, Place]
    demonyms: dict[str, Place]  # "Syrian" -> Syria: "the Syrian city of Azaz", and a cue that a story is regional
    demonym_names: NameFinder
    sea_attacks: dict[str, str]  # sea area -> ISO code its attacks are coded to when the attacker is unnamed
    scene_words: dict[str, Place]  # "Kibbutz" -> Israel: a community of that state is named next
    scene_word_names: NameFinder
    # A name two places share ("Rafah" in Gaza and in North Sinai, "the kingdom"): alias -> every place it may be,
    # the one the alias gives first
    homonyms: dict[str, tuple[Place, ...]] = field(default_factory=dict)
    shared_names: dict[Place, str] = field(default_factory=dict)  # each of those places -> its shared name
    elsewhere: frozenset[str] = frozenset()  # ISO codes of states whose own wars fill the same wires
    strikes_abroad: frozenset[str] = frozenset()  # covered states whose strikes land abroad (places.toml)
    sea_coasts: dict[str, frozenset[str]] = field(default_factory=dict)  # sea area -> ISO codes of its shores


@cache
def places() -> PlaceIndex:
    data = _toml("places.toml")
    by_alias: dict[str, Place] = {}
    countries: dict[str, Place] = {}
    region = set()
    demonyms: dict[str, Place] = {}
    homonyms: dict[str, tuple[Place, ...]] = {}
    for c in data["country"]:
        place = Place(c["aliases"][0], "country", c["iso"], None, c["lat"], c["lon"])
        countries[c["iso"]] = place
        for demonym in c.get("demonyms", []):
            demonyms[demonym] = place
        if c.get("region"):
            region.add(c["iso"])
        for alias in c["aliases"]:
            by_alias[fold(alias)] = place
    # "the kingdom": Saudi Arabia (its alias), unless the sentence's other places are in Jordan or Bahrain
    for c in data["country"]:
        for alias in c.get("shared_aliases", []):
            homonyms[fold(alias)] = (*homonyms.get(fold(alias), (by_alias[fold(alias)],)), countries[c["iso"]])
    # Curated entries first so they win over GeoNames spellings; admin1 centres come from the gazetteer.
    gazetteer = list(csv.DictReader(io.StringIO(_read("gazetteer.csv"))))
    towns_by_name = {(g["country_iso"], g["alias"]): g for g in gazetteer}
    for kind in ("base", "town", "sea"):
        for p in data.get(kind, []):
            place = Place(p["name"], kind, p.get("country"), p.get("admin1"), p["lat"], p["lon"])
            for alias in _spellings(p["aliases"]):
                known = by_alias.setdefault(fold(alias), place)
                if known is not place and known.kind == kind and known.country_iso != place.country_iso:
                    homonyms[fold(alias)] = (*homonyms.get(fold(alias), (known,)), place)
    for a in data["admin1"]:
        capital = towns_by_name.get((a["country"], fold(a["capital"])))
        lat = float(capital["lat"]) if capital else countries[a["country"]].lat
        lon = float(capital["lon"]) if capital else countries[a["country"]].lon
        place = Place(a["name"], "admin1", a["country"], a["name"], lat, lon)
        for alias in _spellings(a["aliases"]):
            by_alias.setdefault(fold(alias), place)
    # Towns: the most populous town of a spelling wins.
    for g in sorted(gazetteer, key=lambda g: -int(g["population"])):
        place = Place(g["name"], "town", g["country_iso"], g["admin1"] or None, float(g["lat"]), float(g["lon"]))
        by_alias.setdefault(g["alias"], place)
        if g["alias"].startswith("Bayt "):  # GeoNames' "Bayt" is the news' "Beit" ("Beit Jala")
            by_alias.setdefault("Beit " + g["alias"][5:], place)
    for word in data.get("not_places", []):
        by_alias.pop(word, None)
    sea_attacks = {p["name"]: p["attacks_coded_to"] for p in data.get("sea", []) if "attacks_coded_to" in p}
    sea_coasts = {p["name"]: frozenset(p["coasts"]) for p in data.get("sea", []) if "coasts" in p}
    scene_words = {w: countries[c["iso"]] for c in data["country"] for w in c.get("scene_words", [])}
    return PlaceIndex(by_alias, NameFinder(list(by_alias)), frozenset(region), countries, demonyms,
                      NameFinder(list(demonyms)), sea_attacks, scene_words, NameFinder(list(scene_words)),
                      homonyms, {p: alias for alias, ps in homonyms.items() for p in ps},
                      frozenset(c["iso"] for c in data["country"] if c.get("elsewhere")),
                      frozenset(c["iso"] for c in data["country"] if c.get("strikes_abroad")),
                      sea_coasts=sea_coasts)  # fmt: skip


_ARTICLE = re.compile(r"^(?:al|el|Al|El)[- ]")


def _spellings(aliases: list[str]) -> list[str]:
    """The aliases and, for a name that opens with the Arabic article, its other usual spellings ("al-Arish",
    "El-Arish", "el Arish"): the news writes it every way."""
    out = list(aliases)
    for alias in aliases:
        if _ARTICLE.match(alias):
            rest = alias[3:]
            out += [f"{a}{sep}{rest}" for a in ("al", "Al", "el", "El") for sep in ("-", " ")]
    return list(dict.fromkeys(out))


@cache
def numbers() -> dict[str, dict[str, int]]:
    return _toml("numbers.toml")


@cache
def relative_dates() -> dict[str, dict[str, Any]]:
    return _toml("dates.toml")["relative"]


@cache
def topics() -> dict[str, dict[str, Any]]:
    return _toml("topics.toml")
