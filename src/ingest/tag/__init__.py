"""Tag stage: Middle East security events from cleaned article text.

Rules and dictionaries in ``data/`` (event types with their ACLED/CAMEO mapping, actors, places, patterns,
number words) turn each sentence that asserts a real, current event into an :class:`Event` whose evidence
offsets point back into the text.
"""

from ingest.tag.model import ArticleTags, Event
from ingest.tag.resources import event_types as _event_types
from ingest.tag.tagger import TAGGER_VERSION, tag_article

EVENT_TYPES: tuple[str, ...] = tuple(_event_types())

__all__ = ["EVENT_TYPES", "TAGGER_VERSION", "ArticleTags", "Event", "tag_article"]
