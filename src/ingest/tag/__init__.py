"""Tag stage: Middle East security events from cleaned article text.

Rules and dictionaries in ``data/`` (event types with their ACLED/CAMEO mapping, actors, places, patterns,
number words) turn each sentence that asserts a real, current event into an :class:`Event` whose evidence
offsets point back into the text.
"""

from ingest.tag import native as _native

# Before any module below is imported: a mypyc build of exactly these sources, when one is installed (native.py).
_native.activate(__path__)

from ingest.tag.model import ArticleTags, Event  # noqa: E402
from ingest.tag.resources import event_types as _event_types  # noqa: E402
from ingest.tag.tagger import TAGGER_VERSION, tag_article  # noqa: E402

EVENT_TYPES: tuple[str, ...] = tuple(_event_types())

__all__ = ["EVENT_TYPES", "TAGGER_VERSION", "ArticleTags", "Event", "tag_article"]
