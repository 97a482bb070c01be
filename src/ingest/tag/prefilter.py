"""Cheap tests that rule a regular expression out before it runs.

Python's ``re`` tries every alternative at every position, so a list of a hundred trigger patterns costs
milliseconds per sentence. Most patterns need some literal word ("rocket", "ceasefire") to match at all:
:func:`needles` reads that requirement off the parsed pattern, and :class:`Guarded` skips the regex when
none of the words occurs in the text (a substring test in C, a few microseconds). Results are exactly the
regex's own: the guard only ever skips searches that could not match.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from re import Pattern  # dataclass fields name it bare: mypyc (native.py) resolves their types by name
from typing import Any, NamedTuple

try:  # one C pass over a text finds every needle of every pattern (see NeedleScanner); optional
    import ahocorasick
except ImportError:  # pragma: no cover - the plain substring tests below give the same answers
    ahocorasick = None

try:  # the parser behind re.compile; private, so a pattern it cannot read simply gets no guard
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other Python versions
    _sre_parse = None  # type: ignore[assignment]

_MAX_NEEDLES = 80  # beyond this the substring tests cost about as much as the regex
_MAX_SUBSETS = 1024  # compiled sub-alternations kept per GuardedAlternation
_SCAN_FROM = 4  # needle sets at least this large ask the scanner; smaller ones test substrings directly
_FURTHER_MIN = 3  # shortest member of a further needle set worth testing (see further_needles)
_SCANS_KEPT = 1024  # texts whose needles are remembered (a sentence is asked about by a dozen patterns)


class _ScanState(NamedTuple):
    """One automaton and the answers it gave: replaced whole when needles are added, so a thread never sees an
    automaton half built, nor an answer given before the needles it lacks were registered."""

    automaton: Any  # ahocorasick.Automaton, made
    found: dict[str, frozenset[str]]  # text as it is -> needles in it
    found_lowered: dict[str, frozenset[str]]  # text -> needles in its lower-cased form


class NeedleScanner:
    """Which of all the needles in use occur in a text, found in one Aho-Corasick pass (in C) instead of
    one substring search per needle: with some 500 needles, most of them absent, a sentence costs one scan
    instead of 500. Every guard registers its needles; the automaton is rebuilt when new ones arrive. The
    answer for a text is remembered for the next few texts: the same sentence is asked about by the
    triggers, the vetoes and each modality list in turn. Safe to share between threads (the pipeline tags on
    several): the automaton and its answers are published together, under a lock, once built."""

    def __init__(self) -> None:
        self._needles: set[str] = set()
        self._sets: set[frozenset[str]] = set()  # needle sets already registered (a frozenset caches its hash)
        self._lock = threading.Lock()
        # Answers are keyed on the caller's text, whose hash Python keeps, so asking about one sentence a dozen
        # times neither lower-cases nor hashes it again. None: to be built at the next question.
        self._state: _ScanState | None = None

    def register(self, needles: frozenset[str]) -> None:
        if needles in self._sets:
            return
        with self._lock:
            self._sets.add(needles)
            if not self._needles.issuperset(needles):
                self._needles.update(needles)
                self._state = None

    def _current(self) -> _ScanState:
        state = self._state
        if state is None:
            with self._lock:
                state = self._state
                if state is None:
                    automaton = ahocorasick.Automaton()
                    for n in self._needles:
                        automaton.add_word(n, n)
                    automaton.make_automaton()
                    state = self._state = _ScanState(automaton, {}, {})
        return state

    def found(self, text: str, lower: bool = False) -> frozenset[str]:
        """Every registered needle that occurs in `text`, or in its lower-cased form with `lower` (exact:
        overlapping occurrences included)."""
        state = self._current()
        got = (state.found_lowered if lower else state.found).get(text)
        if got is None:
            scanned = text.lower() if lower else text
            # the lower-cased sentence is often scanned as it is too (triggers take it lower-cased already)
            got = state.found.get(scanned) if lower else None
            if got is None:
                got = frozenset([n for _, n in state.automaton.iter(scanned)]) if scanned else frozenset()
            if len(state.found) + len(state.found_lowered) >= _SCANS_KEPT:
                state.found.clear()
                state.found_lowered.clear()
            if lower:  # the same answer for the lower-cased text as it is
                state.found_lowered[text] = got
            state.found[scanned] = got
        return got

    def prescan(self, text: str, spans: list[tuple[int, int]]) -> None:
        """Scan `text` once and remember the needles of each ``text[start:end]`` (its sentences) as if each
        had been scanned on its own: a needle lies in a part exactly when one of its occurrences does. One
        pass over an article costs what a pass over its sentences does, and the article is asked about too."""
        if not self._needles:
            return
        state = self._current()
        hits = list(state.automaton.iter(text))  # (last offset, needle), in order of the offset
        if len(state.found) + len(state.found_lowered) + len(spans) >= _SCANS_KEPT:
            state.found.clear()
            state.found_lowered.clear()
        state.found[text] = frozenset([n for _, n in hits])
        ends = [end for end, _ in hits]
        for start, stop in spans[: _SCANS_KEPT // 2]:
            first, last = bisect_left(ends, start), bisect_left(ends, stop)
            state.found[text[start:stop]] = frozenset([n for end, n in hits[first:last] if end - len(n) + 1 >= start])


_SCANNER = NeedleScanner() if ahocorasick is not None else None


def prescan(text: str, spans: list[tuple[int, int]]) -> None:
    """Find the needles of `text` and of each of its parts `spans` in one pass (see NeedleScanner.prescan);
    later questions about those exact strings are answered from memory. Changes no answer, only its cost."""
    if _SCANNER is not None:
        _SCANNER.prescan(text, spans)


def present(needles: frozenset[str], text: str, lower: bool = False) -> frozenset[str] | set[str]:
    """The members of `needles` that occur in `text` (lower-cased first with `lower`): one scan of the text
    for large sets."""
    if _SCANNER is not None and len(needles) >= _SCAN_FROM:
        _SCANNER.register(needles)
        return _SCANNER.found(text, lower) & needles
    if lower:
        text = text.lower()
    return set(filter(text.__contains__, needles))


def _better(cand: frozenset[str], best: frozenset[str] | None) -> bool:
    if best is None:
        return True
    # Longer needles are rarer (fewer false alarms); fewer needles are cheaper to test.
    return (min(map(len, cand)), -len(cand)) > (min(map(len, best)), -len(best))


def _seq_sets(items: Any) -> list[frozenset[str]]:
    """Sets of strings that every match of this sequence of parsed items contains one of, each on its own (a
    match holds a member of every set), in the order the pattern names them."""
    sets: list[frozenset[str]] = []
    run: list[str] = []

    def consider(cand: frozenset[str] | None) -> None:
        if cand and all(cand) and len(cand) <= _MAX_NEEDLES:
            sets.append(cand)

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero width: the literals around it are still adjacent in the text
        if run:
            consider(frozenset({"".join(run)}))
            run = []
        if op is _c.SUBPATTERN:
            sets.extend(_seq_sets(av[-1]))
        elif op is _c.ATOMIC_GROUP:
            sets.extend(_seq_sets(av))
        elif op is _c.BRANCH:
            alternatives = [_seq_needles(branch) for branch in av[1]]
            if all(a is not None for a in alternatives):
                union: frozenset[str] = frozenset().union(*alternatives)  # type: ignore[arg-type]
                # "Apr" is present whenever "April" is: the longer needle adds nothing
                consider(frozenset(x for x in union if not any(y != x and y in x for y in union)))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            sets.extend(_seq_sets(av[2]))
    if run:
        consider(frozenset({"".join(run)}))
    return sets


def _seq_needles(items: Any) -> frozenset[str] | None:
    """The best of :func:`_seq_sets` (None: no such set)."""
    return _best_set(_seq_sets(items))


def _parsed_sets(pattern: str, flags: int) -> list[frozenset[str]] | None:
    if _sre_parse is None:
        return None
    try:
        return _seq_sets(list(_sre_parse.parse(pattern, flags)))
    except Exception:  # an unusual construct: no guard rather than a wrong one
        return None


def _best_set(sets: list[frozenset[str]]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    for cand in sets:
        if _better(cand, best):
            best = cand
    return best


def _cased(needle_set: frozenset[str], flags: int) -> frozenset[str]:
    return frozenset(n.lower() for n in needle_set) if flags & re.IGNORECASE else needle_set


def needles(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literal strings one of which every match of `pattern` contains, lower-cased when `flags` has
    IGNORECASE; None when the pattern has no such set (then it must always run)."""
    best = _best_set(_parsed_sets(pattern, flags) or [])
    return None if best is None else tuple(sorted(_cased(best, flags)))


def further_needles(pattern: str, flags: int = 0) -> tuple[frozenset[str], ...]:
    """The other sets every match also needs a member of, beside :func:`needles`' ("missiles ... at a ship"
    needs "ship" as well as "missile"): a text that lacks every member of one of them cannot match either.
    Sets that the needles already imply (each needle contains one of their members) are left out."""
    sets = _parsed_sets(pattern, flags) or []
    best = _best_set(sets)
    if best is None:
        return ()
    primary = _cased(best, flags)
    out: list[frozenset[str]] = []
    for s in (_cased(x, flags) for x in sets):
        # short members ("at", " ") occur in nearly every text: testing for them rules nothing out
        if min(map(len, s)) >= _FURTHER_MIN and s not in out and not all(any(x in n for x in s) for n in primary):
            out.append(s)
    return tuple(out)


def _caseless_items(items: Any) -> bool:
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            if chr(av) != chr(av).lower():
                return False
        elif op is _c.IN:
            for item_op, item_av in av:
                if item_op in (_c.LITERAL, _c.NOT_LITERAL) and chr(item_av) != chr(item_av).lower():
                    return False
                if item_op is _c.RANGE and any(chr(c) != chr(c).lower() for c in range(item_av[0], item_av[1] + 1)):
                    return False
                if item_op not in (_c.LITERAL, _c.NOT_LITERAL, _c.RANGE, _c.CATEGORY, _c.NEGATE):
                    return False
        elif op is _c.SUBPATTERN:
            if not _caseless_items(av[-1]):
                return False
        elif op is _c.BRANCH:
            if not all(_caseless_items(branch) for branch in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if not _caseless_items(av[2]):
                return False
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            if not _caseless_items(av[1]):
                return False
        elif op is _c.ATOMIC_GROUP:
            if not _caseless_items(av):
                return False
        elif op not in (_c.AT, _c.ANY, _c.CATEGORY, _c.GROUPREF):
            return False  # a construct not looked at here: keep IGNORECASE
    return True


def caseless(pattern: str) -> bool:
    """Does `pattern` name no upper-case letter (as a literal or in a class)? Then on lower-cased text it
    finds what it finds with IGNORECASE (bar letters Unicode folds specially, such as the long s), and it
    runs a third faster without the flag."""
    if _sre_parse is None:
        return False
    try:
        return _caseless_items(list(_sre_parse.parse(pattern)))
    except Exception:  # an unusual construct: keep IGNORECASE
        return False


def for_lowered_text(patterns: list[str]) -> int:
    """Regex flags for patterns that are only ever run on lower-cased text: none when every pattern is
    :func:`caseless`, else IGNORECASE."""
    return 0 if all(caseless(p) for p in patterns) else re.IGNORECASE


def _max_width(pattern: str, flags: int) -> int | None:
    """The longest text `pattern` can match, or None when unbounded (or the pattern cannot be read)."""
    if _sre_parse is None:
        return None
    try:
        width = _sre_parse.parse(pattern, flags).getwidth()[1]
    except Exception:
        return None
    return width if width < _c.MAXREPEAT else None


@dataclass(frozen=True)
class Guarded:
    """A compiled pattern that runs only when one of its needles, and one of each further set's members,
    occur in the text."""

    regex: Pattern[str]
    needles: tuple[str, ...] | None
    lower: bool  # needles are lower case: test them against the lower-cased text
    further: tuple[frozenset[str], ...] = ()  # see further_needles
    _needle_set: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    _scanned: bool = field(default=False, compare=False, repr=False)  # ask the scanner (large needle sets)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_needle_set", frozenset(self.needles or ()))
        scanned = _SCANNER is not None and len(self._needle_set) >= _SCAN_FROM
        if scanned:
            _SCANNER.register(self._needle_set)  # type: ignore[union-attr]  # known before any text is asked about
        object.__setattr__(self, "_scanned", scanned)

    @classmethod
    def compile(cls, pattern: str, flags: int = 0) -> Guarded:
        lower = bool(flags & re.IGNORECASE)
        return cls(re.compile(pattern, flags), needles(pattern, flags), lower, further_needles(pattern, flags))

    def possible(self, text: str) -> bool:
        if self.needles is None:
            return True
        if self._scanned:
            if self._needle_set.isdisjoint(_SCANNER.found(text, self.lower)):  # type: ignore[union-attr]
                return False
            if self.further and self.lower:
                text = text.lower()
        else:
            if self.lower:
                text = text.lower()
            if len(self.needles) == 1:
                if self.needles[0] not in text:
                    return False
            elif not any(map(text.__contains__, self.needles)):
                return False
        # the further sets are tested only once a needle occurs: a handful of substring tests
        return all(any(map(text.__contains__, s)) for s in self.further)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self.possible(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.regex.match(text) if self.possible(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text) if self.possible(text) else iter(())

    def sub(self, repl: str, text: str) -> str:
        return self.regex.sub(repl, text) if self.possible(text) else text

    @property
    def pattern(self) -> str:
        return self.regex.pattern


_UNSEEN = object()

_WORD_CHAR = re.compile(r"\w")


class NameFinder:
    """Whole-word occurrences of literal names, longest name first at each position, left to right and not
    overlapping: what one big ``(?<![\\w-])(?:name|...)(?![\\w])`` alternation finds, without trying
    1,600 alternatives at every character. With pyahocorasick every occurrence of every name is found in one
    C pass and kept where it is a whole word; without it the alternation itself runs."""

    def __init__(self, names: list[str]) -> None:
        unique = sorted({n for n in names if n}, key=len, reverse=True)
        self._automaton: Any = None
        self._regex: re.Pattern[str] | None = None
        if unique and ahocorasick is not None:
            self._automaton = ahocorasick.Automaton()
            for name in unique:
                self._automaton.add_word(name, len(name))
            self._automaton.make_automaton()
        elif unique:  # pragma: no cover - pyahocorasick is a dependency; the same answers, slower
            self._regex = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, unique)) + r")(?![\w])")
        # text -> names found: a sentence is looked up several times (its scene, its actors, its clauses)
        self._found: dict[str, list[tuple[int, int, str]]] = {}

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, name) for each occurrence."""
        found = self._found.get(text)
        if found is None:
            if self._automaton is not None:
                found = self._whole_words(text)
            else:
                found = [(m.start(), m.end(), m.group()) for m in self._regex.finditer(text)] if self._regex else []
            if len(self._found) >= _SCANS_KEPT:
                self._found.clear()
            self._found[text] = found
        return iter(found)

    def _whole_words(self, text: str) -> list[tuple[int, int, str]]:
        """The alternation's matches from the automaton's occurrences: at each start the longest name that is
        a whole word there (no word character or hyphen before it, no word character after), left to right,
        none overlapping the one before."""
        hits = []
        for last, size in self._automaton.iter(text):
            start, end = last + 1 - size, last + 1
            before = text[start - 1] if start else " "
            if before != "-" and not _WORD_CHAR.match(before) and not _WORD_CHAR.match(text, end):
                hits.append((start, -size))
        if not hits:
            return []
        hits.sort()  # by start, the longest first
        out = []
        resume = 0
        for start, minus_size in hits:
            if start >= resume:
                resume = start - minus_size
                out.append((start, resume, text[start:resume]))
        return out


class GuardedAlternation:
    """``(?:a)|(?:b)|...`` where each alternative is guarded on its own. A text is searched with the
    alternation of only those alternatives whose needles occur in it (compiled once per such subset): an
    alternative that cannot match anywhere in the text never changes what the full alternation finds, so
    results are the full pattern's own."""

    def __init__(self, patterns: list[str], flags: int = 0) -> None:
        self._patterns = list(patterns)
        self._flags = flags
        guards = [needles(p, flags) for p in patterns]
        self._lower = bool(flags & re.IGNORECASE)
        self._always = frozenset(i for i, g in enumerate(guards) if g is None)  # no needle: always searched
        # needle -> the alternatives it admits; which needles occur is found in one C-level pass over them all
        self._by_needle: dict[str, list[int]] = {}
        for i, g in enumerate(guards):
            for n in g or ():
                self._by_needle.setdefault(n, []).append(i)
        self._needles = frozenset(self._by_needle)
        widths = [_max_width(p, flags) for p in patterns]  # longest match of each; None: unbounded
        self._widest = None if None in widths else max(w for w in widths if w is not None)
        self._subsets: dict[tuple[int, ...], object] = {}  # subset -> compiled alternation (None: empty)
        self._singles: list[re.Pattern[str] | None] = [None] * len(patterns)  # each alternative alone, when used
        self._admitted: dict[frozenset[str], tuple[re.Pattern[str], ...]] = {}  # needles found -> their alternatives
        self._by_found: dict[frozenset[str], object] = {}  # needles found in a text -> its alternation
        everything = "|".join(f"(?:{p})" for p in patterns)
        self.regex = re.compile(everything, flags) if everything else None

    def _compile(self, subset: tuple[int, ...]) -> re.Pattern[str] | None:
        regex = self._subsets.get(subset, _UNSEEN)
        if regex is _UNSEEN:
            if len(self._subsets) >= _MAX_SUBSETS:  # a long-running worker must not grow without bound
                self._subsets.clear()
            alts = "|".join(f"(?:{self._patterns[i]})" for i in subset)
            regex = self._subsets[subset] = re.compile(alts, self._flags) if alts else None
        return regex  # type: ignore[return-value]  # (the local: another thread may clear the dict meanwhile)

    def _regex_for(self, text: str) -> re.Pattern[str] | None:
        found = present(self._needles, text, self._lower)
        if not found and not self._always:
            return None
        found = frozenset(found)  # the same object when it is one already
        regex = self._by_found.get(found, _UNSEEN)  # texts with the same needles share one alternation
        if regex is _UNSEEN:
            subset = set(self._always)
            for n in found:
                subset.update(self._by_needle[n])
            regex = self._compile(tuple(sorted(subset)))
            if len(self._by_found) >= _MAX_SUBSETS:
                self._by_found.clear()
            self._by_found[found] = regex
        return regex  # type: ignore[return-value]

    def possible(self, text: str) -> bool:
        return bool(self._always) or bool(present(self._needles, text, self._lower))

    def _single(self, i: int) -> re.Pattern[str]:
        regex = self._singles[i]
        if regex is None:
            regex = self._singles[i] = re.compile(self._patterns[i], self._flags)
        return regex

    def search(self, text: str) -> re.Match[str] | None:
        """The alternation's first match: the earliest start among the admitted alternatives' own first
        matches, the first alternative in order at a tie (what the alternation tries at each position). Each
        alternative runs alone: a new article brings new sets of needles, and compiling their alternation
        cost milliseconds each time, more than the searches."""
        found = present(self._needles, text, self._lower)
        if not found and not self._always:
            return None
        key = frozenset(found)  # the same object when it is one already
        admitted = self._admitted.get(key)
        if admitted is None:
            subset = set(self._always)
            for n in found:
                subset.update(self._by_needle[n])
            admitted = tuple(self._single(i) for i in sorted(subset))
            if len(self._admitted) >= _MAX_SUBSETS:
                self._admitted.clear()
            self._admitted[key] = admitted
        best: re.Match[str] | None = None
        for regex in admitted:
            m = regex.search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
                if m.start() == 0:
                    break  # no alternative after it can start earlier or win a tie
        return best

    def finditer_long(self, text: str) -> Iterator[re.Match[str]]:
        """finditer for a long text (an article): the engine starts where the first match can begin at the
        earliest. Every match holds a needle and is no longer than its pattern allows, so none starts before
        the end of the earliest needle less the longest match; look-behinds still see the text before."""
        regex = self._regex_for(text)
        if regex is None:
            return iter(())
        start = 0
        if not self._always and not self._lower and self._widest is not None:
            ends = [text.find(n) + len(n) for n in present(self._needles, text)]
            start = max(0, min(ends) - self._widest)
        return regex.finditer(text, start)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        regex = self._regex_for(text)
        return regex.finditer(text) if regex is not None else iter(())

    def sub(self, repl: str, text: str) -> str:
        regex = self._regex_for(text)
        return regex.sub(repl, text) if regex is not None else text

    @property
    def pattern(self) -> str:
        return self.regex.pattern if self.regex is not None else ""
