"""Sources stage: outlets and their feeds, declared as data (TOML) or imported from OPML."""

from ingest.sources.model import Source, SourcesError, default_sources_path, load_sources, parse_sources
from ingest.sources.opml import import_opml, sources_to_toml
from ingest.sources.resolve import host_delays, resolve_sources, sources_from_feed_urls

__all__ = [
    "Source",
    "SourcesError",
    "default_sources_path",
    "host_delays",
    "import_opml",
    "load_sources",
    "parse_sources",
    "resolve_sources",
    "sources_from_feed_urls",
    "sources_to_toml",
]
