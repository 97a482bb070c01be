"""Shared fixtures. Tests never touch the network: servers they need run on 127.0.0.1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


def shared_or_skip(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside the repository in CI and dev checkouts)")
    return path


@pytest.fixture(autouse=True, scope="session")
def _isolated_prefect_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Prefect writes a database and settings under PREFECT_HOME: keep them out of the user's home."""
    home = tmp_path_factory.mktemp("prefect-home")
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (it takes ~10 s to start on 2 cores)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def demo_warehouse(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site loaded once per session by the nightly flow (~30 s). Treat it as read-only: a test
    that writes to it copies it first. Tests using it belong in xdist_group("prefect") to share the API."""
    from flows.nightly import nightly
    from ingest.demo.site import DemoSite

    folder = tmp_path_factory.mktemp("demo-warehouse")
    db = folder / "warehouse.duckdb"
    with DemoSite() as site:
        sources = folder / "sources.toml"
        sources.write_text(site.sources_toml(), "utf-8")
        result = nightly(sources=str(sources), db=str(db), connect_to=site.connect_to,
                         allow_hosts=[f"127.0.0.1:{site.port}"], host_delay=0.0)  # fmt: skip
    assert result["status"] == "succeeded", result
    return db
