"""Opening the warehouse file.

DuckDB allows one process to hold a file open for writing, and then refuses every other process,
even read-only ones. So writers hold the file only for short transactions, and both readers and
writers retry for a while when the file is busy instead of failing at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

_LOCK_MESSAGES = (
    "could not set lock",
    "conflicting lock",
    "database is locked",
    "resource temporarily unavailable",
)
# One connection at a time per process: DuckDB refuses a read-only connection to a file this process
# already has open for writing, and concurrent write transactions would conflict anyway.
_process_lock = threading.RLock()


WRITER_THREADS = 1
"""DuckDB threads in a write transaction. A batch's inserts and its checkpoint are small pieces of work: with
two threads DuckDB spent about twice the CPU on them (its task executor waits on the other thread); on 2 busy
cores (the extraction pool runs beside the loads) that made loads up to 1.5x slower, on idle ones no faster
(bench/README.md, load path)."""


class WarehouseError(RuntimeError):
    """The warehouse file cannot be opened or written (bad path, disk full, permissions)."""


class WarehouseBusy(WarehouseError):
    """Another process kept the warehouse file locked for longer than we were willing to wait."""


def _extension_dir() -> str | None:
    try:
        import duckdb_ext  # ships fts, ducklake and spatial for DuckDB 1.4 so nothing is downloaded

        return str(duckdb_ext.get_extension_dir())
    except Exception:  # pragma: no cover - optional at runtime
        return None


def extension_config() -> dict[str, str | bool]:
    """DuckDB config that loads fts/ducklake/spatial from duckdb-ext (offline); for every connection we open."""
    ext_dir = _extension_dir()
    return {"extension_directory": ext_dir} if ext_dir else {}


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return any(m in text for m in _LOCK_MESSAGES)


def connect(
    path: str | Path,
    *,
    read_only: bool = False,
    wait_s: float = 120.0,
    on_wait: Callable[[float], None] | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, retrying while another process holds its lock.

    ``on_wait(waited_s)`` is called once when we first have to wait, so a CLI can tell the user why.
    Raises ``WarehouseBusy`` after ``wait_s`` seconds, ``WarehouseError`` for any other failure.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise WarehouseError(f"no warehouse at {path}: run `ingest demo` or `ingest run` first")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WarehouseError(f"cannot create the folder for {path}: {exc.strerror or exc}") from exc
    config = extension_config()
    started = time.monotonic()
    delay = 0.05
    told = False
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            waited = time.monotonic() - started
            if not _is_lock_error(exc):
                raise WarehouseError(f"cannot open warehouse {path}: {exc}") from exc
            if waited >= wait_s:
                raise WarehouseBusy(
                    f"warehouse {path} is locked by another process (a run writing, or a long query) "
                    f"and stayed locked for {waited:.0f} s; try again later"
                ) from exc
            if not told and on_wait is not None:
                on_wait(waited)
                told = True
            time.sleep(delay)
            delay = min(delay * 1.5, 1.0)
        except duckdb.Error as exc:
            raise WarehouseError(f"cannot open warehouse {path}: {exc}") from exc


@contextmanager
def read_only(path: str | Path, **kwargs: object) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection, closed on exit so writers are not locked out."""
    with _process_lock:
        con = connect(path, read_only=True, **kwargs)  # type: ignore[arg-type]
        try:
            yield con
        finally:
            con.close()


@contextmanager
def writer(
    path: str | Path, *, migrate: bool = True, threads: int | None = WRITER_THREADS, **kwargs: object
) -> Iterator[duckdb.DuckDBPyConnection]:
    """One short write transaction: open, migrate if needed, begin, yield, commit, close.

    Closing after every transaction is what lets an analyst's query get in between two loads. ``threads`` is
    DuckDB's worker threads for the transaction and the checkpoint that closes it (migrations run before it
    applies); None keeps DuckDB's default, one per core.
    """
    from ingest.warehouse.migrations import ensure_migrated

    with _process_lock:
        con = connect(path, read_only=False, **kwargs)  # type: ignore[arg-type]
        try:
            if migrate:
                ensure_migrated(con)
            if threads is not None:
                con.execute(f"set threads = {int(threads)}")
            con.begin()
            try:
                yield con
                con.commit()
            except BaseException:
                _rollback_quietly(con)
                raise
        except (duckdb.IOException, duckdb.FatalException, duckdb.TransactionException) as exc:
            # Disk full, file too large, permissions changed under us: DuckDB has already aborted
            # the transaction, so nothing of it is visible; say so plainly.
            raise WarehouseError(f"writing to {path} failed, nothing of this batch was saved: {exc}") from exc
        finally:
            con.close()


def _rollback_quietly(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is still open; after an I/O error DuckDB has already aborted it."""
    with suppress(duckdb.Error):
        con.rollback()
