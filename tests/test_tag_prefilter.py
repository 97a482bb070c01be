"""The tagger's speed-ups must not change what it finds: needles read off patterns, guarded patterns and
the name finder against plain ``re`` on the labelled passages and hand-made edge cases."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ingest.tag import prefilter
from ingest.tag.counts import _compiled, _led_finditer, _number_led, _starts
from ingest.tag.prefilter import (
    Guarded,
    GuardedAlternation,
    NameFinder,
    NeedleScanner,
    caseless,
    for_lowered_text,
    further_needles,
    needles,
    present,
)
from ingest.tag.resources import actors, patterns, places, topics
from ingest.tag.rules import _negated, _vetoed, find_triggers, rules, unreal
from ingest.tag.text import fold, sentence_spans

PASSAGES = Path(__file__).resolve().parent / "data" / "tagging" / "passages.jsonl"


def _sentences() -> list[str]:
    out = []
    for line in PASSAGES.read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["text"]
        out += [text[a:b] for a, b in sentence_spans(text)]
    return out


SENTENCES = _sentences()


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"roadside bombs?", ("roadside bomb",)),
        (r"\bshell(?:ed|ing)\b", ("shell",)),
        (r"(?:missiles?|drones?)\b[^.;]{0,40}\bhit", ("drone", "missile")),
        (r"\bdrones?\b|\bnothing", ("drone", "nothing")),
        (r"\w+ killed", (" killed",)),
        (r"\d+", None),  # no literal: always runs
        (r"a?b", ("b",)),
        (r"(?:x|)", None),  # an empty alternative needs nothing
        (r"ROCKET", ("rocket",)),  # lower-cased under IGNORECASE
    ],
)
def test_needles(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert needles(pattern, re.IGNORECASE) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # the best set is the needles; every other required set is a further one
        (r"\b(?:missiles?|drones?)\b[^.;]{0,40}\b(?:ships?|tankers?)", ({"ship", "tanker"},)),
        (r"(?:chemical|sarin) attacks?", ({"chemical", "sarin"},)),
        (r"\bfired (?:at|on) (?:the )?ships?", ({"ship"},)),  # "at"/"on" are too short to rule anything out
        (r"\bdrones?\b|\bnothing", ()),  # an alternation: either side alone may match
        (r"\d+ killed", ()),
        (r"\battacks? on ", ({" on "},)),
        (r"(?:rocket|mortar) (?:fire|barrage)", ({"fire", "barrage"},)),  # the needles: rocket, mortar
    ],
)
def test_further_needles(pattern: str, expected: tuple[set[str], ...]) -> None:
    assert further_needles(pattern, re.IGNORECASE) == tuple(frozenset(s) for s in expected)


def test_every_match_contains_a_needle() -> None:
    specs = [
        p
        for group in ("triggers", "generic", "vetoes", "modality")
        for pats in patterns()[group].values()
        for p in pats
    ]
    for spec in specs:
        guard = needles(spec, re.IGNORECASE)
        if guard is None:
            continue
        further = further_needles(spec, re.IGNORECASE)
        regex = re.compile(spec, re.IGNORECASE)
        for sentence in SENTENCES:
            m = regex.search(sentence)
            if m:
                lowered = m.group().lower()  # the match itself holds one of each set
                assert any(n in lowered for n in guard), (spec, sentence)
                assert all(any(n in lowered for n in s) for s in further), (spec, sentence)


def test_guarded_patterns_find_what_re_finds() -> None:
    specs = [p for group in ("triggers", "generic") for pats in patterns()[group].values() for p in pats]
    for spec in specs:
        guarded, plain = Guarded.compile(spec, re.IGNORECASE), re.compile(spec, re.IGNORECASE)
        for sentence in SENTENCES:
            a, b = guarded.search(sentence), plain.search(sentence)
            assert (a and a.span()) == (b and b.span()), (spec, sentence)


def test_guarded_alternation_gives_the_full_alternations_match() -> None:
    for group in ("vetoes", "modality", "weapons"):
        for name, pats in patterns()[group].items():
            guarded = GuardedAlternation(pats, re.IGNORECASE)
            plain = re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
            for sentence in [*SENTENCES, "", "no one claimed the attack", "a heart attack at the stadium"]:
                a, b = guarded.search(sentence), plain.search(sentence)
                assert (a and (a.span(), a.group(), a.lastgroup)) == (b and (b.span(), b.group(), b.lastgroup)), (
                    group,
                    name,
                    sentence,
                )
                assert guarded.sub(" ", sentence) == plain.sub(" ", sentence)
                assert guarded.possible(sentence) == (guarded._regex_for(sentence) is not None)


def test_guarded_alternation_search_ties_and_new_texts() -> None:
    """At one start the first alternative in order wins, as in the alternation, even when a later one is longer;
    and texts with ever new sets of needles compile no alternation of their own (each used to cost
    milliseconds: more than tagging the sentence)."""
    pats = [r"\bstrike\b", r"\bstrike on \w+", r"\bdrone strike", r"\bon (?P<target>\w+)", r"rockets?"]
    guarded = GuardedAlternation(pats, re.IGNORECASE)
    plain = re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
    texts = ["A strike on Gaza", "a drone strike on Gaza", "rockets on Haifa", "the strike", "on Monday rockets"]
    for text in texts:
        a, b = guarded.search(text), plain.search(text)
        assert (a.span(), a.group(), a.lastgroup) == (b.span(), b.group(), b.lastgroup), text
    assert guarded.search("nothing here") is None
    assert guarded._subsets == {}


def test_name_finder_matches_the_whole_word_alternation() -> None:
    for names in (list(places().by_alias), list(actors().by_alias)):
        finder = NameFinder(names)
        escaped = sorted({re.escape(n) for n in names}, key=len, reverse=True)
        plain = re.compile(r"(?<![\w-])(?:" + "|".join(escaped) + r")(?![\w])")
        for sentence in [*SENTENCES, "Iran-Iraq war", "Al-Asad", "U.S. forces in Baghdad's Green Zone"]:
            text = fold(sentence)
            assert list(finder.finditer(text)) == [(m.start(), m.end(), m.group()) for m in plain.finditer(text)]


@pytest.mark.parametrize("automaton", [True, False], ids=["pyahocorasick", "alternation"])
def test_name_finder_edge_cases(automaton: bool, monkeypatch) -> None:
    if not automaton:
        monkeypatch.setattr(prefilter, "ahocorasick", None)
    finder = NameFinder(["US", "US forces", "Ain al-Asad", "Asad", "(RSF)", "U.S."])
    assert [n for _, _, n in finder.finditer("US forces hit Ain al-Asad and USA")] == ["US forces", "Ain al-Asad"]
    assert list(finder.finditer("pre-Asad")) == []  # a hyphen before a name: part of another word
    assert [n for _, _, n in finder.finditer("the U.S. and the (RSF)")] == ["U.S.", "(RSF)"]
    assert [n for _, _, n in finder.finditer("U.S.A Asad's")] == ["Asad"]  # "U.S." runs on into a word
    assert list(NameFinder([]).finditer("anything")) == []


def _plain_find_triggers(sentence: str, year: int | None) -> list[tuple[str, int, int]]:
    """find_triggers as first written: every pattern of every type, no needles."""
    r = rules()
    lowered = sentence.lower()
    found = []
    for event_type in r.order:
        if _vetoed(event_type, lowered, r):
            continue
        for spec in [*patterns()["triggers"][event_type], *patterns()["generic"].get(event_type, [])]:
            m = re.compile(spec, re.IGNORECASE).search(lowered)
            if m and not _negated(lowered, m.start(), r):
                if not unreal(lowered, event_type, year, m.end()):
                    found.append((event_type, m.start(), m.end()))
                break
    return found


def test_find_triggers_equals_the_plain_loop() -> None:
    extra = [
        "Rockets were not fired at the base.",
        "If Iran attacks, the US would strike back.",
        "",
        "No one was hurt.",
    ]
    for sentence in [*SENTENCES, *extra]:
        got = [(t.event_type, t.start, t.end) for t in find_triggers(sentence, 2024)]
        assert got == _plain_find_triggers(sentence, 2024), sentence


def test_needle_scanner_finds_what_substring_tests_find() -> None:
    scanner = NeedleScanner()
    sets = [frozenset(rules().needles), frozenset({"shell", "bombshell", "he", "she", "her", "hers", "é"})]
    for needle_set in sets:
        scanner.register(needle_set)
    texts = [s.lower() for s in SENTENCES] + ["", "ushers", "a bombshell report", "café", "shé"]
    for text in texts:
        for needle_set in sets:
            assert scanner.found(text) & needle_set == {n for n in needle_set if n in text}, text
        assert present(sets[1], text) == {n for n in sets[1] if n in text}


def test_scanner_learns_needles_registered_after_a_scan() -> None:
    scanner = NeedleScanner()
    scanner.register(frozenset({"rocket"}))
    assert scanner.found("rockets and mortars") == {"rocket"}
    scanner.register(frozenset({"mortar"}))  # a new pattern compiled later: the automaton is rebuilt
    assert scanner.found("rockets and mortars") == {"rocket", "mortar"}


def test_prescan_remembers_for_each_part_what_scanning_it_alone_finds() -> None:
    """One pass over an article answers for its sentences exactly as a scan of each would: a needle that
    runs across a sentence break, or only begins inside one, belongs to neither sentence."""
    needle_set = frozenset({"rocket", "it. dro", "drone", "strike", "es. st", "s"})
    text = "rockets hit. drones. strikes. strike drone"
    spans = [(0, 12), (13, 20), (21, 29), (30, 42), (4, 10)]
    scanner = NeedleScanner()
    scanner.register(needle_set)
    scanner.prescan(text, spans)
    for start, stop in spans:
        part = text[start:stop]
        alone = NeedleScanner()
        alone.register(needle_set)
        assert scanner._current().found[part] == alone.found(part), part
        assert scanner.found(part) == alone.found(part)
    assert scanner.found(text) == {n for n in needle_set if n in text}


def test_number_led_counts_tried_at_word_starts_find_what_finditer_finds() -> None:
    compiled, led = _compiled(), _number_led()
    extra = ["At least 11 civilians, including three children, were killed.", "Twenty-one were hurt; 1,200 fled.",
             "No one was killed but 3 were injured", "F16 jets: 4 dead", "a soldier was killed"]  # fmt: skip
    for sentence in [s.lower() for s in [*SENTENCES, *extra]]:  # counts run on the lower-cased sentence
        starts = _starts(sentence)
        for key, indices in led.items():
            for i in indices:
                pattern = compiled[key][i]
                got = [(m.span(), m.group()) for m in _led_finditer(pattern, sentence, starts)]
                assert got == [(m.span(), m.group()) for m in pattern.regex.finditer(sentence)], (key, i, sentence)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\brockets? (?:were )?fired\b", True),
        (r"\S+ killed\W", True),  # escapes are classes, not letters
        (r"[a-z]+ed\b", True),
        (r"Rocket", False),
        (r"(?<![Nn]o )\d+", False),  # an upper-case letter in a class
        (r"[A-Z][a-z]+", False),
        (r"(?:shell|Mortar)s?", False),
        (r"(?=\w+ (?:Gaza))", False),  # inside a lookahead too
    ],
)
def test_caseless_spots_any_upper_case_letter(pattern: str, expected: bool) -> None:
    assert caseless(pattern) is expected


def _lowered_lists() -> list[tuple[str, list[str]]]:
    p = patterns()
    lists = [(f"triggers.{t}", p["triggers"][t]) for t in p["order"]["types"]]
    lists += [(f"vetoes.{k}", v) for k, v in p["vetoes"].items()]
    lists += [(f"modality.{k}", v) for k, v in p["modality"].items() if k != "hedge"]
    lists += [("counts.zero_killed", p["counts"]["zero_killed"]), ("counts.zero_injured", p["counts"]["zero_injured"])]
    lists += [(f"topics.{name}", spec["cues"]) for name, spec in topics().items() if spec.get("cues")]
    lists += [(f"weapons.{name}", pats) for name, pats in p["weapons"].items()]
    clauses = p["clauses"]
    lists += [("clauses.breaks", clauses["strong"] + clauses["weak"])]
    lists += [(f"clauses.{k}", clauses[k]) for k in ("response", "shared_subject", "refers_back")]
    return lists


@pytest.mark.parametrize(("name", "pattern_list"), _lowered_lists(), ids=[n for n, _ in _lowered_lists()])
def test_lists_run_on_lower_cased_text_need_no_ignorecase(name: str, pattern_list: list[str]) -> None:
    """Every list the tagger runs on lower-cased text names no upper-case letter, so it runs without the
    (slower) IGNORECASE flag and finds exactly what the flag finds."""
    assert for_lowered_text(pattern_list) == 0, name
    fast = re.compile("|".join(f"(?:{x})" for x in pattern_list))
    slow = re.compile(fast.pattern, re.IGNORECASE)
    for sentence in SENTENCES:
        lowered = sentence.lower()
        assert [m.span() for m in fast.finditer(lowered)] == [m.span() for m in slow.finditer(lowered)], sentence


def test_count_patterns_run_on_lower_cased_text_need_no_ignorecase() -> None:
    compiled = _compiled()
    for key in ("killed", "injured", "attack_count"):
        for pattern in compiled[key]:
            assert not pattern.regex.flags & re.IGNORECASE, pattern.pattern
            slow = re.compile(pattern.pattern, re.IGNORECASE)
            for sentence in SENTENCES:
                lowered = sentence.lower()
                assert [m.span() for m in pattern.regex.finditer(lowered)] == [
                    m.span() for m in slow.finditer(lowered)
                ], sentence


def test_finditer_long_finds_what_finditer_finds() -> None:
    article = " ".join(SENTENCES[:400]).lower()
    lists = [spec["cues"] for spec in topics().values() if spec.get("cues")]
    lists.append([r"(?<=the )\bgaza\b", r"^\w+", r"\bstrikes? on \w+", r"rockets?[^.]{0,30}fired"])
    for cues in lists:
        alternation = GuardedAlternation(cues)
        for text in (article, article[-3000:], "strike on gaza"):
            assert [m.span() for m in alternation.finditer_long(text)] == [m.span() for m in alternation.finditer(text)]


def test_the_scanner_is_safe_to_share_between_threads(monkeypatch) -> None:
    """The pipeline tags on several threads. A thread asking while another builds the automaton waits for it
    (it used to see an automaton not yet made and fail: "Not an Aho-Corasick automaton yet"), and needles
    registered meanwhile are never missing from an answer."""
    import threading
    import time

    if prefilter.ahocorasick is None:
        pytest.skip("pyahocorasick is not installed: the plain substring tests share no state")
    real = prefilter.ahocorasick.Automaton

    class SlowAutomaton:  # makes the build take long enough for the other thread to ask in the middle
        def __init__(self) -> None:
            self._inner = real()

        def add_word(self, key: str, value: str) -> None:
            self._inner.add_word(key, value)

        def make_automaton(self) -> None:
            time.sleep(0.3)
            self._inner.make_automaton()

        def iter(self, text: str):  # the pyahocorasick name
            return self._inner.iter(text)

    monkeypatch.setattr(prefilter.ahocorasick, "Automaton", SlowAutomaton)
    scanner = prefilter.NeedleScanner()
    scanner.register(frozenset({"rocket", "drone", "strike", "ceasefire"}))
    answers: dict[str, object] = {}

    def ask(name: str, text: str) -> None:
        try:
            answers[name] = scanner.found(text)
        except Exception as exc:  # the failure is what the test looks for
            answers[name] = exc

    first = threading.Thread(target=ask, args=("first", "a rocket and a drone"))
    first.start()
    time.sleep(0.1)  # the first thread is building now
    second = threading.Thread(target=ask, args=("second", "a drone strike"))
    second.start()
    first.join()
    second.join()
    assert answers == {"first": frozenset({"rocket", "drone"}), "second": frozenset({"drone", "strike"})}
    scanner.register(frozenset({"truce", "talks", "envoy", "summit"}))  # new needles: answers include them
    assert scanner.found("talks on a truce after the strike") == frozenset({"talks", "truce", "strike"})
