"""Full-text search over articles (title + text) with DuckDB's fts extension, loaded offline.

Where the index lives and when it is built, and why:

- In a sidecar file beside the warehouse (``warehouse.duckdb`` -> ``warehouse.search.duckdb``), not in the
  warehouse itself. Building a BM25 index rewrites several tables; inside the warehouse that would hold
  DuckDB's file lock (which every run and every reader needs) for the whole build. Here the warehouse is only
  *read*, once, for as long as copying the articles' text takes; the build then runs on the sidecar with the
  warehouse free. Nightly runs never pay for it, and never wait for it beyond that copy.
- Lazily, by the first search after the articles changed. The sidecar records a fingerprint of the articles
  table (row count, newest change, sum of versions); a search whose fingerprint differs rebuilds first.
  Each build goes to a temporary file renamed over the old one, so a search in another process sees the old
  index or the new one, never half of one, and a crash mid-build leaves the old one in place.

Syndicated copies (``duplicate_of`` set) are left out: they would only repeat their original's hit.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from ingest.warehouse.connection import WarehouseError, extension_config, read_only

FINGERPRINT_SQL = "select count(*), max(changed_at), coalesce(sum(version), 0) from articles"
COPY_SQL = """
create table idx.docs as
select a.article_id, a.title, a.text, a.url, a.published_at, coalesce(s.name, a.source) as source
from articles a left join sources s on s.source = a.source
where a.duplicate_of is null
"""
# Porter stemming and English stop words: "strikes" finds "strike", "the" finds nothing.
INDEX_SQL = "pragma create_fts_index('docs', 'article_id', 'title', 'text', stemmer='porter', stopwords='english')"
SEARCH_SQL = """
select score, published_at, source, title, url, text
from (select *, fts_main_docs.match_bm25(article_id, $q) as score from docs)
where score is not null
order by score desc, published_at desc nulls last, article_id
limit $limit
"""


class SearchError(ValueError):
    """The query cannot be searched (empty, no words)."""


@dataclass(frozen=True)
class IndexInfo:
    path: Path
    documents: int
    rebuilt: bool
    seconds: float  # time spent building, 0 when the index was fresh
    held_seconds: float = 0.0  # of which the warehouse was held (read-only) to copy the articles


@dataclass(frozen=True)
class Hit:
    rank: int
    score: float
    published_at: datetime | None
    source: str | None
    title: str | None
    url: str
    snippet: str


def index_path(db: str | Path) -> Path:
    db = Path(db)
    return db.with_name(f"{db.stem}.search.duckdb")


def _sidecar(path: Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path), read_only=read_only, config=extension_config())
    con.execute("load fts")
    return con


def _stored_fingerprint(path: Path) -> tuple[object, ...] | None:
    if not path.exists():
        return None
    try:
        con = _sidecar(path, read_only=True)
    except duckdb.Error:
        return None  # unreadable or from an older layout: rebuild
    try:
        row = con.execute("select articles, newest_change, versions from index_state").fetchone()
        return tuple(row) if row else None
    except duckdb.Error:
        return None
    finally:
        con.close()


def ensure_index(
    db: str | Path,
    *,
    rebuild: bool = False,
    wait_s: float = 120.0,
    on_wait: Callable[[float], None] | None = None,
) -> IndexInfo:
    """Make the sidecar index match the warehouse's articles; rebuild only when they changed (or asked)."""
    path = index_path(db)
    stored = None if rebuild else _stored_fingerprint(path)
    with read_only(db, wait_s=wait_s, on_wait=on_wait) as con:
        row = con.execute(FINGERPRINT_SQL).fetchone()
        current = tuple(row) if row else ()
        if stored == current:
            count = con.execute("select count(*) from articles where duplicate_of is null").fetchone()
            return IndexInfo(path, int(count[0]) if count else 0, rebuilt=False, seconds=0.0)
        started = time.monotonic()
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            # Copy the text under the same read-only connection that took the fingerprint: they match.
            quoted = str(tmp).replace("'", "''")  # ATTACH takes no parameters
            con.execute(f"attach '{quoted}' as idx (read_only false)")
            con.execute(COPY_SQL)
            con.execute("create table idx.index_state as select ? as articles, ? as newest_change, ? as versions",
                        list(current))  # fmt: skip
            con.execute("detach idx")
            held = time.monotonic() - started
        except (duckdb.Error, OSError) as exc:
            tmp.unlink(missing_ok=True)
            raise WarehouseError(f"cannot write the search index {tmp}: {exc}") from exc
    # The warehouse is released: the index build below holds only the temporary sidecar.
    try:
        side = _sidecar(tmp, read_only=False)
        try:
            side.execute(INDEX_SQL)
            count = side.execute("select count(*) from docs").fetchone()
        finally:
            side.close()
        tmp.replace(path)
    except (duckdb.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise WarehouseError(f"cannot build the search index {path}: {exc}") from exc
    return IndexInfo(path, int(count[0]) if count else 0, True, time.monotonic() - started, held)


def _terms(query: str) -> list[str]:
    return [w for w in re.findall(r"\w+", query.lower()) if len(w) > 1]


def snippet(text: str | None, query: str, width: int = 200) -> str:
    """About ``width`` characters of text around the first query word found (stem-ish prefix match)."""
    text = " ".join((text or "").split())
    if not text:
        return ""
    best = None
    for term in _terms(query):
        stem = term if len(term) <= 5 else term[: max(5, len(term) - 3)]
        match = re.search(rf"\b{re.escape(stem)}", text, re.IGNORECASE)
        if match and (best is None or match.start() < best):
            best = match.start()
    start = max(0, (best or 0) - width // 3)
    # Start and end on word boundaries so the snippet does not begin mid-word.
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (best or 0) else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")


def search(
    db: str | Path,
    query: str,
    *,
    limit: int = 20,
    rebuild: bool = False,
    wait_s: float = 120.0,
    on_wait: Callable[[float], None] | None = None,
) -> tuple[list[Hit], IndexInfo]:
    """Articles best matching ``query`` (BM25 over title and text), best first."""
    if not _terms(query):
        raise SearchError("the query has no words to search for (of two letters or more)")
    if limit < 1:
        raise SearchError(f"--limit must be 1 or more, not {limit}")
    info = ensure_index(db, rebuild=rebuild, wait_s=wait_s, on_wait=on_wait)
    con = _sidecar(info.path, read_only=True)
    try:
        con.execute("set TimeZone = 'UTC'")
        rows = con.execute(SEARCH_SQL, {"q": query, "limit": limit}).fetchall()
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot read the search index {info.path}: {exc}") from exc
    finally:
        con.close()
    hits = [
        Hit(rank, float(score), published, source, title, url, snippet(text, query))
        for rank, (score, published, source, title, url, text) in enumerate(rows, start=1)
    ]
    return hits, info
