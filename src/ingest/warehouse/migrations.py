"""Forward-only schema migrations and views.

``sql/migrations/NNNN_name.sql`` files are applied in order, each in its own transaction, and recorded
in ``schema_migrations`` with a checksum (an edited applied file is an error: add a new migration).
``sql/views/*.sql`` are re-created whenever their text changes.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_checked: set[str] = set()  # database files already brought up to date by this process


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()


def sql_dir() -> Path:
    """The project's sql/ folder: packaged inside the wheel, or at the repository root in a checkout."""
    packaged = resources.files("ingest").joinpath("sql")
    if packaged.is_dir():
        return Path(str(packaged))
    repo = Path(__file__).resolve().parents[3] / "sql"
    if repo.is_dir():
        return repo
    raise MigrationError("cannot find the sql/ folder (neither packaged nor in the repository)")


def load_migrations(folder: Path | None = None) -> list[Migration]:
    folder = (folder or sql_dir()) / "migrations"
    found = []
    for path in sorted(folder.glob("*.sql")):
        match = _MIGRATION_NAME.match(path.name)
        if not match:
            raise MigrationError(f"migration file name {path.name!r} is not NNNN_lower_case_name.sql")
        found.append(Migration(int(match.group(1)), match.group(2), path.read_text("utf-8")))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migrations share a number in {folder}")
    return found


def load_views(folder: Path | None = None) -> list[tuple[str, str]]:
    folder = (folder or sql_dir()) / "views"
    return [(p.stem, p.read_text("utf-8")) for p in sorted(folder.glob("*.sql"))]


def _bootstrap(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "create table if not exists schema_migrations ("
        " version integer primary key, name varchar not null, checksum varchar not null,"
        " applied_at timestamptz not null)"
    )
    con.execute(
        "create table if not exists schema_views ("
        " name varchar primary key, checksum varchar not null, applied_at timestamptz not null)"
    )


def apply_migrations(
    con: duckdb.DuckDBPyConnection, migrations: list[Migration] | None = None, *, views: bool = True
) -> list[int]:
    """Apply pending migrations (and changed views); return the versions applied."""
    migrations = load_migrations() if migrations is None else migrations
    _bootstrap(con)
    applied = {v: c for v, c in con.execute("select version, checksum from schema_migrations").fetchall()}
    for m in migrations:
        if m.version in applied and applied[m.version] != m.checksum:
            raise MigrationError(
                f"migration {m.version:04d}_{m.name} was edited after it was applied; "
                "migrations only move forward: revert the edit and add a new migration"
            )
    newest_known = max((m.version for m in migrations), default=0)
    if applied and max(applied) > newest_known:
        raise MigrationError(
            f"the warehouse has schema version {max(applied)}, newer than this code knows ({newest_known}); "
            "upgrade the ingest package"
        )
    done = []
    for m in migrations:
        if m.version in applied:
            continue
        con.begin()
        try:
            con.execute(m.sql)
            con.execute(
                "insert into schema_migrations values (?, ?, ?, ?)",
                [m.version, m.name, m.checksum, datetime.now(UTC)],
            )
            con.commit()
        except Exception as exc:
            con.rollback()
            raise MigrationError(f"migration {m.version:04d}_{m.name} failed: {exc}") from exc
        done.append(m.version)
    if done:
        from ingest.warehouse.load import forget_unique_keys

        forget_unique_keys()  # constraints may have changed
    if views:
        _apply_views(con, force=bool(done))
    return done


def _apply_views(con: duckdb.DuckDBPyConnection, *, force: bool) -> None:
    """Re-create changed views. A view may select from another: one that fails because a view it needs
    does not exist yet is retried after the others, so file names need not encode the order."""
    stored = dict(con.execute("select name, checksum from schema_views").fetchall())
    pending = []
    for name, sql in load_views():
        checksum = hashlib.sha256(sql.encode("utf-8")).hexdigest()
        if force or stored.get(name) != checksum:
            pending.append((name, sql, checksum))
    while pending:
        waiting: list[tuple[str, str, str]] = []
        errors: dict[str, Exception] = {}
        for name, sql, checksum in pending:
            con.begin()
            try:
                con.execute(sql)
                con.execute("insert or replace into schema_views values (?, ?, ?)", [name, checksum, datetime.now(UTC)])
                con.commit()
            except duckdb.CatalogException as exc:
                con.rollback()
                waiting.append((name, sql, checksum))
                errors[name] = exc
            except Exception as exc:
                con.rollback()
                raise MigrationError(f"view {name} failed: {exc}") from exc
        if len(waiting) == len(pending):  # no progress: the missing object is not another view
            name = waiting[0][0]
            raise MigrationError(f"view {name} failed: {errors[name]}") from errors[name]
        pending = waiting


def ensure_migrated(con: duckdb.DuckDBPyConnection) -> None:
    """Apply migrations once per database file per process (cheap on every later call)."""
    key = con.execute("select path from duckdb_databases() where database_name = current_database()").fetchone()
    path = str(key[0]) if key else ""
    if path in _checked:
        return
    apply_migrations(con)
    _checked.add(path)
