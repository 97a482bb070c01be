"""python -m ingest.tag build|status: the tag stage's optional compiled build (see native.py)."""

from ingest.tag.native import main

raise SystemExit(main())
