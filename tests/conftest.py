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
    """The demo site loaded once by the nightly flow, for tests that only read the warehouse.

    Tests using it must not write to it; mark them ``xdist_group("prefect")`` so they share this build
    (and the Prefect server) with the flow tests instead of building a second one on another worker.
    """
    from flows.nightly import nightly
    from ingest.demo.site import DemoSite

    folder = tmp_path_factory.mktemp("demo-warehouse")
    db = folder / "demo.duckdb"
    with DemoSite() as site:
        sources = folder / "sources.toml"
        sources.write_text(site.sources_toml(), "utf-8")
        result = nightly(
            sources=str(sources),
            db=str(db),
            connect_to=site.connect_to,
            allow_hosts=[f"127.0.0.1:{site.port}"],
            host_delay=0.0,
        )
    assert result["status"] == "succeeded", result
    return db
