"""Bytes to text for feeds whose encoding is missing, wrong, or mixed.

Order of evidence: a byte-order mark; otherwise valid UTF-8 wins over any label (a Latin-1 label on
UTF-8 bytes is the commonest lie, and non-ASCII text that happens to be valid UTF-8 by chance is
vanishingly rare); otherwise the first declared non-UTF-8 encoding (HTTP charset, then the XML
declaration) that decodes cleanly; otherwise UTF-8 with every invalid byte read as cp1252, which is
what a cp1252 or ISO-8859-1 feed labelled UTF-8 (or a UTF-8 feed with one pasted cp1252 item) needs.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass, field

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
# WHATWG: browsers read these labels as windows-1252, and so do the servers' authors.
_AS_CP1252 = {"latin_1", "iso8859-1", "ascii", "cp1252"}


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined: keep their Latin-1 meaning
        return chr(byte)


_CP1252 = tuple(_cp1252_char(b) for b in range(256))
_counter = threading.local()


def _fallback_to_cp1252(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    _counter.count = getattr(_counter, "count", 0) + len(bad)
    return "".join(_CP1252[b] for b in bad), error.end


codecs.register_error("ingest-cp1252-fallback", _fallback_to_cp1252)


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def codec_name(label: str | None) -> str | None:
    """Python's canonical codec name for an encoding label, or None when the label is unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declared_encoding(body: bytes) -> str | None:
    match = _DECLARED.search(body[:1024])
    return match.group(1).decode("ascii") if match else None


def _sniff_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII markup leaves a zero byte beside every character."""
    if len(head) >= 4 and head[1] == 0 and head[3] == 0 and head[0] != 0:
        return "utf-16-le"
    if len(head) >= 4 and head[0] == 0 and head[2] == 0 and head[1] != 0:
        return "utf-16-be"
    return None


def decode_body(body: bytes, content_type: str | None = None) -> Decoded:
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = body[len(bom) :].decode(encoding, errors="replace")
            return Decoded(text, encoding)
    utf16 = _sniff_utf16(body[:4])
    if utf16:
        return Decoded(body.decode(utf16, errors="replace"), utf16, [f"no byte-order mark: read as {utf16}"])

    warnings: list[str] = []
    claims: list[tuple[str, str]] = []  # (where, codec)
    for where, label in (
        ("HTTP charset", charset_from_content_type(content_type)),
        ("XML declaration", declared_encoding(body)),
    ):
        if not label:
            continue
        name = codec_name(label)
        if name is None:
            warnings.append(f"unknown encoding {label!r} in the {where}: ignored")
        elif name.startswith(("utf-16", "utf-32")):
            continue  # a UTF-16 label on bytes without zero bytes is wrong: the bytes are ASCII-compatible
        else:
            claims.append((where, name))

    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        wrong = [f"{name} ({where})" for where, name in claims if name != "utf-8"]
        if wrong and not text.isascii():
            warnings.append(f"declared {', '.join(wrong)} but the body is valid UTF-8: read as UTF-8")
        return Decoded(text, "utf-8", warnings)

    for where, name in claims:
        if name == "utf-8":
            continue
        codec = "cp1252" if name in _AS_CP1252 else name
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            if codec != "cp1252":
                warnings.append(f"body is not valid {name} as declared in the {where}")
                continue
            text = "".join(_CP1252[b] for b in body)
        return Decoded(text, codec, warnings)

    _counter.count = 0
    text = body.decode("utf-8", errors="ingest-cp1252-fallback")
    label = "declared UTF-8" if any(name == "utf-8" for _, name in claims) else "no usable encoding declared"
    warnings.append(f"{_counter.count} byte(s) not valid UTF-8 ({label}): read as cp1252")
    return Decoded(text, "utf-8+cp1252", warnings)
