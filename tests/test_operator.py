"""What an operator does: a real Prefect server, a process work pool, `prefect deploy --all`, a triggered
`nightly` deployment run by `prefect worker start --run-once` against the demo site. All offline."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from ingest.demo.site import DemoSite
from ingest.warehouse import read_only

REPO = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.slow, pytest.mark.prefect]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _prefect(env: dict[str, str], *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    proc = subprocess.run(
        [exe, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )
    assert proc.returncode == 0, f"prefect {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture
def prefect_server(tmp_path: Path):
    port = _free_port()
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }
    env.pop("PREFECT_API_URL", None)
    exe = shutil.which("prefect", path=str(Path(sys.executable).parent)) or "prefect"
    log = open(tmp_path / "server.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [exe, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=tmp_path,
    )  # fmt: skip
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{api}/health", timeout=2).ok:
                break
        except requests.RequestException:
            pass
        assert server.poll() is None, (tmp_path / "server.log").read_text()
        time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("prefect server did not answer its health check in 120 s")
    try:
        yield {**env, "PREFECT_API_URL": api}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def test_operator_deploys_and_a_worker_runs_the_nightly_deployment(prefect_server: dict[str, str], tmp_path: Path):
    env = prefect_server
    db = tmp_path / "ops.duckdb"
    _prefect(env, "work-pool", "create", "ingest-process", "--type", "process")
    deployed = _prefect(env, "--no-prompt", "deploy", "--all")
    assert "nightly" in deployed.stdout and "backfill" in deployed.stdout
    with DemoSite() as site:
        sources = tmp_path / "demo-sources.toml"
        sources.write_text(site.sources_toml(), "utf-8")
        params = {
            "sources": str(sources),
            "db": str(db),
            "connect_to": site.connect_to,
            "allow_hosts": [f"127.0.0.1:{site.port}"],
            "host_delay": 0.05,
        }
        _prefect(env, "deployment", "run", "nightly/nightly", "--params", json.dumps(params))
        _prefect(env, "worker", "start", "--pool", "ingest-process", "--run-once", timeout=300)
    with read_only(db) as con:
        status, stats = con.execute("select status, stats from runs").fetchone()
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
        n_events = con.execute("select count(*) from events").fetchone()[0]
    assert status == "succeeded", stats
    assert n_articles >= 30 and n_events > 0
