"""Feed stage: turn the bytes a server sent for a feed into entries, whatever state those bytes are in.

``parse_feed`` never raises. It repairs what can be repaired (encodings, stray bytes before the XML
declaration, truncated documents, relative links, odd dates) and says so in ``warnings``; it refuses
what must not be parsed (entity expansion, external entities) and what is not a feed (an HTML page)
with a short readable ``error``.
"""

from ingest.feeds.model import FeedEntry, ParsedFeed
from ingest.feeds.parse import parse_feed

__all__ = ["FeedEntry", "ParsedFeed", "parse_feed"]
