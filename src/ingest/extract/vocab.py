"""The stage's word lists and patterns, read once from ``data/extract.toml``."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    return tomllib.loads(resources.files("ingest.extract.data").joinpath("extract.toml").read_text("utf-8"))


@lru_cache(maxsize=32)
def pattern(section: str, key: str) -> re.Pattern[str]:
    """One case-insensitive alternation built from a list of regular expressions in the data file."""
    return re.compile("|".join(f"(?:{p})" for p in vocab()[section][key]), re.IGNORECASE)
