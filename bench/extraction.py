"""Score the project's extractor, and trafilatura beside it, on the shared extraction benchmarks.

Usage: python bench/extraction.py [--sets naeb-news,...] [--limit N] [--no-trafilatura] [--dump FILE]

Reads ``../shared/extraction-bench/<set>/`` (relative to the repository root) and prints one table per set.
Both extractors see the same pages in the same run, one process, one page at a time.

Scores (see ../shared/extraction-bench/README.md):
* F1 / precision / recall: the benchmark's shingle rule: 4-token shingles of ``\\w+`` tokens (case kept),
  compared as multisets per page; corpus precision is the mean page precision over non-empty outputs,
  corpus recall the mean page recall over all pages, F1 their harmonic mean.
* word-F1 (all sets, WCXB's own headline): mean over pages of the F1 of lower-cased word bags.
* date: published day (YYYY-MM-DD) equal to the reference, over pages whose reference has a date;
  "date extra" counts pages without a reference date where the extractor still gave one.
* title: exact, or exact once a trailing " | Site" / " - Site" part is cut; case and whitespace ignored.
  "title~" also folds typographic quotes and dashes (’ -> ', – -> -): some references retype them.
* authors: the set of normalised names equal to the reference set (order ignored). Names are NFKC,
  case-folded, punctuation and a leading honorific (Dr, Prof, Mr, Mrs, Ms, Sir) dropped; reference
  strings are split on commas, ";", "&" and " and ";
  pieces that are credentials (MS, RD, PhD...) are dropped. Over pages whose reference names someone.
* lang: share of pages with a language code at all (the references carry none).
* pages/s: pages divided by the seconds spent inside the extractor call (parse + text + metadata for
  ours; ``trafilatura.extract(html, url=url, output_format="txt")`` for trafilatura's default mode,
  whose metadata call is scored but not timed).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH_DIR = REPO_ROOT.parent / "shared" / "extraction-bench"
SETS = ("scrapinghub-aeb", "naeb-news", "wcxb-articles")

_TOKEN = re.compile(r"\w+")
_PUNCT = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{1,60}$")
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|sir) ")
_CREDENTIAL = re.compile(r"^(?:[a-z]{1,4}|phd|mph|facp|fand|cfp|cfa|cpa|mba|rdn|ldn)$")


# --- scoring rules -----------------------------------------------------------------------------------


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_prf(predicted: str, reference: str) -> tuple[float, float]:
    """Page precision and recall under the shingle rule (tp, fp, fn normalised per page)."""
    pred, ref = shingles(predicted), shingles(reference)
    tp = sum((pred & ref).values())
    fp = sum(pred.values()) - tp
    fn = sum(ref.values()) - tp
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def word_f1(predicted: str, reference: str) -> float:
    pred = Counter(w.lower() for w in _TOKEN.findall(predicted or ""))
    ref = Counter(w.lower() for w in _TOKEN.findall(reference or ""))
    if not pred and not ref:
        return 1.0
    tp = sum((pred & ref).values())
    if tp == 0:
        return 0.0
    precision, recall = tp / sum(pred.values()), tp / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def _relaxed(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


_TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def title_right_folded(predicted: str | None, reference: str | None) -> bool:
    return title_right((predicted or "").translate(_TYPOGRAPHIC), (reference or "").translate(_TYPOGRAPHIC))


def title_right(predicted: str | None, reference: str | None) -> bool:
    if not predicted or not reference:
        return False
    pred, ref = _relaxed(predicted), _relaxed(reference)
    if pred == ref:
        return True
    while (cut := _TITLE_SUFFIX.sub("", pred)) != pred:
        pred = cut
        if pred == ref:
            return True
    return False


def _name_key(name: str) -> str:
    key = _SPACES.sub(" ", _PUNCT.sub(" ", unicodedata.normalize("NFKC", name).casefold())).strip()
    return _HONORIFIC.sub("", key)


def name_set(names: list[str] | str | None) -> frozenset[str]:
    if not names:
        return frozenset()
    pieces = _NAME_SPLIT.split(names) if isinstance(names, str) else [p for n in names for p in _NAME_SPLIT.split(n)]
    keys = {_name_key(p) for p in pieces}
    return frozenset(k for k in keys if k and not _CREDENTIAL.match(k))


# --- running -----------------------------------------------------------------------------------------


@dataclass
class Tally:
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    word_f1s: list[float] = field(default_factory=list)
    seconds: float = 0.0
    pages: int = 0
    date_total: int = 0
    date_right: int = 0
    date_extra: int = 0
    title_total: int = 0
    title_ok: int = 0
    title_folded_ok: int = 0
    author_total: int = 0
    author_ok: int = 0
    author_extra: int = 0
    with_language: int = 0

    def add(self, out: dict[str, Any], truth: dict[str, Any], seconds: float) -> dict[str, Any]:
        self.pages += 1
        self.seconds += seconds
        text = out.get("text") or ""
        precision, recall = page_prf(text, truth["articleBody"])
        if text.strip():
            self.precisions.append(precision)
        self.recalls.append(recall)
        wf1 = word_f1(text, truth["articleBody"])
        self.word_f1s.append(wf1)
        row: dict[str, Any] = {"precision": precision, "recall": recall, "word_f1": wf1}
        if "publish_date" in truth or "title" in truth:
            day = (out.get("published") or "")[:10] or None
            if truth.get("publish_date"):
                self.date_total += 1
                row["date_ok"] = day == truth["publish_date"]
                self.date_right += row["date_ok"]
            elif day:
                self.date_extra += 1
            if truth.get("title"):
                self.title_total += 1
                row["title_ok"] = title_right(out.get("title"), truth["title"])
                self.title_ok += row["title_ok"]
                self.title_folded_ok += title_right_folded(out.get("title"), truth["title"])
            expected, got = name_set(truth.get("author")), name_set(out.get("authors"))
            if expected:
                self.author_total += 1
                row["authors_ok"] = expected == got
                self.author_ok += row["authors_ok"]
            elif got:
                self.author_extra += 1
        self.with_language += bool(out.get("language"))
        return row

    def summary(self) -> dict[str, Any]:
        precision = statistics.fmean(self.precisions) if self.precisions else 0.0
        recall = statistics.fmean(self.recalls) if self.recalls else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

        def share(num: int, den: int) -> float | None:
            return num / den if den else None

        return {
            "f1": f1,
            "precision": precision,
            "recall": recall,
            "word_f1": statistics.fmean(self.word_f1s) if self.word_f1s else 0.0,
            "date": share(self.date_right, self.date_total),
            "date_extra": self.date_extra,
            "title": share(self.title_ok, self.title_total),
            "title_folded": share(self.title_folded_ok, self.title_total),
            "authors": share(self.author_ok, self.author_total),
            "author_extra": self.author_extra,
            "language": share(self.with_language, self.pages),
            "pages_per_s": self.pages / self.seconds if self.seconds else 0.0,
            "pages": self.pages,
        }


def run_ours(html: bytes, url: str | None) -> dict[str, Any]:
    from ingest.extract import extract

    return extract(html, url=url).to_dict()


def run_trafilatura(html: bytes, url: str | None) -> tuple[dict[str, Any], float]:
    """Default mode for the text (timed); metadata from extract_metadata on the same page (untimed)."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    page = html.decode("utf-8", errors="replace")
    start = time.perf_counter()
    text = trafilatura.extract(page, url=url, output_format="txt")
    seconds = time.perf_counter() - start
    meta = extract_metadata(trafilatura.load_html(page), default_url=url)
    return {
        "text": text or "",
        "title": meta.title,
        "authors": [a.strip() for a in (meta.author or "").split(";") if a.strip()],
        "published": meta.date,
        "language": meta.language,
    }, seconds


def load_set(bench_dir: Path, name: str, limit: int | None) -> list[tuple[str, dict[str, Any], Path]]:
    truth = json.loads((bench_dir / name / "ground-truth.json").read_text("utf-8"))
    pages = [(pid, truth[pid], bench_dir / name / "html" / f"{pid}.html.gz") for pid in sorted(truth)]
    pages = [p for p in pages if p[2].exists()]
    return pages[:limit] if limit else pages


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def print_table(name: str, results: dict[str, dict[str, Any]]) -> None:
    cols = (
        "f1",
        "precision",
        "recall",
        "word_f1",
        "date",
        "title",
        "title_folded",
        "authors",
        "language",
        "pages_per_s",
    )
    heads = ("F1", "prec", "recall", "wordF1", "date", "title", "title~", "authors", "lang", "pages/s")
    any_result = next(iter(results.values()))
    print(f"\n{name} ({any_result['pages']} pages)")
    print(f"{'extractor':<12}" + "".join(f"{h:>9}" for h in heads) + f"{'date+':>7}{'auth+':>7}")
    for who, res in results.items():
        cells = "".join(f"{res[c]:>9.1f}" if c == "pages_per_s" else f"{_fmt(res[c]):>9}" for c in cols)
        print(f"{who:<12}{cells}{res['date_extra']:>7}{res['author_extra']:>7}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-dir", type=Path, default=DEFAULT_BENCH_DIR)
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    parser.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    parser.add_argument("--no-trafilatura", action="store_true", help="score only the project's extractor")
    parser.add_argument("--dump", type=Path, help="write per-page outputs and scores as JSON lines here")
    args = parser.parse_args(argv)

    if not args.bench_dir.is_dir():
        print(f"no benchmark data at {args.bench_dir}; nothing to score")
        return 0
    from ingest.extract import EXTRACTOR_VERSION, extract

    extract("<html><body><p>warm-up</p></body></html>")  # load caches outside the timings
    # jusText's merged stoplist (all languages, ~2 s) is built once per process by whichever extractor's
    # fallback first needs it; build it here so that neither side's timing carries it.
    from trafilatura.external import jt_stoplist_init

    jt_stoplist_init()
    print(f"extractor {EXTRACTOR_VERSION}; shingle F1 is the headline; see the module docstring for the rules")
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    everything: dict[str, dict[str, Any]] = {}
    for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        if not (args.bench_dir / name / "ground-truth.json").exists():
            print(f"\n{name}: not found, skipped")
            continue
        tallies = {"ours": Tally()} | ({} if args.no_trafilatura else {"trafilatura": Tally()})
        for pid, truth, path in load_set(args.bench_dir, name, args.limit):
            html = gzip.decompress(path.read_bytes())
            url = truth.get("url")
            start = time.perf_counter()
            ours = run_ours(html, url)
            row = tallies["ours"].add(ours, truth, time.perf_counter() - start)
            record: dict[str, Any] = {"set": name, "id": pid, "ours": ours | row}
            if "trafilatura" in tallies:
                theirs, seconds = run_trafilatura(html, url)
                record["trafilatura"] = theirs | tallies["trafilatura"].add(theirs, truth, seconds)
            if dump:
                dump.write(json.dumps(record, ensure_ascii=False) + "\n")
        results = {who: t.summary() for who, t in tallies.items()}
        everything[name] = results
        print_table(name, results)
    if dump:
        dump.close()
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
