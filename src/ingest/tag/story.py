"""What a story is about as a whole: two small logistic regressions over its words and word pairs, a second opinion
to the rules, which read a story sentence by sentence.

* Off-topic (sport, markets, space, crime, accidents, wars elsewhere): rules can be fooled by war words in a match
  report or a crash; the story's vocabulary as a whole is hard to fool that way. A story the model is sure of gives
  no events; in a story it is sure is security news, sport words veto no act (rules.py's sport veto).
* No news (an anniversary, a verdict, a funeral, an analysis, a monitor's yearly report): such stories retell old
  acts in the words of new ones, which rules read as news; their vocabulary ("anniversary", "the court", "families",
  "years after") gives them away. A story the model is sure of gives no events.

The weights are data files (``data/offtopic_model.tsv``, ``data/no_news_model.tsv``: one feature and its weight a
line, readable and diffable) built by ``tools/train_story_models.py`` from the development part of the project's
labelled stories only, so the held-out part still measures them. The thresholds were chosen on five-fold
cross-validation over the development stories (the tool's ``--cv``): no story with a labelled event scored that high.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

OFFTOPIC_FILE = "offtopic_model.tsv"
NO_NEWS_FILE = "no_news_model.tsv"
OFFTOPIC_THRESHOLD = 0.8  # at or above: not security news, no events
# Below this the story is surely security news: sport words in a sentence ("stadium", "match") veto none of its
# violence.
SURELY_ON_TOPIC = 0.2
NO_NEWS_THRESHOLD = 0.8  # at or above: security news that reports no new act, no events
_WORD = re.compile(r"[a-z][a-z'-]+")


def features(text: str, lowered: bool = False) -> set[str]:
    """The story's lower-cased words (of two letters or more, no digits) and adjacent word pairs ("air strike",
    "penalty kick"), each once (`lowered`: the caller has lower-cased `text`)."""
    words = _WORD.findall(text if lowered else text.lower())
    found = set(words)
    found.update([f"{a} {b}" for a, b in pairwise(words)])
    return found


@dataclass(frozen=True)
class StoryModel:
    bias: float
    weights: dict[str, float]

    def score(self, found: set[str]) -> float:
        """0..1 for a story's :func:`features`: how sure the model is of its label."""
        get = self.weights.get
        z = sum([get(f, 0.0) for f in found]) / math.sqrt(max(1, len(found)))
        return 1.0 / (1.0 + math.exp(-(self.bias + z)))

    def probability(self, text: str, lowered: bool = False) -> float:
        return self.score(features(text, lowered))

    @classmethod
    def parse(cls, text: str, name: str = "model") -> StoryModel:
        bias = 0.0
        weights: dict[str, float] = {}
        for number, line in enumerate(text.splitlines(), 1):
            if not line or line.startswith("#"):
                continue
            feature, _, value = line.rpartition("\t")
            try:
                weight = float(value)
            except ValueError:
                raise ValueError(f"{name} line {number}: no weight after a tab: {line!r}") from None
            if feature == "(bias)":
                bias = weight
            else:
                weights[feature] = weight
        if not weights:
            raise ValueError(f"{name} holds no weights")
        return cls(bias, weights)


def _load(name: str) -> StoryModel:
    return StoryModel.parse(resources.files("ingest.tag.data").joinpath(name).read_text("utf-8"), name)


@cache
def offtopic_model() -> StoryModel:
    """Label: the story is not Middle East security news."""
    return _load(OFFTOPIC_FILE)


@cache
def no_news_model() -> StoryModel:
    """Label: a security story that reports no new act."""
    return _load(NO_NEWS_FILE)
