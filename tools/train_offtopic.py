"""Build src/ingest/tag/data/offtopic_model.tsv: the tagger's off-topic story model (see ingest/tag/offtopic.py).

Trains an L2-regularised logistic regression on the development part of the project's labelled stories
(tests/data/tagging/articles.jsonl and passages.jsonl, the split bench/tagging.py uses; the held-out part is never
read, so it still measures the model). Label: the story is marked off-topic. Features: its words and word pairs.
Deterministic: full-batch gradient descent from zero, no randomness in training.

    python tools/train_offtopic.py          # write the model file
    python tools/train_offtopic.py --cv     # five-fold cross-validation on the development stories: how many
                                            # off-topic stories, stories with events and traps each threshold flags
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

from ingest.tag.offtopic import MODEL_FILE, THRESHOLD, OfftopicModel, features  # noqa: E402
from tagging import split_of  # noqa: E402  (bench/tagging.py: the dev / held-out split)

LABELLED = ROOT / "tests" / "data" / "tagging"
SOURCES = ("articles.jsonl", "passages.jsonl")
OUT = ROOT / "src" / "ingest" / "tag" / "data" / MODEL_FILE
MIN_STORIES = 3  # a feature seen in one story only is that story's, not a topic's
L2 = 2e-5
STEPS = 600
KEEP = 0.15  # weights smaller than this are left out of the file (they move no story's score by a thousandth)


def development_stories() -> list[dict]:
    stories = []
    for name in SOURCES:
        for line in (LABELLED / name).read_text("utf-8").splitlines():
            if line.strip():
                story = json.loads(line)
                if split_of(story["id"]) == "dev":
                    stories.append(story)
    return stories


def train(stories: list[dict]) -> OfftopicModel:
    found = [features(s["text"]) for s in stories]
    seen = Counter(f for fs in found for f in fs)
    vocab = sorted(f for f, n in seen.items() if n >= MIN_STORIES)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols, vals = [], [], []
    for r, fs in enumerate(found):
        ids = sorted(index[f] for f in fs if f in index)
        rows += [r] * len(ids)
        cols += ids
        vals += [1.0 / math.sqrt(max(1, len(fs)))] * len(ids)  # as OfftopicModel.probability scales them
    row, col, val = np.array(rows), np.array(cols), np.array(vals)
    y = np.array([1.0 if s.get("offtopic") else 0.0 for s in stories])
    n, v = len(stories), len(vocab)
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
    return OfftopicModel(round(b, 4), weights)


def render(model: OfftopicModel, stories: int) -> str:
    head = [
        "# The tagger's off-topic story model: built by tools/train_offtopic.py, do not edit by hand.",
        f"# Logistic regression over a story's words and word pairs, trained on {stories} development stories of",
        "# tests/data/tagging (articles and passages; label: off-topic). Score = bias + sum of the weights of the",
        "# features present / sqrt(number of features present). Most off-topic features first.",
        f"(bias)\t{model.bias}",
    ]
    ranked = sorted(model.weights.items(), key=lambda kv: (-kv[1], kv[0]))
    return "\n".join(head + [f"{f}\t{x}" for f, x in ranked]) + "\n"


def cross_validate(stories: list[dict], folds: int = 5) -> None:
    scores = [0.0] * len(stories)
    for k in range(folds):
        model = train([s for i, s in enumerate(stories) if i % folds != k])
        for i in range(k, len(stories), folds):
            scores[i] = model.probability(stories[i]["text"])
    kinds = ["offtopic" if s.get("offtopic") else "events" if s["events"] else "trap" for s in stories]
    total = Counter(kinds)
    print(f"five-fold cross-validation on {len(stories)} development stories: flagged at each threshold")
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.9):
        hit = Counter(k for k, p in zip(kinds, scores, strict=True) if p >= threshold)
        mark = "  <- THRESHOLD" if threshold == THRESHOLD else ""
        print(f"  {threshold:.2f}: " + ", ".join(f"{k} {hit[k]}/{total[k]}" for k in ("offtopic", "events", "trap"))
              + mark)  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", action="store_true", help="cross-validate instead of writing the model")
    args = ap.parse_args()
    stories = development_stories()
    if args.cv:
        cross_validate(stories)
        return
    model = train(stories)
    OUT.write_text(render(model, len(stories)), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(model.weights):,} weights from {len(stories):,} stories")


if __name__ == "__main__":
    main()
