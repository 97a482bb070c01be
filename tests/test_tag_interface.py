"""The tag stage's public surface: names, field set, JSON-ready output, exact evidence offsets, never raising."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
import re
from pathlib import Path

import pytest

import ingest.tag
from conftest import ran_with_plain_tagger
from ingest.tag import EVENT_TYPES, TAGGER_VERSION, ArticleTags, Event, tag_article

REPO = Path(__file__).resolve().parents[1]
STORY = (
    "Rockets hit Ain al-Asad air base in western Iraq late on Sunday, a US official said. "
    "Two American service members were injured in the attack, which was claimed by the Islamic Resistance in Iraq.\n\n"
    "Iraqi forces arrested three suspects in Anbar province on Monday."
)


def test_public_names_are_pinned() -> None:
    assert set(ingest.tag.__all__) == {"EVENT_TYPES", "TAGGER_VERSION", "ArticleTags", "Event", "tag_article"}


def test_the_thirteen_event_types() -> None:
    assert EVENT_TYPES == (
        "armed_clash", "air_or_drone_strike", "shelling_artillery_missile", "remote_explosive", "suicide_bomb",
        "maritime_attack", "attack", "military_deployment", "diplomacy", "threat", "sanctions",
        "arrest_or_seizure", "protest",
    )  # fmt: skip


def test_event_has_every_warehouse_column() -> None:
    sql = (REPO / "sql" / "migrations" / "0001_core.sql").read_text(encoding="utf-8")
    table = re.search(r"create table events \((.*?)\n\);", sql, re.DOTALL)
    assert table
    columns = {line.split()[0] for line in table.group(1).splitlines() if line.strip()}
    loader_owned = {"event_id", "article_id", "article_version", "run_id", "tagged_at"}
    assert columns - loader_owned <= {f.name for f in dataclasses.fields(Event)}


def test_tagging_a_story_gives_json_ready_events_with_exact_evidence() -> None:
    tags = tag_article(STORY, published=dt.datetime(2024, 1, 8, 9, 40), title="Rockets target Ain al-Asad")
    assert isinstance(tags, ArticleTags)
    assert 0.0 <= tags.relevance <= 1.0
    assert tags.events, "a rocket attack on a base must be coded"
    for event in tags.events:
        assert event.event_type in EVENT_TYPES
        assert STORY[event.evidence_start : event.evidence_end] == event.evidence
        assert event.tagger_version == TAGGER_VERSION
        assert event.acled_event_type and event.cameo_root
        row = json.loads(json.dumps(event.to_dict()))
        assert row["event_date"] is None or dt.date.fromisoformat(row["event_date"])
    first = tags.events[0]
    assert first.event_type == "shelling_artillery_missile"
    assert (first.country_iso, first.admin1, first.place) == ("IQ", "Anbar", "Ain al-Asad air base")
    assert first.event_date == dt.date(2024, 1, 7)
    assert first.injured == 2
    assert first.actor1 == "Islamic Resistance in Iraq" and first.actor2 == "US forces"
    assert tags.events[-1].event_type == "arrest_or_seizure"


def test_odd_input_never_raises() -> None:
    for text in ("", "   ", "\x00\x01", "Ракеты ударили по базе.", "صواريخ", "a" * 300_000, "rockets. " * 20_000):
        tags = tag_article(text)
        assert isinstance(tags, ArticleTags)
    assert tag_article(None).events == []  # type: ignore[arg-type]
    assert tag_article(STORY, published="yesterday", title=42).events  # type: ignore[arg-type]


def test_results_pickle_for_the_process_pool() -> None:
    tags = tag_article(STORY, published=dt.date(2024, 1, 8))
    assert pickle.loads(pickle.dumps(tags)) == tags
    assert pickle.loads(pickle.dumps(tag_article)) is tag_article


def test_a_bug_on_one_article_is_logged_and_gives_no_events(request, monkeypatch, caplog) -> None:
    if ran_with_plain_tagger(request):
        return
    import ingest.tag.tagger as tagger

    tagger._resources_ready()  # the data files are fine: loaded before the failure below

    def broken(*_args: object) -> ArticleTags:
        raise ValueError("a bug")

    monkeypatch.setattr(tagger, "_tag", broken)
    with caplog.at_level("ERROR", logger="ingest.tag.tagger"):
        assert tag_article("Rockets hit a base in Anbar province on Monday.").events == []
    assert "tagging failed" in caplog.text and "ValueError: a bug" in caplog.text


def test_a_broken_data_file_stops_the_run_instead_of_giving_no_events(request, monkeypatch) -> None:
    if ran_with_plain_tagger(request):
        return
    import ingest.tag.tagger as tagger

    def broken(*_args: object) -> ArticleTags:
        raise re.error("unbalanced parenthesis")  # what a bad pattern in patterns.toml raises when compiled

    monkeypatch.setattr(tagger, "_tag", broken)
    tagger._resources_loaded.cache_clear()
    try:
        with pytest.raises(re.error):
            tag_article("Rockets hit a base in Anbar province on Monday.")
    finally:
        monkeypatch.undo()
        tagger._resources_loaded.cache_clear()


def test_a_default_actor_that_is_no_actor_stops_the_run(request, monkeypatch) -> None:
    if ran_with_plain_tagger(request):
        return
    import ingest.tag.tagger as tagger

    types = {**tagger.event_types(), "protest": {**tagger.event_types()["protest"], "default_actor1": "Nobody"}}
    monkeypatch.setattr(tagger, "event_types", lambda: types)
    tagger._resources_loaded.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="default_actor1 'Nobody'"):
            tag_article("Rockets hit a base in Anbar province on Monday.")
    finally:
        monkeypatch.undo()
        tagger._resources_loaded.cache_clear()
