"""Build the tagger's two story models in src/ingest/tag/data/ (see ingest/tag/story.py).

Each is an L2-regularised logistic regression over a story's words and word pairs, trained on the development part
of the project's labelled stories only (tests/data/tagging, the split bench/tagging.py uses; the held-out part is
never read, so it still measures the models). Deterministic: full-batch optimisation from zero, no randomness.

* offtopic_model.tsv: whole articles and passages; label: marked off-topic.
* no_news_model.tsv: whole articles that are security news; label: no event labelled (an anniversary, a verdict,
  an analysis). Passages are left out: their traps are single sentences (a hypothetical, a denial), not stories.
* event_model.tsv: every event the tagger finds (unscreened) in those articles; label: it pairs with no labelled
  event (the act told again, background, an aside), as bench/tagging.py pairs them. It learns from the tagger's
  output, so rebuild it after the rules change (a test fails until then).

    python tools/train_story_models.py          # write both model files
    python tools/train_story_models.py --cv     # five-fold cross-validation on the development stories: what each
                                                # threshold flags, per kind of story
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

import datetime as dt  # noqa: E402

from ingest.tag import tag_article  # noqa: E402
from ingest.tag.story import (  # noqa: E402
    EVENT_FILE,
    EVENT_THRESHOLD,
    NO_NEWS_FILE,
    NO_NEWS_THRESHOLD,
    OFFTOPIC_FILE,
    OFFTOPIC_THRESHOLD,
    StoryModel,
    event_features,
    features,
    told_before,
)
from tagging import ARTICLES, PASSAGES, VIOLENT, load_passages, pair_events, split_of  # noqa: E402  (bench/tagging.py)

DATA = ROOT / "src" / "ingest" / "tag" / "data"
MIN_STORIES = 3  # a feature seen in fewer examples is theirs, not a kind's
L2 = 2e-5
STEPS = 600
KEEP = 0.15  # weights smaller than this are left out of the file (they move no story's score by a thousandth)


def development_stories(sources: tuple[Path, ...] = (ARTICLES, PASSAGES)) -> list[dict]:
    return [s for source in sources for s in load_passages(source) if split_of(s["id"]) == "dev"]


Examples = list[tuple[set[str], bool]]  # (features, label)


def offtopic_examples() -> Examples:
    return [(features(s["text"]), bool(s.get("offtopic"))) for s in development_stories()]


def _news_articles() -> list[dict]:
    return [s for s in development_stories((ARTICLES,)) if not s.get("offtopic")]


def no_news_examples() -> Examples:
    return [(features(s["text"]), not s["events"]) for s in _news_articles()]


def event_examples() -> Examples:
    return [(found, label) for _, found, label in _events_by_story()]


def _events_by_story(keep: list | None = None) -> list[tuple[int, set[str], bool]]:
    """(story number, features, label) of every unscreened event; `keep` receives (story, events) per story."""
    out = []
    for number, story in enumerate(_news_articles()):
        day = dt.date.fromisoformat(story["published"])
        events = tag_article(story["text"], published=day, screen=False).events
        if keep is not None:
            keep.append((story, events))
        extra = {id(e) for e, label in pair_events(events, story["events"]) if e is not None and label is None}
        for rank, e in enumerate(events):
            found = event_features(story["text"], e, rank, told_before(e, events[:rank]))
            out.append((number, found, id(e) in extra))
    return out


def train(examples: Examples) -> StoryModel:
    found = [fs for fs, _ in examples]
    seen = Counter(f for fs in found for f in fs)
    vocab = sorted(f for f, n in seen.items() if n >= MIN_STORIES)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, fs in enumerate(found):
        ids = sorted(index[f] for f in fs if f in index)
        rows += [r] * len(ids)
        cols += ids
        vals += [1.0 / math.sqrt(max(1, len(fs)))] * len(ids)  # as StoryModel.score scales them
    row, col, val = np.array(rows), np.array(cols), np.array(vals)
    y = np.array([1.0 if label else 0.0 for _, label in examples])
    n, v = len(examples), len(vocab)
    w, b = np.zeros(v), 0.0
    # Adam on the mean log-loss plus L2: converges in a few hundred steps on a few thousand stories
    m_w, s_w, m_b, s_b = np.zeros(v), np.zeros(v), 0.0, 0.0
    rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for step in range(1, STEPS + 1):
        z = b + np.bincount(row, weights=w[col] * val, minlength=n)
        err = 1.0 / (1.0 + np.exp(-z)) - y
        g_w = np.bincount(col, weights=err[row] * val, minlength=v) / n + L2 * w
        g_b = float(err.mean())
        m_w = beta1 * m_w + (1 - beta1) * g_w
        s_w = beta2 * s_w + (1 - beta2) * g_w * g_w
        m_b = beta1 * m_b + (1 - beta1) * g_b
        s_b = beta2 * s_b + (1 - beta2) * g_b * g_b
        w -= rate * (m_w / (1 - beta1**step)) / (np.sqrt(s_w / (1 - beta2**step)) + eps)
        b -= rate * (m_b / (1 - beta1**step)) / (math.sqrt(s_b / (1 - beta2**step)) + eps)
    weights = {f: round(float(x), 4) for f, x in zip(vocab, w, strict=True) if abs(x) >= KEEP}
    return StoryModel(round(b, 4), weights)


def render(model: StoryModel, examples: int, what: str) -> str:
    head = [
        "# One of the tagger's story models: built by tools/train_story_models.py, do not edit by hand.",
        f"# Logistic regression over words and word pairs, trained on {examples} development examples from",
        f"# tests/data/tagging ({what}).",
        "# Score = bias + sum of the weights of the features present / sqrt(number of features present).",
        "# The features that most say yes first.",
        f"(bias)\t{model.bias}",
    ]
    ranked = sorted(model.weights.items(), key=lambda kv: (-kv[1], kv[0]))
    return "\n".join(head + [f"{f}\t{x}" for f, x in ranked]) + "\n"


THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9)


def cross_validate(
    name: str, examples: Examples, kinds: list[str], threshold: float, groups: list[int] | None = None
) -> list[float]:
    """Five folds; `groups`: examples of one group (an article's events) stay in one fold. Returns each example's
    score from the fold that did not learn from it."""
    folds = 5
    fold = [(g if groups else i) % folds for i, g in enumerate(groups or range(len(examples)))]
    scores = [0.0] * len(examples)
    for k in range(folds):
        model = train([e for e, f in zip(examples, fold, strict=True) if f != k])
        for i, f in enumerate(fold):
            if f == k:
                scores[i] = model.score(examples[i][0])
    total = Counter(kinds)
    print(f"{name}: five-fold cross-validation on {len(examples)} development examples, flagged at each threshold")
    for at in THRESHOLDS:
        hit = Counter(k for k, p in zip(kinds, scores, strict=True) if p >= at)
        mark = "  <- threshold" if at == threshold else ""
        print(f"  {at:.2f}: " + ", ".join(f"{k} {hit[k]}/{total[k]}" for k in total) + mark)
    return scores


def event_threshold_f1(stories: list[tuple[dict, list]], scores: list[float]) -> None:
    """Micro F1 of the development news articles' event types (bench/tagging.py's pairing) when the events whose
    cross-validated score reaches a threshold are dropped: for all types alike, and for the violent ones alone (the
    others at the shipped EVENT_THRESHOLD)."""
    score_of = {}
    at = iter(scores)
    for _, events in stories:
        for e in events:
            score_of[id(e)] = next(at)

    def f1(violent_at: float, other_at: float) -> float:
        tp = fp = fn = 0
        for story, events in stories:
            kept = [e for e in events if score_of[id(e)] < (violent_at if e.event_type in VIOLENT else other_at)]
            for got, label in pair_events(kept, story["events"]):
                tp += got is not None and label is not None
                fp += label is None
                fn += got is None
        return 2 * tp / (2 * tp + fp + fn)

    print(f"micro F1 of {len(stories)} development news articles with the events scored at or above each threshold"
          f" dropped (no threshold: {f1(2.0, 2.0):.4f})")  # fmt: skip
    for at in THRESHOLDS:
        print(f"  {at:.2f}: all types {f1(at, at):.4f}, violent types only {f1(at, EVENT_THRESHOLD):.4f}")


# (file, examples, what the file's header says the label is)
MODELS = (
    (OFFTOPIC_FILE, offtopic_examples, "articles and passages; label: off-topic"),
    (NO_NEWS_FILE, no_news_examples, "security news articles; label: no new act"),
    (EVENT_FILE, event_examples, "the tagger's unscreened events in news articles; label: unlabelled"),
)


def build(name: str) -> tuple[StoryModel, int]:
    """The model of file `name`, and how many examples it learned from."""
    (examples_of,) = (f for n, f, _ in MODELS if n == name)
    examples = examples_of()
    return train(examples), len(examples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="cross-validate instead of writing the models")
    args = ap.parse_args()
    if args.cv:
        stories = development_stories()
        kinds = ["offtopic" if s.get("offtopic") else "events" if s["events"] else "no news" for s in stories]
        cross_validate(OFFTOPIC_FILE, offtopic_examples(), kinds, OFFTOPIC_THRESHOLD)
        examples = no_news_examples()
        cross_validate(NO_NEWS_FILE, examples, ["no news" if label else "events" for _, label in examples],
                       NO_NEWS_THRESHOLD)  # fmt: skip
        stories: list[tuple[dict, list]] = []
        events = _events_by_story(stories)
        scores = cross_validate(EVENT_FILE, [(f, label) for _, f, label in events],
                                ["not labelled" if label else "labelled" for _, _, label in events], EVENT_THRESHOLD,
                                [story for story, _, _ in events])  # fmt: skip
        event_threshold_f1(stories, scores)
        return
    for name, _, what in MODELS:
        model, count = build(name)
        (DATA / name).write_text(render(model, count, what), encoding="utf-8")
        print(f"wrote src/ingest/tag/data/{name}: {len(model.weights):,} weights from {count:,} examples")


if __name__ == "__main__":
    main()
