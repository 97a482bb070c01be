"""The writer slot: one run (nightly, backfill, re-tag) writes to a warehouse at a time.

An advisory ``flock`` on ``<warehouse>.runlock``. The kernel releases it when the holder dies, even
by kill -9, so a crashed run never blocks the next one; the file records who holds it for messages.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from ingest.warehouse.connection import WarehouseError


class WriterSlotBusy(RuntimeError):
    """Another run holds the writer slot."""


class RunLock:
    def __init__(self, db_path: str | Path, *, wait_s: float = 0.0) -> None:
        self.path = Path(f"{db_path}.runlock")
        self.wait_s = wait_s
        self._fd: int | None = None

    def holder(self) -> dict[str, object]:
        try:
            return json.loads(self.path.read_text("utf-8") or "{}")
        except (OSError, ValueError):
            return {}

    def acquire(self, **info: object) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            # Same error class as an unopenable warehouse: the CLI turns it into a message and exit code.
            raise WarehouseError(f"cannot use warehouse location {self.path.parent}: {exc.strerror or exc}") from exc
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    who = self.holder()
                    raise WriterSlotBusy(
                        f"another run is writing to this warehouse (flow {who.get('flow', '?')}, "
                        f"pid {who.get('pid', '?')} on {who.get('host', '?')}, since {who.get('since', '?')}); "
                        "wait for it to finish or pass --wait SECONDS"
                    ) from None
                time.sleep(0.2)
        record = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now(UTC).isoformat(),
            **info,
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(record).encode("utf-8"), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
