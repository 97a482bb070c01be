"""Incident clustering on small hand-made events (no pipeline, no network)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pytest

from ingest.warehouse import append, writer
from ingest.warehouse.incidents import dirty_since, rebuild_incidents

AIN_AL_ASAD = {"country_iso": "IQ", "admin1": "Anbar", "place": "Ain al-Asad air base", "lat": 33.80, "lon": 42.44,
               "geo_precision": "place"}  # fmt: skip
ERBIL = {"country_iso": "IQ", "admin1": "Erbil", "place": "Erbil", "lat": 36.19, "lon": 44.01, "geo_precision": "place"}
BAGHDAD = {"country_iso": "IQ", "admin1": "Baghdad", "place": "Baghdad", "lat": 33.31, "lon": 44.37,
           "geo_precision": "place"}  # fmt: skip
IRAQ = {"country_iso": "IQ", "geo_precision": "country"}


def article(article_id: str, source: str, published: str, duplicate_of: str | None = None) -> dict[str, Any]:
    when = datetime.fromisoformat(published).replace(tzinfo=UTC)
    return {"article_id": article_id, "url": f"https://{source}.example/{article_id}",
            "canonical_url": f"https://{source}.example/{article_id}", "source": source, "version": 1,
            "published_at": when, "first_seen_at": when, "duplicate_of": duplicate_of, "text": "..."}  # fmt: skip


def event(event_id: str, article_id: str, day: str, where: dict[str, Any], **extra: Any) -> dict[str, Any]:
    row = {"event_id": event_id, "article_id": article_id, "article_version": 1,
           "event_type": "shelling_artillery_missile", "actor2": "US forces", "actor2_type": "external_force",
           "event_date": date.fromisoformat(day), "date_precision": "day", "evidence": f"sentence of {event_id}",
           "evidence_start": 0, "evidence_end": 10, "confidence": 0.8, "tagger_version": "test", "run_id": "r1",
           "weapon": "rocket", **where}  # fmt: skip
    row.update(extra)
    return row


def load(db: Path, articles: list[dict[str, Any]], events: list[dict[str, Any]]) -> None:
    with writer(db) as con:
        append(con, "articles", articles)
        append(con, "events", events)


def rebuild(db: Path, since: date | None = None) -> None:
    with writer(db) as con:
        rebuild_incidents(con, since_date=since)


def incidents(db: Path) -> list[dict[str, Any]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rel = con.sql("select * exclude (rebuilt_at) from incidents order by event_date, incident_id")
        return [dict(zip(rel.columns, row, strict=True)) for row in rel.fetchall()]
    finally:
        con.close()


def membership(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("select event_id, incident_id from event_incident").fetchall())
    finally:
        con.close()


def test_two_outlets_same_strike_make_one_incident_with_merged_counts(db_path: Path):
    load(
        db_path,
        [article("a1", "gulf-herald", "2024-01-08T06:00:00"), article("a2", "levant-wire", "2024-01-08T09:00:00")],
        [
            event(
                "e1",
                "a1",
                "2024-01-07",
                AIN_AL_ASAD,
                injured=2,
                actor1="Islamic Resistance in Iraq",
                actor1_type="militia",
            ),
            # the second outlet dates it a day later and only knows the province, and more injured
            event("e2", "a2", "2024-01-08", {**IRAQ, "admin1": "Anbar", "geo_precision": "region"}, injured=3),
        ],
    )
    rebuild(db_path)
    [inc] = incidents(db_path)
    assert inc["n_events"] == 2 and inc["n_articles"] == 2 and inc["n_sources"] == 2
    assert inc["sources"] == ["gulf-herald", "levant-wire"]
    assert inc["injured"] == 3  # the largest report, not 2 + 3
    assert inc["place"] == "Ain al-Asad air base" and inc["event_date"] == date(2024, 1, 7)
    assert inc["representative_event_id"] == "e1" and inc["evidence"] == "sentence of e1"
    assert inc["actor1"] == "Islamic Resistance in Iraq" and inc["actor1_type"] == "militia"
    assert inc["first_reported_at"] == datetime(2024, 1, 8, 6, tzinfo=UTC)
    assert inc["last_reported_at"] == datetime(2024, 1, 8, 9, tzinfo=UTC)
    assert (inc["first_event_date"], inc["last_event_date"]) == (date(2024, 1, 7), date(2024, 1, 8))
    assert set(membership(db_path)) == {"e1", "e2"}


def test_different_days_places_types_or_actors_stay_apart(db_path: Path):
    load(
        db_path,
        [article("a1", "gulf-herald", "2024-01-10T06:00:00"), article("a2", "levant-wire", "2024-01-10T07:00:00")],
        [
            event("base", "a1", "2024-01-10", AIN_AL_ASAD),
            event("three_days_later", "a2", "2024-01-13", AIN_AL_ASAD),
            event("other_place", "a2", "2024-01-10", ERBIL),
            event("other_type", "a2", "2024-01-10", AIN_AL_ASAD, event_type="air_or_drone_strike"),
            event("other_target", "a2", "2024-01-10", AIN_AL_ASAD, actor2="Iraqi forces"),
        ],
    )
    rebuild(db_path)
    assert len(incidents(db_path)) == 5
    assert len(set(membership(db_path).values())) == 5


def test_country_level_report_does_not_bridge_two_places(db_path: Path):
    load(
        db_path,
        [article("a1", "gulf-herald", "2024-01-10T06:00:00"), article("a2", "levant-wire", "2024-01-10T07:00:00")],
        [
            event("baghdad", "a1", "2024-01-10", BAGHDAD),
            event("erbil", "a1", "2024-01-10", ERBIL),
            event("somewhere_in_iraq", "a2", "2024-01-10", IRAQ),
        ],
    )
    rebuild(db_path)
    groups = membership(db_path)
    assert groups["baghdad"] != groups["erbil"]
    assert groups["somewhere_in_iraq"] not in (groups["baghdad"], groups["erbil"])


def test_province_level_report_joins_named_places_that_are_one_incident(db_path: Path):
    al_baghdadi = {"country_iso": "IQ", "admin1": "Anbar", "place": "al-Baghdadi", "lat": 33.87, "lon": 42.52,
                   "geo_precision": "place"}  # fmt: skip
    load(
        db_path,
        [article("a1", "gulf-herald", "2024-01-08T06:00:00"), article("a2", "levant-wire", "2024-01-18T08:00:00")],
        [
            event("base", "a1", "2024-01-07", AIN_AL_ASAD),
            event("launch_site", "a1", "2024-01-07", al_baghdadi),  # ~11 km away: the same attack
            event("in_anbar", "a2", "2024-01-07", {**IRAQ, "admin1": "Anbar", "geo_precision": "region"}),
        ],
    )
    rebuild(db_path)
    [inc] = incidents(db_path)
    assert inc["n_events"] == 3 and inc["n_sources"] == 2


def test_daily_attacks_on_one_base_do_not_chain_into_one_incident(db_path: Path):
    load(
        db_path,
        [article("a1", "gulf-herald", "2024-01-12T06:00:00")],
        [event(f"d{day}", "a1", f"2024-01-{day}", AIN_AL_ASAD) for day in (10, 11, 12, 13)],
    )
    rebuild(db_path)
    spans = sorted((i["first_event_date"].day, i["last_event_date"].day) for i in incidents(db_path))
    assert spans == [(10, 11), (12, 13)]


def test_syndicated_copy_counts_as_a_second_outlet(db_path: Path):
    load(
        db_path,
        [
            article("orig", "gulf-herald", "2024-01-12T02:10:00"),
            article("copy", "levant-wire", "2024-01-12T02:10:00", duplicate_of="orig"),
        ],
        [
            event(
                "e1",
                "orig",
                "2024-01-12",
                {"country_iso": "YE", "geo_precision": "country"},
                event_type="air_or_drone_strike",
                actor1="US forces",
                actor2="Houthis",
            )
        ],
    )
    rebuild(db_path)
    [inc] = incidents(db_path)
    assert (inc["n_events"], inc["n_articles"], inc["n_sources"]) == (1, 2, 2)


def test_rerun_and_incremental_rebuild_change_nothing(db_path: Path):
    load(
        db_path,
        [article("a1", "gulf-herald", "2024-01-08T06:00:00"), article("a2", "levant-wire", "2024-01-09T09:00:00")],
        [
            event("e1", "a1", "2024-01-07", AIN_AL_ASAD),
            event("e2", "a2", "2024-01-08", AIN_AL_ASAD),
            event("e3", "a2", "2024-01-20", ERBIL),
        ],
    )
    rebuild(db_path)
    first, first_members = incidents(db_path), membership(db_path)
    rebuild(db_path)
    rebuild(db_path, since=date(2024, 1, 8))
    rebuild(db_path, since=date(2024, 1, 20))
    assert incidents(db_path) == first and membership(db_path) == first_members
    assert len(first) == 2 and len(first_members) == 3


def test_incremental_rebuild_adds_a_late_report_and_keeps_the_incident_id(db_path: Path):
    load(db_path, [article("a1", "gulf-herald", "2024-01-08T06:00:00")], [event("e1", "a1", "2024-01-07", AIN_AL_ASAD)])
    rebuild(db_path)
    [before] = incidents(db_path)
    load(
        db_path,
        [article("a2", "red-sea-monitor", "2024-01-09T06:00:00")],
        [event("e2", "a2", "2024-01-08", AIN_AL_ASAD, run_id="r2", killed=1)],
    )
    with writer(db_path) as con:
        since = dirty_since(con, "r2")
        assert since == date(2024, 1, 8)
        stats = rebuild_incidents(con, since_date=since)
    assert stats.incidents == 1 and stats.events == 2  # the earlier report was re-read, not duplicated
    [after] = incidents(db_path)
    assert after["incident_id"] == before["incident_id"]
    assert (after["n_events"], after["n_sources"], after["killed"]) == (2, 2, 1)


def test_deleted_events_are_repaired_wherever_they_are(db_path: Path):
    load(
        db_path,
        [article("a1", "gulf-herald", "2024-01-08T06:00:00"), article("a2", "levant-wire", "2024-01-08T09:00:00")],
        [event("e1", "a1", "2024-01-07", AIN_AL_ASAD), event("e2", "a2", "2024-01-07", AIN_AL_ASAD, injured=5)],
    )
    rebuild(db_path)
    with writer(db_path) as con:  # a new version of a2 no longer reports the attack
        con.execute("delete from events where event_id = 'e2'")
        rebuild_incidents(con, since_date=date(2024, 3, 1))  # a later day: the stale incident is found anyway
    [inc] = incidents(db_path)
    assert (inc["n_events"], inc["n_sources"], inc["injured"]) == (1, 1, None)
    assert membership(db_path) == {"e1": inc["incident_id"]}


def test_events_of_old_versions_and_copies_are_left_out(db_path: Path):
    old = article("a1", "gulf-herald", "2024-01-08T06:00:00")
    load(db_path, [{**old, "version": 2}], [event("v1", "a1", "2024-01-07", AIN_AL_ASAD)])  # article_version 1
    rebuild(db_path)
    assert incidents(db_path) == [] and membership(db_path) == {}


@pytest.mark.parametrize("where", [{}, {"place": "Red Sea", "geo_precision": "sea"}])
def test_unplaced_reports_never_merge_but_sea_areas_do(db_path: Path, where: dict[str, Any]):
    load(
        db_path,
        [article("a1", "gulf-herald", "2024-01-08T06:00:00"), article("a2", "levant-wire", "2024-01-08T07:00:00")],
        [
            event("e1", "a1", "2024-01-08", where, event_type="maritime_attack"),
            event(
                "e2",
                "a2",
                "2024-01-08",
                {**where, "country_iso": "YE"} if where else where,
                event_type="maritime_attack",
            ),
        ],
    )
    rebuild(db_path)
    assert len(incidents(db_path)) == (1 if where else 2)
