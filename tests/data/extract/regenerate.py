"""Rewrite the expected JSON of the extraction golden pages from the current extractor.

Run after a deliberate change to the extract stage, read the diff of ``expected/`` and commit it with the
code change (and an EXTRACTOR_VERSION bump):

    python tests/data/extract/regenerate.py
"""

from __future__ import annotations

import json
from pathlib import Path

from ingest.extract import extract_file

HERE = Path(__file__).resolve().parent


def expected_record(name: str, url: str) -> dict:
    return extract_file(HERE / "pages" / name, url=url).to_dict()


def main() -> None:
    pages = json.loads((HERE / "pages.json").read_text("utf-8"))
    out_dir = HERE / "expected"
    out_dir.mkdir(exist_ok=True)
    for name, url in sorted(pages.items()):
        record = expected_record(name, url)
        target = out_dir / f"{Path(name).stem}.json"
        target.write_text(json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
        print(f"{target.relative_to(HERE)}: {len(record['text'])} chars of text")


if __name__ == "__main__":
    main()
