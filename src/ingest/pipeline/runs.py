"""Run bookkeeping: the writer slot, the ``runs`` row, and what happens when a run dies."""

from __future__ import annotations

import json
import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.warehouse import RunLock, writer


@dataclass
class Run:
    run_id: str
    flow: str
    db_path: Path
    started_at: datetime
    stats: dict[str, Any] = field(default_factory=dict)

    def count(self, group: str, name: str, n: int = 1) -> None:
        bucket = self.stats.setdefault(group, {})
        bucket[name] = bucket.get(name, 0) + n

    @property
    def failures(self) -> int:
        return sum(self.stats.get(g, {}).get("failed", 0) for g in ("feeds", "articles"))


def _json(value: object) -> str:
    return json.dumps(value, default=str, sort_keys=True)


def start_run(db_path: Path, flow: str, params: dict[str, Any]) -> Run:
    """Record a new run. Any other run still marked 'running' died without finishing (we hold the
    writer slot, so it cannot be alive): mark it abandoned."""
    run = Run(uuid.uuid4().hex, flow, Path(db_path), datetime.now(UTC))
    with writer(db_path) as con:
        con.execute(
            "update runs set status = 'abandoned', finished_at = coalesce(finished_at, ?),"
            " error = coalesce(error, 'process ended before the run finished') where status = 'running'",
            [run.started_at],
        )
        con.execute(
            "insert into runs (run_id, flow, started_at, status, params, host, pid)"
            " values (?, ?, ?, 'running', ?, ?, ?)",
            [run.run_id, flow, run.started_at, _json(params), socket.gethostname(), os.getpid()],
        )
    return run


def finish_run(run: Run, *, error: str | None = None) -> str:
    if error is not None:
        status = "failed"
    elif run.failures:
        status = "partial"
    else:
        status = "succeeded"
    with writer(run.db_path) as con:
        con.execute(
            "update runs set status = ?, finished_at = ?, stats = ?, error = ? where run_id = ?",
            [status, datetime.now(UTC), _json(run.stats), error, run.run_id],
        )
    run.stats["status"] = status
    return status


@contextmanager
def run_slot(db_path: str | Path, flow: str, params: dict[str, Any], *, wait_s: float = 0.0) -> Iterator[Run]:
    """Hold the writer slot for a whole run and record it in ``runs`` (failed if an exception escapes)."""
    lock = RunLock(db_path, wait_s=wait_s)
    lock.acquire(flow=flow)
    try:
        run = start_run(Path(db_path), flow, params)
        try:
            yield run
        except BaseException as exc:
            finish_run(run, error=f"{type(exc).__name__}: {exc}"[:2000])
            raise
        else:
            finish_run(run)
    finally:
        lock.release()
