"""Golden test of the tagger on the project's labelled passages (tests/data/tagging/) and the seed article:
the scores bench/tagging.py prints must stay at or above floors a little below what was measured, so a
rule change that loses events, countries or counts fails here. Speed is measured by the bench, not here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "tagging.py"
_spec = importlib.util.spec_from_file_location("bench_tagging", BENCH)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # dataclasses look their module up while the class is built
_spec.loader.exec_module(bench)

# Measured with tag-2 on 237 passages (dev / held-out / all): micro F1 99.6 / 99.2 / 99.4, country
# 98.3 / 90.5 / 95.5, killed 95.2 / 100 / 96.8, injured 96.2 / 100 / 97.1, no false event on off-topic or
# trap passages. With tag-3 on 262 passages (the 25 b3-* multi-event ones added): micro F1 99.3 / 98.1 / 98.9,
# country 97.9 / 89.7 / 95.0, killed 96.2 / 100 / 97.3, injured 96.7 / 100 / 97.5. With tag-5 on 276 passages
# (the 14 b4-* ones on states as doers added): actor1 96.6 / 98.3 / 97.3 (tag-4: 96.3 / 81.1 / 90.3 on 262). With
# tag-6 on 300 passages (24 fresh b5-* ones added): micro F1 99.4 / 98.9 / 99.2, country 98.2 / 95.7 / 97.3; on 348
# (b6-*, b7-* added): micro F1 98.9 / 95.9 / 97.8, country 96.8 / 94.2 / 95.8; on 372 (b8-* added): micro F1
# 98.7 / 96.5 / 97.9, country 95.9 / 95.5 / 95.8, killed 94.5 / 100 / 96.1; on 396 (b9-* added): micro F1
# 98.6 / 96.3 / 97.7, country 96.1 / 94.9 / 95.7, killed 97.4 / 100 / 98.2, actor1 96.3 / 92.0 / 94.6; on 420
# (b10-* added): micro F1 98.4 / 95.0 / 97.2, country 95.5 / 95.9 / 95.6, actor1 94.4 / 91.4 / 93.2; on 444
# (b11-* added): micro F1 98.3 / 94.5 / 96.9, country 94.0 / 95.4 / 94.5, actor1 94.8 / 91.9 / 93.7; on 468
# (b12-* added): micro F1 98.4 / 93.5 / 96.6, country 92.7 / 94.9 / 93.5, actor1 92.8 / 91.3 / 92.2.
# Regression guards, a little under the current scores (the targets are lower: 0.85 / 0.90 / 0.85); the
# fresh b5-b15 batches keep errors that were left unfixed on purpose (b13-* and b15-* had none fixed at all), so
# on all 540 passages: micro F1 95.5, country 92.7, killed 94.3, injured 92.4, actor1 91.5 (held-out 93.2). With
# tag-7 on 648 (the blind b16-b19 batches, written by an annotator who never saw the tagger, added): micro F1
# 97.4 / 94.4 / 96.3, country 93.4 / 94.1 / 93.6, killed 93.4 / 95.5 / 94.1, injured 88.6 / 97.4 / 91.7, actor1
# 91.6 / 90.1 / 91.0; on 684 (the blind b20-* added, with its fixes): micro F1 97.4 / 94.6 / 96.4, country
# 93.0 / 92.7 / 92.9, killed 93.9 / 95.7 / 94.5, injured 89.3 / 97.4 / 92.1, actor1 90.5 / 89.8 / 90.2 (actors are
# what fresh wording gets wrong most: "the government helicopters", a blame that names no claimant).
# On 720 (the blind b21-* added, with its fixes): micro F1 97.3 / 94.8 / 96.4, country 93.4 / 93.0 / 93.3, killed
# 94.2 / 94.4 / 94.3, injured 87.8 / 97.6 / 91.1, actor1 90.5 / 90.7 / 90.6.
# On 828 (tag-8; the blind b22-b24 batches added, long wire stories with datelines, with only the general rules
# they showed fixed): micro F1 94.8 / 93.9 / 94.5, country 93.5 / 92.3 / 93.1, killed 93.5 / 92.7 / 93.2, injured
# 88.8 / 95.9 / 91.0, actor1 86.5 / 90.2 / 87.8. The floors moved down with the harder text, not with the tagger
# (tag-7 on the same 828: 93.2 / 92.2 / 91.2 / 91.6 / 86.0); actor1 has the least margin.
# On 936 (tag-9; the blind b25-b27 added the same way): micro F1 93.9 / 94.4 / 94.0, country 93.9 / 93.6 / 93.8,
# killed 91.0 / 92.5 / 91.4, injured 89.3 / 93.3 / 90.6, actor1 86.5 / 88.0 / 87.0 (tag-8 on the same 936: 92.7 /
# 92.9 / 90.6 / 90.4 / 86.5). On 1,044 (tag-10; the blind b28-b30 added the same way): micro F1 94.1 / 92.4 / 93.5,
# country 92.9 / 93.0 / 93.0, killed 90.4 / 87.9 / 89.6, injured 89.7 / 90.3 / 89.9, actor1 83.4 / 86.5 / 84.5
# (tag-9 on the same 1,044: 92.6 / 92.8 / 87.9 / 89.0 / 84.5). The floors follow the harder text down. On 1,152
# (tag-11; the blind b31-b33 added): micro F1 93.7 / 91.5 / 93.0, country 92.9 / 93.5 / 93.1, killed 90.3 / 85.0 /
# 88.5, injured 89.3 / 88.2 / 89.0, actor1 83.2 / 85.6 / 84.0 (tag-10 on the same 1,152: 92.8 / 93.1 / 88.3 / 87.4 /
# 84.0); the floors hold. On 1,260 (tag-12; the blind b37-b39 added, rules read off their dev part only): micro F1
# 94.3 / 91.5 / 93.3, country 93.5 / 93.4 / 93.5, killed 91.2 / 84.0 / 88.8, injured 90.5 / 87.6 / 89.5, actor1 86.2 /
# 86.6 / 86.4 (tag-11 on the same 1,260: 92.4 / 93.0 / 87.0 / 88.3 / 82.7); actor1's floor rises with the doer rules.
# On 1,368 (tag-13; the blind b40-b42 added the same way): micro F1 94.5 / 91.5 / 93.4, country 93.9 / 93.7 / 93.8,
# killed 91.4 / 84.0 / 89.0, injured 89.4 / 87.0 / 88.7, actor1 86.1 / 86.9 / 86.3 (tag-12 on the same 1,368: 92.4 /
# 93.6 / 87.6 / 87.3 / 85.5). On 1,476 (tag-14; the blind b43-b45 added, one of them on the wounded told apart from
# the dead): micro F1 94.2 / 91.1 / 93.1, country 93.6 / 94.1 / 93.7, killed 91.2 / 85.6 / 89.4, injured 88.4 / 85.8 /
# 87.6, actor1 85.5 / 85.9 / 85.6 (tag-13 on the same 1,476: 92.8 / 93.7 / 88.0 / 86.3 / 85.6): injured's floor
# follows the harder text down. On 1,584 (tag-15; the blind b46-b48 added the same way): micro F1 93.7 / 90.8 / 92.8,
# country 93.7 / 94.0 / 93.8, killed 91.4 / 85.0 / 89.4, injured 87.8 / 83.5 / 86.5, actor1 86.0 / 87.1 / 86.4 (tag-14
# on the same 1,584: 92.4 / 93.8 / 87.8 / 86.5 / 84.8). tag-16 (the wounded read again): injured 89.9 / 85.0 / 88.3.
# On 1,692 (tag-17; the blind b49-b51 added the same way): micro F1 93.9 / 90.6 / 92.8, country 94.1 / 94.2 / 94.1,
# killed 91.4 / 85.5 / 89.5, injured 90.7 / 84.6 / 88.8, actor1 86.8 / 87.1 / 86.9 (tag-16 on the same 1,692: 92.7 /
# 94.1 / 89.1 / 87.7 / 86.4); the floors hold. On 1,800 (tag-18; the blind b52-b54 added the same way): micro F1
# 94.1 / 90.5 / 92.8, country 94.1 / 93.9 / 94.0, killed 91.6 / 83.6 / 89.0, injured 90.4 / 83.9 / 88.3, actor1 86.8 /
# 87.2 / 86.9 (tag-17 on the same 1,800: 92.3 / 94.0 / 88.4 / 87.5 / 86.9); the floors hold.
# On 1,908 (tag-18 final; the blind b55-b57 added the same way): micro F1 94.2 / 90.2 / 92.9, country 94.1 / 93.8 /
# 94.0, killed 91.5 / 83.1 / 88.8, injured 89.4 / 83.2 / 87.5, actor1 86.0 / 87.4 / 86.5 (tag-17 on the same 1,908:
# 91.8 / 94.0 / 87.7 / 86.1 / 86.5).
# On 2,016 (tag-18 final; the blind b58-b60 added the same way, their held-out third never read): micro F1 94.4 /
# 89.6 / 92.7, country 94.2 / 94.0 / 94.2, killed 91.5 / 82.1 / 88.5, injured 88.8 / 82.5 / 86.9, actor1 85.6 / 87.1 /
# 86.1 (tag-17 on the same 2,016: 91.2 / 94.2 / 86.9 / 84.9 / 85.9): injured's floor follows the harder text down.
FLOORS = {"micro_f1": 0.92, "country": 0.91, "killed": 0.88, "injured": 0.86, "actor1": 0.85}


@pytest.fixture(scope="module")
def passages() -> list[dict]:
    return bench.load_passages()


@pytest.fixture(scope="module")
def scores(passages: list[dict]):
    return bench.score_passages(passages)


def test_the_labelled_set_covers_every_type_and_trap(passages: list[dict]) -> None:
    assert len(passages) >= 150
    assert len({p["id"] for p in passages}) == len(passages)
    labelled = {e["event_type"] for p in passages for e in p["events"]}
    assert labelled == set(bench.EVENT_TYPES)
    assert sum(p["offtopic"] for p in passages) >= 15
    notes = " ".join(p["note"] for p in passages)
    for trap in ("hypothetical", "negation", "future", "satire", "fiction", "history", "anniversary", "metaphor",
                 "North Korea", "space", "sport", "markets", "numbers in words", "dozens"):  # fmt: skip
        assert trap in notes, trap
    splits = {bench.split_of(p["id"]) for p in passages}
    assert splits == {"dev", "heldout"}


def test_scores_stay_above_their_floors(scores) -> None:
    report = "\n".join(scores.errors)
    assert scores.micro_f1 >= FLOORS["micro_f1"], report
    assert scores.country.value >= FLOORS["country"], report
    assert scores.killed.value >= FLOORS["killed"], report
    assert scores.injured.value >= FLOORS["injured"], report
    assert scores.actor1.value >= FLOORS["actor1"], report


def test_off_topic_and_trap_passages_yield_no_events(scores) -> None:
    assert scores.offtopic_false_rate <= 0.01, scores.errors  # the target
    # Traps (hypotheticals, plans, history ...): all clean until the last fresh batch, b15-*, was added unfixed
    # with one trap that still gives an event (a minister's warning that an attack "would lead to a massacre").
    assert 1 - scores.trap_clean.value <= 0.02, scores.errors


def test_the_blind_set_stays_apart_from_the_labelled_set(passages: list[dict]) -> None:
    """The blind passages (never read to change a rule) are labelled like the others and never among them."""
    blind = bench.load_passages(bench.BLIND)
    assert len(blind) >= 100
    assert len({p["id"] for p in blind}) == len(blind)
    assert not {p["id"] for p in blind} & {p["id"] for p in passages}
    assert not {p["text"] for p in blind} & {p["text"] for p in passages}
    assert {e["event_type"] for p in blind for e in p["events"]} <= set(bench.EVENT_TYPES)


def test_held_out_part_is_scored_apart(passages: list[dict]) -> None:
    held_out = [p for p in passages if bench.split_of(p["id"]) == "heldout"]
    assert 40 <= len(held_out) <= len(passages) // 2
    # Lower than the floor on all passages: the fresh b5-b12 batches put held-out errors there that were left
    # unfixed on purpose (bench/README lists them); 93.5 with tag-6 on 468 passages.
    # 92.4 with tag-10 on 355 held-out passages; 90.8 with tag-15 on 538, after nine blind batches whose held-out
    # thirds were never read (tag-14 on the same 538: 90.7); 89.6 with tag-18 on 681, the last three batches' held-out
    # thirds harder than the rest (tag-17 on the same 681: 89.2)
    assert bench.score_passages(held_out).micro_f1 >= 0.89


def test_whole_articles_are_scored_apart_and_stay_above_their_floors(passages: list[dict]) -> None:
    """Whole stories (b64-b79 and b84-b211: 1,728 articles of 6-12 paragraphs by annotators who never saw the tagger),
    scored apart: their background, retellings and running totals are what short passages lack. tag-18 on b64-b67:
    micro F1 55.3. First reads, each batch written before the rules read off the ones before it: b68-b71 tag-18 57.6
    -> tag-19 as it then stood 60.8; b72-b75 57.1 -> 65.1; b76-b79 57.8 -> 69.3; b84-b87 tag-19 70.1 -> tag-20 as it
    then stood 71.2; b88-b91 68.5 -> 72.0; b92-b95 62.2 -> 65.5; b96-b99 tag-20 66.7 (read); b100-b103 61.2 -> tag-21
    as it then stood 61.5; b104-b107 73.1 -> 74.1; b108-b111 72.5 -> 73.6; b112-b115 69.1 -> 70.0; b116-b119 72.3 ->
    73.3; b120-b123 tag-21 77.7 -> tag-22 as it then stood 77.6; b124-b127 70.5 -> 70.1; b128-b131 72.4 -> 73.9;
    b132-b135 73.0 -> 74.1; b136-b139 (read only when tag-22 was final) 74.4 -> 76.9. On all 624: tag-20 72.1, tag-21
    74.5, country 89.3, off-topic stories with events 21.4% -> 10.7% (held-out third, never read: 71.0 -> 72.3). On
    the first 816: tag-21 74.2 -> tag-22 77.3, country 90.2 -> 91.3, off-topic 12.9% -> 8.2% (held-out third 72.2 ->
    73.9); b140-b143 (off-topic and feature pieces) 63.9 -> 66.1; on all 912 tag-22 77.3, country 91.3, off-topic
    6.6%; b144-b147 tag-22 78.4 -> tag-23 as it then stood 80.0 (killed exact 59.2 -> 67.6); b148-b151 (12 of them
    with no act) 76.3 -> 80.7, off-topic and no-news stories with events 8.3% / 33.3% -> 0% / 16.7%; b152-b155 79.1 ->
    81.6; b156-b159 (read only when tag-23 was final) tag-22 81.9, tag-23 81.9; b160-b163 (24 of them with no act)
    70.5 -> 74.4 -> 75.8 final; on all 1,152 tag-22 77.4, tag-23 78.4; b164-b167 (retellings from both sides, recaps
    of earlier days) tag-23 68.4 -> tag-24 as it then stood 69.8 -> 72.9 final; b168-b171 (read only when tag-24 was
    final) tag-23 76.9, tag-24 79.7; b172-b175 tag-23 77.1 -> tag-24 as it then stood 77.1 -> 79.3 final; on all 1,296
    tag-23 77.9, tag-24 79.9 (held-out third 75.1 -> 76.8), off-topic stories with events 5.5% -> 3.3%; b176-b179
    (regions in the lede and towns later, acts dated relative to others) tag-24 79.2 -> tag-25 85.6; b180-b183 tag-24
    78.9 -> tag-25 as it then stood 79.2 -> 83.9 final; b184-b187 (scored only when tag-25 was final) tag-24 75.0,
    tag-25 75.7; on all 1,440 tag-24 79.7, tag-25 80.6 (held-out third 76.5 -> 77.0); b188-b191 (written and scored
    after tag-25's last rule, none of it read) tag-24 77.7, tag-25 79.6; on all 1,488 tag-24 79.6, tag-25 80.6
    (held-out third 76.5 -> 77.1). Half of each of the next rounds off-topic or no news: b192-b195 tag-25 76.4 ->
    tag-26 89.5 (held-out 80.0 -> 82.1); b200-b203 72.2 -> 82.4; b204-b207 72.7 -> 81.2; b196-b199 (written with
    b192-b195, scored only when tag-26 was final, none of it read) tag-25 76.6, tag-26 76.6; b208-b211 (any mix,
    written while tag-26 was being finished and scored only when it was final, none of it read) tag-25 73.7, tag-26
    74.6. On all 1,728 tag-25 80.0, tag-26 81.1 (held-out third 76.2 -> 76.7), off-topic stories with events 4.5% ->
    3.3%. b212-b215 (scored before any change for them, none of it read) tag-26 81.1, tag-27 82.4. On all 1,776
    tag-26 81.1, tag-27 (the story models) 81.7 (held-out third 76.7 -> 77.4); off-topic stories with events 3.6% ->
    0.7% (held-out 8.9 -> 2.4), no-news stories with events 10.6% -> 2.1% (held-out 17.0 -> 6.6); with the
    told-before event model 88.0 (held-out 83.1). b216-b219 (written after tag-27's models, none of it read) tag-26
    78.0, tag-27 83.4; on all 1,824 with the models retrained 87.9 (held-out 83.0). b220-b223 (none of it read;
    chose the event model's threshold) tag-27 82.6, at 0.75 83.0; b224-b227 (none of it read) tag-27 81.2, tag-28
    82.1; b228-b231 and b232-b235 (none of it read) tag-27 88.2 and 84.6, tag-28 89.0 and 86.0; on all 2,016 with the
    models retrained (and the threshold back at 0.8: the seed binds) tag-27 87.5, tag-28 87.8 (held-out 83.0 ->
    83.1). b236-b239 (written from a prompt rebuilt after the first was lost, scored before any change for them)
    tag-28 78.1, tag-29 with the violent types' threshold alone 79.4, final 80.4; on all 2,064 with the models
    retrained and the thresholds at 0.65 (violent) and 0.75 tag-29 90.2 (held-out 84.7); b240-b243 (written after
    those, scored before any change for them) tag-28 74.1, tag-29 74.5; on all 2,112 with the models retrained and the
    story models' thresholds at the lowest step cross-validation allows (off-topic 0.75, no news 0.7) 90.2 (held-out
    84.98, off-topic stories with events 0.4%, held-out 1.5%); b244-b247 (written after all of that, never read)
    tag-28 77.8, tag-29 81.8; on all 2,160 with the models retrained and no news at 0.75 (0.7 takes the arrest from
    test_tag_background's verdict story) 90.1 (held-out 84.8); b248-b251 (written after that, never read) tag-28 77.9,
    tag-29 79.6; on all 2,208 with the models retrained and the thresholds worked out again (violent 0.7: at 0.65 a
    FA-KES story lost its violence; off-topic 0.65) 89.4 (held-out 84.4). Floors a little below."""
    articles = bench.load_passages(bench.ARTICLES)
    assert len(articles) >= 2208
    assert not {a["id"] for a in articles} & {p["id"] for p in passages}
    assert min(len(a["text"].split()) for a in articles) >= 300
    s = bench.score_passages(articles)
    assert s.micro_f1 >= 0.88, "\n".join(s.errors)
    assert s.country.value >= 0.90, "\n".join(s.errors)
    assert s.offtopic_false_rate <= 0.02, "\n".join(s.errors)
    assert 1 - s.trap_clean.value <= 0.04, "\n".join(s.errors)


def test_the_blind_articles_stay_apart(passages: list[dict]) -> None:
    """The blind whole articles (b80-b83, never read to change a rule) are labelled like the others and in no other
    set. Their first read: tag-18 micro F1 59.1, tag-19 67.6, 67.8 final; tag-20 71.2; tag-21 71.2; tag-22 75.3;
    tag-23 76.4; tag-24 79.1; tag-25 80.0 (no floor: it would invite reading them)."""
    blind = bench.load_passages(bench.ARTICLES_BLIND)
    assert len(blind) >= 48
    others = bench.load_passages(bench.ARTICLES) + passages
    assert not {a["id"] for a in blind} & {p["id"] for p in others}
    assert not {a["text"] for a in blind} & {p["text"] for p in others}
    assert {e["event_type"] for a in blind for e in a["events"]} <= set(bench.EVENT_TYPES)


def test_pairing_counts_wrong_type_as_a_miss_and_an_extra() -> None:
    passage = {"id": "x", "text": "", "published": "2024-03-12", "offtopic": False, "note": "",
               "events": [{"event_type": "protest", "country_iso": "IQ", "killed": None, "injured": None}]}  # fmt: skip
    scores = bench.Scores()
    bench.score_passage(scores, passage, [bench.Event("diplomacy", country_iso="IQ")])
    assert (scores.tp["protest"], scores.fn["protest"], scores.fp["diplomacy"]) == (0, 1, 1)
    assert scores.micro_f1 == 0.0
    scores = bench.Scores()
    bench.score_passage(scores, passage, [bench.Event("protest", country_iso="SY", killed=2)])
    assert scores.micro_f1 == 1.0
    assert (scores.country.value, scores.killed.value, scores.injured.total) == (0.0, 0.0, 0)


def test_seed_article_yields_what_an_analyst_would_code() -> None:
    if not bench.seed_path().exists():
        pytest.skip(f"{bench.seed_path()} is absent (../shared is only beside the repository in dev checkouts)")
    events = bench.seed_events()
    found, forbidden = bench.seed_report(events)
    assert all(ok for _, ok in found), (found, [(e.event_type, e.evidence[:60]) for e in events])
    assert forbidden == []
    attacks = [e for e in events if e.event_type in bench.VIOLENT]
    assert len(attacks) == 1, "the summary paragraphs repeat the attacks; they are one event"
    assert (attacks[0].injured, attacks[0].attack_count, attacks[0].counts_lower_bound) == (21, 23, True)


# The one FA-KES story whose labelled violence the told-before model takes at every threshold from 0.85 down: state
# media's accusation of Saturday that recalls Wednesday's gas attack (the labelled event) as background.
FAKES_TOLD_BEFORE = {"1965495324"}


def test_the_told_before_model_takes_no_fakes_violence() -> None:
    """What binds VIOLENT_EVENT_THRESHOLD and NO_NEWS_THRESHOLD (story.py): screening real Syrian-war news the models
    never saw must not cost an article the violence of its labelled kind that the unscreened tagger finds (with the
    models of 2,208 articles, at 0.65 for violent events one more loses it)."""
    if not bench.FAKES.exists():
        pytest.skip(f"{bench.FAKES} is absent (../shared is only beside the repository in dev checkouts)")
    lost = []
    for line in bench.FAKES.read_text(encoding="utf-8").splitlines():
        row = bench.json.loads(line)
        day = bench.dt.date.fromisoformat(row["published"])
        allowed = bench.FAKES_TYPES.get(row["cause_of_death"], bench.VIOLENT)
        kinds = [
            any(e.event_type in allowed for e in bench.tag_article(row["text"], published=day, screen=s).events)
            for s in (True, False)
        ]
        if kinds == [False, True]:
            lost.append(row["id"])
    assert set(lost) <= FAKES_TOLD_BEFORE, lost
