"""Bytes of a saved page -> str, robust to wrong or missing charset declarations."""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from pathlib import Path

_GZIP_MAGIC = b"\x1f\x8b"
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, <?xml encoding="x"?>
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE)
_XML_DECLARED = re.compile(rb"""<\?xml[^>]{0,100}encoding\s*=\s*["']([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE)
_SNIFF_BYTES = 16_384
# Browsers (WHATWG encoding spec) treat these labels as windows-1252, a superset that maps 0x80-0x9f.
_WHATWG_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
}


def read_page(path: str | Path) -> bytes:
    """File bytes, gunzipped when the file starts with the gzip magic number (whatever its name)."""
    data = Path(path).read_bytes()
    if data.startswith(_GZIP_MAGIC):
        try:
            return gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            # A truncated download still holds a usable prefix of the page.
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data)
    return data


def declared_charset(data: bytes) -> str | None:
    head = data[:_SNIFF_BYTES]
    match = _DECLARED.search(head) or _XML_DECLARED.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore").lower()
    label = _WHATWG_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    """BOM, then valid UTF-8, then the declared charset, then detection; never raises.

    Valid UTF-8 wins over a declared single-byte charset: text in a legacy charset almost never happens
    to be valid UTF-8 by chance, while pages that declare latin-1 but serve UTF-8 are common.
    """
    return decode_keeping_utf8(data, http_charset)[0]


def decode_keeping_utf8(data: bytes, http_charset: str | None = None) -> tuple[str, bytes | None]:
    """``decode_html``, and ``data`` itself when it is exactly the UTF-8 of that text (valid UTF-8, no BOM):
    the parser wants UTF-8 bytes, and on a large page encoding the text again costs about half a millisecond."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), None
    try:
        return data.decode("utf-8"), data if isinstance(data, bytes) else None
    except UnicodeDecodeError:
        pass
    return _decode_other(data, http_charset), None


def _decode_other(data: bytes, http_charset: str | None) -> str:
    """Bytes that are not UTF-8: the declared charset, then detection, then UTF-8 with replacements."""
    for label in (http_charset, declared_charset(data)):
        if not label:
            continue
        try:
            return data.decode(_WHATWG_ALIASES.get(label.lower(), label))
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None and best.encoding:
            return data.decode(best.encoding, errors="replace")
    except Exception:  # detection is a best effort; the fallback below always works
        pass
    return data.decode("utf-8", errors="replace")
