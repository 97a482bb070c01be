"""Rewrite the expected JSON of the feed fixtures from the current parser.

Run after a deliberate change to the feed stage, read the diff of ``expected/`` and commit it with the
code change:

    python tests/data/feeds/regenerate.py

``cases.json`` names each fixture in ``bodies/`` with the URL and Content-Type it is parsed as, and why
it exists. Fixture bodies are kept byte for byte (several are deliberately in the wrong encoding).
"""

from __future__ import annotations

import json
from pathlib import Path

from ingest.feeds import parse_feed

HERE = Path(__file__).resolve().parent


def expected_record(name: str, case: dict[str, str]) -> dict:
    body = (HERE / "bodies" / name).read_bytes()
    return parse_feed(body, case["url"], case["content_type"]).to_dict()


def main() -> None:
    cases = json.loads((HERE / "cases.json").read_text("utf-8"))
    out_dir = HERE / "expected"
    out_dir.mkdir(exist_ok=True)
    for name, case in sorted(cases.items()):
        record = expected_record(name, case)
        target = out_dir / f"{Path(name).stem}.json"
        target.write_text(json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
        outcome = record["error"] or f"{len(record['entries'])} entries, {len(record['warnings'])} warnings"
        print(f"{target.relative_to(HERE)}: {outcome}")


if __name__ == "__main__":
    main()
