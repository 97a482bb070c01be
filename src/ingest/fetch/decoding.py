"""Content-decoding with a hard cap on the decoded size, so a gzip bomb is refused, not inflated.

urllib3 could decode for us, but it inflates a whole network chunk at once; here every step of
decompression is bounded by what is still allowed, so memory stays at the cap plus one small chunk.
"""

from __future__ import annotations

import zlib
from typing import Any


class TooLarge(Exception):
    pass


class BoundedDecoder:
    def __init__(self, encoding: str | None, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.parts: list[bytes] = []
        encoding = (encoding or "identity").strip().lower()
        if encoding not in ("gzip", "x-gzip", "deflate", "identity", ""):
            raise ValueError(f"unsupported content encoding {encoding}")
        self._encoded = encoding not in ("identity", "")
        # gzip is known up front; deflate comes zlib-wrapped or raw, decided on the first bytes.
        self._inflater: Any = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding in ("gzip", "x-gzip") else None

    def feed(self, data: bytes) -> None:
        if not self._encoded:
            self._keep(data)
            return
        if self._inflater is None:  # deflate: servers send both the zlib format and raw deflate
            raw = not (len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0)
            self._inflater = zlib.decompressobj(-zlib.MAX_WBITS if raw else zlib.MAX_WBITS)
        inflater = self._inflater
        chunk = data
        while chunk:
            room = self.limit - self.size + 1  # one byte over the limit is enough to know
            out = inflater.decompress(chunk, room)
            self._keep(out)
            chunk = inflater.unconsumed_tail
            if inflater.eof:
                break

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge
        if data:
            self.parts.append(data)

    def finish(self) -> bytes:
        if self._inflater is not None and not self._inflater.eof:
            self._keep(self._inflater.flush())
        return b"".join(self.parts)
