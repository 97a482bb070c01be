"""The benchmark's scoring rules (bench/extraction.py), checked on hand-made texts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "extraction.py"
_spec = importlib.util.spec_from_file_location("bench_extraction", BENCH)
assert _spec and _spec.loader
bench = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = bench  # dataclasses look their module up while the class is built
_spec.loader.exec_module(bench)


def test_shingle_precision_recall() -> None:
    reference = "one two three four five six"
    assert bench.page_prf(reference, reference) == (1.0, 1.0)
    precision, recall = bench.page_prf("one two three four five six seven", reference)
    assert recall == 1.0 and precision == pytest.approx(3 / 4)
    assert bench.page_prf("", reference) == (0.0, 0.0)
    assert bench.page_prf("a b", "a b") == (1.0, 1.0)  # fewer than four tokens: one shingle


def test_word_f1_is_case_insensitive() -> None:
    assert bench.word_f1("The Cat", "the cat") == 1.0
    assert bench.word_f1("", "the cat") == 0.0


def test_title_rule() -> None:
    assert bench.title_right("Port reopens | Harbour Daily", "Port reopens")
    assert bench.title_right("PORT  reopens", "Port reopens")
    assert not bench.title_right("Port reopens after fire", "Port reopens")
    assert not bench.title_right(None, "Port reopens")


def test_author_rule() -> None:
    assert bench.name_set("Jane Doe, MS, RD and John Roe") == bench.name_set(["John Roe", "Jane Doe"])
    assert bench.name_set("Dr. Andrew Smith") == bench.name_set(["Andrew Smith"])
    assert bench.name_set("Jane Doe") != bench.name_set(["Jane Doe", "John Roe"])
