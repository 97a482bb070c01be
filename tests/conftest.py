"""Shared fixtures. Tests never touch the network: servers they need run on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
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


def ran_with_plain_tagger(request: pytest.FixtureRequest) -> bool:
    """For a test that patches the tagger's own functions. Compiled (ingest/tag/native.py), they call each other
    directly, past any patch: then the test runs in a child pytest with the plain Python modules, this returns
    True once it passed there (a failure there fails here), and the caller returns. False: run it here."""
    from ingest.tag import native

    if not native.compiled():
        return False
    env = {**os.environ, native.PURE_ENV: "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"with the plain Python tagger:\n{done.stdout[-4000:]}{done.stderr[-2000:]}"
    return True


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
