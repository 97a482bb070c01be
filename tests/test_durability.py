"""Nothing lost, nothing doubled: runs killed with SIGKILL, two runs at once, a full disk, a bad path.

Every test here uses real `ingest` processes against the demo site over HTTP. They share the
session's Prefect API (started once by the ``prefect_harness`` fixture) so each process skips the
~15 s start of a temporary server.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.demo.site import DemoSite
from ingest.warehouse import read_only

pytestmark = [pytest.mark.prefect, pytest.mark.slow, pytest.mark.xdist_group("prefect")]

INGEST = Path(sys.executable).parent / "ingest"


@pytest.fixture(scope="module")
def api_env(prefect_harness, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from prefect.settings import get_current_settings

    url = get_current_settings().api.url
    assert url, "the Prefect test harness should have set an API URL"
    home = tmp_path_factory.mktemp("prefect-home-child")
    return {**os.environ, "PREFECT_API_URL": str(url), "PREFECT_HOME": str(home)}


def _run_args(site: DemoSite, db: Path, tmp_path: Path, *extra: str) -> list[str]:
    sources = tmp_path / f"sources-{site.port}.toml"
    sources.write_text(site.sources_toml(), "utf-8")
    args = [str(INGEST), "run", "--sources", str(sources), "--db", str(db), "--allow-host", f"127.0.0.1:{site.port}"]
    for host, target in site.connect_to.items():
        args += ["--connect-to", f"{host}:{target}"]
    return [*args, *extra]


def _start(args: list[str], env: dict[str, str], **kwargs) -> subprocess.Popen[str]:
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            stdin=subprocess.DEVNULL, **kwargs)  # fmt: skip


def _article_fetches(site: DemoSite) -> int:
    return sum(1 for _host, path, _status in site.request_log if "/feeds/" not in path and not path.endswith(".rdf"))


def _kill_after_fetches(proc: subprocess.Popen[str], site: DemoSite, n: int, timeout: float = 120) -> bool:
    """SIGKILL the run once it has fetched ``n`` article pages. False if it finished first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        if _article_fetches(site) >= n:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            return True
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("the run neither finished nor fetched enough pages in time")


def _warehouse_invariants(db: Path, site: DemoSite) -> dict[str, object]:
    with read_only(db) as con:
        urls = [r[0] for r in con.execute("select url from articles").fetchall()]
        event_ids = [r[0] for r in con.execute("select event_id from events").fetchall()]
        orphans = con.execute(
            "select count(*) from events e left join articles a using (article_id) where a.article_id is null"
        ).fetchone()[0]
        missing_versions = con.execute(
            "select count(*) from articles a left join article_versions v using (article_id, version)"
            " where v.article_id is null"
        ).fetchone()[0]
        runs = con.execute("select status from runs order by started_at").fetchall()
    assert len(urls) == len(set(urls)), "an article was loaded twice"
    assert len(event_ids) == len(set(event_ids)), "an event was loaded twice"
    assert orphans == 0 and missing_versions == 0, "a batch was half loaded"
    return {"urls": set(urls), "runs": [r[0] for r in runs], "events": len(event_ids)}


def _why_missing(db: Path, site: DemoSite, state: dict[str, object], final: subprocess.CompletedProcess) -> str:
    """What a failing count needs to be understood: the fetch errors recorded and the last run's output."""
    with read_only(db) as con:
        errors = con.execute(
            "select run_id, kind, url, http_status, error from fetch_log where error is not null order by fetched_at"
        ).fetchall()
        runs = con.execute("select run_id, status, started_at from runs order by started_at").fetchall()
    return (f"{len(state['urls'])} articles loaded\nruns: {runs}\nfetch errors: {errors}\n"
            f"last run stdout:\n{final.stdout[-4000:]}\nstderr:\n{final.stderr[-4000:]}")  # fmt: skip


def test_runs_killed_mid_flight_leave_a_clean_warehouse_and_the_next_run_completes(api_env, tmp_path):
    db = tmp_path / "w.duckdb"
    with DemoSite() as site:
        args = _run_args(site, db, tmp_path, "--host-delay", "0.05", "--batch-size", "8", "--processes", "1")
        killed = 0
        for after in (3, 20, 33):  # before the first load, between batches, late in the run
            proc = _start(args, api_env)
            killed += _kill_after_fetches(proc, site, _article_fetches(site) + after)
            if db.exists():  # opens cleanly, and whatever is there is whole
                _warehouse_invariants(db, site)
        final = subprocess.run(args, env=api_env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert final.returncode == 0, final.stdout + final.stderr
        state = _warehouse_invariants(db, site)

    assert killed >= 2, "the runs finished before they could be killed: make them slower"
    # Every demo article is loaded exactly once (40 stories + the syndicated copy kept as a duplicate).
    assert len(state["urls"]) == 41, _why_missing(db, site, state, final)
    runs = state["runs"]
    assert runs[-1] == "succeeded" and runs.count("abandoned") == killed, runs
    assert state["events"] > 0


def test_second_concurrent_run_is_refused_or_waits_and_nothing_breaks(api_env, tmp_path):
    db = tmp_path / "w.duckdb"
    with DemoSite() as site:
        # A 1 s gap per host makes the first run last ~15 s: long enough for the others to collide with it.
        args = _run_args(site, db, tmp_path, "--host-delay", "1.0", "--processes", "1")
        first = _start(args, api_env)
        lock = Path(f"{db}.runlock")  # the holder records itself in the lock file
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (lock.exists() and lock.read_text()):
            time.sleep(0.05)
        waiting = _start([*args, "--wait", "300"], api_env)
        refused = subprocess.run(args, env=api_env, capture_output=True, text=True, timeout=120,
                                 stdin=subprocess.DEVNULL)  # fmt: skip
        first_still_running = first.poll() is None
        out, err = first.communicate(timeout=300)
        wout, werr = waiting.communicate(timeout=300)
        state = _warehouse_invariants(db, site)

    assert first_still_running, "the first run ended before the second tried: the test proves nothing"
    assert first.returncode == 0, out + err
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert "another run is writing to this warehouse" in refused.stderr and "Traceback" not in refused.stderr
    assert waiting.returncode == 0, wout + werr
    assert "articles new 0, updated 0, duplicate 0, failed 0" in wout
    assert len(state["urls"]) == 41 and state["runs"] == ["succeeded", "succeeded"]


def _limit_file_size(limit: int):
    def apply() -> None:
        # A file that may not grow past ``limit`` bytes behaves like a full disk for its writer (EFBIG);
        # ignoring SIGXFSZ makes the write fail with an error instead of killing the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_full_disk_is_a_clear_error_and_keeps_what_was_loaded(api_env, tmp_path):
    db = tmp_path / "w.duckdb"
    with DemoSite(edition="early") as site:
        early = subprocess.run(_run_args(site, db, tmp_path, "--host-delay", "0"), env=api_env, capture_output=True,
                               text=True, timeout=300, stdin=subprocess.DEVNULL)  # fmt: skip
        assert early.returncode == 0, early.stdout + early.stderr
        before = _warehouse_invariants(db, site)
    with DemoSite(edition="final") as site:
        full = subprocess.run(_run_args(site, db, tmp_path, "--host-delay", "0"), env=api_env, capture_output=True,
                              text=True, timeout=300, stdin=subprocess.DEVNULL,
                              preexec_fn=_limit_file_size(64 * 1024))  # fmt: skip
        after = _warehouse_invariants(db, site)

    assert full.returncode == 1, full.stdout + full.stderr
    assert "error:" in full.stderr and "Traceback" not in full.stderr
    assert before["urls"] <= after["urls"], "rows loaded before the failure were lost"


def test_an_unusable_warehouse_path_is_a_clear_error(api_env, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with DemoSite() as site:
        result = subprocess.run(_run_args(site, blocker / "w.duckdb", tmp_path), env=api_env, capture_output=True,
                                text=True, timeout=120, stdin=subprocess.DEVNULL)  # fmt: skip
    assert result.returncode == 1
    assert "error: cannot use warehouse location" in result.stderr and "Traceback" not in result.stderr
