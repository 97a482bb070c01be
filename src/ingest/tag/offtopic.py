"""Is a story off-topic (sport, markets, space, crime, accidents, wars elsewhere) as a whole? A second opinion to
the rules' relevance score, from a small logistic regression over the story's words and word pairs.

The rules judge a story sentence by sentence and can be fooled by war words in a match report or a crash; a model
of the whole story's vocabulary is hard to fool that way. Its weights are a data file
(``data/offtopic_model.tsv``: one feature and its weight a line, readable and diffable) built by
``tools/train_offtopic.py`` from the development part of the project's labelled stories only, so the held-out part
still measures it. The tagger drops a story's events only when the model is confident (``THRESHOLD``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

MODEL_FILE = "offtopic_model.tsv"
# Chosen on five-fold cross-validation over the development stories: no story with a labelled event scored this
# high there (see tools/train_offtopic.py), while most off-topic ones did.
THRESHOLD = 0.8
# Below this the story is surely security news: sport words in a sentence ("stadium", "match") then veto none of its
# violence (rules.py's sport veto).
SURELY_ON_TOPIC = 0.2
_WORD = re.compile(r"[a-z][a-z'-]+")


def features(text: str, lowered: bool = False) -> set[str]:
    """The story's lower-cased words (of two letters or more, no digits) and adjacent word pairs ("air strike",
    "penalty kick"), each once (`lowered`: the caller has lower-cased `text`)."""
    words = _WORD.findall(text if lowered else text.lower())
    found = set(words)
    found.update([f"{a} {b}" for a, b in pairwise(words)])
    return found


@dataclass(frozen=True)
class OfftopicModel:
    bias: float
    weights: dict[str, float]

    def probability(self, text: str, lowered: bool = False) -> float:
        """0..1: how sure the model is that the story is not Middle East security news."""
        found = features(text, lowered)
        get = self.weights.get
        z = sum(get(f, 0.0) for f in found) / math.sqrt(max(1, len(found)))
        return 1.0 / (1.0 + math.exp(-(self.bias + z)))

    @classmethod
    def parse(cls, text: str) -> OfftopicModel:
        bias = 0.0
        weights: dict[str, float] = {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line or line.startswith("#"):
                continue
            name, _, value = line.rpartition("\t")
            try:
                weight = float(value)
            except ValueError:
                raise ValueError(f"{MODEL_FILE} line {number}: no weight after a tab: {line!r}") from None
            if name == "(bias)":
                bias = weight
            else:
                weights[name] = weight
        if not weights:
            raise ValueError(f"{MODEL_FILE} holds no weights")
        return cls(bias, weights)


@cache
def offtopic_model() -> OfftopicModel:
    return OfftopicModel.parse(resources.files("ingest.tag.data").joinpath(MODEL_FILE).read_text("utf-8"))


def offtopic_probability(text: str, lowered: bool = False) -> float:
    return offtopic_model().probability(text, lowered)
