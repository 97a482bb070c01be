"""Text normalisation and content hashing."""

from __future__ import annotations

import hashlib
import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources

import numpy as np

# Characters that render as nothing (or as a plain space) but break token matching and hashing.
# A regex rather than str.translate: translate looks every character up in a dict (~30x slower on articles).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_WORDS = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _boilerplate_line_re() -> re.Pattern[str]:
    data = tomllib.loads(resources.files("ingest.clean").joinpath("data/boilerplate_lines.toml").read_text("utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["patterns"]), re.IGNORECASE)


def normalize_text(text: str) -> str:
    """NFC-normalise, drop invisible characters, fold exotic spaces, trim lines, keep paragraph breaks.

    NFC rather than NFKC: NFKC would rewrite characters such as superscripts and ligatures, changing
    the stored article text that evidence offsets point into.
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    # Spaces folded once over the whole text (the class holds no newline), and only when there is something
    # to fold: replacing each of thousands of single spaces by itself is most of this function's time.
    if "  " in text or _ODD_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    lines = [line.strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def strip_boilerplate_lines(text: str) -> str:
    """Remove whole lines that are known extractor leftovers ("Advertisement", "Read more: ...")."""
    pattern = _boilerplate_line_re()
    kept = [line for line in text.split("\n") if not pattern.fullmatch(line.strip())]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(kept)).strip()


def content_hash(text: str) -> str:
    """Hash of the lower-cased word sequence: equal for texts that differ only in spacing or punctuation.

    Used to recognise the same story syndicated by several outlets and to tell a real article update
    from a re-render of the same text.
    """
    return _content_hash(_hash_words(text))


def fingerprints(text: str) -> tuple[str, int]:
    """``(content_hash(text), simhash(text))``, splitting the text into words once for both."""
    words = _hash_words(text)
    return _content_hash(words), _simhash(words)


def _hash_words(text: str) -> list[str]:
    return _WORDS.findall(unicodedata.normalize("NFKC", text).casefold())


def _content_hash(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def _shingle_digests(words: list[str], size: int) -> bytes:
    """8-byte BLAKE2b digest of every word ``size``-gram, concatenated."""
    blake2b = hashlib.blake2b
    # zip of shifted views gives every gram without a slice per word; a text shorter than a gram is one gram.
    grams = (
        map(" ".join, zip(*(words[i:] for i in range(size)), strict=False)) if len(words) >= size else [" ".join(words)]
    )
    return b"".join([blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams])


def simhash(text: str) -> int:
    """64-bit SimHash of the word 3-shingles, as a signed integer (fits DuckDB BIGINT).

    Two copies of a story that differ by a credit line, a dateline or an edited sentence land a few
    bits apart, while different stories differ in about half of the 64 bits.
    """
    return _simhash(_hash_words(text))


def _simhash(words: list[str]) -> int:
    if not words:
        return 0
    digests = np.frombuffer(_shingle_digests(words, 3), dtype=np.uint8).reshape(-1, 8)
    # Column j of the unpacked bits is bit 63-j of the big-endian 64-bit digest.
    ones = np.unpackbits(digests, axis=1).sum(axis=0)
    set_bits = ones[::-1] > len(digests) / 2  # index i is now bit i
    value = int(np.packbits(set_bits, bitorder="little").view("<u8")[0])
    return value - (1 << 64) if value >= 1 << 63 else value


def hamming(a: int, b: int) -> int:
    return ((a ^ b) & 0xFFFFFFFFFFFFFFFF).bit_count()
