"""Small helpers shared by the pipeline steps."""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import UTC, date, datetime
from typing import Any


def raw_id(url: str, body: bytes) -> str:
    """Same bytes from the same URL -> same raw document, stored once."""
    return hashlib.sha256(url.encode("utf-8") + b"\n" + body).hexdigest()[:32]


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def gzip_bytes(body: bytes) -> bytes:
    # mtime=0 keeps the compressed bytes a pure function of the input.
    return gzip.compress(body, compresslevel=6, mtime=0)


def to_json(value: Any) -> str:
    return json.dumps(value, default=str, sort_keys=True, ensure_ascii=False)


def parse_when(value: str | date | datetime | None) -> datetime | None:
    """ISO date or timestamp -> aware UTC datetime (a bare date means midnight UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    text = str(value).strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(text[:10]), datetime.min.time())
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), max(1, size))]
