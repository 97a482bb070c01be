"""How long an analyst's query waits while a run writes.

Starts `ingest demo` into a fresh warehouse in a subprocess (the nightly flow over real HTTP) and, from this
process, opens the warehouse read-only and runs a query every --every seconds for as long as the run lasts,
the way `ingest query` does (retrying while the writer holds the file). Prints how many queries ran, how many
had to wait, and the longest and median time from "want to read" to "have the answer".

    python bench/reader_wait.py [--every 0.1] [--host-delay 0.2]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ingest.warehouse import read_only


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.1, help="seconds between two reader queries")
    parser.add_argument("--host-delay", type=float, default=0.2, help="passed to ingest demo")
    args = parser.parse_args()
    exe = Path(sys.executable).parent / "ingest"
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.duckdb"
        run = subprocess.Popen([str(exe), "demo", "--db", str(db), "--host-delay", str(args.host_delay)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
        latencies: list[float] = []
        waited = 0
        while run.poll() is None:
            if not db.exists():
                time.sleep(args.every)
                continue
            had_to_wait = []
            started = time.perf_counter()
            try:
                with read_only(db, wait_s=600, on_wait=had_to_wait.append) as con:
                    con.execute("select count(*) from articles").fetchone()
            except Exception as exc:  # the file exists but is not a warehouse yet (first migration running)
                if "articles" not in str(exc) and "does not exist" not in str(exc):
                    print(f"reader error: {exc}")
                time.sleep(args.every)
                continue
            latencies.append(time.perf_counter() - started)
            waited += bool(had_to_wait)
            time.sleep(args.every)
        output = run.stdout.read() if run.stdout else ""
    if run.returncode != 0:
        print(output)
        raise SystemExit(f"ingest demo failed with exit code {run.returncode}")
    print(f"reader queries during the demo run: {len(latencies)}, of which had to wait for the writer: {waited}")
    print(f"longest time to an answer: {max(latencies) * 1000:.0f} ms")
    print(f"median time to an answer:  {statistics.median(latencies) * 1000:.0f} ms")
    print(f"95th percentile:           {sorted(latencies)[int(0.95 * (len(latencies) - 1))] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
