"""Clean stage: normalise text, canonicalise URLs, hash content.

Everything downstream (tagging offsets, duplicate detection, article identity) depends on these
functions being deterministic, so they are pure and free of I/O beyond reading packaged data once.
"""

from ingest.clean.text import content_hash, fingerprints, hamming, normalize_text, simhash, strip_boilerplate_lines
from ingest.clean.urls import canonicalize_url, url_id

__all__ = [
    "canonicalize_url",
    "content_hash",
    "fingerprints",
    "hamming",
    "normalize_text",
    "simhash",
    "strip_boilerplate_lines",
    "url_id",
]
