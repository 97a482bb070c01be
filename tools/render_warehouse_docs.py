"""Regenerate docs/warehouse.md from the DDL comments: python tools/render_warehouse_docs.py"""

from pathlib import Path

from ingest.warehouse.docs import render_markdown

if __name__ == "__main__":
    target = Path(__file__).resolve().parents[1] / "docs" / "warehouse.md"
    target.write_text(render_markdown(), "utf-8")
    print(f"wrote {target}")
