"""The bundled demo news site: three fictional outlets, their pages and feeds, served on 127.0.0.1.

``DemoSite`` serves it; ``load_articles`` gives the stories with the events an analyst would code from
them, which is what the end-to-end tests compare the pipeline's output against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.demo.content import EDITIONS, Article, load_articles

if TYPE_CHECKING:
    from ingest.demo.site import DemoSite, sources_toml

__all__ = ["EDITIONS", "Article", "DemoSite", "load_articles", "sources_toml"]


def __getattr__(name: str) -> object:
    # Imported on first use, so that `python -m ingest.demo.site` does not find the module already
    # imported by its own package (runpy warns about that).
    if name in ("DemoSite", "sources_toml"):
        from ingest.demo import site

        return getattr(site, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
